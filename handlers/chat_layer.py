"""Opens the chat layer before the handlers of a message or button (group -1) and closes it
after them; on an error the error handler rolls it back."""

from __future__ import annotations

from telegram import ChatMember, MessageEntity, Update
from telegram.constants import ChatType

from bot import prompts
from bot.chat_layer import ChatScope
from bot.chat_settings import Defaults
from bot.context import BotContext
from handlers.common import command_addressee
from storage.chats import ensure_chat

ADMIN_STATUSES = {ChatMember.ADMINISTRATOR, ChatMember.OWNER}


def is_command(update: Update, username: str) -> bool:
    """Whether the update is a /command for this bot (as `CommandHandler` reads one): "/list"
    or "/list@thisbot"; a group member's "/roll@dice_bot" is for another bot."""
    message = update.message
    if message is None or not message.entities or message.text is None:
        return False
    first = message.entities[0]
    if first.type != MessageEntity.BOT_COMMAND or first.offset != 0:
        return False
    addressee = command_addressee(message.text)
    return not addressee or addressee == username.casefold()


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


async def open_chat_scope(update: Update, context: BotContext) -> None:
    """Load (or create) the update's chat once; a command ends a pending prompt."""
    chat = update.effective_chat
    if chat is None or context.chat_scope is not None:
        return
    user = update.effective_user
    language = user.language_code if user and chat.type == ChatType.PRIVATE else None
    session = context.db()
    try:
        await session.begin()
        row = await ensure_chat(
            session, telegram_id=chat.id, chat_type=chat.type, telegram_language=language
        )
        ended = prompts.after_update(row, is_command=is_command(update, context.bot.username))
        # Committed at once: the chat's creation or touch must not hold the database's write
        # lock (SQLite has one for everyone) while the handler asks Telegram or TVmaze.
        await session.commit()
    except BaseException:
        await session.close()
        raise

    async def check() -> bool:
        return await may_configure(update, context)

    settings = context.settings
    context.chat_scope = context.bot_data.chat_scopes[update.update_id] = ChatScope(
        session=session,
        chat=row,
        defaults=Defaults(settings.default_language, settings.default_timezone),
        is_bot_admin=user is not None and user.id in settings.admin_ids,
        check_permission=check,
        ended_prompt=ended,
    )


async def close_chat_scope(update: Update, context: BotContext) -> None:
    """Commit what the handler left open (if it did not end the unit of work itself)."""
    scope = context.bot_data.chat_scopes.pop(update.update_id, None)
    if scope is not None:
        await scope.done()
