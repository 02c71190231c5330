"""Named, versioned weight profiles stored in the database.

A profile version never changes once written: shortlists point at it, so an old
shortlist can always say which weights produced it. Saving different weights under an
existing name adds the next version; saving the same weights again returns the latest.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from wir_manager.i18n import _
from wir_manager.services.concurrency import changed_elsewhere
from wir_manager.services.matching.errors import WeightsError
from wir_manager.services.matching.parts import DEFAULT_PROFILE, DEFAULT_WEIGHTS, merge_weights
from wir_manager.storage import models as m
from wir_manager.storage.database import Database


@dataclass(frozen=True, slots=True)
class WeightProfileInfo:
    id: int
    name: str
    version: int
    weights: dict[str, float]


def _info(row: m.WeightProfile) -> WeightProfileInfo:
    return WeightProfileInfo(row.id, row.name, row.version, merge_weights(row.weights, None))


def _latest(s: Session, name: str) -> m.WeightProfile | None:
    return s.execute(
        select(m.WeightProfile)
        .where(m.WeightProfile.name == name)
        .order_by(m.WeightProfile.version.desc())
        .limit(1)
    ).scalar_one_or_none()


def _check_name(name: str) -> str:
    clean = (name or "").strip()
    if not clean or len(clean) > 100:
        raise WeightsError(_("A weight profile needs a name of 1 to 100 characters."))
    return clean


def latest_profile_in(s: Session, name: str = DEFAULT_PROFILE) -> WeightProfileInfo:
    """Latest version of ``name`` inside an open session; the default is created on first use."""
    row = _latest(s, name)
    if row is None:
        if name != DEFAULT_PROFILE:
            raise WeightsError(_("There is no weight profile called “{name}”.").format(name=name))
        row = m.WeightProfile(name=DEFAULT_PROFILE, version=1, weights=dict(DEFAULT_WEIGHTS))
        s.add(row)
        s.flush()
    return _info(row)


def current_profile(db: Database, name: str = DEFAULT_PROFILE) -> WeightProfileInfo:
    """Latest version of the named profile (the default one is created on first use).

    Two threads may both try to create the default profile at first use; the loser hits
    the (name, version) unique constraint and simply reads the winner's row."""
    try:
        with db.session() as s:
            if name == DEFAULT_PROFILE and not db.may_write("weight_profiles", "INSERT"):
                # A viewer or staff login reads the stored profile once; on a team server
                # where no coordinator has ranked yet it ranks with the default weights as
                # they would be stored, leaving storing them to a login that may (id 0).
                row = _latest(s, name)
                if row is not None:
                    return _info(row)
                return WeightProfileInfo(
                    0, DEFAULT_PROFILE, 1, merge_weights(DEFAULT_WEIGHTS, None)
                )
            return latest_profile_in(s, name)
    except IntegrityError:
        with db.session() as s:
            return latest_profile_in(s, name)


def save_profile_in(
    s: Session, name: str, weights: Mapping[str, float], *, expected_version: int | None = None
) -> WeightProfileInfo:
    name = _check_name(name)
    row = _latest(s, name)
    if expected_version is not None and row is not None and row.version != expected_version:
        # Someone saved a newer version since these weights were loaded: say who and when
        # rather than stacking this one on top unseen (the caller may keep it on purpose).
        raise changed_elsewhere(s, m.WeightProfile, row.id, row.version)
    if row is None and name == DEFAULT_PROFILE:
        row = m.WeightProfile(name=name, version=1, weights=dict(DEFAULT_WEIGHTS))
        s.add(row)
        s.flush()
    base = row.weights if row is not None else DEFAULT_WEIGHTS
    merged = merge_weights(base, weights)
    if row is not None and merge_weights(row.weights, None) == merged:
        return _info(row)
    new = m.WeightProfile(name=name, version=(row.version + 1) if row else 1, weights=merged)
    s.add(new)
    s.flush()
    return _info(new)


def save_profile(
    db: Database, name: str, weights: Mapping[str, float], *, expected_version: int | None = None
) -> WeightProfileInfo:
    """Store ``weights`` (partial weights are merged onto the latest version) as the next
    version of ``name``; identical weights return the latest version unchanged. With
    ``expected_version`` (the version the sliders were loaded from), a newer version saved
    meanwhile by someone else refuses the save with :class:`ConcurrentEditError`."""
    with db.session() as s:
        return save_profile_in(s, name, weights, expected_version=expected_version)


def list_profiles(db: Database) -> list[WeightProfileInfo]:
    """The latest version of every profile, by name."""
    with db.session() as s:
        latest = (
            select(m.WeightProfile.name, func.max(m.WeightProfile.version).label("v"))
            .group_by(m.WeightProfile.name)
            .subquery()
        )
        rows = s.execute(
            select(m.WeightProfile)
            .join(
                latest,
                (m.WeightProfile.name == latest.c.name) & (m.WeightProfile.version == latest.c.v),
            )
            .order_by(m.WeightProfile.name)
        ).scalars()
        found = [_info(r) for r in rows]
        if not any(p.name == DEFAULT_PROFILE for p in found):
            found.insert(0, latest_profile_in(s))
        return found
