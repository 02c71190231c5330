"""Team mode on a real PostgreSQL cluster: connecting, setting up, roles the SERVER enforces.

The cluster is started by the tests (``tests/pg_cluster.py``); every test gets its own
database copied from a template that ``server init`` set up. Accounts are real logins
with real passwords; a refusal asserted here is PostgreSQL's, not the app's.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select, text

from tests.conftest import SERVER_ADMIN, PgServer
from tests.pg_cluster import LOGIN_PASSWORD
from wir_manager.cli.main import main
from wir_manager.domain.enums import AuditAction
from wir_manager.services import candidates as svc
from wir_manager.services import privacy
from wir_manager.services import requests as rq
from wir_manager.services.candidates import CandidateData
from wir_manager.services.demo import ensure_reference_data
from wir_manager.services.records import LanguageSkill
from wir_manager.storage import audit, migrate, server_admin
from wir_manager.storage import models as m
from wir_manager.storage.errors import (
    InsecureConnectionError,
    MigrationError,
    NoPassphraseError,
    PermissionRefusedError,
    ServerUnreachableError,
    StorageError,
    WrongPassphraseError,
)
from wir_manager.storage.models import Base
from wir_manager.storage.server import ServerAddress, ServerDatabase, is_server_url
from wir_manager.storage.server_admin import TeamRole

# ---------------------------------------------------------------- addresses (no server)


def test_server_urls_are_told_apart_from_files() -> None:
    assert is_server_url("postgresql://ada@db.example.org/wir")
    assert is_server_url("postgres://ada@localhost/wir")
    assert not is_server_url("/home/ada/wir.db")
    assert not is_server_url("postgresql.db")


def test_local_hosts_need_no_tls_remote_hosts_get_verify_full() -> None:
    for local in (
        "postgresql://ada@localhost/wir",
        "postgresql://ada@127.0.0.1:5433/wir",
        "postgresql://ada@[::1]/wir",
        "postgresql://ada@/wir?host=/var/run/postgresql",
    ):
        assert ServerAddress.parse(local).is_local, local
    remote = ServerAddress.parse("postgresql://ada@db.example.org/wir")
    assert not remote.is_local
    assert remote.params["sslmode"] == "verify-full"  # safe default, not libpq's "prefer"
    ok = ServerAddress.parse(
        "postgresql://ada@db.example.org/wir?sslmode=verify-full&sslrootcert=/etc/wir/ca.pem"
    )
    assert ok.params["sslrootcert"] == "/etc/wir/ca.pem"


@pytest.mark.parametrize("mode", ["disable", "allow", "prefer", "require", "verify-ca"])
def test_plaintext_or_unverified_tls_to_a_remote_host_is_refused(mode: str) -> None:
    with pytest.raises(InsecureConnectionError) as caught:
        ServerAddress.parse(f"postgresql://ada@10.1.2.3/wir?sslmode={mode}")
    message = str(caught.value)
    assert "verify-full" in message and "10.1.2.3" in message
    assert message.endswith(").") and "\n" not in message  # one sentence


def test_addresses_are_shown_without_the_password() -> None:
    address = ServerAddress.parse("postgresql://ada:s3cret-pw@localhost:5544/wir")
    assert address.password == "s3cret-pw"
    assert "s3cret" not in address.display() and "s3cret" not in repr(address)
    assert address.display() == "postgresql://ada@localhost:5544/wir"


def test_unusable_addresses_get_one_sentence() -> None:
    with pytest.raises(StorageError, match="names no database"):
        ServerAddress.parse("postgresql://ada@localhost")
    with pytest.raises(StorageError, match="not a usable server address"):
        ServerAddress.parse("postgresql://ada@localhost/wir?sslmod=disable")


# ---------------------------------------------------------------- connecting


def _dbname(url: str) -> str:
    return url.rsplit("/", 1)[1]


def test_password_from_pgpassword_and_who_is_the_login(server_db_url: str) -> None:
    with ServerDatabase.connect(server_db_url) as db:
        assert db.operator == SERVER_ADMIN
        assert db.is_server and "tester@127.0.0.1" in db.location
        info = db.info()
        assert info.revision == migrate.head_revision()
        assert info.operator == SERVER_ADMIN and info.cipher["tls"] == "no"
    assert db.closed


def test_password_from_pgpass_file(
    server_db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PGPASSWORD")
    passfile = tmp_path / "pgpass"
    passfile.write_text(f"127.0.0.1:*:*:{SERVER_ADMIN}:{LOGIN_PASSWORD}\n")
    passfile.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    with ServerDatabase.connect(server_db_url) as db:
        assert db.operator == SERVER_ADMIN


def test_password_prompt_then_wrong_password(
    server_db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PGPASSWORD")
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    asked: list[str] = []

    def prompt(where: str) -> str:
        asked.append(where)
        return LOGIN_PASSWORD

    with ServerDatabase.connect(server_db_url, prompt) as db:
        assert db.operator == SERVER_ADMIN
    assert asked == [ServerAddress.parse(server_db_url).display()]
    with pytest.raises(NoPassphraseError, match="PGPASSWORD"):
        ServerDatabase.connect(server_db_url)
    with pytest.raises(WrongPassphraseError, match="refused the password for tester"):
        ServerDatabase.connect(server_db_url, lambda _where: "not the password")


def test_unreachable_server_and_missing_database(server_db_url: str) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        free = s.getsockname()[1]
    with pytest.raises(ServerUnreachableError, match="cannot be reached"):
        ServerDatabase.connect(f"postgresql://tester@127.0.0.1:{free}/wir")
    wrong_db = server_db_url.rsplit("/", 1)[0] + "/no_such_db"
    with pytest.raises(StorageError, match="no database called no_such_db"):
        ServerDatabase.connect(wrong_db)


# ---------------------------------------------------------------- schema


def test_alembic_revisions_build_exactly_the_models_on_postgresql(server_db_url: str) -> None:
    with ServerDatabase.connect(server_db_url) as db, db.engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata
        )
        owners = set(
            conn.execute(
                text("SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'")
            ).scalars()
        )
    # Server-only objects (the members table) are not in the models; nothing else differs.
    assert [
        d for d in diff if not (d[0] == "remove_table" and d[1].name == "wir_team_members")
    ] == []
    assert owners == {"wir_owner"}  # nobody's personal login owns the data


def _downgrade_as_owner(db: ServerDatabase, target: str) -> None:
    """Undo every revision after ``target`` (Alembic's downgrades), as the schema owner."""
    from alembic import command

    with db.engine.begin() as conn:
        conn.exec_driver_sql(f"SET LOCAL ROLE {server_admin.OWNER}")
        cfg = migrate.alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, target)


def test_newer_or_older_schema_is_refused_and_only_admin_upgrades(
    pg_server: PgServer, server_db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    name = _dbname(server_db_url)
    staff = _account(pg_server, server_db_url, "upg", TeamRole.COORDINATOR)
    pg_server.cluster.execute("UPDATE alembic_version SET version_num = 'ffff_future'", name)
    with pytest.raises(MigrationError, match="newer WiR Manager"):
        ServerDatabase.connect(server_db_url)
    head = migrate.head_revision()
    pg_server.cluster.execute("UPDATE alembic_version SET version_num = '0001'", name)
    with pytest.raises(MigrationError, match="server upgrade"):
        ServerDatabase.connect(server_db_url)
    # Not automatic: a client connecting did not change the revision.
    with ServerDatabase.connect(server_db_url, check_schema=False) as db:
        assert db.revision() == "0001"
    # Replaying from 0001 would meet tables and columns that exist already, so undo every
    # revision after 0006 with its own downgrade, as the owner: the server is then at 0006.
    pg_server.cluster.execute(f"UPDATE alembic_version SET version_num = '{head}'", name)
    with ServerDatabase.connect(server_db_url, check_schema=False) as db:
        _downgrade_as_owner(db, "0006")
        assert db.revision() == "0006"
        with db.engine.connect() as conn:
            columns = {
                r[0]
                for r in conn.exec_driver_sql(
                    "SELECT column_name FROM information_schema.columns "
                    "WHERE table_name = 'candidates'"
                )
            }
        assert "row_version" not in columns and "latin_name" in columns
    code = main(["--db", staff, "server", "upgrade"])
    assert code == 1 and "Only an admin" in capsys.readouterr().err
    code = main(["--db", server_db_url, "server", "upgrade"])
    assert code == 0 and "from schema 0006 to" in capsys.readouterr().out
    with ServerDatabase.connect(server_db_url) as db:
        assert db.revision() == migrate.head_revision()


# ---------------------------------------------------------------- the CLI on a server


def test_cli_works_on_a_server_url(server_db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    def run(*argv: str) -> tuple[int, str, str]:
        code = main(["--db", server_db_url, *argv])
        out, err = capsys.readouterr()
        return code, out, err

    code, out, _ = run("demo", "--candidates", "40", "--requests", "3", "--seed", "5")
    assert code == 0 and "40 candidates" in out
    code, out, _ = run("candidates", "--json")
    assert code == 0 and len(json.loads(out)) == 40
    code, out, _ = run("info", "--json")
    info = json.loads(out)
    assert info["counts"]["candidates"] == 40 and info["operator"] == SERVER_ADMIN
    assert LOGIN_PASSWORD not in out
    code, out, _ = run("server", "whoami", "--json")
    assert json.loads(out) == {"login": SERVER_ADMIN, "role": "admin"}
    code, _, err = run("backups")
    assert code == 1 and "not on a team server" in err
    code, _, err = run("server", "init")
    assert code == 1 and "already set up" in err


def test_cli_user_management(
    pg_server: PgServer, server_db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    def run(*argv: str) -> tuple[int, str, str]:
        code = main(["--db", server_db_url, *argv])
        out, err = capsys.readouterr()
        return code, out, err

    with ServerDatabase.connect(server_db_url) as db:
        ensure_reference_data(db)
        with db.session() as s:
            affiliate = s.scalars(select(m.Affiliate.name).order_by(m.Affiliate.name)).first()
    suffix = _dbname(server_db_url)
    monkeypatch.setenv("WIR_MANAGER_NEW_PASSWORD", "Сергей-pw-2026")
    login = f"sergei_{suffix}"
    code, out, err = run("server", "add-user", login, "--role", "staff", "--affiliate", affiliate)
    assert code == 0, err
    code, out, _ = run("server", "users", "--json")
    rows = {r["login"]: r for r in json.loads(out)}
    assert rows[login]["role"] == "staff" and rows[login]["affiliate"] == affiliate
    assert rows[SERVER_ADMIN]["role"] == "admin"
    # The new login really logs in with its password (Cyrillic and all).
    monkeypatch.setenv("PGPASSWORD", "Сергей-pw-2026")
    with ServerDatabase.connect(pg_server.url(login, suffix)) as db:
        assert server_admin.my_role(db) is TeamRole.STAFF
    monkeypatch.setenv("PGPASSWORD", LOGIN_PASSWORD)
    code, out, _ = run("server", "set-role", login, "--role", "coordinator")
    assert code == 0 and "now coordinator" in out
    code, _, err = run("server", "set-role", login, "--role", "admin", "--affiliate", affiliate)
    assert code == 1 and "Only viewer and staff" in err
    code, _, err = run("server", "add-user", login, "--role", "viewer")
    assert code == 1 and "already an account" in err
    code, _, err = run("server", "add-user", "wir_owner", "--role", "viewer")
    assert code == 1 and "cannot be a login name" in err
    code, out, _ = run("server", "remove-user", login)
    assert code == 0
    code, _, err = run("server", "remove-user", SERVER_ADMIN)
    assert code == 1 and "your own account" in err
    code, out, _ = run("server", "users", "--json")
    assert login not in {r["login"] for r in json.loads(out)}


# ---------------------------------------------------------------- roles, enforced by the server


def _account(
    pg_server: PgServer, admin_url: str, name: str, role: TeamRole, affiliate: str | None = None
) -> str:
    """A real login in ``role`` on the admin's database; returns its URL (PGPASSWORD)."""
    dbname = _dbname(admin_url)
    login = f"{name}_{dbname}"
    with ServerDatabase.connect(admin_url) as admin:
        server_admin.add_user(admin, login, role, password=LOGIN_PASSWORD, affiliate=affiliate)
    return pg_server.url(login, dbname)


def _person(name: str, username: str, affiliate_id: int | None, **extra: object) -> CandidateData:
    return CandidateData(
        full_name=name,
        username=username,
        email=f"{username.lower()}@example.org",
        country="IN",
        affiliate_id=affiliate_id,
        languages=(LanguageSkill("hi", 7), LanguageSkill("en", 5)),
        consent_store=True,
        consent_store_at=dt.date(2026, 3, 1),
        notes="Prefers remote work",
        **extra,
    )


@pytest.fixture
def team(pg_server: PgServer, server_db_url: str):
    """An admin database with reference data, two affiliates' candidates and one account
    per role (plus affiliate staff)."""
    with ServerDatabase.connect(server_db_url) as admin:
        ids = ensure_reference_data(admin)
        with admin.session() as s:
            affs = s.execute(
                select(m.Affiliate.id, m.Affiliate.name).order_by(m.Affiliate.id)
            ).all()
        (aff_a, name_a), (aff_b, _name_b) = affs[0], affs[1]
        ours = svc.create_candidate(admin, _person("प्रिया शर्मा", "PriyaS", aff_a))
        theirs = svc.create_candidate(admin, _person("Иван Петров", "IvanP", aff_b))
        org = next(v for k, v in ids.items() if k.startswith("org:"))
    urls = {
        role: _account(pg_server, server_db_url, role.value[:4], role)
        for role in (TeamRole.VIEWER, TeamRole.STAFF, TeamRole.COORDINATOR)
    }
    urls["affiliate"] = _account(pg_server, server_db_url, "aff", TeamRole.STAFF, name_a)
    return {
        "admin": server_db_url,
        "urls": urls,
        "ours": ours,
        "theirs": theirs,
        "aff_a": aff_a,
        "aff_b": aff_b,
        "org": org,
    }


def test_viewer_reads_but_not_contact_details_and_writes_nothing(team) -> None:
    with ServerDatabase.connect(team["urls"][TeamRole.VIEWER]) as viewer:
        with viewer.engine.connect() as conn:
            names = conn.execute(select(m.Candidate.full_name).order_by(m.Candidate.id)).scalars()
            assert list(names) == ["प्रिया शर्मा", "Иван Петров"]
        for column in (m.Candidate.email, m.Candidate.phone, m.Candidate.notes):
            with (
                pytest.raises(PermissionRefusedError, match="not allowed"),
                viewer.engine.connect() as conn,
            ):
                conn.execute(select(column)).all()
        with pytest.raises(PermissionRefusedError):
            svc.create_candidate(viewer, _person("李小龙", "LiXL", None))
        with pytest.raises(PermissionRefusedError), viewer.connection() as conn:
            conn.execute(text("UPDATE settings SET value = 'x' WHERE key = 'app_id'"))


def test_staff_keep_candidates_but_not_requests_or_erasure(team) -> None:
    with ServerDatabase.connect(team["urls"][TeamRole.STAFF]) as staff:
        cid = svc.create_candidate(staff, _person("Nguyễn Văn An", "NguyenVA", team["aff_b"]))
        svc.update_candidate(
            staff, cid, _person("Nguyễn Văn An", "NguyenVA", team["aff_b"], stage="screened")
        )
        assert svc.get_candidate(staff, cid).data.notes == "Prefers remote work"
        with pytest.raises(PermissionRefusedError):
            rq.save_request(
                staff,
                rq.RequestData(
                    organisation_id=team["org"], title="Wikidata for health", work_mode="remote"
                ),
            )
        with pytest.raises(PermissionRefusedError):
            privacy.erase_candidate(staff, cid)
        assert privacy.candidate_exists(staff, cid)


def test_coordinator_records_requests_but_cannot_erase(team) -> None:
    with ServerDatabase.connect(team["urls"][TeamRole.COORDINATOR]) as coord:
        rid = rq.save_request(
            coord,
            rq.RequestData(
                organisation_id=team["org"], title="ويكي بيانات للصحة", work_mode="remote"
            ),
        ).id
        assert rid is not None
        assert rq.get_request(coord, rid).title == "ويكي بيانات للصحة"
        with pytest.raises(PermissionRefusedError):
            privacy.erase_candidate(coord, team["ours"])
        with pytest.raises(PermissionRefusedError), coord.connection() as conn:
            conn.execute(text("DELETE FROM audit_log"))
    with ServerDatabase.connect(team["admin"]) as admin:
        result = privacy.erase_candidate(admin, team["theirs"])
        assert result.removed["candidates"] == 1
        assert result.compacted  # VACUUM ran, as the tables' owner
        assert not privacy.candidate_exists(admin, team["theirs"])


def test_affiliate_staff_see_and_edit_only_their_affiliate(team) -> None:
    with ServerDatabase.connect(team["urls"]["affiliate"]) as aff:
        with aff.engine.connect() as conn:
            seen = conn.execute(select(m.Candidate.id)).scalars().all()
            langs = conn.execute(select(m.CandidateLanguage.candidate_id).distinct()).scalars()
            assert set(langs) == {team["ours"]}
        assert seen == [team["ours"]]
        assert aff.counts()["candidates"] == 1
        # Another affiliate's person is invisible, so an edit finds nobody.
        with pytest.raises(ValueError):
            svc.update_candidate(
                aff, team["theirs"], _person("Иван Петров", "IvanP", team["aff_b"])
            )
        # Creating one for another affiliate is refused by the policy's WITH CHECK.
        with pytest.raises(PermissionRefusedError):
            svc.create_candidate(aff, _person("Олена Коваль", "OlenaK", team["aff_b"]))
        svc.create_candidate(aff, _person("Ananya Rao", "AnanyaR", team["aff_a"]))
    with ServerDatabase.connect(team["admin"]) as admin:
        assert admin.counts()["candidates"] == 3


def test_row_security_is_forced_so_the_owner_is_bound_too(server_db_url: str) -> None:
    with ServerDatabase.connect(server_db_url) as db, db.engine.connect() as conn:
        rows = dict(
            conn.execute(
                text(
                    "SELECT relname, relforcerowsecurity FROM pg_class WHERE relname IN "
                    "('candidates', 'candidate_languages', 'training_progress', 'placements')"
                )
            ).all()
        )
    assert rows == dict.fromkeys(
        ("candidates", "candidate_languages", "training_progress", "placements"), True
    )


def test_audit_shows_the_real_logins_and_is_insert_only(team) -> None:
    staff_url = team["urls"][TeamRole.STAFF]
    with ServerDatabase.connect(staff_url) as staff:
        svc.update_candidate(
            staff, team["ours"], _person("प्रिया शर्मा", "PriyaS", team["aff_a"], stage="screened")
        )
        # A client that writes somebody else's name gets its own login recorded.
        with staff.session(operator="the programme lead") as s:
            s.info["operator"] = "the programme lead"
            audit.record(s, AuditAction.EXPORT, "candidate", team["ours"], ["forged"])
        for statement in ("UPDATE audit_log SET operator = 'nobody'", "DELETE FROM audit_log"):
            with pytest.raises(PermissionRefusedError), staff.connection() as conn:
                conn.execute(text(statement))
        login = staff.operator
    with ServerDatabase.connect(team["admin"]) as admin:
        history = svc.history(admin, team["ours"])
    by = {e.operator for e in history}
    assert by == {SERVER_ADMIN, login}
    assert "the programme lead" not in by


def test_environment_is_clean() -> None:
    """The fixtures put PGPASSWORD only inside the tests that asked for a server."""
    assert "PGPASSWORD" not in os.environ


# ---------------------------------------------------------------- moving in


def test_copy_from_a_file_moves_everything_in_one_verified_transaction(
    server_db_url: str,
    db_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests.conftest import OPERATOR, PASSPHRASE
    from wir_manager.services import demo
    from wir_manager.storage.database import Database

    with Database.create(db_path, PASSPHRASE, OPERATOR) as local:
        demo.generate(local, candidates=150, requests=6, seed=11)
        local_counts = local.counts()
        with local.engine.connect() as conn:
            local_audit = conn.execute(select(m.AuditEntry.operator).distinct()).scalars().all()
    monkeypatch.setenv("WIR_MANAGER_PASSPHRASE", PASSPHRASE)
    code = main(["--db", server_db_url, "server", "copy-from", str(db_path)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "150 candidates" in out and "content hash match" in out
    with ServerDatabase.connect(server_db_url) as db:
        assert db.counts() == local_counts
        with db.engine.connect() as conn:
            operators = conn.execute(select(m.AuditEntry.operator).distinct()).scalars().all()
        assert set(operators) == set(local_audit)  # history keeps its names
        # The sequences moved past the copied ids: a new candidate just works.
        cid = svc.create_candidate(db, _person("Zanele Dlamini", "ZaneleD", None))
        assert cid > 150
        history = svc.history(db, cid)
        assert history[0].operator == SERVER_ADMIN  # and new rows are stamped again
    # A second copy is refused: the server is no longer empty, nothing changes.
    code = main(["--db", server_db_url, "server", "copy-from", str(db_path)])
    assert code == 1 and "already holds data" in capsys.readouterr().err


def test_the_first_read_after_an_outage_reconnects_by_itself(
    server_db_url: str, pg_server: PgServer
) -> None:
    """Every pooled connection dies with the server's: the next read replaces its dead
    connection (the pool's liveness check) and answers, instead of failing once with
    "the connection was lost" and working only on a second try."""
    with ServerDatabase.connect(server_db_url) as db:
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT 1")).scalar() == 1
        name = db.address.dbname
        pg_server.cluster.execute(
            f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"
        )
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT 2")).scalar() == 2
