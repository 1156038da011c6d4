"""/calendar sends an .ics that parses back into the chat's coming episodes."""

from datetime import timedelta

from icalendar import Calendar

from tests.e2e import catalogue
from tests.e2e.catalogue import BALLARD, DARK_MATTER, DARK_WINDS, MONEY_HEIST
from tests.e2e.conftest import BotRunner
from tests.fake_telegram import FakeTelegram
from tests.fake_tvmaze import FakeTvmaze

FAN = 60


async def test_calendar_file_parses_back(bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze):
    now = catalogue.fill(tvmaze)
    fake.add_user(FAN, "Fan", language_code="en")
    for tvmaze_id in (MONEY_HEIST, BALLARD, DARK_MATTER, DARK_WINDS):
        fake.send_text(FAN, FAN, f"/start follow_{tvmaze_id}")
    # Eight replies to one chat: Telegram allows one a second, so about 8 s.
    await fake.wait_for_messages(FAN, count=8, timeout=15)
    fake.send_text(FAN, FAN, "/calendar")
    [*_, sent, note] = await fake.wait_for_messages(FAN, count=10)
    assert note["visible"].startswith("Calendar subscriptions are not configured")
    assert sent["document"]["file_name"] == "serienwecker.ics"
    assert sent["caption"].startswith("📅 4 air dates in the next 60 days.")

    calendar = Calendar.from_ical(sent["document"]["content"])
    events = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {
        "Dark Winds S04E01 Ghost Dance",
        "Money Heist S06E01 El Regreso",
        "Ballard S02E01 Cold Case",
        "Dark Matter S02E01 Return",
    }
    heist = events["Money Heist S06E01 El Regreso"]
    assert heist.decoded("DTSTART") == now + timedelta(days=3, hours=2)
    assert str(heist["LOCATION"]) == "Netflix"
    # The date-only streaming release is an all-day event.
    ballard = events["Ballard S02E01 Cold Case"].decoded("DTSTART")
    assert ballard == (now + timedelta(days=5)).date()


async def test_calendar_without_series_says_so(bot: BotRunner, fake: FakeTelegram):
    fake.add_user(FAN, "Fan", language_code="de")
    fake.send_text(FAN, FAN, "/calendar")
    reply, subscription = await fake.wait_for_messages(FAN, count=2)
    assert reply["visible"] == "In den nächsten 60 Tagen steht bei deinen Serien nichts an."
    assert subscription["visible"].startswith("Kalender-Abos sind bei diesem Bot nicht")
