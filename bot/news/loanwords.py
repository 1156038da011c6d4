"""An English everyday title used as a German noun: "das Revival", "das „Frasier“-Revival".

German has borrowed English words ("Revival", "Comeback", "Remake"); in a German sentence such a
word is a name only where German grammar does not take it for its own noun. A German article
right before it, or a hyphen that joins it to the end of a compound, makes it the noun; a
compound that it opens ("die Dark-Macher") still names the series.
"""

from __future__ import annotations

from bot.news.headline import Headline

_ARTICLES = frozenset({"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem"})
_HYPHENS = frozenset("-‐‑")


def used_as_german_noun(text: Headline, first: int, last: int) -> bool:
    """Whether the words first..last, an English everyday title in German text, are used as a
    German noun: after a German article, or as a compound's last part."""
    if last + 1 < len(text.words) and last not in text.breaks and _joined_after(text, last):
        return False  # "das Dark-Finale": the title opens the compound
    if first > 0 and first - 1 not in text.breaks and text.words[first - 1] in _ARTICLES:
        return True
    if not text.starts:
        return False
    # A hyphen glued to the word before, maybe a space after it ("Frasier- Revival").
    index = text.starts[first] - 1
    if index > 0 and text.source[index] == " ":
        index -= 1
    return index > 0 and text.source[index] in _HYPHENS and not text.source[index - 1].isspace()


def _joined_after(text: Headline, last: int) -> bool:
    if not text.starts:
        return False
    end = text.starts[last + 1] - 1
    return end >= 0 and text.source[end] in _HYPHENS
