"""◀ ▶ under /list, /unfollow, /news, /next and /feeds: redraw the list at the pressed page."""

from __future__ import annotations

from datetime import UTC, datetime

from telegram import Update

from bot import render
from bot.callback_data import PagePress, Screen, decode, parse_page
from bot.chat_layer import ChatScope
from bot.context import BotContext
from bot.message import BotMessage
from bot.paged_screens import feeds_page, list_page, news_page, next_page, unfollow_page
from bot.paging import PageOutOfRange
from bot.telegram_io import edit


async def page_button(update: Update, context: BotContext) -> None:
    """Shows the pressed page of a list; a forged press, a list that is not the user's or a
    page the list does not have gets an alert."""
    query = update.callback_query
    assert query is not None
    scope = context.scope
    language = scope.language
    shown = await _page_or_alert(parse_page(decode(query.data)), scope)
    await scope.done()
    if isinstance(shown, str):
        await query.answer(render.alert(language, shown), show_alert=True)
        return
    await query.answer()
    await edit(query, shown)


async def _page_or_alert(press: PagePress | None, scope: ChatScope) -> BotMessage | str:
    """The pressed page, or the key of the alert that refuses it."""
    if press is None:
        return "callback.invalid"
    if press.screen is Screen.UNFOLLOW and not await scope.may_configure():
        return "group.admins_only"
    if press.screen is Screen.FEEDS and not scope.is_bot_admin:
        return "admin.only"
    try:
        return await _load(press, scope)
    except PageOutOfRange:
        return "page.gone"


async def _load(press: PagePress, scope: ChatScope) -> BotMessage:
    session, chat_id, settings, page = scope.session, scope.chat.id, scope.settings, press.page
    if press.screen is Screen.LIST:
        now = datetime.now(UTC)
        return await list_page(session, chat_id=chat_id, settings=settings, page=page, now=now)
    if press.screen is Screen.NEXT:
        now = datetime.now(UTC)
        return await next_page(session, chat_id=chat_id, settings=settings, page=page, now=now)
    if press.screen is Screen.UNFOLLOW:
        return await unfollow_page(session, chat_id=chat_id, settings=settings, page=page)
    if press.screen is Screen.FEEDS:
        return await feeds_page(session, settings=settings, page=page)
    return await news_page(session, chat_id=chat_id, settings=settings, page=page)
