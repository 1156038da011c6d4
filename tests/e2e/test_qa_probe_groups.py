"""QA round seven: group chats and bot admins as real users hit them — commands for another
bot, admins demoted with a menu open, members pressing admins' buttons, the bot removed and
added again, a group upgraded to a supergroup, a bot muted in a group, bot admins'
commands in a group, /broadcast to groups, buttons pressed twice.

Each test drives the real bot through the fake Bot API; the `bot` fixture fails any test
that logged an error.
"""

from __future__ import annotations

import asyncio
import logging

import pytest

from bot.callback_data import Action, encode
from tests.e2e import catalogue
from tests.e2e.conftest import BotRunner
from tests.e2e.helpers import button_data, buttons, press
from tests.fake_telegram import FakeTelegram
from tests.fake_tvmaze import FakeTvmaze

GROUP, ADMIN, MEMBER, OTHER_ADMIN = -1007700, 7701, 7702, 7703
OLD_GROUP = -7700


def logged(caplog: pytest.LogCaptureFixture, level: int = logging.ERROR) -> list[str]:
    found = [r.getMessage() for r in caplog.records if r.levelno >= level]
    caplog.clear()
    return found


async def say(fake: FakeTelegram, chat_id: int, user_id: int | None, text: str, **kwargs) -> dict:
    count = len(fake.messages(chat_id))
    fake.send_text(chat_id, user_id, text, **kwargs)
    return (await fake.wait_for_messages(chat_id, count=count + 1))[-1]


async def settle(fake: FakeTelegram) -> None:
    """Every pushed update handed out and given time to be answered."""
    await fake.wait_until_delivered()
    await asyncio.sleep(1.5)


def group(fake: FakeTelegram, chat_id: int = GROUP, **kwargs) -> None:
    fake.add_user(ADMIN, "Ada", language_code="en")
    kwargs.setdefault("type", "supergroup")
    fake.add_group(chat_id, "Serienabend", admins=[ADMIN, OTHER_ADMIN], members=[MEMBER], **kwargs)


async def follow_in_group(fake: FakeTelegram, chat_id: int, title: str, label: str) -> None:
    offer = await say(fake, chat_id, ADMIN, f"/follow {title}")
    await press(fake, chat_id, offer, label, ADMIN)


# -- commands addressed to another bot ----------------------------------------------------


async def test_commands_for_another_bot_get_no_answer_and_ours_in_any_case_do(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    catalogue.fill(tvmaze)
    group(fake)
    for text in ("/list@otherbot", "/settings@otherbot", "/follow@otherbot Dark",
                 "/help@otherbot", "/start@otherbot", "/unfollow@otherbot"):  # fmt: skip
        fake.send_text(GROUP, ADMIN, text)
    await settle(fake)
    assert [m["visible"] for m in fake.messages(GROUP)] == []
    answer = await say(fake, GROUP, MEMBER, "/help@SerienWecker_Test_Bot")
    assert "/list" in answer["visible"]


# -- group admins ---------------------------------------------------------------------------


async def test_admin_demoted_while_the_settings_menu_is_open_is_refused(
    bot: BotRunner, fake: FakeTelegram
):
    group(fake)
    menu = await say(fake, GROUP, OTHER_ADMIN, "/settings")
    fake.chat(GROUP).admins.remove(OTHER_ADMIN)  # the owner demotes them meanwhile
    fake.chat(GROUP).members.append(OTHER_ADMIN)
    query = fake.press_button(GROUP, menu["message_id"], button_data(menu, "Sprache"), OTHER_ADMIN)
    answer = await fake.wait_for_callback_answer(query)
    assert answer.get("show_alert") is True and "nur Admins" in answer["text"]
    assert fake.message(GROUP, menu["message_id"])["edits"] == 0
    # ...and the owner still may.
    await press(fake, GROUP, menu, "Sprache", ADMIN)


async def test_member_may_read_the_list_and_open_a_card_but_not_change_a_series(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    catalogue.fill(tvmaze)
    group(fake)
    await follow_in_group(fake, GROUP, "Ballard", "Ballard (2025")
    listing = await say(fake, GROUP, MEMBER, "/list")
    card = await press(fake, GROUP, listing, "Ballard", MEMBER)
    assert "Ballard" in card["visible"]
    labels = list(buttons(card))
    settings_label = next(label for label in labels if "Einstellungen" in label)
    screen = await press(fake, GROUP, card, settings_label, MEMBER)
    mute = next(label for label in buttons(screen) if "Stumm" in label)
    before = fake.message(GROUP, screen["message_id"])["edits"]
    query = fake.press_button(GROUP, screen["message_id"], buttons(screen)[mute], MEMBER)
    answer = await fake.wait_for_callback_answer(query)
    assert answer.get("show_alert") is True and "nur Admins" in answer["text"]
    await settle(fake)
    assert fake.message(GROUP, screen["message_id"])["edits"] == before


# -- the bot removed and added again; the group upgraded ------------------------------------


async def test_bot_removed_and_added_again_greets_in_the_groups_language_and_keeps_follows(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    catalogue.fill(tvmaze)
    group(fake)
    menu = await say(fake, GROUP, ADMIN, "/settings")
    menu = await press(fake, GROUP, menu, "Sprache", ADMIN)
    await press(fake, GROUP, menu, "English", ADMIN)
    await follow_in_group(fake, GROUP, "Ballard", "Ballard (2025")
    fake.push_my_chat_member(GROUP, ADMIN, old="member", new="kicked")
    await settle(fake)
    count = len(fake.messages(GROUP))
    fake.push_my_chat_member(GROUP, ADMIN, old="kicked", new="member")
    [*_, welcome] = await fake.wait_for_messages(GROUP, count=count + 1)
    assert welcome["visible"].startswith("Thanks for adding me!"), welcome["visible"]
    listing = await say(fake, GROUP, MEMBER, "/list")
    assert "Ballard" in listing["visible"]


async def test_upgraded_group_keeps_its_follows_and_answers_under_the_new_id(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    catalogue.fill(tvmaze)
    group(fake, OLD_GROUP, type="group")
    await follow_in_group(fake, OLD_GROUP, "Dark", "Dark (2017")
    new_id = -1000000007700
    fake.migrate_group(OLD_GROUP, new_id, ADMIN)
    listing = await say(fake, new_id, MEMBER, "/list")
    assert "Dark" in listing["visible"]
    menu = await say(fake, new_id, ADMIN, "/unfollow")
    done = await press(fake, new_id, menu, "Dark", ADMIN)
    assert "Dark" in done["visible"]


# -- a bot the group muted --------------------------------------------------------------------


async def test_a_group_that_took_the_bots_right_to_write_is_no_error(
    bot: BotRunner, fake: FakeTelegram, caplog: pytest.LogCaptureFixture
):
    group(fake)
    await say(fake, GROUP, MEMBER, "/help")
    fake.fail_next(
        "sendMessage", 400, "Bad Request: not enough rights to send text messages to the chat"
    )
    fake.send_text(GROUP, MEMBER, "/list")
    await settle(fake)
    assert [status for _, status, _ in fake.errors] == [400]  # the reply was refused
    assert logged(caplog) == []


# -- bot admins in a group ------------------------------------------------------------------


async def bot_admin_in_group(bot: BotRunner, fake: FakeTelegram) -> None:
    await bot.stop()
    await bot.start(admin_ids=str(ADMIN), broadcast_progress_seconds=0.3)
    group(fake)
    await say(fake, ADMIN, ADMIN, "/start")


async def test_broadcast_asked_for_in_a_group_points_to_the_private_chat(
    bot: BotRunner, fake: FakeTelegram
):
    await bot_admin_in_group(bot, fake)
    answer = await say(fake, GROUP, ADMIN, "/broadcast@serienwecker_test_bot")
    assert answer["visible"] == (
        "Ankündigungen bereitest du im privaten Chat mit mir vor: schick mir dort /broadcast."
    )
    fake.send_text(GROUP, ADMIN, "Heute Abend Dark!")  # no prompt waits in the group
    refusal = await say(fake, GROUP, MEMBER, "/broadcast")
    assert refusal["visible"] == "Das dürfen nur die Administratoren des Bots."
    await settle(fake)
    assert len(fake.messages(GROUP)) == 2
    assert not [p for m, p in fake.calls if m == "copyMessage"]


async def test_stats_of_a_member_in_a_group_is_refused_and_of_the_admin_answered(
    bot: BotRunner, fake: FakeTelegram
):
    await bot_admin_in_group(bot, fake)
    refusal = await say(fake, GROUP, MEMBER, "/stats")
    assert "Admins" in refusal["visible"] or "admin" in refusal["visible"].lower()
    for command in ("/feeds", "/addfeed http://127.0.0.1:1/x", "/removefeed 1"):
        answer = await say(fake, GROUP, MEMBER, command)
        assert answer["visible"] == refusal["visible"], (command, answer["visible"])


async def test_broadcast_to_groups_reaches_each_present_group_once(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    catalogue.fill(tvmaze)
    await bot_admin_in_group(bot, fake)
    gone, old, new, forum = -1007710, -7720, -1000000007720, -1007730
    fake.add_group(gone, "Weg", admins=[ADMIN])
    fake.add_group(old, "Alt", admins=[ADMIN])
    fake.add_group(forum, "Forum", type="supergroup", admins=[ADMIN], forum=True)
    for chat_id in (GROUP, gone, old, forum):
        await say(fake, chat_id, ADMIN, "/help")
    fake.push_my_chat_member(gone, ADMIN, old="member", new="left")
    fake.migrate_group(old, new, ADMIN)
    await settle(fake)
    await say(fake, ADMIN, ADMIN, "/broadcast")
    count = len(fake.messages(ADMIN))
    fake.send_text(ADMIN, ADMIN, "Neue Staffeln!")
    *_, screen = await fake.wait_for_messages(ADMIN, count=count + 2)
    groups_label = next(label for label in buttons(screen) if label.startswith("Groups"))
    assert groups_label == "Groups (3)", list(buttons(screen))
    screen = await press(fake, ADMIN, screen, "Groups", ADMIN)
    status = await press(fake, ADMIN, screen, "Send", ADMIN)
    while "finished" not in status["visible"]:
        status = await fake.wait_for_edit(ADMIN, status["message_id"], timeout=15)
    assert "Sent: 3 of 3" in status["visible"], status["visible"]
    for chat_id in (GROUP, new, forum):
        assert [m["visible"] for m in fake.messages(chat_id)][-1] == "Neue Staffeln!"
    assert fake.messages(gone)[-1]["visible"] != "Neue Staffeln!"


# -- the same button twice ------------------------------------------------------------------


async def test_deletedata_confirmed_twice_fast_in_a_group(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, caplog: pytest.LogCaptureFixture
):
    catalogue.fill(tvmaze)
    group(fake)
    await follow_in_group(fake, GROUP, "Ballard", "Ballard (2025")
    ask = await say(fake, GROUP, ADMIN, "/deletedata")
    data = button_data(ask, "Ja")
    first = fake.press_button(GROUP, ask["message_id"], data, ADMIN)
    second = fake.press_button(GROUP, ask["message_id"], data, ADMIN)
    await fake.wait_for_callback_answer(first)
    await fake.wait_for_callback_answer(second)
    await settle(fake)
    assert logged(caplog) == []
    listing = await say(fake, GROUP, MEMBER, "/list")
    assert "Ballard" not in listing["visible"]


async def test_unfollow_pressed_by_two_admins_at_once_unfollows_once(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, caplog: pytest.LogCaptureFixture
):
    catalogue.fill(tvmaze)
    group(fake)
    await follow_in_group(fake, GROUP, "Dark", "Dark (2017")
    menu = await say(fake, GROUP, ADMIN, "/unfollow")
    data = button_data(menu, "Dark")
    first = fake.press_button(GROUP, menu["message_id"], data, ADMIN)
    second = fake.press_button(GROUP, menu["message_id"], data, OTHER_ADMIN)
    await fake.wait_for_callback_answer(first)
    await fake.wait_for_callback_answer(second)
    await settle(fake)
    assert logged(caplog) == []
    listing = await say(fake, GROUP, MEMBER, "/list")
    assert "Dark" not in listing["visible"]


# -- anonymous admins, forged presses -------------------------------------------------------


async def test_anonymous_admin_answers_the_follow_question(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    catalogue.fill(tvmaze)
    group(fake)
    question = await say(fake, GROUP, None, "/follow", sender_chat_id=GROUP)
    offer = await say(
        fake, GROUP, None, "Ballard", sender_chat_id=GROUP,
        reply_to_message_id=question["message_id"],
    )  # fmt: skip
    assert list(buttons(offer)) == ["Ballard (2025, Prime Video)"]


async def test_member_forging_the_deletedata_yes_on_a_list_deletes_nothing(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    catalogue.fill(tvmaze)
    group(fake)
    await follow_in_group(fake, GROUP, "Ballard", "Ballard (2025")
    listing = await say(fake, GROUP, MEMBER, "/list")
    for data in (encode(Action.DELETE, "yes"), encode(Action.LANGUAGE, "en"), "1|delete|yes"):
        query = fake.press_button(GROUP, listing["message_id"], data, MEMBER, check=False)
        assert (await fake.wait_for_callback_answer(query)).get("show_alert") is True, data
    listing = await say(fake, GROUP, MEMBER, "/list")
    assert "Ballard" in listing["visible"]
