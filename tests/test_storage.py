"""The encrypted store: round trips, wrong keys, damaged files, rekey, canaries."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

import pytest
import sqlcipher3
from sqlalchemy import select

from tests.conftest import OPERATOR, PASSPHRASE
from wir_manager.domain.enums import (
    AuditAction,
    Importance,
    LanguageLevel,
    OrganisationKind,
    Platform,
    RequestStatus,
    ShortlistStatus,
    Stage,
    Topic,
    TrainingStatus,
    WorkMode,
)
from wir_manager.storage import models as m
from wir_manager.storage.database import Database
from wir_manager.storage.errors import (
    DamagedDatabaseError,
    DatabaseExistsError,
    DatabaseMissingError,
    NotADatabaseError,
    WrongPassphraseError,
)
from wir_manager.storage.keys import DatabaseKey

CANARY = "Zyxwquorble-Ⱥ-كناري-कैनरी"


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fill_every_model(db: Database) -> dict[str, int]:
    """One row of every table, with non-Latin text, so the round trip covers the schema."""
    with db.session() as s:
        aff = m.Affiliate(name="Wiki Arabic", country="EG")
        org = m.Organisation(
            name="UNESCO", acronym="UNESCO", kind=OrganisationKind.UN_AGENCY, country="FR"
        )
        module = m.TrainingModule(position=1, title="Open licences", mandatory=True)
        cand = m.Candidate(
            full_name=f"سارة {CANARY}",
            username="Sara-wiki",
            email="sara@example.org",
            phone="+20 100 000",
            country="EG",
            region="002",
            subregion="015",
            affiliate=aff,
            gender="woman",
            stage=Stage.READY,
            available_from=dt.date(2027, 1, 1),
            available_until=dt.date(2027, 12, 31),
            active_since=2012,
            edit_count=4200,
            notes="मुझे विकिडेटा पसंद है",
            consent_store=True,
            consent_store_at=dt.date(2026, 1, 2),
            consent_propose=True,
            consent_propose_at=dt.date(2026, 1, 2),
            consent_share_contact=False,
        )
        cand.languages = [
            m.CandidateLanguage(code="ar", level=LanguageLevel.NATIVE),
            m.CandidateLanguage(code="en", level=LanguageLevel.C1),
        ]
        cand.skills = [m.CandidateSkill(platform=Platform.WIKIDATA, level=3)]
        cand.topics = [m.CandidateTopic(topic=Topic.GENDER)]
        cand.training = [
            m.TrainingProgress(
                module=module,
                status=TrainingStatus.COMPLETED,
                completed_on=dt.date(2026, 5, 1),
                score=92,
            )
        ]
        req = m.PlacementRequest(
            organisation=org,
            title="Wikidata resident",
            description="Open data",
            duty_city="Paris",
            duty_country="FR",
            work_mode=WorkMode.HYBRID,
            start_date=dt.date(2027, 3, 1),
            duration_months=9,
            positions=2,
            deadline=dt.date(2027, 1, 15),
            status=RequestStatus.OPEN,
        )
        req.languages = [
            m.RequestLanguage(code="en", min_level=5, importance=Importance.REQUIRED),
            m.RequestLanguage(code="fr", min_level=4, importance=Importance.REQUIRED, any_group=1),
            m.RequestLanguage(code="es", min_level=4, importance=Importance.REQUIRED, any_group=1),
        ]
        req.skills = [
            m.RequestSkill(platform=Platform.WIKIDATA, min_level=2, importance=Importance.PREFERRED)
        ]
        req.topics = [m.RequestTopic(topic=Topic.HEALTH)]
        req.priority_regions = [m.RequestPriorityRegion(region="002")]
        profile = m.WeightProfile(name="default", version=1, weights={"language": 30})
        s.add_all([cand, req, profile])
        s.flush()
        s.add(
            m.ShortlistEntry(
                request_id=req.id,
                candidate_id=cand.id,
                rank=1,
                score=81.5,
                score_parts={"language": 30, "skills": 51.5},
                profile_id=profile.id,
                profile_version=1,
                status=ShortlistStatus.SENT,
                note="strong",
            )
        )
        s.add(
            m.Placement(
                candidate_id=cand.id,
                request_id=req.id,
                start_date=dt.date(2027, 3, 1),
                end_date=dt.date(2027, 11, 30),
            )
        )
        disc = m.Disclosure(request_id=req.id, recipient="UNESCO liaison", file_sha256="0" * 64)
        s.add(disc)
        s.flush()
        s.add(
            m.DisclosureCandidate(
                disclosure_id=disc.id, candidate_id=cand.id, placeholder="candidate-1"
            )
        )
        return {"candidate": cand.id, "request": req.id}


def test_round_trip_of_every_model(db: Database, db_path: Path) -> None:
    ids = fill_every_model(db)
    db.close()
    with Database.open(db_path, PASSPHRASE) as again, again.session() as s:
        cand = s.get(m.Candidate, ids["candidate"])
        assert cand is not None
        assert cand.full_name.endswith(CANARY)
        assert cand.affiliate is not None and cand.affiliate.name == "Wiki Arabic"
        assert {(lang.code, lang.level) for lang in cand.languages} == {("ar", 7), ("en", 5)}
        assert [(sk.platform, sk.level) for sk in cand.skills] == [(Platform.WIKIDATA, 3)]
        assert [t.topic for t in cand.topics] == [Topic.GENDER]
        assert cand.training[0].status is TrainingStatus.COMPLETED
        assert cand.training[0].score == 92
        assert cand.notes == "मुझे विकिडेटा पसंद है"
        assert cand.available_until == dt.date(2027, 12, 31)
        req = s.get(m.PlacementRequest, ids["request"])
        assert req is not None and req.work_mode is WorkMode.HYBRID
        assert sorted((r.code, r.any_group) for r in req.languages) == [
            ("en", None),
            ("es", 1),
            ("fr", 1),
        ]
        assert req.skills[0].importance is Importance.PREFERRED
        assert [r.region for r in req.priority_regions] == ["002"]
        entry = s.scalars(select(m.ShortlistEntry)).one()
        assert entry.score_parts == {"language": 30, "skills": 51.5}
        assert entry.status is ShortlistStatus.SENT
        assert s.scalars(select(m.Placement)).one().end_date == dt.date(2027, 11, 30)
        assert s.scalars(select(m.DisclosureCandidate)).one().placeholder == "candidate-1"
        assert s.scalars(select(m.WeightProfile)).one().weights == {"language": 30}


def test_audit_log_names_fields_never_values(db: Database) -> None:
    ids = fill_every_model(db)
    with db.session() as s:
        cand = s.get(m.Candidate, ids["candidate"])
        assert cand is not None
        cand.email = "new-address@example.org"
        cand.stage = Stage.PROPOSED
    with db.session() as s:
        entries = s.scalars(select(m.AuditEntry).where(m.AuditEntry.entity == "candidate")).all()
    actions = [(e.action, e.entity_id, sorted(e.fields)) for e in entries]
    assert (AuditAction.CREATE, ids["candidate"], []) in actions
    assert (AuditAction.UPDATE, ids["candidate"], ["email", "stage"]) in actions
    assert all(e.operator == OPERATOR for e in entries)
    flat = repr([(e.fields, e.entity, e.operator) for e in entries])
    assert "new-address" not in flat and CANARY not in flat


def test_wrong_passphrase_is_one_clear_sentence_and_leaves_file_unchanged(
    db: Database, db_path: Path
) -> None:
    fill_every_model(db)
    db.close()
    before = sha(db_path)
    with pytest.raises(WrongPassphraseError) as err:
        Database.open(db_path, "not the passphrase")
    assert str(err.value) == "The passphrase is wrong, or this file is not a WiR Manager database."
    assert sha(db_path) == before
    assert not Path(f"{db_path}-wal").exists() or Path(f"{db_path}-wal").stat().st_size == 0


@pytest.mark.parametrize(
    ("content", "error", "words"),
    [
        (b"", NotADatabaseError, "empty"),
        (b"hello, I am a text file\n", NotADatabaseError, "too small"),
        (None, NotADatabaseError, "unencrypted SQLite"),
        (bytes(range(256)) * 64, WrongPassphraseError, "passphrase is wrong"),
    ],
)
def test_files_that_are_not_our_database(
    tmp_path: Path, content: bytes | None, error: type[Exception], words: str
) -> None:
    path = tmp_path / "other.db"
    if content is None:
        plain = sqlite3.connect(path)
        plain.execute("create table notes(text)")
        plain.execute("insert into notes values ('someone else''s data')")
        plain.commit()
        plain.close()
    else:
        path.write_bytes(content)
    before = sha(path)
    with pytest.raises(error) as err:
        Database.open(path, PASSPHRASE)
    assert words in str(err.value)
    assert "\n" not in str(err.value)
    assert sha(path) == before


def test_encrypted_database_of_another_program(tmp_path: Path) -> None:
    path = tmp_path / "foreign.db"
    conn = sqlcipher3.connect(str(path))
    conn.execute(f"PRAGMA key = '{PASSPHRASE}'")
    conn.execute("create table t(x)")
    conn.commit()
    conn.close()
    before = sha(path)
    with pytest.raises(NotADatabaseError, match="another program"):
        Database.open(path, PASSPHRASE)
    # Only a fresh schema may be added by an upgrade; here nothing is ours, so the check
    # must come before any write.
    assert sha(path) == before


def test_truncated_file(db: Database, db_path: Path) -> None:
    from wir_manager.services import demo

    demo.generate(db, candidates=200, requests=3, seed=1)
    db.close()
    data = db_path.read_bytes()
    half = db_path.with_name("half.db")
    half.write_bytes(data[: (len(data) // 2 // 4096) * 4096])
    odd = db_path.with_name("odd.db")
    odd.write_bytes(data[: len(data) - 100])
    for path in (half, odd):
        before = sha(path)
        with pytest.raises(DamagedDatabaseError, match=r"damaged|truncated"):
            Database.open(path, PASSPHRASE)
        assert sha(path) == before


def test_missing_and_existing(tmp_path: Path, db: Database, db_path: Path) -> None:
    with pytest.raises(DatabaseMissingError):
        Database.open(tmp_path / "nowhere.db", PASSPHRASE)
    with pytest.raises(DatabaseExistsError):
        Database.create(db_path, PASSPHRASE, OPERATOR)


def test_passphrase_change_keeps_data_and_retires_old(db: Database, db_path: Path) -> None:
    ids = fill_every_model(db)
    db.change_passphrase("a brand new passphrase")
    with db.session() as s:  # the open database keeps working with the new key
        assert s.get(m.Candidate, ids["candidate"]) is not None
    db.close()
    with pytest.raises(WrongPassphraseError):
        Database.open(db_path, PASSPHRASE)
    with Database.open(db_path, "a brand new passphrase") as again, again.session() as s:
        assert s.get(m.Candidate, ids["candidate"]).full_name.endswith(CANARY)


def test_standard_sqlcipher_file_opens_with_passphrase_only(db: Database, db_path: Path) -> None:
    """No sidecar: the passphrase alone opens it in any SQLCipher 4 tool."""
    fill_every_model(db)
    db.close()
    conn = sqlcipher3.connect(str(db_path))
    conn.execute(f"PRAGMA key = '{PASSPHRASE}'")
    names = [r[0] for r in conn.execute("select full_name from candidates")]
    conn.close()
    assert names and names[0].endswith(CANARY)
    assert sorted(p.name for p in db_path.parent.iterdir() if p.is_file()) == ["test.db"]


def test_plain_sqlite_cannot_read_it(db: Database, db_path: Path) -> None:
    fill_every_model(db)
    db.close()
    plain = sqlite3.connect(db_path)
    with pytest.raises(sqlite3.DatabaseError):
        plain.execute("select * from sqlite_master").fetchall()
    plain.close()


def test_canary_absent_from_every_file_while_open_and_after(
    db: Database, db_path: Path, isolated_home: Path
) -> None:
    fill_every_model(db)
    # While open, data sits in the -wal file too: it must be encrypted as well.
    written = [p for p in isolated_home.rglob("*") if p.is_file()]
    assert any(p.name.endswith("-wal") for p in written)
    needles = [CANARY.encode(), "سارة".encode(), b"sara@example.org", "कैनरी".encode("utf-16-le")]
    for path in written:
        data = path.read_bytes()
        for needle in needles:
            assert needle not in data, f"plaintext in {path.name}"
    db.close()
    for path in [p for p in isolated_home.rglob("*") if p.is_file()]:
        data = path.read_bytes()
        for needle in needles:
            assert needle not in data, f"plaintext in {path.name}"


def test_connection_settings(db: Database) -> None:
    with db.engine.connect() as conn:
        pragma = {
            name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in (
                "journal_mode",
                "foreign_keys",
                "temp_store",
                "secure_delete",
                "cipher_version",
                "kdf_iter",
            )
        }
    assert pragma["journal_mode"] == "wal"
    assert pragma["foreign_keys"] == 1
    assert pragma["temp_store"] == 2  # MEMORY
    assert pragma["secure_delete"] == 1
    assert str(pragma["cipher_version"]).startswith("4.")
    assert str(pragma["kdf_iter"]) == "256000"


def test_key_is_derived_once_per_unlock(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pooled connections get the raw key: opening many connections runs no KDF."""
    calls = []
    original = DatabaseKey.derive

    def counting(cls, passphrase: str, salt: bytes) -> DatabaseKey:
        calls.append(1)
        return original(passphrase, salt)

    monkeypatch.setattr(DatabaseKey, "derive", classmethod(counting))
    db.engine.dispose()
    conns = [db.engine.connect() for _ in range(4)]
    for conn in conns:
        conn.exec_driver_sql("select count(*) from candidates").scalar()
        conn.close()
    assert calls == []


def test_close_wipes_key(db: Database) -> None:
    key = db.key
    db.close()
    assert key.wiped
    assert "x'" not in repr(key) and key.salt.hex() not in repr(key)
    with pytest.raises(RuntimeError, match="locked"):
        key.pragma_literal()


def test_foreign_keys_cascade(db: Database) -> None:
    ids = fill_every_model(db)
    with db.session() as s:
        s.delete(s.get(m.Candidate, ids["candidate"]))
    with db.engine.connect() as conn:
        left = conn.exec_driver_sql(
            "select (select count(*) from candidate_languages) + "
            "(select count(*) from shortlist_entries)"
        ).scalar()
        orphan = conn.exec_driver_sql("select candidate_id from disclosure_candidates").scalar()
        # Placements stay as anonymous numbers (programme statistics), without the person.
        placed = conn.exec_driver_sql("select candidate_id from placements").all()
    assert left == 0
    assert orphan is None
    assert all(row[0] is None for row in placed)
