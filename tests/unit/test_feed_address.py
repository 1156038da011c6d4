"""One feed spelt two ways is one feed; /removefeed finds it by number or by either spelling."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.news.admin import feed_address, find_and_remove_feed
from storage.db import create_session_factory
from storage.feeds import add_feed, list_feeds
from storage.migrate import upgrade_database

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("HTTPS://WWW.Serienjunkies.DE/rss/news.xml", "https://www.serienjunkies.de/rss/news.xml"),
        ("https://tv.test:443/Feed.XML#top", "https://tv.test/Feed.XML"),
        ("http://tv.test:80", "http://tv.test/"),
        ("http://tv.test:8080/rss?Section=TV", "http://tv.test:8080/rss?Section=TV"),
        ("  https://Reader:PassWort@TV.test/rss  ", "https://Reader:PassWort@tv.test/rss"),
        ("https://[2001:DB8::1]:8443/rss", "https://[2001:db8::1]:8443/rss"),
    ],
)
def test_scheme_host_and_default_port_are_spelt_one_way(typed: str, stored: str) -> None:
    assert feed_address(typed) == stored


@pytest.mark.parametrize(
    "typed", ["ftp://tv.test/rss", "tv.test/rss", "https://tv.test:99999/rss", "https://tv.test:x/"]
)
def test_what_is_no_http_address_is_refused(typed: str) -> None:
    assert feed_address(typed) is None


async def test_removefeed_finds_a_feed_by_number_or_either_spelling(engine: AsyncEngine) -> None:
    await upgrade_database(engine)
    sessions = create_session_factory(engine)
    async with sessions.begin() as session:
        canonical = await add_feed(session, url="https://tv.test/rss", now=NOW)
        legacy = await add_feed(session, url="https://OLD.test/rss", now=NOW)  # stored as typed
        numbered = await add_feed(session, url="https://three.test/rss", now=NOW)
    assert canonical and legacy and numbered
    async with sessions.begin() as session:
        assert await find_and_remove_feed(session, query="²") is None  # not a number: no crash
        found = await find_and_remove_feed(session, query="HTTPS://TV.test:443/rss")
        assert found is not None and found.id == canonical.id
        found = await find_and_remove_feed(session, query="https://OLD.test/rss")
        assert found is not None and found.id == legacy.id
        found = await find_and_remove_feed(session, query=f"#{numbered.id}")
        assert found is not None and found.id == numbered.id
    async with sessions() as session:
        assert await list_feeds(session) == []


async def test_removefeed_with_a_number_too_big_for_an_id_finds_nothing(
    engine: AsyncEngine,
) -> None:
    """/removefeed 99999999999999999999 reached the database with an integer no column holds:
    SQLite raised OverflowError, PostgreSQL a DataError, and the admin got no answer."""
    await upgrade_database(engine)
    sessions = create_session_factory(engine)
    async with sessions.begin() as session:
        assert await add_feed(session, url="https://tv.test/rss", now=NOW)
    async with sessions.begin() as session:
        for query in ("99999999999999999999", "2147483648", "#9223372036854775808"):
            assert await find_and_remove_feed(session, query=query) is None
    async with sessions() as session:
        assert len(await list_feeds(session)) == 1
