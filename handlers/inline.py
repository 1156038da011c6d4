"""Inline mode: `@bot <title>` in any chat lists matching series; a result posts its card."""

from __future__ import annotations

from telegram import Update

from bot import i18n
from bot.catalog.inline_search import inline_results
from bot.context import BotContext
from bot.telegram_io import article

# Telegram may reuse an answer for 5 minutes; per user, since the cards speak their language.
INLINE_CACHE_SECONDS = 300


async def inline_query(update: Update, context: BotContext) -> None:
    """Answers an inline query with the series whose titles match what was typed."""
    query = update.inline_query
    assert query is not None
    settings = context.settings
    language = i18n.language_for(None, query.from_user.language_code, settings.default_language)
    results = await inline_results(
        sessions=context.db,
        client=context.tvmaze,
        text=query.query,
        language=language,
        bot_username=context.bot.username,
    )
    await query.answer(
        [article(r.result_id, r.title, r.description, r.message) for r in results],
        cache_time=INLINE_CACHE_SECONDS,
        is_personal=True,
    )
