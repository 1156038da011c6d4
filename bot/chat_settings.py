"""What a chat can choose in /settings, as plain values, and how a choice changes the chat."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from bot import prompts
from bot.callback_data import Action
from bot.config import known_timezones
from bot.digits import is_number
from bot.i18n import LANGUAGES, language_for
from bot.news.kinds import NewsKind
from bot.prompts import Prompt
from bot.zone_cities import zone_of_city
from storage.models import Chat

LEAD_CHOICES = (0, 15, 60, 1440)
QUIET_PRESET = (22 * 60, 8 * 60)
DIGEST_HOURS = (7, 8, 9, 12, 18, 20)
COMMON_TIMEZONES = (
    "Europe/Berlin",
    "Europe/Vienna",
    "Europe/Zurich",
    "Europe/London",
    "America/New_York",
    "America/Los_Angeles",
    "UTC",
)
MAX_INPUT_CHARS = 200

# A typed offset ("UTC+2", "GMT-5", "+01:00", POSIX's inverted "Etc/GMT-2") or a zone that is
# one fixed offset though its name suggests a region ("EST"): none follows summer time.
_OFFSET = re.compile(r"^(?:etc/)?(?:utc|gmt)?([+\-−])(\d{1,2})(?::?(\d{2}))?$")
FIXED_OFFSET_NAMES = frozenset({"est", "mst", "hst"})
# A time of day as people type it: "22", "22:30", "22.30", "22h30", "22 Uhr", "10pm", "10:30 p.m.".
_TIME = r"(\d{1,2})(?:[:.h](\d{2}))?\s*(uhr|h|a\.?m\.?|p\.?m\.?)?"
# ASCII digits only (`bot/digits.py`); a closing full stop is the sentence's.
_QUIET = re.compile(
    rf"^(?:von|from|ab)?\s*{_TIME}\s*(?:-|–|—|−|bis(?: um)?|to|until|till)\s*{_TIME}\.?$",
    re.ASCII,
)


@dataclass(frozen=True)
class Defaults:
    """What a chat that chose nothing gets (DEFAULT_LANGUAGE, DEFAULT_TIMEZONE)."""

    language: str
    timezone: str


@dataclass(frozen=True)
class ChatSettings:
    """A chat's effective settings, defaults applied."""

    language: str
    timezone: str
    lead_minutes: tuple[int, ...]
    quiet_hours: tuple[int, int] | None
    news_kinds: tuple[NewsKind, ...]
    quiet_hold: bool = False  # inside quiet hours: hold until they end (else: silent)
    digest_hour: int | None = None  # local hour of the daily news digest; None: no digest


def effective_settings(chat: Chat, *, default_language: str, default_timezone: str) -> ChatSettings:
    quiet = None
    if chat.quiet_start is not None and chat.quiet_end is not None:
        quiet = (chat.quiet_start, chat.quiet_end)
    return ChatSettings(
        language=language_for(chat.language, chat.telegram_language, default_language),
        timezone=chat.timezone or default_timezone,
        lead_minutes=tuple(sorted(chat.lead_minutes)),
        quiet_hours=quiet,
        news_kinds=tuple(kind for kind in NewsKind if kind in chat.news_kinds),
        quiet_hold=bool(chat.quiet_hold),
        digest_hour=chat.digest_hour,
    )


def in_quiet_hours(moment: datetime, zone: ZoneInfo, quiet: tuple[int, int] | None) -> bool:
    """Whether `moment` falls into the chat's quiet hours (which may wrap midnight)."""
    if quiet is None:
        return False
    local = moment.astimezone(zone)
    minute = local.hour * 60 + local.minute
    start, end = quiet
    return start <= minute < end if start < end else minute >= start or minute < end


def is_fixed_offset(text: str) -> bool:
    """Whether the user typed an offset from UTC (not zero) or a fixed-offset zone such as
    "EST": reminders would be an hour off for half the year, and "Etc/GMT+2" even means
    UTC−2, so these are refused with their own explanation."""
    wanted = "".join(text.split()).lower()
    if wanted in FIXED_OFFSET_NAMES:
        return True
    match = _OFFSET.match(wanted)
    return match is not None and any(int(part or 0) for part in match.groups()[1:])


def resolve_timezone(text: str) -> str | None:
    """The IANA zone the user meant (case-insensitive, spaces as underscores) or the one named
    after the city they typed ("Berlin", "New York"), or None; never a fixed offset
    (`is_fixed_offset`)."""
    wanted = text.strip().replace(" ", "_").lower()
    if not wanted or len(wanted) > 64 or is_fixed_offset(wanted):
        return None
    for name in known_timezones():
        if name.lower() == wanted:
            return name
    return zone_of_city(text)


def parse_quiet_hours(text: str) -> tuple[int, int] | None:
    """`22:00-07:30`, `22-7`, `22.00 bis 7.30`, `22 Uhr bis 7 Uhr`, `10pm-7am` → minutes
    after midnight, or None."""
    match = _QUIET.match(text.strip().lower())
    if not match:
        return None
    start, end = _minutes(*match.groups()[:3]), _minutes(*match.groups()[3:])
    return None if start is None or end is None or start == end else (start, end)


def _minutes(hour_text: str, minute_text: str | None, suffix: str | None) -> int | None:
    """Minutes after midnight of one typed time, or None if it names no time of day
    ("25 Uhr", "13pm")."""
    hour, minute = int(hour_text), int(minute_text or 0)
    if suffix and suffix[0] in "ap":
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if suffix[0] == "p" else 0)
    if hour > 23 or minute > 59:
        return None
    return hour * 60 + minute


def set_language(chat: Chat, language: str) -> bool:
    if language not in LANGUAGES:
        return False
    chat.language = language
    return True


def set_timezone(chat: Chat, name: str) -> bool:
    if name not in known_timezones():
        return False
    chat.timezone = name
    prompts.settle(chat)
    return True


def toggle_lead(chat: Chat, minutes: int) -> bool:
    if minutes not in LEAD_CHOICES:
        return False
    current = set(chat.lead_minutes)
    current ^= {minutes}
    chat.lead_minutes = sorted(current)
    return True


def set_quiet_hours(chat: Chat, hours: tuple[int, int] | None) -> None:
    chat.quiet_start, chat.quiet_end = hours if hours else (None, None)
    prompts.settle(chat)


def set_digest_hour(chat: Chat, argument: str) -> bool:
    """ "off" (news as it comes) or a local hour from DIGEST_HOURS."""
    if argument == "off":
        chat.digest_hour = None
        return True
    if not is_number(argument) or int(argument) not in DIGEST_HOURS:
        return False
    chat.digest_hour = int(argument)
    return True


def toggle_news_kind(chat: Chat, kind: str) -> bool:
    if kind not in tuple(NewsKind):
        return False
    current = set(chat.news_kinds) ^ {kind}
    chat.news_kinds = [k.value for k in NewsKind if k in current]
    return True


def apply_choice(chat: Chat, action: Action, argument: str) -> str | Prompt | None:
    """Apply one /settings button to the chat; return what to show next, None if invalid.

    The result is a menu name, "done", or the prompt the chat should now answer by typing.
    """
    if action == Action.MENU:
        return (
            argument
            if argument in {"main", "lang", "tz", "lead", "quiet", "news", "digest", "done"}
            else None
        )
    if action == Action.LANGUAGE:
        return "main" if set_language(chat, argument) else None
    if action in {Action.TIMEZONE, Action.QUIET} and argument == "*":
        prompt = Prompt.TIMEZONE if action == Action.TIMEZONE else Prompt.QUIET_HOURS
        prompts.ask(chat, prompt)
        return prompt
    if action == Action.TIMEZONE:
        return "main" if set_timezone(chat, argument) else None
    if action == Action.QUIET:
        if argument not in {"off", "preset"}:
            return None
        set_quiet_hours(chat, QUIET_PRESET if argument == "preset" else None)
        return "main"
    if action == Action.QUIET_MODE:
        if argument not in {"silent", "hold"}:
            return None
        chat.quiet_hold = argument == "hold"
        return "quiet"
    if action == Action.DIGEST:
        return "digest" if set_digest_hour(chat, argument) else None
    if action == Action.LEAD:
        return "lead" if is_number(argument) and toggle_lead(chat, int(argument)) else None
    if action == Action.NEWS:
        return "news" if toggle_news_kind(chat, argument) else None
    return None


def apply_typed_input(chat: Chat, text: str) -> bool:
    """Take the value the chat was asked to type; False if it is not valid."""
    if len(text) > MAX_INPUT_CHARS:
        return False
    asked = prompts.pending(chat)
    if asked is Prompt.TIMEZONE:
        name = resolve_timezone(text)
        return name is not None and set_timezone(chat, name)
    if asked is Prompt.QUIET_HOURS:
        hours = parse_quiet_hours(text)
        if hours is None:
            return False
        set_quiet_hours(chat, hours)
        return True
    return False
