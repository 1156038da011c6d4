"""A feed publishes news: exactly the followers who want it get one valid message each."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from sqlalchemy import update

from bot.callback_data import Action, encode
from storage.db import create_engine
from storage.news_models import Feed
from tests.e2e import catalogue
from tests.e2e.catalogue import BALLARD, DARK, MONEY_HEIST
from tests.e2e.conftest import BotRunner
from tests.e2e.helpers import buttons
from tests.fake_feeds import FeedServer, Route, rss
from tests.fake_telegram import FakeTelegram
from tests.fake_tvmaze import FakeTvmaze

BALLARD_FAN, HEIST_FAN, DARK_FAN, GROUP, ADMIN = 81, 82, 83, -1009000, 84
SPINOFF = "„Bosch: Legacy“-Spin-off mit Maggie Q endlich verlängert"
SPINOFF_TEXT = "Amazon hat „Ballard“ um eine zweite Staffel verlängert."


def item(guid: str, title: str, text: str = "", minutes_ago: int = 5) -> dict[str, object]:
    published = datetime.now(UTC) - timedelta(minutes=minutes_ago)
    return {
        "guid": guid,
        "title": title,
        "link": f"https://news.example/{guid}",
        "description": text,
        "pubDate": published,
    }


async def make_feeds_due(bot: BotRunner) -> None:
    engine = create_engine(bot.database_url)
    async with engine.begin() as connection:
        await connection.execute(update(Feed).values(next_poll_at=datetime.now(UTC)))
    await engine.dispose()


async def poll(bot: BotRunner) -> None:
    await make_feeds_due(bot)
    await bot.run_job("feed-poll")


async def setting_up(bot, fake, tvmaze, feeds) -> None:
    catalogue.fill(tvmaze)
    feeds.routes["/a.xml"] = Route(
        rss([item("a-old", "„Dark“: Staffel 4?")], title="Serienjunkies")
    )
    feeds.routes["/b.xml"] = Route(rss([], title="Quotenmeter"))
    await bot.stop()
    await bot.start(feed_urls=f"{feeds.url('/a.xml')},{feeds.url('/b.xml')}", admin_ids=str(ADMIN))
    for user, tvmaze_id in ((BALLARD_FAN, BALLARD), (HEIST_FAN, MONEY_HEIST), (DARK_FAN, DARK)):
        fake.add_user(user, f"Fan {user}", language_code="de")
        fake.send_text(user, user, f"/start follow_{tvmaze_id}")
        await fake.wait_for_messages(user, count=2)
    fake.add_group(GROUP, "Serienabend", type="supergroup", admins=[ADMIN])
    fake.add_user(ADMIN, "Admin", language_code="en")
    fake.send_text(GROUP, ADMIN, f"/follow {'Ballard'}")
    [offer] = await fake.wait_for_messages(GROUP)
    query = fake.press_button(
        GROUP, offer["message_id"], encode(Action.FOLLOW, str(BALLARD)), ADMIN
    )
    await fake.wait_for_callback_answer(query)
    await fake.wait_for_edit(GROUP, offer["message_id"])
    await poll(bot)  # the first poll only records what the feeds already had


async def settle(fake: FakeTelegram) -> None:
    """Give the sender time to deliver whatever is due."""
    await asyncio.sleep(1.5)


async def test_spinoff_renewal_reaches_exactly_its_followers_once(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, feeds: FeedServer
):
    await setting_up(bot, fake, tvmaze, feeds)
    before = {chat: len(fake.messages(chat)) for chat in (BALLARD_FAN, HEIST_FAN, DARK_FAN, GROUP)}
    assert before == {BALLARD_FAN: 2, HEIST_FAN: 2, DARK_FAN: 2, GROUP: 1}  # the old item: silent

    # The same story from two feeds, plus an item about nothing we know.
    feeds.routes["/a.xml"] = Route(
        rss([item("a-old", "„Dark“: Staffel 4?"), item("a-1", SPINOFF, SPINOFF_TEXT)])
    )
    feeds.routes["/b.xml"] = Route(
        rss([item("b-1", SPINOFF, SPINOFF_TEXT, 3), item("b-2", "Neue Kochshow im ZDF")])
    )
    await poll(bot)
    [*_, news] = await fake.wait_for_messages(BALLARD_FAN, count=3)
    [*_, group_news] = await fake.wait_for_messages(GROUP, count=2)

    assert news["visible"].startswith("🔁 Verlängert")
    assert SPINOFF in news["visible"] and "Ballard" in news["visible"]
    # One message for the story, linking whichever feed brought it first.
    assert ('href="https://news.example/a-1"' in news["text"]) != (
        'href="https://news.example/b-1"' in news["text"]
    )
    assert list(buttons(news)) == ["Nicht über diese Serie", "📺 Serie", "Nicht mehr folgen"]
    assert buttons(news)["Nicht mehr folgen"] == encode(Action.NEWS_UNFOLLOW, str(BALLARD))
    assert group_news["visible"].startswith("🔁")

    # The series button under the post sends the series card; the post stays as it is.
    query = fake.press_button(BALLARD_FAN, news["message_id"], buttons(news)["📺 Serie"])
    assert not (await fake.wait_for_callback_answer(query)).get("show_alert")
    [*_, card] = await fake.wait_for_messages(BALLARD_FAN, count=4)
    assert card["visible"].startswith("Ballard\nläuft · Prime Video\nNächste Folge: ")
    assert list(buttons(card)) == [
        "📤 Teilen",
        "⚙️ Einstellungen für diese Serie",
        "Nicht mehr folgen",
        "📅 TV-Termine hinzufügen (iCal)",
        "◀ Zurück zur Liste",
    ]
    assert fake.message(BALLARD_FAN, news["message_id"])["edits"] == 0

    # Nobody else, nothing twice: not on the next poll, not after a restart.
    await poll(bot)
    await bot.restart()
    await poll(bot)
    await settle(fake)
    after = {chat: len(fake.messages(chat)) for chat in (BALLARD_FAN, HEIST_FAN, DARK_FAN, GROUP)}
    assert after == {BALLARD_FAN: 4, HEIST_FAN: 2, DARK_FAN: 2, GROUP: 2}


async def test_unfollow_under_a_group_news_post_keeps_the_post_for_everyone(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, feeds: FeedServer
):
    await setting_up(bot, fake, tvmaze, feeds)
    feeds.routes["/a.xml"] = Route(rss([item("a-3", SPINOFF, SPINOFF_TEXT)]))
    await poll(bot)
    [*_, news] = await fake.wait_for_messages(GROUP, count=2)
    data = encode(Action.NEWS_UNFOLLOW, str(BALLARD))
    assert data in buttons(news).values()
    query = fake.press_button(GROUP, news["message_id"], data, ADMIN)
    answer = await fake.wait_for_callback_answer(query)
    assert answer["text"] == "Du folgst Ballard nicht mehr."
    after = await fake.wait_for_edit(GROUP, news["message_id"], after=0)
    assert after["text"] == news["text"]  # the post stays as it was
    assert list(buttons(after)) == ["Nicht über diese Serie", "📺 Serie"]
    fake.send_text(GROUP, ADMIN, "/list")
    [*_, listing] = await fake.wait_for_messages(GROUP, count=3)
    assert "Ballard" not in listing["visible"]


async def test_not_about_this_series_is_recorded_and_hides_the_item(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, feeds: FeedServer
):
    await setting_up(bot, fake, tvmaze, feeds)
    feeds.routes["/a.xml"] = Route(rss([item("a-2", SPINOFF, SPINOFF_TEXT)]))
    await poll(bot)
    [*_, news] = await fake.wait_for_messages(BALLARD_FAN, count=3)
    data = buttons(news)["Nicht über diese Serie"]
    query = fake.press_button(BALLARD_FAN, news["message_id"], data, BALLARD_FAN)
    answer = await fake.wait_for_callback_answer(query)
    assert answer["text"] == "Danke! Diese Meldung zeige ich dir nicht mehr."
    fake.send_text(BALLARD_FAN, BALLARD_FAN, "/news")
    [*_, listing] = await fake.wait_for_messages(BALLARD_FAN, count=4)
    assert SPINOFF not in listing["visible"]
    fake.send_text(ADMIN, ADMIN, "/stats")
    [*_, stats] = await fake.wait_for_messages(ADMIN, count=1)
    assert "1 reported" in stats["visible"] and SPINOFF in stats["visible"]


async def test_hostile_feeds_never_break_a_message_or_the_poll(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, feeds: FeedServer
):
    await setting_up(bot, fake, tvmaze, feeds)
    hostile = "<b>„Ballard“</b> Staffel 2 <script>alert(1)</script> & mehr <"
    feeds.routes["/a.xml"] = Route(
        rss([item("a-3", hostile, "<img src=x onerror=alert(1)>" + "x" * 6000)])
    )
    feeds.routes["/b.xml"] = Route(hang=True)
    started = asyncio.get_running_loop().time()
    await poll(bot)
    assert asyncio.get_running_loop().time() - started < 45  # the hanging feed hits its deadline
    [*_, news] = await fake.wait_for_messages(BALLARD_FAN, count=3)
    assert "<script>" not in news["text"] and "alert(1)" not in news["visible"]
    assert "Ballard" in news["visible"]


async def test_series_that_ended_alerts_its_followers_without_any_feed(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, feeds: FeedServer
):
    await setting_up(bot, fake, tvmaze, feeds)
    tvmaze.shows[MONEY_HEIST]["status"] = "Ended"
    tvmaze.shows[MONEY_HEIST]["updated"] += 1
    await bot.run_job("catalog-sync")
    [*_, alert] = await fake.wait_for_messages(HEIST_FAN, count=3)
    assert alert["visible"].startswith("🔚 Money Heist ist beendet")
    await bot.run_job("catalog-sync")
    await settle(fake)
    assert len(fake.messages(HEIST_FAN)) == 3 and len(fake.messages(BALLARD_FAN)) == 2


async def test_group_admins_route_news_into_a_forum_topic(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, feeds: FeedServer
):
    forum, member = -1009001, 85
    await setting_up(bot, fake, tvmaze, feeds)
    fake.add_group(
        forum, "Serienforum", type="supergroup", admins=[ADMIN], members=[member], forum=True
    )
    # A group added through a `startgroup` link: its admin's /start follows the series.
    fake.send_text(forum, ADMIN, f"/start follow_{BALLARD}")
    [_, done] = await fake.wait_for_messages(forum, count=2)
    assert done["visible"].startswith("✅ Du folgst jetzt Ballard.")

    fake.send_text(forum, member, "/newstopic", thread_id=42)
    fake.send_text(forum, ADMIN, "/newstopic", thread_id=42)
    fake.send_text(GROUP, ADMIN, "/newstopic")
    *_, refused, routed = await fake.wait_for_messages(forum, count=4)
    [*_, no_forum] = await fake.wait_for_messages(GROUP, count=2)
    assert refused["visible"] == "Das dürfen in dieser Gruppe nur Admins."
    assert routed["visible"].startswith("📰 Neuigkeiten zu euren Serien erscheinen ab jetzt")
    assert no_forum["visible"].startswith("Diese Gruppe hat keine Themen.")

    feeds.routes["/a.xml"] = Route(rss([item("a-9", SPINOFF, SPINOFF_TEXT)]))
    await poll(bot)
    [*_, topic_news] = await fake.wait_for_messages(forum, count=5)
    sends = [p for m, p in fake.calls if m == "sendMessage" and p["chat_id"] == forum]
    assert sends[-1]["message_thread_id"] == 42 and SPINOFF in sends[-1]["text"]
    # Any member may ask for the series card; it goes into the same topic.
    query = fake.press_button(
        forum, topic_news["message_id"], buttons(topic_news)["📺 Serie"], member
    )
    assert not (await fake.wait_for_callback_answer(query)).get("show_alert")
    await fake.wait_for_messages(forum, count=6)
    sends = [p for m, p in fake.calls if m == "sendMessage" and p["chat_id"] == forum]
    assert sends[-1]["message_thread_id"] == 42 and sends[-1]["text"].startswith("<b>Ballard</b>")
    group_sends = [p for m, p in fake.calls if m == "sendMessage" and p["chat_id"] == GROUP]
    assert "message_thread_id" not in group_sends[-1]
