"""A series card: opened from /list, from a reminder or news post; its share screen."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from telegram import Message, Update

from bot import render
from bot.callback_data import CardPress, decode, id_argument, parse_card
from bot.catalog.card_views import card_screen, share_screen
from bot.catalog.series_card import SeriesCard, load_card
from bot.context import BotContext
from bot.telegram_io import edit, send


async def _pressed_card(
    update: Update, context: BotContext, tvmaze_id: int | None
) -> SeriesCard | None:
    """The card a press names, for the pressing chat; None (after an alert) if there is none."""
    query = update.callback_query
    assert query is not None
    scope = context.scope
    card = None
    if tvmaze_id is not None:
        card = await load_card(
            scope.session,
            chat_id=scope.chat.id,
            tvmaze_id=tvmaze_id,
            now=datetime.now(UTC),
            timezone=scope.settings.timezone,
        )
    await scope.done()
    if card is None:
        key = "callback.invalid" if tvmaze_id is None else "card.unknown"
        await query.answer(render.alert(scope.language, key), show_alert=True)
        return None
    await query.answer()
    return card


def _card_press(update: Update) -> CardPress | None:
    assert update.callback_query is not None
    return parse_card(decode(update.callback_query.data))


async def card_button(update: Update, context: BotContext) -> None:
    """Opens a series card in place of the list (its back button returns to that page)."""
    press = _card_press(update)
    card = await _pressed_card(update, context, press.tvmaze_id if press else None)
    if card is None or press is None:
        return
    settings = context.scope.settings
    assert update.callback_query is not None
    await edit(
        update.callback_query,
        card_screen(settings.language, settings.timezone, card, page=press.page),
    )


async def card_post_button(update: Update, context: BotContext) -> None:
    """Under a reminder or news post: sends the series card as a new message (the post stays)."""
    assert update.callback_query is not None
    tvmaze_id = id_argument(decode(update.callback_query.data))
    card = await _pressed_card(update, context, tvmaze_id)
    if card is None:
        return
    settings, chat = context.scope.settings, context.scope.chat
    post = update.callback_query.message
    # In a forum group the card goes to the topic of the post it was asked from.
    topic = post.message_thread_id if isinstance(post, Message) and post.is_topic_message else None
    screen = replace(card_screen(settings.language, settings.timezone, card), thread_id=topic)
    await send(context.bot, chat.telegram_id, screen)


async def share_button(update: Update, context: BotContext) -> None:
    """Shows the card's links: a friend is offered the series, a group follows it when added."""
    press = _card_press(update)
    card = await _pressed_card(update, context, press.tvmaze_id if press else None)
    if card is None or press is None:
        return
    assert update.callback_query is not None
    screen = share_screen(
        context.scope.language, card, bot_username=context.bot.username, page=press.page
    )
    await edit(update.callback_query, screen)
