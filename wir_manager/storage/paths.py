"""Where WiR Manager keeps files on this computer.

``WIR_MANAGER_HOME`` moves every location under one folder; tests and the canary check
use it so that everything the app writes can be found and searched.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

# The application's own folders are found by wir_manager.bundle; storage code and the
# tests reach them through this module too.
from wir_manager.bundle import migrations_dir, project_root, resources_dir, ui_dir

__all__ = [
    "APP_NAME",
    "DB_FILENAME",
    "backup_dir",
    "config_dir",
    "data_dir",
    "default_db_path",
    "log_dir",
    "migrations_dir",
    "project_root",
    "resources_dir",
    "ui_dir",
]

APP_NAME = "wir-manager"
DB_FILENAME = "wir-manager.db"


def _home() -> Path | None:
    value = os.environ.get("WIR_MANAGER_HOME")
    return Path(value) if value else None


def data_dir() -> Path:
    home = _home()
    return home / "data" if home else platformdirs.user_data_path(APP_NAME, appauthor=False)


def log_dir() -> Path:
    home = _home()
    return home / "logs" if home else platformdirs.user_log_path(APP_NAME, appauthor=False)


def config_dir() -> Path:
    home = _home()
    return home / "config" if home else platformdirs.user_config_path(APP_NAME, appauthor=False)


def default_db_path() -> Path:
    return data_dir() / DB_FILENAME


def backup_dir(db_path: Path) -> Path:
    """Backups sit beside the database, so moving the folder moves them too."""
    return db_path.parent / "backups"
