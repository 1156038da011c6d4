"""Scores the labelled sets: the shared dev set (../shared/data) and our corpus, all rows.

Floors sit just below today's figures, so any regression fails. Every row of the corpus is
development data (its old held-out split was read); generalisation is shown by five folds
grouped by outlet, and a fresh held-out set collected by others is scored by the lead.
"""

from __future__ import annotations

import pytest

from tests.devset import (
    CORPUS_DIR,
    DEFAULT_DIR,
    FOLDS,
    DevScore,
    grouped_folds,
    load,
    outlet_fold,
    score,
    score_dev_set,
)


def _show(name: str, result: DevScore) -> None:
    print(f"\n{name}: {result.summary()}")
    print("\n".join(result.wrong))


@pytest.mark.skipif(not DEFAULT_DIR.is_dir(), reason="the shared dev set is not beside this clone")
def test_shared_dev_set() -> None:
    result = score_dev_set(DEFAULT_DIR)
    _show("shared dev set", result)
    assert result.rows >= 83
    assert result.precision == 1.0, result.wrong
    assert result.recall == 1.0, result.wrong
    assert result.kind_accuracy == 1.0, result.wrong


corpus_present = pytest.mark.skipif(
    not CORPUS_DIR.is_dir(), reason="the labelled corpus has not been merged yet"
)


@corpus_present
def test_corpus_all_rows() -> None:
    """Both former splits are development data now: a fresh held-out set is scored elsewhere."""
    result = score(load(CORPUS_DIR))
    _show("corpus, all rows", result)
    assert result.rows >= 507
    assert result.precision >= 0.99, result.wrong
    assert result.recall >= 0.95, result.wrong
    assert result.kind_accuracy >= 0.9, result.wrong


@corpus_present
def test_corpus_grouped_folds() -> None:
    """Five folds grouped by outlet: every row in exactly one fold, one outlet never split,
    and no fold far below the whole (a rule that only fits some outlets shows here)."""
    labelled = load(CORPUS_DIR)
    folds = grouped_folds(labelled)
    for number, result in enumerate(folds):
        print(f"\nfold {number}: {result.summary()}")
    whole = score(labelled)
    assert sum(result.rows for result in folds) == whole.rows
    assert sum(result.tp for result in folds) == whole.tp
    assert sum(result.kinds_right for result in folds) == whole.kinds_right
    outlets = [
        {
            row.get("outlet")
            for part in labelled
            for row in part.rows
            if outlet_fold(row.get("outlet") or "") == n
        }
        for n in range(FOLDS)
    ]
    assert all(outlets) and not set.intersection(*outlets)
    assert all(0.15 * whole.rows <= result.rows <= 0.3 * whole.rows for result in folds)
    assert min(result.precision for result in folds) >= 0.97
    assert min(result.recall for result in folds) >= 0.88
    assert min(result.kind_accuracy for result in folds) >= 0.86


@corpus_present
def test_trap_set() -> None:
    """Real headlines where everyday-word titles (Paradise, Friends, Warrior, Dark, You, …)
    stand as plain words or inside other titles (Friends from College, Warrior Nun, Dark
    Matter), a third to a half of them true mentions, with their own catalogue and world."""
    result = score(load(CORPUS_DIR, part="traps"))
    _show("trap set", result)
    assert result.rows >= 119
    assert result.precision >= 0.97, result.wrong
    assert result.recall >= 0.84, result.wrong


@corpus_present
def test_fresh_held_out_set() -> None:
    """224 headlines from outlets never used in development, labelled by others and scored
    once after the last rule change. The floors only guard against regression: issue 10's
    targets (recall 0.93, kind accuracy 0.90) are not reached yet. Never tune on its rows."""
    result = score(load(CORPUS_DIR, part="heldout2"))
    print(f"\nfresh held-out set: {result.summary()}")  # the figures only, never the rows
    assert result.rows >= 224
    assert result.precision >= 0.99
    assert result.recall >= 0.92
    assert result.kind_accuracy >= 0.75
