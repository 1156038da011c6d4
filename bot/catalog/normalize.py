"""Title normalisation shared by search and news matching."""

from __future__ import annotations

import re
import unicodedata

_NOT_WORD = re.compile(r"[^\w]+")


def normalize_title(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form: "La Casa de Papel!" → "la casa de papel"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(_NOT_WORD.sub(" ", stripped).replace("_", " ").split())
