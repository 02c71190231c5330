"""Placement request service on a real encrypted database."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from wir_manager.services import requests as rq
from wir_manager.services.demo import ensure_reference_data
from wir_manager.storage import models as m

#: Every test here runs on a SQLCipher file and on a real PostgreSQL server.
pytestmark = pytest.mark.backends


@pytest.fixture
def org_id(db) -> int:
    ids = ensure_reference_data(db)
    return ids["org:WHO"]


def _draft(org_id: int, **changes) -> rq.RequestData:
    base = rq.RequestData(
        title="Wikidata resident for health data",
        organisation_id=org_id,
        description="Open WHO data on Wikidata.",
        work_mode="onsite",
        duty_city="Geneva",
        duty_country="CH",
        start_date=dt.date(2027, 3, 1),
        deadline=dt.date(2027, 1, 15),
        duration_months=9,
        positions=2,
        languages=(
            rq.LanguageRequirement("en", 5, "required"),
            rq.LanguageRequirement("fr", 4, "required", group=7),
            rq.LanguageRequirement("es", 4, "required", group=7),
        ),
        skills=(rq.SkillRequirement("wikidata", 3, "required"),),
        topics=("health",),
        priority_regions=("002",),
    )
    return rq.RequestData(**{**base.__dict__, **changes})


def test_create_read_update_round_trip(db, org_id: int) -> None:
    saved = rq.save_request(db, _draft(org_id))
    assert saved.id is not None
    again = rq.get_request(db, saved.id)
    assert again.title == "Wikidata resident for health data"
    assert again.organisation_name == "World Health Organization"
    # groups are renumbered from 1 on save
    assert [(r.code, r.group) for r in again.languages] == [("en", None), ("fr", 1), ("es", 1)]
    assert again.skills == (rq.SkillRequirement("wikidata", 3, "required"),)

    changed = rq.save_request(
        db,
        rq.RequestData(
            **{
                **again.__dict__,
                "languages": (rq.LanguageRequirement("ar", 6, "preferred"),),
                "skills": (
                    rq.SkillRequirement("commons", 2, "required"),
                    rq.SkillRequirement("sdc", 1, "nice_to_have"),
                ),
                "status": "shortlisting",
                "work_mode": "remote",
                "topics": ("gender", "health"),
                "priority_regions": ("014",),  # Eastern Africa, a sub-region
            }
        ),
    )
    final = rq.get_request(db, changed.id)
    assert final.status == "shortlisting"
    assert final.languages == (rq.LanguageRequirement("ar", 6, "preferred"),)
    assert [s.platform for s in final.skills] == ["commons", "sdc"]
    assert final.duty_city is None and final.duty_country is None
    assert final.topics == ("gender", "health")
    assert final.priority_regions == ("014",)
    rows = rq.list_request_rows(db)
    assert rows[0].id == saved.id and rows[0].place == "Remote"
    assert rows[0].languages == ""  # nothing required any more
    with db.engine.connect() as conn:
        audited = (
            conn.execute(
                select(m.AuditEntry.fields).where(
                    m.AuditEntry.entity == "request", m.AuditEntry.action == "update"
                )
            )
            .scalars()
            .all()
        )
    assert any("languages" in fields for fields in audited)


@pytest.mark.parametrize(
    ("changes", "area", "phrase"),
    [
        ({"deadline": dt.date(2027, 4, 1)}, "dates", "must not be after the start date"),
        ({"positions": 0}, "positions", "at least one position"),
        ({"title": "   "}, "title", "title"),
        ({"organisation_id": None}, "organisation", "organisation"),
        ({"duty_city": None}, "duty", "duty city"),
        ({"duty_country": "Atlantis"}, "duty", "not a known country"),
        ({"languages": (rq.LanguageRequirement("xq", 4),)}, "languages", "not a known language"),
        (
            {"languages": (rq.LanguageRequirement("fr", 4, group=1),)},
            "languages",
            "two or more languages",
        ),
        (
            {"skills": (rq.SkillRequirement("wikidata", 2), rq.SkillRequirement("wikidata", 3))},
            "skills",
            "listed twice",
        ),
        ({"priority_regions": ("999",)}, "regions", "M49"),
        ({"duration_months": 0}, "duration", "between 1 and"),
    ],
)
def test_validation_says_what_is_wrong_and_writes_nothing(
    db, org_id: int, changes: dict, area: str, phrase: str
) -> None:
    draft = _draft(org_id, **changes)
    problems = rq.validate_request(draft, db)
    assert any(p.field == area and phrase in p.message for p in problems), problems
    with pytest.raises(rq.RequestValidationError) as err:
        rq.save_request(db, draft)
    assert phrase in str(err.value)
    with db.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(m.PlacementRequest)).scalar() == 0


@pytest.mark.parametrize(
    ("code", "sentence"),
    [
        (
            "en",
            "The application deadline (1 Apr 2027) must not be after the start date (1 Mar 2027).",
        ),
        (
            "sv",
            "Sista ansökningsdag (1 apr. 2027) får inte vara efter startdatumet (1 mars 2027).",
        ),
    ],
)
def test_deadline_sentence_reads_its_dates_as_the_editor_does(
    db, org_id: int, british_dates, code: str, sentence: str
) -> None:
    """The deadline problem shows beside the request editor's date fields, so its dates
    read in the language in use, not as ISO text."""
    from wir_manager.i18n import using_language

    with using_language(code):
        problems = rq.validate_request(_draft(org_id, deadline=dt.date(2027, 4, 1)), db)
    assert [p.message for p in problems if p.field == "dates"] == [sentence]


def test_new_organisation_created_with_request_and_duplicates_refused(db, org_id: int) -> None:
    draft = _draft(
        org_id,
        organisation_id=None,
        new_organisation=rq.NewOrganisation("Global Seed Vault Trust", "GSVT", "igo", "NO"),
    )
    saved = rq.save_request(db, draft)
    assert saved.organisation_name == "Global Seed Vault Trust"
    assert any(o.acronym == "GSVT" for o in rq.list_organisations(db))
    with pytest.raises(rq.OrganisationError, match="already exists"):
        rq.create_organisation(db, rq.NewOrganisation("global seed vault trust"))
    made = rq.create_organisation(db, rq.NewOrganisation("Arctic Council", "AC", "igo"))
    assert made.display == "AC — Arctic Council"


def test_delete_and_missing(db, org_id: int) -> None:
    saved = rq.save_request(db, _draft(org_id))
    rq.delete_request(db, saved.id)
    with pytest.raises(rq.RequestNotFoundError, match="does not exist"):
        rq.get_request(db, saved.id)
    with db.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(m.RequestLanguage)).scalar() == 0


def test_summary_and_region_choices(demo_db) -> None:
    text = rq.language_summary(
        (
            rq.LanguageRequirement("en", 5),
            rq.LanguageRequirement("fr", 4, group=1),
            rq.LanguageRequirement("es", 4, group=1),
        )
    )
    assert text == "en ≥ C1 · (fr | es) ≥ B2"
    codes = dict(rq.priority_region_choices())
    assert codes["002"] == "Africa" and "014" in codes
    assert len(rq.list_request_rows(demo_db)) == 12


def test_new_organisation_problems_are_reported_before_saving(db, org_id: int) -> None:
    draft = _draft(
        org_id,
        organisation_id=None,
        new_organisation=rq.NewOrganisation("Oceans Board", country="Narnia"),
    )
    problems = rq.validate_request(draft)
    assert [p.field for p in problems] == ["organisation"]
    assert "not a known country" in problems[0].message


def test_no_lost_update_between_two_windows(demo_db) -> None:
    """Two windows load the same request; the second save must not overwrite the first."""
    from dataclasses import replace

    from wir_manager.services import requests as rq
    from wir_manager.services.concurrency import ConcurrentEditError

    rid = rq.list_request_rows(demo_db)[0].id
    window_a = rq.get_request(demo_db, rid)
    window_b = rq.get_request(demo_db, rid)
    saved = rq.save_request(demo_db, replace(window_a, title="Edited in window A"))
    with pytest.raises(ConcurrentEditError, match="another window"):
        rq.save_request(demo_db, replace(window_b, positions=window_b.positions + 1))
    assert rq.get_request(demo_db, rid).title == "Edited in window A"
    # Reloaded, window B can save.
    again = rq.save_request(demo_db, replace(saved, positions=saved.positions + 1))
    assert again.title == "Edited in window A" and again.positions == saved.positions + 1
