"""What every screen receives: the unlocked database, the task runner, settings, and the
hub that tells screens when stored data changed."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QSettings

from wir_manager.qt.change_hub import ChangeHub
from wir_manager.qt.tasks import TaskRunner
from wir_manager.storage.database import Database


@dataclass
class AppContext:
    db: Database
    tasks: TaskRunner
    settings: QSettings
    # Changes to the data, from any screen, task or other person (see qt.change_hub).
    hub: ChangeHub = field(default_factory=ChangeHub)

    def __post_init__(self) -> None:
        self.hub.watch(self.db)
        _follow_others(self.db)

    def use_database(self, db: Database) -> None:
        """Continue with another (re-opened) database: its changes reach the screens."""
        self.db = db
        self.hub.watch(db)
        _follow_others(db)


def _follow_others(db: object) -> None:
    """On a team server, other clients' changes join the database's change feed (and so
    reach the hub, the screens and the pool cache) within a second; see
    ``ServerDatabase.follow_others``. A file has no other clients."""
    follow = getattr(db, "follow_others", None)
    if follow is not None and not getattr(db, "closed", False):
        follow()
