"""The outbox payload: this version round-trips, rows of the first version still decode."""

import pytest

from bot.message import (
    BotMessage,
    Button,
    Copy,
    UnreadablePayload,
    from_payload,
    to_payload,
    without_button,
)

KEYBOARD = ((Button("Unfollow", "1|uf|5"), Button("Not about it", "1|nr|9")),)


@pytest.mark.parametrize(
    "message",
    [
        BotMessage("<b>Dark</b> renewed"),
        BotMessage("news", KEYBOARD, thread_id=17),
        BotMessage("in a topic, no buttons", thread_id=3),
        BotMessage(copy=Copy(-100123, 42)),
    ],
)
def test_round_trip(message):
    payload = to_payload(message)
    assert payload["v"] == 2
    assert from_payload(payload) == message


def test_silent_lives_in_the_row_not_the_payload():
    payload = to_payload(BotMessage("shh", silent=True))
    assert "silent" not in payload
    assert from_payload(payload, silent=True).silent


def test_thread_id_is_kept_without_buttons():
    assert to_payload(BotMessage("x", thread_id=8)) == {"v": 2, "html": "x", "thread_id": 8}


def test_rows_of_the_first_version_decode():
    plain = {"html": "Staffel 3"}
    with_buttons = {
        "html": "news",
        "buttons": [
            [{"label": "Unfollow", "data": "1|uf|5"}, {"label": "Not about it", "data": "1|nr|9"}]
        ],
        "thread_id": 17,
    }
    copy = {"copy": {"from_chat_id": -100123, "message_id": 42}}
    assert from_payload(plain) == BotMessage("Staffel 3")
    assert from_payload(with_buttons) == BotMessage("news", KEYBOARD, thread_id=17)
    assert from_payload(copy, silent=True) == BotMessage(copy=Copy(-100123, 42), silent=True)


@pytest.mark.parametrize(
    "payload",
    [
        {},
        {"v": 3, "html": "from the future"},
        {"html": None},
        {"html": "x", "buttons": [[{"label": "no data"}]]},
        {"copy": {"from_chat_id": "abc", "message_id": 1}},
        {"html": "x", "thread_id": "general"},
    ],
)
def test_unreadable_payloads_raise_one_error(payload):
    with pytest.raises(UnreadablePayload):
        from_payload(payload)


def test_without_button_drops_one_button_and_a_row_it_empties():
    keyboard = ((Button("Not about it", "1|nr|9"),), (Button("Unfollow", "1|nu|5"),))
    assert without_button(keyboard, "1|nu|5") == ((Button("Not about it", "1|nr|9"),),)
    assert without_button(keyboard, "1|nu|6") == keyboard  # a stale press changes nothing


def test_link_and_inline_buttons_round_trip_beside_callback_buttons():
    keyboard = (
        (Button("Open", url="https://t.me/my_bot?start=series_1"), Button("Card", "1|cp|1")),
        (Button("Post", inline_query="Dark"),),
    )
    message = BotMessage("<b>x</b>", keyboard)
    payload = to_payload(message)
    assert payload["buttons"] == [
        [
            {"label": "Open", "url": "https://t.me/my_bot?start=series_1"},
            {"label": "Card", "data": "1|cp|1"},
        ],
        [{"label": "Post", "inline": "Dark"}],
    ]
    assert from_payload(payload) == message
