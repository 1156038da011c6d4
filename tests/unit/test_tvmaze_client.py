"""The TVmaze client against the fake TVmaze server: parsing, limits, errors, cache."""

import asyncio
from datetime import UTC, date, datetime

import httpx
import pytest

from bot.catalog.rate_limit import SlidingWindowLimiter
from bot.catalog.tvmaze import TvmazeClient
from bot.catalog.tvmaze_parse import parse_episode, parse_show
from tests.fake_tvmaze import FakeTvmaze, episode, show
from tests.fake_tvmaze.shows import aka


@pytest.fixture
async def tvmaze():
    async with FakeTvmaze() as fake:
        yield fake


@pytest.fixture
async def client(tvmaze):
    async with httpx.AsyncClient(timeout=1.0) as http:
        yield TvmazeClient(tvmaze.base_url, http)


def test_parse_show_takes_network_or_web_channel():
    web = parse_show(show(1, "Dark", premiered="2017-12-01", network="Netflix", country="DE"))
    tv = parse_show(show(2, "Dark Winds", network="AMC", web=False))
    assert (web.title, web.premiered, web.network, web.country) == ("Dark", 2017, "Netflix", "DE")
    assert tv.network == "AMC"


@pytest.mark.parametrize(
    "raw", [None, [], {"id": "x", "name": "A"}, {"id": 1}, {"id": 1, "name": ""}, {"id": True}]
)
def test_malformed_shows_are_skipped(raw):
    assert parse_show(raw) is None


def test_long_and_odd_titles_are_bounded():
    parsed = parse_show({"id": 5, "name": "<b>" + "x" * 5000, "premiered": "not a date"})
    assert len(parsed.title) == 300 and parsed.premiered is None and parsed.status == "Unknown"


def test_timed_and_date_only_episodes():
    timed = parse_episode(episode(1, 1, 1, "Pilot", datetime(2026, 3, 29, 18, 15, tzinfo=UTC)))
    dated = parse_episode(episode(2, 1, 2, "Two", airdate="2026-04-03"))
    assert timed.airstamp == datetime(2026, 3, 29, 18, 15, tzinfo=UTC)
    assert dated.airstamp is None and dated.airdate == date(2026, 4, 3)


async def test_show_with_episodes_and_akas_costs_two_calls(tvmaze, client):
    tvmaze.add_show(
        show(7, "Money Heist"),
        episodes=[episode(70, 1, 1, "Pilot", datetime(2026, 1, 1, 20, tzinfo=UTC))],
        akas=[aka("Haus des Geldes", "DE"), aka("La casa de papel", None)],
    )
    result = await client.show(7, with_akas=True)
    assert result.error is None
    assert [a.name for a in result.value.akas] == ["Haus des Geldes", "La casa de papel"]
    assert [a.country for a in result.value.akas] == ["DE", None]
    assert len(result.value.episodes) == 1 and client.calls == 2
    assert (await client.show(7, with_akas=False)).value.akas is None
    assert (await client.show(8, with_akas=False)).error == "not found"


async def test_search_is_cached_briefly(tvmaze, client):
    tvmaze.add_show(show(7, "Money Heist"))
    first = await client.search("Money")
    second = await client.search("money")
    assert [s.title for s in first.value] == [s.title for s in second.value] == ["Money Heist"]
    assert tvmaze.calls("/search") == 1


async def test_server_errors_and_garbage_are_values_not_exceptions(tvmaze, client):
    tvmaze.fail_next(500)
    assert (await client.search("a")).error == "HTTP 500"
    tvmaze.delay = 2.0  # slower than the client's 1 s timeout
    assert (await client.updates("day")).error == "ReadTimeout"


async def test_429_waits_retry_after_then_succeeds(tvmaze, client):
    tvmaze.add_show(show(7, "Money Heist"))
    tvmaze.fail_next(429, retry_after="1")
    result = await client.search("money")
    assert [s.title for s in result.value] == ["Money Heist"]
    assert tvmaze.calls("/search") == 2


async def test_429_with_a_long_pause_fails_fast(tvmaze, client):
    tvmaze.fail_next(429, retry_after="3600")
    assert (await client.search("money")).error == "HTTP 429"
    assert client.limiter.delay() > 3000  # and everyone else holds back too


async def test_limiter_never_lets_more_than_n_calls_into_a_window():
    now = [0.0]
    starts = []

    async def fake_sleep(seconds):
        now[0] += seconds

    limiter = SlidingWindowLimiter(19, 10.0, clock=lambda: now[0], sleep=fake_sleep)
    for _ in range(100):
        await limiter.acquire()
        starts.append(now[0])
    for index in range(len(starts) - 19):
        assert starts[index + 19] - starts[index] >= 10.0
    assert starts[-1] == pytest.approx(50.0)  # 100 calls at 19 per 10 s: the 96th+ start at 50 s


async def test_background_calls_use_only_what_the_reserve_leaves():
    now = [0.0]

    async def fake_sleep(seconds):
        now[0] += seconds

    limiter = SlidingWindowLimiter(19, 10.0, clock=lambda: now[0], sleep=fake_sleep)
    starts = []
    for _ in range(30):
        await limiter.acquire(reserve=10)
        starts.append(now[0])
    for index in range(len(starts) - 9):
        assert starts[index + 9] - starts[index] >= 10.0  # at most 9 in any 10 s
    # Right after the background's 9th call of a window, users still have 10 calls at once.
    now[0] = 100.0
    for _ in range(9):
        await limiter.acquire(reserve=10)
    for _ in range(10):
        await limiter.acquire()
    assert now[0] == 100.0
    await limiter.acquire()  # the 20th call of the window: now even a user waits
    assert now[0] == pytest.approx(110.0)


async def test_a_user_call_never_queues_behind_a_waiting_background_call():
    limiter = SlidingWindowLimiter(3, 30.0)
    await limiter.acquire(reserve=2)
    waiting = asyncio.create_task(limiter.acquire(reserve=2))  # its share is used up: it waits
    await asyncio.sleep(0)
    await limiter.acquire()
    await limiter.acquire()
    assert not waiting.done()  # both user calls went first
    waiting.cancel()


async def test_the_show_index_comes_in_pages_and_ends_with_a_404(tvmaze, client):
    for tvmaze_id in range(1, 252):
        tvmaze.add_show(show(tvmaze_id, f"Show {tvmaze_id}", premiered="2020-05-01"))
    first = await client.show_index_page(0)
    second = await client.show_index_page(1)
    past = await client.show_index_page(2)
    assert [s.tvmaze_id for s in first.value] == list(range(1, 251))
    assert [(s.tvmaze_id, s.title, s.premiered) for s in second.value] == [(251, "Show 251", 2020)]
    assert past.error == "not found"
    assert [query for path, query in tvmaze.requests] == [
        {"page": "0"},
        {"page": "1"},
        {"page": "2"},
    ]


async def test_lookup_by_tvdb_or_imdb_reads_the_redirect_in_one_call(tvmaze, client):
    dark = show(17861, "Dark")
    dark["externals"] = {"tvrage": None, "thetvdb": 334824, "imdb": "tt5753856"}
    tvmaze.add_show(dark)
    assert (await client.lookup(thetvdb=334824)).value == 17861
    assert (await client.lookup(imdb="tt5753856")).value == 17861
    assert (await client.lookup(thetvdb=1234)).error == "not found"
    assert client.calls == 3 and tvmaze.calls("/shows") == 0  # the show itself is not fetched


async def test_lookup_with_a_redirect_following_http_client_still_reads_the_redirect(tvmaze):
    dark = show(17861, "Dark")
    dark["externals"] = {"tvrage": None, "thetvdb": 334824, "imdb": None}
    tvmaze.add_show(dark)
    async with httpx.AsyncClient(timeout=1.0, follow_redirects=True) as http:
        client = TvmazeClient(tvmaze.base_url, http)
        assert (await client.lookup(thetvdb=334824)).value == 17861
