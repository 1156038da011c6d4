"""The one place a `BotMessage` becomes a Telegram call: send, reply, edit; keyboards once."""

from __future__ import annotations

import logging

from telegram import (
    Bot,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResult,
    InlineQueryResultArticle,
    InputTextMessageContent,
    MaybeInaccessibleMessage,
    Message,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest

from bot.message import BotMessage, Button, Keyboard

logger = logging.getLogger(__name__)


def reply_markup(keyboard: Keyboard) -> InlineKeyboardMarkup | None:
    if not keyboard:
        return None
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(b.label, url=b.url)
                if b.url
                else InlineKeyboardButton(b.label, switch_inline_query=b.inline_query)
                if b.inline_query
                else InlineKeyboardButton(b.label, callback_data=b.callback_data)
                for b in row
            ]
            for row in keyboard
        ]
    )


def keyboard_of(message: MaybeInaccessibleMessage | None) -> Keyboard:
    """The callback buttons under a message Telegram sent back (e.g. the pressed one)."""
    if not isinstance(message, Message) or message.reply_markup is None:
        return ()
    return tuple(
        tuple(Button(b.text, b.callback_data) for b in row if isinstance(b.callback_data, str))
        for row in message.reply_markup.inline_keyboard
    )


def article(result_id: str, title: str, description: str, message: BotMessage) -> InlineQueryResult:
    """An inline-mode result that posts `message` (a rendered card) into the user's chat."""
    return InlineQueryResultArticle(
        id=result_id,
        title=title,
        description=description or None,
        input_message_content=InputTextMessageContent(message.text, parse_mode=ParseMode.HTML),
        reply_markup=reply_markup(message.keyboard),
    )


async def send(bot: Bot, chat_id: int, message: BotMessage) -> int:
    """Send (or copy) `message` to a chat; returns the new message's id."""
    if message.copy is not None:
        copied = await bot.copy_message(
            chat_id,
            from_chat_id=message.copy.from_chat_id,
            message_id=message.copy.message_id,
            disable_notification=message.silent,
            reply_markup=reply_markup(message.keyboard),
            message_thread_id=message.thread_id,
        )
        return copied.message_id
    sent = await bot.send_message(
        chat_id,
        message.text,
        parse_mode=ParseMode.HTML,
        disable_notification=message.silent,
        reply_markup=reply_markup(message.keyboard),
        message_thread_id=message.thread_id,
    )
    return sent.message_id


async def reply(to: Message, message: BotMessage) -> None:
    """Answer a user's message in its chat (and its topic)."""
    await to.reply_text(
        message.text,
        parse_mode=ParseMode.HTML,
        reply_markup=reply_markup(message.keyboard),
        disable_notification=message.silent,
    )


# Edits that change nothing the user sees: the same content again (pressing twice), or a
# message that is gone or too old to edit (deleted while the press was on its way).
_NOTHING_TO_EDIT = ("not modified", "message to edit not found", "message can't be edited")


async def edit(query: CallbackQuery, message: BotMessage) -> None:
    """Show `message` in place of the pressed one; pressing twice, or on a message deleted
    meanwhile, is not an error."""
    try:
        await query.edit_message_text(
            message.text, parse_mode=ParseMode.HTML, reply_markup=reply_markup(message.keyboard)
        )
    except BadRequest as error:
        _unless_nothing_to_edit(error)


async def edit_buttons(query: CallbackQuery, keyboard: Keyboard) -> None:
    """Change only the buttons under the pressed message; its text stays."""
    try:
        await query.edit_message_reply_markup(reply_markup(keyboard))
    except BadRequest as error:
        _unless_nothing_to_edit(error)


def _unless_nothing_to_edit(error: BadRequest) -> None:
    reason = error.message.lower()
    if not any(harmless in reason for harmless in _NOTHING_TO_EDIT):
        raise error
    logger.debug("nothing to edit: %s", reason)
