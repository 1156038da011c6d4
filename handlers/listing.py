"""/unfollow, /list and /next: the chat's series and their coming episodes."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Update

from bot import render
from bot.catalog.following import unfollow_series
from bot.catalog.views import unfollowed_screen
from bot.chat_settings import ChatSettings
from bot.context import BotContext
from bot.message import BotMessage, without_button
from bot.news.withdraw import withdraw_unwanted_news
from bot.paged_screens import list_page, next_page, unfollow_page
from bot.telegram_io import edit, edit_buttons, keyboard_of, reply
from handlers.common import IdPress, read_id_press, refuse_press
from storage.catalog_models import Series


class DatedPage(Protocol):
    """A page loader of bot.paged_screens for a list that depends on the time."""

    async def __call__(
        self, session: AsyncSession, *, chat_id: int, settings: ChatSettings, page: int,
        now: datetime,
    ) -> BotMessage: ...  # fmt: skip


async def unfollow_command(update: Update, context: BotContext) -> None:
    """Lists the chat's series as buttons to unfollow, a page at a time."""
    message = update.effective_message
    assert message is not None
    scope = context.scope
    allowed = await scope.may_configure()
    screen = await unfollow_page(
        scope.session, chat_id=scope.chat.id, settings=scope.settings, page=0
    )
    await scope.done()
    if not allowed:
        await reply(message, BotMessage(render.html(scope.language, "group.admins_only")))
        return
    await reply(message, screen)


async def _unfollow_pressed(update: Update, context: BotContext) -> tuple[IdPress, Series | None]:
    """The press and the series it unfollowed (None: not followed, or the press was refused)."""
    press = await read_id_press(update, context)
    scope = context.scope
    series = None
    if press.allowed and press.target is not None:
        series = await unfollow_series(
            scope.session, chat_telegram_id=scope.chat.telegram_id, tvmaze_id=press.target
        )
    if series is not None:
        await withdraw_unwanted_news(scope.session, chat_id=scope.chat.id)
    await scope.done()
    return press, series


async def unfollow_button(update: Update, context: BotContext) -> None:
    """Unfollows the pressed series and offers to undo it."""
    press, series = await _unfollow_pressed(update, context)
    language = context.scope.language
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
    press, series = await _unfollow_pressed(update, context)
    language = context.scope.language
    if await refuse_press(press, language):
        return
    if series is None:
        await press.query.answer(render.alert(language, "unfollow.not_followed"), show_alert=True)
    else:
        await press.query.answer(render.alert(language, "unfollow.done_alert", title=series.title))
    pressed = press.query.data or ""
    await edit_buttons(press.query, without_button(keyboard_of(press.query.message), pressed))


async def list_command(update: Update, context: BotContext) -> None:
    """Shows the chat's series with their status and next episode, each a button to its card."""
    await _first_page(update, context, list_page)


async def next_command(update: Update, context: BotContext) -> None:
    """Lists the episodes of the chat's series airing in the next 14 days, soonest first,
    a page at a time."""
    await _first_page(update, context, next_page)


async def _first_page(update: Update, context: BotContext, page_of: DatedPage) -> None:
    """Replies with the first page of a list that depends on the time (/list, /next)."""
    message = update.effective_message
    assert message is not None
    scope = context.scope
    screen = await page_of(
        scope.session, chat_id=scope.chat.id, settings=scope.settings, page=0,
        now=datetime.now(UTC),
    )  # fmt: skip
    await scope.done()
    await reply(message, screen)
