"""The sender survives a chat deleted while its message is on the wire (SQLite and PostgreSQL).

Telegram is a stand-in here whose sends wait until the test lets them go; the sender, its
queries and the database are the real ones.
"""

import asyncio
from types import SimpleNamespace

from sqlalchemy import select

from bot.delivery.limits import Lane, SendScheduler
from bot.delivery.outbox import enqueue
from bot.delivery.sender import Sender
from bot.message import BotMessage
from storage.chats import delete_chat, ensure_chat
from storage.db import create_session_factory
from storage.deliveries import record_outcomes
from storage.delivery_models import Delivery
from storage.migrate import upgrade_database
from storage.models import utcnow


class HeldBot:
    """Answers sendMessage only once `release` is set; records who was sent what."""

    def __init__(self) -> None:
        self.release = asyncio.Event()
        self.on_the_wire = asyncio.Event()
        self.sent: list[tuple[int, str]] = []

    async def send_message(self, chat_id: int, text: str, **_: object) -> SimpleNamespace:
        self.on_the_wire.set()
        await self.release.wait()
        self.sent.append((chat_id, text))
        return SimpleNamespace(message_id=len(self.sent))


async def _queue(sessions, telegram_id: int, key: str) -> int:
    async with sessions.begin() as session:
        chat = await ensure_chat(session, telegram_id=telegram_id, chat_type="private")
        await enqueue(session, chat_id=chat.id, kind="news", dedup_key=key, message=BotMessage(key))
        return await session.scalar(select(Delivery.id).where(Delivery.dedup_key == key))


async def _statuses(sessions) -> dict[str, str]:
    async with sessions() as session:
        return dict((await session.execute(select(Delivery.dedup_key, Delivery.status))).all())


async def test_a_chat_deleted_mid_send_does_not_stop_the_sender(engine):
    await upgrade_database(engine)
    sessions = create_session_factory(engine)
    bot = HeldBot()
    await _queue(sessions, 1, "news:1:1")
    sender = Sender(bot, engine, sessions, per_second=30, idle_poll_seconds=0.05)
    sender.start()
    await asyncio.wait_for(bot.on_the_wire.wait(), 5)
    async with sessions.begin() as session:  # /deletedata while the message is on the wire
        await delete_chat(session, telegram_id=1)
    bot.release.set()
    await asyncio.sleep(0.3)  # its outcome is written (or fails to be)
    await _queue(sessions, 2, "news:2:2")  # another chat's message must still go out
    for _ in range(100):
        if (await _statuses(sessions)).get("news:2:2") == "sent":
            break
        await asyncio.sleep(0.05)
    await sender.stop()  # must not raise
    assert await _statuses(sessions) == {"news:2:2": "sent"}
    assert [chat for chat, _ in bot.sent] == [1, 2]


async def test_outcome_for_a_vanished_row_skips_it_and_writes_the_others(engine):
    await upgrade_database(engine)
    sessions = create_session_factory(engine)
    gone = await _queue(sessions, 1, "news:1:1")
    kept = await _queue(sessions, 2, "news:2:2")
    async with sessions.begin() as session:
        await session.execute(Delivery.__table__.update().values(status="sending"))
        await delete_chat(session, telegram_id=1)
    now = utcnow()
    change = {"status": "sent", "lease_until": None, "not_before": now, "attempts": 0,
              "last_error": None, "last_attempt_at": now, "telegram_message_id": 5,
              "sent_at": now}  # fmt: skip
    async with sessions.begin() as session:
        await record_outcomes(session, [{"id": gone, **change}, {"id": kept, **change}])
    assert await _statuses(sessions) == {"news:2:2": "sent"}


async def test_a_reused_row_id_never_receives_a_stale_sent(tmp_path):
    from storage.db import create_engine

    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path}/reuse.sqlite3")
    await upgrade_database(engine)
    sessions = create_session_factory(engine)
    old = await _queue(sessions, 1, "news:1:1")
    async with sessions.begin() as session:
        await session.execute(Delivery.__table__.update().values(status="sending"))
        await delete_chat(session, telegram_id=1)
    new = await _queue(sessions, 2, "news:2:2")  # SQLite without AUTOINCREMENT reuses the id
    assert new != old
    now = utcnow()
    async with sessions.begin() as session:
        await record_outcomes(
            session,
            [{"id": old, "status": "sent", "lease_until": None, "not_before": now,
              "attempts": 0, "last_error": None, "last_attempt_at": now,
              "telegram_message_id": 5, "sent_at": now}],
        )  # fmt: skip
    assert await _statuses(sessions) == {"news:2:2": "pending"}
    await engine.dispose()


class FailingOnceScheduler(SendScheduler):
    """The real scheduler, except that its first `ready` raises (a bug of ours)."""

    def __init__(self) -> None:
        super().__init__(30)
        self.failed = False

    async def ready(self, chat: int, *, is_group: bool, lane: Lane) -> bool:
        if not self.failed:
            self.failed = True
            raise RuntimeError("scheduler bug")
        return await super().ready(chat, is_group=is_group, lane=lane)


async def test_a_send_that_raises_before_telegram_leaves_its_chat_sendable(engine, caplog):
    await upgrade_database(engine)
    sessions = create_session_factory(engine)
    bot = HeldBot()
    bot.release.set()
    await _queue(sessions, 1, "news:1:1")
    scheduler = FailingOnceScheduler()
    sender = Sender(bot, engine, sessions, per_second=30, idle_poll_seconds=0.05,
                    scheduler=scheduler)  # fmt: skip
    sender.start()
    await asyncio.sleep(0.5)  # the failed send's outcome is written
    async with sessions.begin() as session:  # retry it now rather than after its back-off
        await session.execute(Delivery.__table__.update().values(not_before=utcnow()))
    await _queue(sessions, 1, "news:1:2")  # the same chat's next message goes out too
    for _ in range(100):
        if set((await _statuses(sessions)).values()) == {"sent"}:
            break
        await asyncio.sleep(0.05)
    await sender.stop()
    assert scheduler.failed
    assert await _statuses(sessions) == {"news:1:1": "sent", "news:1:2": "sent"}
    assert "failed before Telegram answered" in caplog.text
    caplog.clear()  # the logged error is this test's point
