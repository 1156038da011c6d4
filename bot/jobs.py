"""Periodic ticks run by PTB's JobQueue; durable state lives in the database."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

from bot.catalog.chat_ical import refresh_chat_icals
from bot.catalog.ical_feeds import refresh_ical_feeds
from bot.catalog.show_index import sync_show_index
from bot.catalog.sync import sync_followed
from bot.chat_settings import Defaults
from bot.context import BotContext
from bot.http_fetch import FetchLimits
from bot.news.announce import announce_ended_series
from bot.reminders.tick import plan_due_reminders

SHOW_INDEX_TICK_SECONDS = 60
# Each index tick starts pages for at most this long, so it ends before the next one is due.
SHOW_INDEX_TICK_BUDGET = 40.0
SHOW_INDEX_PAGES_PER_TICK = 100


def _utc_now() -> datetime:
    return datetime.now(UTC)


async def sync_catalog(context: BotContext) -> None:
    """Refreshes followed series (air dates, status) from TVmaze and the attached iCal feeds;
    tells followers of series that ended. The TVmaze sync alone may take minutes to hours:
    every later step reads the clock afresh, and what is stored is stamped when it is stored."""
    await sync_followed(sessions=context.db, client=context.tvmaze, now=_utc_now(), clock=_utc_now)
    if context.bot_data.feed_http is not None:
        await refresh_ical_feeds(
            context.db,
            context.bot_data.feed_http,
            FetchLimits(),
            now=_utc_now(),
            timezone=context.settings.default_timezone,
            clock=_utc_now,
        )
        await refresh_chat_icals(
            context.db,
            context.bot_data.feed_http,
            FetchLimits(),
            now=_utc_now(),
            defaults=_defaults(context),
        )
    async with context.db.begin() as session:
        # Quiet hours are judged by the time the alert is written, not the sync's start.
        alerts = await announce_ended_series(session, now=_utc_now(), defaults=_defaults(context))
    if alerts:
        _wake_sender(context)


async def sync_show_index_tick(context: BotContext) -> None:
    """Continues walking TVmaze's index of all shows into the world catalogue (weekly)."""
    deadline = time.monotonic() + SHOW_INDEX_TICK_BUDGET
    application = context.application
    await sync_show_index(
        sessions=context.db,
        client=context.tvmaze,
        now=datetime.now(UTC),
        refresh_every=timedelta(seconds=context.settings.show_index_sync_seconds),
        max_pages=SHOW_INDEX_PAGES_PER_TICK,
        # A stopping bot waits for running jobs: the tick ends after its current page.
        go_on=lambda: application.running and time.monotonic() < deadline,
    )


async def plan_reminders(context: BotContext) -> None:
    """Writes the reminders due within the next two ticks into the outbox."""
    settings = context.settings
    report = await plan_due_reminders(
        sessions=context.db,
        now=datetime.now(UTC),
        lookahead=timedelta(seconds=2 * settings.reminder_tick_seconds),
        defaults=_defaults(context),
    )
    if report.written:
        _wake_sender(context)


def _defaults(context: BotContext) -> Defaults:
    return Defaults(context.settings.default_language, context.settings.default_timezone)


def _wake_sender(context: BotContext) -> None:
    if context.bot_data.sender is not None:
        context.bot_data.sender.wake()


async def poll_feeds(context: BotContext) -> None:
    """Fetches due feeds, stores new items and queues their messages for the followers."""
    result = await context.news.tick(now=datetime.now(UTC))
    context.bot_data.ops.metrics.feed_errors.inc(result.errors)
    if result.new_items or result.failing:
        _wake_sender(context)
