"""Words reduced to their dictionary form (simplemma), folded, so cues match every inflection.

"verlängerte", "verlängert" and "verlängern" all become "verlangern"; "won't" becomes
"will not" first, so a negation survives lemmatisation. Lemmas are cached per word.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import simplemma

from bot.catalog.normalize import fold

CLAUSE_BREAK = "|"  # stands for , ; : . ! ? ( ) and spaced dashes between clauses
# "won't" arrives as "won", "t": the stem each negated auxiliary stands for.
_NEGATED = {
    "won": "will",
    "can": "can",
    "don": "do",
    "doesn": "does",
    "didn": "did",
    "isn": "is",
    "aren": "are",
    "wasn": "was",
    "weren": "were",
    "hasn": "has",
    "haven": "have",
    "hadn": "had",
    "wouldn": "would",
    "couldn": "could",
    "shouldn": "should",
}
_LANGUAGES = ("de", "en")
# "it's" is "it is"; after any other word "'s" is a possessive ("Lost in Space's final
# season"), which the lemmatiser would wrongly read as "is".
# Words whose 's is "is" ("it's", "here's"), never an owner's.
S_MEANS_IS = frozenset({"it", "that", "there", "what", "he", "she", "who", "here", "where", "this"})
# Slang whose dictionary lemma loses the meaning: "canned" is not a form of "can" here.
_SLANG = {"canned": "cancel", "canning": "cancel", "gecancelt": "cancel"}
# In a teaser, a show that "ended" or "endete" in the simple past is history told ("„Lost“
# endete 2010", "The Flash ended after nine seasons"); "has ended" is still news. Read so,
# the past keeps its form.
_PAST_END = frozenset({"ended", "endete", "endeten"})
_PERFECT = frozenset({"has", "have", "had", "officially"})
# English words in German text that the German dictionary reads as a German verb: "High-End"
# is no form of "enden".
_ENGLISH_IN_GERMAN = frozenset({"end"})


@lru_cache(maxsize=65536)
def _lemma(word: str, language: str | None) -> str:
    if word == CLAUSE_BREAK or word.isdigit():
        return word
    order = (language, *(other for other in _LANGUAGES if other != language))
    languages = tuple(lang for lang in order if lang)
    return fold(simplemma.lemmatize(word, lang=languages))


def lemmatise(words: Iterable[str], language: str | None, *, history: bool = False) -> str:
    """The folded lemmas of casefolded `words`, space-separated; negations spelt out. With
    `history`, an end in the simple past keeps its form (it matches no cue)."""
    lemmas: list[str] = []
    previous = ""
    for word in words:
        if word == "s" and previous and previous not in S_MEANS_IS:
            lemmas.append("s")
        elif word == "t" and previous in _NEGATED:
            lemmas[-1] = _NEGATED[previous]
            lemmas.append("not")
        elif history and word in _PAST_END and previous not in _PERFECT:
            lemmas.append(word)
        elif language == "de" and word in _ENGLISH_IN_GERMAN:
            lemmas.append(word)
        else:
            lemmas.append(_SLANG.get(word) or _lemma(word, language))
        previous = word
    return " ".join(lemmas)


def load_dictionaries() -> None:
    """Loads the lemma dictionaries now (a second or two), not in the first item's lookup."""
    for language in _LANGUAGES:
        _lemma.__wrapped__("staffel", language)
