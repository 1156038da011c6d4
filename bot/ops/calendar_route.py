"""GET /calendar/<token>.ics: a chat's live calendar for calendar apps, with ETag / 304."""

from __future__ import annotations

from datetime import UTC, datetime

from aiohttp import web

from bot.catalog.ical import calendar_file
from bot.catalog.live_calendar import TOKEN_PATTERN, calendar_feed
from bot.chat_settings import Defaults
from bot.context import BotData
from bot.ops.http import OpsServer

# Calendar apps poll every few hours; a quarter of an hour in caches keeps moves visible.
CACHE_CONTROL = "private, max-age=900"


def add_calendar_route(server: OpsServer, data: BotData) -> None:
    async def feed(request: web.Request) -> web.Response:
        if data.sessions is None:
            raise web.HTTPServiceUnavailable(text="not started")
        settings = data.settings
        now = datetime.now(UTC)
        async with data.sessions() as session:
            found = await calendar_feed(
                session,
                token=request.match_info["token"],
                now=now,
                defaults=Defaults(settings.default_language, settings.default_timezone),
            )
        if found is None:
            raise web.HTTPNotFound(text="no such calendar")
        headers = {"ETag": found.etag, "Cache-Control": CACHE_CONTROL}
        asked = request.headers.get("If-None-Match", "")
        tags = {tag.strip().removeprefix("W/") for tag in asked.split(",")}
        if found.etag in tags or "*" in tags:
            return web.Response(status=304, headers=headers)
        body = calendar_file(found.airings, name=found.name, stamp=now)
        return web.Response(
            body=body, content_type="text/calendar", charset="utf-8", headers=headers
        )

    server.add_get(f"/calendar/{{token:{TOKEN_PATTERN}}}.ics", feed)
