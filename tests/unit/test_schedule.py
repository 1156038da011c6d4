"""Next-episode rendering in the chat's zone and language, across DST changes."""

from datetime import UTC, date, datetime

import pytest

from bot.catalog.schedule import Airing, describe_airing, episode_code
from bot.timefmt import local_date


def airing(airstamp=None, airdate=None, channel="ZDF"):
    return Airing(5, 1, "Ballard", 2, 1, "Cold <Case>", airstamp, airdate, channel)


@pytest.mark.parametrize(
    ("utc", "timezone", "language", "expected"),
    [
        # Europe/Berlin leaves summer time on 25 Oct 2026: the same 20:15 is 18:15 then 19:15 UTC.
        ("2026-10-24T18:15", "Europe/Berlin", "de", "Sa., 24. Okt. 2026, 20:15"),
        ("2026-10-25T19:15", "Europe/Berlin", "de", "So., 25. Okt. 2026, 20:15"),
        ("2026-03-28T19:15", "Europe/Berlin", "en", "Sat, Mar 28, 2026, 8:15 PM"),
        ("2026-03-29T18:15", "Europe/Berlin", "en", "Sun, Mar 29, 2026, 8:15 PM"),
        # America/New_York leaves daylight time on 1 Nov 2026 and enters it on 8 Mar 2026.
        ("2026-10-31T00:00", "America/New_York", "en", "Fri, Oct 30, 2026, 8:00 PM"),
        ("2026-11-02T01:00", "America/New_York", "en", "Sun, Nov 1, 2026, 8:00 PM"),
        ("2026-03-08T00:00", "America/New_York", "de", "Sa., 7. März 2026, 19:00"),
        ("2026-03-09T00:00", "America/New_York", "de", "So., 8. März 2026, 20:00"),
    ],
)
def test_air_time_in_the_chats_zone_across_dst(utc, timezone, language, expected):
    moment = datetime.fromisoformat(utc).replace(tzinfo=UTC)
    line = describe_airing(airing(moment), language=language, timezone=timezone)
    assert line.startswith(expected + " · S02E01 ")
    assert "Cold &lt;Case&gt;" in line and line.endswith(" · ZDF")


def test_date_only_release_has_no_time():
    line = describe_airing(
        airing(airdate=date(2026, 12, 4), channel=None), language="en", timezone="UTC"
    )
    assert line == "Fri, Dec 4, 2026 · S02E01 “Cold &lt;Case&gt;”"
    assert local_date(date(2026, 12, 4), "de") == "Fr., 4. Dez. 2026"


def test_episode_code():
    assert episode_code(1, 2) == "S01E02"
    assert episode_code(2, None) == "Special"


def test_date_only_release_sorts_from_local_midnight():
    from zoneinfo import ZoneInfo

    zone = ZoneInfo("America/New_York")
    release = airing(airdate=date(2026, 12, 4))
    assert release.starts(zone) == datetime(2026, 12, 4, 5, 0, tzinfo=UTC)
