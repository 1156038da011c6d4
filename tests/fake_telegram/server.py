"""An in-process fake of the Telegram Bot API (aiohttp) that validates like Telegram.

Usage (inside the test's event loop)::

    fake = FakeTelegram(token="123:abc")          # bot_username="serienwecker_test_bot"
    await fake.start()                            # 127.0.0.1, free port; or `async with fake:`
    bot = telegram.Bot("123:abc", base_url=fake.base_url)   # base_url = "http://127.0.0.1:P/bot"
    await fake.stop()

World (sync)::

    add_user(user_id, first_name="User", *, last_name=None, username=None,
             language_code=None) -> User              # also creates private chat id == user id
    add_group(chat_id, title="Group", *, admins=(), members=(), type="group", username=None,
              bot_status="member", forum=False) -> Chat  # admins[0] is the owner ("creator")
    block(chat_id, blocked=True)                      # private: 403 blocked; group: 403 kicked

Updates (sync; delivered by getUpdates)::

    send_text(chat_id, user_id, text, *, reply_to_message_id=None, sender_chat_id=None,
              thread_id=None) -> update           # thread_id: a topic of a forum group
    press_button(chat_id, message_id, data, user_id=None, *, check=True) -> callback query id
    send_inline_query(user_id, query, *, chat_type="sender", offset="") -> inline query id
    push_my_chat_member(chat_id, user_id, old="left", new="member") -> update
        # a group: new="restricted" mutes the bot there (sends answer 400 "not enough rights")
    migrate_group(old_chat_id, new_chat_id, user_id=None) -> (old_chat_update, new_chat_update)
    push_update(payload) -> update                    # raw escape hatch, update_id is added

Files::

    send_document(chat_id, user_id, file_name, content, *, mime_type="text/csv",
                  caption=None, reply_to_message_id=None) -> update
        # a user sends a file; the bot fetches it with getFile, then
        # GET /file/bot<token>/<file_path> (getFile refuses files over 20 MB, like Telegram)
    files      # {file_id: bytes} of every uploaded file (by users and by the bot)

Observation::

    messages(chat_id, *, include_deleted=False, include_user=False) -> list[dict]
    message(chat_id, message_id) -> dict      # keys: message_id chat_id from_bot date text
        # (raw, e.g. HTML source) visible entities parse_mode caption document (file_name,
        # content bytes, mime_type, file_id...) reply_markup reply_to_message_id
        # disable_notification protect_content copied_from edits deleted (+ service fields)
    await wait_for_messages(chat_id, count=1, timeout=5.0) -> list[dict]
    await wait_for_edit(chat_id, message_id, timeout=5.0, *, after=None) -> dict
    await wait_for_callback_answer(query_id, timeout=5.0) -> dict (answerCallbackQuery params)
    await wait_for_inline_answer(query_id, timeout=5.0) -> dict: results (each article's
        input_message_content has "visible"), cache_time, is_personal, next_offset
    await wait_for_call(method, count=1, timeout=5.0) -> list[params]
    await wait_until_delivered(timeout=5.0)   # every pushed update handed out by getUpdates
    pending_updates, dropped_updates (not in allowed_updates), webhook (setWebhook params)
    commands   # {(scope_key, language_code or ""): [{"command", "description"}]}; scope_key is
               # "default", "all_private_chats", ... or "chat:<id>", "chat_member:<chat>:<user>"
    descriptions  # {("description" | "short_description", language_code or ""): text}
    calls      # [(method, params)] in order; errors: [(method, status, description)]
    stats      # Counter: "calls", and one entry per error status, e.g. stats["429"]
    arrivals   # clock() of every accepted message (send, copy, edit), in order

Scripting::

    set_rate_limits(global_per_second=None, per_private_chat_per_second=None,
                    per_group_per_minute=None)        # sliding windows over accepted sends
    fail_next(method, status, description, parameters=None, times=1)  # method "*" = any;
                                                      # 429 without parameters: retry_after 1
    delays[method] = seconds                          # that method answers this much later
    token = "123:new"                                 # BotFather's /revoke: the old token gets
                                                      # 401, its pending long poll ends at once

Errors follow Telegram: 400 "Bad Request: ...", 403 "Forbidden: ...", 429 with
parameters.retry_after, migrated groups with parameters.migrate_to_chat_id, 401/404 for a wrong
token / unknown method. Method names are case-insensitive like Telegram's.
"""

from __future__ import annotations

import asyncio
import inspect
import math
import re
import time
from collections import Counter, deque
from typing import Any

from aiohttp import web

from . import api_bot, api_inline  # noqa: F401 (api_inline registers answerInlineQuery)
from .api_messages import API
from .validation import ApiError, read_params
from .world import World

_PATH = re.compile(r"/bot([^/]+)/([A-Za-z]+)/?")
RATE_LIMITED = frozenset({"sendmessage", "senddocument", "copymessage", "editmessagetext"})


class FakeTelegram(World):
    def __init__(self, token: str = "123:abc", *, bot_username: str = "serienwecker_test_bot"):
        super().__init__(bot_username)
        self._token = token
        self.stats: Counter[str] = Counter()
        self.webhook: dict[str, Any] = {}
        self.allowed_updates = api_bot.DEFAULT_ALLOWED
        self.dropped_updates: list[dict[str, Any]] = []
        self.poll_generation = 0
        self.closing = False
        self.file_counter = 0
        self.files: dict[str, bytes] = {}  # file_id → content
        self.file_paths: dict[str, str] = {}  # file_path (from getFile) → file_id
        self.clock = time.monotonic  # replaceable in tests of rate limiting
        self.port: int | None = None
        self._runner: web.AppRunner | None = None
        self._failures: dict[str, list[ApiError]] = {}
        self._limits: tuple[int | None, int | None, int | None] = (None, None, None)
        self.delays: dict[str, float] = {}  # method (any case) → seconds before it answers
        self._sent: deque[tuple[float, int | None, bool]] = deque()  # (time, chat, is_group)
        self.arrivals: list[float] = []  # clock() of every message accepted (for benches)

    @property
    def token(self) -> str:
        return self._token

    @token.setter
    def token(self, token: str) -> None:
        # Telegram's server wakes a pending long poll when the bot's token is revoked and
        # answers it at once (tdlib/telegram-bot-api Client::on_closed); every later call
        # with the old token gets 401.
        self._token = token
        self.bump()

    # -- lifecycle ------------------------------------------------------------------------
    async def start(self) -> None:
        app = web.Application(client_max_size=60 * 1024 * 1024)
        app.router.add_get("/file/bot{token}/{path:.+}", self._download)
        app.router.add_route("*", "/{tail:.*}", self._handle)
        self._runner = web.AppRunner(
            app, access_log=None, shutdown_timeout=1.0, handler_cancellation=True
        )
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self.port = self._runner.addresses[0][1]

    async def stop(self) -> None:
        self.closing = True  # pending long polls return [] at once
        self.bump()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeTelegram:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        if self.port is None:
            raise RuntimeError("FakeTelegram is not started")
        return f"http://127.0.0.1:{self.port}/bot"

    # -- scripting ------------------------------------------------------------------------
    def fail_next(
        self,
        method: str,
        status: int,
        description: str,
        parameters: dict[str, Any] | None = None,
        times: int = 1,
    ) -> None:
        """The next ``times`` calls of ``method`` ("*": any except getUpdates) fail like this
        without any effect."""
        if status == 429 and parameters is None:
            parameters = {"retry_after": 1}
        queue = self._failures.setdefault(method.lower(), [])
        queue.extend(ApiError(status, description, parameters) for _ in range(times))

    def set_rate_limits(
        self,
        global_per_second: int | None = None,
        per_private_chat_per_second: int | None = None,
        per_group_per_minute: int | None = None,
    ) -> None:
        self._limits = (global_per_second, per_private_chat_per_second, per_group_per_minute)

    def _scripted(self, name: str) -> None:
        for key in (name, "*" if name != "getupdates" else None):
            if self._failures.get(key):
                raise self._failures[key].pop(0)

    def _check_rate(self, params: dict[str, Any]) -> None:
        total, private, group = self._limits
        now = self.clock()
        while self._sent and self._sent[0][0] <= now - 60:
            self._sent.popleft()
        chat = self.chats.get(params.get("chat_id"))  # type: ignore[arg-type]
        checks = [(total, 1.0, None)]
        if chat is not None:
            checks.append((group, 60.0, chat.id) if chat.is_group else (private, 1.0, chat.id))
        for limit, window, chat_id in checks:
            if limit is None:
                continue
            recent = [t for t, c, _ in self._sent if t > now - window and chat_id in (None, c)]
            if len(recent) >= limit:
                wait = recent[len(recent) - limit] + window - now
                retry = max(1, math.ceil(wait))
                raise ApiError(
                    429, f"Too Many Requests: retry after {retry}", {"retry_after": retry}
                )

    def _record_send(self, params: dict[str, Any]) -> None:
        chat = self.chats.get(params.get("chat_id"))  # type: ignore[arg-type]
        self.arrivals.append(self.clock())
        self._sent.append((self.clock(), chat.id if chat else None, bool(chat and chat.is_group)))

    def new_file_id(self) -> tuple[str, str]:
        """A fresh (file_id, file_unique_id) pair."""
        self.file_counter += 1
        return f"BQACAgIAAxkBAAIfake{self.file_counter:06d}", f"AgADfake{self.file_counter:06d}"

    def send_document(
        self,
        chat_id: int,
        user_id: int,
        file_name: str,
        content: bytes,
        *,
        mime_type: str = "text/csv",
        caption: str | None = None,
        reply_to_message_id: int | None = None,
    ) -> dict[str, Any]:
        """A user sends a file as a document (in reply to a message, if given); returns the
        update."""
        file_id, unique_id = self.new_file_id()
        self.files[file_id] = content
        document = {
            "file_id": file_id, "file_unique_id": unique_id, "file_name": file_name,
            "mime_type": mime_type, "file_size": len(content), "content": content,
        }  # fmt: skip
        msg = self.new_message(
            self.chat(chat_id), from_bot=False, sender=self.user(user_id).to_api(),
            caption=caption, visible=caption, document=document,
            reply_to_message_id=reply_to_message_id,
        )  # fmt: skip
        return self.push_update({"message": self.message_api(msg)})

    # -- HTTP -----------------------------------------------------------------------------
    async def _download(self, request: web.Request) -> web.Response:
        """A file's bytes at the path getFile gave, like Telegram's file server."""
        if request.match_info["token"] != self.token:
            return web.Response(status=401, text="Unauthorized")
        file_id = self.file_paths.get(request.match_info["path"])
        if file_id is None:
            return web.Response(status=404, text="Not Found")
        self.calls.append(("download", {"file_path": request.match_info["path"]}))
        return web.Response(body=self.files[file_id], content_type="application/octet-stream")

    async def _handle(self, request: web.Request) -> web.Response:
        match = _PATH.fullmatch(request.path)
        method = match.group(2) if match else request.path
        if match is None:
            return self._error(request, method, ApiError(404, "Not Found"))
        if match.group(1) != self.token:
            return self._error(request, method, ApiError(401, "Unauthorized"))
        name = method.lower()
        handler = API.get(name)
        if handler is None:
            return self._error(request, method, ApiError(404, "Not Found"))
        try:
            params = await read_params(request)
        except ApiError as err:
            return self._error(request, method, err)
        self.calls.append((method, params))
        self.stats["calls"] += 1
        self.bump()
        delay = self.delays.get(method) or self.delays.get(name)
        if delay:
            await asyncio.sleep(delay)
        try:
            self._scripted(name)
            if name in RATE_LIMITED:
                self._check_rate(params)
            result = handler(self, params)
            if inspect.isawaitable(result):
                result = await result
        except ApiError as err:
            return self._error(request, method, err)
        if name in RATE_LIMITED:
            self._record_send(params)
        return web.json_response({"ok": True, "result": result})

    def _error(self, request: web.Request, method: str, err: ApiError) -> web.Response:
        if request.transport is not None and not request.transport.is_closing():
            self.errors.append((method, err.status, err.description))
            self.stats[str(err.status)] += 1
            self.bump()
        return web.json_response(err.body(), status=err.status)
