"""``wir-manager import training …`` and ``wir-manager mappings``.

The training import mirrors the wizard: it reads a learning platform's export, prints
how each platform item maps to a programme module (the saved mapping for the course, a
``--map`` file, or the suggestion), the learners it could not match, and what would be
written; it writes in one transaction only after confirmation (``--yes`` or a question
at a terminal), then promotes the candidates whose training is complete.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from wir_manager.cli.context import CliContext, UserError, print_json, print_table
from wir_manager.i18n import _, ngettext
from wir_manager.services.localefmt import format_number
from wir_manager.services.spreadsheets import mapping as mp
from wir_manager.services.spreadsheets.errors import SpreadsheetError
from wir_manager.services.spreadsheets.values import DateOrder


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "mappings",
        help="list saved column mappings (imports offer them again for the same headers)",
    )
    p.add_argument("--json", action="store_true", help="a JSON list of objects")
    p.set_defaults(func=cmd_mappings)


def register_training(what: argparse._SubParsersAction) -> None:
    """``import training`` (added to the ``import`` group by the spreadsheets module)."""
    q = what.add_parser(
        "training",
        help="import training progress from Open edX / WikiLearn, Moodle or the Dashboard",
        description="Learners are matched by Wikimedia username, else e-mail; platform "
        "columns or module names map to the programme's modules (saved per course). "
        "Completions never go backwards.",
    )
    q.add_argument("file", type=Path, metavar="FILE")
    q.add_argument(
        "--source", required=True, choices=("openedx", "moodle", "dashboard"), help="platform"
    )
    q.add_argument(
        "--map",
        metavar="NAME|FILE",
        help='a saved course mapping, or a JSON file {"platform item": "module title"}',
    )
    q.add_argument("--date-order", choices=("dmy", "mdy", "ymd"), help="the order of day and month")
    q.add_argument("--dry-run", action="store_true", help="check and report; write nothing")
    q.add_argument("--yes", "-y", action="store_true", help="import without asking")
    q.set_defaults(func=cmd_import_training)


def cmd_mappings(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.open() as db:
        saved = mp.saved_mappings(db)
    if args.json:
        print_json([s.to_json() for s in saved])
        return 0
    if not saved:
        print(_("No saved mappings yet; the import wizard saves one when you name it."))
        return 0
    print_table(
        (_("Name"), _("Kind"), _("Columns")),
        ((s.name, s.kind, len(s.headers)) for s in saved),
    )
    return 0


def _module_mapping(db, source: str, value: str) -> dict[str, int | None]:
    from wir_manager.services import training as tr

    for saved in mp.saved_mappings(db, f"training:{source}"):
        if saved.name == value:
            return {k: int(v) if v else None for k, v in saved.columns.items()}
    path = Path(value)
    if not path.is_file():
        raise UserError(
            _("There is no saved mapping or mapping file called “{name}”.").format(name=value)
        )
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError):
        data = None
    if not isinstance(data, dict):
        raise UserError(
            _('“{name}” is not a mapping file (JSON: {{"platform item": "module"}}).').format(
                name=path.name
            )
        )
    columns = data.get("columns") if isinstance(data.get("columns"), dict) else data
    modules = tr.list_modules(db, include_inactive=False)
    by_title = {mod.title.casefold(): mod.id for mod in modules}
    ids = {mod.id for mod in modules}
    out: dict[str, int | None] = {}
    for item, target in columns.items():
        if target in (None, "", "ignore"):
            out[str(item)] = None
        elif str(target).isdigit() and int(target) in ids:
            out[str(item)] = int(target)
        elif str(target).casefold() in by_title:
            out[str(item)] = by_title[str(target).casefold()]
        else:
            raise UserError(
                _("The mapping file maps “{item}” to “{target}”, which is not a module.").format(
                    item=item, target=target
                )
            )
    return out


def wrote_training(written: int, ready: int) -> str:
    """ "Wrote 1 training record in one transaction. 2 candidates are now ready." """
    return (
        ngettext(
            "Wrote {n} training record in one transaction.",
            "Wrote {n} training records in one transaction.",
            written,
        ).format(n=format_number(written))
        + " "
        + ngettext("{n} candidate is now ready.", "{n} candidates are now ready.", ready).format(
            n=format_number(ready)
        )
    )


def cmd_import_training(ctx: CliContext, args: argparse.Namespace) -> int:
    from wir_manager.cli.commands.spreadsheets import _clear, _progress, may_write
    from wir_manager.services.spreadsheets.training_import import (
        WrongPlatformError,
        read_training,
        saved_course_mapping,
        write_training,
    )

    order = DateOrder(args.date_order) if args.date_order else None
    with ctx.open() as db:
        chosen = _module_mapping(db, args.source, args.map) if args.map else None
        try:
            report = read_training(db, args.file, args.source, mapping=chosen, date_order=order)
        except WrongPlatformError as exc:
            raise UserError(
                _(
                    "“{name}” is an export of {found}, not of {chosen}: use --source {value}."
                ).format(
                    name=args.file.name,
                    found=exc.found.label,
                    chosen=exc.chosen.label,
                    value=exc.found.value,
                )
            ) from None
        if chosen is None:
            saved = saved_course_mapping(db, args.source, report.items)
            if saved is not None:
                print(_("Using the saved mapping “{name}”.").format(name=saved[0]))
                report = read_training(
                    db, args.file, args.source, mapping=saved[1], date_order=order
                )
        _clear()
        print(report.summary())
        for note in report.notes:
            print("  " + note)
        for line in report.lines():
            print("  " + line)
        if not report.ok:
            raise UserError(
                ngettext(
                    "The file has {n} problem; nothing was written.",
                    "The file has {n} problems; nothing was written.",
                    len(report.problems),
                ).format(n=format_number(len(report.problems)))
            )
        n = len(report.changes)
        question = ngettext(
            "Write {n} training record now?", "Write {n} training records now?", n
        ).format(n=format_number(n))
        if not may_write(args, count=len(report.changes), question=question):
            return 0
        try:
            result = write_training(db, report, _progress())
        except SpreadsheetError as exc:
            raise UserError(str(exc)) from None
        _clear()
    print(wrote_training(result.written, len(result.promoted)))
    return 0
