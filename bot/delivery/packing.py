"""Which due rows of one chat go out together as its next message (pure)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bot import render
from storage.deliveries import DueRow


@dataclass(frozen=True)
class Outgoing:
    """One Telegram message for one chat, carrying the rows it settles."""

    chat_id: int  # chats.id: stable across a supergroup upgrade, keys the rate limits
    telegram_id: int
    is_group: bool
    rows: tuple[tuple[int, int], ...]  # (delivery id, attempts so far)
    silent: bool
    html: str | None = None
    buttons: tuple[tuple[tuple[str, str], ...], ...] = ()  # rows of (label, callback data)
    copy_from: tuple[int, int] | None = None  # (from_chat_id, message_id)
    thread_id: int | None = None  # a forum topic of the group (news its admins routed there)


def _foldable(row: DueRow) -> bool:
    """Plain rendered texts fold into a digest; copies and messages with buttons go alone."""
    return "html" in row.payload and not row.payload.get("buttons")


def _buttons(payload: dict[str, Any]) -> tuple[tuple[tuple[str, str], ...], ...]:
    return tuple(
        tuple((button["label"], button["data"]) for button in line)
        for line in payload.get("buttons") or ()
    )


def next_message(rows: Sequence[DueRow]) -> Outgoing:
    """The chat's next message: its oldest row, with the following plain texts folded in."""
    first = rows[0]
    chat_id, telegram_id = first.chat_id, first.telegram_id
    is_group = first.chat_type != "private"
    if "copy" in first.payload:
        source = first.payload["copy"]
        return Outgoing(
            chat_id=chat_id,
            telegram_id=telegram_id,
            is_group=is_group,
            rows=((first.id, first.attempts),),
            silent=first.silent,
            copy_from=(int(source["from_chat_id"]), int(source["message_id"])),
        )
    if not _foldable(first):
        return Outgoing(
            chat_id=chat_id,
            telegram_id=telegram_id,
            is_group=is_group,
            rows=((first.id, first.attempts),),
            silent=first.silent,
            html=render.fit(first.payload["html"]),
            buttons=_buttons(first.payload),
            thread_id=first.payload.get("thread_id"),
        )
    batch = [first]
    for row in rows[1:]:
        if not _foldable(row):
            break
        batch.append(row)
    text, count = render.digest([row.payload["html"] for row in batch])
    folded = batch[:count]
    return Outgoing(
        chat_id=chat_id,
        telegram_id=telegram_id,
        is_group=is_group,
        rows=tuple((row.id, row.attempts) for row in folded),
        silent=all(row.silent for row in folded),  # one loud item makes the digest loud
        html=text,
    )
