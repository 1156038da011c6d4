"""The one sender: claims due outbox rows, sends them within the rate limits, records outcomes.

Crash safety: rows are leased ("sending") before a send and settled after it, in batches. A
sender that starts (holding the sender lock) first makes every leased row pending again, so a
kill loses nothing and re-sends at most what was in flight: at least once, duplicates bounded.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import timedelta
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from telegram import Bot

from bot.delivery.limits import HAS_TURN, Lane, SendScheduler
from bot.delivery.lock import sender_lock
from bot.delivery.outcomes import Outcome, Verdict, classify, row_change
from bot.delivery.packing import Outgoing, next_message
from bot.message import without_thread
from bot.telegram_io import send
from storage.chats import forget_news_topic, migrate_chat
from storage.deliveries import (
    DueRow,
    cancel_pending,
    due_deliveries,
    lease_deliveries,
    postpone_deliveries,
    record_outcomes,
    release_leases,
    rewrite_pending_payloads,
)
from storage.models import Chat, utcnow
from storage.statuses import ChatStatus

logger = logging.getLogger(__name__)

LEASE_SECONDS = 120.0  # far beyond the few seconds a claimed row waits for its slot
FLUSH_SECONDS = 0.1  # outcomes are written in batches at most this old …
FLUSH_ROWS = 500  # … or this many
# A batch of outcomes whose write failed this often is dropped (logged): its rows stay leased
# and are sent again when the lease expires. Claiming never waits for a failed write.
FLUSH_ATTEMPTS = 3
# A chat whose own limit lets it have a message this soon (one message a second to a private
# chat, a short retry_after) is claimed now and waits in the scheduler, which wakes it the
# moment the chat is free. Postponed in the outbox instead, it would be seen again only at
# the next claim: replies to that chat (a broadcast's progress edits to the admin) take the
# chat's slot first every time, and the message starves.
CLAIM_AHEAD = 1.5
# Sends holding a request slot: on the wire, or waiting for their global slot to leave at
# once. Enough for ~1,000 msg/s at up to ~100 ms latency; below aiohttp's pool of 256.
MAX_CONCURRENT_REQUESTS = 128
# Telegram answered 401: the token was revoked (the runner then stops the bot). Nothing is
# sent for this long, and the one error line says so once per pause; the rows stay pending.
TOKEN_PAUSE_SECONDS = 60.0


class SendMonitor(Protocol):
    """Who watches the sender from outside (metrics, liveness)."""

    def response(self, error: Exception | None, seconds: float) -> None:
        """Telegram answered one request after `seconds` (error None: sent)."""

    def stepped(self) -> None:
        """The sending loop came round once."""


class _Unwatched:
    def response(self, error: Exception | None, seconds: float) -> None:
        pass

    def stepped(self) -> None:
        pass


class Sender:
    def __init__(
        self,
        bot: Bot,
        engine: AsyncEngine,
        sessions: async_sessionmaker[AsyncSession],
        *,
        per_second: float,
        idle_poll_seconds: float = 0.5,
        clock: Callable[[], float] = time.monotonic,
        monitor: SendMonitor | None = None,
        scheduler: SendScheduler | None = None,  # the bot's one budget, shared with replies
    ) -> None:
        self.bot = bot
        self.engine = engine
        self.sessions = sessions
        self.scheduler = scheduler or SendScheduler(per_second, clock)
        self.clock = clock
        self.idle_poll_seconds = idle_poll_seconds
        # Enough claimed ahead to keep the budget busy for ~2 s, bounding what a kill repeats.
        self.max_in_flight = max(16, int(per_second * 2))
        self.monitor: SendMonitor = monitor or _Unwatched()
        self.sending = False  # holds the sender lock (else another instance sends)
        self._in_flight: dict[int, asyncio.Task[None]] = {}  # chats.id → its one send
        self._outcomes: list[tuple[Outgoing, Outcome]] = []
        self._last_flush = 0.0
        self._failed_flushes = 0
        self._next_claim = 0.0
        self._paused_until = 0.0  # while Telegram rejects the token (`wake` ignores it)
        self._wake = asyncio.Event()
        self._on_the_wire = asyncio.Semaphore(MAX_CONCURRENT_REQUESTS)
        self._stopping = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    # -- lifecycle ------------------------------------------------------------------------
    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="delivery-sender")

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    def wake(self) -> None:
        """Something was enqueued in this process: look at the outbox now."""
        self._next_claim = 0.0
        self._wake.set()

    async def stop(self) -> None:
        """Stop claiming, finish sends already on the wire, write every outcome down."""
        self._stopping.set()
        self.scheduler.release(Lane.BULK)
        self._wake.set()
        if self._task is not None:
            await self._task
            self._task = None

    async def _run(self) -> None:
        async with sender_lock(self.engine, self._stopping) as held:
            if not held:
                return
            self.sending = True
            async with self.sessions.begin() as session:
                recovered = await release_leases(session)
            if recovered:
                logger.warning("%d deliveries were in flight at the last stop; retrying", recovered)
            while not self._stopping.is_set():
                try:
                    await self._step()
                except Exception:
                    logger.exception("delivery step failed; retrying in a second")
                    await asyncio.sleep(1)
                else:  # a sender whose steps keep failing is not alive, however busy
                    self.monitor.stepped()
            if self._in_flight:
                await asyncio.wait(list(self._in_flight.values()))
            await self._flush()

    async def _step(self) -> None:
        now = self.clock()
        if self._outcomes and (
            len(self._outcomes) >= FLUSH_ROWS or now - self._last_flush >= FLUSH_SECONDS
        ):
            await self._flush()
        room = self.max_in_flight - len(self._in_flight)
        claim_at = max(self._next_claim, self._paused_until)
        if room >= max(1, self.max_in_flight // 4) and now >= claim_at:
            started = await self._claim(room)
            if started < room:  # the outbox has nothing more due: poll again later
                self._next_claim = self.clock() + self.idle_poll_seconds
        timeout = FLUSH_SECONDS if self._outcomes else self.idle_poll_seconds
        try:
            await asyncio.wait_for(self._wake.wait(), timeout)
        except TimeoutError:
            pass
        self._wake.clear()

    # -- claiming -------------------------------------------------------------------------
    async def _claim(self, room: int) -> int:
        """Lease the next message of up to `room` chats and start sending them."""
        now, mono = utcnow(), self.clock()
        async with self.sessions.begin() as session:
            due = await due_deliveries(
                session, now=now, limit=room * 2, exclude_chats=list(self._in_flight)
            )
            by_chat: dict[int, list[DueRow]] = defaultdict(list)
            for row in due:
                by_chat[row.chat_id].append(row)
            messages: list[Outgoing] = []
            for chat_id, rows in by_chat.items():
                if len(messages) >= room:
                    break
                if rows[0].chat_status != ChatStatus.ACTIVE:
                    await cancel_pending(session, chat_id=chat_id, reason="chat not active")
                    continue
                is_group = rows[0].chat_type != "private"
                telegram_id = rows[0].telegram_id  # the key replies use too: one limit a chat
                wait = self.scheduler.chat_ready_at(telegram_id, is_group=is_group) - mono
                if wait > CLAIM_AHEAD:  # out of the way until its limit allows it
                    later = now + timedelta(seconds=wait)
                    await postpone_deliveries(session, ids=[r.id for r in rows], not_before=later)
                    continue
                messages.append(next_message(rows))
            lease = now + timedelta(seconds=LEASE_SECONDS)
            await lease_deliveries(
                session, ids=[row_id for m in messages for row_id, _ in m.rows], until=lease
            )
        for message in messages:
            self._in_flight[message.chat_id] = asyncio.create_task(self._send(message))
        return len(messages)

    # -- sending --------------------------------------------------------------------------
    async def _send(self, message: Outgoing) -> None:
        HAS_TURN.set(True)  # this task's request passes the bot's rate limiter as it is
        chat, is_group = message.telegram_id, message.is_group
        # Waiting for the chat's own limit holds no request slot. The global slot is waited
        # for holding one, so the send leaves the moment the scheduler hands out its slot:
        # departures paced by the one budget, never bunched behind the request slots.
        # Bulk waits behind replies; a stop releases the waiters: their rows go back unsent.
        # Whatever happens, the rows get an outcome and the chat leaves the in-flight set:
        # a chat left there would be excluded from every later claim.
        outcome = Outcome(Verdict.RELEASED)
        try:
            if await self.scheduler.ready(chat, is_group=is_group, lane=Lane.BULK):
                async with self._on_the_wire:
                    paused = self.clock() < self._paused_until
                    if not (self._stopping.is_set() or paused) and await self.scheduler.turn(
                        chat, is_group=is_group, lane=Lane.BULK
                    ):
                        outcome = await self._deliver(message)
            if outcome.kind == Verdict.RETRY_AFTER:
                self.scheduler.back_off(message.telegram_id, outcome.retry_after)
        except Exception as error:  # a bug of ours: retried with back-off, a few times
            logger.exception("sending to chat %s failed before Telegram answered",
                             message.telegram_id)  # fmt: skip
            outcome = Outcome(Verdict.TRANSIENT, error=f"{type(error).__name__}: {error}"[:500])
        finally:
            self._outcomes.append((message, outcome))
            del self._in_flight[message.chat_id]
            self._wake.set()

    async def _deliver(self, message: Outgoing) -> Outcome:
        if message.message is None:  # written by no version of this code: never sendable
            logger.error("delivery to chat %s unreadable: %s", message.telegram_id,
                         message.unreadable)  # fmt: skip
            return Outcome(Verdict.BUG, error=message.unreadable)
        started = self.clock()
        try:
            sent_id = await send(self.bot, message.telegram_id, message.message)
        except Exception as error:  # every failure is an outcome of its rows, never a crash
            self.monitor.response(error, self.clock() - started)
            outcome = classify(error, thread_id=message.message.thread_id)
        else:
            self.monitor.response(None, self.clock() - started)
            return Outcome(Verdict.DELIVERED, message_id=sent_id)
        if outcome.kind == Verdict.UNAUTHORIZED:
            self._pause_for_token()
        elif outcome.kind == Verdict.BUG:
            logger.error(
                "message to chat %s rejected as broken (%s); text: %s",
                message.telegram_id, outcome.error, message.message.text or message.message.copy,
            )  # fmt: skip
        elif outcome.kind not in (Verdict.RETRY_AFTER, Verdict.TOPIC_GONE):
            logger.info("delivery to chat %s: %s", message.telegram_id, outcome.error)
        return outcome

    def _pause_for_token(self) -> None:
        now = self.clock()
        if now < self._paused_until:  # said once: the other sends on the wire met it too
            return
        self._paused_until = now + TOKEN_PAUSE_SECONDS
        logger.error(
            "Telegram rejected TELEGRAM_BOT_TOKEN (401 Unauthorized): nothing is sent for %d s; "
            "pending deliveries wait for a valid token", TOKEN_PAUSE_SECONDS,
        )  # fmt: skip

    # -- recording ------------------------------------------------------------------------
    async def _flush(self) -> None:
        """Write the outcomes collected so far in one transaction; never raises."""
        batch, self._outcomes = self._outcomes, []
        self._last_flush = self.clock()
        if not batch:
            return
        now = utcnow()
        changes = [
            row_change(outcome, row_id=row_id, attempts=attempts, now=now)
            for message, outcome in batch
            for row_id, attempts in message.rows
        ]
        try:
            async with self.sessions.begin() as session:
                await record_outcomes(session, changes)
                for message, outcome in batch:
                    await _apply_to_chat(session, message, outcome)
        except Exception:
            self._failed_flushes += 1
            if self._failed_flushes < FLUSH_ATTEMPTS:
                logger.exception("writing %d outcomes failed; retrying with the next flush",
                                 len(batch))  # fmt: skip
                self._outcomes = batch + self._outcomes
                return
            logger.exception(
                "writing %d outcomes failed %d times; dropped, their rows are retried when "
                "their lease expires", len(batch), self._failed_flushes,
            )  # fmt: skip
        self._failed_flushes = 0


async def _apply_to_chat(session: AsyncSession, message: Outgoing, outcome: Outcome) -> None:
    """What an outcome teaches about the chat itself: gone, moved to a supergroup, or its
    forum topic gone."""
    if outcome.kind == Verdict.UNREACHABLE:
        chat = await session.get(Chat, message.chat_id)
        if chat is not None:
            chat.status = ChatStatus.LEFT if message.is_group else ChatStatus.BLOCKED
        await cancel_pending(session, chat_id=message.chat_id, reason=outcome.error)
        logger.info("chat %s is unreachable; its pending deliveries are cancelled",
                    message.telegram_id)  # fmt: skip
    elif outcome.kind == Verdict.MIGRATED and outcome.new_chat_id is not None:
        await migrate_chat(session, old_id=message.telegram_id, new_id=outcome.new_chat_id)
        logger.info("group %s moved to %s; retrying there", message.telegram_id,
                    outcome.new_chat_id)  # fmt: skip
    elif outcome.kind == Verdict.TOPIC_GONE and outcome.thread_id is not None:
        # Its rows go to the main chat now, and so does the group's news from now on.
        rows = [row_id for row_id, _ in message.rows]
        await rewrite_pending_payloads(session, ids=rows, rewrite=without_thread)
        thread = outcome.thread_id
        reset = await forget_news_topic(session, chat_id=message.chat_id, thread_id=thread)
        logger.warning("topic %s of group %s is gone (%s); sending to the main chat%s", thread,
                       message.telegram_id, outcome.error,
                       " from now on" if reset else "")  # fmt: skip
