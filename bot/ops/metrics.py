"""Prometheus metrics on a registry of our own.

Counts the database already keeps (deliveries per kind and outcome, pending rows, chats) are
read from it at scrape time, so they survive restarts and agree across instances. What only
this process sees (Telegram's answers, send latency, feed errors, tick durations) lives in
memory since the start.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from sqlalchemy.ext.asyncio import AsyncSession
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Conflict,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TimedOut,
)

from storage.counts import chats_by_status_and_type, deliveries_by_kind_and_status
from storage.statuses import DeliveryStatus

# A delivery row in one of these has left the outbox for good.
FINAL_STATUSES = ("sent", "failed", "cancelled")
LATENCY_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
TICK_BUCKETS = (0.01, 0.05, 0.1, 0.5, 1.0, 5.0, 10.0, 30.0, 60.0, 300.0)


def response_code(error: Exception | None) -> str:
    """Telegram's HTTP answer to one request, as far as PTB's exception tells it."""
    if error is None:
        return "200"
    if isinstance(error, RetryAfter):
        return "429"
    if isinstance(error, Forbidden):
        return "403"
    if isinstance(error, InvalidToken):
        return "401"
    if isinstance(error, Conflict):
        return "409"
    if isinstance(error, ChatMigrated | BadRequest):
        return "400"
    if isinstance(error, TimedOut):
        return "timeout"
    if isinstance(error, NetworkError):  # 5xx and connection errors alike
        return "network"
    return "error"


@dataclass
class DatabaseCounts:
    """One scrape's reading of the database."""

    deliveries: list[tuple[str, str, int]] = field(default_factory=list)  # kind, status, rows
    chats: list[tuple[str, str, int]] = field(default_factory=list)  # status, type, chats


async def read_database_counts(session: AsyncSession) -> DatabaseCounts:
    return DatabaseCounts(
        deliveries=await deliveries_by_kind_and_status(session),
        chats=await chats_by_status_and_type(session),
    )


class _DatabaseCollector:
    """Exposes the latest DatabaseCounts; the scrape handler reads them just before."""

    def __init__(self) -> None:
        self.counts = DatabaseCounts()

    def collect(self) -> Iterable[Metric]:
        deliveries = CounterMetricFamily(
            "serienwecker_deliveries",
            "Outbox rows that reached a final outcome, by kind (counted in the database).",
            labels=["kind", "outcome"],
        )
        pending = GaugeMetricFamily(
            "serienwecker_outbox_pending", "Outbox rows not sent yet (pending or on the wire)."
        )
        waiting = 0
        for kind, status, count in self.counts.deliveries:
            if status in FINAL_STATUSES:
                deliveries.add_metric([kind, status], count)
            elif status in (DeliveryStatus.PENDING, DeliveryStatus.SENDING):
                waiting += count
        pending.add_metric([], waiting)
        chats = GaugeMetricFamily(
            "serienwecker_chats", "Chats known to the bot.", labels=["status", "type"]
        )
        for status, chat_type, count in self.counts.chats:
            chats.add_metric([status, chat_type], count)
        return [deliveries, pending, chats]


class Metrics:
    """Every metric of one bot process; `/metrics` renders them, `/stats` reads them."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.telegram_responses = Counter(
            "serienwecker_telegram_responses",
            "Telegram's answers to the sender's requests since the start, by HTTP code.",
            ["code"],
            registry=self.registry,
        )
        self.send_latency = Histogram(
            "serienwecker_send_latency_seconds",
            "Time from sending a message to Telegram's answer.",
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.feed_errors = Counter(
            "serienwecker_feed_errors",
            "Feed fetches that failed since the start.",
            registry=self.registry,
        )
        self.tick_duration = Histogram(
            "serienwecker_tick_duration_seconds",
            "How long each periodic tick ran.",
            ["tick"],
            buckets=TICK_BUCKETS,
            registry=self.registry,
        )
        self._database = _DatabaseCollector()
        self.registry.register(self._database)

    def response(self, error: Exception | None, seconds: float) -> None:
        """One answer from Telegram to a send (error None: it was sent)."""
        self.telegram_responses.labels(code=response_code(error)).inc()
        self.send_latency.observe(seconds)

    def telegram_answers(self) -> dict[str, int]:
        """HTTP code → answers since the start (what /stats shows)."""
        answers: dict[str, int] = {}
        for metric in self.telegram_responses.collect():
            for sample in metric.samples:
                if sample.name.endswith("_total"):
                    answers[sample.labels["code"]] = int(sample.value)
        return answers

    def render(self, counts: DatabaseCounts) -> bytes:
        """The Prometheus text exposition, with these database counts."""
        self._database.counts = counts  # no await between this and the rendering
        return generate_latest(self.registry)
