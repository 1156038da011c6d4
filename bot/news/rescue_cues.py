"""How German and English news say a cancelled series lives on after all: saved, revived,
brought back by another network."""

from __future__ import annotations

from bot.news.cue_parts import NETWORK, any_of

# A cancelled series that lives on after all: a renewal, whatever the cancellation before it.
RESCUE = any_of(
    r"(?:save|rescue|revive) (?:by|from)|(?:have|be|officially) save|uncancel\w*",
    r"find an? savior|retten|gerettet|rettung",
    # "rode to the rescue"; fans begging a network "to come to the rescue" is a wish.
    r"(?<!to )(?:ride|come|rush|step in) to (?:the |its |their )?rescue",
    # A network that takes its cancellation back: "reverses decision to axe", "reverses course".
    r"reverse (?:its |the |their )?(?:decision|cancellation|course)",
    NETWORK + r" (?:save|revive)",
    r"wiederbeleben",
    # Brought back or saved after another network's cancellation ("saved 'One Day at a Time'
    # from Netflix cancellation"): the cancellation is its past.
    r"(?<!not )(?<!never )(?<!not be )(?<!never be )(?<!no plan to )(?<!not to )"
    r"(?:bring\w* back|pick\w* up|renew\w*|save|rescue) (?:[^|\s]+ ){0,8}"
    r"(?:following|after|from) (?:[^|\s]+ ){0,3}cancel\w*",
)

# Denied or only wished for: "will not return after its cancellation", "fans campaign to bring
# back the canceled show".
_NOT_SAID = r"(?<!not )(?<!never )(?<!not be )(?<!never be )(?<!to )"
# The participle, not the noun: "the canceled series" is a show, "the cancellation" news.
_CANCELLED = r"(?:cancel|cancell|canceled|cancelled)\b(?! by| after| in\b)"
# A cancellation undone, said as the news while the cancellation is only its background: a
# cancellation taken back ("may be un-cancelled", "die Absetzung ist rückgängig gemacht"), the
# cancelled show an adjective of what comes back ("will bring back the recently canceled
# 'Jericho'", "ordered a fourth season of A&E's canceled series"), the cancellation a clause
# before its return ("'Longmire', cancelled this year, has found a new home", "the series that
# A&E had cancelled … is coming back"); not "returns for its final season", an end's start.
# A teaser says these as news too, not as history.
CANCELLATION_UNDONE = any_of(
    r"un cancel\w*",
    r"(?:cancellation|absetzung) (?:[^|\s]+ ){0,3}(?:reverse|revoke|overturn|ruckgangig)\w*",
    _NOT_SAID + r"(?:bring\w* back|pick\w* up|order|renew\w*|revive|save|rescue) (?:[^|\s]+ ){0,10}"
    r"(?:the|an?|s|its|their) (?:recently |former\w* |now )?" + _CANCELLED,
    r"(?:cancel|cancell|canceled|cancelled) (?:[^|\s]+ ){0,8}\| (?:have |be |will |to )?(?:be )?"
    r"(?:come back|return|be back|find (?:an? )?new home)(?! (?:[^|\s]+ ){0,3}(?:final|last))",
)
