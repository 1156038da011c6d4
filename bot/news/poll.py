"""The poll tick: fetch due feeds side by side, store new items with kind and series.

Durable state lives in `feeds` and `news_items`, so the tick is safe to run twice and after a
restart: an item is new only if its (feed, key) is not stored yet. The first successful poll
of a feed stores its items silently; a story another feed brought within a few days is stored
as a duplicate and not announced again. Each feed is fetched under its own deadline and
stored as soon as it is done, so one slow or broken feed never holds up the others.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

import httpx
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.catalog.normalize import normalize_title
from bot.http_fetch import FetchLimits, FetchResult, fetch_feed
from bot.masked_url import masked_url
from bot.news.classify import classify
from bot.news.match import SeriesMatcher
from bot.news.parse import FeedItem, ParsedFeed, parse_feed
from bot.news.title_index import CatalogueTitle
from storage.feeds import (
    add_news_items,
    claim_due_feeds,
    get_feed,
    known_item_keys,
    recent_stories,
    unannounced_items,
)
from storage.known_series import known_series_names, known_series_version
from storage.news_models import Feed, NewsItem
from storage.series import catalogue_titles, catalogue_version

logger = logging.getLogger(__name__)

MAX_BACKOFF_SECONDS = 86400
FAILING_AFTER_ERRORS = 5
STORY_WINDOW = timedelta(days=3)  # the same story from another feed within this is a repeat
MAX_ANNOUNCE_AGE = timedelta(days=7)  # older items surfacing late are stored, not announced
MIN_STORY_WORDS = 3  # shorter titles ("Trailer") are too generic to merge stories by
MAX_FEEDS_PER_TICK = 1000


@dataclass(frozen=True)
class NewNews:
    """A stored item worth announcing: what the fan-out turns into messages."""

    item_id: int
    feed_id: int
    series_ids: frozenset[int]
    kind: str


@dataclass(frozen=True)
class FailingFeed:
    """A feed that just reached FAILING_AFTER_ERRORS consecutive errors: tell the admins once."""

    feed_id: int
    url: str
    error_count: int
    last_error: str
    # The last success before this failing streak (None: never fetched): names the streak,
    # so a feed that recovers and fails again is reported again.
    since: datetime | None = None


@dataclass(frozen=True)
class PollResult:
    polled: int = 0
    stored: int = 0
    errors: int = 0
    new_items: tuple[NewNews, ...] = ()
    failing: tuple[FailingFeed, ...] = ()


Announce = Callable[[list[NewNews], datetime], Awaitable[object]]
Warn = Callable[[AsyncSession, FailingFeed], Awaitable[object]]


@dataclass(frozen=True)
class _Due:
    id: int
    url: str
    etag: str | None
    last_modified: str | None


def backoff_seconds(error_count: int, poll_seconds: int, retry_after: float | None) -> float:
    """Wait after the `error_count`-th consecutive error: doubling from the interval, ≤ 1 day."""
    delay = min(poll_seconds * 2 ** min(max(error_count - 1, 0), 20), MAX_BACKOFF_SECONDS)
    if retry_after is not None:
        delay = max(delay, min(retry_after, MAX_BACKOFF_SECONDS))
    return float(delay)


def story_key(title: str, fallback: str) -> str:
    """Hash of the normalised title; generic short titles get a key of their own."""
    normalized = normalize_title(title)
    if len(normalized.split()) < MIN_STORY_WORDS:
        normalized = "\x00" + fallback
    return hashlib.sha256(normalized.encode()).hexdigest()[:32]


class NewsPoller:
    """Polls due feeds; keeps the HTTP client and the compiled matcher between ticks."""

    def __init__(
        self,
        *,
        sessions: async_sessionmaker[AsyncSession],
        client: httpx.AsyncClient,
        limits: FetchLimits,
        poll_seconds: int,
        concurrency: int = 10,
        announce: Announce | None = None,
        warn: Warn | None = None,
    ) -> None:
        """`warn` runs inside the transaction that stores a feed's failure, so the failing
        feed and its notice land together. `announce` runs after the new items are stored,
        writing their messages in transactions of its own and marking them announced at the
        end; items it did not finish are handed to it again at the next tick."""
        self._sessions = sessions
        self._client = client
        self._limits = limits
        self._poll_seconds = poll_seconds
        self._slots = asyncio.Semaphore(concurrency)
        self._store_lock = asyncio.Lock()  # one writer: SQLite allows no more anyway
        self._announce = announce
        self._warn = warn
        self._matcher = SeriesMatcher([])
        self._matcher_version: tuple[object, ...] | None = None

    async def tick(self, *, now: datetime) -> PollResult:
        """Poll every due feed once; return what is new and announceable."""
        await self._resume_announcements(now)
        deadline = self._limits.total_seconds + 10  # fetch, plus parsing in a thread
        async with self._sessions.begin() as session:
            await self._refresh_matcher(session)
            feeds = await claim_due_feeds(
                session,
                now=now,
                lease_until=now + timedelta(seconds=deadline + self._poll_seconds),
                limit=MAX_FEEDS_PER_TICK,
            )
            due = [_Due(f.id, f.url, f.etag, f.last_modified) for f in feeds]
        outcomes = await asyncio.gather(*(self._isolated(feed, now, deadline) for feed in due))
        new_items = tuple(item for outcome in outcomes for item in outcome[0])
        failing = tuple(outcome[1] for outcome in outcomes if outcome[1] is not None)
        result = PollResult(
            polled=len(due),
            stored=sum(outcome[2] for outcome in outcomes),
            errors=sum(1 for outcome in outcomes if outcome[3]),
            new_items=new_items,
            failing=failing,
        )
        if due:
            logger.info(
                "polled %d feeds: %d items stored, %d to announce, %d errors",
                result.polled,
                result.stored,
                len(result.new_items),
                result.errors,
            )
        return result

    async def _resume_announcements(self, now: datetime) -> None:
        """Fan out again what an earlier tick stored but did not finish announcing."""
        if self._announce is None:
            return
        async with self._sessions() as session:
            pending = await unannounced_items(session, since=now - MAX_ANNOUNCE_AGE)
        if pending:
            logger.warning("resuming the fan-out of %d news items", len(pending))
            items = [NewNews(item_id, feed_id, series, kind) for item_id, feed_id, kind, series
                     in pending]  # fmt: skip
            try:
                await self._announce(items, now)
            except Exception:
                logger.exception("resuming the news fan-out failed; retried next tick")

    async def _refresh_matcher(self, session: AsyncSession) -> None:
        """Rebuild (in a thread) when a followed title or a known series changed."""
        version = (*await catalogue_version(session), *await known_series_version(session))
        if version == self._matcher_version:
            return
        titles = [CatalogueTitle(*row) for row in await catalogue_titles(session)]
        known = await known_series_names(session)
        self._matcher = await asyncio.to_thread(SeriesMatcher, titles, known)
        self._matcher_version = version
        logger.info(
            "news matcher rebuilt over %d titles (%d known series)", self._matcher.size, len(known)
        )

    async def _isolated(
        self, feed: _Due, now: datetime, deadline: float
    ) -> tuple[list[NewNews], FailingFeed | None, int, bool]:
        """Poll one feed; any exception is that feed's recorded failure (counted, backed off,
        reported like an HTTP error), never the tick's: the other feeds go on."""
        try:
            return await self._poll_one(feed, now, deadline)
        except Exception as error:
            logger.exception("feed %s (%s) broke its poll", feed.id, masked_url(feed.url))
            reason = f"{type(error).__name__}: {error}"
        try:
            async with self._store_lock, self._sessions.begin() as session:
                row = await get_feed(session, feed_id=feed.id)
                if row is None:
                    return [], None, 0, True
                failing = self._record_failure(row, reason, None, now)
                if failing is not None and self._warn is not None:
                    await self._warn(session, failing)
                return [], failing, 0, True
        except Exception:
            logger.exception("recording the failure of feed %s failed", feed.id)
            return [], None, 0, True

    async def _poll_one(
        self, feed: _Due, now: datetime, deadline: float
    ) -> tuple[list[NewNews], FailingFeed | None, int, bool]:
        parsed: ParsedFeed | None = None
        async with self._slots:
            try:
                async with asyncio.timeout(deadline):
                    fetched = await fetch_feed(
                        self._client,
                        feed.url,
                        etag=feed.etag,
                        last_modified=feed.last_modified,
                        limits=self._limits,
                    )
                    if fetched.body:
                        parsed = await parse_feed(
                            fetched.body,
                            fetched.content_type,
                            url=fetched.url or feed.url,
                            fetched_at=now,
                        )
            except TimeoutError:
                fetched = FetchResult(None, error=f"no result within {deadline:g} s")
        error = fetched.error or (parsed.error if parsed else None)
        if fetched.status == 200 and parsed is None and error is None:
            error = "empty body"
        async with self._store_lock, self._sessions.begin() as session:
            row = await get_feed(session, feed_id=feed.id)
            if row is None:  # removed while we fetched
                return [], None, 0, False
            if error is not None:
                logger.warning("feed %s (%s) failed: %s", feed.id, masked_url(feed.url), error)
                failing = self._record_failure(row, error, fetched.retry_after, now)
                if failing is not None and self._warn is not None:
                    await self._warn(session, failing)
                return [], failing, 0, True
            first_poll = row.last_fetched_at is None
            self._record_success(row, fetched, parsed, now)
            items = parsed.items if parsed else ()
            new, stored = await self._store_items(session, row, items, first_poll, now)
        if new and self._announce is not None:  # stored: an interrupted fan-out is resumed
            await self._announce(new, now)
        return new, None, stored, False

    def _record_failure(
        self, feed: Feed, error: str, retry_after: float | None, now: datetime
    ) -> FailingFeed | None:
        feed.error_count += 1
        feed.last_error = error[:300]
        delay = backoff_seconds(feed.error_count, self._poll_seconds, retry_after)
        feed.next_poll_at = now + timedelta(seconds=delay)
        if feed.error_count < FAILING_AFTER_ERRORS or feed.failing_notified:
            return None
        feed.failing_notified = True
        return FailingFeed(
            feed.id, feed.url, feed.error_count, feed.last_error, since=feed.last_fetched_at
        )

    def _record_success(
        self, feed: Feed, fetched: FetchResult, parsed: ParsedFeed | None, now: datetime
    ) -> None:
        feed.error_count = 0
        feed.last_error = None
        feed.failing_notified = False
        feed.last_fetched_at = now
        feed.next_poll_at = now + timedelta(seconds=self._poll_seconds)
        if not fetched.not_modified:
            feed.etag = (fetched.etag or "")[:300] or None
            feed.last_modified = (fetched.last_modified or "")[:100] or None
        if parsed is not None:
            feed.title = parsed.title or feed.title
            feed.language = parsed.language or feed.language

    async def _store_items(
        self,
        session: AsyncSession,
        feed: Feed,
        items: tuple[FeedItem, ...],
        first_poll: bool,
        now: datetime,
    ) -> tuple[list[NewNews], int]:
        known = await known_item_keys(session, feed_id=feed.id, keys=[i.key for i in items])
        fresh: dict[str, FeedItem] = {}
        for item in items:
            if item.key not in known:
                fresh.setdefault(item.key, item)
        stories = {key: story_key(item.title, f"{feed.id}:{key}") for key, item in fresh.items()}
        repeats = await recent_stories(
            session, story_keys=set(stories.values()), since=now - STORY_WINDOW
        )
        rows = [
            (
                NewsItem(
                    feed_id=feed.id,
                    item_key=key,
                    title=item.title,
                    link=item.link,
                    summary=item.summary,
                    published=item.published,
                    kind=classify(item.title, item.summary),
                    story_key=stories[key],
                    duplicate_of=repeats.get(stories[key]),
                    created_at=now,
                ),
                self._matcher.match(item.title, item.summary),
            )
            for key, item in fresh.items()
        ]
        await add_news_items(session, items=rows)
        feed.items_seen += len(rows)
        oldest_fresh = now - MAX_ANNOUNCE_AGE
        new = [
            NewNews(row.id, feed.id, series_ids, row.kind)
            for row, series_ids in rows
            if series_ids
            and not first_poll
            and row.duplicate_of is None
            and (row.published is None or row.published >= oldest_fresh)
        ]
        to_announce = {item.item_id for item in new}
        for row, _ in rows:  # nothing to fan out: announced as stored
            row.announced_at = None if row.id in to_announce else now
        return new, len(rows)
