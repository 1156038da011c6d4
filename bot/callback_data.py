"""Compact, versioned callback data: `<version>|<action>|<argument>`, always within 64 bytes.

This module owns the wire format: it builds the data, parses it, and generates the patterns
`bot/app.py` routes presses with. Data comes back from the client and may be stale or forged:
`decode` returns None for anything we did not make, and every argument is validated again by
the service using it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from bot.digits import is_id, is_number
from storage.statuses import Audience

VERSION = "1"
SEPARATOR = "|"
MAX_BYTES = 64


class Action(StrEnum):
    """What a button does; the value is what travels in the callback data."""

    MENU = "menu"  # /settings: open a sub-menu (or close the menu)
    LANGUAGE = "lang"
    TIMEZONE = "tz"
    LEAD = "lead"
    QUIET = "quiet"
    NEWS = "news"
    DELETE = "delete"  # /deletedata: yes / no
    FOLLOW = "fo"  # argument: a TVmaze id
    UNFOLLOW = "uf"  # argument: a TVmaze id (the /unfollow list: the message becomes "undo")
    NEWS_UNFOLLOW = "nu"  # argument: a TVmaze id (under a news post: only its buttons change)
    BROADCAST = "bc"  # argument: see `BroadcastPress`
    NOT_ABOUT = "nr"  # argument: a news item id
    SERIES = "ss"  # argument: see `SeriesPress` (a series' own settings)
    CARD = "ca"  # argument: see `CardPress` (a series card, drawn over the pressed message)
    CARD_POST = "cp"  # argument: a TVmaze id (under a reminder or news post: the card as a reply)
    SHARE = "sh"  # argument: see `CardPress` (the card's links to share the series)
    PAGE = "pg"  # argument: see `PagePress`

    # Issue 14, import and calendar:
    CALENDAR_RENEW = "cal"  # /calendar: a new subscription URL (the old one stops working)
    IMPORT = "imp"  # /import: "yes" / "no" on the list of matches
    CHAT_ICAL = "ci"  # argument: a TVmaze id (the card: ask for the chat's own iCal link)
    CHAT_ICAL_REMOVE = "cir"  # argument: a TVmaze id (the card: drop that link)

    # Issue 14, delivery time:
    QUIET_MODE = "qm"  # /settings → quiet hours: "silent" / "hold"
    DIGEST = "dg"  # /settings → news digest: "off" or the local hour


SETTINGS_ACTIONS = (
    Action.MENU,
    Action.LANGUAGE,
    Action.TIMEZONE,
    Action.LEAD,
    Action.QUIET,
    Action.NEWS,
    Action.QUIET_MODE,
    Action.DIGEST,
)


@dataclass(frozen=True)
class CallbackData:
    action: Action
    argument: str


def encode(action: Action, argument: str = "") -> str:
    if not isinstance(action, Action):
        raise ValueError(f"unknown callback action {action!r}")
    data = SEPARATOR.join((VERSION, action.value, argument))
    if len(data.encode()) > MAX_BYTES:
        raise ValueError(f"callback data over {MAX_BYTES} bytes: {data!r}")
    return data


def decode(data: str | None) -> CallbackData | None:
    if not data or len(data.encode()) > MAX_BYTES:
        return None
    parts = data.split(SEPARATOR)
    if len(parts) != 3 or parts[0] != VERSION:
        return None
    try:
        action = Action(parts[1])
    except ValueError:
        return None
    return CallbackData(action=action, argument=parts[2])


def pattern(*actions: Action) -> re.Pattern[str]:
    """The handler pattern that matches presses of these actions (and only ours)."""
    names = "|".join(re.escape(action.value) for action in actions)
    return re.compile(f"^{re.escape(VERSION + SEPARATOR)}(?:{names}){re.escape(SEPARATOR)}")


def id_argument(data: CallbackData | None) -> int | None:
    """The id a button names (a series, a news item); None for stale or forged data."""
    if data is None or not is_id(data.argument):
        return None
    return int(data.argument)


# -- /broadcast: `a:<id>:<audience>` (choose), `go:<id>` (confirm), `no:<id>` (cancel) ------


class BroadcastVerb(StrEnum):
    AUDIENCE = "a"
    CONFIRM = "go"
    CANCEL = "no"


@dataclass(frozen=True)
class BroadcastPress:
    verb: BroadcastVerb
    broadcast_id: int
    audience: Audience | None = None  # only with AUDIENCE


def broadcast_data(verb: BroadcastVerb, broadcast_id: int, audience: Audience | None = None) -> str:
    parts = [verb.value, str(broadcast_id)]
    if verb is BroadcastVerb.AUDIENCE:
        if audience is None:
            raise ValueError("choosing an audience names it")
        parts.append(audience.value)
    return encode(Action.BROADCAST, ":".join(parts))


def parse_broadcast(data: CallbackData | None) -> BroadcastPress | None:
    if data is None or data.action is not Action.BROADCAST:
        return None
    verb_text, _, rest = data.argument.partition(":")
    id_text, _, audience_text = rest.partition(":")
    if not is_id(id_text):
        return None
    try:
        verb = BroadcastVerb(verb_text)
        audience = Audience(audience_text) if verb is BroadcastVerb.AUDIENCE else None
    except ValueError:
        return None
    if verb is not BroadcastVerb.AUDIENCE and audience_text:
        return None
    return BroadcastPress(verb, int(id_text), audience)


# -- a series' settings: `<tvmaze id>:<verb>` or `<tvmaze id>:<verb>:<argument>` ------------


class SeriesVerb(StrEnum):
    """What a button on a series' settings screen does."""

    OPEN = "o"
    MUTE = "m"
    REMINDERS = "r"
    LEAD = "l"  # argument: minutes
    KIND = "k"  # argument: a news kind
    EDGES = "e"  # "season starts and finales only"
    RESET = "x"


@dataclass(frozen=True)
class SeriesPress:
    tvmaze_id: int
    verb: SeriesVerb
    argument: str = ""


def series_data(tvmaze_id: int, verb: SeriesVerb, argument: str = "") -> str:
    parts = [str(tvmaze_id), verb.value] + ([argument] if argument else [])
    return encode(Action.SERIES, ":".join(parts))


def parse_series(data: CallbackData | None) -> SeriesPress | None:
    if data is None or data.action is not Action.SERIES:
        return None
    id_text, _, rest = data.argument.partition(":")
    verb_text, _, argument = rest.partition(":")
    if not is_id(id_text):
        return None
    try:
        verb = SeriesVerb(verb_text)
    except ValueError:
        return None
    return SeriesPress(int(id_text), verb, argument)


# -- pages of long lists: `<screen>:<page>` -----------------------------------------------

MAX_PAGE_DIGITS = 4


class Screen(StrEnum):
    """A list that pages."""

    LIST = "l"
    UNFOLLOW = "u"
    NEWS = "n"
    NEXT = "e"  # /next: the coming episodes
    FEEDS = "f"  # /feeds: the news feeds, for bot administrators only


@dataclass(frozen=True)
class PagePress:
    screen: Screen
    page: int  # 0-based; the service checks it against the list's length


def page_data(screen: Screen, page: int) -> str:
    return encode(Action.PAGE, f"{screen.value}:{page}")


def _page_number(text: str) -> int | None:
    return int(text) if is_number(text) and len(text) <= MAX_PAGE_DIGITS else None


def parse_page(data: CallbackData | None) -> PagePress | None:
    if data is None or data.action is not Action.PAGE:
        return None
    screen_text, _, page_text = data.argument.partition(":")
    page = _page_number(page_text)
    try:
        screen = Screen(screen_text)
    except ValueError:
        return None
    return None if page is None else PagePress(screen, page)


# -- a series card and its share screen: `<tvmaze id>:<page of /list to go back to>` ------


@dataclass(frozen=True)
class CardPress:
    tvmaze_id: int
    page: int


def card_data(action: Action, tvmaze_id: int, page: int = 0) -> str:
    if action not in (Action.CARD, Action.SHARE):
        raise ValueError(f"{action!r} does not name a card")
    return encode(action, f"{tvmaze_id}:{page}")


def parse_card(data: CallbackData | None) -> CardPress | None:
    if data is None or data.action not in (Action.CARD, Action.SHARE):
        return None
    id_text, _, page_text = data.argument.partition(":")
    page = _page_number(page_text)
    if not is_id(id_text) or page is None:
        return None
    return CardPress(int(id_text), page)
