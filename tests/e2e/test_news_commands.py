"""Admins manage feeds with /addfeed, /feeds, /removefeed; every fan reads /news."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.http_fetch import FetchLimits, make_feed_client
from bot.news.poll import NewsPoller
from storage.db import create_engine, create_session_factory
from tests.e2e import catalogue
from tests.e2e.conftest import BotRunner
from tests.e2e.helpers import press
from tests.fake_feeds import FeedServer, Route, rss
from tests.fake_telegram import FakeTelegram
from tests.fake_tvmaze import FakeTvmaze

ADMIN, FAN = 77, 40


async def ask(fake: FakeTelegram, chat_id: int, text: str) -> dict:
    count = len(fake.messages(chat_id))
    fake.send_text(chat_id, chat_id, text)
    return (await fake.wait_for_messages(chat_id, count=count + 1))[-1]


async def test_only_admins_manage_feeds(bot: BotRunner, fake: FakeTelegram, feeds: FeedServer):
    await bot.stop()
    await bot.start(admin_ids=str(ADMIN))
    feeds.routes["/feed.xml"] = Route(rss([{"guid": "1", "title": "Hallo"}], title="Serien & News"))
    feeds.routes["/page"] = Route(b"<html><body>Shop</body></html>", content_type="text/html")
    fake.add_user(FAN, "Fan", language_code="en")
    fake.add_user(ADMIN, "Admin", language_code="en")

    for command in ("/addfeed " + feeds.url("/feed.xml"), "/feeds", "/removefeed 1"):
        reply = await ask(fake, FAN, command)
        assert "the bot's administrators only" in reply["visible"]
    assert feeds.hits["/feed.xml"] == 0

    assert "Send the feed's address" in (await ask(fake, ADMIN, "/addfeed"))["visible"]
    assert "not an http(s) address" in (await ask(fake, ADMIN, "/addfeed ftp://x"))["visible"]
    refused = await ask(fake, ADMIN, "/addfeed " + feeds.url("/page"))
    assert "I did not add" in refused["visible"] and "not a feed" in refused["visible"]
    missing = await ask(fake, ADMIN, "/addfeed " + feeds.url("/gone.xml"))
    assert "HTTP 404" in missing["visible"]
    added = await ask(fake, ADMIN, "/addfeed " + feeds.url("/feed.xml"))
    assert "Added feed #1 Serien & News with 1 item." in added["visible"]
    again = await ask(fake, ADMIN, "/addfeed " + feeds.url("/feed.xml"))
    assert "already in the list (#1)" in again["visible"]

    listing = await ask(fake, ADMIN, "/feeds")
    assert "#1 Serien & News ✅" in listing["visible"]
    assert "last fetch: never · items: 0 · errors in a row: 0" in listing["visible"]

    assert "There is no such feed" in (await ask(fake, ADMIN, "/removefeed 99"))["visible"]
    removed = await ask(fake, ADMIN, "/removefeed " + feeds.url("/feed.xml"))
    assert "Removed feed #1" in removed["visible"]
    assert "No feeds yet" in (await ask(fake, ADMIN, "/feeds"))["visible"]


async def test_news_shows_latest_items_about_the_chats_series(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, feeds: FeedServer
):
    catalogue.fill(tvmaze)
    feeds.routes["/feed.xml"] = Route(
        rss(
            [
                {
                    "guid": "b1",
                    "title": "„Bosch: Legacy“-Ableger endlich verlängert",
                    "description": "Prime Video hat „Ballard“ um eine zweite Staffel verlängert.",
                    "link": "https://news.test/ballard",
                    "pubDate": datetime(2025, 3, 1, 10, 0, tzinfo=UTC),
                },
                {"guid": "x1", "title": "„Dark Winds“ startet im Juni", "link": "https://n.test/x"},
            ],
            title="Serien-News",
        )
    )
    await bot.stop()
    await bot.start(feed_urls=feeds.url("/feed.xml"))
    fake.add_user(FAN, "Fan", language_code="de")
    assert "Noch keine Neuigkeiten" in (await ask(fake, FAN, "/news"))["visible"]
    offer = await ask(fake, FAN, "/follow Ballard")
    await press(fake, FAN, offer, "Ballard", FAN)

    engine = create_engine(bot.database_url)
    try:
        async with make_feed_client(FetchLimits()) as client:
            poller = NewsPoller(
                sessions=create_session_factory(engine),
                client=client,
                limits=FetchLimits(),
                poll_seconds=600,
            )
            result = await poller.tick(now=datetime.now(UTC))
    finally:
        await engine.dispose()
    assert result.polled == 1 and result.stored == 2 and result.new_items == ()  # first poll

    reply = await ask(fake, FAN, "/news")
    text = reply["visible"]
    assert "Neueste Meldungen zu deinen Serien" in text
    assert "🔁 Verlängert „Bosch: Legacy“-Ableger endlich verlängert" in text
    assert "Zu: Ballard · Quelle: Serien-News, Sa., 1. März 2025, 11:00" in text
    assert "Dark Winds" not in text
    assert 'href="https://news.test/ballard"' in reply["text"]
