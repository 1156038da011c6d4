"""A fan follows series by any of their titles, lists them, sees what airs next, unfollows."""

import pytest

from bot.callback_data import Action, encode
from tests.e2e import catalogue
from tests.e2e.catalogue import BALLARD, DARK, MONEY_HEIST
from tests.e2e.conftest import BotRunner
from tests.e2e.helpers import buttons, press
from tests.fake_telegram import FakeTelegram
from tests.fake_tvmaze import FakeTvmaze

FAN = 40


async def ask(fake: FakeTelegram, chat_id: int, user_id: int, text: str) -> dict:
    count = len(fake.messages(chat_id))
    fake.send_text(chat_id, user_id, text)
    return (await fake.wait_for_messages(chat_id, count=count + 1))[-1]


@pytest.mark.parametrize("title", ["Haus des Geldes", "money heist", "LA CASA DE PAPEL"])
async def test_every_title_finds_the_same_series(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, title: str
):
    catalogue.fill(tvmaze)
    fake.add_user(FAN, "Fan", language_code="de")
    offer = await ask(fake, FAN, FAN, f"/follow {title}")
    assert list(buttons(offer)) == ["Money Heist (2017, Netflix)"]
    done = await press(fake, FAN, offer, "Money Heist", FAN)
    assert done["visible"].startswith("✅ Du folgst jetzt Money Heist.")
    assert (
        "Nächste Folge: " in done["visible"] and "S06E01 „El Regreso“ · Netflix" in done["visible"]
    )


async def test_once_imported_german_alias_is_found_without_tvmaze(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    catalogue.fill(tvmaze)
    fake.add_user(FAN, "Fan", language_code="de")
    offer = await ask(fake, FAN, FAN, "/follow Money Heist")
    await press(fake, FAN, offer, "Money Heist", FAN)
    tvmaze.fail_next(500, times=10)
    offer = await ask(fake, FAN, FAN, "/follow  háus DES geldes ")
    assert list(buttons(offer)) == ["Money Heist (2017, Netflix)"]
    assert "nur Serien, die ich schon kenne" in offer["visible"]


async def test_ambiguous_dark_needs_a_tap_and_follows_the_right_one(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    catalogue.fill(tvmaze)
    fake.add_user(FAN, "Fan", language_code="en")
    offer = await ask(fake, FAN, FAN, "/follow Dark")
    assert set(buttons(offer)) == {
        "Dark (2017, Netflix)",
        "Dark Matter (2024, Apple TV+)",
        "Dark Winds (2022, AMC)",
    }
    done = await press(fake, FAN, offer, "Dark (2017", FAN)
    assert done["visible"].startswith("✅ You now follow Dark.")
    assert "No next episode has been announced yet." in done["visible"]
    listing = await ask(fake, FAN, FAN, "/list")
    assert listing["visible"] == (
        "Your series\n\nDark – ended\nNo next episode has been announced yet."
    )


async def test_follow_without_title_asks_and_takes_the_typed_answer(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    catalogue.fill(tvmaze)
    fake.add_user(FAN, "Fan", language_code="en")
    prompt = await ask(fake, FAN, FAN, "/follow")
    assert "Which series" in prompt["visible"]
    offer = await ask(fake, FAN, FAN, "  Ballard  ")
    assert list(buttons(offer)) == ["Ballard (2025, Prime Video)"]
    # The prompt is used up: the next text is an ordinary search again.
    search = await ask(fake, FAN, FAN, "Dark Winds")
    assert list(buttons(search)) == ["Dark Winds (2022, AMC)"]


async def test_overlong_and_unknown_titles_get_clear_answers(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    catalogue.fill(tvmaze)
    fake.add_user(FAN, "Fan", language_code="en")
    too_long = await ask(fake, FAN, FAN, "/follow " + "x" * 5000)
    assert "too long" in too_long["visible"]
    unknown = await ask(fake, FAN, FAN, "/follow <b>Nonexistent & Co</b>")
    assert unknown["visible"] == (
        "I found no series for “<b>Nonexistent & Co</b>”. Check the spelling or try the"
        " original title."
    )


async def test_tvmaze_down_gives_a_clear_message(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    catalogue.fill(tvmaze)
    tvmaze.fail_next(500, times=10)
    fake.add_user(FAN, "Fan", language_code="en")
    reply = await ask(fake, FAN, FAN, "/follow Ballard")
    assert reply["visible"] == "TV data temporarily unavailable, please try again."


async def test_tvmaze_rate_limit_is_waited_out(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    catalogue.fill(tvmaze)
    tvmaze.fail_next(429, times=1, retry_after="1")
    fake.add_user(FAN, "Fan", language_code="en")
    offer = await ask(fake, FAN, FAN, "/follow Ballard")
    assert list(buttons(offer)) == ["Ballard (2025, Prime Video)"]
    assert tvmaze.calls("/search") == 2


async def test_deep_link_follows_directly(bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze):
    catalogue.fill(tvmaze)
    fake.add_user(FAN, "Fan", language_code="en")
    fake.send_text(FAN, FAN, f"/start follow_{BALLARD}")
    welcome, done = await fake.wait_for_messages(FAN, count=2)
    assert welcome["visible"].startswith("Hi Fan")
    assert done["visible"].startswith("✅ You now follow Ballard.")
    # Date-only streaming release: shown without a time.
    assert "S02E01 “Cold Case” · Prime Video" in done["visible"]
    assert ":" not in done["visible"].split("Next episode: ")[1].split("·")[0]


async def test_unfollow_with_undo(bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze):
    catalogue.fill(tvmaze)
    fake.add_user(FAN, "Fan", language_code="en")
    fake.send_text(FAN, FAN, f"/start follow_{DARK}")
    fake.send_text(FAN, FAN, f"/start follow_{MONEY_HEIST}")
    await fake.wait_for_messages(FAN, count=4)
    menu = await ask(fake, FAN, FAN, "/unfollow")
    assert list(buttons(menu)) == ["Dark", "Money Heist"]
    done = await press(fake, FAN, menu, "Dark", FAN)
    assert done["visible"] == "You no longer follow Dark."
    listing = await ask(fake, FAN, FAN, "/list")
    assert "Dark" not in listing["visible"] and "Money Heist – running" in listing["visible"]
    undone = await press(fake, FAN, done, "Undo", FAN)
    assert undone["visible"].startswith("✅ You now follow Dark.")
    # A stale unfollow button for a series no longer followed: an alert, nothing breaks.
    query = fake.press_button(
        FAN, menu["message_id"], encode(Action.UNFOLLOW, str(BALLARD)), FAN, check=False
    )
    answer = await fake.wait_for_callback_answer(query)
    assert answer["show_alert"] is True


async def test_next_lists_fourteen_days_soonest_first(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    catalogue.fill(tvmaze)
    fake.add_user(FAN, "Fan", language_code="en")
    for tvmaze_id in (catalogue.DARK_MATTER, BALLARD, MONEY_HEIST, catalogue.DARK_WINDS):
        fake.send_text(FAN, FAN, f"/start follow_{tvmaze_id}")
    await fake.wait_for_messages(FAN, count=8)
    upcoming = await ask(fake, FAN, FAN, "/next")
    lines = upcoming["visible"].splitlines()
    assert lines[0] == "The next 14 days"
    titles = [line.split(":")[0] for line in lines[2:]]
    # Dark Matter airs in 20 days: outside the window.
    assert titles == ["Dark Winds", "Money Heist", "Ballard"]
