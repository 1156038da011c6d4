"""/feeds in pages: every feed on exactly one page, each page within 4096, ◀ ▶ between them."""

from datetime import UTC, datetime, timedelta

import pytest

from bot import render
from bot.callback_data import PagePress, Screen, decode, parse_page
from bot.news.views import FEEDS_PAGE_SIZE, feeds_screen
from bot.paging import page_count, page_of
from storage.news_models import Feed

T0 = datetime(2026, 5, 4, 18, 0, tzinfo=UTC)


def feeds(count: int, *, path: str = "serien-und-tv-news", error: str = "") -> list[Feed]:
    """`count` feeds, #1 …, every third one failing with `error` (if given)."""
    return [
        Feed(
            id=n,
            url=f"https://www.tv-portal.test/rss/section-{n:02d}/{path}.xml",
            title=f"TV-Portal Rubrik {n:02d} <&>",
            enabled=True,
            error_count=3 if error and n % 3 == 0 else 0,
            last_error=error if error and n % 3 == 0 else None,
            last_fetched_at=T0 if n % 2 else None,
            items_seen=n,
            next_poll_at=T0 + timedelta(minutes=n),
        )
        for n in range(1, count + 1)
    ]


def pages_of(shown: list[Feed], language: str = "en") -> list[str]:
    count = page_count(len(shown), FEEDS_PAGE_SIZE)
    return [
        feeds_screen(
            page_of(shown, number, FEEDS_PAGE_SIZE), language=language, timezone="Europe/Berlin"
        ).text
        for number in range(count)
    ]


def test_every_feed_is_on_exactly_one_page_in_order():
    texts = pages_of(feeds(30))
    assert len(texts) == 4  # 30 feeds, eight a page
    joined = "\n".join(texts)
    names = [f"#{n} <b>TV-Portal Rubrik {n:02d} &lt;&amp;&gt;</b>" for n in range(1, 31)]
    assert [joined.count(name) for name in names] == [1] * 30  # values still escaped
    assert [joined.index(name) for name in names] == sorted(joined.index(name) for name in names)
    assert all(text.startswith("<b>News feeds</b>\n\n") for text in texts)


def test_each_page_says_where_it_is_and_buttons_lead_to_its_neighbours():
    shown = feeds(30)

    def screen(number):
        return feeds_screen(page_of(shown, number, FEEDS_PAGE_SIZE), language="de", timezone="UTC")

    def presses(message):
        return [
            (b.label, parse_page(decode(b.callback_data))) for row in message.keyboard for b in row
        ]

    first, middle, last = screen(0), screen(1), screen(3)
    assert first.text.endswith("<i>Seite 1 von 4</i>") and last.text.endswith("Seite 4 von 4</i>")
    assert presses(first) == [("Weiter ▶", PagePress(Screen.FEEDS, 1))]
    assert presses(middle) == [
        ("◀ Zurück", PagePress(Screen.FEEDS, 0)),
        ("Weiter ▶", PagePress(Screen.FEEDS, 2)),
    ]
    assert presses(last) == [("◀ Zurück", PagePress(Screen.FEEDS, 2))]


@pytest.mark.parametrize("language", ["de", "en"])
def test_a_page_of_long_addresses_and_errors_fits_one_message_uncut(language):
    long_path = "kategorie/serien/nachrichten-und-hintergruende/alle-meldungen" * 2  # 120 chars
    error = "ConnectError: [Errno 111] Connect call failed ('203.0.113.7', 443) " * 2
    for text in pages_of(feeds(30, path=long_path, error=error), language):
        assert render.visible_len(text) <= render.MAX_MESSAGE_UTF16
        assert not text.endswith(render.ELLIPSIS)


def test_feeds_that_fit_one_page_have_no_buttons_and_no_footer():
    screen = feeds_screen(page_of(feeds(3), 0, FEEDS_PAGE_SIZE), language="en", timezone="UTC")
    assert screen.keyboard == () and screen.text.count("TV-Portal Rubrik") == 3
    assert "Page" not in screen.text


def test_no_feeds_is_one_sentence():
    screen = feeds_screen(page_of([], 0, FEEDS_PAGE_SIZE), language="en", timezone="UTC")
    assert screen.text == "No feeds yet. Add one with /addfeed."
    assert screen.keyboard == ()


def test_a_feeds_credentials_are_not_shown_on_the_admins_screen():
    """An admin's chat history is no place for a feed's password or API key."""
    feed = feeds(1)[0]
    feed.url = "https://reader:s3cret@tv-portal.test/rss.xml?api_key=k3y&section=serien"
    text = feeds_screen(page_of([feed], 0, FEEDS_PAGE_SIZE), language="en", timezone="UTC").text
    assert "s3cret" not in text and "k3y" not in text
    assert "https://reader:***@tv-portal.test/rss.xml?api_key=***&amp;section=serien" in text
