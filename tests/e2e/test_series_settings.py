"""A fan sets one series apart from the chat's settings, through the series card: muted, its
own lead time, its own news kinds, season starts and finales only."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from bot.callback_data import Action, encode
from storage.db import create_engine
from storage.delivery_models import Delivery
from tests.e2e.conftest import BotRunner
from tests.e2e.helpers import buttons, press
from tests.e2e.test_news_delivery import item, poll
from tests.fake_feeds import FeedServer, Route, rss
from tests.fake_telegram import FakeTelegram
from tests.fake_tvmaze import FakeTvmaze, episode, show

FAN, OTHER_FAN, GROUP, ADMIN, MEMBER = 71, 72, -1007100, 73, 74
OWN_LEAD, PLAIN, MUTED, EDGES = 501, 502, 503, 504


async def ask(fake: FakeTelegram, chat_id: int, user_id: int, text: str, replies: int = 1) -> Any:
    count = len(fake.messages(chat_id))
    fake.send_text(chat_id, user_id, text)
    return (await fake.wait_for_messages(chat_id, count=count + replies))[-1]


async def follow(fake: FakeTelegram, chat_id: int, tvmaze_id: int) -> None:
    await ask(fake, chat_id, chat_id, f"/start follow_{tvmaze_id}", replies=2)


async def series_settings(fake: FakeTelegram, chat_id: int, user_id: int, title: str) -> Any:
    """/list → the series' card → its settings screen."""
    listing = await ask(fake, chat_id, user_id, "/list")
    card = await press(fake, chat_id, listing, title, user_id)
    return await press(fake, chat_id, card, "Einstellungen für diese Serie", user_id)


def reminders_of(fake: FakeTelegram, chat_id: int) -> list[dict[str, Any]]:
    return [m for m in fake.messages(chat_id) if m["visible"].startswith("🔔")]


async def reminder_keys(bot: BotRunner) -> set[str]:
    engine = create_engine(bot.database_url)
    async with engine.connect() as connection:
        keys = set(await connection.scalars(select(Delivery.dedup_key)))
    await engine.dispose()
    return {key for key in keys if key.startswith("reminder:")}


# The first reminder tick plans two minutes ahead with the chat's lead times, before the
# series gets its own: its own 15-minute reminder must fall after that window, so this test
# waits about 2.5 minutes.
@pytest.mark.timeout(300)
async def test_mute_own_lead_and_starts_and_finales_only_shape_the_reminders(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    now = datetime.now(UTC).replace(microsecond=0)
    soon = now + timedelta(minutes=30)  # the chat's hour before: due at once
    own_lead_airs = now + timedelta(minutes=15, seconds=150)  # 15 minutes before: in 150 s
    tvmaze.add_show(
        show(OWN_LEAD, "Tatort", network="ARD"),
        episodes=[episode(5010, 1, 1, "Eins", own_lead_airs)],
    )
    tvmaze.add_show(
        show(PLAIN, "Ballard", network="Prime Video"), episodes=[episode(5020, 1, 1, "Zwei", soon)]
    )
    tvmaze.add_show(
        show(MUTED, "Bosch", network="Prime Video"), episodes=[episode(5030, 1, 1, "Drei", soon)]
    )
    tvmaze.add_show(
        show(EDGES, "Dark", network="Netflix"),
        episodes=[
            episode(5040 + n, 2, n, f"Folge {n}", soon + timedelta(minutes=n)) for n in (1, 2, 3)
        ],
    )
    fake.add_user(FAN, "Fan", language_code="de")
    for tvmaze_id in (OWN_LEAD, PLAIN, MUTED, EDGES):
        await follow(fake, FAN, tvmaze_id)

    screen = await series_settings(fake, FAN, FAN, "Tatort")
    assert "Erinnerungen: 1 Std. vorher (wie im Chat)" in screen["visible"]
    screen = await press(fake, FAN, screen, "15 Min.", FAN)
    screen = await press(fake, FAN, screen, "1 Std.", FAN)
    assert "Erinnerungen: 15 Min. vorher\n" in screen["visible"]
    card = await press(fake, FAN, screen, "« Zurück", FAN)
    assert "Einstellungen für diese Serie" in " ".join(buttons(card))

    screen = await series_settings(fake, FAN, FAN, "Bosch")
    screen = await press(fake, FAN, screen, "Stumm", FAN)
    assert "Erinnerungen: keine – stummgeschaltet" in screen["visible"]

    screen = await series_settings(fake, FAN, FAN, "Dark")
    screen = await press(fake, FAN, screen, "Staffelstarts", FAN)
    assert "Nur Staffelstarts und -finale: ja" in screen["visible"]

    # Reminders are planned every second from now on.
    count = len(fake.messages(FAN))
    await bot.stop()
    await bot.start(reminder_tick_seconds=1)
    await fake.wait_for_messages(FAN, count=count + 4, timeout=200)
    await asyncio.sleep(3)  # anything else would come now
    reminded = [m["visible"].splitlines()[0] for m in reminders_of(fake, FAN)]
    assert sorted(reminded) == [
        "🔔 Ballard · S01E01 „Zwei“",
        "🔔 Dark · S02E01 „Folge 1“",
        "🔔 Dark · S02E03 „Folge 3“",
        "🔔 Tatort · S01E01 „Eins“",
    ]
    # Tatort's came at its own lead, 15 minutes before, not at the chat's hour before.
    assert datetime.now(UTC) >= own_lead_airs - timedelta(minutes=15)
    keys = await reminder_keys(bot)
    assert sorted(key.rsplit(":", 1)[1] for key in keys) == ["15", "60", "60", "60"]


async def test_news_kinds_per_series_and_a_muted_series_gets_no_news(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, feeds: FeedServer
):
    tvmaze.add_show(show(PLAIN, "Ballard", network="Prime Video"))
    tvmaze.add_show(show(MUTED, "Bosch", network="Prime Video"))
    feeds.routes["/a.xml"] = Route(rss([], title="Serienjunkies"))
    await bot.stop()
    await bot.start(feed_urls=feeds.url("/a.xml"), admin_ids=str(ADMIN))
    for fan in (FAN, OTHER_FAN):
        fake.add_user(fan, f"Fan {fan}", language_code="de")
        for tvmaze_id in (PLAIN, MUTED):
            await follow(fake, fan, tvmaze_id)
    await poll(bot)  # the first poll only records what the feed already had

    screen = await series_settings(fake, FAN, FAN, "Ballard")
    screen = await press(fake, FAN, screen, "Verlängerungen", FAN)
    assert "Absetzungen, Starttermine, Sonstiges" in screen["visible"]
    screen = await series_settings(fake, FAN, FAN, "Bosch")
    await press(fake, FAN, screen, "Stumm", FAN)
    before = {fan: len(fake.messages(fan)) for fan in (FAN, OTHER_FAN)}

    feeds.routes["/a.xml"] = Route(
        rss([
            item("n-1", "„Ballard“ wird verlängert: Staffel 3 kommt"),
            item("n-2", "„Ballard“ wird abgesetzt"),
            item("n-3", "„Bosch“ wird abgesetzt"),
        ])
    )  # fmt: skip
    await poll(bot)
    await fake.wait_for_messages(OTHER_FAN, count=before[OTHER_FAN] + 3)
    await asyncio.sleep(1.5)  # the sender has delivered whatever is due
    news = [m["visible"] for m in fake.messages(FAN)[before[FAN] :]]
    assert len(news) == 1 and "„Ballard“ wird abgesetzt" in news[0]
    assert len(fake.messages(OTHER_FAN)) == before[OTHER_FAN] + 3


async def test_in_a_group_only_admins_change_a_series_settings(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    tvmaze.add_show(show(PLAIN, "Ballard", network="Prime Video"))
    fake.add_group(GROUP, "Serienabend", type="supergroup", admins=[ADMIN])
    fake.add_user(ADMIN, "Admin", language_code="de")
    fake.add_user(MEMBER, "Member", language_code="de")
    offer = await ask(fake, GROUP, ADMIN, "/follow Ballard")
    query = fake.press_button(GROUP, offer["message_id"], encode(Action.FOLLOW, str(PLAIN)), ADMIN)
    await fake.wait_for_callback_answer(query)
    await fake.wait_for_edit(GROUP, offer["message_id"])
    screen = await series_settings(fake, GROUP, MEMBER, "Ballard")  # looking is fine
    query = fake.press_button(
        GROUP,
        screen["message_id"],
        buttons(screen)["▫️ 🔇 Stumm (keine Erinnerungen, keine News)"],
        MEMBER,
    )
    answer = await fake.wait_for_callback_answer(query)
    assert answer.get("show_alert") and "nur Admins" in answer["text"]
    screen = await press(fake, GROUP, screen, "Stumm", ADMIN)
    assert "stummgeschaltet" in screen["visible"]
