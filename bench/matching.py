"""Matcher throughput on a synthetic catalogue, against a naive regex per title; dev-set score.

Usage: python bench/matching.py [path/to/shared/data]
"""

from __future__ import annotations

import random
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.catalog.normalize import fold
from bot.news.match import CatalogueTitle, SeriesMatcher
from tests.devset import DEFAULT_DIR, score_dev_set

SERIES = 25_000  # each with a title and an alias: 50,000 names
ITEMS = 10_000
NAIVE_SAMPLE = 40  # items the naive loop really runs; the rest is extrapolated
SYLLABLES = "ka lo mi ra ten vos shi dru pel an gor wi ne ta ru bel som fin dax lur".split()
FILLER = "Netflix renews season new cast trailer star joins after finale premiere date".split()


def word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def make_catalogue(rng: random.Random) -> list[CatalogueTitle]:
    titles = []
    for series_id in range(SERIES):
        title = " ".join(word(rng) for _ in range(rng.randint(1, 4)))
        alias = "Die " + " ".join(word(rng) for _ in range(rng.randint(1, 3)))
        titles.append(CatalogueTitle(series_id, title, True, 2000 + series_id % 25))
        titles.append(CatalogueTitle(series_id, alias, False))
    return titles


def make_items(rng: random.Random, titles: list[CatalogueTitle]) -> list[tuple[str, str]]:
    items = []
    for _ in range(ITEMS):
        words = [rng.choice(FILLER) for _ in range(rng.randint(5, 10))]
        if rng.random() < 0.7:
            words.insert(rng.randint(0, len(words)), f"‘{rng.choice(titles).name}’")
        summary = " ".join(rng.choice(FILLER) for _ in range(30))
        items.append((" ".join(words), summary))
    return items


def main() -> None:
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DIR
    rng = random.Random(6)
    titles = make_catalogue(rng)
    items = make_items(rng, titles)

    started = time.perf_counter()
    matcher = SeriesMatcher(titles)
    built = time.perf_counter() - started
    started = time.perf_counter()
    matched = sum(1 for title, summary in items if matcher.match(title, summary))
    ours = time.perf_counter() - started
    print(f"catalogue: {len(titles)} titles and aliases of {SERIES} series, {ITEMS} items")
    print(f"automaton matcher: built in {built:.2f} s; {ITEMS / ours:,.0f} items/s ({matched} hit)")

    started = time.perf_counter()
    patterns = [
        (t.series_id, re.compile(r"(?<!\w)" + re.escape(fold(t.name)) + r"(?!\w)")) for t in titles
    ]
    compiled = time.perf_counter() - started
    started = time.perf_counter()
    for title, summary in items[:NAIVE_SAMPLE]:
        text = fold(f"{title} {summary}")
        {series_id for series_id, pattern in patterns if pattern.search(text)}
    naive = (time.perf_counter() - started) / NAIVE_SAMPLE
    print(
        f"naive regex per title: compiled in {compiled:.2f} s; {1 / naive:,.1f} items/s "
        f"(measured on {NAIVE_SAMPLE} items, extrapolated to {ITEMS}: {naive * ITEMS:,.0f} s)"
    )
    print(f"speed-up: {naive * ITEMS / ours:,.0f}x")

    if (data / "news_headlines_dev.tsv").exists():
        score = score_dev_set(data)
        print(f"dev set ({data}): {score.summary()}")
        for line in score.wrong:
            print("  still wrong:", line)
    else:
        print(f"dev set: {data} not found, skipped")


if __name__ == "__main__":
    main()
