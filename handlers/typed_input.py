"""The one router for what a chat types: the answer to its pending prompt, else (in a
private chat) a search for a series, as `/follow <text>` would do."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ChatType

from bot import prompts
from bot.context import BotContext
from bot.prompts import Prompt
from handlers.broadcast import broadcast_input
from handlers.follow import offer_candidates
from handlers.settings import settings_input


async def typed_input(update: Update, context: BotContext) -> None:
    """Routes a message to the prompt the chat owes (a title, a time zone, quiet hours, an
    announcement); in a private chat, text that answers nothing searches for a series."""
    message = update.effective_message
    assert message is not None
    scope = context.scope
    asked = prompts.pending(scope.chat)
    language = scope.language
    if asked is Prompt.BROADCAST and scope.is_bot_admin:
        await broadcast_input(update, context)
    elif message.text is None:
        return  # a photo or sticker answers none of the text prompts
    elif asked in (None, Prompt.BROADCAST) or not await scope.may_configure():
        await scope.done()
        if message.chat.type == ChatType.PRIVATE:
            await offer_candidates(message, context, language, message.text)
    elif asked is Prompt.FOLLOW:
        prompts.settle(scope.chat)
        await scope.done()
        await offer_candidates(message, context, language, message.text)
    else:
        await settings_input(update, context, asked)
