"""Queries the reminder tick needs. They never commit."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime

from sqlalchemy import and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.catalog_models import Episode, Follow, Series, TickState
from storage.delivery_models import Delivery
from storage.models import Chat
from storage.statuses import ChatStatus, DeliveryKind, DeliveryStatus


async def episodes_airing(
    session: AsyncSession,
    *,
    timed: list[tuple[datetime, datetime]],
    first_day: date,
    last_day: date,
    changed_since: datetime,
    not_before: datetime,
    chat_id: int | None = None,
    series_ids: Collection[int] | None = None,
) -> list[tuple[Episode, Series]]:
    """Followed series' episodes that air in one of the `timed` ranges (start, end], are
    date-only releases between the two days, or moved since `changed_since`; all of them
    airing (if timed) after `not_before`. Only the series `chat_id` follows, if given, and
    only `series_ids`, if given."""
    in_range = [
        and_(Episode.airstamp > max(start, not_before), Episode.airstamp <= end)
        for start, end in timed
    ]
    date_only = and_(
        Episode.airstamp.is_(None), Episode.airdate >= first_day, Episode.airdate <= last_day
    )
    moved = and_(
        Episode.changed_at > changed_since,
        or_(Episode.airstamp > not_before, Episode.airdate >= not_before.date()),
    )
    # EXISTS per episode, not "series_id IN (the followed series)": SQLite would build that
    # list from all follows (a million at 100,000 chats) every tick instead of finding the
    # few episodes by their time indexes first.
    followed = select(Follow.series_id).where(Follow.series_id == Episode.series_id)
    if chat_id is not None:
        followed = followed.where(Follow.chat_id == chat_id)
    if series_ids is not None:
        followed = followed.where(Follow.series_id.in_(series_ids))
    rows = await session.execute(
        select(Episode, Series)
        .join(Series, Series.id == Episode.series_id)
        .where(followed.exists())
        .where(or_(*in_range, date_only, moved))
    )
    return [(episode, series) for episode, series in rows]


async def get_done_until(
    session: AsyncSession, *, name: str, lock: bool = False
) -> datetime | None:
    """How far the tick `name` got; `lock` holds its row until the transaction ends, so that
    the tick and a chat's replan (PostgreSQL) do not plan over each other."""
    state = await session.get(TickState, name, with_for_update=lock)
    return state.done_until if state else None


async def set_done_until(session: AsyncSession, *, name: str, done_until: datetime) -> None:
    state = await session.get(TickState, name)
    if state is None:
        session.add(TickState(name=name, done_until=done_until))
    else:
        state.done_until = done_until
    await session.flush()


async def pending_reminders(session: AsyncSession) -> list[tuple[int, int | None]]:
    """(delivery id, episode id) of episodes' reminders written but not yet sent."""
    rows = await session.execute(
        select(Delivery.id, Delivery.episode_id).where(
            Delivery.kind == DeliveryKind.REMINDER,
            Delivery.status == DeliveryStatus.PENDING,
            Delivery.episode_id.is_not(None),  # a chat-only airing's: see bot/catalog/chat_ical
        )
    )
    return [(row_id, episode_id) for row_id, episode_id in rows]


async def pending_chat_reminders(
    session: AsyncSession, *, chat_id: int, series_ids: Collection[int] | None = None
) -> list[int]:
    """Delivery ids of the chat's episode reminders (of `series_ids`, if given) not yet sent."""
    statement = select(Delivery.id).where(
        Delivery.chat_id == chat_id,
        Delivery.kind == DeliveryKind.REMINDER,
        Delivery.status == DeliveryStatus.PENDING,
        Delivery.episode_id.is_not(None),
    )
    if series_ids is not None:
        statement = statement.where(
            Delivery.episode_id.in_(select(Episode.id).where(Episode.series_id.in_(series_ids)))
        )
    return list(await session.scalars(statement))


async def existing_episode_ids(session: AsyncSession, *, ids: set[int]) -> set[int]:
    if not ids:
        return set()
    return set(await session.scalars(select(Episode.id).where(Episode.id.in_(ids))))


async def chat_timezones(session: AsyncSession) -> set[str | None]:
    """The zones reachable chats chose (None: the default zone)."""
    rows = await session.scalars(
        select(Chat.timezone).where(Chat.status == ChatStatus.ACTIVE).distinct()
    )
    return set(rows)
