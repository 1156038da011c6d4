"""The outbox: every message the bot pushes (news, reminders, broadcasts) is first a row here."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from storage.models import Base, utcnow
from storage.statuses import Audience, BroadcastStatus, DeliveryStatus
from storage.types import UTCDateTime


class Broadcast(Base):
    """An admin's announcement: the message to copy, to whom, and how far it got."""

    __tablename__ = "broadcasts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    author_id: Mapped[int] = mapped_column(BigInteger)  # Telegram user id of the admin
    # The admin's original message, copied to every target chat with copyMessage.
    from_chat_id: Mapped[int] = mapped_column(BigInteger)
    message_id: Mapped[int] = mapped_column(BigInteger)
    audience: Mapped[str] = mapped_column(String(16), default=Audience.ALL)
    status: Mapped[str] = mapped_column(String(16), default=BroadcastStatus.DRAFT)
    total: Mapped[int] = mapped_column(Integer, default=0)  # deliveries written at Confirm
    # The message edited with the progress bar (the admin's preview screen).
    status_chat_id: Mapped[int | None] = mapped_column(BigInteger)
    status_message_id: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class Delivery(Base):
    """One push to one chat. Writers only insert; the sender alone changes the status."""

    __tablename__ = "deliveries"
    __table_args__ = (Index("ix_deliveries_status_not_before", "status", "not_before"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chat_id: Mapped[int] = mapped_column(ForeignKey("chats.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # a DeliveryKind
    # Unique per push, e.g. "news:<item>:<chat>": a second insert of the same push is a no-op.
    dedup_key: Mapped[str] = mapped_column(String(200), unique=True)
    # {"html": str, "buttons"?: [[{"label", "data"}]]} or {"copy": {"from_chat_id", "message_id"}}
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    silent: Mapped[bool] = mapped_column(Boolean, default=False)  # → disable_notification
    status: Mapped[str] = mapped_column(String(16), default=DeliveryStatus.PENDING)
    not_before: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # While "sending": the claim expires then and the row is due again (a sender died).
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Failed attempts that count towards giving up (timeouts, 5xx); 429s do not count.
    attempts: Mapped[int] = mapped_column(SmallInteger, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    last_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Digests: every row folded into one message gets that message's id.
    telegram_message_id: Mapped[int | None] = mapped_column(BigInteger)
    broadcast_id: Mapped[int | None] = mapped_column(
        ForeignKey("broadcasts.id", ondelete="CASCADE"), index=True
    )
    # Reminders: the episode they are about, so a moved or removed episode finds its unsent
    # reminders (no foreign key: a removed episode must still be recognised as removed).
    episode_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
