"""The typed context every handler receives: settings and database without string lookups."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, cast

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from telegram.ext import Application, CallbackContext, ExtBot, JobQueue

from bot.catalog.tvmaze import TvmazeClient
from bot.chat_layer import ChatScope
from bot.config import Settings
from bot.delivery.sender import Sender
from bot.news.poll import NewsPoller


@dataclass
class BotData:
    """Application-wide services; the engine is opened in post_init and closed in post_shutdown."""

    settings: Settings
    engine: AsyncEngine | None = None
    sessions: async_sessionmaker[AsyncSession] | None = field(default=None)
    http: httpx.AsyncClient | None = None
    tvmaze: TvmazeClient | None = None
    sender: Sender | None = None  # the outbox sender, started in post_init
    feed_http: httpx.AsyncClient | None = None  # its own limits: redirects, timeouts
    news: NewsPoller | None = None
    # Update id → its chat layer while it is open; the error handler (which PTB gives a
    # context of its own) finds it here to roll it back.
    chat_scopes: dict[int, ChatScope] = field(default_factory=dict)


def bot_data_type(settings: Settings) -> type[BotData]:
    """A `BotData` that PTB can create without arguments (`ContextTypes` wants a type)."""

    class ConfiguredBotData(BotData):
        def __init__(self) -> None:
            super().__init__(settings=settings)

    return ConfiguredBotData


class BotContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], BotData]):
    """One per update (PTB shares it across handler groups), so it carries the chat layer."""

    chat_scope: ChatScope | None = None  # set in group -1 for chat messages and buttons

    @property
    def scope(self) -> ChatScope:
        """The update's chat, loaded once (see `bot.chat_layer`)."""
        if self.chat_scope is None:
            raise RuntimeError("no chat layer for this update (is its handler registered?)")
        return self.chat_scope

    @property
    def settings(self) -> Settings:
        return self.bot_data.settings

    @property
    def tvmaze(self) -> TvmazeClient:
        if self.bot_data.tvmaze is None:
            raise RuntimeError("TVmaze client used before post_init opened it")
        return self.bot_data.tvmaze

    @property
    def news(self) -> NewsPoller:
        if self.bot_data.news is None:
            raise RuntimeError("news poller used before post_init opened it")
        return self.bot_data.news

    @property
    def db(self) -> async_sessionmaker[AsyncSession]:
        if self.bot_data.sessions is None:
            raise RuntimeError("database used before post_init opened it")
        return self.bot_data.sessions

    @property
    def jobs(self) -> JobQueue[BotContext]:
        # PTB types a context's own class as an unbound type variable; this one is ours.
        queue = cast("JobQueue[BotContext] | None", self.job_queue)
        if queue is None:
            raise RuntimeError("the application was built without a job queue")
        return queue

    @property
    def sender(self) -> Sender:
        if self.bot_data.sender is None:
            raise RuntimeError("sender used before post_init started it")
        return self.bot_data.sender


BotApplication = Application[
    ExtBot[None], BotContext, dict[Any, Any], dict[Any, Any], BotData, JobQueue[BotContext]
]
