"""Migrations keep data: a downgrade and upgrade that rebuild tables on SQLite cascade nothing."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import delete, func, select

from bot.catalog.importer import store_show
from bot.catalog.tvmaze_parse import parse_show_data
from bot.delivery.outbox import enqueue
from bot.message import BotMessage
from storage.chat_ical_models import ChatAiring, ChatIcal
from storage.chats import ensure_chat
from storage.db import create_session_factory
from storage.delivery_models import Delivery
from storage.migrate import downgrade_database, upgrade_database
from storage.models import Chat
from storage.series import add_follow
from tests.fake_tvmaze import show

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


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


async def test_a_chat_airing_never_takes_an_id_a_stored_reminder_names(engine):
    """SQLite reused the highest deleted id: a new airing could find a gone one's reminder
    "already sent". After 0015 the sequence starts above every id a reminder names."""
    if engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL sequences never reuse ids")
    await upgrade_database(engine, "0014")
    sessions = create_session_factory(engine)
    raw = show(7, "Ballard", network="ZDF")
    raw["_embedded"] = {"episodes": []}
    async with sessions.begin() as session:
        series = await store_show(session, parse_show_data(raw, []), now=NOW)
        chat = await ensure_chat(session, telegram_id=5, chat_type="private")
        await add_follow(session, chat_id=chat.id, series_id=series.id)
        session.add(ChatIcal(chat_id=chat.id, series_id=series.id, url="https://tv.test/b.ics"))
        await session.flush()
        for number in (1, 2):
            row = ChatAiring(id=number, chat_id=chat.id, series_id=series.id, uid=f"u{number}")
            session.add(row)
        # Airing 9 was reminded, then went from the calendar before the upgrade.
        await enqueue(
            session, chat_id=chat.id, kind="reminder",
            dedup_key=f"reminder:{chat.id}:ical-9:15", message=BotMessage("a"),
        )  # fmt: skip
    await upgrade_database(engine)
    async with sessions.begin() as session:
        await session.execute(delete(ChatAiring).where(ChatAiring.id == 2))
        fresh = ChatAiring(chat_id=chat.id, series_id=series.id, uid="u3")
        session.add(fresh)
        await session.flush()
        assert fresh.id == 10
    async with sessions.begin() as session:  # and a deleted highest id is not handed out again
        await session.execute(delete(ChatAiring).where(ChatAiring.id == 10))
        again = ChatAiring(chat_id=chat.id, series_id=series.id, uid="u4")
        session.add(again)
        await session.flush()
        assert again.id == 11
