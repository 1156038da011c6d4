"""/follow: search a series by any of its titles, follow it with one tap; deep links."""

from __future__ import annotations

from datetime import UTC, datetime

from telegram import ForceReply, Message, Update
from telegram.constants import ChatType, ParseMode

from bot import prompts, render
from bot.catalog.following import follow_series
from bot.catalog.search import QueryTooLong, clean_query, search_series
from bot.catalog.views import candidates_screen, follow_outcome_text
from bot.chat_settings import ChatSettings
from bot.context import BotContext
from bot.message import BotMessage
from bot.prompts import Prompt
from bot.telegram_io import reply
from handlers.common import read_id_press, refuse_press

DEEP_LINK_PREFIX = "follow_"


async def follow_command(update: Update, context: BotContext) -> None:
    """Offers the series matching the title after /follow, or asks for a title."""
    message = update.effective_message
    assert message is not None
    scope = context.scope
    allowed = await scope.may_configure()
    if allowed and not context.args:
        prompts.ask(scope.chat, Prompt.FOLLOW)
    await scope.done()
    language = scope.language
    if not allowed:
        await reply(message, BotMessage(render.html(language, "group.admins_only")))
    elif not context.args:
        force = ForceReply(selective=True) if scope.chat.type != ChatType.PRIVATE else None
        await message.reply_html(render.html(language, "follow.ask"), reply_markup=force)
    else:
        await offer_candidates(message, context, language, " ".join(context.args))


async def offer_candidates(message: Message, context: BotContext, language: str, text: str) -> None:
    """Search and show up to 8 candidates as buttons; even a single exact hit asks for a tap."""
    try:
        query = clean_query(text)
    except QueryTooLong:
        await reply(message, BotMessage(render.html(language, "follow.too_long")))
        return
    outcome = await search_series(sessions=context.db, client=context.tvmaze, query=query)
    await reply(message, candidates_screen(language, outcome, query))


async def follow_button(update: Update, context: BotContext) -> None:
    """Follows the series whose button was pressed and says when it airs next."""
    press = await read_id_press(update, context)
    scope = context.scope
    await scope.done()  # following imports the series in its own transactions
    current = scope.settings
    if await refuse_press(press, current.language) or press.target is None:
        return
    await press.query.answer()
    text = await _follow(context, current, scope.chat.telegram_id, press.target)
    await press.query.edit_message_text(text, parse_mode=ParseMode.HTML)


async def follow_deep_link(
    message: Message, context: BotContext, current: ChatSettings, argument: str
) -> None:
    """`/start follow_<tvmaze id>` follows directly."""
    tvmaze_id = argument.removeprefix(DEEP_LINK_PREFIX)
    if not argument.startswith(DEEP_LINK_PREFIX) or not tvmaze_id.isdigit() or len(tvmaze_id) > 9:
        return
    text = await _follow(context, current, message.chat.id, int(tvmaze_id))
    await reply(message, BotMessage(text))


async def _follow(context: BotContext, current: ChatSettings, chat_id: int, tvmaze_id: int) -> str:
    outcome = await follow_series(
        sessions=context.db,
        client=context.tvmaze,
        chat_telegram_id=chat_id,
        tvmaze_id=tvmaze_id,
        now=datetime.now(UTC),
        timezone=current.timezone,
    )
    return follow_outcome_text(current.language, current.timezone, outcome)
