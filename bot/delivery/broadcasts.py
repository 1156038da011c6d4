"""Admin broadcasts as plain values: a draft, its audience, the fan-out, its progress."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from bot.delivery.outbox import Push, enqueue_many
from bot.message import BotMessage, Copy
from storage.broadcasts import audience_chat_ids, running_broadcasts
from storage.deliveries import cancel_pending, count_by_status, count_unreachable
from storage.delivery_models import Broadcast
from storage.models import utcnow
from storage.statuses import Audience, BroadcastStatus, DeliveryKind, DeliveryStatus


@dataclass(frozen=True)
class Progress:
    broadcast_id: int
    total: int
    sent: int
    failed: int
    blocked: int  # the chat blocked the bot, left, vanished or muted it
    cancelled: int  # stopped by /broadcast cancel
    remaining: int

    @property
    def done(self) -> bool:
        return self.remaining == 0


async def create_draft(
    session: AsyncSession, *, author_id: int, from_chat_id: int, message_id: int
) -> Broadcast:
    draft = Broadcast(author_id=author_id, from_chat_id=from_chat_id, message_id=message_id)
    session.add(draft)
    await session.flush()
    return draft


async def own_draft(
    session: AsyncSession, *, broadcast_id: int, author_id: int
) -> Broadcast | None:
    """The author's broadcast if it is still a draft (buttons may be stale or pressed twice)."""
    draft = await session.get(Broadcast, broadcast_id)
    if draft is None or draft.author_id != author_id or draft.status != BroadcastStatus.DRAFT:
        return None
    return draft


async def start(
    session: AsyncSession, draft: Broadcast, *, status_chat_id: int, status_message_id: int
) -> int:
    """Queue one copy per chat of the audience, in this transaction; returns how many."""
    chat_ids = await audience_chat_ids(session, audience=Audience(draft.audience))
    message = BotMessage(copy=Copy(draft.from_chat_id, draft.message_id))
    now = utcnow()
    pushes = (
        Push(
            chat_id, DeliveryKind.BROADCAST, f"broadcast:{draft.id}:{chat_id}", message,
            not_before=now, broadcast_id=draft.id,
        )
        for chat_id in chat_ids
    )  # fmt: skip
    draft.total = await enqueue_many(session, pushes)
    draft.status, draft.started_at = BroadcastStatus.RUNNING, now
    draft.status_chat_id, draft.status_message_id = status_chat_id, status_message_id
    return draft.total


def set_audience(draft: Broadcast, audience: Audience) -> None:
    draft.audience = audience


def cancel_draft(draft: Broadcast) -> None:
    draft.status = BroadcastStatus.CANCELLED


async def cancel_running(session: AsyncSession) -> int:
    """Stop every running broadcast's unsent copies; returns how many were cancelled."""
    cancelled = 0
    for broadcast in await running_broadcasts(session):
        cancelled += await cancel_pending(session, broadcast_id=broadcast.id)
    return cancelled


async def progress(session: AsyncSession, broadcast: Broadcast) -> Progress:
    """Counts so far; a broadcast with nothing left is marked finished."""
    counts = await count_by_status(session, broadcast_id=broadcast.id)
    blocked = await count_unreachable(session, broadcast_id=broadcast.id)
    result = Progress(
        broadcast_id=broadcast.id,
        total=broadcast.total,
        sent=counts.get(DeliveryStatus.SENT, 0),
        failed=counts.get(DeliveryStatus.FAILED, 0),
        blocked=blocked,
        cancelled=counts.get(DeliveryStatus.CANCELLED, 0) - blocked,
        remaining=counts.get(DeliveryStatus.PENDING, 0) + counts.get(DeliveryStatus.SENDING, 0),
    )
    if result.done and broadcast.status == BroadcastStatus.RUNNING:
        broadcast.status, broadcast.finished_at = BroadcastStatus.DONE, utcnow()
    return result
