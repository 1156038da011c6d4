"""A title written as the name of a place: "Yellowstone National Park", "the Big Sky Resort",
"Alcatraz Island", "the Bel Air neighbourhood", "at 28 Shortland Street".

Many series are named after a place, and the place's own name goes on: a capitalised name
that ends in a noun for a place ("Park", "Island", "Resort", "Pits"), or a lower-case noun for
a part of a town after the title ("neighbourhood", "Viertel"). A house number after "at",
"on" or "in" and before a title that ends in a street's noun is an address ("10 Coronation
Street spoilers" counts moments, not houses). An item that writes the title so speaks of the
place, all through the item, as one about a film of the same name does (other_works.py).
"""

from __future__ import annotations

from bot.news.headline import Headline

# Nouns that end a place's name, folded: "National Park", "Island", "Tar Pits", "Nationalpark".
_PLACE_NOUNS = frozenset(
    {
        *("park", "island", "islands", "resort", "pits", "beach", "bay", "canyon", "valley"),
        *("lake", "river", "mountain", "mountains", "county", "airport", "zoo", "museum"),
        *("nationalpark", "insel", "strand", "flughafen"),
    }
)
# Parts of a town named after a place's name: "the Bel Air neighbourhood".
_AREAS = frozenset({"neighbourhood", "neighborhood", "district", "viertel", "stadtteil"})
# A street's noun as the last word of a title: "Shortland Street" (German puts the house
# number after the street, "Lindenstraße 12", where it cannot be told from an episode's).
_STREETS = frozenset({"street", "st", "road", "avenue", "boulevard", "lane"})
_AT = frozenset({"at", "on", "in", "from", "near"})
NAME_WORDS = 2  # words of the place's name between the title and its noun: "National Park"


def named_as_place(text: Headline, first: int, last: int) -> bool:
    """Whether words first..last are part of a place's name or an address."""
    words = text.words
    if first > 1 and first - 1 not in text.breaks and words[first - 1].isdigit():
        # "at 28 Shortland Street"
        return words[last] in _STREETS and words[first - 2] in _AT and first - 2 not in text.breaks
    stop = min(len(words), last + NAME_WORDS + 2)
    for index in range(last + 1, stop):
        if index - 1 in text.breaks:
            return False
        word = words[index]
        if word in _PLACE_NOUNS or (index == last + 1 and word in _AREAS):
            # Cheap first: capitals are read only where a place's noun follows.
            return (
                bool(text.starts)
                and all(text.is_capital(between) for between in range(last + 1, index))
                and (word in _AREAS or text.is_capital(index))
            )
    return False
