"""Bot API methods about chats and messages. Each takes (fake, params) and returns the result
or raises ApiError; they register themselves in ``API`` by their lower-cased method name."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .html_check import ParsedText, utf16_len
from .objects import BOT_ID, Chat, StoredMessage, now
from .validation import ApiError, as_bool, bad, check_markup, parse_text

if TYPE_CHECKING:
    from .server import FakeTelegram

API: dict[str, Callable[[FakeTelegram, dict[str, Any]], Any]] = {}
CHAT_ACTIONS = frozenset({
    "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
    "upload_document", "choose_sticker", "find_location", "record_video_note",
    "upload_video_note",
})  # fmt: skip
NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)


def api(name: str) -> Callable[[Callable], Callable]:
    def register(func: Callable) -> Callable:
        API[name.lower()] = func
        return func

    return register


def resolve_chat(fake: FakeTelegram, chat_id: Any, *, send: bool = True) -> Chat:
    """The target chat, with Telegram's errors for unknown/migrated/blocked/kicked chats."""
    if chat_id is None or chat_id == "":
        raise bad("chat_id is empty")
    chat = fake.chats.get(chat_id) if isinstance(chat_id, int) else None
    if chat is None:
        if send and chat_id in fake.users:
            raise ApiError(403, "Forbidden: bot can't initiate conversation with a user")
        raise bad("chat not found")
    if chat.migrated_to is not None:
        raise bad(
            "group chat was upgraded to a supergroup chat", migrate_to_chat_id=chat.migrated_to
        )
    if send and chat.blocked:
        raise ApiError(403, "Forbidden: bot was blocked by the user")
    if send and chat.is_group and chat.bot_status in ("kicked", "left"):
        what = "was kicked from" if chat.bot_status == "kicked" else "is not a member of"
        raise ApiError(403, f"Forbidden: bot {what} the {chat.type} chat")
    return chat


def writable(chat: Chat) -> Chat:
    """A group that restricted (muted) the bot refuses its new messages; edits still pass."""
    if chat.is_group and chat.bot_status == "restricted":
        raise bad("not enough rights to send text messages to the chat")
    return chat


def find_message(fake: FakeTelegram, chat: Chat, message_id: Any, missing: str) -> StoredMessage:
    msg = fake.store[chat.id].get(message_id) if isinstance(message_id, int) else None
    if msg is None or msg.deleted:
        raise bad(missing)
    return msg


def reply_target(fake: FakeTelegram, chat: Chat, params: dict[str, Any]) -> int | None:
    reply = params.get("reply_parameters") or {}
    if not isinstance(reply, dict):
        raise bad("can't parse reply parameters JSON object")
    message_id = reply.get("message_id", params.get("reply_to_message_id"))
    if message_id is None:
        return None
    msg = fake.store[chat.id].get(message_id)
    if msg is None or msg.deleted:
        if as_bool(reply.get("allow_sending_without_reply")):
            return None
        raise bad("message to be replied not found")
    return msg.message_id


def _send_flags(params: dict[str, Any]) -> dict[str, bool]:
    return {
        "disable_notification": as_bool(params.get("disable_notification")),
        "protect_content": as_bool(params.get("protect_content")),
    }


def _topic(chat: Chat, params: dict[str, Any]) -> dict[str, Any]:
    """A message sent into a forum topic says so, as Telegram's do."""
    thread = params.get("message_thread_id")
    if not isinstance(thread, int) or not chat.is_forum:
        return {}
    return {"message_thread_id": thread, "is_topic_message": True}


@api("sendMessage")
def send_message(fake: FakeTelegram, p: dict[str, Any]) -> dict[str, Any]:
    chat = writable(resolve_chat(fake, p.get("chat_id")))
    parsed = parse_text(p.get("text"), p.get("parse_mode"))
    markup = check_markup(p.get("reply_markup"))
    msg = fake.new_message(
        chat, from_bot=True, text=p["text"], visible=parsed.text, entities=parsed.entities,
        parse_mode=p.get("parse_mode"), reply_markup=markup,
        reply_to_message_id=reply_target(fake, chat, p), extra=_topic(chat, p),
        **_send_flags(p),
    )  # fmt: skip
    return fake.message_api(msg)


def _editable(fake: FakeTelegram, p: dict[str, Any]) -> StoredMessage:
    if p.get("inline_message_id"):
        raise bad("the fake does not support inline_message_id")
    chat = resolve_chat(fake, p.get("chat_id"))
    msg = find_message(fake, chat, p.get("message_id"), "message to edit not found")
    if not msg.from_bot:
        raise bad("message can't be edited")
    return msg


def _mark_edited(fake: FakeTelegram, msg: StoredMessage) -> dict[str, Any]:
    msg.edits += 1
    msg.edit_date = now()
    fake.bump()
    return fake.message_api(msg)


@api("editMessageText")
def edit_message_text(fake: FakeTelegram, p: dict[str, Any]) -> dict[str, Any]:
    msg = _editable(fake, p)
    if msg.document is not None or msg.visible is None:
        raise bad("there is no text in the message to edit")
    parsed = parse_text(p.get("text"), p.get("parse_mode"))
    markup = check_markup(p.get("reply_markup"))  # omitted: the keyboard is removed
    if (parsed.text, parsed.entities, markup) == (msg.visible, msg.entities, msg.reply_markup):
        raise bad(NOT_MODIFIED)
    msg.text, msg.visible, msg.entities = p["text"], parsed.text, parsed.entities
    msg.parse_mode, msg.reply_markup = p.get("parse_mode"), markup
    return _mark_edited(fake, msg)


@api("editMessageReplyMarkup")
def edit_message_reply_markup(fake: FakeTelegram, p: dict[str, Any]) -> dict[str, Any]:
    msg = _editable(fake, p)
    markup = check_markup(p.get("reply_markup"))
    if markup == msg.reply_markup:
        raise bad(NOT_MODIFIED)
    msg.reply_markup = markup
    return _mark_edited(fake, msg)


@api("deleteMessage")
def delete_message(fake: FakeTelegram, p: dict[str, Any]) -> bool:
    chat = resolve_chat(fake, p.get("chat_id"))
    msg = find_message(fake, chat, p.get("message_id"), "message to delete not found")
    if not msg.from_bot and chat.is_group and chat.bot_status != "administrator":
        raise bad("message can't be deleted")
    msg.deleted = True
    fake.bump()
    return True


@api("answerCallbackQuery")
def answer_callback_query(fake: FakeTelegram, p: dict[str, Any]) -> bool:
    query = fake.queries.get(str(p.get("callback_query_id")))
    if query is None or query["answer"] is not None:
        raise bad("query is too old and response timeout expired or query ID is invalid")
    if utf16_len(str(p.get("text") or "")) > 200:
        raise bad("MESSAGE_TOO_LONG")
    query["answer"] = dict(p)
    fake.bump()
    return True


@api("sendDocument")
def send_document(fake: FakeTelegram, p: dict[str, Any]) -> dict[str, Any]:
    chat = writable(resolve_chat(fake, p.get("chat_id")))
    doc = p.get("document")
    file_id, unique_id = fake.new_file_id()
    document: dict[str, Any] = {"file_id": file_id, "file_unique_id": unique_id}
    if isinstance(doc, dict):  # uploaded in the multipart body
        if not doc["content"]:
            raise bad("file must be non-empty")
        fake.files[file_id] = doc["content"]
        document.update(
            file_name=doc["filename"] or "document", mime_type=doc["content_type"],
            file_size=len(doc["content"]), content=doc["content"],
        )  # fmt: skip
    elif isinstance(doc, str) and doc:
        document.update(source=doc)  # a file_id or URL
    else:
        raise bad("there is no document in the request")
    parsed = parse_text(p.get("caption"), p.get("parse_mode"), caption=True)
    msg = fake.new_message(
        chat, from_bot=True, caption=p.get("caption"), visible=parsed.text,
        entities=parsed.entities, parse_mode=p.get("parse_mode"), document=document,
        reply_markup=check_markup(p.get("reply_markup")),
        reply_to_message_id=reply_target(fake, chat, p), **_send_flags(p),
    )  # fmt: skip
    return fake.message_api(msg)


MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024  # what the Bot API lets a bot download


@api("getFile")
def get_file(fake: FakeTelegram, p: dict[str, Any]) -> dict[str, Any]:
    file_id = p.get("file_id")
    if not isinstance(file_id, str) or not file_id:
        raise bad("file_id not specified")
    content = fake.files.get(file_id)
    if content is None:
        raise bad("wrong file_id or the file is temporarily unavailable")
    if len(content) > MAX_DOWNLOAD_BYTES:
        raise bad("file is too big")
    path = f"documents/file_{file_id[-6:]}"
    fake.file_paths[path] = file_id
    return {
        "file_id": file_id, "file_unique_id": f"AgADfake{file_id[-6:]}",
        "file_size": len(content), "file_path": path,
    }  # fmt: skip


@api("copyMessage")
def copy_message(fake: FakeTelegram, p: dict[str, Any]) -> dict[str, Any]:
    target = writable(resolve_chat(fake, p.get("chat_id")))
    source = resolve_chat(fake, p.get("from_chat_id"), send=False)
    src = find_message(fake, source, p.get("message_id"), "message to copy not found")
    if src.visible is None and src.document is None:
        raise bad("message can't be copied")
    fields: dict[str, Any] = {"text": src.text, "parse_mode": src.parse_mode}
    parsed = ParsedText(src.visible or "", src.entities)
    if src.document is not None:
        fields = {"document": dict(src.document), "caption": src.caption,
                  "parse_mode": src.parse_mode}  # fmt: skip
        if "caption" in p:
            parsed = parse_text(p["caption"], p.get("parse_mode"), caption=True)
            fields.update(caption=p["caption"], parse_mode=p.get("parse_mode"))
    msg = fake.new_message(
        target, from_bot=True, visible=parsed.text, entities=parsed.entities,
        reply_markup=check_markup(p.get("reply_markup")), copied_from=(source.id, src.message_id),
        reply_to_message_id=reply_target(fake, target, p), **fields, **_send_flags(p),
    )  # fmt: skip
    return {"message_id": msg.message_id}


@api("sendChatAction")
def send_chat_action(fake: FakeTelegram, p: dict[str, Any]) -> bool:
    writable(resolve_chat(fake, p.get("chat_id")))
    if p.get("action") not in CHAT_ACTIONS:
        raise bad("wrong parameter action in request")
    return True


@api("getChat")
def get_chat(fake: FakeTelegram, p: dict[str, Any]) -> dict[str, Any]:
    return resolve_chat(fake, p.get("chat_id"), send=False).full_info()


@api("getChatMember")
def get_chat_member(fake: FakeTelegram, p: dict[str, Any]) -> dict[str, Any]:
    chat = resolve_chat(fake, p.get("chat_id"), send=False)
    user_id = p.get("user_id")
    if user_id != BOT_ID and user_id not in fake.users:
        raise bad("user not found")
    return fake.member_api(chat, user_id)


@api("getChatAdministrators")
def get_chat_administrators(fake: FakeTelegram, p: dict[str, Any]) -> list[dict[str, Any]]:
    chat = resolve_chat(fake, p.get("chat_id"), send=False)
    if not chat.is_group:
        raise bad("there are no administrators in the private chat")
    ids = ([chat.owner] if chat.owner is not None else []) + chat.admins + [BOT_ID]
    admins = [
        uid for uid in dict.fromkeys(ids) if chat.status_of(uid) in ("creator", "administrator")
    ]
    return [fake.member_api(chat, uid) for uid in admins]
