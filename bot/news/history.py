"""A start told as the show's history: a clause that dates a start in the past by its year
("when it premiered in 2014", "Am 20. Oktober 1974 startete …", "Im März 2020 feierte …
Premiere") announces nothing; the verb's past form and a year in one clause say so. What a
conjunction adds after both ("debuted in 2017 and is ending in 2025") is still news."""

from __future__ import annotations

from bot.news.lemmas import CLAUSE_BREAK

# The simple past of a start, read before lemmas lose the tense ("premiered" and "premieres"
# both become "premiere").
PAST_STARTS = frozenset(
    {
        "premiered",
        "debuted",
        "aired",
        "launched",
        "started",
        "began",
        "startete",
        "starteten",
        "lief",
        "liefen",
        "erschien",
        "erschienen",
        "feierte",
        "feierten",
    }
)
_AND = frozenset({"and", "but", "und", "aber", "doch", "sondern"})
# … followed by a verb of now or later: "and is ending", "und wird fortgesetzt" (not "seasons 4
# and 5").
_NOW = frozenset({"is", "are", "will", "has", "ist", "sind", "wird", "werden", "hat", "soll"})


def _is_year(word: str) -> bool:
    return len(word) == 4 and word.isdigit() and word[:2] in ("19", "20")


def without_history(words: list[str]) -> list[str]:
    """The words without what a clause dates in the past by its year, CLAUSE_BREAK kept."""
    if PAST_STARTS.isdisjoint(words):
        return words  # the common case: no start told in the past
    kept: list[str] = []
    clause: list[str] = []
    for word in [*words, CLAUSE_BREAK]:
        if word != CLAUSE_BREAK:
            clause.append(word)
            continue
        kept += clause[_history_end(clause) :]
        kept.append(word)
        clause = []
    return kept[:-1]


def _history_end(clause: list[str]) -> int:
    """Where the history a clause tells ends: 0 if it tells none, at a conjunction and a verb
    of now after both the past start and its year, else at the clause's end."""
    verb = next((at for at, word in enumerate(clause) if word in PAST_STARTS), None)
    year = next((at for at, word in enumerate(clause) if _is_year(word)), None)
    if verb is None or year is None:
        return 0
    after = max(verb, year)
    return next(
        (
            at
            for at in range(after + 1, len(clause) - 1)
            if clause[at] in _AND and clause[at + 1] in _NOW
        ),
        len(clause),
    )
