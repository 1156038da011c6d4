"""The bot added to, removed from or blocked in a chat; groups upgraded to supergroups."""

from __future__ import annotations

import logging

from telegram import ChatMember, Update
from telegram.constants import ChatType

from bot import render
from bot.context import BotContext
from handlers.common import settings_of
from storage.chats import get_chat, migrate_chat, set_chat_status
from storage.statuses import ChatStatus

logger = logging.getLogger(__name__)

PRESENT = {ChatMember.MEMBER, ChatMember.ADMINISTRATOR, ChatMember.OWNER, ChatMember.RESTRICTED}


async def my_membership(update: Update, context: BotContext) -> None:
    """Registers a group the bot joined and marks chats that removed or blocked it."""
    change = update.my_chat_member
    assert change is not None
    chat, new_status = change.chat, change.new_chat_member.status
    if chat.type == ChatType.CHANNEL:
        # A channel never sends us commands (channel posts are not among our updates): it is
        # neither greeted nor stored, so no broadcast or count takes it for a group.
        logger.info("channel %s: membership is now %s, ignored", chat.id, new_status)
        return
    was_present = change.old_chat_member.status in PRESENT
    if new_status in PRESENT:
        status = ChatStatus.ACTIVE
    elif chat.type == ChatType.PRIVATE:
        status = ChatStatus.BLOCKED
    else:
        status = ChatStatus.LEFT
    async with context.db.begin() as session:
        # A group upgraded to a supergroup is "joined" anew under its new id (Telegram sends
        # the bot a join there); its row, moved by the upgrade, is active already: no welcome,
        # and the language it had stays.
        known = await get_chat(session, telegram_id=chat.id)
        was_active = known is not None and known.status == ChatStatus.ACTIVE
        row = await set_chat_status(
            session, telegram_id=chat.id, chat_type=chat.type, status=status
        )
        if not was_active and row.telegram_language is None and change.from_user.language_code:
            row.telegram_language = change.from_user.language_code[:16]
    logger.info("chat %s is now %s", chat.id, status)
    welcome = status is ChatStatus.ACTIVE and not (was_present or was_active)
    if welcome and chat.type != ChatType.PRIVATE:
        language = settings_of(row, context).language
        await context.bot.send_message(
            chat.id, render.html(language, "group.welcome"), parse_mode="HTML"
        )


async def group_migrated(update: Update, context: BotContext) -> None:
    """Keeps a group's row, with its settings, under its new supergroup id."""
    message = update.effective_message
    assert message is not None
    if message.migrate_to_chat_id:
        old_id, new_id = message.chat.id, message.migrate_to_chat_id
    elif message.migrate_from_chat_id:
        old_id, new_id = message.migrate_from_chat_id, message.chat.id
    else:
        return
    async with context.db.begin() as session:
        await migrate_chat(session, old_id=old_id, new_id=new_id)
    logger.info("group %s migrated to supergroup %s", old_id, new_id)
