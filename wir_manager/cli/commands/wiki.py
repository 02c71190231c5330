"""``wir-manager wiki verify|impact|settings``: the connection to the wikis.

Nothing here needs the network unless asked: ``settings`` only reads and writes the
database's settings; ``verify`` and ``impact`` fetch, store and print.
"""

from __future__ import annotations

import argparse
import sys

from wir_manager.cli.context import CliContext, UserError, print_json, print_table
from wir_manager.services.progress import Progress


def register(sub: argparse._SubParsersAction) -> None:
    wiki = sub.add_parser("wiki", help="verify usernames and activity on the wikis")
    cmds = wiki.add_subparsers(dest="wiki_command", metavar="COMMAND", required=True)

    p = cmds.add_parser(
        "verify",
        help="fetch public account facts for candidates and store a dated snapshot",
    )
    p.add_argument("ids", nargs="*", type=int, metavar="CANDIDATE_ID")
    p.add_argument("--all", action="store_true", help="everybody with a username")
    p.add_argument("--api", metavar="URL", help="MediaWiki API to ask (default: the setting)")
    p.add_argument(
        "--uploads-api", metavar="URL", help="API whose upload log to count (default: --api)"
    )
    p.add_argument("--json", action="store_true", help="one JSON object per candidate")
    p.set_defaults(func=cmd_verify)

    p = cmds.add_parser(
        "impact", help="a resident's contributions during a placement, as outcome actuals"
    )
    p.add_argument("placement_id", type=int, metavar="PLACEMENT_ID")
    p.add_argument("--api", metavar="URL", help="MediaWiki API of the central wiki")
    p.add_argument(
        "--accept",
        action="store_true",
        help="store the figures as the placement's outcome actuals (totals)",
    )
    p.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="METRIC=N",
        help="with --accept: a corrected figure instead of the measured one (repeatable)",
    )
    p.add_argument("--json", action="store_true", help="a JSON object")
    p.set_defaults(func=cmd_impact)

    p = cmds.add_parser("settings", help="show or change the API addresses and contact")
    p.add_argument("--api", metavar="URL")
    p.add_argument("--uploads-api", metavar="URL", help='"" turns the upload count off')
    p.add_argument("--contact", metavar="TEXT", help="e-mail or web page sent in the User-Agent")
    p.set_defaults(func=cmd_settings)


def _settings(db, args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from wir_manager.services.wiki.client import check_api_url
    from wir_manager.services.wiki.verify import wiki_settings

    current = wiki_settings(db)
    uploads_api = getattr(args, "uploads_api", None)
    if args.api:
        uploads = uploads_api if uploads_api is not None else args.api
        current = replace(current, api=check_api_url(args.api), uploads_api=uploads or None)
    elif uploads_api is not None:
        current = replace(current, uploads_api=uploads_api or None)
    return current


def _progress() -> Progress:
    if not sys.stderr.isatty():
        return Progress()

    def show(done: int, total: int, _msg: str) -> None:
        sys.stderr.write(f"\r{done}/{total}")
        if done >= total:
            sys.stderr.write("\n")

    return Progress(callback=show)


def cmd_verify(ctx: CliContext, args: argparse.Namespace) -> int:
    from wir_manager.services.wiki.verify import verify_candidates

    if args.all == bool(args.ids):
        raise UserError("Give candidate ids or --all (not both).")
    with ctx.open() as db:
        report = verify_candidates(
            db, None if args.all else args.ids, settings=_settings(db, args), progress=_progress()
        )
    if args.json:
        print_json([snap.to_json() for snap in report.stored])
    else:
        print_table(
            ("ID", "Username", "Exists", "Edits", "Registered", "Blocked", "Wikidata"),
            (
                (
                    s.candidate_id,
                    s.username,
                    "yes" if s.exists else "NOT FOUND",
                    s.global_edit_count,
                    s.registration,
                    "BLOCKED" if s.blocked else "",
                    s.wikidata_edits if s.exists else "",
                )
                for s in report.stored
            ),
        )
    if report.error or report.cancelled or report.without_username:
        print(f"wir-manager: {report.summary()}", file=sys.stderr)
    return 1 if report.error else 0


def _corrections(pairs: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for pair in pairs:
        metric, sep, value = pair.partition("=")
        if not sep or not metric.strip():
            raise UserError(f"--set takes METRIC=N, e.g. articles_created=12; got {pair!r}.")
        out[metric.strip()] = value.strip()
    return out


def cmd_impact(ctx: CliContext, args: argparse.Namespace) -> int:
    from wir_manager.services import placements as pl
    from wir_manager.services.wiki.impact import fetch_impact

    corrections = _corrections(args.set)
    if corrections and not args.accept:
        raise UserError("--set corrects figures being accepted; add --accept.")
    with ctx.open() as db:
        impact = fetch_impact(
            db, args.placement_id, settings=_settings(db, args), progress=_progress()
        )
        accepted = None
        if args.accept:
            figures: dict[str, int | str] = {str(k): v for k, v in impact.actuals().items()}
            figures.update(corrections)
            accepted = pl.set_totals(db, args.placement_id, figures)
    if args.json:
        out = impact.to_json()
        if accepted is not None:
            out["accepted"] = {o.metric: o.actual for o in accepted}
        print_json(out)
        return 0
    print_table(("Measure", "Count"), impact.rows())
    if accepted is not None:
        print()
        print_table(("Outcome", "Actual"), ((o.label, o.actual) for o in accepted))
    return 0


def cmd_settings(ctx: CliContext, args: argparse.Namespace) -> int:
    from wir_manager.services.wiki.verify import save_wiki_settings, wiki_settings

    with ctx.open() as db:
        if args.api is not None or args.uploads_api is not None or args.contact is not None:
            current = save_wiki_settings(
                db, api=args.api, uploads_api=args.uploads_api, contact=args.contact
            )
        else:
            current = wiki_settings(db)
    print_table(
        ("Setting", "Value"),
        (
            ("api", current.api),
            ("uploads_api", current.uploads_api or "(off)"),
            ("contact", current.contact or "(not set: needed before fetching)"),
        ),
    )
    return 0
