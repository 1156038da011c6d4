"""An admin attaches a broadcaster's iCal feed to a series; its dates show up with the channel."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from tests.e2e import catalogue
from tests.e2e.conftest import BotRunner
from tests.e2e.helpers import press
from tests.fake_feeds import FeedServer, Route
from tests.fake_telegram import FakeTelegram
from tests.fake_tvmaze import FakeTvmaze
from tests.unit.test_ical import event, feed

ADMIN, FAN = 77, 40
BERLIN = ZoneInfo("Europe/Berlin")


async def ask(fake: FakeTelegram, chat_id: int, text: str) -> dict:
    count = len(fake.messages(chat_id))
    fake.send_text(chat_id, chat_id, text)
    return (await fake.wait_for_messages(chat_id, count=count + 1))[-1]


def zdf_start(days_ahead: int) -> str:
    day = datetime.now(BERLIN).date() + timedelta(days=days_ahead)
    return f"DTSTART;TZID=Europe/Berlin:{day:%Y%m%d}T201500"


async def test_admin_attaches_a_calendar_and_next_shows_its_dates(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, feeds: FeedServer
):
    catalogue.fill(tvmaze)
    await bot.stop()
    await bot.start(admin_ids=str(ADMIN))
    feeds.routes["/ballard.ics"] = Route(
        feed(
            event("zdf-1", zdf_start(2), "Ballard – Die Spur", "ZDF"),
            event("zdf-2", zdf_start(9), "Ballard – Der Zeuge", "ZDF"),
        ),
        content_type="text/calendar",
    )
    url = feeds.url("/ballard.ics")
    fake.add_user(FAN, "Fan", language_code="en")
    fake.add_user(ADMIN, "Admin", language_code="en")

    refused = await ask(fake, FAN, f"/addical Ballard {url}")
    assert "the bot's administrators only" in refused["visible"]
    assert feeds.hits["/ballard.ics"] == 0

    assert "/addical Ballard https://" in (await ask(fake, ADMIN, "/addical Ballard"))["visible"]
    unknown = await ask(fake, ADMIN, f"/addical Ballard {url}")
    assert "I do not know a series “Ballard”" in unknown["visible"]
    offer = await ask(fake, ADMIN, "/follow Ballard")
    await press(fake, ADMIN, offer, "Ballard", ADMIN)

    added = await ask(fake, ADMIN, f"/addical Ballard {url}")
    assert "2 upcoming dates from the calendar added to Ballard." in added["visible"]

    upcoming = (await ask(fake, ADMIN, "/next"))["visible"]
    assert "“Ballard – Die Spur” · ZDF" in upcoming
    assert "“Ballard – Der Zeuge” · ZDF" in upcoming
    assert "“Cold Case” · Prime Video" in upcoming  # TVmaze's own date stays
