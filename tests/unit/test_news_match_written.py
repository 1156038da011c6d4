"""What the item makes of a title: how the title is written there, what the item is about."""

from __future__ import annotations

from bot.news.match import SeriesMatcher
from bot.news.title_index import CatalogueTitle

MATCHER = SeriesMatcher(
    [
        CatalogueTitle(1, "Hailstorm", primary=True),
        CatalogueTitle(2, "nachtcafe 7", primary=True),
    ]
)


def test_a_rare_title_written_in_lower_case_is_the_plain_word() -> None:
    headline = "Orchard growers count losses after a late hailstorm ends the summer season"
    assert MATCHER.match(headline) == set()
    teaser = "The actor plays a hailstorm chaser in the new drama for the network."
    assert MATCHER.match("Casting news", teaser) == set()
    # Capitalised, quoted or in a text all in lower case it is still the title.
    assert MATCHER.match("Hailstorm renewed for a second season") == {1}
    assert MATCHER.match("Fans cheer as the network renews ‘hailstorm’") == {1}
    assert MATCHER.match("hailstorm renewed for a second season") == {1}


def test_a_title_written_in_lower_case_itself_is_found_in_lower_case() -> None:
    assert MATCHER.match("Zehn Jahre Moderation bei nachtcafe 7 im Fernsehen") == {2}


def test_an_item_about_a_book_by_its_words_names_the_book() -> None:
    """A reading, a library or a bestselling novel belong to books: with no screen spoken of,
    a title among them is the book."""
    matcher = SeriesMatcher(
        [CatalogueTitle(1, "Glasshouse Letters", True), CatalogueTitle(2, "Nebelzeit", True)]
    )
    novel = "The bestselling story is back in every library: Glasshouse Letters."
    assert matcher.match("Review: a quiet summer", novel) == set()
    reading = "Die Autorin liest in der Stadtbibliothek aus ihrer Erzählung „Nebelzeit“."
    assert matcher.match("Lesung am Montag", reading) == set()
    # With a screen spoken of it is the series again.
    assert matcher.match("Nebelzeit: Staffel 2 kommt", reading) == {2}


def test_a_days_name_after_a_season_or_premiere_is_the_date() -> None:
    """A title that is a day's name follows a season word or a premiere as the date; a
    season of it, or a renewal, still names it."""
    matcher = SeriesMatcher([CatalogueTitle(1, "Saturday", primary=True)])
    teaser = "The comedy had its season premiere Saturday night on the network."
    assert matcher.match("Ratings news", teaser) == set()
    finale = "The drama wraps its first season (Saturday, 9/8c) with a cliffhanger."
    assert matcher.match("Ratings news", finale) == set()
    assert matcher.match("Ratings news", "Fans wait for season 2 of Saturday.") == {1}
    assert matcher.match("Ratings news", "The network helped renew Saturday at last.") == {1}


def test_a_year_other_than_the_premiere_or_an_age_rating_in_brackets_names_a_film() -> None:
    """ "Title (2004)" for a series first shown in 2016, or "Title (15)", is a film of that
    name, and so is the title wherever the item names it; the series' own year is the series."""
    matcher = SeriesMatcher([CatalogueTitle(1, "Glass Harbour", True, premiered=2016)])
    teaser = "Glass Harbour is a gripping courtroom thriller with a starry cast."
    assert matcher.match("Glass Harbour (2004)", teaser) == set()
    assert matcher.match("Glass Harbour [2004]") == set()
    assert matcher.match("Glass Harbour (15)", teaser) == set()
    assert matcher.match("Glass Harbour (2016)", teaser) == {1}
    assert matcher.match("Glass Harbour (2017) returns for a second season") == {1}


def test_a_title_after_a_writers_noun_is_the_writer_all_through_the_item() -> None:
    """A series named after a novelist: "die Autorin Greta Lindholm" is the writer, and so is
    the name in the rest of the item; the series' news still names the series."""
    matcher = SeriesMatcher([CatalogueTitle(1, "Greta Lindholm", True, premiered=2001)])
    teaser = "Die britische Bestseller-Autorin Greta Lindholm ist im Alter von 90 Jahren gestorben."
    assert matcher.match("Das ZDF trauert um Greta Lindholm", teaser) == set()
    assert matcher.match("The novelist Greta Lindholm has died") == set()
    assert matcher.match("Greta Lindholm: Das ZDF zeigt zwei neue Filme der Reihe") == {1}


def test_a_title_after_a_hosts_noun_is_the_host_all_through_the_item() -> None:
    """A talk show named after its host: "TV-Moderator Jörg Weidenkamp", or "Talkmaster" before
    the host's given name and the title, is the host, and so is the name in the rest of the
    item; a shorter title inside the name is no show either. The show's news still names it."""
    matcher = SeriesMatcher(
        [CatalogueTitle(1, "Jörg Weidenkamp", True), CatalogueTitle(2, "Weidenkamp", True)]
    )
    leaving = "Der beliebte TV-Moderator Jörg Weidenkamp verlässt nach zwölf Jahren den Sender."
    assert matcher.match("Abschied nach zwölf Jahren", leaving) == set()
    back = "Nach drei Jahren Pause kehrt der Talkmaster Jörg Weidenkamp ins Fernsehen zurück."
    assert matcher.match("Weidenkamp feiert sein Comeback im Fernsehen", back) == set()
    assert matcher.match("Sat.1 setzt die Talkshow „Weidenkamp“ ab") == {2}


def test_a_title_that_is_a_word_of_series_news_is_that_word() -> None:
    """A series called "Reboot" or "Episodes": after a series word ("Season 3, Final Episodes")
    or in German text („feiert Reboot im Mai“) the title is the plain word; a headline that
    opens with it, a season of it, a network owning it or an apposition name the series."""
    matcher = SeriesMatcher(
        [CatalogueTitle(1, "Episodes", True), CatalogueTitle(2, "Reboot", True)]
    )
    assert matcher.match("'Hollow Creek' Season 3, Final Episodes To Air In June") == set()
    assert matcher.match('Die Krimiserie "Hollow Creek" feiert Reboot im Mai') == set()
    assert matcher.match("Episodes: Season 5 – a review") == {1}
    assert matcher.match("The fifth season of Episodes will be its last") == {1}
    assert matcher.match("Showtime's Episodes has been renewed for a fifth season") == {1}
    assert matcher.match("Reboot, the meta comedy series, will not return") == {2}


def test_a_headline_of_a_title_and_its_authors_name_cites_the_book() -> None:
    """ "“Glass Harbour” by A. J. Marlow" cites a book, and the title is the book all through
    the item; "by" a network, or the author named inside a longer sentence, is no citation."""
    matcher = SeriesMatcher([CatalogueTitle(1, "Glass Harbour", True)])
    teaser = "The gripping mystery starring a retired detective is back on our screens."
    assert matcher.match("“Glass Harbour” by A. J. Marlow", teaser) == set()
    assert matcher.match("Teen review: Glass Harbour by Nora Whitcombe", teaser) == set()
    assert matcher.match("“Glass Harbour” by Apple TV", teaser) == {1}
    sentence = "Fans love the new adaptation of the novel Glass Harbour by Nora Whitcombe."
    assert matcher.match(sentence, teaser) == {1}


def test_a_title_called_a_host_is_the_host_all_through_the_item() -> None:
    """ "Jörg Weidenkamp ist einer der beliebtesten Moderatoren": the predicate calls the title
    a person, the talk show's host; the show's news still names the show."""
    matcher = SeriesMatcher([CatalogueTitle(1, "Jörg Weidenkamp", True)])
    teaser = "Mehrmals die Woche ist er im Fernsehen zu sehen."
    host = "Jörg Weidenkamp ist einer der beliebtesten Talk-Moderatoren im Land."
    assert matcher.match(host, teaser) == set()
    ranks = "Jörg Weidenkamp gehört zu den erfolgreichsten Moderatoren im Fernsehen."
    assert matcher.match(ranks, teaser) == set()
    assert matcher.match("Jörg Weidenkamp is a veteran presenter", teaser) == set()
    assert matcher.match("Jörg Weidenkamp: ZDF verlängert die Talkshow", teaser) == {1}
    series = "Jörg Weidenkamp ist die Talkshow der Moderatorin Ina Beck."
    assert matcher.match(series, teaser) == {1}
    # A writer in a phrase of her own, or a quoted title, is said of the work.
    dark = SeriesMatcher([CatalogueTitle(2, "Dark", True)])
    breakthrough = "„Dark“ war der Durchbruch für die Autorin Jana Holt"
    assert dark.match(breakthrough, "Netflix zeigt die dritte Staffel.") == {2}
    hit = "Moonbase is a hit for writer Jane Doe"
    assert SeriesMatcher([CatalogueTitle(3, "Moonbase", True)]).match(
        hit, "Season 2 is coming."
    ) == {3}


def test_an_english_title_used_as_a_german_noun_is_the_noun() -> None:
    """An English everyday title in German text is a name, unless a German article or a
    compound makes it the borrowed noun ("das Upgrade", "das „Nordlicht“-Upgrade")."""
    matcher = SeriesMatcher([CatalogueTitle(1, "Upgrade", True, premiered=2020)])
    assert matcher.match("Das Upgrade der Krimiserie „Nordlicht“ kommt im Mai") == set()
    assert matcher.match("Das „Nordlicht“-Upgrade wird nicht fortgesetzt") == set()
    assert matcher.match("Upgrade wird nach zwei Staffeln nicht fortgesetzt") == {1}
    assert matcher.match("Das Upgrade-Finale wird nicht fortgesetzt") == {1}


def test_a_headline_that_is_only_the_title_needs_television_in_the_item() -> None:
    """A title that is all of a headline or opens it before a colon is the series only where
    the item speaks of television: elsewhere it is a town, a book, a dinner."""
    matcher = SeriesMatcher(
        [CatalogueTitle(1, "Quillmarsh", True), CatalogueTitle(2, "Harbour Lights", True)]
    )
    town = "A quiet market town on the river, known for its wines and its bridge."
    assert matcher.match("Quillmarsh", town) == set()
    assert matcher.match("Harbour Lights: Our Guide To Coastal Walks", "Bring good shoes.") == set()
    # With television spoken of, or the title quoted with a film's long subtitle, it is the
    # series.
    assert matcher.match("Quillmarsh", "The drama returns to the channel tonight.") == {1}
    assert matcher.match("Harbour Lights: Season two starts in May", "") == {2}
    quoted = '"Quillmarsh: Und vergib ihnen ihre alte Schuld" ist der neunte Fall des Duos.'
    assert matcher.match(quoted, "They chase a smuggler.") == {1}


def test_a_title_written_as_a_place_is_the_place_all_through_the_item() -> None:
    """A series named after a place: the place's longer name ("Cedar Falls State Park", the
    "Cedar-Falls-Nationalpark"), a part of town after it or a house number before a street is
    the place, and so is the title in the rest of the item; the series' news still names it."""
    matcher = SeriesMatcher(
        [CatalogueTitle(1, "Cedar Falls", True), CatalogueTitle(2, "Maple Street", True)]
    )
    assert matcher.match("Cedar Falls", "The TV host toured Cedar Falls State Park.") == set()
    house = "The TV host bought a house in the Cedar Falls neighbourhood."
    assert matcher.match("Cedar Falls", house) == set()
    assert (
        matcher.match("Cedar Falls", "Ein TV-Team besuchte den Cedar-Falls-Nationalpark.") == set()
    )
    assert matcher.match("TV studio site at 14 Maple Street for sale") == set()
    # A number that counts moments is no house number.
    assert matcher.match("10 Maple Street spoilers for next week", "Season 4 continues.") == {2}
    assert matcher.match("Cedar Falls renewed for a third season") == {1}
    assert matcher.match("Maple Street has been renewed for a tenth season") == {2}


def test_a_headline_of_the_title_alone_over_a_teaser_silent_on_television_names_the_thing() -> None:
    """An entry headed by the name alone is on the town, the park or the family of that name,
    and so is every other mention of it in the item, capitals or not."""
    matcher = SeriesMatcher([CatalogueTitle(1, "Harbour Lights", True)])
    village = "Harbour Lights is a fishing village on the northern coast, founded in 1620."
    assert matcher.match("Harbour Lights", village) == set()
    # With television spoken of, or with no teaser to tell, it is the series.
    assert matcher.match("Harbour Lights", "Harbour Lights returns to BBC One in May.") == {1}
    assert matcher.match("Harbour Lights") == {1}


def test_a_name_in_a_phrase_of_a_teaser_silent_on_television_is_the_place() -> None:
    """Where an item says nothing of television, a title written as a name in the teaser's
    opening is the series only where the sentence is about it: its subject, or in news of it."""
    matcher = SeriesMatcher([CatalogueTitle(1, "Harbour Lights", True)])
    walk = "Visitors came from far away to admire Harbour Lights and its lighthouse."
    assert matcher.match("A walk through the old town", walk) == set()
    assert matcher.match("A warm surprise", "Harbour Lights is funny and surprisingly warm.") == {1}
    farewell = "Everyone bids farewell to Harbour Lights after ten years."
    assert matcher.match("So long", farewell) == {1}
    # An anime is television: there a name needs nothing more.
    synopsis = "Here is the anime's official synopsis, written by the studio behind Harbour Lights."
    assert matcher.match("A first look", synopsis) == {1}


def test_an_english_item_about_films_alone_names_the_film() -> None:
    """Movies, cinemas and no word only television has: a title there is the film."""
    matcher = SeriesMatcher(
        [CatalogueTitle(1, "Night Harbour", True), CatalogueTitle(2, "Nachtfähre", True)]
    )
    cinema = "The movie follows two sisters across the bay, and the cinema was half full."
    assert matcher.match("‘Night Harbour’ review: slow and handsome", cinema) == set()
    # A season, a channel or a show of it makes it the series.
    renewed = "The movie-length finale closed the first season of the show."
    assert matcher.match("‘Night Harbour’ review: slow and handsome", renewed) == {1}
    # German calls a television film "Film" too.
    assert matcher.match("„Nachtfähre“: Kritik zum Film", "Der Film läuft am Sonntag.") == {2}


def test_an_abbreviation_with_a_capital_inside_is_not_the_plain_word() -> None:
    """ "GoT" abbreviates a title; "Got" in a title-case headline is the verb."""
    matcher = SeriesMatcher(
        [CatalogueTitle(1, "Gates of Thunder", True), CatalogueTitle(1, "GoT", False)]
    )
    assert matcher.match("Viewers Finally Got The Season Finale They Wanted") == set()
    assert matcher.match("GoT renewed for a fifth season") == {1}
    assert matcher.match("GOT RENEWED FOR A FIFTH SEASON") == {1}


def test_an_item_about_a_trade_names_the_firm() -> None:
    """Restaurants and a CEO, toys and plush: with no screen spoken of, a title among them is
    the firm of that name."""
    matcher = SeriesMatcher([CatalogueTitle(1, "Harbour Lights", True)])
    diner = "The chain now has 40 restaurants, and its CEO plans more for the coast."
    assert matcher.match("Harbour Lights is growing fast this year", diner) == set()
    # One word of a trade is no trade: a store in an item on a returning show.
    store = "Harbour Lights is back, and this time the store owner is the suspect."
    assert matcher.match("Harbour Lights is growing fast this year", store) == {1}


def test_an_item_about_music_alone_names_the_song() -> None:
    """A song, an album, a singer and no word only television has: a title is the record."""
    matcher = SeriesMatcher([CatalogueTitle(1, "Night Harbour", True)])
    assert matcher.match("Her new song ‘Night Harbour’ is out today") == set()
    # A season or a host makes it the series.
    assert matcher.match("Her new song ‘Night Harbour’ opens the second season") == {1}
    assert matcher.match("The host’s favourite song opens ‘Night Harbour’ today") == {1}


def test_a_name_in_a_headline_phrase_of_an_item_silent_on_television_is_the_place() -> None:
    """In the headline as in the teaser's opening: where nothing speaks of television, a name
    in a phrase is the place; its clause's subject, news of it, a network or a cast named with
    its players make it the series."""
    matcher = SeriesMatcher([CatalogueTitle(1, "Harbour Lights", True)])
    quiet = "Officers asked witnesses to come forward after Tuesday's break-in."
    assert matcher.match("Police hunt a suspect in the Harbour Lights robbery", quiet) == set()
    assert matcher.match("Harbour Lights is back with more silliness", quiet) == {1}
    assert matcher.match("SyFy locks down Harbour Lights", quiet) == {1}
    cast = "All is calm in Harbour Lights as fisherman Tom Reed (Sam Bright) mends his nets"
    assert matcher.match(cast, quiet) == {1}


def test_an_item_about_sport_names_the_team() -> None:
    """A league and a stadium, and nothing only television has but a season, which sport has
    too: a title there is the team or the ground."""
    matcher = SeriesMatcher([CatalogueTitle(1, "Harbour Lights", True)])
    club = "The club moves to a new stadium and joins the league in time for the new season."
    assert matcher.match("Harbour Lights to play on next season", club) == set()
    renewed = "The sports drama about a league club returns for a second season on the network."
    assert matcher.match("Harbour Lights to play on next season", renewed) == {1}


def test_the_air_is_no_airing() -> None:
    """ "In the air", "an open-air market" speak of no television; "it will air" does."""
    matcher = SeriesMatcher([CatalogueTitle(1, "Quillmoor", True)])
    market = "Its open-air market fills the square every Saturday."
    assert matcher.match("Quillmoor is the largest market town in the valley", market) == set()
    airing = "It will air every Sunday at eight."
    assert matcher.match("Quillmoor is the largest market town in the valley", airing) == {1}


def test_a_one_word_title_after_in_unquoted_in_german_is_the_place() -> None:
    """German news quote a series after "in"; unquoted, the word is the lake or the place."""
    matcher = SeriesMatcher([CatalogueTitle(1, "See", True)])
    sail = "Zum Jahreswechsel sticht das ZDF-Traumschiff mit neuem Kapitän wieder in See"
    assert matcher.match(sail) == set()
    assert matcher.match("Die Schauspielerin spielt jetzt in „See“ die Hauptrolle") == {1}


def test_a_part_someone_plays_is_the_series_only_where_no_other_is_named() -> None:
    """ "Lena Berg als Mila" in an item on another show names its character; alone, the part
    is the series of that name."""
    matcher = SeriesMatcher(
        [CatalogueTitle(1, "Mila", True), CatalogueTitle(2, "Hafenkrone", True)]
    )
    teaser = "Die Schauspielerin Lena Berg als Mila begeistert das Publikum."
    assert matcher.match("Zweite Staffel für „Hafenkrone“", teaser) == {2}
    played = "Im Mittelpunkt steht Mila, gespielt von Lena Berg, und ihre Familie."
    assert matcher.match("Zweite Staffel für „Hafenkrone“", played) == {2}
    assert matcher.match("Lena Berg als Mila: Die neue Staffel startet im Mai") == {1}


def test_a_show_about_sport_or_music_named_as_a_series_is_the_series() -> None:
    """A title beside a series word, or unquoted before the colon that opens a headline, is
    the show even in an item full of football or songs: TV news heads an item on one show so."""
    matcher = SeriesMatcher([CatalogueTitle(1, "Harbour Lights", True)])
    club = "The club moves to a new stadium and joins the league under a new coach."
    assert matcher.match("Harbour Lights season 3: the football comedy goes on", club) == {1}
    assert matcher.match("Harbour Lights: the coach picks his team", club) == {1}
    singer = "The singer praised the talent of the night."
    assert matcher.match("Harbour Lights: the coach picks her favourite song", singer) == {1}
    # Quoted before the colon, a title is written as songs and films are: no series yet.
    assert matcher.match("‘Harbour Lights’: the coach picks her favourite song", singer) == set()
