"""Scores the labelled sets: the shared dev set (../shared/data) and our corpus's two splits.

Floors sit just below today's figures, so any regression fails. The corpus's held-out split
is scored, never tuned on: its floors only keep what the development split taught from
getting worse.
"""

from __future__ import annotations

import pytest

from tests.devset import CORPUS_DIR, DEFAULT_DIR, DevScore, load, score, score_dev_set


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
def test_corpus_dev_split() -> None:
    result = score(load(CORPUS_DIR), split="dev")
    _show("corpus dev", result)
    assert result.rows >= 299
    assert result.precision >= 0.985, result.wrong
    assert result.recall >= 0.935, result.wrong
    assert result.kind_accuracy >= 0.885, result.wrong


@corpus_present
def test_corpus_heldout_split() -> None:
    result = score(load(CORPUS_DIR), split="heldout")
    # Only the figures: the held-out rows' errors are never read, so no rule is fitted to them.
    print(f"\ncorpus held-out: {result.summary()}")
    assert result.rows >= 208
    assert result.precision >= 0.985
    assert result.recall >= 0.91
    assert result.kind_accuracy >= 0.76
