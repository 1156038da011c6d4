"""Store what TVmaze says about a show: the series, its aliases, its episodes, status changes."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.catalog.normalize import normalize_title
from bot.catalog.tvmaze_parse import ShowData
from storage.catalog_models import Episode, Series, SeriesAlias, SeriesStatusChange
from storage.series import aliases_of, get_series, tvmaze_episodes_of


async def store_show(session: AsyncSession, data: ShowData, *, now: datetime) -> Series:
    """Insert or refresh a show. Moved episodes move, vanished ones are deleted."""
    info = data.show
    series = await get_series(session, tvmaze_id=info.tvmaze_id)
    if series is None:
        series = Series(tvmaze_id=info.tvmaze_id, status=info.status)
        session.add(series)
    elif series.status != info.status:
        session.add(
            SeriesStatusChange(
                series_id=series.id,
                old_status=series.status,
                new_status=info.status,
                changed_at=now,
            )
        )
    series.title = info.title
    series.premiered = info.premiered
    series.network = info.network
    series.country = info.country
    series.language = info.language
    series.status = info.status
    series.tvmaze_updated = info.updated
    series.synced_at = now
    await session.flush()
    await _store_aliases(session, series, data)
    await _store_episodes(session, series, data, now)
    return series


async def _store_aliases(session: AsyncSession, series: Series, data: ShowData) -> None:
    known = await aliases_of(session, series_id=series.id)
    names: list[tuple[str, str | None, str | None]] = [(data.show.title, None, data.show.language)]
    names += [(aka.name, aka.country, None) for aka in data.akas or ()]
    for name, country, language in names:
        normalized = normalize_title(name)
        if normalized and normalized not in known:
            known.add(normalized)
            session.add(
                SeriesAlias(
                    series_id=series.id,
                    name=name,
                    normalized=normalized[:300],
                    country=country,
                    language=language,
                )
            )


def set_air_time(
    episode: Episode, *, airstamp: datetime | None, airdate: date | None, now: datetime
) -> None:
    """Set when an episode airs; a new or moved air time is stamped for the reminder tick."""
    if episode.airstamp != airstamp or episode.airdate != airdate:
        episode.changed_at = now
    episode.airstamp = airstamp
    episode.airdate = airdate


async def _store_episodes(
    session: AsyncSession, series: Series, data: ShowData, now: datetime
) -> None:
    stored = await tvmaze_episodes_of(session, series_id=series.id)
    for info in data.episodes:
        episode = stored.pop(info.tvmaze_id, None)
        if episode is None:
            episode = Episode(series_id=series.id, tvmaze_id=info.tvmaze_id)
            session.add(episode)
        episode.season = info.season
        episode.number = info.number
        episode.title = info.title
        set_air_time(episode, airstamp=info.airstamp, airdate=info.airdate, now=now)
        episode.channel = data.show.network
    for vanished in stored.values():
        await session.delete(vanished)
    await session.flush()
