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

# The feed server shares the test's event loop: a read timeout must outlast a stall of it (a
# lemma dictionary loading, a slow database) or a healthy feed times out (0.5 s did in CI).
LIMITS = FetchLimits(connect_seconds=2, read_seconds=2.0, total_seconds=2.5, max_bytes=1_000_000)
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
    async with make_feed_client(LIMITS, allow_private=True) as client:
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
    async with make_feed_client(LIMITS, allow_private=True) as client:
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


POISONED = (
    '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title>'
    "<item><guid>1</guid><title>„Dark“ verlängert</title></item>"
    "<item><guid>2</guid><title>&lt;![ x</title></item>"
    "<item><guid>3</guid><title>Dark &#xD83D; Staffel</title></item>"
    "<item><guid>4</guid><title>Null&#0;Byte</title><description>a&#0;b&#x7;c</description></item>"
    "</channel></rss>"
).encode()


async def test_poisoned_items_are_cleaned_and_never_stop_the_feed(sessions, server, poller) -> None:
    server.routes["/p"] = Route(POISONED)
    await _add_feeds(sessions, server, "/p")
    result = await poller.tick(now=T0)
    assert (result.errors, result.stored) == (0, 4)
    async with sessions() as session:
        rows = {
            row.item_key: (row.title, row.summary)
            for row in await session.scalars(select(NewsItem))
        }
    assert rows["g:1"][0] == "„Dark“ verlängert"
    assert rows["g:3"][0] == "Dark Staffel"
    assert rows["g:4"] == ("NullByte", "abc")
    assert "x" in rows["g:2"][0]
    for title, summary in rows.values():
        assert all(ch.isprintable() for ch in title + summary)


async def test_any_exception_is_the_feeds_recorded_failure(sessions, server) -> None:
    async def broken_announce(new, now):
        raise RuntimeError("fan-out exploded")

    server.routes["/a"] = Route(rss([_item("1", "Something else")]))
    server.routes["/b"] = Route(rss([_item("1", "Other news")]))
    await _add_feeds(sessions, server, "/a", "/b")
    async with make_feed_client(LIMITS, allow_private=True) as client:
        poller = NewsPoller(
            sessions=sessions, client=client, limits=LIMITS, poll_seconds=POLL,
            announce=broken_announce,
        )  # fmt: skip
        await poller.tick(now=T0)
        server.routes["/a"] = Route(rss([_item("2", "„Dark“ bekommt eine vierte Staffel")]))
        server.routes["/b"] = Route(rss([_item("2", "Weather today is fine")]))
        later = T0 + timedelta(seconds=POLL)
        result = await poller.tick(now=later)
    assert result.errors == 1
    failed = await _feed(sessions, server, "/a")
    assert failed.error_count == 1 and "fan-out exploded" in failed.last_error
    assert failed.next_poll_at > later
    assert (await _feed(sessions, server, "/b")).items_seen == 2


async def test_a_feed_failing_again_after_recovering_is_reported_again(sessions, server) -> None:
    from bot.chat_settings import Defaults
    from bot.news.announce import NewsAnnouncer
    from storage.chats import ensure_chat
    from storage.delivery_models import Delivery

    async with sessions.begin() as session:
        await ensure_chat(session, telegram_id=ADMIN_ID, chat_type="private")
    announcer = NewsAnnouncer(Defaults("en", "Europe/Berlin"), [ADMIN_ID], sessions)
    await _add_feeds(sessions, server, "/a")
    now = T0
    async with make_feed_client(LIMITS, allow_private=True) as client:
        poller = NewsPoller(
            sessions=sessions, client=client, limits=LIMITS, poll_seconds=POLL,
            warn=announcer.failing,
        )  # fmt: skip
        for _streak in range(2):  # fail until reported, recover, fail until reported again
            server.routes["/a"] = Route(b"boom", status=500)
            for _ in range(FAILING_AFTER_ERRORS):
                await poller.tick(now=now)
                now = (await _feed(sessions, server, "/a")).next_poll_at
            server.routes["/a"] = Route(rss([]))
            await poller.tick(now=now)
            now = (await _feed(sessions, server, "/a")).next_poll_at
    async with sessions() as session:
        notices = list(await session.scalars(select(Delivery.dedup_key)))
    assert len(notices) == 2 and len(set(notices)) == 2


ADMIN_ID = 4242


async def test_an_interrupted_fan_out_is_resumed_at_the_next_tick(sessions, server) -> None:
    from bot.chat_settings import Defaults
    from bot.news.announce import NewsAnnouncer
    from storage.catalog_models import Follow
    from storage.chats import ensure_chat
    from storage.delivery_models import Delivery

    async with sessions.begin() as session:
        chat = await ensure_chat(session, telegram_id=5, chat_type="private")
        dark = await session.scalar(select(Series.id).where(Series.title == "Dark"))
        session.add(Follow(chat_id=chat.id, series_id=dark))
    announcer = NewsAnnouncer(Defaults("de", "Europe/Berlin"), [], sessions)
    calls = []

    async def crashing_then_working(new, now):
        calls.append(len(new))
        if len(calls) == 1:
            raise RuntimeError("killed mid fan-out")
        return await announcer.news(new, now)

    server.routes["/a"] = Route(rss([_item("1", "Weather")]))
    await _add_feeds(sessions, server, "/a")
    async with make_feed_client(LIMITS, allow_private=True) as client:
        poller = NewsPoller(
            sessions=sessions, client=client, limits=LIMITS, poll_seconds=POLL,
            announce=crashing_then_working,
        )  # fmt: skip
        await poller.tick(now=T0)
        server.routes["/a"] = Route(rss([_item("2", "„Dark“ bekommt eine vierte Staffel")]))
        await poller.tick(now=T0 + timedelta(seconds=POLL))  # stored; its fan-out dies
        async with sessions() as session:
            assert await session.scalar(select(func.count()).select_from(Delivery)) == 0
        await poller.tick(now=T0 + timedelta(seconds=POLL + 1))  # feed not due: resumes only
        await poller.tick(now=T0 + timedelta(seconds=POLL + 2))  # nothing left to resume
    assert calls == [1, 1]
    async with sessions() as session:
        assert list(await session.scalars(select(Delivery.dedup_key))) == [f"news:2:{chat.id}"]
        assert None not in set(await session.scalars(select(NewsItem.announced_at)))
