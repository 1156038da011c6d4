"""Logging that never writes the bot token, however a record was produced, nor the
credentials in a feed's or calendar's address (`loggable_url` at each call that logs one)."""

from __future__ import annotations

import json
import logging
import re
from datetime import UTC, datetime
from typing import Any, Literal
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from bot import log_context

REDACTED = "[REDACTED]"
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
MASK = "***"
# Query parameters whose values look like credentials (api_key, access_token, X-Amz-Signature…).
_SECRET_PARAM = re.compile(r"token|key|secret|pass|sig|auth", re.IGNORECASE)


def loggable_url(url: str) -> str:
    """`url` fit for a log line: user info and secret-looking query values masked."""
    try:
        parts = urlsplit(url)
    except ValueError:  # cannot tell where a secret would be: show none of it
        return "<unparsable URL>"
    query = "&".join(_masked_param(pair) for pair in parts.query.split("&"))
    if not parts.netloc:  # no user info; and urlunsplit would drop sqlite:////path's "//"
        return url.replace(f"?{parts.query}", f"?{query}", 1)
    userinfo, at, host = parts.netloc.rpartition("@")
    if at:  # a lone user name is often a token itself
        user, colon, _ = userinfo.partition(":")
        host = f"{user}:{MASK}@{host}" if colon else f"{MASK}@{host}"
    return urlunsplit((parts.scheme, host, parts.path, query, parts.fragment))


def _masked_param(pair: str) -> str:
    name, has_value, _ = pair.partition("=")
    if has_value and _SECRET_PARAM.search(unquote(name)):
        return f"{name}={MASK}"
    return pair


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
