"""Database lifecycle: init, info, passwd, remember/forget this computer."""

from __future__ import annotations

import argparse
import getpass
import sys

from wir_manager.cli.context import CliContext, UserError, print_json
from wir_manager.storage import keystore
from wir_manager.storage.errors import KeyringUnavailableError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "init",
        help="create a new encrypted database",
        description="Create a new encrypted database. The passphrase comes from "
        "WIR_MANAGER_PASSPHRASE or is asked twice.",
    )
    p.add_argument(
        "--operator", help="your name, recorded in the audit log (default: your login name)"
    )
    p.add_argument(
        "--remember",
        action="store_true",
        help="keep the key in this computer's keyring (when one exists)",
    )
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("info", help="schema revision, counts and cipher settings")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_info)

    p = sub.add_parser(
        "passwd",
        help="change the passphrase",
        description="Re-encrypt the database under a new passphrase, taken from "
        "WIR_MANAGER_NEW_PASSPHRASE or asked twice. The old one stops working.",
    )
    p.set_defaults(func=cmd_passwd)

    p = sub.add_parser("remember", help="remember the key in this computer's keyring")
    p.set_defaults(func=cmd_remember)
    p = sub.add_parser("forget", help="remove the remembered key from this computer")
    p.set_defaults(func=cmd_forget)


def default_operator() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return "operator"


def cmd_init(ctx: CliContext, args: argparse.Namespace) -> int:
    db = ctx.create(args.operator or default_operator())
    try:
        if args.remember:
            _remember(ctx, db)
        print(f"Created an encrypted database at {db.path}")
    finally:
        db.close()
    return 0


def _remember(ctx: CliContext, db) -> None:
    try:
        keystore.remember(db.path, db.key)
        print("The key is now remembered in this computer's keyring.")
    except KeyringUnavailableError as exc:
        print(str(exc), file=sys.stderr)


def cmd_info(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.open() as db:
        info = db.info()
    data = {
        "path": info.path,
        "schema_revision": info.revision,
        "operator": info.operator,
        "size_bytes": info.size_bytes,
        "counts": info.counts,
        "cipher": info.cipher,
        "key_remembered": False if ctx.is_server else keystore.is_remembered(ctx.db_path),
        "keyring": keystore.backend_name(),
    }
    if args.json:
        print_json(data)
        return 0
    lines = [
        ("Database", info.path),
        ("Schema revision", info.revision),
        ("Operator", info.operator),
        ("Size", f"{info.size_bytes / 1_048_576:.1f} MiB"),
        *((name.replace("_", " ").capitalize(), count) for name, count in info.counts.items()),
        *((name, value) for name, value in info.cipher.items()),
        (
            "Key remembered",
            f"{'yes' if data['key_remembered'] else 'no'} (keyring: {data['keyring']})",
        ),
    ]
    for label, value in lines:
        print(f"{label + ':':<24}{value}")
    return 0


def cmd_passwd(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.open() as db:
        new = ctx.new_passphrase(keystore.NEW_PASSPHRASE_ENV, "passphrase")
        if new == keystore.env_passphrase(keystore.PASSPHRASE_ENV):
            raise UserError("The new passphrase is the same as the old one; nothing was changed.")
        was_remembered = keystore.is_remembered(db.path)
        db.change_passphrase(new)
        if was_remembered:
            keystore.remember(db.path, db.key)
    print("The passphrase was changed; the old one no longer opens this database.")
    return 0


def cmd_remember(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.open() as db:
        keystore.remember(db.path, db.key)
    print("The key is now remembered in this computer's keyring.")
    return 0


def cmd_forget(ctx: CliContext, args: argparse.Namespace) -> int:
    if keystore.forget(ctx.db_path):
        print("The remembered key was removed from this computer.")
    else:
        print("No key was remembered for this database on this computer.")
    return 0
