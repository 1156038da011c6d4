"""What kind of news an item is — renewal, cancellation, premiere or other — from de/en cues.

The cues (premiere_, airing_, renewal_, rescue_ and ending_cues.py; their framing in cues.py)
run over lemmas, so every inflection of a verb counts. They are checked in an order that settles
mixed headlines the way a fan reads them: a series saved after its cancellation is renewed; a series
that will not go on ("keine weitere Staffel", "won't return", "cancelled ahead of its premiere")
or whose end is said outright ("to end with season 8") beats a renewal, a renewal beats a date
("renewed for a final season"), a date beats a soft ending ("final season gets a premiere
date"), and a soft ending ("endet", "geht in die letzte Runde", "final season") or, in a
headline or its teaser, a run counted in seasons ("told to hit the road after two seasons") is
a cancellation when nothing else is said. More episodes on their way ("es gibt nun Nachschub",
"zwei weitere Folgen") or a crime series' new case ("ermittelt wieder", "in ihrem 15. Fall")
count as a start, in a headline or its teaser; a return to the screen without a date
("kehrt zurück") is a premiere in a headline only, below every decision and date and a
headline's show back after years away ("kehrt nach sechs Jahren Pause zurück"), which is
revived unless its teaser dates the start; a show said to be back ("sind zurück", "wieder
da") in its teaser too; below it, a listing's broadcast slot
("Donnerstag, 14. Mai, 20.15 Uhr im Ersten", "Sendetermin: …"), in a headline or a teaser that
does not speak of the ratings; below that, a show said to come back with nothing dated ("will
return", "is coming back") is renewed. A programme change, a pilot order or a
removal from a catalogue ("aus dem ZDF verbannt") decides nothing, a trailer or reunion-special
headline announces a date at most, and a review, a guide, the ratings or filming (unless of the
last film: "dreht seinen letzten Fall") count only for a decision or a date said outright:
for those, the teaser is not read. A teaser retells history: a start counts there only for a new or
numbered season not said to be recent ("startet die neue Staffel", "die zweite Staffel startet"),
new episodes a channel shows, a new series it starts or shows (not in a teaser that tells the
ratings), more episodes on their way or a first showing in a country or on free TV not told with a
year ("als Deutschlandpremiere"), and an end in the simple past ("endete 2010") is none; in a
headline too, a start dated in the past by its year ("when it premiered in 2014", "Am 20. Oktober
1974 startete …") is history (history.py). A headline that asks announces nothing but what a
statement before its question says ("'Lost' renewed. How long can it last?", "'Lost' is coming back,
but when?"); its teaser's statements answer it,
not a sentence that asks or wonders ("if", "ob"). A concessive clause ("although", "obwohl",
"zwar") grants the background, and a renewal still pending or a cancellation told as the past
("originally cancelled") is no end. A quoted title's own punctuation ends no clause. A
cancellation denied or only for a while ("not cancelled", "vorübergehend eingestellt"), filming
ended ("Dreharbeiten beendet"), an event called off ("Premiere abgesagt"), one said of a share of
other shows ("many of its occupants have been cancelled"), a farewell or a last time in an
item that names a host or a successor ("verabschiedet sich von der Moderation"), or the
reflexive "sich auf … einstellen" (to get ready for), is none; in an item that celebrates a jubilee
("feiert 20-jähriges Jubiläum"), its slot, a story going on or a farewell at the party is none too;
so is a rescue denied ("keine Rettung"), and no new episodes ("keine neuen Folgen") are no start; a
show brought back after another network's cancellation is rescued, and so, in a teaser too, is one
whose cancellation is undone ("un-cancelled") or only the background of its comeback ("brings back
the canceled series", "'Lost', cancelled this year, has found a new home")."""

from __future__ import annotations

import re

from bot.news.cues import (
    CONCESSION,
    NO_DECISION,
    NO_NEW_EPISODES,
    NOT_CANCELLED,
    NOT_RESCUED,
    PRODUCTION,
    REPORT,
    SEASON_ENDED,
    SEASON_WORD,
    TRAILER,
    UNDECIDED_OR_PAST,
)
from bot.news.headline import Headline, analyse
from bot.news.history import without_history
from bot.news.kind_order import (
    HOSTED_ORDER,
    HOSTED_TEASER_ORDER,
    JUBILEE_ORDER,
    JUBILEE_TEASER_ORDER,
    NEWS_CLAUSE_ORDER,
    ORDER,
    REPORT_ORDER,
    TEASER_ORDER,
    TRAILER_ORDER,
    UNDATED_RETURN,
    Order,
    teaser_report,
)
from bot.news.kinds import NewsKind
from bot.news.language import guess_language
from bot.news.lemmas import CLAUSE_BREAK, lemmatise
from bot.news.premiere_cues import DATE_OPEN

_CONCEDING = ("despite", "trotz", "though", "obwohl", "obgleich", "zwar")
_DATE_OPEN_WORDS = ("kein", "no", "nicht", "offen", "unklar", "unbekannt", "tba", "tbd", "unknown")
_HOST = re.compile(
    r"\b(?:moderat(?:or|ion)\w*|moderier\w*|gastgeber\w*|nachfolger\w*|successor\w*"
    r"|new (?:host|presenter)s?|take over as (?:the )?(?:host|presenter))\b",
    re.IGNORECASE,
)
# A headline that celebrates a jubilee or an anniversary ("feiert 20-jähriges Bestehen",
# "Kultnacht zum Jubiläum"), not a jubilee season, which starts like any other.
_JUBILEE = re.compile(
    r"\b(?:jubil[äa]um(?!s?staffel)\w*|\w*jährig\w* bestehen|anniversary|runde\w* geburtstag)",
    re.IGNORECASE,
)
SUMMARY_CHARS = 300  # the teaser's opening is about the item; later sentences wander
# A quoted run this short is a title or a word held up ("nicht nur „Absetzen“"), not a
# statement: its words say nothing about the kind.
MAX_IGNORED_QUOTE_WORDS = 3

# A teaser's sentence that asks too ("Is this it?") or wonders ("… want to know if it has been
# cancelled", "ob") answers nothing.
_ASKING = re.compile(r"[^.!?…]*\?|[^.!?…]*\b(?:if|whether|ob)\b[^.!?…]*[.!…]?", re.IGNORECASE)
# A headline of sentences whose last asks: the sentences before it, up to a full stop or an
# exclamation mark and a space ("Dreharbeiten begonnen! Wann geht es weiter?"), or a statement
# the question is joined to by a comma and "but" ("Lost is coming back, but when?").
_STATEMENT_BEFORE_QUESTION = re.compile(
    r"(?:(.*[.!])\s+|(.*\S),\s*(?:but|aber|doch)\s+)[^.!?]+\?\s*$",
    re.DOTALL,
)


def classify(title: str, summary: str = "") -> NewsKind:
    """The kind of a news item; the headline decides, the summary's opening only if it is silent.

    A headline that asks ("Wann kommt Staffel 5?", "Is 'Lost' back?") announces nothing
    itself; its teaser's statements may answer ("returning in March"), not its questions.
    A statement before the question ("'Lost' renewed. How long can it last?") still counts.
    """
    if title.rstrip().endswith("?"):
        statement = _STATEMENT_BEFORE_QUESTION.match(title)
        if statement:
            said = analyse(statement.group(1) or statement.group(2))
            kind = _kind_in(said, guess_language(said.words), ORDER)
            if kind not in (None, NewsKind.OTHER):
                return kind
        if summary:
            lead = analyse(_ASKING.sub(" ", summary[:SUMMARY_CHARS]))
            language = guess_language(lead.words) or guess_language(analyse(title).words)
            return _kind_in(lead, language, TEASER_ORDER) or NewsKind.OTHER
        return NewsKind.OTHER
    headline = analyse(title)
    hosted = _HOST.search(title) or _HOST.search(summary[:SUMMARY_CHARS])
    jubilee = _JUBILEE.search(title)
    order, teaser_order = (
        (JUBILEE_ORDER, JUBILEE_TEASER_ORDER)
        if jubilee
        else (HOSTED_ORDER, HOSTED_TEASER_ORDER)
        if hosted
        else (ORDER, TEASER_ORDER)
    )
    kind = _kind_in(headline, guess_language(headline.words), order)
    if summary and (kind is None or _only_goes_on(headline, kind)):
        lead = analyse(summary[:SUMMARY_CHARS])
        language = guess_language(lead.words) or guess_language(headline.words)
        told = _kind_in(lead, language, teaser_order)
        # A show said to go on or to be back after years starts when its teaser dates it
        # ("Starttermin veröffentlicht").
        kind = told if kind is None or told is NewsKind.PREMIERE else kind
    return kind or NewsKind.OTHER


def _only_goes_on(headline: Headline, kind: NewsKind | None) -> bool:
    """Whether a headline's renewal is only a show said to go on ("geht weiter") or to be back
    after years away ("kehrt nach sechs Jahren zurück")."""
    return kind is NewsKind.RENEWAL and _kind_in(
        headline, guess_language(headline.words), UNDATED_RETURN
    ) in (None, NewsKind.OTHER)


def _kind_in(text: Headline, language: str | None, order: Order) -> NewsKind | None:
    """The kind a text announces, None if it is silent; OTHER if it says that nothing about
    the seasons was decided. A text of unknown language is read as English, then German."""
    words = without_history(cue_words(text))
    for reading in (language,) if language else ("en", "de"):
        lemmas = lemmatise(
            words,
            reading,
            history=order in (TEASER_ORDER, HOSTED_TEASER_ORDER, JUBILEE_TEASER_ORDER),
        )
        if NO_DECISION.search(lemmas):
            return NewsKind.OTHER
        if order in (ORDER, HOSTED_ORDER, JUBILEE_ORDER) and TRAILER.search(lemmas):
            # A headline about a trailer is news of a date at most; whatever it or its
            # teaser says of the story ("returns", "finale") is the trailer's content.
            return kind_of(lemmas, TRAILER_ORDER)
        if order in (ORDER, HOSTED_ORDER, JUBILEE_ORDER) and (
            REPORT.search(lemmas) or PRODUCTION.search(lemmas)
        ):
            # A review, a guide, the ratings or filming: only what is decided or dated
            # counts, and its teaser retells the story.
            return kind_of(lemmas, REPORT_ORDER)
        if order in (TEASER_ORDER, HOSTED_TEASER_ORDER, JUBILEE_TEASER_ORDER) and REPORT.search(
            lemmas
        ):
            # The ratings or a review in a teaser: its broadcast slot is when the show ran.
            order = teaser_report(order)
        kind = kind_of(lemmas, order)
        if kind is not NewsKind.OTHER:
            return kind
    return None


def kind_of(lemmas: str, order: Order = ORDER) -> NewsKind:
    """The kind that a lemma string (see lemmas.lemmatise) announces."""
    if any(word in lemmas for word in _CONCEDING):
        lemmas = CONCESSION.sub("", lemmas)
    lemmas = NOT_RESCUED.sub("", NOT_CANCELLED.sub("", lemmas))
    if "zu ende" in lemmas:
        lemmas = SEASON_ENDED.sub("", lemmas)
    if any(word in lemmas for word in ("yet", "still", "noch", "originally", "initially", "urspr")):
        lemmas = UNDECIDED_OR_PAST.sub("", lemmas)
    if "kein" in lemmas or "no" in lemmas:
        lemmas = NO_NEW_EPISODES.sub("", lemmas)
    if any(word in lemmas for word in _DATE_OPEN_WORDS):
        lemmas = DATE_OPEN.sub("", lemmas)
    for pattern, kind in order:
        if pattern.search(lemmas):
            return kind
    return NewsKind.OTHER


def cue_words(text: Headline) -> list[str]:
    """The words that can say what happened, CLAUSE_BREAK between clauses."""
    if not text.quoted_spans and not text.breaks:
        return list(text.raw)  # one clause, nothing held up: the common case
    held_up = {
        index
        for start, end in text.quoted_spans
        if end - start < MAX_IGNORED_QUOTE_WORDS
        for index in range(start, end + 1)
    }
    # A quoted title's own punctuation ("„Navy CIS: L.A.“ ein") ends no clause of the sentence.
    inside = {index for start, end in text.quoted_spans for index in range(start, end)}
    words: list[str] = []
    for index, word in enumerate(text.raw):
        if index not in held_up:
            words.append(word)
        if index in text.breaks and index not in inside:
            words.append(CLAUSE_BREAK)
    return words


def is_news_clause(lemmas: str) -> bool:
    """Whether a clause's lemmas speak of a season or of series news."""
    return any(SEASON_WORD.match(lemma) for lemma in lemmas.split()) or (
        kind_of(lemmas, NEWS_CLAUSE_ORDER) is not NewsKind.OTHER
    )
