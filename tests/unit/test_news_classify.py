"""Kinds of news from German and English cues, mixed headlines settled as a fan reads them."""

from __future__ import annotations

import pytest

from bot.news.classify import classify
from bot.news.kinds import NewsKind
from bot.news.premiere_cues import DATED_PREMIERE

CASES = [
    # Renewals.
    ("‘Hacks’ renewed for season 5", "renewal"),
    ("HBO Renews ‘The Pitt’ Ahead of Its Season 2 Premiere", "renewal"),
    ("Showtime picks up ‘Dexter’ for another season", "renewal"),
    ("Apple orders a third season of ‘Severance’", "renewal"),
    ("‘Silo’ season 3 greenlit", "renewal"),
    ("„Dark“ wird um eine vierte Staffel verlängert", "renewal"),
    ("„Babylon Berlin“ bekommt eine fünfte Staffel", "renewal"),
    ("„Der Bergdoktor“ geht in die 19. Staffel", "renewal"),
    ("‘You’ renewed for a fifth and final season", "renewal"),
    # Cancellations, hard and soft.
    ("Netflix cancels ‘1899’ after one season", "cancellation"),
    ("‘Gen V’ Canceled After Two Seasons", "cancellation"),
    ("„4 Blocks“ wird abgesetzt", "cancellation"),
    ("ZDF stellt „Der Alte“ nach 47 Jahren ein", "cancellation"),
    ("Sky setzt „Das Boot“ ab", "cancellation"),
    ("‘Evil’ to end with season 4", "cancellation"),
    ("‘The Crown’ season 6 will be its last", "cancellation"),
    ("„Stranger Things“ endet nach Staffel 5", "cancellation"),
    ("‘Lucifer’ cancelled ahead of its season 4 premiere", "cancellation"),
    # Premieres.
    ("‘The Bear’ season 4 premiere date set", "premiere"),
    ("‘Stranger Things’ final season gets release dates", "premiere"),
    ("‘Ted Lasso’ returns on March 5", "premiere"),
    ("„Slow Horses“: Staffel 5 startet im September", "premiere"),
    ("„Die Simpsons“: neue Folgen ab Januar bei ProSieben", "premiere"),
    ("„Bridgerton“: Starttermin für Staffel 4 steht fest", "premiere"),
    ("Die finale Staffel läuft ab März", "premiere"),
    # Inflections and periphrases, German.
    ("„Dark“ geht 2020 in die letzte Runde", "cancellation"),
    ("„Babylon Berlin“ geht zu Ende", "cancellation"),
    ("Aus für „Das Boot“ nach vier Staffeln", "cancellation"),
    ("„Der Alte“ endete nach 47 Jahren", "cancellation"),
    ("Netflix verlängerte „Dark“ damals früh", "renewal"),
    ("„Ted Lasso“ kehrt mit einer vierten Staffel zurück", "renewal"),
    ("„Slow Horses“ geht weiter", "renewal"),
    ("„Reacher“ erhält eine vierte Staffel", "renewal"),
    ("Keine weitere Staffel für „Lost“", "cancellation"),
    ("„Lost“ wird nicht verlängert", "cancellation"),
    ("Netflix setzt Horror-Mystery-Serie „1899“ nach erster Staffel ab", "cancellation"),
    ("„1899“: Netflix-Serie der „Dark“-Macher geht nicht weiter", "cancellation"),
    ("„Borgen“ hat am Sonntag Heimpremiere", "premiere"),
    ("Die neue Staffel ist ab dem morgigen Mittwoch zu sehen", "premiere"),
    ("Nicht nur „Absetzen“: Netflix verlängert zwei Serien", "renewal"),
    ("Brooklyn Nine-Nine: Erst gecancelt, dann doch gerettet", "renewal"),
    ("Netflix setzt Mystery-Serie „Dark“ fort", "renewal"),
    ("ZDF macht mit den «Rosenheim-Cops» weiter", "renewal"),
    ("„Monk“ kehrt zurück: Diesen Termin müssen sich Fans merken", "premiere"),
    ("Die neue Staffel von „Dark“ ist auf Netflix", "premiere"),
    ("Serie „Suits“ geht in den USA in die letzte Staffel", "cancellation"),
    ("Netflix setzt Serienhit „Dark“ im Juni fort", "premiere"),
    ("Netflix kündigt das Ende von „Elite“ an", "cancellation"),
    ("Abschied von „Der Tatortreiniger“", "cancellation"),
    ("Marco Girnth verlässt „SOKO Leipzig“: Abschied nach 25 Jahren", "other"),
    # Inflections and periphrases, English.
    ("‘Evil’ won't return for a fifth season", "cancellation"),
    ("‘Lost’ not renewed at ABC", "cancellation"),
    ("‘Lost’ comes to an end after six seasons", "cancellation"),
    ("‘Dark’ will get a third and final season", "renewal"),
    ("‘Silo’ gets a season 3", "renewal"),
    ("‘Shrinking’ picked up for a third season", "renewal"),
    ("‘Andor’ sets return date", "premiere"),
    ("‘Ted Lasso’ season 4 update: a summer release window", "premiere"),
    ("‘Veronica Mars’ revival drops on Hulu a week early", "premiere"),
    ("‘Brooklyn Nine-Nine’ saved by NBC after Fox cancellation", "renewal"),
    ("Farewell to Emmy-winning “Westworld”", "cancellation"),
    ("‘Grey’s Anatomy’ is renewed despite efforts to have it cancelled", "renewal"),
    ("Amazon has officially saved ‘The Expanse’", "renewal"),
    ("Another hit Netflix series officially canned after one season", "cancellation"),
    ("‘The Crown’ extended to sixth and final season", "renewal"),
    ("Netflix just confirmed ‘Squid Game’ season 2", "renewal"),
    ("‘Twin Peaks’ revival premieres May 21st on Showtime", "premiere"),
    ("‘Will & Grace’ revival officially a go at NBC", "renewal"),
    ("‘Cobra Kai’s’ final season is so big, it comes in three parts", "other"),
    ("Showtime confirms ‘Billions’ will end with season 7", "cancellation"),
    ("‘The Expanse’ ending with season 6", "cancellation"),
    ("HBO Max saves ‘Titans’", "renewal"),
    ("Apple TV+ announces a third season of ‘Severance’", "renewal"),
    ("Netflix announces premiere date for ‘Ozark’ final season", "premiere"),
    ("‘Monk’ revival is coming to Peacock", "renewal"),
    ("‘Lost’ season 4 is finally on Netflix", "premiere"),
    ("‘Doctor Who’ confirms series 14 return date", "premiere"),
    ("‘Lost’s final season answers every question", "other"),
    ("NBC orders a pilot for a ‘Suits’ spinoff", "other"),
    ("‘Andor’ season 2 trailer: Diego Luna returns", "other"),
    ("New ‘Andor’ trailer reveals the season 2 premiere date", "premiere"),
    ("‘Monk’ returns in a Peacock movie", "other"),
    ("‘Monk’ returns in December", "premiere"),
    ("HBO orders a ‘Game of Thrones’ prequel", "renewal"),
    ("NBC gives ‘Manifest’ a fourth season", "renewal"),
    ("‘Severance’ season 3 officially in the works", "renewal"),
    ("Peacock drops ‘Girls5eva’ after two seasons", "cancellation"),
    ("Netflix drops all episodes of ‘Lupin’ season 2", "other"),
    ("‘Lost’ won't get a season 7", "cancellation"),
    ("Netflix brings back ‘Lost’ for a seventh season", "renewal"),
    ("‘Lost’ ends its run after six seasons", "cancellation"),
    ("ABC pulls ‘Lost’ from its schedule", "other"),
    # Sent into another round, seasons received with the verb last, a date with the verb.
    ("ZDF schickt „Der Alte“ in eine weitere Staffel", "renewal"),
    ("„Ku’damm“ wird in die vierte Runde gehen", "renewal"),
    ("„Ku’damm“ geht in die letzte Runde", "cancellation"),
    ("Fans jubeln, weil „Dark“ zwei neue Staffeln erhalten wird", "renewal"),
    ("Staffel 3 von „Babylon Berlin“ startet bei Sky im Oktober", "premiere"),
    ("Im Oktober startet „Babylon Berlin“ bei Sky", "premiere"),
    ("ARD kündigt das „Tatort“-Jubiläum für den 3. Oktober an", "premiere"),
    # More German.
    ("ZDF bestellt eine dritte Staffel von „Der Schwarm“", "renewal"),
    ("„Dark“ geht in die nächste Runde", "renewal"),
    ("ARD kündigt zweite Staffel von „Babylon Berlin“ an", "renewal"),
    ("Netflix hat überraschend eine dritte Staffel angekündigt", "renewal"),
    ("Sat.1 nimmt „Navy CIS“ aus dem Programm", "other"),
    ("„Lindenstraße“: das Serienende naht", "cancellation"),
    ("„Dark“: Staffel 3 ist endlich da", "premiere"),
    ("‘Severance’ season 2 is here", "premiere"),
    ("„The Bear“ bekommt einen neuen Sendeplatz", "premiere"),
    ("„Evil“: Die finale Staffel läuft jetzt auch in Deutschland", "premiere"),
    ("Netflix zieht bei „1899“ den Stecker", "cancellation"),
    ("Staffel 2 von „Dark“ ist in Arbeit", "renewal"),
    ("Netflix verlängert „Dark“ nicht", "cancellation"),
    ("Netflix verlängert nicht nur „Dark“", "renewal"),
    ("Sky setzt „Das Boot“ nicht fort", "cancellation"),
    ("„Dark“ ist Geschichte", "cancellation"),
    ("HBO passes on a third season of ‘Westworld’", "cancellation"),
    # Revived, ordered, returning on a day, ended for good.
    ("Netflix revives ‘Sense8’", "renewal"),
    ("‘Community’ gets a six-episode order from Peacock", "renewal"),
    ("‘Fargo’ returns October 5 with its fifth season", "premiere"),
    ("‘Severance’ is back on Apple TV+ tonight", "premiere"),
    ("‘Ozark’ will stream in April", "premiere"),
    ("Netflix drops the new season of ‘Dark’ a week early", "premiere"),
    ("‘Supernatural’ hangs up its boots for good", "cancellation"),
    # Reviews, ratings and guides tell of a season, they announce nothing.
    ("‘The Bear’ season 3 premiere review", "other"),
    ("Premiere ratings: ‘Matlock’ wins the night", "other"),
    ("‘Severance’ season 2: everything we know about the final season", "other"),
    ("„Sturm der Liebe“: Spoiler zur neuen Staffel", "other"),
    ("‘Dark’ season 3 review: the series ends with a bang", "other"),
    ("‘Fargo’ star gives an update on season 6", "other"),
    ("‘Psych’ movie debuts first trailer", "other"),
    ("Why ‘Vikings’ season 6 is the end", "other"),
    ("‘Yellowstone’ premiere draws 12 million viewers", "other"),
    ("Gute Quoten für die neue Staffel von „Dark“", "other"),
    # … but a decision said in them still counts.
    ("Low ratings: NBC cancels ‘Grimm’", "cancellation"),
    ("Why NBC cancelled ‘Suits: LA’ after one season", "cancellation"),
    ("Quoten-Flop: RTL setzt „Alarm für Cobra 11“ ab", "cancellation"),
    # A season's number spelt out, an end said with a gap, a last season said in German.
    ("‘Bluey’ scores season four at Disney+", "renewal"),
    ("„Pastewka“ bekommt Staffel zehn", "renewal"),
    ("‘Barry’ is ending with its upcoming fourth season", "cancellation"),
    ("Die kommende Staffel „Tatortreiniger“ wird die letzte sein", "cancellation"),
    ("„Sketch History“: Staffel 4 wird zugleich die letzte", "cancellation"),
    ("So spannend wird das Finale von „Dark“", "other"),
    # Back for good; a film is no season.
    ("‘Reboot’ is officially returning", "renewal"),
    ("„Türkisch für Anfänger“ wird wiederbelebt", "renewal"),
    ("„Ku’damm“ kehrt für eine vierte Staffel zurück", "renewal"),
    ("Jane Levy officially returning for ‘Zoey’ movie", "other"),
    # A date for the return, a start today.
    ("‘Shrinking’ returns for season 3 on January 28", "premiere"),
    ("„Der Alte“ meldet sich im März zurück", "premiere"),
    ("Jetzt startet die fünfte Staffel von „Charité“", "premiere"),
    ("Heute läuft die letzte Folge von „Charité“", "other"),
    # Negated renewals said in other words.
    ("No season 3 for ‘Kaos’", "cancellation"),
    ("Netflix passes on season 2 of ‘Kaos’", "cancellation"),
    ("Kein Comeback für „Mord mit Aussicht“", "cancellation"),
    # A cancellation denied or only for a while is none.
    ("‘Ted Lasso’ is not cancelled, Apple says", "other"),
    ("„Lindenstraße“ wird vorübergehend eingestellt", "other"),
    ("„Rote Rosen“ wird nicht abgesetzt – und bekommt eine neue Staffel", "renewal"),
    ("Zuschauer müssen sich auf Pausen bei „Rote Rosen“ einstellen", "other"),
    # A negation that is not of the cancellation: it happened.
    ("Netflix hat nicht nur „Kaos“ abgesetzt, sondern auch „Spellbound“", "cancellation"),
    ("Netflix should never have cancelled ‘Kaos’", "cancellation"),
    # A farewell or a series closed out ends it.
    ("„Charité“ verabschiedet sich", "cancellation"),
    ("NBC is closing out ‘Superstore’ with a sixth season", "cancellation"),
    # New seasons on a channel, new episodes from a day on; one evening's episode is no start.
    ("Neue Staffel bei Sky", "premiere"),
    ("Neue Folgen ab Montag", "premiere"),
    ("Quote: 3 Millionen sahen die neue Folge am Montagabend", "other"),
    # A reunion special is no season; only its date is news.
    ("‘Scrubs’ reunion special officially a go", "other"),
    ("‘Scrubs’ reunion special gets a premiere date", "premiere"),
    # A cancellation taken back is a rescue; a rescue denied is none.
    ("NBC reverses decision to axe ‘Timeless’", "renewal"),
    ("Fox reverses course on ‘Lucifer’", "renewal"),
    ("„Babylon Berlin“: Absetzung und Rettung", "renewal"),
    ("„Manifest“: keine Netflix-Rettung nach der Absetzung", "cancellation"),
    ("‘Timeless’ not saved after all: NBC cancels it", "cancellation"),
    # An end said in other words: a series finale named as such, an end announced, a show
    # "ending", no more airing for another season.
    ("‘Evil’ season 4 finale to be the series finale", "cancellation"),
    ("Its sixth season finale will serve as a series finale", "cancellation"),
    ("The actor announced the end of his show ‘Walker’", "cancellation"),
    ("CBS says the comedy series is ending", "cancellation"),
    ("‘Walker’ will not be airing on the CW for a fifth season", "cancellation"),
    ("‘Walker’: the season is ending tonight", "other"),
    # Ordered in the passive or ordered more; a show that stays on the air.
    ("‘UnREAL’ season 4 has already been ordered", "renewal"),
    ("3. Staffel: ARD bestellt mehr „Morden im Norden“", "renewal"),
    ("NBC orders more episodes of ‘Superstore’", "other"),
    ("‘Mom’ is sticking around for a while yet", "renewal"),
    # A season announced with its start is a date, not an order.
    ("Pop TV announced the final season of ‘Schitt’s Creek’ will premiere in May", "premiere"),
    # A German return to the screen is a premiere; a film, a spin-off or a trailer is not.
    ("„Der Bergdoktor“ kehrt zurück", "premiere"),
    ("Willkommen zurück in Hengasch: „Mord mit Aussicht“ ist wieder da", "premiere"),
    ("Die ARD-Serie kehrt zurück auf den Bildschirm", "premiere"),
    ("„Stromberg“ kommt als Kinofilm zurück", "other"),
    ("„4 Blocks“ kehrt mit einem Ableger zurück", "other"),
    ("„Monk“ kehrt zurück: der erste Trailer ist da", "other"),
    # "trotz" takes a short noun phrase; the clause after it is the news.
    ("Trotz guter Quoten RTL setzt „Magda macht das schon“ ab", "cancellation"),
    ("Trotz der Absetzung: Fans feiern „Magda macht das schon“", "other"),
    # A channel showing seasons or a sequel, a first broadcast, a day without a preposition.
    ("„Die Goldbergs“: Universal Channel zeigt zweite und dritte Staffel", "premiere"),
    ("„Ku’damm 63“: ZDF zeigt Fortsetzung früher als geplant", "premiere"),
    ("„Davos 1917“: Erstausstrahlung im Dezember", "premiere"),
    ("‘The Orville’ returns with a new season on Hulu starting June 2", "premiere"),
    ("Wie gut zeigt „Dark“ die Zeitreisen?", "other"),
    # A season that will come, verb first; another round; a release that is due.
    ("Gute Nachricht für „Sankt Maik“: Es kommt eine dritte Staffel!", "renewal"),
    ("Im Mai kommt eine dritte Staffel von „Sankt Maik“", "premiere"),
    ("„Babylon Berlin“ geht in eine neue Runde", "renewal"),
    ("The final season of ‘Killing Eve’ is due for release in February", "premiere"),
    ("The news was released by CBS back in May", "other"),
    # Other.
    ("‘Euphoria’ season 3 begins production", "other"),
    ("‘Lost’ creators revisit the finale", "other"),
    ("„Dark“-Macher kündigen neue Serie an", "other"),
    ("„Friends“-Star: Dokumentation angekündigt", "other"),
]


@pytest.mark.parametrize(("title", "kind"), CASES)
def test_kinds(title: str, kind: str) -> None:
    assert classify(title) == kind


def test_kinds_are_the_enum_and_compare_as_strings() -> None:
    kind = classify("‘Hacks’ renewed for season 5")
    assert kind is NewsKind.RENEWAL and kind == "renewal"


@pytest.mark.parametrize(
    ("headline", "teaser", "kind"),
    [
        ("Wann kommt Staffel 5?", "Die neuen Folgen starten im Mai.", "premiere"),
        ("When is ‘Lost’ back?", "The show is returning in March.", "premiere"),
        # The teaser's statements answer the question, read as any teaser.
        ("Wann kommt Staffel 5?", "Netflix hat die Serie verlängert.", "renewal"),
        ("Why is ‘Bosch’ canceled?", "Bosch was canceled after three seasons.", "cancellation"),
        ("Ist „Dark“ vorbei?", "Nun ist nach drei Staffeln Schluss.", "cancellation"),
        # A teaser that asks too, or wonders, or tells a renewal still pending answers nothing.
        ("Is ‘Bosch’ renewed?", "Freevee did not cancel it yet.", "other"),
        ("Is ‘Bosch’ renewed?", "Is this it? Will Freevee cancel the show?", "other"),
        ("Is ‘Bosch’ renewed?", "Fans want to know if the show has been cancelled.", "other"),
        ("Wird „Dark“ verlängert?", "Fans fragen sich, ob die Serie abgesetzt wird.", "other"),
        ("Is ‘Bosch’ renewed?", "Freevee still has not renewed the series.", "other"),
    ],
)
def test_a_question_headline_is_answered_by_its_teasers_statements(
    headline: str, teaser: str, kind: str
) -> None:
    assert classify(headline, teaser).value == kind


@pytest.mark.parametrize(
    ("headline", "kind"),
    [
        # A concessive clause grants the background; the main clause is the news.
        ("Obwohl „Dark“ abgesetzt wurde, bekommt die Serie eine dritte Staffel", "renewal"),
        ("„Dark“ wurde zwar abgesetzt, doch Netflix bestellt eine dritte Staffel", "renewal"),
        ("Although NBC cancelled ‘Bosch’, Freevee ordered a second season", "renewal"),
        ("Netflix bestellt „Dark“ zwar nicht nach, setzt die Serie aber ab", "cancellation"),
        # A cancellation told as the past, a renewal still pending: no end.
        ("Peacock, the company who originally canceled ‘Bosch’, orders a movie", "other"),
        ("‘Bosch’ not yet renewed for season 3", "other"),
        ("„Dark“ noch nicht verlängert", "other"),
        ("‘Bosch’ not renewed for season 3", "cancellation"),
        # "High-End" in German is no form of "enden".
        ("„Dark“ ist eine High-End-Serie", "other"),
        ("„Dark“ endet mit Staffel 3", "cancellation"),
    ],
)
def test_background_clauses_are_not_the_news(headline: str, kind: str) -> None:
    assert classify(headline).value == kind


def test_summary_decides_only_when_the_headline_is_silent() -> None:
    assert classify("Big news for fans", "Netflix renewed the show for season 3.") == "renewal"
    assert classify("‘Dark’ cancelled", "A premiere date had been set.") == "cancellation"


def test_a_last_season_named_in_a_teaser_is_its_setting_said_is_its_end() -> None:
    assert classify("„You“: Badgley über das Finale", "Die finale Staffel verspricht viel.") == (
        "other"
    )
    assert classify("„You“: Die finale Staffel", "Badgley spricht über seine Rolle.") == (
        "cancellation"
    )
    teaser = "Die zehnte wird zugleich die letzte Staffel sein."
    assert classify("Schlechte Nachrichten", teaser) == "cancellation"
    assert classify("‘Dexter’ news", "Season 8 is to be the last one.") == "cancellation"
    teaser = "Am kommenden Samstag startet die finale Staffel von „Dark“."
    assert classify("Der letzte Zyklus beginnt", teaser) == "premiere"
    teaser = "Jetzt ist die Serie mit der finalen Staffel zurück."
    assert classify("„Der Pass“ auf Sky", teaser) == "premiere"


def test_a_teaser_that_says_soon_with_the_start_is_a_premiere() -> None:
    assert classify("Gute Nachrichten", "In wenigen Wochen kommen neue Folgen.") == "premiere"
    assert classify("Ein Highlight", "Die in Kürze startende Serie „Dark“.") == "premiere"
    assert classify("Big news", "The show will return in a few weeks.") == "premiere"
    assert classify("Big news", "‘Lucifer’ has been picked up by Netflix.") == "renewal"
    assert classify("Big news", "It picks up where season 3 ended.") == "other"


def test_a_return_told_in_a_teaser_is_no_premiere_without_a_date() -> None:
    assert classify("Gute Nachrichten für Fans", "„Der Bergdoktor“ kehrt zurück.") == "other"
    teaser = "„Der Bergdoktor“ kehrt im Januar zurück."
    assert classify("Gute Nachrichten für Fans", teaser) == "premiere"


def test_a_programme_change_in_the_headline_is_not_overruled_by_its_teaser() -> None:
    headline = "ZDF nimmt „Bettys Diagnose“ aus dem Programm"
    assert classify(headline, "Die Serie wird abgesetzt.") == "other"


def test_a_trailer_headline_is_not_overruled_by_its_teaser() -> None:
    teaser = "The final season of the comedy ends the story of the hitman."
    assert classify("‘Barry’ trailer: Bill Hader behind bars", teaser) == "other"


def test_a_new_season_said_to_start_in_a_teaser_is_a_premiere() -> None:
    teaser = "Die neue Staffel „Ein Fall für zwei“ startet. Sechs Episoden warten."
    assert classify("Neue Fälle für das Ermittler-Duo", teaser) == "premiere"
    teaser = "Am Sonntag startet auf SRF die neue Mini-Serie «Davos 1917»."
    assert classify("«Davos 1917» – Zwischen den Fronten", teaser) == "premiere"
    teaser = "The new season debuts on Netflix with ten episodes."
    assert classify("A look behind the scenes", teaser) == "premiere"
    # A start told as history is none.
    teaser = "Die erste Staffel startete 2020 und wurde ein Erfolg."
    assert classify("Ein Blick hinter die Kulissen", teaser) == "other"


def test_a_headline_about_filming_counts_only_for_a_decision_or_a_date() -> None:
    assert classify("„Dark“: Netflix beginnt mit Dreharbeiten für zweite Staffel") == "other"
    assert classify("In Münster werden zwei neue Folgen der Krimireihe gedreht") == "other"
    assert classify("‘Euphoria’ Season 3 Begins Production") == "other"
    teaser = "Die zweite Staffel startet im Mai."
    assert classify("Dreharbeiten für „Dark“ im Gange", teaser) == "other"
    # A decision said beside it still counts; a story that turns is no filming.
    assert classify("Netflix verlängert „Dark“, Dreharbeiten im Mai") == "renewal"
    assert classify("In „Dark“ dreht sich alles um die Zeit: Staffel 2 startet") == "premiere"


def test_a_separated_ein_is_the_particle_only_where_it_closes_its_clause() -> None:
    teaser = "Die Serie bekommt zwei weitere Staffeln und stellt damit einen neuen Rekord auf."
    assert classify("„Die Simpsons“ knacken TV-Rekord", teaser) == "renewal"
    assert classify("Das ZDF stellt „Der Alte“ nach 47 Jahren ein") == "cancellation"
    assert classify("Das ZDF stellt die Serie ein, die Fans trauern") == "cancellation"
    assert classify("Das ZDF stellt die Serie ein und zeigt Wiederholungen") == "cancellation"


def test_a_start_with_a_channel_or_a_holiday_or_a_date_in_figures_is_dated() -> None:
    # A channel between the verb and the day.
    assert classify("The final season of ‘Lost’ starts on ABC May 2.") == "premiere"
    assert classify("The new season of ‘Lost’ begins on FX February 28.") == "premiere"
    # A continuation at a time is a start, not more of the show ordered.
    assert classify("Das ZDF setzt „Der Alte“ nach Ostern fort") == "premiere"
    assert classify("Das ZDF setzt „Der Alte“ nach der Sommerpause fort") == "premiere"
    assert classify("Das ZDF setzt „Der Alte“ fort") == "renewal"
    # A German date in figures; a time of day is none (but a broadcast slot, see below).
    assert classify("„Der Alte“ mit neuen Fällen ab 24.2. im ZDF") == "premiere"
    assert not DATED_PREMIERE.search("der alt ab 20 15 uhr im zdf")


def test_an_order_said_verb_last_or_in_other_words_is_a_renewal() -> None:
    title = "Trotz schwacher Quoten haben die Mainzer eine zweite Runde bestellt."
    assert classify(title) == "renewal"
    # An order beats a premiere mentioned as its circumstance.
    title = "Noch vor der Free-TV-Premiere hat RTL eine zweite Staffel in Auftrag gegeben."
    assert classify(title) == "renewal"
    assert classify("The cast is back in the studio for another season of ‘Lost’.") == "renewal"


def test_a_show_brought_back_after_another_networks_cancellation_is_rescued() -> None:
    assert (
        classify("Starz Bringing “Lost” Back for Season 2 Following ABC Cancelation") == "renewal"
    )
    assert classify("Starz picks up ‘Lost’ after its cancellation at ABC") == "renewal"
    assert classify("‘Lost’ cancelled after three seasons") == "cancellation"
    assert (
        classify("Starz is not bringing ‘Lost’ back following its cancellation") == "cancellation"
    )


@pytest.mark.parametrize(
    ("headline", "teaser", "kind"),
    [
        # A cancellation undone, or only the background of the show's comeback: a rescue, in a
        # teaser too.
        ("‘Lost’ may be un-cancelled after all", "", "renewal"),
        ("NBC macht die Absetzung von „Lost“ rückgängig", "", "renewal"),
        ("Netflix orders a fourth season of A&E's canceled series ‘Lost’", "", "renewal"),
        ("‘Lost’, cancelled this year, has found a new home", "", "renewal"),
        ("‘Lost’, the drama ABC had cancelled after three seasons, is coming back", "", "renewal"),
        ("‘Lost’ to rise again", "ABC will bring back the recently canceled ‘Lost’.", "renewal"),
        # Denied or only wished for, or back for its last season: no rescue.
        ("ABC will not bring back the recently canceled ‘Lost’", "", "cancellation"),
        ("No plans to bring back the canceled ‘Lost’", "", "cancellation"),
        ("Fans campaign to bring back the canceled series ‘Lost’", "", "cancellation"),
        ("‘Lost’, cancelled last year, will not come back", "", "cancellation"),
        ("‘Lost’, cancelled last year, returns for a final season", "", "cancellation"),
        ("The cast of the canceled ‘Lost’ returns for a reunion special", "", "other"),
    ],
)
def test_a_cancellation_undone_or_the_background_of_a_comeback_is_a_rescue(
    headline: str, teaser: str, kind: str
) -> None:
    assert classify(headline, teaser).value == kind


def test_filming_ended_is_not_the_series_end() -> None:
    teaser = "Dreharbeiten zur Fortsetzung beendet; sechs neue Folgen 2025 im ORF"
    assert classify("„Dark“: Wiedersehen im Oktober", teaser) == "other"
    assert classify("Die Dreharbeiten zu Staffel 3 von „Dark“ wurden beendet") == "other"
    assert classify("Netflix stoppt die Dreharbeiten und setzt „Dark“ ab") == "cancellation"
    assert classify("Netflix beendet „Dark“ nach drei Staffeln") == "cancellation"


def test_an_end_told_in_the_simple_past_is_history() -> None:
    teaser = "„Lost“ endete 2010 nach sechs Staffeln. Der Produzent hält ein Reboot für möglich."
    assert classify("„Lost“: Reboot nicht ausgeschlossen", teaser) == "other"
    teaser = "The show ended after six seasons. Now a reboot is in talks."
    assert classify("Where the cast of ‘Lost’ is now", teaser) == "other"
    # Said now, in the perfect or in a headline, it is the news.
    assert classify("„Lost“ endet nach sechs Staffeln") == "cancellation"
    assert classify("„Lost“ endete nach sechs Staffeln") == "cancellation"
    assert classify("ABC has ended ‘Lost’ after six seasons") == "cancellation"
    assert classify("‘Lost’ to end after six seasons") == "cancellation"


def test_a_day_with_an_abbreviated_month_is_a_date() -> None:
    teaser = "The fourth and final season of ‘Lost’ premieres Aug. 4 on ABC."
    assert classify("‘Lost’ final season is packed with mayhem", teaser) == "premiere"
    assert classify("‘Lost’ returns Sept. 12") == "premiere"
    teaser = "The cast met in Aug. 2019 to talk about the show."
    assert classify("‘Lost’ cast looks back", teaser) == "other"


def test_a_numbered_season_said_to_start_in_a_teaser_is_a_premiere_unless_recent() -> None:
    teaser = "Bei Netflix startet die zweite Staffel der Serie „Dark“."
    assert classify("„Dark“: Rachegöttin auf der Ducati", teaser) == "premiere"
    teaser = "The third season premieres with two episodes."
    assert classify("A look at ‘Lost’", teaser) == "premiere"
    # A start said to be recent is history.
    teaser = "Die kürzlich gestartete vierte Staffel „Dark“ war ein Erfolg."
    assert classify("Zwei Nachrichten für Fans von „Dark“", teaser) == "other"
    teaser = "In den USA ist vor Kurzem die 15. Staffel gestartet."
    assert classify("Spekulationen um „Dark“", teaser) == "other"
    teaser = "Die erste Staffel startete 2020 und wurde ein Erfolg."
    assert classify("Ein Blick hinter die Kulissen", teaser) == "other"


def test_a_quoted_titles_own_punctuation_ends_no_clause() -> None:
    assert classify("Der Sender stellt nach 14 Staffeln die Serie „Navy CIS: L.A.“ ein.") == (
        "cancellation"
    )
    assert classify("Das ZDF setzt „Der Alte: Die Jagd“ ab") == "cancellation"
    # A break outside the quotes still ends its clause.
    assert classify("Das ZDF stellt „Der Alte: Die Jagd“ vor, ein Blick zurück") == "other"


def test_a_channel_showing_new_episodes_in_a_teaser_is_a_premiere() -> None:
    teaser = "Tipp des Tages: Das Erste zeigt zwei neue Folgen des Usedom-Krimis."
    assert classify("Vorsicht, Ada!", teaser) == "premiere"
    teaser = "Das Erste strahlt im November zwei neue Folgen der Krimireihe aus."
    assert classify("Fünf Jahre, zehn Folgen", teaser) == "premiere"
    teaser = "Das Erste zeigt die Kommissarin beim Segeln."
    assert classify("Vorsicht, Ada!", teaser) == "other"


def test_standing_before_the_camera_is_filming() -> None:
    title = "Für 13 neue Folgen von „Dark“ stehen die Stars derzeit vor der Kamera."
    assert classify(title) == "other"
    assert classify("Neue Folgen von „Dark“ ab 3. März im ZDF, die Stars vor der Kamera") == (
        "premiere"
    )


def test_a_cancellation_said_of_a_share_of_other_shows_is_none() -> None:
    title = (
        "The timeslot has been a challenge for ABC, and many of its occupants have been cancelled."
    )
    assert classify(title) == "other"
    assert classify("Most of the network's new dramas were cancelled, but ‘Lost’ returns") == (
        "other"
    )
    assert classify("ABC cancels ‘Lost’ and several other dramas") == "cancellation"


def test_an_order_said_as_a_noun_is_a_renewal() -> None:
    teaser = (
        "Der Start sei stark verlaufen, daher gibt es bereits den Auftrag für eine zweite Staffel."
    )
    assert classify("Seit drei Wochen ist „Dark“ verfügbar.", teaser) == "renewal"
    assert classify("Netflix confirms an order for a second season of ‘Dark’") == "renewal"
    assert classify("Ein Auftrag für die Kommissarin in „Dark“") == "other"
    title = (
        "The second season has begun, and it's time for official confirmation for a third season"
    )
    assert classify(title) == "renewal"
    assert classify("Still no confirmation for season 3 of ‘Dark’") == "other"
    assert classify("Apple has signed the ‘Dark’ cast for two more seasons.") == "renewal"


def test_getting_ready_for_a_season_receives_nothing() -> None:
    assert classify("Get Ready for the Final Season of ‘Lost’") == "cancellation"
    assert classify("Fans get ready for a new season of ‘Lost’") == "other"
    assert classify("‘Lost’ gets a new season") == "renewal"


def test_a_numbered_and_final_season_said_to_start_or_air_in_a_teaser_is_a_premiere() -> None:
    teaser = "After a year of trouble, the drama airs its sixth and last season."
    assert classify("Lost", teaser) == "premiere"
    teaser = "Die dritte und letzte Staffel startet mit zwei Folgen."
    assert classify("„Dark“: ein Blick zurück", teaser) == "premiere"


def test_a_new_or_numbered_season_said_to_air_in_a_teaser_is_a_premiere() -> None:
    teaser = "Fifth and final season will air same day as the US."
    assert classify("Returning: Lost", teaser) == "premiere"
    teaser = "The cast says the show could air forever."
    assert classify("Returning: Lost", teaser) == "other"


@pytest.mark.parametrize(
    ("headline", "kind"),
    [
        # A rescue after another network's cancellation, unless it is denied.
        ("Starz Bringing “Minx” Back for Season 2 Following HBO Max Cancelation", "renewal"),
        ("Dark will not be renewed after cancellation", "cancellation"),
        ("Dark won't be brought back after its cancellation", "cancellation"),
        ("No plans to bring back Dark after cancellation", "cancellation"),
        # No confirmation, however official, confirms a season.
        ("Still no official confirmation for season 3 of Dark", "other"),
        ("Dark: Keine offizielle Bestätigung für eine dritte Staffel", "other"),
        # Staying on the air, not when someone won't.
        ("Mom is sticking around", "renewal"),
        ("Penn Badgley says Joe won't stick around", "other"),
        # A share of other shows cancelled says nothing of this one, but a "but" starts anew.
        ("The network cancelled many of its shows", "cancellation"),
        ("Netflix keeps most of its lineup but cancels Dark", "cancellation"),
        # A numbered season coming to its end is no series' end.
        ("Dark season 2 is ending", "other"),
    ],
)
def test_denied_and_partial_cues_after_a_review(headline: str, kind: str) -> None:
    assert classify(headline).value == kind


def test_a_start_said_relative_to_today_is_a_date() -> None:
    teaser = "The drama will return to screens later this month with its last series."
    assert classify("Lost star opens up about the ending", teaser) == "premiere"
    teaser = "The sitcom's last episodes will air next week on ITV."
    assert classify("Cast member looks back on the show", teaser) == "premiere"
    # A start that is over is the teaser's history.
    teaser = "The drama aired earlier this month and fans loved it."
    assert classify("Cast member looks back on the show", teaser) == "other"


@pytest.mark.parametrize(
    ("headline", "kind"),
    [
        # Pulped: the separable verb and its participle.
        ("RTL stampft „Alarm für Cobra 11“ nach drei Staffeln ein", "cancellation"),
        ("„Dark“ wird eingestampft", "cancellation"),
        # A series or season called off, as verb, participle or noun.
        ("ZDF sagt die dritte Staffel von „Dark“ ab", "cancellation"),
        ("„Dark“-Neustart nach einer Staffel abgesagt", "cancellation"),
        ("Absage für eine dritte Staffel „Dark“", "cancellation"),
        # Not a series called off: an actor's return, an evening's premiere, "saying" things.
        ("Schauspieler sagt Rückkehr zu „Dark“ ab", "other"),
        ("Kritiker sagen der Serie „Dark“ eine große Zukunft voraus", "other"),
        ("Fans stampfen bei „Dark“ vor Wut mit den Füßen", "other"),
        # An event of the series called off: its premiere, its filming.
        ("Premiere der zweiten Staffel von „Dark“ abgesagt", "other"),
        ("Dreharbeiten zur dritten Staffel von „Dark“ wegen Corona abgesagt", "other"),
    ],
)
def test_a_series_pulped_or_called_off_is_cancelled(headline: str, kind: str) -> None:
    assert classify(headline).value == kind


@pytest.mark.parametrize(
    ("headline", "teaser", "kind"),
    [
        # More episodes on their way, in the headline or only in the teaser.
        ("Die Fans wollten mehr – jetzt gibt es Nachschub", "", "premiere"),
        (
            "„Der Alte“ ist ein Dauerbrenner.",
            "Doch Nachschub naht: Das ZDF zeigt ihn wieder.",
            "premiere",
        ),
        ("„Der Alte“ ist ein Dauerbrenner.", "Nun gibt es drei weitere Folgen.", "premiere"),
        (
            "„Der Alte“: Jubiläum für den Krimi",
            "Zwei neue Folgen des Klassikers im ZDF",
            "premiere",
        ),
        # None promised, or supply said in general.
        ("„Der Alte“ ist ein Dauerbrenner.", "Es gibt vorerst keine neuen Folgen.", "other"),
        ("„Der Alte“ ist ein Dauerbrenner.", "Die Sender bringen immer wieder Nachschub.", "other"),
        # No new episodes in the headline: no start, whatever follows.
        ("Keine neuen Folgen von „Der Alte“ im ZDF", "", "other"),
        ("No new episodes of Lost this year", "", "other"),
    ],
)
def test_more_episodes_on_their_way_are_a_premiere(headline: str, teaser: str, kind: str) -> None:
    assert classify(headline, teaser).value == kind


@pytest.mark.parametrize(
    ("teaser", "kind"),
    [
        ("Die britische Krimiserie läuft als Deutschlandpremiere.", "premiere"),
        ("Free-TV-Premiere für die Fortsetzung am 4. Januar im Ersten.", "premiere"),
        ("Der Sender zeigt sie als deutsche TV-Premiere.", "premiere"),
        # A first showing told as history, or one at a festival.
        ("Die Serie, die 2019 ihre Deutschlandpremiere feierte, ist ein Klassiker.", "other"),
        ("Damals feierte sie ihre TV-Premiere bei RTL.", "other"),
        ("Die Serie feierte in Cannes Weltpremiere.", "other"),
    ],
)
def test_a_first_showing_in_a_country_or_on_free_tv_in_a_teaser_is_a_premiere(
    teaser: str, kind: str
) -> None:
    assert classify("„Der Alte“: ein Blick hinter die Kulissen", teaser).value == kind


@pytest.mark.parametrize(
    ("headline", "kind"),
    [
        # A statement, then a question: the statement is the news.
        ("Lost renewed for season 3. How long can the show last?", "renewal"),
        ("Netflix setzt „Dark“ ab! Was wird aus den Fans?", "cancellation"),
        # … or one the question is joined to by a comma and "but".
        ("The spy drama has been renewed, but when will it return?", "renewal"),
        ("Die Krimiserie wird fortgesetzt, aber wann geht es weiter?", "renewal"),
        ("The spy drama will announce its premiere date soon, but who is in the cast?", "premiere"),
        # Only questions, or a statement that decides nothing, or a title's own full stop.
        ("Will Lost be renewed for season 3?", "other"),
        ("Letzte Folge! Wie geht es mit „Dark“ weiter?", "other"),
        ("Kommt „Dr. House“ zurück?", "other"),
    ],
)
def test_a_statement_before_a_question_counts(headline: str, kind: str) -> None:
    assert classify(headline).value == kind


@pytest.mark.parametrize(
    ("headline", "teaser", "kind"),
    [
        # A listing's broadcast slot: the episode or film is on.
        (
            "„Der Alte“: Tod am See",
            "Der neue Fall läuft am Freitag, 3. Mai, um 20.15 Uhr im ZDF.",
            "premiere",
        ),
        ("„Der Alte“ – Fr. 3.5. – ZDF: 20:15 Uhr", "", "premiere"),
        ("Tod am See", "Der Alte: Tod am See. Sendetermin: Freitag, 3. Mai - ZDF", "premiere"),
        # The ratings of a slot that is over, or a slot given up: no start.
        (
            "„Der Alte“ vorn",
            "Der Krimi um 20.15 Uhr holte einen Marktanteil von 18 Prozent.",
            "other",
        ),
        ("Quoten: „Der Alte“ um 20.15 Uhr vorn", "", "other"),
    ],
)
def test_a_broadcast_slot_is_a_premiere(headline: str, teaser: str, kind: str) -> None:
    assert classify(headline, teaser).value == kind


@pytest.mark.parametrize(
    ("headline", "teaser", "kind"),
    [
        # A new or numbered film, case or episodes of a German series with its month: a start.
        ("Zwei neue Filme „Der Alte“ im September im ZDF", "", "premiere"),
        ("„Der Alte“: Fünfter Fall im März im ZDF", "", "premiere"),
        ("„Der Alte“ vorn", "Die neuen Folgen laufen ab 3. Mai im ZDF.", "premiere"),
        # An evening's slot is the ratings' past, a count of episodes is the show's history.
        ("Die neue Folge „Der Alte“ holte am Montagabend 18 Prozent Marktanteil", "", "other"),
        ("Warum wurde „Der Alte“ abgesetzt?", "Nach 100 Folgen endete er im Februar.", "other"),
        ("Keine neuen Filme „Der Alte“ im September", "", "other"),
    ],
)
def test_a_new_film_or_case_with_its_month_is_a_premiere(
    headline: str, teaser: str, kind: str
) -> None:
    assert classify(headline, teaser).value == kind


@pytest.mark.parametrize(
    ("headline", "kind"),
    [
        # Carried on, or more films or episodes ordered or made: more of the series.
        ("Die Krimireihe „Der Alte“ wird fortgeführt", "renewal"),
        ("Für „Der Alte“ wurden weitere zehn Folgen bestellt", "renewal"),
        ("Das ZDF hat vier neue Filme „Der Alte“ angekündigt", "renewal"),
        ("Auf Mallorca entstehen zwei neue Filme der Reihe „Der Alte“", "renewal"),
        ("Der NDR lässt eine 14. Staffel „Der Alte“ produzieren", "renewal"),
        # Not carried on, none ordered: no renewal; episodes made as a habit keep their kind.
        ("Die Krimireihe „Der Alte“ wird nicht fortgeführt", "cancellation"),
        ("Für „Der Alte“ wurden keine weiteren Folgen bestellt", "other"),
        ("Jährlich werden nur 16 neue Folgen „Der Alte“ produziert", "premiere"),
    ],
)
def test_more_films_or_episodes_ordered_or_made_are_a_renewal(headline: str, kind: str) -> None:
    assert classify(headline).value == kind


@pytest.mark.parametrize(
    ("headline", "kind"),
    [
        # A season granted, a network riding to the rescue: the series goes on.
        ("‘Lost’ has been granted a fifth season at ABC", "renewal"),
        ("Netflix rides to the rescue of ‘Lost’", "renewal"),
        # Not granted, or a rescue only wished for.
        ("‘Lost’ will not be granted a fifth season", "cancellation"),
        ("Fans beg Netflix to come to the rescue of ‘Lost’", "other"),
    ],
)
def test_a_season_granted_or_a_network_riding_to_the_rescue_is_a_renewal(
    headline: str, kind: str
) -> None:
    assert classify(headline).value == kind


@pytest.mark.parametrize(
    ("headline", "kind"),
    [
        # An end said in idiom.
        ("‘Lost’ seems to have met its demise", "cancellation"),
        ("‘Lost’ is over at ABC", "cancellation"),
        ("Hit series ‘Lost’ ends at The CW", "cancellation"),
        ("Das ZDF zieht einen Schlussstrich unter „Der Alte“", "cancellation"),
        ("„Der Alte“ ermittelt zum letzten Mal", "cancellation"),
        # A show that moves to a network, or a last time denied, is no end.
        ("‘Lost’ is now at Netflix", "other"),
        ("„Der Alte“ ermittelt nicht zum letzten Mal", "other"),
    ],
)
def test_an_end_said_in_idiom_is_a_cancellation(headline: str, kind: str) -> None:
    assert classify(headline).value == kind


@pytest.mark.parametrize(
    ("headline", "kind"),
    [
        # Viewers counted in figures are the ratings of a start that is over.
        ("„Der Alte“ ist in seine vierte Staffel gestartet: 610.000 Menschen sahen zu", "other"),
        ("Ein Hoch auf „Der Alte“: 2,4 Millionen Zuseher bei fünfter Staffel", "other"),
        # A start still to come keeps its kind.
        ("„Der Alte“: Die vierte Staffel startet im Mai", "premiere"),
    ],
)
def test_viewers_counted_are_the_ratings(headline: str, kind: str) -> None:
    assert classify(headline).value == kind


@pytest.mark.parametrize(
    ("headline", "kind"),
    [
        # A season said to be the last outright: an end, whatever announced it.
        (
            "Showtime announced that the upcoming fifth season will be the show’s last",
            "cancellation",
        ),
        ("The fourth season of ‘Lost’ will in fact be its last", "cancellation"),
        # Its last episode, or a teaser's story, is no end of the series.
        ("Tonight will be the show’s last episode before the break", "other"),
        ("‘Lost’ season 5 teaser: revival season to be the series’ last", "other"),
    ],
)
def test_a_season_said_to_be_the_last_outright_is_the_end(headline: str, kind: str) -> None:
    assert classify(headline).value == kind


@pytest.mark.parametrize(
    ("headline", "teaser", "kind"),
    [
        # A crime series' new case: its next film is on.
        ("„Der Alte“ ermittelt wieder", "", "premiere"),
        ("Siebter Einsatz für „Der Alte“", "", "premiere"),
        ("Mord am See", "In seinem 15. Fall sucht „Der Alte“ eine Vermisste.", "premiere"),
        # Not again, or cases counted as history, or a review of the case: no start.
        ("„Der Alte“ ermittelt nicht wieder", "", "other"),
        ("Mord am See", "Nach 38 Fällen geht der Kommissar in Rente.", "other"),
        ("Rezension: „Der Alte“ ermittelt wieder", "", "other"),
    ],
)
def test_a_new_case_of_a_crime_series_is_a_premiere(headline: str, teaser: str, kind: str) -> None:
    assert classify(headline, teaser).value == kind


@pytest.mark.parametrize(
    ("headline", "teaser", "kind"),
    [
        # A German start said without its date: the date made known, new episodes shown, a
        # season's start named; in a headline or its teaser.
        ("„Der Alte“: Starttermin für neue Folgen verkündet", "", "premiere"),
        ("„Der Alte“ vorn", "Nun hat das ZDF den Ausstrahlungstermin festgelegt.", "premiere"),
        ("„Der Alte“ vorn", "Nun gibt es auch einen Sendetermin für die Staffel.", "premiere"),
        ("Das Erste zeigt drei neue Episoden der Reihe „Der Alte“", "", "premiere"),
        ("„Der Alte“: Staffelstart mit neuem Kommissar", "", "premiere"),
        # No date made known, no new episodes: no start.
        ("„Der Alte“ vorn", "Ein Starttermin steht noch nicht fest.", "other"),
        ("„Der Alte“ vorn", "Einen Starttermin hat das ZDF nicht verkündet.", "other"),
        ("Das Erste zeigt keine neuen Folgen „Der Alte“", "", "other"),
    ],
)
def test_a_german_start_said_without_its_date_is_a_premiere(
    headline: str, teaser: str, kind: str
) -> None:
    assert classify(headline, teaser).value == kind


@pytest.mark.parametrize(
    ("headline", "teaser", "kind"),
    [
        # Removed from a catalogue or banned from the screen: its reruns go, not its seasons.
        ("‘Bosch’ to be removed from Netflix", "The show was cancelled in 2006.", "other"),
        ("„Der Alte“ aus dem ZDF verbannt", "Damit ist nun Schluss.", "other"),
        # Cancelled, or dropped from a lineup: still an end.
        ("Netflix cancels ‘Bosch’", "", "cancellation"),
        ("ZDF setzt „Der Alte“ ab", "", "cancellation"),
    ],
)
def test_a_show_removed_from_a_catalogue_is_no_cancellation(
    headline: str, teaser: str, kind: str
) -> None:
    assert classify(headline, teaser).value == kind


@pytest.mark.parametrize(
    ("headline", "teaser", "kind"),
    [
        # A date not known yet: the date's words say nothing.
        ("„Der Alte“: Wie geht es weiter?", "Ein Sendetermin steht noch nicht fest.", "other"),
        ("„Der Alte“: Wie geht es weiter?", "Es gibt noch keinen Sendetermin.", "other"),
        ("„Der Alte“: Sendetermin ist offen", "", "other"),
        ("‘Andor’ season 2 has no premiere date yet", "", "other"),
        ("‘Andor’: release date still TBA", "", "other"),
        # A date said, or a slot in a listing: a start.
        ("„Der Alte“: Sendetermin am 3. Mai", "", "premiere"),
        ("„Der Alte“ im Herbst", "Sendetermin: Donnerstag, 20.15 Uhr im ZDF.", "premiere"),
        ("‘Andor’ season 2 gets a premiere date", "", "premiere"),
        # New episodes with the date still open are still on their way.
        ("Neue Folgen von „Der Alte“", "Ein Sendetermin steht noch nicht fest.", "premiere"),
    ],
)
def test_a_date_not_known_yet_announces_no_start(headline: str, teaser: str, kind: str) -> None:
    assert classify(headline, teaser).value == kind


@pytest.mark.parametrize(
    ("headline", "teaser", "kind"),
    [
        # A show said to be back, the clause ending there: a start, in a teaser too.
        ("„Barbaren“: Nieder mit den Römern!", "Die «Barbaren» sind zurück!", "premiere"),
        ("Die „Totenfrau“ ist wieder da", "", "premiere"),
        (
            "Sie streiten wie eh und je",
            "Jetzt sind die Streithähne wieder da: Sie treffen sich.",
            "premiere",
        ),
        # Back somewhere in the story, or back while filming begins: no start.
        ("Die Heldin von „Wilder“", "Rosa ist zurück in ihrem Heimatdorf Oberwies.", "other"),
        (
            "Drehbeginn für Staffel 2 von „Hindafing“",
            "Alfons Zischl ist zurück, als Minister.",
            "other",
        ),
    ],
)
def test_a_show_said_to_be_back_is_a_start(headline: str, teaser: str, kind: str) -> None:
    assert classify(headline, teaser).value == kind


@pytest.mark.parametrize(
    ("headline", "teaser", "kind"),
    [
        # A season said not to exist: the show ends, whoever confirms it.
        ("Waller-Bridge confirms that ‘Fleabag’ will not have a season 3", "", "cancellation"),
        ("There definitely won’t be a third series of ‘Fleabag’", "", "cancellation"),
        ("HBO will not pursue a second season of ‘Watchmen’", "", "cancellation"),
        ("Lindelof is not interested in making a second season of ‘Watchmen’", "", "cancellation"),
        ("‘The OA’ season 3 will not be happening", "", "cancellation"),
        # A date not there yet, or a season that almost did not happen: no end.
        ("‘Andor’ doesn’t have a season 2 release yet", "", "other"),
        ("Why ‘Warrior’ season 3 almost didn’t happen", "", "other"),
    ],
)
def test_a_season_said_not_to_exist_is_an_end(headline: str, teaser: str, kind: str) -> None:
    assert classify(headline, teaser).value == kind


@pytest.mark.parametrize(
    ("headline", "teaser", "kind"),
    [
        # "call time on", British for an end, in a headline or its teaser.
        ("BBC calls time on ‘Holby City’", "", "cancellation"),
        (
            "‘Inside No. 9’ Wednesday, 10pm, BBC2",
            "They have decided to call time on it.",
            "cancellation",
        ),
        # Denied: no end.
        ("BBC will not call time on ‘Holby City’", "", "other"),
    ],
)
def test_calling_time_on_a_show_ends_it(headline: str, teaser: str, kind: str) -> None:
    assert classify(headline, teaser).value == kind


@pytest.mark.parametrize(
    ("headline", "teaser", "kind"),
    [
        # Saved from or after another network's cancellation: the cancellation is the past.
        ("‘One Day at a Time’ saved after Netflix cancellation by Pop TV", "", "renewal"),
        ("Why Pop TV saved ‘One Day at a Time’ from Netflix cancellation", "", "renewal"),
        # Not saved: the cancellation stands.
        ("‘One Day at a Time’ not saved from Netflix cancellation", "", "cancellation"),
    ],
)
def test_a_show_saved_from_its_cancellation_is_renewed(
    headline: str, teaser: str, kind: str
) -> None:
    assert classify(headline, teaser).value == kind


@pytest.mark.parametrize(
    ("headline", "teaser", "kind"),
    [
        # A holiday names a day: a date said for a start.
        ("‘Gavin and Stacey’ will return for one final episode on Christmas Day", "", "premiere"),
        ("‘Gavin and Stacey’ news", "The last episode will air this Christmas.", "premiere"),
        # A special named for the holiday dates nothing; not returning ends the show.
        ("‘Gavin and Stacey’ returns for another Christmas special", "", "other"),
        ("‘Gavin and Stacey’ won’t return this Christmas", "", "cancellation"),
    ],
)
def test_a_holiday_names_a_start_date(headline: str, teaser: str, kind: str) -> None:
    assert classify(headline, teaser).value == kind


@pytest.mark.parametrize(
    ("headline", "teaser", "kind"),
    [
        # The last film or case in the making: filming tells the end.
        ("Wolfgang Stumph dreht letzten „Stubbe“", "", "cancellation"),
        ("Stumph im Porträt", "Jetzt dreht er seinen letzten Fall.", "cancellation"),
        (
            "Hannelore Hoger steht ein letztes Mal als „Bella Block“ vor der Kamera",
            "",
            "cancellation",
        ),
        # A season's last scenes, or not the last time: filming decides nothing.
        ("„Der Bergdoktor“ dreht die letzten Szenen der Staffel", "", "other"),
        ("Hoger steht nicht zum letzten Mal als „Bella Block“ vor der Kamera", "", "other"),
        ("„Stubbe“ dreht nicht seinen letzten Fall", "", "other"),
    ],
)
def test_filming_the_last_film_is_an_end(headline: str, teaser: str, kind: str) -> None:
    assert classify(headline, teaser).value == kind


@pytest.mark.parametrize(
    ("headline", "teaser", "kind"),
    [
        # A show said to go on starts when its teaser dates the start.
        (
            "Die Serie „Bad Banks“ geht weiter.",
            "Das ZDF hat nun den Starttermin für Staffel zwei veröffentlicht.",
            "premiere",
        ),
        (
            "„Kitchen Impossible“ geht weiter",
            "Die fünfte Staffel startet am 9. Februar.",
            "premiere",
        ),
        # Without a date, or with a renewal said beside it, it goes on: renewed.
        ("„Bad Banks“ geht weiter", "Das ZDF hat eine zweite Staffel bestellt.", "renewal"),
        ("„Bad Banks“ geht weiter", "", "renewal"),
        (
            "Die Jagd geht weiter: „Bad Banks“ verlängert",
            "Staffel 2 startet am 9. Februar.",
            "renewal",
        ),
    ],
)
def test_a_show_said_to_go_on_starts_when_its_teaser_dates_it(
    headline: str, teaser: str, kind: str
) -> None:
    assert classify(headline, teaser).value == kind


@pytest.mark.parametrize(
    ("headline", "teaser", "kind"),
    [
        # A channel that shows or airs it in a month or on a dated day: a start.
        ("Im Januar wird der SWR die Miniserie „Labaule & Erben“ zeigen", "", "premiere"),
        (
            "KaDeWe-Serie an einem Abend",
            "Die Miniserie wird im Ersten am 27. Dezember an einem Abend ausgestrahlt.",
            "premiere",
        ),
        ("Die finale Staffel ist ab Januar im ZDF zu sehen", "", "premiere"),
        # One evening's slot, or shown no more: no start.
        ("Das ZDF zeigt „Der Alte“ am Montagabend", "", "other"),
        ("„Lanz“ ist künftig auch am Dienstagabend im Zweiten zu sehen", "", "other"),
        ("Im Januar wird der SWR die Miniserie „Labaule & Erben“ nicht zeigen", "", "other"),
    ],
)
def test_a_channel_showing_it_on_a_date_is_a_start(headline: str, teaser: str, kind: str) -> None:
    assert classify(headline, teaser).value == kind


@pytest.mark.parametrize(
    ("headline", "teaser", "kind"),
    [
        # A listing's weekday with its date, the date set off by commas or brackets.
        ("Am Montag, 27.12.2021, läuft „Eldorado KaDeWe“ im Ersten", "", "premiere"),
        (
            "Zwei neue Filme",
            "Den ersten Streifen zeigt man am Freitag, den 19. Januar zur besten Sendezeit.",
            "premiere",
        ),
        (
            "„Labaule & Erben“",
            "Am Freitag (11. Januar) kommt die Miniserie ins Fernsehen.",
            "premiere",
        ),
        # A weekday alone, or the ratings of that day: no start.
        ("Am Montag, 20 Jahre danach: Rückblick auf „Lindenstraße“", "", "other"),
        ("„Eldorado KaDeWe“", "Die Quote vom Montag, 27.12.2021, war gut.", "other"),
    ],
)
def test_a_listed_day_with_its_date_is_a_start(headline: str, teaser: str, kind: str) -> None:
    assert classify(headline, teaser).value == kind


@pytest.mark.parametrize(
    ("headline", "teaser", "kind"),
    [
        # Back on the screen, said in English, in a headline.
        ("Silent Witness returns to TV screens with Emilia Fox back for season 27", "", "premiere"),
        ("‘Twin Peaks’ is finally returning to our screens", "", "premiere"),
        # A season out on a streamer now.
        (
            "The final season of ‘The Last Kingdom’ is now available to stream on Netflix",
            "",
            "premiere",
        ),
        (
            "Season 2 of ‘The Wheel of Time’ has released on Prime Video on September 1",
            "",
            "premiere",
        ),
        # Never back, a spin-off, a year back, or a teaser's history: no start.
        ("‘Fleabag’ will never return to our screens", "", "cancellation"),
        ("‘Lost’ returns to TV screens with a spinoff", "", "other"),
        ("‘Dark’ was released on Netflix in 2017", "", "other"),
        ("Unforgotten: the cast", "The show returned to our screens for a fourth season.", "other"),
    ],
)
def test_back_on_the_screen_or_out_on_a_streamer_is_a_start(
    headline: str, teaser: str, kind: str
) -> None:
    assert classify(headline, teaser).value == kind


@pytest.mark.parametrize(
    ("headline", "teaser", "kind"),
    [
        # Back with new episodes, in a teaser too: more episodes on their way.
        (
            "Vieles ändert sich für Marie",
            "Mit vier neuen Folgen kommt die taffe Oberbayerin zurück.",
            "premiere",
        ),
        (
            "„Marie fängt Feuer“",
            "Die Feuerwehrfrau ist zurück mit vier neuen Abenteuern.",
            "premiere",
        ),
        # Not back, or back in the story: no start.
        (
            "Vieles ändert sich für Marie",
            "Mit vier neuen Folgen kommt die Oberbayerin nicht zurück.",
            "other",
        ),
        ("Vieles ändert sich für Marie", "Sie kommt mit neuen Sorgen zurück ins Dorf.", "other"),
    ],
)
def test_back_with_new_episodes_is_a_start(headline: str, teaser: str, kind: str) -> None:
    assert classify(headline, teaser).value == kind


@pytest.mark.parametrize(
    ("headline", "teaser", "kind"),
    [
        # A show said to come back, nothing dated: back for more.
        ("Deadwood: The HBO Series Will Return, Sort Of", "", "renewal"),
        ("Jericho news", "A fan campaign worked and the doomsday drama is coming back.", "renewal"),
        ("Holy crap", "It's official. Twin Peaks is coming back to television.", "renewal"),
        # Dated, denied or back elsewhere: a start, an end or nothing.
        ("‘Twin Peaks’ will return on May 21", "", "premiere"),
        ("‘Deadwood’ will not return", "", "cancellation"),
        ("Jericho news", "Its star is coming back to the stage in May.", "other"),
    ],
)
def test_a_show_said_to_come_back_is_renewed(headline: str, teaser: str, kind: str) -> None:
    assert classify(headline, teaser).value == kind


@pytest.mark.parametrize(
    ("headline", "teaser", "kind"),
    [
        # Back after years away, nothing dated: revived.
        ("„Mondbasis“ kehrt nach neun Jahren Pause zurück", "", "renewal"),
        ("Der Sender holt „Mondbasis“ zurück – nach elf Jahren", "", "renewal"),
        ("‘Moonbase’ is making a comeback after a 12-year hiatus", "", "renewal"),
        ("‘Moonbase’ is coming back to TV, 30 years after it first aired", "", "renewal"),
        # Its teaser dates the start, or a date is said: a start.
        (
            "„Mondbasis“ kehrt nach neun Jahren Pause zurück",
            "Die neuen Folgen laufen ab 3. März im ZDF.",
            "premiere",
        ),
        ("‘Moonbase’ returns on March 3 after a 12-year hiatus", "", "premiere"),
        # Someone who withdraws after years brings nothing back.
        ("Die Moderatorin zieht sich nach elf Jahren von „Mondbasis“ zurück", "", "other"),
        # Two years are a streaming series' usual wait between seasons: back, not revived.
        ("„Mondbasis“ kehrt nach zwei Jahren Pause zurück", "", "premiere"),
    ],
)
def test_a_show_back_after_years_away_is_revived(headline: str, teaser: str, kind: str) -> None:
    assert classify(headline, teaser).value == kind


@pytest.mark.parametrize(
    ("headline", "teaser", "kind"),
    [
        # A farewell or a last time in an item that names a host is the host's.
        (
            "Lena Berg verabschiedet sich von der Moderation – ihr Nachfolger steht fest",
            "",
            "other",
        ),
        (
            "Lena Berg hört auf",
            "Nach zehn Jahren moderiert sie „Mondbasis“ zum letzten Mal.",
            "other",
        ),
        # A teaser that also tells why (a report) reads the host's farewell the same way.
        (
            "Lena Berg hört auf",
            "Warum sie „Mondbasis“ nach zehn Jahren zum letzten Mal moderiert, erklärt sie hier.",
            "other",
        ),
        # "Moderately" names no host.
        (
            "Moonbase says goodbye to its fans",
            "A moderately loved run ends in May.",
            "cancellation",
        ),
        # Without a host it is the show's; an end said outright is the show's anyway.
        ("„Mondbasis“ verabschiedet sich", "", "cancellation"),
        (
            "Lena Berg hört auf",
            "Nach zehn Jahren ermittelt sie in „Mondbasis“ zum letzten Mal.",
            "cancellation",
        ),
        ("Die Moderatorin geht, das ZDF setzt „Mondbasis“ ab", "", "cancellation"),
    ],
)
def test_a_hosts_farewell_is_no_end_of_the_show(headline: str, teaser: str, kind: str) -> None:
    assert classify(headline, teaser).value == kind


@pytest.mark.parametrize(
    ("headline", "teaser", "kind"),
    [
        # The starting shot of new episodes, in a teaser too.
        ("Zwölfmal hat sie ermittelt", "Der Startschuss ist heute im Ersten.", "premiere"),
        ("„SOKO Leipzig“", "Das ZDF kündigte den Startschuss einer neuen Staffel an.", "premiere"),
        # Of filming, or none yet: no start.
        ("„SOKO Leipzig“", "Der Startschuss für die Dreharbeiten ist gefallen.", "other"),
        ("„SOKO Leipzig“", "Es gibt noch keinen Startschuss für neue Folgen.", "other"),
    ],
)
def test_the_starting_shot_of_new_episodes_is_a_start(
    headline: str, teaser: str, kind: str
) -> None:
    assert classify(headline, teaser).value == kind
