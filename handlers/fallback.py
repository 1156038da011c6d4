"""Commands the bot does not know."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ChatType

from bot import render
from bot.context import BotContext
from bot.message import BotMessage
from bot.telegram_io import reply


async def unknown_command(update: Update, context: BotContext) -> None:
    """Points to /help (in groups only when the command was addressed to this bot)."""
    message = update.effective_message
    assert message is not None and message.text is not None
    if message.chat.type != ChatType.PRIVATE:
        command = message.text.split()[0]
        if not command.lower().endswith(f"@{context.bot.username.lower()}"):
            return
    language = context.scope.language
    await context.scope.done()
    await reply(message, BotMessage(render.html(language, "fallback.unknown_command")))
