"""A fake Telegram Bot API server for end-to-end tests; see ``server.py`` for the API."""

from .html_check import HtmlParseError, parse_html, utf16_len, visible_text
from .objects import ANONYMOUS_ADMIN_ID, BOT_ID
from .server import FakeTelegram

__all__ = [
    "ANONYMOUS_ADMIN_ID",
    "BOT_ID",
    "FakeTelegram",
    "HtmlParseError",
    "parse_html",
    "utf16_len",
    "visible_text",
]
