"""Planning who gets a news item, and rendering it, from plain values."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.callback_data import Action, CallbackData, decode
from bot.followers import Follower
from bot.news.fanout import plan_news_fanout
from bot.news.poll import NewNews
from bot.news.views import NewsView, news_list_screen, render_news, source_name
from bot.paging import Page
from storage.models import ALL_NEWS_KINDS

ALL = frozenset(ALL_NEWS_KINDS)


def follower(chat: int, series: int, kinds=ALL, reported=frozenset(), language="de") -> Follower:
    return Follower(
        chat_id=chat, series_id=series, language=language, timezone="Europe/Berlin",
        news_kinds=frozenset(kinds), reported=frozenset(reported),
    )  # fmt: skip


def test_one_message_per_chat_even_for_two_matched_series() -> None:
    items = [NewNews(item_id=7, feed_id=1, series_ids=frozenset({1, 2}), kind="renewal")]
    plan = plan_news_fanout(items, [follower(10, 1), follower(10, 2), follower(11, 2)])
    assert [(p.chat_id, p.series_ids, p.dedup_key) for p in plan] == [
        (10, (1, 2), "news:7:10"),
        (11, (2,), "news:7:11"),
    ]


def test_kinds_reports_and_unrelated_followers_are_respected() -> None:
    items = [
        NewNews(item_id=1, feed_id=1, series_ids=frozenset({1}), kind="premiere"),
        NewNews(item_id=2, feed_id=1, series_ids=frozenset({1}), kind="renewal"),
    ]
    followers = [
        follower(10, 1, kinds={"renewal"}),
        follower(11, 1, reported={2}),
        follower(12, 99),
    ]
    plan = plan_news_fanout(items, followers)
    assert [(p.item_id, p.chat_id) for p in plan] == [(1, 11), (2, 10)]


def test_nothing_to_plan() -> None:
    assert plan_news_fanout([], [follower(1, 1)]) == []
    items = [NewNews(item_id=1, feed_id=1, series_ids=frozenset({1}), kind="other")]
    assert plan_news_fanout(items, []) == []


VIEW = NewsView(
    item_id=42,
    kind="renewal",
    title="„Ballard“ <b>verlängert</b> & mehr",
    link="https://news.test/a?x=1&y=2",
    source="Serien-News",
    published=datetime(2025, 3, 1, 19, 15, tzinfo=UTC),
    series=((5001, "Ballard"),),
)


def test_render_news_in_german_with_escaped_values_and_buttons() -> None:
    screen = render_news(VIEW, language="de", timezone="Europe/Berlin")
    assert "🔁 <b>Verlängert</b>" in screen.text
    assert "„Ballard“ &lt;b&gt;verlängert&lt;/b&gt; &amp; mehr" in screen.text
    assert "Zu: <i>Ballard</i>" in screen.text
    assert "Serien-News, Sa., 1. März 2025, 20:15" in screen.text
    assert '<a href="https://news.test/a?x=1&amp;y=2">Zum Artikel</a>' in screen.text
    buttons = [button for row in screen.keyboard for button in row]
    assert [b.label for b in buttons] == [
        "Nicht über diese Serie",
        "📺 Serie",
        "Nicht mehr folgen",
    ]
    assert [decode(b.callback_data) for b in buttons] == [
        CallbackData(Action.NOT_ABOUT, "42"),
        CallbackData(Action.CARD_POST, "5001"),
        CallbackData(Action.NEWS_UNFOLLOW, "5001"),
    ]


def test_render_news_in_english_with_two_series_and_no_link_or_date() -> None:
    view = NewsView(
        item_id=1,
        kind="cancellation",
        title="Crossover ends",
        link=None,
        source="tv.test",
        published=None,
        series=((1, "A"), (2, "B")),
    )
    screen = render_news(view, language="en", timezone="UTC")
    assert "Cancelled or ending" in screen.text and "About: <i>A, B</i>" in screen.text
    assert "Source: tv.test" in screen.text and "<a " not in screen.text
    labels = [button.label for row in screen.keyboard for button in row]
    assert labels == ["Not about this series", "📺 A", "Unfollow A", "📺 B", "Unfollow B"]


def test_news_list_and_source_names() -> None:
    empty = news_list_screen(Page((), 0, 1), language="en", timezone="UTC")
    assert "No news" in empty.text
    screen = news_list_screen(Page((VIEW, VIEW), 0, 1), language="en", timezone="UTC")
    assert screen.text.count("Renewed") == 2 and "Page" not in screen.text
    assert screen.keyboard == ()
    middle = news_list_screen(Page((VIEW,), 1, 3), language="en", timezone="UTC")
    assert "Page 2 of 3" in middle.text
    assert [decode(b.callback_data) for row in middle.keyboard for b in row] == [
        CallbackData(Action.PAGE, "n:0"),
        CallbackData(Action.PAGE, "n:2"),
    ]
    assert source_name(None, "https://www.tv.test/feed") == "www.tv.test"
    assert source_name("TV", "https://www.tv.test/feed") == "TV"
