"""QA round five: per-series settings, news reports and digests, forum topics, groups,
/deletedata with pushes held back, switching the language with a prompt open, SIGTERM to the
real process during a broadcast and during a slow TVmaze search.

Each test drives the real bot through the fake Bot API. A test marked xfail(strict=True)
shows a defect; the reason says what a well-made bot should do instead. The `bot` fixture
fails any test that logged an error.
"""

from __future__ import annotations

import asyncio
import logging
import re
import signal
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import update

from bot.delivery.outbox import enqueue
from bot.message import BotMessage
from storage.db import create_engine, create_session_factory
from storage.delivery_models import Delivery
from storage.migrate import upgrade_database
from storage.models import Chat
from storage.statuses import DeliveryKind
from tests.e2e import catalogue
from tests.e2e.catalogue import BALLARD
from tests.e2e.conftest import TOKEN, BotRunner
from tests.e2e.helpers import button_data, press
from tests.e2e.outbox import rows, seed, statuses
from tests.e2e.test_delivery_time import STORIES, the_digest_hour_comes, waiting_rows
from tests.e2e.test_news_delivery import ADMIN, SPINOFF, SPINOFF_TEXT, item, poll, setting_up
from tests.e2e.test_process import launch
from tests.e2e.test_settings import open_settings
from tests.fake_feeds import FeedServer, Route, rss
from tests.fake_telegram import FakeTelegram, api_messages
from tests.fake_telegram.validation import ApiError
from tests.fake_tvmaze import FakeTvmaze

FAN, FORUM, MEMBER = 5501, -1005500, 5502


def logged(caplog: pytest.LogCaptureFixture, level: int = logging.ERROR) -> list[str]:
    found = [r.getMessage() for r in caplog.records if r.levelno >= level]
    caplog.clear()
    return found


async def ask(fake: FakeTelegram, chat_id: int, user_id: int, text: str, replies: int = 1) -> dict:
    count = len(fake.messages(chat_id))
    fake.send_text(chat_id, user_id, text)
    return (await fake.wait_for_messages(chat_id, count=count + replies))[-1]


def sends_to(fake: FakeTelegram, chat_id: int) -> list[dict]:
    return [p for m, p in fake.calls if m == "sendMessage" and p["chat_id"] == chat_id]


# -- forum topics ---------------------------------------------------------------------------


@pytest.mark.timeout(60)
async def test_news_for_a_deleted_forum_topic_still_reaches_the_group(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, feeds: FeedServer,
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
):  # fmt: skip
    await setting_up(bot, fake, tvmaze, feeds)
    fake.add_group(FORUM, "Serienforum", type="supergroup", admins=[ADMIN], forum=True)
    fake.send_text(FORUM, ADMIN, f"/start follow_{BALLARD}")
    await fake.wait_for_messages(FORUM, count=2)
    fake.send_text(FORUM, ADMIN, "/newstopic", thread_id=42)
    await fake.wait_for_messages(FORUM, count=3)

    # An admin deletes topic 42: Telegram now refuses every send into it.
    original = api_messages.API["sendmessage"]

    def send_message(fake_: FakeTelegram, params: dict) -> dict:
        if params.get("message_thread_id") == 42:
            raise ApiError(400, "Bad Request: message thread not found")
        return original(fake_, params)

    monkeypatch.setitem(api_messages.API, "sendmessage", send_message)
    feeds.routes["/a.xml"] = Route(rss([item("a-9", SPINOFF, SPINOFF_TEXT)]))
    await poll(bot)
    await asyncio.sleep(3)
    tried = [p for p in sends_to(fake, FORUM) if SPINOFF in p["text"]]
    assert tried, "the bot never tried to send the news"
    # A well-made bot falls back to the main chat (and forgets the dead topic) instead of
    # dropping the news, and every later news item, without a word.
    delivered = [m for m in fake.messages(FORUM) if SPINOFF in m["visible"]]
    assert len(delivered) == 1


# -- news digests and reports ---------------------------------------------------------------


async def test_two_hundred_pending_news_with_html_arrive_whole_in_valid_parts(
    bot: BotRunner, fake: FakeTelegram
):
    fake.add_user(FAN, "Fan", language_code="de")
    link = '<a href="https://news.example/{n}?a=1&amp;b=2">Quelle &lt;{n}&gt;</a>'
    items = [
        (FAN, f"news:{n}:1", f"📰 <b>Serie {n}</b> – „Titel“ &amp; <i>mehr</i> " + link.format(n=n)
         + " " + "x" * 60)
        for n in range(200)
    ]  # fmt: skip
    await seed(bot.database_url, {FAN: "private"}, items)
    deadline = asyncio.get_running_loop().time() + 30
    while asyncio.get_running_loop().time() < deadline:
        found = await rows(bot.database_url)
        if not {"pending", "sending"} & set(statuses(found)):
            break
        await asyncio.sleep(0.2)
    assert statuses(found) == {"sent": 200}
    texts = [m["visible"] for m in fake.messages(FAN)]
    assert all(len(t) <= 4096 for t in texts)
    joined = "\n".join(texts)
    for n in range(200):
        assert joined.count(f"Serie {n} –") == 1, n


async def test_reporting_twice_a_deleted_item_and_a_members_report_in_a_group(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, feeds: FeedServer,
    caplog: pytest.LogCaptureFixture,
):  # fmt: skip
    await setting_up(bot, fake, tvmaze, feeds)
    fake.add_group(FORUM, "Serienforum", type="supergroup", admins=[ADMIN], members=[MEMBER])
    fake.send_text(FORUM, ADMIN, f"/start follow_{BALLARD}")
    await fake.wait_for_messages(FORUM, count=2)
    feeds.routes["/a.xml"] = Route(rss([item("a-9", SPINOFF, SPINOFF_TEXT)]))
    await poll(bot)
    [*_, news] = await fake.wait_for_messages(FORUM, count=3)
    assert SPINOFF in news["visible"]
    report = button_data(news, "Nicht über")
    answers = []
    for user in (MEMBER, MEMBER, ADMIN):
        query = fake.press_button(FORUM, news["message_id"], report, user)
        answers.append(await fake.wait_for_callback_answer(query))
    assert logged(caplog) == []
    # The item is deleted (its feed removed): a late press is still answered.
    fake.add_user(ADMIN, "Admin", language_code="en")
    await ask(fake, ADMIN, ADMIN, "/removefeed 1")
    query = fake.press_button(FORUM, news["message_id"], report, ADMIN)
    answers.append(await fake.wait_for_callback_answer(query))
    assert logged(caplog) == []
    refused, again, thanked, late = answers
    assert refused["show_alert"] and refused == {
        **again,
        "callback_query_id": refused["callback_query_id"],
    }
    assert not thanked.get("show_alert") and thanked["text"].startswith("Danke")
    assert late["text"]  # answered, not left spinning
    listing = await ask(fake, FORUM, MEMBER, "/news")
    assert SPINOFF not in listing["visible"]


# -- /deletedata with pushes waiting ------------------------------------------------------------


async def hold(database_url: str, telegram_id: int, keys: list[str], until: datetime) -> None:
    engine = create_engine(database_url)
    await upgrade_database(engine)
    sessions = create_session_factory(engine)
    async with sessions.begin() as session:
        from sqlalchemy import select

        chat = await session.scalar(select(Chat).where(Chat.telegram_id == telegram_id))
        for key in keys:
            kind = DeliveryKind.REMINDER if key.startswith("reminder") else DeliveryKind.NEWS
            await enqueue(
                session, chat_id=chat.id, kind=kind, dedup_key=key,
                message=BotMessage(f"held {key}"), not_before=until,
            )  # fmt: skip
    await engine.dispose()


async def test_deletedata_drops_held_reminders_and_news_and_start_works_again(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    catalogue.fill(tvmaze)
    fake.add_user(FAN, "Fan", language_code="en")
    await ask(fake, FAN, FAN, f"/start follow_{BALLARD}", replies=2)
    until = datetime.now(UTC) + timedelta(hours=3)
    await hold(bot.database_url, FAN, ["reminder:x:1", "news:77:1"], until)
    fake.send_text(FAN, FAN, "/deletedata")
    [*_, confirm] = await fake.wait_for_messages(FAN, count=3)
    await press(fake, FAN, confirm, "Yes, delete", FAN)
    # The quiet hours end: whatever is still queued would go out now.
    engine = create_engine(bot.database_url)
    async with engine.begin() as connection:
        await connection.execute(update(Delivery).values(not_before=datetime.now(UTC)))
    await engine.dispose()
    await bot.run_job("reminders")
    count = len(fake.messages(FAN))
    await asyncio.sleep(2)
    assert len(fake.messages(FAN)) == count
    assert not [m for m in fake.messages(FAN) if m["visible"].startswith(("held", "🔔"))]
    greeting = await ask(fake, FAN, FAN, "/start")
    assert greeting["visible"]
    listing = await ask(fake, FAN, FAN, "/list")
    assert "Ballard" not in listing["visible"]


# -- per-series settings ----------------------------------------------------------------------


async def series_screen(fake: FakeTelegram, chat_id: int, user_id: int, title: str) -> dict:
    listing = await ask(fake, chat_id, user_id, "/list")
    card = await press(fake, chat_id, listing, title, user_id)
    return await press(fake, chat_id, card, "⚙️", user_id)


async def test_series_settings_pressed_after_unfollow_and_after_deletedata_change_nothing(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, caplog: pytest.LogCaptureFixture
):
    catalogue.fill(tvmaze)
    fake.add_user(FAN, "Fan", language_code="en")
    await ask(fake, FAN, FAN, f"/start follow_{BALLARD}", replies=2)
    screen = await series_screen(fake, FAN, FAN, "Ballard")
    mute = button_data(screen, "Mute")
    await ask(fake, FAN, FAN, "/unfollow")
    [*_, offer] = fake.messages(FAN)
    await press(fake, FAN, offer, "Ballard", FAN)
    query = fake.press_button(FAN, screen["message_id"], mute, FAN)
    answer = await fake.wait_for_callback_answer(query)
    assert answer.get("show_alert"), answer
    # Follow again: the stale mute did not stick to the new follow.
    await ask(fake, FAN, FAN, f"/start follow_{BALLARD}", replies=2)
    screen2 = await series_screen(fake, FAN, FAN, "Ballard")
    assert "muted" not in screen2["visible"].lower()
    fake.send_text(FAN, FAN, "/deletedata")
    confirm = (await fake.wait_for_messages(FAN, count=len(fake.messages(FAN)) + 1))[-1]
    await press(fake, FAN, confirm, "Yes, delete", FAN)
    query = fake.press_button(FAN, screen2["message_id"], button_data(screen2, "Mute"), FAN)
    answer = await fake.wait_for_callback_answer(query)
    assert answer.get("show_alert"), answer
    listing = await ask(fake, FAN, FAN, "/list")
    assert "Ballard" not in listing["visible"]
    assert logged(caplog) == []


# -- language -----------------------------------------------------------------------------------


async def test_switching_language_with_a_prompt_open_keeps_the_prompt_and_old_buttons_work(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    catalogue.fill(tvmaze)
    fake.add_user(FAN, "Fan", language_code="de")
    menu = await ask(fake, FAN, FAN, "/settings")
    german_card_source = await ask(fake, FAN, FAN, f"/start follow_{BALLARD}", replies=2)
    prompt = await ask(fake, FAN, FAN, "/follow")
    assert prompt["visible"]
    menu = await press(fake, FAN, menu, "Sprache", FAN)
    menu = await press(fake, FAN, menu, "English", FAN)
    assert "Language" in menu["visible"]
    # The prompt is still open: the title answers it, in English now.
    offer = await ask(fake, FAN, FAN, "Dark")
    assert "Dark" in str(offer["reply_markup"])
    # A German-labelled button of an older message still works and answers in English.
    card = await press(fake, FAN, german_card_source, "Einstellungen", FAN)
    assert "as the chat" in card["visible"] or "Reminders" in card["visible"], card["visible"]


# -- SIGTERM to the real process ------------------------------------------------------------

PEOPLE = list(range(6001, 6081))  # 80 private chats


async def stop_process(process, log_path) -> None:
    process.send_signal(signal.SIGTERM)
    await asyncio.wait_for(process.wait(), timeout=30)
    assert process.returncode == 0, log_path.read_text()[-3000:]


@pytest.mark.timeout(150)
async def test_sigterm_during_a_broadcast_then_a_restart_finishes_it_once(
    tmp_path, fake: FakeTelegram
):
    admin = 6000
    fake.add_user(admin, "Ada", language_code="en")
    for user in PEOPLE:
        fake.add_user(user)
    url = f"sqlite+aiosqlite:///{tmp_path}/data/bot.sqlite3"
    await seed(url, {u: "private" for u in PEOPLE})
    env = dict(
        TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_BASE_URL=fake.base_url, DATABASE_URL=url,
        ADMIN_IDS=str(admin), MAX_MESSAGES_PER_SECOND="8", BROADCAST_PROGRESS_SECONDS="3",
    )  # fmt: skip
    log_path = tmp_path / "stderr.log"
    with log_path.open("wb") as log_file:
        process = await launch(tmp_path, stderr=log_file, **env)
        try:
            fake.send_text(admin, admin, "/broadcast")
            await fake.wait_for_messages(admin, timeout=30)
            fake.send_text(admin, admin, "Staffel 2 ist da!")
            [_, _, screen] = await fake.wait_for_messages(admin, count=3, timeout=10)
            status = await press(fake, admin, screen, "Send", admin)
            await fake.wait(
                lambda: sum(1 for u in PEOPLE if fake.messages(u)) >= 20, 30, "20 copies"
            )
        finally:
            await stop_process(process, log_path)
        early = sum(1 for u in PEOPLE if fake.messages(u))
        assert early < len(PEOPLE), "the broadcast was done before the stop: probe too slow"
        process = await launch(tmp_path, stderr=log_file, **env)
        try:
            await fake.wait(
                lambda: all(fake.messages(u) for u in PEOPLE), 60, "every copy after the restart"
            )
            await fake.wait(
                lambda: "finished" in fake.message(admin, status["message_id"])["visible"],
                30, "the progress report's end: "
                + repr([m["visible"] for m in fake.messages(admin)]),
            )  # fmt: skip
            await asyncio.sleep(2)
        finally:
            await stop_process(process, log_path)
    assert all(len(fake.messages(u)) == 1 for u in PEOPLE)
    final = fake.message(admin, status["message_id"])["visible"]
    assert re.search(r"Sent: 81 of 81", final), final
    log = log_path.read_text()
    assert " ERROR " not in log and "Traceback" not in log, log[-3000:]


@pytest.mark.timeout(120)
async def test_sigterm_during_a_slow_tvmaze_search_stops_promptly_and_the_fan_is_answered(
    tmp_path, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    catalogue.fill(tvmaze)
    fake.add_user(FAN, "Fan", language_code="en")
    url = f"sqlite+aiosqlite:///{tmp_path}/data/bot.sqlite3"
    env = dict(
        TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_BASE_URL=fake.base_url, DATABASE_URL=url,
        TVMAZE_BASE_URL=tvmaze.base_url,
    )  # fmt: skip
    log_path = tmp_path / "stderr.log"
    with log_path.open("wb") as log_file:
        process = await launch(tmp_path, stderr=log_file, **env)
        try:
            fake.send_text(FAN, FAN, "/start")
            await fake.wait_for_messages(FAN, timeout=30)
            tvmaze.delay = 8.0
            fake.send_text(FAN, FAN, "/follow Money Heist")
            await fake.wait(lambda: tvmaze.calls("/search") >= 1, 10, "the search")
            loop = asyncio.get_running_loop()
            began = loop.time()
        finally:
            process.send_signal(signal.SIGTERM)
            await asyncio.wait_for(process.wait(), timeout=30)
        took = loop.time() - began
        assert process.returncode == 0, log_path.read_text()[-3000:]
        tvmaze.delay = 0.0
        polls = sum(method == "getUpdates" for method, _ in fake.calls)
        process = await launch(tmp_path, stderr=log_file, **env)
        try:
            # Running (its SIGTERM handler set) once it polls; a SIGTERM before that kills it.
            await fake.wait(
                lambda: sum(method == "getUpdates" for method, _ in fake.calls) > polls,
                30,
                "the restarted bot polling",
            )
            await fake.wait(lambda: len(fake.messages(FAN)) >= 2, 30, "an answer to /follow")
            await asyncio.sleep(1)
        finally:
            await stop_process(process, log_path)
    assert took < 15
    # The fan asked once: one answer, either before the stop or after the restart.
    assert len(fake.messages(FAN)) == 2, [m["visible"] for m in fake.messages(FAN)]
    log = log_path.read_text()
    assert " ERROR " not in log and "Traceback" not in log, log[-3000:]


@pytest.mark.timeout(90)
async def test_a_fast_progress_report_does_not_hold_back_the_admins_own_copy(
    bot: BotRunner, fake: FakeTelegram
):
    admin = 6000
    fake.add_user(admin, "Ada", language_code="en")
    for user in PEOPLE:
        fake.add_user(user)
    await seed(bot.database_url, {u: "private" for u in PEOPLE})
    await bot.stop()
    await bot.start(admin_ids=str(admin), max_messages_per_second=8, broadcast_progress_seconds=1)
    fake.send_text(admin, admin, "/broadcast")
    await fake.wait_for_messages(admin)
    fake.send_text(admin, admin, "Staffel 2 ist da!")
    [_, _, screen] = await fake.wait_for_messages(admin, count=3)
    status = await press(fake, admin, screen, "Send", admin)
    loop = asyncio.get_running_loop()
    began = loop.time()
    await fake.wait(lambda: all(fake.messages(u) for u in PEOPLE), 30, "every copy")
    everyone = loop.time() - began
    await fake.wait(
        lambda: "finished" in fake.message(admin, status["message_id"])["visible"], 60, "the end"
    )
    finished = loop.time() - began
    copies = [m for m in fake.messages(admin) if m["visible"] == "Staffel 2 ist da!"]
    assert len(copies) == 2  # the preview and the admin's own copy
    # 81 copies at 8 a second take ~10 s; the admin's own copy should not take 4 times that.
    assert finished < everyone + 10, (everyone, finished)


@pytest.mark.parametrize("change", ["unfollow", "mute"])
async def test_news_held_for_the_digest_then_the_series_unfollowed_or_muted(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, feeds: FeedServer, change: str
):
    catalogue.fill(tvmaze)
    feeds.routes["/a.xml"] = Route(rss([], title="Serienjunkies"))
    await bot.stop()
    await bot.start(feed_urls=feeds.url("/a.xml"))
    fake.add_user(FAN, "Fan", language_code="de")
    await ask(fake, FAN, FAN, f"/start follow_{BALLARD}", replies=2)
    menu = await open_settings(fake, FAN, FAN)
    menu = await press(fake, FAN, menu, "News-Zusammenfassung", FAN)
    menu = await press(fake, FAN, menu, "18:00", FAN)
    await poll(bot)
    feeds.routes["/a.xml"] = Route(rss([item(*story) for story in STORIES]))
    await poll(bot)
    for _ in range(50):
        if len(await waiting_rows(bot)) == 4:
            break
        await asyncio.sleep(0.1)
    assert len(await waiting_rows(bot)) == 4  # a heading and three items wait for 18:00
    if change == "unfollow":
        offer = await ask(fake, FAN, FAN, "/unfollow")
        await press(fake, FAN, offer, "Ballard", FAN)
    else:
        screen = await series_screen(fake, FAN, FAN, "Ballard")
        await press(fake, FAN, screen, "Stumm", FAN)
    count = len(fake.messages(FAN))
    await the_digest_hour_comes(bot)
    await asyncio.sleep(2.5)
    late = [m["visible"] for m in fake.messages(FAN)[count:]]
    # Nothing about a series the fan no longer follows (or muted), and no empty heading.
    assert late == [], late


async def test_anonymous_admin_changes_what_a_forum_follows_and_another_chat_may_not(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, caplog: pytest.LogCaptureFixture
):
    catalogue.fill(tvmaze)
    other = -1005599  # a member posting "as" another chat of theirs
    fake.add_group(FORUM, "Forum", type="supergroup", admins=[ADMIN], members=[MEMBER], forum=True)
    fake.add_group(other, "Elsewhere", type="supergroup", admins=[MEMBER])
    count = len(fake.messages(FORUM))
    fake.send_text(FORUM, None, "/follow Ballard", sender_chat_id=FORUM, thread_id=7)
    [*_, offer] = await fake.wait_for_messages(FORUM, count=count + 1)
    assert "Ballard" in str(offer["reply_markup"]), offer["visible"]
    # The anonymous admin's press comes from their own account, as Telegram sends it.
    done = await press(fake, FORUM, offer, "Ballard", ADMIN)
    assert "Ballard" in done["visible"]
    fake.send_text(FORUM, None, "/newstopic", sender_chat_id=FORUM, thread_id=7)
    [*_, routed] = await fake.wait_for_messages(FORUM, count=count + 2)
    assert routed["visible"].startswith("📰")
    fake.send_text(FORUM, None, "/unfollow", sender_chat_id=other)
    [*_, refused] = await fake.wait_for_messages(FORUM, count=count + 3)
    assert refused["visible"] == "Das dürfen in dieser Gruppe nur Admins."
    assert logged(caplog) == []
