"""The programme's modules: list, add, change, reorder, and the default curriculum."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from wir_manager.domain import catalogue
from wir_manager.i18n import _
from wir_manager.services.concurrency import ensure_unchanged
from wir_manager.services.training.records import ModuleRecord, TrainingError
from wir_manager.storage import models as m
from wir_manager.storage.database import Database


def _module(row: m.TrainingModule) -> ModuleRecord:
    return ModuleRecord(
        row.id,
        row.position,
        row.title,
        row.description or "",
        bool(row.mandatory),
        bool(row.active),
        row.row_version or 0,
    )


def list_modules(db: Database, *, include_inactive: bool = True) -> list[ModuleRecord]:
    query = select(m.TrainingModule).order_by(m.TrainingModule.position, m.TrainingModule.id)
    if not include_inactive:
        query = query.where(m.TrainingModule.active.is_(True))
    with db.session() as s:
        return [_module(row) for row in s.scalars(query)]


def _clean_title(title: str) -> str:
    clean = " ".join((title or "").split())
    if not clean:
        raise TrainingError(_("A training module needs a title."))
    if len(clean) > 300:
        raise TrainingError(_("The module title is too long (at most 300 characters)."))
    return clean


def add_module(
    db: Database, title: str, description: str = "", *, mandatory: bool = True
) -> ModuleRecord:
    """Append a module at the end of the programme."""
    clean = _clean_title(title)
    with db.session(write=True) as s:
        last = s.execute(select(func.max(m.TrainingModule.position))).scalar() or 0
        row = m.TrainingModule(
            position=last + 1,
            title=clean,
            description=(description or "").strip() or None,
            mandatory=mandatory,
            active=True,
        )
        s.add(row)
        s.flush()
        return _module(row)


def update_module(
    db: Database,
    module_id: int,
    *,
    title: str | None = None,
    description: str | None = None,
    mandatory: bool | None = None,
    active: bool | None = None,
    expected_version: int | None = None,
) -> ModuleRecord:
    """Change any of a module's title, description, mandatory flag or active flag.

    With ``expected_version`` (the :attr:`ModuleRecord.version` the form loaded), a module
    changed meanwhile by someone else is not overwritten: :class:`ConcurrentEditError`
    says who and when.

    Deactivating keeps the module and everyone's progress on it (history stays true) but
    drops it from the grid and from the ready rule.
    """
    with db.session(write=True) as s:
        row = s.get(m.TrainingModule, module_id)
        if row is None:
            raise TrainingError(_("That training module no longer exists."))
        row = ensure_unchanged(s, m.TrainingModule, module_id, expected_version)
        if title is not None:
            row.title = _clean_title(title)
        if description is not None:
            row.description = description.strip() or None
        if mandatory is not None:
            row.mandatory = mandatory
        if active is not None:
            row.active = active
        s.flush()
        return _module(row)


def rename_module(db: Database, module_id: int, title: str) -> ModuleRecord:
    return update_module(db, module_id, title=title)


def set_mandatory(db: Database, module_id: int, mandatory: bool) -> ModuleRecord:
    return update_module(db, module_id, mandatory=mandatory)


def deactivate_module(db: Database, module_id: int) -> ModuleRecord:
    return update_module(db, module_id, active=False)


def reorder_modules(db: Database, ordered_ids: Sequence[int]) -> list[ModuleRecord]:
    """Give the modules the order of ``ordered_ids``, which must name every module once."""
    with db.session(write=True) as s:
        rows = {row.id: row for row in s.scalars(select(m.TrainingModule))}
        if sorted(ordered_ids) != sorted(rows):
            raise TrainingError(
                _(
                    "The new order must list every training module exactly once; reload and "
                    "try again."
                )
            )
        for pos, mid in enumerate(ordered_ids, start=1):
            if rows[mid].position != pos:
                rows[mid].position = pos
    return list_modules(db)


def move_module(db: Database, module_id: int, delta: int) -> list[ModuleRecord]:
    """Move one module ``delta`` places up (negative) or down; clamps at the ends."""
    ids = [mod.id for mod in list_modules(db)]
    if module_id not in ids:
        raise TrainingError(_("That training module no longer exists."))
    i = ids.index(module_id)
    j = max(0, min(len(ids) - 1, i + delta))
    ids.insert(j, ids.pop(i))
    return reorder_modules(db, ids)


def add_default_modules(s: Session) -> None:
    """Add the programme's default curriculum (docs/domain.md) in ``s`` when there is no
    module. The Training screen's button and the demo data both start a programme this
    way, so a demo database has exactly the curriculum a real one starts with; modules
    someone already made are never added to."""
    if s.execute(select(m.TrainingModule.id).limit(1)).first() is None:
        for pos, spec in enumerate(catalogue.DEFAULT_MODULES, start=1):
            s.add(
                m.TrainingModule(
                    position=pos,
                    title=spec.title,
                    description=spec.description,
                    mandatory=spec.mandatory,
                    active=True,
                )
            )


def install_default_modules(db: Database) -> list[ModuleRecord]:
    """Add the default curriculum when there is no module (:func:`add_default_modules`)."""
    with db.session(write=True) as s:
        add_default_modules(s)
    return list_modules(db)
