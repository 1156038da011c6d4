"""Which messages are commands for this bot: a command for another bot in a group is not."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from telegram import Chat, Message, MessageEntity, Update

from handlers.chat_layer import is_command

GROUP = Chat(-100, Chat.SUPERGROUP)


def _update(text: str, *, entity_at: int = 0, length: int | None = None) -> Update:
    entities = []
    if text.startswith("/", entity_at):
        size = length if length is not None else len(text[entity_at:].split()[0])
        entities = [MessageEntity(MessageEntity.BOT_COMMAND, entity_at, size)]
    message = Message(1, datetime(2026, 12, 1, tzinfo=UTC), GROUP, text=text, entities=entities)
    return Update(1, message=message)


@pytest.mark.parametrize(
    ("text", "ours"),
    [
        ("/list", True),
        ("/list@SerienweckerBot", True),
        ("/list@serienweckerbot extra words", True),
        ("/roll@dice_bot", False),
        ("/follow@OtherBot Dark", False),
        ("Dark", False),
    ],
)
def test_a_command_is_ours_unless_it_names_another_bot(text: str, ours: bool) -> None:
    assert is_command(_update(text), "SerienweckerBot") is ours


def test_a_command_later_in_the_text_is_no_command() -> None:
    assert is_command(_update("see /list", entity_at=4), "SerienweckerBot") is False
