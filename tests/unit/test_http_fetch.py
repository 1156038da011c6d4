"""Downloading feeds from a local server that misbehaves in every way real ones do."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import httpx
import pytest

from bot.http_fetch import USER_AGENT, FetchLimits, fetch_feed, make_feed_client, parse_retry_after
from tests.fake_feeds import FeedServer, Route, rss

LIMITS = FetchLimits(connect_seconds=2, read_seconds=0.5, total_seconds=1.0, max_bytes=1_000_000)
FEED = rss([{"guid": "1", "title": "One"}])


@pytest.fixture
async def server() -> AsyncIterator[FeedServer]:
    async with FeedServer() as server:
        yield server


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    async with make_feed_client(LIMITS) as client:
        yield client


async def test_ok_with_user_agent_and_validators(server: FeedServer, client) -> None:
    server.routes["/f"] = Route(FEED, etag='"v1"', headers={"Last-Modified": "Mon, 06 Jan 2025"})
    result = await fetch_feed(client, server.url("/f"), limits=LIMITS)
    assert result.error is None and result.status == 200
    assert result.body == FEED
    assert result.etag == '"v1"'
    assert result.last_modified == "Mon, 06 Jan 2025"
    assert server.request_headers["/f"]["User-Agent"] == USER_AGENT


async def test_conditional_get_gives_not_modified(server: FeedServer, client) -> None:
    server.routes["/f"] = Route(FEED, etag='"v1"')
    result = await fetch_feed(client, server.url("/f"), etag='"v1"', limits=LIMITS)
    assert result.not_modified and result.error is None and result.body == b""


async def test_hanging_server_times_out(server: FeedServer, client) -> None:
    server.routes["/f"] = Route(hang=True)
    started = time.monotonic()
    result = await fetch_feed(client, server.url("/f"), limits=LIMITS)
    assert result.error and result.status is None
    assert time.monotonic() - started < 2


async def test_trickling_server_hits_the_whole_request_deadline(server: FeedServer, client) -> None:
    server.routes["/f"] = Route(FEED, trickle_seconds=0.05)  # each byte within read timeout
    started = time.monotonic()
    result = await fetch_feed(client, server.url("/f"), limits=LIMITS)
    assert result.error and "within" in result.error
    assert time.monotonic() - started < 2


async def test_huge_body_is_aborted(server: FeedServer, client) -> None:
    server.routes["/f"] = Route(endless_bytes=50 * 1024 * 1024)
    limits = FetchLimits(total_seconds=10, max_bytes=5 * 1024 * 1024)
    result = await fetch_feed(client, server.url("/f"), limits=limits)
    assert result.error and "over" in result.error
    assert result.body == b""


async def test_declared_huge_body_is_refused_before_reading(server: FeedServer, client) -> None:
    server.routes["/f"] = Route(b"x" * 2_000_000)
    result = await fetch_feed(client, server.url("/f"), limits=LIMITS)
    assert result.error and "limit" in result.error


@pytest.mark.parametrize("status", [404, 500])
async def test_http_errors(server: FeedServer, client, status: int) -> None:
    server.routes["/f"] = Route(b"nope", status=status)
    result = await fetch_feed(client, server.url("/f"), limits=LIMITS)
    assert result.status == status and result.error == f"HTTP {status}"


async def test_429_retry_after(server: FeedServer, client) -> None:
    server.routes["/f"] = Route(b"slow down", status=429, headers={"Retry-After": "3600"})
    result = await fetch_feed(client, server.url("/f"), limits=LIMITS)
    assert result.status == 429 and result.retry_after == 3600


async def test_redirects_are_limited(server: FeedServer, client) -> None:
    for hop in range(7):
        server.routes[f"/r{hop}"] = Route(redirect_to=f"/r{hop + 1}")
    server.routes["/r7"] = Route(FEED)
    assert (await fetch_feed(client, server.url("/r3"), limits=LIMITS)).error is None
    result = await fetch_feed(client, server.url("/r0"), limits=LIMITS)
    assert result.error and "redirects" in result.error


async def test_unreachable_and_invalid_urls(client) -> None:
    assert (await fetch_feed(client, "http://127.0.0.1:9/feed", limits=LIMITS)).error
    assert (await fetch_feed(client, "http://[bad", limits=LIMITS)).error


def test_retry_after_forms() -> None:
    now = datetime(2025, 1, 6, 12, 0, tzinfo=UTC)
    assert parse_retry_after("120", now) == 120
    assert parse_retry_after("Mon, 06 Jan 2025 12:10:00 GMT", now) == 600
    assert parse_retry_after("soon", now) is None
    assert parse_retry_after(None, now) is None
