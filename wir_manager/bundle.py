"""Where the application's own files are: a source checkout, or the unpacked bundle.

Kept apart from :mod:`wir_manager.storage.paths` (where the user's files go) so that
the translation layer — and through it the domain's code tables — can find the
resources without depending on the storage layer.
"""

from __future__ import annotations

import sys
from pathlib import Path

#: The source checkout's root, resolved once (the start-up window asks for a dozen icons).
_CHECKOUT = Path(__file__).resolve().parents[1]


def project_root() -> Path:
    """Root of a source checkout, or the unpacked bundle under PyInstaller."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return _CHECKOUT


def migrations_dir() -> Path:
    return project_root() / "migrations"


def resources_dir() -> Path:
    return project_root() / "resources"


def ui_dir() -> Path:
    return project_root() / "ui"
