"""Message catalogues (gettext .po files read with Babel), one per language, keyed by message id."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po

LANGUAGES = ("de", "en")
LOCALES_DIR = Path(__file__).parent / "locales"


@cache
def catalogue(language: str) -> dict[str, str]:
    """All messages of one language: key → template with `{placeholders}`."""
    with (LOCALES_DIR / f"{language}.po").open("rb") as handle:
        parsed = read_po(handle, locale=language)
    return {str(message.id): str(message.string) for message in parsed if message.id}


def template(language: str, key: str) -> str:
    """The template for `key`; an unknown key is a bug and raises KeyError."""
    return catalogue(language if language in LANGUAGES else LANGUAGES[0])[key]


def language_for(chosen: str | None, telegram_code: str | None, default: str) -> str:
    """The chat's language: its own choice, else German for `de*` and English for any other
    Telegram language, else (no language known, e.g. a group) the configured default."""
    if chosen in LANGUAGES:
        return chosen
    if telegram_code:
        return "de" if telegram_code.lower().startswith("de") else "en"
    return default
