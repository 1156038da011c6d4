"""The one way to push a message: write it to the outbox in the caller's transaction."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.message import BotMessage, to_payload
from storage.deliveries import cancel_deliveries, drop_pending_deliveries
from storage.delivery_inserts import insert_deliveries
from storage.models import utcnow
from storage.statuses import DeliveryKind


@dataclass(frozen=True)
class Push:
    """One message to queue: see `enqueue` for the fields."""

    chat_id: int
    kind: DeliveryKind
    dedup_key: str
    message: BotMessage
    not_before: datetime | None = None
    broadcast_id: int | None = None  # the broadcast this copy belongs to (its progress)
    episode_id: int | None = None  # the episode a reminder is about


@dataclass
class Encodings:
    """Messages encoded for the outbox once, for every `enqueue_many` given this: a caller
    that queues batch after batch of the same messages (the reminder tick) keeps one.

    Equal messages share one payload (a fan-out builds an equal message per chat). The same
    message object is found by identity first: hashing a message with its keyboard again
    for every row cost more than the rest of its row. `stored` is a payload as the database
    takes it, by the payload's identity. Both hold what they saw: keep one for one job."""

    by_value: dict[BotMessage, dict[str, Any]] = field(default_factory=dict)
    by_identity: dict[int, tuple[BotMessage, dict[str, Any]]] = field(default_factory=dict)
    stored: dict[int, Any] = field(default_factory=dict)

    def payload(self, message: BotMessage) -> dict[str, Any]:
        known = self.by_identity.get(id(message))
        if known is None:
            payload = self.by_value.get(message)
            if payload is None:
                payload = self.by_value[message] = to_payload(message)
            known = self.by_identity[id(message)] = (message, payload)
        return known[1]


async def enqueue_many(
    session: AsyncSession, pushes: Iterable[Push], *, encodings: Encodings | None = None
) -> int:
    """Queue many pushes in few statements; returns how many were new (the rest were queued
    before under the same dedup key). Never commits."""
    now = utcnow()
    encoded = encodings or Encodings()
    rows = [
        {
            "chat_id": push.chat_id,
            "kind": push.kind,
            "dedup_key": push.dedup_key,
            "payload": encoded.payload(push.message),
            "silent": push.message.silent,
            "not_before": push.not_before or now,
            "broadcast_id": push.broadcast_id,
            "episode_id": push.episode_id,
        }
        for push in pushes
    ]
    return await insert_deliveries(session, rows, stored=encoded.stored)


async def enqueue(
    session: AsyncSession,
    *,
    chat_id: int,
    kind: DeliveryKind,
    dedup_key: str,
    message: BotMessage,
    not_before: datetime | None = None,
) -> bool:
    """Queue one push to `chat_id` (chats.id, not the Telegram id); False if `dedup_key` was
    already queued. Never commits: the push lands with the change that caused it."""
    push = Push(chat_id, kind, dedup_key, message, not_before)
    return await enqueue_many(session, [push]) == 1


async def withdraw(session: AsyncSession, *, ids: list[int]) -> None:
    """Forget unsent pushes so that their dedup keys can be queued again (a moved episode's
    reminders, planned anew at the new time)."""
    await drop_pending_deliveries(session, ids=ids)


async def cancel(session: AsyncSession, *, ids: list[int], reason: str) -> None:
    """Never send these unsent pushes; `reason` is kept as the row's last error."""
    await cancel_deliveries(session, ids=ids, reason=reason)
