"""What kind of news an item is — renewal, cancellation, premiere or other — from de/en cues.

The cues (cues.py) run over lemmas, so every inflection of a verb counts. They are checked in
an order that settles mixed headlines the way a fan reads them: a series that will not go on
("keine weitere Staffel", "won't return", "cancelled ahead of its premiere") beats everything,
a renewal beats a date ("renewed for a final season"), a date beats a soft ending ("final
season gets a premiere date"), and a soft ending ("to end with season 5", "endet", "geht in
die letzte Runde") is a cancellation when nothing else is said.
"""

from __future__ import annotations

from bot.news.cues import CANCELLATION, ENDING, NEGATED_RENEWAL, PREMIERE, RENEWAL, SERIES_WORD
from bot.news.headline import Headline, analyse
from bot.news.kinds import NewsKind
from bot.news.language import guess_language
from bot.news.lemmas import CLAUSE_BREAK, lemmatise

SUMMARY_CHARS = 300  # the teaser's opening is about the item; later sentences wander
# A quoted run this short is a title or a word held up ("nicht nur „Absetzen“"), not a
# statement: its words say nothing about the kind.
MAX_IGNORED_QUOTE_WORDS = 3

_ORDER = (
    (NEGATED_RENEWAL, NewsKind.CANCELLATION),
    (CANCELLATION, NewsKind.CANCELLATION),
    (RENEWAL, NewsKind.RENEWAL),
    (PREMIERE, NewsKind.PREMIERE),
    (ENDING, NewsKind.CANCELLATION),
)


def classify(title: str, summary: str = "") -> NewsKind:
    """The kind of a news item; the headline decides, the summary's opening only if it is silent.

    A headline that asks ("Wann kommt Staffel 5?") and says nothing itself stays other: the
    teaser answers a question, it does not announce news.
    """
    headline = analyse(title)
    language = guess_language(headline.words)
    kind = kind_of(lemmatise(cue_words(headline), language))
    if kind is NewsKind.OTHER and summary and not title.rstrip().endswith("?"):
        lead = analyse(summary[:SUMMARY_CHARS])
        kind = kind_of(lemmatise(cue_words(lead), guess_language(lead.words) or language))
    return kind


def cue_words(text: Headline) -> list[str]:
    """The words that can say what happened, CLAUSE_BREAK between clauses."""
    held_up = {
        index
        for start, end in text.quoted_spans
        if end - start < MAX_IGNORED_QUOTE_WORDS
        for index in range(start, end + 1)
    }
    words: list[str] = []
    for index, word in enumerate(text.raw):
        if index not in held_up:
            words.append(word)
        if index in text.breaks:
            words.append(CLAUSE_BREAK)
    return words


def kind_of(lemmas: str) -> NewsKind:
    """The kind that a lemma string (see lemmas.lemmatise) announces."""
    for pattern, kind in _ORDER:
        if pattern.search(lemmas):
            return kind
    return NewsKind.OTHER


def is_news_clause(lemmas: str) -> bool:
    """Whether a clause's lemmas speak of a series or of series news."""
    return any(SERIES_WORD.match(lemma) for lemma in lemmas.split()) or (
        kind_of(lemmas) is not NewsKind.OTHER
    )
