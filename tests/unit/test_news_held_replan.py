"""Held news planned anew (`replan_held_news`): news a chat's digest is about to send stays as
it is, and an item about a muted and an unmuted series goes once."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update

from bot.catalog.importer import store_show
from bot.catalog.tvmaze_parse import parse_show_data
from bot.chat_settings import Defaults
from bot.delivery.outbox import Push, enqueue_many
from bot.message import BotMessage
from bot.news.fanout import digest_heading_key, news_dedup_key
from bot.news.held import replan_held_news
from storage.catalog_models import Follow
from storage.chats import ensure_chat
from storage.db import create_session_factory
from storage.delivery_models import Delivery
from storage.feeds import add_feed, add_news_items
from storage.migrate import upgrade_database
from storage.news_models import NewsItem
from storage.series import add_follow
from storage.statuses import DeliveryKind, DeliveryStatus
from tests.fake_tvmaze import show

DIGEST = datetime(2026, 3, 2, 18, 0, tzinfo=UTC)  # the chat's 18:00 digest (zone UTC)
DEFAULTS = Defaults(language="de", timezone="UTC")


async def _digest_fan(engine, *, about: dict[str, set[str]]):
    """A fan with an 18:00 digest following Dark and Ballard, and one item per entry of
    `about` (its title → the series it is about) held for today's digest."""
    await upgrade_database(engine)
    sessions = create_session_factory(engine)
    async with sessions.begin() as session:
        fan = await ensure_chat(session, telegram_id=7, chat_type="private")
        fan.timezone, fan.digest_hour = "UTC", 18
        series = {
            "Dark": await store_show(session, parse_show_data(show(1, "Dark"), []), now=DIGEST),
            "Ballard": await store_show(
                session, parse_show_data(show(2, "Ballard"), []), now=DIGEST
            ),
        }
        for one in series.values():
            await add_follow(session, chat_id=fan.id, series_id=one.id)
        feed = await add_feed(session, url="https://example.org/a.xml", now=DIGEST)
        assert feed is not None
        items = {
            t: NewsItem(feed_id=feed.id, item_key=t, title=t, kind="other", story_key=t)
            for t in about
        }
        await add_news_items(
            session,
            items=[(items[t], frozenset(series[s].id for s in about[t])) for t in about],
        )
        pushes = [Push(fan.id, DeliveryKind.NEWS, digest_heading_key(fan.id, DIGEST),
                       BotMessage("heading"), DIGEST)]  # fmt: skip
        pushes += [
            Push(fan.id, DeliveryKind.NEWS, news_dedup_key(i.id, fan.id), BotMessage(t), DIGEST)
            for t, i in items.items()
        ]
        await enqueue_many(session, pushes)
        ids = (fan.id, {name: one.id for name, one in series.items()})
    return sessions, ids


async def _unsent(sessions) -> list[tuple[str, datetime, str]]:
    async with sessions() as session:
        rows = await session.execute(
            select(Delivery.dedup_key, Delivery.not_before, Delivery.payload)
            .where(Delivery.sent_at.is_(None))
            .order_by(Delivery.id)
        )
        return [(key, nb.replace(tzinfo=UTC), payload["html"]) for key, nb, payload in rows]


async def test_a_digest_due_but_not_yet_sent_is_not_put_off_by_a_day(engine):
    """18:00:30: the digest's rows are due and still pending (the sender has not reached this
    chat yet). The fan changes anything (a series' lead time, /newstopic in the same topic):
    the re-planning must not move today's digest to tomorrow."""
    sessions, (fan_id, _) = await _digest_fan(engine, about={"Dark news": {"Dark"}})
    now = DIGEST + timedelta(seconds=30)
    async with sessions.begin() as session:
        await replan_held_news(session, chat_id=fan_id, defaults=DEFAULTS, now=now)
    rows = await _unsent(sessions)
    assert rows, "the digest was lost"
    assert [not_before for _, not_before, _ in rows] == [DIGEST, DIGEST]


async def test_a_digest_on_the_wire_leaves_no_lone_heading_for_tomorrow(engine):
    """18:00:01 the sender leased the digest (heading and item: 'sending'); a second later a
    settings press re-plans the chat's held news. Nothing new is queued: the item is on the
    wire, and a heading for tomorrow's 18:00 would go out with no item under it."""
    sessions, (fan_id, _) = await _digest_fan(engine, about={"Dark news": {"Dark"}})
    async with sessions.begin() as session:
        await session.execute(
            update(Delivery).values(
                status=DeliveryStatus.SENDING, lease_until=DIGEST + timedelta(minutes=1)
            )
        )
    async with sessions.begin() as session:
        await replan_held_news(
            session, chat_id=fan_id, defaults=DEFAULTS, now=DIGEST + timedelta(seconds=2)
        )
    async with sessions() as session:
        pending = (
            await session.execute(
                select(Delivery.dedup_key).where(Delivery.status == DeliveryStatus.PENDING)
            )
        ).all()
    assert pending == []


async def test_an_item_about_a_muted_and_an_unmuted_series_stays_once(engine):
    """An hour before the digest Dark is muted: the item goes once, naming only Ballard."""
    sessions, (fan_id, series) = await _digest_fan(
        engine, about={"Both": {"Dark", "Ballard"}, "Dark only": {"Dark"}}
    )
    async with sessions.begin() as session:
        follow = await session.get(Follow, (fan_id, series["Dark"]))
        assert follow is not None
        follow.muted = True
        await replan_held_news(
            session, chat_id=fan_id, defaults=DEFAULTS, now=DIGEST - timedelta(hours=1)
        )
    rows = await _unsent(sessions)
    assert [key.partition(":")[0] for key, _, _ in rows] == ["digest", "news"]
    assert "Ballard" in rows[1][2] and "Dark" not in rows[1][2].replace("Both", "")
    assert {nb for _, nb, _ in rows} == {DIGEST}
