"""Matcher speed on a synthetic catalogue plus world names; scores on the labelled sets.

Builds a matcher over 50,000 titles and aliases plus 100,000 known names of other series
(some everyday words, some not), prints build time, memory and items/s of matching and of
classifying on one core, then the shared dev set's and the labelled corpus's scores: the first
set, every held-out generation with whether it is still held out or read and development data
now (tests/devset.DEVELOPMENT_PARTS), the trap set, then five folds over the development rows,
grouped by outlet (tests/devset).

Usage: python bench/matching.py
"""

from __future__ import annotations

import random
import resource
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.catalog.normalize import normalize_title
from bot.news.classify import classify
from bot.news.match import SeriesMatcher
from bot.news.title_index import CatalogueTitle
from tests.devset import (
    CORPUS_DIR,
    DEFAULT_DIR,
    DEVELOPMENT_PARTS,
    FOLDS,
    grouped_folds,
    held_out_parts,
    load,
    load_development,
    score,
)

SERIES = 25_000  # each with a title and an alias: 50,000 names
KNOWN = 100_000  # names of series no chat follows
ITEMS = 10_000
SYLLABLES = "ka lo mi ra ten vos shi dru pel an gor wi ne ta ru bel som fin dax lur".split()
EVERYDAY = "dark lost house night girls city blue fire love game crown office life".split()
FILLER = "Netflix renews season new cast trailer star joins after finale premiere date".split()
SENTENCE = "The streamer said on Monday that the show will return with more episodes".split()


def word(rng: random.Random) -> str:
    if rng.random() < 0.15:
        return rng.choice(EVERYDAY).capitalize()
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def name(rng: random.Random, words: tuple[int, int]) -> str:
    return " ".join(word(rng) for _ in range(rng.randint(*words)))


def make_catalogue(rng: random.Random) -> list[CatalogueTitle]:
    titles = []
    for series_id in range(SERIES):
        titles.append(CatalogueTitle(series_id, name(rng, (1, 4)), True, 2000 + series_id % 25))
        titles.append(CatalogueTitle(series_id, "Die " + name(rng, (1, 3)), False))
    return titles


def make_items(
    rng: random.Random, titles: list[CatalogueTitle], known: list[str]
) -> list[tuple[str, str]]:
    items = []
    for _ in range(ITEMS):
        words = [rng.choice(FILLER) for _ in range(rng.randint(5, 10))]
        draw = rng.random()
        if draw < 0.5:
            words.insert(rng.randint(0, len(words)), f"‘{rng.choice(titles).name}’")
        elif draw < 0.7:
            words.insert(rng.randint(0, len(words)), rng.choice(titles).name)
        elif draw < 0.85:
            words.insert(rng.randint(0, len(words)), rng.choice(known))
        sentences = [" ".join(rng.sample(SENTENCE, 10)) + "." for _ in range(3)]
        items.append((" ".join(words), " ".join(sentences)))
    return items


def main() -> None:
    rng = random.Random(6)
    titles = make_catalogue(rng)
    taken = {normalize_title(title.name) for title in titles}
    unique: dict[str, str] = {}
    while len(unique) < KNOWN:  # 100,000 distinct names, none of them a followed title
        candidate = name(rng, (1, 4))
        if normalize_title(candidate) not in taken:
            unique.setdefault(normalize_title(candidate), candidate)
    known = list(unique.values())
    items = make_items(rng, titles, known)

    SeriesMatcher([CatalogueTitle(0, "Warm-up", True)]).match("Warm-up renewed", "Loads data.")
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    matcher = SeriesMatcher(titles, known)
    built = time.perf_counter() - started
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    started = time.perf_counter()
    matched = sum(1 for title, summary in items if matcher.match(title, summary))
    elapsed = time.perf_counter() - started
    print(
        f"catalogue: {len(titles):,} titles and aliases of {SERIES:,} series "
        f"+ {matcher.known:,} known names; {ITEMS:,} items"
    )
    print(
        f"build: {built:.2f} s; peak memory grew by {(rss_after - rss_before) / 1024:.0f} MiB "
        f"(to {rss_after / 1024:.0f} MiB)"
    )
    print(f"match: {ITEMS / elapsed:,.0f} items/s on one core ({matched:,} items matched)")
    started = time.perf_counter()
    kinds = Counter(classify(title, summary) for title, summary in items)
    elapsed = time.perf_counter() - started
    counts = ", ".join(f"{kind}: {n:,}" for kind, n in sorted(kinds.items()))
    print(f"classify: {ITEMS / elapsed:,.0f} items/s on one core ({counts})")

    if DEFAULT_DIR.is_dir():
        print(f"shared dev set: {score(load(DEFAULT_DIR)).summary()}")
    if not CORPUS_DIR.is_dir():
        print(f"corpus: {CORPUS_DIR} not found, skipped")
        return
    print(f"corpus, first set, all rows: {score(load(CORPUS_DIR)).summary()}")
    print(f"trap set (everyday-word titles): {score(load(CORPUS_DIR, part='traps')).summary()}")
    labelled = load_development(CORPUS_DIR)
    print(f"corpus, all development rows: {score(labelled).summary()}")
    for part in held_out_parts(CORPUS_DIR):
        status = (
            "read, now development" if part in DEVELOPMENT_PARTS else "held out, never tuned on"
        )
        print(f"corpus, {part} ({status}): {score(load(CORPUS_DIR, part=part)).summary()}")
    for number, result in enumerate(grouped_folds(labelled)):
        print(f"corpus fold {number} of {FOLDS} (grouped by outlet): {result.summary()}")


if __name__ == "__main__":
    main()
