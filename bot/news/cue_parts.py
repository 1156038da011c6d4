"""The pieces the cues are written with: gaps within a clause, seasons, ordinals, numbers,
months and networks, as regular-expression fragments over folded lemmas (see cues.py)."""

from __future__ import annotations

import re

GAP = r"(?:[^|\s]+ ){0,6}"  # up to six words of the same clause
SHORT_GAP = r"(?:[^|\s]+ ){0,3}"
# "season 2 premiere date confirmed" is a date, no order
UNDATED_GAP = r"(?:(?!premiere|date|debut|start|termin)[^|\s]+ ){0,3}"
CLAUSE_GAP = r"(?:[^|\s]+ ){0,10}"  # a German verb's particle closes its clause: "setzt … ab"
SEASON = r"(?:season|staffel\w*|series|fortsetzung)"  # not "Serie": a show, not its season
ORDINAL = (
    # simplemma reads "seventh" as "seven"
    r"(?:\d+\w*|second|third|fourth|fifth|sixth|seven(?:th)?|eighth|ninth|tenth|eleventh|twelfth"
    r"|another|new|final"
    r"|zweit\w*|dritt\w*|viert\w*|funft\w*|sechst\w*|siebt\w*|acht\w*|neu\w*|weit\w*)"
)
# A season's number spelt out: "Season Three", "Staffel drei".
NUMBER = (
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten"
    r"|zwei|drei|vier|funf|sechs|sieben|acht|neun|zehn)"
)
MONTH = (
    r"(?:januar|februar|marz|april|mai|juni|juli|august|september|oktober|november|dezember"
    r"|fruhjahr|fruhling|sommer|herbst|winter|sofort|heute|morgen"
    r"|(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)\w*"
    # a holiday or a break names a time too: "nach Ostern", "nach der Sommerpause"
    r"|ostern|pfingsten|weihnacht\w*|sommerpause|winterpause|jahreswechsel)"
)
# A month or a season of the year, not a weekday: "am Montagabend" is one evening's slot.
CALENDAR_MONTH = (
    r"(?:januar|februar|marz|april|mai|juni|juli|august|september|oktober|november|dezember"
    r"|fruhjahr|fruhling|sommer|herbst|winter)"
)
# A German date in figures, "ab 24.2." (lemmas "ab 24 2"); "ab 20.15 Uhr" is a time of day.
FIGURE_DATE = r"(?:[12]?\d|3[01]) (?:0?[1-9]|1[0-2])\b(?! uhr| \d)"
EN_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december|spring|summer|fall|autumn|winter"
    # a holiday names a day too: "returns on Christmas Day", "airs this Christmas"
    r"|christmas|thanksgiving|halloween|easter)"
)
# An English weekday with its date, the comma read as a clause break: "Sunday, April 16",
# "Saturday 10 June", "Thursday (Aug. 24)"; a weekday alone is often a weekly slot.
EN_WEEKDAY_DATE = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday) (?:\| )?"
    r"(?:(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec) (?:\| )?\d+\b"
    r"|\d+(?:st|nd|rd|th)? (?:\| )?(?:january|february|march|april|may|june|july|august"
    r"|september|october|november|december)\b)"
)
# A new or numbered film, case or batch of episodes of a series ("zwei neue Filme", "weitere
# zehn Folgen", "Fünfter Fall").
NEW_INSTALMENT = (
    r"(?:(?:(?:\d+|" + NUMBER + r") )?(?:neu|weit)\w* (?:(?:\d+|" + NUMBER + r") )?"
    r"|(?:zweit|dritt|viert|funft|sechst|siebt|acht|neunt|zehnt)\w* )"
    r"(?:folge|episode|film|fall|teil)\w*"
)
# Who orders, airs or saves a series: "Netflix saves 'Lucifer'" is a rescue.
NETWORK = (
    r"(?:netflix|hulu|amazon|prime video|peacock|apple tv\+?|apple|hbo|max|paramount\+?|disney\+?"
    r"|nbc|cbs|abc|fox|cw|showtime|starz|amc|fx|sky|rtl|zdf|ard|prosieben|vox|joyn|bbc|itv)"
)
# Not followed by a date: "returns for season 3" is an order, "… on January 28" a premiere, and
# so is "… series eight tonight" or "… a sixth series later this month".
NO_DATE = (
    r"(?! (?:\d+ |" + NUMBER + r" )?(?:(?:on|in|this|next) (?:\d+ )?(?:january|february|march"
    r"|april|may|june|july|august|september|october|november|december|spring|summer|fall|autumn"
    r"|winter)|today|tonight|(?:later? )?(?:this|next) (?:week|weekend|month))\b)"
)


def any_of(*alternatives: str) -> re.Pattern[str]:
    """One pattern matching any of the alternatives as whole words."""
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b")
