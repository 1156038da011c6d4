"""/calendar: the chat's coming episodes as an .ics file, and a live subscription URL."""

from __future__ import annotations

from telegram import InputFile, Update
from telegram.constants import ParseMode

from bot import render
from bot.callback_data import Action, encode
from bot.catalog.ical import calendar_file
from bot.catalog.live_calendar import renew_token, subscription_token, subscription_url
from bot.context import BotContext
from bot.message import BotMessage, Button
from bot.telegram_io import edit, reply
from handlers.common import chat_schedule

CALENDAR_DAYS = 60


def subscription_screen(language: str, base_url: str | None, token: str | None) -> BotMessage:
    """The subscription URL with its "new address" button, or why there is none."""
    if base_url is None or token is None:
        return BotMessage(render.html(language, "calendar.no_subscription"))
    renew = Button(render.label(language, "calendar.renew"), encode(Action.CALENDAR_RENEW))
    url = subscription_url(base_url, token)
    return BotMessage(render.html(language, "calendar.subscription", url=url), ((renew,),))


async def calendar_command(update: Update, context: BotContext) -> None:
    """Sends the next 60 days of the chat's series as a calendar file, then the chat's
    subscription URL (when the bot's HTTP server is public)."""
    message = update.effective_message
    assert message is not None
    scope = context.scope
    base_url = context.settings.calendar_base_url
    token = None
    if base_url is not None:
        token = await subscription_token(scope.session, chat_id=scope.chat.id)
    current, airings = await chat_schedule(context, days=CALENDAR_DAYS)
    language = current.language
    if airings:
        content = calendar_file(airings, name=render.plain(language, "calendar.name"))
        await message.reply_document(
            InputFile(content, filename="serienwecker.ics"),
            caption=render.caption(
                language, "calendar.caption", count=len(airings), days=CALENDAR_DAYS
            ),
            parse_mode=ParseMode.HTML,
        )
    else:
        await reply(
            message, BotMessage(render.html(language, "calendar.empty", days=CALENDAR_DAYS))
        )
    await reply(message, subscription_screen(language, base_url, token))


async def calendar_renew_button(update: Update, context: BotContext) -> None:
    """A new subscription URL; the old one answers 404 from now on."""
    query = update.callback_query
    assert query is not None
    scope = context.scope
    language = scope.language
    base_url = context.settings.calendar_base_url
    if not await scope.may_configure():
        await scope.done()
        await query.answer(render.alert(language, "group.admins_only"), show_alert=True)
        return
    token = None
    if base_url is not None:
        token = await renew_token(scope.session, chat_id=scope.chat.id)
    await scope.done()
    await query.answer()
    await edit(query, subscription_screen(language, base_url, token))
