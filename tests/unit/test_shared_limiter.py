"""One Telegram budget: handler requests through the shared scheduler, replies before bulk,
a 429 retried after its retry_after; and each chat's updates one after another."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from telegram import Chat, Message, Update
from telegram.error import RetryAfter

from bot.delivery.limits import GROUP_WINDOW, HAS_TURN, PRIVATE_SPACING, Lane, SendScheduler
from bot.reply_limiter import SharedRateLimiter
from bot.update_order import ChatOrderedUpdates


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Api:
    """Stands in for PTB's request callback: records calls, fails as scripted."""

    def __init__(self, failures: list[Exception] | None = None) -> None:
        self.failures = failures or []
        self.calls: list[float] = []

    async def __call__(self, *args: Any, **kwargs: Any) -> bool:
        self.calls.append(time.monotonic())
        if self.failures:
            raise self.failures.pop(0)
        return True


async def request(limiter: SharedRateLimiter, api: Api, endpoint: str, **data: Any) -> Any:
    return await limiter.process_request(api, (endpoint, data), {}, endpoint, data, None)


async def test_a_reply_books_its_chat_as_a_push_would():
    clock = Clock()
    scheduler = SendScheduler(30, clock)
    limiter = SharedRateLimiter(scheduler)
    assert await request(limiter, Api(), "sendMessage", chat_id=7, text="hi") is True
    assert scheduler.chat_ready_at(7, is_group=False) == clock.now + PRIVATE_SPACING
    start = clock.now
    for _ in range(20):  # a group's 20 edits and replies within a minute …
        clock.now += 1
        await request(limiter, Api(), "editMessageText", chat_id=-5, message_id=1, text="x")
    # … and the next message to it must wait until the first is a minute old.
    assert scheduler.chat_ready_at(-5, is_group=True) == start + 1 + GROUP_WINDOW


async def test_requests_that_are_not_messages_take_no_slot():
    clock = Clock()
    scheduler = SendScheduler(30, clock)
    limiter = SharedRateLimiter(scheduler)
    api = Api()
    await request(limiter, api, "answerCallbackQuery", callback_query_id="1")
    await request(limiter, api, "getChatMember", chat_id=7, user_id=7)
    await request(limiter, api, "setMyCommands", commands=[])
    assert len(api.calls) == 3
    assert scheduler.chat_ready_at(7, is_group=False) == 0.0
    assert scheduler.reserve(8, is_group=False) == clock.now  # the global slot is still free


async def test_the_senders_requests_pass_as_they_are():
    clock = Clock()
    scheduler = SendScheduler(30, clock)
    limiter = SharedRateLimiter(scheduler)
    api = Api([RetryAfter(3)])

    async def as_the_sender() -> None:
        HAS_TURN.set(True)
        await request(limiter, api, "sendMessage", chat_id=7, text="news")

    with pytest.raises(RetryAfter):  # the sender records its own 429 as an outcome
        await asyncio.create_task(as_the_sender())
    assert scheduler.chat_ready_at(7, is_group=False) == 0.0
    assert len(api.calls) == 1


async def test_a_429_is_retried_after_retry_after_and_holds_that_chat():
    scheduler = SendScheduler(30)
    limiter = SharedRateLimiter(scheduler)
    api = Api([RetryAfter(timedelta(seconds=0.3))])
    assert await request(limiter, api, "sendMessage", chat_id=7, text="hi") is True
    first, second = api.calls
    assert second - first >= 0.3
    assert limiter.retries == 1


async def test_replies_are_served_before_waiting_bulk():
    scheduler = SendScheduler(50)
    granted: list[int] = []

    async def wait(chat: int, lane: Lane) -> None:
        assert await scheduler.turn(chat, is_group=False, lane=lane)
        granted.append(chat)

    bulk = [asyncio.create_task(wait(chat, Lane.BULK)) for chat in range(100, 106)]
    await asyncio.sleep(0)  # they take the free slot or queue for the next ones
    assert scheduler.waiting(Lane.BULK) == 5
    replies = [asyncio.create_task(wait(chat, Lane.REPLY)) for chat in (200, 201)]
    await asyncio.gather(*bulk, *replies)
    assert granted == [100, 200, 201, 101, 102, 103, 104, 105]


async def test_a_reply_takes_its_chats_next_slot_before_bulk_waiting_for_that_chat():
    scheduler = SendScheduler(50)
    assert await scheduler.turn(7, is_group=False, lane=Lane.BULK)  # the chat is busy for 1 s
    granted: list[str] = []

    async def wait(name: str, lane: Lane) -> None:
        assert await scheduler.turn(7, is_group=False, lane=lane)
        granted.append(name)

    bulk = asyncio.create_task(wait("bulk", Lane.BULK))  # waiting for the chat first
    await asyncio.sleep(0.1)
    reply = asyncio.create_task(wait("reply", Lane.REPLY))
    await asyncio.gather(bulk, reply)
    assert granted == ["reply", "bulk"]


async def test_release_sends_bulk_waiters_away_but_not_replies():
    scheduler = SendScheduler(20)
    assert await scheduler.turn(1, is_group=False, lane=Lane.BULK)  # takes the free slot
    bulk = [
        asyncio.create_task(scheduler.turn(chat, is_group=False, lane=Lane.BULK)) for chat in (2, 3)
    ]
    later = asyncio.create_task(scheduler.turn(1, is_group=False, lane=Lane.BULK))  # chat 1 busy
    reply = asyncio.create_task(scheduler.turn(4, is_group=False, lane=Lane.REPLY))
    await asyncio.sleep(0)
    scheduler.release(Lane.BULK)
    assert await asyncio.gather(*bulk, later) == [False, False, False]
    assert await reply is True


def update(update_id: int, chat_id: int | None) -> Update:
    if chat_id is None:
        return Update(update_id)
    message = Message(update_id, datetime.now(UTC), Chat(chat_id, Chat.PRIVATE), text="x")
    return Update(update_id, message=message)


async def test_one_chats_updates_run_in_order_others_meanwhile():
    processor = ChatOrderedUpdates(16)
    events: list[str] = []

    async def handle(name: str, seconds: float) -> None:
        events.append(f"{name} start")
        await asyncio.sleep(seconds)
        events.append(f"{name} end")

    await asyncio.gather(
        processor.process_update(update(1, 7), handle("7a", 0.2)),
        processor.process_update(update(2, 7), handle("7b", 0.0)),
        processor.process_update(update(3, 8), handle("8", 0.0)),
        processor.process_update(update(4, None), handle("none", 0.0)),
    )
    assert events.index("7a end") < events.index("7b start")  # chat 7 in arrival order
    assert events.index("8 end") < events.index("7a end")  # chat 8 did not wait for chat 7
    assert events.index("none end") < events.index("7a end")
    assert processor.chats_busy() == 0  # no lock left behind


async def test_a_slow_answer_moves_the_chats_next_slot():
    """A reply that took long to arrive: the next message to that chat counts from its answer."""
    clock = Clock()
    scheduler = SendScheduler(30, clock)
    limiter = SharedRateLimiter(scheduler)

    async def slow_api(*args: Any, **kwargs: Any) -> bool:
        clock.now += 0.4  # on the wire for 0.4 s
        return True

    await limiter.process_request(slow_api, (), {}, "sendMessage", {"chat_id": 7}, None)
    assert scheduler.chat_ready_at(7, is_group=False) == clock.now + PRIVATE_SPACING
