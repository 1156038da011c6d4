"""/follow when TVmaze is down: the world catalogue answers, and following waits for TVmaze."""

from datetime import UTC, datetime

import httpx
import pytest

from bot.catalog.following import follow_series
from bot.catalog.importer import store_show
from bot.catalog.search import search_series
from bot.catalog.tvmaze import TvmazeClient
from bot.catalog.tvmaze_parse import parse_show_data
from bot.chat_settings import Defaults
from storage.chats import ensure_chat
from storage.db import create_session_factory
from storage.known_series import KnownShow, upsert_known_series
from storage.migrate import upgrade_database
from storage.series import get_series
from tests.fake_tvmaze import FakeTvmaze, show

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
NCIS, NCIS_LA, NCIS_HAWAII, BOSCH = 60, 61, 55000, 2019


@pytest.fixture
async def sessions(engine):
    await upgrade_database(engine)
    factory = create_session_factory(engine)
    async with factory.begin() as session:
        await ensure_chat(session, telegram_id=1, chat_type="private")
        await upsert_known_series(
            session,
            shows=[
                KnownShow(NCIS_LA, "NCIS: Los Angeles", "ncis los angeles", 2009, "English"),
                KnownShow(NCIS_HAWAII, "NCIS: Hawai'i", "ncis hawai i", 2021, "English"),
                KnownShow(BOSCH, "Bosch", "bosch", 2014, "English"),
            ],
            now=NOW,
        )
        raw = show(NCIS, "NCIS", premiered="2003-09-23", network="CBS", web=False)
        raw["_embedded"] = {"episodes": []}
        await store_show(session, parse_show_data(raw, []), now=NOW)  # followed by someone
    return factory


@pytest.fixture
async def tvmaze():
    async with FakeTvmaze() as fake:
        fake.add_show(show(NCIS_LA, "NCIS: Los Angeles", premiered="2009-09-22"))
        yield fake


@pytest.fixture
async def client(tvmaze):
    async with httpx.AsyncClient(timeout=1.0) as http:
        yield TvmazeClient(tvmaze.base_url, http)


async def test_tvmaze_down_search_offers_stored_then_known_series(sessions, tvmaze, client):
    tvmaze.fail_next(503)
    outcome = await search_series(sessions=sessions, client=client, query="ncis")
    assert outcome.tv_unavailable
    assert [(c.tvmaze_id, c.title, c.premiered) for c in outcome.candidates] == [
        (NCIS, "NCIS", 2003),  # stored in full: first
        (NCIS_HAWAII, "NCIS: Hawai'i", 2021),
        (NCIS_LA, "NCIS: Los Angeles", 2009),
    ]


async def test_tvmaze_slow_search_still_answers_from_the_known_series(sessions, tvmaze, client):
    tvmaze.delay = 2.0  # slower than the client's timeout
    outcome = await search_series(sessions=sessions, client=client, query="Bosch")
    assert outcome.tv_unavailable and [c.title for c in outcome.candidates] == ["Bosch"]


async def test_tvmaze_up_the_known_series_add_nothing(sessions, tvmaze, client):
    outcome = await search_series(sessions=sessions, client=client, query="Bosch")
    assert not outcome.tv_unavailable and outcome.candidates == ()  # TVmaze's answer counts


async def test_a_known_series_is_followed_once_tvmaze_answers_again(sessions, tvmaze, client):
    async def follow():
        return await follow_series(
            sessions=sessions,
            client=client,
            chat_telegram_id=1,
            tvmaze_id=NCIS_LA,
            now=NOW,
            defaults=Defaults("de", "Europe/Berlin"),
        )

    tvmaze.fail_next(503)
    refused = await follow()
    assert (refused.series, refused.tv_unavailable) == (None, True)
    async with sessions() as session:
        assert await get_series(session, tvmaze_id=NCIS_LA) is None  # nothing half-imported
    followed = await follow()
    assert followed.newly_followed and followed.series.title == "NCIS: Los Angeles"
