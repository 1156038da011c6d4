"""/calendar: the chat's coming episodes as an .ics file for any calendar app."""

from __future__ import annotations

from telegram import InputFile, Update
from telegram.constants import ParseMode

from bot import render
from bot.catalog.ical import calendar_file
from bot.context import BotContext
from bot.message import BotMessage
from bot.telegram_io import reply
from handlers.common import chat_schedule

CALENDAR_DAYS = 60


async def calendar_command(update: Update, context: BotContext) -> None:
    """Sends the next 60 days of the chat's series as a calendar file."""
    message = update.effective_message
    assert message is not None
    current, airings = await chat_schedule(context, days=CALENDAR_DAYS)
    language = current.language
    if not airings:
        await reply(
            message, BotMessage(render.html(language, "calendar.empty", days=CALENDAR_DAYS))
        )
        return
    content = calendar_file(airings, name=render.plain(language, "calendar.name"))
    await message.reply_document(
        InputFile(content, filename="serienwecker.ics"),
        caption=render.caption(
            language, "calendar.caption", count=len(airings), days=CALENDAR_DAYS
        ),
        parse_mode=ParseMode.HTML,
    )
