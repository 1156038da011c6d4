"""The live calendar: /calendar's private URL, fetched over HTTP from the real bot's server."""

from __future__ import annotations

import logging
import re
from collections.abc import AsyncIterator
from datetime import timedelta

import httpx
import pytest
from icalendar import Calendar

from tests.e2e import catalogue
from tests.e2e.catalogue import DARK_WINDS, MONEY_HEIST
from tests.e2e.conftest import BotRunner
from tests.e2e.helpers import press
from tests.e2e.test_operator_http import free_port
from tests.fake_telegram import FakeTelegram
from tests.fake_tvmaze import FakeTvmaze, episode

FAN = 61
PUBLIC = "https://calendar.example.org/sw"


@pytest.fixture
async def runner(
    fake: FakeTelegram, tvmaze: FakeTvmaze, database_url: str, caplog: pytest.LogCaptureFixture
) -> AsyncIterator[BotRunner]:
    """The bot with its HTTP server, on SQLite and on PostgreSQL (when configured)."""
    runner = BotRunner(fake, database_url, tvmaze.base_url)
    port = free_port()
    runner.port = port  # type: ignore[attr-defined]
    await runner.start(http_port=port, public_base_url=PUBLIC)
    yield runner
    await runner.stop()
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == [], errors


def local_path(url: str) -> str:
    """The path the public URL reaches on the bot's own server (the proxy strips the base)."""
    assert url.startswith(PUBLIC + "/calendar/") and url.endswith(".ics"), url
    return url.removeprefix(PUBLIC)


def url_in(message: dict) -> str:
    match = re.search(r"https://\S+\.ics", message["visible"] or "")
    assert match, message["visible"]
    return match.group()


async def fetch(runner: BotRunner, url: str, etag: str | None = None) -> httpx.Response:
    headers = {"If-None-Match": etag} if etag else {}
    port = runner.port  # type: ignore[attr-defined]
    async with httpx.AsyncClient() as client:
        return await client.get(f"http://127.0.0.1:{port}{local_path(url)}", headers=headers)


def events(response: httpx.Response) -> dict[str, object]:
    calendar = Calendar.from_ical(response.content)
    return {str(e["SUMMARY"]): e.decoded("DTSTART") for e in calendar.walk("VEVENT")}


async def test_subscription_follows_moves_answers_304_and_dies_on_renew_and_deletedata(
    runner: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    now = catalogue.fill(tvmaze)
    fake.add_user(FAN, "Fan", language_code="en")
    fake.send_text(FAN, FAN, f"/start follow_{MONEY_HEIST}")
    await fake.wait_for_messages(FAN, count=2)
    fake.send_text(FAN, FAN, "/calendar")
    *_, document, subscription = await fake.wait_for_messages(FAN, count=4, timeout=10)
    assert document["document"]["file_name"] == "serienwecker.ics"
    url = url_in(subscription)
    assert len(url.removeprefix(PUBLIC + "/calendar/").removesuffix(".ics")) >= 22  # ≥128 bits

    first = await fetch(runner, url)
    assert first.status_code == 200, first.text
    assert first.headers["Content-Type"].startswith("text/calendar")
    assert "max-age" in first.headers["Cache-Control"]
    assert events(first) == {"Money Heist S06E01 El Regreso": now + timedelta(days=3, hours=2)}
    unchanged = await fetch(runner, url, first.headers["ETag"])
    assert unchanged.status_code == 304 and unchanged.content == b""

    # TVmaze moves the episode by a day and announces a new one; the catalogue sync reads it.
    moved = now + timedelta(days=4, hours=2)
    tvmaze.shows[MONEY_HEIST]["updated"] += 100
    tvmaze.episodes[MONEY_HEIST] = [
        episode(901, 6, 1, "El Regreso", moved),
        episode(902, 6, 2, "La Huida", moved + timedelta(days=7)),
    ]
    await runner.run_job("catalog-sync")
    second = await fetch(runner, url, first.headers["ETag"])
    assert second.status_code == 200
    assert second.headers["ETag"] != first.headers["ETag"]
    assert events(second) == {
        "Money Heist S06E01 El Regreso": moved,
        "Money Heist S06E02 La Huida": moved + timedelta(days=7),
    }
    # A newly followed series shows up in the same feed.
    fake.send_text(FAN, FAN, f"/start follow_{DARK_WINDS}")
    await fake.wait_for_messages(FAN, count=6)
    assert "Dark Winds S04E01 Ghost Dance" in events(await fetch(runner, url))

    # A new address: the old one answers 404, the new one serves the same calendar.
    renewed = await press(fake, FAN, subscription, "New address", FAN)
    new_url = url_in(renewed)
    assert new_url != url
    assert (await fetch(runner, url)).status_code == 404
    assert "Dark Winds S04E01 Ghost Dance" in events(await fetch(runner, new_url))

    # /deletedata takes the token with the chat.
    fake.send_text(FAN, FAN, "/deletedata")
    [*_, confirm] = await fake.wait_for_messages(FAN, count=7)
    await press(fake, FAN, confirm, "Yes", FAN)
    assert (await fetch(runner, new_url)).status_code == 404


async def test_unknown_and_malformed_tokens_answer_404(runner: BotRunner):
    for token in ("A" * 43, "short", "x" * 43 + "%2F..", "../healthz"):
        response = await fetch(runner, f"{PUBLIC}/calendar/{token}.ics")
        assert response.status_code == 404, token


async def test_without_public_url_calendar_says_subscriptions_are_not_configured(
    bot: BotRunner, fake: FakeTelegram
):
    fake.add_user(FAN, "Fan", language_code="en")
    fake.send_text(FAN, FAN, "/calendar")
    empty, note = await fake.wait_for_messages(FAN, count=2)
    assert empty["visible"] == "Nothing is scheduled for your series in the next 60 days."
    assert note["visible"] == (
        "Calendar subscriptions are not configured on this bot, so there is only the file."
    )
    assert not note["reply_markup"]
