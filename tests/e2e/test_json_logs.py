"""`run_bot.py` with LOG_FORMAT=json and HTTP_PORT: every line of its log is one JSON object,
and the process answers /healthz."""

import asyncio
import json
import signal

import httpx

from tests.e2e.conftest import TOKEN
from tests.e2e.test_process import free_port, launch
from tests.fake_telegram import FakeTelegram


async def test_json_log_lines_name_the_update_and_the_job_and_hide_the_token(
    tmp_path, fake: FakeTelegram
):
    fake.add_user(7, "Anna", language_code="de")
    port = free_port()
    log_file = (tmp_path / "bot.log").open("wb")  # not a pipe: DEBUG would fill its buffer
    process = await launch(
        tmp_path, stderr=log_file, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_BASE_URL=fake.base_url,
        LOG_LEVEL="DEBUG", LOG_FORMAT="json", REMINDER_TICK_SECONDS="1", HTTP_PORT=str(port),
    )  # fmt: skip
    try:
        update = fake.send_text(7, 7, "/start")
        await fake.wait_for_messages(7, timeout=30)
        await asyncio.sleep(1.5)  # a reminders tick or two
        async with httpx.AsyncClient() as client:
            health = await client.get(f"http://127.0.0.1:{port}/healthz")
        assert health.status_code == 200 and health.json()["status"] == "ok"
    finally:
        process.send_signal(signal.SIGTERM)
        await asyncio.wait_for(process.wait(), timeout=30)
        log_file.close()
    assert process.returncode == 0
    log = (tmp_path / "bot.log").read_text()
    entries = [json.loads(line) for line in log.splitlines()]  # every line is JSON
    assert all({"time", "level", "logger", "message"} <= set(entry) for entry in entries)
    assert any(
        entry.get("update_id") == update["update_id"] and entry.get("chat_id") == 7
        for entry in entries
    )
    assert any(entry.get("job") == "reminders" for entry in entries)
    assert TOKEN not in log and "123%3Aabc" not in log
