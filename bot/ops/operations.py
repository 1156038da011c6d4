"""The one object per process that metrics, liveness and the sender's reports meet in."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.ops.health import OUTBOX, Liveness
from bot.ops.metrics import Metrics


@dataclass
class Operations:
    metrics: Metrics = field(default_factory=Metrics)
    liveness: Liveness = field(default_factory=Liveness)

    # The sender reports through these two (see bot.delivery.sender.SendMonitor).
    def response(self, error: Exception | None, seconds: float) -> None:
        self.metrics.response(error, seconds)

    def stepped(self) -> None:
        self.liveness.ran(OUTBOX)
