"""Titles listed together: a list of everyday titles may be the subject of series news."""

from __future__ import annotations

from bot.news.match import SeriesMatcher
from bot.news.title_index import CatalogueTitle

MATCHER = SeriesMatcher(
    [
        CatalogueTitle(1, "Summer", primary=True),
        CatalogueTitle(2, "Bingo!", primary=True),
        CatalogueTitle(3, "Lucky Day", primary=True),
    ]
)


def test_a_list_of_titles_is_the_subject_of_series_news() -> None:
    assert MATCHER.match("Summer and Bingo! have both been renewed for two more years") == {1, 2}
    assert MATCHER.match("Summer and Bingo, the two quiz shows, have been renewed") == {1, 2}


def test_a_list_that_is_no_subject_or_no_list_names_no_series() -> None:
    assert MATCHER.match("Fans of Summer and Bingo! have been renewed in their hope") == set()
    assert MATCHER.match("Summer, Bingo: the two words of this year's fair") == set()
