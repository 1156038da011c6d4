"""/start and /help."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ChatType

from bot import render
from bot.catalog.card_views import parse_deep_link
from bot.commands import GROUP_COMMANDS, PRIVATE_COMMANDS
from bot.context import BotContext
from bot.message import BotMessage
from bot.telegram_io import reply
from handlers.follow import follow_deep_link


async def start(update: Update, context: BotContext) -> None:
    """Greets the fan in their language and shows the first steps; opens a shared link (in a
    group, added through a `startgroup` link, only an administrator's follows)."""
    scope = context.scope
    chat, current = scope.chat, scope.settings
    link = parse_deep_link(context.args[0]) if context.args else None
    allowed = link is None or await scope.may_configure()
    await scope.done()
    user = update.effective_user
    name = user.first_name if user else ""
    key = "start.welcome" if chat.type == ChatType.PRIVATE else "start.welcome_group"
    message = update.effective_message
    assert message is not None
    await reply(message, BotMessage(render.html(current.language, key, name=name)))
    if link is None:
        return
    if not allowed:
        await reply(message, BotMessage(render.html(current.language, "group.admins_only")))
        return
    await follow_deep_link(message, context, current, link)


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
