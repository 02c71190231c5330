"""``wir-manager demo``: fill a database with synthetic data."""

from __future__ import annotations

import argparse
import sys
import time

from wir_manager.cli.commands.database import default_operator
from wir_manager.cli.context import CliContext
from wir_manager.services import demo
from wir_manager.services.progress import Progress


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "demo",
        help="fill the database with realistic synthetic data",
        description="Add synthetic candidates (names in many scripts) and IGO placement "
        "requests. Creates the database first when there is none. Same seed, same data.",
    )
    p.add_argument("--candidates", type=_count, default=500, metavar="N")
    p.add_argument("--requests", type=_count, default=20, metavar="M")
    p.add_argument("--seed", type=int, default=1, metavar="S")
    p.set_defaults(func=cmd_demo)


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 0 <= value <= 1_000_000:
        raise argparse.ArgumentTypeError("use a number from 0 to 1,000,000")
    return value


def cmd_demo(ctx: CliContext, args: argparse.Namespace) -> int:
    db = ctx.open() if ctx.is_server or ctx.db_path.exists() else ctx.create(default_operator())
    started = time.perf_counter()

    def show(done: int, total: int, _message: str) -> None:
        if sys.stderr.isatty():
            sys.stderr.write(f"\r{done:,}/{total:,}")

    with db:
        summary = demo.generate(
            db, args.candidates, args.requests, args.seed, Progress(callback=show)
        )
    if sys.stderr.isatty():
        sys.stderr.write("\n")
    print(
        f"Added {summary.candidates:,} candidates and {summary.requests:,} requests "
        f"in {time.perf_counter() - started:.1f} s."
    )
    return 0
