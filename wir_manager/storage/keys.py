"""Key material for one database file, derived once per unlock.

We run SQLCipher 4's own KDF (PBKDF2-HMAC-SHA512, 256,000 iterations, 32-byte key) on the
file's 16-byte salt ourselves and hand every pooled connection the resulting raw key.
The file therefore stays a standard SQLCipher 4 database: ``PRAGMA key = 'passphrase'``
in any SQLCipher 4 tool opens it, and no sidecar key file exists to be lost.
"""

from __future__ import annotations

import hashlib
import os
import unicodedata
from dataclasses import dataclass, field

KDF_ITERATIONS = 256_000
KEY_BYTES = 32
SALT_BYTES = 16


def normalize_passphrase(passphrase: str) -> bytes:
    """NFC so that the same passphrase typed on macOS, Windows or Linux derives the same key."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def read_salt(path: os.PathLike[str] | str) -> bytes:
    with open(path, "rb") as fh:
        return fh.read(SALT_BYTES)


@dataclass(eq=False)
class DatabaseKey:
    """Raw SQLCipher key plus the salt it was derived with.

    Held in a ``bytearray`` so :meth:`wipe` can overwrite it when the database is locked;
    ``repr`` never shows it, so it cannot leak through logs or tracebacks.
    """

    _key: bytearray = field(repr=False)
    salt: bytes = field(repr=False)

    @classmethod
    def derive(cls, passphrase: str, salt: bytes) -> DatabaseKey:
        if len(salt) != SALT_BYTES:
            raise ValueError("salt must be 16 bytes")
        raw = hashlib.pbkdf2_hmac(
            "sha512", normalize_passphrase(passphrase), salt, KDF_ITERATIONS, KEY_BYTES
        )
        return cls(bytearray(raw), bytes(salt))

    @classmethod
    def new(cls, passphrase: str) -> DatabaseKey:
        import secrets  # only a new file needs a salt; unlocking must not import it

        return cls.derive(passphrase, secrets.token_bytes(SALT_BYTES))

    @classmethod
    def from_hex(cls, key_hex: str, salt: bytes) -> DatabaseKey:
        raw = bytes.fromhex(key_hex)
        if len(raw) != KEY_BYTES:
            raise ValueError("stored key has the wrong length")
        return cls(bytearray(raw), bytes(salt))

    def key_hex(self) -> str:
        self._check()
        return self._key.hex()

    def pragma_literal(self, with_salt: bool = False) -> str:
        """The quoted raw-key literal for ``PRAGMA key``/``rekey``/``ATTACH … KEY``.

        ``with_salt`` pins the salt explicitly, which is needed only when creating a file
        (a new database or a backup copy) so that its header carries our salt.
        """
        self._check()
        body = self._key.hex() + (self.salt.hex() if with_salt else "")
        return f"\"x'{body}'\""

    @property
    def wiped(self) -> bool:
        return not any(self._key)

    def wipe(self) -> None:
        for i in range(len(self._key)):
            self._key[i] = 0

    def copy(self) -> DatabaseKey:
        return DatabaseKey(bytearray(self._key), self.salt)

    def _check(self) -> None:
        if self.wiped:
            raise RuntimeError("the database is locked")

    def __reduce__(self):  # pragma: no cover - defensive
        raise TypeError("database keys are not picklable")
