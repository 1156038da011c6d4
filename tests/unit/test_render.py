import html
import re

from markupsafe import Markup

from bot import render
from bot.render import ELLIPSIS, MAX_MESSAGE_UTF16, fit, utf16_len


def visible(text: str) -> str:
    return html.unescape(re.sub(r"<[^>]*>", "", text))


def test_values_are_escaped_but_catalogue_markup_is_kept():
    text = render.html("en", "start.welcome", name='<script>alert("x")</script> & Co')
    assert text.startswith("<b>Hi &lt;script&gt;")
    assert "&amp; Co" in text and "<script>" not in text


def test_markup_made_by_the_renderer_is_not_escaped_twice():
    line = render.fragment("en", "help.line", command="help", text="All <commands>")
    text = render.html("en", "help.text", commands=render.join([line, line]))
    assert "<b>What I can do:</b>" in text
    assert text.count("All &lt;commands&gt;") == 2


def test_short_text_is_untouched():
    assert fit("<b>hi</b> &amp; you") == "<b>hi</b> &amp; you"


def test_long_text_is_cut_to_the_limit_with_tags_closed():
    body = "<b>" + "word " * 2000 + "</b>"
    cut = fit(body)
    assert utf16_len(visible(cut)) <= MAX_MESSAGE_UTF16
    assert cut.endswith(ELLIPSIS + "</b>")
    assert cut[: -len(ELLIPSIS + "</b>")].endswith("word")  # cut on a word boundary


def test_cut_never_splits_an_entity_or_a_surrogate_pair():
    text = "a" * 4093 + "&amp;&amp;&amp;&amp;"
    cut = fit(text)
    assert re.search(r"&[a-z]*$", cut.removesuffix(ELLIPSIS)) is None
    emoji = "🎬" * 3000  # 2 UTF-16 units each
    cut = fit(emoji)
    assert utf16_len(visible(cut)) <= MAX_MESSAGE_UTF16
    assert cut.removesuffix(ELLIPSIS) == "🎬" * ((MAX_MESSAGE_UTF16 - 1) // 2)


def test_nested_tags_are_closed_in_reverse_order():
    cut = fit("<b><i>" + "x" * 5000 + "</i></b>", limit=100)
    assert cut.endswith("</i></b>")
    assert utf16_len(visible(cut)) <= 100


def test_alerts_and_labels_respect_telegram_limits():
    assert len(render.alert("en", "callback.invalid")) <= 200
    assert render._cut_plain("x" * 500, 200) == "x" * 199 + ELLIPSIS


def test_markup_values_pass_through_fragment():
    assert isinstance(render.fragment("de", "help.line", command="a", text="b"), Markup)


def test_digest_joins_pieces_that_fit():
    text, count = render.digest(["<b>Dark</b> renewed", "Lost &amp; found"])
    assert (text, count) == ("<b>Dark</b> renewed\n\nLost &amp; found", 2)


def test_digest_stops_before_the_piece_that_would_overflow():
    piece = "<i>" + "x" * 1500 + "</i>"
    text, count = render.digest([piece, piece, piece, "short"])
    assert count == 2 and utf16_len(visible(text)) <= MAX_MESSAGE_UTF16
    assert text == piece + "\n\n" + piece


def test_digest_of_one_oversized_piece_is_cut():
    text, count = render.digest(["<b>" + "😀" * 3000 + "</b>"])
    assert count == 1 and text.endswith(ELLIPSIS + "</b>")
    assert utf16_len(visible(text)) <= MAX_MESSAGE_UTF16
