"""The titles the matcher looks for, compiled once into an Aho-Corasick automaton over
normalised words (see match.py for what counts as a mention).

Each key maps to a `TitlePattern`: the series (None for a known name of a series nobody here
follows), its length, and how ordinary its words are (ordinary.py). Where two series share a
name, the own title beats another's alias and the newer show the older. Titles without
their article, the plural of a title ending in its genre, and German oblique and genitive
forms, are added only where their words are not another title already, with the evidence
they need.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import NamedTuple

import ahocorasick

from bot.catalog.normalize import normalize_title
from bot.news.lemmas import load_dictionaries
from bot.news.ordinary import Commonness, CommonnessCache
from bot.news.title_keys import (
    genre_plural,
    german_genitive,
    german_oblique,
    title_keys,
    without_article,
)


@dataclass(frozen=True)
class CatalogueTitle:
    """One name of a series, as the matcher needs it."""

    series_id: int
    name: str
    primary: bool  # the series' own title; beats another series' alias with the same words
    premiered: int | None = None


_QUOTED_ONLY = Commonness(
    ordinary=True, function_only=True, english_in_german=False, quoted_only=True
)


class TitlePattern(NamedTuple):
    series_id: int | None  # None: a known name of a series nobody here follows
    length: int  # in words
    chars: int  # of the padded key
    commonness: Commonness
    premiered: int | None = None  # the followed series' first year


class TitleIndex:
    """Every title and alias as the automaton's keys: the followed series' own names, their
    forms without the article and German oblique and genitive forms, and the known names of
    series nobody here follows. Built once; `automaton` is read by the matcher."""

    def __init__(self, titles: Iterable[CatalogueTitle], known_names: Iterable[str] = ()) -> None:
        best: dict[str, tuple[tuple[bool, int], CatalogueTitle]] = {}
        accented: set[str] = set()  # keys one of whose names is spelt with accents ("Élite")
        for title in titles:
            for key in title_keys(title.name):
                if not title.name.isascii():
                    accented.add(key)
                # Two series with the same name: prefer an own title, then the newer show.
                rank = (title.primary, title.premiered or 0)
                if key not in best or rank > best[key][0]:
                    best[key] = (rank, title)
        load_dictionaries()  # built off the event loop: items never wait for them
        commonness = CommonnessCache()
        self.automaton = ahocorasick.Automaton()
        for key, (_, title) in best.items():
            found = commonness.of(title.name)
            if key in accented:  # an accented spelling is the title too, not another word
                found = replace(found, accentless=False)
            self._add(key, title.series_id, found, title.premiered)
        self.followed = len(best)
        self.known = 0  # names of series nobody here follows
        names = list(known_names)
        for name in names:
            for key in title_keys(name):
                if key not in best and self._add(key, None, commonness.of(name)):
                    self.known += 1
        # Full names first, followed or known: a title without its article only where its
        # words are nobody's full name.
        ranked = [title for _, title in sorted(best.values(), key=lambda e: e[0], reverse=True)]
        for title in ranked:
            self._add_bare(title.name, title.series_id, commonness)
        for name in names:
            self._add_bare(name, None, commonness)
        for title in ranked:  # the followed titles' German oblique forms, last of all
            self._add_plural(title.name, title.series_id, commonness)
            self._add_inflected(title.name, title.series_id, commonness)
            self._add_genitive(title.name, title.series_id)
        self.size = self.followed + self.known
        if self.size:
            self.automaton.make_automaton()

    def _add_bare(
        self,
        name: str,
        series_id: int | None,
        commonness: CommonnessCache,
    ) -> None:
        """Adds a title without its leading article ("The X-Files" as "X-Files") where the
        rest is a specific name. One specific word ("Der Bergdoktor" as „Bergdoktor“, "The
        Punisher" as 'Punisher') may be a person or a plain noun, so it counts only with the
        evidence an everyday title needs: quoted, beside a series word, the subject of news;
        plain words ("Der Bachelor" as „Bachelor“, "The Late Show" as "Late Show") count only
        quoted. Words taken already keep their title."""
        bare = without_article(name)
        if bare is None:
            return
        key = normalize_title(bare)
        if self.automaton.exists(f" {key} "):
            return
        found = commonness.of(bare)
        if found.ordinary:  # plain words („Bachelor“, „Late Show“) name it only quoted
            self._add(key, series_id, replace(_QUOTED_ONLY, accentless=bare.isascii()))
            return
        if " " not in key:  # an accented title's own spelling is the title ("Pfefferkörner")
            found = replace(found, ordinary=True, accentless=bare.isascii())
        self._add(key, series_id, found)

    def _add_inflected(self, name: str, series_id: int, commonness: CommonnessCache) -> None:
        """Adds the German oblique form of a title with a German article, without it: "Der
        letzte Bulle" as „letzten Bullen“, "Die Vorstadtweiber" as „Vorstadtweibern“, "Der
        Bestatter" as "Bestatters". It counts only with the evidence an everyday title
        needs; a one-word title that is a plain word ("Der Alte") gets none."""
        key = german_oblique(name)
        if key is None or self.automaton.exists(f" {key} "):
            return
        base = without_article(name) or name
        found = commonness.of(base)
        if found.ordinary and " " not in key:
            return
        self._add(key, series_id, replace(found, ordinary=True, accentless=base.isascii()))

    def _add_plural(self, name: str, series_id: int, commonness: CommonnessCache) -> None:
        """Adds the plural of a title that ends in its genre, which names the series' films
        („die ORF-Landkrimis“, „Taunus-Krimis“), with the evidence the title needs."""
        key = genre_plural(name)
        if key is not None and not self.automaton.exists(f" {key} "):
            self._add(key, series_id, commonness.of(without_article(name) or name))

    def _add_genitive(self, name: str, series_id: int) -> None:
        """Adds the German genitive of a one-word title without an article, which opens a
        compound in quotes: „Frühlings“-Reihe. It counts only quoted: unquoted it is the
        plain word's genitive („des Frühlings“, "Berlins Bürgermeister")."""
        key = german_genitive(name)
        if key is not None and not self.automaton.exists(f" {key} "):
            self._add(key, series_id, replace(_QUOTED_ONLY, accentless=name.isascii()))

    def _add(
        self,
        key: str,
        series_id: int | None,
        commonness: Commonness,
        premiered: int | None = None,
    ) -> bool:
        """Adds a title; False if its key was there already (and is now replaced)."""
        pattern = TitlePattern(series_id, key.count(" ") + 1, len(key) + 2, commonness, premiered)
        return bool(self.automaton.add_word(f" {key} ", pattern))
