"""``wir-manager import|export|template …``: spreadsheets in and out.

Import shows its report first and writes only after confirmation: ``--yes`` confirms
up front; at a terminal the user is asked; otherwise nothing is written and the
command says so. ``--dry-run`` only reports. A ``SpreadsheetError`` is a ``ValueError``
with one sentence for the user: ``cli.main`` prints it and exits 1, like ``UserError``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from wir_manager.cli.context import CliContext, UserError
from wir_manager.i18n import _
from wir_manager.services.progress import Progress
from wir_manager.services.spreadsheets import (
    ImportReport,
    export_candidates,
    export_shortlist,
    export_training,
    read_sheet,
    write_candidate_template,
    write_report,
    write_request_template,
)

#: Problems printed in full; the rest are counted (the GUI wizard shows all).
MAX_PRINTED = 200


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import",
        help="import candidates or placement requests from an .xlsx file",
        description="Check every row first and show the problems; write all rows in one "
        "transaction only after confirmation (--yes, or a question at a terminal).",
    )
    what = p.add_subparsers(dest="what", metavar="WHAT", required=True)
    for kind, text in (("candidates", "candidates"), ("requests", "placement requests")):
        q = what.add_parser(kind, help=f"import {text}")
        q.add_argument("file", type=Path, metavar="FILE.xlsx")
        q.add_argument("--dry-run", action="store_true", help="check and report; write nothing")
        q.add_argument("--yes", "-y", action="store_true", help="import without asking")
        q.set_defaults(func=cmd_import, kind=kind)
    from wir_manager.cli.commands.imports import register_training

    register_training(what)

    p = sub.add_parser("export", help="export candidates, a shortlist or training to .xlsx")
    what = p.add_subparsers(dest="what", metavar="WHAT", required=True)
    q = what.add_parser("candidates", help="every candidate, in the import layout")
    q.add_argument("file", type=Path, metavar="FILE.xlsx")
    q.set_defaults(func=cmd_export_candidates)
    q = what.add_parser("shortlist", help="the saved shortlist of a request")
    q.add_argument("request_id", type=int, metavar="REQUEST_ID")
    q.add_argument("file", type=Path, metavar="FILE.xlsx")
    q.set_defaults(func=cmd_export_shortlist)
    q = what.add_parser("training", help="the training progress grid")
    q.add_argument("file", type=Path, metavar="FILE.xlsx")
    q.set_defaults(func=cmd_export_training)

    p = sub.add_parser("template", help="write an import template with drop-down lists")
    what = p.add_subparsers(dest="what", metavar="WHAT", required=True)
    q = what.add_parser("candidates", help="the candidate import template")
    q.add_argument("file", type=Path, metavar="FILE.xlsx")
    q.set_defaults(func=cmd_template, kind="candidates")
    q = what.add_parser("requests", help="the placement request import template")
    q.add_argument("file", type=Path, metavar="FILE.xlsx")
    q.set_defaults(func=cmd_template, kind="requests")


def _progress() -> Progress:
    def show(done: int, total: int, message: str) -> None:
        if sys.stderr.isatty():
            count = f"{done:,}/{total:,}" if total else f"{done:,}"
            sys.stderr.write(f"\r{message} {count}\033[K")

    return Progress(show)


def _clear() -> None:
    if sys.stderr.isatty():
        sys.stderr.write("\r\033[K")


def print_report(report: ImportReport) -> None:
    print(report.summary())
    for note in report.notes:
        print("  " + note)
    lines = report.lines()
    for line in lines[:MAX_PRINTED]:
        print("  " + line)
    if len(lines) > MAX_PRINTED:
        print("  " + _("… and {n} more.").format(n=len(lines) - MAX_PRINTED))


def _confirm(question: str) -> bool:
    try:
        answer = input(f"{question} [y/N] ")
    except EOFError:
        return False
    return answer.strip().casefold() in {"y", "yes"}


def cmd_import(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.open() as db:
        report = read_sheet(db, args.file, args.kind, _progress())
        _clear()
        print_report(report)
        if not report.ok:
            raise UserError(
                _(
                    "The sheet has {n} problem(s); fix them and try again. Nothing was written."
                ).format(n=len(report.errors))
            )
        if args.dry_run:
            print(_("Dry run: nothing was written."))
            return 0
        if not report.records:
            print(_("There is nothing to import."))
            return 0
        if not args.yes:
            if not sys.stdin.isatty():
                raise UserError(
                    _("Nothing was written: add --yes to import without a terminal to confirm.")
                )
            if not _confirm(_("Import {n} record(s) now?").format(n=len(report.records))):
                print(_("Nothing was written."))
                return 0
        result = write_report(db, report, _progress())
        _clear()
    print(_("Imported {n} record(s) in one transaction.").format(n=result.created))
    return 0


def cmd_export_candidates(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.open() as db:
        n = export_candidates(db, args.file, progress=_progress())
    _clear()
    print(_("Wrote {n} candidates to {path}.").format(n=n, path=args.file))
    return 0


def cmd_export_shortlist(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.open() as db:
        n = export_shortlist(db, args.request_id, args.file)
    print(_("Wrote {n} shortlist rows to {path}.").format(n=n, path=args.file))
    return 0


def cmd_export_training(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.open() as db:
        n = export_training(db, args.file, progress=_progress())
    _clear()
    print(_("Wrote the training grid of {n} candidates to {path}.").format(n=n, path=args.file))
    return 0


def cmd_template(ctx: CliContext, args: argparse.Namespace) -> int:
    if args.kind == "requests":
        write_request_template(args.file)
    else:
        write_candidate_template(args.file)
    if args.kind == "requests":
        print(_("Wrote the request import template to {path}.").format(path=args.file))
    else:
        print(_("Wrote the candidate import template to {path}.").format(path=args.file))
    return 0
