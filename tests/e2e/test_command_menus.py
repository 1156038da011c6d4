"""Command menus by role and the bot's profile texts, as Telegram clients would show them."""

from __future__ import annotations

import pytest
from telegram import Bot, BotCommandScopeAllChatAdministrators, BotCommandScopeChat
from telegram.error import BadRequest

from tests.e2e.conftest import TOKEN, BotRunner
from tests.fake_telegram import FakeTelegram

ADMIN, NEVER_STARTED = 31, 32


def names(commands: list[dict[str, str]]) -> list[str]:
    return [command["command"] for command in commands]


async def test_menus_by_role_and_language(bot: BotRunner, fake: FakeTelegram):
    fake.add_user(ADMIN, "Ada", language_code="de")
    await bot.stop()
    fake.calls.clear()
    await bot.start(admin_ids=f"{ADMIN},{NEVER_STARTED}")
    await fake.wait_for_call("setMyShortDescription", count=3)

    # A bot admin's private chat: the user menu plus the admin commands, in each language.
    admin_en = fake.commands[(f"chat:{ADMIN}", "en")]
    admin_de = fake.commands[(f"chat:{ADMIN}", "de")]
    assert names(admin_en)[:2] == ["start", "follow"]
    assert {"broadcast", "stats", "feeds", "addfeed", "removefeed", "addical"} <= set(
        names(admin_en)
    )
    assert names(admin_de) == names(admin_en)
    assert admin_de != admin_en  # translated descriptions
    assert fake.commands[(f"chat:{ADMIN}", "")] == admin_en  # other languages: English
    # Ordinary private chats never see admin commands.
    assert "broadcast" not in names(fake.commands[("all_private_chats", "en")])
    # An admin who never started the bot has no chat yet: skipped, the rest still published.
    assert not any(key[0] == f"chat:{NEVER_STARTED}" for key in fake.commands)

    # Group administrators get the commands that change the group; members the rest.
    admins = names(fake.commands[("all_chat_administrators", "en")])
    members = names(fake.commands[("all_group_chats", "en")])
    assert {"follow", "unfollow", "settings", "deletedata", "newstopic"} <= set(admins)
    assert set(members) < set(admins) and "settings" not in members

    # What a client asks for, through the Bot API the way Telegram resolves it.
    async with Bot(TOKEN, base_url=fake.base_url) as client:
        menu = await client.get_my_commands(BotCommandScopeChat(ADMIN), language_code="de")
        assert "broadcast" in [c.command for c in menu]
        menu = await client.get_my_commands(BotCommandScopeAllChatAdministrators())
        assert "settings" in [c.command for c in menu]
        german = await client.get_my_description(language_code="de")
        english = await client.get_my_description(language_code="en")
        french = await client.get_my_description(language_code="fr")
        short_fr = await client.get_my_short_description(language_code="fr")
    assert german.description.startswith("Der Serienwecker erinnert dich")
    assert english.description.startswith("Serienwecker reminds you")
    assert french.description == english.description  # neither de nor en: English
    assert short_fr.short_description.startswith("Episode reminders")
    assert len(english.description) <= 512 and len(short_fr.short_description) <= 120


async def test_the_fake_refuses_profile_texts_telegram_would_refuse(fake: FakeTelegram):
    async with Bot(TOKEN, base_url=fake.base_url) as client:
        with pytest.raises(BadRequest):
            await client.set_my_short_description("x" * 121)
        with pytest.raises(BadRequest):
            await client.set_my_description("x" * 513)
        assert await client.set_my_description("x" * 512, language_code="de")
        assert await client.set_my_description("", language_code="de")  # removed again
        assert (await client.get_my_description(language_code="de")).description == ""
