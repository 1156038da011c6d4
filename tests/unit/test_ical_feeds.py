"""Attaching and refreshing admin iCal feeds, served locally, on SQLite and PostgreSQL."""

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.catalog.ical_feeds import (
    AttachOutcome,
    SeriesChoice,
    attach_ical,
    refresh_ical_feeds,
    resolve_series,
)
from bot.catalog.importer import store_show
from bot.catalog.tvmaze_parse import parse_show_data
from bot.http_fetch import FetchLimits, make_feed_client
from handlers.ical import attach_reply
from storage.catalog_models import Episode, Series
from storage.db import create_session_factory
from storage.migrate import upgrade_database
from tests.fake_feeds import FeedServer, Route
from tests.fake_tvmaze import show
from tests.unit.test_ical import event, feed

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
LIMITS = FetchLimits(total_seconds=5.0)
ICS = "text/calendar; charset=utf-8"
ZONE = "Europe/Berlin"  # the bot's default time zone
SHOWS = [
    (70000, "Ballard", "2025-07-09"),
    (17861, "Dark", "2017-12-01"),
    (60000, "Dark Matter", "2024-05-08"),
    (45000, "Dark Winds", "2022-06-12"),
    (90000, "1899", "2022-11-17"),
]


@pytest.fixture
async def server() -> AsyncIterator[FeedServer]:
    async with FeedServer() as server:
        yield server


@pytest.fixture
async def sessions(engine):
    await upgrade_database(engine)
    factory = create_session_factory(engine)
    async with factory.begin() as session:
        for tvmaze_id, title, premiered in SHOWS:
            data = parse_show_data(show(tvmaze_id, title, premiered=premiered), [])
            await store_show(session, data, now=NOW)
    return factory


def ballard_feed(*events: str) -> Route:
    return Route(feed(*events), content_type=ICS)


async def ical_rows(sessions) -> dict[str, Episode]:
    async with sessions() as session:
        rows = await session.scalars(select(Episode).where(Episode.ical_uid.is_not(None)))
        return {row.ical_uid: row for row in rows}


async def test_attach_stores_url_and_dates_and_refresh_follows_the_feed(sessions, server):
    server.routes["/ballard.ics"] = ballard_feed(
        event("s2e1", "DTSTART;TZID=Europe/Berlin:20261129T201500", "Ballard: Folge 1"),
        event("s2e2", "DTSTART;TZID=Europe/Berlin:20261206T201500", "Ballard: Folge 2"),
        event("marathon", "DTSTART;VALUE=DATE:20261226", "Ballard-Marathon", "ZDFneo"),
        event("old", "DTSTART;TZID=Europe/Berlin:20261123T201500"),  # last night
    )
    url = server.url("/ballard.ics")
    async with make_feed_client(LIMITS, allow_private=True) as client:
        outcome = await attach_ical(
            sessions, client, LIMITS, series_query="  ballard ", url=url, now=NOW, timezone=ZONE
        )
        assert outcome.kind == "done" and outcome.future_airings == 3
        assert outcome.series is not None and outcome.series.tvmaze_id == 70000
        async with sessions() as session:
            series = await session.scalar(select(Series).where(Series.tvmaze_id == 70000))
            assert series is not None and series.ical_url == url
        rows = await ical_rows(sessions)
        assert set(rows) == {"s2e1", "s2e2", "marathon", "old"}
        assert rows["s2e1"].airstamp == datetime(2026, 11, 29, 19, 15, tzinfo=UTC)
        assert rows["s2e1"].channel == "ZDF" and rows["s2e1"].title == "Ballard: Folge 1"
        assert rows["marathon"].airstamp is None
        assert rows["marathon"].airdate == date(2026, 12, 26)

        # The broadcaster moves episode 2 and drops the marathon.
        server.routes["/ballard.ics"] = ballard_feed(
            event("s2e1", "DTSTART;TZID=Europe/Berlin:20261129T201500", "Ballard: Folge 1"),
            event("s2e2", "DTSTART;TZID=Europe/Berlin:20261207T221500", "Ballard: Folge 2"),
        )
        report = await refresh_ical_feeds(sessions, client, LIMITS, NOW, ZONE)
        assert (report.feeds, report.failed, report.future_airings) == (1, 0, 2)
        rows = await ical_rows(sessions)
        assert set(rows) == {"s2e1", "s2e2", "old"}  # the past airing stays as history
        assert rows["s2e2"].airstamp == datetime(2026, 12, 7, 21, 15, tzinfo=UTC)

        # A feed that breaks is counted, not raised, and its dates stay.
        server.routes["/ballard.ics"] = Route(status=500)
        report = await refresh_ical_feeds(sessions, client, LIMITS, NOW, ZONE)
        assert (report.feeds, report.failed) == (1, 1)
        assert set(await ical_rows(sessions)) == {"s2e1", "s2e2", "old"}


async def test_floating_times_are_read_on_the_bots_wall_clock(sessions, server):
    """A portal's calendar without zones or X-WR-TIMEZONE means its audience's 20:15, not
    UTC's: the bot's default zone, on both sides of the autumn change."""
    server.routes["/ballard.ics"] = ballard_feed(
        event("oct", "DTSTART:20261024T201500", "Ballard: Folge 1"),  # summer time
        event("nov", "DTSTART:20261128T201500", "Ballard: Folge 2"),  # winter time
    )
    async with make_feed_client(LIMITS, allow_private=True) as client:
        outcome = await attach_ical(
            sessions,
            client,
            LIMITS,
            series_query="Ballard",
            url=server.url("/ballard.ics"),
            now=datetime(2026, 10, 20, tzinfo=UTC),
            timezone=ZONE,
        )
    assert outcome.kind == "done"
    rows = await ical_rows(sessions)
    assert rows["oct"].airstamp == datetime(2026, 10, 24, 18, 15, tzinfo=UTC)
    assert rows["nov"].airstamp == datetime(2026, 11, 28, 19, 15, tzinfo=UTC)


async def test_attach_refuses_what_it_cannot_use(sessions, server):
    server.routes["/page.html"] = Route(b"<html><body>Shop</body></html>", content_type="text/html")
    good = server.url("/ballard.ics")
    server.routes["/ballard.ics"] = ballard_feed(event("a", "DTSTART:20261201T191500Z"))

    async def attach(query: str, url: str = good):
        return await attach_ical(
            sessions, client, LIMITS, series_query=query, url=url, now=NOW, timezone=ZONE
        )

    async with make_feed_client(LIMITS, allow_private=True) as client:
        assert (await attach("Ballard", "ftp://example.com/x.ics")).kind == "invalid_url"
        assert (await attach("Ballard", "http://x.test/" + "a" * 2000)).kind == "invalid_url"
        assert (await attach("Ballard", "not a url")).kind == "invalid_url"
        assert (await attach("Bosch")).kind == "unknown"
        assert (await attach("!!!")).kind == "unknown"
        ambiguous = await attach("Dar")
        assert ambiguous.kind == "ambiguous"
        assert {c.tvmaze_id for c in ambiguous.candidates} == {17861, 60000, 45000}
        not_calendar = await attach("Ballard", server.url("/page.html"))
        assert not_calendar.kind == "not_calendar"
        missing = await attach("Ballard", server.url("/gone.ics"))
        assert missing.kind == "unreachable" and missing.reason == "HTTP 404"
    assert server.hits["/ballard.ics"] == 0
    assert await ical_rows(sessions) == {}
    async with sessions() as session:
        assert list(await session.scalars(select(Series.ical_url).distinct())) == [None]


@pytest.mark.parametrize(
    ("query", "tvmaze_ids"),
    [
        ("Dark", [17861]),  # the exact title wins over Dark Matter and Dark Winds
        ("17861", [17861]),  # a TVmaze id
        ("1899", [90000]),  # digits that are no stored TVmaze id: a title
        ("dark winds", [45000]),
        ("Winds", [45000]),  # one series contains it
    ],
)
async def test_resolve_series(sessions, query, tvmaze_ids):
    async with sessions() as session:
        found = await resolve_series(session, query=query)
        assert [series.tvmaze_id for series in found] == tvmaze_ids


def test_ambiguous_reply_lists_candidates_with_tvmaze_ids_escaped():
    outcome = AttachOutcome(
        "ambiguous",
        candidates=(
            SeriesChoice("Dark <b>", 17861, 2017),
            SeriesChoice("Dark Matter", 60000, None),
        ),
    )
    text = attach_reply("en", outcome, query="Dar", url="https://x.test/a.ics")
    assert text == (
        "“Dar” fits several series. Send its TVmaze number instead:\n"
        "• <code>17861</code> Dark &lt;b&gt; (2017)\n"
        "• <code>60000</code> Dark Matter"
    )


async def test_a_refresh_stamps_a_moved_airing_when_it_is_stored(sessions, server):
    """The nightly job refreshes the calendars after a TVmaze sync of minutes to hours: a
    moved airing stamped with the job's start looked unchanged to a reminder tick run in
    between, and its pending reminders went out at the old time."""
    server.routes["/ballard.ics"] = ballard_feed(
        event("s2e1", "DTSTART;TZID=Europe/Berlin:20261129T201500", "Ballard: Folge 1"),
    )
    async with make_feed_client(LIMITS, allow_private=True) as client:
        outcome = await attach_ical(
            sessions, client, LIMITS, series_query="Ballard", url=server.url("/ballard.ics"),
            now=NOW, timezone=ZONE,
        )  # fmt: skip
        assert outcome.kind == "done"
        server.routes["/ballard.ics"] = ballard_feed(
            event("s2e1", "DTSTART;TZID=Europe/Berlin:20261129T221500", "Ballard: Folge 1"),
        )
        started = NOW + timedelta(hours=1)
        stored_at = started + timedelta(minutes=40)
        await refresh_ical_feeds(sessions, client, LIMITS, started, ZONE, clock=lambda: stored_at)
    moved = (await ical_rows(sessions))["s2e1"]
    assert moved.airstamp == datetime(2026, 11, 29, 21, 15, tzinfo=UTC)
    assert moved.changed_at == stored_at


async def test_a_number_too_big_for_an_id_is_looked_up_as_a_title(sessions):
    """/addical 99999999999999999999 … reached the database with an integer no column holds
    (SQLite: OverflowError; PostgreSQL: DataError), and the admin got no answer."""
    async with sessions() as session:
        assert await resolve_series(session, query="99999999999999999999") == []
        assert await resolve_series(session, query="2147483648") == []
