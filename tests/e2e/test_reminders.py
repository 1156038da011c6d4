"""A fan is reminded before an episode airs: once, in their zone, silently in quiet hours."""

import asyncio
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from tests.e2e.conftest import BotRunner
from tests.e2e.helpers import button_data, press
from tests.fake_telegram import FakeTelegram
from tests.fake_tvmaze import FakeTvmaze, episode, show

FAN = 70


async def test_reminder_arrives_once_in_the_fans_zone_even_across_a_restart(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    # Due 30 s from now: time to restart and for the settings below (about ten messages and
    # edits to one chat, which Telegram takes at one a second).
    airs = datetime.now(UTC).replace(microsecond=0) + timedelta(minutes=15, seconds=30)
    tvmaze.add_show(
        show(80, "Ballard", network="Prime Video"),
        episodes=[episode(800, 2, 1, "Cold <Case>", airs)],
    )
    await bot.stop()
    await bot.start(reminder_tick_seconds=1)
    fake.add_user(FAN, "Fan", language_code="de")
    fake.send_text(FAN, FAN, "/start follow_80")
    await fake.wait_for_messages(FAN, count=2)

    # Lead times: 15 minutes instead of the default hour; quiet hours around now.
    fake.send_text(FAN, FAN, "/settings")
    [*_, menu] = await fake.wait_for_messages(FAN, count=3)
    menu = await press(fake, FAN, menu, "Erinnerungen", FAN)
    menu = await press(fake, FAN, menu, "15 Min.", FAN)
    menu = await press(fake, FAN, menu, "1 Std.", FAN)
    menu = await press(fake, FAN, menu, "Zurück", FAN)
    menu = await press(fake, FAN, menu, "Ruhezeiten", FAN)
    query = fake.press_button(FAN, menu["message_id"], button_data(menu, "Eigene"), FAN)
    await fake.wait_for_callback_answer(query)
    local = datetime.now(ZoneInfo("Europe/Berlin"))
    start, end = local - timedelta(hours=1), local + timedelta(hours=1)
    fake.send_text(FAN, FAN, f"{start:%H:%M}-{end:%H:%M}")
    await fake.wait_for_messages(FAN, count=5)

    # Pushes to a chat wait while its replies use its one message a second, so a reminder
    # planned before the quiet hours may come after the last reply: wait for the quiet one.
    def quiet_reminders() -> list[dict] | None:
        found = [m for m in fake.messages(FAN) if m["disable_notification"]]
        return found or None

    [reminder] = await fake.wait(quiet_reminders, 45, "the reminder in quiet hours")
    # Fifteen minutes ahead may be past midnight in Berlin: the day is named as seen when sent.
    berlin = ZoneInfo("Europe/Berlin")
    airs_local = airs.astimezone(berlin)
    sent_day = datetime.fromtimestamp(reminder["date"], berlin).date()
    day = "heute" if airs_local.date() == sent_day else "morgen"
    clock = airs_local.strftime("%H:%M")
    assert reminder["visible"] == f"🔔 Ballard · S02E01 „Cold <Case>“\n{day} {clock} · Prime Video"
    assert reminder["disable_notification"] is True  # quiet hours
    count = len(fake.messages(FAN))
    # The reminder's button sends the series card; the reminder stays as it was.
    query = fake.press_button(FAN, reminder["message_id"], button_data(reminder, "📺 Serie"), FAN)
    assert not (await fake.wait_for_callback_answer(query)).get("show_alert")
    [*_, card] = await fake.wait_for_messages(FAN, count=count + 1)
    assert card["visible"].startswith("Ballard\nläuft · Prime Video\nNächste Folge: ")
    assert card["visible"].endswith(f"{clock} · S02E01 „Cold <Case>“ · Prime Video")
    assert fake.message(FAN, reminder["message_id"])["edits"] == 0
    count += 1

    await bot.restart()
    await asyncio.sleep(3)  # three reminder ticks after the restart
    assert len(fake.messages(FAN)) == count
