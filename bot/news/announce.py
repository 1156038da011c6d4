"""Turn stored news into outbox rows, in the transaction that stored it.

Called by the poller for each feed's new items (so an item is never stored without its
messages), by the catalogue sync for series that ended, and for feeds that keep failing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot import render
from bot.callback_data import Action, encode
from bot.chat_settings import Defaults, in_quiet_hours
from bot.delivery.outbox import Push, enqueue_many
from bot.followers import load_followers
from bot.message import BotMessage, Button
from bot.news.fanout import plan_news_fanout
from bot.news.kinds import NewsKind
from bot.news.poll import FailingFeed, NewNews
from bot.news.views import news_view, render_news
from storage.chats import admin_chats
from storage.feeds import get_feed, get_items
from storage.series import ended_since, series_titles
from storage.statuses import DeliveryKind

ENDED_ALERT_WINDOW = timedelta(days=7)


def _silent(quiet: tuple[int, int] | None, timezone: str, now: datetime) -> bool:
    return in_quiet_hours(now, ZoneInfo(timezone), quiet)


async def announce_news(
    session: AsyncSession, items: Sequence[NewNews], *, now: datetime, defaults: Defaults
) -> int:
    """One outbox row per (item, chat) that wants it; returns how many were new."""
    followers = await load_followers(
        session,
        series_ids={s for item in items for s in item.series_ids},
        defaults=defaults,
        reports_of={item.item_id for item in items},
    )
    planned = plan_news_fanout(items, followers)
    if not planned:
        return 0
    stored = await get_items(session, ids={p.item_id for p in planned})
    titles = await series_titles(session, ids={s for p in planned for s in p.series_ids})
    pushes = []
    for plan in planned:
        item = stored[plan.item_id]
        feed = await get_feed(session, feed_id=item.feed_id)
        view = news_view(item, feed, (titles[s] for s in plan.series_ids))
        screen = render_news(view, language=plan.language, timezone=plan.timezone)
        pushes.append(
            Push(
                chat_id=plan.chat_id,
                kind=DeliveryKind.NEWS,
                dedup_key=plan.dedup_key,
                message=replace(
                    screen,
                    thread_id=plan.topic_id,
                    silent=_silent(plan.quiet_hours, plan.timezone, now),
                ),
            )
        )
    return await enqueue_many(session, pushes)


async def announce_ended_series(session: AsyncSession, *, now: datetime, defaults: Defaults) -> int:
    """Followers (since before the change) of series that TVmaze now lists as Ended hear of
    it once, if they want cancellation news, even when no feed wrote about it."""
    pushes = []
    for change, series in await ended_since(session, since=now - ENDED_ALERT_WINDOW):
        followers = await load_followers(
            session, series_ids={series.id}, defaults=defaults, followed_before=change.changed_at
        )
        for follower in followers:
            if NewsKind.CANCELLATION not in follower.news_kinds:
                continue
            language = follower.language
            unfollow = Button(
                render.label(language, "news.button.unfollow"),
                encode(Action.NEWS_UNFOLLOW, str(series.tvmaze_id)),
            )
            card = Button(
                render.label(language, "news.button.card"),
                encode(Action.CARD_POST, str(series.tvmaze_id)),
            )
            screen = BotMessage(
                render.html(language, "news.ended", series=series.title), ((card, unfollow),)
            )
            pushes.append(
                Push(
                    chat_id=follower.chat_id,
                    kind=DeliveryKind.NEWS,
                    dedup_key=f"ended:{change.id}:{follower.chat_id}",
                    message=replace(
                        screen,
                        thread_id=follower.topic_id,
                        silent=_silent(follower.quiet_hours, follower.timezone, now),
                    ),
                )
            )
    return await enqueue_many(session, pushes)


async def warn_admins(
    session: AsyncSession, failing: FailingFeed, *, admin_ids: Sequence[int], defaults: Defaults
) -> int:
    """Tell every bot admin who has a chat with the bot that a feed keeps failing."""
    pushes = []
    for chat in await admin_chats(session, telegram_ids=admin_ids):
        language = chat.language or defaults.language
        text = render.html(
            language,
            "feeds.failing_notice",
            url=failing.url,
            errors=failing.error_count,
            error=failing.last_error,
        )
        pushes.append(
            Push(
                chat_id=chat.id,
                kind=DeliveryKind.ALERT,
                dedup_key=f"feed-failing:{failing.feed_id}:{failing.error_count}:{chat.id}",
                message=BotMessage(text),
            )
        )
    return await enqueue_many(session, pushes)


class NewsAnnouncer:
    """The poller's callbacks, bound to the configured defaults and admins."""

    def __init__(self, defaults: Defaults, admin_ids: Sequence[int]) -> None:
        self._defaults = defaults
        self._admin_ids = admin_ids

    async def news(self, session: AsyncSession, items: Sequence[NewNews], now: datetime) -> int:
        return await announce_news(session, items, now=now, defaults=self._defaults)

    async def failing(self, session: AsyncSession, failing: FailingFeed) -> int:
        return await warn_admins(
            session, failing, admin_ids=self._admin_ids, defaults=self._defaults
        )
