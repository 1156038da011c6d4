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
