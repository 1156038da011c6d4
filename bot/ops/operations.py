"""The one object per process that metrics, liveness and the sender's reports meet in."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from bot.ops.health import OUTBOX, Liveness
from bot.ops.metrics import Metrics


@dataclass
class Operations:
    metrics: Metrics = field(default_factory=Metrics)
    liveness: Liveness = field(default_factory=Liveness)
    # Set when Telegram answers 401 to any call (bot.telegram_request): the runner stops.
    token_rejected: asyncio.Event = field(default_factory=asyncio.Event)

    # The sender reports through these two (see bot.delivery.sender.SendMonitor).
    def response(self, error: Exception | None, seconds: float) -> None:
        self.metrics.response(error, seconds)

    def stepped(self) -> None:
        self.liveness.ran(OUTBOX)
