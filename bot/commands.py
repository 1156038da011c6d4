"""The command menu: which commands each kind of chat sees, described in each language."""

from __future__ import annotations

from telegram import Bot, BotCommand, BotCommandScopeAllGroupChats, BotCommandScopeAllPrivateChats

from bot import render
from bot.i18n import LANGUAGES

PRIVATE_COMMANDS = (
    "start",
    "follow",
    "unfollow",
    "list",
    "next",
    "news",
    "calendar",
    "help",
    "settings",
    "deletedata",
)
GROUP_COMMANDS = (
    "follow",
    "unfollow",
    "list",
    "next",
    "news",
    "newstopic",
    "calendar",
    "help",
    "settings",
    "deletedata",
)


def command_list(language: str, commands: tuple[str, ...]) -> list[BotCommand]:
    return [BotCommand(name, render.plain(language, f"command.{name}")) for name in commands]


async def publish_commands(bot: Bot, default_language: str) -> None:
    """Set the menu for private chats and groups, per language and as the fallback."""
    for scope, commands in (
        (BotCommandScopeAllPrivateChats(), PRIVATE_COMMANDS),
        (BotCommandScopeAllGroupChats(), GROUP_COMMANDS),
    ):
        for language in LANGUAGES:
            await bot.set_my_commands(
                command_list(language, commands), scope=scope, language_code=language
            )
        await bot.set_my_commands(command_list(default_language, commands), scope=scope)
