"""What the admin commands do: add a feed only if it really is one, list feeds, remove one."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit, urlunsplit

import httpx
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.digits import is_id
from bot.http_fetch import FetchLimits, fetch_feed
from bot.masked_url import masked_url
from bot.news.parse import normalize_link, parse_feed
from storage.feeds import add_feed, delete_feed, get_feed, get_feed_by_url
from storage.news_models import Feed

logger = logging.getLogger(__name__)
_DEFAULT_PORTS = {"http": 80, "https": 443}


@dataclass(frozen=True)
class AddFeedOutcome:
    """`feed` on success; otherwise which check failed and why."""

    feed: Feed | None = None
    item_count: int = 0
    invalid_url: bool = False
    existing_id: int | None = None
    reason: str | None = None  # why the URL is not a usable feed
    unreadable: bool = False  # it is a feed, but reading or storing it broke (see reason)


def feed_address(url: str) -> str | None:
    """`url` as a feed is stored, so one feed spelt two ways is still one feed: scheme and
    host lower-cased, the default port and any fragment dropped; user info, path and query
    kept as given (a password or a path may be case-sensitive). None if not http(s)."""
    if normalize_link(url) is None:
        return None
    parts = urlsplit(url.strip())
    try:
        port = parts.port
    except ValueError:  # out of range, or not a number
        return None
    host = (parts.hostname or "").lower()
    if ":" in host:  # an IPv6 literal
        host = f"[{host}]"
    if port is not None and port != _DEFAULT_PORTS[parts.scheme.lower()]:
        host = f"{host}:{port}"
    userinfo, at, _ = parts.netloc.rpartition("@")
    netloc = f"{userinfo}{at}{host}"
    return urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", parts.query, ""))


async def check_and_add_feed(
    sessions: async_sessionmaker[AsyncSession],
    *,
    client: httpx.AsyncClient,
    limits: FetchLimits,
    url: str,
    now: datetime,
) -> AddFeedOutcome:
    """Fetch and parse `url` first; add it only if it is a feed. Its items count as seen.

    No transaction is open during the download (up to 30 s): SQLite would block writers."""
    address = feed_address(url)
    if address is None:
        return AddFeedOutcome(invalid_url=True)
    url = address
    async with sessions() as session:
        existing = await get_feed_by_url(session, url=url)
    if existing is not None:
        return AddFeedOutcome(existing_id=existing.id)
    fetched = await fetch_feed(client, url, limits=limits)
    if fetched.error is not None:
        return AddFeedOutcome(reason=fetched.error)
    try:
        parsed = await parse_feed(
            fetched.body, fetched.content_type, url=fetched.url or url, fetched_at=now
        )
        if parsed.error is not None:
            return AddFeedOutcome(reason=parsed.error)
        async with sessions.begin() as session:
            feed = await add_feed(
                session, url=url, now=now, title=parsed.title, language=parsed.language
            )
    except Exception as error:  # the admin gets the reason, not a generic error
        logger.exception("reading the candidate feed %s failed", masked_url(url))
        return AddFeedOutcome(unreadable=True, reason=f"{type(error).__name__}: {error}"[:200])
    if feed is None:  # added by someone else meanwhile
        return AddFeedOutcome(reason="added by someone else meanwhile")
    return AddFeedOutcome(feed=feed, item_count=len(parsed.items))


async def find_and_remove_feed(session: AsyncSession, *, query: str) -> Feed | None:
    """Remove the feed with this number or URL; the removed feed, or None."""
    query = query.strip().lstrip("#")
    feed = await get_feed(session, feed_id=int(query)) if is_id(query) else None
    # The canonical address first, then as typed: a feed stored before addresses were made
    # canonical keeps its spelling.
    for address in dict.fromkeys(filter(None, (feed_address(query), query))):
        feed = feed or await get_feed_by_url(session, url=address)
    if feed is None:
        return None
    await delete_feed(session, feed_id=feed.id)
    return feed
