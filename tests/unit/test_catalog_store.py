"""Importing, searching and syncing the catalogue on SQLite and PostgreSQL."""

from datetime import UTC, datetime, timedelta

import httpx
import pytest
from sqlalchemy import select

from bot.catalog.importer import store_show
from bot.catalog.search import search_series
from bot.catalog.sync import sync_followed, update_window
from bot.catalog.tvmaze import TvmazeClient
from bot.catalog.tvmaze_parse import parse_show_data
from storage.catalog_models import Episode, SeriesStatusChange
from storage.chats import ensure_chat
from storage.db import create_session_factory
from storage.migrate import upgrade_database
from storage.series import add_follow, get_series
from tests.fake_tvmaze import FakeTvmaze, episode, show
from tests.fake_tvmaze.shows import aka

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


@pytest.fixture
async def sessions(engine):
    await upgrade_database(engine)
    return create_session_factory(engine)


def data(status="Running", episodes=(), akas=(), updated=1, tvmaze_id=7, name="Money Heist"):
    raw = show(tvmaze_id, name, status=status, updated=updated)
    raw["_embedded"] = {"episodes": list(episodes)}
    return parse_show_data(raw, list(akas))


async def test_import_then_refresh_moves_removes_and_records_status(sessions):
    first = NOW + timedelta(days=3)
    async with sessions.begin() as session:
        await store_show(
            session,
            data(episodes=[episode(1, 1, 1, "A", first), episode(2, 1, 2, "B", first)]),
            now=NOW,
        )
    moved = first + timedelta(days=7)
    async with sessions.begin() as session:
        await store_show(
            session, data(status="Ended", episodes=[episode(1, 1, 1, "A", moved)]), now=NOW
        )
    async with sessions() as session:
        episodes = list(await session.scalars(select(Episode)))
        changes = list(await session.scalars(select(SeriesStatusChange)))
        series = await get_series(session, tvmaze_id=7)
    assert [(e.tvmaze_id, e.airstamp) for e in episodes] == [(1, moved)]
    assert [(c.old_status, c.new_status, c.changed_at) for c in changes] == [
        ("Running", "Ended", NOW)
    ]
    assert series.status == "Ended"


async def test_local_search_is_accent_and_case_insensitive_and_ranked(sessions):
    async with sessions.begin() as session:
        await store_show(
            session,
            data(akas=[aka("Haus des Geldes", "DE"), aka("La casa de papel", None)]),
            now=NOW,
        )
        await store_show(session, data(tvmaze_id=8, name="Dark Matter"), now=NOW)
        await store_show(session, data(tvmaze_id=9, name="Dark"), now=NOW)
    async with httpx.AsyncClient() as http, FakeTvmaze() as tvmaze:
        tvmaze.fail_next(500, times=5)
        client = TvmazeClient(tvmaze.base_url, http)
        german = await search_series(sessions=sessions, client=client, query="HÄUS des géldes")
        dark = await search_series(sessions=sessions, client=client, query="dark")
        wildcard = await search_series(sessions=sessions, client=client, query="%_")
    assert [c.title for c in german.candidates] == ["Money Heist"]
    assert german.tv_unavailable is True
    assert [c.title for c in dark.candidates] == ["Dark", "Dark Matter"]  # exact match first
    assert wildcard.candidates == ()


async def follow_many(sessions, count, tvmaze):
    async with sessions.begin() as session:
        chat = await ensure_chat(session, telegram_id=1, chat_type="private")
        for tvmaze_id in range(1, count + 1):
            tvmaze.add_show(show(tvmaze_id, f"Show {tvmaze_id}", updated=100))
            series = await store_show(
                session, data(tvmaze_id=tvmaze_id, name=f"Show {tvmaze_id}", updated=100), now=NOW
            )
            await add_follow(session, chat_id=chat.id, series_id=series.id)


async def test_sync_of_100_series_costs_one_call_plus_one_per_changed_show(sessions):
    async with httpx.AsyncClient() as http, FakeTvmaze() as tvmaze:
        await follow_many(sessions, 100, tvmaze)
        client = TvmazeClient(tvmaze.base_url, http)
        unchanged = await sync_followed(
            sessions=sessions, client=client, now=NOW + timedelta(hours=6)
        )
        for tvmaze_id in (3, 14, 15, 92, 100):
            tvmaze.shows[tvmaze_id]["updated"] = 200
            tvmaze.shows[tvmaze_id]["status"] = "Ended"
        changed = await sync_followed(
            sessions=sessions, client=client, now=NOW + timedelta(hours=12)
        )
    assert (unchanged.followed, unchanged.changed, unchanged.calls) == (100, 0, 1)
    assert (changed.changed, changed.failed, changed.calls) == (5, 0, 6)
    async with sessions() as session:
        ended = list(await session.scalars(select(SeriesStatusChange)))
    assert len(ended) == 5


def test_update_window_grows_with_the_oldest_sync():
    assert update_window(NOW - timedelta(hours=20), NOW) == "day"
    assert update_window(NOW - timedelta(days=3), NOW) == "week"
    assert update_window(NOW - timedelta(days=20), NOW) == "month"
    assert update_window(NOW - timedelta(days=90), NOW) is None


async def test_a_long_sync_stamps_each_show_when_it_is_stored(sessions):
    """A sync that started at 12:00 and reaches a show at 12:40 stamps its moved episode 12:40:
    a reminder tick at 12:20 must still see the move as new afterwards."""
    airs = NOW + timedelta(days=3)
    async with httpx.AsyncClient() as http, FakeTvmaze() as tvmaze:
        tvmaze.add_show(show(1, "Show 1", updated=100), [episode(11, 1, 1, "A", airs)])
        async with sessions.begin() as session:
            chat = await ensure_chat(session, telegram_id=1, chat_type="private")
            raw = show(1, "Show 1", updated=100)
            raw["_embedded"] = {"episodes": [episode(11, 1, 1, "A", airs)]}
            series = await store_show(session, parse_show_data(raw, []), now=NOW)
            await add_follow(session, chat_id=chat.id, series_id=series.id)
        started = NOW + timedelta(hours=12)
        tvmaze.shows[1]["updated"] = 200
        tvmaze.episodes[1] = [episode(11, 1, 1, "A", airs + timedelta(hours=2))]
        client = TvmazeClient(tvmaze.base_url, http)
        report = await sync_followed(
            sessions=sessions,
            client=client,
            now=started,
            clock=lambda: started + timedelta(minutes=40),
        )
    assert report.changed == 1
    async with sessions() as session:
        moved = await session.scalar(select(Episode).where(Episode.tvmaze_id == 11))
    assert moved is not None and moved.airstamp == airs + timedelta(hours=2)
    assert moved.changed_at == started + timedelta(minutes=40)
