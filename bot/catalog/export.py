"""/export: a chat's series as CSV, one row per series, columns named in one place.

A column is a header and how to read it from a followed series; per-series settings add
columns here (`muted`, `lead_minutes`, `news_kinds`, `starts_and_finales_only`;
empty means the chat's default). /import reads the file back by its `title` and `tvmaze_id` columns.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from storage.catalog_models import Series
from storage.series import followed_with_since


@dataclass(frozen=True)
class FollowedRow:
    series: Series
    followed_since: datetime
    # The series' own settings; empty cells in the file mean "the chat's default".
    muted: bool = False
    lead_minutes: Sequence[int] | None = None
    news_kinds: Sequence[str] | None = None
    edges_only: bool = False


# What a spreadsheet app would run as a formula when the file is opened ("=HYPERLINK(…)",
# "@midnight"): such a cell is written after an apostrophe, which keeps it text there and
# which /import drops again (bot/catalog/import_formats.py).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: str) -> str:
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def _listed(values: Sequence[object] | None) -> str:
    return "" if values is None else " ".join(str(value) for value in values)


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[FollowedRow], str]


COLUMNS: tuple[Column, ...] = (
    Column("title", lambda row: row.series.title),
    Column("tvmaze_id", lambda row: str(row.series.tvmaze_id)),
    Column("premiered", lambda row: str(row.series.premiered or "")),
    Column("followed_since", lambda row: row.followed_since.isoformat(timespec="seconds")),
    Column("muted", lambda row: "yes" if row.muted else ""),
    Column("lead_minutes", lambda row: _listed(row.lead_minutes)),
    Column("news_kinds", lambda row: _listed(row.news_kinds)),
    Column("starts_and_finales_only", lambda row: "yes" if row.edges_only else ""),
)


async def followed_rows(session: AsyncSession, *, chat_id: int) -> list[FollowedRow]:
    return [
        FollowedRow(
            series,
            follow.created_at,
            follow.muted,
            follow.lead_minutes,
            follow.news_kinds,
            follow.edges_only,
        )
        for series, follow in await followed_with_since(session, chat_id=chat_id)
    ]


def export_csv(rows: Sequence[FollowedRow]) -> bytes:
    """UTF-8 with a byte order mark, so spreadsheet apps read umlauts right; no cell is a
    formula to them."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(column.header for column in COLUMNS)
    for row in rows:
        writer.writerow(spreadsheet_safe(column.value(row)) for column in COLUMNS)
    return buffer.getvalue().encode("utf-8-sig")
