"""A headline as the matcher sees it: normalised words plus where the quotation marks were.

The words are exactly `normalize_title`'s words, so a title from the catalogue and the same
title in a headline normalise alike; the quotes are what tells "‘Lost’" from "lost". Each word
also keeps its unfolded form (for lemmas) and where the clauses end (for evidence); which words
were written with a capital is read from the source text only when evidence asks.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate

from bot.catalog.normalize import fold

_DOUBLE_QUOTES = frozenset('"„“”«»')
_SINGLE_QUOTES = frozenset("'‚‘’‹›`´")
# A mark is neither a word's letter or digit nor a space; "_" is one too, but looking for it
# costs, and it is rare.
_MARK = re.compile(r"[^\w\s]")
_MARK_OR_UNDERSCORE = re.compile(r"[^\w\s]|_")
_NOT_WORD = re.compile(r"[^\W_]+")
_GAPS_AND_WORDS = re.compile(r"([^\W_]+)")
_TWO_COMMAS = re.compile(r"(?<!\S),,(?=[^\W_])")
_BREAKS = frozenset(",;:!?()|…")
_DASHES = frozenset("-–—")
TITLE_CASE_SHARE = 0.7  # "Netflix Cancels Friends From College After Two Seasons"


@dataclass(eq=False)  # not frozen: a frozen dataclass costs a third of `analyse` to build
class Headline:
    """Normalised words of a text, each word's character offset in `text`, and quote facts;
    `analyse` builds it, and nothing changes it after."""

    words: tuple[str, ...]
    raw: tuple[str, ...]  # each word casefolded but with its accents, as lemmatisers want it
    text: str  # " ".join(words), what the automaton scans
    quote_before: frozenset[int]  # word indices directly preceded by a quotation mark
    quote_after: frozenset[int]  # word indices directly followed by a quotation mark
    quoted_spans: tuple[tuple[int, int], ...]  # (first, last) word index of each quoted run
    colon_after: frozenset[int]  # word indices followed by a colon ("Dark: Staffel 3 …")
    breaks: frozenset[int]  # word indices that end a clause (before , ; : . ! ? … ( ) or " – ")
    source: str = ""  # the text as written (NFC), for its capitals

    @cached_property
    def starts(self) -> tuple[int, ...]:
        """Each word's offset in `source`, found again only when capitals are asked for;
        empty where the words cannot be placed."""
        folded = unicodedata.normalize("NFC", self.source.casefold())
        parts = _GAPS_AND_WORDS.split(folded)  # gap, word piece, gap, …, gap
        pieces = parts[1::2]  # the word pieces `analyse` splits
        begins = list(accumulate(map(len, parts)))[0:-1:2]  # each gap's end, a piece's start
        if "".join(pieces).isascii():  # the common case: a word a piece
            starts = begins
        else:
            starts = []
            for piece, begin in zip(pieces, begins, strict=True):
                starts += [begin] * (1 if piece.isascii() else len(_NOT_WORD.findall(fold(piece))))
        if len(starts) != len(self.words):
            return ()
        return _source_offsets(self.source, folded, starts)

    @cached_property
    def capitals(self) -> tuple[bool, ...]:
        """Whether each word was written with a capital ("Nun", "HBO"); none where the words
        cannot be placed."""
        source = self.source
        return tuple(
            [source[start].isupper() for start in self.starts] or [False] * len(self.words)
        )

    def is_capital(self, index: int) -> bool:
        """Whether word `index` was written with a capital ("Nun", "HBO")."""
        return self.capitals[index]

    def is_initialism(self, index: int) -> bool:
        """Whether word `index` is a short word in capitals ("UK", "HBO"), not a name's word."""
        word = self.words[index]
        if not self.starts or len(word) > 3 or not word.isascii():
            return False
        start = self.starts[index]
        return self.source[start : start + len(word)].isupper()

    @cached_property
    def title_case(self) -> bool:
        """Whether most words of four letters or more are capitalised: then capitals tell
        nothing about names."""
        longer = capitalised = 0
        for word, capital in zip(self.words, self.capitals, strict=True):
            if len(word) >= 4 and word.isalpha():
                longer += 1
                capitalised += capital
        return longer >= 3 and capitalised >= TITLE_CASE_SHARE * longer

    def is_quoted(self, first: int, last: int) -> bool:
        """Whether exactly words first..last stand between quotation marks."""
        return first in self.quote_before and last in self.quote_after

    def enclosing_span(self, first: int, last: int) -> tuple[int, int] | None:
        """The quoted run strictly larger than first..last that contains it, if any."""
        for start, end in self.quoted_spans:
            if start <= first and last <= end and (start, end) != (first, last):
                return start, end
        return None

    def straddles_quote(self, first: int, last: int) -> bool:
        """Whether a quoted run holds some but not all of words first..last."""
        for start, end in self.quoted_spans:
            if start <= last and first <= end and not (start <= first and last <= end):
                return True
        return False

    def clause(self, first: int, last: int) -> tuple[int, int]:
        """The first and last word index of the clause around words first..last."""
        start = first
        while start > 0 and start - 1 not in self.breaks:
            start -= 1
        end = last
        while end < len(self.words) - 1 and end not in self.breaks:
            end += 1
        return start, end


def analyse(raw: str) -> Headline:
    """Split `raw` into normalised words and record quotation marks around them."""
    if ",," in raw:  # two commas typed for the low opening quote: ",,Haus des Geldes“"
        raw = _TWO_COMMAS.sub("„", raw)
    folded = unicodedata.normalize("NFC", raw.casefold())
    words: list[str] = []
    raws: list[str] = []
    breaks: set[int] = set()
    quote_before: set[int] = set()
    quote_after: set[int] = set()
    spans: list[tuple[int, int]] = []
    colon_after: set[int] = set()
    open_at: dict[str, int] = {}  # quote class → index of the first word after the opening mark
    after_word = False  # the last piece was a word (or an abbreviation's full stop)
    stretch = 0  # where the words after the last mark begin
    # Only the marks (punctuation, quotation marks) are looked at one by one, by the
    # characters that touch them; the words between two marks are split at once.
    marks = _MARK_OR_UNDERSCORE if "_" in folded else _MARK
    for mark in marks.finditer(folded):
        at = mark.start()
        if at > stretch:
            count = len(words)
            _add_words(folded[stretch:at], words, raws)
            after_word = after_word or len(words) > count
        stretch = at + 1
        piece = folded[at]
        touching = at > 0 and not folded[at - 1].isspace()
        # What touches the mark: up to two characters on its left, one on its right.
        before = folded[max(at - 2, 0) : at] if touching else ""
        after = folded[at + 1 : at + 2]
        if after.isspace():
            after = ""
        is_double = piece in _DOUBLE_QUOTES
        if piece == ":" and words:
            colon_after.add(len(words) - 1)
        if words and _ends_clause(piece, before, after, not touching):
            breaks.add(len(words) - 1)
        if not is_double and (
            piece not in _SINGLE_QUOTES or (before[-1:].isalnum() and after.isalnum())
        ):
            # "‘1899,’": a comma or full stop may stand inside the closing quotation mark, and a
            # title's own marks too: „Wetten, dass..?“, "Jeopardy!", „Wer wird Millionär?“.
            after_word = after_word and touching and piece in ".,?!…"
            continue
        if after_word and touching:
            quote_after.add(len(words) - 1)
        after_word = False
        kind = "double" if is_double else "single"
        if kind in open_at:
            start = open_at.pop(kind)
            if start < len(words):
                spans.append((start, len(words) - 1))
        else:
            open_at[kind] = len(words)
        if after.isalnum():  # a word right after the mark
            quote_before.add(len(words))
    _add_words(folded[stretch:], words, raws)
    return Headline(
        words=tuple(words),
        raw=tuple(raws),
        text=" ".join(words),
        quote_before=frozenset(quote_before),
        quote_after=frozenset(quote_after),
        quoted_spans=tuple(spans),
        colon_after=frozenset(colon_after),
        breaks=frozenset(breaks),
        source=raw if raw.isascii() else unicodedata.normalize("NFC", raw),
    )


def _add_words(stretch: str, words: list[str], raws: list[str]) -> None:
    """Adds the words of a stretch without marks: letters and digits between spaces."""
    pieces = stretch.split()
    if stretch.isascii():  # the common case: folding would change nothing
        words += pieces
        raws += pieces
        return
    for piece in pieces:
        if piece.isascii():
            words.append(piece)
            raws.append(piece)
            continue
        for part in _NOT_WORD.findall(fold(piece)):
            words.append(part)
            raws.append(piece)


def _source_offsets(source: str, folded: str, starts: list[int]) -> tuple[int, ...]:
    """The words' offsets in the source; casefolding may grow a letter ("ß" → "ss")."""
    if len(folded) == len(source):
        return tuple(starts)
    origin = [index for index, char in enumerate(source) for _ in char.casefold()]
    return tuple(origin[start] for start in starts) if len(origin) == len(folded) else ()


def _ends_clause(piece: str, before: str, after: str, space_before: bool) -> bool:
    """Punctuation that ends a clause; not the dots of "P.D." or "19.", not a hyphen in a word.
    `before` and `after` are the characters touching the mark, up to two on its left and one
    on its right ("" where a space or an end is)."""
    if piece in _BREAKS:
        return True
    if piece == ".":
        return not after and before[-2:].isalpha() and len(before) >= 2
    return piece in _DASHES and space_before and not after
