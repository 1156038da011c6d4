"""A chat's own iCal link for a series it follows: attach, remove, and refresh with the sync.

The airings stay the chat's own (reminded to it alone, with their channel); the shared
catalogue and its admin-attached feeds are not touched. Downloads happen outside any
database transaction, through the same address-filtered client and limits as news feeds.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

import httpx
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.catalog.ical import IcalAiring, parse_ical
from bot.catalog.ical_feeds import NOT_A_CALENDAR, is_ical_url
from bot.chat_settings import Defaults
from bot.delivery import outbox
from bot.http_fetch import FetchLimits, FetchResult, fetch_feed
from bot.reminders.plan import airing_key_prefix, chat_airings_key_prefix
from bot.reminders.tick import replan_chat_airings
from storage.catalog_models import Follow
from storage.chat_ical_models import ChatAiring, ChatIcal
from storage.chat_icals import (
    all_chat_icals,
    chat_airings_of,
    get_chat_ical,
    pending_chat_airing_reminders,
    remove_chat_ical,
)

logger = logging.getLogger(__name__)

ChatAttachKind = Literal["done", "invalid_url", "not_following", "unreachable", "not_calendar"]


@dataclass(frozen=True)
class ChatAttachOutcome:
    kind: ChatAttachKind
    future_airings: int = 0  # for "done"
    reason: str | None = None  # for "unreachable"


def _is_future(airstamp: datetime | None, airdate: date | None, now: datetime) -> bool:
    if airstamp is not None:
        return airstamp > now
    return airdate is not None and airdate >= now.date()


async def store_chat_airings(
    session: AsyncSession,
    *,
    chat_id: int,
    series_id: int,
    airings: Sequence[IcalAiring],
    defaults: Defaults,
    now: datetime,
) -> int:
    """Upsert the calendar's airings for the chat; future ones that left it are deleted. The
    reminders of new, moved and deleted ones are planned anew at once, as a moved episode's
    are: one whose moment passed goes out while its airing has not started. Returns the
    number of future airings."""
    stored = await chat_airings_of(session, chat_id=chat_id, series_id=series_id)
    changed: list[ChatAiring] = []
    for airing in airings:
        row = stored.pop(airing.uid, None)
        airdate = airing.airdate or (airing.airstamp.date() if airing.airstamp else None)
        if row is None:
            row = ChatAiring(chat_id=chat_id, series_id=series_id, uid=airing.uid)
            session.add(row)
            changed.append(row)
        elif row.airstamp != airing.airstamp or row.airdate != airdate:
            changed.append(row)
        row.title = airing.title
        row.airstamp = airing.airstamp
        row.airdate = airdate
        row.channel = airing.channel
    for vanished in stored.values():
        if _is_future(vanished.airstamp, vanished.airdate, now):  # history stays
            changed.append(vanished)
            await session.delete(vanished)
    await session.flush()  # the new rows' ids
    await replan_chat_airings(
        session, chat_id=chat_id, airing_ids={row.id for row in changed}, defaults=defaults,
        now=now,
    )  # fmt: skip
    return sum(1 for airing in airings if _is_future(airing.airstamp, airing.airdate, now))


async def _download(
    client: httpx.AsyncClient,
    limits: FetchLimits,
    url: str,
    *,
    timezone: str,
    now: datetime,
    etag: str | None = None,
    last_modified: str | None = None,
) -> tuple[FetchResult, list[IcalAiring] | str | None]:
    """The download and its upcoming airings (floating times in `timezone`, the chat's, unless
    the calendar names its own); None if unchanged; a text if there are none."""
    fetched = await fetch_feed(client, url, etag=etag, last_modified=last_modified, limits=limits)
    if fetched.not_modified:
        return fetched, None
    if fetched.error is not None:
        return fetched, fetched.error
    # big feeds: off the loop
    airings = await asyncio.to_thread(parse_ical, fetched.body, now=now, timezone=timezone)
    return fetched, NOT_A_CALENDAR if airings is None else airings


async def attach_chat_ical(
    sessions: async_sessionmaker[AsyncSession],
    client: httpx.AsyncClient,
    limits: FetchLimits,
    *,
    chat_id: int,
    series_id: int,
    url: str,
    timezone: str,
    defaults: Defaults,
    now: datetime,
) -> ChatAttachOutcome:
    """Check that `url` is a calendar and keep it, with its airings, for the chat's series
    (`timezone`: the chat's zone); their reminders are planned in the same transaction."""
    url = url.strip()
    if not is_ical_url(url):
        return ChatAttachOutcome("invalid_url")
    fetched, downloaded = await _download(client, limits, url, timezone=timezone, now=now)
    if downloaded == NOT_A_CALENDAR:
        return ChatAttachOutcome("not_calendar")
    if isinstance(downloaded, str) or downloaded is None:
        return ChatAttachOutcome("unreachable", reason=downloaded or "unexpected 304")
    async with sessions.begin() as session:
        if await session.get(Follow, (chat_id, series_id)) is None:
            return ChatAttachOutcome("not_following")
        link = await get_chat_ical(session, chat_id=chat_id, series_id=series_id)
        if link is None:
            link = ChatIcal(chat_id=chat_id, series_id=series_id, url=url)
            session.add(link)
        elif link.url != url:  # another calendar: its airings replace the old ones
            await store_chat_airings(
                session, chat_id=chat_id, series_id=series_id, airings=(), defaults=defaults,
                now=now,
            )  # fmt: skip
        link.url = url
        link.etag, link.last_modified = fetched.etag, fetched.last_modified
        await session.flush()
        future = await store_chat_airings(
            session, chat_id=chat_id, series_id=series_id, airings=downloaded,
            defaults=defaults, now=now,
        )  # fmt: skip
    logger.info("chat %d attached an iCal link to series %d: %d future", chat_id, series_id, future)
    return ChatAttachOutcome("done", future_airings=future)


async def remove_chat_calendar(session: AsyncSession, *, chat_id: int, series_id: int) -> bool:
    """Drop the chat's link for the series with its airings and their unsent reminders; True
    if there was one."""
    airings = await chat_airings_of(session, chat_id=chat_id, series_id=series_id)
    prefixes = tuple(airing_key_prefix(chat_id, airing.id) for airing in airings.values())
    pending = await pending_chat_airing_reminders(
        session, key_prefix=chat_airings_key_prefix(chat_id)
    )
    await outbox.withdraw(
        session, ids=[row_id for row_id, key in pending if key.startswith(prefixes)]
    )
    return await remove_chat_ical(session, chat_id=chat_id, series_id=series_id)


@dataclass(frozen=True)
class ChatRefreshReport:
    links: int
    failed: int
    unchanged: int


async def refresh_chat_icals(
    sessions: async_sessionmaker[AsyncSession],
    client: httpx.AsyncClient,
    limits: FetchLimits,
    now: datetime,
    defaults: Defaults,
) -> ChatRefreshReport:
    """Re-read every chat's link (conditionally, with the validators the server gave); a
    failing one is logged and counted, never raised."""
    async with sessions() as session:
        links = await all_chat_icals(session)
    failed = unchanged = 0
    for chat_id, series_id, url, zone in links:
        link = _Link(chat_id, series_id, url, zone or defaults.timezone)
        try:
            outcome = await _refresh_one(sessions, client, limits, link, defaults=defaults, now=now)
        except Exception:  # one broken link must not stop the others or the sync job
            logger.exception("iCal link of chat %d, series %d failed", chat_id, series_id)
            outcome = "failed"
        failed += outcome == "failed"
        unchanged += outcome == "unchanged"
    if links:
        logger.info(
            "chat iCal refresh: %d links, %d failed, %d unchanged", len(links), failed, unchanged
        )
    return ChatRefreshReport(len(links), failed, unchanged)


@dataclass(frozen=True)
class _Link:
    chat_id: int
    series_id: int
    url: str
    timezone: str  # the chat's effective zone


async def _refresh_one(
    sessions: async_sessionmaker[AsyncSession],
    client: httpx.AsyncClient,
    limits: FetchLimits,
    link: _Link,
    *,
    defaults: Defaults,
    now: datetime,
) -> Literal["stored", "unchanged", "failed"]:
    chat_id, series_id, url = link.chat_id, link.series_id, link.url
    async with sessions() as session:
        stored = await get_chat_ical(session, chat_id=chat_id, series_id=series_id)
        etag, modified = (stored.etag, stored.last_modified) if stored else (None, None)
    fetched, downloaded = await _download(
        client, limits, url, timezone=link.timezone, now=now, etag=etag, last_modified=modified
    )
    if downloaded is None:
        return "unchanged"
    if isinstance(downloaded, str):
        logger.warning(
            "iCal link of chat %d, series %d not read: %s", chat_id, series_id, downloaded
        )
        return "failed"
    async with sessions.begin() as session:
        current = await get_chat_ical(session, chat_id=chat_id, series_id=series_id)
        if current is None or current.url != url:  # removed or replaced meanwhile
            return "unchanged"
        current.etag, current.last_modified = fetched.etag, fetched.last_modified
        await store_chat_airings(
            session, chat_id=chat_id, series_id=series_id, airings=downloaded,
            defaults=defaults, now=now,
        )  # fmt: skip
    return "stored"
