"""Typed ORM models. Every time is stored and returned as aware UTC (`UTCDateTime`)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import JSON, BigInteger, Boolean, Integer, MetaData, SmallInteger, String, false
from sqlalchemy.ext.asyncio import AsyncAttrs
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from storage.statuses import ChatStatus
from storage.types import UTCDateTime

# Deterministic constraint names keep Alembic migrations identical on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# The values of `bot.news.kinds.NewsKind` (storage imports nothing from bot; a test checks).
ALL_NEWS_KINDS = ("renewal", "cancellation", "premiere", "other")
DEFAULT_LEAD_MINUTES = (60,)


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(AsyncAttrs, DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Chat(Base):
    """A private chat, group, supergroup or channel the bot has seen, with its settings."""

    __tablename__ = "chats"
    # The sender keys its in-flight sends by chats.id: a deleted chat's id is never reused.
    __table_args__ = ({"sqlite_autoincrement": True},)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Telegram's chat id; changes once when a group is upgraded to a supergroup.
    telegram_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    type: Mapped[str] = mapped_column(String(16))  # private / group / supergroup / channel
    # Language the chat chose in /settings; None = follow Telegram's language_code.
    language: Mapped[str | None] = mapped_column(String(8))
    # Last language_code Telegram reported for the user of a private chat.
    telegram_language: Mapped[str | None] = mapped_column(String(16))
    # IANA zone name; None = the configured DEFAULT_TIMEZONE.
    timezone: Mapped[str | None] = mapped_column(String(64))
    # Minutes before air time to remind (0 = at air time).
    lead_minutes: Mapped[list[int]] = mapped_column(
        JSON, default=lambda: list(DEFAULT_LEAD_MINUTES)
    )
    # Quiet hours as minutes after local midnight; both None = no quiet hours.
    quiet_start: Mapped[int | None] = mapped_column(SmallInteger)
    quiet_end: Mapped[int | None] = mapped_column(SmallInteger)
    # Inside quiet hours: False = deliver silently, True = hold until they end.
    quiet_hold: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # The local hour of the daily news digest; None = each news item as it comes.
    digest_hour: Mapped[int | None] = mapped_column(SmallInteger)
    news_kinds: Mapped[list[str]] = mapped_column(JSON, default=lambda: list(ALL_NEWS_KINDS))
    # The forum topic a group's admins chose for news; None = the main chat / General.
    news_topic_id: Mapped[int | None] = mapped_column(Integer)
    # What typed text the chat owes us next ("timezone", "quiet_hours"), if anything.
    awaiting_input: Mapped[str | None] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), default=ChatStatus.ACTIVE)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
