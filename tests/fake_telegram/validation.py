"""Request decoding and Telegram-like validation of texts, keyboards and commands."""

from __future__ import annotations

import json
import re
from typing import Any

from aiohttp import web

from .html_check import HtmlParseError, ParsedText, parse_html, utf16_len

JSON_PARAMS = frozenset({
    "reply_markup", "commands", "scope", "allowed_updates", "entities", "caption_entities",
    "link_preview_options", "reply_parameters", "results", "button",
})  # fmt: skip
INT_PARAMS = frozenset({
    "chat_id", "from_chat_id", "message_id", "offset", "limit", "user_id", "cache_time",
    "message_thread_id", "reply_to_message_id", "max_connections",
})  # fmt: skip
FLOAT_PARAMS = frozenset({"timeout"})
BUTTON_ACTIONS = (
    "callback_data", "url", "switch_inline_query", "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat", "web_app", "login_url", "callback_game", "pay",
    "copy_text",
)  # fmt: skip
_COMMAND_NAME = re.compile(r"[a-z0-9_]{1,32}")
_URL = re.compile(r"(https?|tg)://\S+", re.IGNORECASE)


class ApiError(Exception):
    """An error response: ``{"ok": false, "error_code": status, "description": ...}``."""

    def __init__(self, status: int, description: str, parameters: dict | None = None) -> None:
        super().__init__(description)
        self.status, self.description, self.parameters = status, description, parameters

    def body(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "ok": False, "error_code": self.status, "description": self.description
        }  # fmt: skip
        if self.parameters:
            data["parameters"] = self.parameters
        return data


def bad(description: str, **parameters: Any) -> ApiError:
    return ApiError(400, f"Bad Request: {description}", parameters or None)


async def read_params(request: web.Request) -> dict[str, Any]:
    """Query string + urlencoded / multipart / JSON body, coerced to Python values.
    Uploaded files become ``{"filename", "content", "content_type"}`` dicts."""
    raw: dict[str, Any] = dict(request.query)
    if request.content_type == "application/json":
        body = await request.json() if request.can_read_body else {}
        if not isinstance(body, dict):
            raise bad("parameters must be a JSON object")
        raw.update(body)
    elif request.can_read_body:
        for key, value in (await request.post()).items():
            if isinstance(value, web.FileField):
                content = value.file.read()
                raw[key] = {
                    "filename": value.filename, "content": content,
                    "content_type": value.content_type,
                }  # fmt: skip
            else:
                raw[key] = value
    return {key: _coerce(key, value) for key, value in raw.items()}


def _coerce(key: str, value: Any) -> Any:
    if not isinstance(value, str):
        return value
    if key in JSON_PARAMS:
        try:
            return json.loads(value)
        except ValueError:
            raise bad(f"can't parse {key} JSON object") from None
    if key in INT_PARAMS:
        return int(value) if re.fullmatch(r"-?\d+", value.strip()) else value
    if key in FLOAT_PARAMS:
        try:
            return float(value)
        except ValueError:
            raise bad(f"invalid {key} specified") from None
    if value in ("true", "false") and (
        key.startswith(("disable_", "protect_", "show_"))
        or key in ("drop_pending_updates", "is_big", "only_if_banned")
    ):
        return value == "true"
    return value


def as_bool(value: Any) -> bool:
    return value in (True, "true", "True", "1", 1)


def parse_text(text: Any, parse_mode: Any, *, caption: bool = False) -> ParsedText:
    """Validate a message text (1..4096) or caption (0..1024) and return what users see."""
    if text is None:
        text = ""
    if not isinstance(text, str):
        raise bad("message text must be a string")
    mode = parse_mode.lower() if isinstance(parse_mode, str) and parse_mode else None
    if mode not in (None, "html", "markdown", "markdownv2"):
        raise bad(f"unsupported parse_mode {parse_mode!r}")
    parsed = ParsedText(text)
    if mode == "html":
        try:
            parsed = parse_html(text)
        except HtmlParseError as err:
            raise bad(str(err)) from None
    size = utf16_len(parsed.text)
    if caption:
        if size > 1024:
            raise bad("message caption is too long")
    elif not parsed.text.strip():
        raise bad("message text is empty")
    elif size > 4096:
        raise bad("message is too long")
    return parsed


def check_markup(markup: Any) -> dict[str, Any] | None:
    """Validate reply_markup; returns it (None for an empty inline keyboard)."""
    if markup is None:
        return None
    if not isinstance(markup, dict):
        raise bad("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" not in markup:
        return markup  # reply keyboard, remove_keyboard, force_reply: not validated further
    rows = markup["inline_keyboard"]
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays')
    buttons = [button for row in rows for button in row]
    if len(buttons) > 100:
        raise bad("reply markup is too long")
    for button in buttons:
        if not isinstance(button, dict):
            raise bad("can't parse inline keyboard button: InlineKeyboardButton must be an Object")
        if not isinstance(button.get("text"), str) or not button["text"].strip():
            raise bad('can\'t parse inline keyboard button: Field "text" must be non-empty')
        actions = [key for key in BUTTON_ACTIONS if key in button]
        if not actions:
            raise bad("can't parse inline keyboard button: "
                      "Text buttons are unallowed in the inline keyboard")  # fmt: skip
        if len(actions) > 1:
            raise bad("can't parse inline keyboard button: "
                      f"exactly one optional field must be used, got {actions}")  # fmt: skip
        data = button.get("callback_data")
        if "callback_data" in button and (
            not isinstance(data, str) or not 1 <= len(data.encode("utf-8")) <= 64
        ):
            raise bad("BUTTON_DATA_INVALID")
        if "url" in button and not _URL.fullmatch(str(button["url"])):
            raise bad("BUTTON_URL_INVALID")
    return markup if buttons else None


def check_commands(commands: Any) -> list[dict[str, str]]:
    if not isinstance(commands, list):
        raise bad("can't parse commands JSON object")
    if len(commands) > 100:
        raise bad("BOT_COMMANDS_TOO_MUCH")
    result = []
    for item in commands:
        if not isinstance(item, dict):
            raise bad("can't parse BotCommand: BotCommand must be an Object")
        name, description = item.get("command"), item.get("description")
        if not isinstance(name, str) or not _COMMAND_NAME.fullmatch(name):
            raise bad("BOT_COMMAND_INVALID")
        if not isinstance(description, str) or not 1 <= len(description.strip()) <= 256:
            raise bad("BOT_COMMAND_DESCRIPTION_INVALID")
        result.append({"command": name, "description": description})
    return result


def scope_key(scope: Any) -> str:
    """Scope key: "default", "all_private_chats", ..., "chat:<id>", "chat_member:<c>:<u>"."""
    if scope is None:
        return "default"
    if not isinstance(scope, dict):
        raise bad("can't parse scope JSON object")
    kind = scope.get("type")
    if kind in ("default", "all_private_chats", "all_group_chats", "all_chat_administrators"):
        return kind
    if kind in ("chat", "chat_administrators"):
        return f"{kind}:{scope.get('chat_id')}"
    if kind == "chat_member":
        return f"chat_member:{scope.get('chat_id')}:{scope.get('user_id')}"
    raise bad("wrong bot command scope type specified")
