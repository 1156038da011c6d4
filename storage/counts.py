"""Counts an operator scrapes: deliveries by kind and status, chats by status and type."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.delivery_models import Delivery
from storage.models import Chat


async def deliveries_by_kind_and_status(session: AsyncSession) -> list[tuple[str, str, int]]:
    """(kind, status, rows) for every pair that has rows."""
    statement = select(Delivery.kind, Delivery.status, func.count()).group_by(
        Delivery.kind, Delivery.status
    )
    return [(kind, status, count) for kind, status, count in await session.execute(statement)]


async def chats_by_status_and_type(session: AsyncSession) -> list[tuple[str, str, int]]:
    """(status, type, chats) for every pair that has chats."""
    statement = select(Chat.status, Chat.type, func.count()).group_by(Chat.status, Chat.type)
    return [(status, kind, count) for status, kind, count in await session.execute(statement)]
