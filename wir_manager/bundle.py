"""Where the application's own files are: a source checkout, or the unpacked bundle.

Kept apart from :mod:`wir_manager.storage.paths` (where the user's files go) so that
the translation layer — and through it the domain's code tables — can find the
resources without depending on the storage layer.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path


@functools.cache
def project_root() -> Path:
    """Root of a source checkout, or the unpacked bundle under PyInstaller (resolved
    once: the start-up window asks for a dozen icons)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parents[1]


def migrations_dir() -> Path:
    return project_root() / "migrations"


def resources_dir() -> Path:
    return project_root() / "resources"


def ui_dir() -> Path:
    return project_root() / "ui"
