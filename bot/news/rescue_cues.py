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
    # Brought back after another network's cancellation: the cancellation is its past.
    r"(?<!not )(?<!never )(?<!not be )(?<!never be )(?<!no plan to )(?<!not to )"
    r"(?:bring\w* back|pick\w* up|renew\w*) (?:[^|\s]+ ){0,8}"
    r"(?:following|after) (?:[^|\s]+ ){0,3}cancel\w*",
)
