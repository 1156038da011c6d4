"""The budget on departures, over a fake clock: a stall's backlog never leaves as a burst."""

import pytest

from bot.delivery.limits import BUDGET_SHARE
from bot.delivery.pacing import DepartureGate


class Clock:
    def __init__(self) -> None:
        self.now = 500.0

    def __call__(self) -> float:
        return self.now


def test_sends_at_their_slots_leave_at_once():
    clock = Clock()
    gate = DepartureGate(30, clock)
    for _ in range(300):  # evenly spaced at the scheduler's interval: never held back
        assert gate.reserve() == pytest.approx(clock.now, abs=1e-9)
        clock.now += 1 / (30 * BUDGET_SHARE)


def test_a_backlog_after_a_stall_leaves_no_more_than_the_budget_per_window():
    clock = Clock()
    gate = DepartureGate(30, clock)
    times = [gate.reserve() for _ in range(100)]  # 100 sends woke together after a stall
    assert times[:30] == [clock.now] * 30  # the window had room for a budget's worth
    window = 30 / (30 * BUDGET_SHARE)
    assert all(times[i + 30] - times[i] >= window - 1e-9 for i in range(70))
    assert times == sorted(times)


def test_catching_up_is_allowed_within_the_window():
    clock = Clock()
    gate = DepartureGate(10, clock)
    for _ in range(5):
        assert gate.reserve() == clock.now
        clock.now += 0.1
    clock.now += 0.3  # a short stall: the window still has room for the late sends
    assert [gate.reserve() for _ in range(5)] == [clock.now] * 5
    assert gate.reserve() == pytest.approx(500.0 + 10 / (10 * BUDGET_SHARE))


def test_a_budget_below_one_per_second_still_spaces_sends():
    clock = Clock()
    gate = DepartureGate(0.5, clock)
    first, second = gate.reserve(), gate.reserve()
    assert second - first == pytest.approx(1 / (0.5 * BUDGET_SHARE))


class Sleeper:
    """asyncio.sleep for the fake clock: moves it on."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.asked: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.asked.append(seconds)
        self.clock.now += seconds


async def test_wait_turn_leaves_at_once_while_the_window_has_room():
    clock = Clock()
    sleeper = Sleeper(clock)
    gate = DepartureGate(10, clock, sleeper)
    for _ in range(10):
        await gate.wait_turn()
    assert sleeper.asked == [] and clock.now == 500.0


async def test_wait_turn_waits_for_the_window():
    clock = Clock()
    gate = DepartureGate(10, clock, Sleeper(clock))
    for _ in range(10):
        gate.reserve()
    await gate.wait_turn()
    assert clock.now == pytest.approx(500.0 + 10 / (10 * BUDGET_SHARE))


async def test_a_wait_that_ends_late_books_again_behind_the_later_bookings():
    clock = Clock()
    later: list[float] = []

    async def busy_loop_sleep(seconds: float) -> None:
        # The event loop wakes this send 0.3 s late once; sends whose slots came meanwhile
        # booked first.
        clock.now += seconds + (0.0 if later else 0.3)
        if not later:
            later.extend(gate.reserve() for _ in range(10))

    gate = DepartureGate(10, clock, busy_loop_sleep)
    window = 10 / (10 * BUDGET_SHARE)
    for _ in range(10):  # the window is full
        gate.reserve()
    await gate.wait_turn()
    departures = sorted([clock.now, *later])
    # Leaving at its late wake-up would put 11 departures within window - 0.3 s.
    assert departures[10] - departures[0] >= window - 1e-9
    assert clock.now == pytest.approx(500.0 + 0.3 + 2 * window)
