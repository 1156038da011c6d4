"""Duration of poll ticks over 300 local feeds of which 5% hang, trickle or fail.

Usage: python bench/ingest.py [whole-request deadline in seconds, default as in production]
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.catalog.normalize import normalize_title
from bot.http_fetch import FetchLimits, make_feed_client
from bot.news.poll import NewsPoller
from storage.catalog_models import Series, SeriesAlias
from storage.db import create_engine, create_session_factory
from storage.feeds import seed_feeds
from storage.migrate import upgrade_database
from tests.fake_feeds import FeedServer, Route, rss

FEEDS = 300
ITEMS_PER_FEED = 30
POLL_SECONDS = 600


def feed_items(index: int, generation: int) -> bytes:
    items = [
        {"guid": f"{index}-{g}-{n}", "title": f"„Serie {index % 50}“ Staffel {n} verlängert {g}"}
        for g in range(generation + 1)
        for n in range(ITEMS_PER_FEED if g == 0 else 1)
    ]
    return rss(items)


def routes(server: FeedServer, generation: int) -> None:
    for index in range(FEEDS):
        kind = index % 20  # 1 in 20 = 5% misbehave
        if kind == 0:
            route = Route(hang=True) if index % 60 == 0 else Route(b"", status=500)
            if index % 60 == 20:
                route = Route(feed_items(index, generation), trickle_seconds=0.5)
        else:
            route = Route(feed_items(index, generation))
        server.routes[f"/{index}.xml"] = route


async def main() -> None:
    total = float(sys.argv[1]) if len(sys.argv) > 1 else FetchLimits().total_seconds
    limits = FetchLimits(total_seconds=total)
    with tempfile.TemporaryDirectory() as folder:
        engine = create_engine(f"sqlite+aiosqlite:///{folder}/bench.sqlite3")
        await upgrade_database(engine)
        sessions = create_session_factory(engine)
        async with FeedServer() as server, make_feed_client(limits) as client:
            now = datetime.now(UTC)
            async with sessions.begin() as session:
                for number in range(50):
                    series = Series(tvmaze_id=number, title=f"Serie {number}", status="Running")
                    session.add(series)
                    await session.flush()
                    name = f"Serie {number}"
                    session.add(
                        SeriesAlias(
                            series_id=series.id, name=name, normalized=normalize_title(name)
                        )
                    )
                urls = [server.url(f"/{index}.xml") for index in range(FEEDS)]
                await seed_feeds(session, urls=urls, now=now)
            poller = NewsPoller(
                sessions=sessions, client=client, limits=limits, poll_seconds=POLL_SECONDS
            )
            print(f"{FEEDS} feeds, 5% hanging, trickling or failing; deadline {total:g} s/feed")
            for generation, label in ((0, "first tick (silent)"), (1, "next tick (1 new/feed)")):
                routes(server, generation)
                started = time.perf_counter()
                result = await poller.tick(now=now + timedelta(seconds=generation * POLL_SECONDS))
                elapsed = time.perf_counter() - started
                print(
                    f"{label}: {elapsed:.2f} s — {result.polled} polled, {result.stored} stored, "
                    f"{len(result.new_items)} to announce, {result.errors} errors"
                )
        await engine.dispose()


if __name__ == "__main__":
    asyncio.run(main())
