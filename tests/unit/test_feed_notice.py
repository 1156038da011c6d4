"""The 'feed keeps failing' notice reaches each bot admin in that admin's language."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.chat_settings import Defaults
from bot.news.announce import warn_admins
from bot.news.poll import FailingFeed
from storage.chats import ensure_chat
from storage.db import create_session_factory
from storage.delivery_models import Delivery
from storage.migrate import upgrade_database
from storage.models import Chat

FAILING = FailingFeed(
    feed_id=7, url="https://reader:pw@x.test/feed.xml", error_count=5, last_error="HTTP 500"
)


async def test_each_admin_is_warned_in_their_own_language(engine: AsyncEngine) -> None:
    await upgrade_database(engine)
    sessions = create_session_factory(engine)
    # (telegram id, language chosen in /settings, language Telegram reports)
    admins = [(1, None, "en"), (2, "de", "en"), (3, None, None), (4, None, "fr")]
    async with sessions.begin() as session:
        for telegram_id, chosen, reported in admins:
            chat = await ensure_chat(
                session, telegram_id=telegram_id, chat_type="private", telegram_language=reported
            )
            chat.language = chosen
        await session.flush()
        written = await warn_admins(
            session, FAILING, admin_ids=[1, 2, 3, 4], defaults=Defaults("de", "Europe/Berlin")
        )
    assert written == 4
    async with sessions() as session:
        rows = await session.execute(
            select(Chat.telegram_id, Delivery.payload).join(Chat, Chat.id == Delivery.chat_id)
        )
        texts = {telegram_id: payload["html"] for telegram_id, payload in rows}
    assert "has failed 5 times in a row" in texts[1]  # Telegram's English, nothing chosen
    assert "schlägt seit 5 Abrufen fehl" in texts[2]  # the choice in /settings wins
    assert "schlägt seit 5 Abrufen fehl" in texts[3]  # nothing known: the bot's default
    assert "has failed 5 times in a row" in texts[4]  # any other Telegram language: English
    # The feed's password stays out of the admins' chats.
    assert all("pw@" not in text and "reader:***@x.test" in text for text in texts.values())
