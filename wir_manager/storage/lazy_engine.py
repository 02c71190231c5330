"""The engine a database builds at first use, once, whichever thread asks first.

Both doors to the data (the encrypted file, :class:`storage.database.Database`, and the
team server, :class:`storage.server.ServerDatabase`) build their SQLAlchemy engine
lazily: importing SQLAlchemy takes longer than a bare Qt window needs to appear, so the
desktop app shows its window first and the first screen's background load pays for it.
The GUI thread and a worker may then ask at the same moment, and must get the same
engine; that rule lives here, once. No SQLAlchemy import at run time.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine


class LazyEngine:
    """Holds ``_engine`` (None until built) and ``_engine_lock``, which the subclass sets
    in its ``__init__``; :meth:`_build_engine` makes the engine and stores it."""

    _engine: Engine | None
    _engine_lock: threading.Lock

    @property
    def engine(self) -> Engine:
        engine = self._engine
        if engine is None:
            with self._engine_lock:
                if self._engine is None:
                    self._build_engine()
                engine = self._engine
        assert engine is not None
        return engine

    def _build_engine(self) -> None:
        """Set ``self._engine`` (and whatever goes with it, e.g. the session factory)."""
        raise NotImplementedError
