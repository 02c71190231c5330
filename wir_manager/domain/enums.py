"""The programme's closed vocabularies (see shared/DOMAIN.md).

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
    PROPOSED = "proposed"
    SENT = "sent"
    INTERVIEW = "interview"
    ACCEPTED = "accepted"
    DECLINED = "declined"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class PlacementStatus(StrEnum):
    PLANNED = "planned"
    ACTIVE = "active"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


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
