"""The process users run: `python run_bot.py`, configured only through its environment."""

import asyncio
import os
import signal
import sys
from pathlib import Path

from tests.e2e.conftest import TOKEN
from tests.fake_telegram import FakeTelegram

RUN_BOT = Path(__file__).resolve().parents[2] / "run_bot.py"


# A bot process in a test never reaches the internet: no real feeds, TVmaze on a closed port,
# no walk over the show index.
OFFLINE = {"FEED_URLS": "", "TVMAZE_BASE_URL": "http://127.0.0.1:9", "SHOW_INDEX_SYNC_SECONDS": "0"}


async def launch(tmp_path, stdout=None, stderr=asyncio.subprocess.PIPE, **env: str):
    """`python run_bot.py` in an empty directory (no .env) with this environment."""
    return await asyncio.create_subprocess_exec(
        sys.executable, str(RUN_BOT), cwd=tmp_path, env=environment(**env),
        stdout=stdout, stderr=stderr,
    )  # fmt: skip


def environment(**values: str) -> dict[str, str]:
    """The environment for a bot process: this one's, minus bot settings, kept offline."""
    prefixes = ("TELEGRAM_", "DATABASE_", "FEED_", "TVMAZE_", "WEBHOOK_", "ADMIN_", "SHOW_")
    env = {k: v for k, v in os.environ.items() if not k.startswith(prefixes)}
    env.update(OFFLINE)
    env.update(values)
    return env


async def test_without_token_it_explains_in_one_line_and_exits_2(tmp_path):
    process = await launch(tmp_path, stdout=asyncio.subprocess.PIPE)
    stdout, stderr = await asyncio.wait_for(process.communicate(), timeout=30)
    assert process.returncode == 2
    lines = stderr.decode().strip().splitlines()
    assert len(lines) == 1 and "TELEGRAM_BOT_TOKEN" in lines[0] and "BotFather" in lines[0]
    assert stdout == b""


async def test_bad_value_names_the_variable(tmp_path):
    process = await launch(tmp_path, TELEGRAM_BOT_TOKEN=TOKEN, DEFAULT_TIMEZONE="Europe/Atlantis")
    _, stderr = await asyncio.wait_for(process.communicate(), timeout=30)
    assert process.returncode == 2
    assert "DEFAULT_TIMEZONE" in stderr.decode() and "Traceback" not in stderr.decode()


async def test_run_bot_answers_start_and_stops_on_sigterm(tmp_path, fake: FakeTelegram):
    fake.add_user(1, "Anna", language_code="de")
    # DEBUG start-up logs exceed a pipe's buffer (the migrations log every statement): a
    # file, so the bot never blocks writing to a pipe nobody reads yet.
    with (tmp_path / "stderr.log").open("wb") as log_file:
        process = await launch(
            tmp_path, stderr=log_file, TELEGRAM_BOT_TOKEN=TOKEN,
            TELEGRAM_API_BASE_URL=fake.base_url, LOG_LEVEL="DEBUG",
        )  # fmt: skip
        try:
            fake.send_text(1, 1, "/start")
            [reply] = await fake.wait_for_messages(1, timeout=30)
            assert "willkommen beim Serienwecker" in reply["visible"]
            # The default database was created next to where the bot runs.
            assert (tmp_path / "data" / "serienwecker.sqlite3").exists()
        finally:
            process.send_signal(signal.SIGTERM)
            await asyncio.wait_for(process.wait(), timeout=30)
    log = (tmp_path / "stderr.log").read_text()
    assert process.returncode == 0, log
    assert "started as @serienwecker_test_bot" in log and "stopped" in log
    assert "getUpdates" in log  # DEBUG logs do show request URLs …
    assert TOKEN not in log and "123%3Aabc" not in log  # … but never the token


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def test_webhook_mode_checks_the_secret_and_answers(tmp_path, fake: FakeTelegram):
    import httpx

    fake.add_user(1, "Anna", language_code="en")
    port = free_port()
    process = await launch(
        tmp_path,
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_API_BASE_URL=fake.base_url,
        # Telegram posts to the public HTTPS URL; a reverse proxy forwards to the port.
        WEBHOOK_URL="https://bot.example.org/telegram-hook",
        WEBHOOK_PORT=str(port),
        WEBHOOK_SECRET="s3cret-value",
    )
    try:
        [registered] = await fake.wait_for_call("setWebhook", timeout=30)
        assert registered["url"] == "https://bot.example.org/telegram-hook"
        assert registered["secret_token"] == "s3cret-value"
        update = fake.send_text(1, 1, "/start")
        async with httpx.AsyncClient() as client:
            url = f"http://127.0.0.1:{port}/telegram-hook"
            for _ in range(100):  # PTB registers the webhook while its server still starts
                try:
                    await client.get(url)
                    break
                except httpx.ConnectError:
                    await asyncio.sleep(0.1)
            forged = await client.post(
                url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "wrong"}
            )
            genuine = await client.post(
                url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "s3cret-value"}
            )
        assert forged.status_code == 403 and genuine.status_code == 200
        [reply] = await fake.wait_for_messages(1, timeout=30)
        assert reply["visible"].startswith("Hi Anna")
    finally:
        process.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(process.communicate(), timeout=30)
    log = stderr.decode()
    assert process.returncode == 0, log
    assert TOKEN not in log and "s3cret-value" not in log


async def test_rejected_token_and_unreachable_api_end_in_one_line(tmp_path, fake: FakeTelegram):
    for token, base_url, code, words in (
        ("999:wrong", fake.base_url, 2, "rejected TELEGRAM_BOT_TOKEN"),
        (TOKEN, f"http://127.0.0.1:{free_port()}/bot", 1, "Cannot reach the Bot API"),
    ):
        process = await launch(
            tmp_path, TELEGRAM_BOT_TOKEN=token, TELEGRAM_API_BASE_URL=base_url, LOG_LEVEL="ERROR"
        )
        _, stderr = await asyncio.wait_for(process.communicate(), timeout=60)
        lines = stderr.decode().strip().splitlines()
        assert process.returncode == code
        assert len(lines) == 1 and words in lines[0], lines
        assert token not in lines[0]


async def test_webhook_mode_without_a_secret_refuses_to_start(tmp_path, fake: FakeTelegram):
    process = await launch(
        tmp_path,
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_API_BASE_URL=fake.base_url,
        WEBHOOK_URL="https://bot.example.org/telegram-hook",
        WEBHOOK_PORT=str(free_port()),
    )
    _, stderr = await asyncio.wait_for(process.communicate(), timeout=60)
    lines = stderr.decode().strip().splitlines()
    assert process.returncode == 2
    assert len(lines) == 1 and "WEBHOOK_SECRET" in lines[0], lines
    assert fake.calls == []  # refused before any request: no webhook set, no update read
