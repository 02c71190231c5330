"""The command line: every foundation command, JSON shapes, and clear failures."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from wir_manager import __version__
from wir_manager.cli.main import build_parser, main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("WIR_MANAGER_PASSPHRASE", PASSPHRASE)
    return tmp_path / "cli.db"


def test_init_demo_list_info(capsys: pytest.CaptureFixture[str], env: Path) -> None:
    assert run(capsys, "--db", str(env), "init", "--operator", "Ada")[0] == 0
    code, out, _ = run(
        capsys, "--db", str(env), "demo", "--candidates", "60", "--requests", "4", "--seed", "5"
    )
    assert code == 0 and "60 candidates" in out

    code, out, _ = run(capsys, "--db", str(env), "candidates", "--json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 60
    first = rows[0]
    assert {
        "id",
        "name",
        "username",
        "email",
        "country",
        "stage",
        "languages",
        "skills",
    } <= first.keys()
    assert all({"code", "level"} == lang.keys() for lang in first["languages"])
    assert all({"platform", "level"} == sk.keys() for sk in first["skills"])
    assert len({r["id"] for r in rows}) == 60

    code, out, _ = run(capsys, "--db", str(env), "requests", "--json")
    reqs = json.loads(out)
    assert code == 0 and len(reqs) == 4
    assert {"id", "title", "organisation", "status", "positions"} <= reqs[0].keys()

    code, out, _ = run(capsys, "--db", str(env), "info", "--json")
    info = json.loads(out)
    assert info["counts"]["candidates"] == 60
    assert info["schema_revision"]
    assert info["cipher"]["cipher_version"].startswith("4.")
    assert PASSPHRASE not in out

    code, out, _ = run(capsys, "--db", str(env), "candidates")
    assert code == 0 and "Username" in out.splitlines()[0]


def test_demo_is_deterministic(
    capsys: pytest.CaptureFixture[str], env: Path, tmp_path: Path
) -> None:
    outputs = []
    for name in ("one.db", "two.db"):
        path = tmp_path / name
        run(
            capsys,
            "--db",
            str(path),
            "demo",
            "--candidates",
            "40",
            "--requests",
            "3",
            "--seed",
            "11",
        )
        outputs.append(
            run(capsys, "--db", str(path), "candidates", "--json")[1]
            + run(capsys, "--db", str(path), "requests", "--json")[1]
        )
    assert outputs[0] == outputs[1]
    run(capsys, "--db", str(tmp_path / "three.db"), "demo", "--candidates", "40", "--seed", "12")
    assert run(capsys, "--db", str(tmp_path / "three.db"), "candidates", "--json")[1] != outputs[0]


def test_demo_has_names_in_many_scripts(capsys: pytest.CaptureFixture[str], env: Path) -> None:
    import unicodedata

    run(capsys, "--db", str(env), "demo", "--candidates", "400", "--requests", "0")
    names = [
        r["name"] for r in json.loads(run(capsys, "--db", str(env), "candidates", "--json")[1])
    ]
    scripts = {unicodedata.name(ch).split()[0] for n in names for ch in n if ch.isalpha()}
    assert {"LATIN", "ARABIC", "DEVANAGARI", "CYRILLIC", "CJK"} <= scripts


def test_wrong_passphrase_exit_code(
    capsys: pytest.CaptureFixture[str], env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(capsys, "--db", str(env), "init")
    monkeypatch.setenv("WIR_MANAGER_PASSPHRASE", "wrong wrong wrong")
    code, _out, err = run(capsys, "--db", str(env), "info")
    assert code == 1
    assert err.strip() == (
        "wir-manager: The passphrase is wrong, or this file is not a WiR Manager database."
    )
    assert "Traceback" not in err


def test_missing_database_and_no_passphrase(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "--db", str(tmp_path / "none.db"), "candidates")
    assert code == 1 and "There is no database" in err


def test_passwd(
    capsys: pytest.CaptureFixture[str], env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(capsys, "--db", str(env), "demo", "--candidates", "10", "--requests", "1")
    monkeypatch.setenv("WIR_MANAGER_NEW_PASSPHRASE", "the new passphrase 2026")
    assert run(capsys, "--db", str(env), "passwd")[0] == 0
    assert run(capsys, "--db", str(env), "info")[0] == 1  # old passphrase no longer works
    monkeypatch.setenv("WIR_MANAGER_PASSPHRASE", "the new passphrase 2026")
    code, out, _ = run(capsys, "--db", str(env), "candidates", "--json")
    assert code == 0 and len(json.loads(out)) == 10


def test_help_on_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    commands = list(sub.choices)
    assert {"init", "demo", "candidates", "requests", "passwd", "info"} <= set(commands)
    for command in commands:
        with pytest.raises(SystemExit) as done:
            main([command, "--help"])
        assert done.value.code == 0
        assert "usage: wir-manager" in capsys.readouterr().out


def test_version_and_module_entry_point() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "wir_manager", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"wir-manager {__version__}"


def test_bad_arguments_are_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["demo", "--candidates", "lots"])
    assert done.value.code == 2
    assert "not a whole number" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], []),
        (["gui"], []),
        (["gui", "--demo"], ["--demo"]),
        (["--db", "x.db"], ["--db", "x.db"]),
        (["--db=x.db", "gui", "--demo"], ["--db", "x.db", "--demo"]),
        (["candidates"], None),
        (["gui", "--help"], None),
        (["--version"], None),
        (["--db"], None),
    ],
)
def test_gui_fast_path_decision(argv: list[str], expected: list[str] | None) -> None:
    """Starting the GUI skips building the full parser (and importing every command)."""
    from wir_manager.cli.main import gui_argv

    assert gui_argv(argv) == expected
