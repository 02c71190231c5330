"""``wir-manager import / export / template`` end to end through ``main()``."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from tests.conftest import PASSPHRASE
from wir_manager.cli.main import main
from wir_manager.services import demo
from wir_manager.storage import models as m
from wir_manager.storage.database import Database


@pytest.fixture
def cli_db(db, db_path, monkeypatch):
    demo.generate(db, candidates=20, requests=2, seed=7)
    db.close()
    monkeypatch.setenv("WIR_MANAGER_PASSPHRASE", PASSPHRASE)
    return db_path


def _count(db_path: Path) -> int:
    with Database.open(db_path, PASSPHRASE) as db, db.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(m.Candidate)).scalar_one()


def _sheet(path: Path) -> Path:
    wb = openpyxl.Workbook()
    wb.active.append(["Name", "Username", "Languages"])
    wb.active.append(["New Person", "BrandNewUser", "sw:native; en:B2"])
    wb.save(path)
    return path


def test_import_needs_confirmation_without_a_terminal(cli_db, tmp_path, capsys) -> None:
    sheet = _sheet(tmp_path / "new.xlsx")
    args = ["--db", str(cli_db), "import", "candidates", str(sheet)]
    assert main([*args, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "1 new record(s) can be imported" in out and "Dry run: nothing was written." in out
    assert main(args) == 1
    captured = capsys.readouterr()
    assert "add --yes" in captured.err and "Nothing was written" in captured.err
    assert _count(cli_db) == 20
    assert main([*args, "--yes"]) == 0
    assert (
        "Imported 1 new and updated 0 existing candidate(s) in one transaction."
        in capsys.readouterr().out
    )
    assert _count(cli_db) == 21
    # the same file again: duplicate username, refused with the reason
    assert main([*args, "--yes"]) == 1
    captured = capsys.readouterr()
    assert "already exists" in captured.out and "Nothing was written" in captured.err
    assert _count(cli_db) == 21


def test_export_and_template_commands(cli_db, tmp_path, capsys) -> None:
    base = ["--db", str(cli_db)]
    assert main([*base, "export", "candidates", str(tmp_path / "c.xlsx")]) == 0
    assert "Wrote 20 candidates" in capsys.readouterr().out
    assert main([*base, "export", "training", str(tmp_path / "t.xlsx")]) == 0
    assert main([*base, "template", "candidates", str(tmp_path / "tpl.xlsx")]) == 0
    assert main([*base, "template", "requests", str(tmp_path / "rtpl.xlsx")]) == 0
    assert "request import template" in capsys.readouterr().out
    assert (tmp_path / "tpl.xlsx").exists()
    assert main([*base, "export", "shortlist", "1", str(tmp_path / "s.xlsx")]) == 1
    assert "no saved shortlist" in capsys.readouterr().err
    assert main([*base, "export", "candidates", str(tmp_path / "c.csv")]) == 1
    bad = tmp_path / "bad.xlsx"
    bad.write_text("name,username\n")
    assert main([*base, "import", "candidates", str(bad)]) == 1
    assert "is not a spreadsheet" in capsys.readouterr().err


def test_import_requests_command(cli_db, tmp_path, capsys) -> None:
    wb = openpyxl.Workbook()
    wb.active.append(["Organisation", "Title", "Work mode", "Languages", "Skills"])
    wb.active.append(["UNESCO", "Heritage data resident", "remote", "en:C1; fr:B2", "Wikidata:2"])
    path = tmp_path / "requests.xlsx"
    wb.save(path)
    code = main(["--db", str(cli_db), "import", "requests", str(path), "--yes"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "1 row" in captured.out and "Imported 1 record(s)" in captured.out
    with Database.open(cli_db, PASSPHRASE) as db, db.engine.connect() as conn:
        titles = [t for (t,) in conn.execute(select(m.PlacementRequest.title))]
    assert "Heritage data resident" in titles
