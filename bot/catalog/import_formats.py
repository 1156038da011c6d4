"""Lists of series brought from elsewhere, read into plain entries (pure functions).

Accepted (see README, "Import and export"):
- pasted text: one title per line, optionally with a year in brackets, "Dark (2017)"; so is
  a file of such lines without a header (a `.txt`, or lines without a CSV separator);
- CSV (comma, semicolon or tab separated, with a header row): a title column (`title`,
  `name`, `show`, `show_name`, `series`, TV Time's `tv_show_name`, German `titel`, `serie`),
  optionally a TVmaze id (`tvmaze_id`, `tvmaze`) and a year (`year`, `premiered`, `jahr`):
  our own /export, TVmaze and TV Time exports, a fan's own spreadsheet;
- JSON: a list (or an object holding one) of Trakt items (`{"show": {"title", "year",
  "ids": {"tvmaze", ...}}}`), TVmaze follows (`{"show_id", "_embedded": {"show": {"id",
  "name", "premiered"}}}`) or plain objects with the CSV's keys.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from bot.catalog.export import FORMULA_STARTS
from bot.catalog.normalize import normalize_title
from bot.digits import is_number

MAX_FILE_BYTES = 1_000_000
MAX_TITLES = 500
MAX_TITLE_CHARS = 200

TITLE_COLUMNS = (
    "title", "name", "show", "show_name", "tv_show_name", "series", "series_name",
    "titel", "serie", "serienname",  # a German spreadsheet's own headers
)  # fmt: skip
ID_COLUMNS = ("tvmaze_id", "tvmaze")
TVDB_COLUMNS = ("tvdb_id", "thetvdb", "tvdb")
IMDB_COLUMNS = ("imdb_id", "imdb")
YEAR_COLUMNS = ("year", "premiered", "first_aired", "jahr")
_YEAR = re.compile(r"(\d{4})")
_TITLE_WITH_YEAR = re.compile(r"^(.*\S)\s*\((\d{4})\)$")
_IMDB = re.compile(r"tt\d{1,10}")


class ImportProblem(StrEnum):
    TOO_LARGE = "too_large"
    TOO_MANY = "too_many"
    UNREADABLE = "unreadable"  # not UTF-8 text, broken CSV or JSON
    UNKNOWN_FORMAT = "unknown_format"  # readable, but no column or key names a series
    EMPTY = "empty"


class ImportRejected(ValueError):
    def __init__(self, problem: ImportProblem) -> None:
        super().__init__(problem.value)
        self.problem = problem


@dataclass(frozen=True)
class ImportEntry:
    title: str
    year: int | None = None
    tvmaze_id: int | None = None
    tvdb_id: int | None = None  # looked up at TVmaze when there is no TVmaze id
    imdb_id: str | None = None


def _year(value: Any) -> int | None:
    match = _YEAR.search(str(value)) if value is not None else None
    return int(match.group(1)) if match else None


def _tvmaze_id(value: Any) -> int | None:
    text = str(value).strip() if value is not None else ""
    return int(text) if is_number(text) and 0 < len(text) <= 9 else None


def _imdb_id(value: Any) -> str | None:
    text = str(value).strip() if value is not None else ""
    return text if _IMDB.fullmatch(text) else None


def _entry(
    title: Any, year: Any = None, tvmaze_id: Any = None, tvdb_id: Any = None, imdb_id: Any = None
) -> ImportEntry | None:
    text = " ".join(str(title).split())[:MAX_TITLE_CHARS] if title is not None else ""
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        text = text[1:]  # /export wrote it so for spreadsheet apps: "'=Title"
    ids = (_tvmaze_id(tvmaze_id), _tvmaze_id(tvdb_id), _imdb_id(imdb_id))
    if not normalize_title(text) and ids == (None, None, None):
        return None
    return ImportEntry(text, _year(year), *ids)


def _finish(entries: list[ImportEntry]) -> list[ImportEntry]:
    """Without duplicates, within the limit; an empty list is a problem of its own."""
    unique: dict[object, ImportEntry] = {}
    for entry in entries:
        key = (
            entry.tvmaze_id
            or entry.tvdb_id
            or entry.imdb_id
            or (normalize_title(entry.title), entry.year)
        )
        unique.setdefault(key, entry)
    if not unique:
        raise ImportRejected(ImportProblem.EMPTY)
    if len(unique) > MAX_TITLES:
        raise ImportRejected(ImportProblem.TOO_MANY)
    return list(unique.values())


def parse_pasted(text: str) -> list[ImportEntry]:
    """One title per line; "Title (2017)" gives the year."""
    if len(text.encode()) > MAX_FILE_BYTES:
        raise ImportRejected(ImportProblem.TOO_LARGE)
    entries = []
    for line in text.splitlines():
        line = line.strip().lstrip("-•*").strip()
        match = _TITLE_WITH_YEAR.match(line)
        entry = _entry(match.group(1), match.group(2)) if match else _entry(line)
        if entry is not None:
            entries.append(entry)
    return _finish(entries)


def parse_document(file_name: str, content: bytes) -> list[ImportEntry]:
    """A CSV or JSON export (told apart by content, not by name); raises `ImportRejected`."""
    if len(content) > MAX_FILE_BYTES:
        raise ImportRejected(ImportProblem.TOO_LARGE)
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRejected(ImportProblem.UNREADABLE) from None
    if "\x00" in text:
        raise ImportRejected(ImportProblem.UNREADABLE)
    stripped = text.lstrip()
    if stripped.startswith(("[", "{")) or file_name.lower().endswith(".json"):
        return _finish(_json_entries(stripped))
    try:
        return _finish(_csv_entries(text))
    except ImportRejected as rejected:
        if rejected.problem is ImportProblem.UNKNOWN_FORMAT and _a_plain_list(file_name, text):
            return parse_pasted(text)
        raise


def _a_plain_list(file_name: str, text: str) -> bool:
    """A text file of titles, one a line, with no header: what a fan saves from a notes app
    (a `.txt`, or a file whose lines hold no CSV separator)."""
    return file_name.lower().endswith(".txt") or not any(sep in text for sep in ",;\t")


def _column(header: dict[str, str], names: tuple[str, ...]) -> str | None:
    return next((header[name] for name in names if name in header), None)


def _csv_entries(text: str) -> list[ImportEntry]:
    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    try:
        fields = reader.fieldnames or []
        header = {" ".join(f.strip().lower().split()).replace(" ", "_"): f for f in fields if f}
        title_column = _column(header, TITLE_COLUMNS)
        id_column = _column(header, ID_COLUMNS)
        if title_column is None and id_column is None:
            raise ImportRejected(ImportProblem.UNKNOWN_FORMAT)
        columns = [
            title_column,
            _column(header, YEAR_COLUMNS),
            id_column,
            _column(header, TVDB_COLUMNS),
            _column(header, IMDB_COLUMNS),
        ]
        entries = []
        for row in reader:
            entry = _entry(*(row.get(column) if column else None for column in columns))
            if entry is not None:
                entries.append(entry)
            if len(entries) > MAX_TITLES:
                break  # enough to say "too many"
    except csv.Error:
        raise ImportRejected(ImportProblem.UNREADABLE) from None
    return entries


def _json_entries(text: str) -> list[ImportEntry]:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):  # RecursionError: nested deeper than Python goes
        raise ImportRejected(ImportProblem.UNREADABLE) from None
    if isinstance(data, dict):  # an object holding the list: {"shows": [...]}
        lists = [value for value in data.values() if isinstance(value, list)]
        data = lists[0] if len(lists) == 1 else [data]
    if not isinstance(data, list):
        raise ImportRejected(ImportProblem.UNKNOWN_FORMAT)
    entries = [entry for item in data if (entry := _json_entry(item)) is not None]
    if data and not entries:
        raise ImportRejected(ImportProblem.UNKNOWN_FORMAT)
    return entries


def _json_entry(item: Any) -> ImportEntry | None:
    if not isinstance(item, dict):
        return None
    show = item.get("show")
    if isinstance(show, dict):  # Trakt: {"show": {"title", "year", "ids": {...}}}
        ids = show.get("ids")
        ids = ids if isinstance(ids, dict) else {}
        return _entry(
            show.get("title") or show.get("name"),
            show.get("year"),
            ids.get("tvmaze"),
            ids.get("tvdb"),
            ids.get("imdb"),
        )
    embedded = item.get("_embedded")
    if isinstance(embedded, dict) and isinstance(embedded.get("show"), dict):
        show = embedded["show"]  # TVmaze: {"show_id", "_embedded": {"show": {...}}}
        return _entry(show.get("name"), show.get("premiered"), show.get("id"))
    if "show_id" in item and not any(key in item for key in TITLE_COLUMNS):
        return _entry("", None, item.get("show_id"))  # TVmaze without the embedded show
    keys = {str(key).lower(): key for key in item}
    names = (TITLE_COLUMNS, YEAR_COLUMNS, ID_COLUMNS, TVDB_COLUMNS, IMDB_COLUMNS)
    found = [_column(keys, candidates) for candidates in names]
    return _entry(*(item.get(key) if key else None for key in found))
