"""Turn stored news into outbox rows.

News fans out after the items are stored, in chunks: the followers are loaded and the
messages rendered in a read-only session, then the rows are written FANOUT_CHUNK_ROWS at a
time, each chunk its own short transaction, so SQLite's single write lock is never held for
long and handlers' writes get in between. Crash safety: an item is stored with announced_at
NULL and marked only after its last chunk is written; the poller resumes every unmarked
item at its next tick, and each row's dedup key ("news:<item>:<chat>") makes rewriting the
chunks that did land a no-op. So an item is never left without its messages, and no chat
gets one twice. Ended series and failing feeds (few rows) are written in the caller's
transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from functools import lru_cache

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot import render
from bot.callback_data import Action, encode
from bot.chat_settings import Defaults
from bot.delivery.outbox import Push, enqueue_many
from bot.delivery_time import Delivery, news_delivery
from bot.followers import load_followers
from bot.i18n import language_for
from bot.masked_url import masked_url
from bot.message import BotMessage, Button
from bot.news.fanout import PlannedNews, digest_heading_key, plan_news_fanout
from bot.news.kinds import NewsKind
from bot.news.poll import FailingFeed, NewNews
from bot.news.views import news_view, render_news
from bot.reminders.plan import zone_named
from storage.chats import admin_chats
from storage.feeds import get_feed, get_items, mark_announced
from storage.series import ended_since, series_titles
from storage.statuses import DeliveryKind

ENDED_ALERT_WINDOW = timedelta(days=7)
# Outbox rows per write transaction: a few tens of milliseconds of SQLite's write lock.
FANOUT_CHUNK_ROWS = 1000


@lru_cache(maxsize=1 << 12)
def _delivery(
    now: datetime,
    timezone: str,
    quiet: tuple[int, int] | None,
    hold: bool = False,
    digest_hour: int | None = None,
) -> Delivery:
    """When news arriving `now` reaches a chat with these settings (shared by many chats)."""
    return news_delivery(now, zone_named(timezone), quiet, hold=hold, digest_hour=digest_hour)


def _digest_header(plan: PlannedNews, delivery: Delivery) -> Push:
    """The heading of a chat's digest: queued with its first item, at the same moment and
    before it (the sender sends due rows oldest first and folds plain texts into one)."""
    return Push(
        chat_id=plan.chat_id,
        kind=DeliveryKind.NEWS,
        dedup_key=digest_heading_key(plan.chat_id, delivery.not_before),
        message=BotMessage(
            render.html(plan.language, "news.digest.header"),
            silent=delivery.silent,
            thread_id=plan.topic_id,
        ),
        not_before=delivery.not_before,
    )


async def plan_news_pushes(
    session: AsyncSession,
    items: Sequence[NewNews],
    *,
    now: datetime,
    defaults: Defaults,
    chat_id: int | None = None,
) -> list[Push]:
    """One rendered push per (item, chat) that wants it (of `chat_id` only, if given);
    reads only."""
    followers = await load_followers(
        session,
        series_ids={s for item in items for s in item.series_ids},
        defaults=defaults,
        reports_of={item.item_id for item in items},
        chat_id=chat_id,
    )
    planned = plan_news_fanout(items, followers)
    if not planned:
        return []
    stored = await get_items(session, ids={p.item_id for p in planned})
    titles = await series_titles(session, ids={s for p in planned for s in p.series_ids})
    pushes = []
    headed: set[int] = set()  # digest chats whose heading is queued
    for plan in planned:
        item = stored[plan.item_id]
        feed = await get_feed(session, feed_id=item.feed_id)
        view = news_view(item, feed, (titles[s] for s in plan.series_ids))
        screen = render_news(view, language=plan.language, timezone=plan.timezone)
        delivery = _delivery(
            now, plan.timezone, plan.quiet_hours, plan.quiet_hold, plan.digest_hour
        )
        if plan.digest_hour is not None:
            # In a digest an item is its text (headline, series, source, link) without
            # buttons: plain texts are what the sender folds into one message.
            screen = replace(screen, keyboard=())
            if plan.chat_id not in headed:
                headed.add(plan.chat_id)
                pushes.append(_digest_header(plan, delivery))
        pushes.append(
            Push(
                chat_id=plan.chat_id,
                kind=DeliveryKind.NEWS,
                dedup_key=plan.dedup_key,
                message=replace(screen, thread_id=plan.topic_id, silent=delivery.silent),
                not_before=delivery.not_before,
            )
        )
    return pushes


async def fan_out_news(
    sessions: async_sessionmaker[AsyncSession],
    items: Sequence[NewNews],
    *,
    now: datetime,
    defaults: Defaults,
) -> int:
    """Write the items' outbox rows in chunks, then mark them announced (see the module
    docstring); returns how many rows were new."""
    async with sessions() as session:
        pushes = await plan_news_pushes(session, items, now=now, defaults=defaults)
    new = 0
    for start in range(0, len(pushes), FANOUT_CHUNK_ROWS):
        async with sessions.begin() as session:
            new += await enqueue_many(session, pushes[start : start + FANOUT_CHUNK_ROWS])
    async with sessions.begin() as session:
        await mark_announced(session, ids=[item.item_id for item in items], at=now)
    return new


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
            delivery = _delivery(now, follower.timezone, follower.quiet_hours, follower.quiet_hold)
            pushes.append(
                Push(
                    chat_id=follower.chat_id,
                    kind=DeliveryKind.NEWS,
                    dedup_key=f"ended:{change.id}:{follower.chat_id}",
                    message=replace(
                        screen,
                        thread_id=follower.topic_id,
                        silent=delivery.silent,
                    ),
                    not_before=delivery.not_before,
                )
            )
    return await enqueue_many(session, pushes)


async def warn_admins(
    session: AsyncSession, failing: FailingFeed, *, admin_ids: Sequence[int], defaults: Defaults
) -> int:
    """Tell every bot admin who has a chat with the bot that a feed keeps failing (once per
    failing streak: the key names the streak by the last success before it)."""
    streak = failing.since.strftime("%Y%m%dT%H%M%S") if failing.since else "never"
    pushes = []
    for chat in await admin_chats(session, telegram_ids=admin_ids):
        language = language_for(chat.language, chat.telegram_language, defaults.language)
        text = render.html(
            language,
            "feeds.failing_notice",
            url=masked_url(failing.url),
            errors=failing.error_count,
            error=failing.last_error,
        )
        pushes.append(
            Push(
                chat_id=chat.id,
                kind=DeliveryKind.ALERT,
                dedup_key=f"feed-failing:{failing.feed_id}:{streak}:{chat.id}",
                message=BotMessage(text),
            )
        )
    return await enqueue_many(session, pushes)


class NewsAnnouncer:
    """The poller's callbacks, bound to the configured defaults, admins and database."""

    def __init__(
        self,
        defaults: Defaults,
        admin_ids: Sequence[int],
        sessions: async_sessionmaker[AsyncSession],
    ) -> None:
        self._defaults = defaults
        self._admin_ids = admin_ids
        self._sessions = sessions

    async def news(self, items: Sequence[NewNews], now: datetime) -> int:
        return await fan_out_news(self._sessions, items, now=now, defaults=self._defaults)

    async def failing(self, session: AsyncSession, failing: FailingFeed) -> int:
        return await warn_admins(
            session, failing, admin_ids=self._admin_ids, defaults=self._defaults
        )
