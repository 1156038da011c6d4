"""/next in pages: every episode of the fortnight on exactly one page, each page within 4096."""

from datetime import UTC, datetime, timedelta

import pytest

from bot import render
from bot.callback_data import PagePress, Screen, decode, parse_page
from bot.catalog.schedule import Airing
from bot.catalog.views import NEXT_PAGE_SIZE, next_screen
from bot.paging import page_count, page_of

START = datetime(2026, 5, 4, 18, 0, tzinfo=UTC)
LONG = "Ein langer Titel mit Intrigen und Wendungen " * 5  # 225 characters


def daily(shows: int, days: int, title: str = "Folge") -> list[Airing]:
    """`shows` daily soaps over `days` days, soonest first, each episode titled uniquely."""
    return [
        Airing(
            episode_id=day * 10 + n,
            series_id=n,
            series_title=f"Daily Soap {n} <&>",
            season=30,
            number=100 + day,
            title=f"{title} {day}/{n}",
            airstamp=START + timedelta(days=day, minutes=n),
            airdate=None,
            channel="RTL",
        )
        for day in range(days)
        for n in range(shows)
    ]


def pages_of(airings: list[Airing], language: str = "en") -> list[str]:
    count = page_count(len(airings), NEXT_PAGE_SIZE)
    return [
        next_screen(language, "Europe/Berlin", page_of(airings, number, NEXT_PAGE_SIZE), 14).text
        for number in range(count)
    ]


def test_every_episode_is_on_exactly_one_page_in_order():
    airings = daily(3, 13)
    texts = pages_of(airings)
    assert len(texts) == 4  # 39 episodes, ten a page
    joined = "\n".join(texts)
    assert all(joined.count(f"“{a.title}”") == 1 for a in airings)
    positions = [joined.index(f"“{a.title}”") for a in airings]
    assert positions == sorted(positions)
    assert "Daily Soap 0 &lt;&amp;&gt;" in texts[0]  # values still escaped


def test_each_page_says_where_it_is_and_buttons_lead_to_its_neighbours():
    airings = daily(3, 13)
    first = next_screen("de", "Europe/Berlin", page_of(airings, 0, NEXT_PAGE_SIZE), 14)
    middle = next_screen("de", "Europe/Berlin", page_of(airings, 2, NEXT_PAGE_SIZE), 14)
    last = next_screen("de", "Europe/Berlin", page_of(airings, 3, NEXT_PAGE_SIZE), 14)
    assert first.text.startswith("<b>Die nächsten 14 Tage</b>\n\n")
    assert first.text.endswith("<i>Seite 1 von 4</i>") and last.text.endswith("Seite 4 von 4</i>")

    def presses(screen):
        return [
            (b.label, parse_page(decode(b.callback_data))) for row in screen.keyboard for b in row
        ]

    assert presses(first) == [("Weiter ▶", PagePress(Screen.NEXT, 1))]
    assert presses(middle) == [
        ("◀ Zurück", PagePress(Screen.NEXT, 1)),
        ("Weiter ▶", PagePress(Screen.NEXT, 3)),
    ]
    assert presses(last) == [("◀ Zurück", PagePress(Screen.NEXT, 2))]


@pytest.mark.parametrize("language", ["de", "en"])
def test_a_page_of_long_titles_fits_one_message_uncut(language):
    for text in pages_of(daily(3, 14, title=LONG), language):
        assert render.visible_len(text) <= render.MAX_MESSAGE_UTF16
        assert not text.endswith(render.ELLIPSIS)
        assert text.count("Daily Soap") <= NEXT_PAGE_SIZE


def test_a_fortnight_that_fits_one_page_has_no_buttons_and_no_footer():
    screen = next_screen("en", "UTC", page_of(daily(2, 3), 0, NEXT_PAGE_SIZE), 14)
    assert screen.keyboard == () and not screen.text.endswith("</i>")
    assert screen.text.count("Daily Soap") == 6


def test_no_episodes_is_one_sentence():
    screen = next_screen("en", "UTC", page_of([], 0, NEXT_PAGE_SIZE), 14)
    assert screen.text == "None of your series airs an episode in the next 14 days."
    assert screen.keyboard == ()
