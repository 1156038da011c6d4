"""Queries on chats' own iCal links and their airings. They never commit."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime

from sqlalchemy import and_, delete, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.catalog_models import Follow, Series
from storage.chat_ical_models import ChatAiring, ChatIcal
from storage.delivery_models import Delivery
from storage.models import Chat
from storage.statuses import ChatStatus, DeliveryKind, DeliveryStatus


async def get_chat_ical(session: AsyncSession, *, chat_id: int, series_id: int) -> ChatIcal | None:
    return await session.get(ChatIcal, (chat_id, series_id))


async def remove_chat_ical(session: AsyncSession, *, chat_id: int, series_id: int) -> bool:
    """Drop the link with its airings; True if there was one."""
    link = await get_chat_ical(session, chat_id=chat_id, series_id=series_id)
    if link is None:
        return False
    await session.execute(
        delete(ChatAiring).where(ChatAiring.chat_id == chat_id, ChatAiring.series_id == series_id)
    )
    await session.delete(link)
    await session.flush()
    return True


async def all_chat_icals(session: AsyncSession) -> list[tuple[int, int, str, str | None]]:
    """(chat id, series id, url, the chat's own zone) of every link of a reachable chat."""
    rows = await session.execute(
        select(ChatIcal.chat_id, ChatIcal.series_id, ChatIcal.url, Chat.timezone)
        .join(Chat, Chat.id == ChatIcal.chat_id)
        .where(Chat.status == ChatStatus.ACTIVE)
        .order_by(ChatIcal.chat_id, ChatIcal.series_id)
    )
    return [(chat_id, series_id, url, zone) for chat_id, series_id, url, zone in rows]


async def chat_airings_of(
    session: AsyncSession, *, chat_id: int, series_id: int
) -> dict[str, ChatAiring]:
    rows = await session.scalars(
        select(ChatAiring).where(ChatAiring.chat_id == chat_id, ChatAiring.series_id == series_id)
    )
    return {airing.uid: airing for airing in rows}


async def chat_airing_ids(
    session: AsyncSession, *, chat_id: int, series_ids: Collection[int]
) -> set[int]:
    rows = await session.scalars(
        select(ChatAiring.id).where(
            ChatAiring.chat_id == chat_id, ChatAiring.series_id.in_(series_ids)
        )
    )
    return set(rows)


async def chat_airings_due(
    session: AsyncSession,
    *,
    timed: list[tuple[datetime, datetime]],
    first_day: date,
    last_day: date,
    not_before: datetime,
    chat_id: int | None = None,
    airing_ids: Collection[int] | None = None,
) -> list[tuple[ChatAiring, Series, Chat, Follow]]:
    """Chat-only airings of reachable chats (or only `chat_id`, only `airing_ids`) that air
    in one of the `timed` ranges (start, end] after `not_before`, or are date-only releases
    between the two days, with the chat's follow of their series (its own settings)."""
    in_range = [
        and_(ChatAiring.airstamp > max(start, not_before), ChatAiring.airstamp <= end)
        for start, end in timed
    ]
    date_only = and_(
        ChatAiring.airstamp.is_(None),
        ChatAiring.airdate >= first_day,
        ChatAiring.airdate <= last_day,
    )
    statement = (
        select(ChatAiring, Series, Chat, Follow)
        .join(Series, Series.id == ChatAiring.series_id)
        .join(Chat, Chat.id == ChatAiring.chat_id)
        .join(
            Follow,
            and_(Follow.chat_id == ChatAiring.chat_id, Follow.series_id == ChatAiring.series_id),
        )
        .where(Chat.status == ChatStatus.ACTIVE, or_(*in_range, date_only))
    )
    if chat_id is not None:
        statement = statement.where(ChatAiring.chat_id == chat_id)
    if airing_ids is not None:
        statement = statement.where(ChatAiring.id.in_(airing_ids))
    rows = await session.execute(statement)
    return [(airing, series, chat, follow) for airing, series, chat, follow in rows]


async def pending_chat_airing_reminders(
    session: AsyncSession, *, key_prefix: str
) -> list[tuple[int, str]]:
    """(id, dedup key) of unsent reminders whose dedup key starts with `key_prefix`."""
    rows = await session.execute(
        select(Delivery.id, Delivery.dedup_key).where(
            Delivery.kind == DeliveryKind.REMINDER,
            Delivery.status == DeliveryStatus.PENDING,
            Delivery.dedup_key.startswith(key_prefix, autoescape=True),
        )
    )
    return [(row_id, key) for row_id, key in rows]
