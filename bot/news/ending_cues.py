"""How German and English news say a series ends: cancelled, not renewed, its end said or
its last season named."""

from __future__ import annotations

import re

from bot.news.cue_parts import (
    CLAUSE_GAP,
    GAP,
    MONTH,
    NETWORK,
    NUMBER,
    ORDINAL,
    SEASON,
    SHORT_GAP,
    any_of,
)

# Said of a series that will not go on, including negated renewals.
NEGATED_RENEWAL = any_of(
    r"(?:not|never|no longer) " + SHORT_GAP + r"(?:renew\w*|return|come back|be back)",
    r"(?:not|never) (?:[^|\s]+ ){0,2}(?:get|receive|land|grant) " + SHORT_GAP + SEASON,
    r"no (?:more|" + ORDINAL + r") " + SHORT_GAP + SEASON + "|no " + SEASON + " " + NUMBER,
    r"(?:nicht|nie) "
    + SHORT_GAP
    + r"(?:verlangern|fortsetzen|fortfuhren|weiterfuhren|zuruckkehren)",
    r"kein " + SHORT_GAP + r"(?:" + SEASON + r"|verlangerung|ruckkehr|zukunft|comeback)",
    r"gehen nicht weiter|nicht weitergehen",
    # No more of it planned: "keine weiteren Folgen geplant", "eine neue Staffel ist aktuell
    # nicht geplant" (the title held up in "keine neue „Mattscheibe“ geplant" is dropped).
    r"kein (?:[^|\s]+ )?(?:neu|weit)\w* "
    r"(?:(?:staffel|folge|episode|ausgabe|film)\w* (?:[^|\s]+ ){0,2})?planen",
    r"(?:neu|weit)\w* (?:staffel|folge|episode|ausgabe|film)\w* "
    r"(?:[^|\s]+ ){0,3}nicht (?:mehr )?planen",
    # There will be no more of it: "Eine weitere Staffel wird es nicht geben", "die Show wird es
    # nicht mehr geben".
    r"werden es (?:[^|\s]+ ){0,3}nicht (?:mehr )?geben",
    # The negation before the season it refuses, the verb at the clause's end: "wird nicht um
    # eine zweite Staffel verlängert", "geht nicht in eine neue Runde", "nicht für eine dritte
    # Staffel" ("nicht nur um …" still renews; "nicht in der zweiten Staffel" is a cast's news).
    r"(?:nicht|nie) (?:mehr )?(?:(?:um|fur) (?:ein )?|in (?:der|ein) (?=\S+ rund))"
    r"(?!letzt|final)" + ORDINAL + r" (?:" + SEASON + r"|rund\w*)",
    # German main clauses put "nicht" after the verb: "Netflix verlängert „Dark“ nicht",
    # "Sky setzt „Das Boot“ nicht fort" (but "verlängert nicht nur …" renews).
    r"verlangern (?:[^|\s]+ ){0,6}nicht(?! nur)",
    r"setzen (?:[^|\s]+ ){0,8}nicht (?:[^|\s]+ ){0,3}fort",
    r"pass on (?:an? )?(?:" + ORDINAL + " )?" + SEASON,
    # Not airing, coming or being made for another season: "will not be airing for a fifth season".
    r"(?:not|never) " + GAP + r"for (?:an? |the )?" + ORDINAL + " " + SEASON,
    # A season that will not exist: "won't have a season 3", "will not be a third series",
    # "will not pursue a second season" (not "doesn't have a season 3 premiere date yet").
    r"(?:not|never) (?:[^|\s]+ ){0,3}(?:have|be|pursue|make) (?:an? |another )?(?:"
    + ORDINAL
    + " "
    + SEASON
    + "|"
    + SEASON
    + " "
    + NUMBER
    + r")\b(?! (?:premiere|date|release|trailer|debut))",
    # "season 3 will not be happening" ("almost didn't happen" did).
    SEASON
    + r" (?:"
    + NUMBER
    + r" )?(?:(?!almost|nearly)[^|\s]+ ){0,3}(?:not|never) (?:be )?happen\w*",
)
CANCELLATION = any_of(
    # "has called time on", British for an end.
    r"cancel\w*|axe|ax|scrap|pull the plug|yank|not move forward|call time on",
    r"absetzen|absetzung|einstellen|streichen|beenden|kippen|abbrechen|stoppen|aus fur|das aus",
    # The noun "das Aus" (read "der aus"), not the preposition ("die aus der Serie bekannte
    # Ärztin"): before a clause's end or the run it ends, faced, or made known or threatened.
    r"vor der aus|der aus(?= \||$| nach\b)",
    r"(?:verkunden|bestatigen|besiegeln|bedeuten|drohen) " + SHORT_GAP + r"der aus\b",
    r"setzen " + CLAUSE_GAP + r"ab(?! " + MONTH + r")",
    # The particle closes its clause; "ein" before more words is an article ("stellt damit
    # einen neuen Rekord auf").
    r"stellen " + CLAUSE_GAP + r"ein(?= \||$| (?:und|oder|aber|doch|sondern|nachdem|weil)\b)",
    r"ziehen " + GAP + r"stecker",
    # Pulped or called off: "stampft … ein", "wird eingestampft"; a series or season called
    # off ("Neustart abgesagt", "sagt die zweite Staffel ab"), not an actor's return or an
    # evening's premiere ("sagt seine Rückkehr ab", "Premiere abgesagt").
    r"einstampfen|stampfen " + CLAUSE_GAP + r"ein(?= \||$)",
    r"(?:serie|staffel\w*|season|neustart|neuauflage|fortsetzung|revival|reboot|ableger|spinoff)"
    r" " + GAP + r"absagen",
    r"absagen " + SHORT_GAP + r"(?:serie|staffel\w*|neustart|neuauflage|fortsetzung)\b",
    r"sagen " + SHORT_GAP + r"(?:serie|staffel\w*|neustart|neuauflage|fortsetzung)"
    r" (?:[^|\s]+ ){0,6}ab(?= \||$)",
    r"sein geschichte",
    # A channel that lets a series run out or takes it off the screen: "lässt die Serie
    # auslaufen", "nimmt die Serie vom Bildschirm" (a programme change that takes it "aus dem
    # Programm" decides nothing, see classify.py).
    # A contract run out is a person's news: "lässt den Vertrag mit der Kommissarin auslaufen".
    r"lassen (?!"
    + CLAUSE_GAP
    + r"vertrag)"
    + CLAUSE_GAP
    + r"auslaufen|(?<!vertrag )auslaufen lassen",
    r"nehmen " + CLAUSE_GAP + r"(?:vom|von der) bildschirm",
    r"drop\w* " + SHORT_GAP + r"after (?:\w+ )?(?:season|staffel)\w*",
)
# An end said outright: it outweighs a season confirmed beside it ("confirms 'Dexter' to
# end with season 8"); a final season merely ordered is ENDING, below the renewal.
ENDING_SAID = any_of(
    r"(?:to|will) end (?:with|after)|end(?:ing)? (?:with|after) " + SHORT_GAP + SEASON,
    r"come to an? end|(?:to|will) wrap\w*|wrap up|serienende|serien aus",
    r"end (?:its|their) run",
    # A season said to be the last outright beats its announcement: "Showtime has announced
    # that the upcoming fifth season will be the show's last".
    r"(?:will|would|to) (?:[^|\s]+ ){0,2}be (?:its|their|the (?:show|series|drama|comedy|sitcom)"
    r"(?: s)?) (?:last|final)\b(?! (?:[^|\s]+ ){0,2}(?:episode|appearance|film|movie|scene))",
    # Idioms of an end: "has met its demise", "is over at Showtime", "ends at The CW".
    r"meet (?:its|it s|their|an?) (?:\w+ )?demise",  # "it's" for "its" is a common slip
    r"(?:be (?:officially |now )?over|end) at (?:the )?" + NETWORK,
    # A season's last episode said to be the series' last: "season 8 ending to be series finale".
    r"(?:be|serve as|double as) (?:the |its |a |their )?series finale",
)
ENDING = any_of(
    r"(?:be|as|have) (?:the |its |a |an |their )?(?:\w+ (?:and )?)?(?:final|last) season",
    r"kundigen " + GAP + r"ende",
    r"(?:to|will) end|end with|end after|(?<!season )(?<!episode )(?<!finale )"
    r"(?<!season \d )(?<!season \d\d )(?<!staffel \d )be end(?:ing)?",
    r"announce\w* (?:the |an )?end of",
    r"come to an? end|wrap up|conclude|(?:will|to) be (?:its|the) (?:last|final)",
    r"enden|zu ende|schluss|schlussstrich",
    # "die zehnte wird zugleich die letzte Staffel sein", "Staffel 8 ist zugleich die letzte"
    r"(?:zugleich|gleichzeitig|damit) (?:auch )?(?:der |ein )?(?:letzt|final)\w*",
    # "die kommende Staffel wird die letzte sein", "Staffel 8 wird die letzte"
    # ("wird das Finale" is the last episode, not the last season).
    r"der (?:letzt\w* (?:staffel\w* )?|final\w* staffel\w* )sein",
    r"werden (?:auch |zugleich )?der (?:letzt\w*|final\w* staffel)",
    r"gehen in der (?:letzt|final)\w* (?:rund|staffel)\w*",
    r"clos\w* out",
    # "Best" is lemmatised "good": an award "for Best Drama Series" ends nothing.
    r"for good(?! (?:[^|\s]+ ){0,2}(?:series|show|drama|comedy|actor|actress|director|writing))"
    r"|fur immer|swan song|schwanengesang",
)
# A farewell or a last time: the show's, or a host's ("verabschiedet sich von der Moderation").
FAREWELL = any_of(
    r"(?:abschied\w*|abscheiden) von|farewell to|say goodbye to|verabschieden sich",
    # "ermittelt zum letzten Mal", "steht ein letztes Mal vor der Kamera"
    r"(?<!nicht )(?:zum|ein) letzt\w* mal",
)
# The last film or episode in the making: "dreht seinen letzten Fall", "steht ein letztes Mal
# vor der Kamera". An end told by filming, which otherwise decides nothing (not "dreht die
# letzten Szenen" of a season).
LAST_FILMED = any_of(
    r"drehen (?:(?!nicht|kein)[^|\s]+ ){0,4}letzt\w*"
    r"(?! (?:szene|drehtag|klappe|tag|woche|einstellung)\w*)",
    r"(?<!nicht )(?:zum|ein) letzt\w* mal " + GAP + r"vor der kamera",
    r"vor der kamera (?:(?!nicht)[^|\s]+ ){0,3}(?:zum|ein) letzt\w* mal",
)
# A last season named, not said to be the last: in a headline it tells the end when nothing
# else is said; in a teaser it is the setting ("die finale Staffel verspricht einen
# explosiven Abschluss", "rockets into the final season").
FINAL_NAMED = any_of(
    r"(?:for|into) (?:the |its |a |an |their )?(?:\w+ (?:and )?)?(?:final|last) season",
    r"(?:letzt|final)\w* staffel\w*",
    r"letzt\w* rund\w*",
    r"(?:der|das) ende|abschluss",
)
# A run counted in seasons ("after just one season"): English news tells how long a show lasted
# when it ends, whatever everyday verb says so ("told to hit the road after two seasons",
# "assassinated after just one season"); in a headline or its teaser, when nothing else is said.
# Not in a clause where someone leaves or comes back ("star exits after three seasons") or, in
# a teaser, one that tells the end as history in the simple past ("The show ended after six
# seasons", which lemmas.py keeps as "ended"); a German "nach drei Staffeln" as often tells an
# actor's farewell.
RUN_COUNTED = re.compile(
    r"(?:^|\| )(?:(?!\b(?:leave|exit|depart|quit|step|return|come|ended)\b)[^|])*?"
    r"\bafter (?:just |only )?(?:one|" + NUMBER + r"|\d+) (?:\w+ )?(?:season|series)\b"
)
