"""Reminder planning with plain values and an explicit clock: DST, quiet hours, date-only
releases, downtime, windows."""

from datetime import UTC, date, datetime, timedelta

from bot.catalog.schedule import Airing as FullAiring
from bot.followers import Follower
from bot.reminders.plan import dedup_key, reminders_for

BERLIN, NEW_YORK = "Europe/Berlin", "America/New_York"


def Airing(episode_id, series_id, airstamp, airdate):
    return FullAiring(episode_id, series_id, "Ballard", 2, 1, "Cold Case", airstamp, airdate, None)


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def follower(chat_id=1, timezone=BERLIN, leads=(15, 1440), quiet=None):
    return Follower(
        chat_id=chat_id, series_id=1, language="de", timezone=timezone,
        lead_minutes=tuple(leads), quiet_hours=quiet,
    )  # fmt: skip


def plan(airings, followers, start, end, now=None):
    return [
        reminder
        for airing in airings
        for one in followers
        for reminder in reminders_for(
            airing, one, window_start=start, window_end=end, now=now or start
        )
    ]


def everything(airings, followers, now):
    """All reminders from `now` on (a wide window)."""
    return plan(airings, followers, now, now + timedelta(days=30), now)


def test_day_before_keeps_local_wall_time_across_berlin_dst_end():
    # Sun 25 Oct 2026, 20:15 CET (19:15 UTC); the day before, 20:15 was still CEST (18:15 UTC).
    episode = Airing(7, 1, utc("2026-10-25T19:15"), None)
    planned = everything([episode], [follower()], utc("2026-10-20T00:00"))
    moments = {p.lead: p.remind_at for p in planned}
    assert moments == {"15": utc("2026-10-25T19:00"), "1440": utc("2026-10-24T18:15")}
    keys = {dedup_key(p.chat_id, p.episode_id, p.lead) for p in planned}
    assert keys == {"reminder:1:7:15", "reminder:1:7:1440"}


def test_day_before_across_new_york_dst_start():
    # Sun 8 Mar 2026, 21:00 EDT (01:00 UTC on the 9th); Sat 7 Mar 21:00 was EST (02:00 UTC 8th).
    episode = Airing(8, 1, utc("2026-03-09T01:00"), None)
    planned = everything(
        [episode], [follower(timezone=NEW_YORK, leads=(1440, 60))], utc("2026-03-01T00:00")
    )
    assert {p.lead: p.remind_at for p in planned} == {
        "1440": utc("2026-03-08T02:00"),
        "60": utc("2026-03-09T00:00"),
    }


def test_quiet_hours_make_reminders_silent_even_across_midnight():
    episode = Airing(9, 1, utc("2026-06-01T21:30"), None)  # 23:30 in Berlin (CEST)
    quiet = (22 * 60, 8 * 60)
    planned = everything(
        [episode], [follower(leads=(0, 60, 1440), quiet=quiet)], utc("2026-05-25T00:00")
    )
    silent = {p.lead: p.silent for p in planned}
    assert silent == {"0": True, "60": True, "1440": True}
    day_time = Airing(10, 1, utc("2026-06-01T18:00"), None)  # 20:00 local
    planned = everything([day_time], [follower(leads=(15,), quiet=quiet)], utc("2026-05-25T00:00"))
    assert [p.silent for p in planned] == [False]


def test_date_only_release_gets_one_morning_reminder_in_the_chats_zone():
    release = Airing(11, 1, None, date(2026, 7, 3))
    berlin = everything([release], [follower(leads=(15, 60, 1440))], utc("2026-07-01T00:00"))
    new_york = everything(
        [release], [follower(chat_id=2, timezone=NEW_YORK)], utc("2026-07-01T00:00")
    )
    assert [(p.lead, p.remind_at) for p in berlin] == [("day", utc("2026-07-03T07:00"))]
    assert [(p.lead, p.remind_at) for p in new_york] == [("day", utc("2026-07-03T13:00"))]


def test_no_lead_times_means_no_reminders():
    episode = Airing(12, 1, utc("2026-07-03T19:00"), None)
    release = Airing(13, 1, None, date(2026, 7, 3))
    assert everything([episode, release], [follower(leads=())], utc("2026-07-01T00:00")) == []


def test_downtime_past_the_moment_but_before_air_time_still_reminds():
    episode = Airing(14, 1, utc("2026-07-03T19:00"), None)
    # Down from 18:00 to 18:55: the 15-minute reminder (18:45) is late but still useful.
    planned = plan(
        [episode],
        [follower(leads=(15, 60))],
        utc("2026-07-03T17:59"),
        utc("2026-07-03T18:57"),
        now=utc("2026-07-03T18:55"),
    )
    assert sorted(p.lead for p in planned) == ["15", "60"]
    # Back only after air time: nothing.
    planned = plan(
        [episode],
        [follower(leads=(15, 60))],
        utc("2026-07-03T17:59"),
        utc("2026-07-03T19:02"),
        now=utc("2026-07-03T19:00"),
    )
    assert planned == []


def test_date_only_release_expires_with_its_local_day():
    release = Airing(15, 1, None, date(2026, 7, 3))
    start = utc("2026-07-03T06:00")
    late_same_day = plan(
        [release], [follower()], start, utc("2026-07-03T21:00"), now=utc("2026-07-03T21:00")
    )
    next_day = plan(
        [release], [follower()], start, utc("2026-07-03T23:00"), now=utc("2026-07-03T22:30")
    )
    assert len(late_same_day) == 1 and next_day == []  # 00:30 local on the 4th


def test_window_is_half_open_so_consecutive_ticks_never_double():
    episode = Airing(16, 1, utc("2026-07-03T19:00"), None)
    boundary = utc("2026-07-03T18:45")
    first = plan([episode], [follower(leads=(15,))], boundary - timedelta(minutes=1), boundary)
    second = plan([episode], [follower(leads=(15,))], boundary, boundary + timedelta(minutes=1))
    assert len(first) == 1 and second == []
