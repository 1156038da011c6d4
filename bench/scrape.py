"""What one /metrics scrape costs: the database counts and the text, over a large database.

python -m bench.scrape                                  # 100,000 chats, 1,000,000 deliveries
python -m bench.scrape --chats 10000 --deliveries 100000
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sqlite3
import tempfile
import time
from pathlib import Path

from bot.ops.metrics import Metrics, read_database_counts
from storage.db import create_engine, create_session_factory
from storage.migrate import upgrade_database

NOW = "2026-11-30 12:00:00.000000"


def fill(path: Path, chats: int, deliveries: int) -> None:
    """Rows written directly (the bot's schema, plausible mixes of types and statuses)."""
    rng = random.Random(7)
    connection = sqlite3.connect(path)
    connection.executemany(
        "INSERT INTO chats (id, telegram_id, type, language, lead_minutes, news_kinds, status,"
        " created_at, updated_at) VALUES (?, ?, ?, 'de', '[60]', '[\"renewal\"]', ?, ?, ?)",
        (
            (i, i, rng.choice(["private"] * 9 + ["group"]),
             rng.choice(["active"] * 8 + ["blocked", "left"]), NOW, NOW)
            for i in range(1, chats + 1)
        ),
    )  # fmt: skip
    connection.executemany(
        "INSERT INTO deliveries (chat_id, kind, dedup_key, payload, silent, status, not_before,"
        " attempts, created_at) VALUES (?, ?, ?, '{}', 0, ?, ?, 0, ?)",
        (
            (rng.randint(1, chats), rng.choice(["news", "reminder", "broadcast"]), f"k{i}",
             rng.choice(["sent"] * 17 + ["pending", "failed", "cancelled"]), NOW, NOW)
            for i in range(deliveries)
        ),
    )  # fmt: skip
    connection.commit()
    connection.close()


async def run(chats: int, deliveries: int) -> None:
    directory = Path(tempfile.mkdtemp(prefix="serienwecker-scrape-"))
    url = f"sqlite+aiosqlite:///{directory}/bot.sqlite3"
    engine = create_engine(url)
    await upgrade_database(engine)
    await engine.dispose()
    fill(directory / "bot.sqlite3", chats, deliveries)
    engine = create_engine(url)
    sessions = create_session_factory(engine)
    metrics = Metrics()
    print(f"SQLite, {chats:,} chats, {deliveries:,} deliveries")
    for attempt in range(1, 4):
        started = time.perf_counter()
        async with sessions() as session:
            counts = await read_database_counts(session)
        body = metrics.render(counts)
        milliseconds = 1000 * (time.perf_counter() - started)
        print(f"  scrape {attempt}: {milliseconds:.0f} ms, {len(body):,} bytes of text")
    await engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chats", type=int, default=100_000)
    parser.add_argument("--deliveries", type=int, default=1_000_000)
    args = parser.parse_args()
    asyncio.run(run(args.chats, args.deliveries))


if __name__ == "__main__":
    main()
