"""Commands the bot does not know."""

from __future__ import annotations

from telegram import Update

from bot import render
from bot.context import BotContext
from bot.message import BotMessage
from bot.telegram_io import reply
from handlers.common import addressed_to_us


async def unknown_command(update: Update, context: BotContext) -> None:
    """Points to /help (in groups only when the command was addressed to this bot)."""
    message = update.effective_message
    assert message is not None
    if not addressed_to_us(message, context.bot.username):
        return
    language = context.scope.language
    await context.scope.done()
    await reply(message, BotMessage(render.html(language, "fallback.unknown_command")))
