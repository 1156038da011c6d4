"""How German and English news say what happened, written over folded lemmas (see lemmas.py).

Each pattern runs on a space-separated lemma string in which "|" ends a clause; a gap such
as `_GAP` never crosses a clause. Lemmas of nouns can be odd ("Staffel" → "staffeln"), so
nouns are matched by their stem.
"""

from __future__ import annotations

import re

_GAP = r"(?:[^|\s]+ ){0,6}"  # up to six words of the same clause
_SHORT_GAP = r"(?:[^|\s]+ ){0,3}"
# "season 2 premiere date confirmed" is a date, no order
_UNDATED_GAP = r"(?:(?!premiere|date|debut|start|termin)[^|\s]+ ){0,3}"
_CLAUSE_GAP = r"(?:[^|\s]+ ){0,10}"  # a German verb's particle closes its clause: "setzt … ab"
_SEASON = r"(?:season|staffel\w*|series|fortsetzung)"  # not "Serie": a show, not its season
_ORDINAL = (
    # simplemma reads "seventh" as "seven"
    r"(?:\d+\w*|second|third|fourth|fifth|sixth|seven(?:th)?|eighth|ninth|tenth|eleventh|twelfth"
    r"|another|new|final"
    r"|zweit\w*|dritt\w*|viert\w*|funft\w*|sechst\w*|siebt\w*|acht\w*|neu\w*|weit\w*)"
)
# A season's number spelt out: "Season Three", "Staffel drei".
_NUMBER = (
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten"
    r"|zwei|drei|vier|funf|sechs|sieben|acht|neun|zehn)"
)
_MONTH = (
    r"(?:januar|februar|marz|april|mai|juni|juli|august|september|oktober|november|dezember"
    r"|fruhjahr|fruhling|sommer|herbst|winter|sofort|heute|morgen"
    r"|(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)\w*"
    # a holiday or a break names a time too: "nach Ostern", "nach der Sommerpause"
    r"|ostern|pfingsten|weihnacht\w*|sommerpause|winterpause|jahreswechsel)"
)
_CALENDAR_MONTH = (
    r"(?:januar|februar|marz|april|mai|juni|juli|august|september|oktober|november|dezember"
    r"|fruhjahr|fruhling|sommer|herbst|winter)"
)
# A new or numbered film, case or batch of episodes of a series ("zwei neue Filme", "weitere
# zehn Folgen", "Fünfter Fall").
_NEW_INSTALMENT = (
    r"(?:(?:(?:\d+|" + _NUMBER + r") )?(?:neu|weit)\w* (?:(?:\d+|" + _NUMBER + r") )?"
    r"|(?:zweit|dritt|viert|funft|sechst|siebt|acht|neunt|zehnt)\w* )"
    r"(?:folge|episode|film|fall|teil)\w*"
)
# A German date in figures, "ab 24.2." (lemmas "ab 24 2"); "ab 20.15 Uhr" is a time of day.
_FIGURE_DATE = r"(?:[12]?\d|3[01]) (?:0?[1-9]|1[0-2])\b(?! uhr| \d)"

# Words that make a nearby ordinary title a series: the title cannot be plain language here.
SERIES_WORD = re.compile(
    r"(staffel|serie|season|renew|verlanger|cancel|abgesetzt|absetz|eingestellt|episode|folgen?$"
    r"|premiere|spinoff|ableger|greenli|sitcom|miniser|reboot|revival|prequel)"
)
# Words for a part of a series: in a clause with an everyday title, they make it the series
# ("Dark will get a third and final season"); "a festival for series" does not.
SEASON_WORD = re.compile(r"(staffel|season|folge|episode|finale)")
# A season said to be ordered or coming, not *when* it comes ("Staffel 5 kommt im Mai").
_CONFIRMED = (
    r"(?:bestellen|bestatigen|ankundigen|kommen(?! (?:am|im|ab|in)\b)|confirm(?:s|ed)?"
    r"|(?:is|be) a go"
    r"|(?:is|be) happen\w*)"
)


# What happens "despite" or "trotz" something did not happen: "renewed despite efforts to
# have it cancelled".
# "trotz" takes a short noun phrase ("Trotz guter Quoten RTL setzt … ab"): the rest of the
# clause is the news; "despite" may run on to the clause's end.
CONCESSION = re.compile(r"\bdespite [^|]*|\btrotz (?:[^|\s]+ ){0,2}[^|\s]+")
# A cancellation denied or only for a while ("not cancelled", "nicht abgesetzt",
# "vorübergehend eingestellt"): no cancellation; whatever else the clause says still counts.
NOT_CANCELLED = re.compile(
    # "nicht nur abgesetzt", "should never have cancelled": it was.
    r"\b(?:not|never|nicht|nie|no longer)(?! (?:nur|only|just|merely|have)\b)"
    r" (?:[^|\s]+ ){0,2}(?:cancel\w*|axe|absetzen|einstellen)\b"
    r"|\b(?:vorubergehen\w*|vorerst|vorlaufig|temporarily) (?:[^|\s]+ ){0,2}"
    r"(?:cancel\w*|absetzen|einstellen)\b"
    # "sich auf Pausen einstellen" is to get ready for them.
    r"|\bsich (?:[^|\s]+ ){0,8}auf (?:[^|\s]+ ){0,6}einstellen\b"
    # Said of a share of other shows ("many of its occupants have been cancelled"): not this one.
    r"|\b(?:many|most|several|some|few) of (?:(?!but |aber |and |und )[^|\s]+ ){1,5}"
    r"(?:have |has |be |get )?(?:be )?"
    r"(?:cancel\w*|axe|scrap)\b"
    # Filming ended or halted ("Dreharbeiten zur Fortsetzung beendet"): not the series' end.
    r"|\bdreharbeit\w* (?:[^|\s]+ ){0,6}(?:beenden|abbrechen|stoppen|einstellen)\b"
    r"|\b(?:beenden|abbrechen|stoppen) (?:[^|\s]+ ){0,3}dreharbeit\w*"
    # An event called off, not the series: a premiere, filming, a screening, a panel
    # ("Premiere der zweiten Staffel abgesagt", "Dreharbeiten wegen Corona abgesagt").
    r"|\b(?:premiere\w*|dreharbeit\w*|vorfuhrung\w*|panel|feier\w*|event\w*|termin\w*)"
    r" (?:[^|\s]+ ){0,8}absagen\b"
)
# No new episodes or films ("keine neuen Folgen", "no new episodes"): no start; a season denied is
# NEGATED_RENEWAL's to read ("keine weitere Staffel").
NO_NEW_EPISODES = re.compile(
    r"\b(?:kein|no) (?:[^|\s]+ ){0,2}(?:neu|weit|new|more)\w* (?:folge|episode|film|fall)\w*"
)

# A rescue denied ("keine Netflix-Rettung", "not saved by Netflix"): no rescue; the clause's
# other words still count.
NOT_RESCUED = re.compile(
    r"\b(?:not|never|no|kein|nicht|nie) (?:[^|\s]+ ){0,2}(?:rettung|retten|gerettet|save|rescue)\b"
)


def _any(*alternatives: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b")


# Decides nothing about a series' seasons: a programme change ("nimmt … aus dem Programm",
# "aus der Primetime") or a pilot ordered, which is not yet a series.
NO_DECISION = _any(
    r"aus der (?:programm|primetime|hauptabendprogramm)",
    r"pull (?:[^|\s]+ ){0,3}from (?:the |its |their )?schedule",
    r"(?:order|bestellen) (?:[^|\s]+ ){0,2}pilot\w*|pilot\w* (?:[^|\s]+ ){0,6}order\w*",
)
# A review, the ratings, a status update, an explanation or a guide to what is known: it speaks
# of a season or its premiere without announcing one; only a decision or a date said counts.
REPORT = _any(
    r"review\w*|recap\w*|rating\w*|rank\w*|rezension\w*|spoiler\w*",
    r"quote\w*|marktanteil\w*|(?:million\w*|\d+) (?:mensch|zuschauer|zuseher|viewer)\w*|zuseher\w*",
    r"(?:everything|thing) (?:[^|\s]+ ){0,4}know|what to expect",
    r"(?:give|geben) " + _GAP + r"update",
    r"why|warum|wieso|weshalb",  # an explanation: "Why NBC cancelled 'Suits: LA'" still counts
)
# Production under way (filming, shooting, "in the works"): a season in the making is
# neither ordered nor dated by that; only a decision or a date said outright counts.
PRODUCTION = _any(
    r"dreharbeit\w*|drehstart\w*|drehen(?! sich)|filming|shoot(?:ing)?|vor der kamera",
    r"in the work|(?:begin|start|wrap|enter)\w* production|production (?:begin|start|wrap)\w*",
)
# A trailer or first look: promotion, not a decision.
TRAILER = _any(
    r"\w*trailer\w*|teaser|erst\w* video|first look",
    # A reunion special is an evening with the cast, not a season: news of a date at most.
    r"reunion (?:special|episode|show)",
)
# Said of a series that will not go on, including negated renewals.
NEGATED_RENEWAL = _any(
    r"(?:not|never|no longer) " + _SHORT_GAP + r"(?:renew\w*|return|come back|be back)",
    r"(?:not|never) (?:[^|\s]+ ){0,2}(?:get|receive|land|grant) " + _SHORT_GAP + _SEASON,
    r"no (?:more|" + _ORDINAL + r") " + _SHORT_GAP + _SEASON + "|no " + _SEASON + " " + _NUMBER,
    r"(?:nicht|nie) "
    + _SHORT_GAP
    + r"(?:verlangern|fortsetzen|fortfuhren|weiterfuhren|zuruckkehren)",
    r"kein " + _SHORT_GAP + r"(?:" + _SEASON + r"|verlangerung|ruckkehr|zukunft|comeback)",
    r"gehen nicht weiter|nicht weitergehen",
    # German main clauses put "nicht" after the verb: "Netflix verlängert „Dark“ nicht",
    # "Sky setzt „Das Boot“ nicht fort" (but "verlängert nicht nur …" renews).
    r"verlangern (?:[^|\s]+ ){0,6}nicht(?! nur)",
    r"setzen (?:[^|\s]+ ){0,8}nicht (?:[^|\s]+ ){0,3}fort",
    r"pass on (?:an? )?(?:" + _ORDINAL + " )?" + _SEASON,
    # Not airing, coming or being made for another season: "will not be airing for a fifth season".
    r"(?:not|never) " + _GAP + r"for (?:an? |the )?" + _ORDINAL + " " + _SEASON,
)
# Who orders, airs or saves a series: "Netflix saves 'Lucifer'" is a rescue.
_NETWORK = (
    r"(?:netflix|hulu|amazon|prime video|peacock|apple tv\+?|apple|hbo|max|paramount\+?|disney\+?"
    r"|nbc|cbs|abc|fox|cw|showtime|starz|amc|fx|sky|rtl|zdf|ard|prosieben|vox|joyn|bbc|itv)"
)
# A cancelled series that lives on after all: a renewal, whatever the cancellation before it.
RESCUE = _any(
    r"(?:save|rescue|revive) (?:by|from)|(?:have|be|officially) save|uncancel\w*",
    r"find an? savior|retten|gerettet|rettung",
    # "rode to the rescue"; fans begging a network "to come to the rescue" is a wish.
    r"(?<!to )(?:ride|come|rush|step in) to (?:the |its |their )?rescue",
    # A network that takes its cancellation back: "reverses decision to axe", "reverses course".
    r"reverse (?:its |the |their )?(?:decision|cancellation|course)",
    _NETWORK + r" (?:save|revive)",
    r"wiederbeleben",
    # Brought back after another network's cancellation: the cancellation is its past.
    r"(?<!not )(?<!never )(?<!not be )(?<!never be )(?<!no plan to )(?<!not to )"
    r"(?:bring\w* back|pick\w* up|renew\w*) (?:[^|\s]+ ){0,8}"
    r"(?:following|after) (?:[^|\s]+ ){0,3}cancel\w*",
)
CANCELLATION = _any(
    r"cancel\w*|axe|ax|scrap|pull the plug|yank|not move forward",
    r"absetzen|absetzung|einstellen|streichen|beenden|kippen|abbrechen|stoppen|aus fur|das aus",
    r"setzen " + _CLAUSE_GAP + r"ab(?! " + _MONTH + r")",
    # The particle closes its clause; "ein" before more words is an article ("stellt damit
    # einen neuen Rekord auf").
    r"stellen " + _CLAUSE_GAP + r"ein(?= \||$| (?:und|oder|aber|doch|sondern|nachdem|weil)\b)",
    r"ziehen " + _GAP + r"stecker",
    # Pulped or called off: "stampft … ein", "wird eingestampft"; a series or season called
    # off ("Neustart abgesagt", "sagt die zweite Staffel ab"), not an actor's return or an
    # evening's premiere ("sagt seine Rückkehr ab", "Premiere abgesagt").
    r"einstampfen|stampfen " + _CLAUSE_GAP + r"ein(?= \||$)",
    r"(?:serie|staffel\w*|season|neustart|neuauflage|fortsetzung|revival|reboot|ableger|spinoff)"
    r" " + _GAP + r"absagen",
    r"absagen " + _SHORT_GAP + r"(?:serie|staffel\w*|neustart|neuauflage|fortsetzung)\b",
    r"sagen " + _SHORT_GAP + r"(?:serie|staffel\w*|neustart|neuauflage|fortsetzung)"
    r" (?:[^|\s]+ ){0,6}ab(?= \||$)",
    r"sein geschichte",
    r"drop\w* " + _SHORT_GAP + r"after (?:\w+ )?(?:season|staffel)\w*",
)
_NO_DATE = (
    r"(?! (?:\d+ )?(?:on|in|this|next) (?:\d+ )?(?:january|february|march|april|may|june|july"
    r"|august|september|october|november|december|spring|summer|fall|autumn|winter)\b)"
)
_NEXT_ROUND = r"in (?:der|ein) (?!letzt|final)" + _ORDINAL + r" (?:staffel\w*|rund\w*)"
RENEWAL = _any(
    r"renew\w*|greenlight\w*|green light\w*|verlangern|verlangerung",
    r"(?:pick(?! up (?:right )?where)|order|bestellen) " + _GAP + _SEASON,  # not the story's thread
    # … not a season whose start is announced: "announced that the final season will premiere".
    r"(?:kundigen|ankundigen|announce) "
    + _UNDATED_GAP
    + _ORDINAL
    + " "
    + _UNDATED_GAP
    + _SEASON
    + r"(?! (?:[^|\s]+ ){0,6}(?:premiere|debut|start|starten|air|return|launch)\b)",
    r"gehen in (?:der|ein) (?:nah|nachst\w*|neu\w*|weit\w*) rund\w*",
    r"(?:revival|reboot|spinoff|spin off|ableger) (?:be )?(?:come|kommen|in arbeit|happen)",
    r"(?:order|bestellen|greenlight\w*) "
    + _SHORT_GAP
    + r"(?:spinoff|spin off|ableger|sequel|prequel)",
    _SEASON + " " + _NUMBER + " order",
    # "get ready for the final season" receives nothing.
    r"(?:get|give|land|score|earn|receive|grant) (?!ready\b)"
    + _SHORT_GAP
    + _ORDINAL
    + " "
    + _SEASON,
    # A season in the works ("Staffel 2 ist in Arbeit": simplemma reads the noun "Arbeit" as
    # "abarbeiten"); a new series in the works is no renewal of anything.
    r"(?:season|staffel\w*)"
    + r" (?:\d+ )?(?:[^|\s]+ ){0,2}(?:(?:be|sein) )?(?:officially |offiziell )?"
    + r"in (?:the work|arbeit|abarbeiten)",
    r"(?:get|land|score|earn|receive) (?:an? )?" + _SEASON + " " + _NUMBER,
    r"(?:get|land|score|earn|receive) " + _SHORT_GAP + r"order",
    # Ordered in the passive or ordered more: "Season 4 has already been ordered", "ARD bestellt
    # mehr „Morden im Norden“".
    _SEASON + r" (?:\d+ |" + _NUMBER + r" )?" + _SHORT_GAP + r"(?:be|werden) (?:already |bereits "
    r"|officially |offiziell )?(?:order|bestellen)",
    r"(?:order|bestellen) (?:more|mehr)(?! (?:[^|\s]+ ){0,2}(?:episode|folge|pilot)\w*)",
    # Staying on the air: "is sticking around", "will be staying put at NBC".
    r"(?<!not )(?<!never )(?:stick around|stay put|remain on the air|stay on the air)",
    r"(?:be|get) pick up(?! (?:right )?where)",  # "has been picked up by Netflix"
    # Sent into another season or round ("schickt … in eine dritte Staffel", "wird in die
    # dritte Runde gehen"); "in die letzte Runde" is its end.
    r"schick\w* " + _CLAUSE_GAP + _NEXT_ROUND,
    _NEXT_ROUND + r" (?:schick\w*|gehen)",
    # A German clause puts the verb last: "dass wir eine weitere Staffel bekommen", "haben
    # eine zweite Runde bestellt", "hat eine zweite Staffel … in Auftrag gegeben".
    _ORDINAL + " " + _SEASON + r" (?:bekommen|erhalten)",
    r"(?<!letzt )(?<!final )(?:"
    + _ORDINAL
    + r") (?:staffel\w*|rund\w*) "
    + _CLAUSE_GAP
    + r"(?:bestellen|in auftrag geben)",
    r"(?:order|bestellen|in auftrag geben) " + _GAP + r"(?:rund\w*)",
    _SEASON + r" " + _CLAUSE_GAP + r"in auftrag geben",
    # The order or confirmation as a noun: "den Auftrag für eine zweite Staffel", "official
    # confirmation for the third season".
    # ("no confirmation for season 3 yet" confirms nothing).
    r"(?<!no )(?<!kein )(?<!without )(?<!ohne )(?<!no official )(?<!kein offiziell )"
    r"(?:auftrag|order|confirmation|bestatigung)"
    r" (?:fur|for|of|der|von) " + _SHORT_GAP + _SEASON,
    # "signed for two more seasons"
    r"(?:one|" + _NUMBER + r") more " + _SEASON + _NO_DATE,
    # "back in the studio for another season": more of the show, unless a date is said.
    r"for another " + _SEASON + _NO_DATE,
    # … unless a date is said for it: "returns for season 3 on January 28" is a premiere.
    r"(?:return|come back|be back|bring back) for " + _SHORT_GAP + _SEASON + _NO_DATE,
    r"(?:bekommen|erhalten|kriegen|holen) " + _GAP + _SEASON,
    # "geht in die letzte Staffel" is its end, not more of it.
    r"gehen in (?:(?!letzt|final)[^|\s]+ ){0,6}" + _SEASON,
    r"machen " + _CLAUSE_GAP + r"weiter",
    r"kehren " + _GAP + r"(?:mit|fur) " + _GAP + _SEASON + " " + _GAP + r"zuruck",
    r"(?:mit|fur) " + _GAP + _SEASON + " " + _SHORT_GAP + r"zuruckkehren",
    _ORDINAL + " " + _SEASON + " " + _SHORT_GAP + _CONFIRMED,
    _SEASON + r" \d+ " + _SHORT_GAP + _CONFIRMED,
    r"(?:bestatigen|confirm(?:s|ed)?) (?:an? |ein |der )?" + _ORDINAL + " " + _SEASON,
    r"confirm(?:s|ed)? " + _GAP + r"season \d+",
    r"series " + _UNDATED_GAP + r"confirm(?:s|ed)?",
    r"grun\w* licht",
    # Back for good, not on a date: "is officially returning", "will be revived".
    # A film is no season: "officially returning for a reunion movie".
    r"(?:officially|offiziell) (?:return\w*|come back|be back|zuruckkehren|zuruckkommen)"
    r"(?! (?:[^|\s]+ ){0,4}(?:movie|film))",
    r"(?:be|werden) (?:officially |offiziell )?(?:revive|wiederbeleb\w*)(?! (?:by|from))",
    r"extend\w* (?:to|for|through|into) " + _SHORT_GAP + _SEASON,
    r"gehen weiter|fortsetzen|fortgesetzt|fortfuhren|weiterfuhren",
    # More films or episodes ordered or made: "weitere zehn Folgen bestellt", "entstehen zwei
    # neue Filme", "lässt eine 14. Staffel produzieren".
    r"(?:bestellen|order|in auftrag geben|entstehen|ankundigen) " + _SHORT_GAP + _NEW_INSTALMENT,
    _NEW_INSTALMENT + " " + _CLAUSE_GAP + r"(?:bestellen|in auftrag geben|entstehen|ankundigen)",
    r"lassen "
    + _CLAUSE_GAP
    + r"(?:"
    + _SEASON
    + "|"
    + _NEW_INSTALMENT
    + r") "
    + _SHORT_GAP
    + "produzieren",
    r"setzen (?:(?!" + _MONTH + r")[^|\s]+ ){0,10}fort",
)
# An order, not a date: a season "revival", a show "officially a go", an "event series".
WEAK_RENEWAL = _any(r"revival|officially a go|is a go|event series")
_EN_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december|spring|summer|fall|autumn|winter)"
)
# A date said for a start: also in a teaser, where a bare "debut" is often history.
DATED_PREMIERE = _any(
    r"set " + _SHORT_GAP + r"(?:premiere|return|date|debut)",
    r"return (?:to \w+ )?(?:on|this|next|in (?:\d+|" + _EN_MONTH + r")|" + _EN_MONTH + r")",
    r"(?:return|back|arrive|air|debut|premiere|drop|land|stream)\w* " + _GAP + r"(?:today|tonight)",
    r"(?:begin|start|kick off|launch|arrive|air|debut|premiere|drop|stream|return)\w* "
    + _GAP
    + r"(?:on|in|this|next) "
    + _EN_MONTH,
    r"move to \w+day",
    # A date said relative to today: "returns later this month", "will air next week" ("aired
    # earlier this month" is over).
    r"(?:return|back|arrive|air|debut|premiere|drop|land|stream|begin|start|launch|hit)\w* "
    + _GAP
    + r"(?<!early )(?<!earlier )(?:later )?(?:this|next) (?:week|weekend|month)",
    # A release planned, not one that happened ("the news was released in May"): "due for
    # release in February".
    r"(?:due|set|slate|schedule)\w* for release (?:on|in|this|next) " + _EN_MONTH,
    # A day said without a preposition: "starting June 2", "premieres March 5".
    # A channel may stand between: "starts on FX May 2"; "Aug. 4" ends a clause at its dot.
    r"(?:start|begin|premiere|debut|return|arrive|air|stream|launch)\w* (?:on )?(?:(?:on|at) \w+ )?"
    r"(?:(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december) \d+|(?:jan|feb|mar|apr|aug|sept?|oct|nov|dec) (?:\| )?\d+\b)",
    r"laufen ab|anlaufen|laufen an|kommen (?:am|im|ab)",
    r"(?:neu|jetzt|ab sofort) (?:staffel\w* |folge\w* )?(?:auf|bei|im) \w+",
    # New episodes from a day on; a new episode "am Montagabend" is one evening's slot.
    r"neu staffel\w* " + _SHORT_GAP + r"(?:am|ab) (?:\d+ )?" + _MONTH,
    r"neu (?:folge|episode)\w* " + _SHORT_GAP + r"ab (?:\d+ )?" + _MONTH,
    _NEW_INSTALMENT + " " + _SHORT_GAP + r"(?:(?:im|ab) |am \d+ )" + _CALENDAR_MONTH,
    r"ab " + _SHORT_GAP + _MONTH,
    r"(?:starten|laufen|kommen|erscheinen) " + _GAP + r"(?:am|im|ab) (?:\d+ )?" + _MONTH,
    r"(?:am|im|ab) (?:\d+ |kommend\w* |nachst\w* |dies\w* )?"
    + _MONTH
    + r" (?:\d+ )?(?:starten|laufen|kommen|erscheinen)",
    r"(?:jetzt|ab sofort) " + _CLAUSE_GAP + r"zuruck",
    # "meldet sich im Januar zurück", "kehrt am 5. März zurück"
    r"(?:am|im|ab) (?:\d+ )?" + _MONTH + " " + _SHORT_GAP + r"zuruck",
    # A start today ("Jetzt startet die elfte Staffel"); an episode that "läuft heute" is no
    # premiere.
    r"(?:jetzt|heute|ab heute) (?:starten|anlaufen)|starten (?:jetzt|heute|ab heute)",
    # Soon, said with the start: "die in Kürze startende Serie", "in wenigen Wochen kommen".
    r"(?:in kurze\w*|in wenig\w* (?:tag|woche)\w*|demnachst|in a few (?:day|week)\w*) "
    + _SHORT_GAP
    + r"(?:start\w*|kommen|laufen|erscheinen|return|arrive|premiere)",
    r"(?:start\w*|kommen|laufen|erscheinen|return|arrive|premiere)\w* "
    + _SHORT_GAP
    + r"(?:in kurze\w*|in wenig\w* (?:tag|woche)\w*|demnachst|in a few (?:day|week)\w*)",
    r"fur (?:der )?(?:\d+ )?" + _MONTH + r" an",
    r"(?:stehen )?in der startloch\w*",
    r"setzen " + _CLAUSE_GAP + r"(?:im|am|ab|in|nach) (?:[^|\s]+ )?" + _MONTH + r" fort",
    r"(?:am|ab) " + _FIGURE_DATE,
)
PREMIERE = _any(
    # A trailer or a poster that debuts is promotion ("debuts first trailer").
    r"\w*premiere\w*|(?:release|return|air|launch|start) (?:date|window)",
    r"debut\w*(?! (?:[^|\s]+ ){0,2}(?:trailer|teaser|look|poster|image|clip|footage))",
    r"(?:how|when|where) (?:and when )?to (?:watch|stream)",
    r"(?:hit|arrive on|land on|drop on|come to) (?:netflix|hulu|prime video|disney|max|peacock"
    r"|apple)",
    r"starttermin|startdatum|termin|starten|neu folge\w*|free tv|erscheinen|now streaming",
    r"in deutschland|im pay tv|sendeplatz|sendetermin",
    r"drop\w* (?:the |a |all )?(?:new|final|\d+\w*|" + _ORDINAL + r") " + _SHORT_GAP + _SEASON,
    r"(?:staffel\w*|folge\w*|finale|episode\w*|season)(?: \d+)? (?:sein|be) "
    r"(?:jetzt |endlich |now |finally )?(?:da|here)",
    r"(?:sein|be) (?:jetzt |now |ab sofort |finally |endlich )?(?:auf|bei|on) "
    r"(?:netflix|prime video|disney|sky|hulu|max|joyn|rtl|apple)",
    # A channel that shows seasons or a sequel, a first broadcast: "Universal Channel zeigt
    # zweite und dritte Staffel", "ZDF zeigt Fortsetzung früher", "Erstausstrahlung im Dezember".
    r"zeigen (?:[^|\s]+ ){0,3}(?:" + _ORDINAL + r" (?:und " + _ORDINAL + r" )?)?" + _SEASON,
    r"erstausstrahlung\w*",
)
# A German crime series' new case: "ermittelt wieder", "Siebter Einsatz für …", "in ihrem 15.
# Fall" ("nach 38 Fällen" counts the past).
NEW_CASE = _any(
    r"ermitteln (?:(?!nicht|nie)[^|\s]+ )?(?:wieder|erneut)",
    r"(?:^|(?:ihr|sein|im|der) )"
    r"(?:\d+|(?:zweit|dritt|viert|funft|sechst|siebt|acht|neunt|zehnt)\w*) (?:fall|fallen|einsatz)",
)
# A season that will come, said with the verb first: "Es kommt eine dritte Staffel!". Read
# after the dates, so "Im Mai kommt eine dritte Staffel" stays a premiere.
SEASON_COMING = _any(r"kommen (?:noch |nun |jetzt )?ein " + _ORDINAL + " " + _SEASON)
# What comes back that is not the show's next season: a film, a spin-off.
_NOT_THE_SHOW = r"\w*(?:film|kino|ableger|spinoff|spin off|prequel|sequel)"
# A return to the screen said in German, without a date: "kehrt zurück", "meldet sich zurück",
# "Willkommen zurück", "zurück auf dem Bildschirm" — the show is back, not a film or a spin-off
# (a new show). In a trailer headline it is the trailer's story, in a teaser often history.
RETURN = _any(
    r"(?:zuruckkehren|zuruckkommen|willkommen zuruck|zuruck auf der bildschirm"
    r"|(?:melden sich|kehren|kommen) (?:(?!" + _NOT_THE_SHOW + r")[^|\s]+ ){0,8}zuruck)"
    r"(?! (?:[^|\s]+ ){0,4}" + _NOT_THE_SHOW + r")",
)
# An end said outright: it outweighs a season confirmed beside it ("confirms 'Dexter' to
# end with season 8"); a final season merely ordered is ENDING, below the renewal.
ENDING_SAID = _any(
    r"(?:to|will) end (?:with|after)|end(?:ing)? (?:with|after) " + _SHORT_GAP + _SEASON,
    r"come to an? end|(?:to|will) wrap\w*|wrap up|serienende|serien aus",
    r"end (?:its|their) run",
    # A season said to be the last outright beats its announcement: "Showtime has announced
    # that the upcoming fifth season will be the show's last".
    r"(?:will|would|to) (?:[^|\s]+ ){0,2}be (?:its|their|the (?:show|series|drama|comedy|sitcom)"
    r"(?: s)?) (?:last|final)\b(?! (?:[^|\s]+ ){0,2}(?:episode|appearance|film|movie|scene))",
    # Idioms of an end: "has met its demise", "is over at Showtime", "ends at The CW".
    r"meet (?:its|it s|their|an?) (?:\w+ )?demise",  # "it's" for "its" is a common slip
    r"(?:be (?:officially |now )?over|end) at (?:the )?" + _NETWORK,
    # A season's last episode said to be the series' last: "season 8 ending to be series finale".
    r"(?:be|serve as|double as) (?:the |its |a |their )?series finale",
)
ENDING = _any(
    r"(?:be|as|have) (?:the |its |a |an |their )?(?:\w+ (?:and )?)?(?:final|last) season",
    r"kundigen " + _GAP + r"ende",
    r"(?:to|will) end|end with|end after|(?<!season )(?<!episode )(?<!finale )"
    r"(?<!season \d )(?<!season \d\d )(?<!staffel \d )be end(?:ing)?",
    r"announce\w* (?:the |an )?end of",
    r"come to an? end|wrap up|conclude|(?:will|to) be (?:its|the) (?:last|final)",
    r"enden|zu ende|schluss|schlussstrich",
    # "ermittelt zum letzten Mal", "steht ein letztes Mal vor der Kamera"
    r"(?<!nicht )(?:zum|ein) letzt\w* mal",
    # "die zehnte wird zugleich die letzte Staffel sein", "Staffel 8 ist zugleich die letzte"
    r"(?:zugleich|gleichzeitig|damit) (?:auch )?(?:der |ein )?(?:letzt|final)\w*",
    # "die kommende Staffel wird die letzte sein", "Staffel 8 wird die letzte"
    # ("wird das Finale" is the last episode, not the last season).
    r"der (?:letzt\w* (?:staffel\w* )?|final\w* staffel\w* )sein",
    r"werden (?:auch |zugleich )?der (?:letzt\w*|final\w* staffel)",
    r"gehen in der (?:letzt|final)\w* (?:rund|staffel)\w*",
    r"(?:abschied\w*|abscheiden) von|farewell to|say goodbye to|verabschieden sich",
    r"clos\w* out",
    r"for good|fur immer|swan song|schwanengesang",
)
# A last season named, not said to be the last: in a headline it tells the end when nothing
# else is said; in a teaser it is the setting ("die finale Staffel verspricht einen
# explosiven Abschluss", "rockets into the final season").
FINAL_NAMED = _any(
    r"(?:for|into) (?:the |its |a |an |their )?(?:\w+ (?:and )?)?(?:final|last) season",
    r"(?:letzt|final)\w* staffel\w*",
    r"letzt\w* rund\w*",
    r"(?:der|das) ende|abschluss",
)

# A new season or new episodes said to start: in a teaser that is the item's news, not the
# show's history ("Im Oktober startet die neue Staffel", "the new season premieres Friday").
_NEW_PART = (
    r"(?:neu|new|next|nachst|" + _ORDINAL + r") (?:(?:and|und) (?:final|last|letzt\w*) )?"
    r"(?:[^|\s]+ )?(?:staffel\w*|folge\w*|season|episode\w*|mini serie)"
)
# More episodes on their way, in a headline too: "gibt es nun Nachschub", "Nachschub naht",
# "es gibt zwei weitere Folgen", "vier neue Folgen im ZDF" ("es gibt keine neuen Folgen" is none).
_MORE_EPISODES = (
    r"(?:geben es|es geben) (?:(?!kein|nicht)[^|\s]+ ){0,2}(?:nachschub|(?:"
    + _NUMBER
    + r"|neu|weit\w*) (?:(?:neu|weit)\w* )?(?:folge|episode|film)\w*)"
    + r"|nachschub (?:nahen|kommen|rollen)"
    + r"|"
    + _NUMBER
    + r" (?:neu|weit)\w* (?:folge|episode|film)\w* "
    + _SHORT_GAP
    + r"(?:im|bei|auf) (?:"
    + _NETWORK
    + r"|erst\w*|zweit\w*)"
)
MORE_EPISODES = _any(_MORE_EPISODES)
_STARTS = r"(?:starten|anlaufen|premiere|debut|arrive|begin|start|air)"
# A start said to be recent is history ("die kürzlich gestartete vierte Staffel"): the clause
# is read from its start up to the cue, and a word for "recently" before it stops the match.
_NOT_RECENT = r"(?:^|\| )(?:(?!kurzlich\b|vor kurz\w*|recently\b)[^|])*?"
NEW_SEASON_STARTS = re.compile(
    _NOT_RECENT
    + r"\b(?:"
    + _NEW_PART
    + r" "
    + _GAP
    + _STARTS
    + r"|"
    + _STARTS
    + r" "
    + _GAP
    + _NEW_PART
    # A channel that shows or airs new episodes: "Das Erste zeigt zwei neue Folgen".
    + r"|(?:zeigen|strahlen|ausstrahlen|air\w*) "
    + _SHORT_GAP
    + _NEW_PART
    + r"|"
    + _MORE_EPISODES
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
# 14. Mai, 20.15 Uhr im Ersten", "ab 20:15 Uhr") or a "Sendetermin".
BROADCAST_SLOT = _any(r"(?:[01]?\d|2[0-3]) (?:\| )?[0-5]\d uhr", r"sendetermin\w*")
