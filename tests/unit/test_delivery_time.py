"""The hold-until time, the digest time and the reminder rule, across DST changes."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.delivery_time import (
    Delivery,
    deliver_at,
    local_instant,
    news_delivery,
    next_digest_at,
    quiet_end_after,
)

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
NIGHT = (22 * 60, 7 * 60)  # spans midnight
SIESTA = (13 * 60, 15 * 60)  # within one day


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("moment", "zone", "end"),
    [
        # an ordinary winter night in Berlin (UTC+1): 23:30 → 07:00 next morning
        (utc(2026, 1, 10, 22, 30), BERLIN, utc(2026, 1, 11, 6, 0)),
        # after midnight, the same night: ends this morning
        (utc(2026, 1, 11, 2, 0), BERLIN, utc(2026, 1, 11, 6, 0)),
        # the night the clocks go forward (29 March 2026): 07:00 is then UTC+2
        (utc(2026, 3, 28, 22, 0), BERLIN, utc(2026, 3, 29, 5, 0)),
        # the night the clocks go back (25 October 2026): 07:00 is then UTC+1
        (utc(2026, 10, 24, 21, 0), BERLIN, utc(2026, 10, 25, 6, 0)),
        # New York forward (8 March 2026) and back (1 November 2026)
        (utc(2026, 3, 8, 4, 0), NEW_YORK, utc(2026, 3, 8, 11, 0)),
        (utc(2026, 11, 1, 4, 0), NEW_YORK, utc(2026, 11, 1, 12, 0)),
    ],
)
def test_quiet_hours_end_on_the_local_clock(
    moment: datetime, zone: ZoneInfo, end: datetime
) -> None:
    assert quiet_end_after(moment, zone, NIGHT) == end


def test_a_moment_outside_quiet_hours_is_not_moved() -> None:
    noon = utc(2026, 1, 10, 11, 0)
    assert quiet_end_after(noon, BERLIN, NIGHT) == noon
    assert quiet_end_after(noon, BERLIN, None) == noon


def test_quiet_hours_within_one_day() -> None:
    assert quiet_end_after(utc(2026, 7, 1, 11, 30), BERLIN, SIESTA) == utc(2026, 7, 1, 13, 0)


def test_an_end_the_spring_change_skips_is_when_the_clock_passes_it() -> None:
    # Berlin 29 March 2026: 02:00 → 03:00; quiet hours until 02:30 end at 03:00 (01:00 UTC).
    assert quiet_end_after(utc(2026, 3, 28, 23, 0), BERLIN, (0, 150)) == utc(2026, 3, 29, 1, 0)
    assert local_instant(utc(2026, 3, 29, 12, 0), 150, BERLIN) == utc(2026, 3, 29, 1, 0)


def test_an_ambiguous_end_is_its_first_occurrence() -> None:
    # Berlin 25 October 2026: 02:30 happens twice; the first is 00:30 UTC.
    assert local_instant(utc(2026, 10, 25, 12, 0), 150, BERLIN) == utc(2026, 10, 25, 0, 30)


def test_silent_mode_delivers_at_once_without_sound() -> None:
    night = utc(2026, 1, 10, 22, 30)
    assert deliver_at(night, BERLIN, NIGHT, hold=False) == Delivery(night, silent=True)


def test_outside_quiet_hours_a_message_goes_at_once_with_sound() -> None:
    noon = utc(2026, 1, 10, 11, 0)
    assert deliver_at(noon, BERLIN, NIGHT, hold=True) == Delivery(noon, silent=False)


def test_hold_mode_waits_for_the_end_of_quiet_hours() -> None:
    night = utc(2026, 1, 10, 22, 30)
    assert deliver_at(night, BERLIN, NIGHT, hold=True) == Delivery(
        utc(2026, 1, 11, 6, 0), silent=False
    )


def test_a_held_reminder_never_arrives_after_its_episode_started() -> None:
    remind_at = utc(2026, 1, 10, 22, 30)  # 23:30 Berlin, quiet
    starts_before_morning = utc(2026, 1, 10, 23, 30)
    assert deliver_at(
        remind_at, BERLIN, NIGHT, hold=True, deadline=starts_before_morning
    ) == Delivery(remind_at, silent=True)
    starts_at_the_end = utc(2026, 1, 11, 6, 0)  # at 07:00 sharp: too late as well
    assert deliver_at(remind_at, BERLIN, NIGHT, hold=True, deadline=starts_at_the_end) == Delivery(
        remind_at, silent=True
    )
    starts_later = utc(2026, 1, 11, 18, 0)
    assert deliver_at(remind_at, BERLIN, NIGHT, hold=True, deadline=starts_later) == Delivery(
        utc(2026, 1, 11, 6, 0), silent=False
    )


@pytest.mark.parametrize(
    ("now", "zone", "hour", "digest"),
    [
        # before the hour today → today; after it → tomorrow
        (utc(2026, 1, 10, 6, 0), BERLIN, 8, utc(2026, 1, 10, 7, 0)),
        (utc(2026, 1, 10, 7, 0), BERLIN, 8, utc(2026, 1, 11, 7, 0)),
        # across the Berlin changes: 08:00 is 06:00 UTC in summer, 07:00 in winter
        (utc(2026, 3, 28, 12, 0), BERLIN, 8, utc(2026, 3, 29, 6, 0)),
        (utc(2026, 10, 24, 12, 0), BERLIN, 8, utc(2026, 10, 25, 7, 0)),
        # New York: 18:00 local across the March and November changes
        (utc(2026, 3, 8, 0, 0), NEW_YORK, 18, utc(2026, 3, 8, 22, 0)),
        (utc(2026, 11, 1, 0, 0), NEW_YORK, 18, utc(2026, 11, 1, 23, 0)),
        # the local date decides "today": 23:30 New York is already tomorrow in UTC
        (utc(2026, 1, 11, 4, 30), NEW_YORK, 20, utc(2026, 1, 12, 1, 0)),
    ],
)
def test_next_digest_time(now: datetime, zone: ZoneInfo, hour: int, digest: datetime) -> None:
    assert next_digest_at(now, zone, hour) == digest


def test_news_without_digest_goes_at_once() -> None:
    now = utc(2026, 1, 10, 11, 0)
    assert news_delivery(now, BERLIN, NIGHT, hold=True, digest_hour=None) == Delivery(
        now, silent=False
    )


def test_a_digest_hour_inside_quiet_hours_is_held_or_silent_like_any_message() -> None:
    now = utc(2026, 1, 10, 11, 0)
    at_six = utc(2026, 1, 11, 5, 0)  # 06:00 Berlin, inside 22–07
    assert news_delivery(now, BERLIN, NIGHT, hold=False, digest_hour=6) == Delivery(
        at_six, silent=True
    )
    assert news_delivery(now, BERLIN, NIGHT, hold=True, digest_hour=6) == Delivery(
        utc(2026, 1, 11, 6, 0), silent=False
    )
    assert news_delivery(now, BERLIN, None, hold=True, digest_hour=18) == Delivery(
        utc(2026, 1, 10, 17, 0), silent=False
    )


@pytest.mark.parametrize(
    ("moment", "end"),
    [
        # 02:10 CEST, the first 02:10 of the night the clocks go back: ends at 02:30 CEST.
        (datetime(2026, 10, 25, 0, 10, tzinfo=UTC), datetime(2026, 10, 25, 0, 30, tzinfo=UTC)),
        # 02:10 CET, the second 02:10: ends at the second 02:30, not a day later.
        (datetime(2026, 10, 25, 1, 10, tzinfo=UTC), datetime(2026, 10, 25, 1, 30, tzinfo=UTC)),
    ],
)
def test_quiet_hours_ending_in_the_repeated_hour_end_at_its_next_showing(moment, end):
    assert quiet_end_after(moment, BERLIN, (23 * 60, 2 * 60 + 30)) == end
