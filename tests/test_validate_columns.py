"""The importer checks a sheet field by field (``validate_columns``) and the editor one
person at a time (``validate``): the two must give the same sentences, in the same order,
for every person — or an import could accept someone the editor then refuses to save.

Hypothesis draws whole sheets from small pools of values, good and bad, so that values
repeat (as countries, levels and consent dates do in a real sheet) and problems of every
kind, alone and together, land on the same and on different rows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import fields, replace
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from wir_manager.domain.enums import Stage, Topic
from wir_manager.services import candidate_records
from wir_manager.services.candidate_records import CandidateData
from wir_manager.services.records import LanguageSkill, PlatformSkill

TODAY = dt.date(2026, 12, 3)

POOLS: dict[str, list[Any]] = {
    "full_name": ["", "Aïcha Benali", "李小龍", "अनन्या शर्मा", "محمد الأمين", "ñ" * 400],
    "latin_name": [None, "Li Xiaolong", "Ananya Sharma"],
    "username": ["", "Ananya_S", "Li Xiaolong", "bad|name", "u" * 300, "Aïcha"],
    "email": [None, "aicha@example.org", "not an address", "li@例え.jp", "a@b.c", "x@wiki.se"],
    "phone": [None, "+46 8 123 45 67"],
    "country": [None, "SE", "IN", "ZZ", "EG"],
    "gender": [None, "woman"],
    "stage": [Stage.APPLIED, Stage.READY, "hired"],
    "available_from": [None, dt.date(2027, 1, 15), dt.date(2027, 6, 1)],
    "available_until": [None, dt.date(2027, 3, 1), dt.date(2028, 1, 1)],
    "willing_to_relocate": [None, True, False],
    "active_since": [None, 1990, 2008, 2031],
    "edit_count": [None, 0, -3, 15_000, 10**12],
    "notes": [None, "met at Wikimania", "n" * 5000],
    "consent_store": [True, False],
    "consent_store_at": [None, dt.date(2026, 2, 1), dt.date(2027, 1, 1)],
    "consent_propose": [True, False],
    "consent_propose_at": [None, dt.date(2026, 5, 5), TODAY + dt.timedelta(days=1)],
    "consent_share_contact": [True, False],
    "consent_share_contact_at": [None, TODAY],
    "languages": [
        (),
        (LanguageSkill("ar", 7), LanguageSkill("en", 5)),
        (LanguageSkill("hi", 4),),
        (LanguageSkill("xx", 3),),
        (LanguageSkill("sv", 9),),
        (LanguageSkill("fr", 4), LanguageSkill("fr", 6)),
    ],
    "skills": [
        (),
        (PlatformSkill("wikidata", 2), PlatformSkill("commons", 1)),
        (PlatformSkill("nowhere", 1),),
        (PlatformSkill("wikipedia", 7),),
    ],
    "topics": [(), (Topic.HEALTH,), (Topic.HEALTH, Topic.CLIMATE), ("basket weaving",)],
}

assert set(POOLS) == {f.name for f in fields(CandidateData)} - {"affiliate_id"}


def person(draw: st.DrawFn) -> CandidateData:
    return CandidateData(**{name: draw(st.sampled_from(pool)) for name, pool in POOLS.items()})


people = st.lists(st.composite(person)(), min_size=0, max_size=30)


def editor_answers(records: list[CandidateData]) -> dict[int, list[tuple[str, str]]]:
    answers = {}
    for row, data in enumerate(records):
        if errors := candidate_records.validate(data, today=TODAY, normalised=True):
            answers[row] = list(errors.items())
    return answers


def columns_of(records: list[CandidateData], names: set[str]) -> dict[str, list[Any]]:
    return {name: [getattr(r, name) for r in records] for name in names}


@settings(max_examples=300, deadline=None)
@given(people, st.sets(st.sampled_from(sorted(POOLS))))
def test_a_sheet_checked_by_column_gets_the_editors_answers_row_for_row(
    drawn: list[CandidateData], missing: set[str]
) -> None:
    # A field the sheet has no column for keeps its default, as the importer builds it.
    defaults: dict[str, Any] = {f.name: f.default for f in fields(CandidateData)}
    records = [
        CandidateData(**{**{n: getattr(r, n) for n in POOLS}, **{n: defaults[n] for n in missing}})
        for r in drawn
    ]
    records = [r.normalised() for r in records]
    columns = columns_of(records, set(POOLS) - missing)

    found = candidate_records.validate_columns(columns, len(records), today=TODAY)

    assert {row: list(errors.items()) for row, errors in found.items()} == editor_answers(records)


@settings(max_examples=100, deadline=None)
@given(people)
def test_stand_in_keys_give_the_same_answers_as_the_values(drawn: list[CandidateData]) -> None:
    records = [r.normalised() for r in drawn]
    columns = columns_of(records, set(POOLS))
    # The importer's keys: one number per distinct value of the column, in first-seen order.
    keys = {}
    for name, column in columns.items():
        numbers: dict[object, int] = {}
        keys[name] = [numbers.setdefault(repr(v), len(numbers)) for v in column]

    found = candidate_records.validate_columns(columns, len(records), keys=keys, today=TODAY)

    assert {row: list(errors.items()) for row, errors in found.items()} == editor_answers(records)


def test_a_problem_in_a_repeated_value_is_said_on_every_row_that_has_it() -> None:
    good = CandidateData(
        full_name="Ananya Sharma",
        username="Ananya_S",
        country="IN",
        consent_store=True,
        consent_store_at=dt.date(2026, 2, 1),
    )
    records = [good, replace(good, country="ZZ"), good] * 3
    columns = columns_of(records, set(POOLS))

    found = candidate_records.validate_columns(columns, len(records), today=TODAY)

    assert sorted(found) == [1, 4, 7]
    assert {tuple(e) for e in found.values()} == {("country",)}
    assert found[1]["country"] == "Pick a country from the list."
