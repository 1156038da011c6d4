"""How one chat's due rows become its next message."""

from bot.delivery.packing import next_message
from bot.message import BotMessage, Button, Copy, to_payload
from storage.deliveries import DueRow

YES = ((Button("Yes", "1|menu|x"),),)


def row(id: int, payload: dict, *, silent: bool = False, chat_type: str = "private") -> DueRow:
    return DueRow(id, 3, 42, chat_type, "active", payload, silent, 0)


def test_plain_texts_fold_into_one_digest():
    first = to_payload(BotMessage("<b>Dark</b> renewed"))
    rows = [row(1, first, silent=True), row(2, {"html": "Lost ends"})]  # a version-1 row too
    message = next_message(rows)
    assert message.message == BotMessage("<b>Dark</b> renewed\n\nLost ends", silent=False)
    assert [r for r, _ in message.rows] == [1, 2]
    assert (message.is_group, message.telegram_id) == (False, 42)


def test_a_quiet_digest_stays_quiet():
    rows = [row(1, {"html": "a"}, silent=True), row(2, {"html": "b"}, silent=True)]
    assert next_message(rows).message == BotMessage("a\n\nb", silent=True)


def test_a_digest_stops_at_the_size_limit_and_before_a_message_with_buttons():
    long = {"html": "x" * 3000}
    assert [r for r, _ in next_message([row(1, long), row(2, long)]).rows] == [1]
    buttons = to_payload(BotMessage("Remind?", YES))
    message = next_message([row(1, {"html": "a"}), row(2, buttons), row(3, {"html": "b"})])
    assert [r for r, _ in message.rows] == [1]


def test_a_digest_keeps_to_one_forum_topic():
    topic = to_payload(BotMessage("in the topic", thread_id=5))
    message = next_message([row(1, topic), row(2, topic), row(3, {"html": "main chat"})])
    assert [r for r, _ in message.rows] == [1, 2]
    assert message.message is not None and message.message.thread_id == 5


def test_copies_and_buttons_go_alone():
    copy = next_message([row(5, {"copy": {"from_chat_id": 9, "message_id": 7}}), row(6, {})])
    assert (copy.message, copy.rows) == (BotMessage(copy=Copy(9, 7)), ((5, 0),))
    buttons = {"html": "Remind?", "buttons": [[{"label": "Yes", "data": "1|menu|x"}]]}
    alone = next_message([row(1, buttons, chat_type="group"), row(2, {"html": "b"})])
    assert alone.message == BotMessage("Remind?", YES) and alone.is_group


def test_an_unreadable_row_goes_alone_without_a_message():
    broken = next_message([row(1, {"v": 99, "html": "?"}), row(2, {"html": "fine"})])
    assert broken.message is None and broken.rows == ((1, 0),)
    assert broken.unreadable is not None and "99" in broken.unreadable
