"""``wir-manager placement …``, ``wir-manager placements``, ``wir-manager due`` and
``wir-manager timeline``: the residency after the IGO said yes.

Scripts rely on these names (issue #12): ``placement accept REQUEST_ID CANDIDATE_ID
--start --end [--liaison NAME] [--json]``, ``placements [--json]``, ``placement outcome
PLACEMENT_ID METRIC VALUE [--target]`` and ``due [--json]``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from wir_manager.cli.context import (
    CliContext,
    UserError,
    date_argument,
    file_argument,
    print_json,
    print_table,
)
from wir_manager.i18n import _
from wir_manager.services import placements as pl
from wir_manager.services.reports import ReportWriteError


def _guarded(fn: Callable[[CliContext, argparse.Namespace], int]):  # type: ignore[no-untyped-def]
    def run(ctx: CliContext, args: argparse.Namespace) -> int:
        try:
            return fn(ctx, args)
        except (pl.PlacementError, ReportWriteError) as exc:
            raise UserError(str(exc)) from None

    return run


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("placement", help="accept a candidate, run and close a placement")
    act = p.add_subparsers(dest="placement_command", metavar="ACTION", required=True)

    a = act.add_parser("accept", help="the IGO accepted: write a planned placement")
    a.add_argument("request_id", type=int, metavar="REQUEST_ID")
    a.add_argument("candidate_id", type=int, metavar="CANDIDATE_ID")
    a.add_argument("--start", type=date_argument, required=True, metavar="YYYY-MM-DD")
    a.add_argument("--end", type=date_argument, required=True, metavar="YYYY-MM-DD")
    a.add_argument("--liaison", metavar="NAME", help="the IGO liaison (reused if known)")
    a.add_argument("--liaison-role", metavar="ROLE")
    a.add_argument("--liaison-email", metavar="EMAIL")
    a.add_argument("--mentor", metavar="NAME", help="the chapter's mentor")
    a.add_argument("--share", type=int, default=100, metavar="PERCENT", help="share of full time")
    a.add_argument("--funding-source", metavar="TEXT")
    a.add_argument("--funding", type=int, metavar="AMOUNT", help="whole units of --currency")
    a.add_argument("--currency", metavar="CODE", help="ISO 4217, e.g. USD")
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=_guarded(cmd_accept))

    for name, helptext, fn in (
        ("start", "planned → active (the resident becomes placed)", cmd_start),
        ("complete", "active → completed (the resident becomes alumni)", cmd_complete),
    ):
        c = act.add_parser(name, help=helptext)
        c.add_argument("placement_id", type=int, metavar="PLACEMENT_ID")
        c.add_argument("--on", type=date_argument, metavar="YYYY-MM-DD")
        c.add_argument("--json", action="store_true")
        c.set_defaults(func=_guarded(fn))

    c = act.add_parser("end-early", help="active → ended early, with the reason")
    c.add_argument("placement_id", type=int, metavar="PLACEMENT_ID")
    c.add_argument("--reason", required=True, metavar="TEXT")
    c.add_argument("--on", type=date_argument, metavar="YYYY-MM-DD")
    c.add_argument("--json", action="store_true")
    c.set_defaults(func=_guarded(cmd_end_early))

    c = act.add_parser("cancel", help="planned → cancelled (it never started)")
    c.add_argument("placement_id", type=int, metavar="PLACEMENT_ID")
    c.add_argument("--reason", metavar="TEXT")
    c.add_argument("--json", action="store_true")
    c.set_defaults(func=_guarded(cmd_cancel))

    c = act.add_parser("extend", help="move the end date (the old one is kept in the history)")
    c.add_argument("placement_id", type=int, metavar="PLACEMENT_ID")
    c.add_argument("--end", type=date_argument, required=True, metavar="YYYY-MM-DD")
    c.add_argument("--reason", metavar="TEXT")
    c.add_argument("--json", action="store_true")
    c.set_defaults(func=_guarded(cmd_extend))

    c = act.add_parser("show", help="one placement with its check-ins and outcomes")
    c.add_argument("placement_id", type=int, metavar="PLACEMENT_ID")
    c.add_argument("--json", action="store_true")
    c.set_defaults(func=_guarded(cmd_show))

    c = act.add_parser(
        "outcome", help="set an outcome's actual value (or with --target its target)"
    )
    c.add_argument("placement_id", type=int, metavar="PLACEMENT_ID")
    c.add_argument(
        "metric",
        metavar="METRIC",
        help="a standard key (" + ", ".join(pl.STANDARD_METRICS) + ") or a free name",
    )
    c.add_argument("value", metavar="VALUE")
    c.add_argument("--target", action="store_true", help="VALUE is the target, not an actual")
    c.add_argument(
        "--report", type=int, metavar="CHECKIN_ID", help="the report the actual belongs to"
    )
    c.add_argument("--json", action="store_true")
    c.set_defaults(func=_guarded(cmd_outcome))

    c = act.add_parser("checkin", help="mark a check-in or report done, or move it")
    c.add_argument("checkin_id", type=int, metavar="CHECKIN_ID")
    c.add_argument("--done", type=date_argument, metavar="YYYY-MM-DD")
    c.add_argument("--due", type=date_argument, metavar="YYYY-MM-DD")
    c.add_argument("--note", metavar="TEXT")
    c.set_defaults(func=_guarded(cmd_checkin))

    p = sub.add_parser("placements", help="list placements")
    p.add_argument("--json", action="store_true", help="a JSON list of objects")
    p.add_argument("--candidate", type=int, metavar="ID")
    p.add_argument("--request", type=int, metavar="ID")
    p.set_defaults(func=_guarded(cmd_placements))

    p = sub.add_parser("due", help="what is due: the Today screen's list")
    p.add_argument("--json", action="store_true", help="a JSON list of objects")
    p.add_argument("--today", type=date_argument, metavar="YYYY-MM-DD", help=argparse.SUPPRESS)
    p.set_defaults(func=_guarded(cmd_due))

    p = sub.add_parser("report", help="programme report (PDF/.xlsx) or a placement report (PDF)")
    kinds = p.add_subparsers(dest="report_command", metavar="KIND", required=True)
    r = kinds.add_parser("programme", help="funnel, time to fill, placements, outcomes, equity")
    r.add_argument(
        "-o", "--output", type=file_argument, required=True, metavar="FILE.pdf|FILE.xlsx"
    )
    r.add_argument("--from", dest="start", type=date_argument, metavar="DATE")
    r.add_argument("--to", dest="end", type=date_argument, metavar="DATE")
    r.add_argument("--lang", choices=("en", "sv"), help="language of the report")
    r.set_defaults(func=_guarded(cmd_report_programme))
    r = kinds.add_parser("placement", help="one residency for the IGO and the chapter")
    r.add_argument("placement_id", type=int, metavar="PLACEMENT_ID")
    r.add_argument("-o", "--output", type=file_argument, required=True, metavar="FILE.pdf")
    r.add_argument("--lang", choices=("en", "sv"), help="language of the report")
    r.set_defaults(func=_guarded(cmd_report_placement))

    p = sub.add_parser("timeline", help="one candidate's history; --note adds a contact note")
    p.add_argument("candidate_id", type=int, metavar="CANDIDATE_ID")
    p.add_argument("--note", metavar="TEXT", help="add a contact note first")
    p.add_argument("--on", type=date_argument, metavar="YYYY-MM-DD", help="date of the contact")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_guarded(cmd_timeline))


def _print_change(change: pl.PlacementChange, as_json: bool) -> int:
    if as_json:
        print_json({**change.placement.to_json(), "messages": list(change.messages)})
        return 0
    for line in change.messages:
        print(line)
    return 0


def cmd_accept(ctx: CliContext, args: argparse.Namespace) -> int:
    liaison = (
        pl.LiaisonData(args.liaison, args.liaison_role, args.liaison_email)
        if args.liaison
        else None
    )
    with ctx.open() as db:
        defaults = pl.placement_defaults(db, args.request_id, args.candidate_id)
        data = pl.PlacementData(
            request_id=args.request_id,
            candidate_id=args.candidate_id,
            start_date=args.start,
            end_date=args.end,
            liaison=liaison,
            liaison_id=None if liaison else defaults.liaison_id,
            mentor=args.mentor,
            time_share=args.share,
            funding_source=args.funding_source,
            funding_amount=args.funding,
            funding_currency=args.currency,
        )
        change = pl.accept(db, data)
    return _print_change(change, args.json)


def cmd_start(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.open() as db:
        return _print_change(pl.start_placement(db, args.placement_id, on=args.on), args.json)


def cmd_complete(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.open() as db:
        return _print_change(pl.complete_placement(db, args.placement_id, on=args.on), args.json)


def cmd_end_early(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.open() as db:
        change = pl.end_early(db, args.placement_id, args.reason, on=args.on)
    return _print_change(change, args.json)


def cmd_cancel(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.open() as db:
        change = pl.cancel_placement(db, args.placement_id, args.reason)
    return _print_change(change, args.json)


def cmd_extend(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.open() as db:
        change = pl.extend_placement(db, args.placement_id, args.end, args.reason)
    return _print_change(change, args.json)


def cmd_show(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.open() as db:
        rec = pl.get_placement(db, args.placement_id)
    if args.json:
        print_json(rec.to_json())
        return 0
    print(
        _("Placement {id}: {name} at {org}, {start} – {end} ({status})").format(
            id=rec.id,
            name=rec.candidate_name or _("erased person"),
            org=rec.organisation or "",
            start=rec.start_date.isoformat(),
            end=rec.end_date.isoformat(),
            status=_(rec.status_label),
        )
    )
    print_table(
        (_("ID"), _("Kind"), _("Due"), _("Done")),
        ((c.id, _(c.kind.label), c.due_on, c.done_on or "") for c in rec.checkins),
    )
    if rec.outcomes:
        print()
        print_table(
            (_("Metric"), _("Target"), _("Actual")),
            ((_(o.label), "" if o.target is None else o.target, o.actual) for o in rec.outcomes),
        )
    return 0


def cmd_outcome(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.open() as db:
        if args.target:
            row = pl.set_target(db, args.placement_id, args.metric, args.value)
        else:
            row = pl.set_actual(
                db, args.placement_id, args.metric, args.value, checkin_id=args.report
            )
    if args.json:
        print_json({"metric": row.metric, "target": row.target, "actual": row.actual})
        return 0
    target = "" if row.target is None else row.target
    print(
        _("{metric}: {actual} of target {target}.").format(
            metric=_(row.label), actual=row.actual, target=target or "–"
        )
    )
    return 0


def cmd_checkin(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.open() as db:
        rec = pl.update_checkin(
            db, args.checkin_id, due_on=args.due, done_on=args.done, note=args.note
        )
    print(
        _("{what} due {due}{done}.").format(
            what=_(rec.kind_label),
            due=rec.due_on.isoformat(),
            done=_(", done {day}").format(day=rec.done_on.isoformat()) if rec.done_on else "",
        )
    )
    return 0


def cmd_placements(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.open() as db:
        rows = pl.list_placements(db, candidate_id=args.candidate, request_id=args.request)
    if args.json:
        print_json([r.to_json() for r in rows])
        return 0
    print_table(
        ("ID", "Candidate", "Organisation", "Request", "Start", "End", "Status"),
        (
            (
                r.id,
                r.candidate_name or _("erased person"),
                r.organisation or "",
                r.request_id or "",
                r.start_date,
                r.end_date,
                r.status,
            )
            for r in rows
        ),
    )
    return 0


def cmd_due(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.open() as db:
        items = pl.due_items(db, today=args.today)
    if args.json:
        print_json([i.to_json() for i in items])
        return 0
    if not items:
        print(_("Nothing is due."))
        return 0
    print_table(
        ("Due", "", "What"),
        ((i.due_on or "", _("overdue") if i.overdue else "", i.title) for i in items),
    )
    return 0


def cmd_timeline(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.open() as db:
        if args.note:
            pl.add_contact_note(db, args.candidate_id, args.note, on=args.on)
        events = pl.timeline(db, args.candidate_id)
    if args.json:
        print_json([e.to_json() for e in events])
        return 0
    print_table(("When", "What"), ((e.at.strftime("%Y-%m-%d"), e.text) for e in events))
    return 0


def cmd_report_programme(ctx: CliContext, args: argparse.Namespace) -> int:
    from wir_manager.services.reports import write_programme_report

    with ctx.open() as db:
        report = write_programme_report(
            db, args.output, start=args.start, end=args.end, language=args.lang
        )
    print(
        _("Programme report written to {path} ({n} placements in the period).").format(
            path=args.output, n=report.placements
        )
    )
    return 0


def cmd_report_placement(ctx: CliContext, args: argparse.Namespace) -> int:
    from wir_manager.services.reports import write_placement_report

    with ctx.open() as db:
        path = write_placement_report(db, args.placement_id, args.output, language=args.lang)
    print(_("Placement report written to {path}.").format(path=path))
    return 0
