"""Two bot instances on one PostgreSQL database: one sends at a time, each row exactly once."""

import pytest
from telegram import Bot

from bot.delivery.sender import Sender
from bot.ops.operations import Operations
from storage.db import create_engine, create_session_factory
from tests.e2e.conftest import TOKEN
from tests.e2e.outbox import received, rows, seed, statuses
from tests.fake_telegram import FakeTelegram

CHATS = list(range(1, 1001))


def sent(monitor: Operations) -> int:
    """Messages Telegram accepted from the sender this monitor watches."""
    return monitor.metrics.telegram_answers().get("200", 0)


async def test_two_senders_drain_1000_rows_exactly_once(database_url, fake: FakeTelegram):
    if not database_url.startswith("postgresql"):
        pytest.skip("several instances share a PostgreSQL database, not a SQLite file")
    for chat in CHATS:
        fake.add_user(chat)
    await seed(
        database_url,
        {chat: "private" for chat in CHATS},
        [(chat, f"news:1:{chat}", f"Neuigkeit {chat}") for chat in CHATS],
    )
    engines = [create_engine(database_url) for _ in range(2)]
    async with (
        Bot(TOKEN, base_url=fake.base_url) as bot_a,
        Bot(TOKEN, base_url=fake.base_url) as bot_b,
    ):
        monitors = [Operations(), Operations()]
        senders = [
            Sender(bot, engine, create_session_factory(engine), per_second=250, monitor=monitor)
            for bot, engine, monitor in zip((bot_a, bot_b), engines, monitors, strict=True)
        ]
        for sender in senders:
            sender.start()
        # Whoever holds the lock sends; stopping it midway hands over to the other one.
        await fake.wait(lambda: sum(1 for c in CHATS if fake.messages(c)) >= 300, 30, "300")
        first = max(senders, key=lambda s: sent(monitors[senders.index(s)]))
        await first.stop()
        await fake.wait(lambda: all(fake.messages(c) for c in CHATS), 30, "every chat")
        for sender in senders:
            await sender.stop()
    for engine in engines:
        await engine.dispose()

    assert set(received(fake, CHATS).values()) == {1}
    assert statuses(await rows(database_url)) == {"sent": 1000}
    assert all(sent(monitor) > 0 for monitor in monitors)  # both took part, in turn
