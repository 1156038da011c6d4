"""A teaser's opening sentence: the part of a teaser that is about the item itself."""

from __future__ import annotations

import re

# A full stop, question or exclamation mark before a space, maybe inside a closing quote or
# bracket; without one it ends a sentence only after a word of three letters or more ("Dr."
# and "Co." do not end one).
_SENTENCE_MARK = re.compile(r"[.!?]([\"“”«»’)])?(?=\s)")
_THREE_LETTERS = re.compile(r"[^\W\d_]{3}")
# Abbreviations of three letters or more that end no sentence: "The Marvelous Mrs. Maisel".
_ABBREVIATIONS = frozenset({"mrs", "sgt", "capt", "prof", "bzw", "vgl", "inkl", "evtl", "ggf"})
_LAST_WORD = re.compile(r"[^\W\d_]+$")


def opening_sentence(text: str) -> tuple[str, str]:
    """A teaser's first sentence (or line) and the rest."""
    first_line, _, later_lines = text.partition("\n")
    for mark in _SENTENCE_MARK.finditer(first_line):
        start, space = mark.start(), mark.end()
        if mark.group(1) or (
            _THREE_LETTERS.fullmatch(first_line, start - 3, start)
            and not _abbreviation(first_line, start)
        ):
            return first_line[:space], f"{first_line[space + 1 :]} {later_lines}"
    return first_line, later_lines


def _abbreviation(line: str, end: int) -> bool:
    """Whether the word that ends at `end` is an abbreviation ("Mrs", "bzw")."""
    word = _LAST_WORD.search(line, max(end - 6, 0), end)
    return word is not None and word.group().casefold() in _ABBREVIATIONS
