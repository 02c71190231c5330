"""``wir-manager --db postgresql://… server …``: set up and administer a team server.

Every command here talks to a PostgreSQL server; the server itself enforces who may do
what (see :mod:`wir_manager.storage.server_admin`), so a refused command is refused by
the server, not only by this program.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from wir_manager.cli.context import (
    CliContext,
    UserError,
    file_argument,
    print_json,
    print_table,
)

NEW_PASSWORD_ENV = "WIR_MANAGER_NEW_PASSWORD"


def _role(text: str):
    from wir_manager.storage.server_admin import TeamRole

    try:
        return TeamRole(text.strip().lower())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a role; use one of: viewer, staff, coordinator, admin"
        ) from None


def register(sub: argparse._SubParsersAction) -> None:
    server = sub.add_parser(
        "server",
        help="set up and administer a team server (PostgreSQL)",
        description="Team mode on a shared PostgreSQL server. --db must be a "
        "postgresql://USER@HOST/DATABASE URL; the password comes from the URL, PGPASSWORD, "
        "~/.pgpass or a prompt, as for every PostgreSQL program.",
    )
    cmds = server.add_subparsers(dest="server_command", metavar="COMMAND", required=True)

    p = cmds.add_parser(
        "init",
        help="create the schema, the four group roles and their privileges",
        description="Set up an empty database: the schema (the app's Alembic revisions), "
        "the group roles wir_viewer, wir_staff, wir_coordinator and wir_admin with "
        "server-enforced privileges, row-level security for affiliate staff and the "
        "audit triggers. Run it as a login that may create roles and owns the database.",
    )
    p.set_defaults(func=cmd_init)

    p = cmds.add_parser(
        "upgrade",
        help="upgrade the server's schema to this app's revision (admin only)",
        description="Clients never upgrade a server by themselves; an admin runs this "
        "after installing a newer WiR Manager.",
    )
    p.set_defaults(func=cmd_upgrade)

    p = cmds.add_parser(
        "add-user",
        help="create a login in one role",
        description=f"Create a PostgreSQL login for a person. The password comes from "
        f"{NEW_PASSWORD_ENV} or is asked twice (--no-password for logins that "
        "authenticate otherwise, e.g. with a certificate).",
    )
    p.add_argument("name", help="login name")
    p.add_argument("--role", type=_role, required=True, help="viewer, staff, coordinator or admin")
    p.add_argument("--affiliate", help="tie a staff or viewer login to this affiliate's candidates")
    p.add_argument("--no-password", action="store_true", help="create the login without one")
    p.set_defaults(func=cmd_add_user)

    p = cmds.add_parser("users", help="list the accounts and their roles")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_users)

    p = cmds.add_parser("set-role", help="change an account's role (and affiliate)")
    p.add_argument("name", help="login name")
    p.add_argument("--role", type=_role, required=True, help="viewer, staff, coordinator or admin")
    p.add_argument("--affiliate", help="tie a staff or viewer login to this affiliate")
    p.set_defaults(func=cmd_set_role)

    p = cmds.add_parser("remove-user", help="drop an account (its audit rows stay)")
    p.add_argument("name", help="login name")
    p.set_defaults(func=cmd_remove_user)

    p = cmds.add_parser(
        "copy-from",
        help="move a local encrypted database into this empty server database (admin)",
        description="Copy every table of a local database file (passphrase from "
        "WIR_MANAGER_PASSPHRASE, the keyring or a prompt) into a freshly set-up, empty "
        "server database in ONE transaction, then compare row counts and a content hash "
        "of every table; any difference keeps nothing. The audit history keeps its names.",
    )
    p.add_argument("file", type=file_argument, help="the local database file")
    p.set_defaults(func=cmd_copy_from)

    p = cmds.add_parser(
        "snapshot",
        help="write an encrypted file with what your login may see (for travel)",
        description="Copy what your login may see on the server (row security and column "
        "privileges apply) into a new encrypted database file, for working without a "
        "connection. The file's passphrase comes from WIR_MANAGER_PASSPHRASE or is typed "
        "twice. The copy is read-only unless --writable: edits in it never reach the server.",
    )
    p.add_argument("file", type=file_argument, help="the new database file (must not exist)")
    p.add_argument(
        "--writable", action="store_true", help="allow changes in the copy (they stay in it)"
    )
    p.set_defaults(func=cmd_snapshot)

    p = cmds.add_parser("whoami", help="your login and role on this server")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_whoami)


def _connect(ctx: CliContext, *, check_schema: bool = True):
    if not ctx.is_server:
        raise UserError(
            "The server commands need --db postgresql://USER@HOST/DATABASE (a team server), "
            "not a database file."
        )
    return ctx.connect(check_schema=check_schema)


def cmd_init(ctx: CliContext, args: argparse.Namespace) -> int:
    from wir_manager.storage import server_admin

    with _connect(ctx, check_schema=False) as db:
        current = db.revision()
        if current is not None:
            raise UserError(
                f"{db.location} is already set up (schema {current}); "
                "use `server upgrade` after installing a newer app."
            )
        revision = server_admin.init_server(db)
        print(
            f"Set up {db.location} at schema {revision}, with the roles viewer, staff, "
            "coordinator and admin. Add people with `server add-user NAME --role ROLE`."
        )
    return 0


def cmd_upgrade(ctx: CliContext, args: argparse.Namespace) -> int:
    from wir_manager.storage import server_admin

    with _connect(ctx, check_schema=False) as db:
        before, after = server_admin.upgrade_server(db)
        if before == after:
            print(f"{db.location} is already at schema {after}; grants and policies refreshed.")
        else:
            print(f"Upgraded {db.location} from schema {before} to {after}.")
    return 0


def cmd_add_user(ctx: CliContext, args: argparse.Namespace) -> int:
    from wir_manager.storage import server_admin

    with _connect(ctx) as db:
        password = None if args.no_password else ctx.new_passphrase(NEW_PASSWORD_ENV, "password")
        member = server_admin.add_user(
            db, args.name, args.role, password=password, affiliate=args.affiliate
        )
    tied = f", affiliate {member.affiliate}" if member.affiliate else ""
    print(f"Added {member.login} as {member.role.value if member.role else '?'}{tied}.")
    return 0


def cmd_users(ctx: CliContext, args: argparse.Namespace) -> int:
    from wir_manager.storage import server_admin

    with _connect(ctx) as db:
        members = server_admin.users(db)
    if args.json:
        print_json([{"id": m.login, **m.to_json()} for m in members])
        return 0
    print_table(
        ("Login", "Role", "Affiliate", "Can log in"),
        (
            (
                m.login,
                m.role.value if m.role else "-",
                m.affiliate or "",
                "yes" if m.can_login else "no",
            )
            for m in members
        ),
    )
    return 0


def cmd_set_role(ctx: CliContext, args: argparse.Namespace) -> int:
    from wir_manager.storage import server_admin

    with _connect(ctx) as db:
        member = server_admin.set_role(db, args.name, args.role, affiliate=args.affiliate)
    tied = f", affiliate {member.affiliate}" if member.affiliate else ""
    print(f"{member.login} is now {args.role.value}{tied}.")
    return 0


def cmd_remove_user(ctx: CliContext, args: argparse.Namespace) -> int:
    from wir_manager.storage import server_admin

    with _connect(ctx) as db:
        server_admin.remove_user(db, args.name)
    print(f"Removed {args.name}; the audit log keeps the name on what they did.")
    return 0


def cmd_whoami(ctx: CliContext, args: argparse.Namespace) -> int:
    from wir_manager.storage import server_admin

    with _connect(ctx) as db:
        role = server_admin.my_role(db)
        data = {"login": db.operator, "role": role.value if role else None}
    if args.json:
        print_json(data)
    else:
        print(f"{data['login']} ({data['role'] or 'no WiR Manager role'})")
    return 0


def cmd_copy_from(ctx: CliContext, args: argparse.Namespace) -> int:
    import sys

    from wir_manager.storage import keystore
    from wir_manager.storage.server_copy import copy_from

    with _connect(ctx) as server:
        source_ctx = CliContext(target=args.file)
        prompt = source_ctx.prompt_passphrase if sys.stdin.isatty() else None
        with keystore.unlock(args.file, prompt) as source:
            result = copy_from(server, source)
    total = sum(result.counts.values())
    print(
        f"Copied {total:,} rows ({result.counts.get('candidates', 0):,} candidates) into "
        f"{server.location}; counts and content hash match (sha256 {result.sha256[:16]}…)."
    )
    return 0


def cmd_snapshot(ctx: CliContext, args: argparse.Namespace) -> int:
    from wir_manager.storage.snapshot import take_snapshot

    target = Path(args.file)
    if target.exists():
        raise UserError(f"{target} already exists; a snapshot is written to a new file.")
    with _connect(ctx) as server:
        passphrase = ctx.new_passphrase()
        result = take_snapshot(server, target, passphrase, read_only=not args.writable)
    mode = "writable" if args.writable else "read-only"
    left_out = (
        f"; {result.dropped:,} rows about records you may not see were left out"
        if result.dropped
        else ""
    )
    print(
        f"Wrote a {mode} snapshot of {result.info.source} as {result.info.taken_by} to "
        f"{target}: {result.counts.get('candidates', 0):,} candidates, "
        f"{result.counts.get('requests', 0):,} requests{left_out}."
    )
    return 0
