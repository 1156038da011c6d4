"""LOG_FORMAT=json: one object per line, with the update or job as context, never a secret."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from telegram import Chat, Message, Update

from bot.log_context import job_context, remember_update
from bot.logging_setup import REDACTED, configure_logging
from bot.masked_url import masked_url

# A secret with characters JSON escapes: redaction must see it before encoding.
TOKEN = '123:abc"def\\ghi'


@pytest.fixture
def stream() -> Iterator[io.StringIO]:
    buffer = io.StringIO()
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    configure_logging("DEBUG", [TOKEN], "json")
    root.handlers[0].setStream(buffer)  # type: ignore[attr-defined]
    yield buffer
    root.handlers[:], level = saved
    root.setLevel(level)


def lines(buffer: io.StringIO) -> list[dict]:
    return [json.loads(line) for line in buffer.getvalue().splitlines()]


def test_one_object_per_line_with_time_level_logger_message(stream):
    logging.getLogger("bot.test").info("fetched feed %s: %d new", 7, 3)
    logging.getLogger("other").warning("two\nlines")
    first, second = lines(stream)
    assert first["level"] == "INFO" and first["logger"] == "bot.test"
    assert first["message"] == "fetched feed 7: 3 new"
    assert first["time"].endswith("+00:00")
    assert second["message"] == "two\nlines"


def test_the_job_names_its_lines_and_only_its_lines(stream):
    with job_context("feed-poll"):
        logging.getLogger("bot.news").info("polled")
    logging.getLogger("bot.news").info("after")
    inside, after = lines(stream)
    assert inside["job"] == "feed-poll"
    assert "job" not in after


async def test_an_update_names_its_update_and_chat(stream):
    chat = Chat(id=-100123, type="supergroup")
    message = Message(message_id=1, date=datetime(2026, 1, 1, tzinfo=UTC), chat=chat)
    await remember_update(Update(update_id=555, message=message), None)
    logging.getLogger("handlers").info("handled")
    [entry] = [line for line in lines(stream) if line["logger"] == "handlers"]
    assert entry["update_id"] == 555 and entry["chat_id"] == -100123


def test_exceptions_are_included_and_the_token_never_written(stream):
    try:
        raise RuntimeError(f"request to https://api.example/bot{TOKEN}/getMe failed")
    except RuntimeError:
        logging.getLogger("bot").exception("with token %s in the message", TOKEN)
    text = stream.getvalue()
    [entry] = lines(stream)
    assert "RuntimeError" in entry["exception"] and "Traceback" in entry["exception"]
    assert REDACTED in entry["message"] and REDACTED in entry["exception"]
    assert TOKEN not in text and json.dumps(TOKEN)[1:-1] not in text
    assert "123%3Aabc" not in text


@pytest.mark.parametrize(
    ("url", "logged"),
    [
        ("http://reader:Sup3rS3cret@127.0.0.1:8080/private.xml",
         "http://reader:***@127.0.0.1:8080/private.xml"),
        ("https://ghp_abc123@feeds.example/rss", "https://***@feeds.example/rss"),
        ("https://feeds.example/rss?id=7&api_key=abc&Token=xyz&sig",
         "https://feeds.example/rss?id=7&api_key=***&Token=***&sig"),
        ("https://cal.example/a.ics?X-Amz-Signature=f00&page=2",
         "https://cal.example/a.ics?X-Amz-Signature=***&page=2"),
        ("https://feeds.example/rss?ids=1%2C2#top", "https://feeds.example/rss?ids=1%2C2#top"),
        ("http://[::1/feed", "<unparsable URL>"),
        # Database URLs (DATABASE_URL in start-up errors): SQLite's empty host stays.
        ("sqlite+aiosqlite:////var/lib/sw/db.sqlite3", "sqlite+aiosqlite:////var/lib/sw/db.sqlite3"),
        ("sqlite+aiosqlite:///data/db.sqlite3", "sqlite+aiosqlite:///data/db.sqlite3"),
        ("postgresql+asyncpg://sw:pw@db:5432/sw", "postgresql+asyncpg://sw:***@db:5432/sw"),
        ("postgresql+asyncpg:///sw?host=/run/pg&password=pw",
         "postgresql+asyncpg:///sw?host=/run/pg&password=***"),
    ],
)  # fmt: skip
def test_a_url_is_logged_without_its_credentials(url: str, logged: str) -> None:
    assert masked_url(url) == logged
