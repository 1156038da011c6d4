"""Is the bot alive: the database answers, the sender runs, Telegram takes the token, every
periodic tick ran lately."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

STALE_AFTER_INTERVALS = 3
DATABASE_TIMEOUT_SECONDS = 5.0
# The sender's loop wakes at least every half second; a step that has not come round in
# three of these is wedged (a slow database write may hold one step for a few seconds).
OUTBOX_INTERVAL_SECONDS = 10.0
OUTBOX = "outbox"
UNAUTHORIZED = "Telegram rejected TELEGRAM_BOT_TOKEN (401); the bot is stopping"


@dataclass
class _Tick:
    interval: float
    last_run: float  # monotonic; the start counts as a run, so a new tick is not stale


class Liveness:
    """When each periodic tick last finished (in memory: it says whether this process lives)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._ticks: dict[str, _Tick] = {}

    def expect(self, name: str, interval: float) -> None:
        """`name` should finish at least every `interval` seconds."""
        self._ticks[name] = _Tick(interval, self.clock())

    def restart(self) -> None:
        """The process (re)starts its ticks now."""
        now = self.clock()
        for tick in self._ticks.values():
            tick.last_run = now

    def ran(self, name: str) -> None:
        if name in self._ticks:
            self._ticks[name].last_run = self.clock()

    def report(self) -> dict[str, dict[str, Any]]:
        """Tick name → seconds since its last run, its interval, and whether that is fine."""
        now = self.clock()
        return {
            name: {
                "ok": now - tick.last_run <= STALE_AFTER_INTERVALS * tick.interval,
                "seconds_since_run": round(now - tick.last_run, 3),
                "interval_seconds": tick.interval,
            }
            for name, tick in sorted(self._ticks.items())
        }


@dataclass(frozen=True)
class SenderState:
    running: bool  # the sender task exists and has not ended
    sending: bool  # it holds the sender lock (an instance on standby does not)


async def database_answers(engine: AsyncEngine) -> str | None:
    """None when `SELECT 1` works, else what went wrong (one line)."""
    try:
        async with asyncio.timeout(DATABASE_TIMEOUT_SECONDS):
            async with engine.connect() as connection:
                await connection.execute(text("SELECT 1"))
    except Exception as error:  # any failure is the answer, never a crash of the endpoint
        return f"{type(error).__name__}: {error}"[:300]
    return None


async def check_health(
    engine: AsyncEngine | None,
    sender: SenderState | None,
    liveness: Liveness,
    *,
    token_rejected: bool,
) -> tuple[bool, dict[str, Any]]:
    """(healthy, the JSON body): each part with `ok`, and `failing` naming the bad ones."""
    parts: dict[str, dict[str, Any]] = {}
    problem = "not started" if engine is None else await database_answers(engine)
    parts["database"] = {"ok": problem is None} | ({"error": problem} if problem else {})
    parts["sender"] = {
        "ok": sender is not None and sender.running,
        "role": "sending" if sender is not None and sender.sending else "standby",
    }
    parts["telegram"] = {"ok": not token_rejected} | (
        {"error": UNAUTHORIZED} if token_rejected else {}
    )
    ticks = liveness.report()
    if sender is not None and not sender.sending:
        ticks.pop(OUTBOX, None)  # on standby the outbox is another instance's job
    parts.update(ticks)
    failing = [name for name, part in parts.items() if not part["ok"]]
    return not failing, {"status": "fail" if failing else "ok", "failing": failing} | parts
