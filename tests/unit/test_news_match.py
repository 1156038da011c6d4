"""Our own labelled headlines: every tricky kind of mention the matcher must get right."""

from __future__ import annotations

import pytest

from bot.news.match import CatalogueTitle, SeriesMatcher

CATALOGUE = {
    1: ("Dark", []),
    2: ("Dark Matter", []),
    3: ("You", []),
    4: ("Lost", []),
    5: ("House", ["Dr. House"]),
    6: ("House of the Dragon", []),
    7: ("Girls", []),
    8: ("Derry Girls", []),
    9: ("Evil", []),
    10: ("Friends", []),
    11: ("Bosch", []),
    12: ("Bosch: Legacy", []),
    13: ("Ballard", []),
    14: ("Money Heist", ["Haus des Geldes", "La Casa de Papel"]),
    15: ("Berlin", ["Haus des Geldes: Berlin"]),
    16: ("Grey's Anatomy", ["Grey's Anatomy – Die jungen Ärzte"]),
    17: ("The Bear", []),
    18: ("Élite", []),
    19: ("NCIS", []),
    20: ("NCIS: Hawaiʻi", ["NCIS: Hawaii"]),
    21: ("Chicago P.D.", []),
    22: ("The Office", []),
    23: ("Der Bergdoktor", []),
    24: ("Succession", []),
}


def make_matcher() -> SeriesMatcher:
    titles = []
    for series_id, (title, aliases) in CATALOGUE.items():
        titles.append(CatalogueTitle(series_id, title, primary=True, premiered=2000))
        titles += [CatalogueTitle(series_id, alias, primary=False) for alias in aliases]
    return SeriesMatcher(titles)


MATCHER = make_matcher()

CASES = [
    # Ordinary-word titles: only with evidence.
    ("Netflix renews ‘Dark’ prequel plans", "", {1}),
    ("Dark days ahead for cinema chains", "", set()),
    ("Dark Season 4? Baran bo Odar answers", "", {1}),
    ("Lost: Neue Doku über die Dreharbeiten", "", {4}),
    ("Lost and found: a suitcase returns after 30 years", "", set()),
    ("Evil renewed for a fifth season", "", {9}),
    ("Good versus evil in the new Marvel movie", "", set()),
    ('"Friends" cast reunite for charity', "", {10}),
    ("Friends of the showrunner remember him", "", set()),
    ("Will you watch the season finale tonight?", "", set()),
    ("Girls trip movie gets a sequel", "", set()),
    ("The bear that walked into a TV studio", "", set()),
    ("„The Bear“ räumt bei den Emmys ab", "", {17}),
    ("Serie „Succession“: HBO plant kein Spin-off", "", {24}),
    ("Royal succession explained in a documentary", "", set()),
    ("Staffel 3 von Succession startet bei Sky", "", {24}),
    # Longest match wins; a title inside a longer quoted title is another show.
    ("‘House of the Dragon’ Season 3 first look", "", {6}),
    ("‘Derry Girls’ star joins new comedy", "", {8}),
    ("Dark Matter renewed at Apple", "", {2}),
    ("‘Bosch: Legacy’ final season trailer", "", {12}),
    ("‚Bosch‘ kehrt zurück", "", {11}),
    ("‘NCIS: Origins’ sets a premiere date", "", set()),
    ("‘NCIS’ and ‘NCIS: Hawaii’ renewed", "", {19, 20}),
    # Quotes of every kind, dashes and colons, diacritics, apostrophes.
    ("«Élite» : la saison 8 arrive", "", {18}),
    ("»Elite«-Finale: Netflix bestätigt Ende", "", {18}),
    ("Grey’s Anatomy – Die jungen Ärzte: Staffel 21 bei ProSieben", "", {16}),
    ("GREY'S ANATOMY RENEWED", "", {16}),
    ("„Haus des Geldes: Berlin“ bekommt Staffel 2", "", {15}),
    ("„Haus des Geldes“ – Macher planen Comeback", "", {14}),
    ("Berlin bekommt neue Fahrradwege", "", set()),
    ("„Chicago P.D.“ verlängert", "", {21}),
    ("Dr. House: Hugh Laurie über die Rückkehr", "", {5}),
    ("Hugh Laurie visits a house in Oxford", "", set()),
    ("Der Bergdoktor: Dreharbeiten in Tirol", "", {23}),
    # Spin-offs: the spin-off named in the teaser is the subject, not the parent that
    # introduces it; with no spin-off named, the parent is.
    (
        "„Bosch: Legacy“-Ableger verlängert",
        "Amazon hat „Ballard“ um eine zweite Staffel verlängert.",
        {13},
    ),
    ("‘Bosch’ prequel series in the works", "", {11}),
    ("Prime Video renews Ballard, the spin-off of Bosch: Legacy", "", {13}),
    # The summary needs evidence even for specific titles.
    ("Streamer orders another season", "It renewed The Office for season 10.", {22}),
    ("Comedy news", "Fans of The Office will like this.", set()),
    # Word boundaries.
    ("Berliner Kinos melden Rekord", "", set()),
    ("Youth drama ‘Heartstopper’ ends", "", set()),
]


@pytest.mark.parametrize(("title", "summary", "expected"), CASES)
def test_labelled_headlines(title: str, summary: str, expected: set[int]) -> None:
    assert MATCHER.match(title, summary) == expected


def test_shared_title_prefers_own_title_then_newer_series() -> None:
    matcher = SeriesMatcher(
        [
            CatalogueTitle(1, "Dynasty", primary=True, premiered=1981),
            CatalogueTitle(2, "Dynasty", primary=True, premiered=2017),
            CatalogueTitle(3, "Der Denver-Clan", primary=True, premiered=1981),
            CatalogueTitle(2, "Der Denver-Clan", primary=False),
        ]
    )
    assert matcher.match("‘Dynasty’ cancelled") == {2}
    assert matcher.match("„Der Denver-Clan“ im Free-TV") == {3}


def test_empty_catalogue_and_empty_text() -> None:
    assert SeriesMatcher([]).match("‘Dark’ renewed") == frozenset()
    assert MATCHER.match("", "") == frozenset()
    assert MATCHER.match("„“ ‘’ :", "") == frozenset()
