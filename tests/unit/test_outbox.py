"""The outbox on SQLite and PostgreSQL: idempotent enqueue, claims, leases, cascades."""

from dataclasses import replace
from datetime import timedelta

from sqlalchemy import select

from bot.delivery.outbox import Encodings, Push, enqueue, enqueue_many
from bot.message import BotMessage, Button, Copy, to_payload
from storage.chats import delete_chat, ensure_chat
from storage.db import create_session_factory
from storage.deliveries import (
    count_by_status,
    due_deliveries,
    lease_deliveries,
    release_leases,
)
from storage.delivery_models import Delivery
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


async def test_deleting_a_chat_removes_the_broadcasts_that_name_it(engine):
    from sqlalchemy import func, select

    from storage.delivery_models import Broadcast, Delivery

    await upgrade_database(engine)
    sessions = create_session_factory(engine)
    async with sessions.begin() as session:
        admin = await ensure_chat(session, telegram_id=7, chat_type="private")
        fan = await ensure_chat(session, telegram_id=8, chat_type="private")
        mine = Broadcast(author_id=7, from_chat_id=7, message_id=1, status_chat_id=7,
                         status_message_id=2, status="running")  # fmt: skip
        other = Broadcast(author_id=9, from_chat_id=9, message_id=1, status="done")
        session.add_all([mine, other])
        await session.flush()
        for broadcast in (mine, other):
            session.add(
                Delivery(
                    chat_id=fan.id, kind="broadcast", dedup_key=f"broadcast:{broadcast.id}:8",
                    payload=to_payload(BotMessage(copy=Copy(broadcast.from_chat_id, 1))),
                    broadcast_id=broadcast.id,
                )
            )  # fmt: skip
        assert admin.id
    async with sessions.begin() as session:
        await delete_chat(session, telegram_id=7)
    async with sessions() as session:
        assert list(await session.scalars(select(Broadcast.author_id))) == [9]
        assert await session.scalar(select(func.count()).select_from(Delivery)) == 1


async def test_batches_sharing_encodings_store_each_message_as_its_own_payload(engine):
    """A job queuing batch after batch encodes each message once for all of them, by the
    message itself or an equal one, and never hands one message's payload to another."""
    await upgrade_database(engine)
    sessions = create_session_factory(engine)
    keyboard = ((Button("Card", "1|c|5"),),)
    first, second = BotMessage("<b>Dark</b> at 20:15", keyboard), BotMessage("Lost at 21:00")
    encodings = Encodings()
    async with sessions.begin() as session:
        chats = [await ensure_chat(session, telegram_id=t, chat_type="private") for t in (1, 2, 3)]
        batches = [
            [Push(chats[0].id, DeliveryKind.REMINDER, "r:1", first),
             Push(chats[1].id, DeliveryKind.REMINDER, "r:2", second)],
            [Push(chats[2].id, DeliveryKind.REMINDER, "r:3", first),
             Push(chats[0].id, DeliveryKind.REMINDER, "r:4", replace(second, silent=False)),
             Push(chats[1].id, DeliveryKind.REMINDER, "r:5", BotMessage("Lost at 21:00"))],
        ]  # fmt: skip
        assert [await enqueue_many(session, b, encodings=encodings) for b in batches] == [2, 3]
    assert len(encodings.by_value) == 2  # the equal third message found the second's payload
    assert len(encodings.stored) == 2
    async with sessions() as session:
        by_key = dict((await session.execute(select(Delivery.dedup_key, Delivery.payload))).all())
    assert by_key == {
        "r:1": to_payload(first), "r:3": to_payload(first),
        "r:2": to_payload(second), "r:4": to_payload(second), "r:5": to_payload(second),
    }  # fmt: skip
    assert to_payload(first)["buttons"] == [[{"label": "Card", "data": "1|c|5"}]]
