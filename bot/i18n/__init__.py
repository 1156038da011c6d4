"""Message catalogues (gettext .po files read with Babel), one per language, keyed by message id.

A message that counts something is an ngettext-style entry: `msgid "<key>"`,
`msgid_plural "<key>.plural"` and one `msgstr[i]` per plural form of the language (its
`Plural-Forms` header says which form a number takes). Looked up by `<key>` with a count.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po

LANGUAGES = ("de", "en")
LOCALES_DIR = Path(__file__).parent / "locales"


@dataclass(frozen=True)
class _Catalogue:
    messages: dict[str, str]  # key → template (a plural entry: its first form)
    plurals: dict[str, tuple[str, ...]]  # key → one template per plural form
    plural_form: Callable[[int], int]  # a number → the index of its form


@cache
def _load(language: str) -> _Catalogue:
    with (LOCALES_DIR / f"{language}.po").open("rb") as handle:
        parsed = read_po(handle, locale=language)
    messages: dict[str, str] = {}
    plurals: dict[str, tuple[str, ...]] = {}
    for message in parsed:
        if not message.id:
            continue
        if isinstance(message.id, tuple | list):
            key = str(message.id[0])
            forms = message.string
            plurals[key] = tuple(str(f) for f in forms) if isinstance(forms, tuple | list) else ()
            messages[key] = plurals[key][0]
        else:
            messages[str(message.id)] = str(message.string)
    return _Catalogue(messages, plurals, gettext.c2py(parsed.plural_expr))


def catalogue(language: str) -> dict[str, str]:
    """All messages of one language: key → template with `{placeholders}`."""
    return _load(language).messages


def plural_forms(language: str) -> dict[str, tuple[str, ...]]:
    """The counting messages of one language: key → a template per plural form."""
    return _load(language).plurals


def template(language: str, key: str, count: int | None = None) -> str:
    """The template for `key` (in the plural form `count` takes, if it counts something); an
    unknown key is a bug and raises KeyError."""
    loaded = _load(language if language in LANGUAGES else LANGUAGES[0])
    forms = loaded.plurals.get(key)
    if forms is None or count is None:
        return loaded.messages[key]
    return forms[min(loaded.plural_form(abs(count)), len(forms) - 1)]


def language_for(chosen: str | None, telegram_code: str | None, default: str) -> str:
    """The chat's language: its own choice, else German for `de*` and English for any other
    Telegram language, else (no language known, e.g. a group) the configured default."""
    if chosen in LANGUAGES:
        return chosen
    if telegram_code:
        return "de" if telegram_code.lower().startswith("de") else "en"
    return default
