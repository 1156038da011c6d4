"""A server that cannot listen names the variable to fix, in one line."""

import errno
import socket

import pytest

from bot.ops.endpoints import listen_failure


@pytest.mark.parametrize(
    ("error", "line"),
    [
        (OSError(errno.EADDRINUSE, "error while attempting to bind: address already in use"),
         "HTTP_PORT: cannot listen on 127.0.0.1:8080: Address already in use"),
        (OSError(errno.EACCES, "error while attempting to bind: permission denied"),
         "HTTP_PORT: cannot listen on 127.0.0.1:8080: Permission denied"),
        (OSError(errno.EADDRNOTAVAIL, "error while attempting to bind: cannot assign"),
         "HTTP_HOST: cannot listen on 127.0.0.1:8080: Cannot assign requested address"),
        (socket.gaierror(socket.EAI_NONAME, "Name or service not known"),
         "HTTP_HOST: cannot resolve '127.0.0.1': Name or service not known"),
        (OSError("no errno"), "HTTP_PORT: cannot listen on 127.0.0.1:8080: no errno"),
    ],
)  # fmt: skip
def test_the_line_names_the_host_or_the_port(error: OSError, line: str) -> None:
    assert listen_failure(error, "127.0.0.1", 8080, "HTTP_PORT") == line


def test_the_webhooks_port_is_named_as_such() -> None:
    busy = OSError(errno.EADDRINUSE, "address already in use")
    assert listen_failure(busy, "0.0.0.0", 8443, "WEBHOOK_PORT").startswith("WEBHOOK_PORT: ")
