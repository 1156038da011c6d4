"""Who follows these series and what their settings want: one type and one loader, for the
news fan-out and the reminder planner alike."""

from __future__ import annotations

from collections.abc import AsyncIterator, Collection
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.chat_settings import Defaults, effective_settings
from bot.i18n import language_for
from storage.follows import chats_following, reminder_follows, reports_among


@dataclass(frozen=True)
class Follower:
    """A chat following one series, with its effective settings."""

    chat_id: int  # chats.id
    series_id: int
    language: str
    timezone: str
    lead_minutes: tuple[int, ...] = ()
    quiet_hours: tuple[int, int] | None = None  # minutes after local midnight, may wrap
    news_kinds: frozenset[str] = frozenset()
    topic_id: int | None = None  # the group's news topic (reminders go there too)
    quiet_hold: bool = False  # inside quiet hours: hold until they end (else: silent)
    digest_hour: int | None = None  # local hour of the daily news digest, if the chat has one
    reported: frozenset[int] = frozenset()  # item ids the chat said are not about its series


async def load_followers(
    session: AsyncSession,
    *,
    series_ids: Collection[int],
    defaults: Defaults,
    followed_before: datetime | None = None,
    reports_of: Collection[int] = (),
    chat_id: int | None = None,
) -> list[Follower]:
    """Reachable chats (or only `chat_id`) following any of `series_ids` (since before
    `followed_before`, if given) and not muting it, with the news kinds they want for it and
    their reports among the items `reports_of`."""
    rows = await chats_following(
        session, series_ids=series_ids, followed_before=followed_before, chat_id=chat_id
    )
    reports = await reports_among(session, item_ids=reports_of)
    followers = []
    for series_id, chat, news_kinds in rows:
        settings = effective_settings(
            chat, default_language=defaults.language, default_timezone=defaults.timezone
        )
        followers.append(
            Follower(
                chat_id=chat.id,
                series_id=series_id,
                language=settings.language,
                timezone=settings.timezone,
                lead_minutes=settings.lead_minutes,
                quiet_hours=settings.quiet_hours,
                news_kinds=frozenset(news_kinds),  # the series' own, else the chat's
                topic_id=chat.news_topic_id,
                quiet_hold=settings.quiet_hold,
                digest_hour=settings.digest_hour,
                reported=frozenset(reports.get(chat.id, ())),
            )
        )
    return followers


async def reminder_followers(
    session: AsyncSession,
    *,
    episode_ids: Collection[int],
    lead: int | None,
    defaults: Defaults,
    chat_id: int | None = None,
) -> AsyncIterator[list[tuple[int, Follower, list[int]]]]:
    """(episode id, follower, chat ids) for every reachable chat (or only `chat_id`)
    following the series of one of `episode_ids` that wants a reminder `lead` minutes before
    (None: any reminder, for date-only releases), in batches. A follower's lead times are
    just `lead` then: the others are planned from their own batches.

    Chats with the same settings (language, zone, lead times, quiet hours, topic) come as one
    group with one `Follower`, named for the first of them: what reminders they get depends
    only on those, so they are planned once per group and addressed to each of its chats."""
    async for rows in reminder_follows(
        session, episode_ids=episode_ids, lead=lead, chat_id=chat_id
    ):
        groups: dict[tuple[object, ...], tuple[int, Follower, list[int]]] = {}
        for (episode_id, series_id, chat, language, telegram_language, timezone, quiet_start,
             quiet_end, leads, quiet_hold, topic_id) in rows:  # fmt: skip
            key = (episode_id, language, telegram_language, timezone, quiet_start, quiet_end,
                   None if leads is None else tuple(leads), quiet_hold, topic_id)  # fmt: skip
            group = groups.get(key)
            if group is None:
                follower = Follower(
                    chat_id=chat,
                    series_id=series_id,
                    language=language_for(language, telegram_language, defaults.language),
                    timezone=timezone or defaults.timezone,
                    lead_minutes=(lead,) if lead is not None else tuple(leads or ()),
                    quiet_hours=None if quiet_start is None or quiet_end is None
                    else (quiet_start, quiet_end),
                    topic_id=topic_id,
                    quiet_hold=bool(quiet_hold),
                )  # fmt: skip
                group = groups[key] = (episode_id, follower, [])
            group[2].append(chat)
        yield list(groups.values())
