"""Liveness of the ticks and the health verdict, with a clock we move by hand."""

from __future__ import annotations

from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter, TimedOut

from bot.ops.health import OUTBOX, UNAUTHORIZED, Liveness, SenderState, check_health
from bot.ops.metrics import Metrics, response_code


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_tick_is_stale_only_after_three_of_its_intervals():
    clock = Clock()
    liveness = Liveness(clock)
    liveness.expect("reminders", 60)
    clock.now += 180
    assert liveness.report()["reminders"]["ok"]
    clock.now += 0.5
    assert not liveness.report()["reminders"]["ok"]
    liveness.ran("reminders")
    assert liveness.report()["reminders"] == {
        "ok": True, "seconds_since_run": 0.0, "interval_seconds": 60,
    }  # fmt: skip


def test_a_restart_counts_as_a_fresh_start_for_every_tick():
    clock = Clock()
    liveness = Liveness(clock)
    liveness.expect("catalog-sync", 60)
    clock.now += 10_000
    liveness.restart()
    assert liveness.report()["catalog-sync"]["ok"]


async def test_verdict_names_what_fails_and_standby_needs_no_outbox():
    clock = Clock()
    liveness = Liveness(clock)
    liveness.expect("feed-poll", 60)
    liveness.expect(OUTBOX, 10)
    clock.now += 100  # the outbox loop stopped coming round; the feeds are fine
    sending = SenderState(running=True, sending=True)
    healthy, body = await check_health(None, sending, liveness, token_rejected=False)
    assert not healthy and body["failing"] == ["database", OUTBOX]
    standby = SenderState(running=True, sending=False)
    healthy, body = await check_health(None, standby, liveness, token_rejected=False)
    assert body["failing"] == ["database"] and OUTBOX not in body
    assert body["sender"] == {"ok": True, "role": "standby"}
    stopped = SenderState(running=False, sending=False)
    healthy, body = await check_health(None, stopped, liveness, token_rejected=False)
    assert body["failing"] == ["database", "sender"]


async def test_a_rejected_token_is_named_as_failing():
    sending = SenderState(running=True, sending=True)
    healthy, body = await check_health(None, sending, Liveness(), token_rejected=True)
    assert not healthy and body["failing"] == ["database", "telegram"]
    assert body["telegram"] == {"ok": False, "error": UNAUTHORIZED}
    assert "TELEGRAM_BOT_TOKEN" in UNAUTHORIZED


def test_telegram_answers_are_counted_by_http_code():
    metrics = Metrics()
    errors = [
        None, None, RetryAfter(3), Forbidden("blocked"), BadRequest("chat not found"),
        ChatMigrated(-100), TimedOut(), NetworkError("Bad Gateway"),
    ]  # fmt: skip
    for error in errors:
        metrics.response(error, 0.05)
    assert metrics.telegram_answers() == {
        "200": 2, "429": 1, "403": 1, "400": 2, "timeout": 1, "network": 1,
    }  # fmt: skip
    assert response_code(ValueError("ours")) == "error"
