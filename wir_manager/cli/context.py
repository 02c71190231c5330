"""What every subcommand needs: the database path, unlocking, and output helpers."""

from __future__ import annotations

import datetime as dt
import getpass
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wir_manager.storage import keystore
from wir_manager.storage.database import Database
from wir_manager.storage.errors import NoPassphraseError, StorageError


class UserError(Exception):
    """A problem the user can fix; printed as one sentence, exit status 1."""


@dataclass
class CliContext:
    """``--db``: a database file, or a ``postgresql://`` URL of a team server."""

    target: Path | str

    @property
    def is_server(self) -> bool:
        return isinstance(self.target, str)

    @property
    def db_path(self) -> Path:
        """The database file; commands about files (backups, the keyring, passwd) refuse
        a team server here with one sentence."""
        if isinstance(self.target, str):
            raise UserError(
                "This command works on a local database file, not on a team server; "
                "see `wir-manager server --help` for what a server offers."
            )
        return self.target

    def open(self) -> Database:
        if isinstance(self.target, str):
            return self.connect()
        prompt = self.prompt_passphrase if sys.stdin.isatty() else None
        return keystore.unlock(self.target, prompt)

    def connect(self, *, check_schema: bool = True):
        """The team server (password: URL, PGPASSWORD, ~/.pgpass, else a prompt)."""
        from wir_manager.storage.server import ServerDatabase

        assert isinstance(self.target, str)
        prompt = self.prompt_server_password if sys.stdin.isatty() else None
        return ServerDatabase.connect(self.target, prompt, check_schema=check_schema)

    def prompt_passphrase(self) -> str:
        return getpass.getpass(f"Passphrase for {self.db_path.name}: ")

    @staticmethod
    def prompt_server_password(where: str) -> str:
        return getpass.getpass(f"Password for {where}: ")

    def new_passphrase(self, env: str = keystore.PASSPHRASE_ENV, what: str = "passphrase") -> str:
        """A new passphrase from ``env`` or typed twice at a terminal."""
        value = keystore.env_passphrase(env)
        if value is not None:
            # The same strength rule as a typed one: a script must not set "a" either.
            return check_new_passphrase(value, source=env)
        if not sys.stdin.isatty():
            raise NoPassphraseError(f"No {what} given: set {env} or run this in a terminal.")
        first = getpass.getpass(f"New {what}: ")
        check_new_passphrase(first)
        if getpass.getpass(f"Repeat the new {what}: ") != first:
            raise UserError("The two passphrases differ; nothing was changed.")
        return first

    def create(self, operator: str) -> Database:
        return Database.create(self.db_path, self.new_passphrase(), operator)


def db_argument(text: str) -> Path | str:
    """argparse type for ``--db``: a team server's URL stays text, anything else is a file."""
    from wir_manager.storage.server import is_server_url

    if is_server_url(text):
        return text.strip()
    return file_argument(text)


def check_new_passphrase(passphrase: str, *, source: str | None = None) -> str:
    """``passphrase`` when :func:`domain.passphrase.strength` accepts it (the rule the
    desktop dialogs use), else :class:`UserError` with one sentence naming ``source``
    (the environment variable) when given: a script must not set "a" either."""
    from wir_manager.domain.passphrase import MIN_LENGTH, Weakness, strength
    from wir_manager.i18n import _

    rating = strength(passphrase)
    if rating.acceptable:
        return passphrase
    hints = {
        Weakness.TOO_SHORT: _("Too short: use at least {n} characters.").format(n=MIN_LENGTH),
        Weakness.COMMON: _("It is a common password or a dictionary word."),
        Weakness.NAME: _("It is a name, which is among the first things tried."),
        Weakness.PATTERN: _("Keyboard patterns, sequences and repeats are tried first."),
        Weakness.DATE: _("Dates and years are tried first."),
    }
    hint = hints.get(rating.weakness, _("It is too easy to guess."))
    advice = _("Use a short sentence of several words.")
    if source:
        raise UserError(
            _("The passphrase in {source} is refused: {hint} {advice}").format(
                source=source, hint=hint, advice=advice
            )
        )
    raise UserError(f"{hint} {advice}")


def file_argument(text: str) -> Path:
    """argparse type for a file name: refuse what no file system accepts (empty, NUL)."""
    import argparse

    if not text.strip() or "\x00" in text:
        raise argparse.ArgumentTypeError(f"{text!r} is not a usable file name")
    return Path(text)


def date_argument(text: str) -> dt.date:
    """argparse type for a day (``--start``, ``--on``, ``--interview`` …): every command
    takes days the one way, ISO ``YYYY-MM-DD``, and refuses anything else with the same
    sentence."""
    import argparse

    from wir_manager.i18n import _

    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{value!r} is not a date (use YYYY-MM-DD)").format(value=text)
        ) from None


def _default(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if hasattr(value, "to_json"):
        return value.to_json()
    if hasattr(value, "value"):
        return value.value
    raise TypeError(f"cannot serialise {type(value).__name__}")


def _control_table() -> dict[int, str]:
    """Control characters → something a terminal prints instead of obeying.

    C0 controls (ESC starts colour and cursor sequences, BEL rings) become their visible
    "control pictures" (␛, ␇); DEL and C1 controls (U+009B is a one-byte CSI) and the
    bidi controls that reorder a terminal line become ``\\uXXXX``. Tab and newline stay.
    """
    table: dict[int, str] = {c: chr(0x2400 + c) for c in range(32) if c not in (9, 10)}
    table[0x7F] = "\u2421"
    for c in [*range(0x80, 0xA0), 0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F)]:
        table[c] = f"\\u{c:04x}"
    for c in range(0x2066, 0x206A):
        table[c] = f"\\u{c:04x}"
    return table


_CONTROLS = _control_table()
#: In JSON, the characters JSON itself does not escape: DEL, C1, bidi (lossless \u escapes).
_JSON_EXTRA = {c: f"\\u{c:04x}" for c in _CONTROLS if c >= 0x7F}


def neutralise_controls(text: str) -> str:
    """``text`` safe to print on a terminal (see :func:`_control_table`)."""
    return text.translate(_CONTROLS)


class SafeOutput:
    """A text stream that neutralises control characters in everything written to it.

    Names and notes come from the database, where a hostile import may have put
    ``ESC [2J`` or a right-to-left override; printed raw they would clear the screen or
    disguise a line. The CLI's human-readable output goes through this.
    """

    def __init__(self, stream: Any, *, carriage_return: bool = False) -> None:
        """``carriage_return``: let ``\r`` through (stderr's progress counter)."""
        self._stream = stream
        self._table = dict(_CONTROLS)
        if carriage_return:
            del self._table[13]

    def write(self, text: str) -> int:
        return self._stream.write(text.translate(self._table))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def print_json(data: Any) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2, default=_default)
    # json escapes C0 controls already; DEL, C1 and bidi controls are escaped here, so the
    # output is safe on a terminal and still decodes to exactly the same strings.
    sys.stdout.write(text.translate(_JSON_EXTRA) + "\n")


def print_table(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """Aligned plain-text columns; wide characters (CJK) count double so columns line up."""
    import unicodedata

    def width(text: str) -> int:
        return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)

    table = [[str(h) for h in headers]] + [["" if c is None else str(c) for c in r] for r in rows]
    widths = [max(width(row[i]) for row in table) for i in range(len(headers))]
    for n, row in enumerate(table):
        cells = [cell + " " * (widths[i] - width(cell)) for i, cell in enumerate(row)]
        sys.stdout.write("  ".join(cells).rstrip() + "\n")
        if n == 0:
            sys.stdout.write("  ".join("-" * w for w in widths) + "\n")


__all__ = [
    "CliContext",
    "SafeOutput",
    "StorageError",
    "UserError",
    "db_argument",
    "file_argument",
    "neutralise_controls",
    "print_json",
    "print_table",
]
