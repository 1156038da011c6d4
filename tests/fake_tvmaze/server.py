"""A local fake of the TVmaze API (aiohttp) for tests and benchmarks.

    fake = FakeTvmaze(); await fake.start(); fake.base_url
    fake.add_show(show(...), episodes=[episode(...)], akas=[aka(...)])
    fake.fail_next(status=500, times=1, retry_after=None); fake.delay = 2.0  # slow answers
    fake.requests  # [(path, query dict)] in order

Search matches a query against names and AKAs (case-insensitive substring), like TVmaze's
fuzzy search would for these cases, and answers `[{"score": …, "show": {…}}]`.

`/lookup/shows?thetvdb=N` or `?imdb=ttN` answers 301 to `/shows/{id}` of the show with
those `externals`, else 404.

The show index `/shows?page=N` answers a list of show objects (the shape of `/shows/{id}`:
`id`, `name`, `premiered`, `language`, …) in id order, `INDEX_PAGE_SIZE` to a page, and 404
past the last page. (TVmaze pages by id range, page N holding ids 250·N to 250·N+249, so its
pages may be shorter; clients rely on neither, only on the 404 at the end.)
"""

from __future__ import annotations

import asyncio
import copy
from typing import Any

from aiohttp import web

INDEX_PAGE_SIZE = 250  # shows on a page of /shows?page=N


class FakeTvmaze:
    def __init__(self) -> None:
        self.shows: dict[int, dict[str, Any]] = {}
        self.episodes: dict[int, list[dict[str, Any]]] = {}
        self.akas: dict[int, list[dict[str, Any]]] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.delay = 0.0
        self._failures: list[tuple[int, str | None]] = []
        self._runner: web.AppRunner | None = None
        self.base_url = ""

    async def __aenter__(self) -> FakeTvmaze:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/search/shows", self._search)
        app.router.add_get("/shows", self._index)
        app.router.add_get("/shows/{id}", self._show)
        app.router.add_get("/shows/{id}/akas", self._akas)
        app.router.add_get("/updates/shows", self._updates)
        app.router.add_get("/lookup/shows", self._lookup)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.base_url = f"http://127.0.0.1:{port}"

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    # -- scripting -----------------------------------------------------------------------
    def add_show(
        self,
        show: dict[str, Any],
        episodes: list[dict[str, Any]] = (),  # type: ignore[assignment]
        akas: list[dict[str, Any]] = (),  # type: ignore[assignment]
    ) -> None:
        self.shows[show["id"]] = show
        self.episodes[show["id"]] = list(episodes)
        self.akas[show["id"]] = list(akas)

    def fail_next(self, status: int, times: int = 1, retry_after: str | None = None) -> None:
        self._failures.extend([(status, retry_after)] * times)

    def calls(self, path_prefix: str = "") -> int:
        return sum(1 for path, _ in self.requests if path.startswith(path_prefix))

    # -- API -----------------------------------------------------------------------------
    async def _answer(self, request: web.Request, payload: Any) -> web.Response:
        self.requests.append((request.path, dict(request.query)))
        if self.delay:
            await asyncio.sleep(self.delay)
        if self._failures:
            status, retry_after = self._failures.pop(0)
            headers = {"Retry-After": retry_after} if retry_after else {}
            return web.json_response(
                {"name": "Error", "message": "scripted", "status": status},
                status=status,
                headers=headers,
            )
        if payload is None:
            return web.json_response({"name": "Not Found", "status": 404}, status=404)
        return web.json_response(payload)

    async def _search(self, request: web.Request) -> web.Response:
        query = request.query.get("q", "").casefold()
        hits = []
        for show_id, show in self.shows.items():
            names = [show["name"]] + [a["name"] for a in self.akas[show_id]]
            if query and any(query in name.casefold() for name in names):
                hits.append({"score": 0.9, "show": show})
        return await self._answer(request, hits)

    async def _index(self, request: web.Request) -> web.Response:
        page = request.query.get("page", "0")
        if not page.isdigit():
            return await self._answer(request, None)
        ordered = [self.shows[show_id] for show_id in sorted(self.shows)]
        start = int(page) * INDEX_PAGE_SIZE
        return await self._answer(
            request, ordered[start : start + INDEX_PAGE_SIZE] if start < len(ordered) else None
        )

    async def _show(self, request: web.Request) -> web.Response:
        show = self.shows.get(int(request.match_info["id"]))
        if show is not None and request.query.get("embed") == "episodes":
            show = copy.deepcopy(show)
            show["_embedded"] = {"episodes": self.episodes[show["id"]]}
        return await self._answer(request, show)

    async def _akas(self, request: web.Request) -> web.Response:
        return await self._answer(request, self.akas.get(int(request.match_info["id"])))

    async def _lookup(self, request: web.Request) -> web.Response:
        """Like TVmaze: 301 to the show with that TVDB or IMDb id, else 404."""
        thetvdb, imdb = request.query.get("thetvdb"), request.query.get("imdb")
        for show_id, show in self.shows.items():
            externals = show.get("externals") or {}
            if (thetvdb and str(externals.get("thetvdb")) == thetvdb) or (
                imdb and externals.get("imdb") == imdb
            ):
                self.requests.append((request.path, dict(request.query)))
                location = f"{self.base_url}/shows/{show_id}"
                return web.Response(status=301, headers={"Location": location})
        return await self._answer(request, None)

    async def _updates(self, request: web.Request) -> web.Response:
        return await self._answer(
            request, {str(show_id): show["updated"] for show_id, show in self.shows.items()}
        )
