"""Queries on the world catalogue (`known_series`) and its sync progress. They never commit."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import case, delete, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from storage.known_models import KnownSeries, ShowIndexSync

STATE_ROW = 1


@dataclass(frozen=True)
class KnownShow:
    """One entry of TVmaze's show index, as stored."""

    tvmaze_id: int
    name: str
    normalized: str
    premiered: int | None
    language: str | None


async def upsert_known_series(
    session: AsyncSession, *, shows: Sequence[KnownShow], now: datetime
) -> None:
    """Insert or refresh a page of shows in one executemany; `updated_at` moves only for a
    new row or a changed name, year or language, so the matcher rebuilds only then."""
    if not shows:
        return
    statement = _insert(session)(KnownSeries)
    current = KnownSeries.__table__.c
    changed = (
        (current.name != statement.excluded.name)
        | current.premiered.is_distinct_from(statement.excluded.premiered)
        | current.language.is_distinct_from(statement.excluded.language)
    )
    statement = statement.on_conflict_do_update(
        index_elements=["tvmaze_id"],
        set_={
            "name": statement.excluded.name,
            "normalized": statement.excluded.normalized,
            "premiered": statement.excluded.premiered,
            "language": statement.excluded.language,
            "seen_at": statement.excluded.seen_at,
            "updated_at": case((changed, statement.excluded.updated_at), else_=current.updated_at),
        },
    )
    rows = {
        show.tvmaze_id: {
            "tvmaze_id": show.tvmaze_id,
            "name": show.name,
            "normalized": show.normalized,
            "premiered": show.premiered,
            "language": show.language,
            "updated_at": now,
            "seen_at": now,
        }
        for show in shows
    }
    await session.execute(statement, list(rows.values()))


async def delete_unseen_known_series(session: AsyncSession, *, before: datetime) -> int:
    """Drop shows the index did not list since `before` (the start of a complete pass)."""
    result = await session.execute(delete(KnownSeries).where(KnownSeries.seen_at < before))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


async def count_known_series(session: AsyncSession, *, seen_since: datetime | None = None) -> int:
    """How many shows are stored (listed by the index since `seen_since`, if given)."""
    query = select(func.count()).select_from(KnownSeries)
    if seen_since is not None:
        query = query.where(KnownSeries.seen_at >= seen_since)
    return int(await session.scalar(query) or 0)


async def known_series_version(session: AsyncSession) -> tuple[int, datetime | None]:
    """Changes whenever a known name is added, changed or removed: (count, newest change)."""
    row = (await session.execute(select(func.count(), func.max(KnownSeries.updated_at)))).one()
    newest: object = row[1]
    if isinstance(newest, str):  # SQLite's max() bypasses the column type
        newest = datetime.fromisoformat(newest)
    assert newest is None or isinstance(newest, datetime)
    return int(row[0]), newest


async def known_series_names(session: AsyncSession) -> list[str]:
    """Every known name, for the news matcher."""
    return list(await session.scalars(select(KnownSeries.name)))


async def search_known_series(
    session: AsyncSession, *, normalized: str, limit: int
) -> list[KnownSeries]:
    """Known shows whose normalised name contains `normalized`: exact, then prefix, then inner
    matches, newest premiere first within each."""
    pattern = normalized.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    rank = case(
        (KnownSeries.normalized == normalized, 0),
        (KnownSeries.normalized.like(f"{pattern}%", escape="\\"), 1),
        else_=2,
    )
    rows = await session.scalars(
        select(KnownSeries)
        .where(KnownSeries.normalized.like(f"%{pattern}%", escape="\\"))
        .order_by(rank, KnownSeries.premiered.desc(), KnownSeries.tvmaze_id)
        .limit(limit)
    )
    return list(rows)


async def get_known_series(session: AsyncSession, *, tvmaze_id: int) -> KnownSeries | None:
    return await session.get(KnownSeries, tvmaze_id)


async def show_index_state(session: AsyncSession) -> ShowIndexSync:
    """The sync's progress row, locked for this transaction; created on first use (by
    whichever of two racing ticks comes first)."""
    state = await session.get(ShowIndexSync, STATE_ROW, with_for_update=True)
    if state is None:
        insert = _insert(session)
        await session.execute(
            insert(ShowIndexSync).values(id=STATE_ROW, next_page=0).on_conflict_do_nothing()
        )
        state = await session.get(ShowIndexSync, STATE_ROW, with_for_update=True)
        assert state is not None  # inserted above, or by the tick we raced
    return state


def _insert(session: AsyncSession) -> Any:
    dialect = session.get_bind().dialect.name
    return postgresql.insert if dialect == "postgresql" else sqlite.insert
