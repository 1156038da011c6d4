"""/import from pasted titles and from TVmaze, Trakt and TV Time exports; /export and back."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from tests.e2e import catalogue
from tests.e2e.catalogue import BALLARD, DARK, DARK_MATTER, DARK_WINDS, MONEY_HEIST
from tests.e2e.conftest import BotRunner
from tests.e2e.helpers import press
from tests.fake_telegram import FakeTelegram
from tests.fake_tvmaze import FakeTvmaze
from tests.import_samples import TRAKT_JSON, TV_TIME_CSV, TVMAZE_JSON

FAN, FRIEND = 71, 72


async def ask_import(fake: FakeTelegram, chat: int) -> int:
    """Send a bare /import; returns the number of bot messages after its question."""
    before = len(fake.messages(chat))
    fake.send_text(chat, chat, "/import")
    *_, question = await fake.wait_for_messages(chat, count=before + 1)
    assert "paste titles, one per line" in question["visible"]
    return before + 1


async def offered(fake: FakeTelegram, chat: int, count: int) -> dict[str, Any]:
    """The confirmation that follows "Looking up …": the last of `count` messages."""
    *_, looking, confirm = await fake.wait_for_messages(chat, count=count, timeout=10)
    assert looking["visible"].startswith("🔎 "), looking["visible"]
    return confirm


async def confirm_and_summarise(fake: FakeTelegram, chat: int, confirm: dict[str, Any]) -> str:
    count = len(fake.messages(chat))
    edited = await press(fake, chat, confirm, "✅", chat)
    assert edited["visible"].startswith("⏳ ")
    *_, summary = await fake.wait_for_messages(chat, count=count + 1, timeout=10)
    return str(summary["visible"])


async def export_rows(fake: FakeTelegram, chat: int) -> tuple[bytes, list[dict[str, str]]]:
    count = len(fake.messages(chat))
    fake.send_text(chat, chat, "/export")
    *_, sent = await fake.wait_for_messages(chat, count=count + 1)
    assert sent["document"]["file_name"] == "serienwecker.csv"
    content = sent["document"]["content"]
    return content, list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


async def test_pasted_titles_show_confidence_and_follow_in_one_go(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    catalogue.fill(tvmaze)
    fake.add_user(FAN, "Fan", language_code="en")
    count = await ask_import(fake, FAN)
    fake.send_text(FAN, FAN, "Dark Matter\nHaus des Geldes\nNo Such Show (2020)\n")
    confirm = await offered(fake, FAN, count + 2)
    assert confirm["visible"] == (
        "2 series found. Follow them all?\n\n"
        "✅ Dark Matter (exact title)\n"
        "❔ Haus des Geldes → Money Heist (similar title)\n"
        "❌ No Such Show (not found)"
    )
    summary = await confirm_and_summarise(fake, FAN, confirm)
    assert summary == "📥 Import done: followed 2 series.\n1 not found: No Such Show"
    _, rows = await export_rows(fake, FAN)
    assert [(r["title"], r["tvmaze_id"]) for r in rows] == [
        ("Dark Matter", str(DARK_MATTER)),
        ("Money Heist", str(MONEY_HEIST)),
    ]


async def test_titles_on_the_lines_after_the_command(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    catalogue.fill(tvmaze)
    fake.add_user(FAN, "Fan", language_code="de")
    fake.send_text(FAN, FAN, "/import\nBallard")
    confirm = await offered(fake, FAN, 2)
    assert confirm["visible"] == "1 Serie gefunden. Folgen?\n\n✅ Ballard (genauer Titel)"
    summary = await confirm_and_summarise(fake, FAN, confirm)
    assert summary == "📥 Import fertig: 1 Serie neu gefolgt."


async def test_tvmaze_follows_export_matches_by_id(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    catalogue.fill(tvmaze)
    fake.add_user(FAN, "Fan", language_code="en")
    count = await ask_import(fake, FAN)
    fake.send_document(FAN, FAN, "follows.json", TVMAZE_JSON, mime_type="application/json")
    confirm = await offered(fake, FAN, count + 2)
    assert confirm["visible"].endswith(
        "✅ Money Heist (exact: same id)\n✅ Dark Winds (exact: same id)"
    )
    searches = tvmaze.calls("/search")
    summary = await confirm_and_summarise(fake, FAN, confirm)
    assert summary == "📥 Import done: followed 2 series."
    assert tvmaze.calls("/search") == searches == 0  # ids need no search
    _, rows = await export_rows(fake, FAN)
    assert {int(r["tvmaze_id"]) for r in rows} == {MONEY_HEIST, DARK_WINDS}


async def test_trakt_watchlist_matches_by_title_and_year_or_tvmaze_id(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    catalogue.fill(tvmaze)
    tvmaze.shows[DARK_MATTER]["externals"] = {"thetvdb": 401000, "imdb": "tt14403402"}
    fake.add_user(FAN, "Fan", language_code="en")
    count = await ask_import(fake, FAN)
    fake.send_document(FAN, FAN, "watchlist-shows.json", TRAKT_JSON, mime_type="application/json")
    confirm = await offered(fake, FAN, count + 2)
    assert confirm["visible"].endswith(
        "✅ Dark Matter (exact: same id)\n"  # its TVDB id, looked up at TVmaze
        "✅ Ballard (exact: same id)\n"  # its TVmaze id, no call
        "✅ Dark Winds (exact title)"  # a TVDB id TVmaze does not know: by title and year
    )
    assert [q for path, q in tvmaze.requests if path == "/lookup/shows"] == [
        {"thetvdb": "401000"},
        {"thetvdb": "999"},
    ]
    summary = await confirm_and_summarise(fake, FAN, confirm)
    assert summary == "📥 Import done: followed 3 series."
    _, rows = await export_rows(fake, FAN)
    assert {int(r["tvmaze_id"]) for r in rows} == {DARK_MATTER, BALLARD, DARK_WINDS}


async def test_tv_time_csv_reports_what_it_did_not_find(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    catalogue.fill(tvmaze)
    fake.add_user(FAN, "Fan", language_code="en")
    fake.send_text(FAN, FAN, f"/start follow_{DARK}")  # already followed before the import
    await fake.wait_for_messages(FAN, count=2)
    count = await ask_import(fake, FAN)
    fake.send_document(FAN, FAN, "followed_tv_show.csv", TV_TIME_CSV)
    confirm = await offered(fake, FAN, count + 2)
    assert confirm["visible"].endswith(
        "✅ Dark (exact title)\n"
        "❔ Haus des Geldes → Money Heist (similar title)\n"
        "❌ No Such Show Anywhere (not found)"
    )
    summary = await confirm_and_summarise(fake, FAN, confirm)
    assert summary == (
        "📥 Import done: followed 1 series.\n"
        "1 you already followed.\n"
        "1 not found: No Such Show Anywhere"
    )


async def test_export_then_import_in_another_chat_round_trips(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    catalogue.fill(tvmaze)
    fake.add_user(FAN, "Fan", language_code="en")
    fake.add_user(FRIEND, "Friend", language_code="en")
    for tvmaze_id in (MONEY_HEIST, DARK_WINDS, BALLARD):
        fake.send_text(FAN, FAN, f"/start follow_{tvmaze_id}")
    await fake.wait_for_messages(FAN, count=6, timeout=15)  # one reply a second per chat
    content, rows = await export_rows(fake, FAN)
    assert list(rows[0]) == [
        "title", "tvmaze_id", "premiered", "followed_since",
        "muted", "lead_minutes", "news_kinds", "starts_and_finales_only",
    ]  # fmt: skip
    assert [r["title"] for r in rows] == ["Ballard", "Dark Winds", "Money Heist"]

    count = await ask_import(fake, FRIEND)
    fake.send_document(FRIEND, FRIEND, "serienwecker.csv", content)
    confirm = await offered(fake, FRIEND, count + 2)
    assert confirm["visible"].count("(exact: same id)") == 3
    assert await confirm_and_summarise(fake, FRIEND, confirm) == (
        "📥 Import done: followed 3 series."
    )
    _, friend_rows = await export_rows(fake, FRIEND)
    assert [(r["title"], r["tvmaze_id"]) for r in friend_rows] == [
        (r["title"], r["tvmaze_id"]) for r in rows
    ]


async def test_cancel_follows_nothing_and_a_second_press_is_expired(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    catalogue.fill(tvmaze)
    fake.add_user(FAN, "Fan", language_code="en")
    fake.send_text(FAN, FAN, "/import\nBallard")
    confirm = await offered(fake, FAN, 2)
    edited = await press(fake, FAN, confirm, "Cancel", FAN)
    assert edited["visible"] == "Import cancelled – nothing was followed."
    # A client still showing the old buttons presses "follow" after the cancel.
    query = fake.press_button(FAN, confirm["message_id"], confirm_data(confirm), FAN, check=False)
    answer = await fake.wait_for_callback_answer(query)
    assert answer["show_alert"] and "no longer open" in answer["text"]
    fake.send_text(FAN, FAN, "/export")
    *_, empty = await fake.wait_for_messages(FAN, count=3)
    assert empty["visible"].startswith("You follow no series yet")


def confirm_data(message: dict[str, Any]) -> str:
    markup = message["reply_markup"]["inline_keyboard"]
    return str(markup[0][0]["callback_data"])


async def test_oversized_malformed_and_empty_files_get_clear_answers(
    bot: BotRunner, fake: FakeTelegram
):
    fake.add_user(FAN, "Fan", language_code="en")
    cases = [
        ("huge.csv", b"title\n" + b"Dark\n" * 250_000, "too much for one import: at most 1 MB"),
        ("broken.json", b'[{"show": {"title": "Dark"', "I cannot read that file"),
        ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "I cannot read that file"),
        ("episodes.csv", b"episode,watched_at\n1,2020\n", "I found no series in that file"),
        ("numbers.json", json.dumps([1, 2]).encode(), "I found no series in that file"),
        ("empty.csv", b"title\n", "There are no titles in that"),
    ]
    for name, content, expected in cases:
        count = await ask_import(fake, FAN)
        fake.send_document(FAN, FAN, name, content)
        *_, answer = await fake.wait_for_messages(FAN, count=count + 1)
        assert expected in answer["visible"], (name, answer["visible"])
    many = "\n".join(f"Show {n}" for n in range(501))
    count = await ask_import(fake, FAN)
    fake.send_text(FAN, FAN, many)
    *_, answer = await fake.wait_for_messages(FAN, count=count + 1)
    assert "more than 500 series" in answer["visible"]
    # A file sent without /import is not read.
    downloads = [c for c in fake.calls if c[0] == "getFile"]
    fake.send_document(FAN, FAN, "follows.json", TVMAZE_JSON)
    await fake.wait_until_delivered()
    fake.send_text(FAN, FAN, "/export")
    *_, last = await fake.wait_for_messages(FAN, count=count + 2)
    assert last["visible"].startswith("You follow no series yet")
    assert [c for c in fake.calls if c[0] == "getFile"] == downloads


GROUP, ADMIN, MEMBER = -1005555, 73, 74


async def test_in_a_group_admins_import_by_replying_and_members_are_refused(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    catalogue.fill(tvmaze)
    fake.add_user(ADMIN, "Admin", language_code="en")
    fake.add_user(MEMBER, "Member", language_code="en")
    fake.add_group(GROUP, "Serienabend", type="supergroup", admins=[ADMIN], members=[MEMBER])
    fake.send_text(GROUP, MEMBER, "/import")
    [refusal] = await fake.wait_for_messages(GROUP, count=1)
    assert refusal["visible"] == "Das dürfen in dieser Gruppe nur Admins."

    fake.send_text(GROUP, ADMIN, "/import")
    [_, question] = await fake.wait_for_messages(GROUP, count=2)
    assert question["reply_markup"]["force_reply"] is True
    fake.send_document(
        GROUP, ADMIN, "follows.json", TVMAZE_JSON, reply_to_message_id=question["message_id"]
    )
    confirm = await offered(fake, GROUP, 4)
    query = fake.press_button(GROUP, confirm["message_id"], confirm_data(confirm), MEMBER)
    answer = await fake.wait_for_callback_answer(query)
    assert answer["show_alert"] and "nur Admins" in answer["text"]
    count = len(fake.messages(GROUP))
    await press(fake, GROUP, confirm, "✅", ADMIN)
    *_, summary = await fake.wait_for_messages(GROUP, count=count + 1, timeout=10)
    assert summary["visible"] == "📥 Import fertig: 2 Serien neu gefolgt."


async def test_deletedata_drops_an_import_waiting_for_its_confirmation(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    catalogue.fill(tvmaze)
    fake.add_user(FAN, "Fan", language_code="en")
    fake.send_text(FAN, FAN, "/import\nBallard")
    confirm = await offered(fake, FAN, 2)
    fake.send_text(FAN, FAN, "/deletedata")
    *_, question = await fake.wait_for_messages(FAN, count=3)
    await press(fake, FAN, question, "Yes", FAN)
    query = fake.press_button(FAN, confirm["message_id"], confirm_data(confirm), FAN)
    answer = await fake.wait_for_callback_answer(query)
    assert answer["show_alert"] and "no longer open" in answer["text"]
    fake.send_text(FAN, FAN, "/export")
    *_, empty = await fake.wait_for_messages(FAN, count=4)
    assert empty["visible"].startswith("You follow no series yet")
