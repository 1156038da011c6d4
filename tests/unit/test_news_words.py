"""Word-level helpers of the matcher: title commonness, headline language, lemmas."""

from __future__ import annotations

import pytest

from bot.news.classify import cue_words
from bot.news.headline import analyse
from bot.news.language import guess_language
from bot.news.lemmas import lemmatise
from bot.news.ordinary import CommonnessCache

COMMONNESS = CommonnessCache()


@pytest.mark.parametrize(
    "title",
    ["Dark", "Lost", "Evil", "Berlin", "Friends", "The Office", "Good Girls", "Das Boot", "Élite"],
)
def test_everyday_titles_are_ordinary(title: str) -> None:
    assert COMMONNESS.of(title).ordinary


@pytest.mark.parametrize(
    "title",
    [
        *("Ballard", "Yellowstone", "Severance", "Andor", "Station 19", "House of the Dragon"),
        *("Chicago P.D.", "Chicago PD", "Suits: LA"),
    ],
)
def test_rare_words_numbers_and_long_phrases_are_specific(title: str) -> None:
    assert not COMMONNESS.of(title).ordinary


@pytest.mark.parametrize(("title", "function_only"), [("You", True), ("This Is Us", True)])
def test_titles_of_function_words(title: str, function_only: bool) -> None:
    commonness = COMMONNESS.of(title)
    assert commonness.ordinary and commonness.function_only is function_only


@pytest.mark.parametrize(("title", "foreign"), [("Dark", True), ("Berlin", False), ("Boot", False)])
def test_english_everyday_words_are_foreign_in_german(title: str, foreign: bool) -> None:
    assert COMMONNESS.of(title).english_in_german is foreign


def test_one_commonness_instance_per_kind() -> None:
    assert COMMONNESS.of("Lost") is COMMONNESS.of("Evil")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Netflix verlängert die Serie um eine dritte Staffel", "de"),
        ("Netflix renews the show for a third season", "en"),
        ("Dark", None),
    ],
)
def test_headline_language_by_function_words(text: str, language: str | None) -> None:
    assert guess_language(analyse(text).words) == language


def test_lemmas_fold_inflections_and_spell_out_negations() -> None:
    assert lemmatise(cue_words(analyse("verlängerte, verlängert")), "de") == (
        "verlangern | verlangern"
    )
    assert lemmatise(cue_words(analyse("It won't return")), "en") == "it will not return"


def test_cue_words_break_clauses_but_not_at_abbreviations_and_ordinals() -> None:
    assert cue_words(analyse("Chicago P.D. geht in die 19. Staffel. Dann – Pause")) == [
        *("chicago", "p", "d", "geht", "in", "die", "19", "staffel", "|", "dann", "|", "pause")
    ]


def test_cue_words_leave_out_words_held_up_in_quotes() -> None:
    assert cue_words(analyse("Nicht nur „Absetzen“: „Dark“ verlängert")) == [
        *("nicht", "nur", "|", "verlängert")
    ]
