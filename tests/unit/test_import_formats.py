"""Reading lists of series from pasted text and other services' exports."""

from __future__ import annotations

import json

import pytest

from bot.catalog.export import spreadsheet_safe
from bot.catalog.import_formats import (
    MAX_FILE_BYTES,
    MAX_TITLES,
    ImportEntry,
    ImportProblem,
    ImportRejected,
    parse_document,
    parse_pasted,
)
from tests.import_samples import TRAKT_JSON, TV_TIME_CSV, TVMAZE_JSON


def rejected(call, *args) -> ImportProblem:
    with pytest.raises(ImportRejected) as caught:
        call(*args)
    return caught.value.problem


def test_pasted_lines_with_bullets_years_blanks_and_duplicates():
    text = "Dark\n\n  - Money Heist (2017)\n• Dark\nThe Office (US)\n!!!\n"
    assert parse_pasted(text) == [
        ImportEntry("Dark"),
        ImportEntry("Money Heist", 2017),
        ImportEntry("The Office (US)"),
    ]


def test_tvmaze_follows_json_gives_ids_titles_and_years():
    assert parse_document("follows.json", TVMAZE_JSON) == [
        ImportEntry("Money Heist", 2017, 27436),
        ImportEntry("Dark Winds", 2022, 45000),
    ]


def test_tvmaze_follows_without_embedded_show_keep_the_id():
    body = json.dumps([{"show_id": 82, "marked_at": 1}]).encode()
    assert parse_document("x.json", body) == [ImportEntry("", None, 82)]


def test_trakt_watchlist_uses_title_year_and_a_tvmaze_id_when_present():
    assert parse_document("watchlist.json", TRAKT_JSON) == [
        ImportEntry("Dark Matter", 2024, None, 401000, "tt14403402"),
        ImportEntry("Ballard", 2025, 70000),
        ImportEntry("Dark Winds", 2022, None, 999),
    ]


def test_trakt_object_holding_the_list():
    body = json.dumps({"shows": json.loads(TRAKT_JSON)}).encode()
    assert len(parse_document("backup.json", body)) == 3


def test_tv_time_csv_reads_the_show_name_and_ignores_its_own_ids():
    assert parse_document("followed_tv_show.csv", TV_TIME_CSV) == [
        ImportEntry("Dark"),
        ImportEntry("Haus des Geldes"),
        ImportEntry("No Such Show Anywhere"),
    ]


def test_our_export_and_semicolon_csv_with_bom():
    ours = b"title,tvmaze_id,premiered,followed_since\nDark,17861,2017,2026-11-30T10:00:00+00:00\n"
    assert parse_document("serienwecker.csv", ours) == [ImportEntry("Dark", 2017, 17861)]
    excel = "\ufeffName;Year\nDark;2017\nBallard;2025\n".encode()
    assert parse_document("list.csv", excel) == [
        ImportEntry("Dark", 2017),
        ImportEntry("Ballard", 2025),
    ]


@pytest.mark.parametrize(
    ("name", "body", "problem"),
    [
        ("big.csv", b"title\n" + b"x" * MAX_FILE_BYTES, ImportProblem.TOO_LARGE),
        ("bin.csv", b"\xff\xfe\x00\x01garbage", ImportProblem.UNREADABLE),
        ("broken.json", b'[{"show": {"title": "Dark"', ImportProblem.UNREADABLE),
        ("numbers.json", b"[1, 2, 3]", ImportProblem.UNKNOWN_FORMAT),
        ("scalar.json", b'"Dark"', ImportProblem.UNKNOWN_FORMAT),
        ("other.csv", b"episode,watched_at\n1,2020\n", ImportProblem.UNKNOWN_FORMAT),
        ("empty.csv", b"title\n\n", ImportProblem.EMPTY),
        ("empty.json", b"[]", ImportProblem.EMPTY),
    ],
)
def test_bad_documents_are_rejected_with_their_reason(name, body, problem):
    assert rejected(parse_document, name, body) is problem


def test_csv_with_external_ids_only():
    body = b"imdb_id,tvdb_id,title\ntt0944947,121361,\nnot-an-id,x,\n"
    assert parse_document("ids.csv", body) == [ImportEntry("", None, None, 121361, "tt0944947")]


def test_too_many_titles():
    many = "\n".join(f"Show {n}" for n in range(MAX_TITLES + 1))
    assert rejected(parse_pasted, many) is ImportProblem.TOO_MANY
    csv_body = ("title\n" + many).encode()
    assert rejected(parse_document, "many.csv", csv_body) is ImportProblem.TOO_MANY
    assert len(parse_pasted("\n".join(f"Show {n}" for n in range(MAX_TITLES)))) == MAX_TITLES


def test_a_title_exported_as_spreadsheet_text_imports_as_itself() -> None:
    for title in ("=HYPERLINK(1)", "@midnight", "+1", "Dark", "'Allo 'Allo!"):
        cell = spreadsheet_safe(title)
        assert not cell.startswith(("=", "+", "-", "@"))
        [entry] = parse_document("follows.csv", f"title\n{cell}\n".encode())
        assert entry.title == title


def test_json_nested_deeper_than_python_goes_is_unreadable() -> None:
    with pytest.raises(ImportRejected) as rejected:
        parse_document("follows.json", b"[" * 100_000 + b"]" * 100_000)
    assert rejected.value.problem is ImportProblem.UNREADABLE
