"""Issue #13's "done means": a team works through a morning of edits on one PostgreSQL.

Three people, each a separate ``python -m wir_manager`` process logged in as their own
account, made with the app's own ``server add-user`` (GRANTed group roles): Sergei on
staff keeps candidates and notes, Amina the coordinator turns a request into a
placement, and Lena, a viewer, only reads. Each sees the others' changes as soon as they
are committed; two of them also write at the same moment. Lena's writes are refused by
PostgreSQL itself (no privilege), in one sentence; the audit and the timeline record the
real logins, and at the end nothing written is missing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import SERVER_ADMIN, PgServer
from tests.pg_cluster import LOGIN_PASSWORD
from wir_manager.cli.main import main

ROOT = Path(__file__).resolve().parent.parent


class Client:
    """One person's terminal: every call is a new ``python -m wir_manager`` process."""

    def __init__(self, url: str, login: str) -> None:
        self.url, self.login = url, login

    def popen(self, *argv: str) -> subprocess.Popen[str]:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "PGPASSWORD": LOGIN_PASSWORD}
        env.pop("WIR_MANAGER_PASSPHRASE", None)
        return subprocess.Popen(
            [sys.executable, "-m", "wir_manager", "--db", self.url, *argv],
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    @staticmethod
    def wait(proc: subprocess.Popen[str]) -> tuple[int, str, str]:
        out, err = proc.communicate(timeout=120)
        return proc.returncode, out, err

    def run(self, *argv: str) -> tuple[int, str, str]:
        return self.wait(self.popen(*argv))

    def ok(self, *argv: str) -> str:
        code, out, err = self.run(*argv)
        assert code == 0, f"{self.login}: {' '.join(argv)} failed: {err}"
        return out

    def json(self, *argv: str):
        return json.loads(self.ok(*argv, "--json"))


@pytest.fixture
def team(pg_server: PgServer, server_db_url: str, monkeypatch: pytest.MonkeyPatch):
    """The admin's demo data and three accounts, all made through the CLI."""
    dbname = server_db_url.rsplit("/", 1)[1]
    monkeypatch.setenv("WIR_MANAGER_NEW_PASSWORD", LOGIN_PASSWORD)
    assert main(["--db", server_db_url, "demo", "--candidates", "40", "--requests", "3"]) == 0
    clients = {}
    for name, role in (("sergei", "staff"), ("amina", "coordinator"), ("lena", "viewer")):
        login = f"{name}_{dbname}"
        assert main(["--db", server_db_url, "server", "add-user", login, "--role", role]) == 0
        clients[name] = Client(pg_server.url(login, dbname), login)
    return server_db_url, clients


def _sheet(path: Path) -> Path:
    wb = openpyxl.Workbook()
    wb.active.append(["Name", "Username", "Email", "Country", "Languages", "Consent to store"])
    wb.active.append(
        ["أمينة الحسن", "AminaHassanWiki", "amina.h@example.org", "EG", "ar:native; en:C1", "yes"]
    )
    wb.active.append(
        ["प्रिया शर्मा", "PriyaSharmaWiki", "priya.s@example.org", "IN", "hi:native; en:C2", "yes"]
    )
    wb.save(path)
    return path


REQUEST_TITLE = "Wikidata resident for heritage data"


def _request_sheet(path: Path) -> Path:
    wb = openpyxl.Workbook()
    wb.active.append(["Organisation", "Title", "Work mode", "Languages"])
    wb.active.append(["UNESCO", REQUEST_TITLE, "remote", "en:B2"])
    wb.save(path)
    return path


def test_a_morning_of_edits_by_three_logins_on_one_server(
    team, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    admin_url, people = team
    sergei, amina, lena = people["sergei"], people["amina"], people["lena"]

    # 08:30 — Sergei (staff) imports two new people from the chapter's sheet.
    sergei.ok("import", "candidates", str(_sheet(tmp_path / "new.xlsx")), "--yes")
    # Amina and Lena see them at once, by name, in other processes.
    for reader in (amina, lena):
        names = {c["username"]: c for c in reader.json("candidates")}
        amina_h = names["AminaHassanWiki"]["id"]
        assert {"AminaHassanWiki", "PriyaSharmaWiki"} <= set(names)
        # A viewer reads the list but not contact details (column privileges).
        email = names["AminaHassanWiki"]["email"]
        assert email == (None if reader is lena else "amina.h@example.org")

    # 09:00 — Amina (coordinator) imports UNESCO's new request (Sergei sees it), ranks
    # it, saves a shortlist, and Sergei phones
    # a candidate at the same moment: two processes writing at once.
    amina.ok("import", "requests", str(_request_sheet(tmp_path / "request.xlsx")), "--yes")
    rid = str(next(r["id"] for r in sergei.json("requests") if r["title"] == REQUEST_TITLE))
    ranked = amina.json("match", rid, "--top", "3")
    assert ranked, "the demo request has nobody to rank"
    chosen = ranked[0]["candidate_id"]
    saving = amina.popen("shortlist", "save", rid, "--top", "2")
    phoning = sergei.popen("timeline", str(chosen), "--note", "Phoned about the WHO post")
    for proc in (saving, phoning):
        code, _out, err = Client.wait(proc)
        assert code == 0, err
    shortlist = amina.json("shortlist", "show", rid)
    assert chosen in {r["candidate_id"] for r in shortlist}
    # Each sees the other's write: Amina sees Sergei's note (signed with his login),
    # Sergei sees Amina's shortlist.
    texts = [e["text"] for e in amina.json("timeline", str(chosen))]
    assert f"Contact: Phoned about the WHO post ({sergei.login})" in texts
    assert any(t.startswith("Shortlisted for") for t in sergei_texts(sergei, chosen))

    # 10:00 — the IGO said yes: Amina records the placement and its first target.
    accepted = amina.json(
        "placement",
        "accept",
        rid,
        str(chosen),
        "--start",
        "2027-02-01",
        "--end",
        "2027-07-31",
        "--liaison",
        "Kofi Mensah",
    )
    pid = str(accepted["id"])
    amina.ok("placement", "outcome", pid, "media_uploaded", "300", "--target")
    # Sergei and Lena see the placement; Sergei meanwhile notes a call with Amina H.
    for reader in (sergei, lena):
        rows = {r["id"]: r for r in reader.json("placements")}
        assert rows[accepted["id"]]["candidate_id"] == chosen
        assert rows[accepted["id"]]["status"] == "planned"
    sergei.ok("timeline", str(amina_h), "--note", "Asked for her Commons portfolio")

    # 10:30 — Lena (viewer) tries to write: PostgreSQL refuses, in one sentence, naming
    # her account; nothing is written.
    for attempt in (
        ("timeline", str(amina_h), "--note", "Lena was here"),
        ("placement", "outcome", pid, "media_uploaded", "999", "--target"),
        ("shortlist", "save", rid, "--top", "1"),
        ("erase", str(amina_h), "--yes"),
    ):
        code, _out, err = lena.run(*attempt)
        line = err.strip()
        assert code == 1, (attempt, err)
        assert "Traceback" not in err and len(line.splitlines()) == 1, err
        assert "The server refused this" in line and lena.login in line, line
    assert "Lena was here" not in repr(amina.json("timeline", str(amina_h)))
    assert amina.json("placement", "outcome", pid, "media_uploaded", "120") == {
        "metric": "media_uploaded",
        "target": 300,
        "actual": 120,
    }

    # Noon — the admin reads the audit: who did what is the real login of each process.
    capsys.readouterr()
    assert main(["--db", admin_url, "audit", "--json", "--limit", "100000"]) == 0
    audit = json.loads(capsys.readouterr().out)
    by = {}
    for row in audit:
        by.setdefault(row["operator"], set()).add(row["entity"])
    assert "candidate" in by[sergei.login]  # his import
    assert "placement" in by[amina.login]  # her placement and its outcome
    assert lena.login not in by  # every write of hers was refused
    assert {SERVER_ADMIN, sergei.login, amina.login} <= set(by)
    imports = [r for r in audit if r["action"] == "import" and r["entity"] == "candidate"]
    assert [r["operator"] for r in imports][:1] == [sergei.login]  # the latest: his sheet
    placed = [r for r in audit if r["entity"] == "placement" and r["entity_id"] == accepted["id"]]
    assert placed and {r["operator"] for r in placed} == {amina.login}

    # Nothing lost: every write of the morning is there, seen from a fresh process.
    final = {c["username"] for c in lena.json("candidates")}
    assert {"AminaHassanWiki", "PriyaSharmaWiki"} <= final and len(final) == 42
    # The viewer sees that Sergei noted a contact, not what was said (a refused column).
    assert f"Contact ({sergei.login})" in [e["text"] for e in lena.json("timeline", str(amina_h))]
    assert f"Contact: Asked for her Commons portfolio ({sergei.login})" in sergei_texts(
        sergei, amina_h
    )
    assert {r["candidate_id"] for r in lena.json("shortlist", "show", rid)} >= {
        r["candidate_id"] for r in shortlist
    }
    assert accepted["id"] in {p["id"] for p in lena.json("placements")}


def sergei_texts(client: Client, candidate_id: int) -> list[str]:
    return [e["text"] for e in client.json("timeline", str(candidate_id))]
