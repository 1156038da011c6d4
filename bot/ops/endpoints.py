"""GET /healthz and GET /metrics, read from the running bot's services."""

from __future__ import annotations

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST

from bot.context import BotData
from bot.ops.health import SenderState, check_health
from bot.ops.http import OpsServer
from bot.ops.metrics import read_database_counts
from bot.ops.operations import Operations


def add_operator_routes(server: OpsServer, data: BotData, ops: Operations) -> None:
    async def healthz(request: web.Request) -> web.Response:
        sender = data.sender
        state = None if sender is None else SenderState(sender.running, sender.sending)
        healthy, body = await check_health(data.engine, state, ops.liveness)
        return web.json_response(body, status=200 if healthy else 503)

    async def metrics(request: web.Request) -> web.Response:
        if data.sessions is None:
            raise web.HTTPServiceUnavailable(text="not started")
        async with data.sessions() as session:
            counts = await read_database_counts(session)
        body = ops.metrics.render(counts)
        return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})

    server.add_get("/healthz", healthz)
    server.add_get("/metrics", metrics)


async def start_operator_server(data: BotData) -> None:
    """Serve /healthz and /metrics when HTTP_PORT is set (called from post_init)."""
    port = data.settings.http_port
    if port is None:
        return
    server = OpsServer(data.settings.http_host, port)
    add_operator_routes(server, data, data.ops)
    await server.start()
    data.ops_server = server


async def stop_operator_server(data: BotData) -> None:
    if data.ops_server is not None:
        await data.ops_server.stop()
        data.ops_server = None
