"""QA probes: inputs real users send, forged and stale buttons, Telegram's odd answers.

Each test drives the real bot through the fake Bot API. A test marked xfail(strict=True)
shows a defect; the reason says what a well-made bot should do instead.

Errors are checked in the test body too (`logged_errors`), so a test says which step logged
them; the `bot` fixture fails any test that logged an error at all.
"""

from __future__ import annotations

import asyncio
import logging
import re

import pytest

from tests.e2e import catalogue
from tests.e2e.catalogue import MONEY_HEIST
from tests.e2e.conftest import BotRunner
from tests.e2e.helpers import button_data, buttons, press
from tests.fake_telegram import FakeTelegram
from tests.fake_tvmaze import FakeTvmaze

FAN = 4711
GROUP, ADMIN, MEMBER = -1009876, 61, 62


def logged_errors(caplog: pytest.LogCaptureFixture) -> list[str]:
    """What the bot logged at ERROR or above so far in this test (then forgotten)."""
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    caplog.clear()
    return errors


async def ask(fake: FakeTelegram, chat_id: int, user_id: int, text: str, **kwargs) -> dict:
    count = len(fake.messages(chat_id))
    fake.send_text(chat_id, user_id, text, **kwargs)
    return (await fake.wait_for_messages(chat_id, count=count + 1))[-1]


async def settle(fake: FakeTelegram) -> None:
    """Every pushed update handed out and given time to be handled (a reply may wait up to
    a second for its turn: one message a second per private chat)."""
    await fake.wait_until_delivered()
    await asyncio.sleep(1.5)


# -- forged buttons and deep links ---------------------------------------------------------


@pytest.mark.parametrize("forged", ["1|fo|²", "1|pg|l:²", "1|ca|²:0", "1|lead|²", "1|ss|²:o"])
async def test_forged_button_with_a_non_ascii_digit_gets_the_stale_alert(
    bot: BotRunner, fake: FakeTelegram, caplog: pytest.LogCaptureFixture, forged: str
):
    fake.add_user(FAN, "Fan", language_code="en")
    menu = await ask(fake, FAN, FAN, "/settings")
    query = fake.press_button(FAN, menu["message_id"], forged, FAN, check=False)
    answer = await fake.wait_for_callback_answer(query)
    await settle(fake)
    errors = logged_errors(caplog)
    assert answer["show_alert"] is True and "no longer valid" in answer["text"], answer
    assert errors == []


async def test_start_with_a_typed_payload_of_odd_digits_just_greets(
    bot: BotRunner, fake: FakeTelegram, caplog: pytest.LogCaptureFixture
):
    fake.add_user(FAN, "Fan", language_code="en")
    fake.send_text(FAN, FAN, "/start follow_²")
    await settle(fake)
    errors = logged_errors(caplog)
    replies = [m["visible"] for m in fake.messages(FAN)]
    assert replies and replies[0].startswith("Hi Fan")
    assert not any("went wrong" in text for text in replies), replies
    assert errors == []


@pytest.mark.parametrize("payload", ["", "follow_", "follow_abc", "series_-5", "x" * 64, "<b>"])
async def test_start_with_an_unknown_payload_just_greets(
    bot: BotRunner, fake: FakeTelegram, caplog: pytest.LogCaptureFixture, payload: str
):
    fake.add_user(FAN, "Fan", language_code="en")
    fake.send_text(FAN, FAN, f"/start {payload}".strip())
    await settle(fake)
    assert logged_errors(caplog) == []
    [welcome] = fake.messages(FAN)
    assert welcome["visible"].startswith("Hi Fan")


async def test_random_bytes_as_callback_data_get_the_stale_alert(
    bot: BotRunner, fake: FakeTelegram, caplog: pytest.LogCaptureFixture
):
    fake.add_user(FAN, "Fan", language_code="en")
    menu = await ask(fake, FAN, FAN, "/settings")
    for forged in ("\x00\x01\x02", "1|fo|", "1|fo|" + "9" * 13, "1|ca|1:99999", "1|fo|1|2", "|||"):
        query = fake.press_button(FAN, menu["message_id"], forged, FAN, check=False)
        answer = await fake.wait_for_callback_answer(query)
        assert answer.get("show_alert") is True, (forged, answer)
    await settle(fake)
    assert logged_errors(caplog) == []
    assert fake.message(FAN, menu["message_id"])["edits"] == 0


# -- Telegram's answers to edits -----------------------------------------------------------


async def test_press_on_a_message_deleted_meanwhile_is_harmless(
    bot: BotRunner, fake: FakeTelegram, caplog: pytest.LogCaptureFixture
):
    fake.add_user(FAN, "Fan", language_code="en")
    menu = await ask(fake, FAN, FAN, "/settings")
    fake.fail_next("editMessageText", 400, "Bad Request: message to edit not found")
    query = fake.press_button(FAN, menu["message_id"], button_data(menu, "Time zone"), FAN)
    answer = await fake.wait_for_callback_answer(query)
    await fake.wait(lambda: fake.errors, 5, "the failed edit")
    await asyncio.sleep(2)  # time for the error handler, if it runs
    assert not answer.get("show_alert"), answer
    assert logged_errors(caplog) == []


# -- prompts: /cancel, other people's commands ---------------------------------------------


async def test_cancel_in_the_middle_of_a_prompt_says_it_cancelled(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    catalogue.fill(tvmaze)
    fake.add_user(FAN, "Fan", language_code="en")
    prompt = await ask(fake, FAN, FAN, "/follow")
    assert "Which series" in prompt["visible"]
    answer = await ask(fake, FAN, FAN, "/cancel")
    assert "don't know that command" not in answer["visible"], answer["visible"]
    assert answer["visible"].startswith("Cancelled"), answer["visible"]


async def test_group_prompt_survives_a_members_command_for_another_bot(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    catalogue.fill(tvmaze)
    fake.add_group(GROUP, "Serienabend", type="supergroup", admins=[ADMIN], members=[MEMBER])
    question = await ask(fake, GROUP, ADMIN, "/follow")
    assert question["reply_markup"]["force_reply"] is True
    fake.send_text(GROUP, MEMBER, "/roll@dice_bot")
    await settle(fake)
    offer = await ask(fake, GROUP, ADMIN, "Ballard", reply_to_message_id=question["message_id"])
    assert list(buttons(offer)) == ["Ballard (2025, Prime Video)"]


async def test_group_admin_answers_the_follow_question_by_replying(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    """The control for the test above: without the other bot's command it works."""
    catalogue.fill(tvmaze)
    fake.add_group(GROUP, "Serienabend", type="supergroup", admins=[ADMIN], members=[MEMBER])
    question = await ask(fake, GROUP, ADMIN, "/follow")
    fake.send_text(GROUP, MEMBER, "Ballard", reply_to_message_id=question["message_id"])
    await settle(fake)
    assert len(fake.messages(GROUP)) == 1  # a member's answer is not taken
    offer = await ask(fake, GROUP, ADMIN, "Ballard", reply_to_message_id=question["message_id"])
    assert list(buttons(offer)) == ["Ballard (2025, Prime Video)"]


async def test_time_zone_prompt_takes_odd_answers_then_a_good_one(
    bot: BotRunner, fake: FakeTelegram, caplog: pytest.LogCaptureFixture
):
    fake.add_user(FAN, "Fan", language_code="en")
    menu = await ask(fake, FAN, FAN, "/settings")
    menu = await press(fake, FAN, menu, "Time zone", FAN)
    query = fake.press_button(FAN, menu["message_id"], button_data(menu, "Type another"), FAN)
    await fake.wait_for_callback_answer(query)
    await fake.wait_for_messages(FAN, count=2)
    # "Munich" names no zone ("berlin" would: the city that names Europe/Berlin).
    for typed in ("Munich", "UTC+2", "<script>&amp;", "🕰️" * 150, "Europe/\u202eBerlin"):
        refusal = await ask(fake, FAN, FAN, typed)
        assert ("as a time zone" in refusal["visible"]) != ("fixed offset" in refusal["visible"]), (
            typed,
            refusal["visible"],
        )
    saved = await ask(fake, FAN, FAN, "  america/new york ")
    assert "Time zone: America/New_York" in saved["visible"]
    assert logged_errors(caplog) == []


# -- odd titles ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    [
        "🔥🔥🔥",
        "مسلسل الظلام",  # RTL
        "Dark\u200b",  # a zero-width space from copy and paste
        "a" * 200,
        "&lt;b&gt; \"quoted\" 'single' <i>",
    ],
)
async def test_odd_titles_get_a_valid_answer(
    bot: BotRunner,
    fake: FakeTelegram,
    tvmaze: FakeTvmaze,
    caplog: pytest.LogCaptureFixture,
    title: str,
):
    catalogue.fill(tvmaze)
    fake.add_user(FAN, "Fan", language_code="en")
    answer = await ask(fake, FAN, FAN, title)
    assert answer["visible"]
    assert logged_errors(caplog) == []


async def test_follow_title_over_several_lines_is_one_title(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    catalogue.fill(tvmaze)
    fake.add_user(FAN, "Fan", language_code="en")
    offer = await ask(fake, FAN, FAN, "/follow Money\nHeist")
    assert list(buttons(offer)) == ["Money Heist (2017, Netflix)"]
    offer = await ask(fake, FAN, FAN, "/FOLLOW@serienwecker_test_bot   Ballard  ")
    assert list(buttons(offer)) == ["Ballard (2025, Prime Video)"]


# -- import while TVmaze is down -------------------------------------------------------------


async def test_import_while_tvmaze_is_down_says_so_instead_of_not_found(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, caplog: pytest.LogCaptureFixture
):
    catalogue.fill(tvmaze)
    tvmaze.fail_next(500, times=50)
    fake.add_user(FAN, "Fan", language_code="en")
    fake.send_text(FAN, FAN, "/import\nBallard\nDark Winds")
    _, answer = await fake.wait_for_messages(FAN, count=2, timeout=20)
    assert logged_errors(caplog) == []
    assert "not found" not in answer["visible"], answer["visible"]
    assert "unavailable" in answer["visible"], answer["visible"]


# -- channels, blocks ----------------------------------------------------------------------

CHANNEL = -1004242


async def test_bot_made_admin_of_a_channel_does_not_post_a_group_welcome(
    bot: BotRunner, fake: FakeTelegram
):
    from tests.fake_telegram.objects import Chat, member, now

    fake.add_user(ADMIN, "Ada", language_code="en")
    channel = Chat(CHANNEL, "channel", title="Serien-News")
    fake.chats[CHANNEL] = channel
    fake.store[CHANNEL] = {}
    fake.push_update({
        "my_chat_member": {
            "chat": channel.to_api(), "from": fake.user(ADMIN).to_api(), "date": now(),
            "old_chat_member": member(fake.bot, "left"),
            "new_chat_member": member(fake.bot, "administrator"),
        }
    })  # fmt: skip
    await settle(fake)
    posted = [m["visible"] for m in fake.messages(CHANNEL)]
    assert posted == [], posted


async def test_user_who_blocks_the_bot_before_its_answer_is_not_an_error(
    bot: BotRunner, fake: FakeTelegram, caplog: pytest.LogCaptureFixture
):
    fake.add_user(FAN, "Fan", language_code="en")
    fake.send_text(FAN, FAN, "/help")
    fake.block(FAN)  # before the bot got to answer
    await fake.wait(lambda: fake.errors, 5, "the refused reply")
    await asyncio.sleep(1)
    assert [status for _, status, _ in fake.errors] == [403]
    assert logged_errors(caplog) == []


# -- the same button twice, a stale card ---------------------------------------------------


async def test_follow_button_pressed_twice_fast_follows_once(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, caplog: pytest.LogCaptureFixture
):
    catalogue.fill(tvmaze)
    fake.add_user(FAN, "Fan", language_code="en")
    offer = await ask(fake, FAN, FAN, "/follow Ballard")
    data = button_data(offer, "Ballard")
    first = fake.press_button(FAN, offer["message_id"], data, FAN)
    second = fake.press_button(FAN, offer["message_id"], data, FAN)
    await fake.wait_for_callback_answer(first)
    await fake.wait_for_callback_answer(second)
    await settle(fake)
    assert logged_errors(caplog) == []
    listing = await ask(fake, FAN, FAN, "/list")
    assert listing["visible"].count("Ballard") == 1


async def test_card_buttons_after_deletedata_do_not_resurrect_a_follow(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, caplog: pytest.LogCaptureFixture
):
    catalogue.fill(tvmaze)
    fake.add_user(FAN, "Fan", language_code="en")
    fake.send_text(FAN, FAN, f"/start follow_{MONEY_HEIST}")
    _, done = await fake.wait_for_messages(FAN, count=2)
    confirm = await ask(fake, FAN, FAN, "/deletedata")
    await press(fake, FAN, confirm, "Yes", FAN)
    settings = button_data(done, "Settings for this series")
    query = fake.press_button(FAN, done["message_id"], settings, FAN)
    answer = await fake.wait_for_callback_answer(query)
    assert answer.get("show_alert") is True, answer
    await settle(fake)
    assert logged_errors(caplog) == []
    empty = await ask(fake, FAN, FAN, "/list")
    assert "Money Heist" not in empty["visible"]


# -- long lists ----------------------------------------------------------------------------


async def test_next_with_many_daily_episodes_shows_every_one(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    from datetime import UTC, datetime, timedelta

    from tests.fake_tvmaze import episode, show

    start = datetime.now(UTC).replace(microsecond=0) + timedelta(hours=1)
    ids = (81001, 81002, 81003)
    for n, tvmaze_id in enumerate(ids):
        tvmaze.add_show(
            show(tvmaze_id, f"Daily Soap {n}", premiered="2001-01-01", network="RTL"),
            episodes=[
                episode(
                    tvmaze_id * 100 + day, 30, 100 + day,
                    f"Folge {day}: " + "Ein langer Titel mit Intrigen und Wendungen " * 2,
                    start + timedelta(days=day),
                )
                for day in range(13)
            ],
        )  # fmt: skip
    fake.add_user(FAN, "Fan", language_code="en")
    for tvmaze_id in ids:
        fake.send_text(FAN, FAN, f"/start follow_{tvmaze_id}")
    await fake.wait_for_messages(FAN, count=6, timeout=15)
    page = await ask(fake, FAN, FAN, "/next")
    pages = [page]
    while "More ▶" in buttons(page):
        page = await press(fake, FAN, page, "More", FAN)
        pages.append(page)
    for page in pages:
        assert len(page["visible"]) <= 4096 and not page["visible"].endswith("…")
    episode_lines = re.compile(r"^Daily Soap (\d): .* · S30E(\d+) ", re.MULTILINE)
    reached = [
        (int(show), int(number) - 100)
        for page in pages
        for show, number in episode_lines.findall(page["visible"])
    ]
    assert sorted(reached) == [(n, day) for n in range(3) for day in range(13)]
    assert pages[-1]["visible"].endswith(f"Page {len(pages)} of {len(pages)}")


# -- links and inline queries naming nothing ----------------------------------------------


@pytest.mark.parametrize("payload", ["follow_999999", "series_999999"])
async def test_link_to_a_series_tvmaze_does_not_know_gets_a_clear_answer(
    bot: BotRunner,
    fake: FakeTelegram,
    tvmaze: FakeTvmaze,
    caplog: pytest.LogCaptureFixture,
    payload: str,
):
    catalogue.fill(tvmaze)
    fake.add_user(FAN, "Fan", language_code="en")
    fake.send_text(FAN, FAN, f"/start {payload}")
    welcome, answer = await fake.wait_for_messages(FAN, count=2)
    await settle(fake)
    assert logged_errors(caplog) == []
    assert welcome["visible"].startswith("Hi Fan")
    assert "went wrong" not in answer["visible"] and not buttons(answer), answer["visible"]


@pytest.mark.parametrize("text", ["", " ", "<b>&amp;", "x" * 256, "🔥" * 100])
async def test_odd_inline_queries_are_answered(
    bot: BotRunner,
    fake: FakeTelegram,
    tvmaze: FakeTvmaze,
    caplog: pytest.LogCaptureFixture,
    text: str,
):
    catalogue.fill(tvmaze)
    fake.add_user(FAN, "Fan", language_code="en")
    query = fake.send_inline_query(FAN, text)
    await fake.wait_for_inline_answer(query)
    assert logged_errors(caplog) == []
