"""One description per candidate field, one validation for the editor and the importer.

The importer reads each row into the editor's :class:`CandidateData` and checks it with
the editor's own ``validate``, so a row the editor would refuse is refused on import,
with the row and the column named; and every row the importer accepts saves through
the editor's validation unchanged.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from tests.conftest import PASSPHRASE
from tests.qt_support import make_view
from wir_manager.services import candidate_records, demo
from wir_manager.services import candidates as svc
from wir_manager.services.candidate_records import FIELD, FIELDS, CandidateData, Kind
from wir_manager.services.spreadsheets import (
    export_candidates,
    read_candidates,
    write_candidate_template,
    write_candidates,
)
from wir_manager.storage import models as m
from wir_manager.storage.database import Database

TODAY = dt.date.today()

#: Rows the editor refuses: (header, cell, field, CandidateData changes).
REFUSED = [
    ("Username", "Foo/Bar", "username", {"username": "Foo/Bar"}),
    ("Email", "a@b.c", "email", {"email": "a@b.c"}),
    ("Email", "bad@", "email", {"email": "bad@"}),
    ("Name", "N" * 301, "full_name", {"full_name": "N" * 301}),
    ("Username", "U" * 256, "username", {"username": "U" * 256}),
    ("Phone", "9" * 65, "phone", {"phone": "9" * 65}),
    ("Gender", "g" * 101, "gender", {"gender": "g" * 101}),
    ("Notes", "n" * 10_001, "notes", {"notes": "n" * 10_001}),
    ("Active since", 1999, "active_since", {"active_since": 1999}),
    ("Active since", TODAY.year + 1, "active_since", {"active_since": TODAY.year + 1}),
    ("Edit count", -5, "edit_count", {"edit_count": -5}),
    ("Edit count", 10**9, "edit_count", {"edit_count": 10**9}),
    (
        "Consent to store date",
        TODAY + dt.timedelta(days=3),
        "consent_store_at",
        {"consent_store": True, "consent_store_at": TODAY + dt.timedelta(days=3)},
    ),
]


def _sheet(path: Path, rows: list[list[object]]) -> Path:
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return path


@pytest.mark.parametrize(("header", "cell", "field", "changes"), REFUSED)
def test_the_importer_refuses_what_the_editor_refuses(
    db: Database, tmp_path: Path, header, cell, field, changes
) -> None:
    base = {"full_name": "Aisha Bello", "username": "ABello"}
    editor_errors = candidate_records.validate(CandidateData(**{**base, **changes}))
    assert field in editor_errors

    columns = {"Name": base["full_name"], "Username": base["username"]}
    if field == "consent_store_at":
        columns["Consent to store"] = "yes"
    columns[header] = cell
    path = _sheet(tmp_path / "row.xlsx", [list(columns), list(columns.values())])
    report = read_candidates(db, path)
    assert not report.ok and not report.records
    assert f"Row 2, {header}: {editor_errors[field]}" in report.lines()


def test_consent_without_a_date_is_dated_by_the_import_and_saves_in_the_editor(
    db: Database, tmp_path: Path
) -> None:
    """No date column and no form timestamp: the consent takes the import date, the file
    name is recorded as its source, and the editor would save the record unchanged."""
    data = CandidateData(full_name="Ngozi Okafor", username="NOkafor", consent_propose=True)
    assert "consent_propose_at" in candidate_records.validate(data)
    path = _sheet(
        tmp_path / "consent.xlsx",
        [
            ["Name", "Username", "Consent to store", "Consent to propose"],
            ["Ngozi Okafor", "NOkafor", "yes", "yes"],
        ],
    )
    today = dt.date.today()
    report = read_candidates(db, path)
    assert report.ok, report.lines()
    imported = report.records[0].data
    assert imported.consent_propose_at == today and imported.consent_store_at == today
    assert candidate_records.validate(imported) == {}
    assert report.consent_source == "consent.xlsx"
    assert any("file name is recorded as their source" in note for note in report.notes)


def test_an_over_long_affiliate_name_is_refused_with_its_column(
    db: Database, tmp_path: Path
) -> None:
    path = _sheet(
        tmp_path / "aff.xlsx",
        [["Name", "Username", "Chapter"], ["Олена Коваль", "OKoval", "A" * 201]],
    )
    assert read_candidates(db, path).lines() == [
        "Row 2, Chapter: Use at most 200 characters (there are 201)."
    ]


def test_every_imported_fixture_resaves_through_the_editor_unchanged(
    demo_db: Database, tmp_path: Path
) -> None:
    """The demo's export and the template's example: every row the importer accepts is
    valid for the editor, saves through it unchanged, and the bulk write stores exactly
    what the editor's save would."""
    export = tmp_path / "all.xlsx"
    export_candidates(demo_db, export)
    template = write_candidate_template(tmp_path / "template.xlsx")
    for n, path in enumerate((template, export)):
        for way in ("editor", "import"):
            fresh = Database.create(tmp_path / f"{n}-{way}.db", PASSPHRASE, "Op")
            try:
                demo.ensure_reference_data(fresh)
                report = read_candidates(fresh, path)
                assert report.ok, report.lines()[:5]
                assert report.records
                if way == "import":
                    ids = write_candidates(fresh, report).ids
                else:
                    names = {name.casefold(): aid for aid, name in svc.affiliates(fresh)}
                    assert all(
                        (row.affiliate or "").casefold() in names
                        for row in report.records
                        if row.affiliate
                    )
                    ids = tuple(
                        svc.create_candidate(
                            fresh,
                            replace(
                                row.data,
                                affiliate_id=names.get((row.affiliate or "").casefold()),
                            ),
                        )
                        for row in report.records
                    )
                names = dict(svc.affiliates(fresh))
                for cid, row in zip(ids, report.records, strict=True):
                    assert candidate_records.validate(row.data) == {}
                    assert row.data.normalised() == row.data
                    stored = svc.get_candidate(fresh, cid).data
                    assert names.get(stored.affiliate_id) == (row.affiliate or None)
                    assert replace(stored, affiliate_id=None) == row.data
            finally:
                fresh.close()


def test_every_text_field_has_a_maximum_equal_to_its_column() -> None:
    table = m.Candidate.__table__
    for spec in FIELDS:
        if spec.kind in candidate_records.TEXT_KINDS:
            assert spec.max_length, spec.name
            length = table.c[spec.name].type.length
            assert length == spec.max_length, spec.name
    assert m.Affiliate.__table__.c["name"].type.length == FIELD["affiliate_id"].max_length
    # Every stored field is a column, and every editable column is a field.
    stored = {spec.name for spec in FIELDS if spec.stored}
    assert stored <= set(table.c.keys())
    derived = {
        "id",
        "region",
        "subregion",
        "consent_requested_at",
        "created_at",
        "updated_at",
        "row_version",  # optimistic versioning (team server), not a field a person edits
    }
    assert set(table.c.keys()) - stored == derived


def test_the_editor_refuses_over_long_text_and_keeps_what_was_typed(qtbot, db: Database) -> None:
    view, _answers = make_view(qtbot, db)
    view.new_item()
    ed = view.editor
    ed.ui.fullNameEdit.setText("Мария ")
    qtbot.keyClicks(ed.ui.fullNameEdit, "Ivanova")
    long_user = "M" * 256
    ed.ui.usernameEdit.setFocus()
    ed.ui.usernameEdit.insert(long_user)  # a paste
    assert ed.ui.usernameEdit.text() == long_user  # kept, not cut
    assert not ed.ui.saveButton.isEnabled()
    message = "Use at most 255 characters (there are 256)."
    assert ed.errors()["username"] == message
    assert message in ed.ui.errorLabel.text()
    ed.ui.notesEdit.setPlainText("x" * 10_001)
    assert ed.errors()["notes"] == "Use at most 10,000 characters (there are 10,001)."
    ed.ui.notesEdit.setPlainText("Prefers remote work.")
    ed.ui.usernameEdit.setText("MIvanova")
    assert ed.ui.saveButton.isEnabled()
    qtbot.mouseClick(ed.ui.saveButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not ed.is_dirty(), timeout=5_000)
    saved = svc.get_candidate(db, ed.candidate_id).data
    assert (saved.full_name, saved.username, saved.notes) == (
        "Мария Ivanova",
        "MIvanova",
        "Prefers remote work.",
    )


def test_the_editor_refuses_the_username_and_email_the_importer_used_to_accept(
    qtbot, db: Database
) -> None:
    view, _answers = make_view(qtbot, db)
    view.new_item()
    ed = view.editor
    ed.ui.fullNameEdit.setText("李明")
    ed.ui.usernameEdit.setText("Foo/Bar")
    ed.ui.emailEdit.setText("a@b.c")
    assert set(ed.errors()) == {"username", "email"}
    assert not ed.ui.saveButton.isEnabled()


def test_field_kinds_cover_every_field() -> None:
    assert {spec.kind for spec in FIELDS} == set(Kind)
    assert len({spec.header for spec in FIELDS}) == len(FIELDS)


def test_the_domain_does_not_depend_on_storage() -> None:
    """``domain.codes`` uses the translation layer, which finds its catalogues through
    ``wir_manager.bundle``: importing the domain loads nothing of the storage layer."""
    import subprocess
    import sys

    code = (
        "import sys, wir_manager.domain.codes, wir_manager.domain.enums, "
        "wir_manager.services.candidate_records; "
        "print(sorted(n for n in sys.modules if n.startswith('wir_manager.storage')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_every_personal_text_field_is_erased_with_the_person(db: Database, tmp_path: Path) -> None:
    """Whatever the field description marks as personal leaves the decrypted pages when
    the person is erased (right to erasure), a field added later included."""
    from tests.trust_support import plaintext_bytes
    from wir_manager.services import privacy

    canaries = {
        spec.name: f"{spec.name}-canary-4471@example.org"
        for spec in FIELDS
        if spec.personal and spec.kind in candidate_records.TEXT_KINDS
    }
    assert {"full_name", "latin_name", "username", "email", "phone", "notes"} <= set(canaries)
    cid = svc.create_candidate(db, CandidateData(**canaries))
    before = plaintext_bytes(db, tmp_path)
    assert all(text.encode() in before for text in canaries.values())
    privacy.erase_candidate(db, cid)
    after = plaintext_bytes(db, tmp_path)
    survived = [name for name, text in canaries.items() if text.encode() in after]
    assert survived == []


def test_the_import_wizard_refuses_rows_the_editor_refuses(
    qtbot, db: Database, tmp_path: Path
) -> None:
    """Through the real wizard: the rows the editor would refuse are marked with the
    editor's sentences, row and column named, and nothing can be imported."""
    from PySide6.QtCore import QSettings

    from wir_manager.qt.context import AppContext
    from wir_manager.qt.dialogs.import_wizard import ImportWizard
    from wir_manager.qt.tasks import TaskRunner

    path = _sheet(
        tmp_path / "mixed.xlsx",
        [
            ["Name", "Name in Latin script", "Username", "Email", "Notes"],
            ["أمينة يوسف", "Amina Yusuf", "AminaY", "amina@example.org", "Arabic, Hausa"],
            ["Foo Bar", None, "Foo/Bar", "a@b.c", None],
            ["सुनीता", "S" * 301, "Sunita", None, "n" * 10_001],
        ],
    )
    runner = TaskRunner()
    ctx = AppContext(db, runner, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    wizard = ImportWizard(ctx, ask_open=lambda *_a: str(path))
    qtbot.addWidget(wizard)
    wizard.ui.browseButton.click()
    qtbot.waitUntil(lambda: wizard.report is not None, timeout=20_000)
    editor = candidate_records.validate
    notes = len(wizard.report.notes)  # the file-wide notes come first (no consent column)
    assert wizard.problems.stringList()[notes:] == [
        f"Row 3, Username: {editor(CandidateData(username='Foo/Bar'))['username']}",
        f"Row 3, Email: {editor(CandidateData(email='a@b.c'))['email']}",
        "Row 4, Name in Latin script: Use at most 300 characters (there are 301).",
        "Row 4, Notes: Use at most 10,000 characters (there are 10,001).",
    ]
    assert not wizard.import_button.isEnabled()
    assert wizard.start_import() is None
    runner.wait()
    assert svc.load_index(db).rows == []


def test_the_column_mapping_names_only_described_fields() -> None:
    """Extra header words (Swedish …) hang off field names the description knows, so a
    renamed field cannot leave its synonyms pointing at nothing."""
    from wir_manager.services.spreadsheets import mapping

    assert set(mapping.EXTRA_SYNONYMS) <= set(mapping.candidate_targets())
    assert mapping.suggest("Förening")[0] == "affiliate_id"
    assert mapping.suggest("Name in Latin script")[0] == "latin_name"


_EMAIL_PARTS = [
    "a", "Ö", "é", "x", "0", ".", "..", "@", "@@", "-", "_", "+", "'", '"', "<", ">", " ",
    "[", "]", "1.2.3.4", "example", "org", "se", "c", "xn--bcher-kva", "xn--zz", "localhost",
    "test", "invalid", "arpa", "ab--cd", "info", "ｘ", "＠", "\u0301", "\u200b", "x" * 63,
    "y" * 64, "z" * 200,
]  # fmt: skip


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_EMAIL_PARTS), min_size=1, max_size=9))
def test_the_email_shortcut_answers_as_email_validator_does(parts: list[str]) -> None:
    """An import checks thousands of addresses, so plain ASCII ones take a shortcut (the
    domain read once): it must never answer otherwise than the full check would."""
    address = "".join(parts)
    assert candidate_records.email_problem(address) == candidate_records._email_full(address)


@pytest.mark.parametrize(
    "address",
    [
        "maria.garcia@example.org", "x@b.c", "x..y@example.org", ".x@example.org",
        "a@b@example.org", "a@localhost", "a@[1.2.3.4]", "a@xn--bcher-kva.example",
        "a@exa_mple.org", "a@-x.org", "INFO@example.org", "a@x.test", "é@example.org",
        "a@" + "x" * 63 + "." + "y" * 63 + "." + "z" * 63 + "." + "w" * 60 + ".org",
        "l" * 64 + "@" + "x" * 63 + "." + "y" * 63 + "." + "z" * 55 + ".org",
        "l" * 65 + "@example.org", "a@example.123", "a@ab--cd.org", "a @example.org", "",
    ],
)  # fmt: skip
def test_the_email_shortcut_on_edge_cases(address: str) -> None:
    assert candidate_records.email_problem(address) == candidate_records._email_full(address)
