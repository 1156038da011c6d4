"""Titles listed side by side: "Chicago Fire, Chicago PD and Chicago Med", "A und B".

A title listed with a mention is one too. Titles listed together, none of them proven on its
own, may be proven as one: "Wheel of Fortune and Jeopardy! have both been renewed" makes the
whole list the subject of series news, which neither title is alone (the list, not a title,
opens the clause). Such a list must join its last title with a conjunction: a run of
capitalised words parted by commas ("Tokio, Rio, Stockholm") is not yet a list of shows.
Pure functions over word spans (first, last) of an analysed text.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.news.headline import Headline

_CONJUNCTIONS = frozenset({"and", "und", "sowie", "or", "oder"})
_ARTICLES = frozenset({"the", "die", "der", "das"})

Span = tuple[int, int]  # first and last word of a title


def listed(text: Headline, one: Span, other: Span) -> bool:
    """Whether two titles stand side by side in a list ("A, B and C", "A und B")."""
    return _joint(text, one, other) is not None


def _joint(text: Headline, one: Span, other: Span) -> str | None:
    """What joins two titles of a list: "," or a conjunction; None where they are no list."""
    left, right = (one, other) if one[1] < other[0] else (other, one)
    if left[1] >= right[0]:
        return None
    between = text.words[left[1] + 1 : right[0]]
    if not between:
        return "," if left[1] in text.breaks and text.words[left[1]] != text.words[-1] else None
    # "A, B, and the C": an article may open the last title of a list.
    if len(between) == 2 and between[1] in _ARTICLES:
        between = between[:1]
    return between[0] if len(between) == 1 and between[0] in _CONJUNCTIONS else None


def joined_lists(text: Headline, spans: Sequence[Span]) -> list[Span]:
    """The lists of two titles or more among `spans` (sorted, not overlapping) that end in a
    conjunction, each as the span from its first title's first word to its last's last."""
    lists: list[Span] = []
    start = 0
    for index in range(1, len(spans) + 1):
        if index < len(spans) and listed(text, spans[index - 1], spans[index]):
            continue
        if index - start >= 2 and _joint(text, spans[index - 2], spans[index - 1]) != ",":
            lists.append((spans[start][0], spans[index - 1][1]))
        start = index
    return lists
