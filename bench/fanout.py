"""Fan-out benchmark: one broadcast to many chats, printed as figures (not a pass/fail test).

The fake Bot API runs in a child process, so the CPU measured here is the bot's alone:
the outbox sender (claims, sends, records) plus this process polling the outbox for the end.

    python -m bench.fanout                     # 10,000 chats at 30 msg/s: ~7 minutes
    python -m bench.fanout --chats 2000        # shorter
    python -m bench.fanout --chats 0 --baseline-chats 0   # the paid mode only
    BENCH_DATABASE_URL=postgresql+asyncpg://…  # adds the paid mode on PostgreSQL (wipes it!)
    python -m bench.fanout --profile prof.txt  # the paid SQLite run under pyinstrument
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import tempfile
import time
from collections import Counter
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from sqlalchemy import insert, text
from telegram import Bot
from telegram.ext import AIORateLimiter, ExtBot

from bot.delivery.sender import Sender
from bot.message import BotMessage, Copy, to_payload
from bot.ops.operations import Operations
from bot.telegram_request import AiohttpRequest
from storage.db import create_engine, create_session_factory
from storage.deliveries import count_by_status
from storage.delivery_inserts import insert_deliveries
from storage.migrate import upgrade_database
from storage.models import Chat
from tests.fake_telegram import FakeTelegram

TOKEN = "123:bench"
ADMIN = 1
ANNOUNCEMENT = "<b>Staffel 2</b> ist da!"


# -- the fake Telegram, in a child process ---------------------------------------------------
def _fake_main(connection: Connection, chats: int, limit: int | None) -> None:
    asyncio.run(_serve_fake(connection, chats, limit))


async def _serve_fake(connection: Connection, chats: int, limit: int | None) -> None:
    fake = FakeTelegram(token=TOKEN)
    await fake.start()
    for user in range(ADMIN, ADMIN + chats + 1):
        fake.add_user(user)
    if limit:
        fake.set_rate_limits(global_per_second=limit, per_private_chat_per_second=1)
    source = fake.send_text(ADMIN, ADMIN, ANNOUNCEMENT)["message"]["message_id"]
    connection.send((fake.base_url, source))
    await asyncio.to_thread(connection.recv)  # "report": the run is over
    users = range(ADMIN + 1, ADMIN + chats + 1)
    per_chat = Counter(len(fake.messages(user)) for user in users)
    connection.send({"429": fake.stats["429"], "per_chat": dict(per_chat),
                     "arrivals": fake.arrivals})  # fmt: skip
    await fake.stop()


class FakeProcess:
    def __init__(self, chats: int, limit: int | None) -> None:
        context = multiprocessing.get_context("spawn")
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_fake_main, args=(child, chats, limit))

    async def start(self) -> tuple[str, int]:
        self.process.start()
        return await asyncio.to_thread(self.connection.recv)

    async def report(self) -> dict[str, Any]:
        self.connection.send("report")
        result = await asyncio.to_thread(self.connection.recv)
        await asyncio.to_thread(self.process.join)
        return result


def _arrival_rate(report: dict[str, Any]) -> tuple[float, int]:
    """What Telegram saw: messages per second from the first arrival to the last, and the
    most that arrived within any one second."""
    times: list[float] = report["arrivals"]
    if len(times) < 2:
        return 0.0, len(times)
    peak, first = 0, 0
    for last, at in enumerate(times):
        while times[first] <= at - 1.0:
            first += 1
        peak = max(peak, last - first + 1)
    return (len(times) - 1) / (times[-1] - times[0]), peak


def _losses(report: dict[str, Any]) -> tuple[int, int]:
    per_chat = {int(k): v for k, v in report["per_chat"].items()}
    lost = per_chat.get(0, 0)
    duplicates = sum((copies - 1) * n for copies, n in per_chat.items() if copies > 1)
    return lost, duplicates


# -- the outbox sender -----------------------------------------------------------------------
async def _prepare(database_url: str, chats: int, source: int) -> None:
    engine = create_engine(database_url)
    if database_url.startswith("postgresql"):
        async with engine.begin() as connection:
            await connection.execute(text("DROP SCHEMA public CASCADE"))
            await connection.execute(text("CREATE SCHEMA public"))
    await upgrade_database(engine)
    users = range(ADMIN + 1, ADMIN + chats + 1)
    async with create_session_factory(engine).begin() as session:
        await session.execute(insert(Chat), [{"telegram_id": u, "type": "private"} for u in users])
        payload = to_payload(BotMessage(copy=Copy(ADMIN, source)))
        rows = [
            {"chat_id": n, "kind": "broadcast", "dedup_key": f"broadcast:1:{n}", "payload": payload}
            for n in range(1, chats + 1)
        ]
        await insert_deliveries(session, rows)
    await engine.dispose()


async def outbox_run(database_url: str, chats: int, per_second: float, limit: int | None) -> dict:
    fake = FakeProcess(chats, limit)
    base_url, source = await fake.start()
    await _prepare(database_url, chats, source)
    engine = create_engine(database_url)
    sessions = create_session_factory(engine)
    request = AiohttpRequest()  # what build_application gives the bot
    async with Bot(TOKEN, base_url=base_url, request=request) as bot:
        monitor = Operations()
        sender = Sender(bot, engine, sessions, per_second=per_second, monitor=monitor)
        cpu, started = time.process_time(), time.perf_counter()
        sender.start()
        while True:
            await asyncio.sleep(0.1)
            async with sessions() as session:
                counts = await count_by_status(session)
            if not counts.get("pending") and not counts.get("sending"):
                break
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        await sender.stop()
    await engine.dispose()
    print("  sender answers:", monitor.metrics.telegram_answers(), flush=True)
    report = await fake.report()
    lost, duplicates = _losses(report)
    wire, peak = _arrival_rate(report)
    return {
        "chats": chats, "seconds": seconds, "rate": chats / seconds, "429": report["429"],
        "lost": lost, "duplicates": duplicates, "cpu_ms": 1000 * cpu / chats,
        "wire": wire, "peak": peak,
    }  # fmt: skip


# -- the naive baseline: a loop of send_message behind PTB's AIORateLimiter ------------------
async def baseline_run(chats: int, limit: int) -> dict:
    fake = FakeProcess(chats, limit)
    base_url, _ = await fake.start()
    limiter = AIORateLimiter(overall_max_rate=limit, overall_time_period=1, max_retries=5)
    failed = 0
    async with ExtBot(TOKEN, base_url=base_url, rate_limiter=limiter) as bot:
        cpu, started = time.process_time(), time.perf_counter()
        for user in range(ADMIN + 1, ADMIN + chats + 1):
            try:
                await bot.send_message(user, ANNOUNCEMENT, parse_mode="HTML")
            except Exception:  # what a naive loop does: note it and go on
                failed += 1
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    report = await fake.report()
    lost, duplicates = _losses(report)
    wire, peak = _arrival_rate(report)
    return {
        "chats": chats, "seconds": seconds, "rate": chats / seconds, "429": report["429"],
        "lost": lost, "duplicates": duplicates, "cpu_ms": 1000 * cpu / chats,
        "wire": wire, "peak": peak,
    }  # fmt: skip


def _line(name: str, result: dict, budget: float) -> str:
    """Wall: from the start to the last outcome written. Arrivals: first to last message at
    the fake, and the most within one second; the ratio is the arrival rate over the budget."""
    return (
        f"{name:<34} {result['chats']:>6} chats {result['seconds']:6.1f} s "
        f"wall {result['rate']:6.1f} msg/s  arrivals {result['wire']:6.1f} msg/s "
        f"(max {result['peak']}/s)  ratio {result['wire'] / budget:5.3f} of {budget:g}/s  "
        f"429s {result['429']:>3}  "
        f"lost {result['lost']}  duplicates {result['duplicates']}  "
        f"CPU {result['cpu_ms']:.2f} ms/delivery"
    )


async def profile(path: str, chats: int, per_second: float) -> None:
    """The paid run on SQLite under pyinstrument (this process only: the bot's side)."""
    from pyinstrument import Profiler
    from pyinstrument.renderers import ConsoleRenderer

    profiler = Profiler(interval=0.0005, async_mode="disabled")
    with tempfile.TemporaryDirectory() as folder:
        profiler.start()
        sqlite = f"sqlite+aiosqlite:///{folder}/profiled.sqlite3"
        result = await outbox_run(sqlite, chats, per_second, None)
        profiler.stop()
    print(_line(f"profiled, SQLite, paid {per_second:g}/s", result, per_second), flush=True)
    tree = profiler.output(ConsoleRenderer(unicode=False, color=False))
    flat = profiler.output(ConsoleRenderer(unicode=False, color=False, flat=True))
    await asyncio.to_thread(Path(path).write_text, tree + flat)
    print(f"profile (call tree, then frames by own time) written to {path}")


async def main(args: argparse.Namespace) -> None:
    if args.profile:
        await profile(args.profile, args.paid_chats, args.paid_rate)
        return
    with tempfile.TemporaryDirectory() as folder:
        sqlite = f"sqlite+aiosqlite:///{folder}/bench.sqlite3"
        if args.chats:
            limited = await outbox_run(sqlite, args.chats, args.limit, args.limit)
            print(_line("outbox, SQLite, server limit", limited, args.limit), flush=True)
        sqlite = f"sqlite+aiosqlite:///{folder}/paid.sqlite3"
        paid = await outbox_run(sqlite, args.paid_chats, args.paid_rate, None)
        print(_line(f"outbox, SQLite, paid {args.paid_rate:g}/s", paid, args.paid_rate), flush=True)
    postgres = os.environ.get("BENCH_DATABASE_URL")
    if postgres:
        paid = await outbox_run(postgres, args.paid_chats, args.paid_rate, None)
        print(
            _line(f"outbox, PostgreSQL, paid {args.paid_rate:g}/s", paid, args.paid_rate),
            flush=True,
        )
    else:
        print("PostgreSQL: skipped (set BENCH_DATABASE_URL; its public schema is wiped)")
    if args.baseline_chats:
        naive = await baseline_run(args.baseline_chats, args.limit)
        print(_line("naive loop + AIORateLimiter", naive, args.limit), flush=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chats", type=int, default=10_000, help="fan-out at the limit")
    parser.add_argument("--limit", type=int, default=30, help="server and budget msg/s")
    parser.add_argument("--paid-chats", type=int, default=3_000)
    parser.add_argument("--paid-rate", type=float, default=1000.0, help="budget, no server limit")
    parser.add_argument("--baseline-chats", type=int, default=600)
    parser.add_argument("--profile", metavar="FILE", help="only profile the paid SQLite run")
    asyncio.run(main(parser.parse_args()))
