"""Scores the shared labelled dev set (../shared/data) by its README's rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.devset import score_dev_set

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"


@pytest.mark.skipif(not DATA.is_dir(), reason="the shared dev set is not beside this clone")
def test_dev_set_precision_recall_and_kinds() -> None:
    score = score_dev_set(DATA)
    print(f"\ndev set: {score.summary()}")
    print("\n".join(score.wrong))
    assert score.precision >= 0.95, score.wrong
    assert score.recall >= 0.90, score.wrong
