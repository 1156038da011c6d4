"""PTB's Bot over the aiohttp request class, against the fake Bot API and a bare local server."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from aiohttp import web
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, InputFile
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter, TimedOut

from bot.telegram_request import AiohttpRequest
from tests.fake_telegram import FakeTelegram

TOKEN = "123:abc"


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram(token=TOKEN) as fake:
        fake.add_user(7)
        yield fake


@pytest.fixture
async def bot(fake: FakeTelegram) -> AsyncIterator[Bot]:
    async with Bot(TOKEN, base_url=fake.base_url, request=AiohttpRequest()) as bot:
        yield bot


class BareServer:
    """A local HTTP server answering every path with `ok: true` after `delay` seconds,
    noting the client port of each request (one port: one kept-alive connection)."""

    def __init__(self, delay: float = 0.0) -> None:
        self.delay = delay
        self.ports: list[int] = []
        self.headers: list[dict[str, str]] = []
        self._runner: web.AppRunner | None = None
        self.url = ""

    async def _answer(self, request: web.Request) -> web.Response:
        peer = request.transport.get_extra_info("peername") if request.transport else None
        self.ports.append(peer[1] if peer else -1)
        self.headers.append(dict(request.headers))
        await asyncio.sleep(self.delay)
        return web.json_response({"ok": True, "result": True})

    async def __aenter__(self) -> BareServer:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._answer)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.1)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.url = f"http://127.0.0.1:{self._runner.addresses[0][1]}"
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        if self._runner is not None:
            await self._runner.cleanup()


async def test_message_with_html_buttons_and_flags_arrives(fake: FakeTelegram, bot: Bot) -> None:
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Folgen", callback_data="f:1")]])
    sent = await bot.send_message(
        7, "<b>Staffel 2</b> &amp; mehr", parse_mode="HTML", reply_markup=keyboard,
        disable_notification=True,
    )  # fmt: skip
    stored = fake.message(7, sent.message_id)
    assert stored["text"] == "<b>Staffel 2</b> &amp; mehr"
    assert stored["parse_mode"] == "HTML"
    assert stored["disable_notification"] is True
    assert stored["reply_markup"] == {
        "inline_keyboard": [[{"text": "Folgen", "callback_data": "f:1"}]]
    }
    assert sent.text == "Staffel 2 & mehr"  # Telegram's answer, parsed by PTB


async def test_file_upload_goes_as_multipart(fake: FakeTelegram, bot: Bot) -> None:
    content = b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"
    sent = await bot.send_document(
        7, InputFile(content, filename="serienwecker.ics"), caption="Dein Kalender"
    )
    document = fake.message(7, sent.message_id)["document"]
    assert document["content"] == content
    assert document["file_name"] == "serienwecker.ics"
    assert fake.message(7, sent.message_id)["caption"] == "Dein Kalender"


async def test_telegram_errors_become_ptb_errors(fake: FakeTelegram, bot: Bot) -> None:
    fake.fail_next("sendMessage", 429, "Too Many Requests: retry after 3", {"retry_after": 3})
    with pytest.raises(RetryAfter) as limited:
        await bot.send_message(7, "x")
    assert limited.value.retry_after.total_seconds() == 3
    fake.fail_next("sendMessage", 400, "Bad Request: group chat was upgraded",
                   {"migrate_to_chat_id": -100123})  # fmt: skip
    with pytest.raises(ChatMigrated) as moved:
        await bot.send_message(7, "x")
    assert moved.value.new_chat_id == -100123
    fake.block(7)
    with pytest.raises(Forbidden):
        await bot.send_message(7, "x")
    with pytest.raises(BadRequest, match=r"(?i)chat not found"):
        await bot.send_message(999, "x")
    assert fake.messages(7) == []


async def test_one_connection_is_kept_alive_across_calls() -> None:
    async with BareServer() as server, AiohttpRequest() as request:
        for _ in range(20):
            assert await request.post(f"{server.url}/bot{TOKEN}/getMe") is True
    assert len(server.ports) == 20
    assert len(set(server.ports)) == 1
    assert server.headers[0]["User-Agent"] == AiohttpRequest.USER_AGENT


async def test_concurrent_calls_share_a_bounded_pool() -> None:
    async with BareServer(delay=0.05) as server, AiohttpRequest(pool_size=4) as request:
        await asyncio.gather(*(request.post(f"{server.url}/x") for _ in range(40)))
    assert len(server.ports) == 40
    assert len(set(server.ports)) == 4


async def test_a_slow_answer_times_out() -> None:
    async with BareServer(delay=2.0) as server, AiohttpRequest() as request:
        with pytest.raises(TimedOut):
            await request.post(f"{server.url}/x", read_timeout=0.2)
        # The default read timeout applies when none is passed.
    async with BareServer(delay=2.0) as server, AiohttpRequest(read_timeout=0.2) as request:
        with pytest.raises(TimedOut):
            await request.post(f"{server.url}/x")


async def test_a_timeout_of_none_passed_to_a_call_lifts_the_default() -> None:
    async with BareServer(delay=0.4) as server, AiohttpRequest(read_timeout=0.1) as request:
        assert await request.post(f"{server.url}/x", read_timeout=None) is True


async def test_no_server_is_a_network_error() -> None:
    async with BareServer() as server:
        url = server.url  # the port is free again once the server is gone
    async with AiohttpRequest() as request:
        with pytest.raises(NetworkError):
            await request.post(f"{url}/x")


async def test_unusable_before_initialize_and_after_shutdown() -> None:
    request = AiohttpRequest()
    with pytest.raises(RuntimeError, match="not initialized"):
        await request.do_request("http://127.0.0.1:9/x", "POST")
    await request.initialize()
    await request.shutdown()
    with pytest.raises(RuntimeError, match="not initialized"):
        await request.do_request("http://127.0.0.1:9/x", "POST")
