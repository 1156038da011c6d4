"""Whether a news item speaks of television at all.

A title that is no everyday word ("Stralsund", "Endeavour", "Black Monday") is also a town, a
space shuttle or a day on the stock market. In an item that says nothing of screens, series,
channels, casts or audiences, such a word is the place or the thing; there it needs the
evidence an everyday title needs (quotes, a series word beside it, the subject of series
news). Found out only when a title needs it: most items name none.

An item about books (two words of books: "novel", "readers", "Roman", "Autorin", "Lesung"),
about games (two words of games: "players", "card", "drinking games") or about a trade (two
words of shops and firms: "restaurants", "CEO", "toys", "plush") that says nothing of screens
but "series", which books come in too ("an epic fantasy series by Robert Jordan"), names the
book, the game or the firm: there no title is the series, quoted or called a series or not.
An English item about films ("movie", "FILM REVIEW", "cinematic universe") that speaks of
nothing only television has (seasons, episodes, a channel, a show, airing) names the film, and
one about music (songs, albums, a singer) that speaks of nothing only television has names the
song or the album; one about sport (a league, golf, a bullpen) the team or the ground.
"""

from __future__ import annotations

import re

from bot.news.cue_parts import NETWORK

# To air, not the air: "in the air", "an open-air market", "the Bel-Air mansion".
_TO_AIR = r"air(?:s|ed|ing)\b|(?<!the )(?<!open )(?<!fresh )(?<!bel )air\b"

# Word beginnings, German and English, of what a report about a series speaks of: the series
# and its parts, television and streaming, the people in front of and behind the camera, the
# audience, making it and showing it. Films and cinema are not among them: a film sharing a
# series' title is another work (other_works.py).
_SCREEN = re.compile(
    # German compounds end in their head: "Krimiserie", "Kultsendung", "Kinderfernsehen".
    r"\b(?:\w*(?:serie|staffel|fernseh|sendung|zuschauer)"
    r"|season|episod|folge|finale|pilot|premier|spin ?off|ableger|reboot|revival|anime"
    r"|prequel|sequel|sitcom|miniser|telenovela|soap|krimi|drama|comedy|thriller|mehrteil"
    r"|renew|verlanger|cancel|absetz|abgesetzt|eingestellt|greenli"
    r"|tv|television|sender|channel|network|stream|mediathek|programm"
    r"|sendeplatz|ausstrahl|" + _TO_AIR + r"|broadcast|shows?\b|binge"
    r"|cast(?:s|ing)?\b|stars?\b|starring|darsteller|schauspiel|actor|actress|rolle|roles?\b"
    r"|showrunner|creator|viewer|publikum|audience|quoten?\b|rating|fans?\b"
    r"|trailer|teaser|dreh|filming|produc|produz|emmy|grimme|golden globe"
    r"|syfy|" + NETWORK + r")"
)

# A part's name and its player's in brackets, as reports of a cast write them: "killer Stephen
# Reid (Todd Boyce)", "Adam Barlow (Sam Robertson)". Read in the text as written, capitals and
# brackets kept.
_NAME = r"[A-ZÄÖÜ][\w'’-]+"
_CAST = re.compile(rf"{_NAME} {_NAME} \({_NAME}(?: {_NAME})+\)")

# Words of books, folded; two different ones make an item about books.
_BOOK = re.compile(
    r"\b(?:books?|novels?|memoirs?|readers?|reading|published|authors?|bestsellers?"
    r"|bestselling|library|libraries|romane?|buch|bucher|leser\w*|autor(?:in|en)?"
    r"|schriftsteller\w*|liest|lesung(?:en)?|erzahlung\w*|\w*bibliothek\w*)\b"
)

# Words of games, folded: "a drinking game", "All players raise three fingers".
_GAME = re.compile(r"\b(?:games?|play(?:s|ed|ing|ers?)?|cards?|drinking|dice|spiele?|spieler\w*)\b")

# Words of a trade, folded: a restaurant chain and its locations, a toy maker and its
# products, the firm's founder and CEO.
_TRADE = re.compile(
    r"\b(?:restaurants?|chain|locations|menu|customers|stores?|shops?|brands?|products?"
    r"|toys?|plush|company|founder|ceo|chief executive)\b"
)

# Words of films, folded: "the 10 movies we can't wait to see", "FILM REVIEW", "the Saw Cinematic
# Universe". Sets of whole words: the matcher asks of every item it reads, and most speak of
# none of them.
_FILM = frozenset(
    {"film", "films", "movie", "movies", "cinema", "cinemas", "cinematic", "theaters", "theatres"}
)
# Words of sport, folded: its games, leagues and grounds ("Cosmos to play in NASL", "BMW PGA
# and Wentworth … golf fans", "the bullpen").
_SPORT = frozenset(
    {
        *("soccer", "football", "fussball", "golf", "baseball", "basketball", "hockey"),
        *("tennis", "athletics", "athletes", "league", "liga", "bundesliga", "nfl", "nba"),
        *("mlb", "nhl", "nasl", "pga", "fifa", "uefa", "coach", "stadium", "bullpen"),
    }
)
# Words of music, folded: "100 Best Songs", "her third studio album", "Music's reigning queen".
_MUSIC = frozenset(
    {"song", "songs", "album", "albums", "music", "singer", "rapper", "concert", "concerts"}
)
# Word beginnings of what only television has: series and their parts, channels and networks,
# shows, airing, revivals, presenters and hosts.
_TELEVISION_ONLY = re.compile(
    r"\b(?:\w*(?:serie|staffel|fernseh|sendung)|season|episod|folge|tv|television|channel"
    r"|network|showrunner|sitcom|miniser|renew|cancel|pilot|spin ?off|ableger|telenovela|soap"
    r"|sender|shows?\b|" + _TO_AIR + r"|revival|presenter|host|" + NETWORK + r")"
)


class ScreenTalk:
    """Whether an item's headline or teaser speaks of television, worked out once, lazily.
    Given both as the matcher has normalised them already (`normalize_title`'s form: folded,
    words between single spaces), and as written, where a cast is named."""

    __slots__ = ("_other", "_said", "_texts", "_written")

    def __init__(self, headline: str, teaser: str, written: tuple[str, str] = ("", "")) -> None:
        self._texts = (headline, teaser)
        self._written = written
        self._said: bool | None = None
        self._other: bool | None = None

    def said(self) -> bool:
        if self._said is None:
            self._said = any(_SCREEN.search(text) for text in self._texts) or any(
                _CAST.search(text) for text in self._written
            )
        return self._said

    def silent(self) -> bool:
        """Whether the item has a teaser and says nothing of television in it or the headline:
        a headline alone is too short to tell what its words name."""
        return bool(self._texts[1]) and not self.said()

    def names_another_work(self, english: bool) -> bool:
        """Whether the item is about books, games or a trade and speaks of no screen but a
        "series", or is about films (read in English items only: German calls a television film
        "Film" too, "der neue Film der Krimireihe"), music or sport and speaks of nothing only
        television has but, for sport, a season, which sport has too."""
        if self._other is None:
            text = " ".join(self._texts)
            first = _SCREEN.search(text)
            if first is not None and _only_television(first.group(0)):
                self._other = False  # cheap: most items name television early, and at once
            else:
                self._other = (
                    all(found.group(0).endswith("serie") for found in _SCREEN.finditer(text))
                    and any(_kinds_of(words, text) >= 2 for words in (_BOOK, _GAME, _TRADE))
                ) or _without_television(text, english)
        return self._other


def _only_television(word: str) -> bool:
    """Whether a word of the screen is one only television has, and not one books or sport
    share ("Buchserie", "season")."""
    return (
        word != "season"
        and not word.endswith("serie")
        and _TELEVISION_ONLY.fullmatch(word) is not None
    )


def _without_television(text: str, english: bool) -> bool:
    """Whether the text is about films, music or sport and says nothing only television has."""
    words = set(text.split())
    films = english and not words.isdisjoint(_FILM)
    music, sport = not words.isdisjoint(_MUSIC), len(words & _SPORT) >= 2
    if not (films or music or sport):
        return False  # cheap first: most items speak of none of them
    if _TELEVISION_ONLY.search(text) is None:
        return True
    return sport and all(found.group(0) == "season" for found in _TELEVISION_ONLY.finditer(text))


def _kinds_of(words: re.Pattern[str], text: str) -> int:
    """How many different words of one family (singular and plural as one) the text holds."""
    return len({found.group(0).rstrip("s") for found in words.finditer(text)})
