"""What each of Telegram's answers does to a delivery row."""

from datetime import UTC, datetime, timedelta

from telegram.error import BadRequest, ChatMigrated, Forbidden, InvalidToken, RetryAfter, TimedOut

from bot.delivery.outcomes import MAX_ATTEMPTS, Verdict, classify, refused_by_chat, row_change


def test_outcomes_decide_retry_give_up_and_cancel():
    now = datetime(2026, 1, 1, tzinfo=UTC)

    def change(error, attempts=0):
        return row_change(classify(error), row_id=1, attempts=attempts, now=now)

    wait = change(RetryAfter(timedelta(seconds=7)))
    assert (wait["status"], wait["not_before"], wait["attempts"]) == (
        "pending", now + timedelta(seconds=7), 0,
    )  # fmt: skip
    assert change(Forbidden("Forbidden: bot was blocked by the user"))["status"] == "cancelled"
    assert change(BadRequest("Chat not found"))["status"] == "cancelled"
    assert change(BadRequest("Can't parse entities: x"))["status"] == "failed"
    assert change(BadRequest("Message is too long"))["status"] == "failed"
    assert classify(ChatMigrated(-100)).new_chat_id == -100
    retry = change(TimedOut(), attempts=1)
    assert (retry["status"], retry["attempts"]) == ("pending", 2)
    assert retry["not_before"] == now + timedelta(seconds=4)
    assert change(TimedOut(), attempts=MAX_ATTEMPTS - 1)["status"] == "failed"


def test_a_rejected_token_leaves_the_row_pending_without_counting_an_attempt():
    now = datetime(2026, 1, 1, tzinfo=UTC)
    outcome = classify(InvalidToken("Unauthorized"))
    assert outcome.kind is Verdict.UNAUTHORIZED
    change = row_change(outcome, row_id=1, attempts=MAX_ATTEMPTS - 1, now=now)
    assert (change["status"], change["attempts"], change["not_before"]) == (
        "pending", MAX_ATTEMPTS - 1, now,
    )  # fmt: skip
    assert change["last_error"] == "InvalidToken: Unauthorized"


def test_a_deleted_forum_topic_sends_the_row_again_at_once_without_counting_an_attempt():
    now = datetime(2026, 1, 1, tzinfo=UTC)
    for answer in ("Message thread not found", "TOPIC_DELETED", "TOPIC_CLOSED"):
        outcome = classify(BadRequest(answer), thread_id=42)
        assert (outcome.kind, outcome.thread_id) == (Verdict.TOPIC_GONE, 42), answer
        change = row_change(outcome, row_id=1, attempts=2, now=now)
        assert (change["status"], change["attempts"], change["not_before"]) == (
            "pending", 2, now,
        )  # fmt: skip
        assert change["last_error"] == f"BadRequest: {answer}"
    # Without a topic the answer cannot mean ours is gone: nothing to fall back to.
    assert classify(BadRequest("Message thread not found")).kind is Verdict.REJECTED


def test_a_group_that_muted_us_cancels_the_row_as_its_choice_not_our_failure():
    now = datetime(2026, 1, 1, tzinfo=UTC)
    for answer in ("Not enough rights to send text messages to the chat", "CHAT_WRITE_FORBIDDEN",
                   "have no rights to send a message", "CHAT_RESTRICTED"):  # fmt: skip
        outcome = classify(BadRequest(answer))
        assert outcome.kind is Verdict.MUTED, answer
        change = row_change(outcome, row_id=1, attempts=0, now=now)
        assert change["status"] == "cancelled" and change["last_error"] == f"BadRequest: {answer}"


def test_a_chat_that_blocked_left_or_muted_us_refused_the_message():
    assert refused_by_chat(Forbidden("Forbidden: bot was blocked by the user"))
    assert refused_by_chat(BadRequest("Chat not found"))
    assert refused_by_chat(BadRequest("Not enough rights to send text messages to the chat"))
    assert refused_by_chat(BadRequest("CHAT_WRITE_FORBIDDEN"))
    assert not refused_by_chat(BadRequest("Can't parse entities: x"))  # our own bug
    assert not refused_by_chat(TimedOut())
    assert not refused_by_chat(ValueError("boom"))
