"""Time zones by the city that names them: "Berlin", "new york", "Zürich", "São Paulo".

Only tzdata's canonical zones (its `Z` lines) count, so a city names one zone: backward links
such as "Australia/North" or "US/Central" are no cities. A fan who types the full IANA name
is served by `known_timezones` before this is asked.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from importlib import resources


def city_key(text: str) -> str:
    """How a typed city is compared: casefolded, accents dropped, spaces and hyphens as `_`."""
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return "_".join(plain.replace("-", " ").split())


@lru_cache(maxsize=1)
def _zones_by_city() -> dict[str, str]:
    compiled = resources.files("tzdata").joinpath("zoneinfo", "tzdata.zi").read_text()
    zones = [line.split()[1] for line in compiled.splitlines() if line.startswith("Z ")]
    return {
        city_key(name.rsplit("/", 1)[1]): name
        for name in zones
        if "/" in name and not name.startswith("Etc/")
    }


def zone_of_city(text: str) -> str | None:
    """The canonical zone named after the city typed, or None."""
    return _zones_by_city().get(city_key(text))
