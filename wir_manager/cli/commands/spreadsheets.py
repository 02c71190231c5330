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
from wir_manager.i18n import _, ngettext
from wir_manager.services.localefmt import format_number
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
    q = what.add_parser(
        "candidates",
        help="import candidates from a staff sheet or form export (.xlsx, .ods, .xls, .csv)",
        description="Each column is mapped to a field (the saved mapping for these headers, "
        "--map, or the suggestion, which is printed); every row is checked first.",
    )
    q.add_argument("file", type=Path, metavar="FILE")
    q.add_argument(
        "--map",
        metavar="NAME|FILE",
        help='a saved mapping (see "mappings") or a JSON file {"Header": "field"}',
    )
    q.add_argument(
        "--update",
        action="store_true",
        help="rows matching an existing candidate (username, else e-mail) update them",
    )
    q.add_argument(
        "--skip-bad-rows",
        type=Path,
        metavar="PROBLEMS.xlsx",
        help="import the good rows; write the others to this workbook to fix and re-import",
    )
    q.add_argument("--dry-run", action="store_true", help="check and report; write nothing")
    q.add_argument("--date-order", choices=("dmy", "mdy", "ymd"), help="the order of day and month")
    q.add_argument("--yes", "-y", action="store_true", help="import without asking")
    q.set_defaults(func=cmd_import_candidates, kind="candidates")
    q = what.add_parser("requests", help="import placement requests")
    q.add_argument("file", type=Path, metavar="FILE")
    q.add_argument("--dry-run", action="store_true", help="check and report; write nothing")
    q.add_argument("--yes", "-y", action="store_true", help="import without asking")
    q.set_defaults(func=cmd_import, kind="requests")
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


def may_write(args: argparse.Namespace, *, count: int, question: str) -> bool:
    """The one "go ahead?" of every import: a dry run, nothing to write, no terminal to
    ask without --yes, or a "no" each stop with their sentence and write nothing."""
    if args.dry_run:
        print(_("Dry run: nothing was written."))
        return False
    if not count:
        print(_("There is nothing to import."))
        return False
    if args.yes:
        return True
    if not sys.stdin.isatty():
        raise UserError(
            _("Nothing was written: add --yes to import without a terminal to confirm.")
        )
    if not _confirm(question):
        print(_("Nothing was written."))
        return False
    return True


def cmd_import_candidates(ctx: CliContext, args: argparse.Namespace) -> int:
    """Map (saved, --map or suggested, printed), check every row, then write after
    confirmation: all rows, or with --skip-bad-rows the good ones and a problems file."""
    from wir_manager.services.spreadsheets import mapping as mp
    from wir_manager.services.spreadsheets.candidates_import import (
        look_at,
        read_candidates,
        write_candidates,
    )

    with ctx.open() as db:
        look = look_at(db, args.file)
        if args.map:
            saved = mp.load_mapping_argument(db, "candidates", args.map)
            mapping = mp.apply_saved(saved, look.headers)
            print(_("Using the mapping “{name}”:").format(name=saved.name))
        else:
            mapping = look.mapping
            if mapping.name:
                print(_("Using the saved mapping “{name}”:").format(name=mapping.name))
            else:
                print(_("Using the suggested mapping:"))
        for line in mapping.lines():
            print("  " + line)
        unsure = mapping.unsure()
        if unsure and not args.map:
            first = unsure[0]
            raise UserError(
                _(
                    "Column “{header}” might mean “{target}”, but that is only a guess; "
                    'map it with --map FILE (JSON such as {{"{header}": "ignore"}}) '
                    "and import again. Nothing was written."
                ).format(header=first.header, target=mp.target_label(first.target))
            )
        report = read_candidates(
            db,
            args.file,
            _progress(),
            mapping=mapping,
            update=args.update,
            date_order=args.date_order,
        )
        _clear()
        print_report(report)
        for change in report.updates:
            print(
                "  "
                + _("Row {row}: updates {name} (id {id}):").format(
                    row=change.row, name=change.name, id=change.candidate_id
                )
            )
            for item in change.changes:
                print(f"    {_(item.field)}: {item.before} → {item.after}")
        if report.errors and not (args.skip_bad_rows and report.good_rows_possible):
            raise UserError(
                ngettext(
                    "The sheet has {n} problem; fix it and try again (or import the good "
                    "rows with --skip-bad-rows PROBLEMS.xlsx). Nothing was written.",
                    "The sheet has {n} problems; fix them and try again (or import the good "
                    "rows with --skip-bad-rows PROBLEMS.xlsx). Nothing was written.",
                    len(report.errors),
                ).format(n=format_number(len(report.errors)))
            )
        question = _("Import {new} and update {existing} now?").format(
            **_new_and_existing(len(report.records), len(report.updates))
        )
        if not may_write(args, count=len(report.records) + len(report.updates), question=question):
            return 0
        result = write_candidates(
            db,
            report,
            _progress(),
            problems_path=args.skip_bad_rows if report.errors else None,
        )
        _clear()
    print(
        _("Imported {new} and updated {existing} in one transaction.").format(
            **_new_and_existing(result.created, result.updated)
        )
    )
    if result.problems_file:
        print(
            ngettext(
                "{n} row with problems is in {path}: fix it there and import it again.",
                "{n} rows with problems are in {path}: fix them there and import it again.",
                result.skipped,
            ).format(n=format_number(result.skipped), path=result.problems_file)
        )
    return 0


def _new_and_existing(new: int, existing: int) -> dict[str, str]:
    """ "1 new candidate", "2 existing candidates": each count with its own plural."""
    return {
        "new": ngettext("{n} new candidate", "{n} new candidates", new).format(
            n=format_number(new)
        ),
        "existing": ngettext("{n} existing candidate", "{n} existing candidates", existing).format(
            n=format_number(existing)
        ),
    }


def cmd_import(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.open() as db:
        report = read_sheet(db, args.file, args.kind, _progress())
        _clear()
        print_report(report)
        if not report.ok:
            raise UserError(
                ngettext(
                    "The sheet has {n} problem; fix it and try again. Nothing was written.",
                    "The sheet has {n} problems; fix them and try again. Nothing was written.",
                    len(report.errors),
                ).format(n=format_number(len(report.errors)))
            )
        n = len(report.records)
        question = ngettext("Import {n} record now?", "Import {n} records now?", n).format(
            n=format_number(n)
        )
        if not may_write(args, count=len(report.records), question=question):
            return 0
        result = write_report(db, report, _progress())
        _clear()
    print(
        ngettext(
            "Imported {n} record in one transaction.",
            "Imported {n} records in one transaction.",
            result.created,
        ).format(n=format_number(result.created))
    )
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
