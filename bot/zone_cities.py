"""Time zones by the city that names them: "Berlin", "new york", "Zürich", "São Paulo".

Only the zones of tzdata's `zone.tab` count, its zone for each country and region, so a city
names one zone ("Amsterdam" is there though it is a link now), and backward names such as
"Australia/North" or "US/Central" are no cities. A fan who types the full IANA name is served
by `known_timezones` before this is asked.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from importlib import resources


def _city_key(text: str) -> str:
    """How a typed city is compared: casefolded, accents dropped, spaces and hyphens as `_`."""
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return "_".join(plain.replace("-", " ").split())


@lru_cache(maxsize=1)
def _zones_by_city() -> dict[str, str]:
    table = resources.files("tzdata").joinpath("zoneinfo", "zone.tab").read_text()
    # Lines: country code, coordinates, zone name, comment; "#" starts a comment line.
    zones = [line.split("\t")[2] for line in table.splitlines() if line and line[0] != "#"]
    return {_city_key(name.rsplit("/", 1)[1]): name for name in zones}


def zone_of_city(text: str) -> str | None:
    """The zone named after the city typed, or None."""
    return _zones_by_city().get(_city_key(text))
