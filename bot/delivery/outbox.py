"""The one way to push a message: write it to the outbox in the caller's transaction."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from storage.deliveries import insert_deliveries
from storage.models import utcnow


def html_payload(
    html: str, buttons: list[list[dict[str, str]]] | None = None, thread_id: int | None = None
) -> dict[str, Any]:
    """A message made by `bot.render`; buttons are rows of {"label", "data"} (callback data);
    `thread_id` posts it into a forum topic (only for messages with buttons, never digested)."""
    payload: dict[str, Any] = {"html": html}
    if buttons:
        payload["buttons"] = buttons
        if thread_id is not None:
            payload["thread_id"] = thread_id
    return payload


def copy_payload(from_chat_id: int, message_id: int) -> dict[str, Any]:
    """A copy of an existing message (broadcasts: photos, formatting, links kept)."""
    return {"copy": {"from_chat_id": from_chat_id, "message_id": message_id}}


@dataclass(frozen=True)
class Push:
    """One message to queue: see `enqueue` for the fields."""

    chat_id: int
    kind: str
    dedup_key: str
    payload: dict[str, Any]
    not_before: datetime | None = None
    silent: bool = False


async def enqueue_many(session: AsyncSession, pushes: Iterable[Push]) -> int:
    """Queue many pushes in few statements; returns how many were new (the rest were queued
    before under the same dedup key). Never commits."""
    now = utcnow()
    rows = [
        {
            "chat_id": push.chat_id,
            "kind": push.kind,
            "dedup_key": push.dedup_key,
            "payload": push.payload,
            "silent": push.silent,
            "not_before": push.not_before or now,
        }
        for push in pushes
    ]
    return await insert_deliveries(session, rows)


async def enqueue(
    session: AsyncSession,
    *,
    chat_id: int,
    kind: str,
    dedup_key: str,
    payload: dict[str, Any],
    not_before: datetime | None = None,
    silent: bool = False,
) -> bool:
    """Queue one push to `chat_id` (chats.id, not the Telegram id); False if `dedup_key` was
    already queued. Never commits: the push lands with the change that caused it."""
    push = Push(chat_id, kind, dedup_key, payload, not_before, silent)
    return await enqueue_many(session, [push]) == 1
