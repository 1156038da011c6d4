"""Which series a news item is about: a pure matcher over every title and alias we know.

All titles are compiled once into an Aho-Corasick automaton over normalised words
(title_index.py): the titles of followed series, and the known names of the world's other
series, which only block. Then:
- a title found in the text counts as a mention only with the evidence evidence.py asks for,
  which depends on how ordinary the title is (ordinary.py) and where it stands;
- the longest mention wins where mentions overlap, followed or known: "NCIS: Los Angeles"
  is not also "NCIS", "Bosch: Legacy" not also "Bosch". A known name that is everyday
  language blocks only where it is a mention itself;
- a parent named only to introduce its spin-off ("„Bosch: Legacy“-Spin-off …") goes to the
  parent's fans only when no other series is the item's subject.
- a one-word title as a part someone plays ("Devrim Lingnau als Sisi", "Mila, gespielt von
  …") is that series only where no other series is the item's subject;
- in the teaser a title followed by a person's credit ("The Equalizer screenwriter …")
  names that person's work, not the item's subject;
- in an item about the box office a title is the film that shares it, unless a series word
  stands beside it; in an item about books, games or a trade that speaks of no screen
  (screen_talk.py) it is the book, the game or the firm, in an English one about films that
  speaks of nothing only television has the film, in one about music the song, in one about
  sport the team (unless a series word stands beside it or it opens the headline, unquoted,
  before a colon: "Ted Lasso season 4", "The Voice: …"); a title dated in brackets to another
  year than the series' first, or given an age rating ("Van Helsing (2004)", "… (15)"), is a
  film all through the item, a headline of only a title and a person's full name ("“Stargirl”
  by Jerry Spinelli") the person's work, and one after a writer's or a host's noun ("die
  Bestseller-Autorin Rosamunde Pilcher", "der Talkmaster Jürgen Domian") or called one ("X ist
  einer der gefragtesten Moderatoren") the person, and one in a place's name or address
  ("Yellowstone National Park", "28 Shortland Street") the place, and so is a headline of the
  title alone over a teaser that says nothing of television ("New Amsterdam" – "a 17th-century
  Dutch settlement");
- a German title is also found without its article where the rest is specific
  („Bergdoktor“) and in its oblique form („den Vorstadtweibern“), both with evidence; a
  one-word title's genitive („Frühlings“-Reihe) counts only in quotes, and so does a title
  without its article that is one plain word („Bachelor“);
- the headline's one title without evidence, standing apart from other capitalised words,
  counts where nothing else is named and the item speaks of "the series" after it
  ("Neighbours has found a new home." – "The veteran Australian soap opera …").
Precision matters more than recall: a wrong alert annoys more than a missed one.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from bot.catalog.normalize import normalize_title
from bot.news.evidence import Place, has_evidence, may_be_mention
from bot.news.headline import Headline, analyse
from bot.news.language import guess_language
from bot.news.lists import joined_lists, listed
from bot.news.names import NOT_NAMES, LongerNames, stands_apart
from bot.news.ordinary import Commonness
from bot.news.other_works import (
    FilmsOrRecords,
    authored,
    called_a_host_or_writer,
    credited,
    dated_or_rated,
    plays_part,
    writer_or_host_named,
)
from bot.news.places import named_as_place
from bot.news.screen_talk import ScreenTalk
from bot.news.sentences import opening_sentence
from bot.news.series_words import beside_series_word, named_as_series, names_a_series
from bot.news.spinoffs import introduces_spinoff
from bot.news.title_index import CatalogueTitle, TitleIndex, TitlePattern
from bot.news.written_forms import dateline

SUMMARY_LEAD_CHARS = 500  # only the summary's opening is about the item itself


# A list of titles as one subject ("Wheel of Fortune and Jeopardy! have been renewed").
_LIST = Commonness(ordinary=True, function_only=False, english_in_german=False)


class _Mention(NamedTuple):
    first: int
    last: int
    pattern: TitlePattern


class SeriesMatcher:
    """Recognises the series of a catalogue in headlines; build once, call `match` often."""

    def __init__(self, titles: Iterable[CatalogueTitle], known_names: Iterable[str] = ()) -> None:
        index = TitleIndex(titles, known_names)
        self._automaton = index.automaton
        self.followed, self.known, self.size = index.followed, index.known, index.size

    def match(self, title: str, summary: str = "") -> frozenset[int]:
        """The ids of the series the item is about."""
        if not self.followed:
            return frozenset()
        headline = analyse(title)
        lead = later = None
        teaser = summary[:SUMMARY_LEAD_CHARS]
        teaser_key = normalize_title(teaser)
        if self._holds_title(teaser_key):  # most teasers name no title: no sentences to split
            opening, rest = opening_sentence(teaser)
            lead = self._analysed(opening)
            # The rest of a teaser names other shows too: there only quoted titles or titles
            # beside a series word count (evidence.py).
            later = self._analysed(rest)
        language = guess_language(headline.words + lead.words if lead else headline.words)
        names = LongerNames([t for t in (headline, lead, later) if t is not None], language)
        films = FilmsOrRecords(headline.text, teaser)
        screen = ScreenTalk(headline.text, teaser_key, (title, teaser))
        found, modifiers, doubtful, parts = self._scan(
            headline, Place.HEADLINE, language, names, films=films, screen=screen
        )
        for text, place in ((lead, Place.OPENING), (later, Place.TEASER)):
            if text is not None:
                # A known name alone matters only where it keeps a parent from the subject.
                known = bool(modifiers) and not found
                found_here, _, _, parts_here = self._scan(
                    text, place, language, names, known=known, films=films, screen=screen
                )
                found |= found_here
                parts |= parts_here
        found -= films.others
        if not found:
            # No spin-off named, known or not: the parent is the subject; no other series
            # named: the part played is the series of that name.
            found |= modifiers | parts
        unproven = {mention.pattern.series_id for mention in doubtful}
        if not found and len(unproven) == 1 and not headline.quoted_spans:
            # The headline's one title without evidence, and the item speaks of "the series"
            # after it ("Neighbours has found a new home." – "The veteran Australian soap …").
            after = max(mention.last for mention in doubtful) + 1
            first_sentence = lead or analyse(opening_sentence(teaser)[0])
            if names_a_series(headline, after) or names_a_series(first_sentence):
                found |= unproven
        return frozenset(series_id for series_id in found if series_id is not None)

    def _scan(
        self,
        text: Headline,
        place: Place,
        language: str | None,
        names: LongerNames,
        *,
        known: bool = False,
        films: FilmsOrRecords | None = None,
        screen: ScreenTalk | None = None,
    ) -> tuple[set[int | None], set[int], list[_Mention], set[int]]:
        """The series mentioned (None for a known name), parents named for a spin-off, followed
        series named without evidence, and series named as a part someone plays.
        A text that names no followed series is read only if `known` names matter."""
        found: set[int | None] = set()
        modifiers: set[int] = set()
        parts: set[int] = set()
        mentions, doubtful = self._mentions(
            text, place, language, names, known=known, films=films, screen=screen
        )
        for mention in _longest(mentions):
            series_id = mention.pattern.series_id
            if series_id is not None and introduces_spinoff(text, mention.first, mention.last):
                modifiers.add(series_id)
            elif series_id is not None and plays_part(text, mention.first, mention.last):
                parts.add(series_id)  # "Devrim Lingnau als Sisi" in an item on "Die Kaiserin"
            else:
                found.add(series_id)
        unproven = [
            mention
            for mention in _longest(doubtful)
            if stands_apart(text, mention.first, mention.last)
            and not set(text.words[mention.first : mention.last + 1]) <= NOT_NAMES
        ]
        return found, modifiers, unproven, parts

    def _analysed(self, text: str) -> Headline | None:
        """The analysed text, or None where no title occurs at all (most teasers)."""
        return analyse(text) if self._occurs_in(text) else None

    def _occurs_in(self, text: str) -> bool:
        return self._holds_title(normalize_title(text))

    def _holds_title(self, key: str) -> bool:
        """Whether a normalised text holds any known title."""
        return bool(key) and next(self._automaton.iter(f" {key} "), None) is not None

    def _mentions(
        self,
        text: Headline,
        place: Place,
        language: str | None,
        names: LongerNames,
        *,
        known: bool,
        films: FilmsOrRecords | None,
        screen: ScreenTalk | None,
    ) -> tuple[list[_Mention], list[_Mention]]:
        if not text.words:
            return [], []
        spaced = text.text
        found = list(self._automaton.iter(f" {spaced} "))
        if not known and all(pattern.series_id is None for _, pattern in found):
            return [], []  # only names of series nobody here follows: nothing to tell anyone
        counted: list[_Mention] = []
        doubtful: list[_Mention] = []
        for end, pattern in found:
            # The padded key " w1 … wn " ends at `end` in " text ": its first word starts
            # at end - chars + 2 there, one less in the unpadded text, after as many spaces
            # as words come before it.
            _, length, chars, commonness, premiered = pattern
            first = spaced.count(" ", 0, end - chars + 1)
            last = first + length - 1
            if films is not None and (
                writer_or_host_named(text, first) or called_a_host_or_writer(text, first, last)
            ):
                # "die Autorin Rosamunde Pilcher", "Talkmaster Jürgen Domian": the person, and
                # so all through the item; the name holds no shorter title ("Kerner").
                films.others.add(pattern.series_id)
                counted.append(_Mention(first, last, pattern))
                continue
            if films is not None and named_as_place(text, first, last):
                # "Yellowstone National Park", "28 Shortland Street": the place, all through
                # the item.
                films.others.add(pattern.series_id)
                continue
            if not may_be_mention(text, first, last, commonness, names, language):
                continue
            if films is not None and films.told() and not beside_series_word(text, first, last):
                continue  # at the box office a title is the film
            if (
                screen is not None
                and screen.names_another_work(language == "en")
                and not named_as_series(text, first, last, in_headline=place is Place.HEADLINE)
            ):
                # Among novels and readers a title is the book, among players the game, among
                # stores and products the firm, among movies and cinemas the film, among songs
                # and albums the record, among leagues and golfers the team or the ground.
                continue
            if place is not Place.HEADLINE and credited(text, last):
                continue
            if films is not None and (
                dated_or_rated(text, last, premiered)
                or (place is Place.HEADLINE and authored(text, first, last))
            ):
                # "Van Helsing (2004)", "… (15)": a film of another year, or rated; "„Stargirl“
                # by Jerry Spinelli": a book; and so wherever the item names it.
                films.others.add(pattern.series_id)
                continue
            if (
                place is Place.HEADLINE
                and films is not None
                and _title_alone(text, first, last, screen)
            ):
                # A headline that is only the title, over a teaser that says nothing of
                # television, heads an entry on a town, a park, a dynasty ("New Amsterdam" –
                # "a 17th-century Dutch settlement"): the thing, all through the item.
                films.others.add(pattern.series_id)
                continue
            if has_evidence(
                text, first, last, commonness, place=place, language=language, screen=screen
            ):
                counted.append(_Mention(first, last, pattern))
            elif not commonness.function_only and not dateline(text, first, last):
                # A dateline is where the report was written, never one of a list.
                doubtful.append(_Mention(first, last, pattern))
        if len(doubtful) >= 2:
            # "Wheel of Fortune and Jeopardy! have both been renewed": the list is the subject.
            spans = [(m.first, m.last) for m in sorted(_longest(doubtful), key=lambda m: m.first)]
            for first, last in joined_lists(text, spans):
                if has_evidence(
                    text, first, last, _LIST, place=place, language=language, screen=screen
                ):
                    counted += [m for m in doubtful if first <= m.first and m.last <= last]
            doubtful = [m for m in doubtful if m not in counted]
        if not doubtful or not counted:
            return counted, doubtful
        # "Chicago Fire, Chicago PD and Chicago Med": a title listed with a mention is one too.
        for _ in range(2):
            spans = [(other.first, other.last) for other in counted]
            found = [m for m in doubtful if any(listed(text, (m.first, m.last), s) for s in spans)]
            counted += found
            doubtful = [m for m in doubtful if m not in found]
        return counted, doubtful


def _longest(mentions: list[_Mention]) -> list[_Mention]:
    """Keep the longest of overlapping mentions."""
    if len(mentions) < 2:
        return mentions
    kept: list[_Mention] = []
    taken = 0  # a bit a word
    for mention in sorted(mentions, key=lambda m: (-m.pattern.length, m.first)):
        span = ((1 << (mention.last - mention.first + 1)) - 1) << mention.first
        if not taken & span:
            kept.append(mention)
            taken |= span
    return kept


def _title_alone(text: Headline, first: int, last: int, screen: ScreenTalk | None) -> bool:
    """Whether the title, unquoted, is all of the text, and the item is silent on television."""
    return (
        first == 0
        and last == len(text.words) - 1
        and screen is not None
        and screen.silent()
        and not text.is_quoted(first, last)
    )
