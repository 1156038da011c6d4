"""How a title found in a text is written there: as the text's opening dateline, in lower
case, inside a longer quoted title or a subtitle, in plain letters. Facts of the text, read
by the evidence rules (evidence.py) and the matcher.
"""

from __future__ import annotations

import re

from bot.news.headline import Headline
from bot.news.ordinary import INNER_CAPITAL

MAX_QUOTED_TITLE_WORDS = 6  # a longer quoted run is speech, not a title

# What follows a report's place at the start of a text: "(dpa) -", or a full stop and the
# report's first sentence, which may open with a quoted title.
_WORD_CHARS = re.compile(r"[^\W_]+")
_AFTER_DATELINE = re.compile(r"\s*(?:\([^()]{1,30}\)\s*[-–—]|\.\s+[\"„“”«»‘‚'’]?[^\W\d_])")


def dateline(text: Headline, first: int, last: int) -> bool:
    """Whether words first..last are the text's opening dateline, the place a report comes
    from ("Berlin (dpa) - …", "Berlin. „Gute Zeiten …“ feiert …")."""
    if first != 0 or not text.starts:
        return False
    # The word's end in the source: its folded form may be longer ("Weißensee").
    end = _WORD_CHARS.match(text.source, text.starts[last])
    return end is not None and bool(_AFTER_DATELINE.match(text.source, end.end()))


def written_in_lower_case(text: Headline, first: int, last: int) -> bool:
    """Whether the title's words are written all in lower case in a text that has capitals."""
    if not text.starts or text.source.islower():
        return False  # capitals unknown, or a text all in lower case
    if any(text.capitals[first : last + 1]):
        return False
    return any(not word.isdigit() for word in text.words[first : last + 1])  # "1899" has none


def subtitled(text: Headline, span: tuple[int, int], first: int, last: int) -> bool:
    """Whether the title opens the quoted run and a dash parts it from the rest, a title of its
    own with a capital ("Dark – Die Schuld"), not a description ("Dark – ein Roman")."""
    return (
        span[0] == first
        and last in text.breaks
        and last not in text.colon_after
        and (not text.starts or text.is_capital(last + 1))
    )


def inner_capitals_kept(text: Headline, first: int, last: int) -> bool:
    """Whether words first..last are written with a capital inside a word ("GoT") or all in
    capitals ("GOT"), as an abbreviation is, not as the plain word ("Got")."""
    if not text.starts:
        return True  # capitals unknown
    end = _WORD_CHARS.match(text.source, text.starts[last])
    written = text.source[text.starts[first] : end.end() if end else None]
    return written.isupper() or INNER_CAPITAL.search(written) is not None


def plain_letters(text: Headline, first: int, last: int) -> bool:
    return "".join(text.raw[first : last + 1]).isascii()


def title_like(text: Headline, span: tuple[int, int], first: int, last: int) -> bool:
    """A short quoted run that adds more than numbers to the mention is another title."""
    start, end = span
    if end - start + 1 > MAX_QUOTED_TITLE_WORDS:
        return False
    before, after = text.words[start:first], text.words[last + 1 : end + 1]
    if not before and after == ("s",):
        return False  # "‘Dexter’s’ eighth season": the title's possessive, no other title
    extra = before + after
    return bool(extra) and not "".join(extra).isdigit()  # more than numbers
