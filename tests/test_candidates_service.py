"""Candidate service on a real encrypted database: CRUD, validation, index and filters."""

from __future__ import annotations

import datetime as dt

import pytest

from wir_manager.domain.enums import LanguageLevel, Stage
from wir_manager.services import candidates as svc
from wir_manager.services.candidates import CandidateData, CandidateFilter
from wir_manager.services.records import LanguageSkill, PlatformSkill
from wir_manager.storage.database import Database

#: Every test here runs on a SQLCipher file and on a real PostgreSQL server.
pytestmark = pytest.mark.backends


def _amina(**changes: object) -> CandidateData:
    base = CandidateData(
        full_name="أمينة الحسن",
        username="AminaH",
        email="amina@example.org",
        country="eg",
        languages=(LanguageSkill("ar", 7), LanguageSkill("en", 5)),
        skills=(PlatformSkill("wikidata", 3), PlatformSkill("commons", 0)),
        topics=("health", "gender"),
        consent_store=True,
        consent_store_at=dt.date(2026, 1, 5),
    )
    return CandidateData(**{**{f: getattr(base, f) for f in base.__slots__}, **changes})


def test_create_get_update_and_history(db: Database) -> None:
    cid = svc.create_candidate(db, _amina())
    detail = svc.get_candidate(db, cid)
    assert detail.data.full_name == "أمينة الحسن"
    assert detail.data.country == "EG"
    assert [s.platform for s in detail.data.skills] == ["wikidata"]  # level 0 dropped
    assert detail.data.topics == ("gender", "health")
    assert len(detail.training) == 0 or not detail.training_complete
    svc.update_candidate(
        db, cid, _amina(email="a@example.net", languages=(LanguageSkill("ar", 7),))
    )
    again = svc.get_candidate(db, cid)
    assert again.data.email == "a@example.net"
    assert [lang.code for lang in again.data.languages] == ["ar"]
    entries = svc.history(db, cid)
    assert [e.action for e in entries][-1] == "create"
    assert {"email", "languages"} <= set(entries[0].fields)
    # On a server "who" is the login, written by the server (not the client's name).
    assert entries[0].operator == ("tester" if db.is_server else "Test Operator")


def test_validation_names_every_field_and_writes_nothing(db: Database) -> None:
    svc.create_candidate(db, _amina())
    bad = _amina(
        full_name=" ",
        username="aminah",  # taken, case-insensitively
        email="not-an-email",
        available_from=dt.date(2026, 5, 1),
        available_until=dt.date(2026, 4, 1),
        consent_propose=True,
        languages=(LanguageSkill("xx-invalid-zz", 3),),
    )
    with pytest.raises(svc.CandidateValidationError) as info:
        svc.create_candidate(db, bad)
    assert set(info.value.errors) >= {
        "full_name",
        "username",
        "email",
        "available_until",
        "consent_propose_at",
        "languages",
    }
    assert db.info().counts["candidates"] == 1


def test_index_filters_match_sql_filters(demo_db: Database) -> None:
    index = svc.load_index(demo_db)
    assert len(index) == 300
    some = index.rows[7]
    filters = [
        CandidateFilter(text=some[svc.USERNAME][:4]),
        CandidateFilter(stages=frozenset({Stage.READY.value, Stage.IN_TRAINING.value})),
        CandidateFilter(place="002"),
        CandidateFilter(place=some[svc.COUNTRY]),
        CandidateFilter(language=("ar", LanguageLevel.C1.value)),
        CandidateFilter(skill=("wikidata", 2), topic="health"),
        CandidateFilter(training_complete=True, text="a"),
    ]
    for f in filters:
        rows = svc.match_rows(index, f, svc.id_sets_for(demo_db, f))
        via_index = sorted(index.rows[i][svc.ID] for i in rows)
        assert via_index == svc.filter_ids(demo_db, f), f
        assert via_index, f"demo data should have someone for {f}"


def test_refresh_index_patches_changed_new_and_deleted_rows(demo_db: Database) -> None:
    index = svc.load_index(demo_db)
    first = index.rows[0][svc.ID]
    svc.update_candidate(
        demo_db,
        first,
        svc.get_candidate(demo_db, first).data.__class__(
            **{
                **{
                    f: getattr(svc.get_candidate(demo_db, first).data, f)
                    for f in CandidateData.__slots__
                },
                "full_name": "Zzyzx Renamed",
            }
        ),
    )
    new = svc.create_candidate(demo_db, _amina())
    second = index.rows[1][svc.ID]
    svc.delete_candidates(demo_db, [second])
    gone = svc.refresh_index(demo_db, index, [first, new, second])
    assert gone == [second]
    assert len(index) == 300
    hits = svc.match_rows(index, CandidateFilter(text="zzyzx"))
    assert [index.rows[i][svc.ID] for i in hits] == [first]
    assert index.rows[index.position[new]][svc.LANGUAGES].startswith("ar native")


def test_set_stage_and_delete_many(demo_db: Database) -> None:
    ids = svc.filter_ids(demo_db, CandidateFilter(stages=frozenset({"applied"})))[:5]
    assert svc.set_stage(demo_db, ids, "screened") == len(ids)
    assert all(svc.get_candidate(demo_db, i).data.stage == "screened" for i in ids)
    assert svc.delete_candidates(demo_db, ids) == len(ids)
    with pytest.raises(svc.CandidateNotFoundError):
        svc.get_candidate(demo_db, ids[0])
    assert svc.history(demo_db, ids[0])[0].action == "delete"


def test_no_lost_update_between_two_windows(demo_db) -> None:
    from dataclasses import replace

    import pytest

    from wir_manager.services import candidates as svc
    from wir_manager.services.concurrency import ConcurrentEditError

    window_a = svc.get_candidate(demo_db, 1)
    window_b = svc.get_candidate(demo_db, 1)
    svc.update_candidate(
        demo_db,
        1,
        replace(window_a.data, notes="from window A"),
        expected_updated_at=window_a.updated_at,
    )
    with pytest.raises(ConcurrentEditError, match="another window"):
        svc.update_candidate(
            demo_db,
            1,
            replace(window_b.data, notes="from window B"),
            expected_updated_at=window_b.updated_at,
        )
    assert svc.get_candidate(demo_db, 1).data.notes == "from window A"
