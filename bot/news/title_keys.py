"""The forms a title is found in besides its own: "&" written out, without its leading
article ("X-Files", „Bergdoktor“), a German title's oblique form („den Vorstadtweibern“,
„letzten Bullen“), a one-word title's genitive („Frühlings“-Reihe) and the plural of a
title that ends in its genre („Landkrimis“). Pure functions over
the title; which of them count, and with what evidence, is the matcher's to say."""

from __future__ import annotations

import re

from bot.catalog.normalize import normalize_title


def title_keys(name: str) -> list[str]:
    """The normalised forms of a title; "Will & Grace" is also written "Will and Grace"."""
    key = normalize_title(name)
    if not key:
        return []
    if "&" not in name:
        return [key]
    return [
        key,
        normalize_title(name.replace("&", " and ")),
        normalize_title(name.replace("&", " und ")),
    ]


_LEADING_ARTICLE = re.compile(r"(?i)^(?:the|die|der|das)\s+(?=\S)")


def without_article(name: str) -> str | None:
    """The title without its leading article, None if it has none."""
    bare = _LEADING_ARTICLE.sub("", name.strip(), count=1)
    return bare if bare != name.strip() else None


_GERMAN_ARTICLE = re.compile(r"(?i)^(der|die|das)\s+(?=\S)")
_NO_GENITIVE_S = ("e", "s", "x", "z", "ß")
# Words that end a title's leading noun phrase: "Die Toten | vom Bodensee".
_PHRASE_ENDS = frozenset({"der", "des", "dem", "den", "vom", "von", "im", "in", "am", "an", "und"})


def german_oblique(name: str) -> str | None:
    """The normalised oblique form of a title that opens with a German article, without the
    article, or None where it reads the same. In its leading noun phrase an adjective in -e
    takes -n (den letzten Bullen), and so does the noun of "der" in -e (weak: den Bullen);
    a plural of "die" in -er or -el takes the dative -n (den Vorstadtweibern), any other
    noun of "der" or "das" the genitive -s (des Bestatters)."""
    article = _GERMAN_ARTICLE.match(name.strip())
    if article is None:
        return None
    words = normalize_title(name.strip()[article.end() :]).split()
    if not words or len(words) > 3 or not all(word.isalpha() for word in words):
        return None
    phrase = next((i for i, word in enumerate(words) if word in _PHRASE_ENDS), len(words))
    if phrase == 0:
        return None
    head = phrase - 1
    inflected = [f"{word}n" if word.endswith("e") else word for word in words[:head]]
    noun, gender = words[head], article.group(1).casefold()
    if gender == "der" and noun.endswith("e"):
        noun += "n"
    elif gender == "die" and noun.endswith(("er", "el")):
        noun += "n"
    elif gender != "die" and not noun.endswith(_NO_GENITIVE_S):
        noun += "s"
    form = [*inflected, noun, *words[phrase:]]
    return " ".join(form) if form != words else None


def german_genitive(name: str) -> str | None:
    """The normalised German genitive of a one-word title ("Frühling" → "fruhlings"), which
    opens a compound in quotes („Frühlings“-Reihe); None for a title of several words, or
    one whose genitive takes no -s."""
    key = normalize_title(name)
    if " " in key or not key.isalpha() or key.endswith(_NO_GENITIVE_S):
        return None
    return f"{key}s"


_GENRE_ENDING = "krimi"  # a title that names its genre: "Landkrimi", "Der Taunus-Krimi"


def genre_plural(name: str) -> str | None:
    """The normalised plural of a title that ends in its genre, its films: "Landkrimi" →
    "landkrimis" ("die ORF-Landkrimis"), "Der Taunus-Krimi" → "taunus krimis"; None for
    any other title."""
    key = normalize_title(without_article(name) or name)
    return f"{key}s" if key.endswith(_GENRE_ENDING) else None
