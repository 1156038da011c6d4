"""Logging that never writes the bot token, however a record was produced, nor the
credentials in a feed's or calendar's address (`masked_url` at each call that logs one)."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from typing import Any, Literal
from urllib.parse import quote

from bot import log_context

REDACTED = "[REDACTED]"
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class _Redactor:
    def __init__(self, secrets: list[str]) -> None:
        # Also the URL-encoded form, as the token appears inside request URLs.
        self._secrets = [
            form for secret in secrets if secret for form in {secret, quote(secret, safe="")}
        ]

    def __call__(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, REDACTED)
        return text


class RedactingFormatter(logging.Formatter):
    """Replaces every secret in the fully formatted record, tracebacks included."""

    def __init__(self, fmt: str, secrets: list[str]) -> None:
        super().__init__(fmt)
        self._redact = _Redactor(secrets)

    def format(self, record: logging.LogRecord) -> str:
        return self._redact(super().format(record))


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, context, exception.

    Secrets are replaced in each value before encoding, so JSON escaping cannot hide one.
    """

    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        self._redact = _Redactor(secrets)

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": self._redact(record.getMessage()),
        }
        entry.update(log_context.current())
        if record.exc_info:
            entry["exception"] = self._redact(self.formatException(record.exc_info))
        if record.stack_info:
            entry["stack"] = self._redact(self.formatStack(record.stack_info))
        return json.dumps(entry, ensure_ascii=False, default=str)


def configure_logging(
    level: str, secrets: list[str], log_format: Literal["text", "json"] = "text"
) -> None:
    handler = logging.StreamHandler()
    formatter: logging.Formatter = (
        JsonFormatter(secrets) if log_format == "json" else RedactingFormatter(TEXT_FORMAT, secrets)
    )
    handler.setFormatter(formatter)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # httpx logs every request URL at INFO, and Telegram's URLs contain the token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
