"""The TV catalogue: series, their aliases and episodes, who follows what, status changes."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column

from storage.models import Base, utcnow
from storage.types import UTCDateTime


class Series(Base):
    """A show as TVmaze knows it."""

    __tablename__ = "series"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tvmaze_id: Mapped[int] = mapped_column(Integer, unique=True)
    title: Mapped[str] = mapped_column(String(300))
    premiered: Mapped[int | None] = mapped_column(Integer)  # year
    network: Mapped[str | None] = mapped_column(String(200))  # TV network or streaming service
    country: Mapped[str | None] = mapped_column(String(2))
    language: Mapped[str | None] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(40))  # TVmaze: Running, Ended, To Be Determined…
    # TVmaze's `updated` stamp at our last import: a newer one in /updates/shows means re-import.
    tvmaze_updated: Mapped[int] = mapped_column(BigInteger, default=0)
    synced_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # An admin-attached iCal feed with air dates TVmaze lacks (e.g. German free TV).
    ical_url: Mapped[str | None] = mapped_column(String(2000))


class SeriesAlias(Base):
    """A title the series is known by: original, English, German or any other AKA."""

    __tablename__ = "series_aliases"
    __table_args__ = (UniqueConstraint("series_id", "normalized"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    series_id: Mapped[int] = mapped_column(ForeignKey("series.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(300))
    # Lower case, no diacritics or punctuation: what searches and matches compare.
    normalized: Mapped[str] = mapped_column(String(300), index=True)
    country: Mapped[str | None] = mapped_column(String(2))  # None = the show's own country
    language: Mapped[str | None] = mapped_column(String(40))


class Episode(Base):
    """One airing from TVmaze or from the series' iCal feed; `airstamp` is None for releases
    known only by date (streaming)."""

    __tablename__ = "episodes"
    __table_args__ = (
        Index("ix_episodes_series_airdate", "series_id", "airdate"),
        UniqueConstraint("series_id", "ical_uid"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    series_id: Mapped[int] = mapped_column(ForeignKey("series.id", ondelete="CASCADE"))
    tvmaze_id: Mapped[int | None] = mapped_column(Integer, unique=True)  # None: from iCal
    ical_uid: Mapped[str | None] = mapped_column(String(300))  # None: from TVmaze
    season: Mapped[int | None] = mapped_column(Integer)
    number: Mapped[int | None] = mapped_column(Integer)  # None for specials
    title: Mapped[str] = mapped_column(String(300), default="")
    airstamp: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    airdate: Mapped[date | None] = mapped_column(Date)  # the local release date
    channel: Mapped[str | None] = mapped_column(String(200))
    # When the air time was first seen or last moved: the reminder tick re-plans such episodes.
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)


class TickState(Base):
    """How far a periodic tick has done its work, so a restart resumes where it stopped."""

    __tablename__ = "tick_state"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    done_until: Mapped[datetime] = mapped_column(UTCDateTime())


class Follow(Base):
    """A chat follows a series, with the chat's own settings for that series.

    The overrides live on the follow itself, so they go with the follow (and the chat) and
    the reminder and news queries read them in the same join. NULL = the chat's setting.
    """

    __tablename__ = "follows"

    chat_id: Mapped[int] = mapped_column(
        ForeignKey("chats.id", ondelete="CASCADE"), primary_key=True
    )
    series_id: Mapped[int] = mapped_column(
        ForeignKey("series.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # No reminders and no news for this series (the chat has no such setting).
    muted: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # The series' own lead times; [] = no reminders for it; NULL = the chat's lead times.
    lead_minutes: Mapped[list[int] | None] = mapped_column(JSON(none_as_null=True))
    # The news kinds wanted for this series; NULL = the chat's news kinds.
    news_kinds: Mapped[list[str] | None] = mapped_column(JSON(none_as_null=True))
    # Remind only the first and the last known episode of each season.
    edges_only: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class SeriesStatusChange(Base):
    """A status change seen in the TV data (e.g. Running → Ended), for alerts."""

    __tablename__ = "series_status_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    series_id: Mapped[int] = mapped_column(ForeignKey("series.id", ondelete="CASCADE"), index=True)
    old_status: Mapped[str] = mapped_column(String(40))
    new_status: Mapped[str] = mapped_column(String(40))
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
