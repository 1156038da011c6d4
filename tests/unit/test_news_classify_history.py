"""Kinds of news whose start is told as the show's history, not announced."""

from __future__ import annotations

import pytest

from bot.news.classify import classify
from bot.news.history import without_history
from bot.news.lemmas import CLAUSE_BREAK


@pytest.mark.parametrize(
    ("headline", "teaser", "kind"),
    [
        # A start dated in the past by its year: history, in a headline or a teaser.
        ("‘Moonbase’ became a cult hit when it premiered in 2011.", "", "other"),
        ("When it debuted on Fox in 2009, ‘Moonbase’ was an odd bet.", "", "other"),
        ("Im Mai 2016 feierte „Mondbasis“ Premiere.", "", "other"),
        ("„Mondbasis“ wird zehn", "Am 3. Mai 2016 startete die Serie im ZDF.", "other"),
        ("A look back", "‘Moonbase’ launched on Hulu in March 2018.", "other"),
        # What is said after it, and a start not told in the past, still count.
        ("‘Moonbase’ premiered in 2011 and is ending in 2026", "", "cancellation"),
        ("‘Moonbase’ season 3 premieres March 5, 2026", "", "premiere"),
        ("„Mondbasis“: Staffel 3 startet am 5. März 2026", "", "premiere"),
        ("‘Moonbase’ season 2 premiered on Netflix today", "", "premiere"),
    ],
)
def test_a_start_dated_in_the_past_by_its_year_is_history(
    headline: str, teaser: str, kind: str
) -> None:
    assert classify(headline, teaser).value == kind


def test_only_the_clause_that_tells_history_is_dropped() -> None:
    words = ["it", "aired", "in", "2010", CLAUSE_BREAK, "now", "it", "returns"]
    assert without_history(words) == [CLAUSE_BREAK, "now", "it", "returns"]
    assert without_history(["seasons", "4", "and", "5", "aired", "in", "2012"]) == []
