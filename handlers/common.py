"""What every handler needs: the chat's row and settings, permissions, replying with screens."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import (
    CallbackQuery,
    ChatMember,
    Message,
    MessageEntity,
    Update,
)
from telegram.constants import ChatType

from bot import prompts, render
from bot.callback_data import decode
from bot.catalog.schedule import Airing, chat_airings
from bot.chat_settings import ChatSettings, effective_settings
from bot.context import BotContext
from storage.chats import ensure_chat
from storage.models import Chat

logger = logging.getLogger(__name__)

ADMIN_STATUSES = {ChatMember.ADMINISTRATOR, ChatMember.OWNER}


def is_command(update: Update) -> bool:
    """Whether the update is a /command (as `CommandHandler` reads one)."""
    message = update.message
    if message is None or not message.entities:
        return False
    first = message.entities[0]
    return first.type == MessageEntity.BOT_COMMAND and first.offset == 0


async def touch_chat(session: AsyncSession, update: Update) -> Chat:
    """The row of the update's chat, created on first contact; a command ends a pending prompt."""
    chat = update.effective_chat
    user = update.effective_user
    assert chat is not None  # every handler using this is registered for chat updates
    language = user.language_code if user and chat.type == ChatType.PRIVATE else None
    row = await ensure_chat(
        session, telegram_id=chat.id, chat_type=chat.type, telegram_language=language
    )
    prompts.after_update(row, is_command=is_command(update))
    return row


async def chat_schedule(
    update: Update, context: BotContext, *, days: int
) -> tuple[ChatSettings, list[Airing]]:
    """The chat's settings and its series' episodes from now to `days` ahead."""
    async with context.db.begin() as session:
        chat = await touch_chat(session, update)
        current = settings_of(chat, context)
        airings = await chat_airings(
            session, chat_id=chat.id, now=datetime.now(UTC), days=days, timezone=current.timezone
        )
    return current, airings


def settings_of(chat: Chat, context: BotContext) -> ChatSettings:
    return effective_settings(
        chat,
        default_language=context.settings.default_language,
        default_timezone=context.settings.default_timezone,
    )


async def may_configure(update: Update, context: BotContext) -> bool:
    """Anyone in a private chat; in groups only administrators (anonymous ones included)."""
    chat = update.effective_chat
    if chat is None or chat.type == ChatType.PRIVATE:
        return True
    message = update.effective_message
    if update.callback_query is None and message and message.sender_chat:
        return message.sender_chat.id == chat.id
    user = update.effective_user
    if user is None:
        return False
    member = await context.bot.get_chat_member(chat.id, user.id)
    return member.status in ADMIN_STATUSES


@dataclass(frozen=True)
class IdPress:
    """A pressed button whose argument names a thing by id (a series, a news item)."""

    query: CallbackQuery
    target: int | None  # None: stale or forged data
    allowed: bool  # may this user act for this chat


async def read_id_press(update: Update, context: BotContext) -> IdPress:
    query = update.callback_query
    assert query is not None and query.message is not None
    data = decode(query.data)
    numeric = data is not None and data.argument.isdigit() and len(data.argument) <= 12
    target = int(data.argument) if data is not None and numeric else None
    return IdPress(query, target, await may_configure(update, context))


async def refuse_press(press: IdPress, language: str) -> bool:
    """Answer a forged or forbidden press with an alert; True if it was refused."""
    if press.target is None:
        await press.query.answer(render.alert(language, "callback.invalid"), show_alert=True)
        return True
    if not press.allowed:
        await press.query.answer(render.alert(language, "group.admins_only"), show_alert=True)
        return True
    return False


async def admin_message(update: Update, context: BotContext) -> tuple[Message, str] | None:
    """The message and reply language if an administrator sent it; else a polite refusal."""
    message = update.effective_message
    user = update.effective_user
    assert message is not None
    async with context.db.begin() as session:
        chat = await touch_chat(session, update)
    language = settings_of(chat, context).language
    if user is None or user.id not in context.settings.admin_ids:
        await message.reply_html(render.html(language, "admin.only"))
        return None
    return message, language
