"""Long lists page: /list, /unfollow, /news, /next and /feeds show ◀ ▶ instead of being cut
off."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from bot.callback_data import Action, encode
from bot.http_fetch import FetchLimits, make_feed_client
from bot.news.poll import NewsPoller
from storage.catalog_models import Episode, Series
from storage.chats import ensure_chat
from storage.feeds import add_feed
from storage.series import add_follow
from tests.e2e import catalogue
from tests.e2e.conftest import BotRunner
from tests.e2e.helpers import buttons, press
from tests.fake_feeds import FeedServer, Route, rss
from tests.fake_telegram import FakeTelegram
from tests.fake_tvmaze import FakeTvmaze

FAN = 40
ADMIN, GROUP = 41, -4100
SERIES = 120


async def follow_many(bot: BotRunner, chat_id: int, count: int) -> None:
    """The chat follows `count` stored series, "Show 001" … (set up in the bot's database)."""
    sessions = bot.application.bot_data.sessions
    assert sessions is not None
    async with sessions.begin() as session:
        chat = await ensure_chat(
            session, telegram_id=chat_id, chat_type="private", telegram_language="en"
        )
        shows = [
            Series(tvmaze_id=800_000 + n, title=f"Show {n:03d}", status="Running")
            for n in range(1, count + 1)
        ]
        session.add_all(shows)
        await session.flush()
        for show in shows:
            await add_follow(session, chat_id=chat.id, series_id=show.id)


async def ask(fake: FakeTelegram, text: str) -> dict:
    count = len(fake.messages(FAN))
    fake.send_text(FAN, FAN, text)
    return (await fake.wait_for_messages(FAN, count=count + 1))[-1]


async def ask_in(fake: FakeTelegram, chat_id: int, user_id: int, text: str) -> dict:
    count = len(fake.messages(chat_id))
    fake.send_text(chat_id, user_id, text)
    return (await fake.wait_for_messages(chat_id, count=count + 1))[-1]


def series_buttons(message: dict) -> list[str]:
    return [label for label in buttons(message) if label.startswith("Show ")]


async def test_list_of_120_series_pages_forward_back_and_within_bounds(
    bot: BotRunner, fake: FakeTelegram
):
    fake.add_user(FAN, "Fan", language_code="en")
    await follow_many(bot, FAN, SERIES)

    first = await ask(fake, "/list")
    assert series_buttons(first) == [f"Show {n:03d}" for n in range(1, 11)]
    assert first["visible"].endswith("Page 1 of 12")
    assert [label for label in buttons(first) if not label.startswith("Show")] == ["More ▶"]

    second = await press(fake, FAN, first, "More", FAN)
    assert series_buttons(second) == [f"Show {n:03d}" for n in range(11, 21)]
    assert second["visible"].endswith("Page 2 of 12")
    assert "◀ Back" in buttons(second) and "More ▶" in buttons(second)

    back = await press(fake, FAN, second, "◀ Back", FAN)
    assert back["visible"] == first["visible"]

    # The last page (reached with a stale ▶ of an older message): the last ten, no ▶.
    edits = fake.message(FAN, first["message_id"])["edits"]
    query = fake.press_button(
        FAN, first["message_id"], encode(Action.PAGE, "l:11"), FAN, check=False
    )
    assert not (await fake.wait_for_callback_answer(query)).get("show_alert")
    last = await fake.wait_for_edit(FAN, first["message_id"], after=edits)
    assert series_buttons(last) == [f"Show {n:03d}" for n in range(111, 121)]
    assert "More ▶" not in buttons(last) and last["visible"].endswith("Page 12 of 12")

    # A card opened from page 12 goes back to page 12.
    card = await press(fake, FAN, last, "Show 115", FAN)
    assert card["visible"].startswith("Show 115\nrunning")
    assert (await press(fake, FAN, card, "Back to the list", FAN))["visible"] == last["visible"]

    # Forged or stale page numbers: a clear alert, the message stays.
    for forged in ("l:12", "l:9999", "u:400", "n:3"):
        query = fake.press_button(
            FAN, first["message_id"], encode(Action.PAGE, forged), FAN, check=False
        )
        answer = await fake.wait_for_callback_answer(query)
        assert answer["show_alert"] and "does not exist" in answer["text"], forged
    for garbage in ("l:x", "q:1", "l:-1", "l:12345"):
        query = fake.press_button(
            FAN, first["message_id"], encode(Action.PAGE, garbage), FAN, check=False
        )
        answer = await fake.wait_for_callback_answer(query)
        assert answer["show_alert"] and "no longer valid" in answer["text"], garbage

    # Every page fits Telegram's limits (the fake rejects anything else).
    assert len(first["reply_markup"]["inline_keyboard"]) == 11


async def test_unfollow_pages_and_unfollows_from_a_later_page(bot: BotRunner, fake: FakeTelegram):
    fake.add_user(FAN, "Fan", language_code="de")
    await follow_many(bot, FAN, SERIES)
    menu = await ask(fake, "/unfollow")
    assert series_buttons(menu) == [f"Show {n:03d}" for n in range(1, 11)]
    assert menu["visible"].endswith("Seite 1 von 12") and "Weiter ▶" in buttons(menu)
    page2 = await press(fake, FAN, menu, "Weiter", FAN)
    assert series_buttons(page2)[0] == "Show 011"
    done = await press(fake, FAN, page2, "Show 015", FAN)
    assert done["visible"] == "Du folgst Show 015 nicht mehr."
    sessions = bot.application.bot_data.sessions
    assert sessions is not None
    async with sessions() as session:
        titles = set(await session.scalars(select(Series.title)))
    assert "Show 015" in titles  # the series stays known; only the follow went
    listing = await ask(fake, "/list")
    assert listing["visible"].endswith("Seite 1 von 12")
    page2 = await press(fake, FAN, listing, "Weiter", FAN)
    assert "Show 015" not in series_buttons(page2) and series_buttons(page2)[-1] == "Show 021"


async def test_news_pages_newest_first(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, feeds: FeedServer
):
    catalogue.fill(tvmaze)
    now = datetime.now(UTC)
    feeds.routes["/feed.xml"] = Route(
        rss(
            [
                {
                    "guid": f"b{n}",
                    "title": f"„Ballard“ news number {n:02d}",
                    "link": f"https://news.test/{n}",
                    "pubDate": now - timedelta(hours=n),
                }
                for n in range(1, 13)
            ],
            title="Serien-News",
        )
    )
    await bot.stop()
    await bot.start(feed_urls=feeds.url("/feed.xml"))
    fake.add_user(FAN, "Fan", language_code="en")
    fake.send_text(FAN, FAN, f"/start follow_{catalogue.BALLARD}")
    await fake.wait_for_messages(FAN, count=2)
    sessions = bot.application.bot_data.sessions
    assert sessions is not None
    async with make_feed_client(FetchLimits(), allow_private=True) as client:
        poller = NewsPoller(
            sessions=sessions, client=client, limits=FetchLimits(), poll_seconds=600
        )
        assert (await poller.tick(now=datetime.now(UTC))).stored == 12

    first = await ask(fake, "/news")
    numbers = [n for n in range(1, 13) if f"number {n:02d}" in first["visible"]]
    assert numbers == [1, 2, 3, 4, 5] and first["visible"].endswith("Page 1 of 3")
    assert list(buttons(first)) == ["More ▶"]
    second = await press(fake, FAN, first, "More", FAN)
    assert [n for n in range(1, 13) if f"number {n:02d}" in second["visible"]] == [6, 7, 8, 9, 10]
    third = await press(fake, FAN, second, "More", FAN)
    assert [n for n in range(1, 13) if f"number {n:02d}" in third["visible"]] == [11, 12]
    assert list(buttons(third)) == ["◀ Back"]
    assert (await press(fake, FAN, third, "Back", FAN))["visible"] == second["visible"]


async def test_next_pages_through_every_episode_of_the_fortnight(
    bot: BotRunner, fake: FakeTelegram
):
    fake.add_user(FAN, "Fan", language_code="en")
    await follow_many(bot, FAN, 3)
    start = datetime.now(UTC).replace(microsecond=0) + timedelta(hours=1)
    sessions = bot.application.bot_data.sessions
    assert sessions is not None
    async with sessions.begin() as session:
        shows = list(await session.scalars(select(Series).order_by(Series.title)))
        session.add_all(
            Episode(
                series_id=show.id, tvmaze_id=900_000 + day * 10 + n, season=1, number=day + 1,
                title=f"Day {day} of {show.title}", airstamp=start + timedelta(days=day, minutes=n),
            )
            for day in (*range(9), 20)  # day 20: past the fortnight
            for n, show in enumerate(shows)
        )  # fmt: skip
    aired = [f"Day {day} of Show {n:03d}" for day in range(9) for n in range(1, 4)]

    first = await ask(fake, "/next")
    assert first["visible"].startswith("The next 14 days\n\n")
    assert first["visible"].endswith("Page 1 of 3") and list(buttons(first)) == ["More ▶"]
    second = await press(fake, FAN, first, "More", FAN)
    assert second["visible"].endswith("Page 2 of 3")
    assert list(buttons(second)) == ["◀ Back", "More ▶"]
    third = await press(fake, FAN, second, "More", FAN)
    assert third["visible"].endswith("Page 3 of 3") and list(buttons(third)) == ["◀ Back"]
    shown = "\n".join(page["visible"] for page in (first, second, third))
    assert [title for title in aired if shown.count(f"“{title}”") == 1] == aired
    assert [shown.index(f"“{title}”") for title in aired] == sorted(
        shown.index(f"“{title}”") for title in aired
    )
    assert "Day 20" not in shown
    assert (await press(fake, FAN, third, "Back", FAN))["visible"] == second["visible"]

    # A page the fortnight no longer has (episodes aired meanwhile, or forged): an alert.
    query = fake.press_button(
        FAN, first["message_id"], encode(Action.PAGE, "e:3"), FAN, check=False
    )
    answer = await fake.wait_for_callback_answer(query)
    assert answer["show_alert"] and "does not exist" in answer["text"]


async def test_feeds_page_for_bot_admins_and_refuse_everyone_else(
    bot: BotRunner, fake: FakeTelegram
):
    fake.add_user(ADMIN, "Ada", language_code="en")
    fake.add_user(FAN, "Fan", language_code="en")
    # In a group, the fan is even one of its admins, but not one of the bot's.
    fake.add_group(GROUP, "Serienabend", admins=[ADMIN, FAN])
    await bot.stop()
    fake.calls.clear()  # start() waits for the new bot's first getUpdates
    await bot.start(admin_ids=str(ADMIN))
    sessions = bot.application.bot_data.sessions
    assert sessions is not None
    async with sessions.begin() as session:
        for n in range(1, 21):
            await add_feed(
                session, url=f"https://portal.test/rss/{n:02d}.xml", title=f"Portal {n:02d}",
                now=datetime.now(UTC),
            )  # fmt: skip

    first = await ask_in(fake, ADMIN, ADMIN, "/feeds")
    assert first["visible"].endswith("Page 1 of 3") and list(buttons(first)) == ["More ▶"]
    second = await press(fake, ADMIN, first, "More", ADMIN)
    assert second["visible"].endswith("Page 2 of 3")
    assert list(buttons(second)) == ["◀ Back", "More ▶"]
    third = await press(fake, ADMIN, second, "More", ADMIN)
    assert third["visible"].endswith("Page 3 of 3") and list(buttons(third)) == ["◀ Back"]
    shown = "\n".join(page["visible"] for page in (first, second, third))
    assert [n for n in range(1, 21) if shown.count(f"#{n} Portal {n:02d} ") == 1] == [*range(1, 21)]
    assert (await press(fake, ADMIN, third, "Back", ADMIN))["visible"] == second["visible"]

    # The fan presses ▶ under the admin's /feeds in the group, or forges it under /list.
    listing = await ask_in(fake, GROUP, ADMIN, "/feeds@serienwecker_test_bot")
    own = await ask_in(fake, FAN, FAN, "/list")
    for chat_id, message in ((GROUP, listing), (FAN, own)):
        query = fake.press_button(
            chat_id, message["message_id"], encode(Action.PAGE, "f:1"), FAN, check=False
        )
        answer = await fake.wait_for_callback_answer(query)
        assert answer["show_alert"] and "administrator" in answer["text"].lower(), answer
        assert fake.message(chat_id, message["message_id"])["edits"] == 0
