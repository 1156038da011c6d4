"""/start and /help."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ChatType

from bot import render
from bot.commands import GROUP_COMMANDS, PRIVATE_COMMANDS
from bot.context import BotContext
from bot.message import BotMessage
from bot.telegram_io import reply
from handlers.follow import follow_deep_link


async def start(update: Update, context: BotContext) -> None:
    """Greets the fan in their language and shows the first steps; follows a deep link."""
    scope = context.scope
    chat, current = scope.chat, scope.settings
    await scope.done()
    user = update.effective_user
    name = user.first_name if user else ""
    key = "start.welcome" if chat.type == ChatType.PRIVATE else "start.welcome_group"
    message = update.effective_message
    assert message is not None
    await reply(message, BotMessage(render.html(current.language, key, name=name)))
    if context.args and chat.type == ChatType.PRIVATE:
        await follow_deep_link(message, context, current, context.args[0])


async def help_command(update: Update, context: BotContext) -> None:
    """Lists the commands of this kind of chat, one line each."""
    scope = context.scope
    chat, language = scope.chat, scope.language
    await scope.done()
    commands = PRIVATE_COMMANDS if chat.type == ChatType.PRIVATE else GROUP_COMMANDS
    lines = render.join(
        [
            render.fragment(
                language, "help.line", command=name, text=render.plain(language, f"command.{name}")
            )
            for name in commands
        ]
    )
    assert update.effective_message is not None
    await reply(
        update.effective_message, BotMessage(render.html(language, "help.text", commands=lines))
    )
