"""The matching pool's fast cold read (aggregated text columns, covering indexes) reads
exactly what a plain row-by-row read of the same tables gives, for awkward values too;
the covering indexes exist after a schema upgrade and the reads really use them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import event, select

from tests.conftest import PASSPHRASE
from wir_manager.domain.enums import PlacementStatus, Stage, TrainingStatus
from wir_manager.services.matching import open_request_ids, rank
from wir_manager.services.matching.pool import (
    NO_DAY_HIGH,
    NO_DAY_LOW,
    POOL_CACHE,
    POOL_STAGES,
    VERIFIED_PLATFORMS,
    Pool,
    all_keys,
    load_pool,
    to_days,
)
from wir_manager.services.matching.requirements import load_requirements
from wir_manager.services.matching.scoring import evaluate
from wir_manager.storage import migrate
from wir_manager.storage import models as m
from wir_manager.storage.database import Database

COVERING = {
    "candidate_languages": "ix_candidate_languages_code_level_candidate",
    "candidate_skills": "ix_candidate_skills_platform_level_candidate",
    "candidate_topics": "ix_candidate_topics_topic_candidate",
    "training_progress": "ix_training_progress_status_module_candidate",
}


def _day(value: dt.date | None, missing: int) -> int:
    return to_days(value) if value is not None else missing


def _m49(value: str | None) -> int:
    return int(value) if value and value.isdigit() else -1


def reference_pool(db: Database, langs: list[str], platforms: list[str], topics: list[str]):
    """The pool built the slow, obvious way: ORM objects, one Python loop per row."""
    with db.session() as s:
        people = sorted(
            (
                c
                for c in s.scalars(select(m.Candidate))
                if c.consent_propose and c.stage.value in POOL_STAGES
            ),
            key=lambda c: c.id,
        )
        at = {c.id: i for i, c in enumerate(people)}
        n = len(people)
        mandatory = {t.id for t in s.scalars(select(m.TrainingModule)) if t.mandatory and t.active}
        pool = Pool(
            ids=np.array([c.id for c in people], dtype=np.int64),
            in_training=np.array([c.stage is Stage.IN_TRAINING for c in people], dtype=bool),
            avail_from=np.array([_day(c.available_from, NO_DAY_LOW) for c in people], np.int64),
            avail_until=np.array([_day(c.available_until, NO_DAY_HIGH) for c in people], np.int64),
            region=np.array([_m49(c.region) for c in people], np.int32),
            subregion=np.array([_m49(c.subregion) for c in people], np.int32),
            active_since=np.array([c.active_since or 0 for c in people], np.int32),
            edits=np.array([c.edit_count or 0 for c in people], np.int64),
            training_done=np.zeros(n, np.int32),
            mandatory_total=len(mandatory),
            lang={k: np.zeros(n, np.int8) for k in langs},
            skill={k: np.zeros(n, np.int8) for k in platforms},
            topic={k: np.zeros(n, bool) for k in topics},
            # A comma (the read's separator) in a code reads as a space, by design.
            country=np.array([(c.country or "").replace(",", " ") for c in people], object),
            relocate=np.array(
                [
                    -1 if c.willing_to_relocate is None else int(c.willing_to_relocate)
                    for c in people
                ],
                np.int8,
            ),
            placed=np.array([c.stage is Stage.PLACED for c in people], dtype=bool),
            verified_day=np.full(n, NO_DAY_LOW, np.int64),
            verified_edits={k: np.zeros(n, np.int64) for k in VERIFIED_PLATFORMS},
        )
        # A current snapshot of an existing account replaces the self-reported figures.
        for w in s.scalars(select(m.WikiSnapshot)):
            person = s.get(m.Candidate, w.candidate_id)
            if w.candidate_id not in at or not w.found or w.username != person.username:
                continue
            i = at[w.candidate_id]
            pool.verified_day[i] = to_days(w.fetched_at.date())
            pool.edits[i] = w.global_edit_count or 0
            if w.registration is not None:
                pool.active_since[i] = w.registration.year
            for k in VERIFIED_PLATFORMS:
                pool.verified_edits[k][i] = getattr(w, f"{k}_edits") or 0
        for p in sorted(s.scalars(select(m.Placement)), key=lambda p: p.start_date, reverse=True):
            if p.candidate_id in at and p.status.value in ("planned", "active"):
                org = s.get(m.Organisation, p.organisation_id) if p.organisation_id else None
                pool.commitments[at[p.candidate_id]] = (
                    (org.acronym or org.name) if org else "",
                    p.start_date,
                    p.end_date,
                    p.status.value,
                )
        for row in s.scalars(select(m.CandidateLanguage)):
            if row.candidate_id in at and row.code in pool.lang:
                pool.lang[row.code][at[row.candidate_id]] = row.level
        for row in s.scalars(select(m.CandidateSkill)):
            if row.candidate_id in at and row.platform.value in pool.skill:
                pool.skill[row.platform.value][at[row.candidate_id]] = row.level
        for row in s.scalars(select(m.CandidateTopic)):
            if row.candidate_id in at and row.topic.value in pool.topic:
                pool.topic[row.topic.value][at[row.candidate_id]] = True
        for row in s.scalars(select(m.TrainingProgress)):
            done = row.status is TrainingStatus.COMPLETED and row.module_id in mandatory
            if row.candidate_id in at and done:
                pool.training_done[at[row.candidate_id]] += 1
        placements = {
            (
                at[p.candidate_id],
                _day(p.start_date, NO_DAY_LOW),
                _day(p.ended_on or p.end_date, NO_DAY_HIGH),
            )
            for p in s.scalars(select(m.Placement))
            if p.candidate_id in at and p.status is not PlacementStatus.CANCELLED
        }
    return pool, placements


def assert_same_pool(db: Database) -> Pool:
    with db.connection() as conn:
        langs, platforms, topics = all_keys(conn)
        langs = [*langs, "xx-never-held"]  # an asked-for code nobody holds: a zero column
        got = load_pool(conn, languages=langs, platforms=platforms, topics=topics)
    want, placements = reference_pool(db, langs, platforms, topics)
    for name in (
        "ids",
        "in_training",
        "avail_from",
        "avail_until",
        "region",
        "subregion",
        "active_since",
        "edits",
        "training_done",
        "country",
        "relocate",
        "placed",
        "verified_day",
    ):
        assert getattr(got, name).tolist() == getattr(want, name).tolist(), name
    assert got.commitments == want.commitments
    assert {k: v.tolist() for k, v in got.verified_edits.items()} == {
        k: v.tolist() for k, v in want.verified_edits.items()
    }
    assert got.mandatory_total == want.mandatory_total
    for kind in ("lang", "skill", "topic"):
        mine, theirs = getattr(got, kind), getattr(want, kind)
        assert sorted(mine) == sorted(theirs), kind
        for key in theirs:
            assert mine[key].tolist() == theirs[key].tolist(), (kind, key)
    got_placements = set(
        zip(
            got.placement_idx.tolist(),
            got.placement_start.tolist(),
            got.placement_end.tolist(),
            strict=True,
        )
    )
    assert got_placements == placements
    return got


def _odd_people(db: Database, first_id: int) -> None:
    """Values a careless text read would trip over: NULLs everywhere, a separator inside a
    text column, a region that is not a number, child rows of people outside the pool."""
    with db.session() as s:
        s.add_all(
            [
                m.Candidate(  # all optional columns NULL
                    id=first_id,
                    full_name="Nulls Everywhere",
                    username=f"nulls{first_id}",
                    stage=Stage.READY,
                    consent_propose=True,
                ),
                m.Candidate(  # separator inside text columns, odd region code
                    id=first_id + 1,
                    full_name="Comma, Person",
                    username=f"comma{first_id}",
                    country="A,",
                    region="x,1",
                    subregion="02",
                    stage=Stage.IN_TRAINING,
                    consent_propose=True,
                    available_from=dt.date(2027, 2, 3),
                    active_since=2015,
                    edit_count=-3,
                ),
                m.Candidate(  # outside the pool (no consent) but holds languages etc.
                    id=first_id + 2,
                    full_name="No Consent",
                    username=f"noconsent{first_id}",
                    stage=Stage.READY,
                    consent_propose=False,
                ),
            ]
        )
        s.flush()
        for cid in (first_id + 1, first_id + 2):
            s.add(m.CandidateLanguage(candidate_id=cid, code="en", level=7))
            s.add(m.CandidateSkill(candidate_id=cid, platform="wikidata", level=3))
            s.add(m.CandidateTopic(candidate_id=cid, topic="health"))
        s.add(
            m.Placement(
                candidate_id=first_id + 1,
                request_id=open_request_ids(db)[0],
                start_date=dt.date(2027, 3, 1),
                end_date=dt.date(2027, 9, 1),
                status=PlacementStatus.ACTIVE,
            )
        )


@pytest.mark.backends
def test_fast_read_equals_row_by_row_read_on_demo_data(demo_db: Database) -> None:
    pool = assert_same_pool(demo_db)
    assert len(pool) > 50 and pool.in_training.any() and not pool.in_training.all()


@pytest.mark.backends
def test_fast_read_handles_nulls_separators_and_sparse_ids(demo_db: Database) -> None:
    _odd_people(demo_db, 1001)  # ids stay dense: the lookup-table path
    pool = assert_same_pool(demo_db)
    at = {int(c): i for i, c in enumerate(pool.ids)}
    assert pool.country[at[1002]] == "A "  # the separator never shifts other columns
    assert pool.region[at[1002]] == -1 and pool.subregion[at[1002]] == 2
    assert 1003 not in at
    # Placed people are read (so a ranking can say where they are placed): every
    # placement row is someone placed, plus the in-training person with a placement.
    busy = set(pool.placement_idx.tolist())
    assert at[1002] in busy
    committed = set(np.flatnonzero(pool.placed).tolist()) | set(pool.commitments)
    assert busy - {at[1002]} <= committed | {i for i in busy if not pool.placed[i]}
    assert set(np.flatnonzero(pool.placed).tolist()) <= busy
    _odd_people(demo_db, 50_000_000)  # very sparse ids: the binary-search path
    assert_same_pool(demo_db)


def _snapshots(db: Database) -> list[int]:
    """Wiki snapshots as verification leaves them: current ones with and without a
    registration date, one whose username was edited since, one of an account not found,
    and one of a person outside the pool."""
    with db.session() as s:
        inside = [
            c
            for c in s.scalars(select(m.Candidate).order_by(m.Candidate.id))
            if c.consent_propose and c.stage.value in POOL_STAGES
        ][:4]
        outside = next(c for c in s.scalars(select(m.Candidate)) if not c.consent_propose)
        day = dt.datetime(2026, 11, 30, 14, 5)
        rows = [
            (inside[0], inside[0].username, True, dt.date(2011, 2, 3), 12_345),
            (inside[1], inside[1].username, True, None, None),
            (inside[2], "renamed since", True, dt.date(2009, 1, 1), 99),
            (inside[3], inside[3].username, False, None, None),
            (outside, outside.username, True, dt.date(2015, 5, 5), 7),
        ]
        for k, (person, username, found, registration, edits) in enumerate(rows):
            s.merge(
                m.WikiSnapshot(
                    candidate_id=person.id,
                    fetched_at=day,
                    api="http://127.0.0.1/w/api.php",
                    username=username,
                    found=found,
                    registration=registration,
                    global_edit_count=edits,
                    wikipedia_edits=100 + k,
                    wikidata_edits=10 * k,
                    commons_edits=0,
                    wikisource_edits=k,
                    details={},
                )
            )
        return [c.id for c in inside]


@pytest.mark.backends
def test_current_wiki_snapshots_replace_self_reported_experience(demo_db: Database) -> None:
    inside = _snapshots(demo_db)
    pool = assert_same_pool(demo_db)
    at = {int(c): i for i, c in enumerate(pool.ids)}
    first, no_registration, renamed, not_found = (at[c] for c in inside)
    assert pool.active_since[first] == 2011 and pool.edits[first] == 12_345
    assert pool.verified_day[first] == to_days(dt.date(2026, 11, 30))
    assert pool.verified_edits["wikipedia"][first] == 100
    # Verified without a registration date: the edits are evidence, the year stays hers.
    assert pool.verified()[no_registration] and pool.edits[no_registration] == 0
    assert not pool.verified()[renamed] and not pool.verified()[not_found]
    assert pool.verified().sum() == 2


def test_people_read_is_one_pass_over_the_table(demo_db: Database) -> None:
    """Two people in three are in the pool: the read scans the table once instead of
    walking the stage index and looking each person up (twice the time)."""
    statements: list[tuple[str, object]] = []

    def capture(conn, cursor, statement, parameters, context, executemany):
        statements.append((statement, parameters))

    with demo_db.connection() as conn:
        event.listen(demo_db.engine, "before_cursor_execute", capture)
        try:
            load_pool(conn)
        finally:
            event.remove(demo_db.engine, "before_cursor_execute", capture)
        people = [
            (st, p) for st, p in statements if st.split("FROM")[1].strip().startswith("candidates")
        ]
        assert len(people) == 1
        plan = [
            row[-1]
            for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + people[0][0], people[0][1])
        ]
    assert plan == ["SCAN candidates"], plan


@pytest.mark.backends
def test_empty_pool_reads_as_empty_columns(db: Database) -> None:
    with db.connection() as conn:
        pool = load_pool(conn, languages=["en"], platforms=["wikidata"], topics=["health"])
    assert len(pool) == 0 and pool.language("en").shape == (0,)
    assert pool.training_done.shape == (0,) and len(pool.placement_idx) == 0


def test_rankings_and_near_misses_equal_those_of_the_reference_pool(demo_db: Database) -> None:
    """Every request: the same eligibility, near misses (exactly one failed required item)
    and scores as scoring the obvious row-by-row pool; the cold read prunes nobody."""
    weights = rank(demo_db, open_request_ids(demo_db)[0]).weights
    near_seen = 0
    for rid in open_request_ids(demo_db):
        with demo_db.connection() as conn:
            req = load_requirements(conn, rid)
            got = load_pool(
                conn, languages=req.language_codes, platforms=req.platforms, topics=req.topics
            )
        want, placements = reference_pool(
            demo_db, list(req.language_codes), list(req.platforms), list(req.topics)
        )
        rows = sorted(placements)
        want.placement_idx = np.array([r[0] for r in rows], np.int64)
        want.placement_start = np.array([r[1] for r in rows], np.int64)
        want.placement_end = np.array([r[2] for r in rows], np.int64)
        a, b = evaluate(req, got, weights), evaluate(req, want, weights)
        assert a.fails.tolist() == b.fails.tolist()
        assert a.score.tolist() == b.score.tolist()
        near_seen += int((a.fails == 1).sum())
        POOL_CACHE.clear()
        result = rank(demo_db, rid, top=None)
        assert result.eligible_count == int((b.fails == 0).sum())
        assert len(result.near_misses) == min(20, int((b.fails == 1).sum()))
        assert all(n.reason for n in result.near_misses)
    assert near_seen > 0  # the demo data really exercises near misses


def test_pool_reads_use_the_covering_indexes(demo_db: Database) -> None:
    """Each child-table read is an index-only range: no pass over a whole child table."""
    statements: list[tuple[str, object]] = []

    def capture(conn, cursor, statement, parameters, context, executemany):
        statements.append((statement, parameters))

    with demo_db.connection() as conn:
        req = load_requirements(conn, open_request_ids(demo_db)[0])
        event.listen(demo_db.engine, "before_cursor_execute", capture)
        try:
            load_pool(conn, languages=["en", "fr"], platforms=["wikidata"], topics=["health"])
        finally:
            event.remove(demo_db.engine, "before_cursor_execute", capture)
        plans: dict[str, list[str]] = {}
        for statement, parameters in statements:
            detail = [
                row[-1]
                for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)
            ]
            for table in COVERING:
                if f" {table}" in statement:
                    plans.setdefault(table, []).extend(detail)
    assert req.request_id > 0
    for table, index in COVERING.items():
        assert plans.get(table), f"{table} was not read"
        assert all(f"USING COVERING INDEX {index}" in d for d in plans[table]), plans[table]


def test_database_at_the_first_revision_gets_the_indexes_at_unlock(
    db: Database, db_path: Path
) -> None:
    """A file written before revision 0002 is backed up, then upgraded, when opened."""
    from wir_manager.storage import paths

    migrate.downgrade(db, "0001")  # the migration runner: foreign keys off, checked after
    assert migrate.current_revision(db) == "0001"
    with db.engine.connect() as conn:
        names = {
            r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='index'")
        }
    assert not set(COVERING.values()) & names
    db.close()
    with Database.open(db_path, PASSPHRASE) as upgraded:
        assert migrate.current_revision(upgraded) == migrate.head_revision() != "0001"
        with upgraded.engine.connect() as conn:
            names = {
                r[0]
                for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='index'")
            }
    assert set(COVERING.values()) <= names
    assert len(list(paths.backup_dir(db_path).glob("*.db"))) == 1


def test_downgrade_then_upgrade_leaves_no_drift(db: Database) -> None:
    """Revision 0002 drops its indexes and puts them back (0003, above it, adds the
    relocation column, so going down to 0001 also drops that, and later revisions
    their tables and columns)."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    migrate.downgrade(db, "0001")  # the migration runner: foreign keys off, checked after
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), m.Base.metadata)

        def name(d):
            d = d[0] if isinstance(d, list) else d  # modify_* entries come as lists
            if d[0] in ("add_index", "remove_index"):
                return d[1].name
            if d[0] in ("add_column", "remove_column"):
                return d[3].name
            return None  # tables and columns of later revisions (0004 …)

        changed = {name(d) for d in diff} - {None}
        assert {*COVERING.values(), "willing_to_relocate"} <= changed
    migrate.upgrade(db)
    with db.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), m.Base.metadata) == []
    assert migrate.current_revision(db) == migrate.head_revision()


def test_damaged_number_is_one_plain_sentence(demo_db: Database) -> None:
    """Text in a number column (another tool wrote the file) stops the ranking with a
    sentence, not a numpy traceback; the data is left as it was."""
    from wir_manager.services.matching.errors import PoolReadError

    rid = open_request_ids(demo_db)[0]
    person = int(rank(demo_db, rid, top=1).ranked[0].candidate_id)
    with demo_db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE candidates SET edit_count = 'lots' WHERE id = ?", (person,))
    POOL_CACHE.clear()
    with pytest.raises(PoolReadError, match="a stored value is damaged"):
        rank(demo_db, rid)
    with demo_db.engine.connect() as conn:
        stored = conn.exec_driver_sql(
            "SELECT edit_count FROM candidates WHERE id = ?", (person,)
        ).scalar()
    assert stored == "lots"


def test_damaged_level_is_one_plain_sentence(demo_db: Database) -> None:
    """Text in a level column stops the ranking with the same sentence."""
    from wir_manager.services.matching.errors import PoolReadError

    with demo_db.engine.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE candidate_skills SET level = 'lots' WHERE rowid = "
            "(SELECT min(rowid) FROM candidate_skills WHERE platform = 'wikidata')"
        )
    POOL_CACHE.clear()
    with demo_db.connection() as conn, pytest.raises(PoolReadError, match="is damaged"):
        load_pool(conn, platforms=["wikidata"])
