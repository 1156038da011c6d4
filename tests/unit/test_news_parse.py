"""Feed bytes → plain items: formats, broken feeds, keys, HTML stripping, dates."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest

from bot.news.parse import (
    ParsedFeed,
    absolute_link,
    normalize_link,
    parse_feed,
    parse_feed_bytes,
    plain_text,
    plausible_date,
)

FEED_URL = "https://example.test/feed.xml"
FETCHED_AT = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Serien &amp; mehr</title><language>de-de</language>
<item><guid>n-2</guid><title>„Dark“ bekommt Staffel 4</title>
 <link>https://example.test/news/2?utm_source=rss#top</link>
 <description>&lt;p&gt;Netflix &lt;b&gt;bestätigt&lt;/b&gt;
 &lt;script&gt;steal()&lt;/script&gt;.&lt;/p&gt;</description>
 <pubDate>Tue, 07 Jan 2025 10:00:00 +0100</pubDate></item>
<item><guid>n-1</guid><title>Older</title><pubDate>Mon, 06 Jan 2025 10:00:00 GMT</pubDate></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>TV</title>
<entry><id>tag:x,2025:1</id><title type="html">&lt;i&gt;Lost&lt;/i&gt; returns</title>
 <link href="https://example.test/lost"/><updated>2025-01-05T12:00:00-05:00</updated>
 <summary>Summary</summary></entry></feed>"""

RSS1 = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="https://example.test/"><title>RDF</title><link>https://example.test/</link></channel>
<item rdf:about="https://example.test/a"><title>RDF item</title><link>https://example.test/a</link></item>
</rdf:RDF>"""

RSS091 = """<?xml version="1.0"?><rss version="0.91"><channel><title>Old</title>
<item><title>Old style</title><link>https://example.test/old</link></item></channel></rss>"""


def parse(body: bytes, content_type: str | None = None) -> ParsedFeed:
    return parse_feed_bytes(body, content_type, url=FEED_URL, fetched_at=FETCHED_AT)


def test_rss2_items_are_plain_oldest_first_with_utc_dates() -> None:
    feed = parse(RSS.encode())
    assert feed.error is None
    assert feed.title == "Serien & mehr"
    assert feed.language == "de-de"
    assert [item.key for item in feed.items] == ["g:n-1", "g:n-2"]
    newest = feed.items[1]
    assert newest.title == "„Dark“ bekommt Staffel 4"
    assert newest.summary == "Netflix bestätigt ."
    assert "steal" not in newest.summary
    assert newest.link == "https://example.test/news/2"
    assert newest.published == datetime(2025, 1, 7, 9, 0, tzinfo=UTC)


def test_atom_rss1_and_rss091_are_read() -> None:
    atom = parse(ATOM.encode())
    assert atom.items[0].title == "Lost returns"
    assert atom.items[0].published == datetime(2025, 1, 5, 17, 0, tzinfo=UTC)
    assert parse(RSS1.encode()).items[0].title == "RDF item"
    assert parse(RSS091.encode()).items[0].link == "https://example.test/old"


def test_keys_fall_back_to_link_then_hash_and_duplicates_are_dropped() -> None:
    body = """<rss version="2.0"><channel>
    <item><title>With link</title><link>https://EXAMPLE.test/a?utm_medium=x&amp;id=3</link></item>
    <item><title>Bare</title></item>
    <item><guid>same</guid><title>First</title></item>
    <item><guid>same</guid><title>Second</title></item>
    </channel></rss>"""
    items = parse(body.encode()).items
    keys = [item.key for item in items]
    assert len(keys) == len(set(keys)) == 3
    assert "l:https://example.test/a?id=3" in keys
    assert any(key.startswith("h:") for key in keys)
    again = [item.key for item in parse(body.encode()).items]
    assert again == keys  # stable across polls


def test_script_and_markup_in_titles_never_survive() -> None:
    body = """<rss version="2.0"><channel><item><guid>x</guid>
    <title>&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;Bold&lt;/b&gt; &amp;amp; more</title>
    <link>javascript:alert(1)</link></item></channel></rss>"""
    item = parse(body.encode()).items[0]
    assert item.title == "Bold & more"
    assert item.link is None


def test_malformed_feed_gives_what_is_readable() -> None:
    body = b'<rss version="2.0"><channel><item><guid>1</guid><title>one</title></item><item><ti'
    feed = parse(body)
    assert feed.error is None
    assert [item.title for item in feed.items] == ["one"]


def test_html_page_and_garbage_are_errors() -> None:
    page = b"<!doctype html><html><head><title>Hi</title></head><body><p>x</p></body></html>"
    assert parse(page, "text/html").error
    assert parse(b"\x00\xff\xfe garbage").error
    assert parse(b"").error


def test_wrongly_declared_encoding_still_parses() -> None:
    body = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        "<item><guid>1</guid><title>Ärzte verlängert</title></item></channel></rss>"
    ).encode("latin-1")
    feed = parse(body, "application/rss+xml; charset=utf-8")
    assert len(feed.items) == 1
    assert "rzte verl" in feed.items[0].title


def test_lengths_are_bounded() -> None:
    body = (
        f'<rss version="2.0"><channel><item><guid>{"g" * 500}</guid><title>{"t" * 5000}</title>'
        f"<description>{'s ' * 5000}</description></item></channel></rss>"
    )
    item = parse(body.encode()).items[0]
    assert len(item.title) <= 300
    assert len(item.summary) <= 1000
    assert len(item.key) <= 200


def test_link_normalisation() -> None:
    assert normalize_link("HTTPS://Example.test/x?b=2&utm_source=a#frag") == (
        "https://example.test/x?b=2"
    )
    assert normalize_link("ftp://example.test/") is None
    assert normalize_link("not a link") is None


def test_relative_links_resolve_against_the_feed_address_without_its_credentials() -> None:
    private = "http://reader:Sup3rS3cret@Feeds.example:8080/rss/serien.xml"
    assert absolute_link("/artikel/ballard", private) == "http://feeds.example:8080/artikel/ballard"
    assert absolute_link("teil-2?utm_source=rss", FEED_URL) == "https://example.test/teil-2"
    assert absolute_link("//cdn.example/a", FEED_URL) == "https://cdn.example/a"
    assert absolute_link("https://other.example/a", private) == "https://other.example/a"
    assert absolute_link(" ", FEED_URL) is None  # no link, not the feed's own address
    assert absolute_link("javascript:alert(1)", FEED_URL) is None
    assert absolute_link("mailto:redaktion@example.test", FEED_URL) is None
    assert absolute_link("/a", "not a url") is None


def test_a_link_to_the_feed_itself_is_no_link() -> None:
    """An item linked "#", "#top" or "?" resolved to the feed's own address, with its query:
    every fan got a link that spelt out the feed's API key."""
    private = "https://reader:geheim@feeds.example/rss.xml?api_key=SECRET"
    for link in ("#", "#top", "?", "rss.xml?api_key=SECRET#x"):
        assert absolute_link(link, private) is None, link
    assert absolute_link("#top", FEED_URL) is None
    assert absolute_link("rss.xml?page=2", private) == "https://feeds.example/rss.xml?page=2"


def test_an_atom_entry_with_a_relative_href_gets_an_absolute_link() -> None:
    body = ATOM.replace('href="https://example.test/lost"', 'href="/artikel/lost"')
    assert parse(body.encode()).items[0].link == "https://example.test/artikel/lost"


def test_a_date_after_the_fetch_is_taken_as_the_fetch_time() -> None:
    assert plausible_date(datetime(2099, 1, 1, tzinfo=UTC), FETCHED_AT) == FETCHED_AT
    skewed = FETCHED_AT + timedelta(minutes=4)  # a publisher's clock a little ahead: kept
    assert plausible_date(skewed, FETCHED_AT) == skewed
    wrong_zone = FETCHED_AT + timedelta(hours=1)
    assert plausible_date(wrong_zone, FETCHED_AT) == FETCHED_AT
    past = FETCHED_AT - timedelta(days=3)
    assert plausible_date(past, FETCHED_AT) == past
    body = RSS.replace("Tue, 07 Jan 2025 10:00:00 +0100", "Thu, 01 Jan 2099 12:00:00 GMT")
    assert [item.published for item in parse(body.encode()).items][-1] == FETCHED_AT


async def test_parse_runs_off_the_event_loop() -> None:
    feed = await parse_feed(
        RSS.encode(), "application/rss+xml", url=FEED_URL, fetched_at=FETCHED_AT
    )
    assert len(feed.items) == 2


def _work(value: str) -> float:
    """CPU seconds to extract the text of `value` uncut (best of three: less noise)."""
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        plain_text(value, limit=len(value))
        best = min(best, time.process_time() - started)
    return best


@pytest.mark.parametrize("unit", ["<!--", "<a ", "<![", "<script>", "&lt;![ x"])
def test_text_extraction_grows_linearly_with_hostile_markup(unit: str) -> None:
    # Quadratic extraction takes ~16 times as long for 4 times the input; linear ~4 times.
    # A ratio of scaling, not a wall-clock threshold, so a busy machine does not break it.
    small, large = unit * (20_000 // len(unit)), unit * (80_000 // len(unit))
    assert _work(large) < 9 * max(_work(small), 1e-4)


def test_a_huge_hostile_title_is_cut_before_extraction() -> None:
    assert plain_text("<!--" * 40_000, 300).startswith("<!--")
    assert len(plain_text("<!--" * 40_000, 300)) <= 300
    assert plain_text("Dark<!-- hidden -->!", 300) == "Dark!"
    assert plain_text("<p>Tom &amp; <b>Jerry</b></p><script>x()</script>", 300) == "Tom & Jerry"
    assert plain_text("a <3 b &lt;![ x", 300) == "a <3 b <![ x"
