"""The pool cache follows the database's change notifications: after one candidate is
edited, the next ranking re-reads only that person — and ranks exactly as a cold read
of the whole pool would."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from tests.conftest import PASSPHRASE
from wir_manager.domain.enums import Stage
from wir_manager.services import candidates as svc
from wir_manager.services import training as tr
from wir_manager.services.matching import MatchResult, open_request_ids, rank
from wir_manager.services.matching.pool import POOL_CACHE
from wir_manager.services.records import LanguageSkill
from wir_manager.storage.database import Database


def _key(result: MatchResult) -> tuple[object, ...]:
    return (
        result.eligible_count,
        [(c.candidate_id, c.score, c.parts) for c in result.ranked],
        [(n.candidate_id, n.reason) for n in result.near_misses],
    )


def _cold(db: Database, rid: int) -> MatchResult:
    POOL_CACHE.clear()
    result = rank(db, rid, top=None)
    assert POOL_CACHE.last_read == "cold"
    return result


def _after_edit(db: Database, rid: int) -> MatchResult:
    result = rank(db, rid, top=None)
    assert POOL_CACHE.last_read == "partial", "only the edited people are read again"
    return result


@pytest.mark.backends
def test_ranking_after_one_edit_equals_a_cold_ranking(demo_db: Database) -> None:
    rid = open_request_ids(demo_db)[0]
    first = _cold(demo_db, rid)
    assert first.ranked
    rank(demo_db, rid, top=None)
    assert POOL_CACHE.last_read == "warm"

    # The best-ranked person loses every language: they drop out or sink.
    top = first.ranked[0].candidate_id
    detail = svc.get_candidate(demo_db, top)
    svc.update_candidate(
        demo_db, top, replace(detail.data, languages=()), expected_updated_at=detail.updated_at
    )
    edited = _after_edit(demo_db, rid)
    assert _key(edited) == _key(_cold(demo_db, rid))
    assert _key(edited) != _key(first)

    # Someone new who speaks everything at native level, with consent and ready.
    codes = sorted({code for code in _languages_asked(demo_db, rid)}) or ["en"]
    new_id = svc.create_candidate(
        demo_db,
        svc.CandidateData(
            full_name="Aiyana Nakamura-Ochieng",
            username="AiyanaNO",
            email="aiyana@example.org",
            country="KE",
            stage=Stage.READY.value,
            consent_store=True,
            consent_store_at=dt.date.today(),
            consent_propose=True,
            consent_propose_at=dt.date.today(),
            languages=tuple(LanguageSkill(code, 7) for code in codes),
        ),
    )
    added = _after_edit(demo_db, rid)
    assert _key(added) == _key(_cold(demo_db, rid))

    # Training marked for one person (the ready rule and the training part move).
    modules = [mod.id for mod in tr.list_modules(demo_db) if mod.mandatory]
    tr.mark_and_promote(demo_db, {mid: {new_id} for mid in modules})
    marked = _after_edit(demo_db, rid)
    assert _key(marked) == _key(_cold(demo_db, rid))

    # A deletion: the person leaves the pool.
    svc.delete_candidates(demo_db, [new_id])
    gone = _after_edit(demo_db, rid)
    assert new_id not in {c.candidate_id for c in gone.ranked}
    assert _key(gone) == _key(_cold(demo_db, rid))


def test_a_write_nobody_announced_still_reads_everything(demo_db: Database) -> None:
    """Another program (here: a second connection to the same file, whose notifications
    this cache never hears) changes someone: the stamp moved by writes the cache cannot
    account for, so it reads the whole pool again instead of trusting itself."""
    rid = open_request_ids(demo_db)[0]
    first = _cold(demo_db, rid)
    other = Database.open(demo_db.path, PASSPHRASE)
    try:
        svc.set_stage(other, [first.ranked[0].candidate_id], Stage.WITHDRAWN.value)
    finally:
        other.close()
    again = rank(demo_db, rid, top=None)
    assert POOL_CACHE.last_read == "cold"
    assert first.ranked[0].candidate_id not in {c.candidate_id for c in again.ranked}


def _languages_asked(db: Database, rid: int) -> list[str]:
    from wir_manager.services.matching.requirements import load_requirements

    with db.connection() as conn:
        return list(load_requirements(conn, rid).language_codes)
