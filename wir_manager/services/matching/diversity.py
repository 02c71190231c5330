"""Spread of a shortlist by region, country, gender and affiliate: counts the
coordinator sees before sending, so a list of ten people from one chapter is noticed."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import select

from wir_manager.domain.codes import country_name, m49_name
from wir_manager.i18n import _
from wir_manager.storage import models as m
from wir_manager.storage.database import Database


@dataclass(frozen=True)
class Diversity:
    total: int
    #: (label, count), most frequent first, ties by label.
    regions: tuple[tuple[str, int], ...]
    countries: tuple[tuple[str, int], ...]
    genders: tuple[tuple[str, int], ...]
    affiliates: tuple[tuple[str, int], ...]


def _sorted(counter: Counter[str]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))


def _country(code: str | None) -> str:
    if not code:
        return _("not given")
    try:
        return country_name(code)
    except Exception:  # an odd code must not break the summary
        return code


def diversity(db: Database, candidate_ids: list[int]) -> Diversity:
    """Counts for the given people (unknown ids are ignored)."""
    ids = list(dict.fromkeys(int(c) for c in candidate_ids))
    regions: Counter[str] = Counter()
    countries: Counter[str] = Counter()
    genders: Counter[str] = Counter()
    affiliates: Counter[str] = Counter()
    total = 0
    with db.engine.connect() as conn:
        for start in range(0, len(ids), 500):
            rows = conn.execute(
                select(
                    m.Candidate.region,
                    m.Candidate.subregion,
                    m.Candidate.country,
                    m.Candidate.gender,
                    m.Affiliate.name,
                )
                .outerjoin(m.Affiliate, m.Affiliate.id == m.Candidate.affiliate_id)
                .where(m.Candidate.id.in_(ids[start : start + 500]))
            ).all()
            for region, subregion, country, gender, affiliate in rows:
                total += 1
                code = subregion or region
                regions[m49_name(code) if code else _("not given")] += 1
                countries[_country(country)] += 1
                genders[(gender or "").strip() or _("not given")] += 1
                affiliates[affiliate or _("no affiliate")] += 1
    return Diversity(
        total, _sorted(regions), _sorted(countries), _sorted(genders), _sorted(affiliates)
    )


def shortlist_diversity(db: Database, request_id: int) -> Diversity:
    """Diversity of a request's saved shortlist."""
    with db.engine.connect() as conn:
        ids = list(
            conn.execute(
                select(m.ShortlistEntry.candidate_id).where(
                    m.ShortlistEntry.request_id == request_id
                )
            ).scalars()
        )
    return diversity(db, ids)
