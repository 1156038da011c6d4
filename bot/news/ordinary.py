"""Whether a title is also everyday language, decided by word frequency (wordfreq's Zipf scale).

Zipf is log10 of a word's frequency per billion words: 7 is "the", 3 is once per million.
A title is *ordinary* when a reader meets it as plain words: all its content words are at
least EVERYDAY_ZIPF frequent in German or all in English ("Dark", "The Office", "Good Girls",
"Berlin"), and it is short enough to occur by accident (MAX_EVERYDAY_WORDS). A title with a
rare word or a number beside words ("Ballard", "Yellowstone", "Station 19") or a longer phrase
("House of the Dragon") is *specific*. Function words carry no meaning of their own: a title
made only of them ("You", "This Is Us") is ordinary and *function-only*.

The frequencies come from wordfreq's small word lists (every word of Zipf ≥ 3), which ship in
the package; they are looked up once per title when a matcher is built, never per item.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from functools import cache

from wordfreq import get_frequency_dict

from bot.catalog.normalize import fold
from bot.news.language import STOPWORDS

EVERYDAY_ZIPF = 3.5  # about three uses in a million words: "severance" (3.2) is below, "monk" above
MAX_EVERYDAY_WORDS = 3  # "House of Cards" may be an idiom; "House of the Dragon" is a title
# An English word counts as foreign in German text when it is this much rarer in German:
# "Dark" (en 5.0, de 4.0) is, "Boot" (en 4.2, de 4.5) and "Berlin" are not.
FOREIGN_MARGIN = 0.5
_LANGUAGES = ("de", "en")
# English auxiliaries: "Will" is mostly "… Will Answer All of Your Questions".
AUXILIARIES = frozenset(
    {"will", "can", "may", "must", "shall", "would", "could", "should", "might"}
)
_FUNCTION_WORDS = frozenset(
    {*STOPWORDS["de"], *STOPWORDS["en"], "le", "la", "el", "los", "las", "i", "me", "us", "it"}
    | AUXILIARIES
)
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W\d_]+)*")
# A capital after a small letter inside a word: "GoT", "HalliGalli".
INNER_CAPITAL = re.compile(r"[a-zäöüß][A-ZÄÖÜ]")


@dataclass(frozen=True)
class Commonness:
    """How much a title reads as plain words, which decides the evidence its mention needs."""

    ordinary: bool  # everyday words: a mention needs evidence that the series is meant
    function_only: bool  # only function words ("You"): evidence must stand right beside it
    english_in_german: bool  # an everyday English phrase that a German sentence would not use
    accentless: bool = True  # "Lost" has no accents, so "löst" is another word, not the title
    quoted_only: bool = False  # a form that names the title only in quotes („Frühlings“-Reihe)
    lower_case: bool = False  # the title itself is written in lower case ("extra 3")
    inner_capitals: bool = False  # everyday words abbreviated ("GoT"): "Got" is the verb


SPECIFIC = Commonness(ordinary=False, function_only=False, english_in_german=False)


@cache
def _frequencies(language: str) -> dict[str, float]:
    return get_frequency_dict(language, wordlist="small")


def _zipf(word: str, language: str) -> float:
    words = _frequencies(language)
    word = word.replace("’", "'")
    # "élite" is listed as "elite": a title's accents must not make it look rare.
    frequency = words.get(word, 0.0) or words.get(fold(word), 0.0)
    return 9.0 + math.log10(frequency) if frequency > 0 else 0.0


def word_zipfs(word: str) -> tuple[float, float]:
    """A casefolded word's Zipf frequency in German and in English."""
    return _zipf(word, "de"), _zipf(word, "en")


class CommonnessCache:
    """Decides the commonness of titles, remembering each word's frequencies."""

    def __init__(self) -> None:
        self._words: dict[str, tuple[float, float]] = {}
        self._kinds: dict[Commonness, Commonness] = {}  # one shared instance per kind

    def _zipfs(self, word: str) -> tuple[float, float]:
        zipfs = self._words.get(word)
        if zipfs is None:
            zipfs = word_zipfs(word)
            self._words[word] = zipfs
        return zipfs

    def of(self, name: str) -> Commonness:
        """The commonness of one title."""
        kind = self._judged(name)
        if name.islower():
            kind = replace(kind, lower_case=True)
        elif kind.ordinary and INNER_CAPITAL.search(name):
            kind = replace(kind, inner_capitals=True)
        return self._kinds.setdefault(kind, kind)

    def _judged(self, name: str) -> Commonness:
        tokens = _TOKEN.findall(name.casefold())
        if not tokens:
            return SPECIFIC
        if len(tokens) > 1 and any(_is_abbreviation(token) for token in _TOKEN.findall(name)):
            return SPECIFIC  # "Chicago P.D.", "Suits: LA": an initialism is no everyday word
        content = [token for token in tokens if token not in _FUNCTION_WORDS]
        letters = [token for token in content if not token.isdigit()]
        if letters and len(letters) < len(content):
            return SPECIFIC  # a number beside words: "Station 19", "4 Blocks"
        if len(tokens) > MAX_EVERYDAY_WORDS:
            return SPECIFIC
        zipfs = [self._zipfs(token) for token in letters]
        everyday = {
            language: all(z[index] >= EVERYDAY_ZIPF for z in zipfs)
            for index, language in enumerate(_LANGUAGES)
        }
        if letters and not any(everyday.values()):
            return SPECIFIC
        judged = zipfs or [self._zipfs(token) for token in tokens]
        english_in_german = bool(judged) and all(
            en >= EVERYDAY_ZIPF and de < en - FOREIGN_MARGIN for de, en in judged
        )
        return Commonness(
            ordinary=True,
            function_only=not content,
            english_in_german=english_in_german,
            accentless=name.isascii(),
        )


def _is_abbreviation(token: str) -> bool:
    """A single letter ("P" of "P.D.") or a short initialism in capitals ("PD", "LA")."""
    return token.isalpha() and (len(token) == 1 or (token.isupper() and len(token) <= 4))
