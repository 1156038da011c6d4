"""Find series by any of their titles: our aliases first, then TVmaze, and when TVmaze cannot
be asked, the world catalogue of known series (names from TVmaze's show index)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.catalog.normalize import normalize_title
from bot.catalog.tvmaze import TvmazeClient, TvResult
from bot.catalog.tvmaze_parse import ShowInfo
from storage.known_series import search_known_series
from storage.series import find_series_by_alias

MAX_CANDIDATES = 8
MAX_QUERY_CHARS = 200


@dataclass(frozen=True)
class Candidate:
    tvmaze_id: int
    title: str
    premiered: int | None
    network: str | None


@dataclass(frozen=True)
class SearchOutcome:
    candidates: tuple[Candidate, ...]
    tv_unavailable: bool  # TVmaze could not be asked; candidates are only what we know


class QueryTooLong(ValueError):
    pass


def clean_query(text: str) -> str:
    """The title as typed, trimmed; raises QueryTooLong past 200 characters."""
    query = " ".join(text.split())
    if len(query) > MAX_QUERY_CHARS:
        raise QueryTooLong(query)
    return query


async def _ask_tvmaze(
    client: TvmazeClient, query: str, seconds: float | None
) -> TvResult[list[ShowInfo]]:
    """TVmaze's answer, or (past `seconds`) an error: inline queries cannot wait."""
    try:
        async with asyncio.timeout(seconds):
            return await client.search(query)
    except TimeoutError:
        return TvResult(error=f"no answer within {seconds:g} s")


async def search_series(
    *,
    sessions: async_sessionmaker[AsyncSession],
    client: TvmazeClient,
    query: str,
    tv_timeout: float | None = None,
) -> SearchOutcome:
    normalized = normalize_title(query)
    if not normalized:
        return SearchOutcome((), tv_unavailable=False)
    async with sessions() as session:
        local = await find_series_by_alias(session, normalized=normalized, limit=MAX_CANDIDATES)
    found = [Candidate(s.tvmaze_id, s.title, s.premiered, s.network) for s in local]
    if len(found) >= MAX_CANDIDATES:
        return SearchOutcome(tuple(found), tv_unavailable=False)
    remote = await _ask_tvmaze(client, query, tv_timeout)
    more = [Candidate(s.tvmaze_id, s.title, s.premiered, s.network) for s in remote.value or []]
    if remote.error is not None:
        async with sessions() as session:
            known = await search_known_series(session, normalized=normalized, limit=MAX_CANDIDATES)
        more = [Candidate(k.tvmaze_id, k.name, k.premiered, None) for k in known]
    seen = {candidate.tvmaze_id for candidate in found}
    for candidate in more:
        if candidate.tvmaze_id not in seen and len(found) < MAX_CANDIDATES:
            seen.add(candidate.tvmaze_id)
            found.append(candidate)
    return SearchOutcome(tuple(found), tv_unavailable=remote.error is not None)
