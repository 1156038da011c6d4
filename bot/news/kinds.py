"""The kinds of news an item can be."""

from __future__ import annotations

from enum import StrEnum


class NewsKind(StrEnum):
    """What a news item announces; stored as its value."""

    RENEWAL = "renewal"
    CANCELLATION = "cancellation"
    PREMIERE = "premiere"
    OTHER = "other"
