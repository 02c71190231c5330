"""Verifying candidates: dated snapshots in the encrypted database, nothing half-stored,
and rankings that change only through the Experience part, as the explanation says."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select

from tests.wiki_server import (
    Account,
    WikiFamily,
    wiki_fixture,  # noqa: F401 - the `wiki` fixture
)
from wir_manager.services.localefmt import format_date
from wir_manager.services.matching.ranking import rank
from wir_manager.services.progress import Progress
from wir_manager.services.wiki import verify as v
from wir_manager.storage import models as m
from wir_manager.storage.database import Database

CONTACT = "wir-programme@example.org"

NAMES = ("Amina Yusuf", "प्रिया शर्मा", "李文", "Олег Петров", "Fatima Zahra", "Sven Ek")


def settings(family: WikiFamily) -> v.WikiSettings:
    return v.WikiSettings(
        api=family.url(), uploads_api=family.url("/commons/w/api.php"), contact=CONTACT
    )


def add_people(db: Database, n: int) -> list[int]:
    """``n`` candidates with self-reported experience and usernames in many scripts."""
    with db.session() as s:
        people = [
            m.Candidate(
                full_name=f"{NAMES[i % len(NAMES)]} {i}",
                username=f"{NAMES[i % len(NAMES)]} {i}",
                edit_count=100 + i,
                active_since=2020,
            )
            for i in range(n)
        ]
        s.add_all(people)
        s.flush()
        return [p.id for p in people]


def give_accounts(family: WikiFamily, db: Database, *, every: int = 1) -> None:
    with db.engine.connect() as conn:
        rows = conn.execute(select(m.Candidate.id, m.Candidate.username)).all()
    for cid, name in rows:
        if cid % every == 0:
            family.add(
                Account(
                    name,
                    registration="2011-05-06T07:08:09Z",
                    edits={"enwiki": 10_000 + cid, "wikidatawiki": 2_100, "commonswiki": 45},
                    uploads=3,
                    blocked_on=("enwiki",) if cid % 7 == 0 else (),
                )
            )


def snapshot_rows(db: Database) -> dict[int, tuple]:
    with db.engine.connect() as conn:
        return {
            r[0]: tuple(r[1:])
            for r in conn.execute(
                select(
                    m.WikiSnapshot.candidate_id,
                    m.WikiSnapshot.fetched_at,
                    m.WikiSnapshot.global_edit_count,
                    m.WikiSnapshot.found,
                )
            )
        }


def test_verify_stores_dated_snapshots_and_audits_each(db: Database, wiki: WikiFamily) -> None:
    ids = add_people(db, 12)
    give_accounts(wiki, db, every=2)
    with db.session() as s:  # one candidate without a username is skipped, not an error
        s.add(m.Candidate(full_name="No Username", username=" "))
    report = v.verify_candidates(db, settings=settings(wiki))
    assert report.error is None and not report.cancelled
    assert len(report.stored) == 12 and len(report.without_username) == 1
    rows = snapshot_rows(db)
    assert set(rows) == set(ids)
    even = [i for i in ids if i % 2 == 0]
    assert all(rows[i][2] is True and rows[i][1] == 10_000 + i + 2_145 for i in even)
    assert all(rows[i][2] is False and rows[i][1] is None for i in ids if i % 2)
    snap = v.snapshot_of(db, even[0])
    assert snap is not None and snap.per_wiki["wikidatawiki"] == 2_100
    assert snap.commons_uploads == 3 and snap.registration.isoformat() == "2011-05-06"
    assert v.status_of(snap, snap.username) == v.VerifyStatus.VERIFIED
    assert v.status_of(snap, "Renamed Since") == v.VerifyStatus.NOT_VERIFIED
    statuses = v.verify_statuses(db)
    assert (
        statuses[ids[0]] == v.VerifyStatus.NOT_FOUND and statuses[ids[1]] == v.VerifyStatus.VERIFIED
    )
    with db.engine.connect() as conn:
        audits = conn.execute(
            select(m.AuditEntry.entity_id, m.AuditEntry.fields).where(
                m.AuditEntry.action == "verify"
            )
        ).all()
    assert sorted(a[0] for a in audits) == sorted(ids)
    assert all(a[1] == ["wiki_snapshot"] for a in audits)
    js = snap.to_json()
    for key in (
        "candidate_id",
        "username",
        "exists",
        "global_edit_count",
        "registration",
        "blocked",
        "per_wiki",
    ):
        assert key in js


def test_failure_keeps_the_previous_snapshot(db: Database, wiki: WikiFamily) -> None:
    ids = add_people(db, 4)
    give_accounts(wiki, db)
    v.verify_candidates(db, settings=settings(wiki))
    before = snapshot_rows(db)
    audits_before = _audit_count(db)
    for acc in wiki.accounts.values():
        acc.edits = {"enwiki": 1}
    # An answer in an odd shape for the third person: the group stops, nothing changes.
    wiki.malformed_for = {wiki.accounts[next(iter(wiki.accounts))].name}
    wiki.malformed_for = {list(wiki.accounts.values())[2].name}
    report = v.verify_candidates(db, ids, settings=settings(wiki))
    assert report.error and "unexpected shape" in report.error
    assert report.stored == [] and "keep their previous state" in report.summary()
    assert snapshot_rows(db) == before
    assert _audit_count(db) == audits_before
    # Offline: one sentence, snapshots kept.
    offline = v.WikiSettings(api="http://127.0.0.1:9/w/api.php", uploads_api=None, contact=CONTACT)
    report = v.verify_candidates(db, settings=offline)
    assert "cannot be reached" in (report.error or "")
    assert snapshot_rows(db) == before


def _audit_count(db: Database) -> int:
    with db.engine.connect() as conn:
        return conn.execute(
            select(func.count()).select_from(m.AuditEntry).where(m.AuditEntry.action == "verify")
        ).scalar_one()


def test_unknown_ids_are_a_sentence(db: Database, wiki: WikiFamily) -> None:
    add_people(db, 2)
    with pytest.raises(ValueError, match="no candidate with id 999"):
        v.verify_candidates(db, [1, 999], settings=settings(wiki))


def test_500_candidates_with_progress_and_a_cancel_half_way(db: Database, wiki: WikiFamily) -> None:
    ids = add_people(db, 500)
    give_accounts(wiki, db, every=3)
    wiki.maxlag_next = 1  # one lag error early on, waited out (5 s, really)
    seen: list[tuple[int, int]] = []
    stop = threading.Event()

    def callback(done: int, total: int, _msg: str) -> None:
        seen.append((done, total))
        if done == 260:
            stop.set()

    progress = Progress(callback=callback, cancelled=stop.is_set)
    report = v.verify_candidates(db, settings=settings(wiki), progress=progress)
    assert report.cancelled
    # Whole groups of 50 were stored before the cancel; the group being fetched was not.
    stored = snapshot_rows(db)
    assert len(stored) == len(report.stored) == 250
    assert set(stored) == set(ids[:250])
    assert _audit_count(db) == 250
    assert all(total == 500 for _done, total in seen)
    assert [d for d, _t in seen] == sorted(d for d, _t in seen)
    assert "Stopped on request" in report.summary()
    # The rest, without cancelling: progress reaches 500 of 500.
    seen.clear()
    report = v.verify_candidates(db, settings=settings(wiki), progress=Progress(callback=callback))
    assert len(report.stored) == 500 and not report.cancelled
    assert seen[-1] == (500, 500)
    assert len(snapshot_rows(db)) == 500
    assert wiki.max_in_flight == 1


def test_rankings_change_only_through_experience(demo_db: Database, wiki: WikiFamily) -> None:
    db = demo_db
    with db.engine.connect() as conn:
        request_ids = conn.execute(select(m.PlacementRequest.id)).scalars().all()
    before = max((rank(db, rid) for rid in request_ids), key=lambda r: len(r.ranked))
    request_id = before.request_id
    assert len(before.ranked) >= 12
    ranked_ids = [r.candidate_id for r in before.ranked][:20]
    with db.engine.connect() as conn:
        names = dict(
            conn.execute(
                select(m.Candidate.id, m.Candidate.username).where(m.Candidate.id.in_(ranked_ids))
            ).all()
        )
    for cid in ranked_ids[:10]:
        wiki.add(
            Account(
                names[cid],
                registration="2011-02-03T00:00:00Z",
                edits={"enwiki": 10_245, "wikidatawiki": 2_100},
            )
        )
    report = v.verify_candidates(db, ranked_ids[:12], settings=settings(wiki))
    assert len(report.stored) == 12
    after = rank(db, request_id)
    b = {r.candidate_id: r for r in before.ranked}
    a = {r.candidate_id: r for r in after.ranked}
    assert set(a) == set(b)  # eligibility is untouched
    day = format_date(report.stored[0].verified_on)  # as the tables show it
    changed = 0
    for cid, new in a.items():
        old = b[cid]
        for part, points in new.parts.items():
            if part != "experience":  # largest-remainder rounding may move a hundredth
                assert abs(points - old.parts[part]) <= 0.011, (cid, part)
        if cid in ranked_ids[:10]:
            text = " ".join(new.explanations)
            assert f"verified {day}: 12,345 edits, 2,100 on Wikidata" in text
            assert "on Wikimedia since 2011" in text
            changed += new.parts["experience"] != old.parts["experience"]
        else:
            # Not found on the wikis (ranked_ids[10:12]) or never asked: self-reported.
            assert new.parts["experience"] == old.parts["experience"]
            assert "verified" not in " ".join(new.explanations)
    assert changed >= 8


def test_skill_levels_get_an_evidence_note_never_a_change(
    demo_db: Database, wiki: WikiFamily
) -> None:
    db = demo_db
    with db.engine.connect() as conn:
        rid = (
            conn.execute(
                select(m.RequestSkill.request_id).where(m.RequestSkill.platform == "wikidata")
            )
            .scalars()
            .first()
        )
    assert rid is not None
    before = rank(db, rid)
    top = before.ranked[0]
    with db.engine.connect() as conn:
        name = conn.execute(
            select(m.Candidate.username).where(m.Candidate.id == top.candidate_id)
        ).scalar_one()
        levels = conn.execute(
            select(m.CandidateSkill.platform, m.CandidateSkill.level).where(
                m.CandidateSkill.candidate_id == top.candidate_id
            )
        ).all()
    wiki.add(Account(name, edits={"wikidatawiki": 1_200}))
    v.verify_candidates(db, [top.candidate_id], settings=settings(wiki))
    after = {r.candidate_id: r for r in rank(db, rid).ranked}[top.candidate_id]
    assert after.parts["skills"] == pytest.approx(top.parts["skills"], abs=0.011)
    assert any("(Evidence: 1,200 Wikidata edits, verified" in e for e in after.explanations)
    with db.engine.connect() as conn:
        assert (
            conn.execute(
                select(m.CandidateSkill.platform, m.CandidateSkill.level).where(
                    m.CandidateSkill.candidate_id == top.candidate_id
                )
            ).all()
            == levels
        )


def test_dossier_marks_verified_facts(demo_db: Database, wiki: WikiFamily, tmp_path) -> None:
    import io
    import unicodedata

    import pypdf
    from babel import Locale

    from wir_manager.services.dossier import render_dossier

    db = demo_db
    with db.engine.connect() as conn:
        request_ids = conn.execute(select(m.PlacementRequest.id)).scalars().all()
    best = max((rank(db, rid, top=5) for rid in request_ids), key=lambda r: len(r.ranked))
    top = best.ranked[0].candidate_id
    with db.engine.connect() as conn:
        name = conn.execute(select(m.Candidate.username).where(m.Candidate.id == top)).scalar_one()
    wiki.add(Account(name, registration="2011-02-03T00:00:00Z", edits={"enwiki": 12_345}))
    report = v.verify_candidates(db, [top], settings=settings(wiki))
    data, _pages, _ = render_dossier(db, best.request_id)
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages)
    text = " ".join(unicodedata.normalize("NFKC", text).split())  # "ﬁ" ligatures
    verified_on = report.stored[0].verified_on
    # The dossier's facts carry its own long dates ("2 December 2026", as "Available"
    # reads); the ranking's explanation reads as the tables do ("2 Dec 2026").
    day = format_date(verified_on, "long", locale=Locale.parse("en_GB"))
    assert f"12,345 (verified on the wikis {day}; self-reported" in text
    assert f"2011 (verified on the wikis {day})" in text
    assert f"verified {format_date(verified_on)}: 12,345 edits, 0 on Wikidata" in text
