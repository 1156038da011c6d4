"""How one chat's due rows become its next message."""

from bot import render
from bot.delivery.packing import next_message
from bot.message import BotMessage, Button, Copy, to_payload
from bot.news.views import NewsView, render_news
from bot.reminders.message import reminder_keyboard
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


def test_a_digest_stops_at_the_size_limit_and_before_other_buttons():
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


def test_copies_go_alone_and_buttons_only_with_the_same_buttons():
    copy = next_message([row(5, {"copy": {"from_chat_id": 9, "message_id": 7}}), row(6, {})])
    assert (copy.message, copy.rows) == (BotMessage(copy=Copy(9, 7)), ((5, 0),))
    buttons = {"html": "Remind?", "buttons": [[{"label": "Yes", "data": "1|menu|x"}]]}
    alone = next_message([row(1, buttons, chat_type="group"), row(2, {"html": "b"})])
    assert alone.message == BotMessage("Remind?", YES) and alone.is_group
    other = to_payload(BotMessage("Remind?", ((Button("Yes", "1|menu|y"),),)))
    assert next_message([row(1, buttons), row(2, other)]).rows == ((1, 0),)


def test_a_season_released_at_once_is_one_reminder_message_with_its_card_button():
    card = reminder_keyboard(70000, language="de")
    episodes = [to_payload(BotMessage(f"🔔 Dark · S02E0{n}", card)) for n in range(1, 9)]
    other_series = to_payload(
        BotMessage("🔔 Ballard · S01E01", reminder_keyboard(1, language="de"))
    )
    due = [row(n, payload) for n, payload in enumerate(episodes, start=1)]
    message = next_message([*due, row(9, other_series)])
    assert [r for r, _ in message.rows] == list(range(1, 9))
    assert message.message is not None and message.message.keyboard == card
    assert message.message.text.count("🔔 Dark") == 8 and "Ballard" not in message.message.text


def test_an_unreadable_row_goes_alone_without_a_message():
    broken = next_message([row(1, {"v": 99, "html": "?"}), row(2, {"html": "fine"})])
    assert broken.message is None and broken.rows == ((1, 0),)
    assert broken.unreadable is not None and "99" in broken.unreadable


def test_a_long_news_digest_splits_into_messages_losing_and_doubling_nothing():
    def news(n: int) -> dict:
        view = NewsView(
            item_id=n, kind="renewal", title=f"Story {n} " + "ä" * 600,
            link=f"https://news.example/{n}", source="Serienjunkies", published=None,
            series=((70000, "Ballard"),),
        )  # fmt: skip
        screen = render_news(view, language="de", timezone="Europe/Berlin")
        return to_payload(BotMessage(screen.text, thread_id=7))  # a digest item: no buttons

    heading = to_payload(BotMessage(render.html("de", "news.digest.header"), thread_id=7))
    due = [row(0, heading)] + [row(n, news(n)) for n in range(1, 21)]
    settled, messages = [], []
    while due:
        message = next_message(due)
        ids = [r for r, _ in message.rows]
        settled += ids
        messages.append(message.message)
        due = [r for r in due if r.id not in ids]
    assert sorted(settled) == list(range(21)) and len(settled) == 21
    assert len(messages) > 1
    assert all(m is not None and render.visible_len(m.text) <= 4096 for m in messages)
    assert all(m is not None and m.thread_id == 7 and not m.keyboard for m in messages)
    text = "".join(m.text for m in messages if m is not None)
    assert all(f'href="https://news.example/{n}"' in text for n in range(1, 21))
