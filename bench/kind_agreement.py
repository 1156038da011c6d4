"""How far two careful readers agree on news kinds: the ceiling a classifier can be held to.

`tests/data/news_corpus/kinds_second_reading.tsv` holds a second, blind labelling of 120 rows
drawn at random (seed 11) from the rows with a series of heldout8 to heldout11: a reader who
saw only headline, teaser, series and the conventions, never the first labels nor the rules'
output. Prints how often the second reading agrees with the first as the classifier is scored
(its first kind is one of the first labels), how often the two share a kind at all, and the
rules' accuracy on the same rows against each reading.

Usage: python bench/kind_agreement.py
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.news.classify import classify
from tests.devset import CORPUS_DIR, load

SECOND_READING = CORPUS_DIR / "kinds_second_reading.tsv"


def _kinds(value: str) -> set[str]:
    return {kind.strip() for kind in value.split("|") if kind.strip()}


def main() -> None:
    with SECOND_READING.open(encoding="utf-8", newline="") as handle:
        second = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    first = {
        (part, row["headline"]): row
        for part in sorted({row["part"] for row in second})
        for labelled in load(CORPUS_DIR, part=part)
        for row in labelled.rows
    }
    agree = share = rules_first = rules_second = 0
    for row in second:
        original = first[(row["part"], row["headline"])]
        want, again = _kinds(original["kind"]), _kinds(row["kind"])
        agree += row["kind"].split("|")[0] in want
        share += bool(want & again)
        kind = classify(original["headline"], original.get("summary") or "").value
        rules_first += kind in want
        rules_second += kind in again
    rows = len(second)
    print(f"{rows} rows read twice (heldout8 to heldout11, drawn at random)")
    print(f"second reader scored like the classifier: {agree / rows:.3f}")
    print(f"the two readings share a kind: {share / rows:.3f}")
    print(f"rules against the first reading: {rules_first / rows:.3f}")
    print(f"rules against the second reading: {rules_second / rows:.3f}")


if __name__ == "__main__":
    main()
