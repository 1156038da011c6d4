"""A pure validator for Telegram's ``parse_mode=HTML``, modelled on TDLib's ``parse_html``.

Public API::

    parse_html(source: str, *, strict_ampersand: bool = True) -> ParsedText
    visible_text(source: str) -> str                # parse_html(source).text
    utf16_len(text: str) -> int                     # length as Telegram counts it
    HtmlParseError(reason)                          # str(err) == "can't parse entities: <reason>"
    ParsedText(text: str, entities: tuple[Entity, ...]); ParsedText.utf16_length
    Entity(type: str, offset: int, length: int, extra: str | None)   # offsets in UTF-16 units

Supported tags: b strong i em u ins s strike del span(class="tg-spoiler") tg-spoiler
a(href=...) code pre (with optional inner <code class="language-x">) blockquote(expandable)
tg-emoji(emoji-id=...). Entities: ``&lt; &gt; &amp; &quot;`` and ``&#NNN;`` / ``&#xHH;``.

Error reasons use TDLib's wording ("Unsupported start tag "foo" at byte offset 3",
"Unmatched end tag at byte offset 9, expected "</i>", found "</b>"", "Can't find end tag
corresponding to start tag "b"", ...); byte offsets count UTF-8 bytes of the source.

Deliberately stricter than Telegram (both would be rendering bugs in the bot):
* ``strict_ampersand`` (default): a ``&`` that does not start one of the entities above,
  terminated by ``;``, is an error. Real Telegram shows it literally (and also accepts a
  missing ``;``); pass ``strict_ampersand=False`` for that lenient behaviour.
* ``<a>`` without ``href`` and ``<tg-emoji>`` without ``emoji-id`` are errors.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Entity", "HtmlParseError", "ParsedText", "parse_html", "utf16_len", "visible_text"]

_TAG_TYPES = {
    "b": "bold", "strong": "bold", "i": "italic", "em": "italic",
    "u": "underline", "ins": "underline", "s": "strikethrough", "strike": "strikethrough",
    "del": "strikethrough", "span": "spoiler", "tg-spoiler": "spoiler", "a": "text_link",
    "code": "code", "pre": "pre", "blockquote": "blockquote", "tg-emoji": "custom_emoji",
}  # fmt: skip
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_SPACES = " \t\r\n\f\v\0"


class HtmlParseError(ValueError):
    """The text is not valid Telegram HTML; ``reason`` is the TDLib-style explanation."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(f"can't parse entities: {reason}")


@dataclass(frozen=True)
class Entity:
    type: str
    offset: int
    length: int
    extra: str | None = None  # url / language / custom_emoji_id

    def to_api(self) -> dict:
        data: dict = {"type": self.type, "offset": self.offset, "length": self.length}
        key = {"text_link": "url", "pre": "language", "custom_emoji": "custom_emoji_id"}
        if self.extra is not None and self.type in key:
            data[key[self.type]] = self.extra
        return data


@dataclass(frozen=True)
class ParsedText:
    text: str
    entities: tuple[Entity, ...] = ()

    @property
    def utf16_length(self) -> int:
        return utf16_len(self.text)


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units (astral characters such as most emoji count twice)."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def visible_text(source: str) -> str:
    return parse_html(source).text


def parse_html(source: str, *, strict_ampersand: bool = True) -> ParsedText:
    """Parse ``source`` like Telegram does; raise :class:`HtmlParseError` if it would fail."""
    return _Parser(source, strict_ampersand).run()


@dataclass
class _Open:
    name: str
    attrs: dict[str, str]
    start: int  # UTF-16 offset in the visible text
    byte_offset: int


class _Parser:
    def __init__(self, source: str, strict: bool) -> None:
        self.s = source
        self.n = len(source)
        self.strict = strict
        self.out: list[str] = []
        self.pos16 = 0
        self.stack: list[_Open] = []
        self.entities: list[Entity] = []

    def boff(self, index: int) -> int:
        return len(self.s[:index].encode("utf-8", "surrogatepass"))

    def fail(self, reason: str) -> HtmlParseError:
        return HtmlParseError(reason)

    def emit(self, text: str) -> None:
        self.out.append(text)
        self.pos16 += utf16_len(text)

    def run(self) -> ParsedText:
        i = 0
        while i < self.n:
            ch = self.s[i]
            if ch == "&":
                decoded, i = self.entity(i)
                self.emit(decoded)
            elif ch != "<":
                self.emit(ch)
                i += 1
            elif self.s.startswith("</", i):
                i = self.end_tag(i)
            else:
                i = self.start_tag(i)
        if self.stack:
            name = self.stack[-1].name
            raise self.fail(f'Can\'t find end tag corresponding to start tag "{name}"')
        ordered = sorted(self.entities, key=lambda e: (e.offset, -e.length))
        return ParsedText("".join(self.out), tuple(ordered))

    # -- character references -------------------------------------------------------------
    def entity(self, i: int) -> tuple[str, int]:
        """Decode the reference starting at ``s[i] == "&"``; return (text, next index)."""
        s, j, code = self.s, i + 1, None
        if s.startswith("#", j):
            j += 1
            hexa = j < self.n and s[j] in "xX"
            j += hexa
            digits = "0123456789abcdefABCDEF" if hexa else "0123456789"
            k = j
            while j < self.n and s[j] in digits and j - k < 8:
                j += 1
            if j > k:
                value = int(s[k:j], 16 if hexa else 10)
                if 0 < value < 0x110000 and not 0xD800 <= value <= 0xDFFF:
                    code = chr(value)
        else:
            k = j
            while j < self.n and s[j].isascii() and s[j].isalpha():
                j += 1
            code = _NAMED.get(s[k:j])
        has_semicolon = j < self.n and s[j] == ";"
        if code is not None and (has_semicolon or not self.strict):
            return code, j + has_semicolon
        if self.strict:
            raise self.fail(
                f'Character "&" must be escaped as "&amp;" at byte offset {self.boff(i)}'
            )
        return "&", i + 1

    # -- tags ----------------------------------------------------------------------------
    def skip_spaces(self, i: int) -> int:
        while i < self.n and self.s[i] in _SPACES:
            i += 1
        return i

    def start_tag(self, begin: int) -> int:
        s, n, at = self.s, self.n, self.boff(begin)
        i = j = begin + 1
        while j < n and s[j] not in _SPACES and s[j] != ">":
            j += 1
        if j >= n:
            raise self.fail(f"Unclosed start tag at byte offset {at}")
        name = s[i:j].lower()
        if name not in _TAG_TYPES:
            raise self.fail(f'Unsupported start tag "{name}" at byte offset {at}')
        attrs: dict[str, str] = {}
        i = j
        while True:
            i = self.skip_spaces(i)
            if i >= n:
                raise self.fail(f'Unclosed start tag "{name}" at byte offset {at}')
            if s[i] == ">":
                i += 1
                break
            a0 = i
            while i < n and s[i] not in _SPACES and s[i] not in "=>":
                i += 1
            attr = s[a0:i].lower()
            if not attr:
                raise self.fail(f'Empty attribute name in the tag "{name}" at byte offset {at}')
            i = self.skip_spaces(i)
            if i < n and s[i] != "=":
                attrs[attr] = ""
                if name == "blockquote" and attr == "expandable":
                    continue
                raise self.fail(
                    "Expected equal sign in declaration of an attribute of the tag "
                    f'"{name}" at byte offset {at}'
                )
            i = self.skip_spaces(i + 1)
            if i >= n:
                raise self.fail(f'Unclosed start tag "{name}" at byte offset {at}')
            attrs[attr], i = self.attr_value(i)
        self.check_start(name, attrs, at)
        self.stack.append(_Open(name, attrs, self.pos16, at))
        return i

    def attr_value(self, i: int) -> tuple[str, int]:
        s, n = self.s, self.n
        if s[i] not in "'\"":
            v0 = i
            while i < n and (s[i].isalnum() or s[i] in ".-"):
                i += 1
            if i < n and s[i] not in _SPACES and s[i] != ">":
                raise self.fail(f"Unexpected end of name token at byte offset {self.boff(i)}")
            return s[v0:i].lower(), i
        quote, i, value = s[i], i + 1, []
        while i < n and s[i] != quote:
            if s[i] == "&":
                decoded, i = self.entity(i)
                value.append(decoded)
            else:
                value.append(s[i])
                i += 1
        if i >= n:
            raise self.fail(f"Unclosed start tag at byte offset {self.boff(i)}")
        return "".join(value), i + 1

    def check_start(self, name: str, attrs: dict[str, str], at: int) -> None:
        if name == "span" and attrs.get("class") != "tg-spoiler":
            raise self.fail(f'Tag "span" must have class "tg-spoiler" at byte offset {at}')
        if name == "a" and not attrs.get("href"):
            raise self.fail(f'Tag "a" must have a non-empty "href" at byte offset {at}')
        if name == "tg-emoji" and not attrs.get("emoji-id", "").isdigit():
            raise self.fail(f"Invalid custom emoji identifier specified at byte offset {at}")

    def end_tag(self, begin: int) -> int:
        s, n, at = self.s, self.n, self.boff(begin)
        if not self.stack:
            raise self.fail(f"Unexpected end tag at byte offset {at}")
        i = begin + 2
        while i < n and s[i] not in _SPACES and s[i] != ">":
            i += 1
        end_name = s[begin + 2 : i].lower()
        i = self.skip_spaces(i)
        if i >= n or s[i] != ">":
            raise self.fail(f"Unclosed end tag at byte offset {at}")
        top = self.stack.pop()
        if end_name and end_name != top.name:
            raise self.fail(
                f'Unmatched end tag at byte offset {at}, expected "</{top.name}>", '
                f'found "</{end_name}>"'
            )
        self.close(top)
        return i + 1

    def close(self, tag: _Open) -> None:
        length = self.pos16 - tag.start
        if length <= 0:
            return
        kind, extra = _TAG_TYPES[tag.name], None
        if tag.name == "a":
            extra = tag.attrs["href"]
        elif tag.name == "tg-emoji":
            extra = tag.attrs["emoji-id"]
        elif tag.name == "blockquote" and "expandable" in tag.attrs:
            kind = "expandable_blockquote"
        elif tag.name == "code" and tag.attrs.get("class", "").startswith("language-"):
            extra = tag.attrs["class"].removeprefix("language-") or None
        elif tag.name == "pre" and self.entities:
            last = self.entities[-1]
            if (last.type, last.offset, last.length) == ("code", tag.start, length):
                self.entities.pop()
                extra = last.extra
        if kind == "code" and extra is not None and not self.stack_has("pre"):
            extra = None
        self.entities.append(Entity(kind, tag.start, length, extra))

    def stack_has(self, name: str) -> bool:
        return any(t.name == name for t in self.stack)
