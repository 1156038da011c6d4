"""How German and English news frame what they say, written over folded lemmas (see lemmas.py):
series words, negations and concessions, reports, filming and trailers. What a text announces
is in premiere_cues.py, airing_cues.py, renewal_cues.py, rescue_cues.py and ending_cues.py;
their pieces in cue_parts.py.

Each pattern runs on a space-separated lemma string in which "|" ends a clause; a gap such
as `GAP` never crosses a clause. Lemmas of nouns can be odd ("Staffel" → "staffeln"), so
nouns are matched by their stem.
"""

from __future__ import annotations

import re

from bot.news.cue_parts import GAP, any_of

# Words that make a nearby ordinary title a series: the title cannot be plain language here.
SERIES_WORD = re.compile(
    r"(staffel|serie|season|renew|verlanger|cancel|abgesetzt|absetz|eingestellt|episode|folgen?$"
    r"|premiere|spinoff|ableger|greenli|sitcom|miniser|reboot|revival|prequel)"
)
# Words for a part of a series: in a clause with an everyday title, they make it the series
# ("Dark will get a third and final season"); "a festival for series" does not.
SEASON_WORD = re.compile(r"(staffel|season|folge|episode|finale)")
# What happens "despite" or "trotz" something did not happen: "renewed despite efforts to
# have it cancelled".
# "trotz" takes a short noun phrase ("Trotz guter Quoten RTL setzt … ab"): the rest of the
# clause is the news; "despite" may run on to the clause's end.
# A concessive clause ("although NBC cancelled it", "obwohl die dritte Staffel noch nicht
# angelaufen ist", "wurde zwar abgesetzt, doch …") grants the background; the main clause is
# the news.
CONCESSION = re.compile(
    r"\bdespite [^|]*|\btrotz (?:[^|\s]+ ){0,2}[^|\s]+"
    r"|\b(?:although|even though|obwohl|obgleich) [^|]*|(?:^|(?<=\| ))[^|]*\bzwar\b[^|]*"
)
# A cancellation denied or only for a while ("not cancelled", "nicht abgesetzt",
# "vorübergehend eingestellt"), or a verb of an end in another sense ("ins Chaos kippen"): no
# cancellation; whatever else the clause says still counts.
NOT_CANCELLED = re.compile(
    # "nicht nur abgesetzt", "should never have cancelled": it was.
    r"\b(?:not|never|nicht|nie|no longer)(?! (?:nur|only|just|merely|have)\b)"
    r" (?:[^|\s]+ ){0,2}(?:cancel\w*|axe|absetzen|einstellen|call time on)\b"
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
    # A story that tips into something ("kippt ins Groteske", "ins Chaos kippt") is no series
    # dropped.
    r"|\bins (?:[^|\s]+ ){0,2}kippen\b|\bkippen (?:[^|\s]+ )?ins\b"
)
# A season's end, not the series': "die erste Staffel ging zu Ende", "Jubiläumsstaffel zu Ende",
# "wer die Staffel zu Ende gesehen hat" (but "geht nach acht Staffeln zu Ende", "mit der vierten
# Staffel zu Ende" or "die letzte Staffel geht zu Ende" end the series). Read only where "zu
# Ende" is said: every article is a place it might start.
SEASON_ENDED = re.compile(
    r"(?:^|(?<=\| )|(?<!mit )(?<!nach )\bder )(?:(?!nach\b|mit\b|letzt|final)[^|\s]+ ){0,3}"
    r"(?!\w*(?:final|schluss|abschluss|letzt))\w*staffel\w* (?:[^|\s]+ ){0,4}zu ende\b"
)
# A renewal not yet decided ("still has not renewed", "not yet renewed", "noch nicht
# verlängert"), a cancellation told as the show's past ("the company who originally canceled
# it"): neither is news of an end.
UNDECIDED_OR_PAST = re.compile(
    r"\b(?:still|yet) (?:have |has |be )?not (?:yet )?(?:[^|\s]+ ){0,2}renew\w*"
    r"|\bnot yet (?:[^|\s]+ ){0,2}renew\w*|\bnoch (?:nicht|kein) (?:[^|\s]+ ){0,2}verlanger\w*"
    r"|\b(?:originally|initially|ursprunglich) (?:[^|\s]+ ){0,2}(?:cancel\w*|absetzen)\b"
)
# No new episodes or films ("keine neuen Folgen", "no new episodes"): no start; a season denied or
# none planned is NEGATED_RENEWAL's to read ("keine weitere Staffel", "keine neuen Folgen geplant").
NO_NEW_EPISODES = re.compile(
    r"\b(?:kein|no) (?:[^|\s]+ ){0,2}(?:neu|weit|new|more)\w* (?:folge|episode|film|fall)\w*"
    r"\b(?! (?:[^|\s]+ ){0,2}planen\b)"
)

# A rescue denied ("keine Netflix-Rettung", "not saved by Netflix"): no rescue; the clause's
# other words still count.
NOT_RESCUED = re.compile(
    r"\b(?:not|never|no|kein|nicht|nie) (?:[^|\s]+ ){0,2}(?:rettung|retten|gerettet|save|rescue)\b"
)


# Decides nothing about a series' seasons: a programme change ("nimmt … aus dem Programm",
# "aus der Primetime") or a pilot ordered, which is not yet a series.
NO_DECISION = any_of(
    r"aus der (?:programm|primetime|hauptabendprogramm)",
    r"pull (?:[^|\s]+ ){0,3}from (?:the |its |their )?schedule",
    r"(?:order|bestellen) (?:[^|\s]+ ){0,2}pilot\w*|pilot\w* (?:[^|\s]+ ){0,6}order\w*",
    # A show removed from a catalogue or banned from the screen ("to be removed from Netflix",
    # "aus dem ZDF verbannt"): its reruns go, not its seasons.
    r"remove (?:[^|\s]+ ){0,3}from|verbannen",
)
_JUDGED = r"(?:gut|schlecht|stark|schwach|mau|holprig|enttauschend|miserabel|glanzend|furios)"
# A review, the ratings, a status update, an explanation or a guide to what is known: it speaks
# of a season or its premiere without announcing one; only a decision or a date said counts.
REPORT = any_of(
    r"review\w*|recap\w*|rating\w*|rank\w*|rezension\w*|spoiler\w*",
    r"quote\w*|marktanteil\w*|(?:million\w*|\d+) (?:mensch|zuschauer|zuseher|viewer)\w*|zuseher\w*",
    r"(?:everything|thing) (?:[^|\s]+ ){0,4}know|what to expect",
    r"(?:give|geben) " + GAP + r"update",
    r"why|warum|wieso|weshalb",  # an explanation: "Why NBC cancelled 'Suits: LA'" still counts
    # A start judged, the ratings told in other words: "startet schlecht", "hat einen guten
    # Start hingelegt" (simplemma reads the noun "Start" as "starten").
    r"starten (?:[^|\s]+ )?" + _JUDGED + r"|" + _JUDGED + r"\w* (?:[^|\s]+ )?starten",
)
# Production under way (filming, shooting, "in the works"): a season in the making is
# neither ordered nor dated by that; only a decision or a date said outright counts.
PRODUCTION = any_of(
    r"dreharbeit\w*|drehstart\w*|drehbeginn\w*|drehen(?! sich)|vor der kamera",
    r"filming|shoot(?:ing)?",
    r"in the work|(?:begin|start|wrap|enter)\w* production|production (?:begin|start|wrap)\w*",
)
# A trailer or first look: promotion, not a decision.
TRAILER = any_of(
    r"\w*trailer\w*|teaser|erst\w* video|first look",
    # A reunion special is an evening with the cast, not a season: news of a date at most.
    r"reunion (?:special|episode|show)",
)
