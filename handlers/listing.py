"""/unfollow, /list and /next: the chat's series and their coming episodes."""

from __future__ import annotations

from datetime import UTC, datetime

from telegram import Update

from bot import render
from bot.catalog.following import unfollow_series
from bot.catalog.schedule import NEXT_DAYS, next_airing_per_series
from bot.catalog.views import list_text, next_text, unfollow_screen, unfollowed_screen
from bot.context import BotContext
from bot.message import without_button
from bot.telegram_io import edit, edit_buttons, keyboard_of, reply
from handlers.common import (
    chat_schedule,
    may_configure,
    read_id_press,
    refuse_press,
    settings_of,
    touch_chat,
)
from storage.series import followed_series


async def unfollow_command(update: Update, context: BotContext) -> None:
    """Lists the chat's series as buttons to unfollow."""
    message = update.effective_message
    assert message is not None
    allowed = await may_configure(update, context)
    async with context.db.begin() as session:
        chat = await touch_chat(session, update)
        followed = await followed_series(session, chat_id=chat.id)
    language = settings_of(chat, context).language
    if not allowed:
        await message.reply_html(render.html(language, "group.admins_only"))
        return
    await reply(message, unfollow_screen(language, followed))


async def unfollow_button(update: Update, context: BotContext) -> None:
    """Unfollows the pressed series and offers to undo it."""
    press = await read_id_press(update, context)
    async with context.db.begin() as session:
        chat = await touch_chat(session, update)
        language = settings_of(chat, context).language
        series = None
        if press.allowed and press.target is not None:
            series = await unfollow_series(
                session, chat_telegram_id=chat.telegram_id, tvmaze_id=press.target
            )
    if await refuse_press(press, language):
        return
    if series is None:
        await press.query.answer(render.alert(language, "unfollow.not_followed"), show_alert=True)
        return
    await press.query.answer()
    await edit(press.query, unfollowed_screen(language, series))


async def news_unfollow_button(update: Update, context: BotContext) -> None:
    """Unfollows the series named under a news post: the post stays (in a group it is everyone's
    news), only that button goes, and the answer says what happened."""
    press = await read_id_press(update, context)
    async with context.db.begin() as session:
        chat = await touch_chat(session, update)
        language = settings_of(chat, context).language
        series = None
        if press.allowed and press.target is not None:
            series = await unfollow_series(
                session, chat_telegram_id=chat.telegram_id, tvmaze_id=press.target
            )
    if await refuse_press(press, language):
        return
    if series is None:
        await press.query.answer(render.alert(language, "unfollow.not_followed"), show_alert=True)
    else:
        await press.query.answer(render.alert(language, "unfollow.done_alert", title=series.title))
    pressed = press.query.data or ""
    await edit_buttons(press.query, without_button(keyboard_of(press.query.message), pressed))


async def list_command(update: Update, context: BotContext) -> None:
    """Shows the chat's series with their status and next episode."""
    message = update.effective_message
    assert message is not None
    async with context.db.begin() as session:
        chat = await touch_chat(session, update)
        current = settings_of(chat, context)
        followed = await followed_series(session, chat_id=chat.id)
        upcoming = await next_airing_per_series(
            session, series=followed, now=datetime.now(UTC), timezone=current.timezone
        )
    await message.reply_html(list_text(current.language, current.timezone, followed, upcoming))


async def next_command(update: Update, context: BotContext) -> None:
    """Lists the episodes of the chat's series airing in the next 14 days, soonest first."""
    message = update.effective_message
    assert message is not None
    current, airings = await chat_schedule(update, context, days=NEXT_DAYS)
    await message.reply_html(next_text(current.language, current.timezone, airings, NEXT_DAYS))
