"""Updates are handled concurrently, each chat's own in the order they arrived.

A slow TVmaze search or feed check in one chat no longer holds up anyone else; `/follow`
and the title typed after it, or two quick presses of one menu, still run one after the
other. Updates without a chat run freely. PTB bounds how many are in flight at once.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor


class ChatOrderedUpdates(BaseUpdateProcessor):
    def __init__(self, max_concurrent_updates: int) -> None:
        super().__init__(max_concurrent_updates)
        self._locks: dict[int, asyncio.Lock] = {}
        self._users: dict[int, int] = {}  # updates holding or awaiting a chat's lock

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        chat = update.effective_chat if isinstance(update, Update) else None
        if chat is None:
            await coroutine
            return
        # PTB starts update tasks in arrival order and asyncio.Lock wakes waiters first come,
        # first served: a chat's updates run in the order Telegram sent them.
        lock = self._locks.setdefault(chat.id, asyncio.Lock())
        self._users[chat.id] = self._users.get(chat.id, 0) + 1
        try:
            async with lock:
                await coroutine
        finally:
            self._users[chat.id] -= 1
            if not self._users[chat.id]:
                del self._users[chat.id], self._locks[chat.id]

    def chats_busy(self) -> int:
        """Chats with an update in progress (for tests and benches)."""
        return len(self._locks)

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to free: PTB waits for updates in flight before this."""
