"""Entry point of ``wir-manager`` / ``python -m wir_manager``.

Module-level imports stay minimal: starting the desktop app goes straight to
:mod:`wir_manager.startup`, which begins unlocking before anything else is loaded.

Errors the user can act on print one sentence and exit 1; anything unexpected is
logged (without its message, which may hold personal data) and reported in one line.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from wir_manager import __version__

if TYPE_CHECKING:
    from wir_manager.cli.context import CliContext

#: Modules under ``wir_manager.cli.commands`` that register subcommands, in help order.
COMMAND_MODULES: tuple[str, ...] = (
    "database",
    "demo",
    "listing",
    "dossier",
    "spreadsheets",
    "imports",
    "privacy",
    "backup",
    "matching",
    "server",
    "wiki",
    "placements",
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    import importlib

    from wir_manager.cli.context import db_argument
    from wir_manager.storage.paths import default_db_path

    parser = _Parser(
        prog="wir-manager",
        description="WiR Manager: candidates, training, IGO placement requests, explained "
        "shortlists and dossiers, in a local encrypted database. Without a command, "
        "starts the desktop application.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--db",
        type=db_argument,
        metavar="PATH|URL",
        help=f"database file (default: {default_db_path()}), or a team server as "
        "postgresql://USER@HOST[:PORT]/DATABASE[?sslmode=verify-full&sslrootcert=CA-FILE]",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(f"wir_manager.cli.commands.{name}").register(sub)
    gui = sub.add_parser("gui", help="start the desktop application")
    gui.add_argument(
        "--demo", action="store_true", help="open (or create) the demo database without asking"
    )
    gui.set_defaults(func=None)
    return parser


def gui_argv(argv: Sequence[str]) -> list[str] | None:
    """The desktop app's arguments when the command line starts it, else None.

    Starting the GUI must not pay for importing every subcommand (matching, dossiers,
    spreadsheets …), so this is decided before the full parser is built. Anything
    unusual (help, version, an unknown option) goes to the full parser instead.
    """
    args = list(argv)
    db: list[str] = []
    while args:
        if args[0] == "--db" and len(args) >= 2:
            db, args = ["--db", args[1]], args[2:]
        elif args[0].startswith("--db="):
            db, args = ["--db", args[0].split("=", 1)[1]], args[1:]
        else:
            break
    if not args:
        return db
    if args[0] == "gui" and all(a == "--demo" for a in args[1:]):
        return db + args[1:]
    return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    direct = gui_argv(argv)
    if direct is not None:
        from wir_manager.startup import gui_main

        return gui_main(direct)
    from wir_manager import logsetup
    from wir_manager.cli.context import CliContext, SafeOutput
    from wir_manager.i18n import set_language
    from wir_manager.storage.paths import default_db_path

    # Messages, PDFs and spreadsheets follow WIR_MANAGER_LANG / the system language.
    set_language()
    parser = build_parser()
    args = parser.parse_args(argv)
    logsetup.setup()
    ctx = CliContext(target=args.db or default_db_path())
    # Everything printed from here on may hold stored names: no terminal control codes.
    saved_streams = sys.stdout, sys.stderr
    sys.stdout = SafeOutput(sys.stdout)
    sys.stderr = SafeOutput(sys.stderr, carriage_return=True)
    try:
        return _run(args, ctx)
    finally:
        sys.stdout, sys.stderr = saved_streams


def _run(args: argparse.Namespace, ctx: CliContext) -> int:
    from wir_manager import logsetup
    from wir_manager.cli.context import UserError
    from wir_manager.services.progress import Cancelled
    from wir_manager.storage import keystore
    from wir_manager.storage.errors import StorageError

    try:
        # The passphrases leave os.environ for the run: no child process inherits them.
        with keystore.environment_taken():
            return int(args.func(ctx, args) or 0)
    except (StorageError, UserError, ValueError) as exc:
        # ValueError is how services reject input: its message is a sentence for the user.
        print(f"wir-manager: {exc}", file=sys.stderr)
        return 1
    except Cancelled:
        print("wir-manager: cancelled; nothing was changed.", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # Output piped into `head` and the like: the reader left, which is fine.
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("\nwir-manager: interrupted; the last transaction was rolled back.", file=sys.stderr)
        return 130
    except Exception as exc:
        path = logsetup.log_crash(type(exc), exc, exc.__traceback__)
        print(
            f"wir-manager: unexpected error ({type(exc).__name__}); details are in {path}",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
