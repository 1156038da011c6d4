"""Periodic ticks run by PTB's JobQueue; durable state lives in the database."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.catalog.sync import sync_followed
from bot.context import BotContext


async def sync_catalog(context: BotContext) -> None:
    """Refreshes followed series (air dates, status) from TVmaze."""
    await sync_followed(sessions=context.db, client=context.tvmaze, now=datetime.now(UTC))


async def poll_feeds(context: BotContext) -> None:
    """Fetches due feeds and stores new items with their series and kind."""
    await context.news.tick(now=datetime.now(UTC))
