"""/settings: every kind of choice, stored and still there after a restart."""

import pytest

from tests.e2e.conftest import BotRunner
from tests.e2e.helpers import button_data, buttons, press
from tests.fake_telegram import FakeTelegram

FAN = 10


async def open_settings(fake: FakeTelegram, chat_id: int, user_id: int) -> dict:
    count = len(fake.messages(chat_id))
    fake.send_text(chat_id, user_id, "/settings")
    messages = await fake.wait_for_messages(chat_id, count=count + 1)
    return messages[-1]


async def test_full_settings_round_trip_survives_a_restart(bot: BotRunner, fake: FakeTelegram):
    fake.add_user(FAN, "Fan", language_code="de")
    menu = await open_settings(fake, FAN, FAN)
    assert "Zeitzone: Europe/Berlin" in menu["visible"]

    # Language: the menu redraws itself in English.
    menu = await press(fake, FAN, menu, "Sprache", FAN)
    menu = await press(fake, FAN, menu, "English", FAN)
    assert menu["visible"].startswith("Settings")

    # Time zone from the list.
    menu = await press(fake, FAN, menu, "Time zone", FAN)
    menu = await press(fake, FAN, menu, "America/New_York", FAN)
    assert "Time zone: America/New_York" in menu["visible"]

    # Reminders: multi-select, the sub-menu stays open.
    menu = await press(fake, FAN, menu, "Reminders", FAN)
    menu = await press(fake, FAN, menu, "15 min", FAN)
    menu = await press(fake, FAN, menu, "1 day", FAN)
    menu = await press(fake, FAN, menu, "1 hour", FAN)
    assert "✅ 15 min before" in buttons(menu) and "▫️ 1 hour before" in buttons(menu)
    menu = await press(fake, FAN, menu, "Back", FAN)
    assert "Reminders: 15 min before, 1 day before" in menu["visible"]

    # Quiet hours preset, news kinds.
    menu = await press(fake, FAN, menu, "Quiet hours", FAN)
    menu = await press(fake, FAN, menu, "22:00–08:00", FAN)
    assert "Quiet hours: 22:00–08:00" in menu["visible"]
    menu = await press(fake, FAN, menu, "News kinds", FAN)
    menu = await press(fake, FAN, menu, "Other news", FAN)
    menu = await press(fake, FAN, menu, "Back", FAN)
    assert "News: Renewals, Cancellations, Premiere dates" in menu["visible"]

    await bot.restart()

    menu = await open_settings(fake, FAN, FAN)
    visible = menu["visible"]
    assert visible.startswith("Settings")
    for line in (
        "Language: English",
        "Time zone: America/New_York",
        "Reminders: 15 min before, 1 day before",
        "Quiet hours: 22:00–08:00",
        "News: Renewals, Cancellations, Premiere dates",
    ):
        assert line in visible


async def ask_to_type_a_zone(
    fake: FakeTelegram, menu: dict, buttons: tuple[str, str], count: int
) -> dict:
    """From the settings menu: the time zone screen, then its "type another" button (labels in
    the fan's language); returns the prompt, the fan's `count`th message."""
    zone, other = buttons
    menu = await press(fake, FAN, menu, zone, FAN)
    query = fake.press_button(FAN, menu["message_id"], button_data(menu, other), FAN)
    await fake.wait_for_callback_answer(query)
    return (await fake.wait_for_messages(FAN, count=count))[-1]


async def test_typed_time_zone_and_quiet_hours(bot: BotRunner, fake: FakeTelegram):
    fake.add_user(FAN, "Fan", language_code="en")
    menu = await open_settings(fake, FAN, FAN)
    prompt = await ask_to_type_a_zone(fake, menu, ("Time zone", "Type another"), count=2)
    assert "Europe/Berlin" in prompt["visible"]

    fake.send_text(FAN, FAN, "Mars/<Olympus>")
    [*_, refusal] = await fake.wait_for_messages(FAN, count=3)
    assert "I don't know “Mars/<Olympus>” as a time zone" in refusal["visible"]

    fake.send_text(FAN, FAN, "tokyo")  # the city that names the zone
    [*_, saved] = await fake.wait_for_messages(FAN, count=4)
    assert "Time zone: Asia/Tokyo" in saved["visible"]

    # Custom quiet hours; afterwards free text is free text again.
    menu = await press(fake, FAN, saved, "Quiet hours", FAN)
    query = fake.press_button(FAN, menu["message_id"], button_data(menu, "Custom"), FAN)
    await fake.wait_for_callback_answer(query)
    await fake.wait_for_messages(FAN, count=5)
    fake.send_text(FAN, FAN, "11:30pm to 6:45am")
    [*_, saved] = await fake.wait_for_messages(FAN, count=6)
    assert "Quiet hours: 23:30–06:45" in saved["visible"]
    fake.send_text(FAN, FAN, "Europe/Paris")
    [*_, search] = await fake.wait_for_messages(FAN, count=7)
    assert search["visible"].startswith("I found no series for “Europe/Paris”")


async def test_a_german_fan_names_their_country_or_city_in_german(
    bot: BotRunner, fake: FakeTelegram
):
    fake.add_user(FAN, "Fan", language_code="de")
    menu = await open_settings(fake, FAN, FAN)
    prompt = await ask_to_type_a_zone(fake, menu, ("Zeitzone", "Andere"), count=2)
    assert "(Deutschland)" in prompt["visible"]
    fake.send_text(FAN, FAN, "Österreich")  # one clock for the whole country
    [*_, saved] = await fake.wait_for_messages(FAN, count=3)
    assert "Zeitzone: Europe/Vienna" in saved["visible"]
    await ask_to_type_a_zone(fake, saved, ("Zeitzone", "Andere"), count=4)
    fake.send_text(FAN, FAN, "Moskau")  # Europe/Moscow's city, as German writes it
    [*_, saved] = await fake.wait_for_messages(FAN, count=5)
    assert "Zeitzone: Europe/Moscow" in saved["visible"]


async def test_a_command_cancels_a_pending_prompt(bot: BotRunner, fake: FakeTelegram):
    fake.add_user(FAN, "Fan", language_code="en")
    menu = await open_settings(fake, FAN, FAN)
    menu = await press(fake, FAN, menu, "Time zone", FAN)
    query = fake.press_button(FAN, menu["message_id"], button_data(menu, "Type another"), FAN)
    await fake.wait_for_callback_answer(query)
    fake.send_text(FAN, FAN, "/help")
    fake.send_text(FAN, FAN, "Asia/Tokyo")
    [*_, search] = await fake.wait_for_messages(FAN, count=4)
    assert search["visible"].startswith("I found no series for “Asia/Tokyo”")


@pytest.mark.parametrize(
    "forged", ["1|tz|Mars/Base", "1|lead|7", "1|nope|x", "garbage", "9|lang|en", "1|menu|admin"]
)
async def test_forged_buttons_get_an_alert_and_change_nothing(
    bot: BotRunner, fake: FakeTelegram, forged: str
):
    fake.add_user(FAN, "Fan", language_code="en")
    menu = await open_settings(fake, FAN, FAN)
    query = fake.press_button(FAN, menu["message_id"], forged, FAN, check=False)
    answer = await fake.wait_for_callback_answer(query)
    assert answer["show_alert"] is True and "no longer valid" in answer["text"]
    again = await open_settings(fake, FAN, FAN)
    assert again["visible"] == menu["visible"]
    assert fake.message(FAN, menu["message_id"])["edits"] == 0


async def test_pressing_the_same_choice_twice_is_harmless(bot: BotRunner, fake: FakeTelegram):
    fake.add_user(FAN, "Fan", language_code="en")
    menu = await open_settings(fake, FAN, FAN)
    menu = await press(fake, FAN, menu, "Quiet hours", FAN)
    data = button_data(menu, "none")  # already selected: the redraw would be identical
    query = fake.press_button(FAN, menu["message_id"], data, FAN)
    assert not (await fake.wait_for_callback_answer(query)).get("show_alert")
    query = fake.press_button(FAN, menu["message_id"], data, FAN, check=False)
    assert not (await fake.wait_for_callback_answer(query)).get("show_alert")
    await fake.wait_for_call("editMessageText", count=3)
    assert [description for _, _, description in fake.errors] == [
        "Bad Request: message is not modified: specified new message content and reply markup"
        " are exactly the same as a current content and reply markup of the message"
    ]
    assert len(fake.messages(FAN)) == 1  # no apology: the bot took it in its stride
