"""The operators' HTTP server (aiohttp): a host, a port and routes; nothing bot-specific.

Routes are added before `start()`: /healthz, /metrics and the webhook today, calendar feeds
tomorrow.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from aiohttp import web

logger = logging.getLogger(__name__)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class OpsServer:
    def __init__(self, host: str, port: int) -> None:
        self.host = host
        self.port = port
        self._app = web.Application()
        self._runner: web.AppRunner | None = None

    def add_get(self, path: str, handler: Handler) -> None:
        self._app.router.add_get(path, handler)

    def add_post(self, path: str, handler: Handler) -> None:
        self._app.router.add_post(path, handler)

    async def start(self) -> None:
        self._runner = web.AppRunner(self._app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, self.host, self.port).start()
        logger.info("operator HTTP server on http://%s:%d", self.host, self.port)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
