"""The privacy and backup commands, run in-process through ``main(argv)``; plus fuzzing
of the whole argument parser: whatever is typed, no traceback and a sane exit code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import PASSPHRASE, SERVER_ADMIN
from wir_manager.cli.main import build_parser, main


@pytest.fixture
def cli_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WIR_MANAGER_PASSPHRASE", PASSPHRASE)
    path = tmp_path / "cli.db"
    assert main(["--db", str(path), "init", "--operator", "CLI Operator"]) == 0
    assert main(["--db", str(path), "demo", "--candidates", "30", "--requests", "2"]) == 0
    return path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def any_cli_db(request: pytest.FixtureRequest, backend: str) -> list[str]:
    """``--db TARGET`` of 30 demo candidates on this test's backend. On a file the
    operator is set by ``init --operator``; on a server it is the login, whatever the
    client says."""
    if backend == "sqlite":
        return ["--db", str(request.getfixturevalue("cli_db"))]
    db_args = request.getfixturevalue("db_args")
    assert main([*db_args, "demo", "--candidates", "30", "--requests", "2"]) == 0
    return db_args


@pytest.mark.backends
def test_erase_needs_yes_and_then_erases(any_cli_db: list[str], capsys) -> None:
    code, _out, err = _run(capsys, *any_cli_db, "erase", "4")
    assert code == 1 and "--yes" in err
    code, out, _err = _run(capsys, *any_cli_db, "erase", "4", "--yes")
    assert code == 0 and "erased" in out
    code, out, _err = _run(capsys, *any_cli_db, "candidates", "--json")
    assert 4 not in [c["id"] for c in json.loads(out)]
    code, _out, err = _run(capsys, *any_cli_db, "erase", "4", "--yes")
    assert code == 1 and "no candidate with id 4" in err and "Traceback" not in err


@pytest.mark.backends
def test_subject_export_and_audit(
    any_cli_db: list[str], backend: str, tmp_path: Path, capsys
) -> None:
    out_file = tmp_path / "subject.xlsx"
    code, _out, _err = _run(capsys, *any_cli_db, "subject-export", "2", "-o", str(out_file))
    assert code == 0 and out_file.exists()
    code, out, _err = _run(capsys, *any_cli_db, "audit", "--candidate", "2", "--json")
    rows = json.loads(out)
    assert code == 0 and rows and all(r["entity_id"] == 2 for r in rows)
    assert {"id", "at", "operator", "action", "entity", "fields"} <= set(rows[0])
    code, out, _err = _run(capsys, *any_cli_db, "audit")
    who = "CLI Operator" if backend == "sqlite" else SERVER_ADMIN  # the login
    assert code == 0 and who in out


def test_retention_report_ask_again_and_erase(cli_db: Path, capsys) -> None:
    args = ("--db", str(cli_db), "retention", "--consent-months", "1", "--json")
    code, out, _err = _run(capsys, *args)
    due = json.loads(out)
    assert code == 0 and len(due) == 30 and all("id" in d for d in due)
    code, out, _err = _run(capsys, *args, "--ask-again")
    assert code == 0 and all(d["consent_requested_at"] for d in json.loads(out))
    code, _out, err = _run(capsys, *args, "--erase")
    assert code == 1 and "--yes" in err
    code, _out, _err = _run(capsys, *args, "--erase", "--yes")
    assert code == 0
    code, out, _err = _run(capsys, "--db", str(cli_db), "candidates", "--json")
    assert json.loads(out) == []


def test_backup_list_restore(cli_db: Path, tmp_path: Path, capsys) -> None:
    copy = tmp_path / "copy.db"
    assert _run(capsys, "--db", str(cli_db), "backup", str(copy))[0] == 0
    code, _out, err = _run(capsys, "--db", str(cli_db), "backup", str(copy))
    assert code == 1 and "--force" in err
    assert _run(capsys, "--db", str(cli_db), "erase", "1", "--yes")[0] == 0
    code, _out, err = _run(capsys, "--db", str(cli_db), "restore", str(copy))
    assert code == 1 and "--yes" in err
    code, out, _err = _run(capsys, "--db", str(cli_db), "restore", str(copy), "--yes")
    assert code == 0 and "safety copy" not in out and "kept as" in out
    code, out, _err = _run(capsys, "--db", str(cli_db), "candidates", "--json")
    assert 1 in [c["id"] for c in json.loads(out)]
    code, out, _err = _run(capsys, "--db", str(cli_db), "backups", "--json")
    kinds = {b["kind"] for b in json.loads(out)}
    assert code == 0 and "before-restore" in kinds
    code, out, _err = _run(capsys, "--db", str(cli_db), "backups", "--auto", "--json")
    assert "automatic" in {b["kind"] for b in json.loads(out)}


def test_restore_from_random_bytes_is_a_sentence(cli_db: Path, tmp_path: Path, capsys) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"\x00garbage" * 1000)
    before = cli_db.read_bytes()
    code, _out, err = _run(capsys, "--db", str(cli_db), "restore", str(junk), "--yes")
    assert code == 1 and err.count("\n") == 1 and "Traceback" not in err
    assert cli_db.read_bytes() == before


# ---------------------------------------------------------------- fuzzing the parser


def _subcommands() -> list[str]:
    parser = build_parser()
    for action in parser._actions:  # argparse has no public accessor
        if hasattr(action, "choices") and isinstance(action.choices, dict):
            return sorted(action.choices)
    return []


SUBCOMMANDS = [c for c in _subcommands() if c != "gui"]
TOKENS = st.one_of(
    st.sampled_from(
        [
            "--json",
            "--yes",
            "--force",
            "--candidate",
            "-o",
            "--limit",
            "--seed",
            "--consent-months",
            "--ask-again",
            "--erase",
            "--help",
            "0",
            "-1",
            "1",
            "99999999999999999999999",
            "nan",
            "",
            " ",
            "--",
            "../../etc/passwd",
            "\x00",
            "é",
            "🙂",
            "--db",
            "=1",
        ]
    ),
    st.text(max_size=12),
)


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(command=st.sampled_from(SUBCOMMANDS), rest=st.lists(TOKENS, max_size=4))
def test_fuzzed_arguments_never_crash(
    command: str,
    rest: list[str],
    tmp_path: Path,
    capsys,
    monkeypatch,
) -> None:
    # A database that does not exist: commands must refuse politely, never create files
    # elsewhere, and never print a traceback.
    monkeypatch.delenv("WIR_MANAGER_PASSPHRASE", raising=False)
    monkeypatch.setattr("sys.stdin.isatty", lambda: False, raising=False)
    target = tmp_path / "fuzz" / "none.db"
    argv = ["--db", str(target), command, *rest]
    if command in ("init", "demo") or "--help" in rest or "-h" in rest:
        argv = [command, "--help"]
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse: usage errors (2) and --help (0)
        code = exc.code
    out, err = capsys.readouterr()
    assert code in (0, 1, 2), (argv, code, err)
    assert "Traceback" not in err and "Traceback" not in out
    assert "unexpected error" not in err, (argv, err)


@pytest.fixture(scope="module")
def fuzz_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from wir_manager.services import demo
    from wir_manager.storage.database import Database

    folder = tmp_path_factory.mktemp("fuzzdb")
    path = folder / "fuzz.db"
    with Database.create(path, PASSPHRASE, "Fuzz") as db:
        demo.generate(db, candidates=20, requests=2, seed=5)
    return path


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    command=st.sampled_from(
        [c for c in SUBCOMMANDS if c not in ("init", "demo", "passwd", "remember", "forget")]
    ),
    rest=st.lists(TOKENS, max_size=4),
)
def test_fuzzed_arguments_on_a_real_database(
    command: str,
    rest: list[str],
    fuzz_db: Path,
    tmp_path: Path,
    capsys,
    monkeypatch,
) -> None:
    monkeypatch.setenv("WIR_MANAGER_PASSPHRASE", PASSPHRASE)
    monkeypatch.setattr("sys.stdin.isatty", lambda: False, raising=False)
    monkeypatch.chdir(tmp_path)  # relative output names land in the test's folder
    argv = ["--db", str(fuzz_db), command, *rest]
    try:
        code = main(argv)
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    assert code in (0, 1, 2), (argv, code, err)
    assert "Traceback" not in err + out
    assert "unexpected error" not in err, (argv, err)
