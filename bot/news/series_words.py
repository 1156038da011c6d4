"""Words around a title that call it a series: a series word beside it ("season 2 of Lost",
"verlängert Dark"), a genre or a show before it ("the thriller 1899", "the hit show Luther"),
an apposition ("Dark Winds, an intense western thriller"), its possessive owning a season
("Evil's fourth and final season"), or a genre of its own joined by a hyphen
(„Barcelona-Krimi“); and a definite series noun that refers back to a title named before
("the long-running sitcom") or a show named after someone ("seine gleichnamige Sendung").
Pure functions over an analysed text; evidence.py and match.py decide when they count.
"""

from __future__ import annotations

import re

from bot.news.cues import SEASON_WORD, SERIES_WORD
from bot.news.headline import Headline
from bot.news.language import STOPWORDS
from bot.news.lemmas import S_MEANS_IS
from bot.news.names import NOT_NAMES
from bot.news.other_works import OTHER_WORKS

# Words skipped when looking for a series word next to a title ("season 2 of Lost").
_FILLERS = frozenset(
    {
        *("the", "a", "an", "der", "die", "das", "ein", "eine", "la", "le", "el"),
        *("of", "for", "to", "its", "s", "in", "with"),
        *("des", "dem", "den", "einer", "einen", "um", "von", "zu", "zur", "zum", "fur", "mit"),
        *("im", "und", "neue", "neuen", "new", "final", "finale", "letzte", "last"),
        *("both", "beide", "beiden"),
    }
)


_GENRE = re.compile(
    r"(thriller|drama|comedy|dramedy|sitcom|krimi\w*|mystery|sci fi|anthology|anime|\w+drama"
    r"|\w+serie|\w+reihe|telenovela|soap)"
)


def is_series_noun(word: str) -> bool:
    """A series word or a genre: "Serie", "Staffel", "Krimiserie", "Sitcom", "Telenovela"."""
    return bool(SERIES_WORD.match(word) or _GENRE.fullmatch(word))


_APPOSITION_ARTICLES = frozenset({"a", "an", "the", "ein", "eine", "der", "die", "das"})
# "the hit show Luther", "Preacher, the darkly comic show": a show, not the verb, names a title.
_SHOW = re.compile(r"\w*show")
_DETERMINERS = frozenset(
    {"the", "a", "an", "his", "her", "its", "their", "this", "that", "s"}
    | {"die", "der", "das", "den", "dem", "des", "eine", "einer", "seine", "seiner"}
    | {"ihre", "ihrer"}
)
SHOW_DETERMINER_REACH = 3  # "the supernatural detective show Grimm"


def _show_noun(text: Headline, index: int) -> bool:
    """Whether word `index` is the noun "show" ("the hit show Luther", "his new show"), not
    the verb ("photos show Berlin"): a determiner stands a few words before it."""
    if not _SHOW.fullmatch(text.words[index]):
        return False
    start = max(text.clause(index, index)[0], index - SHOW_DETERMINER_REACH)
    return any(word in _DETERMINERS for word in text.words[start:index])


def apposition_names_series(text: Headline, last: int) -> bool:
    """ "Dark Winds, an intense western thriller, …": an apposition calls the title a series."""
    words = text.words
    if last not in text.breaks or last + 1 >= len(words):
        return False
    if words[last + 1] not in _APPOSITION_ARTICLES:
        return False
    end = min(text.clause(last + 1, last + 1)[1], last + 5)
    return any(
        SERIES_WORD.match(word) or _GENRE.fullmatch(word) or _SHOW.fullmatch(word)
        for word in words[last + 2 : end + 1]
    )


def beside_series_word(text: Headline, first: int, last: int, *, after_only: bool = False) -> bool:
    """Whether a series word stands right beside the title or its possessive owns one;
    `after_only`: only after it."""
    words = text.words
    # A number before "episodes" or "Staffeln" counts them ("a 24-episode season").
    sides = ((-1, first - 1),) if words[last].isdigit() else ((-1, first - 1), (1, last + 1))
    if after_only:
        sides = ((1, last + 1),)
    for step, index in sides:
        while 0 <= index < len(words) and (words[index] in _FILLERS or words[index].isdigit()):
            index += step
        if (
            step < 0
            and 1 <= index < first - 1
            and words[index + 1] == "s"
            and index not in text.breaks
            and words[index] not in S_MEANS_IS  # "here's Lost", "that's Friends": no owner
        ):
            # An owner's possessive between them: "the final season of TNT's Claws".
            index -= 1
            while index >= 0 and (words[index] in _FILLERS or words[index].isdigit()):
                index -= 1
        if 0 <= index < len(words) and SERIES_WORD.match(words[index]):
            if not (step < 0 and _dated(text, index, first, last)):
                return True
        if 0 < index < len(words) and words[index - 1 : index + 1] == ("spin", "off"):
            return True  # "Spin-off 1923" is written apart
        # A genre before the title names it ("the thriller 1899"); after it, it may be a
        # phrase of its own ("dark comedy").
        if step < 0 and 0 <= index < len(words) and _GENRE.fullmatch(words[index]):
            return True
        if step < 0 and 0 <= index < len(words) and _show_noun(text, index):
            return True
    return _owns_series_word(text, last)


def of_series_word(text: Headline, first: int) -> bool:
    """Whether "of" or "von" joins the title to a series word before it: "season 5 of X"."""
    words = text.words
    index = first - 1
    if index < 1 or index in text.breaks or words[index] not in {"of", "von"}:
        return False
    index -= 1
    while index > 0 and words[index].isdigit():
        index -= 1
    return bool(SERIES_WORD.match(words[index]))


# Series words that a date follows: "the season premiere Wednesday", "the finale (Monday)";
# a verb before a day's name is done to the series ("renew Wednesday at Netflix").
_TIMED = re.compile(rf"{SEASON_WORD.pattern}|premiere")


def _dated(text: Headline, index: int, first: int, last: int) -> bool:
    """Whether a title that is a day's or a month's name follows series word `index` as the
    date ("the season premiere Wednesday night", "the season finale (Wednesday, 9/8c)"), not
    as what the season is of ("season 2 of Wednesday")."""
    words = text.words
    return (
        bool(_TIMED.match(words[index]))
        and set(words[first : last + 1]) <= NOT_NAMES
        and not {"of", "von"} & set(words[index + 1 : first])
    )


POSSESSED_WORDS = 3  # "Tracker's Early Renewal", "Evil's fourth and final season"
_OWNED = re.compile(rf"{SEASON_WORD.pattern}|renew|cancel|verlanger|absetz")


def _owns_series_word(text: Headline, last: int) -> bool:
    """Whether the title's possessive owns a season or its renewal a few words on, within the
    clause; not a "series" ("Dark's creators' new series" is another show)."""
    words = text.words
    if last + 1 >= len(words) or words[last + 1] != "s" or last in text.breaks:
        return False
    end = min(text.clause(last + 1, last + 1)[1], last + 1 + POSSESSED_WORDS)
    return any(_OWNED.match(word) for word in words[last + 2 : end + 1])


def genre_compound(text: Headline, first: int, last: int) -> bool:
    """Whether the title ends in a genre or a show joined by a hyphen, a compound that calls
    itself a series ("Barcelona-Krimi", "Heute-Show"), not a phrase ("morning show")."""
    if first == last or not (
        _GENRE.fullmatch(text.words[last]) or _SHOW.fullmatch(text.words[last])
    ):
        return False
    start = text.starts[last] if text.starts else 0
    return start > 0 and text.source[start - 1] == "-"


# "the veteran Australian soap", "die neue Krimiserie": a determiner, a few words, a series.
_FUNCTION_WORDS = frozenset({*STOPWORDS["de"], *STOPWORDS["en"]})
_REFERRING = frozenset({"the", "this", "die", "der", "das", "diese", "dieser"})
_SERIES_NOUN = re.compile(r"series|serie|soap|sitcom|miniseries")
REFERENCE_REACH = 4  # "the Christopher Meloni led drama"
# A show named after someone the item names: "seine gleichnamige Sendung", "seine nach ihm
# benannte Talkshow", "his eponymous sitcom".
_NAMESAKE = frozenset(
    {"gleichnamige", "gleichnamigen", "gleichnamiger", "benannte", "benannten", "eponymous"}
)
NAMESAKE_REACH = 2  # "die gleichnamige ZDF-Talkshow" is one word, "his eponymous late show" two


def names_a_series(text: Headline, start: int = 0) -> bool:
    """Whether the text speaks of a series as one already named: a definite article or "this"
    and, a few words on within the clause, a series noun or a genre ("the long-running
    sitcom", "the Tuesday night drama series", "die ZDF-Krimiserie"), or a show named like
    someone named ("seine nach ihm benannte Talkshow", "ihre gleichnamige Sendung")."""
    words = text.words
    for index in range(start, len(words)):
        if words[index] in _NAMESAKE:
            end = min(text.clause(index, index)[1], index + NAMESAKE_REACH)
            if any(_series_noun(word) or _show_word(word) for word in words[index + 1 : end + 1]):
                return True
        if words[index] not in _REFERRING:
            continue
        end = min(text.clause(index, index)[1], index + REFERENCE_REACH)
        for noun in range(index + 1, end + 1):
            if _series_noun(words[noun]) and _refers_back(text, index, noun):
                return True
    return False


def _show_word(word: str) -> bool:
    """A show or a broadcast: "Talkshow", "Sendung"."""
    return bool(_SHOW.fullmatch(word)) or word.endswith("sendung")


def _series_noun(word: str) -> bool:
    return bool(_SERIES_NOUN.fullmatch(word) or _GENRE.fullmatch(word))


def _refers_back(text: Headline, start: int, noun: int) -> bool:
    """Whether the noun phrase start..noun refers to a series named before: it names no other
    one after it („das Mafiadrama „The Good Mothers““) and is no film's or book's series
    ("the horror film series")."""
    if any(word in OTHER_WORKS for word in text.words[start + 1 : noun]):
        return False
    after = noun + 1
    if after >= len(text.words) or noun in text.breaks:
        return True
    return after not in text.quote_before and not (
        text.starts and text.is_capital(after) and text.words[after] not in _FUNCTION_WORDS
    )


def named_as_series(text: Headline, first: int, last: int, *, in_headline: bool) -> bool:
    """Whether the title is named as the series whatever the item speaks of: beside a series
    word ("Ted Lasso season 4"), or unquoted before a colon opening the headline ("The Voice:
    …"), as TV news heads an item on one show. Quotes tell nothing here: songs, films and books
    are quoted as series are ("Beyonce's 'Halo' Video")."""
    return beside_series_word(text, first, last) or (
        in_headline and first == 0 and last in text.colon_after and not text.is_quoted(first, last)
    )
