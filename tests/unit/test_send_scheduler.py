"""The sender's rate limits as plain arithmetic over a fake clock."""

import asyncio
import time

import pytest

from bot.delivery.limits import BUDGET_SHARE, GROUP_WINDOW, PRIVATE_SPACING, Lane, SendScheduler


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


def test_global_budget_spaces_slots_evenly(clock):
    scheduler = SendScheduler(30, clock)
    slots = [scheduler.reserve(chat, is_group=False) for chat in range(90)]
    assert slots[0] == clock.now
    assert slots[-1] == pytest.approx(clock.now + 89 / (30 * BUDGET_SHARE))
    # No window of one second holds more than 30 slots.
    assert all(slots[i + 30] - slots[i] >= 1 - 1e-9 for i in range(60))


def test_one_message_per_second_to_a_private_chat(clock):
    scheduler = SendScheduler(1000, clock)
    first = scheduler.reserve(7, is_group=False)
    assert scheduler.chat_ready_at(7, is_group=False) == first + PRIVATE_SPACING
    second = scheduler.reserve(7, is_group=False)
    assert second == pytest.approx(first + PRIVATE_SPACING)
    # Another chat is not held up by chat 7.
    assert scheduler.reserve(8, is_group=False) < second


def test_twenty_per_minute_to_a_group(clock):
    scheduler = SendScheduler(1000, clock)
    slots = [scheduler.reserve(-5, is_group=True) for _ in range(21)]
    assert slots[19] < clock.now + 1  # a burst of 20 is allowed …
    assert slots[20] == pytest.approx(slots[0] + GROUP_WINDOW)  # … the 21st waits a minute


def test_retry_after_holds_only_that_chat(clock):
    scheduler = SendScheduler(10, clock)
    scheduler.back_off(7, 5)
    assert scheduler.chat_ready_at(7, is_group=False) == clock.now + 5
    assert scheduler.reserve(8, is_group=False) == clock.now
    assert scheduler.reserve(7, is_group=False) == clock.now + 5


def test_idle_chats_are_forgotten(clock):
    scheduler = SendScheduler(1_000_000, clock)
    for chat in range(999):
        scheduler.reserve(chat, is_group=chat % 2 == 0)
    clock.now += 120
    scheduler.reserve(5000, is_group=False)  # the 1000th reservation prunes
    assert scheduler.chat_ready_at(1, is_group=False) == 0.0
    assert len(scheduler._private_last) == 1 and not scheduler._group_sends


async def test_catching_up_after_a_stall_never_exceeds_the_budget_within_a_second():
    scheduler = SendScheduler(100)
    granted: list[float] = []

    async def send(chat: int) -> None:
        assert await scheduler.turn(chat, is_group=False, lane=Lane.BULK)
        granted.append(time.monotonic())

    async def stall() -> None:  # the loop busy for 45 ms: the slots it overslept go at once
        await asyncio.sleep(0.2)
        time.sleep(0.045)  # noqa: ASYNC251 (blocking is the point)

    await asyncio.gather(stall(), *(send(chat) for chat in range(150)))
    # The stall is caught up (the slots stay on their grid) …
    assert granted[-1] - granted[0] < 150 / (100 * BUDGET_SHARE)
    # … but never beyond the budget within any second.
    assert all(granted[i + 100] - granted[i] >= 1.0 for i in range(len(granted) - 100))
