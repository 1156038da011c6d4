"""Replies and the outbox share one chat's limit, and replies never starve the chat's push.

The scheduler, the reply limiter, the sender and the database are the real ones, on the real
clock; Telegram is a stand-in that answers at once.
"""

import asyncio
import time
from types import SimpleNamespace
from typing import Any

from sqlalchemy import select

from bot.delivery.limits import PRIVATE_SPACING, SendScheduler
from bot.delivery.outbox import enqueue
from bot.delivery.sender import Sender
from bot.message import BotMessage
from bot.reply_limiter import SharedRateLimiter
from storage.chats import ensure_chat
from storage.db import create_session_factory
from storage.delivery_models import Delivery
from storage.migrate import upgrade_database

CHAT = 7
EDIT_EVERY = 1.1  # a broadcast's progress edits to the admin, just over the chat's 1/s


class InstantBot:
    def __init__(self) -> None:
        self.sent: list[tuple[int, float]] = []

    async def send_message(self, chat_id: int, text: str, **_: object) -> SimpleNamespace:
        self.sent.append((chat_id, time.monotonic()))
        return SimpleNamespace(message_id=len(self.sent))


async def _edit(limiter: SharedRateLimiter) -> None:
    async def api(*_: Any, **__: Any) -> bool:
        return True

    data = {"chat_id": CHAT, "message_id": 1, "text": "Remaining: 1"}
    await limiter.process_request(api, (), {}, "editMessageText", data, None)


async def test_a_push_is_not_starved_by_replies_that_keep_its_chat_busy(engine):
    await upgrade_database(engine)
    sessions = create_session_factory(engine)
    bot = InstantBot()
    scheduler = SendScheduler(30)
    limiter = SharedRateLimiter(scheduler)
    sender = Sender(bot, engine, sessions, per_second=30, scheduler=scheduler)

    async def edits() -> None:
        while True:
            await _edit(limiter)
            await asyncio.sleep(EDIT_EVERY)

    editing = asyncio.create_task(edits())
    try:
        await asyncio.sleep(0.3)  # an edit has taken the chat's slot
        async with sessions.begin() as session:
            chat = await ensure_chat(session, telegram_id=CHAT, chat_type="private")
            await enqueue(session, chat_id=chat.id, kind="news", dedup_key="news:1",
                          message=BotMessage("Staffel 2"))  # fmt: skip
        queued = time.monotonic()
        sender.start()
        for _ in range(60):
            if bot.sent:
                break
            await asyncio.sleep(0.05)
    finally:
        editing.cancel()
        await sender.stop()
    # The chat is free PRIVATE_SPACING after the edit, for the 50 ms before the next one.
    assert bot.sent, "the push never went out while the chat had replies"
    assert bot.sent[0][1] - queued < PRIVATE_SPACING
    async with sessions() as session:
        assert await session.scalar(select(Delivery.status)) == "sent"
