"""What typed text a chat owes us next: the one owner of `Chat.awaiting_input`.

A prompt is asked by a command or a button, answered by the chat's next typed message (the
router in `handlers/typed_input.py` picks the handler), and ended by any other command.
"""

from __future__ import annotations

from enum import StrEnum

from storage.models import Chat


class Prompt(StrEnum):
    """The value stored in `Chat.awaiting_input`."""

    FOLLOW = "follow"  # a series title after a bare /follow
    TIMEZONE = "timezone"  # /settings → time zone → "other"
    QUIET_HOURS = "quiet_hours"  # /settings → quiet hours → "custom"
    BROADCAST = "broadcast"  # an admin's announcement after /broadcast (any kind of message)
    IMPORT = "import"  # a list of titles or an export file after a bare /import


def pending(chat: Chat) -> Prompt | None:
    """The prompt the chat is answering; a value this version does not know is none."""
    try:
        return Prompt(chat.awaiting_input) if chat.awaiting_input else None
    except ValueError:
        return None


def ask(chat: Chat, prompt: Prompt) -> None:
    chat.awaiting_input = prompt


def settle(chat: Chat) -> None:
    """The prompt was answered (or abandoned): nothing is owed any more."""
    chat.awaiting_input = None


def after_update(chat: Chat, *, is_command: bool) -> None:
    """A command ends a pending prompt; buttons and typed messages leave it to their handler."""
    if is_command:
        settle(chat)
