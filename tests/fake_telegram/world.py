"""Chats, users, messages and the update queue of the fake, plus the test-facing helpers."""

# The wait_* helpers take `timeout=` on purpose: it is the documented test-facing API.
# ruff: noqa: ASYNC109

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from .html_check import Entity, utf16_len
from .objects import ANONYMOUS_ADMIN, BOT_ID, Chat, StoredMessage, User, bot_user, member, now

T = TypeVar("T")
_COMMAND = re.compile(r"/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?")


class World:
    def __init__(self, bot_username: str) -> None:
        self.bot = bot_user(bot_username)
        self.users: dict[int, User] = {}
        self.chats: dict[int, Chat] = {}
        self.store: dict[int, dict[int, StoredMessage]] = {}
        self.updates: list[dict[str, Any]] = []  # pushed, not yet confirmed by an offset
        self.delivered_upto = 0  # highest update_id handed out by getUpdates
        self.next_update_id = 100_001
        self.queries: dict[str, dict[str, Any]] = {}
        self.inline_queries: dict[str, dict[str, Any]] = {}
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.errors: list[tuple[str, int, str]] = []
        self.commands: dict[tuple[str, str], list[dict[str, str]]] = {}
        # {("description" | "short_description", language_code or ""): text}
        self.descriptions: dict[tuple[str, str], str] = {}
        self._changed = asyncio.Event()

    def bump(self) -> None:
        """Wake everybody waiting for a change of state."""
        self._changed.set()
        self._changed = asyncio.Event()

    # -- building the world ---------------------------------------------------------------
    def add_user(
        self,
        user_id: int,
        first_name: str = "User",
        *,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = None,
    ) -> User:
        """A user who has started the bot: also creates the private chat (id == user id)."""
        user = User(user_id, first_name, last_name, username, language_code)
        self.users[user_id] = user
        old = self.chats.get(user_id)
        chat = Chat(user_id, "private", user=user)
        if old is not None:
            chat.blocked, chat.next_message_id = old.blocked, old.next_message_id
        self.chats[user_id] = chat
        self.store.setdefault(user_id, {})
        return user

    def add_group(
        self,
        chat_id: int,
        title: str = "Group",
        *,
        admins: Iterable[int] = (),
        members: Iterable[int] = (),
        type: str = "group",
        username: str | None = None,
        bot_status: str = "member",
        forum: bool = False,
    ) -> Chat:
        """A group the bot is in. ``admins[0]`` is the owner ("creator"); unknown user ids
        become users without a private chat (sending to them gives 403)."""
        if type not in ("group", "supergroup"):
            raise ValueError("type must be 'group' or 'supergroup'")
        admins, members = list(admins), list(members)
        for uid in admins + members:
            self.users.setdefault(uid, User(uid, f"User {uid}"))
        chat = Chat(chat_id, type, title=title, username=username, bot_status=bot_status)
        chat.is_forum = forum
        chat.owner, chat.admins, chat.members = (admins or [None])[0], admins, members
        self.chats[chat_id] = chat
        self.store.setdefault(chat_id, {})
        return chat

    def block(self, chat_id: int, blocked: bool = True) -> None:
        """Private chat: the user blocks the bot. Group: the bot gets kicked."""
        chat = self.chat(chat_id)
        if chat.is_group:
            chat.bot_status = "kicked" if blocked else "member"
        else:
            chat.blocked = blocked

    def chat(self, chat_id: int) -> Chat:
        if chat_id not in self.chats:
            raise KeyError(f"fake Telegram: chat {chat_id} was never added by the test")
        return self.chats[chat_id]

    def user(self, user_id: int) -> User:
        if user_id not in self.users:
            raise KeyError(f"fake Telegram: user {user_id} was never added by the test")
        return self.users[user_id]

    def new_message(self, chat: Chat, **fields: Any) -> StoredMessage:
        msg = StoredMessage(chat_id=chat.id, message_id=chat.next_message_id, **fields)
        chat.next_message_id += 1
        self.store.setdefault(chat.id, {})[msg.message_id] = msg
        self.bump()
        return msg

    def message_api(self, msg: StoredMessage) -> dict[str, Any]:
        data = msg.to_api(self.chats[msg.chat_id], self.bot)
        replied = self.store[msg.chat_id].get(msg.reply_to_message_id or 0)
        if replied is not None:
            data["reply_to_message"] = replied.to_api(self.chats[msg.chat_id], self.bot)
        return data

    # -- pushing updates ------------------------------------------------------------------
    def push_update(self, payload: dict[str, Any]) -> dict[str, Any]:
        """Queue a raw update (``payload`` without update_id); returns the full update."""
        update = {"update_id": self.next_update_id, **payload}
        self.next_update_id += 1
        self.updates.append(update)
        self.bump()
        return update

    def send_text(
        self,
        chat_id: int,
        user_id: int | None,
        text: str,
        *,
        reply_to_message_id: int | None = None,
        sender_chat_id: int | None = None,
        thread_id: int | None = None,
    ) -> dict[str, Any]:
        """A user writes ``text``; returns the update (``update["message"]["message_id"]``).

        ``user_id`` may be None in a private chat. ``sender_chat_id``: an anonymous admin's
        post (from = @GroupAnonymousBot). ``thread_id``: in that topic of a forum group."""
        chat = self.chat(chat_id)
        extra: dict[str, Any] = {}
        if thread_id is not None:
            extra.update(message_thread_id=thread_id, is_topic_message=True)
        if sender_chat_id is not None:
            sender = dict(ANONYMOUS_ADMIN)
            extra["sender_chat"] = self.chat(sender_chat_id).to_api()
        else:
            sender = self.user(chat_id if user_id is None else user_id).to_api()
        entities: tuple[Entity, ...] = ()
        if match := _COMMAND.match(text):
            entities = (Entity("bot_command", 0, utf16_len(match.group())),)
        if reply_to_message_id is not None and reply_to_message_id not in self.store[chat_id]:
            raise KeyError(f"fake Telegram: no message {reply_to_message_id} in {chat_id}")
        msg = self.new_message(
            chat, from_bot=False, sender=sender, text=text, visible=text, entities=entities,
            reply_to_message_id=reply_to_message_id, extra=extra,
        )  # fmt: skip
        return self.push_update({"message": self.message_api(msg)})

    def press_button(
        self, chat_id: int, message_id: int, data: str, user_id: int | None = None,
        *, check: bool = True,
    ) -> str:  # fmt: skip
        """The user taps an inline button of a bot message; returns the callback query id.
        With ``check`` the data must belong to a button currently on the message."""
        msg = self.store.get(chat_id, {}).get(message_id)
        if msg is None or msg.deleted or not msg.from_bot:
            raise KeyError(f"fake Telegram: no bot message {message_id} in chat {chat_id}")
        buttons = [b for row in (msg.reply_markup or {}).get("inline_keyboard", []) for b in row]
        if check and data not in [b.get("callback_data") for b in buttons]:
            raise ValueError(f"fake Telegram: message {message_id} has no button {data!r}")
        user = self.user(chat_id if user_id is None else user_id)
        query_id = str(4_242_000_000_000_000_000 + len(self.queries) + 1)
        self.queries[query_id] = {"chat_id": chat_id, "message_id": message_id, "answer": None}
        self.push_update({
            "callback_query": {
                "id": query_id, "from": user.to_api(), "message": self.message_api(msg),
                "chat_instance": str(abs(chat_id) * 7919), "data": data,
            }
        })  # fmt: skip
        return query_id

    def send_inline_query(
        self, user_id: int, query: str, *, chat_type: str = "sender", offset: str = ""
    ) -> str:
        """The user types ``@bot <query>`` in some chat; returns the inline query id."""
        query_id = str(7_777_000_000_000_000_000 + len(self.inline_queries) + 1)
        self.inline_queries[query_id] = {"query": query, "answer": None}
        self.push_update({
            "inline_query": {
                "id": query_id, "from": self.user(user_id).to_api(), "query": query,
                "offset": offset, "chat_type": chat_type,
            }
        })  # fmt: skip
        return query_id

    def push_my_chat_member(
        self, chat_id: int, user_id: int, old: str = "left", new: str = "member"
    ) -> dict[str, Any]:
        """The bot's own membership changes (added/removed/promoted; private: "kicked" means
        the user blocked the bot, "member" that they unblocked/restarted it)."""
        chat = self.chat(chat_id)
        if new == "restricted" and chat.type != "supergroup":
            raise ValueError("Telegram restricts a single member only in a supergroup")
        if chat.is_group:
            chat.bot_status = new
        else:
            chat.blocked = new == "kicked"
        return self.push_update({
            "my_chat_member": {
                "chat": chat.to_api(), "from": self.user(user_id).to_api(), "date": now(),
                "old_chat_member": member(self.bot, old), "new_chat_member": member(self.bot, new),
            }
        })  # fmt: skip

    def migrate_group(
        self, old_chat_id: int, new_chat_id: int, user_id: int | None = None
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        """The group becomes a supergroup. Pushes the service messages (old chat:
        migrate_to_chat_id, new chat: migrate_from_chat_id), then, as Telegram does, the bot's
        join of the supergroup (tdlib/telegram-bot-api#266); sends to the old id then fail."""
        old = self.chat(old_chat_id)
        new = self.add_group(
            new_chat_id, old.title or "Group", admins=old.admins, members=old.members,
            type="supergroup", username=old.username, bot_status=old.bot_status,
        )  # fmt: skip
        new.owner, old.migrated_to = old.owner, new_chat_id
        uid = user_id if user_id is not None else old.owner
        sender = self.user(uid).to_api() if uid is not None else dict(ANONYMOUS_ADMIN)
        updates = []
        for chat, key, value in ((old, "migrate_to_chat_id", new_chat_id),
                                 (new, "migrate_from_chat_id", old_chat_id)):  # fmt: skip
            msg = self.new_message(chat, from_bot=False, sender=sender, extra={key: value})
            updates.append(self.push_update({"message": self.message_api(msg)}))
        self.push_update({
            "my_chat_member": {
                "chat": new.to_api(), "from": sender, "date": now(),
                "old_chat_member": member(self.bot, "left"),
                "new_chat_member": member(self.bot, new.bot_status),
            }
        })  # fmt: skip
        return updates[0], updates[1]

    def member_api(self, chat: Chat, user_id: int) -> dict[str, Any]:
        user = self.bot if user_id == BOT_ID else self.users[user_id].to_api()
        return member(user, chat.status_of(user_id))

    # -- observation ----------------------------------------------------------------------
    def messages(
        self, chat_id: int, *, include_deleted: bool = False, include_user: bool = False
    ) -> list[dict[str, Any]]:
        """Current state of the bot's messages in a chat (oldest first)."""
        return [
            m.snapshot() for m in self.store.get(chat_id, {}).values()
            if (include_user or m.from_bot) and (include_deleted or not m.deleted)
        ]  # fmt: skip

    def message(self, chat_id: int, message_id: int) -> dict[str, Any]:
        return self.store[chat_id][message_id].snapshot()

    @property
    def pending_updates(self) -> list[dict[str, Any]]:
        """Updates pushed but not yet handed out by getUpdates."""
        return [u for u in self.updates if u["update_id"] > self.delivered_upto]

    async def wait(self, predicate: Callable[[], T | None], timeout: float, what: str) -> T:
        """Wait until ``predicate()`` returns something other than None/False."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while (result := predicate()) is None or result is False:
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise TimeoutError(f"fake Telegram: timed out after {timeout}s waiting for {what}")
            try:
                await asyncio.wait_for(self._changed.wait(), remaining)
            except TimeoutError:
                pass
        return result

    async def wait_for_messages(
        self, chat_id: int, count: int = 1, timeout: float = 5.0
    ) -> list[dict[str, Any]]:
        """Wait until the chat has at least ``count`` (non-deleted) bot messages."""

        def ready() -> list[dict[str, Any]] | None:
            found = self.messages(chat_id)
            return found if len(found) >= count else None

        return await self.wait(ready, timeout, f"{count} bot message(s) in chat {chat_id}")

    async def wait_for_edit(
        self, chat_id: int, message_id: int, timeout: float = 5.0, *, after: int | None = None
    ) -> dict[str, Any]:
        """Wait for the next edit of a message (``after``: the edit count to exceed, default
        the count at call time); returns the message snapshot."""
        msg = self.store[chat_id][message_id]
        seen = msg.edits if after is None else after
        return await self.wait(
            lambda: msg.snapshot() if msg.edits > seen else None,
            timeout, f"an edit of message {message_id} in chat {chat_id}",
        )  # fmt: skip

    async def wait_for_callback_answer(self, query_id: str, timeout: float = 5.0) -> dict:
        """Wait until the query was answered; returns the answerCallbackQuery params."""
        return await self.wait(
            lambda: self.queries[query_id]["answer"], timeout, f"answer to query {query_id}"
        )

    async def wait_for_inline_answer(self, query_id: str, timeout: float = 5.0) -> dict:
        """Wait until the inline query was answered; returns the checked answer."""
        return await self.wait(
            lambda: self.inline_queries[query_id]["answer"], timeout, f"inline answer {query_id}"
        )

    async def wait_for_call(
        self, method: str, count: int = 1, timeout: float = 5.0
    ) -> list[dict[str, Any]]:
        """Wait until ``method`` was called ``count`` times; returns all their params."""

        def ready() -> list[dict[str, Any]] | None:
            found = [p for m, p in self.calls if m.lower() == method.lower()]
            return found if len(found) >= count else None

        return await self.wait(ready, timeout, f"{count} call(s) of {method}")

    async def wait_until_delivered(self, timeout: float = 5.0) -> None:
        """Wait until getUpdates has handed out every pushed update."""
        await self.wait(lambda: not self.pending_updates, timeout, "delivery of updates")
