"""QA round eight: a fan's settings and time — /settings typed answers, /next in the fan's
zone, /import files as fans really send them, /deletedata and /start again.

Each test drives the real bot through the fake Bot API; the `bot` fixture fails any test that
logged an error.
"""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import inspect, select, text

from storage.db import create_engine
from storage.models import Chat
from tests.e2e import catalogue
from tests.e2e.catalogue import DARK, DARK_WINDS
from tests.e2e.conftest import BotRunner
from tests.e2e.helpers import button_data, buttons, press
from tests.fake_telegram import FakeTelegram
from tests.fake_tvmaze import FakeTvmaze

FAN = 8801


async def ask(fake: FakeTelegram, chat_id: int, text: str, replies: int = 1) -> dict:
    count = len(fake.messages(chat_id))
    fake.send_text(chat_id, chat_id, text)
    return (await fake.wait_for_messages(chat_id, count=count + replies))[-1]


async def send_file(fake: FakeTelegram, name: str, content: bytes, mime: str) -> dict:
    """/import, then the file; returns the bot's last answer (the offer, or a problem)."""
    await ask(fake, FAN, "/import")
    count = len(fake.messages(FAN))
    fake.send_document(FAN, FAN, name, content, mime_type=mime)
    first = (await fake.wait_for_messages(FAN, count=count + 1, timeout=10))[-1]
    if not first["visible"].startswith("🔎 "):
        return first
    return (await fake.wait_for_messages(FAN, count=count + 2, timeout=20))[-1]


# -- /import: files as fans send them -------------------------------------------------------


async def test_a_text_file_with_one_title_a_line_is_read_like_a_pasted_list(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    catalogue.fill(tvmaze)
    fake.add_user(FAN, "Fan", language_code="en")
    offer = await send_file(fake, "meine serien.txt", b"Dark (2017)\nDark Winds\n", "text/plain")
    assert offer["visible"].startswith("2 series found."), offer["visible"]


async def test_a_german_spreadsheet_with_a_titel_column_is_read(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    catalogue.fill(tvmaze)
    fake.add_user(FAN, "Fan", language_code="de")
    content = "\ufeffTitel;Jahr\r\nDark;2017\r\nDark Winds;2022\r\n".encode()
    offer = await send_file(fake, "Serien.csv", content, "text/csv")
    assert offer["visible"].startswith("2 Serien gefunden."), offer["visible"]


async def test_huge_html_titles_and_duplicates_get_one_valid_offer(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    catalogue.fill(tvmaze)
    fake.add_user(FAN, "Fan", language_code="en")
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["title", "tvmaze_id"])
    writer.writerow(["Dark", DARK])
    writer.writerow(["Dark", DARK])  # a duplicate
    for i in range(25):
        writer.writerow([f"<b>Serie {i}</b> & <script>x</script> " + "é" * 5000, ""])
        writer.writerow([f"<b>Serie {i}</b> & <script>x</script> " + "é" * 5000, ""])
    offer = await send_file(fake, "follows.csv", out.getvalue().encode("utf-8-sig"), "text/csv")
    looking = fake.messages(FAN)[-2]["visible"]
    assert "26" in looking, looking
    assert len(offer["visible"]) <= 4096
    assert offer["visible"].startswith("1 series found."), offer["visible"][:200]
    assert any(label.startswith("✅") for label in buttons(offer)), buttons(offer)


# -- /settings: a typed time zone ------------------------------------------------------------


async def test_a_typed_offset_or_est_is_refused_with_the_reason_in_the_fans_language(
    bot: BotRunner, fake: FakeTelegram
):
    fake.add_user(FAN, "Fan", language_code="de")
    menu = await ask(fake, FAN, "/settings")
    menu = await press(fake, FAN, menu, "Zeitzone", FAN)
    await press_type_another(fake, menu)
    for typed in ("EST", "Etc/GMT+2", "UTC+2", "+01:00"):
        refusal = await ask(fake, FAN, typed)
        assert "Sommerzeit" in refusal["visible"], (typed, refusal["visible"])
    saved = await ask(fake, FAN, "America/New_York")
    assert "Zeitzone: America/New_York" in saved["visible"]


async def press_type_another(fake: FakeTelegram, menu: dict) -> None:
    count = len(fake.messages(FAN))
    query = fake.press_button(FAN, menu["message_id"], button_data(menu, "eingeben"), FAN)
    await fake.wait_for_callback_answer(query)
    await fake.wait_for_messages(FAN, count=count + 1)


# -- /next in the fan's zone and language ----------------------------------------------------


async def test_next_shows_the_air_time_in_the_fans_zone_after_a_change(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    now = catalogue.fill(tvmaze)
    fake.add_user(FAN, "Fan", language_code="en")
    await ask(fake, FAN, f"/start follow_{DARK_WINDS}", replies=2)
    airs = now + timedelta(days=1)
    menu = await ask(fake, FAN, "/settings")
    menu = await press(fake, FAN, menu, "Time zone", FAN)
    await press(fake, FAN, menu, "America/New_York", FAN)
    listing = await ask(fake, FAN, "/next")

    local = airs.astimezone(ZoneInfo("America/New_York"))
    wall = local.strftime("%-I:%M %p")
    assert wall in listing["visible"], (wall, listing["visible"])


# -- /deletedata, then /start ----------------------------------------------------------------


async def rows_naming(bot: BotRunner, ids: set[int]) -> dict[str, int]:
    """Per table and column that may hold a chat or user id: rows holding one of `ids`."""
    engine = create_engine(bot.database_url)
    found: dict[str, int] = {}
    async with engine.connect() as connection:
        tables = await connection.run_sync(
            lambda sync: {
                name: [c["name"] for c in inspect(sync).get_columns(name)]
                for name in inspect(sync).get_table_names()
            }
        )
        for table, columns in tables.items():
            for column in columns:
                if column.endswith(("chat_id", "telegram_id", "author_id", "user_id")):
                    listed = ", ".join(str(i) for i in ids)
                    query = f'SELECT count(*) FROM "{table}" WHERE "{column}" IN ({listed})'
                    count = await connection.scalar(text(query))
                    if count:
                        found[f"{table}.{column}"] = int(count)
    await engine.dispose()
    return found


async def test_deletedata_leaves_nothing_and_start_begins_afresh(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    catalogue.fill(tvmaze)
    fake.add_user(FAN, "Fan", language_code="de")
    await ask(fake, FAN, f"/start follow_{DARK_WINDS}", replies=2)
    menu = await ask(fake, FAN, "/settings")
    menu = await press(fake, FAN, menu, "Sprache", FAN)
    menu = await press(fake, FAN, menu, "English", FAN)
    menu = await press(fake, FAN, menu, "Time zone", FAN)
    menu = await press(fake, FAN, menu, "America/New_York", FAN)
    await bot.run_job("reminders")
    await ask(fake, FAN, "/calendar", replies=2)
    engine = create_engine(bot.database_url)
    async with engine.connect() as connection:
        chat_row_id = await connection.scalar(select(Chat.id).where(Chat.telegram_id == FAN))
    await engine.dispose()
    assert chat_row_id is not None
    confirm = await ask(fake, FAN, "/deletedata")
    await press(fake, FAN, confirm, "Yes, delete", FAN)
    assert await rows_naming(bot, {FAN}) == {}
    greeting = await ask(fake, FAN, "/start")
    assert "willkommen" in greeting["visible"], greeting["visible"]
    menu = await ask(fake, FAN, "/settings")
    assert "Zeitzone: Europe/Berlin" in menu["visible"], menu["visible"]
    listing = await ask(fake, FAN, "/list")
    assert "Dark Winds" not in listing["visible"]
