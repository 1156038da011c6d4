"""Every chat is answered at once whatever others do; a chat's own updates keep their order;
a reply Telegram refuses with 429 arrives after the retry."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator

import pytest

from tests.e2e import catalogue
from tests.e2e.conftest import BotRunner
from tests.e2e.helpers import buttons
from tests.fake_telegram import FakeTelegram
from tests.fake_tvmaze import FakeTvmaze

SEEKER, NEWCOMER = 61, 62
ASK_TITLE = "Welcher Serie möchtest du folgen?"


async def search_started(fake: FakeTelegram, tvmaze: FakeTvmaze) -> None:
    await fake.wait(lambda: tvmaze.calls("/search") or None, 5, "a TVmaze search")


async def test_slow_search_does_not_delay_another_chats_start(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    catalogue.fill(tvmaze)
    tvmaze.delay = 3.0
    fake.add_user(SEEKER, "Seeker", language_code="en")
    fake.add_user(NEWCOMER, "Newcomer", language_code="en")
    fake.send_text(SEEKER, SEEKER, "/follow Dark")
    await search_started(fake, tvmaze)

    fake.send_text(NEWCOMER, NEWCOMER, "/start")
    [welcome] = await fake.wait_for_messages(NEWCOMER, count=1, timeout=5)
    assert "/follow" in welcome["visible"]
    # The newcomer was answered while the seeker's search was still running.
    assert fake.messages(SEEKER) == []
    [offer] = await fake.wait_for_messages(SEEKER, count=1, timeout=10)
    assert "Dark (2017, Netflix)" in buttons(offer)


async def test_one_chats_updates_are_handled_in_arrival_order(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze
):
    catalogue.fill(tvmaze)
    tvmaze.delay = 1.0
    fake.add_user(SEEKER, "Seeker", language_code="en")
    fake.send_text(SEEKER, SEEKER, "/follow Dark")
    fake.send_text(SEEKER, SEEKER, "/help")
    first, second = await fake.wait_for_messages(SEEKER, count=2, timeout=10)
    # /help is quick and the search slow, yet /help waited for the update before it.
    assert "Dark (2017, Netflix)" in buttons(first)
    assert buttons(second) == {} and "/follow" in second["visible"]


async def test_reply_answered_with_429_arrives_after_the_retry(bot: BotRunner, fake: FakeTelegram):
    fake.add_user(NEWCOMER, "Newcomer", language_code="en")
    fake.fail_next("sendMessage", 429, "Too Many Requests: retry after 1", {"retry_after": 1})
    fake.send_text(NEWCOMER, NEWCOMER, "/start")
    [welcome] = await fake.wait_for_messages(NEWCOMER, count=1, timeout=10)
    assert "/follow" in welcome["visible"]
    assert [e[:2] for e in fake.errors] == [("sendMessage", 429)]
    attempts = [p for m, p in fake.calls if m == "sendMessage"]
    assert len(attempts) == 2 and attempts[0] == attempts[1]


async def test_every_newcomer_in_a_burst_is_answered_once(bot: BotRunner, fake: FakeTelegram):
    """120 newcomers at once against Telegram's 30 messages a second: replies wait their turn
    (a rare 429 from arrivals bunched on the way is retried), none is lost or doubled."""
    fake.set_rate_limits(global_per_second=30, per_private_chat_per_second=1)
    users = range(1000, 1120)
    for user in users:
        fake.add_user(user, "Newcomer", language_code="en")
        fake.send_text(user, user, "/start")
    for user in users:
        await fake.wait_for_messages(user, count=1, timeout=20)
    await asyncio.sleep(1)  # a second copy would have arrived by now
    assert all(len(fake.messages(user)) == 1 for user in users)
    # A stray few at most: the budget, not retries, keeps the burst within the limits.
    assert fake.stats["429"] < 12, fake.errors


@pytest.fixture
async def any_db_bot(
    fake: FakeTelegram, tvmaze: FakeTvmaze, database_url: str, caplog: pytest.LogCaptureFixture
) -> AsyncIterator[BotRunner]:
    runner = BotRunner(fake, database_url, tvmaze.base_url)
    await runner.start()
    yield runner
    await runner.stop()
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == [], errors


async def test_new_groups_waiting_on_telegram_do_not_lock_each_other_out(
    any_db_bot: BotRunner, fake: FakeTelegram
):
    """Each new group's row is written, then its admin is checked with Telegram (slowly here):
    no handler holds the database's write lock across that wait, so none times out."""
    fake.delays["getChatMember"] = 2.0
    groups = {-1_001_000_000 - i: 500 + i for i in range(6)}
    for group, admin in groups.items():
        fake.add_group(group, "Serienabend", type="supergroup", admins=[admin])
    for group, admin in groups.items():
        fake.send_text(group, admin, "/follow")
    for group in groups:
        [prompt] = await fake.wait_for_messages(group, count=1, timeout=15)
        assert prompt["visible"].startswith(ASK_TITLE)
