"""The programme's closed vocabularies (see docs/domain.md).

Values are stored in the database as their ``value`` strings (or integers for
ordered scales), so renaming a Python member never rewrites user data.
Labels are English source strings; the UI translates them.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum
from typing import Self


class LabelledEnum(StrEnum):
    """A closed vocabulary whose English label is written beside each member's value.

    ``NAME = "stored value", "English label"``: the label sits on the line it describes,
    so a new member cannot be added without one (the translation extractor reads
    ``member.label``; the UI translates it).
    """

    _value_: str
    _label: str

    def __new__(cls, value: str, label: str = "") -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member._label = label
        return member

    @property
    def label(self) -> str:
        return self._label


class Stage(LabelledEnum):
    """Where a candidate stands in the programme; ``withdrawn`` can happen at any time."""

    APPLIED = "applied", "Applied"
    SCREENED = "screened", "Screened"
    IN_TRAINING = "in_training", "In training"
    READY = "ready", "Ready"
    PROPOSED = "proposed", "Proposed"
    PLACED = "placed", "Placed"
    ALUMNI = "alumni", "Alumni"
    WITHDRAWN = "withdrawn", "Withdrawn"


class LanguageLevel(IntEnum):
    """CEFR levels plus "native", stored as integers so "at least C1" is a plain comparison."""

    A1 = 1
    A2 = 2
    B1 = 3
    B2 = 4
    C1 = 5
    C2 = 6
    NATIVE = 7

    @property
    def label(self) -> str:
        return "native" if self is LanguageLevel.NATIVE else self.name

    @classmethod
    def parse(cls, text: str) -> LanguageLevel:
        """Accept what people type in spreadsheets: "c1", " C1 ", "Native", "mother tongue"."""
        key = text.strip().upper().replace(" ", "")
        if key in {"NATIVE", "MOTHERTONGUE", "L1", "N"}:
            return cls.NATIVE
        try:
            return cls[key]
        except KeyError:
            raise ValueError(
                f"{text!r} is not a language level (use A1, A2, B1, B2, C1, C2 or native)"
            ) from None


class Platform(LabelledEnum):
    """Wikimedia platforms a resident may be asked to master."""

    WIKIPEDIA = "wikipedia", "Wikipedia"
    WIKIDATA = "wikidata", "Wikidata"
    COMMONS = "commons", "Wikimedia Commons"
    SDC = "sdc", "Structured Data on Commons"
    WIKISOURCE = "wikisource", "Wikisource"
    WIKIBASE = "wikibase", "Wikibase"
    OUTREACH = "outreach", "Wikimedia Outreach"
    DASHBOARD = "dashboard", "Programs & Events Dashboard"

    @classmethod
    def parse(cls, text: str) -> Platform:
        key = "".join(ch for ch in text.strip().lower() if ch.isalnum())
        for member in cls:
            names = {member.value, "".join(c for c in member.label.lower() if c.isalnum())}
            names.update(_PLATFORM_ALIASES.get(member, ()))
            if key in names:
                return member
        raise ValueError(f"{text!r} is not a known Wikimedia platform")


_PLATFORM_ALIASES: dict[Platform, tuple[str, ...]] = {
    Platform.COMMONS: ("wikimediacommons", "wmc"),
    Platform.SDC: ("structureddata", "structureddataoncommons"),
    Platform.OUTREACH: ("outreach", "editathons"),
    Platform.DASHBOARD: ("programsandeventsdashboard", "programseventsdashboard", "pedashboard"),
}


class SkillLevel(IntEnum):
    NONE = 0
    BASIC = 1
    INTERMEDIATE = 2
    ADVANCED = 3

    @property
    def label(self) -> str:
        return self.name.capitalize()


class Topic(LabelledEnum):
    GENDER = "gender", "Gender"
    CLIMATE = "climate_biodiversity", "Climate change & biodiversity"
    HEALTH = "health", "Health"
    EDUCATION = "education", "Education"
    HERITAGE = "cultural_heritage", "Cultural heritage"
    HUMAN_RIGHTS = "human_rights", "Human rights"
    SDG = "sdg", "Sustainable development goals"
    SCIENCE = "science", "Science"
    OPEN_ACCESS = "open_access", "Open access"

    @classmethod
    def parse(cls, text: str) -> Topic:
        key = "".join(ch for ch in text.strip().lower() if ch.isalnum())
        for member in cls:
            if key in {
                member.value.replace("_", ""),
                "".join(c for c in member.label.lower() if c.isalnum()),
                *_TOPIC_ALIASES.get(member, ()),
            }:
                return member
        raise ValueError(f"{text!r} is not a known topic area")


_TOPIC_ALIASES: dict[Topic, tuple[str, ...]] = {
    Topic.CLIMATE: ("climate", "biodiversity", "climatechange"),
    Topic.HERITAGE: ("heritage", "wikilovesmonuments", "builtheritage"),
    Topic.SDG: ("sdgs", "sustainabledevelopment"),
}


class Importance(LabelledEnum):
    """How much a request cares about one requirement: required items knock candidates out."""

    REQUIRED = "required", "Required"
    PREFERRED = "preferred", "Preferred"
    NICE = "nice_to_have", "Nice to have"


class RequestStatus(LabelledEnum):
    OPEN = "open", "Open"
    SHORTLISTING = "shortlisting", "Shortlisting"
    FILLED = "filled", "Filled"
    CLOSED = "closed", "Closed"


class WorkMode(LabelledEnum):
    ONSITE = "onsite", "On site"
    REMOTE = "remote", "Remote"
    HYBRID = "hybrid", "Hybrid"


class OrganisationKind(LabelledEnum):
    UN_AGENCY = "un_agency", "UN agency"
    IGO = "igo", "IGO"
    INGO = "ingo", "INGO"


class AffiliateKind(StrEnum):
    CHAPTER = "chapter"
    USER_GROUP = "user_group"
    THEMATIC = "thematic"
    NONE = "none"


class TrainingStatus(LabelledEnum):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETED = "completed", "Completed"


class ShortlistStatus(LabelledEnum):
    """Where a shortlisted person stands with the IGO: the liaison's answer, per candidate."""

    PROPOSED = "proposed", "Proposed"
    SENT = "sent", "Sent"
    INTERVIEW = "interview", "Interview"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"
    #: The candidate withdrew from this request (the IGO did not decline her).
    WITHDREW = "withdrew", "Candidate withdrew"


class DeclineReason(LabelledEnum):
    """Why an IGO declined a candidate: a short list so the programme can count them."""

    PROFILE = "profile", "Profile does not fit"
    LANGUAGE = "language", "Language skills"
    AVAILABILITY = "availability", "Availability or dates"
    BUDGET = "budget", "Budget or funding"
    POSITION_FILLED = "position_filled", "Position filled otherwise"
    OTHER = "other", "Other reason"


class PlacementStatus(LabelledEnum):
    """planned → active → completed, or ended early; a planned one can be cancelled."""

    PLANNED = "planned", "Planned"
    ACTIVE = "active", "Active"
    COMPLETED = "completed", "Completed"
    ENDED_EARLY = "ended_early", "Ended early"
    CANCELLED = "cancelled", "Cancelled"


class CheckinKind(LabelledEnum):
    """The reporting schedule of a residency: monthly check-ins, a mid-term and a final report."""

    CHECKIN = "checkin", "Monthly check-in"
    MIDTERM = "midterm", "Mid-term report"
    FINAL = "final", "Final report"


class OutcomeMetric(LabelledEnum):
    """The standard outcome metrics of a residency (keys used by the CLI and reports)."""

    ARTICLES_CREATED = "articles_created", "Articles created"
    ARTICLES_IMPROVED = "articles_improved", "Articles improved"
    MEDIA_UPLOADED = "media_uploaded", "Media files uploaded"
    WIKIDATA_ITEMS = "wikidata_items", "Wikidata items created or edited"
    EVENTS_HELD = "events_held", "Events held"
    PEOPLE_TRAINED = "people_trained", "People trained"
    IGO_STAFF_TRAINED = "igo_staff_trained", "IGO staff trained"
    PAGEVIEWS = "pageviews", "Content pageviews"
    LICENCES_OPENED = "licences_opened", "Licences changed to an open licence"


class DueKind(StrEnum):
    """What a line of the Today screen is about."""

    REQUEST_DEADLINE = "request_deadline"
    INTERVIEW = "interview"
    CHECKIN = "checkin"
    PLACEMENT_START = "placement_start"
    PLACEMENT_ENDING = "placement_ending"
    CONSENT_RENEWAL = "consent_renewal"


class DueSubject(StrEnum):
    """The record a line of the Today screen opens."""

    REQUEST = "request"
    PLACEMENT = "placement"
    #: A request's saved shortlist, at one candidate.
    SHORTLIST = "shortlist"
    #: The retention list of the privacy screen.
    RETENTION = "retention"


class TimelineSubject(StrEnum):
    """The record a line of a candidate's timeline opens when chosen."""

    REQUEST = "request"
    PLACEMENT = "placement"
    #: A contact note (the only line that can be deleted from the timeline).
    NOTE = "note"


class TimelineKind(StrEnum):
    """What a line of a candidate's timeline is about.

    Assembled at read time and never stored; the Qt table labels each member (its own
    dict, so the column text keeps its translation context).
    """

    STAGE = "stage"
    TRAINING = "training"
    SHORTLIST = "shortlist"
    DOSSIER = "dossier"
    #: The IGO's answer on a shortlist (interview, accepted, declined, withdrew).
    ANSWER = "answer"
    PLACEMENT = "placement"
    CHECKIN = "checkin"
    #: A coordinator's contact note (the only kind a person can add or remove).
    NOTE = "note"


class AuditAction(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    ERASE = "erase"
    IMPORT = "import"
    EXPORT = "export"
    DISCLOSE = "disclose"
    GENERATE = "generate"
    #: Public on-wiki facts fetched and stored (a candidate's wiki snapshot).
    VERIFY = "verify"
