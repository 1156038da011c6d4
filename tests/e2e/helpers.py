"""Reading the bot's messages the way a user sees them."""

from __future__ import annotations

from typing import Any

from tests.fake_telegram import FakeTelegram


def buttons(message: dict[str, Any]) -> dict[str, str]:
    """Button label → callback data (a link button: its URL; a chat-picker button: its
    inline query) of a message's inline keyboard."""
    markup = message.get("reply_markup") or {}
    return {
        button["text"]: button.get(
            "callback_data", button.get("url", button.get("switch_inline_query"))
        )
        for row in markup.get("inline_keyboard", [])
        for button in row
    }


def button_data(message: dict[str, Any], label_part: str) -> str:
    """The data of the one button whose label contains `label_part`."""
    matches = [data for label, data in buttons(message).items() if label_part in label]
    assert len(matches) == 1, f"{label_part!r} in {list(buttons(message))}"
    return matches[0]


async def press(
    fake: FakeTelegram, chat_id: int, message: dict[str, Any], label_part: str, user_id: int
) -> dict[str, Any]:
    """Press a button, wait until the bot answered and redrew the message; return it."""
    before = fake.message(chat_id, message["message_id"])["edits"]
    query = fake.press_button(
        chat_id, message["message_id"], button_data(message, label_part), user_id
    )
    answer = await fake.wait_for_callback_answer(query)
    assert not answer.get("show_alert"), answer
    return await fake.wait_for_edit(chat_id, message["message_id"], after=before)
