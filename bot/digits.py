"""Whether a text is a plain number. `str.isdigit()` also accepts "²" or "٣", which `int()`
refuses or reads as another script's digit: ids and numbers from buttons, commands, files,
headers and settings are ASCII digits or nothing."""

from __future__ import annotations


def is_number(text: str) -> bool:
    """Whether `text` is one or more ASCII digits."""
    return text.isascii() and text.isdigit()
