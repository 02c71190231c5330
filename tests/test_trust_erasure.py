"""Right to erasure: the person is gone from every table AND from the decrypted pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.trust_support import add_person, decrypted_pages, plaintext_bytes
from wir_manager.domain.enums import AuditAction
from wir_manager.services import privacy
from wir_manager.storage import models as m
from wir_manager.storage.maintenance import integrity_check

ERASED = ("Zebulon Quaxwright", "ZqxCanaryUser", "zebulon.quax@canary.example")
KEPT = ("Hildegard Control-Person", "HildyControl", "hildy@control.example")
NOTE = "Private note about health CANARYNOTE-7781"
SL_NOTE = "Shortlist remark CANARYSHORT-5532"


def _setup(db) -> tuple[int, int]:
    erased = add_person(db, *ERASED, notes=NOTE, shortlist_note=SL_NOTE)
    kept = add_person(db, *KEPT, notes="control note")
    # an ordinary edit so the audit log holds an UPDATE row naming the person's id
    with db.session() as s:
        s.get(m.Candidate, erased).phone = "+1 555 0100"
    return erased, kept


def _count(db, model, *where) -> int:
    with db.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(model).where(*where)).scalar_one()


def test_erasure_removes_strings_from_decrypted_pages(db, tmp_path: Path) -> None:
    erased, _kept = _setup(db)
    before = plaintext_bytes(db, tmp_path)
    # The probe works: before erasure the strings are there in the decrypted pages.
    for text in (*ERASED, NOTE, SL_NOTE):
        assert text.encode() in before

    result = privacy.erase_candidate(db, erased)

    assert result.removed["candidates"] == 1
    after = plaintext_bytes(db, tmp_path)
    for text in (*ERASED, NOTE, SL_NOTE, ERASED[0].split()[0]):
        assert text.encode("utf-8") not in after, f"{text!r} survived erasure"
    # control: the other person is untouched
    for text in KEPT:
        assert text.encode() in after
    assert integrity_check(db) == "ok"


def test_erasure_leaves_nothing_in_free_pages_or_wal(db) -> None:
    """Physical check: decrypt every page on disk and every WAL frame, live or free."""
    erased, _kept = _setup(db)
    # earlier versions of the rows sit in WAL frames and, after checkpoints, free pages
    with db.session() as s:
        s.get(m.Candidate, erased).notes = NOTE + " (edited)"
    assert NOTE.encode() in decrypted_pages(db)

    privacy.erase_candidate(db, erased)

    pages = decrypted_pages(db)
    for text in (*ERASED, NOTE, SL_NOTE):
        assert text.encode() not in pages, f"{text!r} survived in decrypted pages"
    assert KEPT[0].encode() in pages


def test_without_compaction_strings_survive_on_disk(db) -> None:
    """Why compaction is part of erasure (and proof the physical probe can see remnants):
    with the VACUUM + WAL truncate step switched off, old page copies still hold the name."""
    erased, _kept = _setup(db)
    with db.session() as s:
        s.get(m.Candidate, erased).notes = NOTE + " (edited)"
    privacy.erase_candidate(db, erased, compact_file=False)
    assert _count(db, m.Candidate, m.Candidate.id == erased) == 0
    pages = decrypted_pages(db)
    assert any(text.encode() in pages for text in (*ERASED, NOTE))


@pytest.mark.backends
def test_every_owned_row_is_removed_and_logs_are_anonymised(db) -> None:
    erased, kept = _setup(db)
    privacy.erase_candidate(db, erased)
    for model in (
        m.CandidateLanguage,
        m.CandidateSkill,
        m.CandidateTopic,
        m.TrainingProgress,
        m.ShortlistEntry,
        m.Placement,
    ):
        assert _count(db, model, model.candidate_id == erased) == 0, model.__name__
        assert _count(db, model, model.candidate_id == kept) > 0, model.__name__
    assert _count(db, m.Candidate, m.Candidate.id == erased) == 0
    # disclosure log: the row stays, anonymous
    with db.engine.connect() as conn:
        rows = conn.execute(
            select(m.DisclosureCandidate.candidate_id, m.DisclosureCandidate.placeholder)
        ).all()
    assert (None, "Candidate A") in rows
    assert any(cid == kept for cid, _p in rows)
    # audit log: no row still points at the erased id as a candidate
    assert (
        _count(
            db, m.AuditEntry, m.AuditEntry.entity == "candidate", m.AuditEntry.entity_id == erased
        )
        == 0
    )
    assert (
        _count(db, m.AuditEntry, m.AuditEntry.entity == "candidate", m.AuditEntry.entity_id == kept)
        > 0
    )
    assert _count(db, m.AuditEntry, m.AuditEntry.action == AuditAction.ERASE) == 1


def test_careless_placeholder_with_a_name_is_replaced(db) -> None:
    erased, _kept = _setup(db)
    with db.session() as s:
        row = s.scalar(
            select(m.DisclosureCandidate).where(m.DisclosureCandidate.candidate_id == erased)
        )
        row.placeholder = f"A ({ERASED[1]})"
    privacy.erase_candidate(db, erased)
    with db.engine.connect() as conn:
        placeholders = set(conn.execute(select(m.DisclosureCandidate.placeholder)).scalars())
    assert privacy.ERASED_PLACEHOLDER in placeholders
    assert not any(ERASED[1] in p for p in placeholders)


def test_placeholder_carrying_the_record_id_is_replaced(db) -> None:
    from wir_manager.services.dossier.disclosure import placeholder_for

    erased, kept = _setup(db)
    with db.session() as s:
        for cid in (erased, kept):
            row = s.scalar(
                select(m.DisclosureCandidate).where(m.DisclosureCandidate.candidate_id == cid)
            )
            row.placeholder = placeholder_for(cid)
    privacy.erase_candidate(db, erased)
    with db.engine.connect() as conn:
        rows = dict(
            conn.execute(
                select(m.DisclosureCandidate.placeholder, m.DisclosureCandidate.candidate_id)
            ).all()
        )
    assert rows == {privacy.ERASED_PLACEHOLDER: None, placeholder_for(kept): kept}


@pytest.mark.backends
def test_unknown_id_erases_nothing(db) -> None:
    erased, _kept = _setup(db)
    with pytest.raises(privacy.CandidateNotFoundError, match="no candidate with id 999"):
        privacy.erase_candidates(db, [erased, 999])
    assert _count(db, m.Candidate) == 2


@pytest.mark.backends
def test_bulk_erase_is_one_transaction(demo_db) -> None:
    ids = list(range(1, 51))
    result = privacy.erase_candidates(demo_db, ids)
    assert result.removed["candidates"] == 50
    assert _count(demo_db, m.Candidate) == 250
    assert _count(demo_db, m.CandidateLanguage, m.CandidateLanguage.candidate_id.in_(ids)) == 0
    assert integrity_check(demo_db) == "ok"


def test_secure_delete_zeroes_deleted_cells_even_without_vacuum(db) -> None:
    """``PRAGMA secure_delete = ON`` (set on every connection) is what clears the freed
    cells: erase without compaction, fold the WAL in, and the name is still gone."""
    erased, _kept = _setup(db)
    db.checkpoint()
    privacy.erase_candidate(db, erased, compact_file=False)
    db.checkpoint()  # WAL(TRUNCATE): only the main file remains
    pages = decrypted_pages(db)
    for text in (*ERASED, NOTE, SL_NOTE):
        assert text.encode() not in pages, f"{text!r} left in a freed cell"


def test_vacuum_removes_remnants_written_without_secure_delete(db) -> None:
    """Defence in depth: cells freed by a connection without secure_delete (an older app
    version, another SQLCipher tool) keep old text; erasure's VACUUM rebuilds the file."""
    from sqlalchemy import event

    erased, _kept = _setup(db)

    @event.listens_for(db.engine, "connect")
    def _insecure(dbapi_conn, _record):
        dbapi_conn.execute("PRAGMA secure_delete = OFF")

    db.engine.dispose()
    with db.session() as s:  # the old note is left behind in free space
        s.get(m.Candidate, erased).notes = "a much longer replacement note " * 40
    db.checkpoint()
    assert NOTE.encode() in decrypted_pages(db)
    event.remove(db.engine, "connect", _insecure)
    db.engine.dispose()
    privacy.erase_candidate(db, erased)
    assert NOTE.encode() not in decrypted_pages(db)


def test_every_pooled_connection_runs_with_secure_delete(db) -> None:
    """SQLCipher already turns secure_delete on for keyed connections and ``_connect``
    sets it explicitly; this pins the behaviour the test above relies on."""
    conns = [db.engine.connect() for _ in range(3)]
    try:
        for conn in conns:
            assert conn.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
    finally:
        for conn in conns:
            conn.close()
