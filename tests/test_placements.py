"""Issue #12 core: the IGO's answers, placements and their consequences, check-ins,
outcomes, what is due, the timeline, privacy, and the CLI names scripts rely on.

Real SQLCipher database files; every expectation is worked out by hand from the small
world below (two WHO/UNEP requests, multilingual names)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import func, select

from tests.worlds import consenting_person, two_requests
from wir_manager.cli.main import main
from wir_manager.domain.enums import (
    CheckinKind,
    PlacementStatus,
    RequestStatus,
    ShortlistStatus,
    Stage,
    TimelineKind,
)
from wir_manager.i18n import using_language
from wir_manager.services import placements as pl
from wir_manager.services import privacy
from wir_manager.services.dossier.disclosure import record_disclosure
from wir_manager.services.matching import (
    ShortlistError,
    allowed_next,
    positions_warning,
    rank,
    save_shortlist,
    saved_shortlist,
    set_status,
)
from wir_manager.services.subject_export import collect
from wir_manager.storage import models as m

pytestmark = pytest.mark.backends

START = dt.date(2027, 1, 4)
END = dt.date(2027, 7, 4)
TODAY = dt.date(2026, 12, 20)


def _person(s, cid: int, name: str, country: str, gender: str, **kw):
    s.add(
        consenting_person(
            cid,
            name,
            country,
            gender,
            stage=kw.pop("stage", Stage.READY),
            consent_store_at=dt.date(2026, 6, 1),
            available_from=dt.date(2026, 11, 1),
            available_until=dt.date(2028, 12, 31),
        )
    )
    s.flush()
    s.add(m.CandidateLanguage(candidate_id=cid, code="en", level=5))


@pytest.fixture
def world(db):
    """Request 1 (WHO, one position) and request 2 (UNEP, two positions), both from
    2027-01-04 for six months, English ≥ B2; five ready people."""
    with db.session() as s:
        two_requests(s, start=START, deadline=dt.date(2026, 12, 28))
        _person(s, 10, "أمينة الحسن", "EG", "woman")
        _person(s, 11, "प्रिया शर्मा", "IN", "woman")
        _person(s, 12, "王伟", "CN", "man")
        _person(s, 13, "Мария Иванова", "RU", "woman")
        _person(s, 14, "Lars Svensson", "SE", "man")
    return db


def _accept(db, rid: int, cid: int, **kw):
    return pl.accept(
        db,
        pl.PlacementData(
            request_id=rid,
            candidate_id=cid,
            start_date=kw.pop("start", START),
            end_date=kw.pop("end", END),
            **kw,
        ),
    )


# --------------------------------------------------------------------------- answers
def test_answer_state_machine_offers_only_allowed_steps(world) -> None:
    assert [s.value for s in allowed_next("proposed")] == ["sent", "declined", "withdrew"]
    assert [s.value for s in allowed_next("sent")] == [
        "interview",
        "accepted",
        "declined",
        "withdrew",
    ]
    assert allowed_next("accepted") == () and allowed_next("declined") == ()
    save_shortlist(world, 1, 3)
    # A refusal names the steps that are allowed (#16.14), in the user's language.
    with pytest.raises(ShortlistError) as refused:
        set_status(world, 1, 10, "interview", interview_on=dt.date(2026, 12, 22))
    assert str(refused.value) == (
        "A shortlist entry cannot go from Proposed to Interview; from Proposed the next "
        "step is one of: Sent, Declined, Candidate withdrew."
    )
    with using_language("sv"), pytest.raises(ShortlistError) as refused:
        set_status(world, 1, 10, "accepted")
    assert "Föreslagen" in str(refused.value) and "Skickad" in str(refused.value)
    assert "cannot" not in str(refused.value)
    set_status(world, 1, 10, "sent")
    with pytest.raises(ShortlistError, match="date of the interview"):
        set_status(world, 1, 10, "interview")
    row = set_status(world, 1, 10, "interview", interview_on=dt.date(2026, 12, 22))
    assert (row.status, row.interview_on) == ("interview", dt.date(2026, 12, 22))
    # An interview may be moved.
    row = set_status(world, 1, 10, "interview", interview_on=dt.date(2026, 12, 23))
    assert row.interview_on == dt.date(2026, 12, 23)
    with pytest.raises(ShortlistError, match="placement"):
        set_status(world, 1, 10, "accepted")
    set_status(world, 1, 11, "sent")
    row = set_status(world, 1, 11, "declined", reason="language", note="Needs Arabic C1")
    assert (row.status, row.decline_reason, row.decline_note) == (
        "declined",
        "language",
        "Needs Arabic C1",
    )
    with pytest.raises(ShortlistError, match="reason for declining"):
        set_status(world, 1, 12, "declined", reason="rude")
    assert set_status(world, 1, 12, "withdrew").status == "withdrew"
    with pytest.raises(ShortlistError, match="Candidate withdrew is a final answer"):
        set_status(world, 1, 12, "sent")
    with db_session(world) as s:
        answers = s.execute(
            select(m.ShortlistAnswer.candidate_id, m.ShortlistAnswer.status).order_by(
                m.ShortlistAnswer.id
            )
        ).all()
    assert [(c, st.value) for c, st in answers] == [
        (10, "sent"),
        (10, "interview"),
        (10, "interview"),
        (11, "sent"),
        (11, "declined"),
        (12, "withdrew"),
    ]


def db_session(db):
    return db.session()


def test_dossier_marks_its_candidates_sent_with_the_disclosure(world) -> None:
    save_shortlist(world, 1, 3)
    did = record_disclosure(
        world,
        request_id=1,
        recipient="WHO",
        candidate_ids=[10, 11],
        contact_ids=[],
        sha256="0" * 64,
    )
    statuses = {r.candidate_id: r.status for r in saved_shortlist(world, 1)}
    assert statuses[10] == statuses[11] == "sent"
    assert [v for k, v in statuses.items() if k not in (10, 11)] == ["proposed"]
    with world.session() as s:
        named = s.scalars(
            select(m.DisclosureCandidate.candidate_id).where(
                m.DisclosureCandidate.disclosure_id == did
            )
        ).all()
    assert sorted(named) == [10, 11]


def test_saving_more_candidates_than_positions_warns(world) -> None:
    save_shortlist(world, 2, 2)
    assert positions_warning(world, 2) is None
    save_shortlist(world, 1, 3)
    assert "3 people for 1 position" in (positions_warning(world, 1) or "")


# --------------------------------------------------------------------------- placements
def test_accept_writes_placement_schedule_contact_and_fills_request(world) -> None:
    save_shortlist(world, 1, 2)
    set_status(world, 1, 10, "sent")
    change = _accept(
        world,
        1,
        10,
        liaison=pl.LiaisonData("Dr. Chen Jing", "Knowledge manager", "chen@who.example"),
        mentor="Sara Lindqvist",
        time_share=80,
        funding_source="WMF grant",
        funding_amount=12000,
        funding_currency="usd",
    )
    p = change.placement
    assert (p.status, p.organisation, p.time_share, p.funding_currency) == (
        PlacementStatus.PLANNED,
        "WHO",
        80,
        "USD",
    )
    assert p.liaison is not None and p.liaison.name == "Dr. Chen Jing"
    # Members in the record, the stored strings in its JSON (``placement … --json``).
    as_json = json.loads(json.dumps(p.to_json()))
    assert as_json["status"] == "planned" and type(p.to_json()["status"]) is str
    assert [c["kind"] for c in as_json["checkins"]][-2:] == ["checkin", "final"]
    assert any("now filled (1 of 1" in msg for msg in change.messages)
    # Six months: monthly check-ins at 1, 2, 4, 5 months, mid-term at 3, final at the end.
    assert [(c.kind, c.due_on) for c in p.checkins] == [
        (CheckinKind.CHECKIN, dt.date(2027, 2, 4)),
        (CheckinKind.CHECKIN, dt.date(2027, 3, 4)),
        (CheckinKind.MIDTERM, dt.date(2027, 4, 4)),
        (CheckinKind.CHECKIN, dt.date(2027, 5, 4)),
        (CheckinKind.CHECKIN, dt.date(2027, 6, 4)),
        (CheckinKind.FINAL, END),
    ]
    with world.session() as s:
        assert s.get(m.PlacementRequest, 1).status == RequestStatus.FILLED
        entry = s.scalars(select(m.ShortlistEntry).where(m.ShortlistEntry.candidate_id == 10)).one()
        assert entry.status == ShortlistStatus.ACCEPTED
        # Stage changes only when the placement starts.
        assert s.get(m.Candidate, 10).stage == Stage.READY
    assert pl.format_funding(12000, "USD").replace("\u00a0", " ") in ("US$12,000", "$12,000")
    # The liaison is a contact of WHO, reused (matched by e-mail) next time.
    contacts = pl.contacts_of(world, p.organisation_id)
    assert [c.name for c in contacts] == ["Dr. Chen Jing"]
    assert pl.placement_defaults(world, 1, 11).liaison_id == contacts[0].id
    with pytest.raises(pl.PlacementError, match="already filled"):
        _accept(world, 1, 11)


@pytest.mark.parametrize(
    ("code", "near_miss", "planned", "extended"),
    [
        (
            "en",
            "Available from 1 Feb 2027, request starts 4 Jan 2027",
            "Placement planned for Мария Иванова at WHO from 4 Jan 2027 to 4 Jul 2027.",
            "The placement now ends on 4 Oct 2027 (it was 4 Jul 2027).",
        ),
        (
            "sv",
            "Tillgänglig från 1 feb. 2027, förfrågan börjar 4 jan. 2027",
            "Placering planerad för Мария Иванова hos WHO från 4 jan. 2027 till 4 juli 2027.",
            "Placeringen slutar nu 4 okt. 2027 (det var 4 juli 2027).",
        ),
    ],
)
def test_dates_in_sentences_read_as_the_tables_do(
    world, british_dates, code: str, near_miss: str, planned: str, extended: str
) -> None:
    """A near miss and a placement message put their dates in the words of the language
    in use ("4 jan. 2027"), as the tables beside them do, not as ISO "2027-01-04"."""
    with world.session() as s:
        s.get(m.Candidate, 11).available_from = dt.date(2027, 2, 1)
    with using_language(code):
        reasons = {n.candidate_id: n.reason for n in rank(world, 1).near_misses}
        change = _accept(world, 1, 13)
        longer = pl.extend_placement(world, change.placement.id, dt.date(2027, 10, 4))
    assert reasons[11] == near_miss
    assert planned in change.messages
    assert longer.messages == (extended,)


def test_placed_candidate_leaves_other_rankings_with_a_near_miss(world, british_dates) -> None:
    before = rank(world, 2)
    assert 13 in [r.candidate_id for r in before.ranked]
    change = _accept(world, 1, 13)
    pid = change.placement.id
    # Accepted (planned): already out of the other ranking, and the near miss says where.
    after = rank(world, 2)
    assert 13 not in [r.candidate_id for r in after.ranked]
    near = {n.candidate_id: n.reason for n in after.near_misses}
    assert near[13] == "Accepted at WHO for 4 Jan 2027 to 4 Jul 2027; not ranked elsewhere"
    started = pl.start_placement(world, pid, on=START)
    assert any("stage Placed" in msg for msg in started.messages)
    near = {n.candidate_id: n.reason for n in rank(world, 2).near_misses}
    assert near[13] == "Placed at WHO until 4 Jul 2027; not ranked elsewhere while placed"
    with world.session() as s:
        assert s.get(m.Candidate, 13).stage == Stage.PLACED
    done = pl.complete_placement(world, pid, on=END)
    assert done.placement.status is PlacementStatus.COMPLETED
    with world.session() as s:
        assert s.get(m.Candidate, 13).stage == Stage.ALUMNI
        history = s.execute(
            select(m.StageChange.old, m.StageChange.new)
            .where(m.StageChange.candidate_id == 13)
            .order_by(m.StageChange.id)
        ).all()
    assert history == [("ready", "placed"), ("placed", "alumni")]


def test_overlap_rule_still_holds(world) -> None:
    _accept(world, 2, 12)
    with pytest.raises(pl.PlacementError, match="may not overlap"):
        _accept(world, 1, 12, start=dt.date(2027, 6, 1), end=dt.date(2027, 12, 1))
    # Half-open periods: starting the day the first one ends is fine.
    second = _accept(world, 1, 12, start=END, end=dt.date(2027, 12, 4))
    assert second.placement.status is PlacementStatus.PLANNED
    with pytest.raises(pl.PlacementError, match="may not overlap"):
        pl.extend_placement(
            world, pl.list_placements(world, request_id=2)[0].id, dt.date(2027, 8, 1)
        )


def test_two_positions_fill_one_by_one_and_cancel_reopens(world) -> None:
    first = _accept(world, 2, 10)
    assert any("1 of 2 positions filled" in msg for msg in first.messages)
    with world.session() as s:
        assert s.get(m.PlacementRequest, 2).status == RequestStatus.SHORTLISTING
    second = _accept(world, 2, 11)
    assert any("now filled (2 of 2" in msg for msg in second.messages)
    cancelled = pl.cancel_placement(world, second.placement.id, "Accepted a job offer")
    assert any("open again (1 of 2" in msg for msg in cancelled.messages)
    assert pl.filled_counts(world) == {2: 1}
    statuses = {r.candidate_id: r.status for r in saved_shortlist(world, 2)}
    assert statuses[11] == "withdrew"


def test_end_early_extension_history_and_checkin_edits(world) -> None:
    pid = _accept(world, 2, 14).placement.id
    pl.start_placement(world, pid, on=START)
    ext = pl.extend_placement(world, pid, dt.date(2027, 9, 4), "IGO asked for two more months")
    rec = ext.placement
    assert [(e.old_end, e.new_end) for e in rec.extensions] == [(END, dt.date(2027, 9, 4))]
    kinds = [(c.kind, c.due_on) for c in rec.checkins]
    assert (CheckinKind.FINAL, dt.date(2027, 9, 4)) in kinds
    assert (CheckinKind.CHECKIN, dt.date(2027, 8, 4)) in kinds
    assert (CheckinKind.CHECKIN, END) in kinds
    first = rec.checkins[0]
    moved = pl.update_checkin(
        world,
        first.id,
        due_on=dt.date(2027, 2, 10),
        done_on=dt.date(2027, 2, 10),
        note="Good start",
    )
    assert (moved.due_on, moved.done_on) == (dt.date(2027, 2, 10), dt.date(2027, 2, 10))
    with pytest.raises(pl.PlacementError, match="Say why"):
        pl.end_early(world, pid, "  ", on=dt.date(2027, 5, 1))
    ended = pl.end_early(world, pid, "Health reasons", on=dt.date(2027, 5, 1))
    assert (ended.placement.status, ended.placement.ended_on) == (
        PlacementStatus.ENDED_EARLY,
        dt.date(2027, 5, 1),
    )
    with world.session() as s:
        assert s.get(m.Candidate, 14).stage == Stage.ALUMNI


def test_outcomes_targets_and_actuals_per_report(world) -> None:
    rec = _accept(world, 1, 10).placement
    midterm = next(c for c in rec.checkins if c.kind is CheckinKind.MIDTERM)
    final = next(c for c in rec.checkins if c.kind is CheckinKind.FINAL)
    pl.set_target(world, rec.id, "articles_created", 40)
    pl.set_actual(world, rec.id, "articles_created", 15, checkin_id=midterm.id)
    pl.set_actual(world, rec.id, "articles_created", 22, checkin_id=final.id)
    pl.set_actual(world, rec.id, "articles_created", 23, checkin_id=final.id)  # replaces
    pl.set_actual(world, rec.id, "Podcasts recorded", "3")
    pl.set_target(world, rec.id, "pageviews", "1 000 000")
    got = {o.metric: (o.target, o.actual) for o in pl.outcomes(world, rec.id)}
    assert got == {
        "articles_created": (40, 38),
        "pageviews": (1_000_000, 0),
        "Podcasts recorded": (None, 3),
    }
    assert [o.metric for o in pl.outcomes(world, rec.id)][-1] == "Podcasts recorded"
    assert next(
        o for o in pl.outcomes(world, rec.id) if o.metric == "articles_created"
    ).progress == pytest.approx(0.95)
    with pytest.raises(pl.PlacementError, match="whole number"):
        pl.set_actual(world, rec.id, "events_held", "many")
    assert pl.totals(world)["articles_created"] == (40, 38)


def test_due_list_covers_every_source(world) -> None:
    save_shortlist(world, 1, 2)
    set_status(world, 1, 10, "sent")
    set_status(world, 1, 10, "interview", interview_on=dt.date(2026, 12, 18))
    planned = _accept(world, 2, 11, start=dt.date(2026, 12, 15), end=dt.date(2027, 6, 15))
    active = _accept(world, 2, 12, start=dt.date(2026, 7, 1), end=dt.date(2027, 1, 10))
    pl.start_placement(world, active.placement.id, on=dt.date(2026, 7, 1))
    with world.session() as s:
        s.get(m.Candidate, 14).consent_store_at = dt.date(2023, 1, 1)
    items = pl.due_items(world, today=TODAY)
    kinds = {(i.kind, i.subject, i.subject_id, i.overdue) for i in items}
    assert ("interview", "shortlist", 1, True) in kinds  # held 2 days ago, no answer yet
    assert ("request_deadline", "request", 1, False) in kinds  # 28 Dec, within 14 days
    assert ("placement_start", "placement", planned.placement.id, True) in kinds
    assert ("placement_ending", "placement", active.placement.id, False) in kinds
    # The active one's monthly check-ins from August to December are overdue.
    overdue_checkins = [i for i in items if i.kind == "checkin" and i.overdue]
    assert {i.subject_id for i in overdue_checkins} == {active.placement.id}
    assert len(overdue_checkins) == 5
    consent = [i for i in items if i.kind == "consent_renewal"]
    assert len(consent) == 1 and "1 person" in consent[0].title
    # Overdue lines come first.
    assert [i.overdue for i in items] == sorted((i.overdue for i in items), reverse=True)


def test_timeline_with_contact_notes(world, british_dates) -> None:
    save_shortlist(world, 1, 2)
    record_disclosure(
        world,
        request_id=1,
        recipient="WHO liaison",
        candidate_ids=[10],
        contact_ids=[],
        sha256="1" * 64,
    )
    set_status(world, 1, 10, "interview", interview_on=dt.date(2026, 12, 22))
    pid = _accept(world, 1, 10).placement.id
    pl.start_placement(world, pid, on=START)
    pl.add_contact_note(world, 10, "Phoned about the UNEP post", on=dt.date(2026, 12, 1))
    with pytest.raises(pl.PlacementError, match="Write what"):
        pl.add_contact_note(world, 10, "   ")
    texts = [e.text for e in pl.timeline(world, 10)]
    for expected in (
        "Shortlisted for “Wikidata resident for health data” (WHO)",
        "Dossier sent to WHO liaison",
        "WHO requested an interview on 22 Dec 2026",
        "WHO accepted",
        "Placement at WHO planned for 4 Jan 2027 to 4 Jul 2027",
        "Placement at WHO started",
        "Stage: Ready → Placed",
        # The operator of the file; on a server, the login (stamped by the server).
        f"Contact: Phoned about the UNEP post ({world.operator})",
        "Record created",
    ):
        assert expected in texts, expected
    events = pl.timeline(world, 10)
    assert [e.at for e in events] == sorted((e.at for e in events), reverse=True)
    # The kinds are members; ``timeline --json`` keeps writing the plain strings.
    assert all(type(e.kind) is TimelineKind for e in events)
    kinds = [e.to_json()["kind"] for e in events]
    assert all(type(k) is str for k in kinds)
    assert {"stage", "shortlist", "dossier", "answer", "placement", "note"} <= set(kinds)


# --------------------------------------------------------------------------- privacy
def test_subject_export_audit_and_erasure_keep_anonymous_numbers(world) -> None:
    rec = _accept(
        world, 1, 11, liaison=pl.LiaisonData("Ana Ruiz"), notes="Prefers mornings"
    ).placement
    pl.start_placement(world, rec.id, on=START)
    pl.set_target(world, rec.id, "people_trained", 50)
    pl.set_actual(world, rec.id, "people_trained", 61)
    pl.update_checkin(
        world, rec.checkins[0].id, done_on=dt.date(2027, 2, 4), note="प्रिया is doing well"
    )
    pl.add_contact_note(world, 11, "Asked प्रिया about the final report")
    data = collect(world, 11)
    titles = {sec.title: sec for sec in data.sections}
    assert {"Placements", "Check-ins and reports", "Contact notes", "Stage history"} <= set(titles)
    assert any("Prefers mornings" in map(str, row) for row in titles["Placements"].rows)
    assert any("Asked प्रिया" in str(row) for row in titles["Contact notes"].rows)
    # The audit log names fields, never values.
    with world.session() as s:
        logged = s.execute(
            select(m.AuditEntry.entity, m.AuditEntry.fields).where(
                m.AuditEntry.entity.in_(("placement", "contact_note", "outcome", "contact"))
            )
        ).all()
    assert {e for e, _f in logged} == {"placement", "contact_note", "outcome", "contact"}
    flat = json.dumps([f for _e, f in logged], ensure_ascii=False)
    assert "प्रिया" not in flat and "Prefers" not in flat and "61" not in flat
    privacy.erase_candidate(world, 11, compact_file=False)
    with world.session() as s:
        p = s.get(m.Placement, rec.id)
        assert (p.candidate_id, p.notes, p.organisation_id is not None) == (None, None, True)
        assert (p.start_date, p.end_date) == (START, END)
        assert all(c.note is None for c in s.scalars(select(m.PlacementCheckin)))
        assert s.scalar(select(func.count()).select_from(m.ContactNote)) == 0
        assert s.scalar(select(func.count()).select_from(m.StageChange)) == 0
        assert s.scalar(select(func.count()).select_from(m.ShortlistAnswer)) == 0
    assert pl.totals(world)["people_trained"] == (50, 61)
    assert pl.filled_counts(world) == {1: 1}
    assert pl.get_placement(world, rec.id).candidate_name is None


# --------------------------------------------------------------------------- CLI
def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_names_scripts_rely_on(
    world, db_args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    world.close()
    db = db_args
    code, out, _err = run(
        capsys,
        *db,
        "placement",
        "accept",
        "2",
        "12",
        "--start",
        "2027-01-04",
        "--end",
        "2027-07-04",
        "--liaison",
        "Kofi Mensah",
        "--json",
    )
    assert code == 0
    accepted = json.loads(out)
    assert (accepted["status"], accepted["liaison"]["name"]) == ("planned", "Kofi Mensah")
    code, out, _err = run(capsys, *db, "placements", "--json")
    rows = json.loads(out)
    assert {
        k: rows[0][k]
        for k in (
            "id",
            "candidate_id",
            "request_id",
            "organisation",
            "start_date",
            "end_date",
            "status",
        )
    } == {
        "id": accepted["id"],
        "candidate_id": 12,
        "request_id": 2,
        "organisation": "UNEP",
        "start_date": "2027-01-04",
        "end_date": "2027-07-04",
        "status": "planned",
    }
    pid = str(accepted["id"])
    assert (
        run(capsys, *db, "placement", "outcome", pid, "media_uploaded", "300", "--target")[0] == 0
    )
    code, out, _err = run(
        capsys, *db, "placement", "outcome", pid, "media_uploaded", "120", "--json"
    )
    assert json.loads(out) == {"metric": "media_uploaded", "target": 300, "actual": 120}
    code, out, err = run(capsys, *db, "placement", "outcome", pid, "media_uploaded", "lots")
    assert code == 1 and "whole number" in err
    code, out, _err = run(capsys, *db, "requests", "--json")
    by_id = {r["id"]: r for r in json.loads(out)}
    assert (by_id[2]["positions"], by_id[2]["filled"]) == (2, 1)
    assert (by_id[1]["positions"], by_id[1]["filled"]) == (1, 0)
    code, out, _err = run(capsys, *db, "due", "--json", "--today", "2026-12-25")
    due = json.loads(out)
    assert code == 0 and all("id" in d and "title" in d for d in due)
    assert {"request_deadline", "placement_start"} <= {d["kind"] for d in due}
    code, out, err = run(
        capsys,
        *db,
        "placement",
        "accept",
        "2",
        "12",
        "--start",
        "2027-03-01",
        "--end",
        "2027-05-01",
    )
    assert code == 1 and "may not overlap" in err
    code, out, _err = run(capsys, *db, "shortlist", "save", "1", "--top", "3")
    assert code == 0 and "3 people for 1 position" in _err
    code, out, err = run(capsys, *db, "shortlist", "status", "1", "10", "sent")
    assert code == 0
    code, out, err = run(
        capsys,
        *db,
        "shortlist",
        "status",
        "1",
        "10",
        "declined",
        "--reason",
        "budget",
        "--note",
        "No funds",
    )
    assert code == 0
    code, out, _err = run(
        capsys, *db, "timeline", "10", "--note", "Phoned about the UNEP post", "--json"
    )
    texts = [e["text"] for e in json.loads(out)]
    assert "WHO declined: Budget or funding — No funds" in texts
    assert any(t.startswith("Contact: Phoned about the UNEP post") for t in texts)


def test_demo_runs_again_on_a_filled_database_with_realistic_placements(db) -> None:
    """Seed 2, then seed 1 with no new requests (the shortlists it would answer are the
    first run's), then seed 1 again: each run places only its own people, at most
    MAX_PLACEMENTS (+ three planned) of them, nobody twice, and every placed or alumni
    person has a placement."""
    from wir_manager.services import demo
    from wir_manager.services.demo_placements import MAX_PLACEMENTS

    demo.generate(db, candidates=500, requests=20, seed=2)
    with db.engine.connect() as conn:
        first = conn.execute(select(func.count()).select_from(m.Placement)).scalar()
    assert 0 < first <= MAX_PLACEMENTS + 3
    demo.generate(db, candidates=100, requests=0, seed=1)
    demo.generate(db, candidates=500, requests=20, seed=1)
    rows = pl.list_placements(db)
    held = [r for r in rows if r.status is not PlacementStatus.CANCELLED]
    assert len({r.candidate_id for r in held}) == len(held)  # nobody placed twice
    assert len(rows) <= 3 * (MAX_PLACEMENTS + 3)
    with db.engine.connect() as conn:
        entries = conn.execute(
            select(m.ShortlistEntry.request_id, m.ShortlistEntry.candidate_id)
        ).all()
        staged = set(
            conn.execute(
                select(m.Candidate.id).where(m.Candidate.stage.in_([Stage.PLACED, Stage.ALUMNI]))
            ).scalars()
        )
    assert len(entries) == len(set(entries))
    assert staged <= {r.candidate_id for r in held}


def test_placement_writes_announce_their_own_kind_not_everything(world) -> None:
    """Outcomes, check-ins, contact notes and answers name what they changed, so a
    check-in marked done refreshes the placement views and not every screen (an unknown
    audit entity is announced as "everything")."""
    from wir_manager.storage.changes import Kind

    heard: list = []
    world.changes.subscribe(heard.append)
    pid = _accept(world, 1, 10).placement.id
    heard.clear()
    checkin = pl.get_placement(world, pid).checkins[0]
    pl.update_checkin(world, checkin.id, done_on=START)
    pl.save_outcomes(world, pid, {"articles_created": ("10", "4")}, checkin_id=checkin.id)
    pl.add_contact_note(world, 10, "Phoned about the UNEP post")
    save_shortlist(world, 2, 2)
    set_status(world, 2, save_shortlist(world, 2, 2)[0].candidate_id, "sent")
    kinds = [c.kinds for c in heard]
    assert kinds and all(k != Kind.ALL for k in kinds)
    assert kinds[0] == kinds[1] == kinds[2] == Kind.PLACEMENTS | Kind.AUDIT
    assert kinds[-1] == Kind.SHORTLISTS | Kind.AUDIT
