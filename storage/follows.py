"""Queries on who follows what, for the fan-outs (news, reminders). They never commit."""

from __future__ import annotations

import typing
from collections.abc import AsyncIterator, Collection, Sequence
from datetime import datetime

from sqlalchemy import JSON, ColumnElement, Row, cast, exists, func, literal, select
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.ext.asyncio import AsyncSession

from storage.catalog_models import Episode, Follow
from storage.models import Chat
from storage.news_models import NewsReport
from storage.statuses import ChatStatus


async def chats_following(
    session: AsyncSession, *, series_ids: Collection[int], followed_before: datetime | None = None
) -> list[tuple[int, Chat]]:
    """(series id, chat) for every reachable chat following one of `series_ids` (since before
    `followed_before`, if given)."""
    if not series_ids:
        return []
    query = (
        select(Follow.series_id, Chat)
        .join(Chat, Chat.id == Follow.chat_id)
        .where(Follow.series_id.in_(series_ids), Chat.status == ChatStatus.ACTIVE)
    )
    if followed_before is not None:
        query = query.where(Follow.created_at <= followed_before)
    return [(series_id, chat) for series_id, chat in await session.execute(query)]


async def reports_among(session: AsyncSession, *, item_ids: Collection[int]) -> dict[int, set[int]]:
    """Chat id → the items among `item_ids` it reported as not about its series."""
    reports: dict[int, set[int]] = {}
    if not item_ids:
        return reports
    rows = await session.execute(
        select(NewsReport.chat_id, NewsReport.item_id).where(NewsReport.item_id.in_(item_ids))
    )
    for chat_id, item_id in rows:
        reports.setdefault(chat_id, set()).add(item_id)
    return reports


# episode id, series id, chat id, language, telegram language, timezone, quiet start and end,
# lead minutes
ReminderFollow = Row[
    int, int, int, str | None, str | None, str | None, int | None, int | None, list[int] | None
]


def _wants_lead(dialect: str, lead: int | None) -> ColumnElement[bool]:
    """The chat wants a reminder `lead` minutes before air time (None: any reminder at all)."""
    if lead is None:
        return func.json_array_length(Chat.lead_minutes) > 0
    if dialect == "postgresql":
        return cast(Chat.lead_minutes, JSONB).contains([lead])
    entries = func.json_each(Chat.lead_minutes).table_valued("value")
    return exists(select(entries.c.value).where(entries.c.value == lead))


async def reminder_follows(
    session: AsyncSession, *, episode_ids: Collection[int], lead: int | None, batch: int = 5000
) -> AsyncIterator[Sequence[ReminderFollow]]:
    """(episode id, series id, chat id, language, telegram language, timezone, quiet start,
    quiet end, lead minutes if `lead` is None) of every reachable chat that follows the
    series of one of `episode_ids` and wants a reminder `lead` minutes before it airs (None:
    any reminder), in batches: the database joins and filters, only the rows that become
    reminders come back."""
    if not episode_ids:
        return
    # The follows of those episodes first: PostgreSQL cannot estimate the lead-time filter
    # and, left alone, would scan every chat and look their follows up one by one.
    followed = (
        select(Episode.id.label("episode_id"), Follow.series_id, Follow.chat_id)
        .join(Follow, Follow.series_id == Episode.series_id)
        .where(Episode.id.in_(episode_ids))
        .cte("followed")
        .prefix_with("MATERIALIZED", dialect="postgresql")
    )
    null_leads = typing.cast("ColumnElement[list[int]]", literal(None, JSON))
    statement = (
        select(
            followed.c.episode_id,
            followed.c.series_id,
            Chat.id,
            Chat.language,
            Chat.telegram_language,
            Chat.timezone,
            Chat.quiet_start,
            Chat.quiet_end,
            # a timed lead is the one asked for: parsing every chat's list would cost more
            Chat.lead_minutes if lead is None else null_leads,
        )
        .join(Chat, Chat.id == followed.c.chat_id)
        .where(
            Chat.status == ChatStatus.ACTIVE,
            _wants_lead(session.get_bind().dialect.name, lead),
        )
        .execution_options(yield_per=batch)
    )
    result = await session.stream(statement)
    async for partition in result.partitions():
        yield partition
