"""A one-word title written as part of a person's full name in German text: "Bastian
Pastewka", "Derrick Rose", "Mila Kunis".

The sitcom "Pastewka" and the comedian share the word. A capitalised word right before or
after the title makes the full name ("mit Maren Kroymann", "Mila Kunis (42)"), unless it is a
noun: German nouns have capitals too, but a noun before a title takes an article ("die
Comedy Pastewka") or is a genre or series word itself, and one joined by a hyphen is a
compound's part ("Netflix-Hit Dark"). A given name is a word in wordfreq's lists; a word in
none is a compound noun ("Oberinspektor Derrick"). A sentence's first word has its capital
anyway, so there it counts only where it is no everyday word ("Bastian Pastewka und Anke
Engelke", not "Endlich Derrick"). Quotes or a series word beside the title still call it the
series (evidence.py asks for them first), and so does a series about the name: "die
Krimiserie um Detective Renée Ballard" is about the series' hero. English news name a
series' hero in full ("Jack Reacher has more cases to solve"), so the rule is German only;
there a title is a given name only where the name owns something ("Ridley Scott's new film",
"Barry Jenkins' drama") or a person's noun stands before it ("star Wentworth Miller").
"""

from __future__ import annotations

import re

from bot.news.cues import SERIES_WORD
from bot.news.headline import Headline
from bot.news.language import STOPWORDS
from bot.news.names import NOT_NAMES
from bot.news.ordinary import word_zipfs
from bot.news.series_words import is_series_noun

_FUNCTION_WORDS = frozenset({*STOPWORDS["de"], *STOPWORDS["en"]})
# Words that make the next capitalised word a noun, not a given name: "die Comedy", "im Krimi".
_DETERMINERS = frozenset(
    {*("der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "einen", "einem")}
    | {"im", "ins", "am", "zum", "zur", "vom", "beim"}
)
# A sentence's first word may be a given name only where it is rarer than everyday words:
# ten uses in a million words ("Bastian" 3.6, "Endlich" 5.3).
FIRST_WORD_NAME_ZIPF = 4.0
_NAME_WORDS = 3  # a rank, a given name and the title: "Detective Renée Ballard"
_HYPHENS = frozenset("-‐‑")
_SENTENCE_ENDS = frozenset(".!?")
_WORD = re.compile(r"[^\W_]+")


def in_full_name(text: Headline, first: int, last: int, language: str | None) -> bool:
    """Whether a one-word title in German text stands beside a given name or a surname."""
    if first != last or language != "de" or not text.starts:
        return False
    in_name = _given_name(text, first - 1) or (
        last not in text.breaks and _name_word(text, last + 1)
    )
    return in_name and not _series_about(text, first)


_APOSTROPHES = frozenset("'’")
# Nouns of people in film and television before a name: "star Wentworth Miller".
_PERSON_NOUNS = frozenset(
    {*("star", "actor", "actress", "director", "filmmaker", "producer", "creator", "writer")}
)
# What a person's name owns when it is a credit ("Ridley Scott's new series"); a hero named in
# full owns a look, a return or a life ("Dexter Morgan's return"), and stays the series.
_WORKS = frozenset(
    {
        *("film", "films", "movie", "movies", "series", "show", "shows", "drama", "dramas"),
        *("thriller", "comedy", "novel", "novels", "book", "books", "documentary", "docuseries"),
        *("miniseries", "adaptation", "project", "epic", "anthology", "sequel", "remake"),
    }
)
WORK_WORDS = 3  # "Ridley Scott's long-awaited new series": words between the name and the work


def given_name_of_owner(text: Headline, first: int, last: int) -> bool:
    """Whether a one-word title in English text is a given name before a surname that owns
    something ("Ridley Scott's", "Barry Jenkins'") or after a person's noun ("the director
    Barry Jenkins")."""
    words, surname = text.words, last + 1
    if first != last or last in text.breaks or surname >= len(words):
        return False
    credit = first > 0 and first - 1 not in text.breaks and words[first - 1] in _PERSON_NOUNS
    owns = surname + 1 < len(words) and words[surname + 1] == "s" and surname not in text.breaks
    if not (credit or owns or words[surname].endswith("s")) or not text.starts:
        return False  # cheap first: capitals are read only where a name may own or be credited
    if not text.is_capital(first) or not _name_word(text, surname):
        return False
    if credit:
        return True  # "star Wentworth Miller"
    if owns:
        return _owns_a_work(text, surname + 2)  # "Ridley Scott's new series"
    end = _WORD.match(text.source, text.starts[surname])
    after = end.end() if end else len(text.source)
    return (  # "Barry Jenkins' drama"
        after < len(text.source)
        and text.source[after] in _APOSTROPHES
        and text.source[after + 1 : after + 2].isspace()
        and _owns_a_work(text, surname + 1)
    )


def _owns_a_work(text: Headline, start: int) -> bool:
    """Whether a quoted title or a work's noun follows within a few words of the same clause
    ("Barry Jenkins' 'The Underground Railroad'", "Ridley Scott's new series")."""
    if start in text.quote_before:
        return True
    for index in range(start, min(len(text.words), start + WORK_WORDS + 1)):
        if text.words[index] in _WORKS:
            return True
        if index in text.breaks:
            return False
    return False


def _series_about(text: Headline, first: int) -> bool:
    """Whether a series word or a genre and "um" stand before the name that holds the title:
    "die Krimiserie um Detective Renée Ballard"."""
    index = first
    while index > 0 and first - index < _NAME_WORDS and index - 1 not in text.breaks:
        if not text.is_capital(index - 1):
            break
        index -= 1
    words = text.words
    return index >= 2 and words[index - 1] == "um" and is_series_noun(words[index - 2])


def _given_name(text: Headline, index: int) -> bool:
    if index < 0 or index in text.breaks or not _name_word(text, index):
        return False
    zipf = max(word_zipfs(text.raw[index]))
    if not zipf:
        return False  # a word in no list is a compound noun: "Oberinspektor Derrick"
    if _opens_sentence(text, index):
        return zipf < FIRST_WORD_NAME_ZIPF
    return index - 1 in text.breaks or text.words[index - 1] not in _DETERMINERS


def _name_word(text: Headline, index: int) -> bool:
    """A capitalised word that may be a name's: no function word, series word, number,
    month or initialism, and joined to no other word by a hyphen."""
    if index >= len(text.words):
        return False
    word = text.words[index]
    if (
        not text.is_capital(index)
        or word.isdigit()
        or word in _FUNCTION_WORDS
        or word in NOT_NAMES
        or SERIES_WORD.match(word)
        or text.is_initialism(index)
    ):
        return False
    source, start = text.source, text.starts[index]
    found = _WORD.match(source, start)
    stop = found.end() if found else start
    return not (
        (start > 0 and source[start - 1] in _HYPHENS)
        or (stop < len(source) and source[stop] in _HYPHENS)
    )


def _opens_sentence(text: Headline, index: int) -> bool:
    """Whether word `index` is the first of the text or of a sentence in it."""
    before = text.source[: text.starts[index]].rstrip(" \"'„“”«»‘’")
    return not before or before[-1] in _SENTENCE_ENDS
