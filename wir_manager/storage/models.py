"""The whole programme's schema, as SQLAlchemy 2 typed models.

The schema must run unchanged on PostgreSQL for a later team mode, so it uses only
portable types: enums as short strings (no native ENUM), ordered scales as integers,
JSON for score snapshots. Anything SQLCipher-specific lives in ``storage.database``.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy import Enum as SAEnum
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

from wir_manager.domain.enums import (
    AffiliateKind,
    AuditAction,
    CheckinKind,
    Importance,
    OrganisationKind,
    PlacementStatus,
    Platform,
    RequestStatus,
    ShortlistStatus,
    Stage,
    Topic,
    TrainingStatus,
    WorkMode,
)

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def str_enum(enum: type[Enum], length: int = 32) -> SAEnum:
    """Store an enum as its value string, portable across SQLite and PostgreSQL."""
    return SAEnum(
        enum,
        native_enum=False,
        create_constraint=False,
        length=length,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


#: The longest free text a person may write in one field: notes, reasons, answers
#: (:data:`LONG_TEXT` for descriptions of a request or a training module). SQLite
#: ignores VARCHAR(n), so ``bounded_text_checks`` adds a CHECK, and ``storage.limits``
#: refuses longer text with a sentence before anything is written (issue #17: a 1 MiB
#: "name" broke the PDFs, which are a legal duty).
NOTE_TEXT = 10_000
LONG_TEXT = 20_000


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def table_of(model: type[Base]) -> Table:
    """The Core table of a mapped class, for set-based statements (typed as a Table:
    ``__table__`` is only a ``FromClause`` to a type checker)."""
    table = model.__table__
    assert isinstance(table, Table)
    return table


class Versioned:
    """Records an editor saves carry an optimistic version (SQLAlchemy's
    ``version_id_col``): every ORM UPDATE or DELETE says ``WHERE row_version = <the one
    loaded>`` and bumps it, so of two clients saving the same row from the same starting
    point only one can succeed; the other gets ``StaleDataError`` instead of silently
    overwriting (a team server has many writers at once)."""

    row_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.row_version}  # type: ignore[attr-defined]


class Setting(Base):
    """Database-wide settings that travel with the file (operator name, branding, retention)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Affiliate(Base):
    __tablename__ = "affiliates"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[AffiliateKind] = mapped_column(
        str_enum(AffiliateKind), default=AffiliateKind.CHAPTER
    )
    country: Mapped[str | None] = mapped_column(String(2))


class Candidate(Versioned, Base):
    __tablename__ = "candidates"

    id: Mapped[int] = mapped_column(primary_key=True)
    full_name: Mapped[str] = mapped_column(String(300), index=True)
    #: The name in Latin letters when ``full_name`` is in another script (optional).
    latin_name: Mapped[str | None] = mapped_column(String(300))
    username: Mapped[str] = mapped_column(String(255), unique=True)
    email: Mapped[str | None] = mapped_column(String(320), index=True)
    phone: Mapped[str | None] = mapped_column(String(64))
    country: Mapped[str | None] = mapped_column(String(2), index=True)
    #: UN M49 region and sub-region codes, derived from ``country`` on write.
    region: Mapped[str | None] = mapped_column(String(3), index=True)
    subregion: Mapped[str | None] = mapped_column(String(3))
    affiliate_id: Mapped[int | None] = mapped_column(
        ForeignKey("affiliates.id", ondelete="SET NULL"), index=True
    )
    gender: Mapped[str | None] = mapped_column(String(100))
    stage: Mapped[Stage] = mapped_column(str_enum(Stage), default=Stage.APPLIED, index=True)
    available_from: Mapped[dt.date | None] = mapped_column(Date)
    available_until: Mapped[dt.date | None] = mapped_column(Date)
    #: Would the person move for an on-site or hybrid placement in another country?
    #: None = not asked / not recorded (matching then never knocks them out for it).
    willing_to_relocate: Mapped[bool | None] = mapped_column(Boolean)
    #: Year the person started contributing to Wikimedia projects (experience score).
    active_since: Mapped[int | None] = mapped_column(Integer)
    edit_count: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str | None] = mapped_column(String(10_000))

    consent_store: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_store_at: Mapped[dt.date | None] = mapped_column(Date)
    consent_propose: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_propose_at: Mapped[dt.date | None] = mapped_column(Date)
    consent_share_contact: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_share_contact_at: Mapped[dt.date | None] = mapped_column(Date)
    #: When the programme last asked the person to renew consent (retention workflow).
    consent_requested_at: Mapped[dt.date | None] = mapped_column(Date)

    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    affiliate: Mapped[Affiliate | None] = relationship()
    languages: Mapped[list[CandidateLanguage]] = relationship(
        back_populates="candidate", cascade="all, delete-orphan", passive_deletes=True
    )
    skills: Mapped[list[CandidateSkill]] = relationship(
        back_populates="candidate", cascade="all, delete-orphan", passive_deletes=True
    )
    topics: Mapped[list[CandidateTopic]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    training: Mapped[list[TrainingProgress]] = relationship(
        back_populates="candidate", cascade="all, delete-orphan", passive_deletes=True
    )


class CandidateLanguage(Base):
    __tablename__ = "candidate_languages"
    #: Covering index of the matching pool's read: one index-only range per language code.
    __table_args__ = (
        Index("ix_candidate_languages_code_level_candidate", "code", "level", "candidate_id"),
    )

    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), primary_key=True
    )
    code: Mapped[str] = mapped_column(String(35), primary_key=True, index=True)
    #: :class:`~wir_manager.domain.enums.LanguageLevel` value (1 = A1 … 6 = C2, 7 = native).
    level: Mapped[int] = mapped_column(Integer)

    candidate: Mapped[Candidate] = relationship(back_populates="languages")


def bounded_text_checks(table: Any) -> None:
    """Give every bounded text column of ``table`` a ``CHECK (length(col) <= n)``.

    SQLite ignores the n of VARCHAR(n); the check makes the database refuse over-long
    text however a row arrives, behind the validation that refuses it with a sentence
    (``services.candidate_records``). Named ``ck_<table>_<column>_length``.
    """
    for column in table.columns:
        if type(column.type) is String and column.type.length:
            table.append_constraint(
                CheckConstraint(
                    f"length({column.name}) <= {column.type.length}", name=f"{column.name}_length"
                )
            )


bounded_text_checks(Affiliate.__table__)
bounded_text_checks(Candidate.__table__)


class CandidateSkill(Base):
    __tablename__ = "candidate_skills"
    #: Covering index of the matching pool's read: one index-only range per platform.
    __table_args__ = (
        Index("ix_candidate_skills_platform_level_candidate", "platform", "level", "candidate_id"),
    )

    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), primary_key=True
    )
    platform: Mapped[Platform] = mapped_column(str_enum(Platform), primary_key=True, index=True)
    #: 0 none, 1 basic, 2 intermediate, 3 advanced.
    level: Mapped[int] = mapped_column(Integer)

    candidate: Mapped[Candidate] = relationship(back_populates="skills")


class CandidateTopic(Base):
    __tablename__ = "candidate_topics"
    #: Covering index of the matching pool's read: one index-only range per topic.
    __table_args__ = (Index("ix_candidate_topics_topic_candidate", "topic", "candidate_id"),)

    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), primary_key=True
    )
    topic: Mapped[Topic] = mapped_column(str_enum(Topic), primary_key=True, index=True)


class TrainingModule(Versioned, Base):
    __tablename__ = "training_modules"

    id: Mapped[int] = mapped_column(primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(String(LONG_TEXT))
    mandatory: Mapped[bool] = mapped_column(Boolean, default=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class TrainingProgress(Base):
    __tablename__ = "training_progress"
    #: Covering index of the matching pool's read of completed mandatory modules.
    __table_args__ = (
        Index(
            "ix_training_progress_status_module_candidate", "status", "module_id", "candidate_id"
        ),
    )

    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), primary_key=True
    )
    module_id: Mapped[int] = mapped_column(
        ForeignKey("training_modules.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    status: Mapped[TrainingStatus] = mapped_column(
        str_enum(TrainingStatus), default=TrainingStatus.NOT_STARTED
    )
    started_on: Mapped[dt.date | None] = mapped_column(Date)
    completed_on: Mapped[dt.date | None] = mapped_column(Date)
    score: Mapped[int | None] = mapped_column(Integer)

    candidate: Mapped[Candidate] = relationship(back_populates="training")
    module: Mapped[TrainingModule] = relationship()


class Organisation(Base):
    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    acronym: Mapped[str | None] = mapped_column(String(40))
    kind: Mapped[OrganisationKind] = mapped_column(
        str_enum(OrganisationKind), default=OrganisationKind.UN_AGENCY
    )
    country: Mapped[str | None] = mapped_column(String(2))
    website: Mapped[str | None] = mapped_column(String(300))


class PlacementRequest(Versioned, Base):
    __tablename__ = "placement_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT"), index=True
    )
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(String(LONG_TEXT))
    duty_city: Mapped[str | None] = mapped_column(String(200))
    duty_country: Mapped[str | None] = mapped_column(String(2))
    work_mode: Mapped[WorkMode] = mapped_column(str_enum(WorkMode), default=WorkMode.ONSITE)
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    duration_months: Mapped[int] = mapped_column(Integer, default=6)
    positions: Mapped[int] = mapped_column(Integer, default=1)
    deadline: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[RequestStatus] = mapped_column(
        str_enum(RequestStatus), default=RequestStatus.OPEN, index=True
    )
    #: Coordinator allows candidates still in training to be eligible.
    allow_in_training: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    organisation: Mapped[Organisation] = relationship()
    languages: Mapped[list[RequestLanguage]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    skills: Mapped[list[RequestSkill]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    topics: Mapped[list[RequestTopic]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    priority_regions: Mapped[list[RequestPriorityRegion]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )


class RequestLanguage(Base):
    """One language requirement. Rows sharing a non-null ``any_group`` form an "at least one
    of" group: the group holds when any member holds (e.g. French ≥ B2 or Spanish ≥ B2)."""

    __tablename__ = "request_languages"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(
        ForeignKey("placement_requests.id", ondelete="CASCADE"), index=True
    )
    code: Mapped[str] = mapped_column(String(35))
    min_level: Mapped[int] = mapped_column(Integer)
    importance: Mapped[Importance] = mapped_column(
        str_enum(Importance), default=Importance.REQUIRED
    )
    any_group: Mapped[int | None] = mapped_column(Integer)


class RequestSkill(Base):
    __tablename__ = "request_skills"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(
        ForeignKey("placement_requests.id", ondelete="CASCADE"), index=True
    )
    platform: Mapped[Platform] = mapped_column(str_enum(Platform))
    min_level: Mapped[int] = mapped_column(Integer)
    importance: Mapped[Importance] = mapped_column(
        str_enum(Importance), default=Importance.REQUIRED
    )


class RequestTopic(Base):
    __tablename__ = "request_topics"

    request_id: Mapped[int] = mapped_column(
        ForeignKey("placement_requests.id", ondelete="CASCADE"), primary_key=True
    )
    topic: Mapped[Topic] = mapped_column(str_enum(Topic), primary_key=True)


class RequestPriorityRegion(Base):
    """UN M49 region (continent or sub-region code) the request marks for equitable access."""

    __tablename__ = "request_priority_regions"

    request_id: Mapped[int] = mapped_column(
        ForeignKey("placement_requests.id", ondelete="CASCADE"), primary_key=True
    )
    region: Mapped[str] = mapped_column(String(3), primary_key=True)


class WeightProfile(Versioned, Base):
    """A named, versioned set of score weights; shortlists keep the version they used."""

    __tablename__ = "weight_profiles"
    __table_args__ = (UniqueConstraint("name", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    version: Mapped[int] = mapped_column(Integer, default=1)
    weights: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class ShortlistEntry(Versioned, Base):
    __tablename__ = "shortlist_entries"
    __table_args__ = (UniqueConstraint("request_id", "candidate_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(
        ForeignKey("placement_requests.id", ondelete="CASCADE"), index=True
    )
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), index=True
    )
    rank: Mapped[int] = mapped_column(Integer)
    score: Mapped[float] = mapped_column()
    #: Snapshot of the named score parts at the time of saving: {part: points}.
    score_parts: Mapped[dict[str, Any]] = mapped_column(JSON)
    profile_id: Mapped[int | None] = mapped_column(
        ForeignKey("weight_profiles.id", ondelete="SET NULL")
    )
    profile_version: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[ShortlistStatus] = mapped_column(
        str_enum(ShortlistStatus), default=ShortlistStatus.PROPOSED
    )
    note: Mapped[str | None] = mapped_column(String(NOTE_TEXT))
    #: The IGO's latest answer in detail (its history is in ``shortlist_answers``).
    interview_on: Mapped[dt.date | None] = mapped_column(Date)
    decline_reason: Mapped[str | None] = mapped_column(String(32))
    decline_note: Mapped[str | None] = mapped_column(String(NOTE_TEXT))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class ShortlistAnswer(Base):
    """One step of a shortlisted person's way with the IGO (sent, interview on a date,
    accepted, declined with a reason, withdrew): the timeline and the equity figures
    read these, so the latest status alone would not be enough."""

    __tablename__ = "shortlist_answers"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(
        ForeignKey("placement_requests.id", ondelete="CASCADE"), index=True
    )
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[ShortlistStatus] = mapped_column(str_enum(ShortlistStatus))
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    interview_on: Mapped[dt.date | None] = mapped_column(Date)
    reason: Mapped[str | None] = mapped_column(String(32))
    note: Mapped[str | None] = mapped_column(String(NOTE_TEXT))


class Contact(Base):
    """A person at an organisation (an IGO liaison): reused for the next placement there."""

    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(300))
    role: Mapped[str | None] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(320))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class Placement(Versioned, Base):
    """A resident at an IGO over a period: blocks overlapping placements of the same person.

    ``candidate_id`` becomes NULL when the person is erased; the dates, organisation,
    funding and outcomes stay so programme statistics remain true.
    """

    __tablename__ = "placements"

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int | None] = mapped_column(
        ForeignKey("candidates.id", ondelete="SET NULL"), index=True
    )
    request_id: Mapped[int | None] = mapped_column(
        ForeignKey("placement_requests.id", ondelete="SET NULL"), index=True
    )
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[PlacementStatus] = mapped_column(
        str_enum(PlacementStatus), default=PlacementStatus.PLANNED
    )
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"), index=True
    )
    liaison_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="SET NULL"))
    #: The chapter's mentor of the resident (a staff member, not the resident).
    mentor: Mapped[str | None] = mapped_column(String(300))
    host_affiliate_id: Mapped[int | None] = mapped_column(
        ForeignKey("affiliates.id", ondelete="SET NULL")
    )
    fiscal_sponsor: Mapped[str | None] = mapped_column(String(300))
    #: Share of full time in percent (50 = half time).
    time_share: Mapped[int] = mapped_column(Integer, default=100)
    work_mode: Mapped[WorkMode | None] = mapped_column(str_enum(WorkMode))
    duty_city: Mapped[str | None] = mapped_column(String(200))
    duty_country: Mapped[str | None] = mapped_column(String(2))
    funding_source: Mapped[str | None] = mapped_column(String(300))
    #: Whole units of ``funding_currency`` (grants are budgeted in whole units).
    funding_amount: Mapped[int | None] = mapped_column(BigInteger)
    funding_currency: Mapped[str | None] = mapped_column(String(3))
    #: Why a placement ended early (free text; cleared on erasure).
    end_reason: Mapped[str | None] = mapped_column(String(NOTE_TEXT))
    notes: Mapped[str | None] = mapped_column(String(NOTE_TEXT))
    started_on: Mapped[dt.date | None] = mapped_column(Date)
    ended_on: Mapped[dt.date | None] = mapped_column(Date)
    created_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime | None] = mapped_column(
        DateTime, default=utcnow, onupdate=utcnow
    )

    checkins: Mapped[list[PlacementCheckin]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="PlacementCheckin.due_on"
    )
    extensions: Mapped[list[PlacementExtension]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="PlacementExtension.id"
    )


class PlacementExtension(Base):
    """One change of a placement's end date: extensions keep their history."""

    __tablename__ = "placement_extensions"

    id: Mapped[int] = mapped_column(primary_key=True)
    placement_id: Mapped[int] = mapped_column(
        ForeignKey("placements.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    old_end: Mapped[dt.date] = mapped_column(Date)
    new_end: Mapped[dt.date] = mapped_column(Date)
    reason: Mapped[str | None] = mapped_column(String(NOTE_TEXT))


class PlacementCheckin(Base):
    """A check-in or report due during a placement (created with the placement; editable)."""

    __tablename__ = "placement_checkins"

    id: Mapped[int] = mapped_column(primary_key=True)
    placement_id: Mapped[int] = mapped_column(
        ForeignKey("placements.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[CheckinKind] = mapped_column(str_enum(CheckinKind))
    due_on: Mapped[dt.date] = mapped_column(Date, index=True)
    done_on: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(String(NOTE_TEXT))


class PlacementOutcome(Base):
    """One metric of a placement: a standard key (``OutcomeMetric``) or a free name, with
    an optional target; actuals are entered per report in ``outcome_values``."""

    __tablename__ = "placement_outcomes"
    __table_args__ = (UniqueConstraint("placement_id", "metric"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    placement_id: Mapped[int] = mapped_column(
        ForeignKey("placements.id", ondelete="CASCADE"), index=True
    )
    metric: Mapped[str] = mapped_column(String(100))
    target: Mapped[int | None] = mapped_column(BigInteger)


class OutcomeValue(Base):
    """An actual of one metric, for one report (``checkin_id``) or not tied to a report."""

    __tablename__ = "outcome_values"
    __table_args__ = (UniqueConstraint("outcome_id", "checkin_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    outcome_id: Mapped[int] = mapped_column(
        ForeignKey("placement_outcomes.id", ondelete="CASCADE"), index=True
    )
    checkin_id: Mapped[int | None] = mapped_column(
        ForeignKey("placement_checkins.id", ondelete="CASCADE"), index=True
    )
    value: Mapped[int] = mapped_column(BigInteger)
    entered_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class ContactNote(Base):
    """A coordinator's note of a contact with a candidate ("phoned about the UNEP post")."""

    __tablename__ = "contact_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), index=True
    )
    happened_on: Mapped[dt.date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(String(NOTE_TEXT))
    by: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class StageChange(Base):
    """A candidate's stage before and after a change, when it happened: the timeline's
    stage history (the audit log keeps field names only, never values)."""

    __tablename__ = "stage_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    old: Mapped[str | None] = mapped_column(String(32))
    new: Mapped[str] = mapped_column(String(32))


class WikiSnapshot(Base):
    """What the wikis said about a candidate's username, and when (one per candidate).

    Replaced as a whole by a successful verification; a failed or cancelled one leaves
    the previous snapshot in place. Only public on-wiki data. Goes with erasure (the
    foreign key cascades and :mod:`services.privacy` deletes it explicitly)."""

    __tablename__ = "wiki_snapshots"

    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), primary_key=True
    )
    fetched_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    #: The API that answered (a private Wikibase, or the Wikimedia wikis' central API).
    api: Mapped[str] = mapped_column(String(300))
    #: The username asked about (a later edit of the username makes the snapshot stale).
    username: Mapped[str] = mapped_column(String(255))
    #: Whether the account exists ("username not found" when False).
    found: Mapped[bool] = mapped_column(Boolean)
    blocked: Mapped[bool] = mapped_column(Boolean, default=False)
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    home_wiki: Mapped[str | None] = mapped_column(String(64))
    registration: Mapped[dt.date | None] = mapped_column(Date)
    global_edit_count: Mapped[int | None] = mapped_column(Integer)
    wikipedia_edits: Mapped[int] = mapped_column(Integer, default=0)
    wikidata_edits: Mapped[int] = mapped_column(Integer, default=0)
    commons_edits: Mapped[int] = mapped_column(Integer, default=0)
    wikisource_edits: Mapped[int] = mapped_column(Integer, default=0)
    commons_uploads: Mapped[int | None] = mapped_column(Integer)
    #: {"per_wiki": {wiki id: edits}, "blocked_on": [wiki ids], "urls": {wiki id: server},
    #: "uploads_capped": bool}
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class Disclosure(Base):
    """One dossier sent outside the programme: who received which candidates, and the file hash."""

    __tablename__ = "disclosures"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int | None] = mapped_column(
        ForeignKey("placement_requests.id", ondelete="SET NULL"), index=True
    )
    recipient: Mapped[str] = mapped_column(String(300))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str | None] = mapped_column(String(200))
    file_sha256: Mapped[str] = mapped_column(String(64))
    contact_details_included: Mapped[bool] = mapped_column(Boolean, default=False)


class DisclosureCandidate(Base):
    """A candidate named in a disclosure. On erasure ``candidate_id`` becomes NULL and only the
    anonymous ``placeholder`` remains, so the log still counts what was sent."""

    __tablename__ = "disclosure_candidates"

    id: Mapped[int] = mapped_column(primary_key=True)
    disclosure_id: Mapped[int] = mapped_column(
        ForeignKey("disclosures.id", ondelete="CASCADE"), index=True
    )
    candidate_id: Mapped[int | None] = mapped_column(
        ForeignKey("candidates.id", ondelete="SET NULL"), index=True
    )
    placeholder: Mapped[str] = mapped_column(String(64))


class AuditEntry(Base):
    """Who changed which record and which fields, and when. Never the values: the log must
    not become a second copy of personal data."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, index=True)
    operator: Mapped[str] = mapped_column(String(200))
    action: Mapped[AuditAction] = mapped_column(str_enum(AuditAction))
    entity: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[int | None] = mapped_column(Integer, index=True)
    fields: Mapped[list[str]] = mapped_column(JSON, default=list)


#: Every table holding text a person types or imports (revision 0009; candidates and
#: affiliates since 0005).
for _table in (
    TrainingModule,
    Organisation,
    PlacementRequest,
    WeightProfile,
    ShortlistEntry,
    ShortlistAnswer,
    Contact,
    Placement,
    PlacementExtension,
    PlacementCheckin,
    PlacementOutcome,
    ContactNote,
    Disclosure,
):
    bounded_text_checks(_table.__table__)
