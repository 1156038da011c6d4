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


@pytest.mark.timeout(240)  # Tatort's own lead time falls a minute after the sync
async def test_mute_own_lead_and_starts_and_finales_only_shape_the_reminders(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    # The fan sets the series up while TVmaze knows no dates yet; the dates come with the
    # next catalogue sync, as they do for a series between seasons.
    titles = {OWN_LEAD: ("Tatort", "ARD"), PLAIN: ("Ballard", "Prime Video")}
    titles |= {MUTED: ("Bosch", "Prime Video"), EDGES: ("Dark", "Netflix")}
    for tvmaze_id, (title, network) in titles.items():
        tvmaze.add_show(show(tvmaze_id, title, network=network))
    fake.add_user(FAN, "Fan", language_code="de")
    for tvmaze_id in titles:
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

    # Everything but Tatort airs in half an hour: the chat's hour before has passed, so those
    # reminders are due at once. Tatort airs in 16 minutes: its own 15 minutes before falls in
    # a minute, while the chat's hour before has passed too.
    now = datetime.now(UTC).replace(microsecond=0)
    soon, own_lead_airs = now + timedelta(minutes=30), now + timedelta(minutes=16)
    dates = {
        OWN_LEAD: [episode(5010, 1, 1, "Eins", own_lead_airs)],
        PLAIN: [episode(5020, 1, 1, "Zwei", soon)],
        MUTED: [episode(5030, 1, 1, "Drei", soon)],
        EDGES: [
            episode(5040 + n, 2, n, f"Folge {n}", soon + timedelta(minutes=n)) for n in (1, 2, 3)
        ],
    }
    for tvmaze_id, episodes in dates.items():
        tvmaze.shows[tvmaze_id]["updated"] += 100
        tvmaze.episodes[tvmaze_id] = episodes
    count = len(fake.messages(FAN))
    await bot.run_job("catalog-sync")
    await bot.run_job("reminders")
    # Ballard's, and Dark's two in one message under Dark's card button.
    await fake.wait_for_messages(FAN, count=count + 2, timeout=30)
    assert len(fake.messages(FAN)) == count + 2  # not Tatort's yet
    await fake.wait_for_messages(FAN, count=count + 3, timeout=120)
    assert datetime.now(UTC) >= own_lead_airs - timedelta(minutes=15)  # at its own lead
    await asyncio.sleep(3)  # anything else would come now
    reminded = [
        line for m in reminders_of(fake, FAN) for line in m["visible"].splitlines()
        if line.startswith("🔔")
    ]  # fmt: skip
    assert len(reminders_of(fake, FAN)) == 3
    assert sorted(reminded) == [
        "🔔 Ballard · S01E01 „Zwei“",
        "🔔 Dark · S02E01 „Folge 1“",
        "🔔 Dark · S02E03 „Folge 3“",
        "🔔 Tatort · S01E01 „Eins“",
    ]
    keys = await reminder_keys(bot)
    assert sorted(key.rsplit(":", 1)[1] for key in keys) == ["15", "60", "60", "60"]


@pytest.mark.timeout(240)  # waits past the planned reminder's moment
async def test_muting_withdraws_a_planned_reminder_and_unmuting_brings_it_back_once(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    # The fan follows with the chat's hour before while the episode airs in 61 minutes: its
    # reminder is planned, due in a minute. Muting the series in that minute drops it;
    # unmuting brings it back, now due at once, and it comes exactly once.
    airs = datetime.now(UTC).replace(microsecond=0) + timedelta(minutes=61, seconds=30)
    tvmaze.add_show(
        show(PLAIN, "Ballard", network="Prime Video"), [episode(5020, 1, 1, "Zwei", airs)]
    )
    fake.add_user(FAN, "Fan", language_code="de")
    await follow(fake, FAN, PLAIN)
    await bot.run_job("reminders")
    assert len(await reminder_keys(bot)) == 1
    screen = await series_settings(fake, FAN, FAN, "Ballard")
    screen = await press(fake, FAN, screen, "Stumm", FAN)
    assert await reminder_keys(bot) == set()
    count = len(fake.messages(FAN))
    await asyncio.sleep(
        max(0.0, (airs - timedelta(minutes=60) - datetime.now(UTC)).total_seconds()) + 3
    )
    assert reminders_of(fake, FAN) == [] and len(fake.messages(FAN)) == count

    await press(fake, FAN, screen, "Stumm", FAN)  # the same button unmutes
    [*_, reminder] = await fake.wait_for_messages(FAN, count=count + 1, timeout=15)
    assert reminder["visible"].startswith("🔔 Ballard · S01E01")
    await asyncio.sleep(3)
    assert len(reminders_of(fake, FAN)) == 1


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
