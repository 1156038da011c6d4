"""How German and English news say a series goes on: renewed, ordered, carried on (a rescue
after a cancellation is in rescue_cues.py)."""

from __future__ import annotations

import re

from bot.news.cue_parts import (
    CLAUSE_GAP,
    EN_MONTH,
    GAP,
    MONTH,
    NEW_INSTALMENT,
    NO_DATE,
    NUMBER,
    ORDINAL,
    SEASON,
    SHORT_GAP,
    UNDATED_GAP,
    any_of,
)

# A season said to be ordered or coming, not *when* it comes ("Staffel 5 kommt im Mai").
_CONFIRMED = (
    r"(?:bestellen|bestatigen|ankundigen|kommen(?! (?:am|im|ab|in)\b)|confirm(?:s|ed)?"
    r"|(?:is|be) a go"
    r"|(?:is|be) happen\w*)"
)


# A season confirmed to start ("Season 2 is confirmed to premiere on …", "HBO confirmed the
# season 3 will premiere …") is news of its date, not of an order.
_NOT_ITS_START = (
    r"(?! (?:[^|\s]+ ){0,3}(?:premiere|debut|air|return|start|launch|arrive|drop|stream)\b)"
)
_UNDATED = r"(?:(?!" + MONTH + r"\b)[^|\s]+ ){0,6}"
_NEXT_ROUND = r"in (?:der|ein) (?!letzt|final)" + ORDINAL + r" (?:staffel\w*|rund\w*)"
RENEWAL = any_of(
    r"renew\w*|greenlight\w*|green light\w*|verlangern|verlangerung",
    # not the story's thread; British channels commission a series
    r"(?:pick(?! up (?:right )?where)|order|bestellen|(?:re)?commission\w*) " + GAP + SEASON,
    # … not a season whose start is announced: "announced that the final season will premiere".
    r"(?:kundigen|ankundigen|announce) "
    + UNDATED_GAP
    + ORDINAL
    + " "
    + UNDATED_GAP
    + SEASON
    + r"(?! (?:[^|\s]+ ){0,6}(?:premiere|debut|start|starten|air|return|launch)\b)",
    # Into another round, its number said too: "geht in eine zweite Runde", "geht bei Vox in die
    # vierte Runde", "geht in Runde sieben" ("in die letzte Runde" is its end).
    r"gehen (?:(?!nicht|nie)[^|\s]+ ){0,3}in (?:der|ein) (?:nah|nachst\w*|(?!letzt|final)"
    + ORDINAL
    + r") rund\w*",
    r"gehen in rund\w* (?:\d+|" + NUMBER + r")\b",
    r"(?:revival|reboot|spinoff|spin off|ableger) (?:be )?(?:come|kommen|in arbeit|happen)",
    r"(?:order|bestellen|greenlight\w*) "
    + SHORT_GAP
    + r"(?:spinoff|spin off|ableger|sequel|prequel)",
    SEASON + " " + NUMBER + " order",
    # "get ready for the final season" receives nothing.
    r"(?:get|give|land|score|earn|receive|grant) (?!ready\b)" + SHORT_GAP + ORDINAL + " " + SEASON,
    # A season in the works ("Staffel 2 ist in Arbeit": simplemma reads the noun "Arbeit" as
    # "abarbeiten"); a new series in the works is no renewal of anything.
    r"(?:season|staffel\w*)"
    + r" (?:\d+ )?(?:[^|\s]+ ){0,2}(?:(?:be|sein) )?(?:officially |offiziell )?"
    + r"in (?:the work|arbeit|abarbeiten)",
    # … not its date: "gets season 2 release date".
    r"(?:get|land|score|earn|receive) (?:an? )?"
    + SEASON
    + " "
    + NUMBER
    + r"\b(?! (?:premiere|release|air|launch|debut|return|start) (?:date|window))",
    r"(?:get|land|score|earn|receive) " + SHORT_GAP + r"order",
    # Ordered in the passive or ordered more: "Season 4 has already been ordered", "ARD bestellt
    # mehr „Morden im Norden“".
    SEASON + r" (?:\d+ |" + NUMBER + r" )?" + SHORT_GAP + r"(?:be|werden) (?:already |bereits "
    r"|officially |offiziell )?(?:order|bestellen)",
    r"(?:order|bestellen) (?:more|mehr)(?! (?:[^|\s]+ ){0,2}(?:episode|folge|pilot)\w*)",
    # Staying on the air: "is sticking around", "will be staying put at NBC".
    r"(?<!not )(?<!never )(?:stick around|stay put|remain on the air|stay on the air)",
    r"(?:be|get) pick up(?! (?:right )?where)",  # "has been picked up by Netflix"
    # Sent into another season or round ("schickt … in eine dritte Staffel", "wird in die
    # dritte Runde gehen"); "in die letzte Runde" is its end.
    r"schick\w* " + CLAUSE_GAP + _NEXT_ROUND,
    _NEXT_ROUND + r" (?:schick\w*|gehen)",
    # A German clause puts the verb last: "dass wir eine weitere Staffel bekommen", "haben
    # eine zweite Runde bestellt", "hat eine zweite Staffel … in Auftrag gegeben".
    ORDINAL + " " + SEASON + r" (?:bekommen|erhalten)",
    r"(?<!letzt )(?<!final )(?:"
    + ORDINAL
    + r") (?:staffel\w*|rund\w*) "
    + CLAUSE_GAP
    + r"(?:bestellen|in auftrag geben)",
    r"(?:order|bestellen|in auftrag geben) " + GAP + r"(?:rund\w*)",
    SEASON + r" " + CLAUSE_GAP + r"in auftrag geben",
    # The order or confirmation as a noun: "den Auftrag für eine zweite Staffel", "official
    # confirmation for the third season".
    # ("no confirmation for season 3 yet" confirms nothing).
    r"(?<!no )(?<!kein )(?<!without )(?<!ohne )(?<!no official )(?<!kein offiziell )"
    r"(?:auftrag|order|confirmation|bestatigung)"
    r" (?:fur|for|of|der|von) " + SHORT_GAP + SEASON,
    # "signed for two more seasons"
    r"(?:one|" + NUMBER + r") more " + SEASON + NO_DATE,
    # "back in the studio for another season": more of the show, unless a date is said.
    r"for another " + SEASON + NO_DATE,
    # … unless a date is said for it: "returns for season 3 on January 28" is a premiere.
    r"(?:return|come back|be back|bring back) for " + SHORT_GAP + SEASON + NO_DATE,
    r"(?:bekommen|erhalten|kriegen|holen) " + GAP + SEASON,
    # A season there will be: "Es wird eine neue Staffel geben", "dass es eine zweite Staffel
    # geben wird", "Eine dritte Staffel wird es geben" ("… wird es nicht geben" is none).
    r"es (?:werden |sollen )?(?:auch |noch |definitiv |sicher )?ein "
    + ORDINAL
    + " "
    + SEASON
    + r" (?:(?!nicht|kein|nie)[^|\s]+ ){0,6}geben",
    ORDINAL + " " + SEASON + r" werden es (?:(?!nicht|kein|nie)[^|\s]+ ){0,4}geben",
    # "geht in die letzte Staffel" is its end, not more of it.
    r"gehen in (?:(?!letzt|final)[^|\s]+ ){0,6}" + SEASON,
    r"machen " + CLAUSE_GAP + r"weiter",
    # Back with a season, no day said ("kehrt im Januar mit Staffel 3 zurück" is a start).
    r"kehren " + _UNDATED + r"(?:mit|fur) " + GAP + SEASON + " " + GAP + r"zuruck",
    r"(?:mit|fur) " + GAP + SEASON + " " + SHORT_GAP + r"zuruckkehren",
    ORDINAL + " " + SEASON + " " + SHORT_GAP + _CONFIRMED + _NOT_ITS_START,
    SEASON + r" \d+ " + SHORT_GAP + _CONFIRMED + _NOT_ITS_START,
    # A numbered season announced or on its way: "Season 3 announced", "season 4 is on the way"
    # (not with its date: "season 3 announced for May", "… with a premiere date").
    SEASON
    + r" (?:\d+|"
    + NUMBER
    + r") (?:be |have be )?(?:officially )?(?:announce|on the way)"
    + r"(?! (?:[^|\s]+ ){0,3}(?:premiere|release|date|debut|"
    + EN_MONTH
    + r")\b)",
    r"(?:bestatigen|confirm(?:s|ed)?) (?:an? |ein |der )?" + ORDINAL + " " + SEASON,
    r"confirm(?:s|ed)? " + GAP + r"season \d+" + _NOT_ITS_START,
    r"series " + UNDATED_GAP + r"confirm(?:s|ed)?",
    r"grun\w* licht",
    # Back for good, not on a date: "is officially returning", "will be revived".
    # A film is no season: "officially returning for a reunion movie".
    r"(?:officially|offiziell) (?:return\w*|come back|be back|zuruckkehren|zuruckkommen)"
    r"(?! (?:[^|\s]+ ){0,4}(?:movie|film))",
    r"(?:be|werden) (?:officially |offiziell )?(?:revive|wiederbeleb\w*)(?! (?:by|from))",
    r"extend\w* (?:to|for|through|into) " + SHORT_GAP + SEASON,
    r"fortsetzen|fortgesetzt|fortfuhren|weiterfuhren",
    # More films or episodes ordered or made: "weitere zehn Folgen bestellt", "entstehen zwei
    # neue Filme", "lässt eine 14. Staffel produzieren".
    r"(?:bestellen|order|in auftrag geben|entstehen|ankundigen) " + SHORT_GAP + NEW_INSTALMENT,
    NEW_INSTALMENT + " " + CLAUSE_GAP + r"(?:bestellen|in auftrag geben|entstehen|ankundigen)",
    r"lassen "
    + CLAUSE_GAP
    + r"(?:"
    + SEASON
    + "|"
    + NEW_INSTALMENT
    + r") "
    + SHORT_GAP
    + "produzieren",
    r"setzen (?:(?!" + MONTH + r")[^|\s]+ ){0,10}fort",
    # A series extended by more seasons, episodes or films: "wird um drei weitere Staffeln
    # erweitert", "um zwei neue Kapitel ergänzt" ("ergänzen sich optimal" adds nothing).
    r"um "
    + SHORT_GAP
    + r"(?:(?:staffel|folge|episode|kapitel)\w*|filme?n?|teile?n?)"  # "Teilnehmer" is no part
    + r" (?:erweitern|erganzen|aufstocken)",
)
# An order, not a date: a season "revival", a show "officially a go", an "event series".
WEAK_RENEWAL = any_of(r"revival|officially a go|is a go|event series")
# A season that will come, said with the verb first: "Es kommt eine dritte Staffel!". Read
# after the dates, so "Im Mai kommt eine dritte Staffel" stays a premiere.
SEASON_COMING = any_of(r"kommen (?:noch |nun |jetzt )?ein " + ORDINAL + " " + SEASON)
# A show said to go on ("„Bad Banks“ geht weiter"): a renewal, unless its teaser dates the start.
GOES_ON = any_of(r"gehen weiter")
# A show said to come back, no date or season said ("the HBO series will return", "the doomsday
# drama is coming back", "is coming back to television"): back for more, read below every date.
COMING_BACK = any_of(
    r"(?<!never )(?:will|to|would) (?:be )?(?:return|come back|be back)(?= \||$)",
    r"be come back(?= \||$| to (?:tv|television)\b)",
)
# Years of absence counted: "nach sechs Jahren Pause", "after a 25-year hiatus", "25 years after
# the first series aired", "Sechs Jahre Funkstille". Two years or fewer are a streaming
# series' usual wait between seasons, no comeback.
_MANY = (
    r"(?:[3-9]|\d\d+|three|four|five|six|seven|eight|nine|ten|drei|vier|funf|sechs|sieben|acht"
    r"|neun|zehn|elf|zwolf|eleven|twelve|\w+(?:zehn|zig|teen|ty))"
)
_YEARS_AWAY = (
    r"(?:(?:nach|after) (?:[^|\s]+ ){0,3}" + _MANY + r" (?:jahr|year)\w*"
    r"|" + _MANY + r" (?:jahr|year)\w* (?:after|later|nach|spater|pause|funkstille|hiatus|break))"
)
# A show brought back: "kehrt … zurück", "bringt … zurück", "makes a comeback", "to bring …
# back", "revived" (an English star who "returns after a 19-year hiatus" is on screen again).
_BROUGHT_BACK = (
    r"(?:(?:kehren|kommen|bringen|holen|melden sich|sein) (?:[^|\s]+ ){0,10}zuruck"
    r"|zuruck(?:kehren|kommen|bringen|holen)|comeback\w*|come back|be back"
    r"|bring (?:[^|\s]+ ){0,6}back|reviv\w*|wiederbeleb\w*)"
)
# A show back after years away is revived, not yet dated; the years and the comeback may stand
# in clauses of their own ("ZDF bringt Kultserie zurück - nach sechs Jahren Pause") or one
# inside the other ("kehrt nach sechs Jahren Pause zurück").
REVIVED_AFTER_YEARS = re.compile(r"^(?=.*\b" + _YEARS_AWAY + r"\b)(?=.*\b" + _BROUGHT_BACK + r"\b)")
