"""News from RSS/Atom feeds: the feeds we poll, their items, which series an item is about."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models import Base, utcnow
from storage.types import UTCDateTime


class Feed(Base):
    """A feed we poll, with what conditional GET and back-off need to remember."""

    __tablename__ = "feeds"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(String(2000), unique=True)
    title: Mapped[str | None] = mapped_column(String(300))  # as the feed names itself
    language: Mapped[str | None] = mapped_column(String(16))  # as the feed declares it
    etag: Mapped[str | None] = mapped_column(String(300))  # for If-None-Match
    last_modified: Mapped[str | None] = mapped_column(String(100))  # for If-Modified-Since
    # When the feed is due next: the poll interval after success, the back-off after errors.
    next_poll_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    # Consecutive failures, reset on success; drives the back-off.
    error_count: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(String(300))
    # Last successful fetch (200 or 304); None = never, so the next success is the silent first.
    last_fetched_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    items_seen: Mapped[int] = mapped_column(Integer, default=0)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    # Admins were told the feed is failing; cleared on the next success.
    failing_notified: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class NewsItem(Base):
    """One item of one feed, stored once per (feed, key) so no poll sees it as new twice."""

    __tablename__ = "news_items"
    __table_args__ = (UniqueConstraint("feed_id", "item_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    feed_id: Mapped[int] = mapped_column(ForeignKey("feeds.id", ondelete="CASCADE"))
    item_key: Mapped[str] = mapped_column(String(200))  # guid, normalised link or hash
    title: Mapped[str] = mapped_column(String(300))
    link: Mapped[str | None] = mapped_column(String(2000))
    summary: Mapped[str] = mapped_column(String(1000), default="")
    published: Mapped[datetime | None] = mapped_column(UTCDateTime())
    kind: Mapped[str] = mapped_column(String(16))  # renewal / cancellation / premiere / other
    # Hash of the normalised title: the same story from several feeds shares it.
    story_key: Mapped[str] = mapped_column(String(64), index=True)
    # Set when another feed brought the same story first: stored, never announced again.
    duplicate_of: Mapped[int | None] = mapped_column(
        ForeignKey("news_items.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    # Set once every outbox row of its fan-out is written (at once if there is nothing to
    # announce); NULL means a fan-out is due or was interrupted and is resumed.
    announced_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class NewsMatch(Base):
    """A news item is about a series."""

    __tablename__ = "news_matches"

    item_id: Mapped[int] = mapped_column(
        ForeignKey("news_items.id", ondelete="CASCADE"), primary_key=True
    )
    series_id: Mapped[int] = mapped_column(
        ForeignKey("series.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class NewsReport(Base):
    """A chat said an item is not about its series ("Beitrag melden")."""

    __tablename__ = "news_reports"

    chat_id: Mapped[int] = mapped_column(
        ForeignKey("chats.id", ondelete="CASCADE"), primary_key=True
    )
    item_id: Mapped[int] = mapped_column(
        ForeignKey("news_items.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
