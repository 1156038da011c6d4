"""Reminder planning benchmark: one tick over a large catalogue, printed as figures.

100,000 chats × 10 follows over 5,000 series with 50,000 upcoming episodes (60 days).
Two ticks are measured: a steady one (the window of two ticks) and the catch-up after a
day of downtime (every reminder whose moment passed while its episode has not started).
Each is timed (wall clock and this process's CPU, which includes SQLite but not a PostgreSQL
server), then run again under tracemalloc for its peak memory.

    python -m bench.reminders                  # SQLite in a temporary directory
    python -m bench.reminders --chats 20000    # smaller
    python -m bench.reminders --chats 20000 --chat-icals 2000  # chats' own iCal airings too
    python -m bench.reminders --overrides 0.1  # a tenth of the follows with their own settings
    BENCH_DATABASE_URL=postgresql+asyncpg://… python -m bench.reminders  # PostgreSQL (wipes it!)
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import tempfile
import time
import tracemalloc
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, insert, text

from bot.chat_settings import Defaults
from bot.reminders.tick import plan_due_reminders
from storage.catalog_models import Episode, Follow, Series, TickState
from storage.chat_ical_models import ChatAiring, ChatIcal
from storage.db import create_engine, create_session_factory
from storage.delivery_models import Delivery
from storage.migrate import upgrade_database
from storage.models import Chat

NOW = datetime(2026, 11, 24, 18, 0, tzinfo=UTC)
CHAT_AIRINGS = 20  # per chat-own iCal link, over the 60 days
LEAD_SETS = ([60], [15, 1440], [0, 15, 60, 1440], [1440], [15])
ZONES = ("Europe/Berlin", "Europe/Vienna", "America/New_York", "Europe/London", None)


def _own(rng: random.Random, share: float) -> dict[str, object]:
    """A follow's own settings (a `share` of follows has some), drawn apart from the rest of
    the data: the same catalogue with and without overrides."""
    if rng.random() >= share:
        return {"muted": False, "lead_minutes": None, "edges_only": False}
    return {"muted": rng.random() < 0.2, "lead_minutes": rng.choice((*LEAD_SETS, [])),
            "edges_only": rng.random() < 0.3}  # fmt: skip


async def fill(
    sessions,
    chats: int,
    series: int,
    episodes: int,
    follows: int,
    chat_icals: int,
    overrides: float = 0.0,
) -> None:
    rng, own_rng = random.Random(7), random.Random(11)
    async with sessions.begin() as session:
        await session.execute(
            insert(Series),
            [{"id": i, "tvmaze_id": i, "title": f"Series {i}", "status": "Running"}
             for i in range(1, series + 1)],
        )  # fmt: skip
        span = int(timedelta(days=60).total_seconds())
        rows = []
        for i in range(1, episodes + 1):
            airs = NOW + timedelta(seconds=rng.randrange(-3600, span))
            rows.append({"id": i, "series_id": rng.randrange(1, series + 1), "tvmaze_id": i,
                         "season": 1, "number": i % 20 + 1, "title": f"Episode {i}",
                         "airstamp": airs, "airdate": airs.date(), "channel": "ZDF",
                         "changed_at": NOW - timedelta(days=7)})  # fmt: skip
        await session.execute(insert(Episode), rows)
        await session.execute(
            insert(Chat),
            [{"id": i, "telegram_id": i, "type": "private", "language": rng.choice(["de", "en"]),
              "timezone": rng.choice(ZONES), "lead_minutes": rng.choice(LEAD_SETS),
              "news_kinds": [], "status": "active"} for i in range(1, chats + 1)],
        )  # fmt: skip
        pairs = []
        for chat in range(1, chats + 1):
            for series_id in rng.sample(range(1, series + 1), follows):
                pairs.append({"chat_id": chat, "series_id": series_id, **_own(own_rng, overrides)})
        for start in range(0, len(pairs), 50_000):
            await session.execute(insert(Follow), pairs[start : start + 50_000])
        await fill_chat_icals(session, rng, pairs[::follows][:chat_icals])


async def fill_chat_icals(session, rng: random.Random, follows: list[dict[str, int]]) -> None:
    """A chat's own iCal link on one followed series each, with CHAT_AIRINGS airings."""
    if not follows:
        return
    await session.execute(insert(ChatIcal), [{**pair, "url": "https://tv.example/x.ics"}
                                             for pair in follows])  # fmt: skip
    span = int(timedelta(days=60).total_seconds())
    rows = []
    for pair in follows:
        for n in range(CHAT_AIRINGS):
            airs = NOW + timedelta(seconds=rng.randrange(-3600, span))
            rows.append({**pair, "uid": f"tv-{n}", "title": f"Airing {n}", "airstamp": airs,
                         "airdate": airs.date(), "channel": "ZDFneo"})  # fmt: skip
    for start in range(0, len(rows), 50_000):
        await session.execute(insert(ChatAiring), rows[start : start + 50_000])


async def reset(sessions, done_until: datetime) -> None:
    async with sessions.begin() as session:
        await session.execute(delete(Delivery))
        await session.execute(delete(TickState))
        session.add(TickState(name="reminders", done_until=done_until))


async def measure(sessions, label: str, done_until: datetime) -> None:
    await reset(sessions, done_until)
    started, cpu = time.perf_counter(), time.process_time()
    report = await plan_due_reminders(
        sessions=sessions,
        now=NOW,
        lookahead=timedelta(minutes=2),
        defaults=Defaults("de", "Europe/Berlin"),
    )
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    await reset(sessions, done_until)
    tracemalloc.start()
    await plan_due_reminders(
        sessions=sessions,
        now=NOW,
        lookahead=timedelta(minutes=2),
        defaults=Defaults("de", "Europe/Berlin"),
    )
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(
        f"{label:<34} {seconds:8.2f} s (bench CPU {cpu:5.2f} s)  {report.written:>9,} rows  "
        f"peak {peak / 2**20:7.1f} MiB"
    )


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chats", type=int, default=100_000)
    parser.add_argument("--follows", type=int, default=10)
    parser.add_argument("--series", type=int, default=5_000)
    parser.add_argument("--episodes", type=int, default=50_000)
    parser.add_argument(
        "--chat-icals", type=int, default=0, help="chats with their own iCal link on a series"
    )
    parser.add_argument("--overrides", type=float, default=0.0, help="share of follows")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite+aiosqlite:///{folder}/bench.sqlite3"
        engine = create_engine(url)
        if url.startswith("postgresql"):
            async with engine.begin() as connection:
                await connection.execute(text("DROP SCHEMA public CASCADE"))
                await connection.execute(text("CREATE SCHEMA public"))
        await upgrade_database(engine)
        sessions = create_session_factory(engine)
        started = time.perf_counter()
        await fill(
            sessions,
            args.chats,
            args.series,
            args.episodes,
            args.follows,
            args.chat_icals,
            args.overrides,
        )
        if url.startswith("postgresql"):
            async with engine.begin() as connection:  # committed: else its statistics roll back
                await connection.execute(text("ANALYZE"))
        print(
            f"{engine.dialect.name}: {args.chats:,} chats × {args.follows} follows, "
            f"{args.series:,} series, "
            f"{args.episodes:,} episodes over 60 days, "
            f"{args.chat_icals:,} chat iCal links × {CHAT_AIRINGS} airings "
            f"{args.overrides:.0%} of follows with their own settings "
            f"(filled in {time.perf_counter() - started:.0f} s)"
        )
        await measure(sessions, "steady tick (2-minute window)", NOW)
        await measure(sessions, "catch-up after 1 day of downtime", NOW - timedelta(days=1))
        await engine.dispose()


if __name__ == "__main__":
    asyncio.run(main())
