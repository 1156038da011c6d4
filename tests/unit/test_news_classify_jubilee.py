"""An item that celebrates a show's jubilee: the party is no news of its seasons."""

from __future__ import annotations

import pytest

from bot.news.classify import classify


@pytest.mark.parametrize(
    ("headline", "teaser", "kind"),
    [
        # The jubilee show's slot, the story going on, a farewell at the party: none.
        (
            "„Mondbasis“ feiert 30-jähriges Bestehen",
            "Die Festfolge zeigt das Erste um 20.15 Uhr.",
            "other",
        ),
        (
            "„Mondbasis“ feiert Jubiläum mit Sternenball",
            "Der Streit um die Station geht weiter",
            "other",
        ),
        ("„Mondbasis“: Abschied von Kurt Meier und Gala zum Jubiläum", "", "other"),
        (
            "Moonbase celebrates its 20th anniversary",
            "Fans bid farewell to the old studio.",
            "other",
        ),
        # A decision or a dated season still counts; a jubilee season starts like any other.
        ("„Mondbasis“ feiert Jubiläum", "Ab 4. März zeigt das ZDF die zehnte Staffel.", "premiere"),
        ("„Mondbasis“ feiert Jubiläum und wird verlängert", "", "renewal"),
        ("„Mondbasis“: Jubiläumsstaffel startet", "", "premiere"),
        # The ratings in the teaser change none of that.
        (
            "„Mondbasis“ feiert 30-jähriges Bestehen",
            "Die Festfolge holte starke Quoten, die Geschichte geht weiter.",
            "other",
        ),
        # An end said outright is the show's, at the party too.
        ("Zum 30. Jubiläum ist Schluss für „Mondbasis“", "", "cancellation"),
    ],
)
def test_a_jubilee_is_no_news_of_the_seasons(headline: str, teaser: str, kind: str) -> None:
    assert classify(headline, teaser).value == kind
