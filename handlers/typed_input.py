"""Free text: the answer to what the chat was asked to type, else a hint to /help."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ChatType

from bot import render
from bot.context import BotContext
from handlers.common import may_configure, settings_of, touch_chat
from handlers.follow import offer_candidates
from handlers.settings import settings_input


async def typed_input(update: Update, context: BotContext) -> None:
    """Routes typed text to the pending prompt (a title to follow, a time zone, quiet hours)."""
    message = update.effective_message
    assert message is not None and message.text is not None
    async with context.db.begin() as session:
        chat = await touch_chat(session, update, keep_awaiting=True)
        asked = chat.awaiting_input
        if asked == "follow":
            chat.awaiting_input = None
    language = settings_of(chat, context).language
    if asked is None or not await may_configure(update, context):
        if message.chat.type == ChatType.PRIVATE:
            await message.reply_html(render.html(language, "fallback.text"))
    elif asked == "follow":
        await offer_candidates(message, context, language, message.text)
    else:
        await settings_input(update, context, asked)
