"""The sender reports a step only when it succeeded: a sender stuck on errors is not alive."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool
from telegram import Bot

from bot.delivery.sender import Sender
from storage.db import create_session_factory
from tests.e2e.conftest import TOKEN
from tests.e2e.outbox import seed
from tests.fake_telegram import FakeTelegram


class Recorder:
    def __init__(self) -> None:
        self.steps = 0
        self.answers: list[Exception | None] = []

    def response(self, error: Exception | None, seconds: float) -> None:
        self.answers.append(error)

    def stepped(self) -> None:
        self.steps += 1


async def until(condition: Callable[[], bool], seconds: float = 10) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while not condition():
        assert loop.time() < deadline, "timed out"
        await asyncio.sleep(0.02)


async def test_steps_stop_counting_while_the_database_fails(
    tmp_path: Path, fake: FakeTelegram, caplog: pytest.LogCaptureFixture
):
    database_url = f"sqlite+aiosqlite:///{tmp_path}/data/bot.sqlite3"
    fake.add_user(5)
    await seed(database_url, {5: "private"}, [(5, "news:1:5", "Hallo")])
    # Every session opens the file anew, so renaming its folder fails the next step. (Disposing
    # a pooled engine instead, under the running sender, left the connection it held unclosed.)
    engine = create_async_engine(database_url, poolclass=NullPool)
    recorder = Recorder()
    async with Bot(TOKEN, base_url=fake.base_url) as bot:
        sender = Sender(
            bot, engine, create_session_factory(engine), per_second=30,
            idle_poll_seconds=0.05, monitor=recorder,
        )  # fmt: skip
        sender.start()
        await fake.wait_for_messages(5, timeout=10)
        await until(lambda: recorder.steps >= 5)
        assert recorder.answers == [None]  # one send, answered 200

        (tmp_path / "data").rename(tmp_path / "gone")  # every step fails from now on
        await asyncio.sleep(0.3)  # a step that was under way may still finish
        before = recorder.steps
        await asyncio.sleep(2.5)
        assert recorder.steps == before
        assert sender.running  # the task lives, yet /healthz would see its steps stale

        (tmp_path / "gone").rename(tmp_path / "data")
        await until(lambda: recorder.steps > before)
        await sender.stop()
    await engine.dispose()
    assert any("delivery step failed" in r.getMessage() for r in caplog.records)
