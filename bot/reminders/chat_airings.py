"""The tick's extra step: reminders of airings from a chat's own iCal link, to that chat only.

They live in their own table, so the planner's main query over the shared catalogue is
untouched; this step reads only the (few) chat-only airings inside the window. Their dedup
keys (`reminder:<chat>:ical-<airing id>:<lead>`) cannot meet a TVmaze episode's. The
series' own settings apply as to its TVmaze episodes: muted or without reminders, nothing;
its own lead times; "starts and finales only" skips them (an iCal airing has no episode
number, like a special). Quiet hours hold or silence them, and they go to the news topic.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.catalog.schedule import Airing
from bot.chat_settings import Defaults, effective_settings
from bot.delivery.outbox import Push, enqueue_many
from bot.followers import Follower
from bot.message import BotMessage
from bot.reminders.message import reminder_keyboard, reminder_text
from bot.reminders.plan import airing_key_prefix, reminders_for
from bot.series_settings import effective_series_settings, override_of, wants_reminder
from storage.chat_icals import chat_airings_due
from storage.statuses import DeliveryKind


async def plan_chat_airings(
    session: AsyncSession,
    *,
    timed: list[tuple[datetime, datetime]],
    days: tuple[date, date],
    window: tuple[datetime, datetime],
    now: datetime,
    defaults: Defaults,
    chat_id: int | None = None,
    airing_ids: Collection[int] | None = None,
) -> int:
    """Queue the reminders of chat-only airings (of `chat_id`, of `airing_ids` only, if
    given) falling due in `window`; returns how many were new."""
    rows = await chat_airings_due(
        session, timed=timed, first_day=days[0], last_day=days[1], not_before=now,
        chat_id=chat_id, airing_ids=airing_ids,
    )  # fmt: skip
    pushes = []
    for row, series, chat, follow in rows:
        settings = effective_settings(
            chat, default_language=defaults.language, default_timezone=defaults.timezone
        )
        own = effective_series_settings(settings, override_of(follow))
        if not wants_reminder(own, season_edge=False):
            continue
        follower = Follower(
            chat_id=chat.id,
            series_id=series.id,
            language=settings.language,
            timezone=settings.timezone,
            lead_minutes=own.reminded_leads,
            quiet_hours=settings.quiet_hours,
            topic_id=chat.news_topic_id,
            quiet_hold=settings.quiet_hold,
        )
        airing = Airing(
            episode_id=row.id,
            series_id=series.id,
            series_title=series.title,
            season=None,
            number=None,
            title=row.title,
            airstamp=row.airstamp,
            airdate=row.airdate,
            channel=row.channel,
        )
        keyboard = reminder_keyboard(series.tvmaze_id, language=settings.language)
        for reminder in reminders_for(
            airing, follower, window_start=window[0], window_end=window[1], now=now
        ):
            text = reminder_text(
                airing,
                at=max(reminder.send_at, now),
                timezone=settings.timezone,
                language=settings.language,
            )
            pushes.append(
                Push(
                    chat_id=chat.id,
                    kind=DeliveryKind.REMINDER,
                    dedup_key=airing_key_prefix(chat.id, row.id) + reminder.lead,
                    message=BotMessage(
                        text, keyboard, silent=reminder.silent, thread_id=follower.topic_id
                    ),
                    not_before=reminder.send_at,
                )
            )
    return await enqueue_many(session, pushes) if pushes else 0
