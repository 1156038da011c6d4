"""Which series a news item is about: a pure matcher over every title and alias we know.

All titles are compiled once into an Aho-Corasick automaton over normalised words. Then:
- the longest title wins where mentions overlap ("Bosch: Legacy" is not also "Bosch");
- a title that is a single word ("Dark", "The Bear", "You", "Berlin") is an ordinary word too,
  so it counts only with evidence: quoted on its own, next to a series word
  ("Staffel", "season", "renewed", "verlängert", …), or opening the headline before a colon;
- a title inside a longer quoted title ("‘FBI: Most Wanted’") is a different show;
- mentions in the summary always need that evidence: summaries name many other shows.
Precision matters more than recall: a wrong alert annoys more than a missed one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from bot.catalog.normalize import normalize_title
from bot.news.headline import Headline, analyse

# Leading articles do not make a title specific: "The Bear" is as ordinary as "bear".
_ARTICLES = frozenset({"the", "a", "an", "der", "die", "das", "ein", "eine", "la", "le", "el"})
# Words skipped when looking for a series word next to a title ("season 2 of Lost").
_FILLERS = frozenset(
    {
        *_ARTICLES,
        *("of", "for", "to", "its", "s", "in"),
        *("des", "dem", "den", "einer", "einen", "um", "von", "zu", "zur", "zum", "fur", "mit"),
        *("im", "und", "neue", "neuen", "new", "final", "finale", "letzte", "last"),
    }
)
_SERIES_WORD = re.compile(
    r"(staffel|serie|season|renew|verlanger|cancel|abgesetzt|eingestellt|episode|folgen?$"
    r"|premiere|spinoff|ableger|greenlit|sitcom|miniser|reboot|revival|prequel)"
)
SUMMARY_LEAD_CHARS = 500  # only the summary's opening is about the item itself
MAX_QUOTED_TITLE_WORDS = 6  # a longer quoted run is speech, not a title


@dataclass(frozen=True)
class CatalogueTitle:
    """One name of a series, as the matcher needs it."""

    series_id: int
    name: str
    primary: bool  # the series' own title; beats another series' alias with the same words
    premiered: int | None = None


@dataclass(frozen=True)
class _Pattern:
    series_id: int | None  # None: a known series nobody here follows; it only blocks
    length: int  # in words
    chars: int  # of the padded key
    ordinary: bool  # a single word once articles are dropped: needs evidence


@dataclass(frozen=True)
class _Mention:
    first: int
    last: int
    pattern: _Pattern


def _is_ordinary(words: list[str]) -> bool:
    content = [word for word in words if word not in _ARTICLES]
    return len(content) <= 1


class SeriesMatcher:
    """Recognises the series of a catalogue in headlines; build once, call `match` often."""

    def __init__(self, titles: Iterable[CatalogueTitle], known_names: Iterable[str] = ()) -> None:
        """`known_names`: every series TVmaze knows; where one is the longest title in a
        mention ("NCIS: Los Angeles" over "NCIS"), the mention is not about a followed one."""
        best: dict[str, tuple[tuple[bool, int], int]] = {}
        for title in titles:
            key = normalize_title(title.name)
            if not key:
                continue
            # Two series with the same name: prefer an own title, then the newer show.
            rank = (title.primary, title.premiered or 0)
            if key not in best or rank > best[key][0]:
                best[key] = (rank, title.series_id)
        self._automaton = ahocorasick.Automaton()
        for key, (_, series_id) in best.items():
            words = key.split()
            pattern = _Pattern(series_id, len(words), len(key) + 2, _is_ordinary(words))
            self._automaton.add_word(f" {key} ", pattern)
        self.size = len(best)
        shared: dict[_Pattern, _Pattern] = {}  # ~100k known names share a few hundred values
        for name in known_names:
            key = normalize_title(name)
            if key and key not in best and self._automaton.get(f" {key} ", None) is None:
                words = key.split()
                pattern = _Pattern(None, len(words), len(key) + 2, _is_ordinary(words))
                self._automaton.add_word(f" {key} ", shared.setdefault(pattern, pattern))
                self.size += 1
        if self.size:
            self._automaton.make_automaton()

    def match(self, title: str, summary: str = "") -> frozenset[int]:
        """The ids of the series the item is about."""
        found = self._find(analyse(title), strict=False)
        if summary:
            found |= self._find(analyse(summary[:SUMMARY_LEAD_CHARS]), strict=True)
        return frozenset(found)

    def _find(self, headline: Headline, *, strict: bool) -> set[int]:
        if not self.size or not headline.words:
            return set()
        found: set[int] = set()
        # A known title blocks a shorter followed one only where it would count itself.
        mentions = [
            mention
            for mention in self._mentions(headline)
            if mention.pattern.series_id is not None or _counts(mention, headline, strict=strict)
        ]
        for mention in _longest(mentions):
            series_id = mention.pattern.series_id
            if series_id is not None and _counts(mention, headline, strict=strict):
                found.add(series_id)
        return found

    def _mentions(self, headline: Headline) -> list[_Mention]:
        mentions = []
        for end, pattern in self._automaton.iter(f" {headline.text} "):
            # The padded key " w1 … wn " ends at `end` in " text ": its first word starts
            # at end - chars + 2 there, one less in the unpadded text.
            first = headline.offsets[end - pattern.chars + 1]
            mentions.append(_Mention(first, first + pattern.length - 1, pattern))
        return mentions


def _longest(mentions: list[_Mention]) -> list[_Mention]:
    """Keep the longest of overlapping mentions."""
    kept: list[_Mention] = []
    taken: set[int] = set()
    for mention in sorted(mentions, key=lambda m: (-m.pattern.length, m.first)):
        span = range(mention.first, mention.last + 1)
        if not taken.intersection(span):
            kept.append(mention)
            taken.update(span)
    return kept


def _counts(mention: _Mention, headline: Headline, *, strict: bool) -> bool:
    enclosing = headline.enclosing_span(mention.first, mention.last)
    if enclosing is not None and _is_title_like(headline, enclosing, mention):
        return False
    if headline.is_quoted(mention.first, mention.last):
        return True
    if not (strict or mention.pattern.ordinary):
        return True
    if not strict and mention.first == 0 and mention.last in headline.colon_after:
        return True  # "Dark: …" opens a headline about the series
    return _beside_series_word(headline, mention)


def _is_title_like(headline: Headline, span: tuple[int, int], mention: _Mention) -> bool:
    """A short quoted run that adds more than numbers to the mention is another title."""
    start, end = span
    if end - start + 1 > MAX_QUOTED_TITLE_WORDS:
        return False
    extra = [*headline.words[start : mention.first], *headline.words[mention.last + 1 : end + 1]]
    return any(not word.isdigit() for word in extra)


def _beside_series_word(headline: Headline, mention: _Mention) -> bool:
    words = headline.words
    for step, index in ((-1, mention.first - 1), (1, mention.last + 1)):
        while 0 <= index < len(words) and (words[index] in _FILLERS or words[index].isdigit()):
            index += step
        if 0 <= index < len(words) and _SERIES_WORD.match(words[index]):
            return True
    return False
