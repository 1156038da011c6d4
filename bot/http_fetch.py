"""Downloading one feed politely and defensively; every outcome is a FetchResult, never a raise.

Conditional GET (ETag / Last-Modified → 304), a User-Agent naming the bot, at most five
redirects, a streamed body cap, and a deadline on the whole request so a server that
trickles bytes cannot hold a poll.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import httpx

from bot.digits import is_number
from bot.public_addresses import IPAddress, PublicOnlyTransport, is_public_address

USER_AGENT = "Serienwecker/0.1 (Telegram bot for TV-series fans; news feed reader)"
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)


@dataclass(frozen=True)
class FetchLimits:
    connect_seconds: float = 10.0
    read_seconds: float = 10.0  # between two bytes
    total_seconds: float = 30.0  # the whole request, however the bytes trickle
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5


@dataclass(frozen=True)
class FetchResult:
    """What a download gave: a body, "not modified", or an error with an optional retry hint."""

    status: int | None  # HTTP status; None when no response arrived
    body: bytes = b""
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None
    retry_after: float | None = None  # seconds the server asked us to wait (429/503)
    url: str | None = None  # where the body came from, after redirects: links resolve there

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def make_feed_client(
    limits: FetchLimits,
    *,
    allow_private: bool = False,
    allowed: Callable[[IPAddress], bool] = is_public_address,
) -> httpx.AsyncClient:
    """The HTTP client feeds and calendars are fetched with; closed by its owner. Unless
    `allow_private`, every request (each redirect hop) must go to `allowed` addresses."""
    transport: httpx.AsyncBaseTransport = httpx.AsyncHTTPTransport()
    if not allow_private:
        transport = PublicOnlyTransport(transport, allowed)
    return httpx.AsyncClient(
        transport=transport,
        timeout=httpx.Timeout(limits.read_seconds, connect=limits.connect_seconds),
        follow_redirects=True,
        max_redirects=limits.max_redirects,
        headers={"User-Agent": USER_AGENT, "Accept": ACCEPT},
    )


def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds from a Retry-After header: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if is_number(value):
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


async def fetch_feed(
    client: httpx.AsyncClient,
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    limits: FetchLimits,
) -> FetchResult:
    """Download `url`, asking only for changes since the validators we hold."""
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        async with asyncio.timeout(limits.total_seconds):
            return await _download(client, url, headers, limits)
    except TimeoutError:
        return FetchResult(None, error=f"no complete answer within {limits.total_seconds:g} s")
    except httpx.TooManyRedirects:
        return FetchResult(None, error=f"more than {limits.max_redirects} redirects")
    except httpx.TimeoutException as error:
        return FetchResult(None, error=f"timeout ({type(error).__name__})")
    except (httpx.HTTPError, httpx.InvalidURL) as error:
        return FetchResult(None, error=f"{type(error).__name__}: {str(error)[:200]}")


async def _download(
    client: httpx.AsyncClient, url: str, headers: dict[str, str], limits: FetchLimits
) -> FetchResult:
    async with client.stream("GET", url, headers=headers) as response:
        validators = {
            "etag": response.headers.get("etag"),
            "last_modified": response.headers.get("last-modified"),
        }
        status = response.status_code
        if status == 304:
            return FetchResult(304, **validators)
        if not 200 <= status < 300:
            retry_after = parse_retry_after(response.headers.get("retry-after"), datetime.now(UTC))
            return FetchResult(status, error=f"HTTP {status}", retry_after=retry_after)
        declared = response.headers.get("content-length", "")
        if is_number(declared) and int(declared) > limits.max_bytes:
            return FetchResult(status, error=f"body of {declared} bytes is over the limit")
        chunks: list[bytes] = []
        size = 0
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > limits.max_bytes:
                return FetchResult(status, error=f"body over {limits.max_bytes} bytes")
            chunks.append(chunk)
        return FetchResult(
            status,
            body=b"".join(chunks),
            content_type=response.headers.get("content-type"),
            url=str(response.url),
            **validators,
        )
