"""Inline mode: answerInlineQuery, validated as Telegram does (results, ids, cache_time)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .api_messages import api
from .validation import as_bool, bad, check_markup, parse_text

if TYPE_CHECKING:
    from .server import FakeTelegram

MAX_RESULTS = 50
MAX_ID_BYTES = 64
RESULT_TYPES = frozenset({
    "article", "photo", "gif", "mpeg4_gif", "video", "audio", "voice", "document", "location",
    "venue", "contact", "game", "sticker",
})  # fmt: skip


def _check_content(content: Any) -> dict[str, Any]:
    """An InputTextMessageContent; returns it with the text users would see."""
    if not isinstance(content, dict) or "message_text" not in content:
        raise bad("MESSAGE_EMPTY")
    parsed = parse_text(content["message_text"], content.get("parse_mode"))
    return {**content, "visible": parsed.text}


def _check_result(result: Any, seen: set[str]) -> dict[str, Any]:
    if not isinstance(result, dict) or result.get("type") not in RESULT_TYPES:
        raise bad("RESULT_TYPE_INVALID")
    result_id = result.get("id")
    if not isinstance(result_id, str) or not 1 <= len(result_id.encode()) <= MAX_ID_BYTES:
        raise bad("RESULT_ID_INVALID")
    if result_id in seen:
        raise bad("RESULT_ID_DUPLICATE")
    seen.add(result_id)
    checked = dict(result)
    if result["type"] == "article":
        if not isinstance(result.get("title"), str) or not result["title"].strip():
            raise bad("RESULT_TITLE_EMPTY")
        checked["input_message_content"] = _check_content(result.get("input_message_content"))
    if "reply_markup" in result:
        checked["reply_markup"] = check_markup(result["reply_markup"])
    return checked


@api("answerInlineQuery")
def answer_inline_query(fake: FakeTelegram, p: dict[str, Any]) -> bool:
    query = fake.inline_queries.get(str(p.get("inline_query_id")))
    if query is None or query["answer"] is not None:
        raise bad("query is too old and response timeout expired or query ID is invalid")
    results = p.get("results")
    if not isinstance(results, list):
        raise bad("can't parse results JSON object")
    if len(results) > MAX_RESULTS:
        raise bad("RESULTS_TOO_MUCH")
    seen: set[str] = set()
    checked = [_check_result(result, seen) for result in results]
    cache_time = p.get("cache_time", 300)
    if not isinstance(cache_time, int) or cache_time < 0:
        raise bad("invalid cache_time specified")
    next_offset = str(p.get("next_offset") or "")
    if len(next_offset.encode()) > MAX_ID_BYTES:
        raise bad("NEXT_OFFSET_INVALID")
    query["answer"] = {
        "results": checked,
        "cache_time": cache_time,
        "is_personal": as_bool(p.get("is_personal")),
        "next_offset": next_offset,
    }
    fake.bump()
    return True
