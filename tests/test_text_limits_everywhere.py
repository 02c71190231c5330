"""Every text a person writes has a maximum length (issue #17, revision 0009).

Candidates and affiliates were bounded in 0005; this covers the rest: requests,
organisations, contacts, shortlist notes and answers, placements and their reasons and
check-ins, contact notes, training modules, weight profiles, the disclosure log. The
file refuses over-long text whatever writes it (CHECK), a session refuses it with one
sentence naming the field (``storage.text_limits``), the request editor shows that
sentence beside the field while the text stays in the form, and an upgrade of a 0008
file with an over-long text shortens it and says so in the audit log.
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from tests.conftest import PASSPHRASE
from wir_manager import i18n
from wir_manager.services import requests as rq
from wir_manager.storage import migrate, paths
from wir_manager.storage import models as m
from wir_manager.storage.database import Database
from wir_manager.storage.errors import TextTooLongError


def _revision_0009():  # type: ignore[no-untyped-def]
    path = paths.migrations_dir() / "versions" / "0009_text_limits_everywhere.py"
    spec = importlib.util.spec_from_file_location("rev0009", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def swedish():  # type: ignore[no-untyped-def]
    i18n.set_language("sv")
    yield
    i18n.set_language("en")


def test_every_bounded_column_has_a_check_in_the_file(db: Database) -> None:
    limits = _revision_0009().LIMITS
    with db.engine.connect() as conn:
        for table, columns in limits.items():
            model_limits = {
                c.name: c.type.length
                for c in m.Base.metadata.tables[table].columns
                if type(c.type) is m.String and c.type.length
            }
            assert model_limits == columns, table  # the models and the revision agree
            sql = conn.execute(
                text("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = :t"),
                {"t": table},
            ).scalar_one()
            for column, limit in columns.items():
                assert f"ck_{table}_{column}_length" in sql, (table, column)
                assert f"length({column}) <= {limit}" in sql, (table, column)


def test_the_file_refuses_over_long_text_however_it_arrives(db: Database) -> None:
    org = m.Organisation.__table__
    with db.engine.begin() as conn:  # at the limit: stored
        conn.execute(
            org.insert().values(name="Всемирная организация здравоохранения", kind="un_agency")
        )
    with pytest.raises(IntegrityError, match="CHECK constraint failed"), db.engine.begin() as conn:
        conn.execute(org.insert().values(name="WHO", kind="un_agency", website="w" * 301))


def test_a_session_refuses_with_one_sentence_naming_the_field(db: Database) -> None:
    with pytest.raises(TextTooLongError) as caught, db.session() as s:
        s.add(m.Organisation(name="世界卫生组织", kind="un_agency", acronym="W" * 41))
    assert str(caught.value) == "The acronym is too long: at most 40 characters, this one has 41."
    with db.session() as s:
        assert s.scalar(select(m.Organisation.id)) is None  # nothing was written


def test_the_sentence_in_swedish(db: Database, swedish) -> None:  # type: ignore[no-untyped-def]
    name = "प्रोफ़ाइल " * 20
    with pytest.raises(TextTooLongError) as caught, db.session() as s:
        s.add(m.WeightProfile(name=name))
    assert str(caught.value) == (
        f"Profilnamnet har för många tecken: högst 100 är tillåtna, {len(name)} angavs."
    )
    data = rq.RequestData(title="Hälsodata", organisation_id=1, description="ö" * 20_001)
    problems = {p.field: p.message for p in rq.validate_request(data)}
    assert problems["description"] == (  # Swedish digit grouping
        "Förfrågans beskrivning har för många tecken: högst 20\u00a0000 är tillåtna, "
        "20\u00a0001 angavs."
    )


def test_request_validation_names_the_description_and_the_city() -> None:
    data = rq.RequestData(
        title="Wikidata resident for health data",
        organisation_id=1,
        description="ب" * 20_001,
        work_mode="onsite",
        duty_city="Genève" * 40,
        duty_country="CH",
    )
    problems = {p.field: p.message for p in rq.validate_request(data)}
    assert problems["description"] == (
        "The request description is too long: at most 20,000 characters, this one has 20,001."
    )
    assert "The duty city is too long: at most 200 characters" in problems["duty"]


def test_a_new_organisation_with_an_over_long_website_is_a_sentence() -> None:
    from wir_manager.services.requests.organisations import (
        NewOrganisation,
        OrganisationError,
        check_new_organisation,
    )

    with pytest.raises(OrganisationError, match="The website is too long: at most 300"):
        check_new_organisation(
            NewOrganisation(
                "Organisation internationale", None, "igo", None, "https://" + "x" * 300
            )
        )


def test_the_request_editor_shows_the_limit_and_keeps_the_text(
    qtbot, demo_db: Database, tmp_path: Path
) -> None:
    from wir_manager.qt.context import AppContext
    from wir_manager.qt.tasks import TaskRunner
    from wir_manager.qt.views.requests import RequestsView

    ctx = AppContext(
        demo_db, TaskRunner(), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    )
    view = RequestsView(ctx)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    qtbot.waitExposed(view)
    target = rq.list_request_rows(demo_db)[0].id
    row = view.model.row_of(target)
    view.ui.table.setCurrentIndex(view.proxy.mapFromSource(view.model.index(row, 0)))
    editor = view.editor
    assert editor.request_id == target
    before = rq.get_request(demo_db, target).description
    long_text = "Данные о здоровье — 健康数据. " * 800  # 22,400 characters
    editor.ui.descriptionEdit.setPlainText(long_text)
    qtbot.waitUntil(lambda: editor.ui.descriptionError.isVisible())
    assert editor.ui.descriptionError.text().startswith(
        "The request description is too long: at most 20,000 characters"
    )
    assert not editor.ui.saveButton.isEnabled()
    assert editor.ui.descriptionEdit.toPlainText() == long_text  # the form is kept
    assert rq.get_request(demo_db, target).description == before
    editor.ui.descriptionEdit.setPlainText(long_text[:19_000])
    assert not editor.ui.descriptionError.isVisible()
    assert editor.ui.saveButton.isEnabled()
    editor.ui.saveButton.click()
    assert rq.get_request(demo_db, target).description == long_text[:19_000].strip()


def _at_0008(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scripts = tmp_path / "migrations"
    shutil.copytree(paths.migrations_dir(), scripts, ignore=shutil.ignore_patterns("__pycache__"))
    for script in (scripts / "versions").glob("*.py"):
        if script.name[:4].isdigit() and int(script.name[:4]) > 8:
            script.unlink()
    monkeypatch.setattr(migrate, "migrations_dir", lambda: scripts)


def test_upgrading_a_0008_file_shortens_over_long_text_and_logs_it(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _at_0008(tmp_path, monkeypatch)
    old = Database.create(db_path, PASSPHRASE, "Operator 0008")
    with old.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO organisations (id, name, kind) VALUES (1, 'ООН-Хабитат', 'un_agency')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO placement_requests (id, organisation_id, title, description, "
                "work_mode, duration_months, positions, status, allow_in_training, created_at, "
                "updated_at) VALUES (1, 1, 'Урбанистика', :d, 'remote', 6, 1, 'open', 0, "
                "'2026-01-01 09:00:00', '2026-01-01 09:00:00')"
            ),
            {"d": "ж" * 30_000},
        )
    assert migrate.current_revision(old) == "0008"
    old.close()
    monkeypatch.undo()
    with Database.open(db_path, PASSPHRASE) as db:
        assert migrate.current_revision(db) == migrate.head_revision()
        with db.session() as s:
            description = s.scalar(select(m.PlacementRequest.description))
            audit = s.scalars(
                select(m.AuditEntry).where(m.AuditEntry.operator.like("upgrade 0009%"))
            ).all()
        assert description is not None and len(description) == 20_000
        assert description.endswith("…")
        assert [(a.entity, a.entity_id, a.fields) for a in audit] == [
            ("request", 1, ["description"])
        ]
        assert "ж" not in " ".join(a.operator for a in audit)  # names, never the value
