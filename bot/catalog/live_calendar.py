"""The calendar subscription: a chat's secret feed URL and what it serves at each fetch.

The token is the only credential: 256 random bits from `secrets`, looked up by equality on a
unique index (no per-character comparison in Python), never logged. A new token replaces
the old one, whose URL then answers 404; deleting the chat deletes its token.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot import render
from bot.catalog.schedule import Airing, chat_airings
from bot.chat_settings import Defaults, effective_settings
from storage.calendar_tokens import chat_of_token, set_token, token_of

TOKEN_BYTES = 32
FEED_DAYS = 60
TOKEN_PATTERN = r"[A-Za-z0-9_-]{20,100}"  # noqa: S105 - a pattern, not a secret
_TOKEN = re.compile(TOKEN_PATTERN)


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def subscription_url(public_base_url: str, token: str) -> str:
    return f"{public_base_url.rstrip('/')}/calendar/{token}.ics"


async def subscription_token(session: AsyncSession, *, chat_id: int) -> str:
    """The chat's token, made on first use."""
    token = await token_of(session, chat_id=chat_id)
    if token is None:
        token = new_token()
        await set_token(session, chat_id=chat_id, token=token)
    return token


async def renew_token(session: AsyncSession, *, chat_id: int) -> str:
    """A new token for the chat; the old URL stops working."""
    token = new_token()
    await set_token(session, chat_id=chat_id, token=token)
    return token


@dataclass(frozen=True)
class CalendarFeed:
    name: str
    airings: list[Airing]

    @property
    def etag(self) -> str:
        """Changes exactly when an event of the feed would: times, titles, channels, name."""
        digest = hashlib.sha256(repr((self.name, self.airings)).encode()).hexdigest()
        return f'"{digest[:32]}"'


async def calendar_feed(
    session: AsyncSession, *, token: str, now: datetime, defaults: Defaults
) -> CalendarFeed | None:
    """What the token's URL serves now; None for a token nobody has."""
    if not _TOKEN.fullmatch(token):
        return None
    chat = await chat_of_token(session, token=token)
    if chat is None:
        return None
    settings = effective_settings(
        chat, default_language=defaults.language, default_timezone=defaults.timezone
    )
    airings = await chat_airings(
        session, chat_id=chat.id, now=now, days=FEED_DAYS, timezone=settings.timezone
    )
    return CalendarFeed(render.plain(settings.language, "calendar.name"), airings)
