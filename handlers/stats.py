"""/stats for bot admins: chats, the outbox and the sender's recent errors."""

from __future__ import annotations

from telegram import Update

from bot import render
from bot.context import BotContext
from bot.delivery.screens import stats_text
from bot.delivery.stats import collect_stats
from bot.message import BotMessage
from bot.telegram_io import reply


async def stats_command(update: Update, context: BotContext) -> None:
    """Shows the admin how many chats there are and how delivery goes."""
    message = update.effective_message
    assert message is not None
    scope = context.scope
    stats = await collect_stats(scope.session) if scope.is_bot_admin else None
    await scope.done()
    language = scope.language
    if stats is None:
        await reply(message, BotMessage(render.html(language, "admin.only")))
        return
    text = stats_text(language, stats, context.sender.counts)
    await reply(message, BotMessage(text))
