"""The global budget counted on departures: what Telegram counts is arrivals, not our slots.

`SendScheduler` spaces slots evenly, but a send leaves when the event loop gets to it. After
a stall (the machine busy, a long database write) the sends whose slots passed leave together
and Telegram sees more than its limit within one second: a 429 even though every slot was
right. The gate lets at most `per_second` sends leave within any window of one second plus
the scheduler's margin; after a stall the sender catches up only as far as that allows.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

from bot.delivery.limits import BUDGET_SHARE


class DepartureGate:
    def __init__(self, per_second: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.count = max(1, int(per_second))
        self.window = self.count / (per_second * BUDGET_SHARE)
        self.clock = clock
        self._recent: deque[float] = deque(maxlen=self.count)  # the last `count` departures

    def reserve(self) -> float:
        """Book one departure and return its time: now, or when the window has room."""
        at = self.clock()
        if len(self._recent) == self.count:
            at = max(at, self._recent[0] + self.window)
        self._recent.append(at)
        return at
