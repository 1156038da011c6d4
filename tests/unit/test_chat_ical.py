"""A chat's own iCal link: storage (upsert, cascade on unfollow and /deletedata) and the
tick's chat-only step (to that chat only, with its channel, one reminder per lead)."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from bot import prompts
from bot.catalog.chat_ical import remove_chat_calendar, store_chat_airings
from bot.catalog.following import unfollow_series
from bot.catalog.ical import IcalAiring
from bot.catalog.importer import store_show
from bot.catalog.tvmaze_parse import parse_show_data
from bot.chat_settings import Defaults
from bot.prompts import Prompt
from bot.reminders.tick import plan_due_reminders, replan_chat
from storage.catalog_models import Episode, Follow
from storage.chat_ical_models import ChatAiring, ChatIcal
from storage.chats import delete_chat, ensure_chat
from storage.db import create_session_factory
from storage.delivery_models import Delivery
from storage.migrate import upgrade_database
from storage.models import Chat
from storage.series import add_follow, remove_follow
from tests.fake_tvmaze import episode, show

AIRS = datetime(2026, 11, 24, 19, 15, tzinfo=UTC)  # 20:15 in Berlin
TICK = timedelta(seconds=60)
DEFAULTS = Defaults("de", "Europe/Berlin")
URL = "https://tv.example/ballard.ics"


@pytest.fixture
async def sessions(engine):
    await upgrade_database(engine)
    return create_session_factory(engine)


def airing(uid="a1@tv", airs=AIRS, channel="ZDFneo"):
    return IcalAiring(uid, "Ballard: Cold Case", airs, None, channel)


async def set_up(sessions, *, tvmaze_airs=None, now):
    """Two chats follow Ballard; chat 1 (Telegram 5) has its own link. Returns their ids."""
    episodes = [] if tvmaze_airs is None else [episode(70, 2, 1, "Cold Case", tvmaze_airs)]
    raw = show(7, "Ballard", network="ZDF")
    raw["_embedded"] = {"episodes": episodes}
    async with sessions.begin() as session:
        series = await store_show(session, parse_show_data(raw, []), now=now)
        ids = []
        for telegram_id in (5, 6):
            chat = await ensure_chat(
                session, telegram_id=telegram_id, chat_type="private", telegram_language="de"
            )
            chat.lead_minutes = [15]
            await add_follow(session, chat_id=chat.id, series_id=series.id)
            ids.append(chat.id)
        session.add(ChatIcal(chat_id=ids[0], series_id=series.id, url=URL))
        await session.flush()
        return ids[0], ids[1], series.id


async def store(session, chat_id, series_id, airings, *, now):
    return await store_chat_airings(
        session, chat_id=chat_id, series_id=series_id, airings=airings, defaults=DEFAULTS, now=now
    )


async def tick(sessions, now):
    return await plan_due_reminders(
        sessions=sessions, now=now, lookahead=2 * TICK, defaults=DEFAULTS
    )


async def run_ticks(sessions, start, end):
    now = start
    while now < end:
        await tick(sessions, now)
        now += TICK


async def deliveries(sessions):
    async with sessions() as session:
        return list(await session.scalars(select(Delivery).order_by(Delivery.id)))


async def count(sessions, model):
    async with sessions() as session:
        return await session.scalar(select(func.count()).select_from(model))


async def test_store_upserts_by_uid_and_counts_future_airings(sessions):
    now = AIRS - timedelta(days=3)
    chat_id, _, series_id = await set_up(sessions, now=now)
    past = airing("old@tv", airs=now - timedelta(days=1))
    async with sessions.begin() as session:
        future = await store(session, chat_id, series_id, [airing(), past], now=now)
    assert future == 1
    moved = airing(airs=AIRS + timedelta(hours=1), channel="ZDF")
    async with sessions.begin() as session:
        await store(session, chat_id, series_id, [moved], now=now)
    async with sessions() as session:
        rows = list(await session.scalars(select(ChatAiring).order_by(ChatAiring.uid)))
    # the past airing that left the feed is kept (history); the moved one is updated in place
    assert [(r.uid, r.airstamp, r.channel) for r in rows] == [
        ("a1@tv", AIRS + timedelta(hours=1), "ZDF"),
        ("old@tv", now - timedelta(days=1), "ZDFneo"),
    ]


async def test_chat_airing_is_reminded_to_its_chat_only_with_channel(sessions):
    chat_id, other_id, series_id = await set_up(sessions, now=AIRS - timedelta(days=3))
    async with sessions.begin() as session:
        await store(session, chat_id, series_id, [airing()], now=AIRS)
    start = AIRS - timedelta(minutes=30)
    await tick(sessions, start)
    await tick(sessions, start)  # a repeated tick writes nothing twice
    await run_ticks(sessions, start, AIRS + timedelta(minutes=5))
    [row] = await deliveries(sessions)
    assert row.chat_id == chat_id and row.chat_id != other_id
    assert row.dedup_key.startswith(f"reminder:{chat_id}:ical-") and row.dedup_key.endswith(":15")
    assert row.not_before == AIRS - timedelta(minutes=15)
    assert "ZDFneo" in row.payload["html"] and "heute 20:15" in row.payload["html"]
    assert row.status == "pending"  # the episode check of the tick leaves it alone


async def test_tvmaze_episode_and_chat_airing_with_equal_ids_both_remind(sessions):
    chat_id, other_id, series_id = await set_up(
        sessions, tvmaze_airs=AIRS, now=AIRS - timedelta(days=3)
    )
    async with sessions.begin() as session:
        await store(session, chat_id, series_id, [airing()], now=AIRS)
        episode_id = await session.scalar(select(func.min(ChatAiring.id)))
    assert episode_id == 1  # the TVmaze episode has id 1 too: the keys must still differ
    await run_ticks(sessions, AIRS - timedelta(minutes=30), AIRS)
    rows = await deliveries(sessions)
    assert sorted((r.chat_id, r.dedup_key) for r in rows) == sorted(
        [
            (chat_id, f"reminder:{chat_id}:1:15"),
            (chat_id, f"reminder:{chat_id}:ical-1:15"),
            (other_id, f"reminder:{other_id}:1:15"),
        ]
    )


async def test_moved_chat_airing_withdraws_its_pending_reminder_and_plans_anew(sessions):
    chat_id, _, series_id = await set_up(sessions, now=AIRS - timedelta(days=3))
    async with sessions.begin() as session:
        await store(session, chat_id, series_id, [airing()], now=AIRS)
    first = AIRS - timedelta(minutes=16)
    await tick(sessions, first)
    assert len(await deliveries(sessions)) == 1
    later = AIRS + timedelta(hours=1)
    async with sessions.begin() as session:
        await store(session, chat_id, series_id, [airing(airs=later)], now=first)
    assert await deliveries(sessions) == []
    await run_ticks(sessions, first + TICK, later)
    [row] = await deliveries(sessions)
    assert row.not_before == later - timedelta(minutes=15)


async def test_unfollow_removes_the_link_and_its_airings(sessions):
    chat_id, _, series_id = await set_up(sessions, now=AIRS - timedelta(days=3))
    async with sessions.begin() as session:
        await store(session, chat_id, series_id, [airing()], now=AIRS)
        await remove_follow(session, chat_id=chat_id, series_id=series_id)
    assert await count(sessions, ChatIcal) == 0 and await count(sessions, ChatAiring) == 0


async def test_deleting_the_chat_removes_the_link_and_its_airings(sessions):
    chat_id, _, series_id = await set_up(sessions, now=AIRS - timedelta(days=3))
    async with sessions.begin() as session:
        await store(session, chat_id, series_id, [airing()], now=AIRS)
        await delete_chat(session, telegram_id=5)
    assert await count(sessions, ChatIcal) == 0 and await count(sessions, ChatAiring) == 0


async def test_removing_the_link_withdraws_its_unsent_reminders_and_plans_no_more(sessions):
    chat_id, other_id, series_id = await set_up(
        sessions, tvmaze_airs=AIRS, now=AIRS - timedelta(days=3)
    )
    async with sessions.begin() as session:
        await store(session, chat_id, series_id, [airing()], now=AIRS)
    await tick(sessions, AIRS - timedelta(minutes=16))  # both reminders written, unsent
    assert len([r for r in await deliveries(sessions) if r.chat_id == chat_id]) == 2
    async with sessions.begin() as session:
        assert await remove_chat_calendar(session, chat_id=chat_id, series_id=series_id)
        assert not await remove_chat_calendar(session, chat_id=chat_id, series_id=series_id)
    assert await count(sessions, ChatAiring) == 0 and await count(sessions, ChatIcal) == 0
    await run_ticks(sessions, AIRS - timedelta(minutes=15), AIRS)
    # the TVmaze episode's reminders (both chats) stay; the chat-only one is gone
    assert sorted(r.dedup_key for r in await deliveries(sessions)) == sorted(
        f"reminder:{chat}:1:15" for chat in (chat_id, other_id)
    )


def test_a_prompt_keeps_what_it_is_about_and_old_values_still_read():
    chat = Chat(telegram_id=1, type="private")
    prompts.ask(chat, Prompt.CHAT_ICAL, "17861")
    assert prompts.pending(chat) is Prompt.CHAT_ICAL and prompts.argument(chat) == "17861"
    prompts.ask(chat, Prompt.FOLLOW)
    assert prompts.pending(chat) is Prompt.FOLLOW and prompts.argument(chat) is None
    chat.awaiting_input = "gone_prompt:5"
    assert prompts.pending(chat) is None
    with pytest.raises(ValueError):
        prompts.ask(chat, Prompt.CHAT_ICAL, "1" * 13)


async def test_chat_airings_follow_the_series_own_settings_and_a_replan(sessions):
    chat_id, _, series_id = await set_up(sessions, now=AIRS - timedelta(days=3))
    async with sessions.begin() as session:
        await store(session, chat_id, series_id, [airing()], now=AIRS)
        follow = await session.scalar(select(Follow).where(Follow.chat_id == chat_id))
        follow.lead_minutes = [60]  # its own lead, not the chat's 15
        chat = await session.get(Chat, chat_id)
        chat.news_topic_id = 42
    await run_ticks(sessions, AIRS - timedelta(minutes=63), AIRS - timedelta(minutes=61))
    [row] = await deliveries(sessions)
    assert row.dedup_key.endswith(":60") and row.not_before == AIRS - timedelta(minutes=60)
    assert row.payload["thread_id"] == 42

    async def replan(now):
        async with sessions.begin() as session:
            return await replan_chat(
                session, chat_id=chat_id, timezone="Europe/Berlin", defaults=DEFAULTS, now=now
            )

    async with sessions.begin() as session:
        follow = await session.scalar(select(Follow).where(Follow.chat_id == chat_id))
        follow.muted = True
    assert await replan(AIRS - timedelta(minutes=61)) == 0
    assert await deliveries(sessions) == []  # the planned one is withdrawn
    async with sessions.begin() as session:
        follow = await session.scalar(select(Follow).where(Follow.chat_id == chat_id))
        follow.muted, follow.edges_only = False, True  # an iCal airing has no number
    assert await replan(AIRS - timedelta(minutes=61)) == 0
    async with sessions.begin() as session:
        follow = await session.scalar(select(Follow).where(Follow.chat_id == chat_id))
        follow.edges_only = False
    assert await replan(AIRS - timedelta(minutes=61)) == 1


async def test_unfollowing_drops_the_planned_reminders_of_that_series_only(sessions):
    chat_id, other_id, series_id = await set_up(
        sessions, tvmaze_airs=AIRS, now=AIRS - timedelta(days=3)
    )
    other = show(8, "Bosch", network="ZDF")
    other["_embedded"] = {"episodes": [episode(80, 1, 1, "Pilot", AIRS)]}
    async with sessions.begin() as session:
        await store(session, chat_id, series_id, [airing()], now=AIRS)
        bosch = await store_show(session, parse_show_data(other, []), now=AIRS - timedelta(days=3))
        await add_follow(session, chat_id=chat_id, series_id=bosch.id)
    await run_ticks(sessions, AIRS - timedelta(minutes=17), AIRS - timedelta(minutes=15))

    async def planned():
        """(chat, series of the episode or "ical") of every unsent reminder."""
        async with sessions() as session:
            rows = await session.execute(
                select(Delivery.chat_id, Episode.series_id, Delivery.dedup_key)
                .outerjoin(Episode, Episode.id == Delivery.episode_id)
                .where(Delivery.status == "pending")
            )
            return sorted((c, s or 0, "ical" in key) for c, s, key in rows)

    kept = [(chat_id, bosch.id, False), (other_id, series_id, False)]
    assert await planned() == sorted([*kept, (chat_id, series_id, False), (chat_id, 0, True)])
    async with sessions.begin() as session:
        assert await unfollow_series(session, chat_telegram_id=5, tvmaze_id=7) is not None
    assert await planned() == sorted(kept)  # Bosch's, and the other chat's Ballard
    assert await count(sessions, ChatAiring) == 0


async def test_an_airing_moved_earlier_past_its_lead_is_reminded_at_once_and_once(sessions):
    chat_id, _, series_id = await set_up(sessions, now=AIRS - timedelta(days=3))
    now = AIRS - timedelta(hours=3)
    async with sessions.begin() as session:
        await store(session, chat_id, series_id, [airing()], now=now)
    await run_ticks(sessions, now, now + 2 * TICK)
    assert await deliveries(sessions) == []  # 15 minutes before is hours away
    # The portal moves it to ten minutes from now: its 15 minutes have passed.
    now += 2 * TICK
    soon = now + timedelta(minutes=10)
    async with sessions.begin() as session:
        await store(session, chat_id, series_id, [airing(airs=soon)], now=now)
    [row] = await deliveries(sessions)
    assert row.dedup_key.endswith(":15") and row.not_before == soon - timedelta(minutes=15)
    assert "ZDFneo" in row.payload["html"]
    await run_ticks(sessions, now, soon)
    assert len(await deliveries(sessions)) == 1
    async with sessions.begin() as session:  # sent; then it moves by a minute more
        (await session.get(Delivery, row.id)).status = "sent"
        await store(session, chat_id, series_id, [airing(airs=soon + TICK)], now=now + TICK)
    assert [r.status for r in await deliveries(sessions)] == ["sent"]  # never twice


async def test_an_airing_stored_after_its_lead_passed_is_reminded_at_once(sessions):
    chat_id, _, series_id = await set_up(sessions, now=AIRS - timedelta(days=3))
    async with sessions.begin() as session:  # before any tick: the first tick plans it
        assert await store(session, chat_id, series_id, [airing()], now=AIRS - TICK) == 1
    assert await deliveries(sessions) == []
    now = AIRS - timedelta(minutes=10)  # 15 minutes before has passed
    await run_ticks(sessions, AIRS - timedelta(minutes=20), now)
    [planned] = await deliveries(sessions)
    async with sessions.begin() as session:
        await store(session, chat_id, series_id, [airing("late@tv"), airing()], now=now)
    [kept, row] = await deliveries(sessions)
    assert kept.id == planned.id  # the unchanged airing's reminder is left alone
    async with sessions() as session:
        late = await session.scalar(select(ChatAiring.id).where(ChatAiring.uid == "late@tv"))
    assert row.dedup_key == f"reminder:{chat_id}:ical-{late}:15"
    assert row.not_before == AIRS - timedelta(minutes=15) < now
