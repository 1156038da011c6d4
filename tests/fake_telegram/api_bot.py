"""Bot API methods about the bot itself: getMe, updates, webhooks, commands, descriptions,
close/logOut."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .api_messages import api, resolve_chat
from .validation import ApiError, as_bool, bad, check_commands, scope_key

if TYPE_CHECKING:
    from .server import FakeTelegram

# What Telegram delivers when allowed_updates was never set (or set to []).
DEFAULT_ALLOWED = frozenset({
    "message", "edited_message", "channel_post", "edited_channel_post", "callback_query",
    "inline_query", "chosen_inline_result", "shipping_query", "pre_checkout_query", "poll",
    "poll_answer", "my_chat_member", "chat_join_request", "chat_boost", "removed_chat_boost",
    "business_connection", "business_message", "edited_business_message",
    "deleted_business_messages", "purchased_paid_media",
})  # fmt: skip
WEBHOOK_CONFLICT = (
    "Conflict: can't use getUpdates method while webhook is active; "
    "use deleteWebhook to delete the webhook first"
)
POLL_CONFLICT = (
    "Conflict: terminated by other getUpdates request; "
    "make sure that only one bot instance is running"
)


def update_type(update: dict[str, Any]) -> str:
    return next(key for key in update if key != "update_id")


@api("getMe")
def get_me(fake: FakeTelegram, p: dict[str, Any]) -> dict[str, Any]:
    return dict(fake.bot)


def _confirm(fake: FakeTelegram, offset: Any) -> None:
    if not isinstance(offset, int) or offset == 0:
        return
    if offset < 0:
        fake.updates = fake.updates[offset:]
    else:
        fake.updates = [u for u in fake.updates if u["update_id"] >= offset]
    fake.delivered_upto = max(fake.delivered_upto, offset - 1)


@api("getUpdates")
async def get_updates(fake: FakeTelegram, p: dict[str, Any]) -> list[dict[str, Any]]:
    """Long polling: waits up to ``timeout`` seconds for an update. A newer getUpdates call
    terminates an older one with 409 (two bot instances polling)."""
    if fake.webhook.get("url"):
        raise ApiError(409, WEBHOOK_CONFLICT)
    allowed = p.get("allowed_updates")
    if isinstance(allowed, list):
        fake.allowed_updates = frozenset(allowed) or DEFAULT_ALLOWED
    _confirm(fake, p.get("offset"))
    limit = p.get("limit")
    limit = min(max(limit, 1), 100) if isinstance(limit, int) else 100
    timeout = p.get("timeout") or 0
    if not isinstance(timeout, int | float) or timeout < 0:
        raise bad("invalid timeout specified")
    fake.poll_generation += 1
    generation = fake.poll_generation
    token = fake.token  # the one this call was made with
    fake.bump()

    def ready() -> list[dict[str, Any]] | bool | None:
        if generation != fake.poll_generation:
            raise ApiError(409, POLL_CONFLICT)
        dropped = [u for u in fake.updates if update_type(u) not in fake.allowed_updates]
        if dropped:
            fake.dropped_updates.extend(dropped)
            fake.updates = [u for u in fake.updates if u not in dropped]
        return fake.updates[:limit] or fake.closing or fake.token != token or None

    try:
        batch = await fake.wait(ready, float(timeout), "updates")
    except TimeoutError:
        return []
    if batch is True:
        return []
    fake.delivered_upto = max(fake.delivered_upto, batch[-1]["update_id"])
    fake.bump()
    return batch


@api("setWebhook")
def set_webhook(fake: FakeTelegram, p: dict[str, Any]) -> bool:
    url = p.get("url") or ""
    if url and not str(url).lower().startswith("https://"):
        raise bad("bad webhook: An HTTPS URL must be provided for webhook")
    if as_bool(p.get("drop_pending_updates")):
        fake.updates.clear()
    fake.webhook = dict(p) if url else {}
    return True


@api("deleteWebhook")
def delete_webhook(fake: FakeTelegram, p: dict[str, Any]) -> bool:
    if as_bool(p.get("drop_pending_updates")):
        fake.updates.clear()
    fake.webhook = {}
    return True


@api("getWebhookInfo")
def get_webhook_info(fake: FakeTelegram, p: dict[str, Any]) -> dict[str, Any]:
    info: dict[str, Any] = {
        "url": fake.webhook.get("url", ""),
        "has_custom_certificate": False,
        "pending_update_count": len(fake.updates),
    }
    if fake.webhook:
        info["max_connections"] = fake.webhook.get("max_connections", 40)
    return info


def _commands_key(fake: FakeTelegram, p: dict[str, Any]) -> tuple[str, str]:
    scope = p.get("scope")
    if isinstance(scope, dict) and "chat_id" in scope:
        resolve_chat(fake, scope["chat_id"], send=False)
    return scope_key(scope), str(p.get("language_code") or "")


@api("setMyCommands")
def set_my_commands(fake: FakeTelegram, p: dict[str, Any]) -> bool:
    commands = check_commands(p.get("commands"))
    key = _commands_key(fake, p)
    if commands:
        fake.commands[key] = commands
    else:
        fake.commands.pop(key, None)
    fake.bump()
    return True


@api("getMyCommands")
def get_my_commands(fake: FakeTelegram, p: dict[str, Any]) -> list[dict[str, str]]:
    return [dict(c) for c in fake.commands.get(_commands_key(fake, p), [])]


@api("deleteMyCommands")
def delete_my_commands(fake: FakeTelegram, p: dict[str, Any]) -> bool:
    fake.commands.pop(_commands_key(fake, p), None)
    fake.bump()
    return True


# Telegram's limits for the bot's profile texts.
DESCRIPTION_LIMITS = {"description": 512, "short_description": 120}


def _language(p: dict[str, Any]) -> str:
    language = str(p.get("language_code") or "")
    if language and not (len(language) == 2 and language.isalpha() and language.islower()):
        raise bad("LANGUAGE_CODE_INVALID")
    return language


def _set_description(fake: FakeTelegram, p: dict[str, Any], kind: str) -> bool:
    text = p.get(kind)
    if text is not None and not isinstance(text, str):
        raise bad(f"can't parse {kind}")
    text = text or ""
    if len(text) > DESCRIPTION_LIMITS[kind]:
        raise bad(f"BOT_{kind.upper()}_INVALID")
    key = (kind, _language(p))
    if text:
        fake.descriptions[key] = text
    else:  # an empty text removes the one for that language
        fake.descriptions.pop(key, None)
    fake.bump()
    return True


@api("setMyDescription")
def set_my_description(fake: FakeTelegram, p: dict[str, Any]) -> bool:
    return _set_description(fake, p, "description")


@api("setMyShortDescription")
def set_my_short_description(fake: FakeTelegram, p: dict[str, Any]) -> bool:
    return _set_description(fake, p, "short_description")


@api("getMyDescription")
def get_my_description(fake: FakeTelegram, p: dict[str, Any]) -> dict[str, str]:
    language = _language(p)
    text = fake.descriptions.get(("description", language))
    if text is None:
        text = fake.descriptions.get(("description", ""), "")
    return {"description": text}


@api("getMyShortDescription")
def get_my_short_description(fake: FakeTelegram, p: dict[str, Any]) -> dict[str, str]:
    language = _language(p)
    text = fake.descriptions.get(("short_description", language))
    if text is None:
        text = fake.descriptions.get(("short_description", ""), "")
    return {"short_description": text}


@api("close")
def close(fake: FakeTelegram, p: dict[str, Any]) -> bool:
    return True


@api("logOut")
def log_out(fake: FakeTelegram, p: dict[str, Any]) -> bool:
    return True
