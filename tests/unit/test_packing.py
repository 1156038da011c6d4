"""How one chat's due rows become its next message."""

from bot.delivery.packing import next_message
from storage.deliveries import DueRow


def row(id: int, payload: dict, *, silent: bool = False, chat_type: str = "private") -> DueRow:
    return DueRow(id, 3, 42, chat_type, "active", payload, silent, 0)


def test_plain_texts_fold_into_one_digest():
    rows = [row(1, {"html": "<b>Dark</b> renewed"}, silent=True), row(2, {"html": "Lost ends"})]
    message = next_message(rows)
    assert message.html == "<b>Dark</b> renewed\n\nLost ends"
    assert [r for r, _ in message.rows] == [1, 2]
    assert (message.silent, message.is_group, message.telegram_id) == (False, False, 42)


def test_a_digest_stops_at_the_size_limit_and_before_a_message_with_buttons():
    long = {"html": "x" * 3000}
    assert [r for r, _ in next_message([row(1, long), row(2, long)]).rows] == [1]
    buttons = {"html": "Remind?", "buttons": [[{"label": "Yes", "data": "1|menu|x"}]]}
    message = next_message([row(1, {"html": "a"}), row(2, buttons), row(3, {"html": "b"})])
    assert [r for r, _ in message.rows] == [1]


def test_copies_and_buttons_go_alone():
    copy = next_message([row(5, {"copy": {"from_chat_id": 9, "message_id": 7}}), row(6, {})])
    assert (copy.copy_from, copy.rows, copy.html) == ((9, 7), ((5, 0),), None)
    buttons = {"html": "Remind?", "buttons": [[{"label": "Yes", "data": "1|menu|x"}]]}
    alone = next_message([row(1, buttons, chat_type="group"), row(2, {"html": "b"})])
    assert alone.buttons == ((("Yes", "1|menu|x"),),) and alone.is_group
