"""Queries on who follows what, for the fan-outs (news, reminders). They never commit."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.catalog_models import Follow
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
