"""The series card's "TV dates (iCal)": a chat attaches its own calendar link, or drops it."""

from __future__ import annotations

from datetime import UTC, datetime

from telegram import ForceReply, Message, Update
from telegram.constants import ChatType

from bot import prompts, render
from bot.catalog.card_views import card_screen
from bot.catalog.chat_ical import ChatAttachOutcome, attach_chat_ical, remove_chat_calendar
from bot.catalog.series_card import load_card
from bot.context import BotContext
from bot.digits import is_number
from bot.http_fetch import FetchLimits
from bot.message import BotMessage
from bot.prompts import Prompt
from bot.telegram_io import edit, reply
from handlers.common import read_id_press, refuse_press
from storage.follows import followed_series_id


async def chat_ical_button(update: Update, context: BotContext) -> None:
    """Asks for the iCal link of the card's series (the chat must follow it)."""
    press = await read_id_press(update, context)
    scope = context.scope
    language = scope.language
    if await refuse_press(press, language):
        await scope.done()
        return
    assert press.target is not None
    series_id = await followed_series_id(
        scope.session, chat_id=scope.chat.id, tvmaze_id=press.target
    )
    if series_id is None:
        await scope.done()
        await press.query.answer(render.alert(language, "chat_ical.not_following"), show_alert=True)
        return
    prompts.ask(scope.chat, Prompt.CHAT_ICAL, str(press.target))
    await scope.done()
    await press.query.answer()
    force = ForceReply(selective=True) if scope.chat.type != ChatType.PRIVATE else None
    message = press.query.message
    assert isinstance(message, Message)
    await message.reply_html(render.html(language, "chat_ical.ask"), reply_markup=force)


async def chat_ical_input(update: Update, context: BotContext) -> None:
    """Takes the link: checks it is a calendar and keeps it for this chat and series.

    Reached through the typed-input router when the chat owes `Prompt.CHAT_ICAL`."""
    message = update.effective_message
    assert message is not None and message.text is not None
    scope = context.scope
    language = scope.language
    about = prompts.argument(scope.chat)
    prompts.settle(scope.chat)
    tvmaze_id = int(about) if about is not None and is_number(about) else None
    series_id = (
        None
        if tvmaze_id is None
        else await followed_series_id(scope.session, chat_id=scope.chat.id, tvmaze_id=tvmaze_id)
    )
    chat_id, timezone = scope.chat.id, scope.settings.timezone
    await scope.done()  # the download runs outside any transaction
    if series_id is None:
        await reply(message, BotMessage(render.html(language, "chat_ical.not_following")))
        return
    client = context.bot_data.feed_http
    assert client is not None
    outcome = await attach_chat_ical(
        context.db,
        client,
        FetchLimits(),
        chat_id=chat_id,
        series_id=series_id,
        url=message.text,
        timezone=timezone,
        defaults=scope.defaults,
        now=datetime.now(UTC),
    )
    await reply(message, BotMessage(attach_text(language, outcome)))


def attach_text(language: str, outcome: ChatAttachOutcome) -> str:
    if outcome.kind == "done":
        return render.html(language, "chat_ical.done", count=outcome.future_airings)
    if outcome.kind == "unreachable":
        return render.html(language, "chat_ical.unreachable", reason=outcome.reason or "")
    return render.html(language, f"chat_ical.{outcome.kind}")


async def chat_ical_remove_button(update: Update, context: BotContext) -> None:
    """Drops the chat's link for the card's series (its airings with it); redraws the card."""
    press = await read_id_press(update, context)
    scope = context.scope
    settings = scope.settings
    if await refuse_press(press, settings.language):
        await scope.done()
        return
    assert press.target is not None
    series_id = await followed_series_id(
        scope.session, chat_id=scope.chat.id, tvmaze_id=press.target
    )
    removed = series_id is not None and await remove_chat_calendar(
        scope.session, chat_id=scope.chat.id, series_id=series_id
    )
    card = await load_card(
        scope.session,
        chat_id=scope.chat.id,
        tvmaze_id=press.target,
        now=datetime.now(UTC),
        timezone=settings.timezone,
    )
    await scope.done()
    await press.query.answer(
        render.alert(settings.language, "chat_ical.removed" if removed else "chat_ical.none")
    )
    if card is not None:
        await edit(press.query, card_screen(settings.language, settings.timezone, card))
