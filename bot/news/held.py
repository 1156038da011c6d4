"""News a chat has not received yet follows the chat's settings as they are now.

An item held for the digest or for the end of quiet hours was rendered when it arrived. When
the chat then changes its language, time zone, quiet hours, digest or news kinds, its unsent
items (and their digest headings) are planned anew, as reminders are: in the new language's
frame, at the moment the new settings give, or not at all for a kind switched off.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.chat_settings import Defaults
from bot.delivery import outbox
from bot.delivery.outbox import enqueue_many
from bot.news.announce import plan_news_pushes
from bot.news.fanout import DIGEST_HEADING, news_item_of
from bot.news.poll import NewNews
from storage.deliveries import unsent_news
from storage.feeds import items_with_matches

# A row due by then goes as it was planned: the sender may hold it already, or a chat's rate
# limit may have put it back a little, and planned anew today's digest would move to tomorrow.
DUE_SOON = timedelta(minutes=1)


async def replan_held_news(
    session: AsyncSession, *, chat_id: int, defaults: Defaults, now: datetime
) -> int:
    """Withdraw the chat's news rows held for later and plan them again from its current
    settings (a row due within `DUE_SOON`, or already on the wire, stays as it is). Never
    commits; returns how many were written."""
    rows = [
        (row_id, item)
        for row_id, key, not_before in await unsent_news(session, chat_id=chat_id)
        if not_before > now + DUE_SOON
        and ((item := news_item_of(key)) is not None or key.startswith(DIGEST_HEADING))
    ]
    items = {item for _, item in rows if item is not None}
    if not items:
        return 0
    await outbox.withdraw(session, ids=[row_id for row_id, _ in rows])
    stored = [
        NewNews(item_id, feed_id, series, kind)
        for item_id, feed_id, kind, series in await items_with_matches(session, ids=items)
    ]
    pushes = await plan_news_pushes(session, stored, now=now, defaults=defaults, chat_id=chat_id)
    return await enqueue_many(session, pushes)
