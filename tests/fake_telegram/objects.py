"""State objects of the fake Telegram world and their Bot API JSON shapes."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from .html_check import Entity

BOT_ID = 999000
ANONYMOUS_ADMIN_ID = 1087968824  # @GroupAnonymousBot
ANONYMOUS_ADMIN = {
    "id": ANONYMOUS_ADMIN_ID,
    "is_bot": True,
    "first_name": "Group",
    "username": "GroupAnonymousBot",
}
ADMIN_RIGHTS = (
    "can_manage_chat", "can_delete_messages", "can_manage_video_chats", "can_restrict_members",
    "can_promote_members", "can_change_info", "can_invite_users", "can_post_stories",
    "can_edit_stories", "can_delete_stories", "can_pin_messages",
)  # fmt: skip
MEMBER_STATUSES = ("creator", "administrator", "member", "restricted", "left", "kicked")
# What a member restricted from writing may not do (ChatMemberRestricted's rights).
RESTRICTED_RIGHTS = (
    "can_send_messages", "can_send_audios", "can_send_documents", "can_send_photos",
    "can_send_videos", "can_send_video_notes", "can_send_voice_notes", "can_send_polls",
    "can_send_other_messages", "can_add_web_page_previews", "can_change_info",
    "can_invite_users", "can_pin_messages", "can_manage_topics", "can_edit_tag",
    "can_react_to_messages",
)  # fmt: skip


def now() -> int:
    return int(time.time())


def bot_user(username: str) -> dict[str, Any]:
    return {
        "id": BOT_ID,
        "is_bot": True,
        "first_name": "Serienwecker",
        "username": username,
        "can_join_groups": True,
        "can_read_all_group_messages": False,
        "supports_inline_queries": False,
        "can_connect_to_business": False,
        "has_main_web_app": False,
    }


def member(user: dict[str, Any], status: str) -> dict[str, Any]:
    """A ChatMember object of the given status for ``user`` (a User dict)."""
    if status not in MEMBER_STATUSES:
        raise ValueError(f"unsupported member status {status!r}, use one of {MEMBER_STATUSES}")
    data: dict[str, Any] = {"status": status, "user": user}
    if status == "creator":
        data["is_anonymous"] = False
    elif status == "administrator":
        data.update(can_be_edited=False, is_anonymous=False)
        data.update(dict.fromkeys(ADMIN_RIGHTS, True))
    elif status == "kicked":
        data["until_date"] = 0
    elif status == "restricted":  # muted: still a member, may not write
        data.update(is_member=True, until_date=0)
        data.update(dict.fromkeys(RESTRICTED_RIGHTS, False))
    return data


@dataclass
class User:
    id: int
    first_name: str = "User"
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = None

    def to_api(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        for key in ("last_name", "username", "language_code"):
            if getattr(self, key) is not None:
                data[key] = getattr(self, key)
        return data


@dataclass
class Chat:
    id: int
    type: str  # private / group / supergroup
    title: str | None = None
    user: User | None = None  # the other side of a private chat
    username: str | None = None
    owner: int | None = None
    admins: list[int] = field(default_factory=list)
    members: list[int] = field(default_factory=list)
    blocked: bool = False  # private chat: the user blocked the bot
    bot_status: str = "member"  # groups: member / administrator / restricted / left / kicked
    migrated_to: int | None = None
    next_message_id: int = 1
    is_forum: bool = False  # a supergroup with topics

    @property
    def is_group(self) -> bool:
        return self.type in ("group", "supergroup")

    def to_api(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "type": self.type}
        if self.is_forum:
            data["is_forum"] = True
        if self.user is not None:
            data["first_name"] = self.user.first_name
            for key in ("last_name", "username"):
                if getattr(self.user, key) is not None:
                    data[key] = getattr(self.user, key)
        else:
            data["title"] = self.title
            if self.username:
                data["username"] = self.username
        return data

    def full_info(self) -> dict[str, Any]:
        """ChatFullInfo as returned by getChat."""
        gifts = ("unlimited_gifts", "limited_gifts", "unique_gifts", "premium_subscription")
        gift_types = dict.fromkeys((*gifts, "gifts_from_channels"), False)
        return {
            **self.to_api(),
            "accent_color_id": 0,
            "max_reaction_count": 11,
            "accepted_gift_types": gift_types,
        }

    def status_of(self, user_id: int) -> str:
        if user_id == BOT_ID:
            return self.bot_status if self.is_group else "member"
        if not self.is_group:
            return "member" if user_id == self.id else "left"
        if user_id == self.owner:
            return "creator"
        if user_id in self.admins:
            return "administrator"
        return "member" if user_id in self.members else "left"


@dataclass
class StoredMessage:
    """A message in a chat: sent by the bot (``from_bot``) or pushed by the test."""

    chat_id: int
    message_id: int
    from_bot: bool
    date: int = field(default_factory=now)
    sender: dict[str, Any] | None = None  # the "from" User dict for non-bot messages
    text: str | None = None  # raw text as sent (HTML source when parse_mode=HTML)
    visible: str | None = None  # text (or caption) after entity parsing
    entities: tuple[Entity, ...] = ()
    parse_mode: str | None = None
    caption: str | None = None
    document: dict[str, Any] | None = None  # file_name, content, mime_type, file_id, ...
    reply_markup: dict[str, Any] | None = None
    reply_to_message_id: int | None = None
    disable_notification: bool = False
    protect_content: bool = False
    copied_from: tuple[int, int] | None = None
    edits: int = 0
    edit_date: int | None = None
    deleted: bool = False
    extra: dict[str, Any] = field(default_factory=dict)  # service fields, sender_chat, ...

    def snapshot(self) -> dict[str, Any]:
        """The dict handed to tests by ``FakeTelegram.messages()``."""
        return {
            "message_id": self.message_id,
            "chat_id": self.chat_id,
            "from_bot": self.from_bot,
            "date": self.date,
            "text": self.text,
            "visible": self.visible,
            "entities": [e.to_api() for e in self.entities],
            "parse_mode": self.parse_mode,
            "caption": self.caption,
            "document": dict(self.document) if self.document else None,
            "reply_markup": self.reply_markup,
            "reply_to_message_id": self.reply_to_message_id,
            "disable_notification": self.disable_notification,
            "protect_content": self.protect_content,
            "copied_from": self.copied_from,
            "edits": self.edits,
            "deleted": self.deleted,
            **self.extra,
        }

    def to_api(self, chat: Chat, bot: dict[str, Any]) -> dict[str, Any]:
        """The Message object as Telegram returns/delivers it."""
        data: dict[str, Any] = {
            "message_id": self.message_id,
            "date": self.date,
            "chat": chat.to_api(),
            "from": bot if self.from_bot else self.sender,
        }
        entities = [e.to_api() for e in self.entities]
        if self.document is not None:
            keys = ("file_id", "file_unique_id", "file_name", "mime_type", "file_size")
            data["document"] = {k: self.document[k] for k in keys if k in self.document}
            if self.visible:
                data["caption"] = self.visible
                if entities:
                    data["caption_entities"] = entities
        elif self.visible is not None:
            data["text"] = self.visible
            if entities:
                data["entities"] = entities
        if self.reply_markup and self.reply_markup.get("inline_keyboard"):
            data["reply_markup"] = self.reply_markup
        if self.edit_date is not None:
            data["edit_date"] = self.edit_date
        data.update(self.extra)
        return data
