"""Dates and times as a chat reads them: its time zone, its language (Babel's CLDR data)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime

DATETIME_PATTERNS = {"de": "EEE, d. MMM y, HH:mm", "en": "EEE, MMM d, y, h:mm a"}
DATE_PATTERNS = {"de": "EEE, d. MMM y", "en": "EEE, MMM d, y"}


def local_datetime(moment: datetime, timezone: str, language: str) -> str:
    """An aware UTC moment as local date and time: "Do., 26. Nov. 2026, 20:15"."""
    local = moment.astimezone(ZoneInfo(timezone))
    return format_datetime(local, DATETIME_PATTERNS[language], locale=language)


def local_date(day: date, language: str) -> str:
    """A date-only release: "Do., 26. Nov. 2026"."""
    return format_date(day, DATE_PATTERNS[language], locale=language)
