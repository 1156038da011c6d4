"""Queries on feeds and news items. They never commit: the caller owns the transaction."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import datetime
from typing import Any, cast

from sqlalchemy import ColumnElement, CursorResult, delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.catalog_models import Follow, Series
from storage.news_models import Feed, NewsItem, NewsMatch, NewsReport


async def get_feed(session: AsyncSession, *, feed_id: int) -> Feed | None:
    return await session.get(Feed, feed_id)


async def get_feed_by_url(session: AsyncSession, *, url: str) -> Feed | None:
    return await session.scalar(select(Feed).where(Feed.url == url))


async def add_feed(
    session: AsyncSession,
    *,
    url: str,
    now: datetime,
    title: str | None = None,
    language: str | None = None,
) -> Feed | None:
    """Add a feed, due at once; None if the URL is already a feed."""
    if await get_feed_by_url(session, url=url) is not None:
        return None
    feed = Feed(url=url, title=title, language=language, next_poll_at=now)
    session.add(feed)
    await session.flush()
    return feed


async def seed_feeds(session: AsyncSession, *, urls: Iterable[str], now: datetime) -> int:
    """Add the configured feeds that are missing; how many were added."""
    wanted = list(dict.fromkeys(urls))
    known = set(await session.scalars(select(Feed.url).where(Feed.url.in_(wanted))))
    for url in wanted:
        if url not in known:
            session.add(Feed(url=url, next_poll_at=now))
    await session.flush()
    return len([url for url in wanted if url not in known])


async def delete_feed(session: AsyncSession, *, feed_id: int) -> bool:
    result = await session.execute(delete(Feed).where(Feed.id == feed_id))
    return bool(cast("CursorResult[Any]", result).rowcount)


async def list_feeds(session: AsyncSession) -> list[Feed]:
    return list(await session.scalars(select(Feed).order_by(Feed.id)))


async def claim_due_feeds(
    session: AsyncSession, *, now: datetime, lease_until: datetime, limit: int
) -> list[Feed]:
    """Enabled feeds due by `now`, pushed to `lease_until` so another tick skips them."""
    feeds = list(
        await session.scalars(
            select(Feed)
            .where(Feed.enabled.is_(True), Feed.next_poll_at <= now)
            .order_by(Feed.next_poll_at)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
    )
    for feed in feeds:
        feed.next_poll_at = lease_until
    await session.flush()
    return feeds


async def known_item_keys(session: AsyncSession, *, feed_id: int, keys: list[str]) -> set[str]:
    if not keys:
        return set()
    rows = await session.scalars(
        select(NewsItem.item_key).where(NewsItem.feed_id == feed_id, NewsItem.item_key.in_(keys))
    )
    return set(rows)


async def recent_stories(
    session: AsyncSession, *, story_keys: set[str], since: datetime
) -> dict[str, int]:
    """story key → id of its earliest item stored since `since`, for the keys that have one."""
    if not story_keys:
        return {}
    rows = await session.execute(
        select(NewsItem.story_key, func.min(NewsItem.id))
        .where(NewsItem.story_key.in_(story_keys), NewsItem.created_at >= since)
        .group_by(NewsItem.story_key)
    )
    return {key: item_id for key, item_id in rows}


async def add_news_items(
    session: AsyncSession, *, items: list[tuple[NewsItem, frozenset[int]]]
) -> None:
    """Insert items with their series in two round trips; a story repeated within the batch
    points at its first item, as one from an earlier batch already does."""
    session.add_all(item for item, _ in items)
    await session.flush()
    first_of: dict[str, int] = {}
    for item, _ in items:
        if item.duplicate_of is None:
            if item.story_key in first_of:
                item.duplicate_of = first_of[item.story_key]
            else:
                first_of[item.story_key] = item.id
    session.add_all(
        NewsMatch(item_id=item.id, series_id=series_id)
        for item, series_ids in items
        for series_id in series_ids
    )
    await session.flush()


def _news_of_chat(chat_id: int) -> tuple[ColumnElement[bool], ...]:
    """The items /news shows a chat: about its series, no repeats, none it reported."""
    reported = select(NewsReport.item_id).where(NewsReport.chat_id == chat_id)
    matched = (
        select(NewsMatch.item_id)
        .join(Follow, Follow.series_id == NewsMatch.series_id)
        .where(Follow.chat_id == chat_id)
    )
    return (
        NewsItem.id.in_(matched),
        NewsItem.id.not_in(reported),
        NewsItem.duplicate_of.is_(None),
    )


async def count_news_for_chat(session: AsyncSession, *, chat_id: int) -> int:
    total = await session.scalar(select(func.count(NewsItem.id)).where(*_news_of_chat(chat_id)))
    return total or 0


async def latest_news_for_chat(
    session: AsyncSession, *, chat_id: int, limit: int, offset: int = 0
) -> list[tuple[NewsItem, Feed, list[tuple[int, str]]]]:
    """The chat's newest items about its series (no repeats, none it reported), with the
    (TVmaze id, title) of the chat's series each is about."""
    rows = await session.execute(
        select(NewsItem, Feed)
        .join(Feed, Feed.id == NewsItem.feed_id)
        .where(*_news_of_chat(chat_id))
        .order_by(func.coalesce(NewsItem.published, NewsItem.created_at).desc(), NewsItem.id.desc())
        .offset(offset)
        .limit(limit)
    )
    pairs = [(item, feed) for item, feed in rows]
    titles = await _followed_series(session, chat_id=chat_id, item_ids=[i.id for i, _ in pairs])
    return [(item, feed, titles.get(item.id, [])) for item, feed in pairs]


async def _followed_series(
    session: AsyncSession, *, chat_id: int, item_ids: list[int]
) -> dict[int, list[tuple[int, str]]]:
    rows = await session.execute(
        select(NewsMatch.item_id, Series.tvmaze_id, Series.title)
        .join(Series, Series.id == NewsMatch.series_id)
        .join(Follow, Follow.series_id == Series.id)
        .where(Follow.chat_id == chat_id, NewsMatch.item_id.in_(item_ids))
        .order_by(Series.title)
    )
    series: dict[int, list[tuple[int, str]]] = {}
    for item_id, tvmaze_id, title in rows:
        series.setdefault(item_id, []).append((tvmaze_id, title))
    return series


async def items_followed_unmuted(
    session: AsyncSession, *, chat_id: int, item_ids: Collection[int]
) -> set[int]:
    """The items among `item_ids` about a series the chat follows and has not muted."""
    if not item_ids:
        return set()
    rows = await session.scalars(
        select(NewsMatch.item_id)
        .join(Follow, Follow.series_id == NewsMatch.series_id)
        .where(Follow.chat_id == chat_id, Follow.muted.is_(False))
        .where(NewsMatch.item_id.in_(item_ids))
        .distinct()
    )
    return set(rows)


async def get_items(session: AsyncSession, *, ids: set[int]) -> dict[int, NewsItem]:
    if not ids:
        return {}
    return {
        item.id: item
        for item in await session.scalars(select(NewsItem).where(NewsItem.id.in_(ids)))
    }


async def unannounced_items(
    session: AsyncSession, *, since: datetime
) -> list[tuple[int, int, str, frozenset[int]]]:
    """(id, feed id, kind, series ids) of items stored since `since` whose fan-out is not
    complete: it was interrupted (crash, error) and is resumed."""
    return await _with_matches(
        session, NewsItem.announced_at.is_(None), NewsItem.created_at >= since
    )


async def items_with_matches(
    session: AsyncSession, *, ids: Collection[int]
) -> list[tuple[int, int, str, frozenset[int]]]:
    """(id, feed id, kind, series ids) of these items."""
    if not ids:
        return []
    return await _with_matches(session, NewsItem.id.in_(list(ids)))


async def _with_matches(
    session: AsyncSession, *conditions: ColumnElement[bool]
) -> list[tuple[int, int, str, frozenset[int]]]:
    rows = await session.execute(
        select(NewsItem.id, NewsItem.feed_id, NewsItem.kind, NewsMatch.series_id)
        .join(NewsMatch, NewsMatch.item_id == NewsItem.id)
        .where(*conditions)
        .order_by(NewsItem.id)
    )
    found: dict[int, tuple[int, str, set[int]]] = {}
    for item_id, feed_id, kind, series_id in rows:
        found.setdefault(item_id, (feed_id, kind, set()))[2].add(series_id)
    return [(i, f, k, frozenset(series)) for i, (f, k, series) in found.items()]


async def mark_announced(session: AsyncSession, *, ids: Iterable[int], at: datetime) -> None:
    await session.execute(
        update(NewsItem)
        .where(NewsItem.id.in_(list(ids)), NewsItem.announced_at.is_(None))
        .values(announced_at=at)
        .execution_options(synchronize_session=False)
    )


async def add_report(session: AsyncSession, *, chat_id: int, item_id: int) -> bool:
    """Record that a chat says an item is not about its series; False if known or no item."""
    if await session.get(NewsItem, item_id) is None:
        return False
    if await session.get(NewsReport, (chat_id, item_id)) is not None:
        return False
    session.add(NewsReport(chat_id=chat_id, item_id=item_id))
    await session.flush()
    return True


async def news_counts(session: AsyncSession) -> dict[str, int]:
    return {
        "items": await session.scalar(select(func.count()).select_from(NewsItem)) or 0,
        "reports": await session.scalar(select(func.count()).select_from(NewsReport)) or 0,
    }


async def most_reported(session: AsyncSession, *, limit: int) -> list[tuple[str, int]]:
    """The headlines most often reported as not about their series, for /stats."""
    rows = await session.execute(
        select(NewsItem.title, func.count(NewsReport.chat_id).label("reports"))
        .join(NewsReport, NewsReport.item_id == NewsItem.id)
        .group_by(NewsItem.id, NewsItem.title)
        .order_by(func.count(NewsReport.chat_id).desc(), NewsItem.id.desc())
        .limit(limit)
    )
    return [(title, count) for title, count in rows]
