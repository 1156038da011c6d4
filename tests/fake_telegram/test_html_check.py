"""Plain-value tests of the Telegram HTML validator used by the fake Bot API server."""

from __future__ import annotations

import pytest

from tests.fake_telegram import HtmlParseError, parse_html, utf16_len
from tests.fake_telegram.validation import ApiError, parse_text


def test_html_valid_nesting_and_entities() -> None:
    parsed = parse_html("<b>fett <i>kursiv</i></b> &amp; &lt;x&gt; &quot;q&quot; &#228;&#xE4;")
    assert parsed.text == 'fett kursiv & <x> "q" ää'
    assert [(e.type, e.offset, e.length) for e in parsed.entities] == [
        ("bold", 0, 11), ("italic", 5, 6)
    ]  # fmt: skip
    assert parse_html("<B>x</B> <a href='https://e.x/?a=1&amp;b=2'>l</a>").entities[1].extra == (
        "https://e.x/?a=1&b=2"
    )


def test_html_all_supported_tags() -> None:
    source = (
        "<strong>a</strong><em>b</em><u>c</u><ins>d</ins><s>e</s><strike>f</strike><del>g</del>"
        '<span class="tg-spoiler">h</span><tg-spoiler>i</tg-spoiler><code>k</code>'
        '<pre><code class="language-python">l</code></pre><pre>m</pre>'
        "<blockquote expandable>n</blockquote><blockquote>o</blockquote>"
        '<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>'
    )
    parsed = parse_html(source)
    assert parsed.text == "abcdefghiklmno👍"
    kinds = {(e.type, e.extra) for e in parsed.entities}
    assert ("pre", "python") in kinds and ("pre", None) in kinds
    assert ("expandable_blockquote", None) in kinds and ("blockquote", None) in kinds
    assert ("custom_emoji", "5368324170671202286") in kinds and ("spoiler", None) in kinds


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ("<foo>x</foo>", 'Unsupported start tag "foo" at byte offset 0'),
        ("a < b", 'Unsupported start tag "" at byte offset 2'),
        ("ä<br>", 'Unsupported start tag "br" at byte offset 2'),
        ("AT&T", 'Character "&" must be escaped as "&amp;" at byte offset 2'),
        ("&apos;", "at byte offset 0"),
        ("&amp no semicolon", "at byte offset 0"),
        ("<b>fett", 'Can\'t find end tag corresponding to start tag "b"'),
        ("<b><i>x</b></i>", 'Unmatched end tag at byte offset 7, expected "</i>", found "</b>"'),
        ("x</b>", "Unexpected end tag at byte offset 1"),
        ('<span class="x">y</span>', 'Tag "span" must have class "tg-spoiler"'),
        ("<a>x</a>", 'Tag "a" must have a non-empty "href"'),
        ("<b", "Unclosed start tag at byte offset 0"),
        ("<a href>x</a>", "Expected equal sign"),
    ],
)
def test_html_errors(source: str, reason: str) -> None:
    with pytest.raises(HtmlParseError) as info:
        parse_html(source)
    assert reason in info.value.reason
    assert str(info.value).startswith("can't parse entities: ")


def test_html_lenient_ampersand_like_real_telegram() -> None:
    assert parse_html("AT&T &amp &lt;", strict_ampersand=False).text == "AT&T & <"


def test_utf16_lengths_and_limits() -> None:
    assert (utf16_len("ä"), utf16_len("😀"), utf16_len("👍🏽")) == (1, 2, 4)
    emoji = parse_html("😀<b>x</b>").entities[0]
    assert (emoji.offset, emoji.length) == (2, 1)
    assert parse_text("a" * 4096, None).text == "a" * 4096
    assert parse_text("<b>" + "a" * 4096 + "</b>", "HTML").utf16_length == 4096
    assert parse_text("😀" * 2048, None).utf16_length == 4096
    for too_long in ("a" * 4097, "😀" * 2048 + "a"):
        with pytest.raises(ApiError, match="message is too long"):
            parse_text(too_long, None)
    with pytest.raises(ApiError, match="message text is empty"):
        parse_text("<b> </b>", "HTML")
    assert parse_text("", None, caption=True).text == ""
    parse_text("c" * 1024, None, caption=True)
    with pytest.raises(ApiError, match="caption is too long"):
        parse_text("c" * 1025, None, caption=True)
