"""What a series card and a share offer show, loaded as plain values (no Telegram here)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.catalog.schedule import Airing, next_airing_per_series
from bot.catalog.tvmaze import TvmazeClient
from storage.catalog_models import Series
from storage.known_series import get_known_series
from storage.series import followed_series, get_series


@dataclass(frozen=True)
class SeriesCard:
    tvmaze_id: int
    title: str
    status: str | None  # TVmaze's word (Running, Ended…); None: not imported yet
    network: str | None
    followed: bool  # by the chat looking at the card
    next_airing: Airing | None
    schedule_known: bool = True  # False: not imported here, its episodes are not loaded


def card_of(series: Series, *, followed: bool, next_airing: Airing | None) -> SeriesCard:
    return SeriesCard(
        tvmaze_id=series.tvmaze_id,
        title=series.title,
        status=series.status,
        network=series.network,
        followed=followed,
        next_airing=next_airing,
    )


async def load_card(
    session: AsyncSession, *, chat_id: int, tvmaze_id: int, now: datetime, timezone: str
) -> SeriesCard | None:
    """The card of a stored series for this chat; None if the series is not stored here."""
    series = await get_series(session, tvmaze_id=tvmaze_id)
    if series is None:
        return None
    followed = {s.id for s in await followed_series(session, chat_id=chat_id)}
    upcoming = await next_airing_per_series(session, series=[series], now=now, timezone=timezone)
    return card_of(series, followed=series.id in followed, next_airing=upcoming.get(series.id))


async def load_offer(
    *,
    sessions: async_sessionmaker[AsyncSession],
    client: TvmazeClient,
    chat_id: int,
    tvmaze_id: int,
    now: datetime,
    timezone: str,
) -> SeriesCard | None:
    """A card for a shared link: the stored series, else TVmaze's show, else (TVmaze down)
    the show index's name. None: nobody knows that id."""
    async with sessions() as session:
        card = await load_card(
            session, chat_id=chat_id, tvmaze_id=tvmaze_id, now=now, timezone=timezone
        )
    if card is not None:
        return card
    remote = await client.show(tvmaze_id, with_akas=False)
    if remote.value is not None:
        show = remote.value.show
        return SeriesCard(
            tvmaze_id, show.title, show.status, show.network, False, None, schedule_known=False
        )
    async with sessions() as session:
        known = await get_known_series(session, tvmaze_id=tvmaze_id)
    if known is None:
        return None
    return SeriesCard(tvmaze_id, known.name, None, None, False, None, schedule_known=False)
