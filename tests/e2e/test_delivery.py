"""The outbox sender against the fake Bot API: limits, Telegram's errors, digests, restarts."""

import asyncio
import logging
import time

from sqlalchemy import insert

from bot.app import build_application
from bot.runner import run_until_stopped
from storage.db import create_engine
from storage.delivery_models import Delivery
from tests.e2e.conftest import TOKEN, BotRunner
from tests.e2e.outbox import chats, received, rows, seed, statuses, wait_settled
from tests.e2e.test_operator_http import free_port
from tests.fake_telegram import FakeTelegram
from tests.fake_tvmaze import FakeTvmaze


async def test_pending_news_for_one_chat_arrive_as_one_digest(bot: BotRunner, fake: FakeTelegram):
    fake.add_user(1, "Anna")
    items = [(1, f"news:{n}:1", f"<b>Serie {n}</b> verlängert") for n in range(3)]
    await seed(bot.database_url, {1: "private"}, items)
    [digest] = await fake.wait_for_messages(1)
    assert digest["visible"] == "Serie 0 verlängert\n\nSerie 1 verlängert\n\nSerie 2 verlängert"
    found = await wait_settled(bot, 3)
    assert {(r.status, r.telegram_message_id) for r in found} == {("sent", digest["message_id"])}


async def test_a_push_is_queued_once_and_sent_once_across_restarts(
    bot: BotRunner, fake: FakeTelegram
):
    fake.add_user(1, "Anna")
    await seed(bot.database_url, {1: "private"}, [(1, "reminder:7:1", "Dark in 1 h")])
    await fake.wait_for_messages(1)
    await wait_settled(bot, 1)
    await seed(bot.database_url, {}, [(1, "reminder:7:1", "Dark in 1 h")])  # a writer retried
    await bot.restart()
    await asyncio.sleep(1)
    assert len(fake.messages(1)) == 1 and len(await rows(bot.database_url)) == 1


async def test_a_429_storm_delays_only_the_chats_it_hit(bot: BotRunner, fake: FakeTelegram):
    for user in range(1, 41):
        fake.add_user(user)
    fake.set_rate_limits(global_per_second=30, per_private_chat_per_second=1)
    fake.fail_next("sendMessage", 429, "Too Many Requests: retry after 2", {"retry_after": 2}, 5)
    items = [(user, f"news:x:{user}", f"Hallo {user}") for user in range(1, 41)]
    started = time.monotonic()
    await seed(bot.database_url, {user: "private" for user in range(1, 41)}, items)
    found = await wait_settled(bot, 40)
    assert statuses(found) == {"sent": 40}
    assert set(received(fake, list(range(1, 41))).values()) == {1}  # none lost, none twice
    # The 5 scripted ones, plus any the fake's strict window adds when requests bunch on
    # the wire of a loaded machine; the sender waits each out for its chat only.
    assert fake.stats["429"] >= 5
    # 40 messages at 30/s plus the 2 s the storm asked for, with slack for a busy machine:
    # had each 429 held everybody, the five in a row would take 10 s.
    assert time.monotonic() - started < 2 + 40 / 30 + 4


async def test_blocked_user_and_vanished_chat_are_marked_and_their_rows_cancelled(
    bot: BotRunner, fake: FakeTelegram
):
    fake.add_user(1, "Anna")
    fake.add_user(2, "Ben")
    fake.block(1)
    ids = await seed(
        bot.database_url,
        {1: "private", 2: "private", -77: "group"},  # the fake never heard of group -77
        [(1, "a", "eins"), (2, "b", "zwei"), (-77, "c", "drei")],
    )
    found = await wait_settled(bot, 3)
    by_chat = {r.chat_id: r for r in found}
    assert by_chat[ids[1]].status == "cancelled" and "blocked" in by_chat[ids[1]].last_error
    assert by_chat[ids[-77]].status == "cancelled" and "not found" in by_chat[ids[-77]].last_error
    assert by_chat[ids[2]].status == "sent"
    stored = await chats(bot.database_url)
    assert (stored[ids[1]].status, stored[ids[-77]].status) == ("blocked", "left")
    # A later push to the blocked chat is cancelled without asking Telegram again.
    calls = len(fake.calls)
    await seed(bot.database_url, {}, [(1, "d", "vier")])
    found = await wait_settled(bot, 4)
    assert found[-1].status == "cancelled"
    assert [m for m, p in fake.calls[calls:] if p.get("chat_id") == 1] == []


async def test_message_to_a_migrated_group_follows_it_to_the_supergroup(
    bot: BotRunner, fake: FakeTelegram
):
    fake.add_user(5, "Ada")
    fake.add_group(-500, "Serienabend", admins=[5])
    fake.add_group(-1000000000500, "Serienabend", admins=[5], type="supergroup")
    fake.chats[-500].migrated_to = -1000000000500  # Telegram knows; the bot was not told
    ids = await seed(bot.database_url, {-500: "group"}, [(-500, "n", "Neue Staffel")])
    [message] = await fake.wait_for_messages(-1000000000500)
    assert message["visible"] == "Neue Staffel"
    [row] = await wait_settled(bot, 1)
    assert row.status == "sent"
    assert (await chats(bot.database_url))[ids[-500]].telegram_id == -1000000000500


async def test_a_broken_message_fails_once_and_is_logged_with_its_text(
    bot: BotRunner, fake: FakeTelegram, caplog
):
    fake.add_user(1, "Anna")
    fake.fail_next("sendMessage", 400, "Bad Request: can't parse entities: unclosed tag")
    await seed(bot.database_url, {1: "private"}, [(1, "bug", "<b>kaputt")])
    [row] = await wait_settled(bot, 1)
    assert (row.status, row.attempts) == ("failed", 0)
    assert [m for m, _ in fake.calls].count("sendMessage") == 1
    [error] = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert "<b>kaputt" in error.getMessage()
    caplog.clear()  # the bot fixture fails on logged errors; this one is the point of the test


async def test_a_server_error_is_retried_after_a_back_off(bot: BotRunner, fake: FakeTelegram):
    fake.add_user(1, "Anna")
    fake.fail_next("sendMessage", 500, "Internal Server Error")
    await seed(bot.database_url, {1: "private"}, [(1, "flaky", "Dark kommt zurück")])
    await fake.wait_for_messages(1, timeout=10)
    [row] = await wait_settled(bot, 1)
    assert (row.status, row.attempts) == ("sent", 1)
    assert "Internal Server Error" in (row.last_error or "Internal Server Error")


async def test_a_token_revoked_under_a_webhook_bot_keeps_every_push_and_ends_the_bot(
    fake: FakeTelegram, tvmaze: FakeTvmaze, tmp_path, caplog
):
    # No polling loop to meet the 401 first: the sender meets it.
    runner = BotRunner(fake, f"sqlite+aiosqlite:///{tmp_path}/bot.sqlite3", tvmaze.base_url)
    users = [11, 12, 13]
    for user in users:
        fake.add_user(user)
    settings = runner.settings(
        webhook_url="https://bot.example.org/hook", webhook_secret="s3cret",
        webhook_port=free_port(),
    )  # fmt: skip
    application = build_application(settings)
    task = asyncio.create_task(run_until_stopped(application, asyncio.Event()))
    await fake.wait_for_call("setWebhook", timeout=10)
    fake.token = "123:revoked"
    pushes = [(user, f"news:revoked:{user}", f"Neuigkeit {user}") for user in users]
    await seed(runner.database_url, {user: "private" for user in users}, pushes)
    await asyncio.wait_for(task, 10)  # the bot stopped by itself
    assert application.bot_data.ops.token_rejected.is_set()
    assert {(r.status, r.attempts) for r in await rows(runner.database_url)} == {("pending", 0)}
    assert ("sendMessage", 401, "Unauthorized") in fake.errors
    assert not any(fake.messages(user) for user in users)
    [error] = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert "TELEGRAM_BOT_TOKEN" in error and TOKEN not in error


async def test_rows_of_the_previous_payload_version_are_sent_and_unreadable_ones_failed(
    bot: BotRunner, fake: FakeTelegram, caplog
):
    fake.add_user(1, "Anna")
    fake.add_group(-100500, "Forum", type="supergroup", forum=True)
    ids = await seed(bot.database_url, {1: "private", -100500: "supergroup"})
    old_style = [  # as the version before the version field wrote them
        (
            ids[1],
            "news:old:1",
            {"html": "<b>Dark</b>", "buttons": [[{"label": "Ok", "data": "1|nr|1"}]]},
        ),
        (ids[-100500], "news:old:2", {"html": "Topic news", "thread_id": 7}),
        (ids[1], "news:future:1", {"v": 99, "html": "from a newer writer"}),
    ]
    engine = create_engine(bot.database_url)
    async with engine.begin() as connection:
        await connection.execute(
            insert(Delivery),
            [{"chat_id": c, "kind": "news", "dedup_key": k, "payload": p} for c, k, p in old_style],
        )
    await engine.dispose()
    found = await wait_settled(bot, 3)
    assert [row.status for row in found] == ["sent", "sent", "failed"]
    assert "payload version 99" in (found[2].last_error or "")
    [error] = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert "unreadable" in error.getMessage()
    caplog.clear()  # the bot fixture fails on logged errors; this one is expected
    [with_button] = fake.messages(1)
    assert with_button["visible"] == "Dark" and with_button["reply_markup"]
    [in_topic] = [p for m, p in fake.calls if m == "sendMessage" and p["chat_id"] == -100500]
    assert int(in_topic["message_thread_id"]) == 7  # kept although the message has no buttons
