"""Realistic synthetic data for demos, screenshots and benchmarks.

People come from many locales, so names appear in Latin, Cyrillic, Greek, Arabic,
Hebrew, Devanagari, Bengali, Thai and CJK scripts. Distributions follow the programme:
most candidates speak English, many a second UN language; stages and training records
agree (a "ready" candidate has completed every mandatory module).

The same seed gives the same data: every random draw comes from one ``random.Random``
and Faker instances seeded from it, and dates hang off a fixed anchor, not "today".
Fields added later describe their demo values themselves (``FieldSpec.demo``) and draw
from their own stream seeded from the same seed, so adding one leaves everyone's other
data exactly as it was.
Rows go in through Core bulk inserts in ONE transaction, so 50,000 candidates take
seconds and a cancelled run writes nothing.
"""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
from dataclasses import dataclass

from faker import Faker
from sqlalchemy import insert, select

from wir_manager.domain import catalogue
from wir_manager.domain.codes import region_columns
from wir_manager.domain.enums import (
    AuditAction,
    Importance,
    LanguageLevel,
    Platform,
    RequestStatus,
    Stage,
    Topic,
    TrainingStatus,
    WorkMode,
)
from wir_manager.services import demo_placements
from wir_manager.services.candidate_records import FIELDS
from wir_manager.services.progress import NO_PROGRESS, Progress
from wir_manager.services.training.modules import add_default_modules
from wir_manager.storage import models as m
from wir_manager.storage.database import Database
from wir_manager.storage.ids import new_ids

#: Dates in demo data are relative to this day, so a seed always gives the same data.
ANCHOR = dt.date(2026, 9, 1)


@dataclass(frozen=True)
class Origin:
    locale: str
    country: str
    language: str
    weight: float
    family_first: bool = False


ORIGINS: tuple[Origin, ...] = (
    Origin("ar_SA", "SA", "ar", 4),
    Origin("ar_SA", "EG", "ar", 4),
    Origin("ar_JO", "JO", "ar", 2),
    Origin("fa_IR", "IR", "fa", 3),
    Origin("he_IL", "IL", "he", 1),
    Origin("hi_IN", "IN", "hi", 6),
    Origin("ne_NP", "NP", "ne", 2),
    Origin("bn_BD", "BD", "bn", 4),
    Origin("ru_RU", "RU", "ru", 4),
    Origin("uk_UA", "UA", "uk", 3),
    Origin("el_GR", "GR", "el", 1),
    Origin("zh_CN", "CN", "zh", 4, True),
    Origin("zh_TW", "TW", "zh", 2, True),
    Origin("ja_JP", "JP", "ja", 2, True),
    Origin("ko_KR", "KR", "ko", 2, True),
    Origin("th_TH", "TH", "th", 1),
    Origin("vi_VN", "VN", "vi", 1),
    Origin("id_ID", "ID", "id", 2),
    Origin("sw", "TZ", "sw", 3),
    Origin("en_KE", "KE", "sw", 3),
    Origin("en_NG", "NG", "yo", 3),
    Origin("ha_NG", "NG", "ha", 2),
    Origin("tw_GH", "GH", "ak", 2),
    Origin("en_GB", "GB", "en", 2),
    Origin("en_US", "US", "en", 3),
    Origin("en_IN", "IN", "en", 2),
    Origin("fr_FR", "FR", "fr", 4),
    Origin("es_ES", "ES", "es", 3),
    Origin("es_MX", "MX", "es", 3),
    Origin("es_AR", "AR", "es", 2),
    Origin("pt_BR", "BR", "pt", 4),
    Origin("de_DE", "DE", "de", 3),
    Origin("sv_SE", "SE", "sv", 3),
    Origin("cs_CZ", "CZ", "cs", 2),
    Origin("tr_TR", "TR", "tr", 2),
)

STAGE_WEIGHTS: tuple[tuple[Stage, float], ...] = (
    (Stage.APPLIED, 12),
    (Stage.SCREENED, 10),
    (Stage.IN_TRAINING, 25),
    (Stage.READY, 25),
    (Stage.PROPOSED, 8),
    (Stage.PLACED, 8),
    (Stage.ALUMNI, 8),
    (Stage.WITHDRAWN, 4),
)
SKILL_ODDS: dict[Platform, float] = {
    Platform.WIKIPEDIA: 0.95,
    Platform.WIKIDATA: 0.6,
    Platform.COMMONS: 0.55,
    Platform.SDC: 0.25,
    Platform.WIKISOURCE: 0.2,
    Platform.WIKIBASE: 0.1,
    Platform.OUTREACH: 0.45,
    Platform.DASHBOARD: 0.3,
}
TOPIC_WEIGHTS: tuple[tuple[Topic, float], ...] = (
    (Topic.GENDER, 5),
    (Topic.CLIMATE, 5),
    (Topic.HEALTH, 5),
    (Topic.EDUCATION, 3),
    (Topic.HERITAGE, 3),
    (Topic.HUMAN_RIGHTS, 2),
    (Topic.SDG, 2),
    (Topic.SCIENCE, 2),
    (Topic.OPEN_ACCESS, 2),
)
GENDERS: tuple[tuple[str | None, float], ...] = (
    ("woman", 45),
    ("man", 43),
    ("non-binary", 4),
    (None, 8),
)
LEVELS_SECOND = (LanguageLevel.B1, LanguageLevel.B2, LanguageLevel.C1, LanguageLevel.C2)
REGIONAL = ("sw", "ha", "am", "pt", "hi", "bn", "fa", "yo", "id", "tr")
ROLE_TITLES = (
    "Wikimedian in Residence for {topic}",
    "Wikidata resident: {topic} data",
    "Open knowledge resident ({topic})",
    "Commons & Structured Data resident for {topic} media",
    "Wikipedia resident for {topic} content",
)

CITIES = {o.acronym: (o.city, o.country) for o in catalogue.ORGANISATIONS}
#: Fields whose description says how to make up their demo values (see ``FieldSpec.demo``).
DEMO_FIELDS = tuple(spec for spec in FIELDS if spec.demo is not None)


@dataclass(frozen=True)
class DemoSummary:
    candidates: int
    requests: int
    organisations: int
    modules: int


def _pick(rng: random.Random, weighted: tuple[tuple[object, float], ...]) -> object:
    items, weights = zip(*weighted, strict=True)
    return rng.choices(items, weights)[0]


def _ascii_handle(name: str, rng: random.Random) -> str:
    base = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    base = "".join(ch for ch in base.title() if ch.isalnum())[:18]
    return base or f"Wikimedian{rng.randint(100, 99999)}"


def ensure_reference_data(db: Database) -> dict[str, int]:
    """Make sure the curriculum, organisations and affiliates exist; returns name → id maps
    merged under prefixes ``org:``/``aff:``/``mod:``. Safe to call repeatedly."""
    with db.session(write=True) as s:
        s.info["audit_disabled"] = True
        have_orgs = {name for (name,) in s.execute(select(m.Organisation.name))}
        for spec in catalogue.ORGANISATIONS:
            if spec.name not in have_orgs:
                s.add(
                    m.Organisation(
                        name=spec.name, acronym=spec.acronym, kind=spec.kind, country=spec.country
                    )
                )
        have_aff = {name for (name,) in s.execute(select(m.Affiliate.name))}
        for name, kind, country in catalogue.AFFILIATES:
            if name not in have_aff:
                s.add(m.Affiliate(name=name, kind=kind, country=country))
        add_default_modules(s)
        s.flush()
        ids: dict[str, int] = {}
        for oid, acronym in s.execute(select(m.Organisation.id, m.Organisation.acronym)):
            ids[f"org:{acronym}"] = oid
        for aid, country in s.execute(select(m.Affiliate.id, m.Affiliate.country)):
            ids.setdefault(f"aff:{country}", aid)
        for mid, pos in s.execute(select(m.TrainingModule.id, m.TrainingModule.position)):
            ids[f"mod:{pos}"] = mid
    return ids


def generate(
    db: Database,
    candidates: int = 500,
    requests: int = 20,
    seed: int = 1,
    progress: Progress = NO_PROGRESS,
) -> DemoSummary:
    """Add ``candidates`` people and ``requests`` placement requests to ``db``."""
    rng = random.Random(seed)
    # Fields described with their own demo values draw from their own streams.
    field_rngs = {spec.name: random.Random(f"{spec.name}:{seed}") for spec in DEMO_FIELDS}
    ids = ensure_reference_data(db)
    with db.engine.connect() as conn:
        modules = [
            (mid, mandatory)
            for mid, mandatory in conn.execute(
                select(m.TrainingModule.id, m.TrainingModule.mandatory).order_by(
                    m.TrainingModule.position
                )
            )
        ]
    fakers: dict[str, Faker] = {}
    for i, origin in enumerate(ORIGINS):
        fk = Faker(origin.locale)
        fk.seed_instance(seed * 1000 + i)
        fakers[origin.locale] = fk
    latin = Faker("en_US")
    latin.seed_instance(seed)
    origin_weights = [o.weight for o in ORIGINS]
    aff_ids = [v for k, v in ids.items() if k.startswith("aff:")]

    batch = 2000
    # The next free ids and the usernames in use are read inside the write transaction,
    # which holds the write lock from its start: two demo runs at once (two windows) then
    # take turns instead of both picking the same ids.
    with db.connection(write=True) as conn:
        taken = {u for (u,) in conn.execute(select(m.Candidate.username))}
        candidate_ids = new_ids(conn, m.Candidate, candidates)
        cand_rows: list[dict] = []
        lang_rows: list[dict] = []
        skill_rows: list[dict] = []
        topic_rows: list[dict] = []
        train_rows: list[dict] = []

        def flush() -> None:
            for table, rows in (
                (m.Candidate, cand_rows),
                (m.CandidateLanguage, lang_rows),
                (m.CandidateSkill, skill_rows),
                (m.CandidateTopic, topic_rows),
                (m.TrainingProgress, train_rows),
            ):
                if rows:
                    conn.execute(insert(table), rows)
                    rows.clear()

        for n in range(candidates):
            cid = candidate_ids[n]
            origin = rng.choices(ORIGINS, origin_weights)[0]
            fk = fakers[origin.locale]
            first, last = fk.first_name(), fk.last_name()
            if origin.family_first:
                name = f"{last}{first}" if origin.language in ("zh", "ko") else f"{last} {first}"
            else:
                name = f"{first} {last}"
            handle = _ascii_handle(f"{first}{last}", rng)
            if handle.startswith("Wikimedian") or rng.random() < 0.3:
                handle = latin.user_name().capitalize()
            username = handle
            while username in taken:
                username = f"{handle}{rng.randint(2, 9999)}"
            taken.add(username)
            stage = _pick(rng, STAGE_WEIGHTS)
            affiliate = ids.get(f"aff:{origin.country}") if rng.random() < 0.7 else None
            if affiliate is None and rng.random() < 0.5:
                affiliate = rng.choice(aff_ids)
            since = rng.randint(2004, 2025)
            created = ANCHOR - dt.timedelta(days=rng.randint(10, 900))
            available_from = ANCHOR + dt.timedelta(days=rng.randint(-60, 300))
            consent_at = created + dt.timedelta(days=rng.randint(0, 5))
            propose = rng.random() < 0.9
            share = propose and rng.random() < 0.75
            row = {
                "id": cid,
                "full_name": name,
                "username": username,
                "email": f"{username.lower()}@example.org",
                "phone": fk.phone_number() if rng.random() < 0.8 else None,
                "country": origin.country,
                **region_columns(origin.country),
                "affiliate_id": affiliate,
                "gender": _pick(rng, GENDERS),
                "stage": stage.value,
                "available_from": available_from,
                "available_until": available_from + dt.timedelta(days=rng.randint(180, 900)),
                "active_since": since,
                "edit_count": int(rng.lognormvariate(7.5, 1.4)),
                "notes": None,
                "consent_store": True,
                "consent_store_at": consent_at,
                "consent_propose": propose,
                "consent_propose_at": consent_at if propose else None,
                "consent_share_contact": share,
                "consent_share_contact_at": consent_at if share else None,
                "created_at": dt.datetime.combine(created, dt.time(9)),
                "updated_at": dt.datetime.combine(created, dt.time(9)),
            }
            for spec in DEMO_FIELDS:
                assert spec.demo is not None
                row[spec.name] = spec.demo(field_rngs[spec.name], row)
            cand_rows.append(row)
            langs = {origin.language: LanguageLevel.NATIVE}
            if "en" not in langs and rng.random() < 0.88:
                langs["en"] = rng.choices(LEVELS_SECOND, (2, 4, 4, 2))[0]
            for code in rng.sample(
                ("fr", "es", "ar", "ru", "zh", "pt"), k=rng.choice((0, 1, 1, 2))
            ):
                langs.setdefault(code, rng.choices(list(LanguageLevel), (1, 2, 3, 3, 2, 1, 0))[0])
            if rng.random() < 0.2:
                langs.setdefault(rng.choice(REGIONAL), rng.choice(LEVELS_SECOND))
            lang_rows += [
                {"candidate_id": cid, "code": c, "level": int(lv)} for c, lv in langs.items()
            ]
            for platform, odds in SKILL_ODDS.items():
                if rng.random() < odds:
                    skill_rows.append(
                        {
                            "candidate_id": cid,
                            "platform": platform.value,
                            "level": rng.choices((1, 2, 3), (4, 4, 2))[0],
                        }
                    )
            topics = {_pick(rng, TOPIC_WEIGHTS) for _ in range(rng.choice((1, 2, 2, 3)))}
            topic_rows += [{"candidate_id": cid, "topic": t.value} for t in topics]
            train_rows += _training_rows(rng, cid, stage, modules, created)
            if len(cand_rows) >= batch:
                flush()
                progress.report(n + 1, candidates + requests, "candidates")
        flush()
        request_ids = _insert_requests(conn, rng, ids, requests)
        # Placements, liaisons, check-ins, outcomes and answers (see demo_placements).
        demo_placements.add(
            conn,
            random.Random(f"placements:{seed}"),
            ids,
            db.operator,
            dt.date.today(),
            candidate_ids=candidate_ids,
            request_ids=request_ids,
        )
        progress.report(candidates + requests, candidates + requests, "requests")
        conn.execute(
            insert(m.AuditEntry),
            [
                {
                    "at": m.utcnow(),
                    "operator": db.operator,
                    "action": AuditAction.GENERATE.value,
                    "entity": "demo_data",
                    "entity_id": None,
                    "fields": ["candidates", "requests"],
                }
            ],
        )
    return DemoSummary(candidates, requests, len(catalogue.ORGANISATIONS), len(modules))


def _training_rows(
    rng: random.Random, cid: int, stage: Stage, modules: list[tuple[int, bool]], created: dt.date
) -> list[dict]:
    if stage in (Stage.APPLIED, Stage.SCREENED):
        return []
    done_all = stage in (Stage.READY, Stage.PROPOSED, Stage.PLACED, Stage.ALUMNI)
    rows = []
    # Someone still in training has the module at ``reach`` in progress; keeping it at or
    # before the last mandatory module means they are never accidentally "ready".
    last_mandatory = max((i for i, (_, mandatory) in enumerate(modules) if mandatory), default=0)
    reach = rng.randint(0, last_mandatory)
    day = created + dt.timedelta(days=rng.randint(20, 60))
    for i, (mid, mandatory) in enumerate(modules):
        if done_all:
            status = TrainingStatus.COMPLETED if mandatory or rng.random() < 0.5 else None
        else:
            # in training (or withdrawn): a prefix completed, one in progress, rest not started
            status = (
                TrainingStatus.COMPLETED
                if i < reach
                else TrainingStatus.IN_PROGRESS
                if i == reach
                else None
            )
        if status is None:
            continue
        day += dt.timedelta(days=rng.randint(3, 25))
        rows.append(
            {
                "candidate_id": cid,
                "module_id": mid,
                "status": status.value,
                "started_on": day - dt.timedelta(days=rng.randint(1, 14)),
                "completed_on": day if status is TrainingStatus.COMPLETED else None,
                "score": rng.randint(60, 100) if status is TrainingStatus.COMPLETED else None,
            }
        )
    return rows


def _insert_requests(conn, rng: random.Random, ids: dict[str, int], count: int) -> list[int]:
    orgs = [o for o in catalogue.ORGANISATIONS if f"org:{o.acronym}" in ids]
    request_ids = new_ids(conn, m.PlacementRequest, count)
    topics = [t for t, _ in TOPIC_WEIGHTS]
    for n in range(count):
        rid = request_ids[n]
        org = rng.choice(orgs)
        topic = rng.choice(topics)
        mode = rng.choices(list(WorkMode), (5, 2, 3))[0]
        start = ANCHOR + dt.timedelta(days=rng.randint(60, 300))
        status = rng.choices(list(RequestStatus), (7, 2, 1, 1))[0]
        conn.execute(
            insert(m.PlacementRequest),
            [
                {
                    "id": rid,
                    "organisation_id": ids[f"org:{org.acronym}"],
                    "title": rng.choice(ROLE_TITLES).format(topic=topic.label.lower()),
                    "description": (
                        f"{org.acronym} seeks a Wikimedian to open its {topic.label.lower()} "
                        "knowledge on Wikimedia projects and train staff."
                    ),
                    "duty_city": None if mode is WorkMode.REMOTE else org.city,
                    "duty_country": None if mode is WorkMode.REMOTE else org.country,
                    "work_mode": mode.value,
                    "start_date": start,
                    "duration_months": rng.choice((6, 6, 9, 12)),
                    "positions": rng.choices((1, 2, 3), (6, 3, 1))[0],
                    "deadline": start - dt.timedelta(days=rng.randint(20, 50)),
                    "status": status.value,
                    "allow_in_training": rng.random() < 0.2,
                    "created_at": dt.datetime.combine(ANCHOR, dt.time(10)),
                    "updated_at": dt.datetime.combine(ANCHOR, dt.time(10)),
                }
            ],
        )
        langs = [
            {
                "request_id": rid,
                "code": "en",
                "min_level": rng.choice((4, 5)),
                "importance": Importance.REQUIRED.value,
                "any_group": None,
            }
        ]
        if rng.random() < 0.4:
            for code in ("fr", "es"):
                langs.append(
                    {
                        "request_id": rid,
                        "code": code,
                        "min_level": 4,
                        "importance": Importance.REQUIRED.value,
                        "any_group": 1,
                    }
                )
        elif rng.random() < 0.5:
            langs.append(
                {
                    "request_id": rid,
                    "code": rng.choice(("fr", "ar", "es", "ru", "zh")),
                    "min_level": rng.choice((3, 4, 5)),
                    "importance": rng.choice(list(Importance)).value,
                    "any_group": None,
                }
            )
        if rng.random() < 0.3:
            langs.append(
                {
                    "request_id": rid,
                    "code": rng.choice(REGIONAL),
                    "min_level": 3,
                    "importance": Importance.NICE.value,
                    "any_group": None,
                }
            )
        conn.execute(insert(m.RequestLanguage), langs)
        main = rng.choice((Platform.WIKIDATA, Platform.COMMONS, Platform.WIKIPEDIA))
        skills = [
            {
                "request_id": rid,
                "platform": main.value,
                "min_level": rng.choice((2, 3)),
                "importance": Importance.REQUIRED.value,
            }
        ]
        for platform in rng.sample([p for p in Platform if p is not main], k=rng.randint(1, 3)):
            skills.append(
                {
                    "request_id": rid,
                    "platform": platform.value,
                    "min_level": rng.choice((1, 2)),
                    "importance": rng.choice((Importance.PREFERRED, Importance.NICE)).value,
                }
            )
        conn.execute(insert(m.RequestSkill), skills)
        chosen = {topic} | ({rng.choice(topics)} if rng.random() < 0.5 else set())
        conn.execute(
            insert(m.RequestTopic), [{"request_id": rid, "topic": t.value} for t in chosen]
        )
        if rng.random() < 0.35:
            regions = rng.sample(("002", "142", "019", "009"), k=rng.randint(1, 2))
            conn.execute(
                insert(m.RequestPriorityRegion), [{"request_id": rid, "region": r} for r in regions]
            )
    return request_ids
