"""Matching imported entries to TVmaze series, and following the matches in one go.

A TVmaze id is an exact match without a call; a TVDB or IMDb id is looked up at TVmaze (one
call) and is exact when TVmaze knows it; a title is searched (our aliases, then TVmaze,
through the client's shared rate limiter) and is exact when a candidate's normalised title is
the same (and its year, when the entry has one), else the best candidate is a fuzzy match.
While TVmaze cannot be asked, a title found nowhere else is unchecked, not "not found".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.catalog.following import follow_series
from bot.catalog.import_formats import ImportEntry
from bot.catalog.normalize import normalize_title
from bot.catalog.search import Candidate, search_series
from bot.catalog.tvmaze import TvmazeClient, TvResult
from bot.chat_settings import Defaults
from storage.series import get_series


class Confidence(StrEnum):
    ID = "id"
    TITLE = "title"
    FUZZY = "fuzzy"


@dataclass(frozen=True)
class ImportMatch:
    entry: ImportEntry
    tvmaze_id: int | None  # None: nothing found
    title: str  # TVmaze's title when known, else the entry's
    confidence: Confidence | None
    tv_unavailable: bool = False  # nothing found because TVmaze could not be asked


@dataclass(frozen=True)
class ImportSummary:
    followed: tuple[str, ...]
    already: tuple[str, ...]
    not_found: tuple[str, ...]
    unavailable: tuple[str, ...] = ()  # not followed: TVmaze could not be asked


def best_candidate(
    entry: ImportEntry, candidates: Sequence[Candidate]
) -> tuple[Candidate, Confidence] | None:
    """The exact title (same year if given) first, then the same year, then TVmaze's best."""
    if not candidates:
        return None
    wanted = normalize_title(entry.title)
    same_title = [c for c in candidates if normalize_title(c.title) == wanted]
    for candidate in same_title:
        if entry.year is None or candidate.premiered == entry.year:
            return candidate, Confidence.TITLE
    same_year = [c for c in candidates if entry.year and c.premiered == entry.year]
    return (same_year or same_title or list(candidates))[0], Confidence.FUZZY


async def match_entries(
    *,
    sessions: async_sessionmaker[AsyncSession],
    client: TvmazeClient,
    entries: Sequence[ImportEntry],
) -> list[ImportMatch]:
    matches = []
    for entry in entries:
        looked_up = await _tvmaze_id(client, entry)
        lookup_failed = looked_up.error not in (None, "not found")
        tvmaze_id = looked_up.value
        if tvmaze_id is not None:
            async with sessions() as session:
                known = await get_series(session, tvmaze_id=tvmaze_id)
            title = known.title if known else entry.title or f"TVmaze #{tvmaze_id}"
            matches.append(ImportMatch(entry, tvmaze_id, title, Confidence.ID))
            continue
        if not entry.title:
            matches.append(ImportMatch(entry, None, _id_text(entry), None, lookup_failed))
            continue
        outcome = await search_series(sessions=sessions, client=client, query=entry.title)
        best = best_candidate(entry, outcome.candidates)
        if best is None:
            unchecked = lookup_failed or outcome.tv_unavailable
            matches.append(ImportMatch(entry, None, entry.title, None, unchecked))
        else:
            candidate, confidence = best
            matches.append(ImportMatch(entry, candidate.tvmaze_id, candidate.title, confidence))
    return matches


async def _tvmaze_id(client: TvmazeClient, entry: ImportEntry) -> TvResult[int]:
    """The entry's TVmaze id, else the one TVmaze knows for its TVDB or IMDb id; "not found"
    when it has no such id or TVmaze does not know it, another error when a lookup failed."""
    if entry.tvmaze_id:
        return TvResult(entry.tvmaze_id)
    error = "not found"
    for thetvdb, imdb in ((entry.tvdb_id, None), (None, entry.imdb_id)):
        if thetvdb is None and imdb is None:
            continue
        found = await client.lookup(thetvdb=thetvdb, imdb=imdb)
        if found.value is not None:
            return found
        if found.error != "not found":
            error = found.error or error
    return TvResult(error=error)


def _id_text(entry: ImportEntry) -> str:
    return entry.imdb_id or f"TVDB #{entry.tvdb_id}"


async def follow_matches(
    *,
    sessions: async_sessionmaker[AsyncSession],
    client: TvmazeClient,
    chat_telegram_id: int,
    matches: Sequence[ImportMatch],
    now: datetime,
    defaults: Defaults,
) -> ImportSummary:
    """Follow every match (importing series we do not have); each series once."""
    followed: list[str] = []
    already: list[str] = []
    not_found: list[str] = []
    unavailable: list[str] = []
    seen: set[int] = set()
    for match in matches:
        if match.tvmaze_id is None:
            missed = unavailable if match.tv_unavailable else not_found
            missed.append(match.entry.title or match.title)
            continue
        if match.tvmaze_id in seen:
            continue
        seen.add(match.tvmaze_id)
        outcome = await follow_series(
            sessions=sessions,
            client=client,
            chat_telegram_id=chat_telegram_id,
            tvmaze_id=match.tvmaze_id,
            now=now,
            defaults=defaults,
        )
        if outcome.series is None:
            missed = unavailable if outcome.tv_unavailable else not_found
            missed.append(match.title)
        elif outcome.newly_followed:
            followed.append(outcome.series.title)
        else:
            already.append(outcome.series.title)
    return ImportSummary(tuple(followed), tuple(already), tuple(not_found), tuple(unavailable))
