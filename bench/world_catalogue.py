"""The world catalogue: one full pass over a TVmaze-sized show index, and the matcher with it.

Usage: python -m bench.world_catalogue [--shows 100000]

The pass runs the real `sync_show_index` against the fake TVmaze and a SQLite file (plus
PostgreSQL when BENCH_DATABASE_URL is set: its public schema is wiped). The rate limiter runs
on a virtual clock, so the pass takes its real database and HTTP time while the printed
duration at the rate limit is the time the limiter would have made it wait. The matcher's
memory is what tracemalloc sees after a build (pyahocorasick allocates through Python).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.matching import make_catalogue, make_items, word
from bot.catalog.rate_limit import SlidingWindowLimiter
from bot.catalog.show_index import sync_show_index
from bot.catalog.tvmaze import BACKGROUND_RESERVE, CALLS_PER_WINDOW, WINDOW_SECONDS, TvmazeClient
from bot.news.match import SeriesMatcher
from storage.db import create_engine, create_session_factory
from storage.known_series import known_series_names
from storage.migrate import upgrade_database
from tests.fake_tvmaze import FakeTvmaze

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


def index_entries(count: int, rng: random.Random) -> dict[int, dict[str, object]]:
    """Index entries with the fields a client reads (the real ones carry more)."""
    return {
        tvmaze_id: {
            "id": tvmaze_id,
            "name": " ".join(word(rng) for _ in range(rng.randint(1, 4))),
            "premiered": f"{1950 + tvmaze_id % 76}-01-01",
            "language": rng.choice(["English", "German", "Spanish", "Japanese"]),
        }
        for tvmaze_id in range(1, count + 1)
    }


async def one_pass(url: str, shows: dict[int, dict[str, object]]) -> list[str]:
    engine = create_engine(url)
    if url.startswith("postgresql"):
        async with engine.begin() as connection:
            await connection.execute(text("DROP SCHEMA public CASCADE"))
            await connection.execute(text("CREATE SCHEMA public"))
    await upgrade_database(engine)
    sessions = create_session_factory(engine)
    virtual = [0.0]

    async def wait(seconds: float) -> None:
        virtual[0] += seconds
        await asyncio.sleep(0)

    limiter = SlidingWindowLimiter(
        CALLS_PER_WINDOW, WINDOW_SECONDS, clock=lambda: virtual[0], sleep=wait
    )
    async with FakeTvmaze() as tvmaze, httpx.AsyncClient(timeout=30) as http:
        tvmaze.shows = shows  # type: ignore[assignment]
        client = TvmazeClient(tvmaze.base_url, http, limiter=limiter)
        started = time.perf_counter()
        report = await sync_show_index(
            sessions=sessions,
            client=client,
            now=NOW,
            refresh_every=timedelta(days=7),
            max_pages=10_000,
        )
        wall = time.perf_counter() - started
        started = time.perf_counter()
        async with sessions() as session:
            names = await known_series_names(session)
        loaded = time.perf_counter() - started
    await engine.dispose()
    dialect = url.split("+")[0]
    return [
        f"{dialect}: {report.pages} pages, {report.shows:,} shows, {report.calls} TVmaze calls; "
        f"{virtual[0]:,.0f} s at the background share of the rate limit "
        f"(at most {CALLS_PER_WINDOW - BACKGROUND_RESERVE} of {CALLS_PER_WINDOW} calls per "
        f"{WINDOW_SECONDS:g} s); {wall:.1f} s of own work (HTTP + database); "
        f"names for the matcher loaded in {loaded:.2f} s ({len(names):,})",
    ]


def matcher_figures(known: list[str]) -> list[str]:
    rng = random.Random(6)
    titles = make_catalogue(rng)
    items = make_items(rng, titles)
    lines = []
    for label, names in (("followed titles only", []), ("plus the world catalogue", known)):
        started = time.perf_counter()
        matcher = SeriesMatcher(titles, names)
        built = time.perf_counter() - started
        started = time.perf_counter()
        for title, summary in items:
            matcher.match(title, summary)
        rate = len(items) / (time.perf_counter() - started)
        size = matcher.size
        del matcher
        tracemalloc.start()  # a second build, traced, for the memory it holds
        matcher = SeriesMatcher(titles, names)
        held = tracemalloc.get_traced_memory()[0] / 2**20
        tracemalloc.stop()
        del matcher
        lines.append(
            f"matcher, {len(titles):,} titles {label} ({size:,} patterns): built in "
            f"{built:.2f} s, holds {held:,.0f} MiB, {rate:,.0f} items/s"
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shows", type=int, default=100_000)
    args = parser.parse_args()
    shows = index_entries(args.shows, random.Random(10))
    calls = -(-args.shows // 250) + 1  # every page, and the 404 past the last one
    full = calls / CALLS_PER_WINDOW * WINDOW_SECONDS
    print(f"index of {args.shows:,} shows; with the whole budget a pass would take {full:,.0f} s")
    with tempfile.TemporaryDirectory() as directory:
        urls = [f"sqlite+aiosqlite:///{directory}/index.sqlite3"]
        if os.environ.get("BENCH_DATABASE_URL"):
            urls.append(os.environ["BENCH_DATABASE_URL"])
        for url in urls:
            for line in asyncio.run(one_pass(url, shows)):
                print(line)
    known = [str(entry["name"]) for entry in shows.values()]
    del shows
    for line in matcher_figures(known):
        print(line)


if __name__ == "__main__":
    main()
