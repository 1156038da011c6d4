"""Dates and times as a chat reads them: its time zone, its language (Babel's CLDR data)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime, format_time

from bot import render

DATETIME_PATTERNS = {"de": "EEE, d. MMM y, HH:mm", "en": "EEE, MMM d, y, h:mm a"}
DATE_PATTERNS = {"de": "EEE, d. MMM y", "en": "EEE, MMM d, y"}
TIME_PATTERNS = {"de": "HH:mm", "en": "h:mm a"}


def local_datetime(moment: datetime, timezone: str, language: str) -> str:
    """An aware UTC moment as local date and time: "Do., 26. Nov. 2026, 20:15"."""
    local = moment.astimezone(ZoneInfo(timezone))
    return format_datetime(local, DATETIME_PATTERNS[language], locale=language)


def local_date(day: date, language: str) -> str:
    """A date-only release: "Do., 26. Nov. 2026"."""
    return format_date(day, DATE_PATTERNS[language], locale=language)


def relative_day(day: date, today: date, language: str) -> str:
    """ "heute" / "morgen" / "today" / "tomorrow", else the date."""
    if day == today:
        return render.plain(language, "day.today")
    if day == today + timedelta(days=1):
        return render.plain(language, "day.tomorrow")
    return local_date(day, language)


def reminder_when(
    airstamp: datetime | None, airdate: date | None, *, now: datetime, timezone: str, language: str
) -> str:
    """When a reminded episode airs, relative to now: "heute 20:15", "tomorrow 8:15 PM"."""
    zone = ZoneInfo(timezone)
    today = now.astimezone(zone).date()
    if airstamp is None:
        return relative_day(airdate, today, language) if airdate else "?"
    local = airstamp.astimezone(zone)
    wall = local.time().replace(second=0, microsecond=0)  # the patterns show no seconds
    return f"{relative_day(local.date(), today, language)} {_clock(wall, language)}"


@lru_cache(maxsize=4096)
def _clock(wall: time, language: str) -> str:
    """A wall-clock time to the minute: the reminder planner asks for the same few thousands
    of them (a day has 1,440 per language)."""
    return format_time(wall, TIME_PATTERNS[language], locale=language)
