"""The order in which classify.py reads the cues, a kind per cue: the first that matches decides,
so a mixed headline is settled as a fan reads it (see classify.py). A headline, a trailer's or a
report's headline, a teaser and a report's teaser each read their own share of the cues."""

from __future__ import annotations

import re

from bot.news.airing_cues import (
    BROADCAST_SLOT,
    FIRST_SHOWING,
    MORE_EPISODES,
    NEW_SEASON_STARTS,
    NEW_SERIES_STARTS,
)
from bot.news.ending_cues import (
    CANCELLATION,
    ENDING,
    ENDING_SAID,
    FAREWELL,
    FINAL_NAMED,
    LAST_FILMED,
    NEGATED_RENEWAL,
    RUN_COUNTED,
)
from bot.news.kinds import NewsKind
from bot.news.premiere_cues import BACK_NOW, DATED_PREMIERE, IS_BACK, NEW_CASE, PREMIERE, RETURN
from bot.news.renewal_cues import (
    COMING_BACK,
    GOES_ON,
    RENEWAL,
    REVIVED_AFTER_YEARS,
    SEASON_COMING,
    WEAK_RENEWAL,
)
from bot.news.rescue_cues import CANCELLATION_UNDONE, RESCUE

Order = tuple[tuple[re.Pattern[str], NewsKind], ...]

ORDER: Order = (
    (CANCELLATION_UNDONE, NewsKind.RENEWAL),
    (RESCUE, NewsKind.RENEWAL),
    (NEGATED_RENEWAL, NewsKind.CANCELLATION),
    (CANCELLATION, NewsKind.CANCELLATION),
    (ENDING_SAID, NewsKind.CANCELLATION),
    (RENEWAL, NewsKind.RENEWAL),
    (GOES_ON, NewsKind.RENEWAL),
    (DATED_PREMIERE, NewsKind.PREMIERE),
    (SEASON_COMING, NewsKind.RENEWAL),
    (PREMIERE, NewsKind.PREMIERE),
    (REVIVED_AFTER_YEARS, NewsKind.RENEWAL),
    (NEW_CASE, NewsKind.PREMIERE),
    (MORE_EPISODES, NewsKind.PREMIERE),
    (NEW_SERIES_STARTS, NewsKind.PREMIERE),
    (RETURN, NewsKind.PREMIERE),
    (BACK_NOW, NewsKind.PREMIERE),
    (BROADCAST_SLOT, NewsKind.PREMIERE),
    (COMING_BACK, NewsKind.RENEWAL),
    (WEAK_RENEWAL, NewsKind.RENEWAL),
    (IS_BACK, NewsKind.PREMIERE),
    (LAST_FILMED, NewsKind.CANCELLATION),
    (ENDING, NewsKind.CANCELLATION),
    (FAREWELL, NewsKind.CANCELLATION),
    (FINAL_NAMED, NewsKind.CANCELLATION),
    (RUN_COUNTED, NewsKind.CANCELLATION),
)
# A teaser's opening often tells the history ("since its debut in 2018", "revived in 2021"):
# there only dates count for a premiere, and a rescue is no news of its own.
TRAILER_ORDER = ((DATED_PREMIERE, NewsKind.PREMIERE), (PREMIERE, NewsKind.PREMIERE))
# A review, a guide, the ratings or filming: only a decision or a date said outright counts, or
# the last film in the making.
REPORT_ORDER = tuple(
    entry
    for entry in ORDER
    if entry[0]
    not in (
        PREMIERE,
        NEW_CASE,
        NEW_SERIES_STARTS,
        RETURN,
        BROADCAST_SLOT,
        WEAK_RENEWAL,
        ENDING,
        FAREWELL,
        FINAL_NAMED,
    )
)
# A teaser's opening tells the show's history too: a start counts only for a new season.
TEASER_ORDER = tuple(
    step
    for entry in ORDER
    if entry[0]
    not in (PREMIERE, RETURN, IS_BACK, RESCUE, WEAK_RENEWAL, FINAL_NAMED, REVIVED_AFTER_YEARS)
    for step in (
        (entry, (NEW_SEASON_STARTS, NewsKind.PREMIERE), (FIRST_SHOWING, NewsKind.PREMIERE))
        if entry[0] is DATED_PREMIERE
        else (entry,)
    )
)


def teaser_report(order: Order) -> Order:
    """A teaser's order when it tells the ratings or a review: its broadcast slot is when the
    show ran and a new series started is how it started (and what the order left out already
    stays out)."""
    return tuple(entry for entry in order if entry[0] not in (BROADCAST_SLOT, NEW_SERIES_STARTS))


# A headline whose renewal is only a show said to go on or to be back after years lets its
# teaser date the start: the headline read without them (and the words of its comeback).
UNDATED_RETURN = tuple(
    entry
    for entry in ORDER
    if entry[0] not in (GOES_ON, REVIVED_AFTER_YEARS, RETURN, BACK_NOW, IS_BACK, COMING_BACK)
)

# Who "is back" is the clause's own subject, not a name before it: a dateline's city ("Berlin -
# Die roten Overalls sind zurück") is no series.
NEWS_CLAUSE_ORDER = tuple(entry for entry in ORDER if entry[0] not in (BACK_NOW, IS_BACK))

# An item that names a show's host: a farewell or a last time said is the host's, not the show's
# ("verabschiedet sich von der Moderation", "moderiert zum letzten Mal"); only an end said
# outright counts.
HOSTED_ORDER = tuple(entry for entry in ORDER if entry[0] is not FAREWELL)
HOSTED_TEASER_ORDER = tuple(entry for entry in TEASER_ORDER if entry[0] is not FAREWELL)

# A headline that celebrates a show's jubilee or anniversary: its broadcast slot, a jubilee
# episode shown, its story going on or a farewell at the party are the celebration's, not the
# show's news; a decision, an end said outright ("Zum Jubiläum ist Schluss") or a season dated
# still counts.
_CELEBRATION = (NEW_CASE, RETURN, BROADCAST_SLOT, GOES_ON, FAREWELL)
JUBILEE_ORDER = tuple(entry for entry in ORDER if entry[0] not in _CELEBRATION)
JUBILEE_TEASER_ORDER = tuple(entry for entry in TEASER_ORDER if entry[0] not in _CELEBRATION)
