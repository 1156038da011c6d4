"""A chat's private calendar subscription: one secret token per chat, in the URL itself."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from storage.models import Base, utcnow
from storage.types import UTCDateTime


class CalendarToken(Base):
    """The token of `PUBLIC_BASE_URL/calendar/<token>.ics`; goes with its chat."""

    __tablename__ = "calendar_tokens"

    chat_id: Mapped[int] = mapped_column(
        ForeignKey("chats.id", ondelete="CASCADE"), primary_key=True
    )
    # secrets.token_urlsafe(32): 256 random bits, 43 characters; unique, so indexed.
    token: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
