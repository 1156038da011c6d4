"""Telegram's webhook as one route of our HTTP server, so it can share a port with /healthz.

Telegram POSTs each update as JSON with the secret in a header; a request without the right
secret is refused (403) before its body is read.
"""

from __future__ import annotations

import hmac
import logging

from aiohttp import web
from telegram import Update

from bot.context import BotApplication
from bot.ops.http import OpsServer

logger = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"  # noqa: S105 - a header name


def add_webhook_route(
    server: OpsServer, application: BotApplication, path: str, secret: str | None
) -> None:
    async def receive(request: web.Request) -> web.Response:
        if secret is not None:
            given = request.headers.get(SECRET_HEADER, "")
            if not hmac.compare_digest(given.encode(), secret.encode()):
                logger.warning("webhook request without the right secret from %s", request.remote)
                raise web.HTTPForbidden()
        try:
            payload = await request.json()
            update = Update.de_json(payload, application.bot) if isinstance(payload, dict) else None
        except Exception:  # any body Telegram would never send: refused, never a crash
            logger.warning("webhook request with an unreadable body", exc_info=True)
            update = None
        if update is None:
            raise web.HTTPBadRequest(text="not a Telegram update")
        await application.update_queue.put(update)
        return web.Response()

    server.add_post(path, receive)
