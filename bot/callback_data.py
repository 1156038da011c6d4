"""Compact, versioned callback data: `<version>|<action>|<argument>`, always within 64 bytes.

Data comes back from the client and may be stale or forged: `decode` returns None for
anything we did not make, and every argument is validated again by the service using it.
"""

from __future__ import annotations

from dataclasses import dataclass

VERSION = "1"
MAX_BYTES = 64
ACTIONS = frozenset(
    {"menu", "lang", "tz", "lead", "quiet", "news", "delete", "fo", "uf", "bc", "nr"}
)


@dataclass(frozen=True)
class CallbackData:
    action: str
    argument: str


def encode(action: str, argument: str = "") -> str:
    if action not in ACTIONS:
        raise ValueError(f"unknown callback action {action!r}")
    data = f"{VERSION}|{action}|{argument}"
    if len(data.encode()) > MAX_BYTES:
        raise ValueError(f"callback data over {MAX_BYTES} bytes: {data!r}")
    return data


def decode(data: str | None) -> CallbackData | None:
    if not data or len(data.encode()) > MAX_BYTES:
        return None
    parts = data.split("|")
    if len(parts) != 3 or parts[0] != VERSION or parts[1] not in ACTIONS:
        return None
    return CallbackData(action=parts[1], argument=parts[2])
