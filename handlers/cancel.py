"""/cancel: the way out of a question the bot asked (a title, a time zone, a list…)."""

from __future__ import annotations

from telegram import Update

from bot import render
from bot.context import BotContext
from bot.message import BotMessage
from bot.telegram_io import reply
from handlers.common import addressed_to_us


async def cancel_command(update: Update, context: BotContext) -> None:
    """Says the pending question is cancelled (the chat layer ended it), or that none was."""
    message = update.effective_message
    assert message is not None
    scope = context.scope
    ended, language = scope.ended_prompt, scope.language
    await scope.done()
    if ended is None and not addressed_to_us(message, context.bot.username):
        return  # a bare /cancel in a group may be meant for another bot
    key = "cancel.nothing" if ended is None else "cancel.done"
    await reply(message, BotMessage(render.html(language, key)))
