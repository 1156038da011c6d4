"""The numbers behind /stats, read in one session."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from storage.broadcasts import chat_counts
from storage.deliveries import count_by_status, last_errors
from storage.feeds import most_reported, news_counts
from storage.series import catalogue_counts

MOST_REPORTED = 3


@dataclass(frozen=True)
class Stats:
    chats: dict[str, int]
    catalogue: dict[str, int]  # series, follows, items, reports
    deliveries: dict[str, int]
    errors: list[tuple[datetime, str]]
    reported: list[tuple[str, int]]  # headlines most often reported as off-topic


async def collect_stats(session: AsyncSession) -> Stats:
    return Stats(
        chats=await chat_counts(session),
        catalogue=await catalogue_counts(session) | await news_counts(session),
        deliveries=await count_by_status(session),
        errors=await last_errors(session),
        reported=await most_reported(session, limit=MOST_REPORTED),
    )
