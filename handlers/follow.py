"""/follow: search a series by any of its titles, follow it with one tap; deep links."""

from __future__ import annotations

from datetime import UTC, datetime

from telegram import ForceReply, Message, Update
from telegram.constants import ChatType

from bot import prompts, render
from bot.catalog.card_views import DeepLink, LinkKind, follow_outcome_screen, offer_screen
from bot.catalog.following import FollowOutcome, follow_series
from bot.catalog.search import QueryTooLong, clean_query, search_series
from bot.catalog.series_card import load_offer
from bot.catalog.views import candidates_screen
from bot.chat_settings import ChatSettings
from bot.context import BotContext
from bot.message import BotMessage
from bot.prompts import Prompt
from bot.telegram_io import edit, reply
from handlers.common import read_id_press, refuse_press


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
    outcome = await _follow(context, current, scope.chat.telegram_id, press.target)
    if outcome.series is None and outcome.tv_unavailable:
        # A series known only from the index needs TVmaze to import; the offer stays as it
        # is, so the same button works once TVmaze answers again.
        alert = render.alert(current.language, "follow.import_unavailable")
        await press.query.answer(alert, show_alert=True)
        return
    await press.query.answer()
    await edit(press.query, follow_outcome_screen(current.language, current.timezone, outcome))


async def follow_deep_link(
    message: Message, context: BotContext, current: ChatSettings, link: DeepLink
) -> None:
    """`/start series_<id>` offers the series with a button; `/start follow_<id>` (older
    links, and a group added through a `startgroup` link) follows it at once."""
    chat_id = message.chat.id
    if link.kind is LinkKind.OFFER and message.chat.type == ChatType.PRIVATE:
        card = await load_offer(
            sessions=context.db, client=context.tvmaze, chat_id=context.scope.chat.id,
            tvmaze_id=link.tvmaze_id, now=datetime.now(UTC), timezone=current.timezone,
        )  # fmt: skip
        await reply(message, offer_screen(current.language, current.timezone, card))
        return
    outcome = await _follow(context, current, chat_id, link.tvmaze_id)
    await reply(message, follow_outcome_screen(current.language, current.timezone, outcome))


async def _follow(
    context: BotContext, current: ChatSettings, chat_id: int, tvmaze_id: int
) -> FollowOutcome:
    return await follow_series(
        sessions=context.db,
        client=context.tvmaze,
        chat_telegram_id=chat_id,
        tvmaze_id=tvmaze_id,
        now=datetime.now(UTC),
        defaults=context.scope.defaults,
    )
