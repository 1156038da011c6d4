"""QA round nine: news as a fan receives it, end to end.

An item about two followed series (a spin-off and its parent), /news with 0, 1, 5, 6 and 100
items, huge HTML titles in /news, an item whose guid or link changes on a later poll, one
story from a second feed later, the digest with one item and with none, a fan who changes
language while an item is held, an item dated ten years ago.

Each test drives the real bot through the fake Bot API, the fake feed server and the fake
TVmaze. The `bot` fixture fails any test that logged an error.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from tests.e2e import catalogue
from tests.e2e.catalogue import BALLARD
from tests.e2e.conftest import BotRunner
from tests.e2e.helpers import buttons, press
from tests.e2e.test_delivery_time import the_digest_hour_comes, waiting_rows
from tests.e2e.test_news_delivery import item, poll
from tests.e2e.test_series_settings import series_settings
from tests.e2e.test_settings import open_settings
from tests.fake_feeds import FeedServer, Route, rss
from tests.fake_telegram import FakeTelegram
from tests.fake_tvmaze import FakeTvmaze, episode, show

FAN, FAN2 = 9101, 9102
BOSCH_LEGACY = 71000
RENEWAL = "„Ballard“: Prime Video verlängert die Krimiserie um eine zweite Staffel"


async def ask(fake: FakeTelegram, chat_id: int, text: str, replies: int = 1) -> dict:
    count = len(fake.messages(chat_id))
    fake.send_text(chat_id, chat_id, text)
    return (await fake.wait_for_messages(chat_id, count=count + replies, timeout=40))[-1]


async def settle() -> None:
    await asyncio.sleep(1.5)


async def fans_of_ballard(
    bot: BotRunner,
    fake: FakeTelegram,
    tvmaze: FakeTvmaze,
    feeds: FeedServer,
    *,
    fans: tuple[int, ...] = (FAN,),
    items: list[dict[str, object]] | None = None,
    paths: tuple[str, ...] = ("/f.xml",),
    language: str = "de",
) -> None:
    """Restart on feeds at `paths` (the first holding `items`), every fan following Ballard,
    then the first poll, which only records what the feeds already had."""
    catalogue.fill(tvmaze)
    for number, path in enumerate(paths):
        feeds.routes[path] = Route(
            rss(items if number == 0 and items else [], title=f"Feed {number + 1}")
        )
    await bot.stop()
    await bot.start(feed_urls=",".join(feeds.url(path) for path in paths))
    for fan in fans:
        fake.add_user(fan, f"Fan {fan}", language_code=language)
        await ask(fake, fan, f"/start follow_{BALLARD}", replies=2)
    await poll(bot)


def news_of(fake: FakeTelegram, chat_id: int, count: int) -> list[str]:
    """What the chat got after its first `count` messages."""
    return [m["visible"] for m in fake.messages(chat_id)[count:]]


# -- one item, several series ------------------------------------------------------------------


async def test_an_item_about_a_spinoff_and_its_parent_is_one_message_naming_both(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, feeds: FeedServer
):
    await fans_of_ballard(bot, fake, tvmaze, feeds)
    tvmaze.add_show(show(BOSCH_LEGACY, "Bosch: Legacy", premiered="2022-05-06", network="Freevee"))
    fake.send_text(FAN, FAN, f"/start follow_{BOSCH_LEGACY}")
    await fake.wait_for_messages(FAN, count=4)  # the greeting again, and the follow
    both = "„Bosch: Legacy“ und „Ballard“: Amazon verlängert beide Krimiserien"
    feeds.routes["/f.xml"] = Route(rss([item("s1", both)]))
    await poll(bot)
    await fake.wait_for_messages(FAN, count=5)
    await settle()
    [news] = news_of(fake, FAN, 4)
    about = news.split("\n")[2]
    assert "Ballard" in about and "Bosch: Legacy" in about, news
    # Each series gets its own unfollow button; the post is one.
    assert len([label for label in buttons(fake.messages(FAN)[4]) if "folgen" in label]) == 2


# -- /news paging ------------------------------------------------------------------------------


@pytest.mark.parametrize(("stored", "pages"), [(0, 0), (1, 1), (5, 1), (6, 2), (100, 20)])
async def test_news_list_with_0_1_5_6_and_100_items(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, feeds: FeedServer,
    stored: int, pages: int,
):  # fmt: skip
    now = datetime.now(UTC)
    items = [
        item(f"p{n}", f"„Ballard“ Meldung Nummer {n:03d}", minutes_ago=10 + n)
        for n in range(1, stored + 1)
    ]
    await fans_of_ballard(bot, fake, tvmaze, feeds, items=items)
    assert len(fake.messages(FAN)) == 2  # the first poll is silent
    listing = await ask(fake, FAN, "/news")
    text = listing["visible"]
    if stored == 0:
        assert "Noch keine" in text or "keine News" in text, text
        assert not buttons(listing)
        return
    seen = [n for n in range(1, stored + 1) if f"Nummer {n:03d}" in text]
    assert seen == list(range(1, min(stored, 5) + 1)), text
    if pages == 1:
        assert "Seite" not in text and not buttons(listing), text
        return
    assert text.endswith(f"Seite 1 von {pages}"), text
    shown = set(seen)
    page = listing
    for number in range(2, pages + 1):
        page = await press(fake, FAN, page, "Weiter", FAN)
        assert page["visible"].endswith(f"Seite {number} von {pages}")
        assert len(page["visible"]) <= 4096
        shown |= {n for n in range(1, stored + 1) if f"Nummer {n:03d}" in page["visible"]}
    assert shown == set(range(1, stored + 1))
    assert "Weiter" not in str(list(buttons(page)))
    assert now <= datetime.now(UTC)


async def test_news_list_of_five_huge_html_items_fits_one_valid_message(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, feeds: FeedServer
):
    huge = "„Ballard“ <b>fett</b> &amp; &lt;i&gt; &#8222;x&#8220; " + "<i>Zeichen</i> &amp; " * 250
    items = [
        item(f"h{n}", f"{n} {huge}"[:5000], "<p>" + "Teaser &amp; <b>mehr</b> " * 200)
        for n in range(5)
    ]
    await fans_of_ballard(bot, fake, tvmaze, feeds)
    feeds.routes["/f.xml"] = Route(rss(items))
    await poll(bot)
    pushed = await fake.wait_for_messages(FAN, count=7, timeout=20)  # one a second
    assert all(len(m["visible"]) <= 4096 for m in pushed)
    listing = await ask(fake, FAN, "/news")
    assert len(listing["visible"]) <= 4096
    assert "<b>" not in listing["visible"] and "&amp;" not in listing["visible"]
    assert listing["visible"].count("Ballard") >= 5, listing["visible"]


# -- one story, several shapes -----------------------------------------------------------------


async def test_an_item_whose_guid_and_then_link_change_arrives_once(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, feeds: FeedServer
):
    await fans_of_ballard(bot, fake, tvmaze, feeds)
    first = item("g1", RENEWAL)
    feeds.routes["/f.xml"] = Route(rss([first]))
    await poll(bot)
    await fake.wait_for_messages(FAN, count=3)
    # The CMS re-issues the item: a new guid, same link; then the link gets a slug.
    feeds.routes["/f.xml"] = Route(rss([first | {"guid": "g1-v2"}]))
    await poll(bot)
    feeds.routes["/f.xml"] = Route(
        rss([first | {"guid": "g1-v2", "link": "https://news.example/ballard-verlaengert"}])
    )
    await poll(bot)
    await settle()
    assert len(news_of(fake, FAN, 2)) == 1, news_of(fake, FAN, 2)


async def test_the_same_story_from_a_second_feed_an_hour_later_arrives_once(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, feeds: FeedServer
):
    await fans_of_ballard(bot, fake, tvmaze, feeds, paths=("/a.xml", "/b.xml"))
    feeds.routes["/a.xml"] = Route(rss([item("a1", RENEWAL, minutes_ago=70)]))
    await poll(bot)
    await fake.wait_for_messages(FAN, count=3)
    other = item("https://b.example/?p=7", RENEWAL, "Prime Video bestätigt Staffel 2.")
    feeds.routes["/b.xml"] = Route(rss([other]))
    await poll(bot)
    await settle()
    assert len(news_of(fake, FAN, 2)) == 1, news_of(fake, FAN, 2)


async def test_an_item_dated_ten_years_ago_is_not_pushed_as_news(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, feeds: FeedServer
):
    await fans_of_ballard(bot, fake, tvmaze, feeds)
    old = item("o1", RENEWAL)
    old["pubDate"] = datetime.now(UTC) - timedelta(days=3653)
    feeds.routes["/f.xml"] = Route(rss([old]))
    await poll(bot)
    await settle()
    assert news_of(fake, FAN, 2) == []


# -- the digest and held news -------------------------------------------------------------------


async def digest_at_six(fake: FakeTelegram, fan: int) -> None:
    menu = await open_settings(fake, fan, fan)
    menu = await press(fake, fan, menu, "News-Zusammenfassung", fan)
    await press(fake, fan, menu, "18:00", fan)


@pytest.mark.parametrize("stories", [0, 1, 30])
async def test_the_digest_with_none_one_or_thirty_items(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, feeds: FeedServer, stories: int
):
    await fans_of_ballard(bot, fake, tvmaze, feeds)
    await digest_at_six(fake, FAN)
    count = len(fake.messages(FAN))
    titles = [f"„Ballard“ Meldung <{n:02d}> & mehr" for n in range(stories)]
    feeds.routes["/f.xml"] = Route(
        rss([item(f"d{n}", title, minutes_ago=40 - n) for n, title in enumerate(titles)])
    )
    await poll(bot)
    await settle()
    assert len(fake.messages(FAN)) == count  # all held for six o'clock
    assert len(await waiting_rows(bot)) == (stories + 1 if stories else 0)
    await the_digest_hour_comes(bot)
    await settle()
    await settle()
    digest = news_of(fake, FAN, count)
    if not stories:
        assert digest == []
        return
    assert digest[0].startswith("🗞 Deine News des Tages")
    assert all(len(part) <= 4096 for part in digest)
    joined = "\n".join(digest)
    for title in titles:
        assert joined.count(title) == 1, title
    assert joined.count("Deine News des Tages") == 1


async def test_a_held_item_comes_in_the_language_the_fan_chose_meanwhile(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, feeds: FeedServer
):
    await fans_of_ballard(bot, fake, tvmaze, feeds)
    await digest_at_six(fake, FAN)
    feeds.routes["/f.xml"] = Route(rss([item("l1", RENEWAL)]))
    await poll(bot)
    await settle()
    assert len(await waiting_rows(bot)) == 2
    menu = await open_settings(fake, FAN, FAN)
    menu = await press(fake, FAN, menu, "Sprache", FAN)
    await press(fake, FAN, menu, "English", FAN)
    count = len(fake.messages(FAN))
    await the_digest_hour_comes(bot)
    [digest] = (await fake.wait_for_messages(FAN, count=count + 1))[count:]
    text = digest["visible"]
    assert text.startswith("🗞 Your news of the day"), text
    assert "Renewed" in text and "About: " in text and "Source: " in text, text


PREMIERE = "„Ballard“ startet im Dezember bei Prime Video"


async def renewal_and_premiere_held(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, feeds: FeedServer
) -> None:
    """FAN follows Ballard with a six o'clock digest, which now holds a renewal and a premiere
    (and its heading)."""
    await fans_of_ballard(bot, fake, tvmaze, feeds)
    await digest_at_six(fake, FAN)
    feeds.routes["/f.xml"] = Route(rss([item("h1", RENEWAL), item("h2", PREMIERE)]))
    await poll(bot)
    await settle()
    assert len(await waiting_rows(bot)) == 3


async def test_held_digest_items_follow_the_fans_new_settings(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, feeds: FeedServer
):
    """Digest switched off: what it held comes at once, as posts with their buttons and no
    heading. A kind switched off meanwhile: its held item never comes."""
    await renewal_and_premiere_held(bot, fake, tvmaze, feeds)
    count = len(fake.messages(FAN))
    menu = await open_settings(fake, FAN, FAN)
    kinds = await press(fake, FAN, menu, "News-Arten", FAN)
    await press(fake, FAN, kinds, "Verlängerungen", FAN)
    menu = await open_settings(fake, FAN, FAN)
    menu = await press(fake, FAN, menu, "News-Zusammenfassung", FAN)
    await press(fake, FAN, menu, "aus", FAN)
    count = len(fake.messages(FAN))
    [news] = (await fake.wait_for_messages(FAN, count=count + 1))[count:]
    await settle()
    assert news_of(fake, FAN, count) == [news["visible"]]
    assert PREMIERE in news["visible"] and "Nicht über diese Serie" in buttons(news)
    assert await waiting_rows(bot) == []


async def test_a_held_item_of_a_kind_the_series_no_longer_wants_never_comes(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, feeds: FeedServer
):
    """The series' own news kinds change while its items wait for the digest: the renewal it
    no longer wants is withdrawn, the premiere still comes with the digest."""
    await renewal_and_premiere_held(bot, fake, tvmaze, feeds)
    screen = await series_settings(fake, FAN, FAN, "Ballard")
    await press(fake, FAN, screen, "Verlängerungen", FAN)
    assert len(await waiting_rows(bot)) == 2
    count = len(fake.messages(FAN))
    await the_digest_hour_comes(bot)
    [digest] = (await fake.wait_for_messages(FAN, count=count + 1))[count:]
    await settle()
    assert PREMIERE in digest["visible"] and RENEWAL not in digest["visible"]
    assert len(fake.messages(FAN)) == count + 1


async def test_news_held_for_a_forum_groups_digest_follows_it_into_the_new_topic(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, feeds: FeedServer
):
    """The admin routes the group's news into a topic while an item waits for the digest and
    a reminder waits for its hour: both come in that topic, not in General."""
    forum, admin = -1009105, 9105
    await fans_of_ballard(bot, fake, tvmaze, feeds)
    fake.add_group(forum, "Serienforum", type="supergroup", admins=[admin], forum=True)
    fake.add_user(admin, "Admin", language_code="de")
    fake.send_text(forum, admin, f"/start follow_{BALLARD}")
    await fake.wait_for_messages(forum, count=2)
    menu = await open_settings(fake, forum, admin)
    menu = await press(fake, forum, menu, "News-Zusammenfassung", admin)
    await press(fake, forum, menu, "18:00", admin)
    feeds.routes["/f.xml"] = Route(rss([item("t1", RENEWAL)]))
    await poll(bot)
    tvmaze.shows[BALLARD]["updated"] += 100
    airs = datetime.now(UTC).replace(microsecond=0) + timedelta(minutes=61, seconds=30)
    tvmaze.episodes[BALLARD] = [episode(941, 2, 1, "Cold Case", airs)]
    await bot.run_job("catalog-sync")
    await bot.run_job("reminders")
    await settle()
    # The group's digest heading and item and its reminder; the fan's reminder.
    assert len(await waiting_rows(bot)) == 4
    count = len(fake.messages(forum))
    fake.send_text(forum, admin, "/newstopic", thread_id=42)
    await fake.wait_for_messages(forum, count=count + 1)
    await the_digest_hour_comes(bot)
    await fake.wait_for_messages(forum, count=count + 3)
    await settle()
    sent = [p for m, p in fake.calls if m == "sendMessage" and p["chat_id"] == forum][-2:]
    assert sorted(p["text"][0] for p in sent) == ["🔔", "🗞"]
    assert RENEWAL in " ".join(p["text"] for p in sent)
    assert [int(p["message_thread_id"]) for p in sent] == [42, 42]
