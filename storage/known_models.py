"""The world catalogue: every series in TVmaze's show index, and how far its sync got."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from storage.models import Base
from storage.types import UTCDateTime


class KnownSeries(Base):
    """A series TVmaze lists, followed or not: names for the matcher, search when TVmaze is down."""

    __tablename__ = "known_series"

    tvmaze_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(String(300))
    # Lower case, no diacritics or punctuation (`normalize_title`): what search compares.
    normalized: Mapped[str] = mapped_column(String(300), index=True)
    premiered: Mapped[int | None] = mapped_column(Integer)  # year
    language: Mapped[str | None] = mapped_column(String(40))  # TVmaze's name: "German", …
    # When name, year or language last changed here: the matcher rebuilds when the newest moves.
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # When the index last listed it: rows not seen by a whole pass were deleted at TVmaze.
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ShowIndexSync(Base):
    """Progress of the index sync (one row), so a restart continues with the next page."""

    __tablename__ = "show_index_sync"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    next_page: Mapped[int] = mapped_column(Integer, default=0)  # the first page not stored yet
    # When the running pass fetched its first page; None = no pass is running.
    pass_started_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # When the last complete pass reached the index's end (its 404); the next is due a week on.
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
