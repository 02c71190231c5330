"""Subject access export, retention report and bulk actions, audit log listing."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select, update

from tests.conftest import SERVER_ADMIN
from tests.trust_support import add_person
from wir_manager.services import audit_log, privacy, retention, subject_export
from wir_manager.storage import models as m

HOSTILE_NOTE = '=HYPERLINK("http://evil.example","click")'


@pytest.mark.backends
def test_subject_export_xlsx_holds_everything_and_is_inert(db, tmp_path: Path) -> None:
    cid = add_person(
        db,
        "Amani Wanjiru <b>",
        "AmaniW",
        "amani@example.org",
        notes=HOSTILE_NOTE,
        shortlist_note="@SUM(A1:A9)",
    )
    add_person(db, "Other Person", "OtherP", "other@example.org")
    out = subject_export.export_subject(db, cid, tmp_path / "amani.xlsx")
    wb = load_workbook(out)
    assert {
        "Person",
        "Languages",
        "Skills",
        "Topics",
        "Training",
        "Shortlists",
        "Placements",
        "Disclosures",
        "Audit log",
    } <= set(wb.sheetnames)
    values = [str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value]
    text = "\n".join(values)
    assert "Amani Wanjiru <b>" in text and "AmaniW" in text and "amani@example.org" in text
    assert "Other Person" not in text and "OtherP" not in text
    # formulas are neutralised: no cell starts with a formula trigger
    assert "'" + HOSTILE_NOTE in values
    assert "'@SUM(A1:A9)" in values
    assert not any(v.startswith(("=", "+", "-", "@")) for v in values)
    for ws in wb:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f"
    langs = [tuple(r) for r in wb["Languages"].iter_rows(min_row=2, values_only=True)]
    assert ("en", "C2") in langs
    # the export is itself audited (as an export, without values)
    assert any(r.action == "export" and r.entity_id == cid for r in audit_log.list_audit(db))
    # no partial files left beside it
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_subject_export_pdf_is_readable(db, tmp_path: Path) -> None:
    cid = add_person(
        db, "Ngozi <i>Okafor</i> & Co", "NgoziO", "ngozi@example.org", notes="Line one\nLine two"
    )
    out = subject_export.export_subject(db, cid, tmp_path / "ngozi.pdf")
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Ngozi <i>Okafor</i> & Co" in text
    assert "NgoziO" in text and "Shortlists" in text
    png = tmp_path / "page"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(out), str(png)], check=True
    )


def test_subject_export_of_unknown_person_is_a_clear_error(db, tmp_path: Path) -> None:
    with pytest.raises(privacy.CandidateNotFoundError, match="no candidate with id 42"):
        subject_export.export_subject(db, 42, tmp_path / "x.xlsx")
    assert not (tmp_path / "x.xlsx").exists()
    with pytest.raises(ValueError, match="does not exist"):
        subject_export.export_subject(db, 1, tmp_path / "missing" / "x.xlsx")


def _age(db, cid: int, consent: dt.date | None, updated: dt.datetime) -> None:
    with db.connection() as conn:
        conn.execute(
            update(m.Candidate)
            .where(m.Candidate.id == cid)
            .values(consent_store_at=consent, consent_store=consent is not None, updated_at=updated)
        )


@pytest.mark.backends
def test_retention_report_periods_and_reasons(db) -> None:
    today = dt.date(2026, 11, 25)
    recent = dt.datetime(2026, 10, 1)
    fresh = add_person(db, "Fresh", "Fresh", "f@example.org")
    old_consent = add_person(db, "Old Consent", "OldC", "oc@example.org")
    inactive = add_person(db, "Inactive", "Inact", "in@example.org")
    none = add_person(db, "No Consent", "NoC", "nc@example.org")
    _age(db, fresh, dt.date(2026, 1, 1), recent)
    _age(db, old_consent, dt.date(2024, 11, 24), recent)  # 24 months + 1 day
    _age(db, inactive, dt.date(2026, 1, 1), dt.datetime(2025, 5, 20))  # > 18 months
    _age(db, none, None, recent)

    rep = retention.report(db, today=today)
    reasons = {item.id: item.reasons for item in rep.items}
    assert fresh not in reasons
    assert reasons[old_consent] == (retention.REASON_CONSENT_OLD,)
    assert reasons[inactive] == (retention.REASON_INACTIVE,)
    assert reasons[none] == (retention.REASON_NO_CONSENT,)

    # configurable: a shorter consent period now catches "Fresh" too
    retention.set_periods(db, 6, 18)
    assert fresh in retention.report(db, today=today).ids
    assert fresh not in retention.report(db, today=today, consent_months=24).ids
    with pytest.raises(ValueError, match="at least one month"):
        retention.set_periods(db, 0, 5)


@pytest.mark.backends
def test_ask_again_records_the_date_and_keeps_activity_clock(db) -> None:
    a = add_person(db, "Ask Me", "AskMe", "ask@example.org")
    _age(db, a, dt.date(2020, 1, 1), dt.datetime(2020, 1, 2))
    assert retention.ask_again(db, [a], today=dt.date(2026, 11, 25)) == 1
    with db.engine.connect() as conn:
        requested, updated = conn.execute(
            select(m.Candidate.consent_requested_at, m.Candidate.updated_at).where(
                m.Candidate.id == a
            )
        ).one()
    assert requested == dt.date(2026, 11, 25)
    assert updated == dt.datetime(2020, 1, 2)
    assert any("consent_requested_at" in r.fields for r in audit_log.list_audit(db, entity_id=a))


def test_bulk_erase_from_report(db) -> None:
    a = add_person(db, "Gone One", "GoneOne", "g1@example.org")
    b = add_person(db, "Gone Two", "GoneTwo", "g2@example.org")
    keep = add_person(db, "Keeper", "Keeper", "k@example.org")
    _age(db, a, dt.date(2020, 1, 1), dt.datetime(2020, 1, 2))
    _age(db, b, dt.date(2020, 1, 1), dt.datetime(2020, 1, 2))
    rep = retention.report(db, today=dt.date(2026, 11, 25))
    assert set(rep.ids) == {a, b}
    result = retention.erase(db, rep.ids)
    assert result.removed["candidates"] == 2
    assert retention.report(db, today=dt.date(2026, 11, 25)).ids == []
    assert privacy.candidate_exists(db, keep)


def test_months_before_clamps_month_ends() -> None:
    assert retention.months_before(dt.date(2026, 3, 31), 1) == dt.date(2026, 2, 28)
    assert retention.months_before(dt.date(2026, 1, 15), 24) == dt.date(2024, 1, 15)
    assert retention.months_before(dt.date(2024, 5, 31), 3) == dt.date(2024, 2, 29)


@pytest.mark.backends
def test_audit_log_lists_who_what_fields_never_values(db, backend: str) -> None:
    cid = add_person(db, "Audit Subject", "AuditSubj", "as@example.org")
    with db.session(operator="Second Operator") as s:
        s.get(m.Candidate, cid).email = "new-secret@example.org"
    # A file signs with the name the session gives; a server ignores it and records the
    # login (its trigger), so a client cannot sign as someone else.
    first, second = (
        ("Test Operator", "Second Operator") if backend == "sqlite" else (SERVER_ADMIN,) * 2
    )
    rows = audit_log.list_audit(db, entity="candidate", entity_id=cid)
    assert rows[0].operator == second and rows[0].fields == ("email",)
    assert {r.operator for r in rows} == {first, second}
    assert audit_log.list_audit(db, operator=second)[0].entity_id == cid
    assert second in audit_log.operators(db)
    assert "candidate" in audit_log.entities(db)
    dumped = repr([r.to_json() for r in audit_log.list_audit(db)])
    assert "new-secret" not in dumped and "Audit Subject" not in dumped
