"""News messages and the /news list, rendered from plain values in the chat's language."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from bot import render
from bot.callback_data import Action, Screen, encode
from bot.masked_url import masked_url
from bot.message import BotMessage, Button
from bot.page_views import page_row, paged_text
from bot.paging import Page
from bot.timefmt import local_datetime
from storage.news_models import Feed, NewsItem

MAX_UNFOLLOW_BUTTONS = 3
# Feeds per page of /feeds: an entry with a long address, title and error runs to ~450
# characters, so eight fit one message.
FEEDS_PAGE_SIZE = 8


@dataclass(frozen=True)
class NewsView:
    """One news item as a chat sees it."""

    item_id: int
    kind: str
    title: str
    link: str | None
    source: str  # the feed's title, else its host
    published: datetime | None
    series: tuple[tuple[int, str], ...]  # (TVmaze id, title) of the chat's series it is about


def source_name(feed_title: str | None, feed_url: str) -> str:
    return feed_title or urlsplit(feed_url).hostname or feed_url


def news_view(item: NewsItem, feed: Feed | None, series: Iterable[tuple[int, str]]) -> NewsView:
    """A stored item as a chat sees it, with the (TVmaze id, title) of its series."""
    return NewsView(
        item_id=item.id,
        kind=item.kind,
        title=item.title,
        link=item.link,
        source=source_name(feed.title, feed.url) if feed else "",
        published=item.published or item.created_at,
        series=tuple(series),
    )


def _parts(view: NewsView, language: str, timezone: str) -> dict[str, object]:
    """What a news message and a /news entry both show."""
    return {
        "badge": render.fragment(language, f"news.badge.{view.kind}"),
        "headline": view.title,
        "about": _about(view, language),
        "source": _source(view, language, timezone),
        "link": _link(view, language),
    }


def _about(view: NewsView, language: str) -> render.Markup:
    titles = ", ".join(title for _, title in view.series)
    return render.fragment(language, "news.about", series=titles)


def _source(view: NewsView, language: str, timezone: str) -> render.Markup:
    if view.published is None:
        return render.fragment(language, "news.source", source=view.source)
    when = local_datetime(view.published, timezone, language)
    return render.fragment(language, "news.source_dated", source=view.source, date=when)


def _link(view: NewsView, language: str) -> render.Markup:
    if not view.link:
        return render.Markup("")
    return render.fragment(language, "news.link", url=view.link)


def render_news(view: NewsView, *, language: str, timezone: str) -> BotMessage:
    """The pushed message: badge, headline, series, source and date, link; buttons: not about
    my series, and per series (up to three) its card and unfollow."""
    text = render.html(language, "news.message", **_parts(view, language, timezone))
    rows: list[tuple[Button, ...]] = [
        (
            Button(
                render.label(language, "news.button.not_about"),
                encode(Action.NOT_ABOUT, str(view.item_id)),
            ),
        )
    ]
    several = len(view.series) > 1
    for tvmaze_id, title in view.series[:MAX_UNFOLLOW_BUTTONS]:
        label = (
            render.label(language, "news.button.unfollow_title", title=title)
            if several
            else render.label(language, "news.button.unfollow")
        )
        card = Button(
            render.label(language, "news.button.card_title", title=title)
            if several
            else render.label(language, "news.button.card"),
            encode(Action.CARD_POST, str(tvmaze_id)),
        )
        rows.append((card, Button(label, encode(Action.NEWS_UNFOLLOW, str(tvmaze_id)))))
    return BotMessage(text, tuple(rows))


def news_list_screen(page: Page[NewsView], *, language: str, timezone: str) -> BotMessage:
    """What /news shows: one page of the latest items about the chat's series, newest first."""
    if not page.items:
        return BotMessage(render.html(language, "news.list.empty"))
    entries = [
        render.fragment(language, "news.list.entry", **_parts(view, language, timezone))
        for view in page.items
    ]
    text = paged_text(language, "news.list.text", page, entries)
    return BotMessage(text, page_row(language, Screen.NEWS, page))


def _feed_state(feed: Feed, language: str) -> render.Markup:
    if not feed.enabled:
        return render.fragment(language, "feeds.list.disabled")
    if feed.error_count:
        return render.fragment(language, "feeds.list.failing", error=feed.last_error or "?")
    return render.fragment(language, "feeds.list.ok")


def feeds_screen(page: Page[Feed], *, language: str, timezone: str) -> BotMessage:
    """What /feeds shows admins, a page of it: each feed's health, last fetch and back-off."""
    if not page.items:
        return BotMessage(render.html(language, "feeds.list.empty"))
    never = render.plain(language, "feeds.list.never")
    entries = [
        render.fragment(
            language,
            "feeds.list.entry",
            id=feed.id,
            title=feed.title or source_name(None, feed.url),
            state=_feed_state(feed, language),
            url=masked_url(feed.url),
            fetched=local_datetime(feed.last_fetched_at, timezone, language)
            if feed.last_fetched_at
            else never,
            items=feed.items_seen,
            errors=feed.error_count,
            next=local_datetime(feed.next_poll_at, timezone, language),
        )
        for feed in page.items
    ]
    text = paged_text(language, "feeds.list.text", page, entries)
    return BotMessage(text, page_row(language, Screen.FEEDS, page))
