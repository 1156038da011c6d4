"""The global budget counted on departures: what Telegram counts is arrivals, not our slots.

`SendScheduler` spaces slots evenly, but a send leaves when the event loop gets to it. After
a stall (the machine busy, a long database write) the sends whose slots passed leave together
and Telegram sees more than its limit within one second: a 429 even though every slot was
right. The gate lets at most `per_second` sends leave within any window of one second plus
the scheduler's margin; after a stall the sender catches up only as far as that allows. A
send whose own wait at the gate ended late books again rather than leave in a window that the
sends booked after it may already fill.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable

from bot.delivery.limits import BUDGET_SHARE

MAX_BOOKINGS = 5  # then the send leaves anyway: a loop this slow is not sending much


class DepartureGate:
    def __init__(
        self,
        per_second: float,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.count = max(1, int(per_second))
        self.window = self.count / (per_second * BUDGET_SHARE)
        # A wait that ended later than this books again: half the margin over Telegram's one
        # second for our own lateness, half left for the network and Telegram's side.
        self.late_tolerance = (self.window - self.count / per_second) / 2
        self.clock = clock
        self.sleep = sleep
        self._recent: deque[float] = deque(maxlen=self.count)  # the last `count` departures

    def reserve(self) -> float:
        """Book one departure and return its time: now, or when the window has room."""
        at = self.clock()
        if len(self._recent) == self.count:
            at = max(at, self._recent[0] + self.window)
        self._recent.append(at)
        return at

    async def wait_turn(self) -> None:
        """Return when one more send may leave."""
        at = self.reserve()
        for _ in range(MAX_BOOKINGS):
            wait = at - self.clock()
            if wait <= 0:
                return
            await self.sleep(wait)
            if self.clock() - at <= self.late_tolerance:
                return
            at = self.reserve()  # the first booking stays counted: a little room is lost
