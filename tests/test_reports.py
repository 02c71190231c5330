"""Programme and placement reports: the figures against a hand computation, the PDF
read back with pypdf (English and Swedish), the workbook with openpyxl, and nothing
personal in the programme report."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from tests.worlds import consenting_person
from wir_manager.cli.main import main
from wir_manager.domain.enums import PlacementStatus, RequestStatus, ShortlistStatus, Stage
from wir_manager.services import placements as pl
from wir_manager.services import reports
from wir_manager.storage import models as m

pytestmark = pytest.mark.backends

PERIOD = (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
IN_PERIOD = dt.datetime(2026, 3, 1, 10)

#: (id, name, country, gender as typed, stage, shortlisted, accepted)
PEOPLE: list[tuple[int, str, str | None, str | None, Stage, bool, bool]] = []


def _people() -> list[tuple[int, str, str | None, str | None, Stage, bool, bool]]:
    """Africa (Kenya): 12 women, 3 shortlisted, 1 accepted; Europe (Sweden): 10 men
    (gender typed three ways), 5 shortlisted, 2 accepted; Asia (India): 3 non-binary,
    1 shortlisted and accepted; plus 4 applied, 2 screened and 1 withdrawn."""
    out = []
    cid = 100
    names = [
        "أمينة",
        "Wanjiru",
        "Achieng",
        "Njeri",
        "Zawadi",
        "Halima",
        "Nia",
        "Imani",
        "Amani",
        "Baraka",
        "Neema",
        "Rehema",
    ]
    for i, name in enumerate(names):
        stage = Stage.PROPOSED if i < 3 else Stage.READY
        out.append((cid, f"{name} Kenya", "KE", "woman", stage, i < 3, i == 0))
        cid += 1
    for i in range(10):
        gender = ("Man", "man ", "MAN")[i % 3]
        stage = Stage.ALUMNI if i < 2 else (Stage.PROPOSED if i < 5 else Stage.READY)
        out.append((cid, f"Lars{i} Svensson", "SE", gender, stage, i < 5, i < 2))
        cid += 1
    for i, name in enumerate(("प्रिया", "आरव", "अनन्या")):
        out.append((cid, f"{name} शर्मा", "IN", "non-binary", Stage.READY, i == 0, i == 0))
        cid += 1
    for stage, n in ((Stage.APPLIED, 4), (Stage.SCREENED, 2), (Stage.WITHDRAWN, 1)):
        for _i in range(n):
            out.append((cid, f"Иван{cid} Петров", None, None, stage, False, False))
            cid += 1
    return out


@pytest.fixture
def world(db):
    people = _people()
    with db.session() as s:
        who = m.Organisation(name="World Health Organization", acronym="WHO")
        unep = m.Organisation(name="UN Environment Programme", acronym="UNEP")
        s.add_all([who, unep])
        s.flush()
        s.add(
            m.PlacementRequest(
                id=1,
                organisation_id=who.id,
                title="Wikidata resident for health data",
                positions=1,
                work_mode="remote",
                status=RequestStatus.FILLED,
                created_at=dt.datetime(2026, 1, 10, 9),
            )
        )
        s.add(
            m.PlacementRequest(
                id=2,
                organisation_id=unep.id,
                title="Commons resident for climate media",
                positions=3,
                work_mode="remote",
                status=RequestStatus.SHORTLISTING,
                created_at=dt.datetime(2026, 2, 1, 9),
            )
        )
        for cid, name, country, gender, stage, _sl, _acc in people:
            s.add(
                consenting_person(
                    cid, name, country, gender, stage=stage, created_at=dt.datetime(2025, 6, 1)
                )
            )
        s.flush()
        for cid, _name, _c, _g, _stage, shortlisted, accepted in people:
            if shortlisted:
                s.add(
                    m.ShortlistEntry(
                        request_id=2,
                        candidate_id=cid,
                        rank=1,
                        score=50.0,
                        score_parts={},
                        status=ShortlistStatus.ACCEPTED if accepted else ShortlistStatus.SENT,
                        created_at=IN_PERIOD,
                    )
                )
        # Placements: two at WHO/UNEP in the period, one before it, one cancelled.
        rows = [
            (
                100,
                1,
                who.id,
                dt.date(2026, 3, 1),
                dt.date(2026, 9, 1),
                PlacementStatus.COMPLETED,
                dt.datetime(2026, 2, 9, 12),
            ),
            (
                112,
                2,
                unep.id,
                dt.date(2026, 5, 1),
                dt.date(2026, 11, 1),
                PlacementStatus.ACTIVE,
                dt.datetime(2026, 4, 1),
            ),
            (
                113,
                2,
                unep.id,
                dt.date(2026, 6, 1),
                dt.date(2027, 1, 1),
                PlacementStatus.PLANNED,
                dt.datetime(2026, 5, 1),
            ),
            (
                122,
                None,
                who.id,
                dt.date(2024, 1, 1),
                dt.date(2024, 6, 1),
                PlacementStatus.COMPLETED,
                dt.datetime(2023, 12, 1),
            ),
            (
                101,
                2,
                unep.id,
                dt.date(2026, 6, 1),
                dt.date(2026, 12, 1),
                PlacementStatus.CANCELLED,
                dt.datetime(2026, 5, 2),
            ),
        ]
        for cid, rid, oid, start, end, status, made in rows:
            s.add(
                m.Placement(
                    candidate_id=cid,
                    request_id=rid,
                    organisation_id=oid,
                    start_date=start,
                    end_date=end,
                    status=status,
                    created_at=made,
                )
            )
    placements = {p.candidate_id: p.id for p in pl.list_placements(db)}
    pl.set_target(db, placements[100], "articles_created", 40)
    pl.set_actual(db, placements[100], "articles_created", 46)
    pl.set_target(db, placements[112], "articles_created", 20)
    pl.set_actual(db, placements[112], "articles_created", 5)
    pl.set_target(db, placements[112], "media_uploaded", 500)
    pl.set_actual(db, placements[112], "media_uploaded", 620)
    pl.set_actual(db, placements[122], "articles_created", 999)  # outside the period
    return db


def test_figures_match_a_hand_computation(world) -> None:
    r = reports.build_report(world, start=PERIOD[0], end=PERIOD[1])
    assert r.candidates == 32 and r.withdrawn == 1
    assert [(f.stage, f.at_stage, f.reached) for f in r.funnel] == [
        ("applied", 4, 31),
        ("screened", 2, 27),
        ("in_training", 0, 25),
        ("ready", 17, 25),
        ("proposed", 6, 8),
        ("placed", 0, 2),
        ("alumni", 2, 2),
    ]
    assert [f.conversion for f in r.funnel][:6] == pytest.approx(
        [27 / 31, 25 / 27, 1.0, 8 / 25, 2 / 8, 1.0]
    )
    assert r.funnel[-1].conversion is None
    # Three placements overlap 2026 (the cancelled one and the 2024 one do not count).
    assert r.placements == 3
    assert dict(r.by_organisation) == {"UNEP": 2, "WHO": 1}
    assert dict(r.by_gender) == {"Woman": 1, "Man": 2}
    assert dict(r.by_region) == {"Africa": 1, "Europe": 2}
    # Request 1 (created 10 Jan) was filled on 9 Feb: 30 days; request 2 is not filled.
    assert [(f.request_title, f.days) for f in r.fill_times] == [
        ("Wikidata resident for health data", 30)
    ]
    assert {o.metric: (o.target, o.actual) for o in r.outcomes} == {
        "articles_created": (60, 51),
        "media_uploaded": (500, 620),
    }


def test_equity_four_fifths_rule_matches_a_hand_computation(world) -> None:
    r = reports.build_report(world, start=PERIOD[0], end=PERIOD[1])
    tables = {(t.step, t.dimension): t for t in r.equity}
    ready = {row.group: row for row in tables[("ready_proposed", "region")].rows}
    # Africa 3/12 = 25 %, Europe 5/10 = 50 %, Asia 1/3 (too small to judge).
    assert (ready["Africa"].considered, ready["Africa"].selected) == (12, 3)
    assert (ready["Europe"].considered, ready["Europe"].selected) == (10, 5)
    assert (ready["Asia"].considered, ready["Asia"].selected) == (3, 1)
    assert tables[("ready_proposed", "region")].best_rate == pytest.approx(0.5)
    # 25 % < 4/5 × 50 % = 40 %: flagged, at half the highest rate.
    assert ready["Africa"].flagged and ready["Africa"].ratio == pytest.approx(0.5)
    assert not ready["Europe"].flagged and ready["Europe"].ratio == pytest.approx(1.0)
    assert ready["Asia"].too_small and not ready["Asia"].flagged
    warnings = " ".join(tables[("ready_proposed", "region")].warnings)
    assert "Too small to judge" in warnings and "Asia" in warnings
    assert "Africa: selection rate 25%" in warnings
    # Gender typed three ways ("Man", "man ", "MAN") is one group.
    gender = {row.group: row for row in tables[("ready_proposed", "gender")].rows}
    assert {g: (x.considered, x.selected) for g, x in gender.items()} == {
        "Woman": (12, 3),
        "Man": (10, 5),
        "Non-binary": (3, 1),
    }
    assert gender["Woman"].flagged
    # Proposed → accepted: 1/3, 2/5, 1/1 — every group is under 10, nothing is judged.
    accepted = tables[("proposed_accepted", "region")]
    assert {row.group: (row.considered, row.selected) for row in accepted.rows} == {
        "Africa": (3, 1),
        "Europe": (5, 2),
        "Asia": (1, 1),
    }
    assert not accepted.flagged
    assert any("Fewer than two groups" in w for w in accepted.warnings)


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def test_programme_pdf_and_xlsx_read_back_without_anything_personal(world, tmp_path: Path) -> None:
    pdf = tmp_path / "programme.pdf"
    reports.write_programme_report(world, pdf, start=PERIOD[0], end=PERIOD[1])
    assert stat.S_IMODE(os.stat(pdf).st_mode) == 0o600
    text = _pdf_text(pdf)
    for expected in (
        "Programme report",
        "Pipeline funnel",
        "Time from request to filled",
        "Placements per organisation",
        "Outcomes against targets",
        "Equity of outcomes",
        "below four fifths",
        "too small to judge",
        "Wikidata resident for health data",
    ):
        assert expected in text, expected
    xlsx = tmp_path / "programme.xlsx"
    reports.write_programme_report(world, xlsx, start=PERIOD[0], end=PERIOD[1])
    wb = openpyxl.load_workbook(xlsx)
    assert wb.sheetnames == [
        "Summary",
        "Funnel",
        "Time to fill",
        "Placements",
        "Outcomes",
        "Equity",
    ]
    funnel = [[c.value for c in row] for row in wb["Funnel"].iter_rows(min_row=2)]
    assert funnel[0][:3] == ["Applied", 4, 31]
    equity = [[c.value for c in row] for row in wb["Equity"].iter_rows(min_row=2)]
    assert [
        "Ready → proposed, by UN region",
        "Africa",
        12,
        3,
        0.25,
        0.5,
        "below four fifths",
    ] in equity
    cells = json.dumps(
        [[c.value for c in row] for ws in wb for row in ws.iter_rows()],
        default=str,
        ensure_ascii=False,
    )
    for cid, name, *_rest in _people():
        for personal in (name, f"user{cid}", f"user{cid}@example.org"):
            assert personal not in text and personal not in cells


@pytest.mark.parametrize(
    ("code", "sheet", "row"),
    [
        ("en", "Summary", ["Generated on", "20 Dec 2026"]),
        ("sv", "Sammanfattning", ["Skapad", "20 dec. 2026"]),
    ],
)
def test_programme_xlsx_says_when_it_was_made_in_its_language(
    world, tmp_path: Path, british_dates, code: str, sheet: str, row: list[str]
) -> None:
    """ "Generated on" is read, not computed with, so it reads as the PDF's date does."""
    xlsx = tmp_path / f"programme-{code}.xlsx"
    reports.write_programme_report(
        world, xlsx, start=PERIOD[0], end=PERIOD[1], language=code, today=dt.date(2026, 12, 20)
    )
    summary = [[c.value for c in r] for r in openpyxl.load_workbook(xlsx)[sheet].iter_rows()]
    assert row in summary


def test_programme_pdf_in_swedish(world, tmp_path: Path) -> None:
    pdf = tmp_path / "programrapport.pdf"
    reports.write_programme_report(world, pdf, start=PERIOD[0], end=PERIOD[1], language="sv")
    text = _pdf_text(pdf)
    for expected in ("Programrapport", "Tratt", "Jämlikhet", "Afrika", "under fyra femtedelar"):
        assert expected in text, expected
    from wir_manager.i18n import current_language

    assert current_language() == "en"  # the session's language is back


def test_placement_report_pdf(world, tmp_path: Path) -> None:
    pid = next(p.id for p in pl.list_placements(world) if p.candidate_id == 112)
    out = reports.write_placement_report(world, pid, tmp_path / "placement.pdf")
    text = _pdf_text(out)
    for expected in (
        "Placement report",
        "Lars0 Svensson",
        "UNEP",
        "Outcomes against targets",
        "Media files uploaded",
        "620",
    ):
        assert expected in text, expected
    with pytest.raises(reports.ReportWriteError, match=r"\.pdf"):
        reports.write_placement_report(world, pid, tmp_path / "placement.docx")


def test_cli_report_programme(world, db_args: list[str], tmp_path: Path, capsys) -> None:
    world.close()
    out = tmp_path / "r.pdf"
    code = main(
        [
            *db_args,
            "report",
            "programme",
            "-o",
            str(out),
            "--from",
            "2026-01-01",
            "--to",
            "2026-12-31",
            "--lang",
            "sv",
        ]
    )
    assert code == 0 and "Programrapport" in _pdf_text(out)
    code = main([*db_args, "report", "programme", "-o", str(tmp_path / "r.txt")])
    assert code == 1 and ".pdf or .xlsx" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("code", "overdue", "not_yet", "due"),
    [
        ("en", "overdue by 40 days", "not yet", "1 Jul 2026"),
        ("sv", "försenad med 40 dagar", "inte än", "1 juli 2026"),
    ],
)
def test_placement_report_says_a_check_in_is_overdue(
    world, british_dates, tmp_path: Path, code: str, overdue: str, not_yet: str, due: str
) -> None:
    """A check-in past its due date and not done reads "overdue by N days" beside its due
    date in the placement report, not "not yet" (kept for one still to come); a done one
    shows the day it was done. One day late is said in the singular."""
    pid = next(p.id for p in pl.list_placements(world) if p.candidate_id == 112)
    late = pl.add_checkin(world, pid, "checkin", dt.date(2026, 7, 1))
    pl.add_checkin(world, pid, "midterm", dt.date(2026, 8, 1))
    pl.add_checkin(world, pid, "final", dt.date(2026, 10, 15))
    done = pl.add_checkin(world, pid, "checkin", dt.date(2026, 6, 1))
    pl.update_checkin(world, done.id, done_on=dt.date(2026, 6, 3))
    out = reports.write_placement_report(
        world, pid, tmp_path / f"placement-{code}.pdf", language=code, today=dt.date(2026, 8, 10)
    )
    text = " ".join(_pdf_text(out).split())  # a cell may wrap its words
    assert f"{due} {overdue}" in text  # in the Done cell beside its due date
    assert {"en": "overdue by 9 days", "sv": "försenad med 9 dagar"}[code] in text
    assert text.count(not_yet) == 1  # the final report, still to come
    pl.update_checkin(world, late.id, due_on=dt.date(2026, 8, 9))
    again = reports.write_placement_report(
        world, pid, tmp_path / f"again-{code}.pdf", language=code, today=dt.date(2026, 8, 10)
    )
    assert {"en": "overdue by 1 day ", "sv": "försenad med 1 dag "}[code] in " ".join(
        _pdf_text(again).split()
    )
