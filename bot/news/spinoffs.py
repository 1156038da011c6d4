"""A title named only as the parent of a spin-off: "Bosch-Spin-off", "prequel to Dexter"."""

from __future__ import annotations

from bot.news.headline import Headline

_SPINOFF_WORDS = frozenset({"spinoff", "ableger", "prequel", "sequel", "offshoot", "nachfolger"})
_SPINOFF_OF = frozenset({"of", "to", "von", "zu", "zum", "des"})


def introduces_spinoff(text: Headline, first: int, last: int) -> bool:
    """Whether the title in words first..last only names the parent of the spin-off
    ("X-Spin-off", "prequel to X")."""
    words = text.words
    if last + 1 < len(words) and (
        words[last + 1] in _SPINOFF_WORDS or words[last + 1 : last + 3] == ("spin", "off")
    ):
        return True
    return (
        first >= 2
        and words[first - 1] in _SPINOFF_OF
        and (words[first - 2] in _SPINOFF_WORDS or words[first - 2] == "off")
    )
