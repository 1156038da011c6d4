"""TVmaze JSON → plain values. The data is external: every field may be missing or null."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from bot.digits import is_number

MAX_TITLE = 300


@dataclass(frozen=True)
class ShowInfo:
    tvmaze_id: int
    title: str
    premiered: int | None
    network: str | None
    country: str | None
    language: str | None
    status: str
    updated: int


@dataclass(frozen=True)
class EpisodeInfo:
    tvmaze_id: int
    season: int | None
    number: int | None
    title: str
    airstamp: datetime | None  # None: only the date is known
    airdate: date | None


@dataclass(frozen=True)
class AkaInfo:
    name: str
    country: str | None


@dataclass(frozen=True)
class ShowData:
    show: ShowInfo
    episodes: tuple[EpisodeInfo, ...]
    akas: tuple[AkaInfo, ...] | None  # None: not asked for


def _text(value: Any, limit: int = MAX_TITLE) -> str:
    return str(value).strip()[:limit] if isinstance(value, str | int) else ""


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) and value else None
    except ValueError:
        return None


def _country(channel: dict[str, Any]) -> str | None:
    country = channel.get("country")
    code = country.get("code") if isinstance(country, dict) else None
    return code[:2] if isinstance(code, str) and code else None


def parse_show(raw: Any) -> ShowInfo | None:
    if not isinstance(raw, dict) or _int(raw.get("id")) is None or not _text(raw.get("name")):
        return None
    channel = raw.get("network") or raw.get("webChannel") or {}
    channel = channel if isinstance(channel, dict) else {}
    premiered = _date(raw.get("premiered"))
    return ShowInfo(
        tvmaze_id=raw["id"],
        title=_text(raw["name"]),
        premiered=premiered.year if premiered else None,
        network=_text(channel.get("name"), 200) or None,
        country=_country(channel),
        language=_text(raw.get("language"), 40) or None,
        status=_text(raw.get("status"), 40) or "Unknown",
        updated=_int(raw.get("updated")) or 0,
    )


def parse_episode(raw: Any) -> EpisodeInfo | None:
    if not isinstance(raw, dict) or _int(raw.get("id")) is None:
        return None
    airstamp = None
    if _text(raw.get("airtime")):  # TVmaze leaves airtime empty for date-only releases
        try:
            airstamp = datetime.fromisoformat(str(raw.get("airstamp")))
        except ValueError:
            airstamp = None
        if airstamp is not None and airstamp.tzinfo is None:
            airstamp = None
    return EpisodeInfo(
        tvmaze_id=raw["id"],
        season=_int(raw.get("season")),
        number=_int(raw.get("number")),
        title=_text(raw.get("name")),
        airstamp=airstamp,
        airdate=_date(raw.get("airdate")),
    )


def parse_akas(raw: Any) -> tuple[AkaInfo, ...]:
    akas = []
    for item in raw if isinstance(raw, list) else []:
        if isinstance(item, dict) and _text(item.get("name")):
            country = item.get("country")
            akas.append(
                AkaInfo(_text(item["name"]), _country({"country": country}) if country else None)
            )
    return tuple(akas)


def parse_show_data(raw: Any, akas: Any | None) -> ShowData | None:
    show = parse_show(raw)
    if show is None:
        return None
    embedded = raw.get("_embedded") if isinstance(raw.get("_embedded"), dict) else {}
    episodes = tuple(
        episode for item in embedded.get("episodes") or [] if (episode := parse_episode(item))
    )
    return ShowData(show, episodes, None if akas is None else parse_akas(akas))


def parse_search(raw: Any) -> list[ShowInfo]:
    shows = []
    for item in raw if isinstance(raw, list) else []:
        show = parse_show(item.get("show")) if isinstance(item, dict) else None
        if show is not None:
            shows.append(show)
    return shows


def parse_show_index(raw: Any) -> list[ShowInfo] | None:
    """A page of `/shows?page=N`: a list of shows (broken entries skipped); None if no list."""
    if not isinstance(raw, list):
        return None
    return [show for item in raw if (show := parse_show(item)) is not None]


def parse_updates(raw: Any) -> dict[int, int]:
    if not isinstance(raw, dict):
        return {}
    return {
        int(key): value
        for key, value in raw.items()
        if is_number(str(key)) and isinstance(value, int)
    }
