"""The one way to push a message: write it to the outbox in the caller's transaction."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from storage.deliveries import insert_deliveries
from storage.models import utcnow


def html_payload(html: str, buttons: list[list[dict[str, str]]] | None = None) -> dict[str, Any]:
    """A message made by `bot.render`; buttons are rows of {"label", "data"} (callback data)."""
    return {"html": html, "buttons": buttons} if buttons else {"html": html}


def copy_payload(from_chat_id: int, message_id: int) -> dict[str, Any]:
    """A copy of an existing message (broadcasts: photos, formatting, links kept)."""
    return {"copy": {"from_chat_id": from_chat_id, "message_id": message_id}}


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
    row = {
        "chat_id": chat_id,
        "kind": kind,
        "dedup_key": dedup_key,
        "payload": payload,
        "silent": silent,
        "not_before": not_before or utcnow(),
    }
    return await insert_deliveries(session, [row]) == 1
