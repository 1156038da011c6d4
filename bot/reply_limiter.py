"""Handler replies and edits within the same Telegram budget as the outbox sender.

PTB hands every Bot API request to this limiter. A request that puts a message into a chat
(a reply, an edit) waits for its turn in the bot's one `SendScheduler`, ahead of bulk
traffic; requests Telegram does not count as messages (answering a button, asking for a
member, the command menu) go at once. A 429 is never the end of a reply: the chat is held
for `retry_after` and the request is made again.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from datetime import timedelta
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

from bot.delivery.limits import HAS_TURN, Lane, SendScheduler

logger = logging.getLogger(__name__)

JSONResult = bool | dict[str, Any] | list[dict[str, Any]]

# Requests that put a message into a chat or change one there: Telegram's flood limits.
MESSAGE_METHODS = frozenset(
    {
        "sendMessage",
        "copyMessage",
        "forwardMessage",
        "sendPhoto",
        "sendDocument",
        "sendAnimation",
        "sendVideo",
        "sendAudio",
        "sendVoice",
        "sendSticker",
        "sendMediaGroup",
        "sendLocation",
        "sendPoll",
        "editMessageText",
        "editMessageCaption",
        "editMessageMedia",
        "editMessageReplyMarkup",
    }
)


def message_chat(endpoint: str, data: dict[str, Any]) -> int | None:
    """The chat a message request counts against; None if it counts against none."""
    if endpoint not in MESSAGE_METHODS:
        return None
    chat_id = data.get("chat_id")
    try:
        return int(chat_id) if chat_id is not None else None
    except (TypeError, ValueError):  # an @channel name: no per-chat limit we can track
        return None


def seconds_of(retry_after: int | timedelta) -> float:
    return retry_after.total_seconds() if isinstance(retry_after, timedelta) else retry_after


class SharedRateLimiter(BaseRateLimiter[None]):
    def __init__(self, scheduler: SendScheduler) -> None:
        self.scheduler = scheduler
        self.retries = 0  # 429s answered to requests made here (for benches and logs)

    async def initialize(self) -> None:
        """Nothing to set up: the scheduler is shared and lives as long as the bot."""

    async def shutdown(self) -> None:
        """Nothing to free."""

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, JSONResult]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: None,
    ) -> JSONResult:
        if HAS_TURN.get():  # the outbox sender: scheduled already, its 429s are its outcomes
            return await callback(*args, **kwargs)
        chat = message_chat(endpoint, data)
        while True:
            if chat is not None:
                await self.scheduler.turn(chat, is_group=chat < 0, lane=Lane.REPLY)
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as error:
                seconds = seconds_of(error.retry_after)
                self.retries += 1
                logger.warning("%s answered 429; retrying in %.1f s", endpoint, seconds)
                if chat is None:
                    await asyncio.sleep(seconds)
                else:
                    self.scheduler.back_off(chat, seconds)
            finally:
                if chat is not None:  # answered, so arrived: the chat's next counts from now
                    self.scheduler.answered(chat, is_group=chat < 0)
