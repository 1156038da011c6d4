"""What Telegram's answer to one send means for its rows and its chat (pure)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
)

from storage.statuses import DeliveryStatus

MAX_ATTEMPTS = 5  # transient failures before a row is given up
BACKOFF_BASE_SECONDS = 2.0
BACKOFF_MAX_SECONDS = 300.0

# 400s that say our own message is broken: a bug to fix, never worth a retry.
BUG_MARKERS = ("can't parse entities", "message is too long", "text must be non-empty")
GONE_MARKERS = ("chat not found",)
# 400s saying a group took the bot's right to write (muted or restricted there): the group's
# choice, not a failure of ours.
MUTED_MARKERS = (
    "not enough rights", "have no rights to send", "chat_write_forbidden", "chat_restricted",
)  # fmt: skip
# 400s to a send into a forum topic saying the topic was deleted (or closed to the bot): the
# message belongs in the group's main chat now.
TOPIC_GONE_MARKERS = ("message thread not found", "topic_deleted", "topic_closed")


class Verdict(StrEnum):
    """What one send's answer means (the row's new status follows from it in `row_change`)."""

    DELIVERED = "sent"
    RETRY_AFTER = "retry_after"
    UNREACHABLE = "unreachable"
    MUTED = "muted"  # the group took the bot's right to write; it stays a member
    MIGRATED = "migrated"
    TOPIC_GONE = "topic_gone"  # sent again at once, to the group's main chat
    UNAUTHORIZED = "unauthorized"  # 401, the token: about the bot, not the message
    BUG = "bug"
    REJECTED = "rejected"
    TRANSIENT = "transient"
    RELEASED = "released"


@dataclass(frozen=True)
class Outcome:
    """One send's result."""

    kind: Verdict
    message_id: int | None = None
    retry_after: float = 0.0  # seconds, for RETRY_AFTER
    new_chat_id: int | None = None  # for MIGRATED
    thread_id: int | None = None  # for TOPIC_GONE: the forum topic that is gone
    error: str | None = None


def refused_by_chat(error: object) -> bool:
    """Whether Telegram's answer says the chat blocked us, is gone, or does not let us write
    there: the chat's doing, and no message of ours could reach it."""
    if isinstance(error, Forbidden):
        return True
    return isinstance(error, BadRequest) and any(
        marker in error.message.lower() for marker in (*GONE_MARKERS, *MUTED_MARKERS)
    )


def classify(error: Exception, *, thread_id: int | None = None) -> Outcome:
    """Map a failed send (into the forum topic `thread_id`, if any) to an outcome; anything
    not a Telegram error is a bug of ours."""
    text = f"{type(error).__name__}: {error}"[:500]
    if isinstance(error, RetryAfter):
        after = error.retry_after
        seconds = after.total_seconds() if isinstance(after, timedelta) else float(after)
        return Outcome(Verdict.RETRY_AFTER, retry_after=seconds, error=text)
    if isinstance(error, ChatMigrated):
        return Outcome(Verdict.MIGRATED, new_chat_id=error.new_chat_id, error=text)
    if isinstance(error, Forbidden):
        return Outcome(Verdict.UNREACHABLE, error=text)
    if isinstance(error, InvalidToken):  # the token was revoked: no message is at fault
        return Outcome(Verdict.UNAUTHORIZED, error=text)
    if isinstance(error, BadRequest):
        message = error.message.lower()
        if any(marker in message for marker in GONE_MARKERS):
            return Outcome(Verdict.UNREACHABLE, error=text)
        if any(marker in message for marker in MUTED_MARKERS):
            return Outcome(Verdict.MUTED, error=text)
        if thread_id is not None and any(marker in message for marker in TOPIC_GONE_MARKERS):
            return Outcome(Verdict.TOPIC_GONE, thread_id=thread_id, error=text)
        if any(marker in message for marker in BUG_MARKERS):
            return Outcome(Verdict.BUG, error=text)
        return Outcome(Verdict.REJECTED, error=text)
    if isinstance(error, NetworkError):  # timeouts, 5xx, connection errors
        return Outcome(Verdict.TRANSIENT, error=text)
    return Outcome(Verdict.BUG, error=text)


def backoff_seconds(attempts: int) -> float:
    """Wait before retry number `attempts` (1, 2, …) after a transient failure."""
    return min(BACKOFF_BASE_SECONDS * 2.0 ** (attempts - 1), BACKOFF_MAX_SECONDS)


def row_change(outcome: Outcome, *, row_id: int, attempts: int, now: datetime) -> dict[str, Any]:
    """The new column values of one row after `outcome` (every key always present). A row
    whose send met a rejected token, or a deleted forum topic, stays pending as it was and
    due at once: no attempt is counted (the sender moves the latter to the main chat)."""
    change: dict[str, Any] = {
        "id": row_id,
        "status": DeliveryStatus.PENDING,
        "lease_until": None,
        "not_before": now,
        "attempts": attempts,
        "last_error": outcome.error,
        "last_attempt_at": now,
        "telegram_message_id": None,
        "sent_at": None,
    }
    kind = outcome.kind
    if kind is Verdict.DELIVERED:
        change.update(
            status=DeliveryStatus.SENT, telegram_message_id=outcome.message_id, sent_at=now
        )
    elif kind is Verdict.RETRY_AFTER:
        change.update(not_before=now + timedelta(seconds=outcome.retry_after))
    elif kind in (Verdict.UNREACHABLE, Verdict.MUTED):
        change.update(status=DeliveryStatus.CANCELLED)
    elif kind in (Verdict.BUG, Verdict.REJECTED):
        change.update(status=DeliveryStatus.FAILED)
    elif kind is Verdict.TRANSIENT:
        attempts += 1
        change.update(attempts=attempts)
        if attempts >= MAX_ATTEMPTS:
            change.update(status=DeliveryStatus.FAILED)
        else:
            change.update(not_before=now + timedelta(seconds=backoff_seconds(attempts)))
    elif kind is Verdict.RELEASED:
        change.update(last_attempt_at=None)
    return change
