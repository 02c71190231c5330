"""Counts in what an import says are written as the reader's language writes numbers:
"1,200 rows" in English, "1 200 rader" in Swedish — not "1200", which in a summary of a
big sheet reads as a year."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_import_progress import staff_csv
from wir_manager.cli.commands.spreadsheets import _new_and_existing
from wir_manager.i18n import using_language
from wir_manager.services.spreadsheets import read_candidates, write_candidates


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("en", "staff.csv: 1,200 rows of candidates read. "
               "1,200 new records can be imported."),
        ("sv", "staff.csv: 1\xa0200 rader med kandidater lästa. "
               "1\xa0200 nya poster kan importeras."),
    ],
)  # fmt: skip
def test_an_import_summary_groups_the_digits_of_its_counts(
    db, tmp_path: Path, british_dates, code: str, expected: str
) -> None:
    path = staff_csv(tmp_path / "staff.csv", 1200)
    with using_language(code):
        report = read_candidates(db, path)
        assert report.summary() == expected


def test_the_cli_says_how_many_it_imported_with_grouped_digits(db, tmp_path: Path) -> None:
    report = read_candidates(db, staff_csv(tmp_path / "staff.csv", 1500))
    result = write_candidates(db, report)
    with using_language("sv"):
        said = _new_and_existing(result.created, result.updated)
    assert said == {"new": "1\xa0500 nya kandidater", "existing": "0 befintliga kandidater"}
