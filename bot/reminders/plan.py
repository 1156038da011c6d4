"""Pure reminder planning: (an airing, a follower with its lead times and quiet hours, a
window) → the reminders whose moment falls into the window. No I/O; all times aware UTC.

- A timed episode gets one reminder per lead time: 15 and 60 minutes are exact durations;
  "1 day" is the same local wall time on the previous calendar day (DST-safe: 20:15 stays
  20:15 even when the clocks changed overnight).
- A date-only release gets one reminder at 09:00 local on its day, whatever the lead times.
- A reminder whose moment has passed is still planned while the episode has not started
  (date-only: while its local day lasts); after that it is dropped.
- Inside the chat's quiet hours a reminder is sent silently, or, if the chat holds messages
  in quiet hours, at their end, unless that is at or after air time (then silently at its
  moment: a reminder never arrives after its episode started; see `bot.delivery_time`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from functools import cache, lru_cache
from zoneinfo import ZoneInfo

from bot.catalog.schedule import Airing
from bot.delivery_time import Delivery, deliver_at
from bot.followers import Follower

DAY_LEAD = 1440
MORNING = time(9, 0)


@dataclass(frozen=True)
class PlannedReminder:
    chat_id: int
    episode_id: int
    lead: str  # minutes as text, or "day" for a date-only release
    remind_at: datetime
    expires_at: datetime  # after this the reminder is pointless
    silent: bool
    send_at: datetime  # remind_at, or the end of the chat's quiet hours if it holds them


def dedup_key(chat_id: int, episode_id: int, lead: str) -> str:
    """One reminder per chat, episode and lead time, ever."""
    return f"reminder:{chat_id}:{episode_id}:{lead}"


def chat_airings_key_prefix(chat_id: int) -> str:
    """The dedup keys of all the chat's chat-only airing reminders start with this. "ical-"
    keeps them apart from a TVmaze episode's `reminder:<chat>:<episode id>:<lead>`."""
    return f"reminder:{chat_id}:ical-"


def airing_key_prefix(chat_id: int, airing_id: int) -> str:
    """The dedup keys of one chat-only airing's reminders start with this."""
    return f"{chat_airings_key_prefix(chat_id)}{airing_id}:"


@cache
def zone_named(name: str) -> ZoneInfo:
    return ZoneInfo(name)


# Many followers of an episode share its moments and their quietness: computed once each.
@lru_cache(maxsize=1 << 16)
def remind_moment(airstamp: datetime, lead: int, zone: ZoneInfo) -> datetime:
    if lead == DAY_LEAD:
        local = airstamp.astimezone(zone)
        wall = datetime.combine(local.date() - timedelta(days=1), local.time().replace(fold=0))
        return wall.replace(tzinfo=zone).astimezone(airstamp.tzinfo)
    return airstamp - timedelta(minutes=lead)


def _moments(
    airing: Airing, follower: Follower, zone: ZoneInfo
) -> Iterable[tuple[str, datetime, datetime]]:
    """(lead, remind_at, expires_at) for every reminder this follower wants for the airing."""
    if not follower.lead_minutes:
        return
    if airing.airstamp is not None:
        for lead in follower.lead_minutes:
            yield str(lead), remind_moment(airing.airstamp, lead, zone), airing.airstamp
    elif airing.airdate is not None:
        morning = datetime.combine(airing.airdate, MORNING, zone)
        end_of_day = datetime.combine(airing.airdate + timedelta(days=1), time(0), zone)
        yield "day", morning, end_of_day


_delivery = lru_cache(maxsize=1 << 16)(deliver_at)


def _deliver(
    remind_at: datetime, zone: ZoneInfo, follower: Follower, expires_at: datetime
) -> Delivery:
    if follower.quiet_hours is None:
        return Delivery(remind_at, silent=False)
    return _delivery(
        remind_at, zone, follower.quiet_hours, hold=follower.quiet_hold, deadline=expires_at
    )


def reminders_for(
    airing: Airing,
    follower: Follower,
    *,
    window_start: datetime,
    window_end: datetime,
    now: datetime,
) -> Iterator[PlannedReminder]:
    """The follower's reminders of one airing with window_start < remind_at <= window_end
    that are not yet pointless."""
    zone = zone_named(follower.timezone)
    for lead, remind_at, expires_at in _moments(airing, follower, zone):
        if window_start < remind_at <= window_end and expires_at > now:
            delivery = _deliver(remind_at, zone, follower, expires_at)
            yield PlannedReminder(
                chat_id=follower.chat_id,
                episode_id=airing.episode_id,
                lead=lead,
                remind_at=remind_at,
                expires_at=expires_at,
                silent=delivery.silent,
                send_at=delivery.not_before,
            )
