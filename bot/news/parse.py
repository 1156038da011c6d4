"""Downloaded feed bytes → plain items: RSS 0.9x/1.0/2.0 and Atom, via feedparser off the loop.

Everything coming out is plain text with bounded lengths, dates are aware UTC, links are
http(s) only, and each item has a stable key: its guid, else its normalised link, else a hash
of title and date. Broken (bozo) feeds give what could be read; a page that is not a feed at
all gives an error.
"""

from __future__ import annotations

import asyncio
import calendar
import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from html.parser import HTMLParser
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import feedparser

MAX_TITLE_CHARS = 300
MAX_SUMMARY_CHARS = 1000
MAX_LINK_CHARS = 2000
MAX_KEY_CHARS = 200
MAX_ITEMS = 500  # a feed with more is cut; nobody publishes 500 stories between two polls
_SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template"})
_TRACKING_PREFIXES = ("utm_", "at_", "wt_")


@dataclass(frozen=True)
class FeedItem:
    key: str  # stable within the feed: "g:" guid, "l:" link or "h:" hash
    title: str
    link: str | None
    summary: str
    published: datetime | None


@dataclass(frozen=True)
class ParsedFeed:
    """A feed's items, oldest first; `error` is set when the bytes were not a feed."""

    title: str | None = None
    language: str | None = None
    items: tuple[FeedItem, ...] = ()
    error: str | None = None


class _TextExtractor(HTMLParser):
    """Visible text of an HTML fragment: tags dropped, script and style contents too."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS:
            self._skipping += 1
        self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS and self._skipping:
            self._skipping -= 1
        self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def plain_text(value: str, limit: int) -> str:
    """`value` without markup, whitespace collapsed, cut to `limit` characters."""
    if "<" in value or "&" in value:
        extractor = _TextExtractor()
        extractor.feed(value)
        extractor.close()
        value = "".join(extractor.parts)
    text = " ".join(value.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def normalize_link(link: str) -> str | None:
    """An http(s) link without fragment and tracking parameters, host lower-cased; else None."""
    try:
        parts = urlsplit(link.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    query = [
        (name, value)
        for name, value in parse_qsl(parts.query, keep_blank_values=True)
        if not name.lower().startswith(_TRACKING_PREFIXES)
    ]
    normalized = urlunsplit(
        (parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", urlencode(query), "")
    )
    return normalized if len(normalized) <= MAX_LINK_CHARS else None


def _bounded_key(prefix: str, value: str) -> str:
    if len(value) + len(prefix) <= MAX_KEY_CHARS:
        return prefix + value
    return prefix + "sha256:" + hashlib.sha256(value.encode()).hexdigest()


def _published(entry: Any) -> datetime | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(parsed), UTC)
    except (OverflowError, ValueError, OSError):
        return None


def _item(entry: Any) -> FeedItem | None:
    title = plain_text(str(entry.get("title") or ""), MAX_TITLE_CHARS)
    summary = plain_text(str(entry.get("summary") or ""), MAX_SUMMARY_CHARS)
    if not title and not summary:
        return None
    link = normalize_link(str(entry.get("link") or ""))
    published = _published(entry)
    guid = " ".join(str(entry.get("id") or "").split())
    if guid:
        key = _bounded_key("g:", guid)
    elif link:
        key = _bounded_key("l:", link)
    else:
        stamp = published.isoformat() if published else ""
        key = "h:" + hashlib.sha256(f"{title}\n{stamp}".encode()).hexdigest()
    return FeedItem(
        key=key,
        title=title or summary[:MAX_TITLE_CHARS],
        link=link,
        summary=summary,
        published=published,
    )


def parse_feed_bytes(body: bytes, content_type: str | None = None) -> ParsedFeed:
    """Parse a downloaded feed (blocking: call through `parse_feed`)."""
    headers = {"content-type": content_type} if content_type else {}
    parsed = feedparser.parse(body, response_headers=headers, sanitize_html=True)
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        return ParsedFeed(error=f"not a feed: {str(reason)[:200] if reason else 'no items'}")
    items: list[FeedItem] = []
    seen: set[str] = set()
    for entry in parsed.entries[:MAX_ITEMS]:
        item = _item(entry)
        if item is not None and item.key not in seen:
            seen.add(item.key)
            items.append(item)
    items.reverse()  # feeds list the newest first
    if items and all(item.published for item in items):
        items.sort(key=lambda item: item.published or datetime.min.replace(tzinfo=UTC))
    feed = parsed.get("feed", {})
    title = plain_text(str(feed.get("title") or ""), MAX_TITLE_CHARS) or None
    language = str(feed.get("language") or "")[:16] or None
    return ParsedFeed(title=title, language=language, items=tuple(items))


async def parse_feed(body: bytes, content_type: str | None = None) -> ParsedFeed:
    """Parse a downloaded feed in a worker thread: feedparser is slow on big feeds."""
    return await asyncio.to_thread(parse_feed_bytes, body, content_type)
