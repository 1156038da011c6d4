"""A stop lets running jobs finish and starts no new ones: none is cut off halfway.

A job cancelled mid-transaction leaves its database connection to the garbage collector
(and its work half done); PTB's JobQueue.stop waits for the jobs running when it is called,
then cancels whatever the scheduler started in the meantime.
"""

import asyncio

from telegram.ext import CallbackContext

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
