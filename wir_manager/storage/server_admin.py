"""Setting up and administering a team server: schema, group roles, row security, users.

Everything here is enforced by PostgreSQL itself, not by hidden buttons:

* **Owner.** The tables belong to ``wir_owner`` (NOLOGIN). ``server init`` and
  ``server upgrade`` run the Alembic revisions as that role (``SET LOCAL ROLE``), so no
  person's login owns the data. Admins may act as the owner only by an explicit
  ``SET ROLE`` (through the NOINHERIT ``wir_maintainer`` role): that is how schema
  upgrades, user management and the erasure ``VACUUM`` run.
* **Four group roles**, each including the one before: ``wir_viewer`` (read; no
  contact details or notes), ``wir_staff`` (candidates, training, notes),
  ``wir_coordinator`` (requests, shortlists, dossiers, placements), ``wir_admin``
  (erasure, retention settings, users, upgrades). Privileges are GRANTed per table and,
  for the viewer, per column.
* **Affiliate staff** see and edit only their affiliate's candidates: row-level security
  on ``candidates`` and every table holding a candidate's rows, ``FORCE``d so that the
  owner is bound by it too.
* **Who** is ``session_user``, written by BEFORE INSERT triggers into the audit log,
  the disclosure log and contact notes (who phoned whom); the audit log is insert-only
  for everyone but admin.

These objects are server-only, so they live here rather than in Alembic revisions (a
local SQLCipher file has no roles); ``apply_server_objects`` is idempotent and is rerun
by every ``server upgrade``, so new tables get their grants and policies too.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from wir_manager.i18n import _
from wir_manager.storage.errors import PermissionRefusedError, StorageError

if TYPE_CHECKING:
    from wir_manager.storage.server import ServerDatabase

OWNER = "wir_owner"
MAINTAINER = "wir_maintainer"
MEMBERS_TABLE = "wir_team_members"
#: (table, trigger) that stamp a new row with the login; ``server copy-from`` turns them
#: off for its one transaction so a file's history keeps its own names.
IDENTITY_TRIGGERS = (
    ("audit_log", "wir_audit_who"),
    ("disclosures", "wir_disclosure_who"),
    ("contact_notes", "wir_contact_note_who"),
)


class TeamRole(StrEnum):
    VIEWER = "viewer"
    STAFF = "staff"
    COORDINATOR = "coordinator"
    ADMIN = "admin"

    @property
    def group(self) -> str:
        return f"wir_{self.value}"


#: Each role includes the previous one (GRANT wir_viewer TO wir_staff, …).
ROLE_CHAIN = (TeamRole.VIEWER, TeamRole.STAFF, TeamRole.COORDINATOR, TeamRole.ADMIN)

#: Columns a viewer may not read (contact details and free-text notes).
VIEWER_HIDDEN = {
    "candidates": {"email", "phone", "notes"},
    "shortlist_entries": {"note", "decline_note"},
    "shortlist_answers": {"note"},
    "contacts": {"email"},
    "contact_notes": {"text"},
    "placements": {"notes", "end_reason"},
    "placement_checkins": {"note"},
    "placement_extensions": {"reason"},
}

#: Tables holding rows of one candidate (row security follows the candidate's).
CANDIDATE_CHILDREN = (
    "candidate_languages",
    "candidate_skills",
    "candidate_topics",
    "training_progress",
    "shortlist_entries",
    "placements",
    "wiki_snapshots",
)

#: Tables an erasure deletes from or rewrites (VACUUMed afterwards).
ERASURE_TABLES = (
    "candidates",
    *CANDIDATE_CHILDREN,
    "disclosure_candidates",
    "audit_log",
)

#: What each role may write, beyond reading everything the viewer reads.
WRITES: dict[TeamRole, dict[str, str]] = {
    TeamRole.VIEWER: {"audit_log": "INSERT"},
    TeamRole.STAFF: {
        "candidates": "INSERT, UPDATE",
        "candidate_languages": "INSERT, UPDATE, DELETE",
        "candidate_skills": "INSERT, UPDATE, DELETE",
        "candidate_topics": "INSERT, UPDATE, DELETE",
        "training_modules": "INSERT, UPDATE, DELETE",
        "training_progress": "INSERT, UPDATE, DELETE",
        "affiliates": "INSERT, UPDATE",
        # Verifying on the wikis replaces the candidate's snapshot (services.wiki).
        "wiki_snapshots": "INSERT, UPDATE, DELETE",
        # A candidate's stage history and the notes of contacts with her.
        "stage_changes": "INSERT",
        "contact_notes": "INSERT, UPDATE, DELETE",
    },
    TeamRole.COORDINATOR: {
        "organisations": "INSERT, UPDATE, DELETE",
        "placement_requests": "INSERT, UPDATE, DELETE",
        "request_languages": "INSERT, UPDATE, DELETE",
        "request_skills": "INSERT, UPDATE, DELETE",
        "request_topics": "INSERT, UPDATE, DELETE",
        "request_priority_regions": "INSERT, UPDATE, DELETE",
        "shortlist_entries": "INSERT, UPDATE, DELETE",
        "weight_profiles": "INSERT, UPDATE, DELETE",
        "placements": "INSERT, UPDATE, DELETE",
        # The IGO's answers and the residency that follows (services.placements).
        "shortlist_answers": "INSERT, UPDATE, DELETE",
        "contacts": "INSERT, UPDATE, DELETE",
        "placement_extensions": "INSERT, UPDATE, DELETE",
        "placement_checkins": "INSERT, UPDATE, DELETE",
        "placement_outcomes": "INSERT, UPDATE, DELETE",
        "outcome_values": "INSERT, UPDATE, DELETE",
        "disclosures": "INSERT",
        "disclosure_candidates": "INSERT",
    },
    TeamRole.ADMIN: {
        "candidates": "DELETE",
        "affiliates": "DELETE",
        "stage_changes": "UPDATE, DELETE",
        "settings": "INSERT, UPDATE, DELETE",
        "audit_log": "UPDATE, DELETE",
        "disclosures": "UPDATE, DELETE",
        "disclosure_candidates": "UPDATE, DELETE",
    },
}

_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.@-]{0,62}$")


@dataclass(frozen=True)
class TeamMember:
    login: str
    role: TeamRole | None
    affiliate: str | None
    can_login: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "login": self.login,
            "role": self.role.value if self.role else None,
            "affiliate": self.affiliate,
            "can_login": self.can_login,
        }


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def check_login_name(name: str) -> str:
    name = name.strip()
    if not _NAME.match(name) or name.lower().startswith(("wir_", "pg_")):
        raise StorageError(
            _(
                "{name} cannot be a login name: use letters, digits, _ . @ or -, start with "
                "a letter, at most 63 characters, and not wir_ or pg_ at the start."
            ).format(name=name)
        )
    return name


# ------------------------------------------------------------------ init / upgrade


def _role_exists(conn: Any, name: str) -> bool:
    return bool(conn.exec_driver_sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).scalar())


def _ensure_roles(conn: Any) -> None:
    for name, options in (
        (OWNER, "NOLOGIN CREATEROLE"),
        (MAINTAINER, "NOLOGIN NOINHERIT"),
        *((r.group, "NOLOGIN INHERIT") for r in ROLE_CHAIN),
    ):
        if not _role_exists(conn, name):
            conn.exec_driver_sql(f"CREATE ROLE {_ident(name)} {options}")
    for lower, upper in itertools.pairwise(ROLE_CHAIN):
        conn.exec_driver_sql(f"GRANT {lower.group} TO {upper.group}")
    conn.exec_driver_sql(f"GRANT {OWNER} TO {MAINTAINER}")
    conn.exec_driver_sql(f"GRANT {MAINTAINER} TO {TeamRole.ADMIN.group}")
    # Whoever runs init may act as the owner afterwards (to add the first admin).
    me = conn.exec_driver_sql("SELECT session_user").scalar()
    is_super = conn.exec_driver_sql(
        "SELECT rolsuper FROM pg_roles WHERE rolname = session_user"
    ).scalar()
    if not is_super:
        conn.exec_driver_sql(f"GRANT {OWNER} TO {_ident(me)}")


def init_server(db: ServerDatabase) -> str:
    """Create the schema, roles, grants, policies and triggers; returns the revision.

    Refuses a database that already holds WiR Manager data of another revision (that is
    ``upgrade``'s job) or tables that are not ours.
    """
    from wir_manager.storage import migrate

    with db.engine.begin() as conn:
        ours = conn.exec_driver_sql("SELECT to_regclass('alembic_version')").scalar()
        others = conn.exec_driver_sql(
            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
        ).scalar()
        if ours is None and others:
            raise StorageError(
                _(
                    "The database {where} already holds tables that are not WiR Manager's; "
                    "set up an empty database instead."
                ).format(where=db.location)
            )
        try:
            _ensure_roles(conn)
        except StorageError:
            raise
        except Exception as exc:
            raise PermissionRefusedError(
                _(
                    "Setting up the server needs a login that may create roles (CREATEROLE) "
                    "and owns the database; ask the server's administrator."
                )
            ) from exc
        conn.exec_driver_sql(f"GRANT USAGE, CREATE ON SCHEMA public TO {OWNER}")
        conn.exec_driver_sql(
            f"GRANT CONNECT, TEMPORARY ON DATABASE {_ident(db.address.dbname)} "
            f"TO {TeamRole.VIEWER.group}"
        )
    _upgrade_as_owner(db)
    return migrate.head_revision() or ""


def upgrade_server(db: ServerDatabase) -> tuple[str | None, str | None]:
    """``server upgrade``: run newer revisions as the owner; (before, after)."""
    from wir_manager.storage import migrate

    before = db.revision()
    if before is not None and not migrate.is_known_revision(before):
        raise StorageError(
            _("The team server was upgraded by a newer WiR Manager; update this app first.")
        )
    if before is None:
        raise StorageError(
            _("The database {where} is not set up yet; run `server init` first.").format(
                where=db.location
            )
        )
    _upgrade_as_owner(db)
    return before, db.revision()


def _as_owner(conn: Any) -> None:
    try:
        conn.exec_driver_sql(f"SET LOCAL ROLE {OWNER}")
    except Exception:
        raise PermissionRefusedError(
            _("Only an admin of the team server may do this; your account is not one.")
        ) from None


def _upgrade_as_owner(db: ServerDatabase) -> None:
    from alembic import command

    from wir_manager.storage.migrate import alembic_config

    cfg = alembic_config()
    with db.engine.begin() as conn:
        _as_owner(conn)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        apply_server_objects(conn)


def apply_server_objects(conn: Any) -> None:
    """Grants, row security, identity triggers. Idempotent; runs as the owner."""
    from wir_manager.storage.models import Base

    tables = [t.name for t in Base.metadata.sorted_tables]
    x = conn.exec_driver_sql
    x(
        f"CREATE TABLE IF NOT EXISTS {MEMBERS_TABLE} ("
        " login name PRIMARY KEY,"
        " affiliate_id integer REFERENCES affiliates(id) ON DELETE SET NULL)"
    )
    # --- who: set by the server, whatever the client sent
    x(
        """CREATE OR REPLACE FUNCTION wir_stamp_audit() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            NEW.operator := session_user;
            NEW.at := (now() AT TIME ZONE 'utc');
            RETURN NEW;
        END $$"""
    )
    x(
        """CREATE OR REPLACE FUNCTION wir_stamp_disclosure() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            NEW.created_by := session_user;
            RETURN NEW;
        END $$"""
    )
    x(
        """CREATE OR REPLACE FUNCTION wir_stamp_by() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            NEW.by := session_user;
            RETURN NEW;
        END $$"""
    )
    x("DROP TRIGGER IF EXISTS wir_contact_note_who ON contact_notes")
    x(
        "CREATE TRIGGER wir_contact_note_who BEFORE INSERT ON contact_notes "
        "FOR EACH ROW EXECUTE FUNCTION wir_stamp_by()"
    )
    x("DROP TRIGGER IF EXISTS wir_audit_who ON audit_log")
    x(
        "CREATE TRIGGER wir_audit_who BEFORE INSERT ON audit_log "
        "FOR EACH ROW EXECUTE FUNCTION wir_stamp_audit()"
    )
    x("DROP TRIGGER IF EXISTS wir_disclosure_who ON disclosures")
    x(
        "CREATE TRIGGER wir_disclosure_who BEFORE INSERT ON disclosures "
        "FOR EACH ROW EXECUTE FUNCTION wir_stamp_disclosure()"
    )
    # --- affiliate of the login (NULL: not tied to one, sees every candidate)
    x(
        f"""CREATE OR REPLACE FUNCTION wir_my_affiliate() RETURNS integer
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
            SELECT affiliate_id FROM {MEMBERS_TABLE} WHERE login = session_user
        $$"""
    )
    x("REVOKE ALL ON FUNCTION wir_my_affiliate() FROM PUBLIC")
    x(f"GRANT EXECUTE ON FUNCTION wir_my_affiliate() TO {TeamRole.VIEWER.group}")

    # --- privileges: start from nothing, then grant per role
    groups = ", ".join(r.group for r in ROLE_CHAIN)
    x(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC, {groups}")
    x(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM PUBLIC, {groups}")
    viewer = TeamRole.VIEWER.group
    for table in [*tables, "alembic_version"]:
        hidden = VIEWER_HIDDEN.get(table)
        if hidden:
            columns = [
                r[0]
                for r in x(
                    "SELECT column_name FROM information_schema.columns "
                    "WHERE table_schema = 'public' AND table_name = %s ORDER BY ordinal_position",
                    (table,),
                )
                if r[0] not in hidden
            ]
            x(f"GRANT SELECT ({', '.join(_ident(c) for c in columns)}) ON {table} TO {viewer}")
            x(f"GRANT SELECT ON {table} TO {TeamRole.STAFF.group}")
        else:
            x(f"GRANT SELECT ON {table} TO {viewer}")
    x(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {viewer}")
    for role, grants in WRITES.items():
        for table, privileges in grants.items():
            x(f"GRANT {privileges} ON {table} TO {role.group}")
    x(f"GRANT SELECT ON {MEMBERS_TABLE} TO {TeamRole.ADMIN.group}")

    # --- change notifications for the other clients' windows (LISTEN/NOTIFY)
    from wir_manager.storage.server_changes import install_triggers

    install_triggers(conn)

    # --- row security: affiliate staff see only their affiliate's candidates
    mine = "((SELECT wir_my_affiliate()) IS NULL OR affiliate_id = (SELECT wir_my_affiliate()))"
    x("ALTER TABLE candidates ENABLE ROW LEVEL SECURITY")
    x("ALTER TABLE candidates FORCE ROW LEVEL SECURITY")
    x("DROP POLICY IF EXISTS wir_affiliate ON candidates")
    x(f"CREATE POLICY wir_affiliate ON candidates USING {mine} WITH CHECK {mine}")
    visible = (
        "((SELECT wir_my_affiliate()) IS NULL OR EXISTS "
        "(SELECT 1 FROM candidates c WHERE c.id = candidate_id))"
    )
    for table in CANDIDATE_CHILDREN:
        x(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        x(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
        x(f"DROP POLICY IF EXISTS wir_affiliate ON {table}")
        x(f"CREATE POLICY wir_affiliate ON {table} USING {visible} WITH CHECK {visible}")


# ------------------------------------------------------------------ users


def _group_of(conn: Any, login: str) -> TeamRole | None:
    best: TeamRole | None = None
    for role in ROLE_CHAIN:
        direct = conn.exec_driver_sql(
            "SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
            "JOIN pg_roles u ON u.oid = m.member WHERE g.rolname = %s AND u.rolname = %s",
            (role.group, login),
        ).scalar()
        if direct:
            best = role
    return best


def _affiliate_id(conn: Any, name: str | None) -> int | None:
    if name is None:
        return None
    found = conn.exec_driver_sql(
        "SELECT id FROM affiliates WHERE lower(name) = lower(%s)", (name.strip(),)
    ).scalar()
    if found is None:
        raise StorageError(
            _("There is no affiliate called {name}; add it (or a candidate of it) first.").format(
                name=name
            )
        )
    return int(found)


def add_user(
    db: ServerDatabase,
    login: str,
    role: TeamRole,
    *,
    password: str | None,
    affiliate: str | None = None,
) -> TeamMember:
    """Create a login in one group role (and tie a staff/viewer login to an affiliate)."""
    login = check_login_name(login)
    if affiliate is not None and role not in (TeamRole.VIEWER, TeamRole.STAFF):
        raise StorageError(_("Only viewer and staff accounts can be tied to an affiliate."))
    with db.engine.begin() as conn:
        _as_owner(conn)
        aff = _affiliate_id(conn, affiliate)
        if _role_exists(conn, login):
            raise StorageError(
                _("There is already an account called {login} on this server.").format(login=login)
            )
        pw = f" PASSWORD {_literal(password)}" if password else ""
        conn.exec_driver_sql(f"CREATE ROLE {_ident(login)} LOGIN INHERIT{pw}")
        conn.exec_driver_sql(f"GRANT {role.group} TO {_ident(login)}")
        conn.exec_driver_sql(
            f"INSERT INTO {MEMBERS_TABLE} (login, affiliate_id) VALUES (%s, %s)", (login, aff)
        )
    return TeamMember(login, role, affiliate, True)


def set_role(
    db: ServerDatabase, login: str, role: TeamRole, *, affiliate: str | None = None
) -> TeamMember:
    if affiliate is not None and role not in (TeamRole.VIEWER, TeamRole.STAFF):
        raise StorageError(_("Only viewer and staff accounts can be tied to an affiliate."))
    with db.engine.begin() as conn:
        _as_owner(conn)
        _require_member(conn, login)
        aff = _affiliate_id(conn, affiliate)
        for other in ROLE_CHAIN:
            conn.exec_driver_sql(f"REVOKE {other.group} FROM {_ident(login)}")
        conn.exec_driver_sql(f"GRANT {role.group} TO {_ident(login)}")
        conn.exec_driver_sql(
            f"UPDATE {MEMBERS_TABLE} SET affiliate_id = %s WHERE login = %s", (aff, login)
        )
    return TeamMember(login, role, affiliate, True)


def _require_member(conn: Any, login: str) -> None:
    known = conn.exec_driver_sql(
        f"SELECT 1 FROM {MEMBERS_TABLE} WHERE login = %s", (login,)
    ).scalar()
    if not known:
        raise StorageError(
            _("There is no WiR Manager account called {login} on this server.").format(login=login)
        )


def remove_user(db: ServerDatabase, login: str) -> None:
    """Drop the login. Its audit rows keep the name (they are history, not an account)."""
    if login == db.operator:
        raise StorageError(_("You cannot remove your own account; ask another admin."))
    with db.engine.begin() as conn:
        _as_owner(conn)
        _require_member(conn, login)
        conn.exec_driver_sql(f"DELETE FROM {MEMBERS_TABLE} WHERE login = %s", (login,))
        conn.exec_driver_sql(f"DROP ROLE {_ident(login)}")


def users(db: ServerDatabase) -> list[TeamMember]:
    with db.engine.begin() as conn:
        _as_owner(conn)
        rows = conn.exec_driver_sql(
            f"SELECT t.login, a.name, r.rolcanlogin FROM {MEMBERS_TABLE} t "
            "LEFT JOIN affiliates a ON a.id = t.affiliate_id "
            "LEFT JOIN pg_roles r ON r.rolname = t.login ORDER BY t.login"
        ).all()
        return [
            TeamMember(str(login), _group_of(conn, str(login)), aff, bool(can))
            for login, aff, can in rows
        ]


def my_role(db: ServerDatabase) -> TeamRole | None:
    """The highest group role the login holds (None: not a WiR Manager account)."""
    from sqlalchemy import text

    with db.engine.connect() as conn:
        held = None
        for role in ROLE_CHAIN:
            if conn.execute(
                text("SELECT pg_has_role(session_user, :g, 'MEMBER')"), {"g": role.group}
            ).scalar():
                held = role
        return held


def vacuum(db: ServerDatabase, tables: list[str]) -> bool:
    """``VACUUM`` the given tables as the owner (admins only); False when not allowed.

    VACUUM cannot run in a transaction, so it uses an autocommit connection; ``SET ROLE``
    there is reset before the connection goes back to the pool.
    """
    raw = db.engine.raw_connection()
    try:
        driver = raw.driver_connection
        driver.rollback()  # type: ignore[union-attr]  # the pool's ping may have begun one
        driver.autocommit = True  # type: ignore[union-attr]
        try:
            driver.execute(f"SET ROLE {OWNER}")  # type: ignore[union-attr]
        except Exception:
            return False
        try:
            driver.execute("VACUUM " + ", ".join(_ident(t) for t in tables))  # type: ignore[union-attr]
        finally:
            driver.execute("RESET ROLE")  # type: ignore[union-attr]
            driver.autocommit = False  # type: ignore[union-attr]
    finally:
        raw.close()
    return True
