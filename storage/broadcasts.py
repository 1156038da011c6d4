"""Queries on broadcasts and their audiences. They never commit."""

from __future__ import annotations

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.delivery_models import Broadcast
from storage.models import Chat
from storage.statuses import Audience, BroadcastStatus, ChatStatus

_GROUPS = ("group", "supergroup")
# A channel is in no audience and no count: it never talks to the bot (older versions stored
# channels the bot was made an admin of).
_PRIVATE_OR_GROUP = ("private", *_GROUPS)


def _in_audience(audience: Audience) -> ColumnElement[bool]:
    if audience == Audience.PRIVATE:
        return Chat.type == "private"
    if audience == Audience.GROUPS:
        return Chat.type.in_(_GROUPS)
    return Chat.type.in_(_PRIVATE_OR_GROUP)


async def audience_sizes(session: AsyncSession) -> dict[Audience, int]:
    """Active chats per audience."""
    private = func.sum(case((Chat.type == "private", 1), else_=0))
    active = (Chat.status == ChatStatus.ACTIVE, Chat.type.in_(_PRIVATE_OR_GROUP))
    total, private_count = (
        await session.execute(select(func.count(), private).where(*active))
    ).one()
    private_count = private_count or 0
    return {
        Audience.ALL: total,
        Audience.PRIVATE: private_count,
        Audience.GROUPS: total - private_count,
    }


async def audience_chat_ids(session: AsyncSession, *, audience: Audience) -> list[int]:
    statement = select(Chat.id).where(Chat.status == ChatStatus.ACTIVE, _in_audience(audience))
    return list((await session.scalars(statement.order_by(Chat.id))).all())


async def running_broadcasts(session: AsyncSession) -> list[Broadcast]:
    statement = (
        select(Broadcast).where(Broadcast.status == BroadcastStatus.RUNNING).order_by(Broadcast.id)
    )
    return list((await session.scalars(statement)).all())


async def chat_counts(session: AsyncSession) -> dict[str, int]:
    """Chats per status and per kind (private / groups); channels are neither."""
    counts: dict[str, int] = {status: 0 for status in ChatStatus} | {"private": 0, "groups": 0}
    for status, chat_type, count in await session.execute(
        select(Chat.status, Chat.type, func.count())
        .where(Chat.type.in_(_PRIVATE_OR_GROUP))
        .group_by(Chat.status, Chat.type)
    ):
        counts[status] = counts.get(status, 0) + count
        counts["private" if chat_type == "private" else "groups"] += count
    return counts
