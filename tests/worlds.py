"""Small hand-built worlds that several test modules share (the fixtures that hand them
out live in conftest.py): the matching rules' request with its eleven candidates, and a
saved shortlist of six people in many scripts for dossiers."""

from __future__ import annotations

import datetime as dt

from wir_manager.domain.codes import region_columns, region_of
from wir_manager.domain.enums import (
    Importance,
    LanguageLevel,
    Platform,
    RequestStatus,
    Stage,
    Topic,
)
from wir_manager.services import demo
from wir_manager.storage import models as m

START = dt.date(2027, 1, 1)  # six months → ends 2027-07-01
REQ = Importance.REQUIRED.value


def _person(s, cid: int, name: str, **kw):
    """A ready, consenting, available candidate; ``kw`` overrides and adds children."""
    langs = kw.pop("langs", {"en": 5, "fr": 4})
    skills = kw.pop("skills", {"wikidata": 2})
    topics = kw.pop("topics", ())
    done = kw.pop("done", (1, 2))
    country = kw.pop("country", "SE")
    region = region_of(country)
    cand = m.Candidate(
        id=cid,
        full_name=name,
        username=f"user{cid}",
        country=country,
        region=region.region_code if region else None,
        subregion=region.subregion_code if region else None,
        gender=kw.pop("gender", None),
        stage=kw.pop("stage", Stage.READY),
        consent_store=True,
        consent_propose=kw.pop("consent_propose", True),
        available_from=kw.pop("available_from", dt.date(2026, 12, 1)),
        available_until=kw.pop("available_until", dt.date(2028, 1, 1)),
        active_since=kw.pop("active_since", 2027),
        edit_count=kw.pop("edit_count", 0),
        **kw,
    )
    s.add(cand)
    s.flush()
    for code, level in langs.items():
        s.add(m.CandidateLanguage(candidate_id=cid, code=code, level=level))
    for platform, level in skills.items():
        s.add(m.CandidateSkill(candidate_id=cid, platform=platform, level=level))
    for topic in topics:
        s.add(m.CandidateTopic(candidate_id=cid, topic=topic))
    for module_id in done:
        s.add(
            m.TrainingProgress(
                candidate_id=cid, module_id=module_id, status="completed", completed_on=START
            )
        )
    return cand


def matching_world(db):
    """Request 1: English ≥ C1 (required), French ≥ B2 or Spanish ≥ B2 (required),
    Arabic ≥ B2 (preferred); Wikidata ≥ intermediate (required), Commons ≥ basic (nice);
    topics health + gender; priority region Africa (002); 2027-01-01 for six months.
    Training: modules 1 and 2 mandatory, 3 optional."""
    with db.session() as s:
        org = m.Organisation(name="World Health Organization", acronym="WHO")
        s.add(org)
        s.add_all(
            [
                m.TrainingModule(id=1, position=1, title="Movement", mandatory=True),
                m.TrainingModule(id=2, position=2, title="IGOs", mandatory=True),
                m.TrainingModule(id=3, position=3, title="Edit-a-thons", mandatory=False),
            ]
        )
        s.flush()
        req = m.PlacementRequest(
            id=1,
            organisation_id=org.id,
            title="Wikidata resident for health data",
            start_date=START,
            duration_months=6,
            positions=2,
            status=RequestStatus.OPEN,
        )
        s.add(req)
        s.flush()
        s.add_all(
            [
                m.RequestLanguage(request_id=1, code="en", min_level=5, importance=REQ),
                m.RequestLanguage(
                    request_id=1, code="fr", min_level=4, importance=REQ, any_group=1
                ),
                m.RequestLanguage(
                    request_id=1, code="es", min_level=4, importance=REQ, any_group=1
                ),
                m.RequestLanguage(request_id=1, code="ar", min_level=4, importance="preferred"),
                m.RequestSkill(request_id=1, platform="wikidata", min_level=2, importance=REQ),
                m.RequestSkill(
                    request_id=1, platform="commons", min_level=1, importance="nice_to_have"
                ),
                m.RequestTopic(request_id=1, topic="health"),
                m.RequestTopic(request_id=1, topic="gender"),
                m.RequestPriorityRegion(request_id=1, region="002"),
            ]
        )
        # A: every part hand-computed below.
        _person(
            s,
            10,
            "Amina A",
            langs={"en": 7, "fr": 4, "ar": 3},
            skills={"wikidata": 3},
            topics=("health",),
            done=(1, 3),
            country="KE",
            active_since=2017,
            edit_count=9999,
            gender="woman",
        )
        _person(s, 11, "Bo B", langs={"en": 4, "fr": 5})  # English B2 only
        _person(s, 12, "Cy C", langs={"fr": 5}, skills={})  # two required items missing
        _person(s, 13, "Di D", consent_propose=False)  # no consent: never shown
        _person(s, 14, "Ed E", stage=Stage.IN_TRAINING)
        _person(s, 15, "Fe F", available_from=dt.date(2027, 2, 1))
        _person(s, 16, "Gu G")
        s.add(
            m.Placement(
                candidate_id=16, start_date=dt.date(2027, 3, 1), end_date=dt.date(2027, 9, 1)
            )
        )
        _person(s, 17, "Ha H", langs={"en": 6, "fr": 2})  # group fails
        _person(s, 18, "Io I", skills={"wikidata": 1})  # skill fails
        _person(s, 19, "Ju J", stage=Stage.APPLIED)  # not proposable at all
        _person(s, 20, "Ka K", country="NG", gender="man")  # plain eligible
    return db


ARABIC = "جودي آل سعود"
DEVANAGARI = "कृष्ण श्रेष्ठ"
CJK = "周艳"
MARKUP = "<b>x</b> & <font>"


def _candidate(s, name: str, username: str, *, propose: bool = True, share: bool = True) -> int:
    c = m.Candidate(
        full_name=name,
        username=username,
        email=f"{username.lower()}@mail.example",
        phone="+41 22 555 01 02" if share else "+41 22 555 09 09",
        country="EG",
        stage=Stage.READY,
        available_from=dt.date(2027, 1, 1),
        available_until=dt.date(2027, 12, 31),
        active_since=2012,
        edit_count=12345,
        consent_store=True,
        consent_propose=propose,
        consent_share_contact=share,
    )
    c.languages = [
        m.CandidateLanguage(code="ar", level=int(LanguageLevel.NATIVE)),
        m.CandidateLanguage(code="en", level=int(LanguageLevel.C1)),
    ]
    c.skills = [m.CandidateSkill(platform=Platform.WIKIDATA, level=3)]
    c.topics = [m.CandidateTopic(topic=Topic.HEALTH)]
    s.add(c)
    s.flush()
    return c.id


def shortlisted_request(db):
    """A request with a saved shortlist of six: scripts, markup, and consent edge cases."""
    ids = demo.ensure_reference_data(db)
    with db.session() as s:
        req = m.PlacementRequest(
            organisation_id=ids["org:WHO"],
            title="Wikidata resident for health data",
            description="Open WHO's health statistics on Wikidata.",
            duty_city="Geneva",
            duty_country="CH",
            start_date=dt.date(2027, 3, 1),
            duration_months=9,
            positions=2,
            deadline=dt.date(2027, 1, 15),
        )
        s.add(req)
        s.flush()
        people = {
            "latin": _candidate(s, "Amara Okafor", "AmaraO"),
            "arabic": _candidate(s, ARABIC, "JudyS", share=False),
            "devanagari": _candidate(s, DEVANAGARI, "Krishna"),
            "cjk": _candidate(s, CJK, "ZhouYan"),
            "markup": _candidate(s, MARKUP, "Markup"),
            "refused": _candidate(s, "Nadia Refused", "NoConsent", propose=False),
        }
        for rank, cid in enumerate(people.values(), start=1):
            s.add(
                m.ShortlistEntry(
                    request_id=req.id,
                    candidate_id=cid,
                    rank=rank,
                    score=90 - rank,
                    score_parts={"language": 30.0, "skills": 25.0, "topics": 35.0 - rank},
                )
            )
        request_id = req.id
    return db, request_id, people


def consenting_person(
    cid: int, name: str, country: str | None, gender: str | None, **fields: object
) -> m.Candidate:
    """One person of the placements and reports worlds: username and e-mail made from the
    id, the region columns from the country through the app's own rule
    (:func:`region_columns`, as the editor and the importer write them), consenting to be
    kept and proposed. These tests count people by region and gender, so each world
    builds them this one way; ``fields`` sets the rest (stage, dates, created_at)."""
    return m.Candidate(
        id=cid,
        full_name=name,
        username=f"user{cid}",
        email=f"user{cid}@example.org",
        country=country,
        **region_columns(country),
        gender=gender,
        consent_store=True,
        consent_propose=True,
        **fields,
    )


def two_requests(s, *, start: dt.date, deadline: dt.date) -> None:
    """WHO asks for one resident (request 1), UNEP for two (request 2), both remote from
    ``start`` for six months, English at B2 or better: the placements tests' requests."""
    who = m.Organisation(name="World Health Organization", acronym="WHO")
    unep = m.Organisation(name="UN Environment Programme", acronym="UNEP")
    s.add_all([who, unep])
    s.flush()
    for rid, org, positions, title in (
        (1, who, 1, "Wikidata resident for health data"),
        (2, unep, 2, "Commons resident for climate media"),
    ):
        s.add(
            m.PlacementRequest(
                id=rid,
                organisation_id=org.id,
                title=title,
                start_date=start,
                duration_months=6,
                positions=positions,
                deadline=deadline,
                work_mode="remote",
                status=RequestStatus.OPEN,
            )
        )
        s.flush()
        s.add(m.RequestLanguage(request_id=rid, code="en", min_level=4, importance="required"))
