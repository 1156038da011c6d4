"""Whether a text is a plain number. `str.isdigit()` also accepts "²" or "٣", which `int()`
refuses or reads as another script's digit: ids and numbers from buttons, commands, files,
headers and settings are ASCII digits or nothing."""

from __future__ import annotations


def is_number(text: str) -> bool:
    """Whether `text` is one or more ASCII digits."""
    return text.isascii() and text.isdigit()


# Nine digits always fit an id column (int4 on PostgreSQL); a longer number names no row, and
# the database would refuse it (SQLite: OverflowError past int64, PostgreSQL: out of range).
MAX_ID_DIGITS = 9


def is_id(text: str) -> bool:
    """Whether `text` is a number that may be a stored row's id, safe to look up."""
    return is_number(text) and len(text) <= MAX_ID_DIGITS
