"""When the next message may go: a pure scheduler over an injectable clock.

Telegram's limits, all at once: a global budget (messages per second), one message per second
to one private chat, 20 per minute to one group, and whatever `retry_after` a 429 asked for
that chat. The scheduler hands out send slots; the sender sleeps until its slot.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

# Margins over Telegram's published limits: our slot is when a request leaves, Telegram counts
# when it arrives, and two requests to one chat may arrive closer than they left.
# The same for the global budget: slots 2 % apart more than the budget strictly needs.
BUDGET_SHARE = 0.98
PRIVATE_SPACING = 1.05
GROUP_WINDOW = 61.0
GROUP_MAX_PER_WINDOW = 20
FORGET_AFTER = GROUP_WINDOW


class SendScheduler:
    def __init__(self, per_second: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.interval = 1.0 / (per_second * BUDGET_SHARE)
        self.clock = clock
        self._next_global = 0.0
        self._private_last: dict[int, float] = {}
        self._group_sends: dict[int, deque[float]] = {}
        self._blocked_until: dict[int, float] = {}
        self._reservations = 0

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
        global_slot = max(now, self._next_global)
        # A chat that must wait takes its global slot now rather than pushing everyone back.
        self._next_global = global_slot + self.interval
        slot = max(global_slot, self.chat_ready_at(chat, is_group=is_group))
        if is_group:
            sends = self._group_sends.setdefault(chat, deque(maxlen=GROUP_MAX_PER_WINDOW))
            sends.append(slot)
        else:
            self._private_last[chat] = slot
        self._reservations += 1
        if self._reservations % 1000 == 0:
            self._forget(now)
        return slot

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
