"""Upcoming episodes of a chat's series, as plain values in the order they air."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from markupsafe import Markup
from sqlalchemy.ext.asyncio import AsyncSession

from bot import render
from bot.timefmt import local_date, local_datetime
from storage.catalog_models import Episode, Series
from storage.series import followed_series, upcoming_episodes

NEXT_DAYS = 14
NEXT_EPISODE_HORIZON_DAYS = 730
STATUS_KEYS = {
    "Running": "status.running",
    "Ended": "status.ended",
    "To Be Determined": "status.tbd",
    "In Development": "status.development",
}


@dataclass(frozen=True)
class Airing:
    """One airing of an episode, as plain values."""

    episode_id: int
    series_id: int
    series_title: str
    season: int | None
    number: int | None
    title: str
    airstamp: datetime | None
    airdate: date | None
    channel: str | None

    def starts(self, zone: ZoneInfo) -> datetime:
        """When it airs; a date-only release counts from local midnight."""
        if self.airstamp is not None:
            return self.airstamp
        assert self.airdate is not None
        return datetime.combine(self.airdate, time(0), zone)


def airing_of(episode: Episode, series: Series) -> Airing:
    """The plain-value airing of a stored episode."""
    return Airing(
        episode_id=episode.id,
        series_id=series.id,
        series_title=series.title,
        season=episode.season,
        number=episode.number,
        title=episode.title,
        airstamp=episode.airstamp,
        airdate=episode.airdate,
        channel=episode.channel,
    )


async def airings_between(
    session: AsyncSession, *, series: list[Series], now: datetime, days: int, timezone: str
) -> list[Airing]:
    """Episodes of `series` from now to `days` ahead (date-only: from today), soonest first."""
    zone = ZoneInfo(timezone)
    today = now.astimezone(zone).date()
    by_id = {s.id: s for s in series}
    episodes = await upcoming_episodes(
        session,
        series_ids=list(by_id),
        start=now,
        end=now + timedelta(days=days),
        first_day=today,
        last_day=today + timedelta(days=days),
    )
    airings = [airing_of(episode, by_id[episode.series_id]) for episode in episodes]
    return sorted(airings, key=lambda a: (a.starts(zone), a.series_title, a.number or 0))


async def chat_airings(
    session: AsyncSession, *, chat_id: int, now: datetime, days: int, timezone: str
) -> list[Airing]:
    """The episodes of the series a chat follows, from now to `days` ahead, soonest first."""
    followed = await followed_series(session, chat_id=chat_id)
    return await airings_between(session, series=followed, now=now, days=days, timezone=timezone)


async def next_airing_per_series(
    session: AsyncSession, *, series: list[Series], now: datetime, timezone: str
) -> dict[int, Airing]:
    airings = await airings_between(
        session, series=series, now=now, days=NEXT_EPISODE_HORIZON_DAYS, timezone=timezone
    )
    first: dict[int, Airing] = {}
    for airing in airings:
        first.setdefault(airing.series_id, airing)
    return first


def episode_code(season: int | None, number: int | None) -> str:
    if season is None or number is None:
        return "Special"
    return f"S{season:02d}E{number:02d}"


def describe_airing(airing: Airing, *, language: str, timezone: str) -> Markup:
    """One line: when, which episode, where."""
    when = (
        local_datetime(airing.airstamp, timezone, language)
        if airing.airstamp
        else local_date(airing.airdate, language)
        if airing.airdate
        else "?"
    )
    return render.fragment(
        language,
        "episode.line" if airing.channel else "episode.line_no_channel",
        when=when,
        code=episode_code(airing.season, airing.number),
        title=airing.title,
        channel=airing.channel or "",
    )


def status_label(status: str, language: str) -> str:
    return render.plain(language, STATUS_KEYS.get(status, "status.unknown"))
