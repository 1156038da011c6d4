"""How German and English news say new episodes air: more episodes on their way or back, a new
season said to start (a teaser's news, not the show's history), a first showing in a country or
on free TV, a listing's broadcast slot."""

from __future__ import annotations

import re

from bot.news.cue_parts import (
    CALENDAR_MONTH,
    GAP,
    NETWORK,
    NEW_INSTALMENT,
    NUMBER,
    ORDINAL,
    SHORT_GAP,
    any_of,
)

# A new season or new episodes said to start: in a teaser that is the item's news, not the
# show's history ("Im Oktober startet die neue Staffel", "the new season premieres Friday").
# A number of three figures or more counts episodes up to a jubilee ("zeigt die 100. Folge",
# "strahlt die 200. Folge aus"), no new part.
_NEW_PART = (
    r"(?:neu|new|next|nachst|(?!\d{3,} )" + ORDINAL + r") (?:(?:and|und) (?:final|last|letzt\w*) )?"
    r"(?:[^|\s]+ )?(?:staffel\w*|folge\w*|season|episode\w*|mini serie)"
)
# More episodes on their way, in a headline too: "gibt es nun Nachschub", "Nachschub naht",
# "es gibt zwei weitere Folgen", "vier neue Folgen im ZDF" ("es gibt keine neuen Folgen" is none).
_MORE_EPISODES = (
    r"(?:geben es|es geben) (?:(?!kein|nicht)[^|\s]+ ){0,2}(?:nachschub|(?:"
    + NUMBER
    + r"|neu|weit\w*) (?:(?:neu|weit)\w* )?(?:folge|episode|film)\w*)"
    + r"|nachschub (?:nahen|kommen|rollen)"
    + r"|"
    + NUMBER
    + r" (?:neu|weit)\w* (?:folge|episode|film)\w* "
    + SHORT_GAP
    + r"(?:im|bei|auf) (?:"
    + NETWORK
    + r"|erst\w*|zweit\w*)"
)
_NEW_EPISODES = r"(?:" + NEW_INSTALMENT + r"|(?:" + NUMBER + r" )?(?:neu|weit)\w* abenteuer\w*)"
_UNDENIED = r"(?:(?!nicht|kein|nie)[^|\s]+ )"
# … or back with new episodes, in a teaser too: "Mit vier neuen Folgen kommt … zurück", "ist
# zurück mit vier neuen Abenteuern" ("kehrt nicht mit neuen Folgen zurück" is none).
MORE_EPISODES = any_of(
    _MORE_EPISODES,
    r"mit " + _UNDENIED + r"{0,2}" + _NEW_EPISODES + r" " + _UNDENIED + r"{0,8}zuruck",
    r"(?<!nicht )(?<!nie )zuruck mit " + _NEW_EPISODES,
)
_STARTS = r"(?:starten|anlaufen|premiere|debut|arrive|begin|start|air)"
# A start said to be recent is history ("die kürzlich gestartete vierte Staffel"): the clause
# is read from its start up to the cue, and a word for "recently" before it stops the match.
_NOT_RECENT = r"(?:^|\| )(?:(?!kurzlich\b|vor kurz\w*|recently\b)[^|])*?"
NEW_SEASON_STARTS = re.compile(
    _NOT_RECENT
    + r"\b(?:"
    + _NEW_PART
    + r" "
    + GAP
    + _STARTS
    + r"|"
    + _STARTS
    + r" "
    + GAP
    + _NEW_PART
    # A channel that shows or airs new episodes: "Das Erste zeigt zwei neue Folgen".
    + r"|(?:zeigen|strahlen|ausstrahlen|air\w*) "
    + SHORT_GAP
    + _NEW_PART
    + r"|"
    + _MORE_EPISODES
    + r")\b"
)
# A new German series a channel starts or shows, in a teaser the item's news too: "Das ZDF
# startet eine neue Krimireihe", "Mit der neuen Serie „Spides“ startet Sky …". A teaser that
# tells the ratings tells how it started (see kind_order.teaser_report).
_NEW_SERIES = r"neu (?:[^|\s]+ )?\w*(?:serie|reihe)"
NEW_SERIES_STARTS = re.compile(
    _NOT_RECENT
    + r"\b(?:"
    + _NEW_SERIES
    + r" "
    + GAP
    + r"(?:starten|anlaufen)"
    + r"|(?:starten|anlaufen|zeigen|ausstrahlen) "
    + GAP
    + _NEW_SERIES
    # … or a channel named as the one that starts a series: "ProSieben startet die
    # Historienserie", "Auf Prime Video startet die Thrillerserie …".
    + r"|"
    + NETWORK
    + r" starten (?:der|ein) (?:[^|\s]+ ){0,2}\w*(?:serie|reihe)\w*"
    + r")\b"
)
# A first showing in a country or on free TV, in a teaser the item's news ("als
# Deutschlandpremiere", "TV-Premiere am 4. Januar"); a year or "damals" before it in the clause
# tells history ("die 2019 ihre Deutschlandpremiere feierte").
FIRST_SHOWING = re.compile(
    r"(?:^|\| )(?:(?![12]\d{3} |damals |kurzlich )[^|\s]+ )*?"
    r"(?:deutschlandpremiere|(?:free tv|tv|deutsch\w*) premiere)\w*\b"
)
# A broadcast slot, a listing's way of saying an episode or film is on: a time of day ("Donnerstag,
# 14. Mai, 20.15 Uhr im Ersten", "ab 20:15 Uhr"), a weekday with its date or a "Sendetermin".
# A weekly slot said alone ("immer montags, 20.15 Uhr") is when a running show is on, not a start:
# the time after a weekday in the plural or "täglich" is none.
_WEEKLY = ("montags", "dienstags", "mittwochs", "donnerstags", "freitags", "samstags", "sonntags")
_NOT_WEEKLY = "".join(
    f"(?<!{day} {link})"
    for day in (*_WEEKLY, "taglich", "werktags", "wochentags")
    for link in ("", "um ", "ab ", r"\| ", "gegen ")
)
BROADCAST_SLOT = any_of(
    r"(?=\d)" + _NOT_WEEKLY + r"(?:[01]?\d|2[0-3]) (?:\| )?[0-5]\d uhr",  # a digit first: fast
    r"sendetermin\w*",
    # "Am Montag, 27.12.2021, läuft …", "am Freitag, den 19. Januar", "Am Freitag (11. Januar)"
    r"(?:am|ab) (?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag) \| (?:der )?"
    r"(?:[12]?\d|3[01]) (?:" + CALENDAR_MONTH + r"|0?[1-9]\b|1[0-2]\b)",
)
