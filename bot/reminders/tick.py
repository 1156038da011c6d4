"""The reminder tick: plan what falls due in the next window and write it into the outbox.

State is only in the database: `tick_state` says how far planning got and the outbox's dedup
keys make an overlapping or repeated window harmless, so a restart or a misfired job can
neither lose nor double a reminder. Unsent reminders of a moved episode are re-planned at the
new time; those of a removed episode are cancelled. A chat that changes what it follows or
how it wants reminders is planned anew at once (`replan_chat`), so a reminder planned or held
before the change never goes out against it; so are a chat's own iCal airings when they are
stored new, moved or gone (`replan_chat_airings`).
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.catalog.schedule import Airing, airing_of
from bot.chat_settings import LEAD_CHOICES, Defaults
from bot.delivery import outbox
from bot.delivery.outbox import Encodings, Push, enqueue_many
from bot.followers import Follower, reminder_followers
from bot.message import BotMessage, Keyboard
from bot.reminders.chat_airings import plan_chat_airings
from bot.reminders.message import reminder_keyboard, reminder_text
from bot.reminders.plan import (
    DAY_LEAD,
    PlannedReminder,
    chat_airings_key_prefix,
    dedup_key,
    remind_moment,
    reminders_for,
    zone_named,
)
from storage.catalog_models import Episode, Series
from storage.chat_icals import chat_airing_ids, pending_chat_airing_reminders
from storage.reminders import (
    chat_timezones,
    episodes_airing,
    existing_episode_ids,
    get_done_until,
    pending_chat_reminders,
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


def _timed_ranges(start: datetime, end: datetime) -> dict[int, tuple[datetime, datetime]]:
    """Per lead time: the air-time range whose reminders can fall into (start, end]."""
    ranges = {}
    for lead in LEAD_CHOICES:
        margin = DST_MARGIN if lead == DAY_LEAD else timedelta(0)
        offset = timedelta(minutes=lead)
        ranges[lead] = (start + offset - margin, end + offset + margin)
    return ranges


def _candidates(
    airings: Iterable[Airing],
    *,
    ranges: dict[int, tuple[datetime, datetime]],
    window: tuple[datetime, datetime],
    zones: Collection[str],
    moved: set[int],
    now: datetime,
) -> dict[int | None, list[int]]:
    """Lead time (None: date-only releases) → the episodes whose reminders at that lead may
    fall due: a follower's lead times are joined in the database, lead by lead, so that only
    the followers wanting that lead come back. "1 day before" is kept only where it falls
    into the window in one of the `zones` chats are in: its range has an hour's margin for
    DST, which in a steady tick would hold thirty times the episodes that are due."""
    candidates: dict[int | None, list[int]] = {None: [], **{lead: [] for lead in ranges}}
    start, end = window
    for airing in airings:
        if airing.airstamp is None:
            candidates[None].append(airing.episode_id)
            continue
        if airing.airstamp <= now:
            continue  # reminders of what has started are pointless
        airstamp = airing.airstamp
        for lead, (low, high) in ranges.items():
            if airing.episode_id in moved or (
                low < airstamp <= high
                and (
                    lead != DAY_LEAD
                    or any(
                        start < remind_moment(airstamp, lead, zone_named(zone)) <= end
                        for zone in zones
                    )
                )
            ):
                candidates[lead].append(airing.episode_id)
    return candidates


async def _reconcile(session: AsyncSession, moved: set[int]) -> tuple[int, int]:
    """Drop unsent reminders of moved episodes (re-planned below), cancel removed ones."""
    pending = await pending_reminders(session)
    existing = await existing_episode_ids(session, ids={e for _, e in pending if e is not None})
    removed = [row for row, episode in pending if episode not in existing]
    shifted = [row for row, episode in pending if episode in moved]
    await outbox.cancel(session, ids=removed, reason="episode removed from the TV data")
    await outbox.withdraw(session, ids=shifted)
    return len(shifted), len(removed)


class _Texts:
    """Reminder texts, rendered once per episode, language, local air time and local day:
    thousands of followers of one episode mostly share them. A text shows local times only,
    so zones that agree on them (Berlin and Vienna, say) share it too."""

    def __init__(self, airings: dict[int, Airing], now: datetime) -> None:
        self._airings, self._now = airings, now
        self._cache: dict[tuple[int, str, datetime | None, date], str] = {}

    def of(self, reminder: PlannedReminder, follower: Follower) -> str:
        airing = self._airings[reminder.episode_id]
        zone = zone_named(follower.timezone)
        at = max(reminder.send_at, self._now)
        wall = None if airing.airstamp is None else airing.airstamp.astimezone(zone)
        key = (
            reminder.episode_id,
            follower.language,
            None if wall is None else wall.replace(tzinfo=None),
            at.astimezone(zone).date(),
        )
        text = self._cache.get(key)
        if text is None:
            text = self._cache[key] = reminder_text(
                airing, at=at, timezone=follower.timezone, language=follower.language
            )
        return text


class _SharedPlans:
    """The reminders of an episode depend on a follower's zone, language, quiet hours and lead
    times, not on the chat: planned (and their message built) once per such group, then
    addressed to each chat in it."""

    def __init__(
        self,
        airings: dict[int, Airing],
        texts: _Texts,
        *,
        moved: set[int],
        window: tuple[datetime, datetime],
        since_moved: datetime,
        now: datetime,
        tvmaze_ids: dict[int, int],
    ) -> None:
        self._airings, self._texts, self._moved, self._now = airings, texts, moved, now
        self._window, self._since_moved = window, since_moved
        self._tvmaze_ids = tvmaze_ids  # series id → TVmaze id, for the card button
        self._cache: dict[tuple[object, ...], list[tuple[PlannedReminder, BotMessage]]] = {}
        self._keyboards: dict[tuple[int, str], Keyboard] = {}

    def _keyboard(self, episode_id: int, language: str) -> Keyboard:
        series_id = self._airings[episode_id].series_id
        key = (series_id, language)
        if key not in self._keyboards:
            self._keyboards[key] = reminder_keyboard(self._tvmaze_ids[series_id], language=language)
        return self._keyboards[key]

    def of(self, episode_id: int, follower: Follower) -> list[tuple[PlannedReminder, BotMessage]]:
        key = (
            episode_id, follower.timezone, follower.language, follower.quiet_hours,
            follower.lead_minutes, follower.quiet_hold, follower.topic_id,
        )  # fmt: skip
        shared = self._cache.get(key)
        if shared is None:
            start, end = self._window
            if episode_id in self._moved:  # a moved episode: its whole future, not this window
                start = min(start, self._since_moved)
            planned = reminders_for(
                self._airings[episode_id], follower, window_start=start, window_end=end,
                now=self._now,
            )  # fmt: skip
            keyboard = self._keyboard(episode_id, follower.language)
            topic = follower.topic_id
            shared = self._cache[key] = [
                (r, BotMessage(self._texts.of(r, follower), keyboard, None, r.silent, topic))
                for r in planned
            ]
        return shared


def _days(start: datetime, end: datetime) -> tuple[date, date]:
    """The local days a window can touch, in any zone (date-only releases)."""
    return start.date() - timedelta(days=1), end.date() + timedelta(days=1)


async def _episodes_in(
    session: AsyncSession,
    ranges: dict[int, tuple[datetime, datetime]],
    window: tuple[datetime, datetime],
    *,
    changed_since: datetime,
    now: datetime,
    chat_id: int | None = None,
    series_ids: Collection[int] | None = None,
) -> list[tuple[Episode, Series]]:
    first_day, last_day = _days(*window)
    return await episodes_airing(
        session, timed=list(ranges.values()), first_day=first_day, last_day=last_day,
        changed_since=changed_since, not_before=now, chat_id=chat_id, series_ids=series_ids,
    )  # fmt: skip


async def _write(
    session: AsyncSession,
    *,
    candidates: dict[int | None, list[int]],
    plans: _SharedPlans,
    defaults: Defaults,
    chat_id: int | None = None,
) -> int:
    """Queue the planned reminders of every follower (or only `chat_id`) of the candidates."""
    written, encodings = 0, Encodings()  # the batches share most of their messages
    for lead, episode_ids in candidates.items():
        batches = reminder_followers(
            session, episode_ids=episode_ids, lead=lead, defaults=defaults, chat_id=chat_id
        )
        async for batch in batches:
            pushes = [
                Push(
                    chat_id=chat,
                    kind=DeliveryKind.REMINDER,
                    dedup_key=dedup_key(chat, episode_id, reminder.lead),
                    message=message,
                    not_before=reminder.send_at,
                    episode_id=episode_id,
                )
                for episode_id, follower, chats in batch
                for reminder, message in plans.of(episode_id, follower)
                for chat in chats
            ]
            written += await enqueue_many(session, pushes, encodings=encodings)
    return written


async def plan_due_reminders(
    *,
    sessions: async_sessionmaker[AsyncSession],
    now: datetime,
    lookahead: timedelta,
    defaults: Defaults,
) -> TickReport:
    async with sessions.begin() as session:
        done_until = await get_done_until(session, name=TICK_NAME, lock=True)
        # Resume where the last tick stopped; after downtime that covers the gap.
        start = done_until or now - FIRST_RUN_LOOKBACK
        last_run = start - lookahead if done_until else start
        end = max(now + lookahead, start)
        ranges = _timed_ranges(start, end)
        rows = await _episodes_in(session, ranges, (start, end), changed_since=last_run, now=now)
        airings = {episode.id: airing_of(episode, series) for episode, series in rows}
        moved = {episode.id for episode, _ in rows if episode.changed_at > last_run}
        shifted, cancelled = await _reconcile(session, moved)
        texts = _Texts(airings, now)
        zones = {zone or defaults.timezone for zone in await chat_timezones(session)}
        candidates = _candidates(
            airings.values(), ranges=ranges, window=(start, end), zones=zones, moved=moved, now=now
        )
        plans = _SharedPlans(
            airings, texts, moved=moved, window=(start, end), since_moved=now - FIRST_RUN_LOOKBACK,
            now=now, tvmaze_ids={series.id: series.tvmaze_id for _, series in rows},
        )  # fmt: skip
        written = await _write(session, candidates=candidates, plans=plans, defaults=defaults)
        written += await plan_chat_airings(
            session, timed=list(ranges.values()), days=_days(start, end), window=(start, end),
            now=now, defaults=defaults,
        )  # fmt: skip
        await set_done_until(session, name=TICK_NAME, done_until=end)
    if written or shifted or cancelled:
        logger.info("reminders: %d written, %d moved, %d cancelled", written, shifted, cancelled)
    return TickReport(start, end, written, shifted, cancelled)


async def withdraw_chat_reminders(
    session: AsyncSession, *, chat_id: int, series_ids: Collection[int] | None = None
) -> None:
    """Forget the chat's unsent reminders of episodes and of its own iCal airings (of
    `series_ids`, if given)."""
    pending = await pending_chat_reminders(session, chat_id=chat_id, series_ids=series_ids)
    prefix = chat_airings_key_prefix(chat_id)
    ical = await pending_chat_airing_reminders(session, key_prefix=prefix)
    if series_ids is not None and ical:
        airings = await chat_airing_ids(session, chat_id=chat_id, series_ids=series_ids)
        ical = [(row, key) for row, key in ical if _airing_id(key, prefix) in airings]
    await outbox.withdraw(session, ids=pending + [row_id for row_id, _ in ical])


async def replan_chat_airings(
    session: AsyncSession,
    *,
    chat_id: int,
    airing_ids: Collection[int],
    defaults: Defaults,
    now: datetime,
) -> int:
    """Plan anew the reminders of a chat's own airings that were just stored new, moved or
    gone (`airing_ids`): their unsent reminders are withdrawn, and what the tick has planned
    so far is planned again at the stored times. As for a moved episode, a reminder whose
    moment passed is planned while its airing has not started; a sent one stays sent (its
    dedup key holds). Never commits; returns how many reminders were written."""
    if not airing_ids:
        return 0
    # First wait for a running tick: it may have read the airings before they changed.
    end = await get_done_until(session, name=TICK_NAME, lock=True)
    prefix = chat_airings_key_prefix(chat_id)
    pending = await pending_chat_airing_reminders(session, key_prefix=prefix)
    await outbox.withdraw(
        session, ids=[row for row, key in pending if _airing_id(key, prefix) in airing_ids]
    )
    if end is None:
        return 0  # nothing planned yet: the first tick plans it all
    start = now - FIRST_RUN_LOOKBACK
    return await plan_chat_airings(
        session, timed=list(_timed_ranges(start, end).values()), days=_days(start, end),
        window=(start, end), now=now, defaults=defaults, chat_id=chat_id, airing_ids=airing_ids,
    )  # fmt: skip


def _airing_id(dedup_key: str, prefix: str) -> int:
    """`reminder:<chat>:ical-<airing id>:<lead>` → the airing id."""
    return int(dedup_key.removeprefix(prefix).partition(":")[0])


async def replan_chat(
    session: AsyncSession,
    *,
    chat_id: int,
    timezone: str,
    defaults: Defaults,
    now: datetime,
    series_ids: Collection[int] | None = None,
) -> int:
    """Plan a chat's reminders anew after it changed what it follows (`series_ids`) or how it
    wants reminders (all its series): its unsent reminders of those series are withdrawn, and
    what the tick has planned so far is planned again from the chat's current follows and
    settings. Like a moved episode's, a reminder whose moment passed is planned while its
    episode has not started; a sent one stays sent (its dedup key holds). `timezone` is the
    chat's effective zone. Never commits; returns how many reminders were written."""
    # First wait for a running tick: it may have read the chat's settings before the change.
    end = await get_done_until(session, name=TICK_NAME, lock=True)
    await withdraw_chat_reminders(session, chat_id=chat_id, series_ids=series_ids)
    if end is None:
        return 0  # nothing planned yet: the first tick plans it all
    start = now - FIRST_RUN_LOOKBACK
    ranges = _timed_ranges(start, end)
    rows = await _episodes_in(
        session, ranges, (start, end), now=now, chat_id=chat_id, series_ids=series_ids,
        changed_since=end,  # none counts as moved: the whole range is planned anyway
    )  # fmt: skip
    airings = {episode.id: airing_of(episode, series) for episode, series in rows}
    candidates = _candidates(
        airings.values(), ranges=ranges, window=(start, end), zones={timezone}, moved=set(),
        now=now,
    )  # fmt: skip
    plans = _SharedPlans(
        airings, _Texts(airings, now), moved=set(), window=(start, end), since_moved=start,
        now=now, tvmaze_ids={series.id: series.tvmaze_id for _, series in rows},
    )  # fmt: skip
    written = await _write(
        session, candidates=candidates, plans=plans, defaults=defaults, chat_id=chat_id
    )
    return written + await plan_chat_airings(
        session, timed=list(ranges.values()), days=_days(start, end), window=(start, end),
        now=now, defaults=defaults, chat_id=chat_id,
    )  # fmt: skip
