"""The nightly catalogue job: its TVmaze sync may take hours, so every later step reads the
clock afresh, and what the steps store is stamped when it is stored."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from typing import Any

import pytest

from bot import jobs
from bot.catalog.sync import SyncReport

STARTED = datetime(2026, 12, 1, 20, 55, tzinfo=UTC)
SYNC_TAKES = timedelta(minutes=40)


class _Sessions:
    """Enough of a session factory for `async with sessions.begin()`."""

    def begin(self) -> _Sessions:
        return self

    async def __aenter__(self) -> object:
        return object()

    async def __aexit__(self, *exc: object) -> None:
        return None


async def test_steps_after_a_long_sync_use_the_time_they_run_at(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A sync from 20:55 to 21:35: an iCal airing moved at 21:35 was stamped 20:55, older than
    the reminder ticks run meanwhile, so its pending reminders kept the old time; and an
    "ended" alert written at 21:35 judged quiet hours (say from 21:00) by 20:55 and rang."""
    clock = [STARTED]
    seen: dict[str, Any] = {}

    async def sync_followed(**kwargs: Any) -> SyncReport:
        seen["sync"] = kwargs["now"]
        clock[0] += SYNC_TAKES
        return SyncReport(1, 1, 0, 2)

    async def refresh_ical_feeds(*args: Any, **kwargs: Any) -> None:
        seen["ical"] = (kwargs["now"], kwargs["clock"]())

    async def refresh_chat_icals(*args: Any, **kwargs: Any) -> None:
        seen["chat_ical"] = kwargs["now"]

    async def announce_ended_series(session: object, **kwargs: Any) -> int:
        seen["ended"] = kwargs["now"]
        return 0

    monkeypatch.setattr(jobs, "_utc_now", lambda: clock[0])
    monkeypatch.setattr(jobs, "sync_followed", sync_followed)
    monkeypatch.setattr(jobs, "refresh_ical_feeds", refresh_ical_feeds)
    monkeypatch.setattr(jobs, "refresh_chat_icals", refresh_chat_icals)
    monkeypatch.setattr(jobs, "announce_ended_series", announce_ended_series)
    context = SimpleNamespace(
        db=_Sessions(),
        tvmaze=object(),
        bot_data=SimpleNamespace(feed_http=object(), sender=None),
        settings=SimpleNamespace(default_language="de", default_timezone="Europe/Berlin"),
    )
    await jobs.sync_catalog(context)  # type: ignore[arg-type]
    after = STARTED + SYNC_TAKES
    assert seen == {
        "sync": STARTED,
        "ical": (after, after),
        "chat_ical": after,
        "ended": after,
    }
