"""Migrations keep data: a downgrade and upgrade that rebuild tables on SQLite cascade nothing."""

from sqlalchemy import func, select

from bot.delivery.outbox import enqueue
from bot.message import BotMessage
from storage.chats import ensure_chat
from storage.db import create_session_factory
from storage.delivery_models import Delivery
from storage.migrate import downgrade_database, upgrade_database
from storage.models import Chat


async def test_data_survives_a_downgrade_and_upgrade(engine):
    await upgrade_database(engine)
    sessions = create_session_factory(engine)
    async with sessions.begin() as session:
        chat = await ensure_chat(session, telegram_id=7, chat_type="private")
        await enqueue(
            session, chat_id=chat.id, kind="news", dedup_key="news:1:7", message=BotMessage("a")
        )
    await downgrade_database(engine, "0005")  # rebuilds chats on SQLite
    await upgrade_database(engine)
    async with sessions() as session:
        assert await session.scalar(select(func.count()).select_from(Chat)) == 1
        assert await session.scalar(select(Delivery.dedup_key)) == "news:1:7"
    async with engine.connect() as connection:  # foreign keys are enforced again afterwards
        if engine.dialect.name == "sqlite":
            assert (await connection.exec_driver_sql("PRAGMA foreign_keys")).scalar() == 1
