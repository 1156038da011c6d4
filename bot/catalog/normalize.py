"""Title normalisation shared by search and news matching."""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[^\W_]+")  # letters and digits; "_" and punctuation part words


def fold(text: str) -> str:
    """Case- and accent-insensitive form that keeps punctuation: "Ärzte „X“" → "arzte „x“"."""
    if text.isascii():  # nothing to decompose: the fast path for most titles and headlines
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def normalize_title(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form: "La Casa de Papel!" → "la casa de papel"."""
    return " ".join(_WORD.findall(fold(text)))
