"""Queries on calendar tokens. They never commit: the caller owns the transaction."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.calendar_models import CalendarToken
from storage.models import Chat


async def token_of(session: AsyncSession, *, chat_id: int) -> str | None:
    return await session.scalar(select(CalendarToken.token).where(CalendarToken.chat_id == chat_id))


async def set_token(session: AsyncSession, *, chat_id: int, token: str) -> None:
    """Give the chat this token; a token it had before stops working."""
    row = await session.get(CalendarToken, chat_id)
    if row is None:
        session.add(CalendarToken(chat_id=chat_id, token=token))
    else:
        row.token = token
    await session.flush()


async def chat_of_token(session: AsyncSession, *, token: str) -> Chat | None:
    """The chat a token belongs to (an equality lookup on the unique index)."""
    return await session.scalar(
        select(Chat)
        .join(CalendarToken, CalendarToken.chat_id == Chat.id)
        .where(CalendarToken.token == token)
    )
