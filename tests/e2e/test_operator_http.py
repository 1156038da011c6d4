"""The operators' HTTP server of the real bot: /healthz and /metrics, over HTTP."""

from __future__ import annotations

import asyncio
import gc
import logging
import socket
import warnings
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from bot.app import build_application
from bot.runner import run_until_stopped
from tests.e2e.conftest import BotRunner
from tests.e2e.outbox import seed, wait_settled
from tests.fake_telegram import FakeTelegram
from tests.fake_tvmaze import FakeTvmaze

ADMIN = 4242
CHATS = [101, 102, 103, 104, 105]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
async def runner(
    fake: FakeTelegram, tvmaze: FakeTvmaze, database_url: str, caplog: pytest.LogCaptureFixture
) -> AsyncIterator[BotRunner]:
    """Started by each test with its settings, on SQLite and on PostgreSQL (when configured);
    the test fails if the bot logged an error."""
    runner = BotRunner(fake, database_url, tvmaze.base_url)
    runner.port = free_port()  # type: ignore[attr-defined]
    yield runner
    await runner.stop()
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == [], errors


async def get(runner: BotRunner, path: str) -> httpx.Response:
    async with httpx.AsyncClient() as client:
        return await client.get(f"http://127.0.0.1:{runner.port}{path}")  # type: ignore[attr-defined]


def samples(text: str) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    """(sample name, labels) → value, parsed the way Prometheus parses it."""
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def value(parsed: dict, name: str, **labels: str) -> float:
    return parsed.get((name, frozenset(labels.items())), 0.0)


async def wait_for_status(runner: BotRunner, status: int, seconds: float = 15) -> httpx.Response:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while True:
        response = await get(runner, "/healthz")
        if response.status_code == status or loop.time() > deadline:
            return response
        await asyncio.sleep(0.2)


async def test_healthz_is_200_then_503_naming_a_stale_tick(runner: BotRunner):
    await runner.start(http_port=runner.port, reminder_tick_seconds=1)
    response = await wait_for_status(runner, 200)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["status"] == "ok" and body["failing"] == []
    assert body["database"]["ok"] and body["sender"] == {"ok": True, "role": "sending"}
    assert {"reminders", "feed-poll", "catalog-sync", "outbox"} <= set(body)

    # The reminders tick stops coming round: after three of its intervals the bot is unhealthy.
    [job] = runner.application.job_queue.get_jobs_by_name("reminders")
    job.enabled = False
    response = await wait_for_status(runner, 503)
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "fail" and body["failing"] == ["reminders"]
    assert body["reminders"]["seconds_since_run"] > 3 * body["reminders"]["interval_seconds"]

    job.enabled = True
    response = await wait_for_status(runner, 200)
    assert response.status_code == 200, response.text


async def test_healthz_is_503_naming_the_database_when_it_is_gone(
    runner: BotRunner, tmp_path, caplog: pytest.LogCaptureFixture
):
    if not runner.database_url.startswith("sqlite"):
        pytest.skip("a database file whose directory disappears is SQLite's way to be gone")
    await runner.start(http_port=runner.port)
    assert (await wait_for_status(runner, 200)).status_code == 200
    # The disk holding the database disappears; pooled connections are closed.
    data = Path(runner.database_url.removeprefix("sqlite+aiosqlite:///")).parent
    data.rename(tmp_path / "gone")
    await runner.application.bot_data.engine.dispose()
    response = await get(runner, "/healthz")
    assert response.status_code == 503
    body = response.json()
    assert "database" in body["failing"] and "unable to open" in body["database"]["error"]
    assert (await get(runner, "/metrics")).status_code == 503
    (tmp_path / "gone").rename(data)  # back, so the bot can stop cleanly
    assert (await wait_for_status(runner, 200)).status_code == 200
    caplog.clear()  # the sender may have logged the outage; from here on nothing may fail
    await runner.stop()
    # A connection in use during the dispose went back to the abandoned pool, as one does when
    # its disk vanishes: collected here, rather than warned about during some later test.
    # Collected off the event loop: aiosqlite's finaliser would tie its thread's stop to this
    # loop, which pytest closes right after the test, and the thread would then raise.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        await asyncio.to_thread(gc.collect)


async def test_no_http_port_no_server(runner: BotRunner):
    await runner.start()
    with pytest.raises(httpx.ConnectError):
        await get(runner, "/healthz")


async def test_metrics_count_real_deliveries_and_survive_a_restart(
    runner: BotRunner, fake: FakeTelegram
):
    for chat in CHATS:
        fake.add_user(chat)
    fake.add_user(ADMIN, "Ada", language_code="en")
    await seed(
        runner.database_url,
        {chat: "private" for chat in CHATS},
        [(chat, f"news:1:{chat}", f"Neuigkeit für {chat}") for chat in CHATS],
    )
    fake.fail_next("sendMessage", 403, "Forbidden: bot was blocked by the user")
    await runner.start(
        http_port=runner.port,
        admin_ids=str(ADMIN),
        feed_urls="http://127.0.0.1:9/closed.xml",  # nothing listens: every fetch fails
        allow_private_feeds=True,
    )
    await wait_settled(runner, len(CHATS))
    await runner.run_job("feed-poll")

    response = await get(runner, "/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    parsed = samples(response.text)
    assert value(parsed, "serienwecker_deliveries_total", kind="news", outcome="sent") == 4
    assert value(parsed, "serienwecker_deliveries_total", kind="news", outcome="cancelled") == 1
    assert value(parsed, "serienwecker_outbox_pending") == 0
    assert value(parsed, "serienwecker_telegram_responses_total", code="200") == 4
    assert value(parsed, "serienwecker_telegram_responses_total", code="403") == 1
    assert value(parsed, "serienwecker_send_latency_seconds_count") == 5
    assert value(parsed, "serienwecker_send_latency_seconds_sum") > 0
    assert value(parsed, "serienwecker_feed_errors_total") == 1
    assert value(parsed, "serienwecker_tick_duration_seconds_count", tick="feed-poll") == 1
    assert value(parsed, "serienwecker_chats", status="active", type="private") == 4
    assert value(parsed, "serienwecker_chats", status="blocked", type="private") == 1

    # /stats reads the same counters as /metrics.
    fake.send_text(ADMIN, ADMIN, "/stats")
    [reply] = await fake.wait_for_messages(ADMIN, timeout=10)
    assert "200 4, 403 1" in reply["visible"]

    # Counts kept in the database survive a restart; what only the process saw starts again.
    await runner.restart()
    parsed = samples((await get(runner, "/metrics")).text)
    assert value(parsed, "serienwecker_deliveries_total", kind="news", outcome="sent") == 4
    # (the admin's private chat is known since /stats)
    assert value(parsed, "serienwecker_chats", status="active", type="private") == 5
    assert value(parsed, "serienwecker_telegram_responses_total", code="200") == 0


async def test_webhook_and_healthz_share_one_port(runner: BotRunner, fake: FakeTelegram):
    fake.add_user(8, "Ben", language_code="en")
    stop = asyncio.Event()
    application = build_application(
        runner.settings(
            webhook_url="https://bot.example.org/hook",
            webhook_secret="a-secret_1",
            webhook_port=runner.port,
            http_port=runner.port,
        )
    )
    task = asyncio.create_task(run_until_stopped(application, stop))
    try:
        [registered] = await fake.wait_for_call("setWebhook", timeout=10)
        assert registered["url"] == "https://bot.example.org/hook"
        assert registered["secret_token"] == "a-secret_1"
        assert (await get(runner, "/healthz")).status_code == 200
        assert "serienwecker_outbox_pending" in (await get(runner, "/metrics")).text
        update = fake.send_text(8, 8, "/help")
        url = f"http://127.0.0.1:{runner.port}/hook"  # type: ignore[attr-defined]
        header = "X-Telegram-Bot-Api-Secret-Token"
        async with httpx.AsyncClient() as client:
            forged = await client.post(url, json=update, headers={header: "a-secret_2"})
            missing = await client.post(url, json=update)
            broken = await client.post(url, content=b"{no json", headers={header: "a-secret_1"})
            genuine = await client.post(url, json=update, headers={header: "a-secret_1"})
        assert (forged.status_code, missing.status_code) == (403, 403)
        assert broken.status_code == 400 and genuine.status_code == 200
        [reply] = await fake.wait_for_messages(8, timeout=10)
        assert "/follow" in reply["visible"]
    finally:
        stop.set()
        await asyncio.wait_for(task, 10)
    assert not [method for method, _ in fake.calls if method == "getUpdates"]  # no polling


async def test_two_webhook_instances_one_sends_the_other_stands_by(
    database_url: str, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    if not database_url.startswith("postgresql"):
        pytest.skip("several instances share a PostgreSQL database")
    runner = BotRunner(fake, database_url, tvmaze.base_url)
    ports = [free_port(), free_port()]
    stops = [asyncio.Event(), asyncio.Event()]
    tasks: list[asyncio.Task[None]] = []

    async def health(port: int) -> dict:
        async with httpx.AsyncClient() as client:
            response = await client.get(f"http://127.0.0.1:{port}/healthz")
        assert response.status_code == 200, response.text
        return response.json()

    async def role(port: int, wanted: str) -> str:
        for _ in range(50):
            found = (await health(port))["sender"]["role"]
            if found == wanted:
                break
            await asyncio.sleep(0.1)
        return found

    try:
        for port, stop in zip(ports, stops, strict=True):
            settings = runner.settings(
                webhook_url="https://bot.example.org/hook", webhook_secret="a-secret_1",
                webhook_port=port, http_port=port,
            )  # fmt: skip
            application = build_application(settings)
            tasks.append(asyncio.create_task(run_until_stopped(application, stop)))
            await fake.wait_for_call("setWebhook", count=len(tasks), timeout=10)
            if len(tasks) == 1:
                assert await role(port, "sending") == "sending"
        second = await health(ports[1])
        assert second["sender"] == {"ok": True, "role": "standby"} and "outbox" not in second
        assert await role(ports[0], "sending") == "sending"
        stops[0].set()  # the sending instance stops: the other one takes over
        await asyncio.wait_for(tasks[0], 10)
        assert await role(ports[1], "sending") == "sending"
    finally:
        for stop in stops:
            stop.set()
        await asyncio.wait_for(asyncio.gather(*tasks), 10)
