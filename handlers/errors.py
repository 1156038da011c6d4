"""The global error handler: log with context (never the token), tell the user, note blocks."""

from __future__ import annotations

import logging

from telegram import Update

from bot import render
from bot.context import BotContext
from bot.delivery.outcomes import refused_by_chat
from bot.message import BotMessage
from bot.telegram_io import reply
from handlers.common import settings_of
from storage.chats import get_chat

logger = logging.getLogger(__name__)


async def on_error(update: object, context: BotContext) -> None:
    """Logs the failure; a user whose update failed gets a short apology instead of silence."""
    if isinstance(update, Update):
        scope = context.bot_data.chat_scopes.pop(update.update_id, None)
        if scope is not None:
            await scope.abort()  # the update's unit of work did not finish
    if not isinstance(update, Update) or update.effective_chat is None:
        logger.error("error outside an update", exc_info=context.error)
        return
    chat_id = update.effective_chat.id
    if refused_by_chat(context.error):
        # The chat blocked us, left or muted us while its update was handled: nothing went
        # wrong here, and the my_chat_member update records it.
        logger.info("update %s in chat %s: %s", update.update_id, chat_id, context.error)
        return
    logger.error("update %s in chat %s failed", update.update_id, chat_id, exc_info=context.error)
    language: str = context.settings.default_language
    try:
        async with context.db.begin() as session:
            chat = await get_chat(session, telegram_id=chat_id)
        if chat is not None:
            language = settings_of(chat, context).language
        if update.callback_query is not None:
            await update.callback_query.answer(
                render.alert(language, "error.generic"), show_alert=True
            )
        elif update.effective_message is not None:
            await reply(
                update.effective_message, BotMessage(render.html(language, "error.generic"))
            )
    except Exception:  # the apology is best effort; the original error is logged above
        logger.warning("could not tell chat %s about the error", chat_id, exc_info=True)
