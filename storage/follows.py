"""Queries on who follows what, for the fan-outs (news, reminders). They never commit."""

from __future__ import annotations

import typing
from collections.abc import AsyncIterator, Collection, Sequence
from datetime import datetime

from sqlalchemy import (
    ColumnElement,
    Row,
    Select,
    and_,
    cast,
    exists,
    func,
    null,
    or_,
    select,
    true,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from storage.catalog_models import Episode, Follow, Series
from storage.models import Chat
from storage.news_models import NewsReport
from storage.statuses import ChatStatus


def effective_news_kinds() -> ColumnElement[list[str]]:
    """The news kinds a follow wants: its own, else its chat's (resolved in the query)."""
    return func.coalesce(Follow.news_kinds, Chat.news_kinds)


def effective_lead_minutes(own: ColumnElement[list[int] | None]) -> ColumnElement[list[int]]:
    """The lead times a follow wants: its own (`follows.lead_minutes` as selected), else its
    chat's."""
    return func.coalesce(own, Chat.lead_minutes)


async def chats_following(
    session: AsyncSession,
    *,
    series_ids: Collection[int],
    followed_before: datetime | None = None,
    chat_id: int | None = None,
) -> list[tuple[int, Chat, list[str]]]:
    """(series id, chat, news kinds wanted for that series) for every reachable chat (or only
    `chat_id`) following one of `series_ids` (since before `followed_before`, if given) that
    has not muted it. The series' own news kinds override the chat's in the query."""
    if not series_ids:
        return []
    query = (
        select(Follow.series_id, Chat, effective_news_kinds())
        .join(Chat, Chat.id == Follow.chat_id)
        .where(
            Follow.series_id.in_(series_ids),
            Follow.muted.is_(False),
            Chat.status == ChatStatus.ACTIVE,
        )
    )
    if followed_before is not None:
        query = query.where(Follow.created_at <= followed_before)
    if chat_id is not None:
        query = query.where(Follow.chat_id == chat_id)
    return [(series_id, chat, kinds) for series_id, chat, kinds in await session.execute(query)]


async def follow_of(
    session: AsyncSession, *, chat_id: int, tvmaze_id: int
) -> tuple[Follow, Series] | None:
    """The chat's follow of the series with this TVmaze id, with the series; None if it does
    not follow it."""
    row = (
        await session.execute(
            select(Follow, Series)
            .join(Series, Series.id == Follow.series_id)
            .where(Follow.chat_id == chat_id, Series.tvmaze_id == tvmaze_id)
        )
    ).first()
    return None if row is None else (row[0], row[1])


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
# lead minutes, quiet hold, topic id
ReminderFollow = Row[
    int, int, int, str | None, str | None, str | None, int | None, int | None, list[int] | None,
    bool, int | None,
]  # fmt: skip


def _wants_lead(
    dialect: str, leads: ColumnElement[list[int]], lead: int | None
) -> ColumnElement[bool]:
    """`leads` holds `lead` (None: `leads` is not empty, for date-only releases)."""
    if lead is None:
        return func.json_array_length(leads) > 0
    if dialect == "postgresql":
        return cast(leads, JSONB).contains([lead])
    entries = func.json_each(leads).table_valued("value")
    return exists(select(entries.c.value).where(entries.c.value == lead))


def _season_edges(episode_ids: Collection[int]) -> Select[int]:
    """The ids among `episode_ids` whose number is the lowest or the highest their season has
    in `episodes`: what "season starts and finales only" reminds."""
    known = aliased(Episode)
    bounds = (
        select(
            known.series_id,
            known.season,
            func.min(known.number).label("first"),
            func.max(known.number).label("last"),
        )
        .where(known.series_id.in_(select(Episode.series_id).where(Episode.id.in_(episode_ids))))
        .group_by(known.series_id, known.season)
        .subquery("season_bounds")
    )
    return (
        select(Episode.id)
        .join(
            bounds,
            and_(bounds.c.series_id == Episode.series_id, bounds.c.season == Episode.season),
        )
        .where(
            Episode.id.in_(episode_ids),
            or_(Episode.number == bounds.c.first, Episode.number == bounds.c.last),
        )
    )


async def reminder_follows(
    session: AsyncSession,
    *,
    episode_ids: Collection[int],
    lead: int | None,
    chat_id: int | None = None,
    batch: int = 5000,
) -> AsyncIterator[Sequence[ReminderFollow]]:
    """(episode id, series id, chat id, language, telegram language, timezone, quiet start,
    quiet end, lead minutes if `lead` is None, quiet hold, news topic) of every reachable chat
    (or only `chat_id`) that follows the series of one of `episode_ids`, has not muted it, and
    wants a reminder `lead` minutes before it airs (None: any reminder), in batches: the
    database joins and filters, only the rows that become reminders come back. The follow's
    own settings override the chat's in the query: its lead times (COALESCE), mute, and
    "starts and finales only" (an episode whose number is the lowest or highest its season
    has in `episodes`)."""
    if not episode_ids:
        return
    # The follows of those episodes first: PostgreSQL cannot estimate the lead-time filter
    # and, left alone, would scan every chat and look their follows up one by one. Muted
    # series and, for "starts and finales only", the episodes in between drop out here.
    followed = (
        select(
            Episode.id.label("episode_id"), Follow.series_id, Follow.chat_id, Follow.lead_minutes
        )
        .join(Follow, Follow.series_id == Episode.series_id)
        .where(
            Episode.id.in_(episode_ids),
            Follow.muted.is_(False),
            # evaluated only for the few follows that ask for it
            or_(Follow.edges_only.is_(False), Episode.id.in_(_season_edges(episode_ids))),
            true() if chat_id is None else Follow.chat_id == chat_id,
        )
        .cte("followed")
        .prefix_with("MATERIALIZED", dialect="postgresql")
    )
    leads = effective_lead_minutes(followed.c.lead_minutes)
    # SQL NULL, not a JSON null: a bound JSON None comes back as the text 'null', decoded row
    # by row (a tenth of a catch-up's time on SQLite)
    null_leads = typing.cast("ColumnElement[list[int]]", null())
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
            leads if lead is None else null_leads,
            Chat.quiet_hold,
            Chat.news_topic_id,
        )
        .join(Chat, Chat.id == followed.c.chat_id)
        .where(
            Chat.status == ChatStatus.ACTIVE,
            _wants_lead(session.get_bind().dialect.name, leads, lead),
        )
        .execution_options(yield_per=batch)
    )
    # On the connection: rows as they come, without the ORM's per-row handling.
    connection = await session.connection()
    result = await connection.stream(statement)
    async for partition in result.partitions():
        yield partition


async def followed_series_id(session: AsyncSession, *, chat_id: int, tvmaze_id: int) -> int | None:
    """The id of the stored series `tvmaze_id` if the chat follows it."""
    return await session.scalar(
        select(Follow.series_id)
        .join(Series, Series.id == Follow.series_id)
        .where(Follow.chat_id == chat_id, Series.tvmaze_id == tvmaze_id)
    )
