"""The command menus by role and the bot's profile texts, published at start-up.

Telegram shows the menu of the most specific scope: a bot admin's private chat, then group
administrators, then every private chat or group. A client whose language is neither de nor en
gets the menus without a language code, which are English, as are the replies it gets.
"""

from __future__ import annotations

import logging

from telegram import (
    Bot,
    BotCommand,
    BotCommandScope,
    BotCommandScopeAllChatAdministrators,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    BotCommandScopeChat,
)
from telegram.error import BadRequest

from bot import render
from bot.i18n import LANGUAGES

logger = logging.getLogger(__name__)

FALLBACK_LANGUAGE = "en"
PRIVATE_COMMANDS = (
    "start",
    "follow",
    "unfollow",
    "list",
    "next",
    "news",
    "calendar",
    "import",
    "export",
    "help",
    "settings",
    "deletedata",
    "cancel",
)
GROUP_COMMANDS = (
    "follow",
    "unfollow",
    "list",
    "next",
    "news",
    "newstopic",
    "calendar",
    "import",
    "export",
    "help",
    "settings",
    "deletedata",
    "cancel",
)
# In a group these change the group's settings, so only its administrators may use them
# (and only they are asked questions that /cancel ends).
GROUP_ADMIN_ONLY = frozenset(
    {"follow", "unfollow", "newstopic", "settings", "deletedata", "import", "cancel"}
)
GROUP_MEMBER_COMMANDS = tuple(name for name in GROUP_COMMANDS if name not in GROUP_ADMIN_ONLY)
# Bot administrators (ADMIN_IDS), in their private chat with the bot.
ADMIN_COMMANDS = ("broadcast", "stats", "feeds", "addfeed", "removefeed", "addical")


def command_list(language: str, commands: tuple[str, ...]) -> list[BotCommand]:
    return [BotCommand(name, render.plain(language, f"command.{name}")) for name in commands]


async def _publish(bot: Bot, scope: BotCommandScope, commands: tuple[str, ...]) -> None:
    for language in LANGUAGES:
        await bot.set_my_commands(
            command_list(language, commands), scope=scope, language_code=language
        )
    await bot.set_my_commands(command_list(FALLBACK_LANGUAGE, commands), scope=scope)


async def publish_commands(bot: Bot, admin_ids: tuple[int, ...]) -> None:
    """Set every menu: private chats, group members, group administrators, bot admins."""
    await _publish(bot, BotCommandScopeAllPrivateChats(), PRIVATE_COMMANDS)
    await _publish(bot, BotCommandScopeAllGroupChats(), GROUP_MEMBER_COMMANDS)
    await _publish(bot, BotCommandScopeAllChatAdministrators(), GROUP_COMMANDS)
    for admin in admin_ids:
        try:
            await _publish(bot, BotCommandScopeChat(admin), PRIVATE_COMMANDS + ADMIN_COMMANDS)
        except BadRequest as error:  # e.g. the admin never started the bot: no chat yet
            logger.warning("no admin menu for %s: %s (set at the next start)", admin, error)


async def publish_descriptions(bot: Bot) -> None:
    """The profile texts: shown in the empty chat before Start, and on the bot's profile."""
    for language in (*LANGUAGES, None):
        text_language = language or FALLBACK_LANGUAGE
        await bot.set_my_description(
            render.plain(text_language, "bot.description"), language_code=language
        )
        await bot.set_my_short_description(
            render.plain(text_language, "bot.short_description"), language_code=language
        )
