"""What many handlers share: the chat's schedule, presses naming an id, admin-only commands."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from telegram import CallbackQuery, Message, Update
from telegram.constants import ChatType

from bot import render
from bot.callback_data import decode, id_argument
from bot.catalog.schedule import Airing, chat_airings
from bot.chat_settings import ChatSettings, effective_settings
from bot.context import BotContext
from bot.message import BotMessage
from bot.telegram_io import reply
from storage.models import Chat


async def chat_schedule(context: BotContext, *, days: int) -> tuple[ChatSettings, list[Airing]]:
    """The chat's settings and its series' episodes from now to `days` ahead."""
    scope = context.scope
    current = scope.settings
    airings = await chat_airings(
        scope.session,
        chat_id=scope.chat.id,
        now=datetime.now(UTC),
        days=days,
        timezone=current.timezone,
    )
    await scope.done()
    return current, airings


def settings_of(chat: Chat, context: BotContext) -> ChatSettings:
    """A chat's settings outside the chat layer (jobs, membership changes, errors)."""
    return effective_settings(
        chat,
        default_language=context.settings.default_language,
        default_timezone=context.settings.default_timezone,
    )


@dataclass(frozen=True)
class IdPress:
    """A pressed button whose argument names a thing by id (a series, a news item)."""

    query: CallbackQuery
    target: int | None  # None: stale or forged data
    allowed: bool  # may this user act for this chat


async def read_id_press(update: Update, context: BotContext) -> IdPress:
    query = update.callback_query
    assert query is not None and query.message is not None
    target = id_argument(decode(query.data))
    return IdPress(query, target, await context.scope.may_configure())


async def refuse_press(press: IdPress, language: str) -> bool:
    """Answer a forged or forbidden press with an alert; True if it was refused."""
    if press.target is None:
        await press.query.answer(render.alert(language, "callback.invalid"), show_alert=True)
        return True
    if not press.allowed:
        await press.query.answer(render.alert(language, "group.admins_only"), show_alert=True)
        return True
    return False


async def admin_message(update: Update, context: BotContext) -> tuple[Message, str] | None:
    """The message and reply language if a bot administrator sent it; else a polite refusal."""
    message = update.effective_message
    assert message is not None
    scope = context.scope
    if not scope.is_bot_admin:
        await scope.done()
        await reply(message, BotMessage(render.html(scope.language, "admin.only")))
        return None
    return message, scope.language


def command_addressee(text: str) -> str:
    """The bot a command at the start of `text` names ("/list@thisbot" → "thisbot"), folded;
    "" when it names none."""
    words = text.split(maxsplit=1)
    return words[0].partition("@")[2].casefold() if words else ""


def addressed_to_us(message: Message, bot_username: str) -> bool:
    """Whether a command is surely ours: every one in a private chat; in a group only
    `/command@ourbot`, since other bots in the group may know the same command."""
    if message.chat.type == ChatType.PRIVATE:
        return True
    return command_addressee(message.text or "") == bot_username.casefold()
