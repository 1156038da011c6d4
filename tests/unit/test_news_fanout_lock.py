"""A big news fan-out on SQLite leaves room for the handlers' writes (no "database is locked").

20,000 chats follow a series; one news item about it fans out while a handler-style writer
(its own engine, the production busy timeout) updates a chat again and again. Every one of
those writes must succeed, and every follower still gets exactly one outbox row.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, insert, select, update
from sqlalchemy.exc import OperationalError

from bot.catalog.normalize import normalize_title
from bot.chat_settings import Defaults
from bot.http_fetch import FetchLimits, make_feed_client
from bot.news.announce import NewsAnnouncer
from bot.news.poll import NewsPoller
from storage.catalog_models import Follow, Series, SeriesAlias
from storage.db import create_engine, create_session_factory
from storage.delivery_models import Delivery
from storage.feeds import add_feed
from storage.migrate import upgrade_database
from storage.models import ALL_NEWS_KINDS, Chat
from storage.news_models import NewsItem
from tests.fake_feeds import FeedServer, Route, rss

FOLLOWERS = 20_000
LIMITS = FetchLimits(connect_seconds=1, read_seconds=1, total_seconds=5)
T0 = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


async def _seed(sessions) -> None:
    async with sessions.begin() as session:
        series = Series(tvmaze_id=1, title="Dark", status="Running", premiered=2017)
        session.add(series)
        await session.flush()
        session.add(
            SeriesAlias(series_id=series.id, name="Dark", normalized=normalize_title("Dark"))
        )
        await session.execute(
            insert(Chat),
            [{"telegram_id": 1000 + n, "type": "private", "status": "active",
              "news_kinds": list(ALL_NEWS_KINDS)} for n in range(FOLLOWERS)],
        )  # fmt: skip
        chat_ids = list(await session.scalars(select(Chat.id)))
        await session.execute(
            insert(Follow), [{"chat_id": chat_id, "series_id": series.id} for chat_id in chat_ids]
        )


async def test_handler_writes_succeed_during_a_big_fan_out(tmp_path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path}/big.sqlite3"
    engine, handler_engine = create_engine(url), create_engine(url)
    await upgrade_database(engine)
    sessions, handler_sessions = (
        create_session_factory(engine),
        create_session_factory(handler_engine),
    )
    await _seed(sessions)
    async with FeedServer() as server, make_feed_client(LIMITS, allow_private=True) as client:
        server.routes["/a"] = Route(rss([{"guid": "0", "title": "Weather"}]))
        async with sessions.begin() as session:
            await add_feed(session, url=server.url("/a"), now=T0)
        poller = NewsPoller(
            sessions=sessions, client=client, limits=LIMITS, poll_seconds=600,
            announce=NewsAnnouncer(Defaults("de", "Europe/Berlin"), [], sessions).news,
        )  # fmt: skip
        await poller.tick(now=T0)  # the first poll is silent
        server.routes["/a"] = Route(rss([{"guid": "1", "title": "„Dark“ bekommt Staffel 4"}]))
        fan_out = asyncio.create_task(poller.tick(now=T0 + timedelta(seconds=600)))
        seen, locked = [], []  # outbox rows visible to each successful handler write
        while not fan_out.done():
            try:
                async with handler_sessions.begin() as session:  # like /language in a handler
                    await session.execute(update(Chat).where(Chat.id == 1).values(language="en"))
                    seen.append(await session.scalar(select(func.count()).select_from(Delivery)))
            except OperationalError as error:
                locked.append(str(error))
            await asyncio.sleep(0.02)
        result = await fan_out
    assert locked == []
    assert len(result.new_items) == 1
    # Handler writes got in while the fan-out was half written: it commits in chunks, not
    # in one transaction holding the write lock for all 20,000 rows.
    assert any(0 < count < FOLLOWERS for count in seen), seen
    async with sessions() as session:
        assert await session.scalar(select(func.count()).select_from(Delivery)) == FOLLOWERS
        assert (
            await session.scalar(
                select(func.count()).select_from(NewsItem).where(NewsItem.announced_at.is_(None))
            )
            == 0
        )
    await engine.dispose()
    await handler_engine.dispose()
