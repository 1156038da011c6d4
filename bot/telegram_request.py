"""PTB's HTTP layer on aiohttp: one keep-alive connection pool for every Bot API call.

PTB's own `HTTPXRequest` spends most of the sender's CPU inside httpcore's connection pool
(every request scans every connection and every queued request), about 3 ms per message at
a few hundred messages per second. aiohttp's connector hands out idle keep-alive connections
from a queue. The wire format is PTB's: form fields holding JSON-encoded values, multipart
when a file is uploaded; Telegram's answers are turned into errors by PTB's `BaseRequest`.

Telegram answers 401 only when it no longer knows the token (revoked in @BotFather). Every
call passes here, so `on_unauthorized` hears of it whichever call met it first: a send, a
reply, or getUpdates, whose loop in PTB then ends for good without telling anyone.
"""

from __future__ import annotations

from collections.abc import Callable
from http import HTTPStatus
from urllib.parse import urlencode

import aiohttp
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

# PTB's defaults for its own request class (ApplicationBuilder): seconds, connections.
CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 5.0
WRITE_TIMEOUT = 5.0
MEDIA_WRITE_TIMEOUT = 20.0
POOL_TIMEOUT = 1.0
POOL_SIZE = 256
KEEPALIVE_SECONDS = 30.0  # idle connections are kept this long for the next request

Headers = dict[str, str]
FORM: Headers = {"Content-Type": "application/x-www-form-urlencoded"}


class AiohttpRequest(BaseRequest):
    """A `BaseRequest` over one `aiohttp.ClientSession`, made in `initialize` (it needs the
    running loop) and closed in `shutdown`. Timeouts passed per call override the defaults;
    aiohttp has no write timeout, so the write timeout bounds the whole request together with
    the read timeout."""

    def __init__(
        self,
        *,
        pool_size: int = POOL_SIZE,
        connect_timeout: float | None = CONNECT_TIMEOUT,
        read_timeout: float | None = READ_TIMEOUT,
        write_timeout: float | None = WRITE_TIMEOUT,
        pool_timeout: float | None = POOL_TIMEOUT,
        on_unauthorized: Callable[[], None] | None = None,
    ) -> None:
        self.pool_size = pool_size
        self._connect_timeout = connect_timeout
        self._read_timeout = read_timeout
        self._write_timeout = write_timeout
        self._pool_timeout = pool_timeout
        self._session: aiohttp.ClientSession | None = None
        self._on_unauthorized = on_unauthorized

    @property
    def read_timeout(self) -> float | None:
        return self._read_timeout

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(
                limit=self.pool_size, keepalive_timeout=KEEPALIVE_SECONDS
            )
            self._session = aiohttp.ClientSession(
                connector=connector, headers={"User-Agent": self.USER_AGENT}
            )

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: object = BaseRequest.DEFAULT_NONE,  # a number, None or DEFAULT_NONE
        write_timeout: object = BaseRequest.DEFAULT_NONE,
        connect_timeout: object = BaseRequest.DEFAULT_NONE,
        pool_timeout: object = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        if self._session is None or self._session.closed:
            raise RuntimeError("AiohttpRequest is not initialized")
        has_files = request_data is not None and request_data.contains_files
        read = _chosen(read_timeout, self._read_timeout)
        write = _chosen(write_timeout, MEDIA_WRITE_TIMEOUT if has_files else self._write_timeout)
        connect = _chosen(connect_timeout, self._connect_timeout)
        pool = _chosen(pool_timeout, self._pool_timeout)
        timeout = aiohttp.ClientTimeout(
            total=None if read is None or write is None else read + write,
            connect=None if connect is None or pool is None else connect + pool,
            sock_connect=connect,
            sock_read=read,
        )
        body, headers = _body(request_data)
        try:
            async with self._session.request(
                method, url, data=body, headers=headers, timeout=timeout
            ) as response:
                if response.status == HTTPStatus.UNAUTHORIZED and self._on_unauthorized:
                    self._on_unauthorized()
                return response.status, await response.read()
        except TimeoutError as error:
            raise TimedOut from error
        except aiohttp.ClientError as error:
            raise NetworkError(f"aiohttp.{type(error).__name__}: {error}") from error


def _chosen(passed: object, default: float | None) -> float | None:
    """A timeout passed to one call (None: no limit), else this request's default."""
    if passed is BaseRequest.DEFAULT_NONE:
        return default
    if passed is None or isinstance(passed, int | float):
        return passed
    raise TypeError(f"a timeout must be a number of seconds or None, not {passed!r}")


def _body(request_data: RequestData | None) -> tuple[bytes | aiohttp.FormData | None, Headers]:
    """PTB's fields (values JSON-encoded) as a form; multipart with the files if any. A plain
    form is encoded here: aiohttp's FormData builds a multipart writer even for that."""
    if request_data is None:
        return None, {}
    fields = request_data.json_parameters
    if not request_data.contains_files:
        return urlencode(fields).encode(), FORM
    form = aiohttp.FormData(fields)
    for name, upload in request_data.multipart_data.items():
        filename, content, mimetype = upload
        form.add_field(name, content, filename=filename, content_type=mimetype)
    return form, {}
