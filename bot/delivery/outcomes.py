"""What Telegram's answer to one send means for its rows and its chat (pure)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter

from storage.delivery_models import CANCELLED, FAILED, PENDING, SENT

MAX_ATTEMPTS = 5  # transient failures before a row is given up
BACKOFF_BASE_SECONDS = 2.0
BACKOFF_MAX_SECONDS = 300.0

# 400s that say our own message is broken: a bug to fix, never worth a retry.
BUG_MARKERS = ("can't parse entities", "message is too long", "text must be non-empty")
GONE_MARKERS = ("chat not found",)

SENT_, RETRY_AFTER, UNREACHABLE, MIGRATED, BUG, REJECTED, TRANSIENT, RELEASED = (
    "sent", "retry_after", "unreachable", "migrated", "bug", "rejected", "transient", "released",
)  # fmt: skip


@dataclass(frozen=True)
class Outcome:
    """One send's result. `kind` is one of the constants above."""

    kind: str
    message_id: int | None = None
    retry_after: float = 0.0  # seconds, for RETRY_AFTER
    new_chat_id: int | None = None  # for MIGRATED
    error: str | None = None


def classify(error: Exception) -> Outcome:
    """Map a failed send to an outcome; anything not a Telegram error is a bug of ours."""
    text = f"{type(error).__name__}: {error}"[:500]
    if isinstance(error, RetryAfter):
        after = error.retry_after
        seconds = after.total_seconds() if isinstance(after, timedelta) else float(after)
        return Outcome(RETRY_AFTER, retry_after=seconds, error=text)
    if isinstance(error, ChatMigrated):
        return Outcome(MIGRATED, new_chat_id=error.new_chat_id, error=text)
    if isinstance(error, Forbidden):
        return Outcome(UNREACHABLE, error=text)
    if isinstance(error, BadRequest):
        message = error.message.lower()
        if any(marker in message for marker in GONE_MARKERS):
            return Outcome(UNREACHABLE, error=text)
        if any(marker in message for marker in BUG_MARKERS):
            return Outcome(BUG, error=text)
        return Outcome(REJECTED, error=text)
    if isinstance(error, NetworkError):  # timeouts, 5xx, connection errors
        return Outcome(TRANSIENT, error=text)
    return Outcome(BUG, error=text)


def backoff_seconds(attempts: int) -> float:
    """Wait before retry number `attempts` (1, 2, …) after a transient failure."""
    return min(BACKOFF_BASE_SECONDS * 2.0 ** (attempts - 1), BACKOFF_MAX_SECONDS)


def row_change(outcome: Outcome, *, row_id: int, attempts: int, now: datetime) -> dict[str, Any]:
    """The new column values of one row after `outcome` (every key always present)."""
    change: dict[str, Any] = {
        "id": row_id,
        "status": PENDING,
        "lease_until": None,
        "not_before": now,
        "attempts": attempts,
        "last_error": outcome.error,
        "last_attempt_at": now,
        "telegram_message_id": None,
        "sent_at": None,
    }
    kind = outcome.kind
    if kind == SENT_:
        change.update(status=SENT, telegram_message_id=outcome.message_id, sent_at=now)
    elif kind == RETRY_AFTER:
        change.update(not_before=now + timedelta(seconds=outcome.retry_after))
    elif kind == UNREACHABLE:
        change.update(status=CANCELLED)
    elif kind in (BUG, REJECTED):
        change.update(status=FAILED)
    elif kind == TRANSIENT:
        attempts += 1
        change.update(attempts=attempts)
        if attempts >= MAX_ATTEMPTS:
            change.update(status=FAILED)
        else:
            change.update(not_before=now + timedelta(seconds=backoff_seconds(attempts)))
    elif kind == RELEASED:
        change.update(last_attempt_at=None)
    return change
