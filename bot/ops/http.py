"""The operators' HTTP server (aiohttp): a host, a port and routes; nothing bot-specific.

Routes are added before `start()`: /healthz, /metrics and the webhook today, calendar feeds
tomorrow.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from aiohttp import web
from aiohttp.http_exceptions import BadHttpMessage

logger = logging.getLogger(__name__)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def client_fault_as_warning(record: logging.LogRecord) -> bool:
    """A request aiohttp cannot parse (a header over 8190 bytes, a garbled line) is the
    client's doing, which any scanner can repeat: one warning line instead of an ERROR with a
    traceback. Errors in our own handlers keep their level."""
    error = record.exc_info[1] if record.exc_info else None
    if not isinstance(error, BadHttpMessage) or record.levelno <= logging.WARNING:
        return True
    record.msg = f"{record.getMessage()}: {type(error).__name__} (a malformed request, refused)"
    record.args = ()
    record.levelno, record.levelname = logging.WARNING, "WARNING"
    record.exc_info = record.exc_text = None
    return logging.getLogger(record.name).isEnabledFor(logging.WARNING)


# The logger aiohttp's request handlers use for our servers (instead of `aiohttp.server`).
server_logger = logging.getLogger(f"{__name__}.server")
server_logger.addFilter(client_fault_as_warning)


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
        self._runner = web.AppRunner(self._app, access_log=None, logger=server_logger)
        await self._runner.setup()
        await web.TCPSite(self._runner, self.host, self.port).start()
        logger.info("operator HTTP server on http://%s:%d", self.host, self.port)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
