"""Groups: registered when the bot joins, marked when it leaves, kept across the supergroup
upgrade; only administrators change settings."""

import asyncio

from sqlalchemy import select

from storage.db import create_engine
from storage.models import Chat
from tests.e2e.conftest import BotRunner
from tests.e2e.helpers import button_data, press
from tests.fake_telegram import FakeTelegram

GROUP, ADMIN, MEMBER = -500, 31, 32


async def stored_chats(bot: BotRunner) -> dict[int, Chat]:
    engine = create_engine(bot.database_url)
    async with engine.connect() as connection:
        rows = (await connection.execute(select(Chat))).all()
    await engine.dispose()
    return {row.telegram_id: row for row in rows}


async def wait_for_status(bot: BotRunner, fake: FakeTelegram, chat_id: int) -> str | None:
    await fake.wait_until_delivered()
    for _ in range(50):
        chat = (await stored_chats(bot)).get(chat_id)
        if chat is not None and chat.status != "active":
            return chat.status
        await asyncio.sleep(0.05)
    chat = (await stored_chats(bot)).get(chat_id)
    return chat.status if chat else None


async def test_added_group_is_registered_and_welcomed(bot: BotRunner, fake: FakeTelegram):
    fake.add_user(ADMIN, "Ada", language_code="en")
    fake.add_group(GROUP, "Serienabend", admins=[ADMIN], members=[MEMBER], bot_status="left")
    fake.push_my_chat_member(GROUP, ADMIN, old="left", new="member")
    [welcome] = await fake.wait_for_messages(GROUP)
    assert welcome["visible"].startswith("Thanks for adding me!")
    chat = (await stored_chats(bot))[GROUP]
    assert (chat.type, chat.status, chat.telegram_language) == ("group", "active", "en")


async def test_removed_group_is_marked_left_and_blocked_user_blocked(
    bot: BotRunner, fake: FakeTelegram
):
    fake.add_user(ADMIN, "Ada", language_code="en")
    fake.add_group(GROUP, "Serienabend", admins=[ADMIN])
    fake.send_text(GROUP, ADMIN, "/help")
    await fake.wait_for_messages(GROUP)
    fake.push_my_chat_member(GROUP, ADMIN, old="member", new="left")
    assert await wait_for_status(bot, fake, GROUP) == "left"

    fake.send_text(ADMIN, ADMIN, "/start")
    await fake.wait_for_messages(ADMIN)
    fake.push_my_chat_member(ADMIN, ADMIN, old="member", new="kicked")
    assert await wait_for_status(bot, fake, ADMIN) == "blocked"


async def test_migrated_group_keeps_its_row_and_settings(bot: BotRunner, fake: FakeTelegram):
    fake.add_user(ADMIN, "Ada", language_code="en")
    fake.add_group(GROUP, "Serienabend", admins=[ADMIN])
    fake.send_text(GROUP, ADMIN, "/settings")
    [menu] = await fake.wait_for_messages(GROUP)
    menu = await press(fake, GROUP, menu, "Zeitzone", ADMIN)
    await press(fake, GROUP, menu, "America/New_York", ADMIN)
    original = (await stored_chats(bot))[GROUP]

    fake.migrate_group(GROUP, -1000000000500, ADMIN)
    await fake.wait_until_delivered()
    fake.send_text(-1000000000500, ADMIN, "/settings")
    [menu] = await fake.wait_for_messages(-1000000000500)
    assert "Zeitzone: America/New_York" in menu["visible"]
    chats = await stored_chats(bot)
    assert GROUP not in chats
    moved = chats[-1000000000500]
    assert (moved.id, moved.type) == (original.id, "supergroup")


async def test_only_admins_change_group_settings(bot: BotRunner, fake: FakeTelegram):
    fake.add_group(GROUP, "Serienabend", admins=[ADMIN], members=[MEMBER])
    fake.send_text(GROUP, MEMBER, "/settings")
    [refusal] = await fake.wait_for_messages(GROUP)
    assert refusal["visible"] == "Das dürfen in dieser Gruppe nur Admins."

    fake.send_text(GROUP, ADMIN, "/settings")
    [_, menu] = await fake.wait_for_messages(GROUP, count=2)
    query = fake.press_button(GROUP, menu["message_id"], button_data(menu, "Sprache"), MEMBER)
    answer = await fake.wait_for_callback_answer(query)
    assert answer["show_alert"] is True and "nur Admins" in answer["text"]
    assert fake.message(GROUP, menu["message_id"])["edits"] == 0

    menu = await press(fake, GROUP, menu, "Sprache", ADMIN)
    assert "Sprache" in menu["visible"]


async def test_anonymous_admin_may_open_settings(bot: BotRunner, fake: FakeTelegram):
    fake.add_group(GROUP, "Serienabend", type="supergroup", admins=[ADMIN], members=[MEMBER])
    fake.send_text(GROUP, ADMIN, "/settings", sender_chat_id=GROUP)
    [menu] = await fake.wait_for_messages(GROUP)
    assert menu["visible"].startswith("Einstellungen")


async def test_unknown_commands_in_groups_are_ignored_unless_addressed_to_us(
    bot: BotRunner, fake: FakeTelegram
):
    fake.add_group(GROUP, "Serienabend", admins=[ADMIN], members=[MEMBER])
    fake.send_text(GROUP, MEMBER, "/roll")
    fake.send_text(GROUP, MEMBER, "Wer guckt heute mit?")
    fake.send_text(GROUP, MEMBER, "/roll@serienwecker_test_bot")
    [hint] = await fake.wait_for_messages(GROUP)
    assert hint["visible"] == "Diesen Befehl kenne ich nicht. /help zeigt alle Befehle."
    await fake.wait_until_delivered()
    assert len(fake.messages(GROUP)) == 1
