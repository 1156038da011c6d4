"""A chat's own iCal link for one series it follows, and the airings read from it.

They live beside the shared catalogue, not in it: these airings are reminded to that chat
only, and the reminder planner joins them only for the chats that have any.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKeyConstraint, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models import Base, utcnow
from storage.types import UTCDateTime


class ChatIcal(Base):
    """The link; goes with the chat's follow of the series (unfollow, /deletedata)."""

    __tablename__ = "chat_icals"
    __table_args__ = (
        ForeignKeyConstraint(
            ["chat_id", "series_id"],
            ["follows.chat_id", "follows.series_id"],
            ondelete="CASCADE",
        ),
    )

    chat_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    series_id: Mapped[int] = mapped_column(Integer, primary_key=True, index=True)
    url: Mapped[str] = mapped_column(String(2000))
    etag: Mapped[str | None] = mapped_column(String(300), default=None)
    last_modified: Mapped[str | None] = mapped_column(String(100), default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ChatAiring(Base):
    """One airing of a chat's own calendar: a UID (with its recurrence), a time, a channel."""

    __tablename__ = "chat_airings"
    __table_args__ = (
        ForeignKeyConstraint(
            ["chat_id", "series_id"],
            ["chat_icals.chat_id", "chat_icals.series_id"],
            ondelete="CASCADE",
        ),
        UniqueConstraint("chat_id", "series_id", "uid"),
        Index("ix_chat_airings_airstamp", "airstamp"),
        Index("ix_chat_airings_airdate", "airdate"),
        # Reminders name an airing by id: never reused (migration 0015).
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chat_id: Mapped[int] = mapped_column(Integer)
    series_id: Mapped[int] = mapped_column(Integer)
    uid: Mapped[str] = mapped_column(String(300))
    title: Mapped[str] = mapped_column(String(300), default="")
    airstamp: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    airdate: Mapped[date | None] = mapped_column(Date, default=None)
    channel: Mapped[str | None] = mapped_column(String(200), default=None)
