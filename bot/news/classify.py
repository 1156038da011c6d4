"""What kind of news an item is — renewal, cancellation, premiere or other — from de/en cues.

Cues are checked in an order that settles mixed headlines the way a fan reads them:
an explicit cancellation beats everything ("cancelled ahead of its season 2 premiere"),
a renewal beats a date ("renewed for a final season", "renewed ahead of the premiere"),
a date beats a soft ending ("final season gets a premiere date"), and a soft ending
("to end with season 5", "endet") is a cancellation when nothing else is said.
"""

from __future__ import annotations

import re

from bot.catalog.normalize import fold
from bot.news.kinds import NewsKind

KINDS = tuple(NewsKind)

_MONTHS = (
    r"(januar|februar|marz|april|mai|juni|juli|august|september|oktober|november|dezember"
    r"|fruhjahr|fruhling|sommer|herbst|winter|sofort)"
)
_ORDINAL = (
    r"(\d+\.?|zweite\w*|dritte\w*|vierte\w*|funfte\w*|sechste\w*|siebte\w*|achte\w*"
    r"|neue\w*|weitere\w*)"
)

_STRONG_CANCELLATION = re.compile(
    r"\b(cancel(s|led|ed|ling|ing|lation)?|axe[sd]?|scrap(s|ped)|pulls? the plug"
    r"|abgesetzt|absetzung|eingestellt|stellt\b.{0,60}\bein\b|setz(t|en)\b.{0,60}\bab\b(?!\s+"
    + _MONTHS
    + r"))"
)
_RENEWAL = re.compile(
    r"\b(renew(s|ed|al)?|greenlit|green-?light(s|ed)?|(picks?|picked) up\b.{0,40}\bseason"
    r"|(orders?|ordered)\b.{0,40}\bseason|season \d+ order"
    r"|verlanger(t|n|ung)\w*"
    r"|(bekommt|bekommen|erhalt|erhalten|geht in|gehen in|kehrt mit|kehren mit|holt sich)"
    r"\b.{0,40}\bstaffel"
    r"|" + _ORDINAL + r" staffel (bestellt|bestatigt|kommt))"
)
_PREMIERE = re.compile(
    r"\b(premiere[sd]?( date)?|release dates?|sets? (a |its )?(\w+ )?(premiere|return|date)"
    r"|returns? (on|in)\b|debuts? (on|in)\b|launch date|start date|moves? to \w+days"
    r"|starttermin|startdatum|startet|starten|lauft ab|laufen ab|ab " + _MONTHS + r"|kommt am"
    r"|neue folgen|deutschlandpremiere|free-tv-premiere)"
)
_SOFT_ENDING = re.compile(
    r"\b(final season|last season|series finale|(to|will) end\b|ends? with|ending with"
    r"|will be (its|the) (last|final)|endet|enden|das ende|letzte staffel|finale staffel"
    r"|finalen staffel|keine (weitere|neue) staffel)"
)


def classify(title: str, summary: str = "") -> NewsKind:
    """The kind of a news item; the headline decides, the summary's opening only if it is silent."""
    kind = _classify_text(fold(title))
    if kind == "other" and summary:
        kind = _classify_text(fold(summary[:300]))
    return NewsKind(kind)


def _classify_text(text: str) -> str:
    if _STRONG_CANCELLATION.search(text):
        return "cancellation"
    if _RENEWAL.search(text):
        return "renewal"
    if _PREMIERE.search(text):
        return "premiere"
    if _SOFT_ENDING.search(text):
        return "cancellation"
    return "other"
