"""Builders for TVmaze JSON in the shapes the real API documents (https://www.tvmaze.com/api).

Only the fields a client may read are filled in, with the types TVmaze uses: `premiered` and
`airdate` as "YYYY-MM-DD", `airtime` as "HH:MM" (empty for date-only web releases),
`airstamp` as an ISO 8601 UTC time, `network` or `webChannel` with a country object.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

COUNTRIES = {
    "DE": {"name": "Germany", "code": "DE", "timezone": "Europe/Berlin"},
    "ES": {"name": "Spain", "code": "ES", "timezone": "Europe/Madrid"},
    "US": {"name": "United States", "code": "US", "timezone": "America/New_York"},
}


def show(
    tvmaze_id: int,
    name: str,
    *,
    premiered: str = "2017-12-01",
    network: str | None = "Netflix",
    web: bool = True,
    country: str | None = "US",
    language: str = "English",
    status: str = "Running",
    updated: int = 1_700_000_000,
) -> dict[str, Any]:
    channel = None
    if network:
        channel = {
            "id": tvmaze_id + 1000,
            "name": network,
            "country": COUNTRIES.get(country) if country else None,
            "officialSite": None,
        }
    return {
        "id": tvmaze_id,
        "url": f"https://www.tvmaze.com/shows/{tvmaze_id}",
        "name": name,
        "type": "Scripted",
        "language": language,
        "genres": ["Drama"],
        "status": status,
        "runtime": 50,
        "averageRuntime": 50,
        "premiered": premiered,
        "ended": None,
        "officialSite": None,
        "schedule": {"time": "", "days": []},
        "rating": {"average": 8.1},
        "weight": 98,
        "network": None if web else channel,
        "webChannel": channel if web else None,
        "dvdCountry": None,
        "externals": {"tvrage": None, "thetvdb": 1, "imdb": "tt0000001"},
        "image": None,
        "summary": f"<p><b>{name}</b> is a show.</p>",
        "updated": updated,
        "_links": {"self": {"href": f"https://api.tvmaze.com/shows/{tvmaze_id}"}},
    }


def episode(
    tvmaze_id: int,
    season: int,
    number: int | None,
    name: str,
    airstamp: datetime | None = None,
    *,
    airdate: str | None = None,
) -> dict[str, Any]:
    """A timed episode (airstamp given) or a date-only release (airdate given, no time)."""
    if airstamp is not None:
        airdate = airdate or airstamp.date().isoformat()
        airtime = airstamp.strftime("%H:%M")
        stamp = airstamp.isoformat()
    else:
        airtime = ""
        stamp = f"{airdate}T12:00:00+00:00"
    return {
        "id": tvmaze_id,
        "url": f"https://www.tvmaze.com/episodes/{tvmaze_id}",
        "name": name,
        "season": season,
        "number": number,
        "type": "regular" if number is not None else "significant_special",
        "airdate": airdate,
        "airtime": airtime,
        "airstamp": stamp,
        "runtime": 50,
        "rating": {"average": None},
        "image": None,
        "summary": None,
        "_links": {"self": {"href": f"https://api.tvmaze.com/episodes/{tvmaze_id}"}},
    }


def aka(name: str, country: str | None) -> dict[str, Any]:
    return {"name": name, "country": COUNTRIES.get(country) if country else None}
