"""When the next message may go: a pure scheduler over an injectable clock.

Telegram's limits, all at once: a global budget (messages per second), one message per second
to one private chat, 20 per minute to one group, and whatever `retry_after` a 429 asked for
that chat. The scheduler hands out send slots; the sender sleeps until its slot.

One scheduler serves the whole bot: the outbox sender and handler replies (through
`bot/reply_limiter.py`) both wait for their `turn`, replies first.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter, deque
from collections.abc import Callable
from contextvars import ContextVar
from enum import IntEnum

# Margins over Telegram's published limits: our slot is when a request leaves, Telegram counts
# when it arrives, and two requests to one chat may arrive closer than they left.
# The same for the global budget: slots 2 % apart more than the budget strictly needs.
BUDGET_SHARE = 0.98
PRIVATE_SPACING = 1.05
GROUP_WINDOW = 61.0
GROUP_MAX_PER_WINDOW = 20
FORGET_AFTER = GROUP_WINDOW
# A late wake-up (the event loop busy with a claim, a write, the collector) may hand out the
# slots it overslept, but never more than this many seconds' worth, and never more than the
# budget within any window (below): after an idle spell the budget starts afresh.
CATCH_UP_SECONDS = 0.05

# Set by the outbox sender in its send task: that request already has its turn, so the
# Telegram-wide rate limiter lets it pass (and leaves its 429 to the sender's bookkeeping).
HAS_TURN: ContextVar[bool] = ContextVar("has_send_turn", default=False)


class Lane(IntEnum):
    """Who waits for a slot; a lower lane goes first."""

    REPLY = 0  # a handler answering a user: within a fraction of a second
    BULK = 1  # the outbox: news, reminders, broadcasts


class SendScheduler:
    def __init__(self, per_second: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.interval = 1.0 / (per_second * BUDGET_SHARE)
        # Whatever the catching up: at most `per_second` slots within any `window` (one second
        # and the margin), counted on the slots handed out, which is when the sends leave.
        self.window_count = max(1, int(per_second))
        self.window = self.window_count * self.interval
        self.clock = clock
        self._next_global = 0.0
        self._recent: deque[float] = deque(maxlen=self.window_count)  # the last slots given
        self._private_last: dict[int, float] = {}
        self._group_sends: dict[int, deque[float]] = {}
        self._blocked_until: dict[int, float] = {}
        self._reservations = 0
        self._queues: tuple[deque[asyncio.Future[bool]], ...] = tuple(deque() for _ in Lane)
        self._sleepers: tuple[set[asyncio.Future[bool]], ...] = tuple(set() for _ in Lane)
        self._dispatcher: asyncio.Task[None] | None = None
        self._replying: Counter[int] = Counter()  # chat → replies to it waiting for a turn

    def chat_ready_at(self, chat: int, *, is_group: bool) -> float:
        """Earliest time this chat may get its next message (the global budget aside)."""
        ready = self._blocked_until.get(chat, 0.0)
        if is_group:
            sends = self._group_sends.get(chat)
            if sends is not None and len(sends) >= GROUP_MAX_PER_WINDOW:
                ready = max(ready, sends[0] + GROUP_WINDOW)
        elif chat in self._private_last:
            ready = max(ready, self._private_last[chat] + PRIVATE_SPACING)
        return ready

    def reserve(self, chat: int, *, is_group: bool) -> float:
        """Book the next slot for one message to `chat` and return its time (never past)."""
        now = self.clock()
        global_slot = max(now, self._global_free_at())
        # A chat that must wait takes its global slot now rather than pushing everyone back.
        self._next_global = global_slot + self.interval
        self._recent.append(global_slot)
        slot = max(global_slot, self.chat_ready_at(chat, is_group=is_group))
        self._book_chat(chat, slot, is_group=is_group)
        return slot

    async def ready(self, chat: int, *, is_group: bool, lane: Lane) -> bool:
        """Wait until `chat`'s own limits allow a message (the global budget aside).
        False: released (`release`)."""
        wait = self.chat_ready_at(chat, is_group=is_group) - self.clock()
        return wait <= 0 or await self._sleep(lane, wait)

    async def turn(self, chat: int, *, is_group: bool, lane: Lane) -> bool:
        """Wait until one message to `chat` may go now, and book it. Replies are served before
        bulk traffic waiting for the same global slots. False: released unsent (`release`).

        The global slots are handed out as they come due, one interval apart, never ahead:
        the caller sends at once, so departures are paced as the slots are. A late wake-up
        catches up by at most CATCH_UP_SECONDS, so a stall does not let a burst leave.

        A chat's own slot goes to a reply to it before bulk traffic waiting for the same chat
        (the sender claims a chat a little before it is free)."""
        if lane == Lane.REPLY:
            self._replying[chat] += 1
        try:
            while True:
                if not await self.ready(chat, is_group=is_group, lane=lane):
                    return False
                if lane == Lane.BULK and self._replying[chat]:  # let the reply book it first
                    if not await self._sleep(lane, self.interval):
                        return False
                    continue
                now = self.clock()
                if now >= self._global_free_at() and not any(self._queues):
                    self._give_global(now, since=now)  # an idle budget: the next slot from now
                elif not await self._queue(lane):
                    return False
                now = self.clock()
                # Another message to this chat may have taken its slot meanwhile: wait again.
                if self.chat_ready_at(chat, is_group=is_group) <= now and not (
                    lane == Lane.BULK and self._replying[chat]
                ):
                    self._book_chat(chat, now, is_group=is_group)
                    return True
        finally:
            if lane == Lane.REPLY:
                self._replying[chat] -= 1
                if not self._replying[chat]:
                    del self._replying[chat]

    def answered(self, chat: int, *, is_group: bool) -> None:
        """Telegram has answered the message booked last for `chat`: it arrived by now, so
        the chat's next one counts from here (a request slowed on its way cannot bring two
        messages to one chat closer than Telegram allows)."""
        now = self.clock()
        if is_group:
            sends = self._group_sends.get(chat)
            if sends:
                sends[-1] = max(sends[-1], now)
        elif chat in self._private_last:
            self._private_last[chat] = max(self._private_last[chat], now)

    def release(self, lane: Lane) -> None:
        """Everyone waiting in `lane` gives up (their `turn` returns False): a sender stopping."""
        waiting = [*self._queues[lane], *self._sleepers[lane]]
        self._queues[lane].clear()
        self._sleepers[lane].clear()
        for future in waiting:
            if not future.done():
                future.set_result(False)

    def waiting(self, lane: Lane) -> int:
        """How many wait for a global slot in `lane` (for tests and benches)."""
        return sum(not f.done() for f in self._queues[lane])

    async def _sleep(self, lane: Lane, seconds: float) -> bool:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[bool] = loop.create_future()
        timer = loop.call_later(seconds, _settle, future, True)
        self._sleepers[lane].add(future)
        try:
            return await future
        finally:
            timer.cancel()
            self._sleepers[lane].discard(future)

    async def _queue(self, lane: Lane) -> bool:
        future: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        self._queues[lane].append(future)
        if self._dispatcher is None or self._dispatcher.done():
            self._dispatcher = asyncio.create_task(self._dispatch(), name="send-slots")
        return await future

    async def _dispatch(self) -> None:
        """Hand out global slots one interval apart, always to the most urgent waiter."""
        while True:
            now = self.clock()
            free_at = self._global_free_at()
            if now < free_at:
                await asyncio.sleep(free_at - now)
                continue
            future = self._next_waiter()
            if future is None:
                return
            future.set_result(True)
            self._give_global(now, since=max(self._next_global, now - CATCH_UP_SECONDS))

    def _global_free_at(self) -> float:
        """When the next global slot may be handed out."""
        if len(self._recent) == self.window_count:
            return max(self._next_global, self._recent[0] + self.window)
        return self._next_global

    def _give_global(self, now: float, *, since: float) -> None:
        """A global slot handed out `now`; the next one is due an interval after `since`."""
        self._recent.append(now)
        self._next_global = since + self.interval

    def _next_waiter(self) -> asyncio.Future[bool] | None:
        for queue in self._queues:
            while queue:
                future = queue.popleft()
                if not future.done():  # a cancelled waiter gives its place away
                    return future
        return None

    def _book_chat(self, chat: int, slot: float, *, is_group: bool) -> None:
        if is_group:
            sends = self._group_sends.setdefault(chat, deque(maxlen=GROUP_MAX_PER_WINDOW))
            sends.append(slot)
        else:
            self._private_last[chat] = slot
        self._reservations += 1
        if self._reservations % 1000 == 0:
            self._forget(self.clock())

    def back_off(self, chat: int, seconds: float) -> None:
        """Telegram said 429 for this chat: nothing more to it for `seconds`."""
        until = self.clock() + seconds
        self._blocked_until[chat] = max(self._blocked_until.get(chat, 0.0), until)

    def _forget(self, now: float) -> None:
        """Drop chats whose limits no longer matter, so a long fan-out does not grow memory."""
        old = now - FORGET_AFTER
        self._private_last = {c: t for c, t in self._private_last.items() if t > old}
        self._group_sends = {c: q for c, q in self._group_sends.items() if q[-1] > old}
        self._blocked_until = {c: t for c, t in self._blocked_until.items() if t > now}


def _settle(future: asyncio.Future[bool], value: bool) -> None:
    if not future.done():
        future.set_result(value)
