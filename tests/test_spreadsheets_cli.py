"""``wir-manager import / export / template`` end to end through ``main()``."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from tests.conftest import reopen
from wir_manager.cli.main import main
from wir_manager.services import demo
from wir_manager.storage import models as m


@pytest.fixture
def cli_db(db, db_args):
    """``--db TARGET`` of a small demo database (file or server)."""
    demo.generate(db, candidates=20, requests=2, seed=7)
    db.close()
    return db_args


def _count(db_args: list[str]) -> int:
    with reopen(db_args) as db, db.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(m.Candidate)).scalar_one()


def _sheet(path: Path) -> Path:
    wb = openpyxl.Workbook()
    wb.active.append(["Name", "Username", "Languages"])
    wb.active.append(["New Person", "BrandNewUser", "sw:native; en:B2"])
    wb.save(path)
    return path


@pytest.mark.backends
def test_import_needs_confirmation_without_a_terminal(cli_db, tmp_path, capsys) -> None:
    sheet = _sheet(tmp_path / "new.xlsx")
    args = [*cli_db, "import", "candidates", str(sheet)]
    assert main([*args, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "1 new record can be imported" in out and "Dry run: nothing was written." in out
    assert main(args) == 1
    captured = capsys.readouterr()
    assert "add --yes" in captured.err and "Nothing was written" in captured.err
    assert _count(cli_db) == 20
    assert main([*args, "--yes"]) == 0
    assert (
        "Imported 1 new candidate and updated 0 existing candidates in one transaction."
        in capsys.readouterr().out
    )
    assert _count(cli_db) == 21
    # the same file again: duplicate username, refused with the reason
    assert main([*args, "--yes"]) == 1
    captured = capsys.readouterr()
    assert "already exists" in captured.out and "Nothing was written" in captured.err
    assert _count(cli_db) == 21


@pytest.mark.backends
def test_export_and_template_commands(cli_db, tmp_path, capsys) -> None:
    base = cli_db
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


@pytest.mark.backends
def test_import_requests_command(cli_db, tmp_path, capsys) -> None:
    wb = openpyxl.Workbook()
    wb.active.append(["Organisation", "Title", "Work mode", "Languages", "Skills"])
    wb.active.append(["UNESCO", "Heritage data resident", "remote", "en:C1; fr:B2", "Wikidata:2"])
    path = tmp_path / "requests.xlsx"
    wb.save(path)
    code = main([*cli_db, "import", "requests", str(path), "--yes"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "1 row" in captured.out and "Imported 1 record in one transaction." in captured.out
    with reopen(cli_db) as db, db.engine.connect() as conn:
        titles = [t for (t,) in conn.execute(select(m.PlacementRequest.title))]
    assert "Heritage data resident" in titles


@pytest.mark.parametrize("n", [1, 2])
@pytest.mark.parametrize("code", ["en", "sv"])
def test_cli_import_output_counts_in_real_plurals(
    cli_db, tmp_path, capsys, monkeypatch, code: str, n: int
) -> None:
    """The CLI says "1 problem" and "2 problems" (never "1 problem(s)") in both languages."""
    from wir_manager import i18n
    from wir_manager.cli.commands.imports import wrote_training

    monkeypatch.setenv("WIR_MANAGER_LANG", code)  # the CLI's language, set by main()
    try:
        wb = openpyxl.Workbook()
        wb.active.append(["Name", "Username", "Email"])
        for i in range(n):
            wb.active.append([f"Layla Haddad {i}", f"LaylaH{i}", f"layla{i}@example.org"])
            wb.active.append([f"李娜 {i}", f"LiNa{i}", f"li{i}@"])
        path = tmp_path / "people.xlsx"
        wb.save(path)
        problems = tmp_path / "problems.xlsx"
        args = [*cli_db, "import", "candidates", str(path)]
        assert main(args) == 1
        out, err = capsys.readouterr()
        expected = {
            ("en", 1): ("1 problem must be fixed", "The sheet has 1 problem; fix it"),
            ("en", 2): ("2 problems must be fixed", "The sheet has 2 problems; fix them"),
            ("sv", 1): ("1 problem måste rättas", "Bladet har 1 problem; rätta det"),
            ("sv", 2): ("2 problem måste rättas", "Bladet har 2 problem; rätta dem"),
        }[code, n]
        assert expected[0] in out and expected[1] in err
        assert main([*args, "--skip-bad-rows", str(problems), "--yes"]) == 0
        out = capsys.readouterr().out
        done = {
            ("en", 1): "Imported 1 new candidate and updated 0 existing candidates",
            ("en", 2): "Imported 2 new candidates and updated 0 existing candidates",
            ("sv", 1): "Importerade 1 ny kandidat och uppdaterade 0 befintliga kandidater",
            ("sv", 2): "Importerade 2 nya kandidater och uppdaterade 0 befintliga kandidater",
        }[code, n]
        skipped = {
            ("en", 1): "1 row with problems is in",
            ("en", 2): "2 rows with problems are in",
            ("sv", 1): "1 rad med problem finns i",
            ("sv", 2): "2 rader med problem finns i",
        }[code, n]
        assert done in out and skipped in out and "(s)" not in out
        i18n.set_language(code)
        wrote = {
            ("en", 1): "Wrote 1 training record in one transaction. 1 candidate is now ready.",
            ("en", 2): "Wrote 2 training records in one transaction. 2 candidates are now ready.",
            ("sv", 1): "Skrev 1 utbildningspost i en transaktion. 1 kandidat är nu redo.",
            ("sv", 2): "Skrev 2 utbildningsposter i en transaktion. 2 kandidater är nu redo.",
        }  # fmt: skip
        assert wrote_training(n, n) == wrote[code, n]
    finally:
        i18n.set_language("en")
