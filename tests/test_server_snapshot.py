"""``server snapshot FILE``: an encrypted copy of what the caller may see, on the real
test cluster. The server decides what is in it (row security, column privileges); the
file is read-only by default, enforced by SQLite; the desktop app says "snapshot" in
its title."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.conftest import PASSPHRASE, PgServer
from tests.pg_cluster import LOGIN_PASSWORD
from wir_manager.cli.main import main
from wir_manager.services import candidates as svc
from wir_manager.services import demo
from wir_manager.storage import models as m
from wir_manager.storage import server_admin
from wir_manager.storage.database import Database
from wir_manager.storage.errors import ReadOnlyDatabaseError
from wir_manager.storage.server import ServerDatabase
from wir_manager.storage.server_admin import TeamRole
from wir_manager.storage.snapshot import snapshot_info


@pytest.fixture
def team(pg_server: PgServer, server_db_url: str):
    """Demo data on the server, plus affiliate staff and a viewer login."""
    dbname = server_db_url.rsplit("/", 1)[1]
    with ServerDatabase.connect(server_db_url) as admin:
        demo.generate(admin, candidates=80, requests=4, seed=11)
        with admin.session() as s:
            affiliate = s.execute(
                select(m.Affiliate.id, m.Affiliate.name)
                .join(m.Candidate, m.Candidate.affiliate_id == m.Affiliate.id)
                .group_by(m.Affiliate.id, m.Affiliate.name)
                .order_by(func.count().desc())
            ).first()
            total = s.scalar(select(func.count()).select_from(m.Candidate))
            theirs = s.scalar(
                select(func.count())
                .select_from(m.Candidate)
                .where(m.Candidate.affiliate_id == affiliate.id)
            )
        logins = {}
        for name, role, tied in (
            ("amani", TeamRole.STAFF, affiliate.name),
            ("viewer", TeamRole.VIEWER, None),
        ):
            login = f"{name}_{dbname}"
            server_admin.add_user(admin, login, role, password=LOGIN_PASSWORD, affiliate=tied)
            logins[name] = pg_server.url(login, dbname)
    return {
        "admin": server_db_url,
        "affiliate_id": affiliate.id,
        "total": total,
        "theirs": theirs,
        **logins,
    }


def _snapshot(url: str, target: Path, capsys, *extra: str) -> str:
    os.environ["WIR_MANAGER_PASSPHRASE"] = PASSPHRASE
    try:
        code = main(["--db", url, "server", "snapshot", str(target), *extra])
    finally:
        os.environ.pop("WIR_MANAGER_PASSPHRASE", None)
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def test_affiliate_staff_get_their_affiliates_people_read_only(
    team, tmp_path: Path, capsys
) -> None:
    target = tmp_path / "travel.db"
    out = _snapshot(team["amani"], target, capsys)
    assert "read-only snapshot" in out and f"{team['theirs']:,} candidates" in out
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    assert 0 < team["theirs"] < team["total"]
    with Database.open(target, PASSPHRASE) as db:
        info = snapshot_info(db)
        assert info is not None and info.read_only and info.taken_by.startswith("amani_")
        assert info.source.startswith("postgresql://amani_")
        with db.session() as s:
            affiliates = set(s.scalars(select(m.Candidate.affiliate_id)))
            people = set(s.scalars(select(m.Candidate.id)))
            shortlisted = set(s.scalars(select(m.ShortlistEntry.candidate_id)))
        assert affiliates == {team["affiliate_id"]}
        assert shortlisted <= people  # nothing about people they may not see
        assert db.counts()["candidates"] == team["theirs"]
        # Read-only, by SQLite itself: one sentence, nothing written.
        cid = next(iter(people))
        detail = svc.get_candidate(db, cid)
        with pytest.raises(ReadOnlyDatabaseError, match="read-only snapshot of the team server"):
            svc.update_candidate(db, cid, detail.data, expected_updated_at=detail.updated_at)
    # An existing file is never overwritten.
    os.environ["WIR_MANAGER_PASSPHRASE"] = PASSPHRASE
    try:
        assert main(["--db", team["amani"], "server", "snapshot", str(target)]) == 1
    finally:
        os.environ.pop("WIR_MANAGER_PASSPHRASE", None)
    assert "already exists" in capsys.readouterr().err


def test_a_viewer_snapshot_has_no_contact_details_and_writable_allows_changes(
    team, tmp_path: Path, capsys
) -> None:
    target = tmp_path / "viewer.db"
    out = _snapshot(team["viewer"], target, capsys, "--writable")
    assert "writable snapshot" in out
    with Database.open(target, PASSPHRASE) as db:
        with db.session() as s:
            rows = s.execute(select(m.Candidate.email, m.Candidate.phone, m.Candidate.notes))
            assert all(row == (None, None, None) for row in rows)
            # Contact-note texts, liaisons' e-mail and placement notes stay on the server.
            texts = set(s.scalars(select(m.ContactNote.text)))
            assert texts == {""}
            assert set(s.scalars(select(m.Contact.email))) == {None}
            assert set(s.scalars(select(m.Placement.notes))) <= {None}
            assert set(s.scalars(select(m.PlacementCheckin.note))) <= {None}
            assert s.scalar(select(func.count()).select_from(m.Candidate)) == team["total"]
        info = snapshot_info(db)
        assert info is not None and not info.read_only
        with db.session() as s:
            cid = s.scalars(select(m.Candidate.id).order_by(m.Candidate.id)).first()
        detail = svc.get_candidate(db, cid)
        svc.update_candidate(db, cid, detail.data, expected_updated_at=detail.updated_at)


def test_the_window_title_says_snapshot(qtbot, team, tmp_path: Path, capsys) -> None:
    from PySide6.QtCore import QSettings

    from wir_manager.qt.app import Launcher

    target = tmp_path / "travel.db"
    _snapshot(team["amani"], target, capsys)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    launcher = Launcher(settings=settings)
    launcher.show_main(Database.open(target, PASSPHRASE))
    window = launcher.window
    qtbot.addWidget(window)
    assert "snapshot" in window.windowTitle() and "read-only" in window.windowTitle()
    window._closing_confirmed = True
    window.close()
