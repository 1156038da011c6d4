"""The poll tick against a local feed server and a real database (SQLite and PostgreSQL)."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.catalog.normalize import normalize_title
from bot.http_fetch import FetchLimits, make_feed_client
from bot.news.poll import FAILING_AFTER_ERRORS, NewsPoller, backoff_seconds
from storage.catalog_models import Series, SeriesAlias
from storage.db import create_session_factory
from storage.feeds import add_feed, get_feed_by_url
from storage.migrate import upgrade_database
from storage.news_models import Feed, NewsItem
from tests.fake_feeds import FeedServer, Route, rss

LIMITS = FetchLimits(connect_seconds=1, read_seconds=0.5, total_seconds=1.0, max_bytes=1_000_000)
POLL = 600
T0 = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
async def sessions(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    await upgrade_database(engine)
    factory = create_session_factory(engine)
    async with factory.begin() as session:
        for tvmaze_id, title, aliases in ((1, "Dark", []), (2, "Money Heist", ["Haus des Geldes"])):
            series = Series(tvmaze_id=tvmaze_id, title=title, status="Running", premiered=2017)
            session.add(series)
            await session.flush()
            for name in [title, *aliases]:
                session.add(
                    SeriesAlias(series_id=series.id, name=name, normalized=normalize_title(name))
                )
    return factory


@pytest.fixture
async def server() -> AsyncIterator[FeedServer]:
    async with FeedServer() as server:
        yield server


@pytest.fixture
async def poller(sessions) -> AsyncIterator[NewsPoller]:
    async with make_feed_client(LIMITS) as client:
        yield NewsPoller(sessions=sessions, client=client, limits=LIMITS, poll_seconds=POLL)


async def _add_feeds(sessions, server: FeedServer, *paths: str) -> None:
    async with sessions.begin() as session:
        for path in paths:
            await add_feed(session, url=server.url(path), now=T0)


async def _feed(sessions, server: FeedServer, path: str) -> Feed:
    async with sessions() as session:
        feed = await get_feed_by_url(session, url=server.url(path))
        assert feed is not None
        return feed


def _item(guid: str, title: str, **extra: object) -> dict[str, object]:
    return {"guid": guid, "title": title, "link": f"https://news.test/{guid}", **extra}


async def test_first_poll_is_silent_then_only_new_items_count(sessions, server, poller) -> None:
    server.routes["/a"] = Route(rss([_item("1", "„Dark“ bekommt eine vierte Staffel")]))
    await _add_feeds(sessions, server, "/a")
    first = await poller.tick(now=T0)
    assert first.polled == 1 and first.stored == 1 and first.new_items == ()

    server.routes["/a"] = Route(
        rss(
            [
                _item("2", "Netflix setzt „Dark“ ab"),
                _item("1", "„Dark“ bekommt eine vierte Staffel"),
            ]
        )
    )
    second = await poller.tick(now=T0 + timedelta(seconds=POLL))
    assert [(n.kind, len(n.series_ids)) for n in second.new_items] == [("cancellation", 1)]
    assert (await poller.tick(now=T0 + timedelta(seconds=2 * POLL))).new_items == ()
    assert (await poller.tick(now=T0 + timedelta(seconds=2 * POLL))).polled == 0  # not due yet


async def test_no_repeat_after_a_restart(sessions, server, poller) -> None:
    server.routes["/a"] = Route(rss([]))
    await _add_feeds(sessions, server, "/a")
    await poller.tick(now=T0)
    server.routes["/a"] = Route(rss([_item("1", "„Haus des Geldes“: Staffel 6 kommt")]))
    assert len((await poller.tick(now=T0 + timedelta(seconds=POLL))).new_items) == 1
    async with make_feed_client(LIMITS) as client:
        fresh = NewsPoller(sessions=sessions, client=client, limits=LIMITS, poll_seconds=POLL)
        assert (await fresh.tick(now=T0 + timedelta(seconds=2 * POLL))).new_items == ()


async def test_same_story_from_two_feeds_is_announced_once(sessions, server, poller) -> None:
    server.routes["/a"] = Route(rss([]))
    server.routes["/b"] = Route(rss([]))
    await _add_feeds(sessions, server, "/a", "/b")
    await poller.tick(now=T0)
    story = "„Dark“: Netflix verlängert die Serie um eine vierte Staffel"
    server.routes["/a"] = Route(rss([_item("a1", story)]))
    server.routes["/b"] = Route(rss([_item("b1", story.upper())]))
    result = await poller.tick(now=T0 + timedelta(seconds=POLL))
    assert len(result.new_items) == 1 and result.stored == 2
    async with sessions() as session:
        duplicates = await session.scalar(
            select(func.count()).select_from(NewsItem).where(NewsItem.duplicate_of.is_not(None))
        )
    assert duplicates == 1


async def test_not_modified_keeps_validators(sessions, server, poller) -> None:
    server.routes["/a"] = Route(rss([_item("1", "x")]), etag='"v1"')
    await _add_feeds(sessions, server, "/a")
    await poller.tick(now=T0)
    result = await poller.tick(now=T0 + timedelta(seconds=POLL))
    assert result.errors == 0 and result.stored == 0
    assert server.request_headers["/a"]["If-None-Match"] == '"v1"'
    feed = await _feed(sessions, server, "/a")
    assert feed.etag == '"v1"' and feed.error_count == 0


async def test_backoff_doubles_flags_failing_once_and_resets(sessions, server, poller) -> None:
    server.routes["/a"] = Route(b"boom", status=500)
    await _add_feeds(sessions, server, "/a")
    now = T0
    flagged = []
    for attempt in range(1, FAILING_AFTER_ERRORS + 2):
        result = await poller.tick(now=now)
        flagged += result.failing
        feed = await _feed(sessions, server, "/a")
        assert feed.error_count == attempt and feed.last_error == "HTTP 500"
        assert feed.next_poll_at == now + timedelta(seconds=backoff_seconds(attempt, POLL, None))
        now = feed.next_poll_at
    assert [f.error_count for f in flagged] == [FAILING_AFTER_ERRORS]
    server.routes["/a"] = Route(rss([]))
    await poller.tick(now=now)
    feed = await _feed(sessions, server, "/a")
    assert (feed.error_count, feed.failing_notified, feed.last_error) == (0, False, None)


async def test_retry_after_is_honoured(sessions, server, poller) -> None:
    server.routes["/a"] = Route(b"", status=429, headers={"Retry-After": "7200"})
    await _add_feeds(sessions, server, "/a")
    await poller.tick(now=T0)
    assert (await _feed(sessions, server, "/a")).next_poll_at == T0 + timedelta(seconds=7200)


def test_backoff_is_capped_at_a_day() -> None:
    assert backoff_seconds(1, 600, None) == 600
    assert backoff_seconds(3, 600, None) == 2400
    assert backoff_seconds(30, 600, None) == 86400
    assert backoff_seconds(1, 600, 10**9) == 86400


async def test_broken_feeds_do_not_hold_the_tick(sessions, server, poller) -> None:
    good = rss([_item("1", "„Dark“ verlängert")])
    server.routes.update(
        {
            "/good": Route(good),
            "/hang": Route(hang=True),
            "/trickle": Route(good, trickle_seconds=0.05),
            "/huge": Route(endless_bytes=50 * 1024 * 1024),
            "/malformed": Route(good[:-30]),
            "/html": Route(b"<html><body>Hi</body></html>", content_type="text/html"),
            "/404": Route(b"", status=404),
            "/500": Route(b"", status=500),
            "/429": Route(b"", status=429, headers={"Retry-After": "60"}),
            "/latin1": Route(
                '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><item>'
                "<title>Ärger</title></item></channel></rss>".encode("latin-1")
            ),
            "/noguid": Route(rss([{"title": "A"}, {"title": "B", "link": "https://n.test/b"}])),
            "/dupes": Route(rss([_item("1", "A"), _item("1", "B")])),
            "/script": Route(rss([_item("1", "<script>alert(1)</script><b>Dark</b>")])),
        }
    )
    await _add_feeds(sessions, server, *server.routes)
    started = time.monotonic()
    result = await poller.tick(now=T0)
    assert time.monotonic() - started < 6
    assert result.polled == len(server.routes)
    assert result.errors == 7  # hang, trickle, huge, html, 404, 500, 429
    async with sessions() as session:
        titles = set(await session.scalars(select(NewsItem.title)))
    assert {"„Dark“ verlängert", "A", "B", "Dark"} <= titles
    assert not any("<" in title or "alert" in title for title in titles)
    assert (await _feed(sessions, server, "/malformed")).items_seen == 1
    assert (await _feed(sessions, server, "/dupes")).items_seen == 1


async def test_slow_feed_does_not_delay_the_others(sessions, server, poller) -> None:
    for index in range(20):
        server.routes[f"/ok{index}"] = Route(rss([_item("1", f"item {index}")]))
    server.routes["/hang"] = Route(hang=True)
    await _add_feeds(sessions, server, "/hang", *[f"/ok{i}" for i in range(20)])
    started = time.monotonic()
    result = await poller.tick(now=T0)
    elapsed = time.monotonic() - started
    assert result.stored == 20 and result.errors == 1
    assert elapsed < LIMITS.total_seconds + 3


async def test_matcher_follows_catalogue_changes(sessions, server, poller) -> None:
    server.routes["/a"] = Route(rss([]))
    await _add_feeds(sessions, server, "/a")
    await poller.tick(now=T0)
    async with sessions.begin() as session:
        series = Series(tvmaze_id=3, title="Severance", status="Running")
        session.add(series)
        await session.flush()
        session.add(SeriesAlias(series_id=series.id, name="Severance", normalized="severance"))
    server.routes["/a"] = Route(rss([_item("1", "‘Severance’ renewed for season 3")]))
    result = await poller.tick(now=T0 + timedelta(seconds=POLL))
    assert [item.series_ids for item in result.new_items] == [frozenset({series.id})]
