"""The matcher with the world catalogue: known series nobody follows still take their mentions."""

from bot.news.match import SeriesMatcher
from bot.news.title_index import CatalogueTitle

NCIS, DARK = 1, 2
FOLLOWED = [CatalogueTitle(NCIS, "NCIS", True, 2003), CatalogueTitle(DARK, "Dark", True, 2017)]
KNOWN = ["NCIS", "NCIS: Los Angeles", "NCIS: Hawai'i", "Dark", "Dark Matter", "The Dark"]


def test_the_longest_known_title_wins_even_when_nobody_follows_it():
    matcher = SeriesMatcher(FOLLOWED, known_names=KNOWN)
    cancelled = "NCIS: Los Angeles Cancelled at CBS, Will End With Season 14"
    assert matcher.match(cancelled) == frozenset()
    assert SeriesMatcher(FOLLOWED).match(cancelled) == {NCIS}  # what the catalogue prevents
    assert matcher.match("NCIS Renewed for Season 23 at CBS") == {NCIS}
    assert matcher.match("„Dark Matter“: Apple verlängert um Staffel 2") == frozenset()


def test_a_known_title_blocks_only_where_it_would_count_as_a_mention():
    matcher = SeriesMatcher(FOLLOWED, known_names=KNOWN)
    # "The Dark" is a show's name, but an ordinary phrase: without evidence of its own it
    # does not count, so it does not take the quoted "Dark" away from Dark's fans.
    assert matcher.match('Netflix finally explains the "Dark" ending') == {DARK}
    assert matcher.match('"The Dark" renewed for season 2') == frozenset()


def test_known_names_add_to_the_size_but_not_to_the_followed():
    matcher = SeriesMatcher(FOLLOWED, known_names=KNOWN)
    assert matcher.size == 2 + 4  # the followed titles, and the four names nobody follows
