"""Unsent news a chat no longer wants (it unfollowed or muted the series) is withdrawn: the
pure choice of rows, and the queries on SQLite and PostgreSQL."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from bot.catalog.importer import store_show
from bot.catalog.tvmaze_parse import parse_show_data
from bot.delivery.outbox import Push, enqueue_many
from bot.message import BotMessage
from bot.news.fanout import digest_heading_key, news_dedup_key, news_item_of
from bot.news.withdraw import unwanted_news, withdraw_unwanted_news
from storage.catalog_models import Follow
from storage.chats import ensure_chat
from storage.db import create_session_factory
from storage.delivery_models import Delivery
from storage.feeds import add_feed, add_news_items
from storage.migrate import upgrade_database
from storage.news_models import NewsItem
from storage.series import add_follow, remove_follow
from storage.statuses import DeliveryKind
from tests.fake_tvmaze import show

SIX = datetime(2026, 3, 2, 17, 0, tzinfo=UTC)
SEVEN = SIX + timedelta(hours=1)


def held(chat_id: int, key: str, text: str) -> Push:
    """A news row held for the 18:00 digest."""
    return Push(chat_id, DeliveryKind.NEWS, key, BotMessage(text), SIX)


def test_news_keys_name_their_item_and_nothing_else_does():
    assert news_item_of(news_dedup_key(42, 7)) == 42
    assert news_item_of(digest_heading_key(7, SIX)) is None
    assert news_item_of("ended:3:7") is None
    assert news_item_of("news::7") is None
    assert digest_heading_key(7, SIX) == "digest:7:20260302T1700"


def test_items_no_longer_wanted_go_and_so_does_a_heading_left_alone():
    unsent = [
        (1, digest_heading_key(7, SIX), SIX),
        (2, news_dedup_key(10, 7), SIX),
        (3, news_dedup_key(11, 7), SIX),
        (4, digest_heading_key(7, SEVEN), SEVEN),
        (5, news_dedup_key(12, 7), SEVEN),
        (6, "ended:1:7", SEVEN),  # not an item: never withdrawn, keeps no heading
    ]
    assert unwanted_news(unsent, wanted_items={10, 11, 12}) == []
    assert unwanted_news(unsent, wanted_items={11, 12}) == [2]
    assert unwanted_news(unsent, wanted_items={11}) == [2, 4, 5]
    assert unwanted_news(unsent, wanted_items=set()) == [1, 2, 3, 4, 5]


async def test_muting_then_unfollowing_withdraws_only_what_no_other_follow_wants(engine):
    await upgrade_database(engine)
    sessions = create_session_factory(engine)
    async with sessions.begin() as session:
        fan = await ensure_chat(session, telegram_id=7, chat_type="private")
        other = await ensure_chat(session, telegram_id=8, chat_type="private")
        dark = await store_show(session, parse_show_data(show(1, "Dark"), []), now=SIX)
        ballard = await store_show(session, parse_show_data(show(2, "Ballard"), []), now=SIX)
        for chat, series in ((fan, dark), (fan, ballard), (other, dark)):
            await add_follow(session, chat_id=chat.id, series_id=series.id)
        feed = await add_feed(session, url="https://example.org/a.xml", now=SIX)
        assert feed is not None
        about = {"Dark": {dark.id}, "both": {dark.id, ballard.id}, "Ballard": {ballard.id}}
        items = {t: NewsItem(feed_id=feed.id, item_key=t, title=t, kind="other", story_key=t)
                 for t in about}  # fmt: skip
        await add_news_items(session, items=[(items[t], frozenset(about[t])) for t in about])
        pushes = [held(fan.id, digest_heading_key(fan.id, SIX), "h")]
        pushes += [held(fan.id, news_dedup_key(item.id, fan.id), t) for t, item in items.items()]
        pushes.append(held(other.id, news_dedup_key(items["Dark"].id, other.id), "Dark"))
        await enqueue_many(session, pushes)
        ids = (fan.id, other.id, dark.id, ballard.id)

    async def left() -> list[tuple[int, str]]:
        async with sessions() as session:
            rows = await session.execute(
                select(Delivery.chat_id, Delivery.payload).order_by(Delivery.id)
            )
            return [(chat_id, payload["html"]) for chat_id, payload in rows]

    fan_id, other_id, dark_id, ballard_id = ids
    async with sessions.begin() as session:
        follow = await session.get(Follow, (fan_id, dark_id))
        assert follow is not None
        follow.muted = True
        await withdraw_unwanted_news(session, chat_id=fan_id)
    assert await left() == [
        (fan_id, "h"), (fan_id, "both"), (fan_id, "Ballard"), (other_id, "Dark")
    ]  # fmt: skip
    async with sessions.begin() as session:
        await remove_follow(session, chat_id=fan_id, series_id=ballard_id)
        await withdraw_unwanted_news(session, chat_id=fan_id)
    assert await left() == [(other_id, "Dark")]
