"""◀ ▶ under /list, /unfollow, /news and /next: redraw the list at the pressed page."""

from __future__ import annotations

from datetime import UTC, datetime

from telegram import Update

from bot import render
from bot.callback_data import Screen, decode, parse_page
from bot.context import BotContext
from bot.message import BotMessage
from bot.paged_screens import list_page, news_page, next_page, unfollow_page
from bot.paging import PageOutOfRange
from bot.telegram_io import edit


async def page_button(update: Update, context: BotContext) -> None:
    """Shows the pressed page of a list; a page the list does not have gets an alert."""
    query = update.callback_query
    assert query is not None
    press = parse_page(decode(query.data))
    scope = context.scope
    language, settings = scope.language, scope.settings
    allowed = press is not None and (
        press.screen is not Screen.UNFOLLOW or await scope.may_configure()
    )
    screen: BotMessage | None = None
    key = "callback.invalid" if press is None else "group.admins_only"
    if press is not None and allowed:
        chat_id = scope.chat.id
        try:
            if press.screen is Screen.LIST:
                screen = await list_page(
                    scope.session, chat_id=chat_id, settings=settings, page=press.page,
                    now=datetime.now(UTC),
                )  # fmt: skip
            elif press.screen is Screen.NEXT:
                screen = await next_page(
                    scope.session, chat_id=chat_id, settings=settings, page=press.page,
                    now=datetime.now(UTC),
                )  # fmt: skip
            elif press.screen is Screen.UNFOLLOW:
                screen = await unfollow_page(
                    scope.session, chat_id=chat_id, settings=settings, page=press.page
                )
            else:
                screen = await news_page(
                    scope.session, chat_id=chat_id, settings=settings, page=press.page
                )
        except PageOutOfRange:
            key = "page.gone"
    await scope.done()
    if screen is None:
        await query.answer(render.alert(language, key), show_alert=True)
        return
    await query.answer()
    await edit(query, screen)
