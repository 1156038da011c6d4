"""How a title is written in the item: a capitalised title in lower case is a plain word."""

from __future__ import annotations

from bot.news.match import CatalogueTitle, SeriesMatcher

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
