"""What the operators' HTTP server logs: a client's malformed request is a warning, a failure
of our own handler stays an error with its traceback."""

import logging
import socket

import httpx
import pytest
from aiohttp import web

from bot.ops.http import OpsServer


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_a_malformed_request_is_a_warning_and_a_broken_handler_an_error(
    caplog: pytest.LogCaptureFixture,
):
    async def fine(request: web.Request) -> web.Response:
        return web.Response(text="ok")

    async def broken(request: web.Request) -> web.Response:
        raise RuntimeError("a bug of ours")

    server = OpsServer("127.0.0.1", free_port())
    server.add_get("/fine", fine)
    server.add_get("/broken", broken)
    await server.start()
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{server.port}") as client:
            huge = await client.get("/fine", headers={"X-Junk": "x" * 100_000})
            [malformed] = caplog.records
            caplog.clear()
            assert (await client.get("/broken")).status_code == 500
            [failure] = caplog.records
    finally:
        await server.stop()
    assert huge.status_code in (400, 431)
    assert malformed.levelno == logging.WARNING and malformed.exc_info is None
    assert malformed.getMessage().endswith("LineTooLong (a malformed request, refused)")
    assert failure.levelno == logging.ERROR and failure.exc_info is not None
    assert isinstance(failure.exc_info[1], RuntimeError)
