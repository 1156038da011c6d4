"""Soak run: the real bot process (`run_bot.py`) for a while under steady traffic, killed with
SIGKILL halfway and restarted, against the fake Bot API, fake TVmaze and a local feed server.

    python -m bench.soak                 # 20 minutes
    python -m bench.soak --minutes 2     # a quick look

Traffic: simulated users who follow series and send commands, groups whose administrators
follow series there, a feed that publishes news about those series, episodes whose reminders
fall due all the time, and one admin broadcast, during which the bot is killed.
Printed: RSS of the bot at start, middle and end; deliveries lost (must be 0); duplicates
(bounded by what was in flight at the kill); reminders and news written against what was due;
ERROR log lines; /healthz at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import signal
import socket
import sqlite3
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from prometheus_client.parser import text_string_to_metric_families

from bot import render
from storage.delivery_models import Delivery
from tests.e2e.outbox import rows
from tests.e2e.test_process import launch
from tests.fake_feeds import FeedServer
from tests.fake_feeds.server import Route, rss
from tests.fake_telegram import FakeTelegram
from tests.fake_tvmaze import FakeTvmaze, episode, show

TOKEN = "123:soak"
ADMIN = 9000
SHOWS = ("Glasmond", "Nordlichtwache", "Kupferhafen", "Sternenmoor",
         "Eisenfluss", "Wolkenbruchstadt", "Nebelgarten", "Silberkamm")  # fmt: skip
SHOW_ID_BASE = 81000
LEAD = timedelta(minutes=60)  # a new chat's reminder lead time
EPISODE_EVERY_SECONDS = 90  # per series
FEED_POLL_SECONDS = 30
NEWS_EVERY_SECONDS = 20
COMMANDS = ("/list", "/next", "/news", "/help", "/settings", "/start")
DRAIN_SECONDS = 180
GROUPS = 4  # groups whose administrator follows two series there
GROUP_COMMANDS = ("/list", "/next", "/news", "/help")
ANNOUNCEMENT = "Soak announcement: the bot keeps running."


@dataclass
class Soak:
    minutes: float
    users: int
    commands_per_second: float
    workdir: Path
    fake: FakeTelegram
    tvmaze: FakeTvmaze
    feeds: FeedServer
    random: random.Random = field(default_factory=lambda: random.Random(13))
    follows: dict[int, tuple[int, int]] = field(default_factory=dict)  # user → two show indexes
    news_items: list[tuple[int, datetime]] = field(default_factory=list)  # show index, when
    commands_sent: int = 0
    episodes: list[tuple[int, datetime]] = field(default_factory=list)  # show index, airs
    http_port: int = 0

    @property
    def database_url(self) -> str:
        return f"sqlite+aiosqlite:///{self.workdir}/data/serienwecker.sqlite3"

    async def start_bot(self) -> asyncio.subprocess.Process:
        log = (self.workdir / "bot.log").open("ab")
        return await launch(
            self.workdir, stderr=log,
            TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_BASE_URL=self.fake.base_url,
            TVMAZE_BASE_URL=self.tvmaze.base_url, FEED_URLS=self.feeds.url("/news.xml"),
            FEED_POLL_SECONDS=str(FEED_POLL_SECONDS), REMINDER_TICK_SECONDS="5",
            ADMIN_IDS=str(ADMIN), ALLOW_PRIVATE_FEEDS="true", LOG_FORMAT="json",
            HTTP_PORT=str(self.http_port), DEFAULT_LANGUAGE="en",
        )  # fmt: skip


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def fill_world(soak: Soak, start: datetime, seconds: float) -> None:
    """The series, each with an episode every EPISODE_EVERY_SECONDS whose reminder falls due
    during the run (air time minus the one-hour lead)."""
    count = int(seconds // EPISODE_EVERY_SECONDS) + 2
    for index, name in enumerate(SHOWS):
        episodes = []
        for number in range(1, count + 1):
            offset = 45 + number * EPISODE_EVERY_SECONDS + index * 7
            airs = start + LEAD + timedelta(seconds=offset)
            episodes.append(episode(SHOW_ID_BASE * 10 + index * 1000 + number, 1, number,
                                    f"Part {number}", airs))  # fmt: skip
            soak.episodes.append((index, airs))
        soak.tvmaze.add_show(show(SHOW_ID_BASE + index, name, network="ZDF"), episodes=episodes)
    publish(soak)  # the first poll of a feed announces nothing; later items are news


def publish(soak: Soak) -> None:
    items = [
        {
            "guid": f"soak-{n}",
            "title": f"{SHOWS[index]} renewed for season {n + 2}",
            "link": f"https://news.example/{n}",
            "description": f"The network renewed {SHOWS[index]} for another season.",
            "pubDate": when,
        }
        for n, (index, when) in enumerate(soak.news_items)
    ] or [{"guid": "soak-start", "title": "Welcome", "link": "https://news.example/"}]
    soak.feeds.routes["/news.xml"] = Route(body=rss(items[-30:], language="en"))


async def join(soak: Soak) -> None:
    """Every user starts the bot by following two series; the admin starts too."""
    soak.fake.add_user(ADMIN, "Ada", language_code="en")
    soak.fake.send_text(ADMIN, ADMIN, "/start")
    for user in range(1, soak.users + 1):
        soak.fake.add_user(user, f"Fan {user}", language_code=soak.random.choice(["de", "en"]))
        first, second = user % len(SHOWS), (user + 3) % len(SHOWS)
        soak.follows[user] = (first, second)
        soak.fake.send_text(user, user, f"/start follow_{SHOW_ID_BASE + first}")
        await asyncio.sleep(0.3)
        soak.fake.send_text(user, user, f"/start follow_{SHOW_ID_BASE + second}")
        await asyncio.sleep(0.3)
    for number in range(1, GROUPS + 1):
        await group_follows(
            soak, -number, admin=number, shows=(number % len(SHOWS), (number + 4) % len(SHOWS))
        )


async def group_follows(soak: Soak, group: int, admin: int, shows: tuple[int, int]) -> None:
    """A group whose administrator follows two series there: /follow, then the button."""
    fake = soak.fake
    members = [user for user in range(1, soak.users + 1) if user % GROUPS == -group % GROUPS]
    fake.add_group(group, f"Serienrunde {-group}", admins=[admin], members=members)
    for index in shows:
        fake.send_text(group, admin, f"/follow {SHOWS[index]}")

        def offer(name: str = SHOWS[index]) -> tuple[int, str] | None:
            for message in reversed(fake.messages(group)):
                for row in (message.get("reply_markup") or {}).get("inline_keyboard", []):
                    for button in row:
                        if button["text"].startswith(name):
                            return message["message_id"], button["callback_data"]
            return None

        message_id, data = await fake.wait(offer, 30, f"the offer of {SHOWS[index]}")
        query = fake.press_button(group, message_id, data, admin)
        await fake.wait_for_callback_answer(query, timeout=30)
    soak.follows[group] = shows


async def users_talk(soak: Soak, until: float) -> None:
    while time.monotonic() < until:
        user = soak.random.randint(1, soak.users)
        soak.fake.send_text(user, user, soak.random.choice(COMMANDS))
        soak.commands_sent += 1
        if soak.random.random() < 0.1:
            group = -soak.random.randint(1, GROUPS)
            member = soak.random.choice(
                [u for u in soak.follows if u > 0 and u % GROUPS == -group % GROUPS]
            )
            soak.fake.send_text(group, member, soak.random.choice(GROUP_COMMANDS))
            soak.commands_sent += 1
        if soak.random.random() < 0.02:
            soak.fake.send_text(ADMIN, ADMIN, "/stats")
        await asyncio.sleep(1 / soak.commands_per_second)


async def news_flow(soak: Soak, until: float) -> None:
    while time.monotonic() < until:
        await asyncio.sleep(NEWS_EVERY_SECONDS)
        soak.news_items.append((soak.random.randrange(len(SHOWS)), datetime.now(UTC)))
        publish(soak)


async def broadcast(soak: Soak) -> None:
    """The admin announces something to everyone: /broadcast, the text, then Send."""
    fake = soak.fake
    before = len(fake.messages(ADMIN))
    fake.send_text(ADMIN, ADMIN, "/broadcast")
    await fake.wait_for_messages(ADMIN, count=before + 1, timeout=30)
    await asyncio.sleep(1)
    fake.send_text(ADMIN, ADMIN, ANNOUNCEMENT)
    send = render.label("en", "broadcast.confirm")

    def send_button() -> tuple[int, str] | None:
        for message in fake.messages(ADMIN)[before:]:
            for row in (message.get("reply_markup") or {}).get("inline_keyboard", []):
                for button in row:
                    if button["text"] == send:
                        return message["message_id"], button["callback_data"]
        return None

    message_id, data = await fake.wait(send_button, 30, "the broadcast preview")
    await asyncio.sleep(1.5)  # the admin reads the preview
    query = fake.press_button(ADMIN, message_id, data, ADMIN)
    await fake.wait_for_callback_answer(query, timeout=30)


async def health(soak: Soak) -> str:
    try:
        async with httpx.AsyncClient(timeout=10) as client:
            response = await client.get(f"http://127.0.0.1:{soak.http_port}/healthz")
    except httpx.HTTPError as error:
        return f"unreachable ({error})"
    return f"{response.status_code} {response.json().get('failing')}"


async def scrape(soak: Soak) -> str:
    """A few figures from /metrics (they cover the process since the restart)."""
    async with httpx.AsyncClient(timeout=10) as client:
        response = await client.get(f"http://127.0.0.1:{soak.http_port}/metrics")
    values = {
        (sample.name, tuple(sorted(sample.labels.values()))): sample.value
        for family in text_string_to_metric_families(response.text)
        for sample in family.samples
    }
    codes = {labels[0]: int(v) for (name, labels), v in values.items()
             if name == "serienwecker_telegram_responses_total"}  # fmt: skip
    count = values.get(("serienwecker_send_latency_seconds_count", ()), 0)
    total = values.get(("serienwecker_send_latency_seconds_sum", ()), 0)
    mean = 1000 * total / count if count else float("nan")
    return f"Telegram answers since the restart {codes}, mean send latency {mean:.1f} ms"


async def wait_drained(soak: Soak, not_before: datetime) -> list[Delivery]:
    deadline = time.monotonic() + DRAIN_SECONDS
    while True:
        found = await rows(soak.database_url)
        busy = [r for r in found if r.status in ("pending", "sending")]
        if (not busy and datetime.now(UTC) >= not_before) or time.monotonic() > deadline:
            return found
        await asyncio.sleep(2)


def audit(soak: Soak, found: list[Delivery]) -> dict[str, Any]:
    """Lost and duplicated deliveries, as the users' chats show them."""
    fake = soak.fake
    statuses = Counter(row.status for row in found)
    lost_rows = [r for r in found if r.status in ("pending", "sending", "failed")]
    missing, duplicates = 0, 0
    # chat → the message each sent row became, and when the first of its rows was written
    by_chat: dict[int, dict[int, float]] = {}
    for row in found:
        if row.status == "sent" and row.telegram_message_id is not None:
            written = by_chat.setdefault(row.chat_id, {})
            at = row.created_at.timestamp()
            written[row.telegram_message_id] = min(written.get(row.telegram_message_id, at), at)
    chat_ids = _telegram_chat_ids(soak)
    for chat_row_id, written in by_chat.items():
        messages = {m["message_id"]: m for m in fake.messages(chat_ids[chat_row_id])}
        for message_id, created in written.items():
            if message_id not in messages:
                missing += 1
                continue
            # Another message with the same content, sent after the row existed (so not the
            # admin's preview of a broadcast): the same delivery arrived twice.
            content = _content(messages[message_id])
            duplicates += sum(
                1
                for other in messages.values()
                if other["message_id"] != message_id
                and _content(other) == content
                and other["date"] >= int(created)
            )
    return {"statuses": dict(statuses), "lost": len(lost_rows) + missing, "duplicates": duplicates}


def _telegram_chat_ids(soak: Soak) -> dict[int, int]:
    connection = sqlite3.connect(soak.workdir / "data" / "serienwecker.sqlite3")
    try:
        return dict(connection.execute("SELECT id, telegram_id FROM chats").fetchall())
    finally:
        connection.close()


def copies(soak: Soak) -> int:
    """Users' chats that got the broadcast so far."""
    return sum(
        1
        for user in soak.follows
        if any(_content(m) == ANNOUNCEMENT for m in soak.fake.messages(user))
    )


def _content(message: dict[str, Any]) -> str:
    return str(message.get("text") or message.get("caption") or "")


def expected_reminders(soak: Soak, joined: datetime, last_due: datetime) -> int:
    followers = Counter(index for pair in soak.follows.values() for index in pair)
    return sum(
        followers[index] for index, airs in soak.episodes if joined < airs - LEAD <= last_due
    )


def error_lines(path: Path) -> tuple[int, int]:
    """(ERROR or worse lines, lines that are not JSON)."""
    errors = not_json = 0
    for line in path.read_text(errors="replace").splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            not_json += 1
            continue
        if entry.get("level") in ("ERROR", "CRITICAL"):
            errors += 1
    return errors, not_json


async def run(minutes: float, users: int, commands_per_second: float) -> None:
    workdir = Path(tempfile.mkdtemp(prefix="serienwecker-soak-"))
    async with FakeTelegram(token=TOKEN) as fake, FakeTvmaze() as tvmaze, FeedServer() as feeds:
        soak = Soak(minutes, users, commands_per_second, workdir, fake, tvmaze, feeds)
        soak.http_port = free_port()
        seconds = minutes * 60
        started_at = datetime.now(UTC)
        fill_world(soak, started_at, seconds)
        print(f"soak: {minutes} min, {users} users, workdir {workdir}", flush=True)

        process = await soak.start_bot()
        await fake.wait_for_call("getUpdates", timeout=60)
        await join(soak)
        joined_at = datetime.now(UTC)
        begin = time.monotonic()
        until = begin + seconds
        traffic = [
            asyncio.create_task(users_talk(soak, until)),
            asyncio.create_task(news_flow(soak, until - FEED_POLL_SECONDS)),
        ]
        await asyncio.sleep(min(15, seconds / 8))
        rss = {"start": rss_mb(process.pid)}

        # Halfway: a broadcast, and SIGKILL while its copies are on the wire.
        await asyncio.sleep(max(0, begin + seconds * 0.5 - time.monotonic()))
        rss["middle"] = rss_mb(process.pid)
        await broadcast(soak)
        await fake.wait(lambda: copies(soak) >= 5, 60, "the first broadcast copies")
        process.send_signal(signal.SIGKILL)
        await process.wait()
        in_flight = sum(1 for r in await rows(soak.database_url) if r.status == "sending")
        print(f"killed at {time.monotonic() - begin:.0f} s; {in_flight} rows in flight", flush=True)
        process = await soak.start_bot()
        await fake.wait_for_call("getUpdates", timeout=60)
        await asyncio.sleep(min(15, seconds / 8))
        rss["after restart"] = rss_mb(process.pid)

        await asyncio.gather(*traffic)
        found = await wait_drained(soak, not_before=datetime.now(UTC) + timedelta(seconds=10))
        read_at = datetime.now(UTC)
        rss["end"] = rss_mb(process.pid)
        healthz = await health(soak)
        metrics = await scrape(soak)
        process.send_signal(signal.SIGTERM)
        await asyncio.wait_for(process.wait(), 60)

        report = audit(soak, found)
        kinds = Counter(row.kind for row in found)
        followers = Counter(index for pair in soak.follows.values() for index in pair)
        news_due = sum(followers[index] for index, _ in soak.news_items)
        errors, not_json = error_lines(workdir / "bot.log")
        print(f"RSS MB: {', '.join(f'{k} {v:.1f}' for k, v in rss.items())}")
        print(f"deliveries: {report['statuses']} by kind {dict(kinds)}")
        # The tick writes reminders up to two ticks (10 s) ahead of their moment.
        due = expected_reminders(soak, joined_at, read_at - timedelta(seconds=2))
        ahead = expected_reminders(soak, joined_at, read_at + timedelta(seconds=12))
        print(f"reminders written {kinds['reminder']}: {due} were due, {ahead} at most could be")
        print(f"news written {kinds['news']} of {news_due} due ({len(soak.news_items)} items)")
        print(f"lost deliveries: {report['lost']}")
        print(f"duplicates: {report['duplicates']} (in flight at the kill: {in_flight})")
        print(f"commands sent: {soak.commands_sent}; Telegram calls: {fake.stats['calls']}; "
              f"429s: {fake.stats['429']}")  # fmt: skip
        print(f"ERROR log lines: {errors} (non-JSON lines: {not_json})")
        print(f"exit code after SIGTERM: {process.returncode}")
        print(f"/healthz at the end: {healthz}")
        print(f"/metrics: {metrics}")
        print(f"log: {workdir / 'bot.log'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=20)
    parser.add_argument("--users", type=int, default=40)
    parser.add_argument("--commands-per-second", type=float, default=1.5)
    args = parser.parse_args()
    asyncio.run(run(args.minutes, args.users, args.commands_per_second))


if __name__ == "__main__":
    main()
