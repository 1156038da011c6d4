"""Inline mode (`@bot <title>` in any chat): the series matching a title, as result cards."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.catalog.card_views import inline_card
from bot.catalog.search import QueryTooLong, clean_query, search_series
from bot.catalog.tvmaze import TvmazeClient
from bot.message import BotMessage

# Telegram waits about 10 s for an answer; TVmaze gets a short share of it, then the
# stored and known series answer alone.
INLINE_TV_TIMEOUT_SECONDS = 2.5


@dataclass(frozen=True)
class InlineResult:
    result_id: str  # the TVmaze id: unique within one answer, far below 64 bytes
    title: str
    description: str
    message: BotMessage


async def inline_results(
    *,
    sessions: async_sessionmaker[AsyncSession],
    client: TvmazeClient,
    text: str,
    language: str,
    bot_username: str,
) -> list[InlineResult]:
    """Up to 8 series for the typed title (none for an empty or overlong one)."""
    try:
        query = clean_query(text)
    except QueryTooLong:
        return []
    if not query:
        return []
    outcome = await search_series(
        sessions=sessions, client=client, query=query, tv_timeout=INLINE_TV_TIMEOUT_SECONDS
    )
    return [
        InlineResult(
            result_id=str(candidate.tvmaze_id),
            title=candidate.title,
            description=", ".join(
                str(part) for part in (candidate.premiered, candidate.network) if part
            ),
            message=inline_card(language, candidate, bot_username=bot_username),
        )
        for candidate in outcome.candidates
    ]
