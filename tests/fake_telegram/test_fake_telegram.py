"""Tests of the fake Telegram server, driven by a real ``telegram.Bot`` over HTTP
(the HTML validator is covered in test_html_check.py)."""

from __future__ import annotations

import asyncio
import datetime as dtm

import aiohttp
import pytest
import telegram
from telegram import BotCommand, BotCommandScopeChat, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Conflict,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
)
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, ContextTypes

from tests.fake_telegram import BOT_ID, FakeTelegram

TOKEN = "123:abc"


def keyboard(*data: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton(d, callback_data=d) for d in data]])


@pytest.fixture
async def fake():
    async with FakeTelegram(TOKEN) as server:
        server.add_user(1, "Anna", language_code="de")
        server.add_group(-100, "Serienabend", admins=[1], members=[2])
        yield server


@pytest.fixture
async def bot(fake: FakeTelegram):
    async with telegram.Bot(TOKEN, base_url=fake.base_url) as client:
        yield client


async def test_get_me_and_raw_http(fake: FakeTelegram, bot: telegram.Bot) -> None:
    me = await bot.get_me()
    assert (me.id, me.is_bot, me.username) == (BOT_ID, True, "serienwecker_test_bot")
    base = fake.base_url
    async with aiohttp.ClientSession() as http:
        async with http.post(f"{base}9:wrong/getMe") as resp:
            assert resp.status == 401
            assert (await resp.json())["description"] == "Unauthorized"
        async with http.post(f"{base}{TOKEN}/sendFax") as resp:
            assert (resp.status, (await resp.json())["error_code"]) == (404, 404)
        async with http.post(f"{base}{TOKEN}/sendMessage", json={"chat_id": 1, "text": "j"}) as r:
            assert (await r.json())["result"]["text"] == "j"
        async with http.get(f"{base}{TOKEN}/sendmessage", params={"chat_id": "1", "text": "9"}):
            pass
    assert [m["text"] for m in fake.messages(1)] == ["j", "9"]


async def test_send_message_records_state(fake: FakeTelegram, bot: telegram.Bot) -> None:
    sent = await bot.send_message(
        1, "<b>Neu:</b> The Bear &amp; Co", parse_mode="HTML",
        reply_markup=keyboard("follow:1"), disable_notification=True,
    )  # fmt: skip
    assert sent.text == "Neu: The Bear & Co" and sent.entities[0].type == "bold"
    assert sent.from_user.id == BOT_ID and sent.chat.id == 1
    [msg] = await fake.wait_for_messages(1)
    assert msg["text"] == "<b>Neu:</b> The Bear &amp; Co"
    assert msg["visible"] == "Neu: The Bear & Co" and msg["parse_mode"] == "HTML"
    assert msg["disable_notification"] is True
    assert msg["reply_markup"] == {
        "inline_keyboard": [[{"text": "follow:1", "callback_data": "follow:1"}]]
    }
    method, params = fake.calls[-1]
    assert method == "sendMessage" and params["chat_id"] == 1
    assert params["disable_notification"] is True and isinstance(params["reply_markup"], dict)


async def test_validation_errors(fake: FakeTelegram, bot: telegram.Bot) -> None:
    with pytest.raises(BadRequest, match="parse entities") as info:
        await bot.send_message(1, "Staffel <3 startet", parse_mode="HTML")
    assert "byte offset 8" in str(info.value)
    with pytest.raises(BadRequest, match="too long"):
        await bot.send_message(1, "x" * 4097)
    await bot.send_message(1, "x" * 4096)
    with pytest.raises(BadRequest, match=r"(?i)button_data_invalid"):
        await bot.send_message(1, "k", reply_markup=keyboard("a" * 65))
    with pytest.raises(BadRequest, match=r"(?i)button_data_invalid"):
        await bot.send_message(1, "k", reply_markup=keyboard("ä" * 33))
    await bot.send_message(1, "k", reply_markup=keyboard("ä" * 32))
    with pytest.raises(BadRequest, match="Chat not found"):
        await bot.send_message(424242, "hallo")
    with pytest.raises(BadRequest, match="caption is too long"):
        await bot.send_document(1, b"data", filename="a.txt", caption="c" * 1025)
    assert len(fake.messages(1)) == 2
    assert [e[1] for e in fake.errors] == [400] * 6
    assert fake.errors[0][2].startswith("Bad Request: can't parse entities: Unsupported")


async def test_blocked_and_kicked_are_forbidden(fake: FakeTelegram, bot: telegram.Bot) -> None:
    fake.block(1)
    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await bot.send_message(1, "hallo")
    fake.push_my_chat_member(1, 1, old="kicked", new="member")
    await bot.send_message(1, "wieder da")
    fake.push_my_chat_member(-100, 1, old="member", new="kicked")
    with pytest.raises(Forbidden, match="kicked from the group chat"):
        await bot.send_chat_action(-100, "typing")
    with pytest.raises(Forbidden, match="can't initiate conversation"):
        await bot.send_message(2, "hallo")  # member of a group, never started the bot


async def test_rate_limits(fake: FakeTelegram, bot: telegram.Bot, monkeypatch) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", "1")  # else PTB 22 warns when building RetryAfter
    clock = [1000.0]
    fake.clock = lambda: clock[0]
    fake.set_rate_limits(per_private_chat_per_second=2, per_group_per_minute=1)
    await bot.send_message(1, "1")
    await bot.send_message(1, "2")
    with pytest.raises(RetryAfter) as info:
        await bot.send_message(1, "3")
    assert info.value.retry_after == dtm.timedelta(seconds=1)
    await bot.send_message(-100, "g1")
    clock[0] += 30.5
    with pytest.raises(RetryAfter) as info:
        await bot.send_message(-100, "g2")
    assert info.value.retry_after == dtm.timedelta(seconds=30)
    await bot.send_message(1, "3")  # the private window has moved on
    assert fake.stats["429"] == 2 and fake.errors[-1][2] == "Too Many Requests: retry after 30"

    fake.fail_next("sendMessage", 429, "Too Many Requests: retry after 7", {"retry_after": 7},
                   times=2)  # fmt: skip
    fake.fail_next("*", 500, "Internal Server Error")
    for _ in range(2):
        with pytest.raises(RetryAfter):
            await bot.send_message(1, "storm")
    with pytest.raises(NetworkError):
        await bot.get_chat(1)
    assert fake.stats["429"] == 4 and len(fake.messages(1)) == 3


async def test_migrated_group(fake: FakeTelegram, bot: telegram.Bot) -> None:
    old_update, new_update = fake.migrate_group(-100, -1001)
    assert old_update["message"]["migrate_to_chat_id"] == -1001
    assert new_update["message"]["chat"] == {"id": -1001, "type": "supergroup",
                                             "title": "Serienabend"}  # fmt: skip
    with pytest.raises(ChatMigrated) as info:
        await bot.send_message(-100, "hallo")
    assert info.value.new_chat_id == -1001
    await bot.send_message(-1001, "hallo")
    updates = await bot.get_updates()
    assert [u.message.migrate_from_chat_id for u in updates[:2]] == [None, -100]
    joined = updates[2].my_chat_member  # Telegram tells the bot it joined the supergroup
    assert (joined.chat.id, joined.new_chat_member.status) == (-1001, "member")
    assert (await bot.get_chat_member(-1001, 1)).status == "creator"


async def test_get_updates_long_poll_and_offset(fake: FakeTelegram, bot: telegram.Bot) -> None:
    poll = asyncio.create_task(bot.get_updates(timeout=3))
    await asyncio.sleep(0.05)
    assert not poll.done()
    fake.send_text(1, 1, "/start@serienwecker_test_bot hallo")
    [update] = await asyncio.wait_for(poll, 1)
    entity = update.message.entities[0]
    assert (entity.type, entity.offset, entity.length) == ("bot_command", 0, 28)
    assert update.message.from_user.language_code == "de"
    assert [u.update_id for u in await bot.get_updates()] == [update.update_id]  # unconfirmed
    assert await bot.get_updates(offset=update.update_id + 1) == ()
    fake.send_text(-100, 2, "eins")
    fake.send_text(-100, None, "anonym", sender_chat_id=-100)
    [first] = await bot.get_updates(offset=update.update_id + 1, limit=1)
    [second] = await bot.get_updates(offset=first.update_id + 1)
    assert second.message.from_user.username == "GroupAnonymousBot"
    assert second.message.sender_chat.id == -100
    await bot.get_updates(offset=second.update_id + 1)
    started = asyncio.get_running_loop().time()
    assert await bot.get_updates(timeout=dtm.timedelta(seconds=0.2)) == ()
    assert asyncio.get_running_loop().time() - started >= 0.19
    await fake.wait_until_delivered(0.1)


async def test_a_revoked_token_ends_its_long_poll_at_once_then_gets_401(
    fake: FakeTelegram, bot: telegram.Bot
) -> None:
    poll = asyncio.create_task(bot.get_updates(timeout=30))
    await fake.wait_for_call("getUpdates")
    fake.token = "123:new"
    assert await asyncio.wait_for(poll, 2) == ()
    with pytest.raises(InvalidToken):
        await bot.get_updates(timeout=30)


async def test_second_poller_conflicts(fake: FakeTelegram, bot: telegram.Bot) -> None:
    older = asyncio.create_task(bot.get_updates(timeout=2))
    await asyncio.sleep(0.05)
    async with telegram.Bot(TOKEN, base_url=fake.base_url) as second_instance:
        assert await second_instance.get_updates(timeout=0) == ()
    with pytest.raises(Conflict, match="terminated by other getUpdates"):
        await older
    await bot.set_webhook("https://bot.example/hook", secret_token="s3cret")
    assert fake.webhook["secret_token"] == "s3cret"
    with pytest.raises(Conflict, match="webhook is active"):
        await bot.get_updates()
    await bot.delete_webhook()
    assert (await bot.get_webhook_info()).url == ""


async def test_application_polling_round_trip(fake: FakeTelegram) -> None:
    async def start(update: telegram.Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.effective_message.reply_html("<b>Hallo</b>", reply_markup=keyboard("ok"))

    async def pressed(update: telegram.Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.callback_query.answer("Gespeichert")
        await update.callback_query.edit_message_text("Fertig")

    app = Application.builder().token(TOKEN).base_url(fake.base_url).build()
    app.add_handlers([CommandHandler("start", start), CallbackQueryHandler(pressed)])
    async with app:
        await app.start()
        await app.updater.start_polling(timeout=5)
        fake.send_text(1, 1, "/start")
        [msg] = await fake.wait_for_messages(1, timeout=2)
        query_id = fake.press_button(1, msg["message_id"], "ok")
        assert (await fake.wait_for_callback_answer(query_id, 2))["text"] == "Gespeichert"
        assert (await fake.wait_for_edit(1, msg["message_id"], 2, after=0))["text"] == "Fertig"
        await app.updater.stop()
        await app.stop()
    assert fake.errors == [] and fake.updates == []  # all confirmed, no 409 on shutdown


async def test_callback_answer_once(fake: FakeTelegram, bot: telegram.Bot) -> None:
    sent = await bot.send_message(1, "Folgen?", reply_markup=keyboard("yes", "no"))
    query_id = fake.press_button(1, sent.message_id, "yes")
    [update] = await bot.get_updates()
    assert update.callback_query.data == "yes"
    assert update.callback_query.message.message_id == sent.message_id
    with pytest.raises(BadRequest, match=r"(?i)message_too_long"):
        await bot.answer_callback_query(query_id, "x" * 201)
    assert await bot.answer_callback_query(query_id, "Gespeichert")
    answer = await fake.wait_for_callback_answer(query_id, timeout=1)
    assert answer["text"] == "Gespeichert"
    with pytest.raises(BadRequest, match="Query is too old"):
        await bot.answer_callback_query(query_id)
    with pytest.raises(ValueError, match="no button"):
        fake.press_button(1, sent.message_id, "maybe")


async def test_edits(fake: FakeTelegram, bot: telegram.Bot) -> None:
    sent = await bot.send_message(1, "<b>A</b>", parse_mode="HTML", reply_markup=keyboard("x"))
    with pytest.raises(BadRequest, match="Message is not modified"):
        await bot.edit_message_text("<strong>A</strong>", 1, sent.message_id, parse_mode="HTML",
                                    reply_markup=keyboard("x"))  # fmt: skip
    waiter = asyncio.create_task(fake.wait_for_edit(1, sent.message_id, timeout=2))
    await asyncio.sleep(0)
    await bot.edit_message_text("A", 1, sent.message_id, reply_markup=keyboard("x"))
    edited = await waiter
    assert (edited["visible"], edited["entities"], edited["edits"]) == ("A", [], 1)
    await bot.edit_message_text("B", 1, sent.message_id)
    assert fake.message(1, sent.message_id)["reply_markup"] is None  # no markup: removed
    with pytest.raises(BadRequest, match="Message is not modified"):
        await bot.edit_message_reply_markup(1, sent.message_id)
    await bot.edit_message_reply_markup(1, sent.message_id, reply_markup=keyboard("y"))
    with pytest.raises(BadRequest, match="Message to edit not found"):
        await bot.edit_message_text("C", 1, 999)
    assert await bot.delete_message(1, sent.message_id)
    assert fake.messages(1) == []
    with pytest.raises(BadRequest, match="Message to delete not found"):
        await bot.delete_message(1, sent.message_id)


async def test_commands_documents_and_chats(fake: FakeTelegram, bot: telegram.Bot) -> None:
    await bot.set_my_commands([BotCommand("start", "Starten")], language_code="de")
    await bot.set_my_commands([("help", "Help")], scope=BotCommandScopeChat(-100))
    assert fake.commands == {
        ("default", "de"): [{"command": "start", "description": "Starten"}],
        ("chat:-100", ""): [{"command": "help", "description": "Help"}],
    }
    assert [c.command for c in await bot.get_my_commands(language_code="de")] == ["start"]
    with pytest.raises(BadRequest, match=r"(?i)bot_command_invalid"):
        await bot.set_my_commands([("Start", "x")])
    with pytest.raises(BadRequest, match=r"(?i)bot_command_description_invalid"):
        await bot.set_my_commands([("start", "")])
    await bot.delete_my_commands(language_code="de")
    assert list(fake.commands) == [("chat:-100", "")]

    doc = await bot.send_document(1, b"a,b\n", filename="export.csv", caption="<i>Export</i>",
                                  parse_mode="HTML")  # fmt: skip
    assert (doc.document.file_name, doc.caption) == ("export.csv", "Export")
    stored = fake.message(1, doc.message_id)["document"]
    assert (stored["file_name"], stored["content"]) == ("export.csv", b"a,b\n")
    text = await bot.send_message(1, "<u>Tipp</u>", parse_mode="HTML")
    copy = await bot.copy_message(-100, 1, text.message_id)
    copied = fake.message(-100, copy.message_id)
    assert (copied["visible"], copied["copied_from"]) == ("Tipp", (1, text.message_id))
    with pytest.raises(BadRequest, match="Message to copy not found"):
        await bot.copy_message(-100, 1, 999)

    assert (await bot.get_chat(-100)).title == "Serienabend"
    assert (await bot.get_chat_member(-100, 2)).status == "member"
    assert (await bot.get_chat_member(-100, BOT_ID)).status == "member"
    admins = await bot.get_chat_administrators(-100)
    assert [(a.user.id, a.status) for a in admins] == [(1, "creator")]
    fake.push_my_chat_member(-100, 1, old="member", new="administrator")
    assert len(await bot.get_chat_administrators(-100)) == 2
    assert [u.my_chat_member.new_chat_member.status for u in await bot.get_updates()] == [
        "administrator"
    ]


async def test_get_file_and_download_like_telegram(fake: FakeTelegram) -> None:
    file_url = fake.base_url.replace("/bot", "/file/bot")
    async with telegram.Bot(TOKEN, base_url=fake.base_url, base_file_url=file_url) as bot:
        update = fake.send_document(1, 1, "list.csv", b"title\nDark\n")
        document = update["message"]["document"]
        assert (document["file_name"], document["file_size"]) == ("list.csv", 11)
        assert "content" not in document
        file = await bot.get_file(document["file_id"])
        assert file.file_size == 11 and file.file_path
        assert bytes(await file.download_as_bytearray()) == b"title\nDark\n"
        with pytest.raises(BadRequest, match=r"(?i)wrong file_id"):
            await bot.get_file("BQACAgIAAxkBAAIfake999999")
        big = fake.send_document(1, 1, "big.csv", b"x" * (20 * 1024 * 1024 + 1))
        with pytest.raises(BadRequest, match=r"(?i)file is too big"):
            await bot.get_file(big["message"]["document"]["file_id"])
        # The bot's own uploads can be fetched again, by their file_id.
        sent = await bot.send_document(1, b"a,b\n", filename="export.csv")
        again = await bot.get_file(sent.document.file_id)
        assert bytes(await again.download_as_bytearray()) == b"a,b\n"
    async with aiohttp.ClientSession() as session:
        path = next(iter(fake.file_paths))
        async with session.get(f"{file_url}wrong-token/{path}") as response:
            assert response.status == 401
        async with session.get(f"{file_url}{TOKEN}/documents/unknown") as response:
            assert response.status == 404


def _article(result_id: str, text: str = "<b>Dark</b>") -> telegram.InlineQueryResultArticle:
    return telegram.InlineQueryResultArticle(
        result_id, "Dark", telegram.InputTextMessageContent(text, parse_mode="HTML")
    )


async def test_answer_inline_query_validates_like_telegram(
    fake: FakeTelegram, bot: telegram.Bot
) -> None:
    first = fake.send_inline_query(1, "dark")
    with pytest.raises(BadRequest, match=r"(?i)results_too_much"):
        await bot.answer_inline_query(first, [_article(str(n)) for n in range(51)])
    with pytest.raises(BadRequest, match=r"(?i)result_id_invalid"):
        await bot.answer_inline_query(first, [_article("x" * 65)])
    with pytest.raises(BadRequest, match=r"(?i)result_id_duplicate"):
        await bot.answer_inline_query(first, [_article("1"), _article("1")])
    with pytest.raises(BadRequest, match=r"(?i)parse entities"):
        await bot.answer_inline_query(first, [_article("1", "<b>open")])
    with pytest.raises(BadRequest, match=r"(?i)cache_time"):
        await bot.answer_inline_query(first, [_article("1")], cache_time=-1)
    assert await bot.answer_inline_query(first, [_article("1"), _article("2")], cache_time=60)
    answer = await fake.wait_for_inline_answer(first)
    assert [r["id"] for r in answer["results"]] == ["1", "2"]
    assert answer["results"][0]["input_message_content"]["visible"] == "Dark"
    assert answer["cache_time"] == 60
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):
        await bot.answer_inline_query(first, [])
    update = fake.pending_updates[-1]
    assert update["inline_query"]["query"] == "dark"
