"""The reminder tick: plan what falls due in the next window and write it into the outbox.

State is only in the database: `tick_state` says how far planning got and the outbox's dedup
keys make an overlapping or repeated window harmless, so a restart or a misfired job can
neither lose nor double a reminder. Unsent reminders of a moved episode are re-planned at the
new time; those of a removed episode are cancelled.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.catalog.schedule import Airing, airing_of
from bot.chat_settings import LEAD_CHOICES, Defaults
from bot.delivery import outbox
from bot.delivery.outbox import Push, enqueue_many
from bot.followers import Follower, load_followers
from bot.message import BotMessage, Keyboard
from bot.reminders.message import reminder_keyboard, reminder_text
from bot.reminders.plan import (
    DAY_LEAD,
    PlannedReminder,
    plan_reminders,
)
from storage.reminders import (
    episodes_airing,
    existing_episode_ids,
    get_done_until,
    pending_reminders,
    set_done_until,
)
from storage.statuses import DeliveryKind

logger = logging.getLogger(__name__)

TICK_NAME = "reminders"
FIRST_RUN_LOOKBACK = timedelta(days=1)
DST_MARGIN = timedelta(hours=1)  # "1 day before" is wall-clock time: at most an hour off 24 h


@dataclass(frozen=True)
class TickReport:
    window_start: datetime
    window_end: datetime
    written: int
    moved: int
    cancelled: int


def _timed_ranges(start: datetime, end: datetime) -> list[tuple[datetime, datetime]]:
    """Air-time ranges whose reminders (for any lead time) can fall into (start, end]."""
    ranges = []
    for lead in LEAD_CHOICES:
        margin = DST_MARGIN if lead == DAY_LEAD else timedelta(0)
        offset = timedelta(minutes=lead)
        ranges.append((start + offset - margin, end + offset + margin))
    return ranges


async def _followers(
    session: AsyncSession, series_ids: set[int], defaults: Defaults
) -> tuple[dict[int, list[Follower]], dict[int, Follower]]:
    """Followers per series, and one of each chat (its language and zone, for the texts)."""
    by_series: dict[int, list[Follower]] = {}
    by_chat: dict[int, Follower] = {}
    for follower in await load_followers(session, series_ids=series_ids, defaults=defaults):
        by_series.setdefault(follower.series_id, []).append(follower)
        by_chat[follower.chat_id] = follower
    return by_series, by_chat


async def _reconcile(session: AsyncSession, moved: set[int]) -> tuple[int, int]:
    """Drop unsent reminders of moved episodes (re-planned below), cancel removed ones."""
    pending = [(row.id, row.episode_id) for row in await pending_reminders(session)]
    existing = await existing_episode_ids(session, ids={e for _, e in pending if e is not None})
    removed = [row for row, episode in pending if episode not in existing]
    shifted = [row for row, episode in pending if episode in moved]
    await outbox.cancel(session, ids=removed, reason="episode removed from the TV data")
    await outbox.withdraw(session, ids=shifted)
    return len(shifted), len(removed)


class _Texts:
    """Reminder texts, rendered once per episode, zone, language and day: thousands of
    followers of one episode mostly share them."""

    def __init__(
        self,
        airings: dict[int, Airing],
        chats: dict[int, Follower],
        now: datetime,
        tvmaze_ids: dict[int, int],
    ) -> None:
        self._airings, self._chats, self._now = airings, chats, now
        self._tvmaze_ids = tvmaze_ids  # series id → TVmaze id, for the card button
        self._cache: dict[tuple[int, str, str, date], str] = {}
        self._keyboards: dict[tuple[int, str], Keyboard] = {}

    def keyboard(self, reminder: PlannedReminder) -> Keyboard:
        series_id = self._airings[reminder.episode_id].series_id
        language = self._chats[reminder.chat_id].language
        key = (series_id, language)
        if key not in self._keyboards:
            self._keyboards[key] = reminder_keyboard(self._tvmaze_ids[series_id], language=language)
        return self._keyboards[key]

    def of(self, reminder: PlannedReminder) -> str:
        current = self._chats[reminder.chat_id]
        at = max(reminder.remind_at, self._now)
        day = at.astimezone(ZoneInfo(current.timezone)).date()
        key = (reminder.episode_id, current.timezone, current.language, day)
        if key not in self._cache:
            self._cache[key] = reminder_text(
                self._airings[reminder.episode_id],
                at=at,
                timezone=current.timezone,
                language=current.language,
            )
        return self._cache[key]


async def plan_due_reminders(
    *,
    sessions: async_sessionmaker[AsyncSession],
    now: datetime,
    lookahead: timedelta,
    defaults: Defaults,
) -> TickReport:
    async with sessions.begin() as session:
        done_until = await get_done_until(session, name=TICK_NAME)
        # Resume where the last tick stopped; after downtime that covers the gap.
        start = done_until or now - FIRST_RUN_LOOKBACK
        last_run = start - lookahead if done_until else start
        end = max(now + lookahead, start)
        rows = await episodes_airing(
            session,
            timed=_timed_ranges(start, end),
            first_day=start.date() - timedelta(days=1),
            last_day=end.date() + timedelta(days=1),
            changed_since=last_run,
            not_before=now,
        )
        airings = {episode.id: airing_of(episode, series) for episode, series in rows}
        moved = {episode.id for episode, _ in rows if episode.changed_at > last_run}
        shifted, cancelled = await _reconcile(session, moved)
        followers, chats = await _followers(
            session, {a.series_id for a in airings.values()}, defaults
        )
        planned = plan_reminders(
            airings=list(airings.values()), followers=followers,
            window_start=start, window_end=end, now=now,
        ) + plan_reminders(  # a moved episode: its whole future, not just this window
            airings=[airings[i] for i in moved], followers=followers,
            window_start=now - FIRST_RUN_LOOKBACK, window_end=start, now=now,
        )  # fmt: skip
        tvmaze_ids = {series.id: series.tvmaze_id for _, series in rows}
        texts = _Texts(airings, chats, now, tvmaze_ids)
        written = await enqueue_many(
            session,
            (
                Push(
                    chat_id=r.chat_id,
                    kind=DeliveryKind.REMINDER,
                    dedup_key=r.dedup_key,
                    message=BotMessage(texts.of(r), texts.keyboard(r), silent=r.silent),
                    not_before=r.remind_at,
                    episode_id=r.episode_id,
                )
                for r in planned
            ),
        )
        await set_done_until(session, name=TICK_NAME, done_until=end)
    if written or shifted or cancelled:
        logger.info("reminders: %d written, %d moved, %d cancelled", written, shifted, cancelled)
    return TickReport(start, end, written, shifted, cancelled)
