"""Refresh followed series from TVmaze; unchanged shows cost no calls beyond one update list."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.catalog.importer import store_show
from bot.catalog.tvmaze import TvmazeClient
from storage.series import all_followed_series, mark_synced

logger = logging.getLogger(__name__)

# TVmaze's /updates/shows windows, smallest first.
UPDATE_WINDOWS = (
    ("day", timedelta(days=1)),
    ("week", timedelta(days=7)),
    ("month", timedelta(days=30)),
)


@dataclass(frozen=True)
class SyncReport:
    followed: int
    changed: int
    failed: int
    calls: int


def update_window(oldest_sync: datetime, now: datetime) -> str | None:
    """The smallest window covering everything since the oldest sync; None = refresh all."""
    for name, length in UPDATE_WINDOWS:
        if now - oldest_sync <= length:
            return name
    return None


async def sync_followed(
    *,
    sessions: async_sessionmaker[AsyncSession],
    client: TvmazeClient,
    now: datetime,
    clock: Callable[[], datetime] | None = None,
) -> SyncReport:
    """Refresh the followed series TVmaze changed since the oldest sync. Each show is stamped
    with `clock()` (default: `now`) as it is stored: a sync of many shows takes minutes to
    hours, and a reminder tick between its start and a show's store must still see that
    show's moved episodes as changed after the tick."""
    calls_before = client.calls
    async with sessions() as session:
        followed = [
            (s.id, s.tvmaze_id, s.tvmaze_updated, s.synced_at)
            for s in await all_followed_series(session)
        ]
    if not followed:
        return SyncReport(0, 0, 0, 0)
    window = update_window(min(row[3] for row in followed), now)
    if window is None:
        changed = [row[1] for row in followed]
    else:
        updates = await client.updates(window)
        if updates.value is None:
            return SyncReport(len(followed), 0, len(followed), client.calls - calls_before)
        changed = [
            tvmaze for _, tvmaze, stamp, _ in followed if updates.value.get(tvmaze, 0) > stamp
        ]
        async with sessions.begin() as session:
            unchanged = [sid for sid, tvmaze, _, _ in followed if tvmaze not in set(changed)]
            await mark_synced(session, series_ids=unchanged, now=now)
    failed = 0
    for tvmaze_id in changed:
        fetched = await client.show(tvmaze_id, with_akas=False)
        if fetched.value is None:
            failed += 1
            continue
        async with sessions.begin() as session:
            await store_show(session, fetched.value, now=clock() if clock else now)
    report = SyncReport(len(followed), len(changed), failed, client.calls - calls_before)
    logger.info(
        "catalogue sync: %d followed, %d changed, %d failed, %d TVmaze calls",
        report.followed,
        report.changed,
        report.failed,
        report.calls,
    )
    return report
