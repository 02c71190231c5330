"""``wir-manager candidates`` and ``wir-manager requests``."""

from __future__ import annotations

import argparse

from wir_manager.cli.context import CliContext, print_json, print_table
from wir_manager.domain.enums import LanguageLevel
from wir_manager.services.listing import list_candidates
from wir_manager.services.requests import list_request_rows


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("candidates", help="list candidates")
    p.add_argument("--json", action="store_true", help="a JSON list of objects")
    p.add_argument("--search", metavar="TEXT", help="match name, username, email or affiliate")
    p.add_argument("--limit", type=int, metavar="N")
    p.set_defaults(func=cmd_candidates)

    p = sub.add_parser("requests", help="list placement requests")
    p.add_argument("--json", action="store_true", help="a JSON list of objects")
    p.set_defaults(func=cmd_requests)


def cmd_candidates(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.open() as db:
        rows = list_candidates(db, search=args.search, limit=args.limit)
    if args.json:
        print_json([row.to_json() for row in rows])
        return 0
    print_table(
        ("ID", "Name", "Username", "Country", "Stage", "Languages"),
        (
            (
                r.id,
                r.name,
                r.username,
                r.country,
                r.stage,
                ", ".join(f"{lang.code} {LanguageLevel(lang.level).label}" for lang in r.languages),
            )
            for r in rows
        ),
    )
    return 0


def cmd_requests(ctx: CliContext, args: argparse.Namespace) -> int:
    from wir_manager.services.placements import filled_counts

    with ctx.open() as db:
        rows = list_request_rows(db, newest_first=False)
        filled = filled_counts(db)
    if args.json:
        print_json(
            [
                {**row.to_json(), "positions": row.positions, "filled": filled.get(row.id, 0)}
                for row in rows
            ]
        )
        return 0
    print_table(
        ("ID", "Title", "Organisation", "Status", "Positions", "Filled", "Start"),
        (
            (
                r.id,
                r.title,
                r.organisation_acronym or r.organisation,
                r.status,
                r.positions,
                filled.get(r.id, 0),
                r.start_date,
            )
            for r in rows
        ),
    )
    return 0
