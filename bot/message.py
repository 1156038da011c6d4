"""What the bot says, as one typed value: handler replies and outbox rows both carry it.

A message is rendered HTML (from `bot.render`) or a copy of an existing message, with inline
buttons, sent silently or not, into a forum topic or not. In the outbox it is stored as a
versioned JSON payload; rows written before the version field existed still decode.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

PAYLOAD_VERSION = 2


@dataclass(frozen=True)
class Button:
    """A callback button; or a link button when `url` is set, or a button that opens the chat
    picker with `@bot <inline_query>` typed when that is set (their callback data is empty)."""

    label: str
    callback_data: str = ""
    url: str = ""
    inline_query: str = ""


Keyboard = tuple[tuple[Button, ...], ...]


@dataclass(frozen=True)
class Copy:
    """An existing message to copy (broadcasts: photos, formatting and links kept)."""

    from_chat_id: int
    message_id: int


@dataclass(frozen=True)
class BotMessage:
    """One message: `text` (Telegram HTML) unless it is a `copy`."""

    text: str = ""
    keyboard: Keyboard = field(default=())
    copy: Copy | None = None
    silent: bool = False  # → disable_notification
    thread_id: int | None = None  # a forum topic of the group

    def folds_with(self, other: BotMessage) -> bool:
        """Texts with the same buttons (none, or say the same series' card under several of
        its episodes' reminders) for the same topic may go out as one digest message; copies
        never do."""
        return (
            self.copy is None
            and other.copy is None
            and self.keyboard == other.keyboard
            and self.thread_id == other.thread_id
        )


def without_button(keyboard: Keyboard, callback_data: str) -> Keyboard:
    """The keyboard minus one button (and minus a row it leaves empty)."""
    rows = (tuple(b for b in row if b.callback_data != callback_data) for row in keyboard)
    return tuple(row for row in rows if row)


class UnreadablePayload(ValueError):
    """An outbox payload no version of this code wrote."""


def to_payload(message: BotMessage) -> dict[str, Any]:
    """The JSON stored in `deliveries.payload`; `silent` lives in its own column."""
    payload: dict[str, Any] = {"v": PAYLOAD_VERSION}
    if message.copy is not None:
        payload["copy"] = {
            "from_chat_id": message.copy.from_chat_id,
            "message_id": message.copy.message_id,
        }
    else:
        payload["html"] = message.text
    if message.keyboard:
        payload["buttons"] = [[_button_payload(b) for b in row] for row in message.keyboard]
    if message.thread_id is not None:
        payload["thread_id"] = message.thread_id
    return payload


def without_thread(payload: Mapping[str, Any]) -> dict[str, Any]:
    """The same stored message for the group's main chat instead of its forum topic."""
    return {key: value for key, value in payload.items() if key != "thread_id"}


def _button_payload(button: Button) -> dict[str, str]:
    if button.url:
        return {"label": button.label, "url": button.url}
    if button.inline_query:
        return {"label": button.label, "inline": button.inline_query}
    return {"label": button.label, "data": button.callback_data}


def _button_of(stored: Mapping[str, Any]) -> Button:
    if "url" in stored:
        return Button(str(stored["label"]), url=str(stored["url"]))
    if "inline" in stored:
        return Button(str(stored["label"]), inline_query=str(stored["inline"]))
    return Button(str(stored["label"]), str(stored["data"]))


def from_payload(payload: Mapping[str, Any], *, silent: bool = False) -> BotMessage:
    """Decode a payload of this version or of the first one (no "v": the same keys, with
    `thread_id` only beside buttons); raises `UnreadablePayload` for anything else."""
    version = payload.get("v", 1)
    if version not in (1, PAYLOAD_VERSION):
        raise UnreadablePayload(f"payload version {version!r}")
    try:
        keyboard = tuple(tuple(_button_of(b) for b in row) for row in payload.get("buttons") or ())
        thread = payload.get("thread_id")
        thread_id = int(thread) if thread is not None else None
        if "copy" in payload:
            source = payload["copy"]
            copy = Copy(int(source["from_chat_id"]), int(source["message_id"]))
            return BotMessage(copy=copy, keyboard=keyboard, silent=silent, thread_id=thread_id)
        text = payload["html"]
    except (KeyError, TypeError, ValueError) as error:
        raise UnreadablePayload(f"payload {dict(payload)!r}: {error}") from error
    if not isinstance(text, str):
        raise UnreadablePayload(f"payload text is {type(text).__name__}")
    return BotMessage(text, keyboard, silent=silent, thread_id=thread_id)
