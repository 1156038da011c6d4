"""Which TVmaze candidate an imported title becomes, and how sure we are; the export file."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

from bot.catalog.export import COLUMNS, FollowedRow, export_csv
from bot.catalog.import_formats import ImportEntry, parse_document
from bot.catalog.import_match import Confidence, best_candidate
from bot.catalog.search import Candidate
from storage.catalog_models import Series

DARK = Candidate(17861, "Dark", 2017, "Netflix")
DARK_MATTER = Candidate(60000, "Dark Matter", 2024, "Apple TV+")
DARK_MATTER_2015 = Candidate(1869, "Dark Matter", 2015, "Syfy")
HEIST = Candidate(27436, "Money Heist", 2017, "Netflix")


def test_same_normalised_title_is_exact():
    assert best_candidate(ImportEntry("dark!"), [DARK_MATTER, DARK]) == (DARK, Confidence.TITLE)


def test_the_year_picks_between_remakes():
    entry = ImportEntry("Dark Matter", 2015)
    candidates = [DARK_MATTER, DARK_MATTER_2015]
    assert best_candidate(entry, candidates) == (DARK_MATTER_2015, Confidence.TITLE)


def test_a_title_with_the_wrong_year_is_only_similar():
    entry = ImportEntry("Dark Matter", 2030)
    assert best_candidate(entry, [DARK_MATTER]) == (DARK_MATTER, Confidence.FUZZY)


def test_an_other_title_takes_the_best_hit_or_the_one_of_its_year_as_similar():
    assert best_candidate(ImportEntry("Haus des Geldes"), [HEIST]) == (HEIST, Confidence.FUZZY)
    entry = ImportEntry("Dunkel", 2017)
    assert best_candidate(entry, [DARK_MATTER, DARK]) == (DARK, Confidence.FUZZY)


def test_no_candidates_no_match():
    assert best_candidate(ImportEntry("Nothing"), []) is None


def test_export_has_a_header_row_one_row_per_series_and_reads_back():
    since = datetime(2026, 11, 30, 9, 15, tzinfo=UTC)
    rows = [
        FollowedRow(
            Series(tvmaze_id=27436, title='Haus des Geldes, "Berlin"', premiered=2017), since
        ),
        FollowedRow(
            Series(tvmaze_id=70000, title="Ballard", premiered=None),
            since,
            True,
            [15, 1440],
            ["renewal", "premiere"],
            True,
        ),
    ]
    content = export_csv(rows)
    settings = ["yes", "15 1440", "renewal premiere", "yes"]
    assert content.startswith("\ufeff".encode())
    parsed = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert parsed == [
        [column.header for column in COLUMNS],
        ['Haus des Geldes, "Berlin"', "27436", "2017", "2026-11-30T09:15:00+00:00", *[""] * 4],
        ["Ballard", "70000", "", "2026-11-30T09:15:00+00:00", *settings],
    ]
    assert parse_document("serienwecker.csv", content) == [
        ImportEntry('Haus des Geldes, "Berlin"', 2017, 27436),
        ImportEntry("Ballard", None, 70000),
    ]
