"""What typed text a chat owes us next: the one owner of `Chat.awaiting_input`.

A prompt is asked by a command or a button, answered by the chat's next typed message (the
router in `handlers/typed_input.py` picks the handler), and ended by any other command
(/cancel only says so).
"""

from __future__ import annotations

from enum import StrEnum

from storage.models import Chat

ARGUMENT_SEPARATOR = ":"
MAX_ARGUMENT = 12  # `Chat.awaiting_input` holds 32 characters: the longest name, ":" and this


class Prompt(StrEnum):
    """The value stored in `Chat.awaiting_input`."""

    FOLLOW = "follow"  # a series title after a bare /follow
    TIMEZONE = "timezone"  # /settings → time zone → "other"
    QUIET_HOURS = "quiet_hours"  # /settings → quiet hours → "custom"
    BROADCAST = "broadcast"  # an admin's announcement after /broadcast (any kind of message)
    IMPORT = "import"  # a list of titles or an export file after a bare /import
    CHAT_ICAL = "chat_ical"  # the card's "Add TV dates": an iCal URL (argument: a TVmaze id)


def pending(chat: Chat) -> Prompt | None:
    """The prompt the chat is answering; a value this version does not know is none."""
    name = (chat.awaiting_input or "").partition(ARGUMENT_SEPARATOR)[0]
    try:
        return Prompt(name) if name else None
    except ValueError:
        return None


def argument(chat: Chat) -> str | None:
    """What the pending prompt is about (a TVmaze id, say), if it was asked with one."""
    name, separator, value = (chat.awaiting_input or "").partition(ARGUMENT_SEPARATOR)
    return value if separator and name else None


def ask(chat: Chat, prompt: Prompt, about: str | None = None) -> None:
    """Ask for `prompt`; `about` (at most MAX_ARGUMENT characters) says what it is about."""
    if about is not None and (len(about) > MAX_ARGUMENT or ARGUMENT_SEPARATOR in about):
        raise ValueError(f"prompt argument {about!r} does not fit")
    chat.awaiting_input = prompt if about is None else f"{prompt}{ARGUMENT_SEPARATOR}{about}"


def settle(chat: Chat) -> None:
    """The prompt was answered (or abandoned): nothing is owed any more."""
    chat.awaiting_input = None


def after_update(chat: Chat, *, is_command: bool) -> Prompt | None:
    """A command ends a pending prompt; buttons and typed messages leave it to their handler.
    Returns the prompt a command ended (None: nothing was pending, or no command)."""
    if not is_command:
        return None
    ended = pending(chat)
    settle(chat)
    return ended
