"""A group's forum topic deleted under queued news: every row reaches the main chat instead.

Telegram is a stand-in that refuses sends into the deleted topic; the sender, its queries and
the database are the real ones (SQLite and PostgreSQL).
"""

import asyncio
from types import SimpleNamespace

from sqlalchemy import select
from telegram.error import BadRequest

from bot.delivery.outbox import enqueue
from bot.delivery.sender import Sender
from bot.message import BotMessage, Button
from storage.chats import ensure_chat, forget_news_topic
from storage.db import create_session_factory
from storage.delivery_models import Delivery
from storage.migrate import upgrade_database
from storage.models import Chat

GROUP = -1001


class ForumBot:
    """Refuses every send into topic 42, as Telegram does once the topic is deleted."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, int | None]] = []

    async def send_message(
        self, chat_id: int, text: str, *, message_thread_id: int | None = None, **_: object
    ) -> SimpleNamespace:
        if message_thread_id == 42:
            raise BadRequest("Message thread not found")
        self.sent.append((text, message_thread_id))
        return SimpleNamespace(message_id=len(self.sent))


async def test_rows_queued_for_a_deleted_topic_go_to_the_main_chat(engine, caplog):
    await upgrade_database(engine)
    sessions = create_session_factory(engine)
    async with sessions.begin() as session:
        chat = await ensure_chat(session, telegram_id=GROUP, chat_type="supergroup")
        chat.news_topic_id = 42
        await session.flush()
        for n in range(3):  # each with its own button: three messages, never one digest
            message = BotMessage(f"news {n}", ((Button("Card", f"card:{n}"),),), thread_id=42)
            await enqueue(
                session, chat_id=chat.id, kind="news", dedup_key=f"n:{n}", message=message
            )
    bot = ForumBot()
    sender = Sender(bot, engine, sessions, per_second=30, idle_poll_seconds=0.05)
    sender.start()
    for _ in range(200):
        if len(bot.sent) == 3:
            break
        await asyncio.sleep(0.05)
    await sender.stop()
    assert sorted(bot.sent) == [("news 0", None), ("news 1", None), ("news 2", None)]
    async with sessions() as session:
        assert set(await session.scalars(select(Delivery.status))) == {"sent"}
        assert await session.scalar(select(Chat.news_topic_id)) is None
    assert "topic 42 of group -1001 is gone" in caplog.text


async def test_a_topic_chosen_meanwhile_is_kept(engine):
    await upgrade_database(engine)
    sessions = create_session_factory(engine)
    async with sessions.begin() as session:
        chat = await ensure_chat(session, telegram_id=GROUP, chat_type="supergroup")
        chat.news_topic_id = 7
        await session.flush()
        assert not await forget_news_topic(session, chat_id=chat.id, thread_id=42)
        assert await forget_news_topic(session, chat_id=chat.id, thread_id=7)
