"""How hard a new passphrase is to guess, and whether it is good enough to encrypt with.

The whole database is protected by one passphrase, and anyone who copies the file can
try passphrases offline as fast as their hardware allows (PBKDF2 slows each guess, it
does not stop a list of common passwords). Counting character classes calls
``Password1`` strong and ``password`` acceptable; ``zxcvbn`` estimates the number of
guesses from dictionaries of common passwords, names and words, keyboard patterns,
dates and repeats, which is what an attacker tries first.

This module answers with members of :class:`Strength` and :class:`Weakness`, never with
sentences: the desktop app and the command line word them in the user's language.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass

#: Below this length a passphrase is refused before it is rated.
MIN_LENGTH = 8
#: zxcvbn rates only the first characters (its cost grows with the length); a passphrase
#: this long is strong by length alone.
RATED_LENGTH = 64


class Strength(enum.IntEnum):
    TOO_SHORT = 0
    WEAK = 1  # guessable: refused
    FAIR = 2  # accepted
    STRONG = 3


class Weakness(enum.Enum):
    """Why a passphrase is guessable (the first reason found)."""

    NONE = "none"
    TOO_SHORT = "too_short"
    COMMON = "common"  # a common password or a dictionary word with small changes
    NAME = "name"  # a name, or the user's own name / file name
    PATTERN = "pattern"  # keyboard rows, sequences (abcd, 1234) or repeats (aaaa)
    DATE = "date"  # dates and years
    SHORT_GUESSABLE = "short_guessable"  # nothing specific, just too few guesses


@dataclass(frozen=True, slots=True)
class Rating:
    level: Strength
    weakness: Weakness

    @property
    def acceptable(self) -> bool:
        """Good enough to create a database or set as the new passphrase."""
        return self.level >= Strength.FAIR


def _weakness(sequence: Sequence[dict[str, object]]) -> Weakness:
    patterns = [str(m.get("pattern", "")) for m in sequence]
    names = {"surnames", "male_names", "female_names", "user_inputs"}
    for match in sequence:
        if match.get("pattern") == "dictionary":
            return Weakness.NAME if match.get("dictionary_name") in names else Weakness.COMMON
    if any(p in ("spatial", "sequence", "repeat") for p in patterns):
        return Weakness.PATTERN
    if any(p in ("date", "regex") for p in patterns):  # regex: "recent_year"
        return Weakness.DATE
    return Weakness.SHORT_GUESSABLE


def strength(passphrase: str, user_inputs: Sequence[str] = ()) -> Rating:
    """Rate ``passphrase``; ``user_inputs`` are words an attacker would try first (the
    operator's name, the file name), counted as guessable."""
    if len(passphrase) < MIN_LENGTH:
        return Rating(Strength.TOO_SHORT, Weakness.TOO_SHORT)
    if len(passphrase) >= RATED_LENGTH:
        return Rating(Strength.STRONG, Weakness.NONE)
    from zxcvbn import zxcvbn  # its dictionaries take a moment to load: only when rating

    inputs = [w for w in user_inputs if w and len(w) >= 3]
    result = zxcvbn(passphrase, user_inputs=inputs)
    score = int(result["score"])
    if score >= 4:
        return Rating(Strength.STRONG, Weakness.NONE)
    if score == 3:
        return Rating(Strength.FAIR, Weakness.NONE)
    return Rating(Strength.WEAK, _weakness(result.get("sequence", [])))


__all__ = ["MIN_LENGTH", "Rating", "Strength", "Weakness", "strength"]
