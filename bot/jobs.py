"""Periodic ticks run by PTB's JobQueue; durable state lives in the database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.catalog.ical_feeds import refresh_ical_feeds
from bot.catalog.sync import sync_followed
from bot.context import BotContext
from bot.news.fetch import FetchLimits
from bot.reminders.tick import Defaults, plan_due_reminders


async def sync_catalog(context: BotContext) -> None:
    """Refreshes followed series (air dates, status) from TVmaze, then the attached iCal feeds."""
    await sync_followed(sessions=context.db, client=context.tvmaze, now=datetime.now(UTC))
    if context.bot_data.feed_http is not None:
        await refresh_ical_feeds(
            context.db, context.bot_data.feed_http, FetchLimits(), now=datetime.now(UTC)
        )


async def plan_reminders(context: BotContext) -> None:
    """Writes the reminders due within the next two ticks into the outbox."""
    settings = context.settings
    report = await plan_due_reminders(
        sessions=context.db,
        now=datetime.now(UTC),
        lookahead=timedelta(seconds=2 * settings.reminder_tick_seconds),
        defaults=Defaults(settings.default_language, settings.default_timezone),
    )
    if report.written and context.bot_data.sender is not None:
        context.bot_data.sender.wake()


async def poll_feeds(context: BotContext) -> None:
    """Fetches due feeds and stores new items with their series and kind."""
    await context.news.tick(now=datetime.now(UTC))
