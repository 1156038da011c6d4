"""Whether a title opens its clause as the subject, where words stand before it: an owner's
possessive ("Netflix's Dark"), the auxiliary of a question ("Is Evil Cancelled?") or "that"
("FXX has announced that Archer will end"). Pure functions over an analysed text, read by the
evidence rules (evidence.py) for a title that is not the clause's first word.
"""

from __future__ import annotations

from bot.news.headline import Headline

_ARTICLES = frozenset({"the", "der", "die", "das"})
# Auxiliaries that open a question before its subject.
_QUESTION_OPENERS = frozenset(
    {"is", "are", "was", "were", "has", "have", "had", "does", "do", "did", "will", "would"}
    | {"can", "could", "should", "ist", "wird", "hat", "kommt", "geht"}
)


OWNER_WORDS = 2  # "BBC Two's Mock the Week", "Melissa Rauch's Night Court"
# Words that open a question about the clause's subject: "Why Night Court Was Canceled".
_QUESTION_WORDS = frozenset({"why", "how", "when", "warum", "wieso", "weshalb", "wie", "wann"})


def owned(text: Headline, start: int, first: int) -> bool:
    """Whether the words start..first-1 of the clause are an owner's possessive before the
    title, maybe after a question word ("Why Melissa Rauch's …"): one word ("Netflix's"),
    or a name of two capitalised words ("BBC Two's"), not quoted: a quoted owner is another
    show, and what it owns a person ("'The Chosen's' Dallas Jenkins")."""
    if first - start < 2 or text.words[first - 1] != "s":
        return False
    if text.words[start] in _QUESTION_WORDS:
        start += 1
    owner = first - 1 - start
    if owner == 1:
        return True
    return (
        1 < owner <= OWNER_WORDS
        and all(text.capitals[start : first - 1])
        and not any(begin < first and start <= end for begin, end in text.quoted_spans)
    )


def asked_about(text: Headline, start: int, first: int) -> bool:
    """Whether the title is the subject of a question that its clause opens with an auxiliary,
    maybe with an article before the title: "Is Evil Cancelled?", "Will the Dark cast …?"."""
    between = text.words[start + 1 : first]
    return (
        text.words[start] in _QUESTION_OPENERS
        and len(between) <= 1
        and all(word in _ARTICLES for word in between)
        and text.source.rstrip().endswith("?")
    )


# English "that" opens a clause after a verb of saying or knowing ("announced that", "said on
# Monday that"); after a noun it is a pronoun ("the spin-off that Ghosts fans wanted"). German
# "dass" always opens one.
_SAYING = (
    *("announc", "confirm", "said", "says", "reveal", "report", "learn", "stated", "told"),
    *("noted", "added", "explain", "claim", "insist", "hope", "believ", "think", "knew", "decid"),
    *("agree", "admit", "promis", "clear"),
)
SAYING_WORDS = 4  # "said on Monday that": words between the verb and "that"


def after_complementiser(text: Headline, first: int) -> bool:
    """Whether the title opens a clause of its own after "that" or "dass": "FXX has announced
    that Archer will end", "bestätigt, dass Dark verlängert wird"."""
    if first == 0 or first - 1 in text.breaks:
        return False
    word = text.words[first - 1]
    if word == "dass":
        return True
    if word != "that":
        return False
    for index in range(first - 2, max(-1, first - 2 - SAYING_WORDS), -1):
        if index in text.breaks:
            return False
        if text.words[index].startswith(_SAYING):
            return True
    return False
