"""Whether a title found in a text is a mention of the series, by the evidence around it.

Where the text is (`Place`) and how ordinary the title is (ordinary.py) decide what is needed:
- a title inside a longer quoted title ("‘FBI: Most Wanted’") is another show, never a mention,
  unless a dash parts a film's or episode's own title from it beside a series word ("der
  Krimi „Stralsund – Das Manifest“"), or the title is everyday words, which the quotes then
  hold as if alone („Spuren des Bösen – Schuld“);
- quoted on its own, or beside a series word ("season 2 of Lost", "verlängert Dark"), a genre
  or show before it ("the hit show Luther", "die Telenovela Hand aufs Herz"), or ending in a
  genre of its own joined by a hyphen („Barcelona-Krimi“, „Heute-Show“), it is;
- in the headline, a specific title ("Ballard") needs nothing more where the item speaks of
  television (screen_talk.py; elsewhere it needs what an ordinary one needs), and an
  ordinary one counts when it opens the headline before a colon ("Dark: …") or is all of it,
  where a teaser speaks of television (else it is a town or a book: "Bergerac"), when it is an
  English everyday phrase in a German headline ("Dark" among German words is a name; "das
  Revival", a borrowed German noun, is not: loanwords.py), or
  when it opens a clause that speaks of series news ("Dark will get a third and final
  season", "Dark geht in die letzte Runde"); a title of function words only ("You") needs
  quotes or a series word beside it;
- a title that is itself a word of series news ("Episodes", "Revival") is that word unless quoted,
  opening the headline, owned ("season 5 of Episodes", "Showtime's Episodes") or in apposition;
- in the teaser's opening sentence a specific title needs nothing more (again where the item
  speaks of television), an ordinary one quotes or a series word beside it; later in the
  teaser every title needs that: teasers name other shows. In both, a title that opens a
  clause of series news is its subject ("Ghosts has been renewed for a fourth season"), also
  after "that" ("NBC announced that Ghosts has been renewed"; clause_subject.py);
- in the headline and the teaser's opening a title of several words written as a name in an
  English sentence counts ("Outer Banks is coming back"), where the item is silent on
  television only as what its sentence is about: its clause's subject or in a clause of news.
"""

from __future__ import annotations

from dataclasses import replace
from enum import Enum

from bot.news.classify import is_news_clause
from bot.news.clause_subject import after_complementiser, asked_about, owned
from bot.news.cues import SEASON_WORD, SERIES_WORD
from bot.news.full_names import given_name_of_owner, in_full_name
from bot.news.headline import Headline
from bot.news.lemmas import lemmatise
from bot.news.loanwords import used_as_german_noun
from bot.news.names import LongerNames
from bot.news.ordinary import AUXILIARIES, Commonness
from bot.news.other_works import OTHER_WORKS, PERSON_WORDS
from bot.news.screen_talk import ScreenTalk
from bot.news.series_words import (
    apposition_names_series,
    beside_series_word,
    genre_compound,
    of_series_word,
)
from bot.news.written_forms import (
    dateline,
    inner_capitals_kept,
    plain_letters,
    subtitled,
    title_like,
    written_in_lower_case,
)


class Place(Enum):
    """Where in a news item a text stands."""

    HEADLINE = "headline"
    OPENING = "opening"  # the teaser's first sentence
    TEASER = "teaser"  # the rest of the teaser's lead


def has_evidence(
    text: Headline,
    first: int,
    last: int,
    commonness: Commonness,
    *,
    place: Place,
    language: str | None,
    screen: ScreenTalk | None = None,
) -> bool:
    """Whether words first..last of `text`, a title of this commonness that may be a mention
    (`may_be_mention`), name the series. Where the item says nothing of television
    (`screen`), a specific title needs the evidence an everyday one needs."""
    if commonness.quoted_only:
        return text.is_quoted(first, last)
    if not commonness.ordinary and place is not Place.TEASER:
        if screen is None or screen.said():
            return True  # a specific title needs nothing more: the common case, decided first
        commonness = replace(commonness, ordinary=True)
    if text.is_quoted(first, last) or genre_compound(text, first, last):
        return True
    span = text.enclosing_span(first, last)
    if span is not None and subtitled(text, span, first, last):
        return True  # „Spuren des Bösen – Schuld“: quoted with its film's title
    if first == last and SERIES_WORD.match(text.words[first]):
        # A title that is itself a word of series news ("Episodes", "Revival") is that word
        # ("the Final Episodes", "feiert Revival im März") unless it opens or is the headline,
        # a series word or a network owns it ("the fifth season of Episodes", "Showtime's
        # Episodes") or an apposition calls it a series ("Episodes, the comedy series").
        return (
            (place is Place.HEADLINE and _positioned(text, first, last))
            or of_series_word(text, first)
            or owned(text, text.clause(first, last)[0], first)
            or apposition_names_series(text, last)
        )
    if (
        commonness.function_only
        and first == last
        and text.words[first] in AUXILIARIES
        and not (first == 0 and last in text.colon_after)
    ):
        # An auxiliary opens a verb phrase or a question, series words or not: "Season 4
        # Will Premiere in September", "Will the Series End With Two Seasons?"; only quotes
        # or a headline that opens with it before a colon ("Will: …") name the show.
        return False
    # In a title-case headline "Final Season Will Answer" is a verb after a series word.
    after_only = commonness.function_only and text.title_case
    if beside_series_word(text, first, last, after_only=after_only):
        return True  # also "Dark (Staffel 3) – Kritik", which looks like a dateline
    if commonness.ordinary and dateline(text, first, last):
        return False  # "Berlin (dpa) - Das ZDF …", "Berlin. Das ZDF …": where it was written
    if not commonness.function_only and apposition_names_series(text, last):
        return True
    if (
        place is not Place.TEASER
        and not commonness.function_only
        and _capitalised_name(text, first, last, language)
        and _named_as_topic(text, first, last, language, screen)
    ):
        return True  # "Outer Banks is coming back", "signed … the Slow Horses show"
    if place is not Place.HEADLINE:
        # Outside the headline only the evidence above counts, or opening a clause of news.
        return not commonness.function_only and _subject_of_news(text, first, last, language)
    if _positioned(text, first, last):
        # "Dark: …" opens a headline about the series, "Empire", "Returning: Gotham" are all of
        # it; where the teaser says nothing of television the words name a book, a town, a
        # dinner ("Bergerac", "Das perfekte Dinner: So gelingt …"), unless quotes hold the
        # title with a film's long subtitle ("„Dark: Und vergib ihnen ihre Schuld“ ist …").
        return screen is None or text.enclosing_span(first, last) is not None or not screen.silent()
    if (
        commonness.english_in_german
        and language == "de"
        and not used_as_german_noun(text, first, last)
    ):
        return True
    if commonness.function_only:
        return False
    start, end = text.clause(first, last)
    # The title must be the clause's subject: its first words, after an owner ("Netflix's",
    # "BBC Two's"), after the auxiliary that opens a question ("Has The Rookie Been …?"), or
    # after "that" ("FXX has announced that Archer will end").
    if start != first and not (
        owned(text, start, first)
        or asked_about(text, start, first)
        or after_complementiser(text, first)
    ):
        return False
    rest = text.raw[last + 1 : end + 1]
    if rest:
        if is_news_clause(lemmatise(rest, language)):
            return True
        # A clause that leads into it may say the seasons ("After three seasons on CBS, Zoo
        # is coming to a close").
        return start > 0 and any(SEASON_WORD.match(word) for word in text.words[:start])
    # The title is a clause of its own ("1899, Netflix's mystery series, …"): what follows
    # is about it and may call it a series, or, after such an apposition, say its news
    # ("Bones, the Deschanel vehicle, has been renewed for a final season").
    start = end + 1
    for _ in range(2):
        if start >= len(text.words):
            return False
        stop = text.clause(start, start)[1] + 1
        if any(SERIES_WORD.match(word) for word in text.words[start:stop]):
            return True
        if is_news_clause(lemmatise(text.raw[start:stop], language)):
            return True
        start = stop
    return False


def _named_as_topic(
    text: Headline, first: int, last: int, language: str | None, screen: ScreenTalk | None
) -> bool:
    """Whether a name is what its sentence is about: anywhere where the item speaks of
    television; where it is silent on it, only as its clause's subject ("Harbour Lights is
    funny") or in a clause of series news ("… bids farewell to Harbour Lights"). In a phrase of
    such an item a name is the place, the firm, the day ("upon Central Park's beauty", "known
    as Black Monday", "a manhunt for the suspect in the La Brea murder")."""
    if screen is None or not screen.silent():
        return True
    start, end = text.clause(first, last)
    return start == first or is_news_clause(lemmatise(text.raw[start : end + 1], language))


def _subject_of_news(text: Headline, first: int, last: int, language: str | None) -> bool:
    """Whether the title opens its clause, maybe after "that" or "dass", and the clause tells
    series news."""
    start, end = text.clause(first, last)
    if start != first and not after_complementiser(text, first):
        return False
    rest = text.raw[last + 1 : end + 1]
    return bool(rest) and is_news_clause(lemmatise(rest, language))


def _capitalised_name(text: Headline, first: int, last: int, language: str | None) -> bool:
    """Whether a title of several words is written as a name: every word with a capital in an
    English sentence-case text, where only names have them ("Nancy Drew won't be around",
    "More The Rookie is on the way"). In German every noun has a capital, and in a title-case
    headline every word: there capitals tell nothing."""
    if first == last or language == "de" or text.title_case or not text.starts:
        return False
    if not all(text.capitals[first : last + 1]):
        return False
    # A name is not yet the series: "Lethal Weapon 5", "the Lethal Weapon franchise", "the
    # fifth installment of Lethal Weapon" name a film of the same name, and "Modern Family
    # star Sofia Vergara" a person known from the show.
    words = text.words
    after = words[last + 1] if last + 1 < len(words) and last not in text.breaks else ""
    before = words[first - 2] if first >= 2 and words[first - 1] == "of" else ""
    return not after.isdigit() and not {after, before} & OTHER_WORKS and after not in PERSON_WORDS


def _positioned(text: Headline, first: int, last: int) -> bool:
    """Whether the title opens the headline before a colon or is all of it, maybe after a
    label."""
    if first == 0 and last in text.colon_after:
        return True
    return last == len(text.words) - 1 and (first == 0 or _after_label(text, first))


def _after_label(text: Headline, first: int) -> bool:
    """Whether the words before `first` are a headline's opening label of one or two words
    before a colon ("Returning: …", "First look: …")."""
    return (
        first in (1, 2)
        and first - 1 in text.colon_after
        and not text.colon_after & set(range(first - 1))
    )


def _after_in(text: Headline, first: int, language: str | None) -> bool:
    """Whether a one-word title in German text follows "in" unquoted: there it is a place or a
    thing ("in See stechen", "in Paradise"); German news quote a series after "in" ("in
    „Dark“")."""
    return (
        language == "de"
        and first > 0
        and text.words[first - 1] == "in"
        and first - 1 not in text.breaks
        and not text.is_quoted(first, first)
        and text.enclosing_span(first, first) is None
    )


def may_be_mention(
    text: Headline,
    first: int,
    last: int,
    commonness: Commonness,
    names: LongerNames | None = None,
    language: str | None = None,
) -> bool:
    """Whether the words can be the title at all: not part of another quoted title, not run
    across a quotation mark, not an accented word that only folds to an everyday title, not
    lower-case words where the title has capitals ("early snowfall" is no "Snowfall"), and an
    everyday title not inside a longer capitalised name;
    in German text a one-word title not inside a person's full name ("Bastian Pastewka")
    unless quotes or a series word call it the series, nor unquoted after "in" ("in See"), in
    English not the given name of one who owns something or is credited ("Ridley Scott's",
    "star Wentworth Miller")."""
    ordinary, quotes = commonness.ordinary, bool(text.quoted_spans)
    if ordinary and commonness.accentless and not plain_letters(text, first, last):
        return False  # "löst" folds to "lost" but is another word, no mention of Lost
    if commonness.inner_capitals and not inner_capitals_kept(text, first, last):
        return False  # "Fans Just Got The News": the verb, not GoT
    if ordinary and first == last and _after_in(text, first, language):
        return False  # "stach in See", "Bachelor in Paradise": a place, unquoted in German
    if quotes and text.straddles_quote(first, last):
        return False  # "„Dark“ Night …": a title never runs across a quotation mark
    if not text.is_quoted(first, last):
        if (ordinary or not commonness.lower_case) and written_in_lower_case(text, first, last):
            return False  # "the series will be returning", "after early snowfall"
        if ordinary and names is not None and names.extends(text, first, last):
            return False  # "Netflix cancels Friends from College", "Dark Matter"
    if not text.is_quoted(first, last) and (
        (in_full_name(text, first, last, language) and not beside_series_word(text, first, last))
        or (language != "de" and given_name_of_owner(text, first, last))
    ):
        # "Bastian Pastewka", "Derrick Rose": a person, not "Pastewka"; "the season of Ridley
        # Scott's series": the season of what the person owns.
        return False
    if not quotes:
        return True  # no quoted run to hold the words
    enclosing = text.enclosing_span(first, last)
    if enclosing is None or not title_like(text, enclosing, first, last):
        return True
    # "die Krimireihe „Stralsund – Das Manifest“": a film or episode of the series, its
    # title after a dash, where a series word before the quotes says so; an everyday title
    # („Spuren des Bösen – Schuld“) then needs the evidence of quotes (has_evidence).
    return subtitled(text, enclosing, first, last) and (
        commonness.ordinary or beside_series_word(text, first, last)
    )
