"""``wir-manager match``, ``wir-manager shortlist …`` and ``wir-manager assign``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from wir_manager.cli.context import (
    CliContext,
    UserError,
    date_argument,
    print_json,
    print_table,
)
from wir_manager.domain.enums import DeclineReason
from wir_manager.i18n import _, ngettext
from wir_manager.services.matching import (
    PARTS,
    MatchingError,
    assign,
    current_profile,
    part_label,
    positions_warning,
    rank,
    save_profile,
    save_shortlist,
    saved_shortlist,
    set_note,
    set_status,
    shortlist_diversity,
)
from wir_manager.services.progress import Progress


def _weight(text: str) -> tuple[str, float]:
    part, sep, value = text.partition("=")
    if not sep:
        raise argparse.ArgumentTypeError(_("use PART=NUMBER, e.g. equity=20"))
    try:
        return part.strip(), float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{value!r} is not a number").format(value=value)
        ) from None


def _add_weights(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--weight",
        action="append",
        type=_weight,
        default=[],
        metavar="PART=N",
        help="override one weight of the profile ({}); repeatable".format(", ".join(PARTS)),
    )
    if not any(a.dest == "profile" for a in p._actions):
        p.add_argument(
            "--profile", default="default", metavar="NAME", help="weight profile to start from"
        )


def _weights(args: argparse.Namespace) -> dict[str, float] | None:
    return dict(args.weight) if args.weight else None


def _guarded(fn: Callable[[CliContext, argparse.Namespace], int]):
    """Matching errors are the user's to fix: one sentence, exit 1."""

    def run(ctx: CliContext, args: argparse.Namespace) -> int:
        try:
            return fn(ctx, args)
        except MatchingError as exc:
            raise UserError(str(exc)) from None

    return run


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("match", help="rank eligible candidates for a placement request")
    p.add_argument("request_id", type=int, metavar="REQUEST_ID")
    p.add_argument("--top", type=int, metavar="N", help="show only the N best")
    p.add_argument("--json", action="store_true", help="a JSON list of ranked candidates")
    p.add_argument(
        "--include-in-training",
        action="store_true",
        default=None,
        help="treat candidates still in training as eligible",
    )
    _add_weights(p)
    p.set_defaults(func=_guarded(cmd_match))

    p = sub.add_parser("shortlist", help="save, show and update a request's shortlist")
    shortlist = p.add_subparsers(dest="shortlist_command", metavar="ACTION", required=True)
    s = shortlist.add_parser("save", help="save the top N eligible candidates")
    s.add_argument("request_id", type=int, metavar="REQUEST_ID")
    s.add_argument("--top", type=int, required=True, metavar="N")
    s.add_argument("--json", action="store_true")
    _add_weights(s)
    s.set_defaults(func=_guarded(cmd_shortlist_save))
    s = shortlist.add_parser("show", help="show the saved shortlist")
    s.add_argument("request_id", type=int, metavar="REQUEST_ID")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=_guarded(cmd_shortlist_show))
    s = shortlist.add_parser(
        "status",
        help="record the IGO's answer: sent, interview (--on DATE), declined (--reason), "
        "withdrew; accepted is `placement accept`",
    )
    s.add_argument("request_id", type=int, metavar="REQUEST_ID")
    s.add_argument("candidate_id", type=int, metavar="CANDIDATE_ID")
    s.add_argument("status", metavar="STATUS")
    s.add_argument("--on", type=date_argument, metavar="YYYY-MM-DD", help="date of the interview")
    s.add_argument(
        "--reason",
        metavar="REASON",
        help="why the IGO declined: " + ", ".join(x.value for x in DeclineReason),
    )
    s.add_argument("--note", metavar="TEXT", help="free text with the answer")
    s.set_defaults(func=_guarded(cmd_shortlist_status))
    s = shortlist.add_parser("note", help="set the coordinator's note on one entry")
    s.add_argument("request_id", type=int, metavar="REQUEST_ID")
    s.add_argument("candidate_id", type=int, metavar="CANDIDATE_ID")
    s.add_argument("text", metavar="TEXT")
    s.set_defaults(func=_guarded(cmd_shortlist_note))

    p = sub.add_parser("weights", help="show the score weights, or save changed ones")
    p.add_argument("--json", action="store_true")
    _add_weights(p)
    p.set_defaults(func=_guarded(cmd_weights))

    p = sub.add_parser("assign", help="best assignment of candidates to all open requests")
    p.add_argument("--json", action="store_true", help="a JSON object with totals and picks")
    _add_weights(p)
    p.set_defaults(func=_guarded(cmd_assign))


def _parts_text(parts: dict[str, float]) -> str:
    return " ".join(f"{k[:4]}={v:g}" for k, v in parts.items() if v)


def cmd_match(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.open() as db:
        result = rank(
            db,
            args.request_id,
            weights=_weights(args),
            top=args.top,
            include_in_training=args.include_in_training,
            profile=args.profile,
        )
    if args.json:
        print_json(
            [
                {
                    "rank": n,
                    "candidate_id": c.candidate_id,
                    "name": c.name,
                    "score": c.score,
                    "parts": c.parts,
                    "explanations": list(c.explanations),
                }
                for n, c in enumerate(result.ranked, start=1)
            ]
        )
        return 0
    version = result.profile_version or _("unsaved")
    print(
        _("Request {id}: {n} eligible; weights “{profile}” version {version}.").format(
            id=result.request_id,
            n=result.eligible_count,
            profile=result.profile_name,
            version=version,
        )
    )
    print_table(
        ("#", "ID", "Name", "Score", "Parts"),
        (
            (n, c.candidate_id, c.name, f"{c.score:.2f}", _parts_text(c.parts))
            for n, c in enumerate(result.ranked, start=1)
        ),
    )
    if result.near_misses:
        print()
        print(_("Near misses (one requirement short):"))
        print_table(
            ("ID", "Name", "Score", "Missing"),
            ((nm.candidate_id, nm.name, f"{nm.score:.2f}", nm.reason) for nm in result.near_misses),
        )
    return 0


def _print_rows(rows: list[Any], as_json: bool) -> None:
    if as_json:
        print_json([row.__dict__ for row in rows])
        return
    print_table(
        ("#", "ID", "Name", "Score", "Status", "Other lists", "Note"),
        (
            (
                r.rank,
                r.candidate_id,
                r.name,
                f"{r.score:.2f}",
                r.status,
                r.other_active_shortlists or "",
                r.note or "",
            )
            for r in rows
        ),
    )
    busy = [r for r in rows if r.other_active_shortlists]
    for r in busy:
        print(
            ngettext(
                "Warning: candidate {id} is also on {n} other active shortlist.",
                "Warning: candidate {id} is also on {n} other active shortlists.",
                r.other_active_shortlists,
            ).format(id=r.candidate_id, n=r.other_active_shortlists),
            file=sys.stderr,
        )


def cmd_shortlist_save(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.open() as db:
        rows = save_shortlist(
            db, args.request_id, args.top, weights=_weights(args), profile=args.profile
        )
        warning = positions_warning(db, args.request_id)
    if warning:
        print(_("Warning: {text}").format(text=warning), file=sys.stderr)
    if not args.json:
        print(
            _("Saved a shortlist of {n} for request {id}.").format(n=len(rows), id=args.request_id)
        )
    _print_rows(rows, args.json)
    return 0


def cmd_shortlist_show(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.open() as db:
        rows = saved_shortlist(db, args.request_id)
        spread = shortlist_diversity(db, args.request_id) if rows and not args.json else None
    if not rows and not args.json:
        print(_("Request {id} has no saved shortlist.").format(id=args.request_id))
        return 0
    _print_rows(rows, args.json)
    if spread is not None:
        print()
        for title, counts in (
            (_("Regions"), spread.regions),
            (_("Countries"), spread.countries),
            (_("Gender"), spread.genders),
            (_("Affiliates"), spread.affiliates),
        ):
            print("{}: {}".format(title, ", ".join(f"{k} {v}" for k, v in counts)))
    return 0


def cmd_shortlist_status(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.open() as db:
        row = set_status(
            db,
            args.request_id,
            args.candidate_id,
            args.status,
            interview_on=args.on,
            reason=args.reason,
            note=args.note,
        )
    print(_("Candidate {id} is now {status}.").format(id=row.candidate_id, status=row.status))
    return 0


def cmd_shortlist_note(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.open() as db:
        set_note(db, args.request_id, args.candidate_id, args.text)
    print(_("Note saved."))
    return 0


def cmd_weights(ctx: CliContext, args: argparse.Namespace) -> int:
    """Without --weight: show the latest version; with it: save the next version."""
    with ctx.open() as db:
        if args.weight:
            profile = save_profile(db, args.profile, dict(args.weight))
        else:
            profile = current_profile(db, args.profile)
    if args.json:
        print_json({"name": profile.name, "version": profile.version, "weights": profile.weights})
        return 0
    print(
        _("Weights “{name}”, version {version}:").format(name=profile.name, version=profile.version)
    )
    print_table(("Part", "Weight"), ((part_label(p), f"{profile.weights[p]:g}") for p in PARTS))
    return 0


def cmd_assign(ctx: CliContext, args: argparse.Namespace) -> int:
    def report(done: int, total: int, _msg: str) -> None:
        if not args.json and sys.stderr.isatty():
            print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)

    with ctx.open() as db:
        result = assign(db, weights=_weights(args), profile=args.profile, progress=Progress(report))
    if args.json:
        print_json(result.to_json())
        return 0
    if sys.stderr.isatty():
        print("\r", end="", file=sys.stderr)
    print_table(
        ("Request", "Title", "Positions", "Placed (ID score)", "Unfilled"),
        (
            (
                r.request_id,
                r.title,
                r.positions,
                ", ".join(f"{p.candidate_id} {p.score:.2f}" for p in r.placements),
                f"{r.unfilled}: {r.reason}" if r.unfilled else "",
            )
            for r in result.requests
        ),
    )
    print()
    print(
        _(
            "Total score {total:.2f} (greedy request-by-request: {greedy:.2f}; "
            "the optimum gains {gain:.2f})."
        ).format(total=result.total, greedy=result.greedy_total, gain=result.gain)
    )
    return 0
