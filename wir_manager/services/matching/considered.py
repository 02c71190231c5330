"""Who a ranking does not consider, and why (#16.6).

A ranking reads only the pool (:mod:`.pool`): people who consented to be proposed and
whose stage lets them be proposed (ready, proposed, in training, placed). Everyone else
is left out *before* any requirement is checked, so "nobody is eligible, 0 near misses"
could hide a whole cohort still in *applied* or *screened*. This module counts them by
reason so the screen can say so.

Finishing the mandatory modules does not promote an applied or screened person (see
:func:`wir_manager.services.training.marking.promote_ready`: the programme admits people
by screening, and training done early must not skip it). :attr:`NotConsidered.finished`
counts those people so the screen can point at them for a person to review.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, func, select

from wir_manager.domain.enums import Stage, TrainingStatus
from wir_manager.services.matching.pool import POOL_STAGES
from wir_manager.storage import models as m
from wir_manager.storage.database import Database

#: Stages a person may still be admitted from (the programme screens them first).
NOT_YET_ADMITTED = (Stage.APPLIED, Stage.SCREENED)


@dataclass(frozen=True)
class NotConsidered:
    """People outside every ranking, by reason (each person counted once)."""

    #: Stage → how many are left out for it (stages outside the pool; most common first).
    by_stage: tuple[tuple[Stage, int], ...] = ()
    #: In a stage that could be proposed, but without consent to be proposed.
    without_consent: int = 0
    #: Applied or screened people who completed every mandatory module.
    finished: int = 0

    @property
    def total(self) -> int:
        return sum(n for _s, n in self.by_stage) + self.without_consent


def not_considered(db: Database) -> NotConsidered:
    """Count the people no ranking considers (one grouped read, plus one for the
    applied/screened people whose mandatory training is complete)."""
    c = m.Candidate
    with db.connection() as conn:
        rows = conn.execute(
            select(c.stage, c.consent_propose, func.count()).group_by(c.stage, c.consent_propose)
        ).all()
        need = conn.execute(
            select(func.count())
            .select_from(m.TrainingModule)
            .where(m.TrainingModule.mandatory.is_(True), m.TrainingModule.active.is_(True))
        ).scalar_one()
        finished = 0
        if need:
            done = (
                select(m.TrainingProgress.candidate_id)
                .join(m.TrainingModule, m.TrainingModule.id == m.TrainingProgress.module_id)
                .where(
                    m.TrainingProgress.status == TrainingStatus.COMPLETED.value,
                    m.TrainingModule.mandatory.is_(True),
                    m.TrainingModule.active.is_(True),
                )
                .group_by(m.TrainingProgress.candidate_id)
                .having(func.count() >= need)
                .subquery()
            )
            finished = conn.execute(
                select(func.count())
                .select_from(c)
                .join(done, and_(done.c.candidate_id == c.id))
                .where(c.stage.in_([s.value for s in NOT_YET_ADMITTED]))
            ).scalar_one()
    by_stage: dict[Stage, int] = {}
    without_consent = 0
    for stage, consent, n in rows:
        try:
            member = Stage(stage)
        except ValueError:
            continue
        if member.value not in POOL_STAGES:
            by_stage[member] = by_stage.get(member, 0) + int(n)
        elif not consent:
            without_consent += int(n)
    order = sorted(by_stage.items(), key=lambda item: (-item[1], list(Stage).index(item[0])))
    return NotConsidered(tuple(order), without_consent, int(finished))
