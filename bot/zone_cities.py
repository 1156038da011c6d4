"""Time zones by the place that names them: "Berlin", "new york", "Zürich", "Wien", "Moskau",
"Österreich", "Germany".

Only the zones of tzdata's `zone.tab` count, its zone for each country and region, so a city
names one zone ("Amsterdam" is there though it is a link now), and backward names such as
"Australia/North" or "US/Central" are no cities. Beside the zone's own city, its German and
English names from CLDR (shipped with Babel) count, and so does a country's name where the
whole country keeps one clock (Germany, Austria; not Spain with the Canaries, nor the USA).
A fan who types the full IANA name is served by `known_timezones` before this is asked.
"""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime
from functools import lru_cache
from importlib import resources
from zoneinfo import ZoneInfo

from babel import Locale
from babel.core import get_global
from babel.dates import get_timezone, get_timezone_location

LANGUAGES = ("de", "en")


def _city_key(text: str) -> str:
    """How a typed place is compared: casefolded, accents dropped, spaces and hyphens as `_`,
    CLDR's typographic apostrophe as the one keyboards type ("Côte d’Ivoire")."""
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold().replace("\u2019", "'"))
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return "_".join(plain.replace("-", " ").split())


def _zone_table() -> list[tuple[str, str]]:
    """(country code, zone) for every line of zone.tab, the most populous zone of a country
    first (tzdata's own order)."""
    table = resources.files("tzdata").joinpath("zoneinfo", "zone.tab").read_text()
    # Lines: country code, coordinates, zone name, comment; "#" starts a comment line.
    rows = [line.split("\t") for line in table.splitlines() if line and line[0] != "#"]
    return [(row[0], row[2]) for row in rows]


def _one_clock(zones: list[str], year: int) -> bool:
    """Whether the zones show the same time in winter and in summer."""
    days = (datetime(year, 1, 15), datetime(year, 7, 15))
    return len({tuple(day.replace(tzinfo=ZoneInfo(zone)).utcoffset() for day in days)
                for zone in zones}) == 1  # fmt: skip


@lru_cache(maxsize=1)
def _zones_by_place() -> dict[str, str]:
    table = _zone_table()
    places = {_city_key(zone.rsplit("/", 1)[1]): zone for _, zone in table}
    countries: dict[str, list[str]] = {}
    for country, zone in table:
        countries.setdefault(country, []).append(zone)
    year = datetime.now(UTC).year
    # CLDR files some cities under the zone's former name (Europe/Kiev: "Kiew"), and Babel
    # looks them up under tzdata's current one (Europe/Kyiv) only.
    former: dict[str, list[str]] = {}
    for old_name, name in get_global("zone_aliases").items():
        former.setdefault(name, []).append(old_name)
    for language in LANGUAGES:
        locale = Locale(language)
        for _, zone in table:
            city = get_timezone_location(get_timezone(zone), locale, return_city=True)
            places.setdefault(_city_key(city), zone)
            for old_name in former.get(zone, ()):
                if city := locale.time_zones.get(old_name, {}).get("city"):
                    places.setdefault(_city_key(city), zone)
        for country, zones in countries.items():
            name = locale.territories.get(country)
            if name and _one_clock(zones, year):
                places.setdefault(_city_key(name), zones[0])
    return places


def zone_of_city(text: str) -> str | None:
    """The zone named after the place typed (a city or a one-clock country), or None."""
    return _zones_by_place().get(_city_key(text))
