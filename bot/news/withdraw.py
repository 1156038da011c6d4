"""Withdraw the news a chat no longer wants: after it unfollows or mutes a series, its unsent
news about that series (held for its digest or its quiet hours) never goes out.

An item also about another series the chat follows unmuted stays. A digest heading left
without an item at its moment goes as well, so a digest with nothing left sends nothing.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.delivery import outbox
from bot.news.fanout import DIGEST_HEADING, news_item_of
from storage.deliveries import unsent_news
from storage.feeds import items_followed_unmuted


def unwanted_news(
    unsent: Iterable[tuple[int, str, datetime]], *, wanted_items: Collection[int]
) -> list[int]:
    """The rows (id, dedup key, not before) of items not in `wanted_items`, and the digest
    headings no remaining item goes out with."""
    rows = list(unsent)
    dropped = {
        row_id
        for row_id, key, _ in rows
        if (item := news_item_of(key)) is not None and item not in wanted_items
    }
    items_left = {
        not_before
        for row_id, key, not_before in rows
        if row_id not in dropped and news_item_of(key) is not None
    }
    headings = {
        row_id
        for row_id, key, not_before in rows
        if key.startswith(DIGEST_HEADING) and not_before not in items_left
    }
    return sorted(dropped | headings)


async def withdraw_unwanted_news(session: AsyncSession, *, chat_id: int) -> None:
    """Forget the chat's unsent news about no series it follows unmuted (call it after the
    unfollow or mute is in the session). Never commits."""
    unsent = await unsent_news(session, chat_id=chat_id)
    items = {item for _, key, _ in unsent if (item := news_item_of(key)) is not None}
    wanted = await items_followed_unmuted(session, chat_id=chat_id, item_ids=items)
    await outbox.withdraw(session, ids=unwanted_news(unsent, wanted_items=wanted))
