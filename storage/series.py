"""Queries on series, aliases, episodes and follows. They never commit."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import CursorResult, case, delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.catalog_models import Episode, Follow, Series, SeriesAlias, SeriesStatusChange


async def get_series(session: AsyncSession, *, tvmaze_id: int) -> Series | None:
    return await session.scalar(select(Series).where(Series.tvmaze_id == tvmaze_id))


async def find_series_by_alias(
    session: AsyncSession, *, normalized: str, limit: int
) -> list[Series]:
    """Series with an alias containing `normalized`; exact, then prefix, then inner matches."""
    pattern = normalized.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    rank = func.min(
        case(
            (SeriesAlias.normalized == normalized, 0),
            (SeriesAlias.normalized.like(f"{pattern}%", escape="\\"), 1),
            else_=2,
        )
    )
    rows = await session.execute(
        select(Series, rank.label("rank"))
        .join(SeriesAlias, SeriesAlias.series_id == Series.id)
        .where(SeriesAlias.normalized.like(f"%{pattern}%", escape="\\"))
        .group_by(Series.id)
        .order_by("rank", Series.premiered.desc(), Series.id)
        .limit(limit)
    )
    return [row[0] for row in rows]


async def aliases_of(session: AsyncSession, *, series_id: int) -> set[str]:
    return set(
        await session.scalars(
            select(SeriesAlias.normalized).where(SeriesAlias.series_id == series_id)
        )
    )


async def tvmaze_episodes_of(session: AsyncSession, *, series_id: int) -> dict[int, Episode]:
    rows = await session.scalars(
        select(Episode).where(Episode.series_id == series_id, Episode.tvmaze_id.is_not(None))
    )
    return {episode.tvmaze_id: episode for episode in rows if episode.tvmaze_id is not None}


async def ical_episodes_of(session: AsyncSession, *, series_id: int) -> dict[str, Episode]:
    rows = await session.scalars(
        select(Episode).where(Episode.series_id == series_id, Episode.ical_uid.is_not(None))
    )
    return {episode.ical_uid: episode for episode in rows if episode.ical_uid is not None}


async def add_follow(session: AsyncSession, *, chat_id: int, series_id: int) -> bool:
    """Follow; False if the chat already followed the series."""
    if await session.get(Follow, (chat_id, series_id)) is not None:
        return False
    session.add(Follow(chat_id=chat_id, series_id=series_id))
    await session.flush()
    return True


async def remove_follow(session: AsyncSession, *, chat_id: int, series_id: int) -> bool:
    result = await session.execute(
        delete(Follow).where(Follow.chat_id == chat_id, Follow.series_id == series_id)
    )
    return bool(cast("CursorResult[Any]", result).rowcount)


async def followed_series(session: AsyncSession, *, chat_id: int) -> list[Series]:
    rows = await session.scalars(
        select(Series)
        .join(Follow, Follow.series_id == Series.id)
        .where(Follow.chat_id == chat_id)
        .order_by(func.lower(Series.title))
    )
    return list(rows)


async def followed_with_since(
    session: AsyncSession, *, chat_id: int
) -> list[tuple[Series, Follow]]:
    """The chat's series with its follow (since when, its own settings), by title."""
    rows = await session.execute(
        select(Series, Follow)
        .join(Follow, Follow.series_id == Series.id)
        .where(Follow.chat_id == chat_id)
        .order_by(func.lower(Series.title))
    )
    return [(series, follow) for series, follow in rows]


async def all_followed_series(session: AsyncSession) -> list[Series]:
    rows = await session.scalars(
        select(Series).where(Series.id.in_(select(Follow.series_id).distinct()))
    )
    return list(rows)


async def upcoming_episodes(
    session: AsyncSession,
    *,
    series_ids: list[int],
    start: datetime,
    end: datetime,
    first_day: date,
    last_day: date,
) -> list[Episode]:
    """Timed episodes airing in [start, end) and date-only ones on [first_day, last_day]."""
    if not series_ids:
        return []
    timed = select(Episode).where(
        Episode.series_id.in_(series_ids), Episode.airstamp >= start, Episode.airstamp < end
    )
    dated = select(Episode).where(
        Episode.series_id.in_(series_ids),
        Episode.airstamp.is_(None),
        Episode.airdate >= first_day,
        Episode.airdate <= last_day,
    )
    return list(await session.scalars(timed)) + list(await session.scalars(dated))


async def mark_synced(session: AsyncSession, *, series_ids: list[int], now: datetime) -> None:
    if series_ids:
        await session.execute(update(Series).where(Series.id.in_(series_ids)).values(synced_at=now))


async def catalogue_version(session: AsyncSession) -> tuple[int, int]:
    """Changes whenever a title or alias is added or removed: (alias count, highest alias id)."""
    row = (await session.execute(select(func.count(), func.max(SeriesAlias.id)))).one()
    return int(row[0]), int(row[1] or 0)


async def catalogue_titles(session: AsyncSession) -> list[tuple[int, str, bool, int | None]]:
    """Every alias as (series id, name, is the series' own title, premiere year)."""
    rows = await session.execute(
        select(SeriesAlias.series_id, SeriesAlias.name, Series.title, Series.premiered).join(
            Series, Series.id == SeriesAlias.series_id
        )
    )
    return [(sid, name, name == title, premiered) for sid, name, title, premiered in rows]


async def series_titles(session: AsyncSession, *, ids: set[int]) -> dict[int, tuple[int, str]]:
    """Series id → (TVmaze id, title)."""
    if not ids:
        return {}
    rows = await session.execute(
        select(Series.id, Series.tvmaze_id, Series.title).where(Series.id.in_(ids))
    )
    return {series_id: (tvmaze_id, title) for series_id, tvmaze_id, title in rows}


async def ended_since(
    session: AsyncSession, *, since: datetime
) -> list[tuple[SeriesStatusChange, Series]]:
    """Changes to "Ended" recorded after `since`, with their series."""
    rows = await session.execute(
        select(SeriesStatusChange, Series)
        .join(Series, Series.id == SeriesStatusChange.series_id)
        .where(SeriesStatusChange.new_status == "Ended", SeriesStatusChange.changed_at > since)
    )
    return [(change, series) for change, series in rows]


async def catalogue_counts(session: AsyncSession) -> dict[str, int]:
    return {
        "series": await session.scalar(select(func.count()).select_from(Series)) or 0,
        "follows": await session.scalar(select(func.count()).select_from(Follow)) or 0,
    }


async def series_with_exact_alias(
    session: AsyncSession, *, normalized: str, limit: int
) -> list[Series]:
    """Series with an alias equal to `normalized`, newest premiere first."""
    rows = await session.scalars(
        select(Series)
        .where(
            Series.id.in_(select(SeriesAlias.series_id).where(SeriesAlias.normalized == normalized))
        )
        .order_by(Series.premiered.desc(), Series.id)
        .limit(limit)
    )
    return list(rows)


async def series_with_ical(session: AsyncSession) -> list[Series]:
    """Series an admin attached an iCal feed to."""
    rows = await session.scalars(
        select(Series).where(Series.ical_url.is_not(None)).order_by(Series.id)
    )
    return list(rows)
