"""``wir-manager wiki …`` end to end on a real encrypted file, and the snapshots'
place in subject export and erasure."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.conftest import PASSPHRASE
from tests.wiki_server import (
    Account,
    Contribution,
    WikiFamily,
    wiki_fixture,  # noqa: F401 - the `wiki` fixture
)
from wir_manager.cli.main import main
from wir_manager.services import subject_export
from wir_manager.services.privacy import erase_candidate
from wir_manager.services.wiki import verify as v
from wir_manager.storage import models as m
from wir_manager.storage.database import Database

JSON_KEYS = {
    "candidate_id",
    "username",
    "exists",
    "global_edit_count",
    "registration",
    "blocked",
    "per_wiki",
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def cli_db(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys) -> Path:
    monkeypatch.setenv("WIR_MANAGER_PASSPHRASE", PASSPHRASE)
    path = tmp_path / "wiki.db"
    assert run(capsys, "--db", str(path), "init", "--operator", "Ada")[0] == 0
    db = Database.open(path, PASSPHRASE)
    with db.session() as s:
        s.add_all(
            [
                m.Candidate(full_name="أمينة يوسف", username="Amina Yusuf", edit_count=50),
                m.Candidate(full_name="प्रिया शर्मा", username="Priya_Sharma", edit_count=900),
                m.Candidate(full_name="李文", username="Li Wen Missing"),
                m.Candidate(full_name="Олег Петров", username="Oleg Blocked"),
            ]
        )
    db.close()
    return path


def test_wiki_verify_json_and_candidates_json(cli_db: Path, wiki: WikiFamily, capsys) -> None:
    wiki.add(Account("Amina Yusuf", edits={"arwiki": 300, "wikidatawiki": 2_100}))
    wiki.add(Account("Priya Sharma", edits={"hiwiki": 12_345}, registration="2009-09-09T09:09:09Z"))
    wiki.add(Account("Oleg Blocked", edits={"ruwiki": 4}, blocked_on=("ruwiki",)))
    db = str(cli_db)
    code, out, err = run(capsys, "--db", db, "wiki", "verify", "--all", "--api", wiki.url())
    assert code == 1 and "contact" in err  # the contact is asked for before anything is sent
    assert wiki.requests == []
    code, out, _ = run(capsys, "--db", db, "wiki", "settings", "--contact", "wir@example.org")
    assert code == 0 and "wir@example.org" in out
    code, out, err = run(
        capsys, "--db", db, "wiki", "verify", "--all", "--api", wiki.url(), "--json"
    )
    assert code == 0, err
    rows = json.loads(out)
    assert [r["candidate_id"] for r in rows] == [1, 2, 3, 4]
    assert all(r.keys() >= JSON_KEYS for r in rows)
    by = {r["username"]: r for r in rows}
    assert by["Amina Yusuf"]["per_wiki"] == {"arwiki": 300, "wikidatawiki": 2_100}
    assert by["Priya_Sharma"]["global_edit_count"] == 12_345
    assert by["Priya_Sharma"]["registration"] == "2009-09-09"
    assert by["Li Wen Missing"]["exists"] is False
    assert by["Oleg Blocked"]["blocked"] is True
    code, out, _ = run(capsys, "--db", db, "candidates", "--json")
    listed = {r["username"]: r for r in json.loads(out)}
    today = dt.date.today().isoformat()
    assert listed["Priya_Sharma"]["verified"] == today
    assert listed["Priya_Sharma"]["verified_edit_count"] == 12_345
    assert listed["Li Wen Missing"]["verified"] == today
    assert listed["Li Wen Missing"]["verified_edit_count"] is None
    # Selected ids only; an unknown id is one sentence and nothing is asked.
    before = len(wiki.requests)
    code, _, err = run(capsys, "--db", db, "wiki", "verify", "2", "77", "--api", wiki.url())
    assert code == 1 and "no candidate with id 77" in err and len(wiki.requests) == before
    code, out, _ = run(capsys, "--db", db, "wiki", "verify", "2", "--api", wiki.url())
    assert code == 0 and "Priya_Sharma" in out


def test_wiki_verify_offline_is_one_sentence(cli_db: Path, capsys) -> None:
    db = str(cli_db)
    run(capsys, "--db", db, "wiki", "settings", "--contact", "wir@example.org")
    code, _, err = run(
        capsys, "--db", db, "wiki", "verify", "--all", "--api", "http://127.0.0.1:9/w/api.php"
    )
    assert code == 1 and "cannot be reached" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    code, _, err = run(capsys, "--db", db, "wiki", "verify", "--all", "--api", "nonsense")
    assert code == 1 and "not a wiki API address" in err


def test_wiki_impact_sums_contributions_in_the_window(
    cli_db: Path, wiki: WikiFamily, capsys
) -> None:
    acc = wiki.add(
        Account("Amina Yusuf", edits={"arwiki": 300, "wikidatawiki": 2_100, "commonswiki": 5})
    )
    acc.contributions = [
        Contribution("arwiki", "2026-02-01T10:00:00Z", 0, "مقالة ١", new=True),
        Contribution("arwiki", "2026-02-02T10:00:00Z", 0, "مقالة ١"),
        Contribution("arwiki", "2026-03-02T10:00:00Z", 0, "مقالة ٢"),
        Contribution("arwiki", "2026-03-03T10:00:00Z", 1, "نقاش:مقالة ٢"),
        Contribution("arwiki", "2025-12-31T10:00:00Z", 0, "before the window", new=True),
        *[
            Contribution("wikidatawiki", f"2026-04-{d:02d}T10:00:00Z", 0, f"Q{d}", new=d < 3)
            for d in range(1, 29)
        ],
    ]
    acc.uploads = 0
    db = Database.open(cli_db, PASSPHRASE)
    with db.session() as s:
        org = m.Organisation(name="UNESCO", acronym="UNESCO")
        s.add(org)
        s.flush()
        req = m.PlacementRequest(organisation_id=org.id, title="Wikidata for heritage")
        s.add(req)
        s.flush()
        s.add_all(
            [
                m.RequestSkill(request_id=req.id, platform="wikipedia", min_level=2),
                m.RequestSkill(request_id=req.id, platform="wikidata", min_level=2),
            ]
        )
        s.add(
            m.Placement(
                candidate_id=1,
                request_id=req.id,
                start_date=dt.date(2026, 1, 1),
                end_date=dt.date(2026, 6, 30),
                status="completed",
            )
        )
        s.add(
            m.Placement(
                candidate_id=1,
                start_date=dt.date(2027, 1, 1),
                end_date=dt.date(2027, 6, 30),
                status="planned",
            )
        )
    v.save_wiki_settings(db, api=wiki.url(), uploads_api="", contact="wir@example.org")
    db.close()
    code, out, err = run(capsys, "--db", str(cli_db), "wiki", "impact", "1", "--json")
    assert code == 0, err
    got = json.loads(out)
    assert got["articles_created"] == 1 and got["articles_edited"] == 2
    assert got["wikidata_items_edited"] == 28 and got["wikidata_items_created"] == 2
    assert got["edits"] == 4 + 28 and got["per_wiki"] == {"arwiki": 4, "wikidatawiki": 28}
    assert sorted(got["wikis"]) == ["arwiki", "wikidatawiki"]
    assert got["actuals"] == {
        "articles_created": 1,
        "articles_improved": 1,
        "media_uploaded": 0,
        "wikidata_items": 28,
    }
    # uclimit=500 pages; the window went to the API as ucstart/ucend, oldest first.
    asked = [r for r in wiki.requests if r.get("list") == "usercontribs"]
    assert all(
        r["ucstart"] == "2026-01-01T00:00:00Z"
        and r["ucend"] == "2026-06-30T23:59:59Z"
        and r["ucdir"] == "newer"
        for r in asked
    )
    code, _, err = run(capsys, "--db", str(cli_db), "wiki", "impact", "2")
    assert code == 1 and "not active or completed" in err
    db = Database.open(cli_db, PASSPHRASE)
    with db.engine.connect() as conn:
        assert (
            conn.execute(
                select(func.count())
                .select_from(m.AuditEntry)
                .where(m.AuditEntry.entity == "placement", m.AuditEntry.action == "verify")
            ).scalar_one()
            == 1
        )
    db.close()


def test_accepted_impact_becomes_the_outcome_totals(cli_db: Path, wiki: WikiFamily, capsys) -> None:
    """The coordinator accepts the measured figures, correcting one; what the resident
    reported at a check-in stays, and accepting again counts nothing twice."""
    from wir_manager.domain.enums import CheckinKind
    from wir_manager.services import placements as pl

    acc = wiki.add(Account("Amina Yusuf", edits={"arwiki": 40}))
    acc.contributions = [
        Contribution("arwiki", f"2026-02-{d:02d}T10:00:00Z", 0, f"مقالة {d}", new=d <= 6)
        for d in range(1, 21)
    ]
    acc.uploads = 0
    db = Database.open(cli_db, PASSPHRASE)
    with db.session() as s:
        s.add(
            m.Placement(
                candidate_id=1,
                start_date=dt.date(2026, 1, 1),
                end_date=dt.date(2026, 6, 30),
                status="completed",
            )
        )
        s.flush()
        checkin = m.PlacementCheckin(
            placement_id=1, kind=CheckinKind.MIDTERM, due_on=dt.date(2026, 3, 31)
        )
        s.add(checkin)
        s.flush()
        checkin_id = checkin.id
    pl.set_actual(db, 1, "articles_created", 4, checkin_id=checkin_id)
    v.save_wiki_settings(db, api=wiki.url(), uploads_api="", contact="wir@example.org")
    db.close()
    db_arg = ("--db", str(cli_db))
    code, _, err = run(capsys, *db_arg, "wiki", "impact", "1", "--set", "media_uploaded=3")
    assert code == 1 and "--accept" in err
    for _attempt in range(2):
        code, out, err = run(
            capsys,
            *db_arg,
            "wiki",
            "impact",
            "1",
            "--accept",
            "--set",
            "media_uploaded=3",
            "--json",
        )
        assert code == 0, err
        got = json.loads(out)
        assert got["actuals"]["articles_created"] == 6
        assert got["accepted"] == {
            "articles_created": 6,
            "articles_improved": 14,
            "media_uploaded": 3,
            "wikidata_items": 0,
        }
    db = Database.open(cli_db, PASSPHRASE)
    created = next(o for o in pl.outcomes(db, 1) if o.metric == "articles_created")
    assert created.actual == 6
    assert set(created.per_report) == {(checkin_id, 4), (None, 2)}
    db.close()
    code, _, err = run(capsys, *db_arg, "wiki", "impact", "1", "--accept", "--set", "x")
    assert code == 1 and "METRIC=N" in err and len(err.strip().splitlines()) == 1


def test_snapshot_in_subject_export_and_gone_with_erasure(
    db: Database, wiki: WikiFamily, tmp_path: Path
) -> None:
    with db.session() as s:
        s.add(m.Candidate(full_name="Fatima Zahra", username="Fatima Zahra"))
        s.add(m.Candidate(full_name="Control Person", username="Control"))
    wiki.add(Account("Fatima Zahra", edits={"frwiki": 777, "wikidatawiki": 3}))
    wiki.add(Account("Control", edits={"svwiki": 1}))
    settings = v.WikiSettings(api=wiki.url(), uploads_api=None, contact="wir@example.org")
    assert len(v.verify_candidates(db, settings=settings).stored) == 2
    data = subject_export.collect(db, 1)
    section = next(sec for sec in data.sections if sec.title == "Verified on the wikis")
    assert len(section.rows) == 1
    row = section.rows[0]
    assert "Fatima Zahra" in row and 780 in row and "frwiki: 777, wikidatawiki: 3" in row
    result = erase_candidate(db, 1)
    assert result.removed["wiki_snapshots"] == 1
    assert set(v.snapshots(db)) == {2}
