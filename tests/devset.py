"""Scores the matcher and classifier on the shared labelled set by its README's rules."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from bot.news.classify import classify
from bot.news.match import CatalogueTitle, SeriesMatcher

DEFAULT_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "data"


@dataclass
class DevScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    kinds_right: int = 0
    kinds_total: int = 0
    wrong: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def summary(self) -> str:
        return (
            f"precision {self.precision:.3f} (TP {self.tp}, FP {self.fp}), recall "
            f"{self.recall:.3f} (FN {self.fn}), kind accuracy {self.kinds_right}/{self.kinds_total}"
        )


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def _split(value: str | None) -> set[str]:
    return {part.strip() for part in (value or "").split("|") if part.strip()}


def score_dev_set(data: Path = DEFAULT_DIR) -> DevScore:
    names: dict[int, str] = {}
    titles: list[CatalogueTitle] = []
    for series_id, row in enumerate(_rows(data / "series_catalogue_dev.tsv")):
        names[series_id] = row["title"]
        premiered = int(row["premiered"]) if row["premiered"].isdigit() else None
        titles.append(CatalogueTitle(series_id, row["title"], True, premiered))
        titles += [CatalogueTitle(series_id, a, False, premiered) for a in _split(row["aliases"])]
    matcher = SeriesMatcher(titles)
    score = DevScore()
    for row in _rows(data / "news_headlines_dev.tsv"):
        got = {names[i] for i in matcher.match(row["headline"], row["summary"] or "")}
        want, also_ok = _split(row["series"]), _split(row["also_ok"])
        score.tp += len(got & want)
        score.fp += len(got - want - also_ok)
        score.fn += len(want - got)
        if got - want - also_ok or want - got:
            score.wrong.append(f"{row['headline']!r}: got {sorted(got)}, want {sorted(want)}")
        if want:
            score.kinds_total += 1
            kind = classify(row["headline"], row["summary"] or "")
            if kind in _split(row["kind"]):
                score.kinds_right += 1
            else:
                score.wrong.append(f"{row['headline']!r}: kind {kind}, want {row['kind']}")
    return score
