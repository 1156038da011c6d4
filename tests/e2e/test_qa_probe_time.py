"""QA round three, on time: reminders, zones, DST, quiet hours, .ics in and out.

Probes of plain values call the planner, the delivery-time rules and the iCal reader
directly; the chat-iCal probes run the real bot (its `bot` fixture fails a test if the bot
logged an error). A probe marked xfail(strict) shows a defect: it asserts what a well-made
bot does, and passes once the defect is fixed.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar

from bot.catalog.ical import calendar_file, parse_ical
from bot.catalog.schedule import Airing
from bot.chat_settings import Defaults
from bot.delivery_time import news_delivery, quiet_end_after
from bot.reminders.tick import replan_chat
from tests.e2e.conftest import BotRunner
from tests.e2e.test_chat_ical import attach, follow_and_open_card, ics_start
from tests.fake_feeds import FeedServer, Route
from tests.fake_telegram import FakeTelegram
from tests.fake_tvmaze import FakeTvmaze, episode, show
from tests.unit.test_ical import event, feed
from tests.unit.test_reminder_replan import (  # noqa: F401 - `sessions` is a fixture
    AIRS,
    add_fan,
    change,
    rows,
    sessions,
    ticks,
)

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 1, tzinfo=UTC)


def calendar(*lines: str) -> bytes:
    return "\r\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//P//EN", *lines,
                        "END:VCALENDAR"]).encode()  # fmt: skip


# --- a chat's own iCal link: what German TV portals send ---------------------------------


def test_floating_times_are_read_in_the_calendars_own_zone():
    body = calendar(
        "X-WR-TIMEZONE:Europe/Berlin",
        event("tv-1", "DTSTART:20261126T201500", "Ballard", "ZDFneo"),
    )
    [airing] = parse_ical(body, now=NOW)
    assert airing.airstamp is not None
    assert airing.airstamp.astimezone(BERLIN).strftime("%H:%M") == "20:15"


def test_a_calendar_with_years_of_history_still_yields_its_upcoming_dates():
    past = [
        event(f"old-{i}", f"DTSTART:{datetime(2019, 1, 1) + timedelta(days=i):%Y%m%dT201500Z}")
        for i in range(2100)
    ]
    body = calendar(*past, event("next", "DTSTART:20261126T191500Z", "Neu"))
    upcoming = [a for a in parse_ical(body, now=NOW) or [] if a.airstamp and a.airstamp > NOW]
    assert [a.uid for a in upcoming] == ["next"]


def test_zoned_recurring_events_keep_their_wall_time_across_dst_and_honour_exdate():
    # Weekly at 20:15 Berlin time, one week cancelled, across the end of summer time; and a
    # portal's own VTIMEZONE under a name tzdata does not know.
    body = calendar(
        "BEGIN:VTIMEZONE", "TZID:Mitteleuropa (Portal)",
        "BEGIN:STANDARD", "DTSTART:19701025T030000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "END:STANDARD",
        "BEGIN:DAYLIGHT", "DTSTART:19700329T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "END:DAYLIGHT",
        "END:VTIMEZONE",
        "BEGIN:VEVENT", "UID:weekly", "DTSTART;TZID=Europe/Berlin:20261015T201500",
        "RRULE:FREQ=WEEKLY;COUNT=4", "EXDATE;TZID=Europe/Berlin:20261022T201500",
        "SUMMARY:Wöchentlich", "END:VEVENT",
        event("custom", "DTSTART;TZID=Mitteleuropa (Portal):20261126T201500"),
        event("windows", "DTSTART;TZID=W. Europe Standard Time:20261127T201500"),
    )  # fmt: skip
    airings = parse_ical(body, now=datetime(2026, 10, 14, tzinfo=UTC))
    assert airings is not None
    local = sorted(a.airstamp.astimezone(BERLIN) for a in airings if a.airstamp)
    assert [f"{m:%m-%d %H:%M}" for m in local] == [
        "10-15 20:15", "10-29 20:15", "11-05 20:15", "11-26 20:15", "11-27 20:15",
    ]  # fmt: skip


# --- quiet hours and the repeated autumn hour -------------------------------------------


def test_a_message_in_the_repeated_autumn_hour_is_held_only_until_that_nights_end():
    quiet = (23 * 60, 90)  # 23:00–01:30 in New York, held
    moment = datetime(2026, 11, 1, 6, 10, tzinfo=UTC)  # 01:10 EST, the second 01:10 that night
    assert moment.astimezone(NEW_YORK).strftime("%H:%M %Z") == "01:10 EST"
    end = quiet_end_after(moment, NEW_YORK, quiet)
    held = news_delivery(moment, NEW_YORK, quiet, hold=True, digest_hour=None)
    assert end == datetime(2026, 11, 1, 6, 30, tzinfo=UTC)  # 01:30 EST, twenty minutes on
    assert held.not_before == end


# --- /calendar's .ics --------------------------------------------------------------------


def test_calendar_file_folds_by_octets_escapes_text_and_keeps_uids():
    title = "🦄 Ünïcode, Teil; <b>eins</b>\nzwei " * 3
    airings = [
        Airing(1, 1, title, 1, 2, "🎬" * 25, datetime(2026, 11, 26, 19, 15, tzinfo=UTC), None,
               "ZDF"),
        Airing(2, 1, "Dark", None, None, "", None, datetime(2026, 11, 27).date(), None),
    ]  # fmt: skip
    body = calendar_file(airings, name="Meine Serien", stamp=NOW)
    for line in body.split(b"\r\n"):
        assert len(line) <= 75
        line.decode()  # no character cut between two folded lines
    events = Calendar.from_ical(body).walk("VEVENT")
    assert str(events[0]["SUMMARY"]).startswith(title)
    assert events[0].decoded("DTSTART") == airings[0].airstamp
    assert b"DTSTART:20261126T191500Z" in body
    assert b"DTSTART;VALUE=DATE:20261127" in body
    again = calendar_file(airings, name="Meine Serien", stamp=NOW + timedelta(days=1))
    assert [str(e["UID"]) for e in Calendar.from_ical(again).walk("VEVENT")] == [
        "episode-1@serienwecker", "episode-2@serienwecker",
    ]  # fmt: skip


# --- a fan who changes time zone --------------------------------------------------------


async def test_a_planned_reminder_is_rewritten_in_the_new_zone_after_a_zone_change(
    sessions,  # noqa: F811 - the replan tests' fixture: Ballard airing at AIRS
):
    fan = await add_fan(sessions, 5, leads=(60,))
    await ticks(sessions, AIRS - timedelta(minutes=63), AIRS - timedelta(minutes=61))
    [planned] = await rows(sessions)
    assert "20:15" in planned.payload["html"]  # Berlin
    await change(sessions, fan, timezone="America/New_York")
    async with sessions.begin() as session:
        await replan_chat(
            session, chat_id=fan, timezone="America/New_York", defaults=Defaults("de",
            "Europe/Berlin"), now=AIRS - timedelta(minutes=61),
        )  # fmt: skip
    [replanned] = [row for row in await rows(sessions) if row.status == "pending"]
    assert "14:15" in replanned.payload["html"] and "20:15" not in replanned.payload["html"]


# --- a chat's own iCal airings that move or arrive late ---------------------------------

SHOW = 90


def add_ballard(tvmaze: FakeTvmaze) -> None:
    later = datetime.now(UTC) + timedelta(days=20)
    tvmaze.add_show(
        show(SHOW, "Ballard", network="Prime Video"),
        episodes=[episode(900, 2, 1, "Cold Case", later)],
    )


def ical_reminders(fake: FakeTelegram, chat_id: int) -> list[dict] | None:
    return [m for m in fake.messages(chat_id) if "ZDFneo" in m["visible"]] or None


async def test_a_chat_airing_moved_earlier_past_its_lead_time_is_still_reminded(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, feeds: FeedServer
):
    add_ballard(tvmaze)
    await bot.stop()
    await bot.start(reminder_tick_seconds=1)
    now = datetime.now(UTC).replace(microsecond=0)
    feeds.routes["/ballard.ics"] = Route(
        feed(event("zdfneo-1", ics_start(now + timedelta(hours=5)), "Die Spur", "ZDFneo")),
        content_type="text/calendar",
    )
    card = await follow_and_open_card(fake, 50)
    answer = await attach(fake, 50, card, feeds.url("/ballard.ics"))
    assert answer.startswith("Calendar added: 1 upcoming date found.")
    # The portal moves the airing to 40 minutes from now: an hour's lead has passed, but the
    # episode has not started, so the fan should be reminded now, as for a moved episode.
    feeds.routes["/ballard.ics"].body = feed(
        event("zdfneo-1", ics_start(now + timedelta(minutes=40)), "Die Spur", "ZDFneo")
    )
    await bot.run_job("catalog-sync")
    [reminder] = await fake.wait(lambda: ical_reminders(fake, 50), 15, "the moved airing")
    assert "Die Spur" in reminder["visible"]


async def test_an_airing_attached_after_its_lead_time_passed_is_still_reminded(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, feeds: FeedServer
):
    add_ballard(tvmaze)
    await bot.stop()
    await bot.start(reminder_tick_seconds=1)
    airs = datetime.now(UTC).replace(microsecond=0) + timedelta(minutes=30)
    feeds.routes["/ballard.ics"] = Route(
        feed(event("zdfneo-1", ics_start(airs), "Die Spur", "ZDFneo")),
        content_type="text/calendar",
    )
    card = await follow_and_open_card(fake, 50)
    answer = await attach(fake, 50, card, feeds.url("/ballard.ics"))
    assert answer.startswith("Calendar added: 1 upcoming date found.")
    [reminder] = await fake.wait(lambda: ical_reminders(fake, 50), 15, "the late airing")
    assert "Die Spur" in reminder["visible"]
