"""The numbers behind /stats, read in one session."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from storage.broadcasts import chat_counts
from storage.deliveries import count_by_status, last_errors


@dataclass(frozen=True)
class Stats:
    chats: dict[str, int]
    deliveries: dict[str, int]
    errors: list[tuple[datetime, str]]


async def collect_stats(session: AsyncSession) -> Stats:
    return Stats(
        chats=await chat_counts(session),
        deliveries=await count_by_status(session),
        errors=await last_errors(session),
    )
