"""Scores the shared labelled dev set (../shared/data) by its README's rules."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from bot.news.classify import classify
from bot.news.match import CatalogueTitle, SeriesMatcher

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def _split(value: str | None) -> set[str]:
    return {part.strip() for part in (value or "").split("|") if part.strip()}


@pytest.mark.skipif(not DATA.is_dir(), reason="the shared dev set is not beside this clone")
def test_dev_set_precision_recall_and_kinds() -> None:
    names: dict[int, str] = {}
    titles: list[CatalogueTitle] = []
    for series_id, row in enumerate(_rows("series_catalogue_dev.tsv")):
        names[series_id] = row["title"]
        premiered = int(row["premiered"]) if row["premiered"].isdigit() else None
        titles.append(CatalogueTitle(series_id, row["title"], True, premiered))
        titles += [CatalogueTitle(series_id, a, False, premiered) for a in _split(row["aliases"])]
    matcher = SeriesMatcher(titles)
    tp = fp = fn = kinds_right = kinds_total = 0
    wrong: list[str] = []
    for row in _rows("news_headlines_dev.tsv"):
        got = {names[i] for i in matcher.match(row["headline"], row["summary"] or "")}
        want, also_ok = _split(row["series"]), _split(row["also_ok"])
        tp += len(got & want)
        fp += len(got - want - also_ok)
        fn += len(want - got)
        if got - want - also_ok or want - got:
            wrong.append(f"{row['headline']!r}: got {sorted(got)}, want {sorted(want)}")
        if want:
            kinds_total += 1
            kind = classify(row["headline"], row["summary"] or "")
            if kind in _split(row["kind"]):
                kinds_right += 1
            else:
                wrong.append(f"{row['headline']!r}: kind {kind}, want {row['kind']}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(
        f"\ndev set: precision {precision:.3f}, recall {recall:.3f}, "
        f"kind accuracy {kinds_right}/{kinds_total}"
    )
    print("\n".join(wrong))
    assert precision >= 0.95, wrong
    assert recall >= 0.90, wrong
