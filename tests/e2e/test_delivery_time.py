"""Delivery time: reminders held until quiet hours end (never past air time), reminders in a
group's news topic, news held until the morning, and the daily news digest."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select, update

from storage.db import create_engine
from storage.delivery_models import Delivery
from tests.e2e import catalogue
from tests.e2e.catalogue import BALLARD
from tests.e2e.conftest import BotRunner
from tests.e2e.helpers import button_data, buttons, press
from tests.e2e.test_news_delivery import SPINOFF, SPINOFF_TEXT, item, poll, settle
from tests.fake_feeds import FeedServer, Route, rss
from tests.fake_telegram import FakeTelegram
from tests.fake_tvmaze import FakeTvmaze, episode, show

BERLIN = ZoneInfo("Europe/Berlin")
HELD, SILENCED, FORUM, ADMIN = 71, 72, -1009100, 73
SHOW = 81


async def open_settings(fake: FakeTelegram, chat: int, user: int) -> dict[str, Any]:
    count = len(fake.messages(chat))
    fake.send_text(chat, user, "/settings")
    [*_, menu] = await fake.wait_for_messages(chat, count=count + 1)
    return menu


async def hold_quiet_hours(fake: FakeTelegram, fan: int, start: datetime, end: datetime) -> None:
    """In /settings: quiet hours from `start` to `end` (local wall times), held, lead 15 min."""
    menu = await open_settings(fake, fan, fan)
    menu = await press(fake, fan, menu, "Erinnerungen", fan)
    menu = await press(fake, fan, menu, "15 Min.", fan)
    menu = await press(fake, fan, menu, "1 Std.", fan)
    menu = await press(fake, fan, menu, "Zurück", fan)
    menu = await press(fake, fan, menu, "Ruhezeiten", fan)
    menu = await press(fake, fan, menu, "zurückhalten", fan)
    assert "✅ bis zum Ende zurückhalten" in buttons(menu)
    count = len(fake.messages(fan))
    query = fake.press_button(fan, menu["message_id"], button_data(menu, "Eigene"), fan)
    await fake.wait_for_callback_answer(query)
    await fake.wait_for_messages(fan, count=count + 1)  # the prompt
    fake.send_text(fan, fan, f"{start:%H:%M}-{end:%H:%M}")
    [*_, confirmed] = await fake.wait_for_messages(fan, count=count + 2)
    assert "bis zum Ende zurückhalten" in confirmed["visible"]


async def test_held_reminders_wait_for_the_end_of_quiet_hours_but_never_for_air_time(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    later = datetime.now(UTC).replace(microsecond=0) + timedelta(days=3)
    tvmaze.add_show(
        show(SHOW, "Ballard", network="Prime Video"),
        episodes=[episode(810, 2, 1, "Cold Case", later)],
    )
    await bot.stop()
    await bot.start(reminder_tick_seconds=1)
    # A forum group whose admin routed news into topic 42: reminders go there too.
    fake.add_group(FORUM, "Serienforum", type="supergroup", admins=[ADMIN], forum=True)
    fake.add_user(ADMIN, "Admin", language_code="de")
    fake.send_text(FORUM, ADMIN, "/newstopic", thread_id=42)
    await fake.wait_for_messages(FORUM, count=1)
    fake.send_text(FORUM, ADMIN, f"/start follow_{SHOW}")
    await fake.wait_for_messages(FORUM, count=3)

    # Both fans hold messages in quiet hours; HELD's end in a minute or so, SILENCED's in an
    # hour (after the episode starts).
    local = datetime.now(BERLIN)
    end = (local + timedelta(seconds=50)).replace(second=0, microsecond=0) + timedelta(minutes=1)
    for fan, quiet_end in ((HELD, end), (SILENCED, local + timedelta(hours=1))):
        fake.add_user(fan, f"Fan {fan}", language_code="de")
        fake.send_text(fan, fan, "/start")
        await fake.wait_for_messages(fan, count=1)
        await hold_quiet_hours(fake, fan, local - timedelta(hours=1), quiet_end)
        fake.send_text(fan, fan, f"/start follow_{SHOW}")
    counts = {fan: len(await fake.wait_for_messages(fan, count=6)) for fan in (HELD, SILENCED)}
    forum_count = len(fake.messages(FORUM))

    # TVmaze moves the episode: it now starts 15 minutes after HELD's quiet hours end, so
    # its 15-minute reminder falls 10 seconds before their end.
    airs = end.astimezone(UTC) + timedelta(minutes=15, seconds=-10)
    tvmaze.shows[SHOW]["updated"] += 100
    tvmaze.episodes[SHOW] = [episode(810, 2, 1, "Cold Case", airs)]
    await bot.run_job("catalog-sync")

    # The group's hour-before reminder is already due: into its topic, not General.
    [*_, group_reminder] = await fake.wait_for_messages(FORUM, count=forum_count + 1, timeout=15)
    assert group_reminder["visible"].startswith("🔔 Ballard · S02E01")
    sends = [p for m, p in fake.calls if m == "sendMessage" and p["chat_id"] == FORUM]
    assert int(sends[-1]["message_thread_id"]) == 42

    # SILENCED's quiet hours end after air time: its reminder comes at its time, silently.
    [*_, silenced] = await fake.wait_for_messages(SILENCED, count=counts[SILENCED] + 1, timeout=90)
    arrived = datetime.now(UTC)
    assert arrived < end.astimezone(UTC) < airs
    assert silenced["disable_notification"] is True
    assert silenced["visible"].startswith("🔔 Ballard · S02E01")
    # HELD hears nothing before its quiet hours end...
    assert len(fake.messages(HELD)) == counts[HELD]
    await asyncio.sleep(max(0.0, (end.astimezone(UTC) - datetime.now(UTC)).total_seconds() - 1))
    assert len(fake.messages(HELD)) == counts[HELD]
    # ...and then, with sound, still before the episode starts.
    [*_, held] = await fake.wait_for_messages(HELD, count=counts[HELD] + 1, timeout=15)
    assert end.astimezone(UTC) <= datetime.now(UTC) < airs
    assert held["visible"].startswith("🔔 Ballard · S02E01")
    assert not held.get("disable_notification")


DIGEST_FAN, MORNING_FAN = 74, 75
STORIES = (
    ("d-1", SPINOFF, SPINOFF_TEXT),
    ("d-2", "„Ballard“: Maggie Q verrät, wie es in Staffel 2 weitergeht", "Ein Interview."),
    ("d-3", "„Ballard“ startet im Dezember bei Prime Video", "Der Termin steht fest."),
)


def next_six_pm(now: datetime) -> datetime:
    """18:00 Berlin after `now`, worked out by hand from the calendar."""
    local = now.astimezone(BERLIN)
    day = local.date() if local.hour < 18 else local.date() + timedelta(days=1)
    return datetime(day.year, day.month, day.day, 18, tzinfo=BERLIN).astimezone(UTC)


async def waiting_rows(bot: BotRunner) -> list[tuple[int, datetime, bool]]:
    """(chat id, not before, silent) of the unsent news rows, by id."""
    engine = create_engine(bot.database_url)
    async with engine.connect() as connection:
        rows = await connection.execute(
            select(Delivery.chat_id, Delivery.not_before, Delivery.silent)
            .where(Delivery.sent_at.is_(None))
            .order_by(Delivery.id)
        )
        result = [(chat_id, not_before, silent) for chat_id, not_before, silent in rows]
    await engine.dispose()
    return result


async def the_digest_hour_comes(bot: BotRunner) -> None:
    """Six o'clock in the evening, as far as the outbox is concerned (tests do not wait hours)."""
    engine = create_engine(bot.database_url)
    async with engine.begin() as connection:
        await connection.execute(
            update(Delivery).where(Delivery.sent_at.is_(None)).values(not_before=datetime.now(UTC))
        )
    await engine.dispose()


async def test_news_waits_for_the_morning_or_comes_as_one_daily_digest(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, feeds: FeedServer
):
    catalogue.fill(tvmaze)
    feeds.routes["/a.xml"] = Route(rss([], title="Serienjunkies"))
    await bot.stop()
    await bot.start(feed_urls=feeds.url("/a.xml"))
    for fan in (DIGEST_FAN, MORNING_FAN):
        fake.add_user(fan, f"Fan {fan}", language_code="de")
        fake.send_text(fan, fan, f"/start follow_{BALLARD}")
        await fake.wait_for_messages(fan, count=2)
    menu = await open_settings(fake, DIGEST_FAN, DIGEST_FAN)
    menu = await press(fake, DIGEST_FAN, menu, "News-Zusammenfassung", DIGEST_FAN)
    menu = await press(fake, DIGEST_FAN, menu, "18:00", DIGEST_FAN)
    assert "täglich um 18:00" in menu["visible"]
    local = datetime.now(BERLIN)
    end = (local + timedelta(seconds=30)).replace(second=0, microsecond=0) + timedelta(minutes=1)
    await hold_quiet_hours(fake, MORNING_FAN, local - timedelta(hours=1), end)
    await poll(bot)  # the first poll only records what the feed already had
    counts = {fan: len(fake.messages(fan)) for fan in (DIGEST_FAN, MORNING_FAN)}

    feeds.routes["/a.xml"] = Route(rss([item(*story) for story in STORIES]))
    await poll(bot)
    polled = datetime.now(UTC)
    await settle(fake)
    assert {fan: len(fake.messages(fan)) for fan in counts} == counts

    # MORNING_FAN's three items wait for the end of its quiet hours, then come with sound.
    await asyncio.sleep(max(0.0, (end.astimezone(UTC) - datetime.now(UTC)).total_seconds() - 1))
    assert len(fake.messages(MORNING_FAN)) == counts[MORNING_FAN]
    morning = (await fake.wait_for_messages(MORNING_FAN, count=counts[MORNING_FAN] + 3))[-3:]
    assert datetime.now(UTC) >= end.astimezone(UTC)
    assert all(not message.get("disable_notification") for message in morning)
    assert {story[1] for story in STORIES} == {
        next(title for _, title, _ in STORIES if title in m["visible"]) for m in morning
    }

    # DIGEST_FAN's items (and a heading before them) wait for six in the evening. (The sender
    # records MORNING_FAN's rows as sent a moment after Telegram took them.)
    waiting = await waiting_rows(bot)
    for _ in range(50):
        if all(not_before > datetime.now(UTC) for _, not_before, _ in waiting):
            break
        await asyncio.sleep(0.2)
        waiting = await waiting_rows(bot)
    assert len(waiting) == 4
    assert {not_before for _, not_before, _ in waiting} == {next_six_pm(polled)}
    await the_digest_hour_comes(bot)
    [*_, digest] = await fake.wait_for_messages(DIGEST_FAN, count=counts[DIGEST_FAN] + 1)
    assert digest["visible"].startswith("🗞 Deine News des Tages")
    for guid, title, _ in STORIES:
        assert title in digest["visible"]
        assert f'href="https://news.example/{guid}"' in digest["text"]
    assert not digest.get("reply_markup")

    # Nothing twice: not on the next poll, not after a restart.
    await poll(bot)
    await bot.restart()
    await poll(bot)
    await settle(fake)
    assert len(fake.messages(DIGEST_FAN)) == counts[DIGEST_FAN] + 1
    assert len(fake.messages(MORNING_FAN)) == counts[MORNING_FAN] + 3
