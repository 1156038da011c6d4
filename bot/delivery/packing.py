"""Which due rows of one chat go out together as its next message (pure)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from bot import render
from bot.message import BotMessage, UnreadablePayload, from_payload
from storage.deliveries import DueRow


@dataclass(frozen=True)
class Outgoing:
    """One Telegram message for one chat, carrying the rows it settles."""

    chat_id: int  # chats.id: stable across a supergroup upgrade
    telegram_id: int
    is_group: bool
    rows: tuple[tuple[int, int], ...]  # (delivery id, attempts so far)
    message: BotMessage | None  # None: the row's payload is unreadable (settled as a bug)
    unreadable: str | None = None  # why, for the log and the row's last_error


def _decoded(row: DueRow) -> BotMessage | UnreadablePayload:
    try:
        return from_payload(row.payload, silent=row.silent)
    except UnreadablePayload as error:
        return error


def _outgoing(
    settled: Sequence[DueRow], message: BotMessage | None, unreadable: str | None = None
) -> Outgoing:
    first = settled[0]
    return Outgoing(
        chat_id=first.chat_id,
        telegram_id=first.telegram_id,
        is_group=first.chat_type != "private",
        rows=tuple((row.id, row.attempts) for row in settled),
        message=message,
        unreadable=unreadable,
    )


def next_message(rows: Sequence[DueRow]) -> Outgoing:
    """The chat's next message: its oldest row, with the following texts that fold with it
    (same buttons, same topic) folded in."""
    first = rows[0]
    head = _decoded(first)
    if isinstance(head, UnreadablePayload):
        return _outgoing([first], None, str(head))
    if head.copy is not None:
        return _outgoing([first], head)
    batch = [(first, head)]
    for row in rows[1:]:
        message = _decoded(row)
        if isinstance(message, UnreadablePayload) or not head.folds_with(message):
            break
        batch.append((row, message))
    text, count = render.digest([message.text for _, message in batch])
    folded = batch[:count]
    silent = all(message.silent for _, message in folded)  # one loud item makes it loud
    return _outgoing([row for row, _ in folded], replace(head, text=text, silent=silent))
