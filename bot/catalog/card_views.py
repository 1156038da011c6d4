"""A series card, its share screen, a shared link's offer and an inline result, rendered."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from telegram.helpers import create_deep_linked_url

from bot import render
from bot.callback_data import Action, Screen, SeriesVerb, card_data, encode, page_data, series_data
from bot.catalog.following import FollowOutcome
from bot.catalog.schedule import status_label
from bot.catalog.search import Candidate
from bot.catalog.series_card import SeriesCard, card_of
from bot.catalog.views import follow_outcome_text, next_line
from bot.digits import is_number
from bot.message import BotMessage, Button, Keyboard

# Deep-link payloads (`/start <payload>`): an offer to follow, or (older links, the
# `startgroup` link) a follow at once.
OFFER_PREFIX = "series_"
FOLLOW_PREFIX = "follow_"


class LinkKind(StrEnum):
    OFFER = "offer"
    FOLLOW = "follow"


@dataclass(frozen=True)
class DeepLink:
    kind: LinkKind
    tvmaze_id: int


def parse_deep_link(payload: str) -> DeepLink | None:
    """The series a `/start` payload names; None for any payload we did not make."""
    for prefix, kind in ((OFFER_PREFIX, LinkKind.OFFER), (FOLLOW_PREFIX, LinkKind.FOLLOW)):
        number = payload.removeprefix(prefix)
        if payload.startswith(prefix) and is_number(number) and len(number) <= 9:
            return DeepLink(kind, int(number))
    return None


def offer_link(bot_username: str, tvmaze_id: int) -> str:
    """Opens a private chat with the bot, which offers to follow the series."""
    return create_deep_linked_url(bot_username, f"{OFFER_PREFIX}{tvmaze_id}")


def group_link(bot_username: str, tvmaze_id: int) -> str:
    """Picks a group to add the bot to; the group then follows the series (an admin adds)."""
    return create_deep_linked_url(bot_username, f"{FOLLOW_PREFIX}{tvmaze_id}", group=True)


def card_text(language: str, timezone: str, card: SeriesCard) -> str:
    status = status_label(card.status, language) if card.status else None
    details = " · ".join(part for part in (status, card.network) if part)
    return render.html(
        language,
        "card.text",
        title=card.title,
        details=details or render.plain(language, "status.unknown"),
        next=next_line(language, timezone, card.next_airing)
        if card.schedule_known
        else render.fragment(language, "card.schedule_unknown"),
    )


def card_keyboard(language: str, card: SeriesCard, *, page: int = 0) -> Keyboard:
    """The card's buttons, one row each; per-series settings add their rows here."""
    tvmaze_id = str(card.tvmaze_id)
    follow = (
        Button(render.label(language, "card.button.unfollow"), encode(Action.UNFOLLOW, tvmaze_id))
        if card.followed
        else Button(render.label(language, "card.button.follow"), encode(Action.FOLLOW, tvmaze_id))
    )
    rows: list[tuple[Button, ...]] = [
        (
            Button(
                render.label(language, "card.button.share"),
                card_data(Action.SHARE, card.tvmaze_id, page),
            ),
        ),
        (follow,),
        (Button(render.label(language, "card.button.back"), page_data(Screen.LIST, page)),),
    ]
    if card.followed:  # the chat's own TV dates go with its follow
        own = (
            Button(
                render.label(language, "card.button.ical_remove"),
                encode(Action.CHAT_ICAL_REMOVE, tvmaze_id),
            )
            if card.own_calendar
            else Button(
                render.label(language, "card.button.ical_add"), encode(Action.CHAT_ICAL, tvmaze_id)
            )
        )
        rows.insert(-1, (own,))  # above "back"
    if card.followed:  # the chat's own settings for this series
        settings = series_data(card.tvmaze_id, SeriesVerb.OPEN)
        rows.insert(1, (Button(render.label(language, "series.settings.button.open"), settings),))
    return tuple(rows)


def card_screen(language: str, timezone: str, card: SeriesCard, *, page: int = 0) -> BotMessage:
    return BotMessage(card_text(language, timezone, card), card_keyboard(language, card, page=page))


def share_screen(language: str, card: SeriesCard, *, bot_username: str, page: int) -> BotMessage:
    private, group = (
        offer_link(bot_username, card.tvmaze_id),
        group_link(bot_username, card.tvmaze_id),
    )
    text = render.html(language, "share.text", title=card.title, private=private, group=group)
    rows = (
        (Button(render.label(language, "share.button.private"), url=private),),
        (Button(render.label(language, "share.button.group"), url=group),),
        # Telegram's chat picker with `@bot <title>` typed: the inline results post the card.
        (Button(render.label(language, "share.button.chat"), inline_query=card.title),),
        (
            Button(
                render.label(language, "share.button.back"),
                card_data(Action.CARD, card.tvmaze_id, page),
            ),
        ),
    )
    return BotMessage(text, rows)


def offer_screen(language: str, timezone: str, card: SeriesCard | None) -> BotMessage:
    """A shared link opened: the card and one button to follow (or the card, if followed)."""
    if card is None:
        return BotMessage(render.html(language, "follow.unknown"))
    if card.followed:
        return card_screen(language, timezone, card)
    text = render.html(
        language, "share.offer", card=render.Markup(card_text(language, timezone, card))
    )
    follow = Button(
        render.label(language, "share.button.follow"), encode(Action.FOLLOW, str(card.tvmaze_id))
    )
    return BotMessage(text, ((follow,),))


def inline_card(language: str, candidate: Candidate, *, bot_username: str) -> BotMessage:
    """What an inline result posts into any chat: the series and a link to follow it."""
    details = ", ".join(str(part) for part in (candidate.premiered, candidate.network) if part)
    text = render.html(
        language,
        "inline.card" if details else "inline.card_plain",
        title=candidate.title,
        details=details,
    )
    follow = Button(
        render.label(language, "inline.button.follow"),
        url=offer_link(bot_username, candidate.tvmaze_id),
    )
    return BotMessage(text, ((follow,),))


def follow_outcome_screen(language: str, timezone: str, outcome: FollowOutcome) -> BotMessage:
    """The answer to a follow: what happened, and the series card's buttons."""
    text = follow_outcome_text(language, timezone, outcome)
    if outcome.series is None:
        return BotMessage(text)
    card = card_of(outcome.series, followed=True, next_airing=outcome.next_airing)
    return BotMessage(text, card_keyboard(language, card))
