"""The longer proper names a news item spells out: "Warrior Nun", "Friends from College".

An everyday-word title inside a longer capitalised name is that other name, not the series:
"Netflix cancels Friends from College" is no news for fans of Friends. The capitals show the
name only in sentence case (a title-case headline capitalises every word), so the names are
read from the item's sentence-case parts and then recognised in all its parts, the title-case
headline too ("Why Netflix's Cancellation of Warrior Nun Sparked …"). In German text every
noun has a capital, so there a name is built only from English words ("Dark Matter", "Lost in
Space"): a German noun beside the title ("Dark-Fans", "Serie") is no part of it.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from bot.news.cues import SERIES_WORD
from bot.news.headline import Headline
from bot.news.language import STOPWORDS
from bot.news.ordinary import FOREIGN_MARGIN, word_zipfs

# Lower-case words inside a name: "Lost in Space", "Scenes from a Marriage", "Ash vs Evil Dead";
# not "at", "on" or "to", which join a title to its network ("renew Wednesday at Netflix").
_CONNECTORS = frozenset({"of", "in", "from", "a", "an", "the", "vs"})
_FUNCTION_WORDS = frozenset({*STOPWORDS["de"], *STOPWORDS["en"]})
# Capitalised words that follow a title in a sentence without being part of a name.
NOT_NAMES = frozenset(
    {
        *("january", "february", "march", "april", "may", "june", "july", "august"),
        *("september", "october", "november", "december"),
        *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    }
)


class LongerNames:
    """The capitalised names of several words in the texts of one item: a sentence-case text
    shows them itself; a title-case text only through the item's sentence-case texts."""

    def __init__(self, texts: Iterable[Headline], language: str | None) -> None:
        self._texts = list(texts)
        self._language = language
        self._runs: set[tuple[str, ...]] | None = None

    @property
    def runs(self) -> set[tuple[str, ...]]:
        if self._runs is None:  # built only when an everyday-word title needs it
            self._runs = {
                run
                for text in self._texts
                if not text.title_case
                for run in _runs(text, self._language)
            }
        return self._runs

    def extends(self, text: Headline, first: int, last: int) -> bool:
        """Whether words first..last stand inside a longer name of this item."""
        if not _reaches_name(text, first - 1, -1, self._language) and not _reaches_name(
            text, last + 1, 1, self._language
        ):
            return False  # no name word touches the title: the common, cheap case
        if not text.title_case:
            return True  # the text's own capitals show the longer name
        for run in self.runs:
            length = len(run)
            if length <= last - first + 1:
                continue
            for start in range(max(0, last - length + 1), first + 1):
                if text.words[start : start + length] == run:
                    return True
        return False


_HYPHENS = frozenset("-‐‑")


def stands_apart(text: Headline, first: int, last: int) -> bool:
    """Whether no other capitalised word touches words first..last in their clause, in any
    case of text: a title-case headline hides longer names ("White House Plumbers", "OG Teen
    Mom", "The Evil Dead Franchise"). Function words, dates and series words touch a title
    without being a name's ("Crazy Ex-Girlfriend Will Bring …"), and so does a word joined
    by a hyphen, a compound's part ("Schlag den Raab-Sendung")."""
    before = first - 1 if first > 0 and first - 1 not in text.breaks else None
    after = last + 1 if last + 1 < len(text.words) and last not in text.breaks else None
    return not any(index is not None and _touching_name(text, index) for index in (before, after))


def _touching_name(text: Headline, index: int) -> bool:
    word = text.words[index]
    if not text.starts or not text.is_capital(index) or word.isdigit():
        return False
    if word in _FUNCTION_WORDS or word in NOT_NAMES or SERIES_WORD.match(word):
        return False
    start = text.starts[index]
    return not (start > 0 and text.source[start - 1] in _HYPHENS)


def _reaches_name(text: Headline, index: int, step: int, language: str | None) -> bool:
    """Whether a name word stands at `index` or beyond a few connectors, in the same clause."""
    words = text.words
    while 0 <= index < len(words):
        if (index if step < 0 else index - 1) in text.breaks:
            return False
        if _is_name_word(text, index, language):
            return True
        if words[index] not in _CONNECTORS:
            return False
        index += step
    return False


def _runs(text: Headline, language: str | None) -> list[tuple[str, ...]]:
    """Runs of two or more name words, joined by connectors, within one clause."""
    runs: list[tuple[str, ...]] = []
    current: list[int] = []  # the run so far: name words and the connectors between them
    pending: list[int] = []  # connectors after the run's last name word
    for index, word in enumerate(text.words):
        if _is_name_word(text, index, language):
            current += [*pending, index]
            pending = []
        elif current and word in _CONNECTORS:
            pending.append(index)
        else:
            _close(text.words, current, runs)
            current, pending = [], []
        if index in text.breaks:
            _close(text.words, current, runs)
            current, pending = [], []
    _close(text.words, current, runs)
    return runs


def _close(words: tuple[str, ...], current: list[int], runs: list[tuple[str, ...]]) -> None:
    if len(current) >= 2:
        runs.append(words[current[0] : current[-1] + 1])


def _is_name_word(text: Headline, index: int, language: str | None) -> bool:
    word = text.words[index]
    if not text.is_capital(index) or word.isdigit() or word in NOT_NAMES or SERIES_WORD.match(word):
        return False  # "Season", "Staffel" follow a title without being part of it
    if text.is_initialism(index):
        return False  # "Ghosts UK", "Apple TV": a country or a network, no part of a name
    if (index == 0 or index - 1 in text.breaks) and word in _FUNCTION_WORDS:
        return False  # "Is Elementary renewed?": a sentence's first word has its capital anyway
    return language != "de" or _english(text.raw[index])


@cache
def _english(word: str) -> bool:
    """An English word that German text would not use: "matter", "space", not "fans"."""
    de, en = word_zipfs(word)
    return en >= de + FOREIGN_MARGIN
