"""Writing to and reading the bot's outbox from a test, through its own engine."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from typing import Any

from sqlalchemy import select

from bot.delivery.outbox import enqueue
from bot.message import BotMessage
from storage.db import create_engine, create_session_factory
from storage.delivery_models import Delivery
from storage.migrate import upgrade_database
from storage.models import Chat
from storage.statuses import DeliveryKind


async def seed(
    database_url: str, chats: dict[int, str], messages: list[tuple[int, str, str]] = ()
) -> dict[int, int]:
    """Create chats (telegram id → type) and queue (telegram id, dedup key, html) messages;
    returns telegram id → chats.id."""
    engine = create_engine(database_url)
    await upgrade_database(engine)
    sessions = create_session_factory(engine)
    async with sessions.begin() as session:
        existing = {c.telegram_id: c for c in (await session.scalars(select(Chat))).all()}
        for telegram_id, chat_type in chats.items():
            if telegram_id not in existing:
                existing[telegram_id] = Chat(telegram_id=telegram_id, type=chat_type)
                session.add(existing[telegram_id])
        await session.flush()
        ids = {telegram_id: chat.id for telegram_id, chat in existing.items()}
        for telegram_id, key, html in messages:
            await enqueue(
                session, chat_id=ids[telegram_id], kind=DeliveryKind.NEWS, dedup_key=key,
                message=BotMessage(html),
            )  # fmt: skip
    await engine.dispose()
    return ids


async def rows(database_url: str) -> list[Delivery]:
    engine = create_engine(database_url)
    async with create_session_factory(engine)() as session:
        found = list((await session.scalars(select(Delivery).order_by(Delivery.id))).all())
    await engine.dispose()
    return found


async def chats(database_url: str) -> dict[int, Chat]:
    engine = create_engine(database_url)
    async with create_session_factory(engine)() as session:
        found = {c.id: c for c in (await session.scalars(select(Chat))).all()}
    await engine.dispose()
    return found


def statuses(found: list[Delivery]) -> Counter[str]:
    return Counter(row.status for row in found)


def received(fake: Any, chat_ids: list[int]) -> Counter[int]:
    """How many bot messages each chat got."""
    return Counter({chat_id: len(fake.messages(chat_id)) for chat_id in chat_ids})


async def wait_settled(bot: Any, total: int, seconds: float = 20) -> list[Delivery]:
    """Wait until `total` rows exist and none is pending or in flight any more."""
    deadline = time.monotonic() + seconds
    while True:
        found = await rows(bot.database_url)
        if len(found) >= total and not {"pending", "sending"} & set(statuses(found)):
            return found
        if time.monotonic() > deadline:
            raise TimeoutError(statuses(found))
        await asyncio.sleep(0.1)
