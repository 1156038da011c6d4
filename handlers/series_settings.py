"""A series' own settings: an inline screen edited in place (in groups, admins change it)."""

from __future__ import annotations

from telegram import Update

from bot import render
from bot.callback_data import decode, parse_series
from bot.context import BotContext
from bot.news.withdraw import withdraw_unwanted_news
from bot.series_settings import (
    CHANGING_VERBS,
    apply_series_choice,
    effective_series_settings,
    override_of,
)
from bot.series_settings_menu import series_settings_screen
from bot.telegram_io import edit
from storage.follows import follow_of


async def series_settings_button(update: Update, context: BotContext) -> None:
    """Opens a series' settings, applies one of its buttons, and redraws the screen."""
    query = update.callback_query
    assert query is not None and query.message is not None
    press = parse_series(decode(query.data))
    scope = context.scope
    changing = press is not None and press.verb in CHANGING_VERBS
    allowed = not changing or await scope.may_configure()
    found = None
    if press is not None and allowed:
        found = await follow_of(scope.session, chat_id=scope.chat.id, tvmaze_id=press.tvmaze_id)
    chat = scope.settings
    valid = (
        press is not None
        and found is not None
        and apply_series_choice(found[0], chat, press.verb, press.argument)
    )
    if found is not None and scope.session.is_modified(found[0]):
        await scope.replan_reminders(series_ids={found[1].id})
        if found[0].muted:  # nothing more of it, even what is due this minute
            await withdraw_unwanted_news(scope.session, chat_id=scope.chat.id)
        # A kind switched off, a mute: held news follows the series' settings as they are now.
        await scope.replan_held_news()
    await scope.done()
    language = chat.language
    if press is None or not allowed or found is None or not valid:
        key = (
            "group.admins_only"
            if not allowed
            else "unfollow.not_followed"
            if press is not None and found is None
            else "callback.invalid"
        )
        await query.answer(render.alert(language, key), show_alert=True)
        return
    await query.answer()
    follow, series = found
    settings = effective_series_settings(chat, override_of(follow))
    await edit(
        query,
        series_settings_screen(
            language, title=series.title, tvmaze_id=series.tvmaze_id, settings=settings
        ),
    )
