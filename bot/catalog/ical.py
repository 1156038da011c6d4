"""iCal in both directions: air dates from an admin-attached feed, and /calendar's .ics."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import recurring_ical_events  # type: ignore[import-untyped]
from icalendar import Calendar, Component, Event
from sqlalchemy.ext.asyncio import AsyncSession

from bot.catalog.importer import set_air_time
from bot.catalog.schedule import Airing, episode_code
from bot.config import known_timezones
from storage.catalog_models import Episode, Series
from storage.series import ical_episodes_of

logger = logging.getLogger(__name__)

MAX_EVENTS = 2000  # the soonest upcoming airings of a calendar that are kept
PAST_MARGIN = timedelta(days=1)  # airings this recent still count (a refresh keeps today's)
HORIZON = timedelta(days=90)  # recurring events are expanded this far ahead
EVENT_MINUTES = 60  # /calendar shows timed episodes as one-hour events


@dataclass(frozen=True)
class IcalAiring:
    uid: str
    title: str
    airstamp: datetime | None
    airdate: date | None
    channel: str | None


def parse_ical(
    body: bytes, *, now: datetime | None = None, timezone: str = "UTC"
) -> list[IcalAiring] | None:
    """The upcoming airings of an iCal feed, soonest first; None if the body is not a calendar.

    Airings older than PAST_MARGIN are dropped before the MAX_EVENTS soonest are kept: a
    portal's calendar may hold years of history. A time without a zone (floating, RFC 5545's
    local time) is read in the calendar's X-WR-TIMEZONE if tzdata knows it, else in
    `timezone` (the chat's); so is a TZID neither tzdata nor the calendar defines (warned).
    A single event is one airing keyed by its UID. A recurring one (RRULE/RDATE, or
    overridden occurrences with a RECURRENCE-ID) is expanded from PAST_MARGIN ago to HORIZON
    ahead by recurring-ical-events, which applies the overrides; each occurrence is keyed by
    (UID, RECURRENCE-ID), so a moved episode keeps its key and a refresh updates it.
    """
    try:
        calendar = Calendar.from_ical(body)
    except ValueError:
        return None
    now = now or datetime.now(UTC)
    since = now - PAST_MARGIN
    declared = str(calendar.get("X-WR-TIMEZONE", "")).strip()
    if declared not in known_timezones():
        calendar.pop("X-WR-TIMEZONE", None)  # recurring-ical-events would fail on it
        declared = timezone
    floating = ZoneInfo(declared)
    events = calendar.walk("VEVENT")
    unknown = _undefined_zones(events)
    if unknown:
        logger.warning("iCal times in unknown zones %s read in %s", unknown, floating.key)
    recurring = {
        _uid(event)
        for event in events
        if any(name in event for name in ("RRULE", "RDATE", "RECURRENCE-ID"))
    }
    airings = [
        airing
        for event in events
        if _uid(event) not in recurring
        for airing in [_airing(event, _uid(event), floating)]
        if airing is not None
    ]
    if recurring:
        try:
            occurrences = recurring_ical_events.of(calendar).between(since, now + HORIZON)
        except Exception:  # a rule the library cannot expand: the single events still count
            logger.warning("iCal recurrences could not be expanded", exc_info=True)
            occurrences = []
        for occurrence in occurrences:
            uid = _uid(occurrence)
            if uid not in recurring:
                continue
            try:
                original = occurrence.decoded("RECURRENCE-ID", None)
            except ValueError:
                original = None
            key = f"{uid[:250]}#{_stamp(original)}" if original is not None else None
            airing = _airing(occurrence, key, floating) if key else None
            if airing is not None:
                airings.append(airing)
    unique = {airing.uid: airing for airing in reversed(airings)}  # the first of a key wins
    upcoming = [a for a in airings if unique[a.uid] is a and _when(a) >= since]
    return sorted(upcoming, key=_when)[:MAX_EVENTS]


def _uid(event: Component) -> str:
    return str(event.get("UID", "")).strip()[:300]


def _stamp(moment: object) -> str:
    if isinstance(moment, datetime):
        aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
        return aware.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    return moment.strftime("%Y%m%d") if isinstance(moment, date) else str(moment)


def _when(airing: IcalAiring) -> datetime:
    if airing.airstamp is not None:
        return airing.airstamp
    assert airing.airdate is not None
    return datetime.combine(airing.airdate, time(), UTC)


def _undefined_zones(events: Sequence[Component]) -> str:
    """The TZIDs of start times that neither tzdata nor the calendar define, for the log."""
    names = {
        str(event["DTSTART"].params["TZID"])[:60]
        for event in events
        if isinstance(start := _start(event), datetime)
        and start.tzinfo is None
        and "TZID" in event["DTSTART"].params
    }
    return ", ".join(sorted(names)[:5])


def _start(event: Component) -> date | None:
    try:
        start = event.decoded("DTSTART", None)
    except ValueError:
        return None
    # icalendar hands back the raw text of an unreadable DTSTART: skip just that event.
    return start if isinstance(start, date) else None


def _airing(event: Component, uid: str, floating: ZoneInfo) -> IcalAiring | None:
    start = _start(event)
    if not uid or start is None:
        return None
    if isinstance(start, datetime):
        aware = start if start.tzinfo else start.replace(tzinfo=floating)
        airstamp, airdate = aware.astimezone(UTC), None
    else:
        airstamp, airdate = None, start
    location = str(event.get("LOCATION", "")).strip()[:200] or None
    title = str(event.get("SUMMARY", "")).strip()[:300]
    return IcalAiring(uid, title, airstamp, airdate, location)


async def store_ical_airings(
    session: AsyncSession, series: Series, airings: Sequence[IcalAiring], *, now: datetime
) -> int:
    """Upsert the feed's airings; future ones that left the feed are deleted. Returns the
    number of future airings stored."""
    stored = await ical_episodes_of(session, series_id=series.id)
    today = now.date()
    for airing in airings:
        episode = stored.pop(airing.uid, None)
        if episode is None:
            episode = Episode(series_id=series.id, ical_uid=airing.uid)
            session.add(episode)
        episode.title = airing.title
        airdate = airing.airdate or (airing.airstamp.date() if airing.airstamp else None)
        set_air_time(episode, airstamp=airing.airstamp, airdate=airdate, now=now)
        episode.channel = airing.channel
    for vanished in stored.values():
        if (vanished.airdate or today) >= today:
            await session.delete(vanished)
    await session.flush()
    return sum(
        1
        for a in airings
        if (a.airstamp and a.airstamp > now) or (a.airdate and a.airdate >= today)
    )


def calendar_file(airings: Sequence[Airing], *, name: str, stamp: datetime | None = None) -> bytes:
    """An .ics with one event per airing, which any calendar app can import (the /calendar
    file and the subscription feed alike)."""
    calendar = Calendar()
    calendar.add("prodid", "-//Serienwecker//Telegram bot//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    stamp = stamp or datetime.now(UTC)
    for airing in airings:
        event = Event()
        event.add("uid", f"episode-{airing.episode_id}@serienwecker")
        event.add("dtstamp", stamp)
        code = episode_code(airing.season, airing.number)
        event.add("summary", f"{airing.series_title} {code} {airing.title}".strip())
        if airing.airstamp is not None:
            event.add("dtstart", airing.airstamp)
            event.add("dtend", airing.airstamp + timedelta(minutes=EVENT_MINUTES))
        elif airing.airdate is not None:
            event.add("dtstart", airing.airdate)
            event.add("dtend", airing.airdate + timedelta(days=1))
        if airing.channel:
            event.add("location", airing.channel)
        calendar.add_component(event)
    return bytes(calendar.to_ical())
