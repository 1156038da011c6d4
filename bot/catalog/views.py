"""What /follow, /unfollow, /list and /next show, rendered from plain values."""

from __future__ import annotations

from bot import render
from bot.callback_data import Action, Screen, card_data, encode
from bot.catalog.following import FollowOutcome
from bot.catalog.schedule import Airing, describe_airing, status_label
from bot.catalog.search import Candidate, SearchOutcome
from bot.message import BotMessage, Button
from bot.page_views import page_footer, page_row, paged_text
from bot.paging import Page
from storage.catalog_models import Series

LIST_PAGE_SIZE = 10  # series per page of /list and /unfollow: one button each
# Episodes per page of /next: an entry is shorter than a /list entry, so a page fits as theirs do.
NEXT_PAGE_SIZE = 10


def candidate_label(candidate: Candidate) -> str:
    details = ", ".join(str(part) for part in (candidate.premiered, candidate.network) if part)
    label = f"{candidate.title} ({details})" if details else candidate.title
    return render.cut_label(label)


def candidates_screen(language: str, outcome: SearchOutcome, query: str) -> BotMessage:
    if not outcome.candidates:
        key = "tv.unavailable" if outcome.tv_unavailable else "follow.none_found"
        return BotMessage(render.html(language, key, query=query))
    key = "follow.choose_partial" if outcome.tv_unavailable else "follow.choose"
    rows = tuple(
        (Button(candidate_label(c), encode(Action.FOLLOW, str(c.tvmaze_id))),)
        for c in outcome.candidates
    )
    return BotMessage(render.html(language, key, query=query), rows)


def next_line(language: str, timezone: str, airing: Airing | None) -> render.Markup:
    if airing is None:
        return render.fragment(language, "follow.no_next")
    line = describe_airing(airing, language=language, timezone=timezone)
    return render.fragment(language, "follow.next", line=line)


def follow_outcome_text(language: str, timezone: str, outcome: FollowOutcome) -> str:
    if outcome.series is None:
        key = "tv.unavailable" if outcome.tv_unavailable else "follow.unknown"
        return render.html(language, key)
    return render.html(
        language,
        "follow.done" if outcome.newly_followed else "follow.already",
        title=outcome.series.title,
        next=next_line(language, timezone, outcome.next_airing),
    )


def unfollow_screen(language: str, page: Page[Series]) -> BotMessage:
    if not page.items:
        return BotMessage(render.html(language, "list.empty"))
    rows = tuple(
        (Button(render.cut_label(s.title), encode(Action.UNFOLLOW, str(s.tvmaze_id))),)
        for s in page.items
    )
    text = render.html(language, "unfollow.choose", footer=page_footer(language, page))
    return BotMessage(text, rows + page_row(language, Screen.UNFOLLOW, page))


def unfollowed_screen(language: str, series: Series) -> BotMessage:
    undo = Button(
        render.label(language, "unfollow.undo"), encode(Action.FOLLOW, str(series.tvmaze_id))
    )
    return BotMessage(render.html(language, "unfollow.done", title=series.title), ((undo,),))


def list_screen(
    language: str, timezone: str, page: Page[Series], next_airings: dict[int, Airing]
) -> BotMessage:
    """One page of the chat's series, each a button that opens its card."""
    if not page.items:
        return BotMessage(render.html(language, "list.empty"))
    entries = [
        render.fragment(
            language,
            "list.entry",
            title=s.title,
            status=status_label(s.status, language),
            next=next_line(language, timezone, next_airings.get(s.id)),
        )
        for s in page.items
    ]
    text = paged_text(language, "list.text", page, entries)
    rows = tuple(
        (Button(render.cut_label(s.title), card_data(Action.CARD, s.tvmaze_id, page.number)),)
        for s in page.items
    )
    return BotMessage(text, rows + page_row(language, Screen.LIST, page))


def next_screen(language: str, timezone: str, page: Page[Airing], days: int) -> BotMessage:
    """One page of the episodes airing in the next `days` days, soonest first."""
    if not page.items:
        return BotMessage(render.html(language, "next.empty", days=days))
    lines = [
        render.fragment(
            language,
            "next.entry",
            title=a.series_title,
            line=describe_airing(a, language=language, timezone=timezone),
        )
        for a in page.items
    ]
    text = paged_text(language, "next.text", page, lines, separator="\n", days=days)
    return BotMessage(text, page_row(language, Screen.NEXT, page))
