"""Issue #17, second half: PDFs robust to any text, honest messages, leftovers cleaned,
private file modes, terminal-safe output and names, a safe schema downgrade."""

from __future__ import annotations

import datetime as dt
import io
import os
import random
import stat
import string
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from tests.conftest import PASSPHRASE
from tests.trust_support import add_person
from wir_manager.cli.main import main
from wir_manager.services import backups, demo, privacy, subject_export
from wir_manager.storage import models as m
from wir_manager.storage.database import Database


def _cli(*args: str) -> int:
    os.environ["WIR_MANAGER_PASSPHRASE"] = PASSPHRASE
    try:
        return main(list(args))
    finally:
        os.environ.pop("WIR_MANAGER_PASSPHRASE", None)


def _pdf_text(data: bytes | Path) -> str:
    from pypdf import PdfReader

    source = io.BytesIO(data) if isinstance(data, bytes) else data
    text = "".join(page.extract_text() for page in PdfReader(source).pages)
    # the shaper draws "fi", "fl" … as ligatures; NFKC folds them back, as a search would
    return unicodedata.normalize("NFKC", text)


def _squash(text: str) -> str:
    return "".join(text.split())


def _word(n: int, seed: int = 1) -> str:
    return "".join(random.Random(seed).choices(string.ascii_letters, k=n))


def _set(db, cid: int, **values: object) -> None:  # type: ignore[no-untyped-def]
    with db.connection() as conn:
        conn.execute(update(m.Candidate).where(m.Candidate.id == cid).values(**values))


# ------------------------------------------------------------------ 3. PDFs and long text
def _limit(name: str) -> int:
    from wir_manager.services.candidate_records import FIELD

    limit = FIELD[name].max_length
    assert limit is not None
    return limit


def test_subject_export_of_the_longest_name_and_notes(db, tmp_path: Path) -> None:
    """Used to fail with "unexpected error (LayoutError)" (a table row taller than a
    page) from 5,000 characters; whatever the field limits let through must print."""
    name = _word(_limit("full_name"), 2)  # the longest name, without a single space
    notes = _word(_limit("notes"), 7)  # the longest note, without a single space
    cid = add_person(db, "Placeholder", "LongName", "long@example.org")
    _set(db, cid, full_name=name, notes=notes)
    started = time.monotonic()
    pdf = subject_export.export_subject(db, cid, tmp_path / "long.pdf")
    elapsed = time.monotonic() - started
    text = _squash(_pdf_text(pdf))
    assert name in text and notes in text  # nothing cut off, in order
    assert elapsed < 60, f"subject export took {elapsed:.0f} s"
    assert subject_export.export_subject(db, cid, tmp_path / "long.xlsx").exists()


def test_a_pdf_cell_taller_than_a_page_continues_on_the_next(tmp_path: Path) -> None:
    """The layout itself, past any field limit: 5,000 characters of name and 40,000 of
    unbroken note in the subject export's table still make a PDF."""
    from wir_manager.services.subject_export import Section, SubjectData, write_pdf

    name = " ".join(_word(9, seed) for seed in range(500))
    data = SubjectData(
        candidate_id=1,
        name=name,
        generated_at=dt.datetime(2026, 12, 1, 12, 0),
        sections=(
            Section("Person", ("Field", "Value"), (("Name", name), ("Notes", _word(40_000)))),
        ),
    )
    out = write_pdf(data, tmp_path / "layout.pdf")
    assert _squash(name) in _squash(_pdf_text(out))


def test_dossier_with_a_long_unbroken_name_and_note(demo_db) -> None:  # type: ignore[no-untyped-def]
    """A dossier used to fail from about 1,000 unbroken characters."""
    from wir_manager.services.dossier import service as dossier

    with demo_db.engine.connect() as conn:
        request_id = conn.execute(
            select(m.PlacementRequest.id).order_by(m.PlacementRequest.id)
        ).scalar()
    _data, _pages, content = dossier.render_dossier(demo_db, request_id)
    cid = content.sections[0].candidate_id
    long_name = _word(_limit("full_name"), 3)
    _set(demo_db, cid, full_name=long_name, notes=_word(_limit("notes"), 4))
    data, pages, _content = dossier.render_dossier(demo_db, request_id, recipient=_word(800, 5))
    assert pages >= 1
    assert long_name in _squash(_pdf_text(data))


def test_bidi_controls_do_not_swallow_spaces_in_pdfs(db, tmp_path: Path) -> None:
    cid = add_person(db, "Placeholder", "BidiSpaces", "bidi@example.org")
    _set(db, cid, full_name="Alice \u202eSSAP\u202c Bob")
    text = _pdf_text(subject_export.export_subject(db, cid, tmp_path / "bidi.pdf"))
    assert "Alice SSAP Bob" in text


# ------------------------------------------------------------------ 10. control characters
def test_candidates_and_match_print_no_terminal_escapes(db, db_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    demo.generate(db, candidates=30, requests=2, seed=5)
    with db.engine.connect() as conn:
        first = conn.execute(select(func.min(m.Candidate.id))).scalar()
    _set(db, first, full_name="Evil \x1b[2J\x1b]0;pwned\x07 \u202eName\x9b31m", notes="\x1b[31m")
    db.close()
    assert _cli("--db", str(db_path), "candidates") == 0
    out = capsys.readouterr().out
    assert "Evil" in out
    for raw in ("\x1b", "\x07", "\u202e", "\x9b"):
        assert raw not in out
    assert "␛[2J" in out  # shown, not obeyed
    assert _cli("--db", str(db_path), "candidates", "--json") == 0
    import json

    out = capsys.readouterr().out
    assert "\x1b" not in out and "\u202e" not in out and "\x9b" not in out
    assert any(row["name"].startswith("Evil \x1b[2J") for row in json.loads(out))  # lossless
    with Database.open(db_path, PASSPHRASE) as again, again.engine.connect() as conn:
        request_id = conn.execute(select(func.min(m.PlacementRequest.id))).scalar()
    _cli("--db", str(db_path), "match", str(request_id), "--top", "50")
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\u202e" not in out


def test_bidi_controls_are_stripped_from_names_at_validation(db, tmp_path: Path) -> None:
    from wir_manager.services import candidates as candidate_service
    from wir_manager.services.candidate_records import CandidateData
    from wir_manager.services.spreadsheets import import_candidates

    cid = candidate_service.create_candidate(
        db, CandidateData(full_name="Alice \u202eSSAP\u202c Bob", username="Bidi\u2067User\u2069")
    )
    detail = candidate_service.get_candidate(db, cid)
    assert detail.data.full_name == "Alice SSAP Bob" and detail.data.username == "BidiUser"
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(["Name", "Username", "Email"])
    wb.active.append(["Carol \u202dLRO\u202c Dee", "Carol\u202eRLO", "carol@example.org"])
    wb.save(tmp_path / "bidi.xlsx")
    report, result = import_candidates(db, tmp_path / "bidi.xlsx")
    assert result is not None, report.lines()
    with db.engine.connect() as conn:
        names = set(conn.execute(select(m.Candidate.full_name, m.Candidate.username)).all())
    assert ("Carol LRO Dee", "CarolRLO") in names


def test_bidi_and_control_characters_leave_request_and_organisation_names(db) -> None:
    """Request titles, organisations and duty cities are shown in tables, dossiers and
    the terminal like candidates' names: the same cleaning at validation."""
    from wir_manager.services import requests as rq
    from wir_manager.services.requests.organisations import NewOrganisation

    saved = rq.save_request(
        db,
        rq.RequestData(
            title="Health \u202eATAD\u202c data\x1b[31m resident",
            new_organisation=NewOrganisation("منظمة \u2067الصحة\u2069 العالمية", "W\x07HO", "igo"),
            work_mode="onsite",
            duty_city="Gen\u202deva\u202c",
            duty_country="CH",
        ),
    )
    stored = rq.get_request(db, saved.id)
    assert stored.title == "Health ATAD data[31m resident"
    assert stored.duty_city == "Geneva"
    with db.session() as s:
        org = s.get(m.Organisation, stored.organisation_id)
        assert org is not None
        assert (org.name, org.acronym) == ("منظمة الصحة العالمية", "WHO")


# ------------------------------------------------------------------ 8. leftovers
def test_leftovers_of_interrupted_operations_are_removed_at_the_next_open(
    db, db_path: Path, tmp_path: Path
) -> None:
    saved = backups.backup_now(db, tmp_path / "saved.db")
    db.close()
    folder = db_path.parent
    bdir = folder / "backups"
    bdir.mkdir(exist_ok=True)
    old = time.time() - 3600
    stale = [
        folder / ".restoring-abc123.db",
        folder / ".restoring-abc123.db-wal",
        folder / ".creating-xyz.db",
        bdir / ".backup-qq.db",
        bdir / ".backup-qq.db-journal",
    ]
    for path in stale:
        path.write_bytes(saved.read_bytes()[:4096])
        os.utime(path, (old, old))
    orphan = folder / ".restoring-fresh.db-shm"  # its database file is gone
    orphan.write_bytes(b"\0" * 32768)
    fresh = folder / ".creating-inprogress.db"  # another process is making this one now
    fresh.write_bytes(b"\0" * 4096)
    Database.open(db_path, PASSPHRASE).close()
    for path in [*stale, orphan]:
        assert not path.exists(), path
    assert fresh.exists()
    assert saved.exists()


def test_a_restore_leaves_no_restoring_files(db, db_path: Path, tmp_path: Path) -> None:
    add_person(db, "Restore Person", "RestoreP", "restore@example.org")
    saved = backups.backup_now(db, tmp_path / "saved.db")
    backups.restore(db_path, saved, live=db)
    assert not [p for p in db_path.parent.iterdir() if p.name.startswith(".restoring-")]


# ------------------------------------------------------------------ 9. file modes
@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_everything_with_personal_data_is_private(tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    old_umask = os.umask(0o022)
    try:
        home = tmp_path / "fresh-home"
        monkeypatch.setenv("WIR_MANAGER_HOME", str(home))
        db_path = home / "data" / "modes.db"
        assert _cli("--db", str(db_path), "init") == 0
        assert _cli("--db", str(db_path), "demo", "--candidates", "20", "--requests", "2") == 0
        assert _cli("--db", str(db_path), "backup", str(home / "data" / "copy.db")) == 0
        assert _cli("--db", str(db_path), "backups", "--auto") == 0
        exports = tmp_path / "exports"
        exports.mkdir()
        assert _cli("--db", str(db_path), "export", "candidates", str(exports / "c.xlsx")) == 0
        assert _cli("--db", str(db_path), "template", "candidates", str(exports / "t.xlsx")) == 0
        assert _cli("--db", str(db_path), "subject-export", "1", "-o", str(exports / "s.pdf")) == 0
        with Database.open(db_path, PASSPHRASE) as db, db.engine.connect() as conn:
            rid = conn.execute(select(func.min(m.PlacementRequest.id))).scalar()
        _cli("--db", str(db_path), "dossier", str(rid), "-o", str(exports / "d.pdf"))
    finally:
        os.umask(old_umask)
    capsys.readouterr()
    written = [p for p in (*home.rglob("*"), *exports.iterdir()) if p.is_file()]
    assert any(p.suffix == ".log" for p in written)
    for path in written:
        if path.name.endswith(".ini"):
            continue  # settings: no personal data
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == 0o600, f"{path.relative_to(tmp_path)} is {mode:o}"
    for folder in (home / "data", home / "data" / "backups", home / "logs"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder


def test_an_old_0644_database_is_made_private_at_open(db, db_path: Path) -> None:
    db.close()
    db_path.chmod(0o644)
    Database.open(db_path, PASSPHRASE).close()
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


# ------------------------------------------------------------------ 4. honest messages
def test_an_erasure_whose_compaction_fails_says_it_is_done_and_retries(
    db, db_path: Path, monkeypatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    from wir_manager.storage import maintenance
    from wir_manager.storage.errors import DiskFullError

    cid = add_person(db, "Nearly Full", "NearlyFull", "full@example.org")
    db.close()
    real_compact = maintenance.compact
    calls: list[str] = []

    def full_disk(target):  # type: ignore[no-untyped-def]
        calls.append("failed")
        raise DiskFullError("The disk is full, so the change was not saved; free some space.")

    monkeypatch.setattr(privacy, "compact", full_disk)
    code = _cli("--db", str(db_path), "erase", str(cid), "--yes")
    captured = capsys.readouterr()
    assert code == 0 and calls == ["failed"]
    assert "was erased" in captured.out
    assert "erasure is done" in captured.err and "not saved" not in captured.err
    with Database.open(db_path, PASSPHRASE, migrate_schema=False) as again:
        assert not privacy.candidate_exists(again, cid)
        assert again.setting(maintenance.COMPACTION_PENDING) == "1"
    compacted: list[bool] = []

    def recording(target):  # type: ignore[no-untyped-def]
        compacted.append(True)
        return real_compact(target)

    monkeypatch.setattr(maintenance, "compact", recording)
    with Database.open(db_path, PASSPHRASE) as again:  # the next unlock compacts
        assert compacted == [True]
        assert again.setting(maintenance.COMPACTION_PENDING) == "0"


def _tmpfs(where: Path, size: str, *, read_only: bool = False) -> bool:
    import shutil

    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    where.mkdir(parents=True, exist_ok=True)
    options = f"size={size}" + (",ro" if read_only else "")
    return (
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)], capture_output=True
        ).returncode
        == 0
    )


def test_a_full_disk_at_unlock_is_not_called_a_wrong_passphrase(tmp_path: Path) -> None:
    where = tmp_path / "full"
    if not _tmpfs(where, "2m"):
        pytest.skip("cannot mount a tmpfs here")
    try:
        path = where / "full.db"
        Database.create(path, PASSPHRASE, "Full").close()
        filler = where / "filler"
        fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
        try:
            while os.write(fd, b"\0" * 4096):
                pass
        except OSError:
            pass
        finally:
            os.close(fd)
        from wir_manager.storage.errors import StorageError, WrongPassphraseError

        with pytest.raises(StorageError) as info:
            Database.open(path, PASSPHRASE)
        assert not isinstance(info.value, WrongPassphraseError)
        assert "disk is full" in str(info.value)
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def test_a_read_only_database_owned_by_another_user_is_not_a_wrong_passphrase(
    db, db_path: Path, tmp_path: Path
) -> None:
    """A WAL file with its -shm left behind by its owner, in a folder this user cannot
    write (simulated for root by dropping the capability to override file modes)."""
    import shutil

    add_person(db, "Other Owner", "OtherOwner", "owner@example.org")
    db.checkpoint()
    where = tmp_path / "theirs"
    where.mkdir()
    shutil.copy(db_path, where / "theirs.db")
    db.close()
    (where / "theirs.db").chmod(0o444)
    where.chmod(0o555)
    theirs = where / "theirs.db"
    prefix: list[str] = []
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("root without setpriv ignores file modes")
        prefix = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]
    try:
        out = subprocess.run(
            [*prefix, sys.executable, "-m", "wir_manager", "--db", str(theirs), "info"],
            capture_output=True,
            text=True,
            env={**os.environ, "WIR_MANAGER_PASSPHRASE": PASSPHRASE},
            timeout=120,
        )
    finally:
        where.chmod(0o755)
    assert out.returncode == 1
    assert "read-only" in out.stderr and "passphrase is wrong" not in out.stderr, out.stderr


# ------------------------------------------------------------------ 15. downgrade
def test_a_schema_downgrade_keeps_every_child_row(demo_db) -> None:  # type: ignore[no-untyped-def]
    from wir_manager.storage import migrate

    def children() -> dict[str, int]:
        with demo_db.engine.connect() as conn:
            return {
                model.__tablename__: conn.execute(
                    select(func.count()).select_from(model)
                ).scalar_one()
                for model in (m.CandidateLanguage, m.CandidateSkill, m.TrainingProgress)
            }

    before = children()
    assert all(before.values())
    head = migrate.head_revision()
    migrate.downgrade(demo_db, "-1")
    demo_db.dispose()
    assert children() == before
    migrate.upgrade(demo_db)
    demo_db.dispose()
    assert migrate.current_revision(demo_db) == head
    assert children() == before
    with demo_db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_alembic_on_the_apps_connection_with_foreign_keys_on_is_refused(demo_db) -> None:  # type: ignore[no-untyped-def]
    from alembic import command

    from wir_manager.storage import migrate
    from wir_manager.storage.errors import MigrationError

    before = demo_db.counts()
    cfg = migrate.alembic_config()
    with pytest.raises(MigrationError, match="migration runner"), demo_db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "-1")
    demo_db.dispose()
    assert demo_db.counts() == before
    assert migrate.current_revision(demo_db) == migrate.head_revision()
