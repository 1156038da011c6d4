"""Delivery time: reminders held until quiet hours end (never past air time), reminders in a
group's news topic, news held until the morning, and the daily news digest."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from tests.e2e.conftest import BotRunner
from tests.e2e.helpers import button_data, buttons, press
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
