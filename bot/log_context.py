"""What a log line is about (the update, its chat, or the job), carried by a context variable."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from telegram import Update

_context: ContextVar[dict[str, Any] | None] = ContextVar("log_context", default=None)


def current() -> dict[str, Any]:
    """The fields of the update or job being handled now (empty outside of one)."""
    return dict(_context.get() or {})


def update_fields(update: object) -> dict[str, Any]:
    if not isinstance(update, Update):
        return {}
    fields: dict[str, Any] = {"update_id": update.update_id}
    if update.effective_chat is not None:
        fields["chat_id"] = update.effective_chat.id
    return fields


async def remember_update(update: object, _context_unused: object) -> None:
    """Handler (group -2, every update): later log lines of this update name it."""
    _context.set(update_fields(update))


@contextmanager
def job_context(name: str) -> Iterator[None]:
    token = _context.set({"job": name})
    try:
        yield
    finally:
        _context.reset(token)
