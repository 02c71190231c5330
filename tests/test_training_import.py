"""Training progress from Open edX / WikiLearn, Moodle and the Dashboard: real export
layouts (tests/fixtures/imports), a real encrypted database, hand-written expectations."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from wir_manager.domain.enums import Stage, TrainingStatus
from wir_manager.services import training as tr
from wir_manager.services.candidate_records import CandidateData
from wir_manager.services.candidates import create_candidate, set_stage
from wir_manager.services.spreadsheets import SpreadsheetError
from wir_manager.services.spreadsheets.training_import import (
    Layout,
    Match,
    Source,
    read_training,
    save_course_mapping,
    saved_course_mapping,
    write_training,
)
from wir_manager.storage import models as m

FIXTURES = Path(__file__).parent / "fixtures" / "imports"
EDX = FIXTURES / "WikiLearn+WIR101+2026_grade_report_2026-11-20-1015.csv"
EDX_PROBLEMS = FIXTURES / "WikiLearn+WIR101+2026_problem_grade_report_2026-11-20-1016.csv"
MOODLE = FIXTURES / "completion-wir101.csv"
DASHBOARD = FIXTURES / "dashboard-editors-wir-2026-11-25.csv"
TODAY = dt.date(2026, 12, 1)

PEOPLE = [
    ("ليلى حداد (Layla Haddad)", "Layla Haddad", "layla.haddad@example.org"),
    ("अनन्या शर्मा", "Ananya Sharma WMIN", "ananya.sharma@example.in"),
    ("王芳", "WangFang", "wang.fang@example.cn"),
    ("José Pérez", "Jose Perez", "jose.perez@example.es"),
    ("Иван Петров", "Ivan Petrov", "ivan.petrov@example.ru"),
    ("Åsa Lindqvist", "Åsa L", "asa.lindqvist@example.se"),
]


@pytest.fixture
def people(db):
    modules = tr.install_default_modules(db)
    ids = {}
    for name, username, email in PEOPLE:
        ids[username] = create_candidate(
            db, CandidateData(full_name=name, username=username, email=email)
        )
    set_stage(db, ids.values(), Stage.IN_TRAINING.value)
    return ids, {mod.title: mod.id for mod in modules}


def _progress(db, cid: int) -> dict[int, tuple[str, dt.date | None, int | None]]:
    tp = m.TrainingProgress
    with db.engine.connect() as conn:
        return {
            mid: (status.value, on, score)
            for mid, status, on, score in conn.execute(
                select(tp.module_id, tp.status, tp.completed_on, tp.score).where(
                    tp.candidate_id == cid
                )
            )
        }


def test_openedx_grade_report_matches_maps_and_never_goes_backwards(db, people) -> None:
    ids, modules = people
    layla, ananya = ids["Layla Haddad"], ids["Ananya Sharma WMIN"]
    m1 = modules["The Wikimedia movement and its projects"]
    m2 = modules["Working inside an intergovernmental organisation"]
    m3 = modules["Open licences for IGO content"]
    # Ananya already completed module 3 in the grid: a lower platform result must not undo it.
    tr.mark_completed(db, [ananya], [m3], on=dt.date(2026, 10, 1), score=95)

    report = read_training(db, EDX, "openedx", today=TODAY)
    assert report.layout is Layout.EDX_GRADES
    assert report.report_date == dt.date(2026, 11, 20)
    assert report.items == (
        "Module 1: The Wikimedia movement and its projects",
        "Module 2: Working inside an intergovernmental organisation",
        "Module 3: Open licences for IGO content",
        "Final Quiz",
    )
    assert report.mapping == {
        "Module 1: The Wikimedia movement and its projects": m1,
        "Module 2: Working inside an intergovernmental organisation": m2,
        "Module 3: Open licences for IGO content": m3,
        "Final Quiz": None,
    }
    assert report.unmapped == ["Final Quiz"]
    by_row = {x.row: x for x in report.learners}
    assert by_row[2].match is Match.USERNAME and by_row[2].candidate_id == layla  # Layla_Haddad
    assert by_row[3].match is Match.EMAIL and by_row[3].candidate_id == ananya  # ananya.s
    assert by_row[4].candidate_id == ids["WangFang"] and by_row[4].results == {}
    assert by_row[5].match is Match.UNMATCHED
    assert by_row[6].match is Match.AMBIGUOUS  # José's username, Ivan's e-mail
    assert [x.username for x in report.unmatched] == ["Stranger99"]
    assert any("Stranger99" in line for line in report.lines())

    written = write_training(db, report)
    assert written.written == 4  # Layla ×3, Ananya module 1; Ananya's module 3 kept
    assert report.kept == 1
    on = dt.date(2026, 11, 20)
    assert _progress(db, layla) == {
        m1: ("completed", on, 100),
        m2: ("completed", on, 90),
        m3: ("completed", on, 85),
    }
    assert _progress(db, ananya) == {
        m1: ("completed", on, 80),
        m3: ("completed", dt.date(2026, 10, 1), 95),
    }
    # Reading the same report again changes nothing: completed stays completed.
    again = read_training(db, EDX, "openedx", today=TODAY)
    assert again.changes == () and again.kept == 5


def test_completing_the_last_mandatory_module_promotes_like_the_grid(db, people) -> None:
    ids, _modules = people
    layla = ids["Layla Haddad"]
    mandatory = [mod for mod in tr.list_modules(db) if mod.mandatory]
    others = [
        mod.id
        for mod in mandatory
        if mod.title
        not in {
            "The Wikimedia movement and its projects",
            "Working inside an intergovernmental organisation",
            "Open licences for IGO content",
        }
    ]
    tr.mark_completed(db, [layla], others, on=dt.date(2026, 10, 1))
    result = write_training(db, read_training(db, EDX, Source.OPENEDX, today=TODAY))
    assert result.promoted == (layla,)
    with db.engine.connect() as conn:
        stage = conn.execute(select(m.Candidate.stage).where(m.Candidate.id == layla)).scalar()
    assert stage is Stage.READY


def test_problem_grade_report_sums_problems_per_subsection(db, people) -> None:
    _ids, _modules = people
    report = read_training(db, EDX_PROBLEMS, "openedx", today=TODAY)
    assert report.layout is Layout.EDX_PROBLEMS
    assert report.items == (
        "Module 1: The Wikimedia movement and its projects",
        "Module 3: Open licences for IGO content",
    )
    layla = next(x for x in report.learners if x.username == "Layla_Haddad")
    ananya = next(x for x in report.learners if x.username == "ananya.s")
    first, third = report.items
    assert (layla.results[first].status, layla.results[first].score) == (
        TrainingStatus.COMPLETED,
        100,
    )
    assert (layla.results[third].status, layla.results[third].score) == (
        TrainingStatus.COMPLETED,
        80,
    )
    # 1 of 5 points, the quiz not attempted: started, not completed.
    assert ananya.results[first].status is TrainingStatus.IN_PROGRESS
    assert third not in ananya.results


def test_moodle_completion_report_with_swedish_dates(db, people) -> None:
    ids, modules = people
    report = read_training(db, MOODLE, "moodle", today=TODAY)
    assert report.layout is Layout.MOODLE_COMPLETION
    assert report.items == (
        "Wikidata for institutional data",
        "Open licences for IGO content",
        "Kurs slutförd",
    )
    assert report.mapping["Kurs slutförd"] is None
    by_name = {x.name: x for x in report.learners}
    asa = by_name["Åsa Lindqvist"]
    assert asa.match is Match.EMAIL and asa.candidate_id == ids["Åsa L"]
    assert asa.results["Wikidata for institutional data"].on == dt.date(2026, 10, 15)
    assert asa.results["Open licences for IGO content"].on == dt.date(2026, 11, 3)
    assert asa.results["Kurs slutförd"].on == dt.date(2026, 11, 3)
    ivan = by_name["Ivan Petrov"]
    assert list(ivan.results) == ["Open licences for IGO content"]
    assert ivan.results["Open licences for IGO content"].on == dt.date(2026, 10, 28)
    assert by_name["Okänd Person"].match is Match.UNMATCHED
    write_training(db, report)
    wikidata = modules["Wikidata for institutional data"]
    assert _progress(db, ids["Åsa L"])[wikidata] == ("completed", dt.date(2026, 10, 15), None)
    assert _progress(db, ids["Layla Haddad"]) == {
        wikidata: ("completed", dt.date(2026, 11, 2), None)
    }


def test_dashboard_editors_modules_by_name_and_saved_course_mapping(db, people) -> None:
    ids, modules = people
    report = read_training(db, DASHBOARD, "dashboard", today=TODAY)
    assert report.layout is Layout.DASHBOARD_EDITORS
    assert report.items == (
        "Measuring and reporting impact",
        "Editing basics",
        "Running edit-a-thons and training staff",
    )
    assert report.unmapped == ["Editing basics"]
    assert [x.username for x in report.unmatched] == ["Nobody_Known"]
    # The person maps "Editing basics" once; the next export of the course gets it back.
    chosen = dict(report.mapping)
    chosen["Editing basics"] = modules["The Wikimedia movement and its projects"]
    mapped = read_training(db, DASHBOARD, "dashboard", mapping=chosen, today=TODAY)
    save_course_mapping(db, "WIR 2026 Dashboard", mapped)
    name, saved = saved_course_mapping(db, "dashboard", mapped.items)
    assert name == "WIR 2026 Dashboard" and saved == chosen
    write_training(db, mapped)
    on = dt.date(2026, 11, 25)
    assert _progress(db, ids["Layla Haddad"]) == {
        modules["Measuring and reporting impact"]: ("completed", on, None),
        modules["The Wikimedia movement and its projects"]: ("completed", on, None),
    }


def test_wrong_layout_is_one_sentence_and_writes_nothing(db, people) -> None:
    with pytest.raises(SpreadsheetError) as exc:
        read_training(db, DASHBOARD, "openedx", today=TODAY)
    assert "\n" not in str(exc.value)
    with pytest.raises(SpreadsheetError):
        read_training(db, EDX, "dashboard", today=TODAY)
    with db.engine.connect() as conn:
        assert conn.execute(select(m.TrainingProgress)).first() is None


@pytest.mark.parametrize(
    ("path", "platform"),
    [(EDX, "openedx"), (EDX_PROBLEMS, "openedx"), (MOODLE, "moodle"), (DASHBOARD, "dashboard")],
)
def test_another_platforms_export_is_named_as_such(db, people, path: Path, platform: str) -> None:
    """Chosen as the wrong platform, each fixture is refused in one sentence that names
    the platform it is an export of (the wizard then reads it as that one)."""
    from wir_manager.services.spreadsheets.training_import import WrongPlatformError

    for chosen in ("openedx", "moodle", "dashboard"):
        if chosen == platform:
            assert read_training(db, path, chosen, today=TODAY).items
            continue
        with pytest.raises(WrongPlatformError) as refused:
            read_training(db, path, chosen, today=TODAY)
        assert refused.value.found.value == platform
        assert str(refused.value) == (
            f"“{path.name}” is an export of {refused.value.found.label}, "
            f"not of {refused.value.chosen.label}."
        )


def test_cli_names_the_source_a_file_needs(db, db_path, people, monkeypatch, capsys) -> None:
    from tests.conftest import PASSPHRASE
    from wir_manager.cli.main import main

    db.close()
    monkeypatch.setenv("WIR_MANAGER_PASSPHRASE", PASSPHRASE)
    args = ["--db", str(db_path), "import", "training", str(DASHBOARD), "--source", "openedx"]
    assert main(args) != 0
    err = capsys.readouterr().err
    assert (
        f"“{DASHBOARD.name}” is an export of Programs & Events Dashboard, not of "
        "Open edX / WikiLearn: use --source dashboard." in err
    )


def test_cli_import_training_prints_unmatched_and_writes_after_yes(
    db, db_path, people, monkeypatch, capsys, tmp_path
) -> None:
    import json

    from tests.conftest import PASSPHRASE
    from wir_manager.cli.main import main

    _ids, _modules = people
    db.close()
    monkeypatch.setenv("WIR_MANAGER_PASSPHRASE", PASSPHRASE)
    base = ["--db", str(db_path), "import", "training", str(DASHBOARD), "--source", "dashboard"]
    assert main([*base, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Nobody_Known" in out and "Editing basics → (not used)" in out
    assert "Dry run: nothing was written." in out
    assert main(base) == 1  # no terminal, no --yes
    assert "add --yes" in capsys.readouterr().err
    mapping = tmp_path / "course.json"
    mapping.write_text(
        json.dumps({"Editing basics": "The Wikimedia movement and its projects"}), "utf-8"
    )
    assert main([*base, "--map", str(mapping), "--yes"]) == 0
    assert "Wrote 3 training records in one transaction." in capsys.readouterr().out
    assert main(["--db", str(db_path), "mappings", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


@pytest.mark.parametrize(
    ("code", "note"),
    [
        ("en", "The file has no dates; completions are dated 1 Dec 2026 (today)."),
        ("sv", "Filen har inga datum; slutföranden dateras 1 dec. 2026 (i dag)."),
    ],
)
def test_no_dates_note_reads_the_day_in_the_language_in_use(
    db, people, tmp_path: Path, british_dates, code: str, note: str
) -> None:
    """A grade report renamed without its date is dated today; the note saying so is read
    beside the other dates of the import, so it is not ISO text."""
    from wir_manager.i18n import using_language

    renamed = tmp_path / "grades.csv"
    renamed.write_bytes(EDX.read_bytes())
    with using_language(code):
        report = read_training(db, renamed, "openedx", today=TODAY)
    assert note in report.notes
