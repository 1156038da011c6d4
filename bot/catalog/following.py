"""Follow and unfollow series; importing a series on first follow."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.catalog.importer import store_show
from bot.catalog.schedule import Airing, next_airing_per_series
from bot.catalog.tvmaze import TvmazeClient
from bot.chat_settings import Defaults, effective_settings
from bot.reminders.tick import replan_chat, withdraw_chat_reminders
from storage.catalog_models import Series
from storage.chats import get_chat
from storage.series import add_follow, get_series, remove_follow


@dataclass(frozen=True)
class FollowOutcome:
    series: Series | None  # None: unknown here and TVmaze unreachable or unaware of it
    newly_followed: bool = False
    tv_unavailable: bool = False
    next_airing: Airing | None = None


async def follow_series(
    *,
    sessions: async_sessionmaker[AsyncSession],
    client: TvmazeClient,
    chat_telegram_id: int,
    tvmaze_id: int,
    now: datetime,
    defaults: Defaults,
) -> FollowOutcome:
    """Follow by TVmaze id; a series we do not have yet is imported first (two calls). A new
    follow's reminders are planned at once, up to where the reminder tick has planned."""
    async with sessions() as session:
        known = await get_series(session, tvmaze_id=tvmaze_id)
    if known is None:
        fetched = await client.show(tvmaze_id, with_akas=True)
        if fetched.value is None:
            return FollowOutcome(None, tv_unavailable=fetched.error != "not found")
        async with sessions.begin() as session:
            await store_show(session, fetched.value, now=now)
    async with sessions.begin() as session:
        series = await get_series(session, tvmaze_id=tvmaze_id)
        chat = await get_chat(session, telegram_id=chat_telegram_id)
        if series is None or chat is None:
            return FollowOutcome(None)
        added = await add_follow(session, chat_id=chat.id, series_id=series.id)
        timezone = effective_settings(
            chat, default_language=defaults.language, default_timezone=defaults.timezone
        ).timezone
        if added:
            await replan_chat(
                session, chat_id=chat.id, timezone=timezone, defaults=defaults, now=now,
                series_ids={series.id},
            )  # fmt: skip
        airings = await next_airing_per_series(session, series=[series], now=now, timezone=timezone)
    return FollowOutcome(series, newly_followed=added, next_airing=airings.get(series.id))


async def unfollow_series(
    session: AsyncSession, *, chat_telegram_id: int, tvmaze_id: int
) -> Series | None:
    """Unfollow (its unsent reminders are dropped); the series if the chat followed it, else
    None."""
    series = await get_series(session, tvmaze_id=tvmaze_id)
    chat = await get_chat(session, telegram_id=chat_telegram_id)
    if series is None or chat is None:
        return None
    # before the follow goes: its iCal airings go with it
    await withdraw_chat_reminders(session, chat_id=chat.id, series_ids={series.id})
    removed = await remove_follow(session, chat_id=chat.id, series_id=series.id)
    return series if removed else None
