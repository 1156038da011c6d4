"""/import while TVmaze is down: titles found nowhere else are unchecked, not "not found"."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
import pytest

from bot.catalog.import_formats import ImportEntry
from bot.catalog.import_match import (
    Confidence,
    ImportMatch,
    ImportSummary,
    follow_matches,
    match_entries,
)
from bot.catalog.import_views import confirm_screen, summary_screen
from bot.catalog.importer import store_show
from bot.catalog.tvmaze import TvmazeClient
from bot.catalog.tvmaze_parse import parse_show_data
from bot.chat_settings import Defaults
from storage.chats import ensure_chat
from storage.db import create_session_factory
from storage.migrate import upgrade_database
from tests.fake_tvmaze import FakeTvmaze, show

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
DARK, BALLARD = 17861, 70000

FOUND = ImportMatch(ImportEntry("Dark"), DARK, "Dark", Confidence.TITLE)
UNCHECKED = ImportMatch(ImportEntry("Ballard"), None, "Ballard", None, tv_unavailable=True)
MISSING = ImportMatch(ImportEntry("No Such Show"), None, "No Such Show", None)


@pytest.fixture
async def sessions(engine):
    await upgrade_database(engine)
    factory = create_session_factory(engine)
    async with factory.begin() as session:
        await ensure_chat(session, telegram_id=1, chat_type="private")
        raw = show(DARK, "Dark", premiered="2017-12-01", network="Netflix")
        raw["_embedded"] = {"episodes": []}
        await store_show(session, parse_show_data(raw, []), now=NOW)  # someone follows it
    return factory


@pytest.fixture
async def client():
    async with FakeTvmaze() as fake, httpx.AsyncClient(timeout=1.0) as http:
        fake.add_show(show(BALLARD, "Ballard", premiered="2025-07-09"))
        fake.fail_next(500, times=50)
        yield TvmazeClient(fake.base_url, http)


async def test_tvmaze_down_known_titles_are_found_the_rest_unchecked(sessions, client):
    entries = [ImportEntry("Dark"), ImportEntry("Ballard"), ImportEntry("", tvdb_id=123)]
    matches = await match_entries(sessions=sessions, client=client, entries=entries)
    assert [(m.tvmaze_id, m.title, m.tv_unavailable) for m in matches] == [
        (DARK, "Dark", False),
        (None, "Ballard", True),
        (None, "TVDB #123", True),
    ]


async def test_unchecked_titles_are_not_followed_and_said_to_be_unavailable(sessions, client):
    summary = await follow_matches(
        sessions=sessions,
        client=client,
        chat_telegram_id=1,
        matches=[FOUND, UNCHECKED, MISSING],
        now=NOW,
        defaults=Defaults("en", "Europe/Berlin"),
    )
    assert summary == ImportSummary(("Dark",), (), ("No Such Show",), ("Ballard",))


def test_nothing_found_because_tvmaze_is_down_says_so_and_offers_nothing():
    screen = confirm_screen("en", [UNCHECKED, MISSING], "abcd")
    assert screen.text.startswith("<b>TV data temporarily unavailable</b>")
    assert "⏳ Ballard (not checked: TV data unavailable)" in screen.text
    assert "❌ No Such Show (not found)" in screen.text
    assert "Follow" not in screen.text and not screen.keyboard


def test_nothing_found_with_tvmaze_up_offers_nothing():
    screen = confirm_screen("de", [MISSING], "abcd")
    assert screen.text.startswith("<b>Keine Serie gefunden.</b>")
    assert not screen.keyboard


def test_found_titles_are_offered_beside_the_unchecked_ones():
    screen = confirm_screen("en", [FOUND, UNCHECKED], "abcd")
    assert screen.text.startswith("<b>1 series found.</b> Follow it?")
    assert "⏳ Ballard (not checked" in screen.text
    [[follow, _]] = screen.keyboard
    assert follow.label == "✅ Follow 1 series"


def test_summary_names_what_waits_for_tvmaze():
    summary = ImportSummary(("Dark",), (), (), ("Ballard", "Dark Winds"))
    assert summary_screen("en", summary).text == (
        "📥 Import done: followed 1 series.\n2 not followed, the TV data is temporarily"
        " unavailable: Ballard, Dark Winds. Send them again with /import in a few minutes."
    )
