"""The world catalogue: TVmaze's index of all shows (`/shows?page=N`), kept in `known_series`.

A tick continues the running pass where the last one stopped (the next page is stored after
every page, so a restart resumes there), until TVmaze answers 404 past the last page. A
complete pass starts the next one `refresh_every` later. Index calls run at background
priority (`TvmazeClient.show_index_page`), so /follow never waits behind them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.catalog.normalize import normalize_title
from bot.catalog.tvmaze import TvmazeClient
from bot.catalog.tvmaze_parse import ShowInfo
from storage.known_series import (
    KnownShow,
    count_known_series,
    delete_unseen_known_series,
    show_index_state,
    upsert_known_series,
)

logger = logging.getLogger(__name__)

# A pass that saw fewer of the stored shows than this ended early at TVmaze (a hiccup, not
# mass deletion): nothing is deleted then.
MIN_SEEN_SHARE = 0.9


@dataclass(frozen=True)
class IndexSyncReport:
    pages: int = 0  # pages stored by this run
    shows: int = 0  # shows on those pages
    calls: int = 0  # TVmaze requests made
    completed: bool = False  # this run reached the end of the index
    removed: int = 0  # shows TVmaze no longer lists, deleted at the end of a pass
    error: str | None = None  # why the run stopped early; the same page is retried next time


def known_show(show: ShowInfo) -> KnownShow | None:
    normalized = normalize_title(show.title)
    if not normalized:
        return None
    return KnownShow(show.tvmaze_id, show.title, normalized, show.premiered, show.language)


async def sync_show_index(
    *,
    sessions: async_sessionmaker[AsyncSession],
    client: TvmazeClient,
    now: datetime,
    refresh_every: timedelta,
    max_pages: int,
    go_on: Callable[[], bool] = lambda: True,
) -> IndexSyncReport:
    """Store up to `max_pages` further pages of the index, each only while `go_on()` (the
    tick's time is not up, the bot is not stopping); start a new pass when the last complete
    one is `refresh_every` old."""
    calls_before = client.calls
    async with sessions.begin() as session:
        state = await show_index_state(session)
        if state.pass_started_at is None:
            if state.completed_at is not None and now - state.completed_at < refresh_every:
                return IndexSyncReport()
            state.pass_started_at = now
            state.next_page = 0
        page, pass_started = state.next_page, state.pass_started_at
    pages = shows = 0
    while pages < max_pages and go_on():
        fetched = await client.show_index_page(page)
        if fetched.error == "not found":  # past the last page: the pass is complete
            removed = await _complete_pass(sessions, pass_started=pass_started, now=now)
            logger.info("show index: pass complete at page %d, %d shows removed", page, removed)
            return IndexSyncReport(pages, shows, client.calls - calls_before, True, removed)
        if fetched.value is None:
            logger.warning("show index: page %d failed (%s); retried later", page, fetched.error)
            return IndexSyncReport(pages, shows, client.calls - calls_before, error=fetched.error)
        rows = [row for show in fetched.value if (row := known_show(show)) is not None]
        async with sessions.begin() as session:
            await upsert_known_series(session, shows=rows, now=now)
            (await show_index_state(session)).next_page = page + 1
        pages, shows, page = pages + 1, shows + len(rows), page + 1
    return IndexSyncReport(pages, shows, client.calls - calls_before)


async def _complete_pass(
    sessions: async_sessionmaker[AsyncSession], *, pass_started: datetime, now: datetime
) -> int:
    async with sessions.begin() as session:
        seen = await count_known_series(session, seen_since=pass_started)
        stored = await count_known_series(session)
        removed = 0
        if seen >= MIN_SEEN_SHARE * stored:
            removed = await delete_unseen_known_series(session, before=pass_started)
        else:
            logger.warning("show index: a pass saw %d of %d shows; none removed", seen, stored)
        state = await show_index_state(session)
        state.next_page = 0
        state.pass_started_at = None
        state.completed_at = now
    return removed
