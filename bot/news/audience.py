"""Loads the fan-out's input: the chats following given series, with their news settings."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.chat_settings import effective_settings
from bot.news.fanout import Follower
from storage.catalog_models import Follow
from storage.models import Chat
from storage.news_models import NewsReport
from storage.statuses import ChatStatus


async def load_followers(
    session: AsyncSession,
    *,
    series_ids: set[int],
    item_ids: set[int],
    default_language: str,
    default_timezone: str,
    followed_before: datetime | None = None,
) -> list[Follower]:
    """Active chats following any of `series_ids` (since before `followed_before`, if given),
    with their reports among `item_ids`."""
    if not series_ids:
        return []
    query = (
        select(Follow.series_id, Chat)
        .join(Chat, Chat.id == Follow.chat_id)
        .where(Follow.series_id.in_(series_ids), Chat.status == ChatStatus.ACTIVE)
    )
    if followed_before is not None:
        query = query.where(Follow.created_at <= followed_before)
    rows = (await session.execute(query)).all()
    reports: dict[int, set[int]] = {}
    if item_ids:
        reported = await session.execute(
            select(NewsReport.chat_id, NewsReport.item_id).where(NewsReport.item_id.in_(item_ids))
        )
        for chat_id, item_id in reported:
            reports.setdefault(chat_id, set()).add(item_id)
    followers = []
    for series_id, chat in rows:
        settings = effective_settings(
            chat, default_language=default_language, default_timezone=default_timezone
        )
        followers.append(
            Follower(
                chat_id=chat.id,
                series_id=series_id,
                language=settings.language,
                timezone=settings.timezone,
                news_kinds=frozenset(settings.news_kinds),
                reported=frozenset(reports.get(chat.id, ())),
                quiet_hours=settings.quiet_hours,
                topic_id=chat.news_topic_id,
            )
        )
    return followers
