"""The held-out parts load with the catalogue and world list of their own generation.

Only loading and the labels' consistency are checked here, never the matcher's score. The
parts heldout2 to heldout28 have been scored and read and are development data now
(tests/devset.DEVELOPMENT_PARTS). A fresh held-out set is scored once, elsewhere, and must not
be looked at while tuning.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tests.devset import CORPUS_DIR, load

KINDS = {"renewal", "cancellation", "premiere", "other"}


def _titles(value: str | None) -> set[str]:
    return {part.strip() for part in (value or "").split("|") if part.strip()}


def _column(path: Path) -> set[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return {(row.get("title") or "").strip() for row in rows} - {""}


@pytest.mark.skipif(not CORPUS_DIR.is_dir(), reason="the labelled corpus is not here")
@pytest.mark.parametrize(
    ("part", "generation", "least"),
    [
        ("heldout2", "2", 100),
        ("heldout3", "3", 80),
        ("heldout4", "4", 100),
        ("heldout5", "5", 120),
        ("heldout6", "6", 110),
        ("heldout7", "7", 110),
        ("heldout8", "8", 110),
        ("heldout9", "9", 100),
        ("heldout10", "10", 90),
        ("heldout11", "11", 90),
        ("heldout12", "12", 90),
        ("heldout13", "13", 90),
        ("heldout14", "14", 80),
        ("heldout15", "15", 80),
        ("heldout16", "16", 75),
        ("heldout17", "17", 80),
        ("heldout18", "18", 80),
        ("heldout19", "19", 80),
        ("heldout20", "20", 80),
        ("heldout21", "21", 80),
        ("heldout22", "22", 80),
        ("heldout23", "23", 80),
        ("heldout24", "24", 80),
        ("heldout25", "25", 80),
        ("heldout26", "26", 80),
        ("heldout27", "27", 80),
        ("heldout28", "28", 80),
    ],
)
def test_held_out_part_loads_with_its_own_generation(
    part: str, generation: str, least: int
) -> None:
    paths = sorted(CORPUS_DIR.glob(f"{part}_*.tsv"))
    sets = load(CORPUS_DIR, part=part)
    assert [path.name for path in paths] == [f"{part}_de.tsv", f"{part}_en.tsv"]
    assert len(sets) == len(paths)
    for path, labelled in zip(paths, sets, strict=True):
        lang = path.stem.rpartition("_")[2]
        catalogue = set(labelled.names.values())
        assert catalogue == _column(CORPUS_DIR / f"catalogue{generation}_{lang}.tsv")
        world = _column(CORPUS_DIR / f"world{generation}_{lang}.tsv")
        assert set(labelled.known_names) == world - catalogue
        assert len(labelled.rows) >= least
        assert {row["split"] for row in labelled.rows} == {part}
        for row in labelled.rows:
            assert _titles(row["series"]) | _titles(row["also_ok"]) <= catalogue, row["headline"]
            assert row["kind"] and _titles(row["kind"]) <= KINDS, row["headline"]
