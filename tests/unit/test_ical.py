"""iCal import (admin-attached air dates) on SQLite and PostgreSQL."""

import logging
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from bot.catalog import ical
from bot.catalog.ical import parse_ical, store_ical_airings
from bot.catalog.importer import store_show
from bot.catalog.tvmaze_parse import parse_show_data
from storage.catalog_models import Episode
from storage.db import create_session_factory
from storage.migrate import upgrade_database
from tests.fake_tvmaze import episode, show

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def feed(*events: str) -> bytes:
    body = "\r\n".join(
        ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//ZDF//EN", *events, "END:VCALENDAR"]
    )
    return body.encode()


def event(uid: str, start: str, summary: str = "Folge", location: str = "ZDF") -> str:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        start,
        f"SUMMARY:{summary}",
        f"LOCATION:{location}",
        "END:VEVENT",
    ]
    return "\r\n".join(lines)


def test_parse_timed_zoned_and_all_day_events():
    airings = parse_ical(
        feed(
            event("a", "DTSTART;TZID=Europe/Berlin:20261129T201500", "Ballard <b>1</b>"),
            event("b", "DTSTART:20261201T191500Z"),
            event("c", "DTSTART;VALUE=DATE:20261205"),
            "BEGIN:VEVENT\r\nSUMMARY:no uid\r\nDTSTART:20261201T191500Z\r\nEND:VEVENT",
        ),
        now=NOW,
    )
    assert [(a.uid, a.airstamp, a.airdate) for a in airings] == [
        ("a", datetime(2026, 11, 29, 19, 15, tzinfo=UTC), None),
        ("b", datetime(2026, 12, 1, 19, 15, tzinfo=UTC), None),
        ("c", None, date(2026, 12, 5)),
    ]
    assert airings[0].title == "Ballard <b>1</b>" and airings[0].channel == "ZDF"


def test_an_unreadable_event_is_skipped_not_fatal():
    airings = parse_ical(
        feed(event("bad", "DTSTART:2026-99-99T25:61"), event("ok", "DTSTART:20261201T191500Z")),
        now=NOW,
    )
    assert [a.uid for a in airings] == ["ok"]


@pytest.mark.parametrize(
    "body", [b"", b"<html>not a calendar</html>", b"BEGIN:VCALENDAR\r\nBROKEN"]
)
def test_garbage_is_not_a_calendar(body):
    assert parse_ical(body) is None


def local_times(body: bytes, timezone: str = "UTC") -> dict[str, str]:
    airings = parse_ical(body, now=NOW, timezone=timezone) or []
    berlin = ZoneInfo("Europe/Berlin")
    return {a.uid: f"{a.airstamp.astimezone(berlin):%d %H:%M}" for a in airings if a.airstamp}


def test_floating_times_are_local_to_the_calendar_else_to_the_chat():
    floating = event("f", "DTSTART:20261126T201500")
    weekly = "\r\n".join(
        ["BEGIN:VEVENT", "UID:w", "DTSTART:20261126T201500", "RRULE:FREQ=WEEKLY;COUNT=1",
         "END:VEVENT"]
    )  # fmt: skip
    berlin = local_times(feed("X-WR-TIMEZONE:Europe/Berlin", floating, weekly), "Asia/Tokyo")
    assert berlin == {"f": "26 20:15", "w#20261126T191500Z": "26 20:15"}
    assert local_times(feed(floating, weekly), "Europe/Berlin") == {
        "f": "26 20:15", "w#20261126T201500Z": "26 20:15",
    }  # fmt: skip
    # A zone tzdata does not know is no zone: the chat's, and the recurrences still expand.
    unknown = feed("X-WR-TIMEZONE:Mitteleuropa", floating, weekly)
    assert local_times(unknown, "Europe/Berlin") == {
        "f": "26 20:15",
        "w#20261126T201500Z": "26 20:15",
    }
    assert local_times(feed(floating)) == {"f": "26 21:15"}  # no zone anywhere: UTC
    assert local_times(feed(event("z", "DTSTART:20261126T201500Z")), "Europe/Berlin") == {
        "z": "26 21:15"
    }


def test_an_undefined_tzid_is_read_like_a_floating_time_with_one_warning(caplog):
    body = feed(
        "X-WR-TIMEZONE:Europe/Berlin",
        event("a", "DTSTART;TZID=Mitteleuropa:20261126T201500"),
        event("b", "DTSTART;TZID=Mitteleuropa:20261127T201500"),
    )
    with caplog.at_level(logging.WARNING, logger="bot.catalog.ical"):
        assert local_times(body, "UTC") == {"a": "26 20:15", "b": "27 20:15"}
    [record] = caplog.records
    assert record.levelno == logging.WARNING
    assert "Mitteleuropa" in record.getMessage() and "Europe/Berlin" in record.getMessage()


def test_past_airings_are_dropped_before_the_soonest_upcoming_are_kept(monkeypatch):
    monkeypatch.setattr(ical, "MAX_EVENTS", 3)
    history = [event(f"old-{day}", f"DTSTART:202611{day:02}T191500Z") for day in range(1, 23)]
    later = [event(f"new-{day}", f"DTSTART:202612{day:02}T191500Z") for day in (9, 7, 5, 3)]
    today = [
        event("yesterday", "DTSTART:20261123T191500Z"),  # within the margin
        event("today", "DTSTART;VALUE=DATE:20261124"),
    ]
    airings = parse_ical(feed(*history, *later, *today), now=NOW)
    assert [a.uid for a in airings] == ["yesterday", "today", "new-3"]
    monkeypatch.setattr(ical, "MAX_EVENTS", 10)
    airings = parse_ical(feed(*history, *later, *today), now=NOW)
    assert [a.uid for a in airings][2:] == ["new-3", "new-5", "new-7", "new-9"]


async def test_store_upserts_and_drops_vanished_future_airings(engine):
    await upgrade_database(engine)
    sessions = create_session_factory(engine)
    raw = show(7, "Ballard")
    raw["_embedded"] = {
        "episodes": [episode(1, 1, 1, "Pilot", datetime(2026, 12, 3, 20, tzinfo=UTC))]
    }
    async with sessions.begin() as session:
        series = await store_show(session, parse_show_data(raw, []), now=NOW)
        first = parse_ical(
            feed(
                event("past", "DTSTART:20261101T191500Z"),  # still to come when first read
                event("moves", "DTSTART:20261201T191500Z"),
                event("goes", "DTSTART:20261202T191500Z"),
            ),
            now=datetime(2026, 10, 30, tzinfo=UTC),
        )
        assert await store_ical_airings(session, series, first, now=NOW) == 2
    async with sessions.begin() as session:
        second = parse_ical(
            feed(event("moves", "DTSTART:20261208T191500Z", location="ZDFneo")), now=NOW
        )
        assert await store_ical_airings(session, series, second, now=NOW) == 1
    async with sessions() as session:
        rows = list(await session.scalars(select(Episode).order_by(Episode.airstamp)))
    by_uid = {row.ical_uid: row for row in rows}
    assert set(by_uid) == {None, "past", "moves"}  # TVmaze's episode is untouched
    assert by_uid["moves"].airstamp == datetime(2026, 12, 8, 19, 15, tzinfo=UTC)
    assert by_uid["moves"].channel == "ZDFneo"


WEEKLY = (
    "BEGIN:VEVENT\r\nUID:weekly@zdf\r\nDTSTART:20261201T191500Z\r\n"
    "RRULE:FREQ=WEEKLY\r\nSUMMARY:Ballard\r\nLOCATION:ZDF\r\nEND:VEVENT",
    # The second airing moved by an hour and a half: same UID, its RECURRENCE-ID.
    "BEGIN:VEVENT\r\nUID:weekly@zdf\r\nRECURRENCE-ID:20261208T191500Z\r\n"
    "DTSTART:20261208T204500Z\r\nSUMMARY:Ballard (später)\r\nLOCATION:ZDF\r\nEND:VEVENT",
)


def test_weekly_rule_is_expanded_within_the_horizon_with_its_override():
    airings = parse_ical(feed(*WEEKLY, event("one", "DTSTART:20261203T200000Z")), now=NOW)
    weekly = sorted((a for a in airings if a.uid.startswith("weekly@zdf")), key=lambda a: a.uid)
    starts = [a.airstamp for a in weekly]
    assert starts[0] == datetime(2026, 12, 1, 19, 15, tzinfo=UTC)
    assert datetime(2026, 12, 8, 20, 45, tzinfo=UTC) in starts  # the override, not 19:15
    assert datetime(2026, 12, 8, 19, 15, tzinfo=UTC) not in starts
    assert 12 <= len(weekly) <= 14  # ~90 days of weekly airings, not one and not forever
    assert len({a.uid for a in weekly}) == len(weekly)  # one key per (UID, RECURRENCE-ID)
    assert all(a.airstamp <= NOW + timedelta(days=91) for a in weekly)
    assert [a.uid for a in airings if not a.uid.startswith("weekly")] == ["one"]


async def test_recurring_feed_with_an_override_is_stored(engine):
    await upgrade_database(engine)
    sessions = create_session_factory(engine)
    async with sessions.begin() as session:
        series = await store_show(session, parse_show_data(show(7, "Ballard"), []), now=NOW)
        airings = parse_ical(feed(*WEEKLY), now=NOW)
        assert await store_ical_airings(session, series, airings, now=NOW) == len(airings)
    async with sessions.begin() as session:  # a refresh changes nothing
        again = parse_ical(feed(*WEEKLY), now=NOW)
        await store_ical_airings(session, series, again, now=NOW)
    async with sessions() as session:
        rows = list(await session.scalars(select(Episode).where(Episode.ical_uid.is_not(None))))
    assert len(rows) == len(airings) >= 12
