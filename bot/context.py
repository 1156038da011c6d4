"""The typed context every handler receives: settings and database without string lookups."""

from __future__ import annotations

from dataclasses import dataclass, field

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from telegram.ext import Application, CallbackContext, ExtBot

from bot.catalog.tvmaze import TvmazeClient
from bot.config import Settings
from bot.delivery.sender import Sender
from bot.news.poll import NewsPoller
from bot.ops.http import OpsServer
from bot.ops.operations import Operations


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
    ops: Operations = field(default_factory=Operations)  # metrics and liveness of this process
    servers: list[OpsServer] = field(default_factory=list)  # webhook, /healthz, /metrics


class BotContext(CallbackContext[ExtBot[None], dict, dict, BotData]):
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
    def sender(self) -> Sender:
        if self.bot_data.sender is None:
            raise RuntimeError("sender used before post_init started it")
        return self.bot_data.sender


BotApplication = Application[ExtBot[None], BotContext, dict, dict, dict, BotData]
