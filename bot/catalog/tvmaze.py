"""TVmaze client: rate-limited, with timeouts, 429 handling and a short search cache.

Every call returns a `TvResult`; an unreachable, slow or broken TVmaze is a value, not an
exception, so callers can fall back to what the database already knows.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import httpx

from bot.catalog.rate_limit import SlidingWindowLimiter
from bot.catalog.tvmaze_parse import (
    ShowData,
    ShowInfo,
    parse_search,
    parse_show_data,
    parse_show_index,
    parse_updates,
)

logger = logging.getLogger(__name__)

T = TypeVar("T")

CALLS_PER_WINDOW = 19  # TVmaze allows about 20 calls per 10 s per IP; stay under it
WINDOW_SECONDS = 10.0
MAX_RETRY_AFTER = 10.0  # a longer 429 pause fails the call instead of stalling a user
SEARCH_CACHE_SECONDS = 300.0
# Background calls (the show index) leave this many calls of every window to users' searches
# and imports: they use at most 9 of the 19, and only while users leave them free.
BACKGROUND_RESERVE = 10
_SHOW_ADDRESS = re.compile(r"/shows/(\d{1,9})(?:$|[/?#])")


@dataclass(frozen=True)
class TvResult(Generic[T]):
    value: T | None = None
    error: str | None = None


class TvmazeClient:
    def __init__(
        self,
        base_url: str,
        http: httpx.AsyncClient,
        *,
        limiter: SlidingWindowLimiter | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._base = base_url.rstrip("/")
        self._http = http
        self.limiter = limiter or SlidingWindowLimiter(CALLS_PER_WINDOW, WINDOW_SECONDS)
        self._clock = clock
        self._search_cache: dict[str, tuple[float, list[ShowInfo]]] = {}
        self.calls = 0  # requests sent, for the sync report and tests

    async def search(self, query: str) -> TvResult[list[ShowInfo]]:
        key = query.casefold()
        cached = self._search_cache.get(key)
        if cached and self._clock() - cached[0] < SEARCH_CACHE_SECONDS:
            return TvResult(cached[1])
        result = await self._get("/search/shows", {"q": query})
        if result.error:
            return TvResult(error=result.error)
        shows = parse_search(result.value)
        if len(self._search_cache) > 1000:
            self._search_cache.clear()
        self._search_cache[key] = (self._clock(), shows)
        return TvResult(shows)

    async def show(self, tvmaze_id: int, *, with_akas: bool) -> TvResult[ShowData]:
        """The show with its episodes, and (one call more) its AKAs."""
        result = await self._get(f"/shows/{tvmaze_id}", {"embed": "episodes"})
        if result.error:
            return TvResult(error=result.error)
        akas: Any = None
        if with_akas:
            akas_result = await self._get(f"/shows/{tvmaze_id}/akas", {})
            if akas_result.error:
                return TvResult(error=akas_result.error)
            akas = akas_result.value
        data = parse_show_data(result.value, akas)
        return TvResult(data) if data else TvResult(error="malformed show")

    async def lookup(self, *, thetvdb: int | None = None, imdb: str | None = None) -> TvResult[int]:
        """The TVmaze id of a show known by its TVDB or IMDb id: TVmaze answers with a redirect
        to the show, whose id is read from its address (one call; "not found" if unknown)."""
        params = {"thetvdb": str(thetvdb)} if thetvdb is not None else {"imdb": imdb or ""}
        result = await self._get("/lookup/shows", params, redirect=True)
        if result.error:
            return TvResult(error=result.error)
        match = _SHOW_ADDRESS.search(str(result.value))
        return TvResult(int(match.group(1))) if match else TvResult(error="malformed lookup")

    async def updates(self, since: str) -> TvResult[dict[int, int]]:
        """Show id → last update stamp, for shows updated in the last day/week/month."""
        result = await self._get("/updates/shows", {"since": since})
        if result.error:
            return TvResult(error=result.error)
        return TvResult(parse_updates(result.value))

    async def show_index_page(self, page: int) -> TvResult[list[ShowInfo]]:
        """One page of the index of all shows, at background priority; "not found" = past
        the end."""
        result = await self._get("/shows", {"page": str(page)}, reserve=BACKGROUND_RESERVE)
        if result.error:
            return TvResult(error=result.error)
        shows = parse_show_index(result.value)
        return TvResult(shows) if shows is not None else TvResult(error="malformed index page")

    async def _get(
        self, path: str, params: dict[str, str], *, reserve: int = 0, redirect: bool = False
    ) -> TvResult[Any]:
        """The JSON of a 200; with `redirect`, the Location of a 3xx instead (not followed)."""
        for attempt in range(2):
            await self.limiter.acquire(reserve=reserve)
            self.calls += 1
            try:
                response = await self._http.get(
                    self._base + path,
                    params=params,
                    follow_redirects=not redirect and self._http.follow_redirects,
                )
            except httpx.HTTPError as error:
                logger.warning("TVmaze %s failed: %s", path, type(error).__name__)
                return TvResult(error=type(error).__name__)
            if response.status_code == 429 and attempt == 0:
                pause = _retry_after(response)
                self.limiter.pause(pause)
                if pause <= MAX_RETRY_AFTER:
                    logger.info("TVmaze rate limit hit, waiting %.1f s", pause)
                    continue
            if response.status_code == 404:
                return TvResult(error="not found")
            if redirect and response.is_redirect:
                return TvResult(response.headers.get("Location", ""))
            if response.status_code != 200:
                logger.warning("TVmaze %s answered %d", path, response.status_code)
                return TvResult(error=f"HTTP {response.status_code}")
            try:
                return TvResult(response.json())
            except ValueError:
                return TvResult(error="invalid JSON")
        return TvResult(error="HTTP 429")


def _retry_after(response: httpx.Response) -> float:
    try:
        return max(0.5, float(response.headers.get("Retry-After", "2")))
    except ValueError:
        return 2.0
