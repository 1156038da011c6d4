"""The one place that turns catalogue messages and values into what Telegram receives.

Catalogue templates are our own markup; every value put into them is HTML-escaped unless it
is already `Markup` made here. Texts are cut to Telegram's limits on a safe boundary.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Sequence

from markupsafe import Markup as Markup
from markupsafe import escape

from bot import i18n

MAX_MESSAGE_UTF16 = 4096
MAX_CAPTION_UTF16 = 1024
MAX_ALERT_CHARS = 200
MAX_LABEL_CHARS = 64
ELLIPSIS = "…"

_TOKEN = re.compile(r"<(/?)([a-zA-Z-]+)[^>]*>|&#?[a-zA-Z0-9]+;|[^<&]+|[<&]")


def _count(values: dict[str, object]) -> int | None:
    """The number a counting message agrees with: its `{count}` value."""
    count = values.get("count")
    return count if isinstance(count, int) else None


def _template(language: str, key: str, count: int | None = None) -> Markup:
    # The catalogue is our own markup.
    return Markup(i18n.template(language, key, count))  # noqa: S704


def html(language: str, key: str, /, **values: object) -> str:
    """Render catalogue message `key` as Telegram HTML, values escaped, cut to 4096 units."""
    return fit(_template(language, key, _count(values)).format(**values))


def caption(language: str, key: str, /, **values: object) -> str:
    """Like `html`, for a photo or document caption (1024 units)."""
    return fit(_template(language, key, _count(values)).format(**values), MAX_CAPTION_UTF16)


def fragment(language: str, key: str, /, **values: object) -> Markup:
    """Render a piece to be placed into another message (escaped, not yet cut)."""
    return _template(language, key, _count(values)).format(**values)


def join(pieces: list[Markup], separator: str = "\n") -> Markup:
    return escape(separator).join(pieces)


def plain(language: str, key: str, /, **values: object) -> str:
    """Render a message shown without parse mode (buttons, alerts): no HTML, no escaping."""
    return i18n.template(language, key, _count(values)).format(**values)


def label(language: str, key: str, /, **values: object) -> str:
    return cut_label(plain(language, key, **values))


def cut_label(text: str) -> str:
    """A button label from any text (e.g. a series title from the TV data)."""
    return _cut_plain(" ".join(text.split()), MAX_LABEL_CHARS)


def alert(language: str, key: str, /, **values: object) -> str:
    return _cut_plain(plain(language, key, **values), MAX_ALERT_CHARS)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _cut_plain(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + ELLIPSIS


def _cut_text(text: str, budget: int) -> str:
    """Longest prefix of `text` within `budget` UTF-16 units, preferring a word boundary."""
    used = 0
    end = 0
    for index, char in enumerate(text):
        used += 2 if ord(char) > 0xFFFF else 1
        if used > budget:
            break
        end = index + 1
    prefix = text[:end]
    boundary = max(prefix.rfind(" "), prefix.rfind("\n"))
    if boundary >= end * 0.8:
        prefix = prefix[:boundary]
    return prefix.rstrip()


def visible_len(text: str) -> int:
    """UTF-16 units Telegram counts for Telegram HTML: tags cost nothing, entities one char."""
    return utf16_len(html_lib.unescape(re.sub(r"<[^>]*>", "", text)))


DIGEST_SEPARATOR = "\n\n"


def digest(pieces: Sequence[str], limit: int = MAX_MESSAGE_UTF16) -> tuple[str, int]:
    """Join rendered messages into one within `limit`; returns the text and how many of the
    leading pieces it holds (at least one: a single oversized piece is cut with `fit`)."""
    if not pieces:
        raise ValueError("a digest needs at least one piece")
    used = visible_len(pieces[0])
    count = 1
    for piece in pieces[1:]:
        used += utf16_len(DIGEST_SEPARATOR) + visible_len(piece)
        if used > limit:
            break
        count += 1
    return fit(DIGEST_SEPARATOR.join(pieces[:count]), limit), count


def fit(text: str, limit: int = MAX_MESSAGE_UTF16) -> str:
    """Cut Telegram HTML so its visible text fits `limit` UTF-16 units, keeping tags balanced.

    Never cuts inside a tag, an entity or a surrogate pair; closes the tags left open.
    """
    if visible_len(text) <= limit:
        return text
    budget = limit - utf16_len(ELLIPSIS)
    out: list[str] = []
    open_tags: list[str] = []
    for match in _TOKEN.finditer(text):
        token = match.group(0)
        if match.group(2):  # a tag: costs nothing visible
            name = match.group(2).lower()
            if match.group(1):
                if open_tags and open_tags[-1] == name:
                    open_tags.pop()
            else:
                open_tags.append(name)
            out.append(token)
            continue
        visible = html_lib.unescape(token)
        cost = utf16_len(visible)
        if cost <= budget:
            out.append(token)
            budget -= cost
            continue
        if not token.startswith("&"):
            out.append(html_lib.escape(_cut_text(visible, budget), quote=False))
        break
    out.append(ELLIPSIS)
    out.extend(f"</{name}>" for name in reversed(open_tags))
    return "".join(out)
