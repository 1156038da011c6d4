"""Our own labelled headlines: every tricky kind of mention the matcher must get right."""

from __future__ import annotations

import pytest

from bot.news.match import SeriesMatcher
from bot.news.title_index import CatalogueTitle

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
    # An everyday title inside a longer capitalised name is that other show or film.
    ("Apple cancels Lost Harbor after one season", "", set()),
    ("Netflix renews House of Secrets for season 2", "", set()),
    (
        "Streamer Cancels Evil Twins After One Season",
        "Netflix cancelled Evil Twins, a teen drama.",
        set(),
    ),
    ("Dark Harbor kehrt für eine zweite Staffel zurück", "", set()),
    ("Große Pläne: Dark Harbor kehrt für eine zweite Staffel zurück", "", set()),  # "ß" → "ss"
    # … but a month, a season word or a sentence's first word is no part of a name.
    ("HBO renews Succession in March", "", {24}),
    ("Evil renewed for Season 5 at Paramount+", "", {9}),
    ("Is Evil renewed for season 5?", "", {9}),
    ("BBC renews Friends UK for a second season", "", {10}),
    # A possessive owns the season a few words on; a new series is another show.
    ("After Evil's Surprise Renewal, the Cast Celebrates", "", {9}),
    ("Dark's creators unveil their next series", "", set()),
    ("Dark-Fans aufgepasst: Netflix verlängert Dark um eine Staffel", "", {1}),
    # Plain lower-case words are no title.
    ("HBO cancels dark comedy pilots", "", set()),
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
    ("‘NCIS: Hawaii’ and ‘NCIS: Origins’ cancelled", "", {20}),
    # "&" is written out, too.
    ("‘Derry Girls’ & ‘Money Heist’ renewed", "", {8, 14}),
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


def test_ampersand_titles_and_spinoffs_written_apart() -> None:
    matcher = SeriesMatcher(
        [
            CatalogueTitle(1, "Will & Grace", primary=True),
            CatalogueTitle(2, "Yellowstone", primary=True),
            CatalogueTitle(3, "1923", primary=True),
        ]
    )
    assert matcher.match("‘Will and Grace’ revival officially a go at NBC") == {1}
    assert matcher.match("Yellowstone Spin-Off 1923: Where to Watch") == {3}


def test_a_specific_title_is_found_without_its_leading_article() -> None:
    matcher = SeriesMatcher(
        [
            CatalogueTitle(1, "The X-Files", primary=True),
            CatalogueTitle(2, "The Pitt", primary=True),
            CatalogueTitle(3, "The Crown", primary=True),
        ]
    )
    assert matcher.match("Fox revives ‘X-Files’ as an event series") == {1}
    # One word left ("Pitt", a person's name) or an everyday one ("Crown") is not the title.
    assert matcher.match("Brad Pitt joins a new drama") == set()
    assert matcher.match("Crown jewels stolen in Paris") == set()
    # A known name keeps its words without its article too.
    walking = SeriesMatcher(
        [CatalogueTitle(1, "Walking Dead: World", primary=True)],
        known_names=["The Walking Dead: World Beyond"],
    )
    assert walking.match("‘Walking Dead: World Beyond’ renewed") == set()


def test_one_specific_word_without_its_article_needs_the_evidence_of_an_everyday_title() -> None:
    matcher = SeriesMatcher(
        [
            CatalogueTitle(1, "Der Bergdoktor", primary=True),
            CatalogueTitle(2, "The Punisher", primary=True),
            CatalogueTitle(3, "Die Wespe", primary=True),
        ]
    )
    assert matcher.match("Keine Überraschung: «Bergdoktor» meldet sich im Januar zurück") == {1}
    assert matcher.match("Netflix Cancels 'Punisher' and 'Jessica Jones'") == {2}
    assert matcher.match("Bergdoktor bekommt eine neue Staffel") == {1}
    # Unquoted and not the subject of series news: a plain noun or a name.
    assert matcher.match("Ein Bergdoktor rettet zwei Wanderer am Dachstein") == set()
    assert matcher.match("Eine Wespe stach den Moderator live im Studio") == set()
    assert matcher.match("Marvel plans a Punisher cameo in the new film") == set()


def test_a_german_title_is_found_in_its_oblique_form_with_evidence() -> None:
    matcher = SeriesMatcher(
        [
            CatalogueTitle(1, "Der letzte Bulle", primary=True),
            CatalogueTitle(2, "Die Vorstadtweiber", primary=True),
            CatalogueTitle(3, "Der Bestatter", primary=True),
            CatalogueTitle(4, "Der Alte", primary=True),
            CatalogueTitle(5, "Die Toten vom Bodensee", primary=True),
        ]
    )
    assert matcher.match("Henning Baum als „letzten Bullen“, bevor Sat.1 die Serie einstellte") == {
        1
    }
    assert matcher.match("Ein Abschied bei den „Vorstadtweibern“") == {2}
    assert matcher.match("Die letzte Staffel des „Bestatters“ startet im Januar") == {3}
    # Without evidence a plain phrase; a one-word plain title ("Alte") gets no such form.
    assert matcher.match("Die Rückkehr des letzten Bullen ins Revier") == set()
    assert matcher.match("Ein Fest für die „Alten“ im Dorf") == set()
    # Only the leading noun phrase is inflected: no "Bodenseen".
    assert matcher.match("„Toten vom Bodenseen“ bekommt eine neue Staffel") == set()


def test_a_title_ending_in_its_genre_is_found_in_the_plural_of_its_films() -> None:
    matcher = SeriesMatcher(
        [CatalogueTitle(1, "Der Eifelkrimi", primary=True),
         CatalogueTitle(2, "Der Moor-Krimi", primary=True)]
    )  # fmt: skip
    teaser = "Die Dreharbeiten zu den nächsten Eifelkrimis beginnen im Herbst im ZDF."
    assert matcher.match("Neue Fälle in der Vulkaneifel", teaser) == {1}
    assert matcher.match("Quoten: Die Moor-Krimis bleiben vorn im Ersten") == {2}


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


def test_ballard_renewal_named_in_the_teaser_reaches_ballard_not_its_parent() -> None:
    found = MATCHER.match(
        '"Bosch: Legacy"-Spin-off mit Maggie Q endlich verlängert',
        "Amazon verlängert die Krimiserie um Detective Renée Ballard (Maggie Q) um eine zweite "
        "Staffel. Zuvor lief Bosch sieben Jahre lang.",
    )
    assert found == {13}


def test_specific_titles_count_anywhere_in_the_headline_and_the_teasers_opening() -> None:
    matcher = SeriesMatcher(
        [
            CatalogueTitle(1, "Yellowstone", primary=True),
            CatalogueTitle(2, "Severance", primary=True),
            CatalogueTitle(3, "Andor", primary=True),
        ]
    )
    assert matcher.match(
        "Kevin Costner talks about leaving Yellowstone", "The drama's star won't return."
    ) == {1}
    assert matcher.match("Apple's biggest hit: why Severance works") == {2}
    assert matcher.match("Disney+ shares first look", "Andor returns with Diego Luna.") == {3}
    # Beyond the opening sentence a teaser names other shows: a title needs quotes or a
    # series word there.
    assert matcher.match("Disney+ shares a first look", "Diego Luna stars. Like Andor.") == set()
    assert matcher.match("Disney+ shares a first look", "Luna stars. Like „Andor“.") == {3}


def test_a_rare_title_counts_alone_only_where_the_item_speaks_of_television() -> None:
    """A title that is no everyday word is also a town, a shuttle or a park: in an item that
    says nothing of screens, casts or audiences it needs the evidence an everyday title needs."""
    matcher = SeriesMatcher(
        [CatalogueTitle(1, "Stralsund", primary=True), CatalogueTitle(2, "Yellowstone", True)]
    )
    town = "Die Stralsunder Bürgerschaft nach der Wahl: Stralsund ordnet sich neu"
    assert matcher.match(town, "Zwei Einzelkandidaten ziehen ins Stadtparlament ein.") == set()
    assert matcher.match("Bison herd in Yellowstone grows to 6,000", "Rangers count.") == set()
    # The same words with television around them, in the headline or the teaser.
    assert matcher.match(town, "Der ZDF-Krimi dreht dort seinen 20. Fall.") == {1}
    assert matcher.match("Stralsund bekommt ein neues Gesicht", "Die Kultsendung im Ersten") == {1}
    assert matcher.match("Kevin Costner is leaving Yellowstone", "His role ends.") == {2}
    assert matcher.match("Yellowstone season 5 part 2 sets its date") == {2}
    # Quotes or a series word still name the series in a text about nothing else.
    assert matcher.match("Stralsund: Ein Ort voller Geschichte, auch für „Stralsund“") == {1}


NCIS_TITLES = [CatalogueTitle(1, "NCIS", primary=True), CatalogueTitle(2, "Dark", primary=True)]


def test_a_longer_known_title_wins_over_a_followed_one() -> None:
    matcher = SeriesMatcher(NCIS_TITLES, known_names=["NCIS: Los Angeles", "NCIS: Hawai'i"])
    assert matcher.match("NCIS: Los Angeles Cancelled at CBS, Will End With Season 14") == set()
    assert matcher.match("NCIS renewed for season 23") == {1}
    assert matcher.match("‘NCIS’ and ‘NCIS: Los Angeles’ renewed") == {1}
    # Without the world's names the matcher cannot know better.
    assert SeriesMatcher(NCIS_TITLES).match("NCIS: Los Angeles cancelled") == {1}


def test_an_everyday_known_name_blocks_only_where_it_is_a_mention() -> None:
    # "Dark Night" (known, everyday words) is plain language in the first headline: it must
    # not hide the followed Dark; quoted it is another show.
    matcher = SeriesMatcher(NCIS_TITLES, known_names=["Dark Night", "Dark", "NCIS"])
    assert matcher.match("„Dark“: Night shoots for the prequel wrapped") == {2}
    assert matcher.match("Dark night ahead: Dark renewed for season 4") == {2}
    assert matcher.match("‘Dark Night’ renewed for season 2") == set()
    # Names already followed are not counted as known.
    assert (matcher.followed, matcher.known, matcher.size) == (2, 1, 3)


EVERYDAY = SeriesMatcher(
    [
        CatalogueTitle(1, "Dark", primary=True),
        CatalogueTitle(2, "You", primary=True),
        CatalogueTitle(3, "Lost", primary=True),
        CatalogueTitle(4, "Evil", primary=True),
        CatalogueTitle(5, "Berlin", primary=True),
        CatalogueTitle(6, "Friends", primary=True),
    ]
)

EVERYDAY_CASES = [
    # Plain language: no evidence that a series is meant.
    ("Dark clouds gather over the streaming market", set()),
    ("Why you should watch more documentaries", set()),
    ("Lost luggage: airlines promise better tracking", set()),
    ("Evil twins and other soap tropes", set()),
    ("Berlin bekommt neue Fahrradwege", set()),
    ("Berlin bekommt ein neues Festival für Serien", set()),
    ("Friends and family plans get pricier", set()),
    # Evidence in the clause, not only beside the title.
    ("Dark will get a third and final season", {1}),
    ("Dark geht 2020 in die letzte Runde", {1}),
    ("Lost comes to an end after six seasons", {3}),
    ("Evil won't return for a fifth season", {4}),
    ("Netflix’s Dark gets a fourth season", {1}),
    # A season beside the title after "with", as after "mit"; an ellipsis ends a clause.
    ("Paramount+ closes out Evil with season 4", {4}),
    ("A friend with seasonal allergies", set()),
    ("Big news at Paramount+…Evil will end with a shortened fourth season", {4}),
    ("Big news at Paramount…evil will end", set()),
    ("The dark side of streaming gets a season of its own", set()),
    # An English everyday word in a German headline is a name.
    ("Netflix zeigt Dark jetzt in 4K", {1}),
    ("Warum Friends noch immer funktioniert", {6}),
    # A word that only folds to the title is another word.
    ("Kommissarin löst den Fall in der neuen Staffel", set()),
    # A title listed beside a mention is one too; a genre before a title names it.
    ("Renewed: Dark, Lost and Evil", {1, 3, 4}),
    ("The mystery drama Lost gets a documentary", {3}),
    # A title that is a clause of its own is about what follows it.
    ("Lost, the ABC mystery series, ends with season 6", {3}),
    ("Lost, found and lost again: a suitcase story", set()),
    # Function words need evidence right beside them.
    ("You renewed for a fifth and final season", {2}),
    ("Will you stay for the season finale?", set()),
    # A dateline is where a report was written, not its subject.
    ("Berlin (dpa) - Das ZDF stellt „Der Alte“ ein", set()),
    ("Berlin. Das ZDF macht Schluss mit seiner Krimiserie", set()),
    ("Berlin (AP) – Netflix verlängert die Serie um eine zweite Staffel", set()),
    ("Berlin geht in die zweite Staffel", {5}),
    # A bracket after the title that names a season is no dateline.
    ("Berlin (Staffel 2) – Kritik", {5}),
    ("Berlin. Staffel 2 startet im Mai", {5}),
    # Quoted or opening the headline before a colon.
    ("„Berlin“ räumt beim Fernsehpreis ab", {5}),
    ("Berlin: Netflix bestätigt die zweite Staffel", {5}),
]


@pytest.mark.parametrize(("title", "expected"), EVERYDAY_CASES)
def test_everyday_titles_need_evidence(title: str, expected: set[int]) -> None:
    assert EVERYDAY.match(title) == expected


def test_numbers_that_count_episodes_and_lists_in_the_teaser() -> None:
    matcher = SeriesMatcher(
        [
            CatalogueTitle(1, "24", primary=True),
            CatalogueTitle(2, "Kenan", primary=True),
            CatalogueTitle(3, "Mr. Mayor", primary=True),
        ]
    )
    assert matcher.match("The end is near", "It airs a 24-episode final season.") == set()
    assert matcher.match(
        "NBC cancels two sitcoms",
        "Two sitcoms got the axe. NBC has cancelled both Kenan and Mr. Mayor.",
    ) == {2, 3}


def test_an_accented_alias_makes_accented_spellings_the_title() -> None:
    """TVmaze says "Elite", the German press "Élite" (or, mistyped, "Èlite"): all one series.
    "Lost" has no accented spelling, so "löst" stays another word."""
    matcher = SeriesMatcher(
        [
            CatalogueTitle(1, "Elite", primary=True),
            CatalogueTitle(1, "Élite", primary=False),
            CatalogueTitle(2, "Lost", primary=True),
        ]
    )
    assert matcher.match("„Élite“: Netflix beendet die Serie nach acht Staffeln") == {1}
    assert matcher.match("„Èlite“ auf Netflix: Staffel 8 ist die letzte") == {1}
    assert matcher.match("„Elite“ geht in die letzte Staffel") == {1}
    assert matcher.match("Netflix löst Staffel-Rätsel um neue Serie") == frozenset()


def test_an_article_may_open_the_last_title_of_a_list() -> None:
    matcher = SeriesMatcher(
        [
            CatalogueTitle(1, "Kaleidoscope", primary=True),
            CatalogueTitle(2, "Rutherford Falls", primary=True),
            CatalogueTitle(3, "Saved by the Bell", primary=True),
        ]
    )
    teaser = (
        "Fans are upset. The streamer drops several comedies, among them Kaleidoscope, "
        "Rutherford Falls and the Saved by the Bell reboot."
    )
    assert matcher.match("Peacock cleans house", teaser) == {1, 2, 3}


def test_an_everyday_title_with_an_apposition_is_the_subject_of_the_next_clause() -> None:
    matcher = SeriesMatcher([CatalogueTitle(1, "Dark", primary=True)])
    assert matcher.match("Dark, the German mystery hit, will end after its third season") == {1}
    assert matcher.match("Dark, cold nights, long queues: winter comes to the island") == set()


def test_a_possessive_inside_the_quotes_is_still_the_title() -> None:
    matcher = SeriesMatcher([CatalogueTitle(1, "Dark", primary=True)])
    assert matcher.match("‘Dark’s’ third season will be the last") == {1}
    assert matcher.match("‘Dark Matter’ season 2 ordered") == set()


def test_an_apposition_that_calls_an_everyday_title_a_series_is_evidence() -> None:
    matcher = SeriesMatcher(
        [CatalogueTitle(1, "Dark Winds", primary=True), CatalogueTitle(2, "You", primary=True)]
    )
    teaser = (
        "A new AMC series has been renewed. Dark Winds, an intense western thriller, "
        "will be coming back for more episodes."
    )
    assert matcher.match("AMC renews its freshman drama", teaser) == {1}
    you = "A streamer renews a show. You, the fans of the series, are thrilled."
    assert matcher.match("Another streamer renewal", you) == set()
    winds = "Storms are coming. Dark winds, the forecasters say, will sweep the coast."
    assert matcher.match("Weather warning for the weekend", winds) == set()


def test_a_dateline_whose_word_folds_longer_is_still_one() -> None:
    """ "Straße" folds to "strasse": the dateline's full stop is found in the source all the
    same."""
    matcher = SeriesMatcher([CatalogueTitle(7, "Straße", primary=True)])
    assert matcher.match("Straße. Das ZDF macht Schluss mit seiner Krimiserie") == set()
    assert matcher.match("Straße (dpa) - Das ZDF stellt die Serie ein") == set()


def test_at_the_box_office_a_title_is_the_film_unless_a_series_word_stands_beside_it() -> None:
    matcher = SeriesMatcher(
        [
            CatalogueTitle(1, "The Flash", primary=True),
            CatalogueTitle(2, "Yellowstone", primary=True),
        ]
    )
    assert matcher.match("Ezra Miller's 'The Flash' Off to Slow Start at Box Office") == set()
    teaser = "One bright spot at the weekend box-office is Wes Anderson's film."
    assert matcher.match("Miller’s ‘The Flash’ Faces Trouble", teaser) == set()
    assert matcher.match("„Yellowstone“-Film stürmt die Kinocharts") == set()
    assert matcher.match("‘The Flash’ season 9 beats the box office of its film") == {1}
    assert matcher.match("Miller’s ‘The Flash’ faces trouble") == {1}


def test_a_title_that_is_an_auxiliary_verb_needs_quotes_or_to_open_the_headline() -> None:
    matcher = SeriesMatcher([CatalogueTitle(1, "Will", primary=True)])
    assert matcher.match("‘The Good Place’ Season 4 Will Premiere In September") == set()
    assert matcher.match("‘The Order’ Season 3: Is it Coming, or Will the Series End?") == set()
    assert matcher.match("TNT cancels ‘Will’ after one season") == {1}
    assert matcher.match("Will: Season 1 review of TNT's Shakespeare drama") == {1}


def test_a_title_credited_to_a_person_in_the_teaser_is_not_the_subject() -> None:
    matcher = SeriesMatcher(
        [
            CatalogueTitle(1, "The Equalizer", primary=True),
            CatalogueTitle(2, "Lethal Weapon", primary=True),
        ]
    )
    teaser = "The latest draft is written by The Equalizer screenwriter Richard Wenk."
    assert matcher.match("Mel Gibson to direct a fifth ‘Lethal Weapon’", teaser) == {2}
    teaser = "The new draft is by The Equalizer's creator Richard Lindheim."
    assert matcher.match("Mel Gibson to direct a fifth ‘Lethal Weapon’", teaser) == {2}
    teaser = "The Equalizer returns for a fifth season on CBS."
    assert matcher.match("Queen Latifah is back", teaser) == {1}
    # In the headline the credit is news of the series' people.
    assert matcher.match("The Equalizer showrunner leaves CBS drama") == {1}


def test_an_everyday_title_written_as_a_name_in_sentence_case_is_a_mention() -> None:
    matcher = SeriesMatcher(
        [
            CatalogueTitle(1, "Outer Banks", primary=True),
            CatalogueTitle(2, "The Rookie", primary=True),
            CatalogueTitle(3, "Lethal Weapon", primary=True),
        ]
    )
    assert matcher.match("Outer Banks is coming back this year.") == {1}
    assert matcher.match("More The Rookie is on the way.") == {2}
    assert matcher.match("Fans cheer", "Netflix has signed the Outer Banks show for more.") == {1}
    # Plain words or a title-case headline: the capitals tell nothing.
    assert matcher.match("The outer banks of the river flooded overnight.") == set()
    assert matcher.match("Outer Banks Flood Warning Issued For Weekend") == set()
    # A name beside a number or another work's word is that work: a film of the same name.
    assert matcher.match("Mel Gibson is set to direct Lethal Weapon 5 next year.") == set()
    assert matcher.match("Mel Gibson returns to the Lethal Weapon franchise.") == set()
    assert matcher.match("Gibson will direct the fifth installment of Lethal Weapon.") == set()


def test_a_dateline_before_a_quoted_title_is_no_mention_nor_one_of_a_list() -> None:
    matcher = SeriesMatcher(
        [CatalogueTitle(1, "Berlin", primary=True), CatalogueTitle(2, "Dark", primary=True)]
    )
    assert matcher.match("Berlin. „Dark“ feiert demnächst Jubiläum.") == {2}
    assert matcher.match("Berlin. 'Dark' feiert demnächst Jubiläum.") == {2}
    assert matcher.match("„Berlin“, „Dark“: Netflix verlängert zwei Serien") == {1, 2}


def test_an_everyday_title_asked_about_after_an_auxiliary_is_the_subject() -> None:
    matcher = SeriesMatcher([CatalogueTitle(1, "Evil", primary=True)])
    assert matcher.match("Has Evil Been Renewed for Season 5 or Not?") == {1}
    assert matcher.match("Is the Evil renewed for season 5?") == {1}
    # Not a question, or the auxiliary not right before it: no subject.
    assert matcher.match("Has Evil Been Renewed for Season 5.") == set()
    assert matcher.match("Has good defeated evil in the season finale?") == set()


def test_two_commas_typed_for_the_low_opening_quote_open_a_quote() -> None:
    matcher = SeriesMatcher([CatalogueTitle(1, "Frühling", primary=True)])
    assert matcher.match("Selten gab es einen solchen Hype wie bei ,,Frühling“.") == {1}
    assert matcher.match("Selten gab es einen solchen Hype wie im Frühling.") == set()


def test_a_leading_clause_that_names_the_seasons_makes_the_next_subject_the_series() -> None:
    matcher = SeriesMatcher([CatalogueTitle(1, "Zoo", primary=True)])
    assert matcher.match("After three seasons on CBS, Zoo is coming to a close.") == {1}
    assert matcher.match("After three weeks of renovation, Zoo is reopening its gates.") == set()


def test_an_everyday_title_that_is_the_whole_headline_or_follows_its_label_is_named() -> None:
    matcher = SeriesMatcher([CatalogueTitle(1, "Empire", primary=True)])
    assert matcher.match("Empire") == {1}
    assert matcher.match("Returning: Empire") == {1}
    assert matcher.match("First look: Empire") == {1}
    # Not the whole headline, or after more than a label.
    assert matcher.match("Empire state of mind") == set()
    assert matcher.match("The fall of Rome: a story of empire") == set()


def test_the_genitive_of_a_one_word_title_counts_in_quotes_only() -> None:
    matcher = SeriesMatcher(
        [CatalogueTitle(1, "Frühling", primary=True), CatalogueTitle(2, "Berlin", primary=True)]
    )
    assert matcher.match('Drei Folgen der "Frühlings"-Reihe liefen im ZDF.') == {1}
    assert matcher.match("Neue Filme der „Berlins“-Reihe angekündigt") == {2}
    # Unquoted it is the plain word's genitive.
    assert matcher.match("Die ersten Tage des Frühlings bringen neue Serien") == set()
    assert matcher.match("Berlins neue Serie über die Spree") == set()


def test_a_german_compound_for_a_series_before_a_title_names_it() -> None:
    matcher = SeriesMatcher([CatalogueTitle(1, "Fallout", primary=True)])
    assert matcher.match("Neue Bilder zur zweiten Staffel der Erfolgsserie Fallout") == {1}
    assert matcher.match("Die Krimireihe Fallout kehrt im Mai zurück") == {1}
    assert matcher.match("Nach dem Fallout der Affäre zieht die Partei Konsequenzen") == set()


def test_an_owners_possessive_may_stand_between_a_series_word_and_the_title() -> None:
    matcher = SeriesMatcher([CatalogueTitle(1, "Claws", primary=True)])
    headline = "The fourth and final season of TNT's Claws will premiere on Sunday, Dec. 26."
    assert matcher.match(headline) == {1}
    assert matcher.match("Die neue Staffel von TNT's Claws startet im Dezember") == {1}
    # A possessive beside no series word, or across a clause, names nothing.
    assert matcher.match("The cat showed the neighbour's claws to the vet") == set()
    assert matcher.match("After the season, the lion's claws were trimmed") == set()


def test_no_owner_before_a_title_when_s_means_is_and_no_name_before_a_persons_credit() -> None:
    matcher = SeriesMatcher(
        [CatalogueTitle(1, "Friends", primary=True), CatalogueTitle(2, "Evil", primary=True),
         CatalogueTitle(3, "Modern Family", primary=True)]
    )  # fmt: skip
    assert matcher.match("HBO Max orders a new comedy series that's Friends for Gen Z") == set()
    assert matcher.match("Netflix orders new series. What's Evil about it?") == set()
    assert matcher.match("Modern Family star Sofia Vergara joins Netflix drama") == set()
    assert matcher.match("Modern Family is coming back for a reunion special") == {3}


def test_a_quoted_title_may_end_in_its_own_marks() -> None:
    """„Wetten, dass..?“ and "Jeopardy!" are quoted with their marks inside the quotes."""
    matcher = SeriesMatcher(
        [CatalogueTitle(1, "Wetten, dass..?", primary=True), CatalogueTitle(2, "Jeopardy!", True)]
    )
    assert matcher.match('Der ZDF-Klassiker "Wetten, dass..?" kommt zurück.') == {1}
    assert matcher.match("Die TV-Sendung „Wetten dass...?“ kommt zurück ins Fernsehen.") == {1}
    assert matcher.match("Why the quiz show “Jeopardy!” changed its host") == {2}
    # Unquoted inside a sentence, the everyday words are no title.
    assert matcher.match("Er sagt: wetten, dass der Sender zögert?") == set()


def test_a_show_noun_or_a_telenovela_before_an_everyday_title_names_it() -> None:
    matcher = SeriesMatcher(
        [CatalogueTitle(1, "Luther", primary=True), CatalogueTitle(2, "Revolution", True),
         CatalogueTitle(3, "Hand aufs Herz", primary=True), CatalogueTitle(4, "Berlin", True)]
    )  # fmt: skip
    assert matcher.match("Idris Elba returns for a fifth series of the hit show Luther") == {1}
    teaser = "Although his new show Revolution was picked up, another show was axed."
    assert matcher.match("Fox cancels Abrams show", teaser) == {2}
    assert matcher.match("Mit der Absetzung der Sat.1-Telenovela Hand aufs Herz") == {3}
    assert matcher.match("Luther, the gritty crime show, is back for a film") == {1}
    # The verb "show" before a title, or "show" after it, names nothing.
    assert matcher.match("New figures show Berlin is growing faster than Munich") == set()
    assert matcher.match("Protesters show Luther quotes at the rally") == set()
    assert matcher.match("Die Revolution ist eine Show für sich") == set()
    assert matcher.match("Hand aufs Herz, sagt die Moderatorin nach der Show") == set()


def test_an_everyday_title_opening_a_teaser_clause_of_series_news_is_the_subject() -> None:
    matcher = SeriesMatcher(
        [CatalogueTitle(1, "Ghosts", primary=True), CatalogueTitle(2, "Nashville", True),
         CatalogueTitle(3, "Arrested Development", primary=True), CatalogueTitle(4, "You", True)]
    )  # fmt: skip
    ghosts = "Ghosts has been renewed for a fourth season on the network."
    assert matcher.match("CBS isn't letting the spirits go yet.", ghosts) == {1}
    later = "It's back. Arrested Development was cancelled after just three seasons on Fox."
    assert matcher.match("It's finally back.", later) == {3}
    assert matcher.match("The song has ended.", "Nashville has been canceled by CMT.") == {2}
    # Not the clause's subject, no series news, or a title of function words only.
    town = "The tour ends in Tennessee. Then Nashville hosts the awards for the third time."
    assert matcher.match("Country stars on the road", town) == set()
    spirits = "Halloween is near. Ghosts haunt the old manor every night."
    assert matcher.match("A spooky weekend", spirits) == set()
    fans = "Streamers renew shows. You will get a new season of it."
    assert matcher.match("A week of renewals", fans) == set()


def test_an_everyday_title_opening_a_clause_of_series_news_after_that_is_its_subject() -> None:
    matcher = SeriesMatcher(
        [CatalogueTitle(1, "Ghosts", primary=True), CatalogueTitle(2, "Nashville", True)]
    )
    assert matcher.match("The network has announced that Ghosts will end next year") == {1}
    later = "Fans had hoped for more. CBS said on Monday that Ghosts has been renewed again."
    assert matcher.match("Good news for the spirits", later) == {1}
    german = "Der Sender hat bestätigt, dass Nashville abgesetzt wird."
    assert matcher.match("Aus für die Musiker", german) == {2}
    # "that" after a noun is a pronoun: the fans' title opens no clause there.
    assert matcher.match("The spin-off that Ghosts fans wanted has been cancelled") == set()
    # After "that" the clause must still tell series news about the title.
    town = "We learned that Nashville hosts the awards again this year."
    assert matcher.match("Country stars on the road", town) == set()


def test_a_quoted_title_with_a_subtitle_after_a_dash_beside_a_series_word_is_named() -> None:
    matcher = SeriesMatcher(
        [CatalogueTitle(1, "Stralsund", primary=True), CatalogueTitle(2, "You", primary=True),
         CatalogueTitle(3, "Yellowstone", primary=True), CatalogueTitle(4, "Bosch", True)]
    )  # fmt: skip
    assert matcher.match('Der Krimi "Stralsund – Das Manifest" ließ Fragen offen.') == {1}
    assert matcher.match("Die Netflix-Serie «You – Du liebst mich» startet.") == {2}
    # Without a series word it may be a documentary or a book of the same name; after a
    # colon it is a spin-off.
    assert matcher.match("„Yellowstone – Bären, Bisons, Wölfe“ im Ersten") == set()
    assert matcher.match("Das Buch „Stralsund – Eine Stadtgeschichte“ erscheint.") == set()
    assert matcher.match("Die Serie „Bosch: Legacy“ wird verlängert.") == set()


def test_an_everyday_title_quoted_before_a_capitalised_subtitle_is_named() -> None:
    """„Gegen den Wind – Die Schuld“: a film of the series, its own title after the dash; the
    quotes hold the series' title as they would hold it alone."""
    matcher = SeriesMatcher([CatalogueTitle(1, "Gegen den Wind", primary=True)])
    opening = "Am Sonntag spielt er in „Gegen den Wind – Die Schuld“ einen Ermittler."
    assert matcher.match("Ein Abend mit Heino Berg", opening) == {1}
    later = "Sie sind wieder da. Im Film „Gegen den Wind – Letzte Runde“ streiten sie weiter."
    assert matcher.match("Das Ehepaar ist zurück", later) == {1}
    assert matcher.match('Nach Jahren kehrt "Gegen den Wind - Tag der Rache" zurück') == {1}
    # A subtitle in lower case describes a book or a record: no episode's title.
    assert matcher.match('"Gegen den Wind - ein Leben am Meer" von Anna Berg') == set()


def test_a_title_ending_in_a_hyphenated_genre_or_show_calls_itself_a_series() -> None:
    matcher = SeriesMatcher(
        [CatalogueTitle(1, "Der Barcelona-Krimi", primary=True),
         CatalogueTitle(1, "Barcelona-Krimi", primary=False),
         CatalogueTitle(2, "heute-show", primary=True),
         CatalogueTitle(3, "The Morning Show", primary=True)]
    )  # fmt: skip
    headline = "Mit dem Barcelona-Krimi „Blutiger Beton“ gewinnt das Erste den Donnerstag"
    assert matcher.match(headline) == {1}
    teaser = "Die Heute-Show kommt mit einer längeren Ausgabe aus der Pause."
    assert matcher.match("Oliver Welke bekommt zehn Minuten mehr", teaser) == {2}
    # Written apart the words are a phrase: a show this morning, a crime novel.
    assert matcher.match("Local Radio Host Leaves Her Morning Show After 20 Years") == set()
    assert matcher.match("Was lief heute? Show und Krimi im Überblick") == set()


def test_an_accented_title_without_its_article_is_found_as_written() -> None:
    """ "Die Pfefferkörner" as „Pfefferkörner“ or „Pfefferkörnern“: its accents are the title's
    own, not another word's (as "löst" is beside "Lost")."""
    matcher = SeriesMatcher([CatalogueTitle(1, "Die Pfefferkörner", primary=True)])
    assert matcher.match("Neue Staffel der Pfefferkörner") == {1}
    assert matcher.match("Neue Folgen mit den „Pfefferkörnern“") == {1}
    assert matcher.match("Neue Staffel der Pfefferkorner") == {1}  # typed without accents
    assert matcher.match("Pfefferkörner im Garten: so gedeihen sie") == set()


def test_in_an_item_about_records_a_title_is_the_song_unless_called_a_series() -> None:
    """As at the box office, a title among singles, albums and charts is the song."""
    matcher = SeriesMatcher(
        [CatalogueTitle(1, "Poker Face", primary=True), CatalogueTitle(2, "Stranger Things", True)]
    )
    song = "Gaga releases her single Poker Face from her album The Fame."
    assert matcher.match("Poker Face", song) == set()
    assert matcher.match("Poker Face renewed for season 2", "Peacock orders more.") == {1}
    # A series word beside the title still names the series, records or not.
    charts = "The single is back in the charts, thanks to the Netflix series."
    assert matcher.match("Stranger Things season 4 sends an old song up the charts", charts) == {2}
    # One music word alone is no record: TV news speaks of theme songs and soundtracks.
    assert matcher.match("Poker Face: the theme song, explained", "Peacock's mystery show.") == {1}


def test_a_track_or_a_recording_is_a_word_of_records_too() -> None:
    """A track climbing the charts, a recording industry's award: the title is the song."""
    matcher = SeriesMatcher([CatalogueTitle(1, "Velvet Orchard", primary=True)])
    track = 'The band released a new mix of "Velvet Orchard", pushing the track up the charts.'
    assert matcher.match("A summer hit returns", track) == set()
    award = "The recording industry honoured the hit single with an award."
    assert matcher.match("'Velvet Orchard' goes gold", award) == set()
    assert matcher.match("'Velvet Orchard' renewed for season 2", "The network orders more.") == {1}


def test_a_one_word_title_in_a_persons_full_name_in_german_is_the_person() -> None:
    """ "Bastian Pastewka", "Maren Kroymann", "Mila Kunis": a capitalised word right before or
    after a one-word title makes a person's name, unless a noun with its article, a genre, a
    series word or quotes call it the series."""
    matcher = SeriesMatcher(
        [CatalogueTitle(1, "Pastewka", primary=True),
         CatalogueTitle(2, "Kroymann", primary=True),
         CatalogueTitle(3, "Mila", primary=True),
         CatalogueTitle(4, "Derrick", primary=True),
         CatalogueTitle(5, "Reacher", primary=True)]
    )  # fmt: skip
    serie = "Am Donnerstag startet die Serie bei Amazon Prime Video."
    duo = "Anke Engelke und Bastian Pastewka spielen in „Perfekt verpasst“ zwei Menschen."
    assert matcher.match(duo, serie) == set()
    assert matcher.match("Bastian Pastewka und Anke Engelke: Neue Details zur Serie") == set()
    sketch = "Im März schickt Das Erste eine Sketch-Comedy mit Maren Kroymann auf Sendung."
    assert matcher.match(sketch, "Die Serie hat sechs Folgen.") == set()
    assert matcher.match("Mila Kunis (42) spricht über ihre Serie", "Sie dreht wieder.") == set()
    # The series itself: alone, quoted, beside a series word or a genre with its article.
    assert matcher.match("Pastewka: Staffel 10 kommt", serie) == {1}
    assert matcher.match("Kroymann kehrt zurück", serie) == {2}
    # A sentence's first word has its capital anyway: an everyday one is no given name.
    assert matcher.match("Endlich Kroymann im Ersten", serie) == {2}
    assert matcher.match("Die Comedy Pastewka geht in die zehnte Runde", serie) == {1}
    assert matcher.match("Bastian Pastewka dreht eine neue Pastewka-Staffel") == {1}
    assert matcher.match("Bastian Pastewka über das Ende der Sitcom „Pastewka“") == {1}
    # A compound noun is in no word list, so no given name: a character's rank.
    krimi = "Die Fernsehkrimis um Oberinspektor Derrick waren ein Riesenerfolg im ZDF."
    assert matcher.match("Vor 25 Jahren lief die letzte Folge", krimi) == {4}
    # English news name a series' hero in full: the rule is German only.
    assert matcher.match("Jack Reacher has more cases to solve", "The series returns.") == {5}


def test_a_one_word_title_as_the_given_name_of_an_owner_or_a_credited_person_is_the_person() -> (
    None
):
    """In English a one-word title is a given name where the full name owns something
    ("Corwin Hale's new thriller", "Corwin Haynes' drama") or a person's noun stands before it
    ("star Corwin Hale"), even after a season; the series' hero named in full is the series."""
    matcher = SeriesMatcher(
        [CatalogueTitle(1, "Corwin", primary=True), CatalogueTitle(2, "Reacher", primary=True)]
    )
    teaser = "The series returns to the network in May."
    assert matcher.match("Corwin Hale's new thriller has been renewed", teaser) == set()
    assert matcher.match("Corwin Haynes' drama gets a premiere date", teaser) == set()
    assert matcher.match("The second season of Corwin Hale's anthology series", teaser) == set()
    assert matcher.match("Exclusive Interview: Drama Star Corwin Hale", teaser) == set()
    assert matcher.match("Corwin has been renewed for a second season", teaser) == {1}
    assert matcher.match("Corwin's third season premieres in May", teaser) == {1}
    assert matcher.match("Jack Reacher's next case: season 3 is coming", teaser) == {2}
    # What a hero named in full owns is no work: the series, as a credit's quoted title is not.
    assert matcher.match("Corwin Hale's new look revealed before season 2", teaser) == {1}
    assert matcher.match("Corwin Hale's 'Night Shift' to debut in May", teaser) == set()


def test_in_an_item_about_books_that_speaks_of_no_screen_a_title_is_the_book() -> None:
    """Books come in series too: among novels and readers, with no screen spoken of, even a
    title called a series is the book."""
    matcher = SeriesMatcher(
        [CatalogueTitle(1, "The Wheel of Time", primary=True),
         CatalogueTitle(2, "Der Greif", primary=True)]
    )  # fmt: skip
    books = "I'm speaking about the epic-length series of books. Its readers fall into three camps."
    assert matcher.match("The Wheel of Time", books) == set()
    published = (
        "First published in 1990, Robert Jordan began an epic series called The Wheel of Time."
    )
    assert matcher.match(published, "Readers experienced eleven books.") == set()
    # The adaptation: a screen spoken of beside the books.
    season = "The second season of 'The Wheel of Time' has released on Prime Video"
    assert matcher.match(season, "Based on the novels by author Robert Jordan.") == {1}
    greif = "„Der Greif“ ist jener Roman, den Prime Video für eine Verfilmung ausgesucht hat."
    assert matcher.match(greif, "Autor Wolfgang Hohlbein ist zufrieden.") == {2}


def test_in_an_item_about_games_that_speaks_of_no_screen_a_title_is_the_game() -> None:
    """A drinking game shares its name with a series: among players and cards it is the game."""
    matcher = SeriesMatcher(
        [CatalogueTitle(1, "Never Have I Ever", primary=True),
         CatalogueTitle(2, "Squid Game", primary=True)]
    )  # fmt: skip
    rules = "All players raise three fingers. The player who drew the card starts."
    assert matcher.match("Never Have I Ever", rules) == set()
    assert matcher.match("'Never Have I Ever' is one of the best drinking games") == set()
    # A screen spoken of: the series, whatever its players do.
    assert matcher.match("Squid Game: the players return", "Netflix shows the final season.") == {2}
    assert matcher.match("Never Have I Ever", "Netflix renews the teen comedy.") == {1}


def test_an_abbreviation_of_three_letters_ends_no_teaser_sentence() -> None:
    """ "The Marvelous Mrs. Maisel has been renewed": the full stop after "Mrs" is the
    abbreviation's, so the title stays whole in the teaser's opening sentence."""
    matcher = SeriesMatcher([CatalogueTitle(1, "The Marvelous Mrs. Maisel", primary=True)])
    teaser = "The Marvelous Mrs. Maisel has been renewed for a final season, Amazon said."
    assert matcher.match("Midge is dropping her mic.", teaser) == {1}
    later = "The good news: Season 5 of The Marvelous Mrs. Maisel is in the works."
    assert matcher.match("Good news time.", later) == {1}
    # A word of three letters ends a sentence as before: the next one opens with the title.
    other = "She met Mrs. Maisel there. The Marvelous Mrs. Maisel is not on the list."
    assert matcher.match("A day at the fair", other) == set()


def test_a_one_word_title_without_its_article_that_is_a_plain_word_counts_quoted() -> None:
    """ "Der Bachelor" as „Bachelor“, "Die Anstalt" as „Anstalt“: the bare word is everyday
    language, so only quotes make it the title."""
    matcher = SeriesMatcher(
        [CatalogueTitle(1, "Der Bachelor", primary=True), CatalogueTitle(2, "Die Anstalt", True)]
    )  # fmt: skip
    assert matcher.match("Alles neu beim RTL-„Bachelor“?") == {1}
    teaser = "Mehr als vier Millionen schalteten beim „Bachelor“ ein."
    assert matcher.match("Die Trennung kam nach dem Finale", teaser) == {1}
    assert matcher.match("Die neue „Anstalt“ des ZDF: weniger Merkel") == {2}
    # Unquoted it is the word: a degree, an institution.
    assert matcher.match("Ihr Bachelor in Informatik zahlt sich aus") == set()
    assert matcher.match("Die Anstalt des öffentlichen Rechts meldet Gewinne") == set()


def test_a_headline_title_without_evidence_counts_where_the_item_speaks_of_the_series() -> None:
    """The headline's one title without evidence, nothing else named, and the teaser (or the
    headline) speaks of "the soap", "the drama series", "die Krimiserie": that is the title."""
    matcher = SeriesMatcher(
        [CatalogueTitle(1, "Neighbours", primary=True), CatalogueTitle(2, "Mom", primary=True),
         CatalogueTitle(3, "House", primary=True), CatalogueTitle(4, "Evil", primary=True),
         CatalogueTitle(5, "Wednesday", primary=True), CatalogueTitle(6, "Berlin", True)]
    )  # fmt: skip
    soap = "The veteran Australian soap opera is being revived by Amazon Freevee."
    assert matcher.match("Neighbours has found a new home.", soap) == {1}
    headline = "In the fall, Anna Faris left Mom, and now, the long-running sitcom is leaving CBS."
    assert matcher.match(headline) == {2}
    # No series spoken of, or not as one named before: a film's series, a series named after
    # its noun; the title part of a longer name, a weekday, or another title quoted.
    assert matcher.match("Neighbours has found a new home.", "A family moves in.") == set()
    film = "The horror film series continues next October."
    assert matcher.match("Evil Dreams Gets Another Sequel Date", film) == set()
    assert matcher.match("Evil Dead Franchise Gets a Date", "The series continues.") == set()
    plumbers = "White House Plumbers: All About The HBO Series"
    assert matcher.match(plumbers, "The drama starts in May.") == set()
    assert matcher.match("HBO announced the date on Wednesday.", "The show returns.") == set()
    festival = "In Berlin gewinnt das Mafiadrama „The Good Mothers“."
    assert matcher.match(festival, "Die Serienreihe zeigt zwölf Titel.") == set()
    named = "The series Succession ends tonight."
    assert matcher.match("Neighbours has found a new home.", named) == set()


def test_a_soap_before_an_everyday_title_names_it() -> None:
    matcher = SeriesMatcher([CatalogueTitle(1, "Nurses", primary=True)])
    assert matcher.match("Channel 5 soap Nurses ends after 20 years on air") == {1}
    teaser = "ITV keeps its long-running soap, Nurses, on air until 2030."
    assert matcher.match("The pact is signed", teaser) == {1}
    assert matcher.match("Nurses walk out over pay at city hospitals") == set()


def test_an_everyday_title_owned_by_a_name_of_two_words_is_the_subject() -> None:
    matcher = SeriesMatcher(
        [CatalogueTitle(1, "Dinner Party", primary=True), CatalogueTitle(2, "Dallas", True)]
    )
    assert matcher.match("SKY TWO’S DINNER party is to end after 12 series.") == {1}
    assert matcher.match("Why Anna Berg's Dinner Party Was Canceled By NBC") == {1}
    # A quoted owner is another show; what it owns is a person.
    assert matcher.match("'The Keeper's' Dallas Jenkins will return for season 5") == set()
    assert matcher.match("The chef of Sky Two's dinner party will return next season") == set()


def test_a_show_named_after_the_person_is_the_series() -> None:
    matcher = SeriesMatcher([CatalogueTitle(1, "Anna Berg", primary=True)])
    headline = "Entschieden: Anna Berg darf öfter ran - ihre nach ihr benannte Talkshow wächst"
    assert matcher.match(headline) == {1}
    teaser = "Ihre gleichnamige Sendung gilt als die beste im Land."
    assert matcher.match("So fragt Anna Berg nun schon seit Jahren am Abend", teaser) == {1}
    assert matcher.match("So liest Anna Berg aus ihrem gleichnamigen Roman") == set()


def test_an_everyday_title_of_several_words_without_its_article_counts_quoted() -> None:
    """ "The Night Desk" as "Night Desk": everyday words, so only quotes make it the title."""
    matcher = SeriesMatcher([CatalogueTitle(1, "The Night Desk", primary=True)])
    assert matcher.match('US-Sender stellt Anna Bergs "Night Desk" ein') == {1}
    assert matcher.match("Why the night desk of the Times closed") == set()
    assert matcher.match("A night desk for every hotel guest") == set()
