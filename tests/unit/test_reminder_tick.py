"""The reminder tick against a real database with an explicit clock: restarts, downtime,
moved and removed episodes, quiet hours, blocked chats."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import bindparam, select, text

from bot.catalog.importer import store_show
from bot.catalog.tvmaze_parse import parse_show_data
from bot.chat_settings import Defaults
from bot.reminders.tick import plan_due_reminders
from storage.catalog_models import Episode
from storage.chats import ensure_chat
from storage.db import create_session_factory
from storage.delivery_models import Delivery
from storage.migrate import upgrade_database
from storage.series import add_follow
from storage.types import UTCDateTime
from tests.fake_tvmaze import episode, show

AIRS = datetime(2026, 11, 24, 19, 15, tzinfo=UTC)  # 20:15 in Berlin
TICK = timedelta(seconds=60)
DEFAULTS = Defaults("de", "Europe/Berlin")


@pytest.fixture
async def sessions(engine):
    await upgrade_database(engine)
    return create_session_factory(engine)


async def set_up(sessions, *, airs=AIRS, leads=(15,), quiet=None, now):
    async with sessions.begin() as session:
        chat = await ensure_chat(
            session, telegram_id=5, chat_type="private", telegram_language="de"
        )
        chat.lead_minutes = list(leads)
        chat.quiet_start, chat.quiet_end = quiet or (None, None)
        series = await store_show(session, import_data(airs), now=now)
        await add_follow(session, chat_id=chat.id, series_id=series.id)


def import_data(airs, episodes=None):
    raw = show(7, "Ballard", network="ZDF")
    raw["_embedded"] = {
        "episodes": episodes if episodes is not None else [episode(70, 2, 1, "Cold Case", airs)]
    }
    return parse_show_data(raw, [])


async def tick(sessions, now):
    return await plan_due_reminders(
        sessions=sessions, now=now, lookahead=2 * TICK, defaults=DEFAULTS
    )


async def deliveries(sessions):
    async with sessions() as session:
        return list(await session.scalars(select(Delivery).order_by(Delivery.id)))


async def test_every_minute_until_air_time_writes_exactly_one_reminder(sessions):
    start = AIRS - timedelta(hours=1)
    await set_up(sessions, now=start - timedelta(days=3))
    now = start
    while now < AIRS + timedelta(minutes=5):
        await tick(sessions, now)
        if now == AIRS - timedelta(minutes=20):
            await tick(sessions, now)  # a restart (or a misfired job) runs the same tick twice
        now += TICK
    [row] = await deliveries(sessions)
    assert row.dedup_key.endswith(":15") and row.not_before == AIRS - timedelta(minutes=15)
    assert "heute 20:15" in row.payload["html"] and "Ballard" in row.payload["html"]
    assert row.silent is False


async def test_downtime_before_air_time_still_reminds_after_it_none(sessions):
    await set_up(sessions, leads=(15, 60), now=AIRS - timedelta(days=3))
    await tick(sessions, AIRS - timedelta(hours=3))
    # Down from 16:15 to 19:10 UTC: both moments passed, the episode has not started.
    await tick(sessions, AIRS - timedelta(minutes=5))
    assert sorted(r.dedup_key.rsplit(":", 1)[1] for r in await deliveries(sessions)) == ["15", "60"]


async def test_downtime_past_air_time_reminds_nobody(sessions):
    await set_up(sessions, leads=(15, 60), now=AIRS - timedelta(days=3))
    await tick(sessions, AIRS - timedelta(hours=3))
    await tick(sessions, AIRS + timedelta(minutes=1))
    assert await deliveries(sessions) == []


async def test_moved_episode_moves_its_pending_reminder(sessions):
    await set_up(sessions, leads=(15,), now=AIRS - timedelta(days=3))
    first_tick = AIRS - timedelta(minutes=16)
    await tick(sessions, first_tick)  # written, due in a minute
    later = AIRS + timedelta(hours=2)
    async with sessions.begin() as session:
        await store_show(session, import_data(later), now=first_tick + timedelta(seconds=30))
    report = await tick(sessions, first_tick + TICK)
    assert report.moved == 1 and await deliveries(sessions) == []
    now = first_tick + TICK
    while now < later:
        now += TICK
        await tick(sessions, now)
    [row] = await deliveries(sessions)
    assert row.not_before == later - timedelta(minutes=15)
    assert "heute 22:15" in row.payload["html"]


async def test_removed_episode_cancels_its_pending_reminder(sessions):
    await set_up(sessions, leads=(15,), now=AIRS - timedelta(days=3))
    await tick(sessions, AIRS - timedelta(minutes=16))
    async with sessions.begin() as session:
        await store_show(session, import_data(AIRS, episodes=[]), now=AIRS - timedelta(minutes=16))
    report = await tick(sessions, AIRS - timedelta(minutes=15))
    [row] = await deliveries(sessions)
    assert report.cancelled == 1 and row.status == "cancelled"


async def test_quiet_hours_make_the_row_silent(sessions):
    # Reminded at 19:15 local (an hour before 20:15), inside quiet hours 19:00–22:00.
    await set_up(sessions, leads=(60,), quiet=(19 * 60, 22 * 60), now=AIRS - timedelta(days=3))
    await tick(sessions, AIRS - timedelta(minutes=62))
    [row] = await deliveries(sessions)
    assert row.silent is True


async def test_blocked_chats_get_no_reminders(sessions):
    from storage.chats import set_chat_status

    await set_up(sessions, leads=(15,), now=AIRS - timedelta(days=3))
    async with sessions.begin() as session:
        await set_chat_status(session, telegram_id=5, chat_type="private", status="blocked")
    await tick(sessions, AIRS - timedelta(minutes=16))
    assert await deliveries(sessions) == []


async def test_day_before_reminder_across_the_dst_change_is_found_by_the_tick(sessions):
    # Sun 25 Oct 2026 20:15 CET (19:15 UTC); a day before, 20:15 CEST is 18:15 UTC: 25 h earlier.
    airs = datetime(2026, 10, 25, 19, 15, tzinfo=UTC)
    await set_up(sessions, airs=airs, leads=(1440,), now=airs - timedelta(days=5))
    now = datetime(2026, 10, 24, 18, 0, tzinfo=UTC)
    await tick(sessions, now)
    while now < datetime(2026, 10, 24, 18, 30, tzinfo=UTC):
        now += TICK
        await tick(sessions, now)
    [row] = await deliveries(sessions)
    assert row.not_before == datetime(2026, 10, 24, 18, 15, tzinfo=UTC)
    assert "morgen 20:15" in row.payload["html"]


async def test_the_tick_knows_a_reminders_episode_from_its_row(sessions):
    await set_up(sessions, leads=(15,), now=AIRS - timedelta(days=3))
    await tick(sessions, AIRS - timedelta(minutes=16))
    [row] = await deliveries(sessions)
    async with sessions() as session:
        [episode_id] = (await session.scalars(select(Episode.id))).all()
    assert row.episode_id == episode_id


async def test_reminders_queued_before_the_episode_column_get_it_on_upgrade(engine):
    await upgrade_database(engine, "0006")
    now = AIRS
    async with engine.begin() as connection:
        await connection.execute(
            text(
                "INSERT INTO chats (id, telegram_id, type, lead_minutes, news_kinds, status,"
                " created_at, updated_at) VALUES (1, 5, 'private', '[60]', '[]', 'active', :now,"
                " :now)"
            ).bindparams(bindparam("now", type_=UTCDateTime())),
            {"now": now},
        )
        for row_id, kind, key, status in [
            (1, "reminder", "reminder:1:70:15", "pending"),
            (2, "reminder", "reminder:1:71:60", "sent"),  # history: left alone
            (3, "news", "news:70:1", "pending"),
        ]:
            await connection.execute(
                text(
                    "INSERT INTO deliveries (id, chat_id, kind, dedup_key, payload, silent, status,"
                    " not_before, attempts, created_at) VALUES (:id, 1, :kind, :key, '{}', false,"
                    " :status, :now, 0, :now)"
                ).bindparams(bindparam("now", type_=UTCDateTime())),
                {"id": row_id, "kind": kind, "key": key, "status": status, "now": now},
            )
    await upgrade_database(engine)
    async with engine.connect() as connection:
        rows = await connection.execute(text("SELECT id, episode_id FROM deliveries ORDER BY id"))
        assert rows.all() == [(1, 70), (2, None), (3, None)]


async def add_chat(sessions, telegram_id, *, timezone, leads, tvmaze_id=7):
    async with sessions.begin() as session:
        chat = await ensure_chat(
            session, telegram_id=telegram_id, chat_type="private", telegram_language="de"
        )
        chat.timezone, chat.lead_minutes = timezone, list(leads)
        series_id = await session.scalar(
            text("SELECT id FROM series WHERE tvmaze_id = :id"), {"id": tvmaze_id}
        )
        await add_follow(session, chat_id=chat.id, series_id=series_id)
        return chat.id


async def test_each_follower_gets_its_own_leads_in_its_local_time(sessions):
    await set_up(sessions, leads=(15,), now=AIRS - timedelta(days=3))  # Berlin by default
    other = show(8, "Other", network="ARD")
    other["_embedded"] = {"episodes": [episode(80, 1, 1, "Pilot", AIRS)]}
    async with sessions.begin() as session:
        await store_show(session, parse_show_data(other, []), now=AIRS - timedelta(days=3))
        berlin = await session.scalar(text("SELECT id FROM chats WHERE telegram_id = 5"))
    vienna = await add_chat(sessions, 6, timezone="Europe/Vienna", leads=(60, 15))
    london = await add_chat(sessions, 8, timezone="Europe/London", leads=(15, 1440))
    new_york = await add_chat(sessions, 9, timezone="America/New_York", leads=(1440,))
    elsewhere = await add_chat(sessions, 10, timezone="Europe/Berlin", leads=(0,), tvmaze_id=8)
    # The first run catches up a day: every moment since then whose episode has not started.
    await tick(sessions, AIRS - timedelta(minutes=10))
    rows = await deliveries(sessions)
    assert sorted((row.chat_id, row.dedup_key.rsplit(":", 1)[1]) for row in rows) == sorted(
        [(berlin, "15"), (vienna, "15"), (vienna, "60"), (london, "15"), (london, "1440"),
         (new_york, "1440")]
    )  # fmt: skip
    texts = {row.chat_id: row.payload["html"] for row in rows}
    assert "Ballard" in texts[vienna] and "heute 20:15" in texts[vienna]
    assert "heute 20:15" in texts[berlin] and "heute 19:15" in texts[london]
    assert "heute 14:15" in texts[new_york] and elsewhere not in texts
    await tick(sessions, AIRS - timedelta(minutes=1))  # at air time: lead 0
    [pilot] = [row for row in await deliveries(sessions) if row.chat_id == elsewhere]
    assert "Other" in pilot.payload["html"] and pilot.dedup_key.endswith(":0")
