"""The world catalogue: walking TVmaze's show index into `known_series`, on both databases."""

from datetime import UTC, datetime, timedelta

import httpx
import pytest
from sqlalchemy import select

from bot.catalog.rate_limit import SlidingWindowLimiter
from bot.catalog.show_index import sync_show_index
from bot.catalog.tvmaze import TvmazeClient
from storage.db import create_session_factory
from storage.known_models import KnownSeries
from storage.known_series import known_series_version, search_known_series
from storage.migrate import upgrade_database
from tests.fake_tvmaze import FakeTvmaze, show

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
WEEK = timedelta(days=7)


@pytest.fixture
async def sessions(engine):
    await upgrade_database(engine)
    return create_session_factory(engine)


@pytest.fixture
async def tvmaze():
    async with FakeTvmaze() as fake:
        for tvmaze_id in range(1, 601):  # 600 shows: pages of 250, 250 and 100
            fake.add_show(show(tvmaze_id, f"Show number {tvmaze_id}", premiered="2001-02-03"))
        yield fake


@pytest.fixture
async def http():
    async with httpx.AsyncClient(timeout=5.0) as client:
        yield client


def pages_asked(tvmaze: FakeTvmaze) -> list[int]:
    return [int(query["page"]) for path, query in tvmaze.requests if path == "/shows"]


async def sync(sessions, http, tvmaze, *, now=NOW, max_pages=100):
    client = TvmazeClient(tvmaze.base_url, http)  # a new client: as after a restart
    return await sync_show_index(
        sessions=sessions, client=client, now=now, refresh_every=WEEK, max_pages=max_pages
    )


async def stored(sessions) -> dict[int, tuple[str, int | None, str | None]]:
    async with sessions() as session:
        rows = await session.scalars(select(KnownSeries))
        return {row.tvmaze_id: (row.name, row.premiered, row.language) for row in rows}


async def test_a_pass_stores_every_page_until_the_404(sessions, http, tvmaze):
    report = await sync(sessions, http, tvmaze)
    assert (report.pages, report.shows, report.calls, report.completed) == (3, 600, 4, True)
    assert pages_asked(tvmaze) == [0, 1, 2, 3]  # page 3 answers 404: the end of the index
    known = await stored(sessions)
    assert len(known) == 600 and known[417] == ("Show number 417", 2001, "English")


async def test_a_restart_continues_with_the_next_page(sessions, http, tvmaze):
    first = await sync(sessions, http, tvmaze, max_pages=2)
    assert (first.pages, first.completed) == (2, False) and len(await stored(sessions)) == 500
    second = await sync(sessions, http, tvmaze, now=NOW + timedelta(minutes=1))
    assert (second.pages, second.completed) == (1, True)
    assert pages_asked(tvmaze) == [0, 1, 2, 3]  # no page fetched twice
    assert len(await stored(sessions)) == 600


async def test_a_failed_page_is_retried_by_the_next_tick(sessions, http, tvmaze):
    await sync(sessions, http, tvmaze, max_pages=1)
    tvmaze.fail_next(500)
    failed = await sync(sessions, http, tvmaze)
    assert (failed.pages, failed.error, failed.completed) == (0, "HTTP 500", False)
    done = await sync(sessions, http, tvmaze)
    assert done.completed and pages_asked(tvmaze) == [0, 1, 1, 2, 3]
    assert len(await stored(sessions)) == 600


async def test_the_index_is_walked_again_a_week_after_a_complete_pass(sessions, http, tvmaze):
    await sync(sessions, http, tvmaze)
    async with sessions() as session:
        version = await known_series_version(session)
    idle = await sync(sessions, http, tvmaze, now=NOW + timedelta(days=6))
    assert (idle.calls, idle.pages) == (0, 0)

    unchanged = await sync(sessions, http, tvmaze, now=NOW + WEEK)
    assert (unchanged.pages, unchanged.completed, unchanged.removed) == (3, True, 0)
    async with sessions() as session:
        assert await known_series_version(session) == version  # nothing new: no matcher rebuild

    tvmaze.shows[5]["name"] = "Show number five"
    del tvmaze.shows[600]
    changed = await sync(sessions, http, tvmaze, now=NOW + 2 * WEEK)
    assert (changed.completed, changed.removed) == (True, 1)
    known = await stored(sessions)
    assert known[5][0] == "Show number five" and 600 not in known and len(known) == 599
    async with sessions() as session:
        assert await known_series_version(session) != version


async def test_an_index_that_ends_early_deletes_nothing(sessions, http, tvmaze):
    await sync(sessions, http, tvmaze)
    for tvmaze_id in range(251, 601):
        del tvmaze.shows[tvmaze_id]  # TVmaze answering 404 after page 0: a hiccup, not deletions
    report = await sync(sessions, http, tvmaze, now=NOW + WEEK)
    assert (report.completed, report.removed) == (True, 0)
    assert len(await stored(sessions)) == 600


async def test_broken_entries_on_a_page_are_skipped(sessions, http, tvmaze):
    tvmaze.shows[7]["name"] = ""  # unusable: no name
    tvmaze.shows[8]["premiered"] = None
    tvmaze.shows[9]["name"] = "¡Señor Ávila!"
    await sync(sessions, http, tvmaze)
    known = await stored(sessions)
    assert 7 not in known and known[8] == ("Show number 8", None, "English")
    async with sessions() as session:
        [avila] = await search_known_series(session, normalized="senor avila", limit=8)
    assert avila.name == "¡Señor Ávila!"


async def test_search_ranks_exact_then_prefix_then_inner_matches(sessions, http):
    async with FakeTvmaze() as tvmaze:
        for tvmaze_id, name, year in (
            (1, "The NCIS Files", "2001-01-01"),
            (2, "NCIS: Los Angeles", "2009-09-22"),
            (3, "NCIS", "2003-09-23"),
            (4, "NCIS: Hawai'i", "2021-09-20"),
            (5, "Bosch", "2014-02-06"),
        ):
            tvmaze.add_show(show(tvmaze_id, name, premiered=year))
        await sync(sessions, http, tvmaze)
    async with sessions() as session:
        found = await search_known_series(session, normalized="ncis", limit=8)
        few = await search_known_series(session, normalized="ncis", limit=2)
        none = await search_known_series(session, normalized="50%", limit=8)
    assert [k.name for k in found] == [
        "NCIS",
        "NCIS: Hawai'i",
        "NCIS: Los Angeles",
        "The NCIS Files",
    ]
    assert len(few) == 2 and none == []


async def test_a_tick_stops_between_pages_when_told_to(sessions, http, tvmaze):
    asked = []

    def go_on():  # e.g. the tick's time is up, or the bot is stopping
        asked.append(len(asked))
        return len(asked) <= 2

    client = TvmazeClient(tvmaze.base_url, http)
    report = await sync_show_index(
        sessions=sessions, client=client, now=NOW, refresh_every=WEEK, max_pages=100, go_on=go_on
    )
    assert (report.pages, report.completed) == (2, False) and pages_asked(tvmaze) == [0, 1]
    assert len(await stored(sessions)) == 500  # the two pages are kept; page 2 comes next


async def test_a_pass_stays_within_the_background_share_of_the_rate_limit(sessions, tvmaze):
    for tvmaze_id in range(601, 3001):  # 3000 shows: 12 pages and the 404
        tvmaze.add_show(show(tvmaze_id, f"Show number {tvmaze_id}"))
    virtual = [0.0]
    starts = []

    async def wait(seconds):
        virtual[0] += seconds

    async def record(request):
        starts.append(virtual[0])

    limiter = SlidingWindowLimiter(19, 10.0, clock=lambda: virtual[0], sleep=wait)
    async with httpx.AsyncClient(event_hooks={"request": [record]}) as http:
        client = TvmazeClient(tvmaze.base_url, http, limiter=limiter)
        report = await sync_show_index(
            sessions=sessions, client=client, now=NOW, refresh_every=WEEK, max_pages=100
        )
    assert (report.pages, report.calls, report.completed) == (12, 13, True)
    assert starts[:9] == [0.0] * 9 and starts[9:] == [10.0] * 4  # 9 calls, then the next window
    assert limiter.delay() == 0  # users still had 10 free calls in every window
