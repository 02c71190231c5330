"""The canary: a full scripted CLI session, then every file the app wrote (database, WAL,
SHM, backups, logs, settings, temp dir) is searched for the canary person's data and for
the passphrases and key in plaintext. Only the deliberate exports may contain them."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from openpyxl import load_workbook

from wir_manager.cli.main import main

FIRST = "correct horse battery staple canary"
SECOND = "second canary passphrase 42"
CANARY = {
    "name": "Quilliam Vexborough-Tsering",
    "username": "QuillVexCanary",
    "email": "quill.vex.canary@example.org",
    "notes": "CANARY-NOTE: asthma, lives near Kyiv",
}
IMPORTED = {
    "name": "Zorabel Imported-Canary",
    "username": "ZorabelImportCanary",
    "email": "zorabel.import@example.org",
}
SHORTLIST_NOTE = "CANARY shortlist remark: strong Wikidata portfolio"


def _needles(key_hex: str | None) -> dict[str, list[bytes]]:
    texts = [*CANARY.values(), *IMPORTED.values(), SHORTLIST_NOTE]
    out: dict[str, list[bytes]] = {}
    for text in texts:
        out[text] = [text.encode("utf-8"), text.encode("utf-16-le")]
        # the longest word alone, in case a field is stored split or re-cased
        word = max(text.replace("-", " ").replace("@", " ").split(), key=len)
        out[f"{text} / {word}"] = [word.encode("utf-8"), word.lower().encode("utf-8")]
    for secret in (FIRST, SECOND):
        out[f"passphrase {secret}"] = [secret.encode("utf-8"), secret.encode("utf-16-le")]
    if key_hex:
        out["raw key"] = [key_hex.encode(), key_hex.upper().encode(), bytes.fromhex(key_hex)]
    return out


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert code == 0, (argv, err)
    return out


@pytest.mark.slow
def test_no_plaintext_outside_deliberate_exports(
    isolated_home: Path,
    tmp_path: Path,
    capsys,
    monkeypatch,
) -> None:
    from tests.trust_support import add_person
    from wir_manager.storage.database import Database

    tmpdir = Path(os.environ["TMPDIR"])
    exports = tmp_path / "exports"  # the only place personal data may appear in clear
    exports.mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("WIR_MANAGER_PASSPHRASE", FIRST)
    db_path = isolated_home / "data" / "wir-manager.db"
    run = lambda *a: _run(capsys, *a)  # noqa: E731

    run("init", "--operator", "Canary Operator")
    run("demo", "--candidates", "120", "--requests", "6", "--seed", "11")
    with Database.open(db_path, FIRST) as db:
        canary_id = add_person(db, **CANARY)
        key_hex = db.key.key_hex()

    # spreadsheet round trip: template → filled by "the user" → import; export
    template = exports / "template.xlsx"
    run("template", "candidates", str(template))
    wb = load_workbook(template)
    ws = wb["Candidates"]
    header = [c.value for c in ws[1]]
    row = [c.value for c in ws[2]]
    row[header.index("Name")] = IMPORTED["name"]
    row[header.index("Username")] = IMPORTED["username"]
    row[header.index("Email")] = IMPORTED["email"]
    for r in range(2, ws.max_row + 1):
        for c in ws[r]:
            c.value = None
    for i, value in enumerate(row, start=1):
        ws.cell(2, i, value)
    filled = exports / "to-import.xlsx"
    wb.save(filled)
    run("import", "candidates", str(filled), "--yes")
    run("export", "candidates", str(exports / "all.xlsx"))

    listed = json.loads(run("candidates", "--json"))
    assert IMPORTED["username"] in {c["username"] for c in listed}

    # matching, shortlist with a note about the canary, dossier
    request_id = None
    for req in json.loads(run("requests", "--json")):  # the first request anyone qualifies for
        capsys.readouterr()
        if main(["shortlist", "save", str(req["id"]), "--top", "3"]) == 0:
            request_id = req["id"]
            break
    capsys.readouterr()
    assert request_id is not None, "no request has eligible candidates in the demo data"
    shown = run("shortlist", "show", str(request_id), "--json") if _has_json_show() else ""
    first = _first_shortlisted(shown, request_id, capsys)
    assert first is not None, shown
    run("shortlist", "note", str(request_id), str(first), SHORTLIST_NOTE)
    run("dossier", str(request_id), "-o", str(exports / "dossier.pdf"))

    # privacy and backups
    run("subject-export", str(canary_id), "-o", str(exports / "subject.xlsx"))
    run("subject-export", str(canary_id), "-o", str(exports / "subject.pdf"))
    run("retention", "--json")
    run("audit", "--json")
    run("backup", str(isolated_home / "manual-backup.db"))
    run("backups", "--auto")

    monkeypatch.setenv("WIR_MANAGER_NEW_PASSPHRASE", SECOND)
    run("passwd")
    monkeypatch.setenv("WIR_MANAGER_PASSPHRASE", SECOND)
    monkeypatch.delenv("WIR_MANAGER_NEW_PASSPHRASE")
    run("backup", str(isolated_home / "after-passwd.db"))
    run("info")
    run("erase", str(canary_id), "--yes")
    run("restore", str(isolated_home / "after-passwd.db"), "--yes")
    run("info", "--json")

    # every file written anywhere but the deliberate exports
    written = [
        p
        for root in (isolated_home, tmpdir, tmp_path)
        for p in root.rglob("*")
        if p.is_file() and exports not in p.parents and not p.name.endswith(".pyc")
    ]
    names = {p.name for p in written}
    assert "wir-manager.db" in names and any(n.endswith(".log") for n in names)
    assert any("auto" in n for n in names) and "manual-backup.db" in names
    needles = _needles(key_hex)
    leaks = []
    for path in written:
        data = path.read_bytes()
        for label, variants in needles.items():
            if any(v in data for v in variants):
                leaks.append(f"{label!r} in {path.relative_to(tmp_path)}")
    assert leaks == []
    # the deliberate exports do contain the data (the probe can see it)
    assert CANARY["username"].encode() not in (exports / "subject.xlsx").read_bytes()  # zipped
    subject = load_workbook(exports / "subject.xlsx")
    assert CANARY["username"] in [c.value for row in subject["Person"].iter_rows() for c in row]


def _has_json_show() -> bool:
    from wir_manager.cli.main import build_parser

    try:
        build_parser().parse_args(["shortlist", "show", "1", "--json"])
    except SystemExit:
        return False
    return True


def _first_shortlisted(shown: str, request_id: int, capsys) -> int | None:
    if not shown:
        return None
    try:
        data = json.loads(shown)
    except ValueError:
        return None
    for item in data if isinstance(data, list) else []:
        cid = item.get("candidate_id") or item.get("id")
        if isinstance(cid, int):
            return cid
    return None
