"""/stats for bot admins: chats, the outbox and the sender's recent errors."""

from __future__ import annotations

from telegram import Update

from bot import render
from bot.context import BotContext
from bot.delivery.screens import stats_text
from bot.delivery.stats import collect_stats
from handlers.broadcast import is_admin
from handlers.common import settings_of, touch_chat


async def stats_command(update: Update, context: BotContext) -> None:
    """Shows the admin how many chats there are and how delivery goes."""
    message = update.effective_message
    assert message is not None
    async with context.db.begin() as session:
        chat = await touch_chat(session, update)
        stats = await collect_stats(session) if is_admin(update, context) else None
    language = settings_of(chat, context).language
    if stats is None:
        await message.reply_html(render.html(language, "admin.only"))
        return
    text = stats_text(language, stats, context.bot_data.ops.metrics.telegram_answers())
    await message.reply_html(text)
