"""Queries on the deliveries outbox. They never commit: the caller owns the transaction."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar, cast

from sqlalchemy import (
    CursorResult,
    and_,
    bindparam,
    delete,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession

from storage.delivery_models import Delivery
from storage.models import Chat
from storage.statuses import DeliveryKind, DeliveryStatus

T = TypeVar("T")


@dataclass(frozen=True)
class DueRow:
    """A due delivery with what the sender needs to know about its chat."""

    id: int
    chat_id: int
    telegram_id: int
    chat_type: str
    chat_status: str
    payload: dict[str, Any]
    silent: bool
    attempts: int


def _due(now: datetime) -> Any:
    return or_(
        and_(Delivery.status == DeliveryStatus.PENDING, Delivery.not_before <= now),
        and_(
            Delivery.status == DeliveryStatus.SENDING, Delivery.lease_until < now
        ),  # its sender died
    )


async def due_deliveries(
    session: AsyncSession, *, now: datetime, limit: int, exclude_chats: Iterable[int] = ()
) -> list[DueRow]:
    """Due rows, oldest first; on PostgreSQL rows another transaction holds are skipped."""
    statement = (
        select(
            Delivery.id,
            Delivery.chat_id,
            Chat.telegram_id,
            Chat.type,
            Chat.status,
            Delivery.payload,
            Delivery.silent,
            Delivery.attempts,
        )
        .join(Chat, Chat.id == Delivery.chat_id)
        .where(_due(now))
        .order_by(Delivery.not_before, Delivery.id)
        .limit(limit)
        .with_for_update(skip_locked=True, of=Delivery)
    )
    excluded = list(exclude_chats)
    if excluded:
        statement = statement.where(Delivery.chat_id.not_in(excluded))
    return [DueRow(*row) for row in await session.execute(statement)]


async def lease_deliveries(session: AsyncSession, *, ids: Sequence[int], until: datetime) -> None:
    """Claim rows for sending until `until`; after that they are due again."""
    for chunk in _chunks(ids):
        await session.execute(
            update(Delivery)
            .where(Delivery.id.in_(chunk))
            .values(status=DeliveryStatus.SENDING, lease_until=until)
            .execution_options(synchronize_session=False)
        )


async def postpone_deliveries(
    session: AsyncSession, *, ids: Sequence[int], not_before: datetime
) -> None:
    for chunk in _chunks(ids):
        await session.execute(
            update(Delivery)
            .where(Delivery.id.in_(chunk))
            .values(status=DeliveryStatus.PENDING, lease_until=None, not_before=not_before)
            .execution_options(synchronize_session=False)
        )


async def record_outcomes(session: AsyncSession, changes: Sequence[dict[str, Any]]) -> None:
    """Apply per-row changes, each a dict with `id` and the same set of columns.

    Only rows still leased ("sending") are touched, and a row that is gone is skipped rather
    than counted: its chat may have been deleted while its message was on the wire, and on
    SQLite its id may even belong to a new row by now (ids are AUTOINCREMENT since 0009, so
    this guard is a second line). Row counts are never trusted, so nothing raises for them.
    """
    if not changes:
        return
    columns = [column for column in changes[0] if column != "id"]
    statement = (
        update(Delivery)
        .where(Delivery.id == bindparam("row_id"), Delivery.status == DeliveryStatus.SENDING)
        .values({column: bindparam(f"new_{column}") for column in columns})
    )
    params = [
        {"row_id": change["id"], **{f"new_{column}": change[column] for column in columns}}
        for change in changes
    ]
    connection = await session.connection()
    for chunk in _chunks(params):
        await connection.execute(statement, list(chunk))


async def rewrite_pending_payloads(
    session: AsyncSession,
    *,
    ids: Sequence[int],
    rewrite: Callable[[dict[str, Any]], dict[str, Any]],
) -> None:
    """Replace the payload of each of these rows still pending by `rewrite` of it."""
    for chunk in _chunks(ids):
        pending = await session.scalars(
            select(Delivery).where(
                Delivery.id.in_(chunk), Delivery.status == DeliveryStatus.PENDING
            )
        )
        for row in pending:
            row.payload = rewrite(row.payload)


async def cancel_pending(
    session: AsyncSession, *, chat_id: int | None = None, broadcast_id: int | None = None,
    reason: str | None = None,
) -> int:  # fmt: skip
    """Cancel what has not been sent yet to a chat or of a broadcast; returns how many."""
    statement = update(Delivery).where(Delivery.status == DeliveryStatus.PENDING)
    if chat_id is not None:
        statement = statement.where(Delivery.chat_id == chat_id)
    if broadcast_id is not None:
        statement = statement.where(Delivery.broadcast_id == broadcast_id)
    result = await session.execute(
        statement.values(status=DeliveryStatus.CANCELLED, last_error=reason).execution_options(
            synchronize_session=False
        )
    )
    return cast("CursorResult[Any]", result).rowcount


async def release_leases(session: AsyncSession) -> int:
    """Make every claimed row pending again: called by the one sender when it starts."""
    result = await session.execute(
        update(Delivery)
        .where(Delivery.status == DeliveryStatus.SENDING)
        .values(status=DeliveryStatus.PENDING, lease_until=None)
        .execution_options(synchronize_session=False)
    )
    return cast("CursorResult[Any]", result).rowcount


async def count_by_status(
    session: AsyncSession, *, broadcast_id: int | None = None
) -> dict[str, int]:
    """Status → number of rows (of one broadcast, or all)."""
    statement = select(Delivery.status, func.count()).group_by(Delivery.status)
    if broadcast_id is not None:
        statement = statement.where(Delivery.broadcast_id == broadcast_id)
    return {status: count for status, count in await session.execute(statement)}


async def unsent_to(session: AsyncSession, *, broadcast_id: int, chat_id: int) -> bool:
    """Whether a broadcast's copy for this chat (chats.id) is still to be sent."""
    unsent = await session.scalar(
        select(func.count()).where(
            Delivery.broadcast_id == broadcast_id,
            Delivery.chat_id == chat_id,
            Delivery.status.in_((DeliveryStatus.PENDING, DeliveryStatus.SENDING)),
        )
    )
    return bool(unsent)


async def count_unreachable(session: AsyncSession, *, broadcast_id: int) -> int:
    """Rows of a broadcast cancelled because their chat blocked the bot, is gone or muted it."""
    return (
        await session.scalar(
            select(func.count()).where(
                Delivery.broadcast_id == broadcast_id,
                Delivery.status == DeliveryStatus.CANCELLED,
                Delivery.last_error.is_not(None),
            )
        )
        or 0
    )


async def last_errors(session: AsyncSession, *, limit: int = 5) -> list[tuple[datetime, str]]:
    statement = (
        select(Delivery.last_attempt_at, Delivery.last_error)
        .where(Delivery.last_error.is_not(None), Delivery.last_attempt_at.is_not(None))
        .order_by(Delivery.last_attempt_at.desc(), Delivery.id.desc())
        .limit(limit)
    )
    return [
        (at, error)
        for at, error in await session.execute(statement)
        if at is not None and error is not None
    ]


async def unsent_news(session: AsyncSession, *, chat_id: int) -> list[tuple[int, str, datetime]]:
    """(id, dedup key, not before) of the chat's news rows not sent yet (pending or leased)."""
    rows = await session.execute(
        select(Delivery.id, Delivery.dedup_key, Delivery.not_before).where(
            Delivery.chat_id == chat_id,
            Delivery.kind == DeliveryKind.NEWS,
            Delivery.status.in_((DeliveryStatus.PENDING, DeliveryStatus.SENDING)),
        )
    )
    return [(row_id, key, not_before) for row_id, key, not_before in rows]


async def drop_pending_deliveries(session: AsyncSession, *, ids: list[int]) -> None:
    """Forget unsent rows so that their dedup keys can be planned again."""
    if ids:
        await session.execute(
            delete(Delivery).where(Delivery.id.in_(ids), Delivery.status == DeliveryStatus.PENDING)
        )


async def cancel_deliveries(session: AsyncSession, *, ids: list[int], reason: str) -> None:
    if ids:
        await session.execute(
            update(Delivery)
            .where(Delivery.id.in_(ids), Delivery.status == DeliveryStatus.PENDING)
            .values(status=DeliveryStatus.CANCELLED, last_error=reason)
        )


def _chunks(items: Sequence[T], size: int = 500) -> Iterable[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
