"""When a push reaches a chat, given its quiet hours and digest hour (pure; aware times).

Quiet hours are minutes after local midnight and may wrap midnight (22:00–07:00). A chat
chooses what happens inside them:

- "silent" (the default): the message is delivered at once, without sound;
- "hold": the message waits until the quiet hours end (their end on the local calendar, so
  a DST change during the night moves the UTC instant, not the wall time) and is then
  delivered with sound.

A reminder is never held past the start of its episode: when the quiet hours end at or
after air time, the reminder goes out silently at its own time instead.

A chat may also take its news as a daily digest: every news item waits for the next digest
hour (local), and all the items waiting then go out together.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.chat_settings import in_quiet_hours


@dataclass(frozen=True)
class Delivery:
    """When a push may go out, and whether without sound."""

    not_before: datetime
    silent: bool


def local_instant(day: datetime, minute: int, zone: ZoneInfo) -> datetime:
    """The UTC instant of wall time `minute` (after midnight) on `day`'s local date. An
    ambiguous wall time (autumn) is its first occurrence; one skipped by a spring-forward
    change is the first instant after the gap, when the clock has passed it."""
    wall = datetime.combine(day.astimezone(zone).date(), time(minute // 60, minute % 60))
    first = wall.replace(tzinfo=zone, fold=0).astimezone(UTC)
    second = wall.replace(tzinfo=zone, fold=1).astimezone(UTC)
    if first <= second:
        return min(first, second)
    # In a gap: the clock jumps past `wall` between `second` and `first`; find that instant.
    low, high = second, first
    while high - low > timedelta(seconds=1):
        middle = low + (high - low) / 2
        if middle.astimezone(zone).replace(tzinfo=None) >= wall:
            high = middle
        else:
            low = middle
    return high.replace(microsecond=0)  # zones change on whole seconds


def _showings(day: datetime, minute: int, zone: ZoneInfo) -> tuple[datetime, ...]:
    """Every instant the clock shows wall time `minute` on `day`'s local date: twice in the
    hour an autumn change repeats, else once (see `local_instant`)."""
    wall = datetime.combine(day.astimezone(zone).date(), time(minute // 60, minute % 60))
    first = wall.replace(tzinfo=zone, fold=0).astimezone(UTC)
    second = wall.replace(tzinfo=zone, fold=1).astimezone(UTC)
    return (first, second) if first < second else (local_instant(day, minute, zone),)


def quiet_end_after(moment: datetime, zone: ZoneInfo, quiet: tuple[int, int] | None) -> datetime:
    """The end of the quiet period `moment` falls into: the next time the clock shows its end
    (tomorrow when they wrap midnight; in the repeated autumn hour maybe its second showing);
    `moment` itself if it falls into none."""
    if not in_quiet_hours(moment, zone, quiet):
        return moment
    assert quiet is not None  # in_quiet_hours is False without quiet hours
    tomorrow = moment.astimezone(zone) + timedelta(days=1)
    showings = _showings(moment, quiet[1], zone) + _showings(tomorrow, quiet[1], zone)
    return min(end for end in showings if end > moment)


def deliver_at(
    moment: datetime,
    zone: ZoneInfo,
    quiet: tuple[int, int] | None,
    *,
    hold: bool,
    deadline: datetime | None = None,
) -> Delivery:
    """When a push meant for `moment` is delivered. Held pushes wait for the end of the quiet
    hours unless that is at or after `deadline` (a reminder's air time): then they go out
    silently at `moment`."""
    if not in_quiet_hours(moment, zone, quiet):
        return Delivery(moment, silent=False)
    if hold:
        end = quiet_end_after(moment, zone, quiet)
        if deadline is None or end < deadline:
            return Delivery(end, silent=False)
    return Delivery(moment, silent=True)


def next_digest_at(now: datetime, zone: ZoneInfo, hour: int) -> datetime:
    """The next digest moment strictly after `now`: `hour`:00 local time (a wall time that a
    DST change skips is taken as the first instant after the gap)."""
    today = local_instant(now, hour * 60, zone)
    if today > now:
        return today
    return local_instant(now.astimezone(zone) + timedelta(days=1), hour * 60, zone)


def news_delivery(
    now: datetime,
    zone: ZoneInfo,
    quiet: tuple[int, int] | None,
    *,
    hold: bool,
    digest_hour: int | None,
) -> Delivery:
    """When a news item that arrives `now` reaches a chat: at once, or at the chat's next
    digest hour, either way moved by its quiet hours (a digest hour inside them is silent
    or held like any other message)."""
    moment = now if digest_hour is None else next_digest_at(now, zone, digest_hour)
    return deliver_at(moment, zone, quiet, hold=hold)
