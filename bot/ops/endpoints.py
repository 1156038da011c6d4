"""GET /healthz and GET /metrics, read from the running bot's services."""

from __future__ import annotations

import errno
import logging
import os
import socket

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST

from bot.config import ConfigError
from bot.context import BotApplication, BotData
from bot.ops.calendar_route import add_calendar_route
from bot.ops.health import SenderState, check_health
from bot.ops.http import OpsServer
from bot.ops.metrics import read_database_counts
from bot.ops.operations import Operations
from bot.ops.webhook import add_webhook_route

logger = logging.getLogger(__name__)


def add_operator_routes(server: OpsServer, data: BotData, ops: Operations) -> None:
    async def healthz(request: web.Request) -> web.Response:
        sender = data.sender
        state = None if sender is None else SenderState(sender.running, sender.sending)
        rejected = ops.token_rejected.is_set()
        healthy, body = await check_health(
            data.engine, state, ops.liveness, token_rejected=rejected
        )
        return web.json_response(body, status=200 if healthy else 503)

    async def metrics(request: web.Request) -> web.Response:
        if data.sessions is None:
            raise web.HTTPServiceUnavailable(text="not started")
        try:
            async with data.sessions() as session:
                counts = await read_database_counts(session)
        except Exception as error:  # the scrape fails visibly; /healthz says why
            logger.warning("metrics: the database did not answer: %s", error)
            raise web.HTTPServiceUnavailable(text="database unavailable") from None
        body = ops.metrics.render(counts)
        return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})

    server.add_get("/healthz", healthz)
    server.add_get("/metrics", metrics)


async def start_servers(application: BotApplication) -> None:
    """The webhook (WEBHOOK_URL) and /healthz, /metrics, /calendar/… (HTTP_PORT); one server
    when their ports are the same. Called from post_init."""
    data: BotData = application.bot_data
    settings = data.settings
    servers: dict[OpsServer, str] = {}  # each server and the variables that chose its port
    if settings.webhook_url is not None:
        hook = OpsServer("0.0.0.0", settings.webhook_port)  # noqa: S104 - Telegram posts here
        secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else None
        add_webhook_route(hook, application, settings.webhook_url.path or "/", secret)
        servers[hook] = "WEBHOOK_PORT"
    if settings.http_port is not None:
        shared = [server for server in servers if server.port == settings.http_port]
        server = shared[0] if shared else OpsServer(settings.http_host, settings.http_port)
        add_operator_routes(server, data, data.ops)
        add_calendar_route(server, data)
        servers[server] = "WEBHOOK_PORT and HTTP_PORT" if shared else "HTTP_PORT"
    for server, port_variable in servers.items():
        try:
            await server.start()
        except OSError as error:
            message = listen_failure(error, server.host, server.port, port_variable)
            raise ConfigError(message) from error
        data.servers.append(server)


def listen_failure(error: OSError, host: str, port: int, port_variable: str) -> str:
    """One line naming the variable to fix: HTTP_HOST (the webhook's host is fixed) when it
    does not resolve or is not this machine's, else the port (taken, or privileged)."""
    if isinstance(error, socket.gaierror):
        return f"HTTP_HOST: cannot resolve {host!r}: {error.strerror}"
    reason = os.strerror(error.errno) if error.errno else str(error)
    variable = "HTTP_HOST" if error.errno == errno.EADDRNOTAVAIL else port_variable
    return f"{variable}: cannot listen on {host}:{port}: {reason}"


async def stop_servers(data: BotData) -> None:
    while data.servers:
        await data.servers.pop().stop()
