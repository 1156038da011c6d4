"""End-to-end harness: the real Application, polling a local fake Bot API over HTTP."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator

import pytest

from bot.app import build_application
from bot.config import Settings, load_settings
from bot.runner import run_until_stopped
from tests.fake_feeds import FeedServer
from tests.fake_telegram import FakeTelegram
from tests.fake_tvmaze import FakeTvmaze

TOKEN = "123:abc"


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram(token=TOKEN) as fake:
        yield fake


class BotRunner:
    """Starts and stops the bot as run_bot.py does, against the fake server."""

    def __init__(self, fake: FakeTelegram, database_url: str, tvmaze_url: str) -> None:
        self.fake = fake
        self.database_url = database_url
        self.tvmaze_url = tvmaze_url
        self._stop: asyncio.Event | None = None
        self._overrides: dict[str, object] = {}
        self._task: asyncio.Task[None] | None = None

    def settings(self, **overrides: object) -> Settings:
        values: dict[str, object] = {
            "telegram_bot_token": TOKEN,
            "telegram_api_base_url": self.fake.base_url,
            "database_url": self.database_url,
            "tvmaze_base_url": self.tvmaze_url,
            "default_language": "de",
            "feed_urls": "",  # never the real feeds: tests stay off the internet
            "show_index_sync_seconds": 0,  # off unless a test walks the show index
            "allow_private_feeds": True,  # the fake feed servers listen on 127.0.0.1
        }
        values.update(overrides)
        return load_settings(_env_file=None, **values)

    async def start(self, **overrides: object) -> None:
        """Start with these settings (kept for later restarts)."""
        self._overrides = overrides
        self._stop = asyncio.Event()
        application = build_application(self.settings(**overrides))
        self.application = application
        self._task = asyncio.create_task(run_until_stopped(application, self._stop, poll_timeout=1))
        await self.fake.wait_for_call("getUpdates", count=1, timeout=10)

    async def stop(self) -> None:
        if self._task is None or self._stop is None:
            return
        self._stop.set()
        await asyncio.wait_for(self._task, timeout=10)
        self._task = None

    async def run_job(self, name: str) -> None:
        """Run a periodic job now, exactly as the JobQueue would (tests do not wait minutes)."""
        [job] = self.application.job_queue.get_jobs_by_name(name)
        await job.run(self.application)

    async def restart(self) -> None:
        await self.stop()
        self.fake.calls.clear()
        await self.start(**self._overrides)


@pytest.fixture
async def feeds() -> AsyncIterator[FeedServer]:
    """A local feed server (also serves the iCal files)."""
    async with FeedServer() as server:
        yield server


@pytest.fixture
async def tvmaze() -> AsyncIterator[FakeTvmaze]:
    async with FakeTvmaze() as tvmaze:
        yield tvmaze


@pytest.fixture
async def bot(
    fake: FakeTelegram, tvmaze: FakeTvmaze, tmp_path, caplog: pytest.LogCaptureFixture
) -> AsyncIterator[BotRunner]:
    """The bot on a fresh SQLite database, started; the test fails if the bot logged an error."""
    runner = BotRunner(fake, f"sqlite+aiosqlite:///{tmp_path}/data/bot.sqlite3", tvmaze.base_url)
    await runner.start()
    yield runner
    await runner.stop()
    # caplog.records holds only the current phase's (teardown) records by now.
    records = [
        record for phase in ("setup", "call", "teardown") for record in caplog.get_records(phase)
    ]
    errors = [r.getMessage() for r in records if r.levelno >= logging.ERROR]
    assert errors == [], errors
