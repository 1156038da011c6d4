"""German ways of saying a kind of news that the general cues missed (invented sentences)."""

from __future__ import annotations

import pytest

from bot.news.classify import classify


@pytest.mark.parametrize(
    ("headline", "teaser", "kind"),
    [
        # Since or from this very weekday, in a headline or a teaser.
        ("„Mondbasis“ ist seit diesem Freitag in der Mediathek zu sehen", "", "premiere"),
        (
            "Aliens im Allgäu",
            "Die Serie, die seit dem heutigen Montag läuft, überzeugt.",
            "premiere",
        ),
        ("Aliens im Allgäu", "Die Serie startet von diesem Freitag an im Netz.", "premiere"),
        # Filming that began this weekday is no start.
        ("Aliens im Allgäu", "Seit diesem Dienstag wird die zweite Staffel gedreht.", "other"),
    ],
)
def test_a_show_on_since_this_weekday_is_a_premiere(headline: str, teaser: str, kind: str) -> None:
    assert classify(headline, teaser).value == kind


@pytest.mark.parametrize(
    ("headline", "teaser", "kind"),
    [
        # Released, put online or celebrating its premiere on a day, the verb closing its clause.
        (
            "Aliens im Allgäu",
            "Alle Folgen werden am 3. März in der Mediathek veröffentlicht.",
            "premiere",
        ),
        ("Aliens im Allgäu", "Die Serie wird am 4. Mai zum Abruf bereitgestellt.", "premiere"),
        ("Aliens im Allgäu", "Die Serie wird Ende Juni bei Sky ihre Premiere feiern.", "premiere"),
        ("Aliens im Allgäu", "Am heutigen Freitag feiert die Serie Weltpremiere.", "premiere"),
        (
            "Aliens im Allgäu",
            "Die Show, die am Sonntag ihre Rückkehr feiert, ist neu besetzt.",
            "premiere",
        ),
        # A released trailer, the perfect or a year is no start to come.
        ("Aliens im Allgäu", "Sky hat am Montag einen ersten Trailer veröffentlicht.", "other"),
        ("Aliens im Allgäu", "Die Serie wurde am 3. März 2019 veröffentlicht.", "other"),
    ],
)
def test_a_show_released_on_a_day_is_a_premiere(headline: str, teaser: str, kind: str) -> None:
    assert classify(headline, teaser).value == kind


@pytest.mark.parametrize(
    ("headline", "teaser", "kind"),
    [
        # A series extended by more seasons, episodes or films.
        ("„Mondbasis“ wird um zwei weitere Staffeln erweitert", "", "renewal"),
        ("Gute Nachrichten", "Die Krimireihe wird um drei neue Filme ergänzt.", "renewal"),
        # Two who complement each other add nothing.
        ("Aliens im Allgäu", "Die beiden Kommissare ergänzen sich um Längen.", "other"),
    ],
)
def test_a_series_extended_by_more_seasons_is_renewed(
    headline: str, teaser: str, kind: str
) -> None:
    assert classify(headline, teaser).value == kind


@pytest.mark.parametrize(
    ("headline", "teaser", "kind"),
    [
        # A channel that lets a series run out or takes it off the screen ends it.
        ("Sat.1 lässt „Mondbasis“ nach vier Staffeln auslaufen", "", "cancellation"),
        (
            "Schlechte Nachrichten",
            "Der Sender will die Serie 2027 auslaufen lassen.",
            "cancellation",
        ),
        ("Das ZDF nimmt „Mondbasis“ nach zehn Jahren vom Bildschirm", "", "cancellation"),
    ],
)
def test_a_series_let_run_out_is_cancelled(headline: str, teaser: str, kind: str) -> None:
    assert classify(headline, teaser).value == kind


@pytest.mark.parametrize(
    ("headline", "teaser", "kind"),
    [
        # An episode counted in the hundreds is a jubilee's, not a new part.
        ("„Mondbasis“ feiert Jubiläum", "Das ZDF zeigt die 100. Folge der Reihe.", "other"),
        ("Die Quizshow wird alt", "Der Sender strahlt die 1000. Folge aus.", "other"),
        # A numbered season shown is still a start.
        ("Aliens im Allgäu", "Sat.1 strahlt die 12. Staffel aus.", "premiere"),
    ],
)
def test_an_episode_counted_in_hundreds_is_no_start(headline: str, teaser: str, kind: str) -> None:
    assert classify(headline, teaser).value == kind


@pytest.mark.parametrize(
    ("headline", "teaser", "kind"),
    [
        # A start judged is the ratings, not a start.
        ("„Mondbasis“ startet holprig", "", "other"),
        ("Die Sitcom „Mondbasis“ hat einen starken Start hingelegt", "", "other"),
        # … but a start with its date still counts.
        ("„Mondbasis“ startet am 3. Mai", "", "premiere"),
    ],
)
def test_a_start_judged_is_the_ratings(headline: str, teaser: str, kind: str) -> None:
    assert classify(headline, teaser).value == kind


@pytest.mark.parametrize(
    ("headline", "teaser", "kind"),
    [
        # A channel named as the one that starts a series, in a teaser too.
        ("Aliens im Allgäu", "Ab heute Abend: Sky startet die Dramaserie „Mondbasis“.", "premiere"),
        ("Aliens im Allgäu", "Auf Netflix startet die Krimiserie „Mondbasis“.", "premiere"),
        (
            "Aliens im Allgäu",
            "ProSieben startet die Science-Fiction-Reihe „Mondbasis“.",
            "premiere",
        ),
    ],
)
def test_a_channel_starting_a_series_is_a_premiere(headline: str, teaser: str, kind: str) -> None:
    assert classify(headline, teaser).value == kind


@pytest.mark.parametrize(
    ("headline", "teaser", "kind"),
    [
        # No more of it planned is its end.
        ("Sitcom-Star: Keine weiteren Folgen „Mondbasis“ geplant", "", "cancellation"),
        ("Schlechte Nachrichten", "Eine neue Staffel ist derzeit nicht geplant.", "cancellation"),
        ("Schlechte Nachrichten", "Es sind keine neuen Folgen mehr geplant.", "cancellation"),
        # No new episodes shown this week is no end.
        ("Pause für „Mondbasis“", "Diese Woche gibt es keine neuen Folgen.", "other"),
    ],
)
def test_no_more_planned_is_a_cancellation(headline: str, teaser: str, kind: str) -> None:
    assert classify(headline, teaser).value == kind


@pytest.mark.parametrize(
    ("headline", "teaser", "kind"),
    [
        # A story that tips into something is no series dropped.
        ("Serientipp: „Mondbasis“", "Die Satire kippt bald ins Absurde.", "other"),
        ("Ein Dorf, das Folge für Folge ins Chaos kippt", "", "other"),
        # A channel that drops a series still ends it.
        ("Sat.1 kippt „Mondbasis“", "", "cancellation"),
    ],
)
def test_a_story_tipping_into_chaos_is_no_cancellation(
    headline: str, teaser: str, kind: str
) -> None:
    assert classify(headline, teaser).value == kind


@pytest.mark.parametrize(
    ("headline", "teaser", "kind"),
    [
        # A season's end is not the series'.
        ("Am Sonntag ging die zweite Staffel von „Mondbasis“ zu Ende", "", "other"),
        ("„Mondbasis“: Jubiläumsstaffel zu Ende", "", "other"),
        # … but a series that ends after or with its seasons, or its last season, does.
        ("„Mondbasis“ geht nach acht Staffeln zu Ende", "", "cancellation"),
        ("„Mondbasis“ geht mit der vierten Staffel zu Ende", "", "cancellation"),
        ("Die letzte Staffel von „Mondbasis“ geht zu Ende", "", "cancellation"),
    ],
)
def test_a_season_ending_is_no_cancellation(headline: str, teaser: str, kind: str) -> None:
    assert classify(headline, teaser).value == kind


@pytest.mark.parametrize(
    ("headline", "teaser", "kind"),
    [
        # The news of when it starts, the date itself left to the article.
        ("Aliens im Allgäu", "Jetzt ist klar, wann es mit der Serie weitergeht.", "premiere"),
        ("Aliens im Allgäu", "Nun steht fest, wann „Mondbasis“ zurückkehrt.", "premiere"),
        ("Aliens im Allgäu", "Der Sender hat verraten, wann die Serie startet.", "premiere"),
        # Not known yet is no news of a date.
        ("Aliens im Allgäu", "Es steht noch nicht fest, wann es weitergeht.", "other"),
    ],
)
def test_the_news_of_when_is_a_premiere(headline: str, teaser: str, kind: str) -> None:
    assert classify(headline, teaser).value == kind


@pytest.mark.parametrize(
    ("headline", "teaser", "kind"),
    [
        # Back with a season on a day said is a start …
        ("„Mondbasis“ kehrt im März mit einer neuen Staffel zu Netflix zurück", "", "premiere"),
        ("„Mondbasis“ kehrt zu Ostern mit Staffel 4 zurück", "", "premiere"),
        # … with no day said, back for more.
        ("„Mondbasis“ kehrt mit einer dritten Staffel zurück", "", "renewal"),
    ],
)
def test_back_with_a_season_on_a_day_is_a_premiere(headline: str, teaser: str, kind: str) -> None:
    assert classify(headline, teaser).value == kind


@pytest.mark.parametrize(
    ("headline", "teaser", "kind"),
    [
        # A weekly slot said alone is when a running show is on.
        (
            "Die Moderatorin privat",
            "Bei „Mondbasis“ (immer dienstags, 20.15 Uhr, Sat.1) ist sie Chefin.",
            "other",
        ),
        ("Die Moderatorin privat", "Zu sehen täglich um 19.50 Uhr bei KiKA.", "other"),
        # A slot with its day still dates a start.
        ("Aliens im Allgäu", "Am Freitag, 20.15 Uhr, zeigt Sat.1 die erste Folge.", "premiere"),
        ("Aliens im Allgäu", "Ab 3. März immer montags um 20.15 Uhr bei Vox.", "premiere"),
    ],
)
def test_a_weekly_slot_alone_is_no_start(headline: str, teaser: str, kind: str) -> None:
    assert classify(headline, teaser).value == kind


@pytest.mark.parametrize(
    ("headline", "teaser", "kind"),
    [
        # A person's contract run out, a new face or other changes not planned: no ending.
        ("Aliens im Allgäu: Der Sender lässt den Vertrag mit dem Kommissar auslaufen", "", "other"),
        ("Aliens im Allgäu: Kein neuer Kommissar geplant", "", "other"),
        ("Aliens im Allgäu: Keine weiteren Änderungen geplant", "", "other"),
        # The series' own end, said so, still is one.
        ("Aliens im Allgäu: Der Sender lässt die Serie auslaufen", "", "cancellation"),
        ("Aliens im Allgäu: Keine weiteren Folgen geplant", "", "cancellation"),
        # A final season that ends ends the series.
        (
            "Aliens im Allgäu: Die Finalstaffel geht zu Ende",
            "Am Sonntag lief die letzte Folge.",
            "cancellation",
        ),
        # Figures published on a day, the perfect after the day: no release.
        ("Am Dienstag hat der Sender die Quoten zu „Aliens im Allgäu“ veröffentlicht", "", "other"),
        # Contestants added are no new parts.
        ("Aliens im Allgäu: Die Show wird um zwei Teilnehmer erweitert", "", "other"),
    ],
)
def test_a_persons_or_a_figures_news_is_no_series_news(
    headline: str, teaser: str, kind: str
) -> None:
    assert classify(headline, teaser).value == kind
