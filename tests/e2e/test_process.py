"""The process users run: `python run_bot.py`, configured only through its environment."""

import asyncio
import os
import signal
import sys
from pathlib import Path

from tests.e2e.conftest import TOKEN
from tests.fake_telegram import FakeTelegram

RUN_BOT = Path(__file__).resolve().parents[2] / "run_bot.py"


def environment(**values: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DATABASE_"))}
    env.update(values)
    return env


async def test_without_token_it_explains_in_one_line_and_exits_2(tmp_path):
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        str(RUN_BOT),
        cwd=tmp_path,  # no .env there
        env=environment(),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    stdout, stderr = await asyncio.wait_for(process.communicate(), timeout=30)
    assert process.returncode == 2
    lines = stderr.decode().strip().splitlines()
    assert len(lines) == 1 and "TELEGRAM_BOT_TOKEN" in lines[0] and "BotFather" in lines[0]
    assert stdout == b""


async def test_bad_value_names_the_variable(tmp_path):
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        str(RUN_BOT),
        cwd=tmp_path,
        env=environment(TELEGRAM_BOT_TOKEN=TOKEN, DEFAULT_TIMEZONE="Europe/Atlantis"),
        stderr=asyncio.subprocess.PIPE,
    )
    _, stderr = await asyncio.wait_for(process.communicate(), timeout=30)
    assert process.returncode == 2
    assert "DEFAULT_TIMEZONE" in stderr.decode() and "Traceback" not in stderr.decode()


async def test_run_bot_answers_start_and_stops_on_sigterm(tmp_path, fake: FakeTelegram):
    fake.add_user(1, "Anna", language_code="de")
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        str(RUN_BOT),
        cwd=tmp_path,
        env=environment(
            TELEGRAM_BOT_TOKEN=TOKEN,
            TELEGRAM_API_BASE_URL=fake.base_url,
            LOG_LEVEL="DEBUG",
            FEED_URLS="",  # the real feeds are not for tests
        ),
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        fake.send_text(1, 1, "/start")
        [reply] = await fake.wait_for_messages(1, timeout=30)
        assert "willkommen beim Serienwecker" in reply["visible"]
        # The default database was created next to where the bot runs.
        assert (tmp_path / "data" / "serienwecker.sqlite3").exists()
    finally:
        process.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(process.communicate(), timeout=30)
    log = stderr.decode()
    assert process.returncode == 0, log
    assert "started as @serienwecker_test_bot" in log and "stopped" in log
    assert "getUpdates" in log  # DEBUG logs do show request URLs …
    assert TOKEN not in log and "123%3Aabc" not in log  # … but never the token
