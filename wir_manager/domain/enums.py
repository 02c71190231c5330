"""The programme's closed vocabularies (see docs/domain.md).

Values are stored in the database as their ``value`` strings (or integers for
ordered scales), so renaming a Python member never rewrites user data.
Labels are English source strings; the UI translates them.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum


class Stage(StrEnum):
    """Where a candidate stands in the programme; ``withdrawn`` can happen at any time."""

    APPLIED = "applied"
    SCREENED = "screened"
    IN_TRAINING = "in_training"
    READY = "ready"
    PROPOSED = "proposed"
    PLACED = "placed"
    ALUMNI = "alumni"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return _STAGE_LABELS[self]


_STAGE_LABELS = {
    Stage.APPLIED: "Applied",
    Stage.SCREENED: "Screened",
    Stage.IN_TRAINING: "In training",
    Stage.READY: "Ready",
    Stage.PROPOSED: "Proposed",
    Stage.PLACED: "Placed",
    Stage.ALUMNI: "Alumni",
    Stage.WITHDRAWN: "Withdrawn",
}


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


class Platform(StrEnum):
    """Wikimedia platforms a resident may be asked to master."""

    WIKIPEDIA = "wikipedia"
    WIKIDATA = "wikidata"
    COMMONS = "commons"
    SDC = "sdc"
    WIKISOURCE = "wikisource"
    WIKIBASE = "wikibase"
    OUTREACH = "outreach"
    DASHBOARD = "dashboard"

    @property
    def label(self) -> str:
        return _PLATFORM_LABELS[self]

    @classmethod
    def parse(cls, text: str) -> Platform:
        key = "".join(ch for ch in text.strip().lower() if ch.isalnum())
        for member in cls:
            names = {member.value, "".join(c for c in member.label.lower() if c.isalnum())}
            names.update(_PLATFORM_ALIASES.get(member, ()))
            if key in names:
                return member
        raise ValueError(f"{text!r} is not a known Wikimedia platform")


_PLATFORM_LABELS = {
    Platform.WIKIPEDIA: "Wikipedia",
    Platform.WIKIDATA: "Wikidata",
    Platform.COMMONS: "Wikimedia Commons",
    Platform.SDC: "Structured Data on Commons",
    Platform.WIKISOURCE: "Wikisource",
    Platform.WIKIBASE: "Wikibase",
    Platform.OUTREACH: "Wikimedia Outreach",
    Platform.DASHBOARD: "Programs & Events Dashboard",
}

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


class Topic(StrEnum):
    GENDER = "gender"
    CLIMATE = "climate_biodiversity"
    HEALTH = "health"
    EDUCATION = "education"
    HERITAGE = "cultural_heritage"
    HUMAN_RIGHTS = "human_rights"
    SDG = "sdg"
    SCIENCE = "science"
    OPEN_ACCESS = "open_access"

    @property
    def label(self) -> str:
        return _TOPIC_LABELS[self]

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


_TOPIC_LABELS = {
    Topic.GENDER: "Gender",
    Topic.CLIMATE: "Climate change & biodiversity",
    Topic.HEALTH: "Health",
    Topic.EDUCATION: "Education",
    Topic.HERITAGE: "Cultural heritage",
    Topic.HUMAN_RIGHTS: "Human rights",
    Topic.SDG: "Sustainable development goals",
    Topic.SCIENCE: "Science",
    Topic.OPEN_ACCESS: "Open access",
}

_TOPIC_ALIASES: dict[Topic, tuple[str, ...]] = {
    Topic.CLIMATE: ("climate", "biodiversity", "climatechange"),
    Topic.HERITAGE: ("heritage", "wikilovesmonuments", "builtheritage"),
    Topic.SDG: ("sdgs", "sustainabledevelopment"),
}


class Importance(StrEnum):
    """How much a request cares about one requirement: required items knock candidates out."""

    REQUIRED = "required"
    PREFERRED = "preferred"
    NICE = "nice_to_have"

    @property
    def label(self) -> str:
        return {"required": "Required", "preferred": "Preferred", "nice_to_have": "Nice to have"}[
            self.value
        ]


class RequestStatus(StrEnum):
    OPEN = "open"
    SHORTLISTING = "shortlisting"
    FILLED = "filled"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class WorkMode(StrEnum):
    ONSITE = "onsite"
    REMOTE = "remote"
    HYBRID = "hybrid"

    @property
    def label(self) -> str:
        return {"onsite": "On site", "remote": "Remote", "hybrid": "Hybrid"}[self.value]


class OrganisationKind(StrEnum):
    UN_AGENCY = "un_agency"
    IGO = "igo"
    INGO = "ingo"

    @property
    def label(self) -> str:
        return {"un_agency": "UN agency", "igo": "IGO", "ingo": "INGO"}[self.value]


class AffiliateKind(StrEnum):
    CHAPTER = "chapter"
    USER_GROUP = "user_group"
    THEMATIC = "thematic"
    NONE = "none"


class TrainingStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"

    @property
    def label(self) -> str:
        return {
            "not_started": "Not started",
            "in_progress": "In progress",
            "completed": "Completed",
        }[self.value]


class ShortlistStatus(StrEnum):
    """Where a shortlisted person stands with the IGO: the liaison's answer, per candidate."""

    PROPOSED = "proposed"
    SENT = "sent"
    INTERVIEW = "interview"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    #: The candidate withdrew from this request (the IGO did not decline her).
    WITHDREW = "withdrew"

    @property
    def label(self) -> str:
        return _SHORTLIST_LABELS[self]


_SHORTLIST_LABELS = {
    ShortlistStatus.PROPOSED: "Proposed",
    ShortlistStatus.SENT: "Sent",
    ShortlistStatus.INTERVIEW: "Interview",
    ShortlistStatus.ACCEPTED: "Accepted",
    ShortlistStatus.DECLINED: "Declined",
    ShortlistStatus.WITHDREW: "Candidate withdrew",
}


class DeclineReason(StrEnum):
    """Why an IGO declined a candidate: a short list so the programme can count them."""

    PROFILE = "profile"
    LANGUAGE = "language"
    AVAILABILITY = "availability"
    BUDGET = "budget"
    POSITION_FILLED = "position_filled"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _DECLINE_LABELS[self]


_DECLINE_LABELS = {
    DeclineReason.PROFILE: "Profile does not fit",
    DeclineReason.LANGUAGE: "Language skills",
    DeclineReason.AVAILABILITY: "Availability or dates",
    DeclineReason.BUDGET: "Budget or funding",
    DeclineReason.POSITION_FILLED: "Position filled otherwise",
    DeclineReason.OTHER: "Other reason",
}


class PlacementStatus(StrEnum):
    """planned → active → completed, or ended early; a planned one can be cancelled."""

    PLANNED = "planned"
    ACTIVE = "active"
    COMPLETED = "completed"
    ENDED_EARLY = "ended_early"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        return _PLACEMENT_LABELS[self]


_PLACEMENT_LABELS = {
    PlacementStatus.PLANNED: "Planned",
    PlacementStatus.ACTIVE: "Active",
    PlacementStatus.COMPLETED: "Completed",
    PlacementStatus.ENDED_EARLY: "Ended early",
    PlacementStatus.CANCELLED: "Cancelled",
}


class CheckinKind(StrEnum):
    """The reporting schedule of a residency: monthly check-ins, a mid-term and a final report."""

    CHECKIN = "checkin"
    MIDTERM = "midterm"
    FINAL = "final"

    @property
    def label(self) -> str:
        return _CHECKIN_LABELS[self]


_CHECKIN_LABELS = {
    CheckinKind.CHECKIN: "Monthly check-in",
    CheckinKind.MIDTERM: "Mid-term report",
    CheckinKind.FINAL: "Final report",
}


class OutcomeMetric(StrEnum):
    """The standard outcome metrics of a residency (keys used by the CLI and reports)."""

    ARTICLES_CREATED = "articles_created"
    ARTICLES_IMPROVED = "articles_improved"
    MEDIA_UPLOADED = "media_uploaded"
    WIKIDATA_ITEMS = "wikidata_items"
    EVENTS_HELD = "events_held"
    PEOPLE_TRAINED = "people_trained"
    IGO_STAFF_TRAINED = "igo_staff_trained"
    PAGEVIEWS = "pageviews"
    LICENCES_OPENED = "licences_opened"

    @property
    def label(self) -> str:
        return _METRIC_LABELS[self]


_METRIC_LABELS = {
    OutcomeMetric.ARTICLES_CREATED: "Articles created",
    OutcomeMetric.ARTICLES_IMPROVED: "Articles improved",
    OutcomeMetric.MEDIA_UPLOADED: "Media files uploaded",
    OutcomeMetric.WIKIDATA_ITEMS: "Wikidata items created or edited",
    OutcomeMetric.EVENTS_HELD: "Events held",
    OutcomeMetric.PEOPLE_TRAINED: "People trained",
    OutcomeMetric.IGO_STAFF_TRAINED: "IGO staff trained",
    OutcomeMetric.PAGEVIEWS: "Content pageviews",
    OutcomeMetric.LICENCES_OPENED: "Licences changed to an open licence",
}


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
