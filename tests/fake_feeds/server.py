"""Serves feeds on 127.0.0.1 with the misbehaviours real feed servers show."""

from __future__ import annotations

import asyncio
from collections import Counter
from dataclasses import dataclass, field
from email.utils import format_datetime
from html import escape

from aiohttp import web

CHUNK = 64 * 1024


@dataclass
class Route:
    """How one path answers."""

    body: bytes = b""
    status: int = 200
    content_type: str = "application/rss+xml; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None  # answer 304 to a matching If-None-Match
    hang: bool = False  # accept the request, never answer
    trickle_seconds: float | None = None  # send the body one byte per this many seconds
    endless_bytes: int | None = None  # stream this many bytes of junk, no Content-Length
    redirect_to: str | None = None


def rss(items: list[dict[str, object]], title: str = "Test feed", language: str = "de") -> bytes:
    """An RSS 2.0 document; each item dict may have guid, title, link, description, pubDate."""
    parts = [
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>',
        f"<title>{escape(title)}</title><language>{language}</language>",
    ]
    for item in items:
        parts.append("<item>")
        for name in ("guid", "title", "link", "description"):
            if name in item:
                parts.append(f"<{name}>{escape(str(item[name]))}</{name}>")
        if "pubDate" in item:
            parts.append(f"<pubDate>{format_datetime(item['pubDate'])}</pubDate>")  # type: ignore[arg-type]
        parts.append("</item>")
    parts.append("</channel></rss>")
    return "".join(parts).encode()


class FeedServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.request_headers: dict[str, dict[str, str]] = {}
        self.base_url = ""
        self._runner: web.AppRunner | None = None
        self._closing = asyncio.Event()

    def url(self, path: str) -> str:
        return f"{self.base_url}{path}"

    async def __aenter__(self) -> FeedServer:
        app = web.Application()
        app.router.add_route("GET", "/{tail:.*}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.base_url = f"http://127.0.0.1:{port}"
        return self

    async def __aexit__(self, *exc: object) -> None:
        self._closing.set()
        if self._runner is not None:
            await self._runner.cleanup()

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        path = request.path
        self.hits[path] += 1
        self.request_headers[path] = dict(request.headers)
        route = self.routes.get(path)
        if route is None:
            return web.Response(status=404, text="not found")
        if route.hang:
            await self._closing.wait()
            return web.Response(status=503)
        if route.redirect_to:
            raise web.HTTPFound(route.redirect_to)
        headers = dict(route.headers)
        if route.etag:
            headers["ETag"] = route.etag
            if request.headers.get("If-None-Match") == route.etag:
                return web.Response(status=304, headers=headers)
        if route.trickle_seconds is not None or route.endless_bytes is not None:
            return await self._stream(request, route, headers)
        return self._plain(route, headers)

    def _plain(self, route: Route, headers: dict[str, str]) -> web.Response:
        headers.setdefault("Content-Type", route.content_type)
        return web.Response(status=route.status, body=route.body, headers=headers)

    async def _stream(
        self, request: web.Request, route: Route, headers: dict[str, str]
    ) -> web.StreamResponse:
        headers.setdefault("Content-Type", route.content_type)
        response = web.StreamResponse(status=route.status, headers=headers)
        await response.prepare(request)
        try:
            if route.endless_bytes is not None:
                junk = b"<" + b"x" * (CHUNK - 1)
                for _ in range(route.endless_bytes // CHUNK):
                    await response.write(junk)
            else:
                for index in range(len(route.body)):
                    if self._closing.is_set():
                        break
                    await response.write(route.body[index : index + 1])
                    await asyncio.sleep(route.trickle_seconds or 0)
            await response.write_eof()
        except ConnectionError:  # the client gave up on us, as it should
            pass
        return response
