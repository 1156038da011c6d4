"""Admin broadcasts and /stats, seen from the admin's chat and from the recipients'."""

import asyncio
import re

from tests.e2e.conftest import BotRunner
from tests.e2e.helpers import button_data, press
from tests.e2e.outbox import received, seed
from tests.fake_telegram import FakeTelegram

ADMIN, STRANGER = 1, 999
USERS = list(range(2, 192))  # 190 private chats
GROUPS = list(range(-10, 0))  # 10 groups
BLOCKED = USERS[:5]


async def start_as_admin(
    bot: BotRunner, fake: FakeTelegram, per_second: int, progress_seconds: float = 0.3
) -> None:
    fake.add_user(ADMIN, "Ada", language_code="en")
    fake.add_user(STRANGER, "Sam", language_code="en")
    for user in USERS:
        fake.add_user(user)
    for group in GROUPS:
        fake.add_group(group, f"Group {group}", admins=[ADMIN])
    await seed(bot.database_url, {u: "private" for u in USERS} | {g: "group" for g in GROUPS})
    await bot.stop()
    await bot.start(
        admin_ids=str(ADMIN),
        max_messages_per_second=per_second,
        broadcast_progress_seconds=progress_seconds,
    )


async def announce(fake: FakeTelegram, text: str) -> dict:
    """The admin writes /broadcast and the announcement; returns the audience screen."""
    fake.send_text(ADMIN, ADMIN, "/broadcast")
    [prompt] = await fake.wait_for_messages(ADMIN)
    assert prompt["visible"].startswith("Now send me the announcement")
    fake.send_text(ADMIN, ADMIN, text)
    [_, preview, screen] = await fake.wait_for_messages(ADMIN, count=3)
    assert preview["visible"] == text and preview["copied_from"] is not None
    return screen


async def test_broadcast_to_200_chats_with_progress_and_summary(bot: BotRunner, fake: FakeTelegram):
    await start_as_admin(bot, fake, per_second=100, progress_seconds=1.1)
    for user in BLOCKED:
        fake.block(user)
    screen = await announce(fake, "Staffel 2 von Dark ist da!")
    labels = [b["text"] for row in screen["reply_markup"]["inline_keyboard"] for b in row]
    assert labels[:3] == ["✅ Everyone (201)", "Private chats (191)", "Groups (10)"]

    screen = await press(fake, ADMIN, screen, "Groups", ADMIN)
    assert "Recipients: Groups (10)" in screen["visible"]
    screen = await press(fake, ADMIN, screen, "Everyone", ADMIN)
    # From here on Telegram's limits apply (the admin's quick clicks above would break the
    # fake's strict 1/s per chat, which real Telegram tolerates for a short burst).
    fake.set_rate_limits(
        global_per_second=100, per_private_chat_per_second=1, per_group_per_minute=20
    )
    await asyncio.sleep(1.1)
    status = await press(fake, ADMIN, screen, "Send", ADMIN)
    assert status["visible"].startswith("Broadcast #1 running")

    while "finished" not in status["visible"]:
        # A 429 on the admin's chat holds its edits for retry_after; on a loaded machine the
        # next visible change can take longer than one progress interval.
        status = await fake.wait_for_edit(ADMIN, status["message_id"], timeout=30)
        assert "Remaining" in status["visible"] or "finished" in status["visible"]
    assert fake.message(ADMIN, status["message_id"])["edits"] >= 3  # progress, not just the end
    assert status["visible"] == (
        "Broadcast #1 finished\nSent: 196 of 201\nFailed: 0 · Blocked: 5 · Cancelled: 0"
    )
    everyone = [ADMIN, *USERS[5:], *GROUPS]
    counts = received(fake, everyone)
    assert all(counts[chat] >= 1 for chat in everyone)
    for chat in USERS[5:] + GROUPS:  # exactly one copy, with its formatting kept
        [copy] = fake.messages(chat)
        assert copy["visible"] == "Staffel 2 von Dark ist da!"
    # The sender kept every limit; a 429 can only hit the admin's chat, where the progress
    # edits (outside the sender) share the 1/s with the admin's own copy.
    assert fake.stats["429"] <= 5

    fake.set_rate_limits()  # the admin's reply is not the sender's business
    fake.send_text(ADMIN, ADMIN, "/stats")
    reply = (await fake.wait_for_messages(ADMIN, count=len(fake.messages(ADMIN)) + 1))[-1]
    assert "Chats: 196 active, 5 blocked, 0 left" in reply["visible"]
    assert re.search(r"Deliveries: 0 pending, 196 sent, 0 failed, 5 cancelled", reply["visible"])
    assert "bot was blocked by the user" in reply["visible"]


async def test_broadcast_cancel_stops_what_is_not_sent_yet(bot: BotRunner, fake: FakeTelegram):
    await start_as_admin(bot, fake, per_second=20)
    screen = await announce(fake, "Wartungsarbeiten heute Abend")
    status = await press(fake, ADMIN, screen, "Send", ADMIN)
    await fake.wait_for_messages(USERS[20], timeout=10)  # some copies are out
    fake.send_text(ADMIN, ADMIN, "/broadcast cancel")
    while "finished" not in status["visible"]:
        status = await fake.wait_for_edit(ADMIN, status["message_id"], timeout=10)
    sent = int(re.search(r"Sent: (\d+) of 201", status["visible"]).group(1))
    cancelled = int(re.search(r"Cancelled: (\d+)", status["visible"]).group(1))
    assert 20 <= sent < 201 and sent + cancelled == 201
    assert sum(received(fake, [ADMIN, *USERS, *GROUPS]).values()) < 201 + 10
    confirmation = [m for m in fake.messages(ADMIN) if m["visible"].startswith("Cancelled ")]
    assert confirmation and "messages of the broadcast" in confirmation[0]["visible"]


async def test_only_admins_may_broadcast_or_see_stats(bot: BotRunner, fake: FakeTelegram):
    await start_as_admin(bot, fake, per_second=50)
    fake.send_text(STRANGER, STRANGER, "/broadcast")
    fake.send_text(STRANGER, STRANGER, "/stats")
    fake.send_text(STRANGER, STRANGER, "Hallo?")
    replies = await fake.wait_for_messages(STRANGER, count=3)
    assert [r["visible"] for r in replies[:2]] == ["This is for the bot's administrators only."] * 2
    # A stranger's plain text is a series search, never an announcement.
    assert replies[2]["visible"].startswith("I found no series for “Hallo?”")
    # A forged Confirm for a draft is refused too.
    screen = await announce(fake, "Nur für Admins")
    query = fake.press_button(ADMIN, screen["message_id"], button_data(screen, "Send"), STRANGER)
    answer = await fake.wait_for_callback_answer(query)
    assert answer["show_alert"] is True
    assert received(fake, USERS[:3]) == {USERS[0]: 0, USERS[1]: 0, USERS[2]: 0}


async def test_a_group_that_muted_the_bot_counts_as_blocked_and_stays_a_group_of_ours(
    bot: BotRunner, fake: FakeTelegram
):
    await start_as_admin(bot, fake, per_second=100)
    muted = -1001000  # Telegram restricts a single member, the bot, only in a supergroup
    fake.add_group(muted, "Leise", admins=[ADMIN], type="supergroup")
    fake.push_my_chat_member(muted, ADMIN, old="left", new="member")
    await fake.wait_for_messages(muted)  # the welcome
    fake.push_my_chat_member(muted, ADMIN, old="member", new="restricted")
    await fake.wait_until_delivered()
    screen = await announce(fake, "Neue Staffeln!")
    status = await press(fake, ADMIN, screen, "Send", ADMIN)
    while "finished" not in status["visible"]:
        status = await fake.wait_for_edit(ADMIN, status["message_id"], timeout=30)
    assert status["visible"] == (
        "Broadcast #1 finished\nSent: 201 of 202\nFailed: 0 · Blocked: 1 · Cancelled: 0"
    )
    assert [m["visible"] for m in fake.messages(muted)][-1] != "Neue Staffeln!"
    fake.send_text(ADMIN, ADMIN, "/stats")
    reply = (await fake.wait_for_messages(ADMIN, count=len(fake.messages(ADMIN)) + 1))[-1]
    # Muting is the group's choice for now, not a goodbye: it stays active.
    assert "Chats: 202 active, 0 blocked, 0 left" in reply["visible"]
