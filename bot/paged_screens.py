"""The paged screens of /list, /unfollow, /news, /next and /feeds: load one page, render it.

Page numbers come back from buttons and may be stale or forged: a page the list does not
have raises `PageOutOfRange`, which the handler answers with an alert.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.catalog.schedule import NEXT_DAYS, chat_airings, next_airing_per_series
from bot.catalog.views import (
    LIST_PAGE_SIZE,
    NEXT_PAGE_SIZE,
    list_screen,
    next_screen,
    unfollow_screen,
)
from bot.chat_settings import ChatSettings
from bot.message import BotMessage
from bot.news.views import FEEDS_PAGE_SIZE, feeds_screen, news_list_screen, news_view
from bot.paging import Page, PageOutOfRange, page_count, page_of
from storage.feeds import count_news_for_chat, latest_news_for_chat, list_feeds
from storage.series import followed_series

NEWS_PAGE_SIZE = 5


async def list_page(
    session: AsyncSession, *, chat_id: int, settings: ChatSettings, page: int, now: datetime
) -> BotMessage:
    """A page of /list: the series with status and next episode, each a button to its card."""
    shown = page_of(await followed_series(session, chat_id=chat_id), page, LIST_PAGE_SIZE)
    upcoming = await next_airing_per_series(
        session, series=list(shown.items), now=now, timezone=settings.timezone
    )
    return list_screen(settings.language, settings.timezone, shown, upcoming)


async def unfollow_page(
    session: AsyncSession, *, chat_id: int, settings: ChatSettings, page: int
) -> BotMessage:
    """A page of /unfollow: one button per series."""
    shown = page_of(await followed_series(session, chat_id=chat_id), page, LIST_PAGE_SIZE)
    return unfollow_screen(settings.language, shown)


async def next_page(
    session: AsyncSession, *, chat_id: int, settings: ChatSettings, page: int, now: datetime
) -> BotMessage:
    """A page of /next: the episodes of the chat's series in the next 14 days, soonest first."""
    airings = await chat_airings(
        session, chat_id=chat_id, now=now, days=NEXT_DAYS, timezone=settings.timezone
    )
    shown = page_of(airings, page, NEXT_PAGE_SIZE)
    return next_screen(settings.language, settings.timezone, shown, NEXT_DAYS)


async def news_page(
    session: AsyncSession, *, chat_id: int, settings: ChatSettings, page: int
) -> BotMessage:
    """A page of /news, newest first; only that page's items are loaded."""
    count = page_count(await count_news_for_chat(session, chat_id=chat_id), NEWS_PAGE_SIZE)
    if not 0 <= page < count:
        raise PageOutOfRange(page)
    rows = await latest_news_for_chat(
        session, chat_id=chat_id, limit=NEWS_PAGE_SIZE, offset=page * NEWS_PAGE_SIZE
    )
    views = tuple(news_view(item, feed, series) for item, feed, series in rows)
    return news_list_screen(
        Page(views, page, count), language=settings.language, timezone=settings.timezone
    )


async def feeds_page(session: AsyncSession, *, settings: ChatSettings, page: int) -> BotMessage:
    """A page of /feeds (bot administrators only; the caller checks): every feed's health."""
    shown = page_of(await list_feeds(session), page, FEEDS_PAGE_SIZE)
    return feeds_screen(shown, language=settings.language, timezone=settings.timezone)
