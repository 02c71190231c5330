"""Maximum text lengths in the database (revision 0005): enforced by CHECK whatever
writes the row, and an upgrade of a populated 0003 file keeps every row and child row."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from tests.conftest import PASSPHRASE
from wir_manager.services import candidate_records
from wir_manager.services.candidate_records import FIELD
from wir_manager.storage import migrate, paths
from wir_manager.storage import models as m
from wir_manager.storage.database import Database


@pytest.mark.parametrize(
    ("column", "limit"),
    [("full_name", 300), ("username", 255), ("email", 320), ("gender", 100), ("notes", 10_000)],
)
def test_the_database_refuses_text_over_the_limit(db: Database, column: str, limit: int) -> None:
    assert FIELD[column].max_length == limit
    values = {"full_name": "Ана Петровић", "username": "APetrovic", column: "x" * limit}
    with db.session() as s:
        s.add(m.Candidate(**values))  # at the limit: stored
    over = {"full_name": "Sun Li", "username": "SunLi", column: "y" * (limit + 1)}
    with (
        pytest.raises(IntegrityError, match="CHECK constraint failed"),
        db.engine.begin() as conn,
    ):
        conn.execute(m.Candidate.__table__.insert().values(**over))
    with pytest.raises(IntegrityError, match="CHECK constraint failed"), db.session() as s:
        s.add(m.Affiliate(name="A" * 201))


def _at_0003(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point the migration runner at the scripts up to 0003 only."""
    scripts = tmp_path / "migrations"
    shutil.copytree(paths.migrations_dir(), scripts, ignore=shutil.ignore_patterns("__pycache__"))
    for script in (scripts / "versions").glob("*.py"):
        if script.name[:4].isdigit() and int(script.name[:4]) > 3:
            script.unlink()
    monkeypatch.setattr(migrate, "migrations_dir", lambda: scripts)


POPULATE = """
INSERT INTO affiliates (id, name, kind, country)
 VALUES (1, 'Wikimedia Deutschland', 'chapter', 'DE');
INSERT INTO candidates (id, full_name, username, email, country, region, subregion, affiliate_id,
  stage, notes, consent_store, consent_propose, consent_share_contact, created_at, updated_at)
VALUES
 (1, 'فاطمة الزهراء', 'FatimaZ', 'fatima@example.org', 'EG', '002', '015', 1, 'ready',
  'Arabic and French', 1, 1, 1, '2026-01-01 09:00:00', '2026-01-01 09:00:00'),
 (2, 'अनुष्का शर्मा', 'Anushka', NULL, 'IN', '142', '034', NULL, 'in_training', NULL,
  1, 1, 0, '2026-01-02 09:00:00', '2026-01-02 09:00:00'),
 (3, '王芳', 'WangFang', NULL, 'CN', '142', '030', 1, 'placed', NULL, 1, 1, 0,
  '2026-01-03 09:00:00', '2026-01-03 09:00:00'),
 (4, :long_name, 'LongName', NULL, NULL, NULL, NULL, NULL, 'applied', :long_notes, 0, 0, 0,
  '2026-01-04 09:00:00', '2026-01-04 09:00:00');
INSERT INTO candidate_languages (candidate_id, code, level) VALUES
 (1, 'ar', 7), (1, 'fr', 5), (2, 'hi', 7), (2, 'en', 5), (3, 'zh', 7);
INSERT INTO candidate_skills (candidate_id, platform, level)
 VALUES (1, 'wikidata', 3), (3, 'commons', 2);
INSERT INTO candidate_topics (candidate_id, topic) VALUES (1, 'health'), (2, 'gender');
INSERT INTO training_modules (id, position, title, mandatory, active) VALUES (1, 1, 'Basics', 1, 1);
INSERT INTO training_progress (candidate_id, module_id, status) VALUES (1, 1, 'completed'),
 (2, 1, 'in_progress');
INSERT INTO organisations (id, name, acronym, kind) VALUES (1, 'World Health Organization', 'WHO',
 'un_agency');
INSERT INTO placement_requests (id, organisation_id, title, work_mode, duration_months, positions,
 status, allow_in_training, created_at, updated_at)
VALUES (1, 1, 'Wikidata resident', 'remote', 6, 1, 'open', 0, '2026-02-01', '2026-02-01');
INSERT INTO shortlist_entries (request_id, candidate_id, rank, score, score_parts, status,
 created_at, updated_at) VALUES (1, 1, 1, 80.5, '{"language": 30}', 'proposed', '2026-02-02',
 '2026-02-02');
INSERT INTO placements (candidate_id, request_id, start_date, end_date, status)
 VALUES (3, 1, '2026-03-01', '2026-09-01', 'active');
INSERT INTO disclosures (id, request_id, recipient, created_at, file_sha256,
 contact_details_included) VALUES (1, 1, 'WHO', '2026-02-03', 'ab', 0);
INSERT INTO disclosure_candidates (disclosure_id, candidate_id, placeholder) VALUES (1, 1, 'C1');
"""

CHILDREN = (
    "candidate_languages",
    "candidate_skills",
    "candidate_topics",
    "training_progress",
    "shortlist_entries",
    "placements",
    "disclosure_candidates",
)


def _snapshot(db: Database) -> dict[str, list[tuple]]:
    with db.engine.connect() as conn:
        return {
            table: sorted(map(tuple, conn.exec_driver_sql(f"SELECT * FROM {table}")))
            for table in ("affiliates", *CHILDREN)
        }


def test_upgrading_a_populated_0003_database_keeps_every_row(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _at_0003(tmp_path, monkeypatch)
    long_name, long_notes = "Ж" * 5_000, "n" * 20_000
    old = Database.create(db_path, PASSPHRASE, "Old Operator")
    try:
        assert migrate.current_revision(old) == "0003"
        with old.engine.begin() as conn:
            for statement in POPULATE.split(";"):
                if statement.strip():
                    conn.execute(
                        text(statement), {"long_name": long_name, "long_notes": long_notes}
                    )
        before = _snapshot(old)
        with old.engine.connect() as conn:
            people = conn.exec_driver_sql(
                "SELECT id, full_name, username, email, notes FROM candidates ORDER BY id"
            ).all()
    finally:
        old.close()
    monkeypatch.undo()

    with Database.open(db_path, PASSPHRASE) as db:
        assert migrate.current_revision(db) == migrate.head_revision()
        # Every child row survived the rebuild of ``candidates`` (no cascade). Later
        # revisions append columns (row versions, placement details): compare the old ones.
        after_rows = _snapshot(db)
        assert {
            table: [row[: len(before[table][0])] for row in rows] if before[table] else rows
            for table, rows in after_rows.items()
        } == before
        with db.engine.connect() as conn:
            after = conn.exec_driver_sql(
                "SELECT id, full_name, username, email, notes FROM candidates ORDER BY id"
            ).all()
            assert after[:3] == people[:3]
            shortened = after[3]
            assert shortened.full_name == "Ж" * 299 + "…"
            assert shortened.notes == "n" * 9_999 + "…"
            entry = conn.execute(
                select(m.AuditEntry.entity, m.AuditEntry.entity_id, m.AuditEntry.fields).where(
                    m.AuditEntry.operator.like("upgrade 0005%")
                )
            ).one()
            assert tuple(entry) == ("candidate", 4, ["full_name", "notes"])
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
        # The shortened person is valid for the editor again, and the limit now holds.
        from wir_manager.services import candidates as svc

        data = svc.get_candidate(db, 4).data
        assert candidate_records.validate(data) == {}
        with pytest.raises(IntegrityError), db.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE candidates SET username = ? WHERE id = 1", ("u" * 256,))
        # Deleting a person still cascades (foreign keys are back on).
        svc.delete_candidates(db, [2])
        with db.engine.connect() as conn:
            left = conn.execute(
                select(func.count()).where(m.CandidateLanguage.candidate_id == 2)
            ).scalar_one()
        assert left == 0
    backups = list(paths.backup_dir(db_path).glob("*.db"))
    assert len(backups) == 1
