"""The chat an update comes from, loaded once per update: its row, settings, language, and
whether the caller may configure it, in one transaction that the handler continues.

`handlers/chat_layer.py` opens it before any handler runs (group -1) and closes it after
the last one; a handler ends the unit of work with `done()` before it talks to Telegram
or hands over to a service that opens its own session.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Collection
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.chat_settings import ChatSettings, Defaults, effective_settings
from bot.news.held import replan_held_news
from bot.prompts import Prompt
from bot.reminders.tick import replan_chat
from storage.models import Chat


@dataclass
class ChatScope:
    session: AsyncSession  # the chat row is committed; the handler's own writes until `done()`
    chat: Chat
    defaults: Defaults
    is_bot_admin: bool  # the caller is one of ADMIN_IDS
    check_permission: Callable[[], Awaitable[bool]]
    ended_prompt: Prompt | None = None  # the prompt this update's command ended
    _permission: bool | None = field(default=None, init=False)
    _open: bool = field(default=True, init=False)

    @property
    def settings(self) -> ChatSettings:
        """The chat's effective settings (computed anew: handlers may just have changed them)."""
        return effective_settings(
            self.chat,
            default_language=self.defaults.language,
            default_timezone=self.defaults.timezone,
        )

    @property
    def language(self) -> str:
        return self.settings.language

    async def may_configure(self) -> bool:
        """Anyone in a private chat; in groups administrators. Asked at most once per update."""
        if self._permission is None:
            self._permission = await self.check_permission()
        return self._permission

    async def replan_reminders(self, *, series_ids: Collection[int] | None = None) -> None:
        """The chat changed how it wants reminders (of `series_ids`, else of every series):
        its reminders are planned anew in this unit of work."""
        await replan_chat(
            self.session,
            chat_id=self.chat.id,
            timezone=self.settings.timezone,
            defaults=self.defaults,
            now=datetime.now(UTC),
            series_ids=series_ids,
        )

    async def replan_held_news(self) -> None:
        """The chat changed its settings: its unsent news is planned anew from them in this
        unit of work (another language's frame, another moment, a kind switched off)."""
        await replan_held_news(
            self.session, chat_id=self.chat.id, defaults=self.defaults, now=datetime.now(UTC)
        )

    async def done(self) -> None:
        """Commit the unit of work and release the connection; later calls do nothing."""
        if self._open:
            self._open = False
            try:
                await self.session.commit()
            finally:
                await self.session.close()

    async def abort(self) -> None:
        """Roll back (the update failed); later calls do nothing."""
        if self._open:
            self._open = False
            await self.session.close()
