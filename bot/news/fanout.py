"""Who gets which news item: a pure plan of one message per (item, chat).

A chat following two series an item is about still gets one message; a chat gets nothing
for kinds it switched off in /settings or for an item it reported as not about its series.
The dedup key is what makes the outbox write idempotent across ticks and restarts.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from bot.followers import Follower

DIGEST_HEADING = "digest:"  # the prefix of every digest heading's dedup key


class NewItem(Protocol):
    """A news item just stored, as the fan-out needs it (the poller's `NewNews`)."""

    @property
    def item_id(self) -> int: ...
    @property
    def series_ids(self) -> Collection[int]: ...
    @property
    def kind(self) -> str: ...


@dataclass(frozen=True)
class PlannedNews:
    item_id: int
    chat_id: int
    series_ids: tuple[int, ...]  # the chat's followed series the item is about, sorted
    kind: str
    language: str
    timezone: str
    dedup_key: str
    quiet_hours: tuple[int, int] | None = None
    topic_id: int | None = None  # the group's news topic
    quiet_hold: bool = False
    digest_hour: int | None = None


def news_dedup_key(item_id: int, chat_id: int) -> str:
    return f"news:{item_id}:{chat_id}"


def news_item_of(dedup_key: str) -> int | None:
    """The item a news row is about (`news_dedup_key`); None for any other row."""
    kind, _, rest = dedup_key.partition(":")
    item = rest.partition(":")[0]
    return int(item) if kind == "news" and item.isdigit() else None


def digest_heading_key(chat_id: int, at: datetime) -> str:
    """The heading of a chat's digest sent at `at` (one per chat and moment)."""
    return f"{DIGEST_HEADING}{chat_id}:{at:%Y%m%dT%H%M}"


def plan_news_fanout(items: Iterable[NewItem], followers: Iterable[Follower]) -> list[PlannedNews]:
    """One planned message per (item, chat) whose settings want the item's kind."""
    by_series: dict[int, list[Follower]] = {}
    for follower in followers:
        by_series.setdefault(follower.series_id, []).append(follower)
    planned: list[PlannedNews] = []
    for item in items:
        chats: dict[int, tuple[Follower, set[int]]] = {}
        for series_id in item.series_ids:
            for follower in by_series.get(series_id, ()):
                if item.kind not in follower.news_kinds or item.item_id in follower.reported:
                    continue
                chats.setdefault(follower.chat_id, (follower, set()))[1].add(series_id)
        for chat_id, (follower, series_ids) in sorted(chats.items()):
            planned.append(
                PlannedNews(
                    item_id=item.item_id,
                    chat_id=chat_id,
                    series_ids=tuple(sorted(series_ids)),
                    kind=item.kind,
                    language=follower.language,
                    timezone=follower.timezone,
                    dedup_key=news_dedup_key(item.item_id, chat_id),
                    quiet_hours=follower.quiet_hours,
                    topic_id=follower.topic_id,
                    quiet_hold=follower.quiet_hold,
                    digest_hour=follower.digest_hour,
                )
            )
    return planned
