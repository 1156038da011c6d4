"""Cutting a long list into pages: plain values, so every paged screen counts the same way."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)


@dataclass(frozen=True)
class Page(Generic[T_co]):
    items: tuple[T_co, ...]
    number: int  # 0-based
    count: int  # pages in all (at least one, even for an empty list)

    @property
    def has_previous(self) -> bool:
        return self.number > 0

    @property
    def has_next(self) -> bool:
        return self.number + 1 < self.count


class PageOutOfRange(ValueError):
    """A page number past the list's end (stale, or forged callback data)."""


def page_count(total: int, size: int) -> int:
    if size < 1:
        raise ValueError("a page holds at least one item")
    return max(1, -(-total // size))


def page_of(items: Sequence[T], number: int, size: int) -> Page[T]:
    """Page `number` of `items`; raises PageOutOfRange for a page the list does not have."""
    count = page_count(len(items), size)
    if not 0 <= number < count:
        raise PageOutOfRange(number)
    start = number * size
    return Page(tuple(items[start : start + size]), number, count)
