"""/calendar: the chat's coming episodes as an .ics file for any calendar app."""

from __future__ import annotations

from datetime import UTC, datetime

from telegram import InputFile, Update
from telegram.constants import ParseMode

from bot import render
from bot.catalog.ical import calendar_file
from bot.catalog.schedule import chat_airings
from bot.context import BotContext
from handlers.common import settings_of, touch_chat

CALENDAR_DAYS = 60


async def calendar_command(update: Update, context: BotContext) -> None:
    """Sends the next 60 days of the chat's series as a calendar file."""
    message = update.effective_message
    assert message is not None
    async with context.db.begin() as session:
        chat = await touch_chat(session, update)
        current = settings_of(chat, context)
        airings = await chat_airings(
            session,
            chat_id=chat.id,
            now=datetime.now(UTC),
            days=CALENDAR_DAYS,
            timezone=current.timezone,
        )
    language = current.language
    if not airings:
        await message.reply_html(render.html(language, "calendar.empty", days=CALENDAR_DAYS))
        return
    content = calendar_file(airings, name=render.plain(language, "calendar.name"))
    await message.reply_document(
        InputFile(content, filename="serienwecker.ics"),
        caption=render.caption(
            language, "calendar.caption", count=len(airings), days=CALENDAR_DAYS
        ),
        parse_mode=ParseMode.HTML,
    )
