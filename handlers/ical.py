"""/addical for the bot's administrators: air dates from an iCal feed for one series."""

from __future__ import annotations

from datetime import UTC, datetime

from telegram import Update

from bot import render
from bot.catalog.ical_feeds import AttachOutcome, attach_ical
from bot.context import BotContext
from bot.http_fetch import FetchLimits
from bot.message import BotMessage
from bot.telegram_io import reply
from handlers.common import admin_message


async def addical_command(update: Update, context: BotContext) -> None:
    """Attaches an iCal feed to a series; its dates become reminders with their channel."""
    admin = await admin_message(update, context)
    if admin is None:
        return
    message, language = admin
    await context.scope.done()  # attaching imports in its own transactions
    args = context.args or []
    if len(args) < 2:
        await reply(message, BotMessage(render.html(language, "ical.add.usage")))
        return
    query, url = " ".join(args[:-1]), args[-1]
    client = context.bot_data.feed_http
    assert client is not None
    outcome = await attach_ical(
        context.db,
        client,
        FetchLimits(),
        series_query=query,
        url=url,
        now=datetime.now(UTC),
        timezone=context.settings.default_timezone,
    )
    await message.reply_html(
        attach_reply(language, outcome, query=query, url=url), disable_web_page_preview=True
    )


def attach_reply(language: str, outcome: AttachOutcome, *, query: str, url: str) -> str:
    """The one-message answer to /addical."""
    series = outcome.series.title if outcome.series else query
    if outcome.kind == "done":
        return render.html(language, "ical.add.done", count=outcome.future_airings, series=series)
    if outcome.kind == "ambiguous":
        lines = [
            render.fragment(
                language,
                "ical.add.candidate",
                id=choice.tvmaze_id,
                title=choice.title,
                year=f" ({choice.premiered})" if choice.premiered else "",
            )
            for choice in outcome.candidates
        ]
        return render.html(
            language, "ical.add.ambiguous", query=query, candidates=render.join(lines)
        )
    if outcome.kind == "unreachable":
        return render.html(language, "ical.add.unreachable", series=series, reason=outcome.reason)
    if outcome.kind == "not_calendar":
        return render.html(language, "ical.add.not_calendar", series=series)
    if outcome.kind == "invalid_url":
        return render.html(language, "ical.add.invalid_url", url=url)
    return render.html(language, "ical.add.unknown", query=query)
