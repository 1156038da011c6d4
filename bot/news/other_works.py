"""Signs that a title names something other than the series: a person known from it ("The
Equalizer screenwriter …", "Modern Family star …"), or a film, book or game of the same name
("Lethal Weapon 5", "the Lethal Weapon franchise", "Van Helsing (2004)", box-office takings, a
single's sales)."""

from __future__ import annotations

import re

from bot.news.cue_parts import NETWORK
from bot.news.cues import SERIES_WORD
from bot.news.headline import Headline

# Works other than a series that share a series' name: a word for one beside a name is that work.
OTHER_WORKS = frozenset(
    {"film", "films", "movie", "movies", "franchise", "installment", "instalment", "sequel"}
    | {"novel", "novels", "book", "books", "game", "games", "musical", "album", "song"}
)

# A person's credit after a title ("written by The Equalizer screenwriter Richard Wenk"): the
# title is their work, not the news.
CREDITS = frozenset(
    {
        *("screenwriter", "writer", "director", "creator", "cocreator", "showrunner"),
        *("producer", "composer", "author", "novelist"),
        *("drehbuchautor", "drehbuchautorin", "regisseur", "regisseurin", "schopfer"),
        *("schopferin", "erfinder", "erfinderin", "autor", "autorin"),
    }
)
# Anyone known from a show, named after its title: a credit, or the cast ("Modern Family star
# Sofia Vergara"). In a teaser the cast beside a title is often the series' own news.
PERSON_WORDS = CREDITS | {
    *("star", "stars", "actor", "actors", "actress", "actresses", "creators"),
    *("alum", "alums", "alumna", "alumnus", "castmember", "cast"),
}
# An item about the takings of films: a title in it is the film unless a series word stands
# beside it ("'The Flash' off to slow start at box office").
_BOX_OFFICE = re.compile(
    r"\b(?:box[ -]office|kinokasse\w*|einspielergebnis\w*|kinocharts|opening[ -]weekend)\b"
)

# Words of recorded music: two of them make a text about a record, whose title is the song.
# A track up the charts, the recording industry's award.
_RECORD_WORDS = (
    *("single", "album", "song", "chart", "billboard", "platinum", "singer", "lieder"),
    *("track", "recording"),
)
_RECORDS = re.compile(
    r"\b(?:singles?|albums?|songs?|charts?|billboard|platinum|singer|lieder|tracks?|recording)\b"
)


class FilmsOrRecords:
    """Whether an item is about the takings of films or about records (a single's sales, an
    album, the charts): found out at the first title that may be meant, as most items name
    none, and by a word each match holds before the box-office pattern (a search of a whole
    teaser costs as much as matching the rest of the item). It also keeps the titles that the
    item dates or rates as films or gives a writer as a name, which then name no series in it."""

    __slots__ = ("_texts", "_told", "others")

    def __init__(self, headline: str, teaser: str) -> None:
        self._texts = (headline, teaser)
        self._told: bool | None = None
        self.others: set[int | None] = set()  # titles the item uses for a film or a writer

    def told(self) -> bool:
        if self._told is None:
            self._told = any(
                _about_takings(folded) or _about_records(folded)
                for folded in (text.casefold() for text in self._texts)
            )
        return self._told


def _about_takings(folded: str) -> bool:
    return (
        "office" in folded or "kino" in folded or "einspiel" in folded or "weekend" in folded
    ) and _BOX_OFFICE.search(folded) is not None


def _about_records(folded: str) -> bool:
    """Two different words of recorded music: "a single from her album", "songs … charts"."""
    if sum(word in folded for word in _RECORD_WORDS) < 2:  # cheap: most items name none
        return False
    return len({found.group(0).rstrip("s") for found in _RECORDS.finditer(folded)}) >= 2


# A film's year or age rating in brackets after its title: "Van Helsing (2004)", "… [2011]",
# "… (15)", "… (PG-13)".
_BRACKETED = re.compile(
    r"\s*[(\[]\s*(?:(?P<year>(?:19|20)\d\d)|U|PG|PG-13|12A|15|18|FSK\s*\d{1,2})\s*[)\]]"
)
_WORD_END = re.compile(r"[^\W_]*")
_BRACKET_OPENERS = frozenset({"u", "pg", "12a", "15", "18", "fsk"})
YEAR_SLACK = 1  # a series may reach another country a year later


def dated_or_rated(text: Headline, last: int, premiered: int | None) -> bool:
    """Whether a year in brackets other than the series' first ("Van Helsing (2004)" for the
    2016 series) or a film's age rating ("The Lincoln Lawyer (15)") follows the title: the
    title then names a film of that name."""
    after = last + 1
    if after >= len(text.words) or (last not in text.breaks and "[" not in text.source):
        return False
    word = text.words[after]
    if not (len(word) == 4 and word.isdigit()) and word not in _BRACKET_OPENERS:
        return False  # cheap: most titles are followed by neither
    if not text.starts:
        return False
    end = _WORD_END.match(text.source, text.starts[last])
    found = _BRACKETED.match(text.source, end.end() if end else text.starts[last])
    if found is None:
        return False
    year = found.group("year")
    return year is None or (premiered is not None and abs(int(year) - premiered) > YEAR_SLACK)


# A writer or a host named before a title that is their name: "die Autorin Rosamunde Pilcher",
# "the novelist …", "TV-Moderator …", "Talkmaster …"; German compounds end in the noun
# ("Bestseller-Autorin", "Erfolgsautorin", "Quizmoderatorin").
_PERSON_NOUNS = frozenset({"author", "novelist", "writer", "presenter", "talkmaster"})
_PERSON_ENDINGS = (
    *("autor", "autorin", "schriftsteller", "schriftstellerin"),
    *("moderator", "moderatorin", "talker", "talkerin"),
)


def writer_or_host_named(text: Headline, first: int) -> bool:
    """Whether a writer's or a host's noun stands right before the title, or before a given
    name before it ("der Talkmaster Jürgen Domian"): the title is the person's name, and the
    item speaks of the person."""
    if first == 0 or first - 1 in text.breaks:
        return False
    if _person_noun(text.words[first - 1]):
        return True
    given = first - 1  # a one-word title after the person's given name
    return (
        given > 0
        and given - 1 not in text.breaks
        and bool(text.starts)
        and text.is_capital(given)
        and _person_noun(text.words[given - 1])
    )


# A copula before a predicate that calls the title a person: "X ist einer der gefragtesten
# Moderatoren", "X gehört zu den erfolgreichsten Moderatoren", "X is a veteran presenter".
_COPULAS = frozenset({"ist", "war", "gehort", "zahlt", "is", "was"})
PREDICATE_WORDS = 6
# A person named after one of these belongs to a phrase of its own ("der Durchbruch für die
# Autorin …", "a hit for writer …"): the predicate said something else of the title.
_PHRASE_WORDS = frozenset({"fur", "von", "mit", "bei", "of", "for", "from", "with", "by"})


def called_a_host_or_writer(text: Headline, first: int, last: int) -> bool:
    """Whether the clause after the title says it is a writer or a host: the title is that
    person's name, and the item speaks of the person."""
    after = last + 1
    if after >= len(text.words) or last in text.breaks or text.words[after] not in _COPULAS:
        return False
    if text.is_quoted(first, last):
        return False  # a quoted title is a work's
    end = min(text.clause(after, after)[1], after + PREDICATE_WORDS)
    for word in text.words[after + 1 : end + 1]:
        if SERIES_WORD.match(word) or word.endswith("show") or word in _PHRASE_WORDS:
            return False  # "X ist eine Serie der Autorin …", "… die Talkshow …": the show
        if _person_noun(word) or _person_noun(word.removesuffix("en")):
            return True
    return False


def _person_noun(word: str) -> bool:
    return word in _PERSON_NOUNS or word.endswith(_PERSON_ENDINGS)


# "“Father Brown” by G. K. Chesterton", "Review: Stargirl by Jerry Spinelli": a clause that
# is only a title and a person's full name (initials allowed) cites that person's work; a
# network ("by Amazon Prime Video") is no person.
_NETWORK = re.compile(NETWORK)
MIN_NAME_WORDS = 2


def authored(text: Headline, first: int, last: int) -> bool:
    """Whether the title's clause is only the title, "by" and a person's full name: the title
    is that person's book, song or film, wherever the item names it."""
    words = text.words
    after = last + 1
    if after >= len(words) or words[after] != "by" or last in text.breaks or not text.starts:
        return False
    start, end = text.clause(first, last)
    name = range(after + 1, end + 1)
    return (
        start == first
        and len(name) >= MIN_NAME_WORDS
        and all(text.is_capital(index) and not words[index].isdigit() for index in name)
        and not any(len(words[index]) > 1 and text.is_initialism(index) for index in name)
        and not _NETWORK.match(" ".join(words[after + 1 : end + 1]))
    )


def credited(text: Headline, last: int) -> bool:
    """Whether a person's credit follows the title ("The Equalizer screenwriter", "the
    Dark's creator"): the title then names the person's work, not the item's subject."""
    words = text.words
    after = last + 2 if last + 1 < len(words) and words[last + 1] == "s" else last + 1
    return after < len(words) and words[after] in CREDITS and last not in text.breaks


# A part and its player: "Devrim Lingnau als Sisi", "Mila, gespielt von Derya Akyol", "… as
# Dexter", "Dexter, played by …".
_AS = frozenset({"als", "as"})
_PLAYED_BY = (("gespielt", "von"), ("played", "by"), ("voiced", "by"))


def plays_part(text: Headline, first: int, last: int) -> bool:
    """Whether a one-word title, unquoted, is a part someone plays: after a capitalised name
    and "als"/"as", or before a comma and "played by"/"gespielt von"."""
    words = text.words
    if first != last or text.is_quoted(first, last) or not text.starts:
        return False
    before = first - 1
    if (
        before >= 1
        and words[before] in _AS
        and before not in text.breaks
        and before - 1 not in text.breaks
        and text.is_capital(before - 1)
    ):
        return True
    return last in text.breaks and tuple(words[last + 1 : last + 3]) in _PLAYED_BY
