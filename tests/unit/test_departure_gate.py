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
