"""A stop lets running jobs finish and starts no new ones: none is cut off halfway.

A job cancelled mid-transaction leaves its database connection to the garbage collector
(and its work half done); PTB's JobQueue.stop waits for the jobs running when it is called,
then cancels whatever the scheduler started in the meantime.
"""

import asyncio

import pytest
from telegram.ext import CallbackContext

from bot.app import build_application
from bot.runner import run_until_stopped
from tests.e2e.conftest import BotRunner


async def test_a_job_due_during_the_stop_is_not_started_and_cut_off(bot: BotRunner):
    started: list[str] = []
    finished: list[str] = []

    def job(name: str, seconds: float):
        async def run(_: CallbackContext) -> None:
            started.append(name)
            await asyncio.sleep(seconds)
            finished.append(name)

        return run

    job_queue = bot.application.job_queue
    job_queue.run_once(job("long", 1.0), when=0.1)  # still running when the stop begins
    job_queue.run_once(job("due-during-stop", 1.0), when=0.6)
    await asyncio.sleep(0.3)
    await bot.stop()
    assert sorted(started) == sorted(finished), f"started {started}, finished {finished}"
    assert "long" in finished


async def test_a_start_that_fails_halfway_stops_what_it_started(fake, tvmaze, tmp_path):
    """post_init opens the database, starts the sender and the servers; when a later step
    fails (a busy port, say), post_shutdown still stops what was started."""
    runner = BotRunner(fake, f"sqlite+aiosqlite:///{tmp_path}/bot.sqlite3", tvmaze.base_url)
    application = build_application(runner.settings())
    started = application.post_init
    shut_down: list[bool] = []
    original_shutdown = application.post_shutdown

    async def post_init(app) -> None:
        await started(app)
        raise OSError("address already in use")

    async def post_shutdown(app) -> None:
        shut_down.append(app.bot_data.sender is not None)
        await original_shutdown(app)

    application.post_init, application.post_shutdown = post_init, post_shutdown
    with pytest.raises(OSError):
        await run_until_stopped(application, asyncio.Event(), poll_timeout=1)
    assert shut_down == [True]  # the sender post_init had started was stopped
