"""Willingness to relocate beyond matching: migration 0003 on an existing database, demo
data, the subject-access export and the dossier."""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import openpyxl
import pypdf
import pytest
from sqlalchemy import select

from tests.conftest import PASSPHRASE
from wir_manager.domain.enums import WorkMode
from wir_manager.services import demo, subject_export
from wir_manager.services.dossier import generate_dossier
from wir_manager.storage import migrate, paths
from wir_manager.storage import models as m
from wir_manager.storage.database import Database


def _answers(db: Database) -> list[bool | None]:
    with db.engine.connect() as conn:
        query = select(m.Candidate.willing_to_relocate).order_by(m.Candidate.id)
        return list(conn.execute(query).scalars())


def test_upgrading_a_0002_database_keeps_every_row(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A database written before revision 0003 (built with the scripts up to 0002) opens
    with the new code: backed up, upgraded, every candidate kept with "not recorded"."""
    scripts = tmp_path / "migrations"
    shutil.copytree(paths.migrations_dir(), scripts, ignore=shutil.ignore_patterns("__pycache__"))
    for script in (scripts / "versions").glob("0*.py"):
        if script.name[:4] > "0002":  # 0003 and every later revision
            script.unlink()
    monkeypatch.setattr(migrate, "migrations_dir", lambda: scripts)
    old = Database.create(db_path, PASSPHRASE, "Old Operator")
    try:
        assert migrate.current_revision(old) == "0002"
        with old.engine.connect() as conn:
            columns = [r[1] for r in conn.exec_driver_sql("PRAGMA table_info(candidates)")]
        assert "willing_to_relocate" not in columns
        with old.engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO candidates (full_name, username, country, stage, consent_store,"
                " consent_propose, consent_share_contact, created_at, updated_at) VALUES"
                " ('Wanjiru Kamau', 'WKamau', 'KE', 'ready', 1, 1, 0,"
                " '2026-01-01 09:00:00', '2026-01-01 09:00:00'),"
                " ('Bilal Haddad', 'BilalH', 'LB', 'applied', 1, 0, 0,"
                " '2026-01-02 09:00:00', '2026-01-02 09:00:00')"
            )
    finally:
        old.close()
    monkeypatch.undo()

    with Database.open(db_path, PASSPHRASE) as upgraded:
        assert migrate.current_revision(upgraded) == migrate.head_revision()
        with upgraded.engine.connect() as conn:
            rows = conn.execute(
                select(
                    m.Candidate.username, m.Candidate.country, m.Candidate.willing_to_relocate
                ).order_by(m.Candidate.id)
            ).all()
        assert [tuple(r) for r in rows] == [("WKamau", "KE", None), ("BilalH", "LB", None)]
        with upgraded.session() as s:  # the new column is writable at once
            s.scalars(select(m.Candidate)).first().willing_to_relocate = True
        assert _answers(upgraded) == [True, None]
    backups = list(paths.backup_dir(db_path).glob("*.db"))
    assert len(backups) == 1


def test_demo_data_has_all_three_answers_and_is_deterministic(db: Database, tmp_path: Path) -> None:
    demo.generate(db, candidates=200, requests=2, seed=42)
    answers = _answers(db)
    counts = {value: answers.count(value) for value in (True, False, None)}
    assert all(n > 0 for n in counts.values()), counts
    assert counts[True] > counts[False]  # most people would move; a minority would not
    other = Database.create(tmp_path / "again.db", PASSPHRASE, "Op")
    try:
        demo.generate(other, candidates=200, requests=2, seed=42)
        assert _answers(other) == answers
    finally:
        other.close()


@pytest.mark.parametrize(
    ("answer", "words"),
    [(True, "Willing to relocate"), (False, "Will not relocate"), (None, "Not recorded")],
)
def test_subject_export_states_the_answer(
    db: Database, tmp_path: Path, answer: bool | None, words: str
) -> None:
    with db.session() as s:
        person = m.Candidate(
            full_name="Wanjiru Kamau", username="WKamau", willing_to_relocate=answer
        )
        s.add(person)
        s.flush()
        cid = person.id
    data = subject_export.collect(db, cid)
    fields = dict(data.sections[0].rows)
    assert fields["Willing to relocate"] == words
    out = subject_export.export_subject(db, cid, tmp_path / "me.xlsx")
    values = [r for r in openpyxl.load_workbook(out).worksheets[0].iter_rows(values_only=True)]
    assert ("Willing to relocate", words) in [tuple(v[:2]) for v in values]


def test_dossier_states_the_answer(shortlisted, tmp_path: Path) -> None:
    db, request_id, people = shortlisted
    with db.session() as s:
        s.get(m.Candidate, people["latin"]).willing_to_relocate = True
        s.get(m.Candidate, people["devanagari"]).willing_to_relocate = False
    out = tmp_path / "dossier.pdf"
    generate_dossier(db, request_id, out)
    text = unicodedata.normalize(
        "NFKC", "\n".join(p.extract_text() for p in pypdf.PdfReader(str(out)).pages)
    )
    assert text.count("Relocation") == 5  # one row per proposed candidate
    assert "Willing to relocate" in text
    assert "Will not relocate" in text
    assert text.count("Not recorded") >= 3
    # A remote post has no duty station: moving is not a question there.
    with db.session() as s:
        s.get(m.PlacementRequest, request_id).work_mode = WorkMode.REMOTE
    generate_dossier(db, request_id, out)
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(str(out)).pages)
    assert "Relocation" not in text
