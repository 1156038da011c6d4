"""A sliding-window limiter for an API that allows N calls per period (TVmaze: 20 per 10 s)."""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable


class SlidingWindowLimiter:
    """At most `max_calls` starts in any `period`; `pause(seconds)` holds everyone back (429).

    Background work calls `acquire(reserve=n)`: it starts only while `n` calls of the window
    stay free, and waits without the lock, so a user's call never queues behind it.
    """

    def __init__(
        self,
        max_calls: int,
        period: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.max_calls = max_calls
        self.period = period
        self._clock = clock
        self._sleep = sleep
        self._starts: deque[float] = deque()
        self._paused_until = 0.0
        self._lock = asyncio.Lock()

    def delay(self, reserve: int = 0) -> float:
        """Seconds until the next call may start (0 = now) with `reserve` calls left over."""
        now = self._clock()
        while self._starts and self._starts[0] <= now - self.period:
            self._starts.popleft()
        wait = max(0.0, self._paused_until - now)
        allowed = max(1, self.max_calls - reserve)
        if len(self._starts) >= allowed:
            wait = max(wait, self._starts[len(self._starts) - allowed] + self.period - now)
        return wait

    async def acquire(self, *, reserve: int = 0) -> None:
        if reserve:
            # No lock: the check and the append run without an await between them. A locked
            # lock means a user's call is waiting for a slot: it goes first.
            while True:
                busy = self._lock.locked()
                wait = self.period / self.max_calls if busy else self.delay(reserve)
                if wait <= 0:
                    break
                await self._sleep(wait)
            self._starts.append(self._clock())
            return
        async with self._lock:
            while (wait := self.delay()) > 0:
                await self._sleep(wait)
            self._starts.append(self._clock())

    def pause(self, seconds: float) -> None:
        self._paused_until = max(self._paused_until, self._clock() + seconds)
