"""The outbox on SQLite and PostgreSQL: idempotent enqueue, claims, leases, cascades."""

from datetime import timedelta

from bot.delivery.outbox import enqueue
from bot.message import BotMessage, Copy
from storage.chats import delete_chat, ensure_chat
from storage.db import create_session_factory
from storage.deliveries import (
    count_by_status,
    due_deliveries,
    lease_deliveries,
    release_leases,
)
from storage.migrate import upgrade_database
from storage.models import utcnow
from storage.statuses import DeliveryKind


async def test_enqueue_is_idempotent_and_rows_become_due(engine):
    await upgrade_database(engine)
    sessions = create_session_factory(engine)
    now = utcnow()
    async with sessions.begin() as session:
        chat = await ensure_chat(session, telegram_id=7, chat_type="private")
        assert await enqueue(
            session,
            chat_id=chat.id,
            kind=DeliveryKind.NEWS,
            dedup_key="news:1:7",
            message=BotMessage("a"),
        )
        assert not await enqueue(
            session,
            chat_id=chat.id,
            kind=DeliveryKind.NEWS,
            dedup_key="news:1:7",
            message=BotMessage("b"),
        )
        assert await enqueue(
            session, chat_id=chat.id, kind=DeliveryKind.BROADCAST, dedup_key="broadcast:1:7",
            message=BotMessage(copy=Copy(7, 99), silent=True), not_before=now + timedelta(hours=1),
        )  # fmt: skip
    async with sessions.begin() as session:
        [due] = await due_deliveries(session, now=now + timedelta(seconds=1), limit=10)
        assert (due.payload, due.telegram_id, due.chat_type) == (
            {"v": 2, "html": "a"},
            7,
            "private",
        )
        await lease_deliveries(session, ids=[due.id], until=now + timedelta(minutes=2))
    async with sessions.begin() as session:
        assert await due_deliveries(session, now=now + timedelta(seconds=1), limit=10) == []
        # An expired lease means its sender died: the row is due again.
        expired = await due_deliveries(session, now=now + timedelta(minutes=3), limit=10)
        assert [row.id for row in expired] == [due.id]
        assert await release_leases(session) == 1
        assert await count_by_status(session) == {"pending": 2}
    async with sessions.begin() as session:
        await delete_chat(session, telegram_id=7)  # /deletedata takes its deliveries along
        assert await count_by_status(session) == {}
