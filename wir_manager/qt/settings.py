"""Typed user settings (Picard style), stored with QSettings as an INI file.

The file lives in ``config_dir()`` so ``WIR_MANAGER_HOME`` redirects it in tests. It holds
only window layout and preferences: never a key, a passphrase or candidate data (recent
file paths are the one exception the user can see and clear).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QHeaderView, QSplitter

from wir_manager.storage.paths import config_dir

T = TypeVar("T")

SETTINGS_FILE = "wir-manager.ini"
MAX_RECENT = 8


def open_settings() -> QSettings:
    """The application's settings file (created on first write)."""
    path = config_dir() / SETTINGS_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    return QSettings(str(path), QSettings.Format.IniFormat)


class Option(Generic[T]):
    """One setting with a key, a default and a converter, so callers get the right type
    back whatever QSettings' INI backend stored (it returns strings for most values)."""

    registry: dict[str, Option[Any]] = {}

    def __init__(self, key: str, default: T, convert: Callable[[Any], T]) -> None:
        self.key = key
        self.default = default
        self._convert = convert
        Option.registry[key] = self

    def get(self, settings: QSettings) -> T:
        raw = settings.value(self.key, None)
        if raw is None:
            return self.default
        try:
            return self._convert(raw)
        except (TypeError, ValueError):
            return self.default

    def set(self, settings: QSettings, value: T) -> None:
        settings.setValue(self.key, value)


def _to_bool(raw: Any) -> bool:
    if isinstance(raw, str):
        return raw.strip().lower() in {"1", "true", "yes", "on"}
    return bool(raw)


def _to_list(raw: Any) -> list[str]:
    if isinstance(raw, str):
        return [raw] if raw else []
    return [str(item) for item in raw or []]


def _to_bytes(raw: Any) -> QByteArray:
    return raw if isinstance(raw, QByteArray) else QByteArray(raw)


class BoolOption(Option[bool]):
    def __init__(self, key: str, default: bool) -> None:
        super().__init__(key, default, _to_bool)


class IntOption(Option[int]):
    def __init__(self, key: str, default: int, minimum: int = 0, maximum: int = 10**9) -> None:
        super().__init__(key, default, lambda raw: max(minimum, min(maximum, int(raw))))


class TextOption(Option[str]):
    def __init__(self, key: str, default: str) -> None:
        super().__init__(key, default, str)


class ListOption(Option[list[str]]):
    def __init__(self, key: str) -> None:
        super().__init__(key, [], _to_list)


# ------------------------------------------------------------------ the options
RECENT_FILES = ListOption("files/recent")
# Team servers connected to, as addresses without any password (postgresql://user@host/db).
RECENT_SERVERS = ListOption("servers/recent")
# The person using this computer account, signing their changes to local files (asked at
# the first unlock; on a team server the login signs instead).
OPERATOR_NAME = TextOption("identity/operator", "")
AUTO_LOCK_MINUTES = IntOption("security/auto_lock_minutes", 10, minimum=0, maximum=24 * 60)
# The sidebar screen shown last; a new user starts on Today (what is due), the first
# screen of the sidebar, which is where a coordinator's day begins.
LAST_SCREEN = TextOption("window/last_screen", "today")
WINDOW_GEOMETRY = Option("window/geometry", QByteArray(), _to_bytes)
WINDOW_STATE = Option("window/state", QByteArray(), _to_bytes)
# The import wizard's size and place as the user left them (empty: sized to the screen).
IMPORT_WIZARD_GEOMETRY = Option("import/geometry", QByteArray(), _to_bytes)
# "system", "en" or "sv" (qt.i18n checks the choice and applies it at the next start).
LANGUAGE = TextOption("ui/language", "system")
# The first-run tour was shown (or dismissed) once: not again.
TOUR_SEEN = BoolOption("ui/tour_seen", False)
# Folders last used to save a dossier and to open a spreadsheet ("" = Documents).
DOSSIER_FOLDER = TextOption("dossier/last_dir", "")
IMPORT_FOLDER = TextOption("import/last_dir", "")
# The request the Shortlists screen showed last (0 = none yet).
SHORTLIST_REQUEST = IntOption("shortlists/request", 0)


def recent_files(settings: QSettings) -> list[str]:
    return RECENT_FILES.get(settings)


def add_recent_file(settings: QSettings, path: str) -> None:
    """Put ``path`` first in the recent list (no duplicates, at most MAX_RECENT)."""
    items = [p for p in RECENT_FILES.get(settings) if p != path]
    RECENT_FILES.set(settings, [path, *items][:MAX_RECENT])
    from wir_manager import startup

    startup.remember_last_database(Path(path))  # read at the next start, before Qt


def apply_operator(settings: QSettings, db: object) -> None:
    """Sign changes to a local file with this person's name (:data:`OPERATOR_NAME`), when
    set; on a team server the login signs, whatever the setting."""
    name = OPERATOR_NAME.get(settings)
    use = getattr(db, "use_operator", None)
    if name and use is not None and not getattr(db, "is_server", False):
        use(name)


def recent_servers(settings: QSettings) -> list[str]:
    return RECENT_SERVERS.get(settings)


def add_recent_server(settings: QSettings, address: str) -> None:
    """Put a server address first in its recent list. ``address`` is what
    ``ServerAddress.display()`` gives: never a password."""
    items = [a for a in RECENT_SERVERS.get(settings) if a != address]
    RECENT_SERVERS.set(settings, [address, *items][:MAX_RECENT])


# ------------------------------------------------------------------ layout helpers
def save_header(settings: QSettings, key: str, header: QHeaderView) -> None:
    """Column widths, order and sort indicator of a table header."""
    settings.setValue(f"layout/{key}/header", header.saveState())


def restore_header(settings: QSettings, key: str, header: QHeaderView) -> bool:
    state = settings.value(f"layout/{key}/header")
    return bool(state) and header.restoreState(_to_bytes(state))


def save_splitter(settings: QSettings, key: str, splitter: QSplitter) -> None:
    settings.setValue(f"layout/{key}/splitter", splitter.saveState())


def restore_splitter(settings: QSettings, key: str, splitter: QSplitter) -> bool:
    state = settings.value(f"layout/{key}/splitter")
    return bool(state) and splitter.restoreState(_to_bytes(state))
