"""Kinds of news said in other words: periphrases of a start, an order or an end."""

from __future__ import annotations

import pytest

from bot.news.classify import classify


@pytest.mark.parametrize(
    ("headline", "teaser", "kind"),
    [
        # "Los geht es", "geht's los", "geht … an den Start" with its date or "in Kürze".
        ("„Mondbasis“", "Im Juni geht die Serie „Mondbasis“ an den Start.", "premiere"),
        ("„Mondbasis“", "Los gehen soll es schon in Kürze.", "premiere"),
        ("„Mondbasis“", "Am 4. März geht's los im ZDF.", "premiere"),
        ("„Mondbasis“", "Los geht es am 4. März mit einer Doppelfolge.", "premiere"),
        # Without a date it is the story's start, or filming's.
        ("„Mondbasis“", "Dann geht es los mit der Jagd auf den Täter.", "other"),
    ],
)
def test_a_start_said_in_other_words_with_its_date_is_a_premiere(
    headline: str, teaser: str, kind: str
) -> None:
    assert classify(headline, teaser).value == kind


@pytest.mark.parametrize(
    ("headline", "teaser", "kind"),
    [
        # A numbered season announced or on its way, in a headline or its teaser.
        ("‘Moonbase’ Season 3 Announced by Hulu", "", "renewal"),
        ("Good news for fans", "And yes, season four is officially on the way.", "renewal"),
        # Announced with its date: a start, or no order said.
        ("‘Moonbase’ season 3 announced with a premiere date", "", "premiere"),
        ("‘Moonbase’ season 3 announced for March", "", "other"),
    ],
)
def test_a_numbered_season_announced_or_on_its_way_is_a_renewal(
    headline: str, teaser: str, kind: str
) -> None:
    assert classify(headline, teaser).value == kind


@pytest.mark.parametrize(
    ("headline", "kind"),
    [
        # The negation stands before the season it refuses, the verb at the clause's end.
        ("Der Sender wird „Mondbasis“ nicht um eine dritte Staffel verlängern", "cancellation"),
        ("„Mondbasis“ geht nicht in eine neue Runde", "cancellation"),
        ("Die Serie „Mondbasis“ wird nicht in die vierte Runde gehen", "cancellation"),
        ("Die Heldin steht nicht für eine zweite Staffel vor der Kamera", "cancellation"),
        # Not only one more season, or a cast member missing from one: no end.
        ("Der Sender verlängert „Mondbasis“ nicht nur um eine dritte Staffel", "renewal"),
        ("Die Heldin ist nicht in der zweiten Staffel von „Mondbasis“ dabei", "other"),
    ],
)
def test_a_german_negation_before_the_season_it_refuses_is_a_cancellation(
    headline: str, kind: str
) -> None:
    assert classify(headline).value == kind


@pytest.mark.parametrize(
    ("headline", "kind"),
    [
        # Into another round, its number said, a few words between.
        ("„Mondbasis“ geht in eine zweite Runde", "renewal"),
        ("„Mondbasis“ geht beim ZDF endlich in die fünfte Runde", "renewal"),
        ("„Mondbasis“ geht in Runde drei", "renewal"),
        # The last round is its end.
        ("„Mondbasis“ geht in die letzte Runde", "cancellation"),
    ],
)
def test_a_show_going_into_a_numbered_round_is_renewed(headline: str, kind: str) -> None:
    assert classify(headline).value == kind


@pytest.mark.parametrize(
    "headline",
    [
        # British channels commission (or recommission) a series rather than order it.
        "Channel 4 has commissioned ‘Moonbase’ for a third series",
        "‘Moonbase’ recommissioned for two more series by ITV",
        "‘Moonbase’ commissioned for a further two series, the BBC confirms",
    ],
)
def test_a_series_commissioned_is_renewed(headline: str) -> None:
    assert classify(headline).value == "renewal"


@pytest.mark.parametrize(
    ("headline", "kind"),
    [
        # Back for a season on a day said relative to today: a start.
        ("‘Moonbase’ returns for series four tonight", "premiere"),
        ("‘Moonbase’ is returning for a third series later this month", "premiere"),
        ("‘Moonbase’ will be back for another season next week", "premiere"),
        # No day said: an order.
        ("‘Moonbase’ is returning for a third series", "renewal"),
    ],
)
def test_a_return_for_a_season_dated_relative_to_today_is_a_premiere(
    headline: str, kind: str
) -> None:
    assert classify(headline).value == kind


@pytest.mark.parametrize(
    ("teaser", "kind"),
    [
        # A part of a month names the time of a start as "im" does, in a teaser too.
        ("Die Serie soll Mitte März starten.", "premiere"),
        ("Anfang Oktober zeigt das ZDF alle Folgen.", "premiere"),
        ("Ende Mai erscheint die Serie bei Joyn.", "premiere"),
        # Since or until then: a run, not its start.
        ("Die Serie läuft seit Anfang März im ZDF.", "other"),
        ("Noch bis Mitte Mai laufen die Dreharbeiten.", "other"),
    ],
)
def test_a_start_at_the_beginning_middle_or_end_of_a_month_is_dated(teaser: str, kind: str) -> None:
    assert classify("„Mondbasis“", teaser).value == kind


@pytest.mark.parametrize(
    ("headline", "teaser", "kind"),
    [
        # An English weekday with its date, in a headline or its teaser, either order of day
        # and month.
        (
            "Good news for fans",
            "The comedy will return to our screens on Saturday, October 3.",
            "premiere",
        ),
        ("‘Moonbase’ is back with its fourth season starting Friday 9 November", "", "premiere"),
        ("‘Moonbase’ season two dropped on Tuesday (Nov. 2)", "", "premiere"),
        # A weekday alone is a weekly slot.
        ("Good news for fans", "The comedy airs on Saturdays on ABC.", "other"),
    ],
)
def test_a_weekday_with_its_date_is_a_start(headline: str, teaser: str, kind: str) -> None:
    assert classify(headline, teaser).value == kind


@pytest.mark.parametrize(
    ("headline", "teaser", "kind"),
    [
        # A season confirmed to start is news of its date.
        (
            "Good news for fans",
            "Season 3 is confirmed to premiere on May 8.",
            "premiere",
        ),
        (
            "Good news for fans",
            "Netflix confirmed that season 3 will return on Sunday, June 7.",
            "premiere",
        ),
        # Confirmed alone: an order.
        ("‘Moonbase’ season 3 confirmed by Netflix", "", "renewal"),
    ],
)
def test_a_season_confirmed_to_start_is_a_date(headline: str, teaser: str, kind: str) -> None:
    assert classify(headline, teaser).value == kind


@pytest.mark.parametrize(
    ("headline", "kind"),
    [
        # A numbered season's date received: a start.
        ("‘Moonbase’ gets season 3 premiere date", "premiere"),
        ("‘Moonbase’ lands season four release date at last", "premiere"),
        # The season itself received: an order.
        ("‘Moonbase’ gets season 3 at Hulu", "renewal"),
    ],
)
def test_a_numbered_season_getting_its_date_is_a_start(headline: str, kind: str) -> None:
    assert classify(headline).value == kind


@pytest.mark.parametrize(
    ("teaser", "kind"),
    [
        # There will be no more of it: no further season.
        ("Eine vierte Staffel wird es nicht geben.", "cancellation"),
        ("Nach zwölf Jahren wird es die Show nicht mehr geben.", "cancellation"),
        # Said to be there: no end.
        ("Die Show wird es bald auch im Ersten geben.", "other"),
    ],
)
def test_there_will_be_no_more_of_it_is_a_cancellation(teaser: str, kind: str) -> None:
    assert classify("„Mondbasis“", teaser).value == kind


@pytest.mark.parametrize(
    ("headline", "kind"),
    [
        # A run counted in seasons tells an end, whatever everyday verb says it.
        ("ABC shows ‘Moonbase’ the door after two seasons", "cancellation"),
        ("‘Moonbase’ sent packing after just one season on Hulu", "cancellation"),
        # Someone leaving or coming back after a run is no end of the show.
        ("‘Moonbase’ star exits after three seasons", "other"),
        # A decision said outright still decides.
        ("‘Moonbase’ renewed after two seasons", "renewal"),
    ],
)
def test_a_run_counted_in_seasons_is_an_end(headline: str, kind: str) -> None:
    assert classify(headline).value == kind


@pytest.mark.parametrize(
    ("teaser", "kind"),
    [
        # A teaser that counts the run tells the end the headline only hints at.
        ("The comedy will bow out after three seasons on Hulu.", "cancellation"),
        ("After just one season, the network showed the drama the door.", "cancellation"),
        # Someone who leaves after a run ends no show.
        ("Its star leaves the cast after two seasons.", "other"),
    ],
)
def test_a_run_counted_in_seasons_in_a_teaser_is_an_end(teaser: str, kind: str) -> None:
    assert classify("‘Moonbase’ takes a final bow", teaser).value == kind


@pytest.mark.parametrize(
    ("headline", "teaser", "kind"),
    [
        # Coming in a month or on a day: a start.
        ("‘Moonbase’ is coming to BBC Two in March", "", "premiere"),
        ("Good news for fans", "The second part is coming on May 3.", "premiere"),
        # Coming to an end in a month is its end.
        ("‘Moonbase’ will come to an end in May", "", "cancellation"),
    ],
)
def test_coming_in_a_month_is_a_start(headline: str, teaser: str, kind: str) -> None:
    assert classify(headline, teaser).value == kind


@pytest.mark.parametrize(
    ("teaser", "kind"),
    [
        # A season there will be: more of the show.
        ("Der Sender hat entschieden: Es wird eine dritte Staffel geben.", "renewal"),
        ("Nun steht fest, dass es eine zweite Staffel geben wird.", "renewal"),
        ("Eine vierte Staffel wird es auf jeden Fall geben.", "renewal"),
        # Denied, it is none.
        ("Eine vierte Staffel wird es nicht geben.", "cancellation"),
    ],
)
def test_a_season_there_will_be_is_a_renewal(teaser: str, kind: str) -> None:
    assert classify("„Mondbasis“", teaser).value == kind


@pytest.mark.parametrize(
    ("teaser", "kind"),
    [
        # A start date made known with "bekannt": the date is news.
        ("Jetzt gab der Sender den Starttermin der neuen Folgen bekannt.", "premiere"),
        ("Nun ist auch der Starttermin der Krimireihe bekannt.", "premiere"),
        # Not known yet, it is none.
        ("Der Starttermin ist noch nicht bekannt.", "other"),
        ("Der Sendetermin bleibt unbekannt.", "other"),
    ],
)
def test_a_start_date_made_known_is_a_premiere(teaser: str, kind: str) -> None:
    assert classify("„Mondbasis“ im Ersten", teaser).value == kind


@pytest.mark.parametrize(
    ("teaser", "kind"),
    [
        # The noun "das Aus": made known, threatened, faced, or ending a run.
        ("Der Sender verkündete am Montag das Aus der Sitcom.", "cancellation"),
        ("Nach elf Jahren droht der Talkshow nun das Aus.", "cancellation"),
        ("Die Krimireihe steht offenbar vor dem Aus.", "cancellation"),
        ("Für die Mondbasis-Crew ist es das Aus nach sieben Jahren.", "cancellation"),
        # The preposition "aus" is none.
        ("Die Ärztin, die aus der Serie bekannt ist, dreht einen Kinofilm.", "other"),
        ("Die Hauptdarstellerin stammt aus Wien.", "other"),
    ],
)
def test_the_german_noun_aus_is_a_cancellation(teaser: str, kind: str) -> None:
    assert classify("„Mondbasis“", teaser).value == kind


@pytest.mark.parametrize(
    ("headline", "teaser", "kind"),
    [
        ("‘Moonbase’ is back!", "", "premiere"),
        ("The lunar sitcom Moonbase is finally back on Hulu with its third season", "", "premiere"),
        ("Moonbase is back with more tales from the crater", "", "premiere"),
        # Only coming back, or said of what a teaser retells.
        ("Moonbase will be back", "", "renewal"),
        ("Moonbase could be back on Netflix", "", "other"),
        # A star back on set, or a show back on top of the charts: no start.
        ("Moonbase star Jane Doe is back on set", "", "other"),
        ("Moonbase is back on top of the charts", "", "other"),
        ("Moonbase: a look at the crew", "Watching it, I'm glad that Moonbase is back.", "other"),
        # Back in a place of the story, or in a revival said beside it.
        ("Moonbase's hero is back in his home town", "", "other"),
        ("Moonbase is back: a revival of the 1990s sitcom", "", "renewal"),
    ],
)
def test_an_english_headlines_show_that_is_back_is_a_premiere(
    headline: str, teaser: str, kind: str
) -> None:
    assert classify(headline, teaser).value == kind


@pytest.mark.parametrize(
    ("headline", "kind"),
    [
        ("Moonbase wins the award for Best Comedy Series", "other"),
        ("Moonbase earns a nomination for best lead actress", "other"),
        # Gone for good is still an end.
        ("Moonbase is gone for good", "cancellation"),
    ],
)
def test_an_award_for_best_series_ends_nothing(headline: str, kind: str) -> None:
    assert classify(headline).value == kind


@pytest.mark.parametrize(
    ("headline", "kind"),
    [
        ("Moonbase, the hit Netflix comedy, wins two awards", "other"),
        ("Moonbase, a hit Netflix show, tops the charts", "other"),
        # Hitting Netflix is arriving there.
        ("Moonbase hits Netflix", "premiere"),
    ],
)
def test_the_hit_netflix_series_is_a_success_not_an_arrival(headline: str, kind: str) -> None:
    assert classify(headline).value == kind


@pytest.mark.parametrize(
    ("headline", "kind"),
    [
        # "set to return" with nothing dated is back for more, not a start.
        ("The beloved cartoon Moonbase is set to return.", "renewal"),
        ("Forty years on, the classic series Moonbase is set to return to TV.", "other"),
        # With its date it starts.
        ("Moonbase is set to return on March 3", "premiere"),
        ("Moonbase is set to return next week", "premiere"),
        ("Moonbase is set to premiere in May", "premiere"),
    ],
)
def test_a_show_set_to_return_without_a_date_is_no_start(headline: str, kind: str) -> None:
    assert classify(headline).value == kind


@pytest.mark.parametrize(
    ("headline", "teaser", "kind"),
    [
        # Out on a day, as a release is, in a headline or its teaser.
        ("Moonbase season 2 is out this November", "", "premiere"),
        ("Good news for fans", "Moonbase 2 is out today and picks up the story.", "premiere"),
        ("Good news for fans", "The sequel series comes out on Friday.", "other"),
        ("Good news for fans", "The sequel series comes out May 4.", "premiere"),
        # Someone out, or out of the running, dates nothing.
        ("The captain is out of Moonbase", "", "other"),
    ],
)
def test_a_show_out_on_a_day_is_a_premiere(headline: str, teaser: str, kind: str) -> None:
    assert classify(headline, teaser).value == kind


@pytest.mark.parametrize(
    ("headline", "kind"),
    [
        # Arriving on a broadcaster, not only on a streamer.
        ("Moonbase coming to Sky Atlantic soon", "premiere"),
        ("New drama Moonbase is set to arrive on the BBC", "premiere"),
        ("Moonbase lands on ITV", "premiere"),
        ("A new series of Moonbase is coming to Channel 4", "premiere"),
        # The show's star coming to a talk show is no start.
        ("Moonbase star comes to terms with the ending", "other"),
    ],
)
def test_a_show_arriving_on_a_broadcaster_is_a_premiere(headline: str, kind: str) -> None:
    assert classify(headline).value == kind


@pytest.mark.parametrize(
    ("headline", "kind"),
    [
        # On a channel or the screen today or tonight: a start.
        ("New drama Moonbase is set to hit the small screen today", "premiere"),
        ("Moonbase: what time it's on BBC One tonight and who is in the cast", "premiere"),
        # On screen at another time is only a slot.
        ("Moonbase will be on screens this evening despite the schedule switch", "other"),
    ],
)
def test_a_show_on_a_channel_tonight_is_a_premiere(headline: str, kind: str) -> None:
    assert classify(headline).value == kind


@pytest.mark.parametrize(
    ("headline", "teaser", "kind"),
    [
        # A new series a channel starts or shows, in a teaser or a headline.
        (
            "Kommissarin mit Eigensinn",
            "Das ZDF startet eine neue Krimireihe mit Anna Stein.",
            "premiere",
        ),
        (
            "Aliens im Allgäu",
            "Mit der neuen Serie „Mondbasis“ startet Sky ein Experiment.",
            "premiere",
        ),
        ("Sat.1 zeigt neue „Mondbasis“-Serie", "", "premiere"),
        # A teaser that tells the ratings tells how it started.
        (
            "Eine Kommissarin in Rom",
            "Mit 5 Millionen Zuschauern ist die neue Krimireihe im Ersten gestartet.",
            "other",
        ),
    ],
)
def test_a_new_series_a_channel_starts_is_a_premiere(headline: str, teaser: str, kind: str) -> None:
    assert classify(headline, teaser).value == kind


@pytest.mark.parametrize(
    ("headline", "teaser", "kind"),
    [
        # A release to come, with its day.
        ("Streamer to release Moonbase season 2 this week", "", "premiere"),
        ("Moonbase season 2 is set to be released on Friday, May 9", "", "premiere"),
        ("The wait is over!", "Moonbase season 2 is all set for release today.", "premiere"),
        # A trailer's release dates only the trailer; a release in the past is history.
        ("Good news for fans", "The trailer will be released on May 9.", "other"),
        ("Good news for fans", "The first season was released in May.", "other"),
    ],
)
def test_a_release_to_come_with_its_day_is_a_premiere(
    headline: str, teaser: str, kind: str
) -> None:
    assert classify(headline, teaser).value == kind


@pytest.mark.parametrize(
    ("headline", "kind"),
    [
        # A release to come is the show's, never a trailer's, the figures' or a report's.
        ("Netflix will release the Quillmoor trailer next week", "other"),
        ("The Quillmoor trailer will be released on Friday, May 3", "other"),
        ("Netflix will release Quillmoor viewing figures this week", "other"),
        ("Netflix to release its earnings report on Tuesday, October 17", "other"),
        ("Netflix to release Quillmoor season 2 this week", "premiere"),
        # One who is out this week after a dispute has left; a season out this week starts.
        ("The Quillmoor showrunner is out this week after a dispute", "other"),
        ("Quillmoor season 2 is out this week", "premiere"),
    ],
)
def test_a_release_or_an_out_is_the_shows_only(headline: str, kind: str) -> None:
    assert classify(headline, "").value == kind
