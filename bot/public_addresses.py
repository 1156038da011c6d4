"""Feeds and calendars are fetched from public addresses only, on every redirect hop.

A URL an admin (or a redirect) names could otherwise reach the bot's own host, the private
network or a cloud metadata service. Every address the host resolves to must be public;
ALLOW_PRIVATE_FEEDS=true lifts this for tests and local set-ups.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Callable

import httpx

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def is_public_address(address: IPAddress) -> bool:
    """Not loopback, private, link-local, multicast, reserved or otherwise special."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped  # ::ffff:127.0.0.1 is loopback too
    return address.is_global and not (
        address.is_multicast or address.is_reserved or address.is_link_local
    )


async def resolve(host: str, port: int) -> set[IPAddress]:
    """Every address `host` stands for (a literal IP is itself)."""
    try:
        return {ipaddress.ip_address(host.strip("[]"))}
    except ValueError:
        pass
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return {ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos}


class PublicOnlyTransport(httpx.AsyncBaseTransport):
    """Refuses a request (each redirect is one) whose host resolves to a refused address.

    The check resolves the name just before the connection does; a resolver that answers
    differently within that moment (DNS rebinding) is not covered.
    """

    def __init__(
        self,
        inner: httpx.AsyncBaseTransport,
        allowed: Callable[[IPAddress], bool] = is_public_address,
    ) -> None:
        self._inner = inner
        self._allowed = allowed

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        host = request.url.host
        port = request.url.port or (443 if request.url.scheme == "https" else 80)
        try:
            addresses = await resolve(host, port)
        except OSError as error:
            raise httpx.ConnectError(f"cannot resolve {host}: {error}", request=request) from None
        refused = sorted(str(address) for address in addresses if not self._allowed(address))
        if refused or not addresses:
            raise httpx.ConnectError(
                f"refused: {host} is not a public address ({', '.join(refused)})",
                request=request,
            )
        return await self._inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self._inner.aclose()
