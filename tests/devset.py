"""Scores the matcher and classifier on labelled headlines by ../shared/data/README.md's rules.

A directory holds catalogues (`*catalogue*.tsv`: title, aliases, premiered), labelled headlines
(`*headlines*.tsv`: headline, summary, series, also_ok, kind, optionally split, …) and optionally
world names (`world*.tsv`: title), the known names of series outside the catalogue. Catalogues
of several files are merged by title, their aliases united. The shared dev set and the labelled
corpus (tests/data/news_corpus) are both such directories.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bot.news.classify import classify
from bot.news.match import SeriesMatcher
from bot.news.title_index import CatalogueTitle

ROOT = Path(__file__).resolve().parents[1]
# ../shared/data beside the clone; a worktree one level deeper finds it one level up.
DEFAULT_DIR = next(
    (
        folder / "shared" / "data"
        for folder in (ROOT.parent, ROOT.parent.parent)
        if (folder / "shared" / "data").is_dir()
    ),
    ROOT.parent / "shared" / "data",
)
CORPUS_DIR = ROOT / "tests" / "data" / "news_corpus"


@dataclass
class DevScore:
    rows: int = 0
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

    @property
    def kind_accuracy(self) -> float:
        return self.kinds_right / self.kinds_total if self.kinds_total else 1.0

    def summary(self) -> str:
        return (
            f"{self.rows} rows: precision {self.precision:.3f} (TP {self.tp}, FP {self.fp}), "
            f"recall {self.recall:.3f} (FN {self.fn}), kind accuracy {self.kind_accuracy:.3f} "
            f"({self.kinds_right}/{self.kinds_total})"
        )


@dataclass
class LabelledSet:
    names: dict[int, str]
    titles: list[CatalogueTitle]
    known_names: list[str]
    rows: list[dict[str, str]]

    def matcher(self) -> SeriesMatcher:
        return SeriesMatcher(self.titles, self.known_names)


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def _split(value: str | None) -> set[str]:
    return {part.strip() for part in (value or "").split("|") if part.strip()}


def _suffix(path: Path) -> str:
    return path.stem.rpartition("_")[2]


def load(data: Path, *, part: str = "") -> list[LabelledSet]:
    """The labelled sets of a directory, one per language suffix: `headlines_<lang>.tsv`
    with `catalogue_<lang>.tsv` and `world_<lang>.tsv`, or with a held-out part such as
    `part="heldout2"` that part's `heldout2_<lang>.tsv` with the catalogue and world of its
    generation, the part's trailing number: `catalogue2_<lang>.tsv` and `world2_<lang>.tsv`.
    A part without a number (`part="traps"`) has its own `catalogue_traps_<lang>.tsv` and
    `world_traps_<lang>.tsv`."""
    if not part:
        pattern, tag = "*headlines_*.tsv", ""
    else:
        generation = part[len(part.rstrip("0123456789")) :]
        pattern, tag = f"{part}_*.tsv", generation or f"_{part}"
    return [
        _load(
            catalogues=sorted(data.glob(f"*catalogue{tag}_{suffix}.tsv")),
            worlds=sorted(data.glob(f"world{tag}_{suffix}.tsv")),
            headlines=[path],
        )
        for path in sorted(data.glob(pattern))
        for suffix in [_suffix(path)]
    ]


DEVELOPMENT_PARTS = (
    "",
    "heldout2",
    "heldout3",
    "heldout4",
    "heldout5",
    "heldout6",
    "heldout7",
    "heldout8",
    "heldout9",
    "heldout10",
    "heldout11",
    "heldout12",
    "heldout13",
    "heldout14",
    "heldout15",
    "heldout16",
    "heldout17",
    "heldout18",
    "heldout19",
    "heldout20",
    "heldout21",
    "heldout22",
    "heldout23",
    "heldout24",
    "heldout25",
    "heldout26",
    "heldout27",
    "heldout28",
    "traps",
)


def held_out_parts(data: Path) -> list[str]:
    """Every held-out generation in the directory ("heldout2", "heldout3", …), oldest first,
    read or not: whether one is development data now is DEVELOPMENT_PARTS's to say."""
    parts = {path.stem.rpartition("_")[0] for path in data.glob("heldout*_*.tsv")}
    return sorted(parts, key=lambda part: int(part.removeprefix("heldout") or 0))


def load_development(data: Path) -> list[LabelledSet]:
    """Every labelled set that is development data now: the first corpus, the held-out sets
    heldout2 to heldout28, which have been scored and read since and so count as development
    too, and the trap set (everyday-word titles), each with its own catalogue and world."""
    return [labelled for part in DEVELOPMENT_PARTS for labelled in load(data, part=part)]


def _load(*, catalogues: list[Path], worlds: list[Path], headlines: list[Path]) -> LabelledSet:
    aliases: dict[str, set[str]] = {}
    premiered: dict[str, int | None] = {}
    for path in catalogues:
        for row in _rows(path):
            title = (row.get("title") or "").strip()
            if not title:
                continue
            aliases.setdefault(title, set()).update(_split(row.get("aliases")))
            year = (row.get("premiered") or "").strip()
            premiered.setdefault(title, int(year) if year.isdigit() else None)
    names: dict[int, str] = {}
    titles: list[CatalogueTitle] = []
    for series_id, title in enumerate(sorted(aliases)):
        names[series_id] = title
        titles.append(CatalogueTitle(series_id, title, True, premiered[title]))
        titles += [
            CatalogueTitle(series_id, alias, False, premiered[title])
            for alias in sorted(aliases[title] - {title})
        ]
    world = {(row.get("title") or "").strip() for path in worlds for row in _rows(path)}
    known = sorted(world - {""} - set(aliases))
    rows = [row for path in headlines for row in _rows(path)]
    return LabelledSet(names, titles, known, rows)


def score(labelled: list[LabelledSet], *, split: str | None = None) -> DevScore:
    """Scores the rows of one split (all rows when None) by the README's rules."""
    total = DevScore()
    for part in labelled:
        result = score_rows(part.matcher(), part.names, _in_split(part.rows, split))
        total.rows += result.rows
        total.tp += result.tp
        total.fp += result.fp
        total.fn += result.fn
        total.kinds_right += result.kinds_right
        total.kinds_total += result.kinds_total
        total.wrong += result.wrong
    return total


def _split_name(value: str | None) -> str:
    """ "dev", or "heldout" for any spelling of the held-out part ("held-out", "test")."""
    name = (value or "").strip().casefold().replace("-", "").replace("_", "")
    return "heldout" if name in {"heldout", "test", "holdout"} else name


def _in_split(rows: Iterable[dict[str, str]], split: str | None) -> list[dict[str, str]]:
    return [row for row in rows if split is None or _split_name(row.get("split")) == split]


def score_rows(
    matcher: SeriesMatcher, names: dict[int, str], rows: Iterable[dict[str, str]]
) -> DevScore:
    result = DevScore()
    for row in rows:
        result.rows += 1
        summary = row.get("summary") or ""
        got = {names[i] for i in matcher.match(row["headline"], summary)}
        want, also_ok = _split(row.get("series")), _split(row.get("also_ok"))
        result.tp += len(got & want)
        result.fp += len(got - want - also_ok)
        result.fn += len(want - got)
        if got - want - also_ok or want - got:
            result.wrong.append(f"{row['headline']!r}: got {sorted(got)}, want {sorted(want)}")
        if want:
            result.kinds_total += 1
            kind = classify(row["headline"], summary)
            if kind in _split(row.get("kind")):
                result.kinds_right += 1
            else:
                result.wrong.append(f"{row['headline']!r}: kind {kind}, want {row.get('kind')}")
    return result


def score_dev_set(data: Path = DEFAULT_DIR, *, split: str | None = None) -> DevScore:
    """Scores every labelled row of a directory (or one split of it)."""
    return score(load(data), split=split)


FOLDS = 5


def outlet_fold(outlet: str, folds: int = FOLDS) -> int:
    """The fold an outlet's rows belong to: a stable hash of its name, so every row of one
    outlet lands in the same fold and the folds do not depend on row order."""
    digest = hashlib.sha256(outlet.strip().casefold().encode()).digest()
    return int.from_bytes(digest[:4], "big") % folds


def grouped_folds(labelled: list[LabelledSet], folds: int = FOLDS) -> list[DevScore]:
    """Scores every development row (both splits) fold by fold, the folds grouped by outlet."""
    results = []
    for fold in range(folds):
        total = DevScore()
        for part in labelled:
            rows = [row for row in part.rows if outlet_fold(row.get("outlet") or "", folds) == fold]
            result = score_rows(part.matcher(), part.names, rows)
            total.rows += result.rows
            total.tp += result.tp
            total.fp += result.fp
            total.fn += result.fn
            total.kinds_right += result.kinds_right
            total.kinds_total += result.kinds_total
            total.wrong += result.wrong
        results.append(total)
    return results
