"""The per-series settings as the reminder tick and the news fan-out read them: resolved in
their queries, on SQLite and PostgreSQL."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.catalog.importer import store_show
from bot.catalog.tvmaze_parse import parse_show_data
from bot.chat_settings import Defaults
from bot.followers import load_followers
from bot.reminders.tick import plan_due_reminders
from storage.catalog_models import Follow, Series
from storage.chats import delete_chat, ensure_chat
from storage.db import create_session_factory
from storage.delivery_models import Delivery
from storage.follows import follow_of
from storage.migrate import upgrade_database
from storage.series import add_follow
from tests.fake_tvmaze import episode, show

AIRS = datetime(2026, 11, 24, 19, 15, tzinfo=UTC)
NOW = AIRS - timedelta(minutes=10)  # a first tick: looks back a day, so 15 and 60 are due
DEFAULTS = Defaults("de", "Europe/Berlin")


@pytest.fixture
async def sessions(engine):
    await upgrade_database(engine)
    return create_session_factory(engine)


def show_data(tvmaze_id, name, episodes):
    raw = show(tvmaze_id, name, network="ZDF")
    raw["_embedded"] = {"episodes": episodes}
    return parse_show_data(raw, [])


async def follow_two(sessions, *, numbers=(1,), **own):
    """Chat 5 (lead 60 min) follows "Dark" (episodes of season 1 numbered `numbers`, one a
    minute from AIRS; its follow gets `own` settings) and "Ballard" (one episode)."""
    async with sessions.begin() as session:
        chat = await ensure_chat(session, telegram_id=5, chat_type="private")
        chat.lead_minutes = [60]
        dark_episodes = [
            episode(100 + n, 1, n, f"Dark {n}", AIRS + timedelta(minutes=i))
            for i, n in enumerate(numbers)
        ]
        dark = await store_show(session, show_data(1, "Dark", dark_episodes), now=NOW)
        ballard = await store_show(
            session, show_data(2, "Ballard", [episode(200, 1, 5, "Cold", AIRS)]), now=NOW
        )
        for series in (dark, ballard):
            await add_follow(session, chat_id=chat.id, series_id=series.id)
        follow = await session.get(Follow, (chat.id, dark.id))
        assert follow is not None
        for name, value in own.items():
            setattr(follow, name, value)


async def reminded(sessions) -> set[tuple[str, str]]:
    """(episode title, lead) of every reminder written."""
    await plan_due_reminders(
        sessions=sessions, now=NOW, lookahead=timedelta(minutes=2), defaults=DEFAULTS
    )
    async with sessions() as session:
        rows = await session.scalars(select(Delivery))
        found = set()
        for row in rows:
            title = "Dark" if "Dark" in row.payload["html"] else "Ballard"
            number = row.payload["html"].split("Dark ")[1][0] if title == "Dark" else ""
            found.add((f"{title}{number}", row.dedup_key.rsplit(":", 1)[1]))
        return found


async def test_without_overrides_both_series_use_the_chats_lead(sessions):
    await follow_two(sessions)
    assert await reminded(sessions) == {("Dark1", "60"), ("Ballard", "60")}


async def test_a_muted_series_gets_no_reminder(sessions):
    await follow_two(sessions, muted=True, lead_minutes=[15])
    assert await reminded(sessions) == {("Ballard", "60")}


async def test_a_series_own_lead_times_replace_the_chats(sessions):
    await follow_two(sessions, lead_minutes=[15])
    assert await reminded(sessions) == {("Dark1", "15"), ("Ballard", "60")}


async def test_reminders_off_for_one_series(sessions):
    await follow_two(sessions, lead_minutes=[])
    assert await reminded(sessions) == {("Ballard", "60")}


async def test_starts_and_finales_only(sessions):
    await follow_two(sessions, numbers=(1, 2, 3), edges_only=True)
    assert await reminded(sessions) == {("Dark1", "60"), ("Dark3", "60"), ("Ballard", "60")}


async def test_news_followers_skip_muted_series_and_take_own_kinds(sessions):
    await follow_two(sessions, news_kinds=["cancellation"])
    async with sessions() as session:
        dark = await session.scalar(select(Series.id).where(Series.tvmaze_id == 1))
        ballard = await session.scalar(select(Series.id).where(Series.tvmaze_id == 2))
        followers = await load_followers(session, series_ids={dark, ballard}, defaults=DEFAULTS)
        kinds = {f.series_id: f.news_kinds for f in followers}
        assert kinds == {dark: {"cancellation"}, ballard: {"renewal", "cancellation", "premiere",
                                                              "other"}}  # fmt: skip
    async with sessions.begin() as session:
        found = await follow_of(session, chat_id=1, tvmaze_id=1)
        assert found is not None
        found[0].muted = True
    async with sessions() as session:
        followers = await load_followers(session, series_ids={dark, ballard}, defaults=DEFAULTS)
        assert [f.series_id for f in followers] == [ballard]


async def test_overrides_go_with_the_chat(sessions):
    await follow_two(sessions, lead_minutes=[15], muted=True)
    async with sessions.begin() as session:
        assert await delete_chat(session, telegram_id=5)
    async with sessions() as session:
        assert list(await session.scalars(select(Follow))) == []


async def test_an_episode_announced_later_becomes_the_seasons_finale(sessions):
    await follow_two(sessions, numbers=(1, 2, 3), edges_only=True)
    async with sessions.begin() as session:  # TVmaze lists a fourth episode after all
        later = [
            episode(100 + n, 1, n, f"Dark {n}", AIRS + timedelta(minutes=n - 1))
            for n in (1, 2, 3, 4)
        ]
        await store_show(session, show_data(1, "Dark", later), now=NOW)
    assert await reminded(sessions) == {("Dark1", "60"), ("Dark4", "60"), ("Ballard", "60")}
