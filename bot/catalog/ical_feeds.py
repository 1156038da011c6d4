"""Admin-attached iCal feeds: attach one to a stored series, and refresh them all with the sync.

The download happens outside any database transaction; the URL and the airings are stored
together in one transaction afterwards.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Literal
from urllib.parse import urlsplit

import httpx
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.catalog.ical import IcalAiring, parse_ical, store_ical_airings
from bot.catalog.normalize import normalize_title
from bot.digits import is_id
from bot.http_fetch import FetchLimits, fetch_feed
from storage.catalog_models import Series
from storage.series import (
    find_series_by_alias,
    get_series,
    series_with_exact_alias,
    series_with_ical,
)

logger = logging.getLogger(__name__)

MAX_URL_LENGTH = 2000  # Series.ical_url's column size
MAX_CANDIDATES = 6
NOT_A_CALENDAR = "not an iCal calendar"

AttachKind = Literal["done", "invalid_url", "unknown", "ambiguous", "unreachable", "not_calendar"]


@dataclass(frozen=True)
class SeriesChoice:
    title: str
    tvmaze_id: int
    premiered: int | None


@dataclass(frozen=True)
class AttachOutcome:
    """What /addical did: `kind` says which; the other fields fill in the details."""

    kind: AttachKind
    series: SeriesChoice | None = None
    candidates: tuple[SeriesChoice, ...] = ()  # for "ambiguous"
    reason: str | None = None  # for "unreachable"
    future_airings: int = 0  # for "done": airings still to come that the calendar holds


@dataclass(frozen=True)
class RefreshReport:
    feeds: int
    failed: int
    future_airings: int


def is_ical_url(url: str) -> bool:
    """An http(s) address with a host that fits the column."""
    if not url or len(url) > MAX_URL_LENGTH:
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def _choice(series: Series) -> SeriesChoice:
    return SeriesChoice(series.title, series.tvmaze_id, series.premiered)


async def resolve_series(session: AsyncSession, *, query: str) -> list[Series]:
    """The stored series `query` means: a TVmaze id, else one exact alias, else any alias
    containing it. One element means found; several are the candidates."""
    query = query.strip()
    if is_id(query):
        found = await get_series(session, tvmaze_id=int(query))
        if found is not None:
            return [found]  # a title made of digits ("1899") is still found below
    normalized = normalize_title(query)
    if not normalized:
        return []
    exact = await series_with_exact_alias(session, normalized=normalized, limit=MAX_CANDIDATES)
    if exact:
        return exact
    return await find_series_by_alias(session, normalized=normalized, limit=MAX_CANDIDATES)


async def _download_calendar(
    client: httpx.AsyncClient, limits: FetchLimits, url: str, *, now: datetime, timezone: str
) -> list[IcalAiring] | str:
    """The calendar's upcoming airings, or why there are none. Floating times without the
    calendar's X-WR-TIMEZONE are read in `timezone`, the bot's default: a portal's calendar is
    written for its audience's wall clock, not for UTC."""
    fetched = await fetch_feed(client, url, limits=limits)
    if fetched.error is not None:
        return fetched.error
    airings = await asyncio.to_thread(  # big feeds: off the loop
        parse_ical, fetched.body, now=now, timezone=timezone
    )
    return NOT_A_CALENDAR if airings is None else airings


async def attach_ical(
    sessions: async_sessionmaker[AsyncSession],
    client: httpx.AsyncClient,
    limits: FetchLimits,
    *,
    series_query: str,
    url: str,
    now: datetime,
    timezone: str,
) -> AttachOutcome:
    """Attach the iCal feed at `url` to the series `series_query` names, with its airings."""
    url = url.strip()
    if not is_ical_url(url):
        return AttachOutcome("invalid_url")
    async with sessions() as session:
        found = await resolve_series(session, query=series_query)
        choices = tuple(_choice(series) for series in found)
        series_id = found[0].id if len(found) == 1 else None
    if not found:
        return AttachOutcome("unknown")
    if series_id is None:
        return AttachOutcome("ambiguous", candidates=choices)
    downloaded = await _download_calendar(client, limits, url, now=now, timezone=timezone)
    if downloaded == NOT_A_CALENDAR:
        return AttachOutcome("not_calendar", series=choices[0])
    if isinstance(downloaded, str):
        return AttachOutcome("unreachable", series=choices[0], reason=downloaded)
    async with sessions.begin() as session:
        series = await session.get(Series, series_id)
        if series is None:  # deleted while we downloaded
            return AttachOutcome("unknown")
        series.ical_url = url
        future = await store_ical_airings(session, series, downloaded, now=now)
    logger.info("attached iCal feed to series %d: %d future airings", series_id, future)
    return AttachOutcome("done", series=choices[0], future_airings=future)


async def refresh_ical_feeds(
    sessions: async_sessionmaker[AsyncSession],
    client: httpx.AsyncClient,
    limits: FetchLimits,
    now: datetime,
    timezone: str,
    *,
    clock: Callable[[], datetime] | None = None,
) -> RefreshReport:
    """Re-read every attached iCal feed; a failing feed is logged and counted, never raised.
    Each feed's airings are stamped with `clock()` (default: `now`) as they are stored: the
    nightly job starts this after a TVmaze sync of minutes to hours, and a reminder tick in
    between must still see a moved airing as changed after the tick."""
    async with sessions() as session:
        feeds = [(series.id, series.ical_url) for series in await series_with_ical(session)]
    failed = future = 0
    for series_id, url in feeds:
        assert url is not None
        try:
            stored = await _refresh_one(
                sessions, client, limits, series_id, url, now, timezone, clock or (lambda: now)
            )
        except Exception:  # one broken feed must not stop the others or the sync job
            logger.exception("iCal feed of series %d failed unexpectedly", series_id)
            stored = None
        if stored is None:
            failed += 1
        else:
            future += stored
    if feeds:
        logger.info(
            "iCal refresh: %d feeds, %d failed, %d future airings", len(feeds), failed, future
        )
    return RefreshReport(len(feeds), failed, future)


async def _refresh_one(
    sessions: async_sessionmaker[AsyncSession],
    client: httpx.AsyncClient,
    limits: FetchLimits,
    series_id: int,
    url: str,
    now: datetime,
    timezone: str,
    clock: Callable[[], datetime],
) -> int | None:
    downloaded = await _download_calendar(client, limits, url, now=now, timezone=timezone)
    if isinstance(downloaded, str):
        logger.warning("iCal feed of series %d not read: %s", series_id, downloaded)
        return None
    async with sessions.begin() as session:
        series = await session.get(Series, series_id)
        if series is None or series.ical_url != url:  # removed or replaced meanwhile
            return 0
        return await store_ical_airings(session, series, downloaded, now=clock())
