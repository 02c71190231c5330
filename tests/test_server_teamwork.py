"""Two clients on one PostgreSQL server at the same time: no lost update, and each sees
the other's changes within a second (LISTEN/NOTIFY). Two real connections (two pools,
two logins), on the test cluster ``tests/pg_cluster.py`` starts."""

from __future__ import annotations

import dataclasses
import datetime as dt
import queue
import threading
import time

import pytest
from sqlalchemy import select

from tests.conftest import PgServer
from tests.pg_cluster import LOGIN_PASSWORD
from wir_manager.services import candidates as svc
from wir_manager.services import demo
from wir_manager.services import requests as rq
from wir_manager.services.candidates import CandidateData
from wir_manager.services.concurrency import ConcurrentEditError
from wir_manager.services.records import LanguageSkill
from wir_manager.storage import models as m
from wir_manager.storage import server_admin
from wir_manager.storage.errors import StaleRecordError
from wir_manager.storage.server import ServerDatabase
from wir_manager.storage.server_admin import TeamRole
from wir_manager.storage.server_changes import ServerChange


def _person(**changes: object) -> CandidateData:
    base = CandidateData(
        full_name="陈美玲",
        username="ChenML",
        email="chen@example.org",
        country="TW",
        languages=(LanguageSkill("zh", 7), LanguageSkill("en", 5)),
        consent_store=True,
        consent_store_at=dt.date(2026, 2, 1),
    )
    return CandidateData(**{**{f: getattr(base, f) for f in base.__slots__}, **changes})


@pytest.fixture
def two_clients(pg_server: PgServer, server_db_url: str):
    """The admin (tester) and a coordinator login (``bo_<db>``), each with its own pool."""
    dbname = server_db_url.rsplit("/", 1)[1]
    login = f"bo_{dbname}"
    with ServerDatabase.connect(server_db_url) as admin:
        server_admin.add_user(admin, login, TeamRole.COORDINATOR, password=LOGIN_PASSWORD)
    a = ServerDatabase.connect(server_db_url)
    b = ServerDatabase.connect(pg_server.url(login, dbname))
    yield a, b
    a.close()
    b.close()


def test_a_stale_save_is_refused_with_who_and_when(two_clients) -> None:
    a, b = two_clients
    cid = svc.create_candidate(a, _person())
    seen_by_a = svc.get_candidate(a, cid).updated_at
    seen_by_b = svc.get_candidate(b, cid).updated_at
    assert seen_by_a == seen_by_b
    svc.update_candidate(
        b, cid, _person(notes="Hat Wikidata-Workshops geleitet"), expected_updated_at=seen_by_b
    )
    with pytest.raises(ConcurrentEditError) as refused:
        svc.update_candidate(
            a, cid, _person(notes="Led Commons workshops"), expected_updated_at=seen_by_a
        )
    error = refused.value
    assert error.changed_by == b.operator and b.operator in str(error)
    assert error.changed_at is not None and f"{error.changed_at:%Y-%m-%d %H:%M}" in str(error)
    assert svc.get_candidate(a, cid).data.notes == "Hat Wikidata-Workshops geleitet"
    # "Keep my version": save again over what is there now, on purpose.
    svc.update_candidate(
        a, cid, _person(notes="Led Commons workshops"), expected_updated_at=error.current_updated_at
    )
    assert svc.get_candidate(b, cid).data.notes == "Led Commons workshops"


def test_two_sessions_saving_the_same_row_cannot_both_win(two_clients) -> None:
    """version_id_col: both loaded version 1; the second UPDATE finds no such version."""
    a, b = two_clients
    cid = svc.create_candidate(a, _person())
    with pytest.raises(StaleRecordError, match="same moment"), b.session() as sb:
        row_b = sb.get(m.Candidate, cid)
        assert row_b is not None and row_b.row_version == 1
        with a.session() as sa:
            row_a = sa.get(m.Candidate, cid)
            assert row_a is not None
            row_a.notes = "A was first"
        row_b.notes = "B would overwrite A"
    with a.session() as s:
        row = s.get(m.Candidate, cid)
        assert row is not None and row.notes == "A was first" and row.row_version == 2


def test_simultaneous_form_saves_from_the_same_start_one_wins(two_clients) -> None:
    """Both clients press Save at once with the same loaded form: FOR UPDATE makes the
    second wait for the first and then refuse; nothing is lost either way."""
    a, b = two_clients
    cid = svc.create_candidate(a, _person())
    seen = svc.get_candidate(a, cid).updated_at
    start = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def save(db: ServerDatabase, note: str) -> None:
        start.wait()
        try:
            svc.update_candidate(db, cid, _person(notes=note), expected_updated_at=seen)
            outcomes[note] = "saved"
        except ConcurrentEditError:
            outcomes[note] = "refused"

    threads = [
        threading.Thread(target=save, args=(a, "from A")),
        threading.Thread(target=save, args=(b, "from B")),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(outcomes.values()) == ["refused", "saved"]
    winner = next(note for note, result in outcomes.items() if result == "saved")
    assert svc.get_candidate(b, cid).data.notes == winner


def test_requests_are_versioned_too(two_clients) -> None:
    a, _b = two_clients
    ids = demo.ensure_reference_data(a)
    org = next(v for k, v in ids.items() if k.startswith("org:"))
    saved = rq.save_request(
        a, rq.RequestData(organisation_id=org, title="Wikisource للمخطوطات", work_mode="remote")
    )
    first = rq.save_request(a, dataclasses.replace(saved, positions=2))
    with pytest.raises(ConcurrentEditError, match="tester changed this record"):
        rq.save_request(a, dataclasses.replace(saved, positions=3))
    assert rq.get_request(a, first.id).positions == 2
    with a.session() as s:
        assert s.get(m.PlacementRequest, first.id).row_version == 2


# ---------------------------------------------------------------- changes reach the others


def _collect(db: ServerDatabase) -> tuple[queue.Queue[ServerChange], object]:
    inbox: queue.Queue[ServerChange] = queue.Queue()
    listener = db.watch(inbox.put)
    return inbox, listener


def _next(inbox: queue.Queue[ServerChange], table: str, timeout: float = 5) -> ServerChange:
    deadline = time.monotonic() + timeout
    while True:
        change = inbox.get(timeout=max(0.01, deadline - time.monotonic()))
        if change.table == table:
            return change


def test_a_save_in_one_client_reaches_the_other(two_clients) -> None:
    a, b = two_clients
    inbox, _listener = _collect(a)
    cid = svc.create_candidate(b, _person(full_name="Олександр Шевченко", username="OlexS"))
    created = _next(inbox, "candidates")
    assert created.ids == (cid,) and created.login == b.operator
    seen = svc.get_candidate(b, cid).updated_at
    svc.update_candidate(
        b,
        cid,
        _person(full_name="Олександр Шевченко", username="OlexS", stage="screened"),
        expected_updated_at=seen,
    )
    change = _next(inbox, "candidates")  # how fast: bench/server.py's notify_to_refresh
    assert change.ids == (cid,) and change.operation == "update"
    # A child row alone (languages) reports its candidate.
    with b.session() as s:
        s.add(m.CandidateLanguage(candidate_id=cid, code="ru", level=5))
    assert _next(inbox, "candidates").ids == (cid,)


def test_own_changes_are_not_echoed_and_bulk_writes_are_few_notes(two_clients) -> None:
    a, b = two_clients
    inbox, _listener = _collect(a)
    svc.create_candidate(a, _person(username="OwnChange"))
    demo.generate(b, candidates=1200, requests=2, seed=9)
    changes: list[ServerChange] = []
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline:
        try:
            changes.append(inbox.get(timeout=0.3))
        except queue.Empty:
            if changes:
                break
    assert all(c.login == b.operator for c in changes)  # nothing from A itself
    about_candidates = [c for c in changes if c.table == "candidates"]
    # One note per statement, not per row; a big statement says "many" (ids None).
    assert 1 <= len(about_candidates) <= 20
    assert any(c.ids is None or len(c.ids) > 100 for c in about_candidates)
    assert any(c.table == "placement_requests" for c in changes)


def test_listener_stops_on_lock(two_clients) -> None:
    a, _b = two_clients
    listener = a.watch(lambda _c: None)
    assert listener._thread.is_alive()
    a.close()
    assert not listener._thread.is_alive()
    with pytest.raises(Exception, match="closed"), a.engine.connect() as conn:
        conn.execute(select(1))


def test_others_changes_reach_the_change_feed_and_the_pool_cache(two_clients) -> None:
    """follow_others: B's save arrives on A's change feed as if A had made it (what the
    desktop app's hub and the matching pool cache listen to), and A's next ranking
    re-reads only that person."""
    from wir_manager.services.matching import rank
    from wir_manager.services.matching.pool import POOL_CACHE
    from wir_manager.storage.changes import Kind

    a, b = two_clients
    demo.generate(a, candidates=60, requests=3, seed=4)
    with a.session() as s:
        rid = s.scalars(select(m.PlacementRequest.id).order_by(m.PlacementRequest.id)).first()
    POOL_CACHE.clear()
    rank(a, rid, top=None)
    assert POOL_CACHE.last_read == "cold"
    inbox: queue.Queue = queue.Queue()
    a.changes.subscribe(inbox.put)
    a.follow_others()
    from wir_manager.services.listing import list_candidates

    cid = list_candidates(b, limit=1)[0].id
    current = svc.get_candidate(b, cid)
    svc.update_candidate(
        b,
        cid,
        dataclasses.replace(current.data, notes="Leitete ein Wikidata-Edit-a-thon"),
        expected_updated_at=current.updated_at,
    )
    changes = inbox.get(timeout=5)  # how fast: bench/server.py's notify_to_refresh
    assert changes.touches(Kind.CANDIDATES) and changes.candidate_ids == frozenset({cid})
    rank(a, rid, top=None)
    assert POOL_CACHE.last_read == "partial", "only B's edited person is read again"
    # A new request by B: a requests change, no candidate named.
    org = next(v for k, v in demo.ensure_reference_data(b).items() if k.startswith("org:"))
    rq.save_request(b, rq.RequestData(organisation_id=org, title="Викитека", work_mode="remote"))
    while not (changes := inbox.get(timeout=5)).touches(Kind.REQUESTS):
        pass
    assert changes.candidate_ids == frozenset()
