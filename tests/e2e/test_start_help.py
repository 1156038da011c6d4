"""A fan meets the bot: /start, /help, unknown commands, /cancel and free text, the command
menu."""

from tests.e2e.conftest import BotRunner
from tests.fake_telegram import FakeTelegram


async def test_start_greets_a_german_user_in_german(bot: BotRunner, fake: FakeTelegram):
    fake.add_user(1, "Anna", language_code="de")
    fake.send_text(1, 1, "/start")
    [reply] = await fake.wait_for_messages(1)
    assert "Hallo Anna, willkommen beim Serienwecker!" in reply["visible"]
    assert "/settings" in reply["visible"] and reply["parse_mode"] == "HTML"


async def test_start_greets_everyone_else_in_english(bot: BotRunner, fake: FakeTelegram):
    fake.add_user(2, "<Bob & Co>", language_code="fr")
    fake.send_text(2, 2, "/start")
    [reply] = await fake.wait_for_messages(2)
    assert "Hi <Bob & Co>, welcome to Serienwecker!" in reply["visible"]
    assert "&lt;Bob &amp; Co&gt;" in reply["text"]


async def test_help_lists_every_command_with_one_line(bot: BotRunner, fake: FakeTelegram):
    fake.add_user(3, "Cem", language_code="en")
    fake.send_text(3, 3, "/help")
    [reply] = await fake.wait_for_messages(3)
    lines = reply["visible"].splitlines()
    assert lines[0] == "What I can do:"
    assert [line.split(" ")[0] for line in lines[1:]] == [
        "/start",
        "/follow",
        "/unfollow",
        "/list",
        "/next",
        "/news",
        "/calendar",
        "/import",
        "/export",
        "/help",
        "/settings",
        "/deletedata",
        "/cancel",
    ]


async def test_unknown_command_points_to_help_and_free_text_searches(
    bot: BotRunner, fake: FakeTelegram
):
    fake.add_user(4, "Dana", language_code="de")
    fake.send_text(4, 4, "/frobnicate")
    fake.send_text(4, 4, "Hallo Bot, was geht?")
    unknown, text = await fake.wait_for_messages(4, count=2)
    assert unknown["visible"] == "Diesen Befehl kenne ich nicht. /help zeigt alle Befehle."
    assert text["visible"].startswith("Zu „Hallo Bot, was geht?“ habe ich keine Serie gefunden.")


async def test_cancel_with_no_question_open_says_there_is_nothing_to_cancel(
    bot: BotRunner, fake: FakeTelegram
):
    fake.add_user(6, "Finn", language_code="de")
    fake.send_text(6, 6, "/cancel")
    [answer] = await fake.wait_for_messages(6)
    assert answer["visible"].startswith("Es gibt nichts abzubrechen")


async def test_in_a_group_a_bare_cancel_with_nothing_open_may_be_for_another_bot(
    bot: BotRunner, fake: FakeTelegram
):
    group, admin = -1007, 7
    fake.add_group(group, "Serienabend", type="supergroup", admins=[admin])
    fake.send_text(group, admin, "/cancel")
    fake.send_text(group, admin, f"/cancel@{fake.bot['username']}")
    [answer] = await fake.wait_for_messages(group)
    assert answer["visible"].startswith("Es gibt nichts abzubrechen")  # groups: DEFAULT_LANGUAGE
    assert len(fake.messages(group)) == 1  # the bare /cancel, handled first, got no answer


async def test_a_5000_character_message_gets_a_normal_answer(bot: BotRunner, fake: FakeTelegram):
    fake.add_user(5, "Eli", language_code="en")
    fake.send_text(5, 5, "<b>" + "x" * 4090)
    [reply] = await fake.wait_for_messages(5)
    assert reply["visible"].startswith("That title is too long")


async def test_command_menu_is_set_per_language_and_chat_type(bot: BotRunner, fake: FakeTelegram):
    await fake.wait_for_call("setMyCommands", count=9)
    private_de = fake.commands[("all_private_chats", "de")]
    private_en = fake.commands[("all_private_chats", "en")]
    groups_en = fake.commands[("all_group_chats", "en")]
    assert [c["command"] for c in private_de][:2] == ["start", "follow"]
    # Group members see what they may use; the rest is in the administrators' menu.
    assert [c["command"] for c in groups_en] == [
        "list",
        "next",
        "news",
        "calendar",
        "export",
        "help",
    ]
    assert private_de[0]["description"] != private_en[0]["description"]
    # Clients in any other language get English, as their replies are (DEFAULT_LANGUAGE is
    # de here, which is for groups whose language nobody chose).
    assert fake.commands[("all_private_chats", "")] == private_en
