"""A chat's settings for one series, as plain values, and how a choice on its screen changes
the follow.

A follow overrides the chat's defaults for its series: mute (nothing at all), its own lead
times ([] = no reminders), its own news kinds, and "season starts and finales only". None
means "as the chat". The reminder planner and the news fan-out resolve the same rule in
their queries (`storage/follows.py`); `effective_series_settings` is that rule for screens
and tests.

"Starts and finales" are the episodes whose number is the lowest or the highest their
season has in the TV data when the reminder is planned. A season whose later episodes are
not announced yet therefore has its last announced episode as its finale for now; once more
are announced, the new last one is reminded as well (a reminder already sent stays sent).
Specials (no season or number) are not starts or finales.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.callback_data import SeriesVerb
from bot.chat_settings import LEAD_CHOICES, ChatSettings
from bot.digits import is_number
from bot.news.kinds import NewsKind
from storage.catalog_models import Follow

# The lead times a series gets when its reminders are switched on while the chat has none.
FALLBACK_LEADS = (60,)


@dataclass(frozen=True)
class SeriesOverride:
    """What a follow stores: None = the chat's setting."""

    muted: bool = False
    lead_minutes: tuple[int, ...] | None = None
    news_kinds: tuple[NewsKind, ...] | None = None
    edges_only: bool = False


@dataclass(frozen=True)
class SeriesSettings:
    """The settings in effect for one series of a chat. Lead times and kinds are what the
    series is set to; a muted series gets none of them (`reminded_leads`, `wanted_kinds`)."""

    muted: bool
    lead_minutes: tuple[int, ...]  # empty: reminders off for this series
    news_kinds: tuple[NewsKind, ...]
    edges_only: bool
    own_leads: bool  # the series has its own lead times
    own_kinds: bool  # the series has its own news kinds

    @property
    def reminders_on(self) -> bool:
        return bool(self.lead_minutes)

    @property
    def reminded_leads(self) -> tuple[int, ...]:
        return () if self.muted else self.lead_minutes

    @property
    def wanted_kinds(self) -> tuple[NewsKind, ...]:
        return () if self.muted else self.news_kinds

    @property
    def is_default(self) -> bool:
        return not (self.muted or self.edges_only or self.own_leads or self.own_kinds)


def override_of(follow: Follow) -> SeriesOverride:
    return SeriesOverride(
        muted=follow.muted,
        lead_minutes=None if follow.lead_minutes is None else tuple(follow.lead_minutes),
        news_kinds=None
        if follow.news_kinds is None
        else tuple(kind for kind in NewsKind if kind in follow.news_kinds),
        edges_only=follow.edges_only,
    )


def effective_series_settings(chat: ChatSettings, override: SeriesOverride) -> SeriesSettings:
    """The chat's defaults with the series' override applied."""
    leads = chat.lead_minutes if override.lead_minutes is None else override.lead_minutes
    kinds = chat.news_kinds if override.news_kinds is None else override.news_kinds
    return SeriesSettings(
        muted=override.muted,
        lead_minutes=tuple(sorted(leads)),
        news_kinds=tuple(kind for kind in NewsKind if kind in kinds),
        edges_only=override.edges_only,
        own_leads=override.lead_minutes is not None,
        own_kinds=override.news_kinds is not None,
    )


def is_season_edge(number: int | None, *, first: int | None, last: int | None) -> bool:
    """Whether an episode numbered `number` starts or ends its season, given the lowest and
    highest numbers its season has in the TV data (the rule the reminder query applies)."""
    return number is not None and number in (first, last)


def wants_reminder(settings: SeriesSettings, *, season_edge: bool) -> bool:
    """Whether an episode of the series is reminded at all (at the settings' lead times)."""
    return bool(settings.reminded_leads) and (season_edge or not settings.edges_only)


# -- the screen's buttons -------------------------------------------------------------------


CHANGING_VERBS = frozenset(SeriesVerb) - {SeriesVerb.OPEN}


def _toggle_lead(follow: Follow, chat: ChatSettings, minutes: int) -> bool:
    if minutes not in LEAD_CHOICES:
        return False
    current = set(chat.lead_minutes if follow.lead_minutes is None else follow.lead_minutes)
    follow.lead_minutes = sorted(current ^ {minutes})
    return True


def _toggle_kind(follow: Follow, chat: ChatSettings, kind: str) -> bool:
    if kind not in tuple(NewsKind):
        return False
    current = set(chat.news_kinds if follow.news_kinds is None else follow.news_kinds) ^ {kind}
    follow.news_kinds = [k.value for k in NewsKind if k in current]
    return True


def _toggle_reminders(follow: Follow, chat: ChatSettings) -> None:
    """Off: no lead times for the series. On: the chat's again, or FALLBACK_LEADS if the chat
    has none (switching on should remind of something)."""
    current = effective_series_settings(chat, override_of(follow))
    if current.reminders_on:
        follow.lead_minutes = []
    else:
        follow.lead_minutes = None if chat.lead_minutes else list(FALLBACK_LEADS)


def reset(follow: Follow) -> None:
    follow.muted, follow.edges_only = False, False
    follow.lead_minutes, follow.news_kinds = None, None


def apply_series_choice(
    follow: Follow, chat: ChatSettings, verb: SeriesVerb, argument: str
) -> bool:
    """Apply one button of the series settings screen; False if the press is not valid."""
    if (verb in (SeriesVerb.LEAD, SeriesVerb.KIND)) != bool(argument):
        return False
    if verb is SeriesVerb.MUTE:
        follow.muted = not follow.muted
    elif verb is SeriesVerb.REMINDERS:
        _toggle_reminders(follow, chat)
    elif verb is SeriesVerb.LEAD:
        return is_number(argument) and _toggle_lead(follow, chat, int(argument))
    elif verb is SeriesVerb.KIND:
        return _toggle_kind(follow, chat, argument)
    elif verb is SeriesVerb.EDGES:
        follow.edges_only = not follow.edges_only
    elif verb is SeriesVerb.RESET:
        reset(follow)
    return True
