"""Queries on chats. They never commit: the caller owns the transaction."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import CursorResult, delete, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.delivery_models import Broadcast
from storage.models import Chat
from storage.statuses import ChatStatus


async def get_chat(session: AsyncSession, *, telegram_id: int) -> Chat | None:
    return await session.scalar(select(Chat).where(Chat.telegram_id == telegram_id))


async def ensure_chat(
    session: AsyncSession,
    *,
    telegram_id: int,
    chat_type: str,
    telegram_language: str | None = None,
) -> Chat:
    """Return the chat, creating it; an update from it means it is reachable again."""
    chat = await get_chat(session, telegram_id=telegram_id)
    if chat is None:
        chat = Chat(telegram_id=telegram_id, type=chat_type)
        session.add(chat)
    chat.type = chat_type
    chat.status = ChatStatus.ACTIVE
    if telegram_language:
        chat.telegram_language = telegram_language[:16]
    await session.flush()
    return chat


async def set_chat_status(
    session: AsyncSession, *, telegram_id: int, chat_type: str, status: ChatStatus
) -> Chat:
    """Record that the bot was added to, removed from or blocked in a chat."""
    chat = await get_chat(session, telegram_id=telegram_id)
    if chat is None:
        chat = Chat(telegram_id=telegram_id, type=chat_type)
        session.add(chat)
    chat.status = status
    await session.flush()
    return chat


async def delete_chat(session: AsyncSession, *, telegram_id: int) -> bool:
    """Remove the chat and, through foreign keys, everything stored about it; also the
    broadcasts that name it (as author, source or progress chat) with their outbox rows:
    an admin's announcement copied from their chat goes with their data."""
    await session.execute(
        delete(Broadcast)
        .where(
            or_(
                Broadcast.author_id == telegram_id,
                Broadcast.from_chat_id == telegram_id,
                Broadcast.status_chat_id == telegram_id,
            )
        )
        .execution_options(synchronize_session=False)
    )
    result = await session.execute(delete(Chat).where(Chat.telegram_id == telegram_id))
    return bool(cast("CursorResult[Any]", result).rowcount)


async def migrate_chat(session: AsyncSession, *, old_id: int, new_id: int) -> Chat | None:
    """Move a group's row to its new supergroup id; where both ids have a row, the older
    row's data wins.

    Telegram sends a migration's two service messages (in the old chat and in the new) at
    once, and both move the row. One read sees both ids at the same moment, and the other
    id's newer row is deleted by id, never the group's own row. That newer row is the new
    id's placeholder (its first update came before the move) or, once the row has moved, one
    that an update from the old id handled late made there again (that chat's updates wait
    behind a slow one, the new chat's do not)."""
    found = await session.scalars(
        select(Chat)
        .where(Chat.telegram_id.in_((old_id, new_id)))
        .execution_options(populate_existing=True)
    )
    by_id = {chat.telegram_id: chat for chat in found}
    chat = by_id.get(old_id)
    placeholder = by_id.get(new_id)
    if chat is None:
        return placeholder
    if placeholder is not None and placeholder.id < chat.id:
        newer = chat.id
        session.expunge(chat)
        await session.execute(
            delete(Chat)
            .where(Chat.id == newer, Chat.telegram_id == old_id)
            .execution_options(synchronize_session=False)
        )
        return placeholder
    if placeholder is not None:
        session.expunge(placeholder)
    await session.execute(
        delete(Chat)
        .where(Chat.telegram_id == new_id, Chat.id != chat.id)
        .execution_options(synchronize_session=False)
    )
    chat.telegram_id = new_id
    chat.type = "supergroup"
    await session.flush()
    return chat


async def forget_news_topic(session: AsyncSession, *, chat_id: int, thread_id: int) -> bool:
    """News of the chat go to its main chat, unless its admins chose another topic meanwhile;
    returns whether the topic was still the chosen one."""
    result = await session.execute(
        update(Chat)
        .where(Chat.id == chat_id, Chat.news_topic_id == thread_id)
        .values(news_topic_id=None)
        .execution_options(synchronize_session=False)
    )
    return bool(cast("CursorResult[Any]", result).rowcount)


async def admin_chats(session: AsyncSession, *, telegram_ids: Sequence[int]) -> list[Chat]:
    """The private chats of the given users that can be reached."""
    if not telegram_ids:
        return []
    rows = await session.scalars(
        select(Chat).where(
            Chat.telegram_id.in_(telegram_ids),
            Chat.type == "private",
            Chat.status == ChatStatus.ACTIVE,
        )
    )
    return list(rows)
