"""Downloaded feed bytes → plain items: RSS 0.9x/1.0/2.0 and Atom, via feedparser off the loop.

Everything coming out is plain text with bounded lengths, dates are aware UTC and never
after the fetch, links are absolute (resolved against the feed's address) and http(s) only,
and each item has a stable key: its guid, else its normalised link, else a hash of title and
date. Broken (bozo) feeds give what could be read; a page that is not a feed at all gives an
error.
"""

from __future__ import annotations

import asyncio
import calendar
import hashlib
import html
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import feedparser

MAX_TITLE_CHARS = 300
MAX_SUMMARY_CHARS = 1000
MAX_LINK_CHARS = 2000
MAX_KEY_CHARS = 200
MAX_ITEMS = 500  # a feed with more is cut; nobody publishes 500 stories between two polls
_SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template"})
_TRACKING_PREFIXES = ("utm_", "at_", "wt_")
# A date later than the fetch by more than this is wrong (a wrong year, or a wrong time zone,
# off by 15 minutes at least); less is clocks drifting, and the fetch time we are given is the
# tick's start, taken before the download (30 s at most, more when feeds queue for a slot).
MAX_CLOCK_SKEW = timedelta(minutes=5)


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


# Characters no stored text may hold: C0/C1 controls (whitespace aside, which is collapsed),
# NUL (PostgreSQL refuses it) and lone surrogates (not encodable as UTF-8).
_UNSAFE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
# Numeric character references in the raw feed; feedparser turns bad ones into such characters.
_CHARREF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));")
# Markup is cut to this many characters per character kept before its text is extracted.
RAW_CHARS_PER_CHAR = 20


def clean(value: str) -> str:
    """`value` without control characters, NUL and lone surrogates."""
    return _UNSAFE.sub("", value)


def _drop_bad_charrefs(body: bytes) -> bytes:
    def replace(match: re.Match[bytes]) -> bytes:
        hex_digits, digits = match.groups()
        code = int(hex_digits, 16) if hex_digits else int(digits)
        if code > 0x10FFFF or _UNSAFE.match(chr(code)):
            return b""
        return match.group(0)

    return _CHARREF.sub(replace, body)


def _visible_text(value: str) -> str:
    """Text of an HTML fragment in one pass: tags and comments dropped, script and style
    contents too, CDATA kept. A construct whose end marker is missing is literal text.

    Linear time: each search starts where the last one ended, and a marker found missing is
    remembered as missing for the rest of the string (a later search cannot find it either).
    """
    parts: list[str] = []
    missing: set[str] = set()

    def find(marker: str, start: int) -> int:
        if marker in missing:
            return -1
        found = re.compile(re.escape(marker), re.IGNORECASE).search(value, start)
        if found is None:
            missing.add(marker)
            return -1
        return found.start()

    i, size = 0, len(value)
    while i < size:
        lt = value.find("<", i)
        if lt < 0:
            parts.append(value[i:])
            break
        parts.append(value[i:lt])
        if value.startswith("<!--", lt):
            end = find("-->", lt + 4)
            if end >= 0:
                i = end + 3
                continue
        elif value.startswith("<![CDATA[", lt):
            end = find("]]>", lt + 9)
            if end >= 0:
                parts.append(value[lt + 9 : end])
                i = end + 3
                continue
        elif lt + 1 < size and (value[lt + 1].isalpha() or value[lt + 1] in "/!?"):
            end = find(">", lt + 1)
            if end >= 0:
                parts.append(" ")
                i = end + 1
                name = (value[lt + 1 : end].split(maxsplit=1) or [""])[0].lower()
                if name in _SKIPPED_TAGS and value[end - 1] != "/":  # drop up to its end tag
                    closing = find(f"</{name}", i)
                    close_end = find(">", closing) if closing >= 0 else -1
                    i = size if close_end < 0 else close_end + 1
                continue
        parts.append("<")  # not markup, or markup that never ends: plain text
        i = lt + 1
    return html.unescape("".join(parts))


def plain_text(value: str, limit: int) -> str:
    """`value` without markup, whitespace collapsed, cut to `limit` characters.

    The markup is cut first (to RAW_CHARS_PER_CHAR × limit, never inside a tag), so hostile
    input costs at most that much work whatever its length.
    """
    raw = value[: limit * RAW_CHARS_PER_CHAR]
    if len(raw) < len(value) and raw.rfind("<") > raw.rfind(">"):
        raw = raw[: raw.rfind("<")]
    if "<" in raw or "&" in raw:
        raw = _visible_text(raw)
    text = " ".join(clean(raw).split())
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


def plausible_date(published: datetime, fetched_at: datetime) -> datetime:
    """`published`, unless it is after `fetched_at` (beyond clock skew): then `fetched_at`,
    so an item dated 2099 is news as of its fetch, not on top of every list for good."""
    return fetched_at if published > fetched_at + MAX_CLOCK_SKEW else published


def _published(entry: Any, fetched_at: datetime) -> datetime | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    try:
        published = datetime.fromtimestamp(calendar.timegm(parsed), UTC)
    except (OverflowError, ValueError, OSError):
        return None
    return plausible_date(published, fetched_at)


def absolute_link(link: str, feed_url: str) -> str | None:
    """`link` resolved against the feed's address (an Atom href is often "/artikel/…") and
    normalised. The address's user info is left out: a private feed's credentials must not
    reach fans inside an article link. Nor does a link that resolves to the feed itself ("#",
    "?"): it is no article, and it would spell out the feed's query, an API key too."""
    link = clean(link).strip()
    if not link:  # an item without a link does not link to its feed
        return None
    try:
        base = urlsplit(feed_url)
        base = base._replace(netloc=base.netloc.rpartition("@")[2])
        resolved = normalize_link(urljoin(urlunsplit(base), link))
        return None if resolved == normalize_link(urlunsplit(base)) else resolved
    except ValueError:
        return None


def _item(entry: Any, feed_url: str, fetched_at: datetime) -> FeedItem | None:
    title = plain_text(str(entry.get("title") or ""), MAX_TITLE_CHARS)
    summary = plain_text(str(entry.get("summary") or ""), MAX_SUMMARY_CHARS)
    if not title and not summary:
        return None
    link = absolute_link(str(entry.get("link") or ""), feed_url)
    published = _published(entry, fetched_at)
    guid = " ".join(clean(str(entry.get("id") or "")).split())
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


def parse_feed_bytes(
    body: bytes, content_type: str | None = None, *, url: str, fetched_at: datetime
) -> ParsedFeed:
    """Parse the feed downloaded from `url` at `fetched_at` (blocking: call `parse_feed`)."""
    headers = {"content-type": content_type} if content_type else {}
    try:  # references to NUL, controls or surrogates would make feedparser raise
        parsed = feedparser.parse(
            _drop_bad_charrefs(body), response_headers=headers, sanitize_html=True
        )
    except Exception as error:  # a feed that breaks the parser is that feed's failure
        return ParsedFeed(error=f"unreadable feed: {type(error).__name__}: {str(error)[:200]}")
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        return ParsedFeed(error=f"not a feed: {str(reason)[:200] if reason else 'no items'}")
    items: list[FeedItem] = []
    seen: set[str] = set()
    for entry in parsed.entries[:MAX_ITEMS]:
        item = _item(entry, url, fetched_at)
        if item is not None and item.key not in seen:
            seen.add(item.key)
            items.append(item)
    items.reverse()  # feeds list the newest first
    if items and all(item.published for item in items):
        items.sort(key=lambda item: item.published or datetime.min.replace(tzinfo=UTC))
    feed = parsed.get("feed", {})
    title = plain_text(str(feed.get("title") or ""), MAX_TITLE_CHARS) or None
    language = clean(str(feed.get("language") or ""))[:16] or None
    return ParsedFeed(title=title, language=language, items=tuple(items))


async def parse_feed(
    body: bytes, content_type: str | None, *, url: str, fetched_at: datetime
) -> ParsedFeed:
    """Parse a downloaded feed in a worker thread: feedparser is slow on big feeds."""
    return await asyncio.to_thread(
        parse_feed_bytes, body, content_type, url=url, fetched_at=fetched_at
    )
