"""Load benchmark: many users talk to the bot while a big fan-out runs; figures, not a test.

The real bot `Application` (this process) polls a fake Bot API that enforces Telegram's limits
(30 msg/s, 1/s per private chat, 20/min per group) and answers 429 with retry_after. The fake
Bot API, a fake TVmaze that takes 3 s per answer, and the simulated users run in a child
process, so the CPU measured here is the bot's alone.

Users start at random moments over the run; each does one of: /start, /help, /list, /next,
/follow <title> then a tap on the first offer, /settings then a tap on its first button.
Latency: from the user's message or tap to the first message or edit the bot puts in that
chat. A reply that has not arrived `--grace` seconds after the run is counted as lost.

    python -m bench.load                             # 1,000 users over 60 s, 10,000 chats
    python -m bench.load --users 200 --seconds 20    # shorter
    BENCH_DATABASE_URL=postgresql+asyncpg://…        # on PostgreSQL (its schema is wiped!)
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import random
import statistics
import tempfile
import time
from collections import Counter, defaultdict
from multiprocessing.connection import Connection
from typing import Any

from sqlalchemy import insert, text

from bot.app import build_application
from bot.config import load_settings
from bot.message import BotMessage, to_payload
from bot.runner import run_until_stopped
from storage.db import create_engine, create_session_factory
from storage.delivery_inserts import insert_deliveries
from storage.migrate import upgrade_database
from storage.models import Chat
from tests.e2e import catalogue
from tests.fake_telegram import FakeTelegram
from tests.fake_tvmaze import FakeTvmaze

TOKEN = "123:load"
USER_BASE = 1_000  # simulated users: 1_001 …
FANOUT_BASE = 5_000_000  # fan-out chats: 5_000_001 …
TITLES = ("Dark", "Money Heist", "Ballard")
# (what the user does, weight): about 1.25 bot messages per user.
MIX = (("/start", 30), ("/help", 10), ("/list", 20), ("/next", 15), ("/follow", 15),
       ("/settings", 10))  # fmt: skip


class TimedFake(FakeTelegram):
    """The fake Bot API, noting when each message or edit to a chat was accepted."""

    def __init__(self) -> None:
        super().__init__(token=TOKEN)
        self.sent_at: dict[int, list[float]] = defaultdict(list)
        self.arrived: dict[int, asyncio.Event] = {}
        self.fanout_at: list[float] = []

    def _record_send(self, params: dict[str, Any]) -> None:
        super()._record_send(params)
        chat = int(params.get("chat_id") or 0)
        if chat > FANOUT_BASE:
            self.fanout_at.append(time.monotonic())
            return
        self.sent_at[chat].append(time.monotonic())
        if chat in self.arrived:
            self.arrived[chat].set()


class User:
    def __init__(self, fake: TimedFake, user: int, deadline: float) -> None:
        self.fake, self.user, self.deadline = fake, user, deadline
        # (action, latency or None: no message or edit came, the alert text if a tap's
        # answer was only that)
        self.results: list[tuple[str, float | None, str | None]] = []

    async def act(self, name: str, start: Any, *, tap: bool = False) -> bool:
        """Do one thing (start() pushes the update; a tap's returns its query id); wait for
        the bot's answer in the chat."""
        seen = len(self.fake.sent_at[self.user])
        event = self.fake.arrived.setdefault(self.user, asyncio.Event())
        event.clear()
        began = time.monotonic()
        query = start() if tap else start() and None
        while len(self.fake.sent_at[self.user]) <= seen:
            try:
                await asyncio.wait_for(event.wait(), max(0.0, self.deadline - time.monotonic()))
            except TimeoutError:
                answer = self.fake.queries[query]["answer"] if query else None
                self.results.append((name, None, (answer or {}).get("text")))
                return False
            event.clear()
        self.results.append((name, self.fake.sent_at[self.user][seen] - began, None))
        return True

    async def visit(self, command: str, rng: random.Random) -> None:
        fake, user = self.fake, self.user
        text = f"/follow {rng.choice(TITLES)}" if command == "/follow" else command
        if not await self.act(command, lambda: fake.send_text(user, user, text)):
            return
        if command not in ("/follow", "/settings"):
            return
        last = fake.messages(user)[-1]
        rows = (last.get("reply_markup") or {}).get("inline_keyboard", [])
        if not rows:  # nothing found: no tap
            return
        data = rows[0][0]["callback_data"]
        await self.act(
            f"{command} tap",
            lambda: fake.press_button(user, last["message_id"], data, user),
            tap=True,
        )


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def _simulate(connection: Connection, args: argparse.Namespace) -> None:
    fake, tvmaze = TimedFake(), FakeTvmaze()
    await fake.start()
    await tvmaze.start()
    catalogue.fill(tvmaze)
    tvmaze.delay = args.tvmaze_seconds
    fake.set_rate_limits(global_per_second=30, per_private_chat_per_second=1,
                         per_group_per_minute=20)  # fmt: skip
    for user in range(USER_BASE + 1, USER_BASE + args.users + 1):
        fake.add_user(user, "Fan", language_code="en")
    for chat in range(FANOUT_BASE + 1, FANOUT_BASE + args.fanout_chats + 1):
        fake.add_user(chat, "Reader")
    connection.send((fake.base_url, tvmaze.base_url))
    await asyncio.to_thread(connection.recv)  # the bot is polling
    rng = random.Random(12)
    began = time.monotonic()
    deadline = began + args.seconds + args.grace
    users = [User(fake, u, deadline) for u in range(USER_BASE + 1, USER_BASE + args.users + 1)]
    commands, weights = zip(*MIX, strict=True)

    async def run(user: User) -> None:
        await asyncio.sleep(rng.uniform(0, args.seconds))
        await user.visit(rng.choices(commands, weights)[0], rng)

    await asyncio.gather(*(run(user) for user in users))
    ended = time.monotonic()
    in_run = sum(1 for t in fake.fanout_at if began <= t <= began + args.seconds)
    refused = defaultdict(int)
    for method, status, _ in fake.errors:
        if status == 429:
            refused[method] += 1
    connection.send({
        "results": [r for user in users for r in user.results],
        "429": dict(refused),
        "fanout_rate": in_run / args.seconds,
        "fanout_total": len(fake.fanout_at),
        "waited": ended - began,
    })  # fmt: skip
    await asyncio.to_thread(connection.recv)  # the bot has stopped
    await tvmaze.stop()
    await fake.stop()


def _child_main(connection: Connection, args: argparse.Namespace) -> None:
    asyncio.run(_simulate(connection, args))


async def _prepare(database_url: str, chats: int) -> None:
    """The fan-out: one message for each of `chats` chats, due now (as a news post leaves it)."""
    engine = create_engine(database_url)
    if database_url.startswith("postgresql"):
        async with engine.begin() as connection:
            await connection.execute(text("DROP SCHEMA public CASCADE"))
            await connection.execute(text("CREATE SCHEMA public"))
    await upgrade_database(engine)
    async with create_session_factory(engine).begin() as session:
        await session.execute(
            insert(Chat),
            [{"telegram_id": FANOUT_BASE + n, "type": "private"} for n in range(1, chats + 1)],
        )
        payload = to_payload(BotMessage("<b>Staffel 2</b> ist angekündigt."))
        rows = [
            {"chat_id": n, "kind": "broadcast", "dedup_key": f"load:{n}", "payload": payload}
            for n in range(1, chats + 1)
        ]
        await insert_deliveries(session, rows)
    await engine.dispose()


async def main(args: argparse.Namespace, database_url: str) -> None:
    context = multiprocessing.get_context("spawn")
    connection, child = context.Pipe()
    process = context.Process(target=_child_main, args=(child, args))
    process.start()
    base_url, tvmaze_url = await asyncio.to_thread(connection.recv)
    await _prepare(database_url, args.fanout_chats)
    settings = load_settings(
        _env_file=None, telegram_bot_token=TOKEN, telegram_api_base_url=base_url,
        database_url=database_url, tvmaze_base_url=tvmaze_url, feed_urls="",
        default_language="en",
    )  # fmt: skip
    stop = asyncio.Event()
    application = build_application(settings)
    bot = asyncio.create_task(run_until_stopped(application, stop, poll_timeout=1))
    await asyncio.sleep(3)  # started, polling
    connection.send("go")
    cpu = time.process_time()
    report = await asyncio.to_thread(connection.recv)
    cpu = time.process_time() - cpu
    stop.set()
    await bot
    connection.send("done")
    await asyncio.to_thread(process.join)

    by_action: dict[str, list[float | None]] = defaultdict(list)
    alerts: Counter[str] = Counter()  # taps answered by an alert and nothing else
    for action, latency, alert in report["results"]:
        if alert:
            alerts[alert] += 1
        else:
            by_action[action].append(latency)
    print(f"{args.users} users over {args.seconds:g} s, TVmaze {args.tvmaze_seconds:g} s, "
          f"fan-out {args.fanout_chats} chats, {database_url.split(':')[0]}")  # fmt: skip
    print(f"{'action':<16}{'count':>6}{'p50 s':>9}{'p95 s':>9}{'p99 s':>9}{'lost':>6}")
    lost = 0
    for action in sorted(by_action):
        latencies = [v for v in by_action[action] if v is not None]
        missing = len(by_action[action]) - len(latencies)
        lost += missing
        figures = (
            "".join(f"{_percentile(latencies, s):9.2f}" for s in (0.5, 0.95, 0.99))
            if latencies
            else f"{'-':>9}" * 3
        )
        print(f"{action:<16}{len(by_action[action]):>6}{figures}{missing:>6}")
    all_latencies = [v for _, v, _ in report["results"] if v is not None]
    if all_latencies:
        print(f"all replies: median {statistics.median(all_latencies):.2f} s")
    print(f"replies lost: {lost}   429s received: {report['429']}   "
          f"fan-out: {report['fanout_rate']:.1f} msg/s during the run, "
          f"{report['fanout_total']} of {args.fanout_chats} sent by its end   "
          f"bot CPU {cpu:.1f} s")  # fmt: skip
    if alerts:
        print(f"taps answered by an alert only (not lost): {dict(alerts)}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=1_000)
    parser.add_argument("--seconds", type=float, default=60.0, help="users start within this")
    parser.add_argument("--fanout-chats", type=int, default=10_000)
    parser.add_argument("--tvmaze-seconds", type=float, default=3.0)
    parser.add_argument("--grace", type=float, default=60.0, help="wait for late replies")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite+aiosqlite:///{folder}/load.sqlite3"
        asyncio.run(main(arguments, url))
