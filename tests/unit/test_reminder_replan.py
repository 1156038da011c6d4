"""A chat that changes what it follows or how it wants reminders is planned anew at once:
what the tick planned (or held for the end of quiet hours) before the change never goes out
against it, and nothing sent is sent again."""

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.catalog.following import unfollow_series
from bot.catalog.importer import store_show
from bot.catalog.tvmaze_parse import parse_show_data
from bot.chat_settings import Defaults
from bot.reminders.tick import TICK_NAME, plan_due_reminders, replan_chat
from storage.catalog_models import Follow
from storage.chats import ensure_chat
from storage.db import create_session_factory
from storage.delivery_models import Delivery
from storage.migrate import upgrade_database
from storage.models import Chat
from storage.reminders import get_done_until
from storage.series import add_follow, get_series
from storage.statuses import DeliveryStatus
from tests.fake_tvmaze import episode, show

AIRS = datetime(2026, 11, 24, 19, 15, tzinfo=UTC)  # 20:15 in Berlin
LONG_AGO = AIRS - timedelta(days=3)
TICK = timedelta(seconds=60)
DEFAULTS = Defaults("de", "Europe/Berlin")
BALLARD = 7


@pytest.fixture
async def sessions(engine):
    await upgrade_database(engine)
    factory = create_session_factory(engine)
    raw = show(BALLARD, "Ballard", network="ZDF")
    raw["_embedded"] = {"episodes": [episode(70, 2, 1, "Cold Case", AIRS)]}
    async with factory.begin() as session:
        await store_show(session, parse_show_data(raw, []), now=LONG_AGO)
    return factory


async def add_fan(sessions, telegram_id, *, leads, quiet=None, hold=False, follow=True):
    async with sessions.begin() as session:
        chat = await ensure_chat(
            session, telegram_id=telegram_id, chat_type="private", telegram_language="de"
        )
        chat.lead_minutes = list(leads)
        chat.quiet_start, chat.quiet_end = quiet or (None, None)
        chat.quiet_hold = hold
        if follow:
            await add_follow(session, chat_id=chat.id, series_id=await series_id(session))
        return chat.id


async def series_id(session):
    series = await get_series(session, tvmaze_id=BALLARD)
    assert series is not None
    return series.id


async def tick(sessions, now):
    await plan_due_reminders(sessions=sessions, now=now, lookahead=2 * TICK, defaults=DEFAULTS)


async def ticks(sessions, start, end):
    now = start
    while now <= end:
        await tick(sessions, now)
        now += TICK


async def replan(sessions, chat_id, now, *, series_ids=None):
    async with sessions.begin() as session:
        return await replan_chat(
            session, chat_id=chat_id, timezone="Europe/Berlin", defaults=DEFAULTS, now=now,
            series_ids=series_ids,
        )  # fmt: skip


async def rows(sessions, chat_id=None):
    async with sessions() as session:
        statement = select(Delivery).order_by(Delivery.id)
        if chat_id is not None:
            statement = statement.where(Delivery.chat_id == chat_id)
        return list(await session.scalars(statement))


def leads_of(deliveries):
    return sorted(row.dedup_key.rsplit(":", 1)[1] for row in deliveries)


async def change(sessions, chat_id, **values):
    async with sessions.begin() as session:
        chat = await session.get(Chat, chat_id)
        for name, value in values.items():
            setattr(chat, name, value)


async def change_follow(sessions, chat_id, **values):
    async with sessions.begin() as session:
        follow = await session.scalar(select(Follow).where(Follow.chat_id == chat_id))
        for name, value in values.items():
            setattr(follow, name, value)


async def test_a_shorter_lead_withdraws_the_planned_reminder_and_the_tick_brings_the_new_one(
    sessions,
):
    fan = await add_fan(sessions, 5, leads=(60,))
    await ticks(sessions, AIRS - timedelta(minutes=63), AIRS - timedelta(minutes=61))
    [planned] = await rows(sessions)
    assert planned.dedup_key.endswith(":60") and planned.status == DeliveryStatus.PENDING

    now = AIRS - timedelta(minutes=61)
    await change(sessions, fan, lead_minutes=[15])
    assert await replan(sessions, fan, now) == 0  # 15 minutes before is beyond the plan
    assert await rows(sessions) == []
    await ticks(sessions, now + TICK, AIRS - timedelta(minutes=14))
    [reminder] = await rows(sessions)
    assert reminder.dedup_key.endswith(":15")
    assert reminder.not_before == AIRS - timedelta(minutes=15)


async def test_muting_a_series_drops_a_reminder_held_for_the_end_of_quiet_hours(sessions):
    # "1 day before" falls at 20:15 local, inside quiet hours 19:00–21:00 that hold messages:
    # planned for 21:00 local, long after the tick wrote it.
    fan = await add_fan(sessions, 5, leads=(1440,), quiet=(19 * 60, 21 * 60), hold=True)
    day_before = AIRS - timedelta(days=1)
    await ticks(sessions, day_before - timedelta(minutes=3), day_before - timedelta(minutes=1))
    [held] = await rows(sessions)
    assert held.not_before == day_before + timedelta(minutes=45)  # 21:00 local
    other = await add_fan(sessions, 6, leads=(1440,))
    await replan(sessions, other, day_before - timedelta(minutes=1))
    assert len(await rows(sessions, other)) == 1  # followed late: planned at once
    async with sessions() as session:
        ballard = {await series_id(session)}

    await change_follow(sessions, fan, muted=True)
    await replan(sessions, fan, day_before, series_ids=ballard)
    assert await rows(sessions, fan) == []
    assert len(await rows(sessions, other)) == 1  # another chat's plan is left alone

    await change_follow(sessions, fan, muted=False)
    await replan(sessions, fan, day_before + timedelta(minutes=5), series_ids=ballard)
    [again] = await rows(sessions, fan)
    assert again.dedup_key == held.dedup_key and again.not_before == held.not_before


async def test_a_late_follower_is_reminded_before_the_episode_starts_and_never_twice(sessions):
    await add_fan(sessions, 5, leads=(60,))
    await ticks(sessions, AIRS - timedelta(minutes=75), AIRS - timedelta(minutes=30))
    late = await add_fan(sessions, 6, leads=(60,))
    now = AIRS - timedelta(minutes=30)
    assert await replan(sessions, late, now) == 1
    [reminder] = await rows(sessions, late)
    assert reminder.not_before == AIRS - timedelta(minutes=60)  # due at once
    async with sessions.begin() as session:
        row = await session.get(Delivery, reminder.id)
        assert row is not None
        row.status = DeliveryStatus.SENT
    await change(sessions, late, language="en")  # changes the text, not what is due
    assert await replan(sessions, late, now + TICK) == 0
    [kept] = await rows(sessions, late)
    assert kept.status == DeliveryStatus.SENT


async def test_nothing_is_planned_for_a_follow_after_its_episode_started(sessions):
    await add_fan(sessions, 5, leads=(60,))
    await ticks(sessions, AIRS - timedelta(minutes=2), AIRS + timedelta(minutes=1))
    late = await add_fan(sessions, 6, leads=(60, 15))
    assert await replan(sessions, late, AIRS + timedelta(minutes=1)) == 0


async def test_before_the_first_tick_a_replan_only_withdraws(sessions):
    fan = await add_fan(sessions, 5, leads=(60,))
    assert await replan(sessions, fan, AIRS - timedelta(minutes=30)) == 0
    assert await rows(sessions) == []
    await tick(sessions, AIRS - timedelta(minutes=30))  # the first tick catches up itself
    assert leads_of(await rows(sessions)) == ["60"]


async def test_unfollowing_drops_the_unsent_reminders_of_that_series(sessions):
    fan = await add_fan(sessions, 5, leads=(60, 15))
    await ticks(sessions, AIRS - timedelta(minutes=62), AIRS - timedelta(minutes=16))
    assert leads_of(await rows(sessions)) == ["15", "60"]
    async with sessions.begin() as session:
        first = await session.scalar(select(Delivery).where(Delivery.dedup_key.endswith(":60")))
        assert first is not None
        first.status = DeliveryStatus.SENT
    async with sessions.begin() as session:
        series = await unfollow_series(session, chat_telegram_id=5, tvmaze_id=BALLARD)
    assert series is not None
    [sent] = await rows(sessions, fan)
    assert sent.dedup_key.endswith(":60") and sent.status == DeliveryStatus.SENT


async def test_a_replan_waits_for_a_running_tick(engine, sessions):
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite has one writer at a time anyway")
    fan = await add_fan(sessions, 5, leads=(60,))
    await tick(sessions, AIRS - timedelta(minutes=90))
    async with sessions.begin() as running_tick:
        await get_done_until(running_tick, name=TICK_NAME, lock=True)
        replan_task = asyncio.create_task(replan(sessions, fan, AIRS - timedelta(minutes=89)))
        await asyncio.sleep(0.5)
        assert not replan_task.done()  # it waits for the tick's transaction
    assert await asyncio.wait_for(replan_task, timeout=10) == 0
