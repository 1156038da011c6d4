"""How German and English news say a season, episode or film starts: a date or its being made
known, a premiere, a return, a new case (more episodes, a first showing and a broadcast slot
are in airing_cues.py)."""

from __future__ import annotations

from bot.news.cue_parts import (
    CALENDAR_MONTH,
    CLAUSE_GAP,
    EN_MONTH,
    EN_WEEKDAY_DATE,
    FIGURE_DATE,
    GAP,
    MONTH,
    NETWORK,
    NEW_INSTALMENT,
    ORDINAL,
    SEASON,
    SHORT_GAP,
    any_of,
)

_DATE_WORD = r"(?:start|sende|ausstrahlungs)termin\w*"
_DATE_MADE_KNOWN = (
    r"(?:verkunden|festlegen|veroffentlichen|bekanntgeben|bekannt geben|nennen|verraten"
    r"|stehen fest|bestatigen)"
)
_UNDENIED = r"(?:(?!nicht|kein|noch)[^|\s]+ ){0,6}"
_SHOWN = r"(?:zeigen|ausstrahlen|zu sehen sein|sein (?:[^|\s]+ ){0,3}zu sehen)"
# A start said in other words: "Los geht es", "geht's los", "geht … an den Start" (simplemma
# reads the noun "Start" as "starten").
_GOES_OFF = r"(?:los gehen|gehen (?:es |s )?los|gehen " + GAP + r"an der starten)"
# A part of a month names a time as "im" does: "Mitte August", "ab Ende Februar".
_PART = r"(?<!seit )(?<!bis )(?:ab )?(?:anfang|mitte|ende)"
_ON_A_DAY = r"(?:(?:im|ab|" + _PART + r") (?:kommend\w* |nachst\w* )?|am \d+ )" + CALENDAR_MONTH
# Released, put online or celebrating its premiere, the verb closing its clause: "wird am 2. Mai
# veröffentlicht", "zum Abruf bereitgestellt", "wird Ende Januar seine Premiere feiern", "Am
# heutigen Montag feiert die Staffel Premiere" (not "der am 7. September veröffentlichte
# Sechsteiler", a trailer or the perfect: "hat am Montag … veröffentlicht"; a year dates
# history: "am 29. Dezember 2023 veröffentlicht").
_RELEASED = (
    r"(?:veroffentlichen|bereitstellen|online stellen|(?:abrufbar|verfugbar) sein"
    r"|(?:\w*premiere|ruckkehr) feiern)(?: werden)?(?= \||$)"
)
_DAY_NOT_A_YEAR = (
    r"(?:am|im|ab|" + _PART + r") (?:\d+ |heutig\w* |kommend\w* )?" + MONTH + r"(?! (?:19|20)\d\d)"
)
# A date said for a start: also in a teaser, where a bare "debut" is often history.
DATED_PREMIERE = any_of(
    # "set to return" with nothing dated is back for more (COMING_BACK's); with a date it is a
    # start ("set to return on October 14" is read below).
    r"set " + SHORT_GAP + r"(?:premiere|date|debut)",
    r"return (?:to \w+ )?(?:on|this|next|in (?:\d+|" + EN_MONTH + r")|" + EN_MONTH + r")",
    r"(?:return|back|arrive|air|debut|premiere|drop|land|stream)\w* " + GAP + r"(?:today|tonight)",
    # On a channel or the screen today: "hits the small screen today", "what time is it on BBC
    # Two tonight".
    r"(?:hit|on) (?:the |our )?(?:" + NETWORK + r"|small screen|screen)\w* (?:[^|\s]+ )?"
    r"(?:today|tonight)",
    # "is coming to USA Network in April" ("comes to an end in May" is ENDING's, and someone
    # "coming back to the stage" is no show).
    r"(?:begin|start|kick off|launch|arrive|air|debut|premiere|drop|stream|return"
    r"|come(?! to an? end| back))\w* " + GAP + r"(?:on|in|this|next) " + EN_MONTH,
    r"move to \w+day",
    # Out on a day, as a release is: "is out this October", "comes out March 21", "is out now"
    # ("the doctor is out", "out of the running" date nothing; one who "is out this week after a
    # dispute" or "as host" has left).
    r"(?:be|come) out (?:now|today|(?:on |in |this |next )?" + EN_MONTH + r"|(?:this|next) week)"
    r"(?! (?:after|as|amid|over|following)\b)",
    # A weekday with its date: "will premiere on Sunday, April 16", "returns for a second season
    # on Sunday, August 10".
    r"(?:start|begin|premiere|debut|return|arrive|air|stream|launch|drop)\w* "
    + GAP
    + r"(?:on )?"
    + EN_WEEKDAY_DATE,
    # A date said relative to today: "returns later this month", "will air next week" ("aired
    # earlier this month" is over).
    r"(?:return|back|arrive|air|debut|premiere|drop|land|stream|begin|start|launch|hit)\w* "
    + GAP
    + r"(?<!early )(?<!earlier )(?:later )?(?:this|next) (?:week|weekend|month)",
    # A release planned, not one that happened ("the news was released in May"): "due for
    # release in February".
    r"(?:due|set|slate|schedule)\w* for release (?:on|in|this|next) " + EN_MONTH,
    # … or a release to come with its day: "Netflix to release season 2 this week", "is set to be
    # released on Saturday, October 7", "set for release today" (not a trailer's, the viewing
    # figures' or a report's: "will release the trailer next week", "the trailer will be
    # released on …").
    r"(?<!trailer )(?<!teaser )(?:to|will|for) (?:be )?release\w* (?!"
    + GAP
    + r"(?:trailer|teaser|figure|report|earning))"
    + GAP
    + r"(?:(?:on )?"
    + EN_WEEKDAY_DATE
    + r"|today|tonight|(?:later )?(?:this|next) (?:week|weekend|month)|(?:on|in|this|next) "
    + EN_MONTH
    + r")",
    # A day said without a preposition: "starting June 2", "premieres March 5".
    # A channel may stand between: "starts on FX May 2"; "Aug. 4" ends a clause at its dot.
    r"(?:start|begin|premiere|debut|return|arrive|air|stream|launch)\w* (?:on )?(?:(?:on|at) \w+ )?"
    r"(?:(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december) \d+|(?:jan|feb|mar|apr|aug|sept?|oct|nov|dec) (?:\| )?\d+\b)",
    r"laufen ab|anlaufen|laufen an|kommen (?:am|im|ab)",
    r"(?<!haben )"
    + _DAY_NOT_A_YEAR
    + r" (?:(?!(?:[^|\s]+ ){0,10}haben\b)(?:(?!trailer|teaser)[^|\s]+ ){0,10}"
    + _RELEASED
    + r"|feiern "
    + GAP
    + r"\w*premiere(?= \||$))",
    # Since or from this very weekday: "ist seit diesem Freitag in der Mediathek zu sehen",
    # "seit dem heutigen Donnerstag", "startet von diesem Freitag an" (not filming that began).
    r"(?:seit|ab|von) (?:dies\w*|der heutig\w*) "
    r"(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)\w*"
    r"(?! (?:[^|\s]+ ){0,8}(?:drehen|dreharbeit\w*|produktion\w*)\b)",
    r"(?:neu|jetzt|ab sofort) (?:staffel\w* |folge\w* )?(?:auf|bei|im) \w+",
    # New episodes from a day on; a new episode "am Montagabend" is one evening's slot.
    r"neu staffel\w* " + SHORT_GAP + r"(?:am|ab) (?:\d+ )?" + MONTH,
    r"neu (?:folge|episode)\w* " + SHORT_GAP + r"ab (?:\d+ )?" + MONTH,
    NEW_INSTALMENT + " " + SHORT_GAP + r"(?:(?:im|ab) |am \d+ )" + CALENDAR_MONTH,
    r"ab " + SHORT_GAP + MONTH,
    r"(?:starten|laufen|kommen|erscheinen|"
    + _GOES_OFF
    + ") "
    + GAP
    + r"(?:am|im|ab|"
    + _PART
    + r") (?:\d+ )?"
    + MONTH,
    r"(?:am|im|ab|"
    + _PART
    + r") (?:\d+ |kommend\w* |nachst\w* |dies\w* )?"
    + MONTH
    + r" (?:\d+ )?(?:starten|laufen|kommen|erscheinen|"
    + _GOES_OFF
    + ")",
    # A channel that shows or airs it in a month or on a day: "wird im Januar zeigen", "wird im
    # Ersten am 27. Dezember ausgestrahlt" ("am Montagabend zu sehen" is one evening's slot).
    _SHOWN + " " + _UNDENIED + _ON_A_DAY,
    _ON_A_DAY + " " + _UNDENIED + _SHOWN,
    r"(?:jetzt|ab sofort) " + CLAUSE_GAP + r"zuruck",
    # "meldet sich im Januar zurück", "kehrt am 5. März zurück"
    r"(?:am|im|ab|" + _PART + r") (?:\d+ )?" + MONTH + " " + SHORT_GAP + r"zuruck",
    # A start today ("Jetzt startet die elfte Staffel"); an episode that "läuft heute" is no
    # premiere.
    r"(?:jetzt|heute|ab heute) (?:starten|anlaufen)|starten (?:jetzt|heute|ab heute)",
    # Soon, said with the start: "die in Kürze startende Serie", "in wenigen Wochen kommen".
    r"(?:in kurze\w*|in wenig\w* (?:tag|woche)\w*|demnachst|in a few (?:day|week)\w*) "
    + SHORT_GAP
    + r"(?:start\w*|kommen|laufen|erscheinen|return|arrive|premiere|"
    + _GOES_OFF
    + ")",
    r"(?:start\w*|kommen|laufen|erscheinen|return|arrive|premiere|"
    + _GOES_OFF
    + r")\w* "
    + SHORT_GAP
    + r"(?:in kurze\w*|in wenig\w* (?:tag|woche)\w*|demnachst|in a few (?:day|week)\w*)",
    r"fur (?:der )?(?:\d+ )?" + MONTH + r" an",
    r"(?:stehen )?in der startloch\w*",
    # The starting shot of new episodes, not of filming: "Der Startschuss ist heute im Ersten".
    r"(?<!kein )startschuss(?! (?:[^|\s]+ ){0,3}(?:dreh|produktion|casting)\w*)",
    r"setzen " + CLAUSE_GAP + r"(?:im|am|ab|in|nach) (?:[^|\s]+ )?" + MONTH + r" fort",
    r"(?:am|ab) " + FIGURE_DATE,
    # A start date made known, said without the date itself: "Starttermin für neue Folgen
    # verkündet", "hat den Ausstrahlungstermin festgelegt", "es gibt nun einen Sendetermin",
    # "gab den Starttermin bekannt", "nun ist auch der Sendetermin bekannt"
    # ("Sendetermin steht noch nicht fest" is none).
    # "bekannt" after the date is the particle of "gab … bekannt" or "ist … bekannt"; before
    # it, it is as often an adjective ("die bekannte Show").
    _DATE_WORD + " " + _UNDENIED + r"(?:" + _DATE_MADE_KNOWN + r"|bekannt)",
    _DATE_MADE_KNOWN + " " + _UNDENIED + r"(?:der|den|ein\w*) " + _DATE_WORD,
    r"(?:geben es|es geben) (?:nun |jetzt |auch |endlich )*ein\w* " + _DATE_WORD,
    # … or as the news of when: "Jetzt ist klar, wann es weitergeht", "nun steht fest, wann die
    # Serie zurückkehrt", "hat verraten, wann …" ("es ist noch nicht klar, wann" is none).
    r"(?<!nicht )(?<!noch )(?:klar|bekannt|fest|verraten|bekanntgeben|bekannt geben|enthullen)"
    r" \| wann",
)
# A date not known yet ("kein Sendetermin", "Starttermin steht noch nicht fest", "no premiere
# date yet", "release date TBA") is none: the words of a date say nothing then.
DATE_OPEN = any_of(
    r"kein\w* (?:[^|\s]+ )?(?:" + _DATE_WORD + r"|startdatum|termin)",
    r"(?:" + _DATE_WORD + r"|startdatum|termin) (?:[^|\s]+ ){0,4}(?:nicht|offen|unklar|unbekannt)",
    r"no (?:[^|\s]+ )?(?:premiere|release|air|return) date",
    r"(?:premiere|release|air|return) date (?:[^|\s]+ ){0,3}(?:not|tba|tbd|unknown|unclear)",
)
PREMIERE = any_of(
    # A trailer or a poster that debuts is promotion ("debuts first trailer").
    r"\w*premiere\w*|(?:release|return|air|launch|start) (?:date|window)",
    r"debut\w*(?! (?:[^|\s]+ ){0,2}(?:trailer|teaser|look|poster|image|clip|footage))",
    r"(?:how|when|where) (?:and when )?to (?:watch|stream)",
    # "the hit Netflix series" is a success, not an arrival.
    r"(?:(?<!the )(?<!a )hit|arrive on|land on|drop on|come to) (?:netflix|hulu|prime video|disney"
    r"|max|peacock|apple)",
    # … or on a broadcaster: "set to arrive on the BBC", "coming to Sky Atlantic", "lands on ITV".
    r"(?:arrive on|land on|come to) (?:the )?(?:" + NETWORK + r"|channel \d|e4|pbs|small screen)",
    r"starttermin|startdatum|termin|starten|neu folge\w*|free tv|erscheinen|now streaming",
    r"in deutschland|im pay tv|sendeplatz|sendetermin",
    r"drop\w* (?:the |a |all )?(?:new|final|\d+\w*|" + ORDINAL + r") " + SHORT_GAP + SEASON,
    r"(?:staffel\w*|folge\w*|finale|episode\w*|season)(?: \d+)? (?:sein|be) "
    r"(?:jetzt |endlich |now |finally )?(?:da|here)",
    r"(?:sein|be) (?:jetzt |now |ab sofort |finally |endlich )?(?:auf|bei|on) "
    r"(?:netflix|prime video|disney|sky|hulu|max|joyn|rtl|apple)",
    # A channel that shows seasons or a sequel, a first broadcast: "Universal Channel zeigt
    # zweite und dritte Staffel", "ZDF zeigt Fortsetzung früher", "Erstausstrahlung im Dezember".
    r"zeigen (?:[^|\s]+ ){0,3}(?:" + ORDINAL + r" (?:und " + ORDINAL + r" )?)?" + SEASON,
    # … or new episodes or films: "Das Erste zeigt drei neue Episoden der Reihe".
    r"zeigen " + SHORT_GAP + NEW_INSTALMENT,
    # A season out on a streamer now: "is now available to stream on Netflix", "has released on
    # Prime Video on September 1" (not a year back: "was released on Netflix in 2019").
    r"(?:now (?:available (?:to (?:stream|watch) )?|stream\w* )|(?:have|be) release )(?:now )?on "
    + NETWORK
    + r"(?! (?:[^|\s]+ ){0,3}(?:19|20)\d\d)",
    r"staffelstart\w*",
    r"erstausstrahlung\w*",
)
# A German crime series' new case: "ermittelt wieder", "Siebter Einsatz für …", "in ihrem 15.
# Fall" ("nach 38 Fällen" counts the past).
NEW_CASE = any_of(
    r"ermitteln (?:(?!nicht|nie)[^|\s]+ )?(?:wieder|erneut)",
    r"(?:^|(?:ihr|sein|im|der) )"
    r"(?:\d+|(?:zweit|dritt|viert|funft|sechst|siebt|acht|neunt|zehnt)\w*) (?:fall|fallen|einsatz)",
)
# What comes back that is not the show's next season: a film, a spin-off.
_NOT_THE_SHOW = r"\w*(?:film|kino|ableger|spinoff|spin off|prequel|sequel)"
# A return to the screen without a date: "kehrt zurück", "meldet sich zurück", "Willkommen
# zurück", "zurück auf dem Bildschirm", "returns to our screens" — the show is back, not a film
# or a spin-off (a new show). In a trailer headline it is the trailer's story, in a teaser
# often history.
RETURN = any_of(
    r"(?:zuruckkehren|zuruckkommen|willkommen zuruck|zuruck auf der bildschirm"
    r"|return\w* to (?:our |the )?(?:tv |television )?screen"
    r"|(?:melden sich|kehren|kommen) (?:(?!" + _NOT_THE_SHOW + r")[^|\s]+ ){0,8}zuruck)"
    r"(?! (?:[^|\s]+ ){0,4}" + _NOT_THE_SHOW + r")",
)
# A show said to be back, the clause ending there: "Die «Barbaren» sind zurück!", "Jetzt sind
# die Streithähne wieder da". Present news in a teaser too; "ist zurück in ihrem Heimatdorf"
# is the story.
BACK_NOW = any_of(
    r"(?:sein|be) (?:endlich |wieder |jetzt |nun )?zuruck(?= \||$)", r"wieder da(?= \||$)"
)
# An English headline's show that is back, the clause ending there or going on with where or
# with what: "'Lost' is back", "is finally back on Netflix", "is back with more stories". A
# teaser says it of what it retells ("I'm thrilled that 'Lost' is back"); one that "will be
# back" (or could, may, might …) is only coming back; a star back on set or a show back on top
# of the charts is no start.
IS_BACK = any_of(
    r"(?<!will )(?<!to )(?<!would )(?<!could )(?<!may )(?<!might )(?<!should )(?<!must )"
    r"(?<!can )(?<!not )(?<!never )be (?:finally |now |officially )?back"
    r"(?= \||$| with | on (?!set\b|top\b|track\b|form\b|stage\b|tour\b))",
)
