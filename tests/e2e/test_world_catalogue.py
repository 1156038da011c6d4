"""The world catalogue through the real bot: TVmaze's show index, walked in the background,
lets news find the right fans and lets /follow answer while TVmaze is down."""

from __future__ import annotations

from sqlalchemy import func, select

from bot.callback_data import Action, encode
from storage.db import create_engine
from storage.known_models import KnownSeries
from tests.e2e import catalogue
from tests.e2e.catalogue import BALLARD
from tests.e2e.conftest import BotRunner
from tests.e2e.helpers import button_data, press
from tests.e2e.test_news_delivery import item, poll, settle
from tests.fake_feeds import FeedServer, Route, rss
from tests.fake_telegram import FakeTelegram
from tests.fake_tvmaze import FakeTvmaze, show

FAN, GROUP, ADMIN, NCIS_FAN = 91, -1009100, 92, 93
NCIS, NCIS_LA, BOSCH, BOSCH_LEGACY = 60, 61, 2019, 60743
WEEKLY = 604800

BALLARD_HEADLINE = '"Bosch: Legacy"-Spin-off mit Maggie Q endlich verlängert'
BALLARD_TEASER = (
    "Amazon verlängert die Krimiserie um Detective Renée Ballard (Maggie Q) um eine zweite Staffel."
)
LA_CANCELLED = "NCIS: Los Angeles Cancelled at CBS, Will End With Season 14"
NCIS_RENEWED = "NCIS Renewed for Season 23 at CBS"


def the_world(tvmaze: FakeTvmaze) -> None:
    """The e2e catalogue plus the NCIS and Bosch families, all in TVmaze's show index."""
    catalogue.fill(tvmaze)
    tvmaze.add_show(show(NCIS, "NCIS", premiered="2003-09-23", network="CBS", web=False))
    tvmaze.add_show(show(NCIS_LA, "NCIS: Los Angeles", premiered="2009-09-22", network="CBS"))
    tvmaze.add_show(show(BOSCH, "Bosch", premiered="2014-02-06", network="Prime Video"))
    tvmaze.add_show(show(BOSCH_LEGACY, "Bosch: Legacy", premiered="2022-05-06", network="Freevee"))


async def start_with_index(bot: BotRunner, feeds: FeedServer) -> None:
    """Restart with the show index sync on and one feed; walk the whole index once."""
    feeds.routes["/news.xml"] = Route(rss([item("old", "Alte Meldung ohne Serie")]))
    await bot.stop()
    bot.fake.calls.clear()  # so that start() waits for the new process to poll
    await bot.start(feed_urls=feeds.url("/news.xml"), show_index_sync_seconds=WEEKLY)
    await bot.run_job("show-index")


async def known_count(bot: BotRunner) -> int:
    engine = create_engine(bot.database_url)
    async with engine.connect() as connection:
        count = await connection.scalar(select(func.count()).select_from(KnownSeries))
    await engine.dispose()
    return int(count or 0)


async def follow_by_search(
    fake: FakeTelegram, chat: int, user: int, query: str, label: str, replies_before: int
) -> None:
    fake.send_text(chat, user, f"/follow {query}")
    [*_, offer] = await fake.wait_for_messages(chat, count=replies_before + 1)
    done = await press(fake, chat, offer, label, user)
    assert "✅" in done["visible"], done["visible"]


# "Ballard" is no everyday word, so its plain mention in the teaser counts; the world
# catalogue keeps "Bosch: Legacy" from being taken for "Bosch".
async def test_the_ballard_renewal_reaches_the_private_fan_and_the_group_once(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, feeds: FeedServer
):
    the_world(tvmaze)
    await start_with_index(bot, feeds)
    fake.add_user(FAN, "Ballard-Fan", language_code="de")
    await follow_by_search(fake, FAN, FAN, "Ballard", "Ballard", replies_before=0)
    fake.add_group(GROUP, "Krimiabend", type="supergroup", admins=[ADMIN])
    fake.add_user(ADMIN, "Admin", language_code="de")
    await follow_by_search(fake, GROUP, ADMIN, "Ballard", "Ballard", replies_before=0)
    await poll(bot)  # the first poll records what the feed already had, silently
    before = {chat: len(fake.messages(chat)) for chat in (FAN, GROUP)}

    feeds.routes["/news.xml"] = Route(
        rss([item("old", "Alte Meldung ohne Serie"), item("b1", BALLARD_HEADLINE, BALLARD_TEASER)])
    )
    await poll(bot)
    await poll(bot)
    await settle(fake)

    for chat in (FAN, GROUP):
        news = fake.messages(chat)[before[chat] :]
        assert len(news) == 1, [m["visible"] for m in news]
        assert news[0]["visible"].startswith("🔁 Verlängert")
        assert "Bosch: Legacy" in news[0]["visible"]
        assert button_data(news[0], "Nicht mehr folgen") == encode(
            Action.NEWS_UNFOLLOW, str(BALLARD)
        )


async def test_a_known_longer_title_keeps_its_news_from_the_shorter_ones_fans(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, feeds: FeedServer
):
    the_world(tvmaze)
    await start_with_index(bot, feeds)
    assert await known_count(bot) == len(tvmaze.shows)  # nobody follows NCIS: Los Angeles
    fake.add_user(NCIS_FAN, "NCIS-Fan", language_code="en")
    await follow_by_search(fake, NCIS_FAN, NCIS_FAN, "NCIS", "NCIS (2003", replies_before=0)
    await poll(bot)
    before = len(fake.messages(NCIS_FAN))

    feeds.routes["/news.xml"] = Route(
        rss([item("old", "Alte Meldung ohne Serie"), item("la", LA_CANCELLED, minutes_ago=3)])
    )
    await poll(bot)
    await settle(fake)
    assert len(fake.messages(NCIS_FAN)) == before  # not about the series this fan follows

    feeds.routes["/news.xml"] = Route(
        rss(
            [
                item("old", "Alte Meldung ohne Serie"),
                item("la", LA_CANCELLED, minutes_ago=3),
                item("renewed", NCIS_RENEWED, minutes_ago=1),
            ]
        )
    )
    await poll(bot)
    [*_, news] = await fake.wait_for_messages(NCIS_FAN, count=before + 1)
    await settle(fake)
    assert len(fake.messages(NCIS_FAN)) == before + 1
    assert news["visible"].startswith("🔁 Renewed") and NCIS_RENEWED in news["visible"]


async def test_while_tvmaze_is_down_follow_offers_known_series_and_keeps_the_offer(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, feeds: FeedServer
):
    the_world(tvmaze)
    await start_with_index(bot, feeds)
    fake.add_user(NCIS_FAN, "NCIS-Fan", language_code="de")
    tvmaze.fail_next(503, times=2)  # the search, then the import after the first press
    fake.send_text(NCIS_FAN, NCIS_FAN, "/follow NCIS: Los")
    [offer] = await fake.wait_for_messages(NCIS_FAN)
    assert "nicht erreichbar" in offer["visible"]
    data = button_data(offer, "NCIS: Los Angeles (2009)")

    query = fake.press_button(NCIS_FAN, offer["message_id"], data, NCIS_FAN)
    answer = await fake.wait_for_callback_answer(query)
    assert answer["show_alert"] and "TVmaze ist gerade nicht erreichbar" in answer["text"]
    assert fake.message(NCIS_FAN, offer["message_id"])["edits"] == 0  # the offer stays

    # TVmaze answers again: the same button imports and follows.
    done = await press(fake, NCIS_FAN, offer, "NCIS: Los Angeles", NCIS_FAN)
    assert "Du folgst jetzt <b>NCIS: Los Angeles</b>" in done["text"]
