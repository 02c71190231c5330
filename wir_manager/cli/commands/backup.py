"""Backup commands: backup, restore, backups."""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path

from wir_manager.cli.context import CliContext, UserError, file_argument, print_json, print_table
from wir_manager.i18n import _
from wir_manager.services import backups
from wir_manager.storage import keystore
from wir_manager.storage.database import Database
from wir_manager.storage.errors import StorageError, WrongPassphraseError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "backup",
        help="write an encrypted, verified copy of the database",
        description="Write an encrypted copy of the database to FILE (same passphrase), "
        "reopen it to check it, and only then put it in place.",
    )
    p.add_argument("file", type=file_argument, metavar="FILE")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser(
        "restore",
        help="replace the database with a backup",
        description="Check that FILE is an intact WiR Manager backup that opens with the "
        "passphrase (WIR_MANAGER_PASSPHRASE, or asked), keep the current database as a "
        "safety copy in the backups folder, then put the backup in its place.",
    )
    p.add_argument("file", type=file_argument, metavar="FILE")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("backups", help="list the backups beside the database")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument(
        "--auto",
        action="store_true",
        help="make today's automatic backup if missing and delete the oldest beyond the "
        "number to keep (for a daily scheduled task)",
    )
    p.set_defaults(func=cmd_backups)


def cmd_backup(ctx: CliContext, args: argparse.Namespace) -> int:
    if args.file.exists() and not args.force:
        raise UserError(
            _("{path} already exists; add --force to replace it.").format(path=args.file)
        )
    with ctx.open() as db:
        out = backups.backup_now(db, args.file)
    print(_("Wrote an encrypted, verified backup to {path}.").format(path=out))
    return 0


def cmd_restore(ctx: CliContext, args: argparse.Namespace) -> int:
    source: Path = args.file
    if not source.exists():
        raise UserError(_("There is no file {path}.").format(path=source))
    if not args.yes:
        if not sys.stdin.isatty():
            raise UserError(_("Restoring replaces the current database; add --yes to confirm."))
        answer = input(
            _("Replace {db} with {src}? The current data is kept as a safety copy. [y/N] ").format(
                db=ctx.db_path.name, src=source.name
            )
        )
        if answer.strip().lower() not in ("y", "yes"):
            raise UserError(_("Nothing was restored."))
    passphrase = keystore.env_passphrase(keystore.PASSPHRASE_ENV)
    live: Database | None = None
    if ctx.db_path.exists():
        # An unreadable live file (damaged, lost passphrase) is what restores are for:
        # then its bytes are kept as the safety copy instead of a verified backup.
        with contextlib.suppress(StorageError):
            live = ctx.open()
    try:
        try:
            result = backups.restore(ctx.db_path, source, passphrase=passphrase, live=live)
        except WrongPassphraseError:
            if not sys.stdin.isatty():
                raise
            passphrase = ctx.prompt_passphrase()
            result = backups.restore(ctx.db_path, source, passphrase=passphrase, live=live)
    finally:
        if live is not None:
            live.close()
    print(_("Restored {src}.").format(src=source))
    if result.safety_copy is not None:
        print(_("The previous database was kept as {path}.").format(path=result.safety_copy))
    if keystore.is_remembered(ctx.db_path):
        keystore.forget(ctx.db_path)
        print(_("The remembered key was removed; run `wir-manager remember` if you want it."))
    return 0


def cmd_backups(ctx: CliContext, args: argparse.Namespace) -> int:
    if args.auto:
        with ctx.open() as db:
            made = backups.auto_backup(db)
        if made is not None:
            print(_("Wrote today's automatic backup {path}.").format(path=made), file=sys.stderr)
    found = backups.list_backups(ctx.db_path)
    if args.json:
        print_json([b.to_json() for b in found])
        return 0
    if not found:
        print(_("No backups yet."))
        return 0
    print_table(
        (_("file"), _("kind"), _("made"), _("size")),
        (
            (
                b.path.name,
                b.kind,
                b.modified.strftime("%Y-%m-%d %H:%M"),
                f"{b.size_bytes / 1_048_576:.1f} MiB",
            )
            for b in found
        ),
    )
    print(_("Folder: {path}").format(path=found[0].path.parent))
    return 0
