"""What a candidate is made of: one description per field, the record the editor edits,
and the one validation every way in (editor, importer) goes through.

:data:`FIELDS` describes each field once — its name, label, kind, spreadsheet header,
maximum length and whether it is personal data. The editor form, the spreadsheet
import, export and template, the subject-access export, the dossier facts and the demo
all walk this tuple instead of naming fields themselves, so adding a simple field means
the model, a migration, one :class:`CandidateData` attribute with its :class:`FieldSpec`
here, the editor's widget and the translations (recipe: ``docs/architecture.md``).

Plain frozen dataclasses and pure validation (no SQLAlchemy, no Qt), so the editor can
be built before the database engine is; :mod:`services.candidates` reads and writes
them and adds the one check that needs the database (a username already taken).
"""

from __future__ import annotations

import datetime as dt
import functools
import random
import re
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from enum import StrEnum
from itertools import repeat
from typing import Any

from wir_manager.domain import codes
from wir_manager.domain.enums import (
    AuditAction,
    LanguageLevel,
    Platform,
    Stage,
    Topic,
    TrainingStatus,
)
from wir_manager.domain.ready import is_ready
from wir_manager.domain.text_safety import clean_name
from wir_manager.i18n import _
from wir_manager.services.localefmt import format_number
from wir_manager.services.records import LanguageSkill, PlatformSkill

FIRST_EDIT_YEAR = 2001  # Wikipedia's first year; "active since" cannot be earlier
MAX_EDIT_COUNT = 100_000_000  # far above anyone's global edit count; catches typos


def N_(message: str) -> str:
    """Mark ``message`` for extraction; it is translated where it is shown (``_(label)``)."""
    return message


class CandidateNotFoundError(ValueError):
    """The candidate was deleted meanwhile (in another window, or by an erasure)."""


class CandidateValidationError(ValueError):
    """Input that cannot be saved; ``errors`` maps field name → sentence."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__(" ".join(self.errors.values()))


def affiliate_key(name: str) -> str:
    """What two affiliate names must share to be the same one: "Wikimedia  sverige" and
    "Wikimedia Sverige" are one chapter, so a person cannot add it twice by a typo."""
    return " ".join(name.split()).casefold()


def find_affiliate(items: Iterable[tuple[int, str]], name: str) -> tuple[int, str] | None:
    """The affiliate among ``items`` that ``name`` means (ignoring case and spacing)."""
    key = affiliate_key(name)
    return next((item for item in items if affiliate_key(item[1]) == key), None)


class Kind(StrEnum):
    """What a field holds; it decides how the field is parsed from a spreadsheet cell,
    written to one, shown in words and checked."""

    TEXT = "text"  # one line of free text
    LONG_TEXT = "long_text"  # several lines (notes)
    USERNAME = "username"  # a Wikimedia account name
    EMAIL = "email"
    COUNTRY = "country"  # ISO 3166 alpha-2
    AFFILIATE = "affiliate"  # an affiliate's id (a name in spreadsheets)
    STAGE = "stage"
    DATE = "date"
    YEAR = "year"  # a year from FIRST_EDIT_YEAR to this year
    COUNT = "count"  # a whole number from 0 to MAX_EDIT_COUNT
    YES_NO = "yes_no"  # a blank cell means no
    YES_NO_UNKNOWN = "yes_no_unknown"  # yes / no / not recorded (None)
    LANGUAGES = "languages"
    SKILLS = "skills"
    TOPICS = "topics"


#: Kinds whose values are free text and therefore have a maximum length.
TEXT_KINDS = frozenset({Kind.TEXT, Kind.LONG_TEXT, Kind.USERNAME, Kind.EMAIL})
#: Kinds stored in child tables rather than as a column of ``candidates``.
CHILD_KINDS = frozenset({Kind.LANGUAGES, Kind.SKILLS, Kind.TOPICS})


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One candidate field, described once.

    ``name`` is the :class:`CandidateData` attribute and (unless a child kind) the
    ``candidates`` column. ``label`` is English and translated where shown; ``header``
    is the spreadsheet column (sheets travel between programmes, so headers stay
    English) and ``synonyms`` the other headers the importer recognises.
    """

    name: str
    label: str
    kind: Kind
    header: str
    synonyms: tuple[str, ...] = ()
    #: The empty value is refused with ``required`` as the sentence.
    required: str | None = None
    #: Characters at most (text kinds; for the affiliate, its name). Equal to the
    #: database column's length, which a CHECK constraint enforces as well.
    max_length: int | None = None
    #: Identifies or describes the person (erased with them, never in logs).
    personal: bool = True
    #: Words for yes / no / not recorded (YES_NO_UNKNOWN), English, translated when shown.
    answers: tuple[str, str, str] | None = None
    #: A field-specific check after the kind's own: value → sentence or None.
    check: Callable[[Any], str | None] | None = None
    #: One line for the import template's help sheet (English, translated when written).
    help: str | None = None
    #: The example row of the import template (a cell value).
    example: Any = None
    #: Label of the field's row in a dossier's facts (English); None: not in dossiers.
    dossier: str | None = None
    #: Shown in a dossier only for a post with a duty station (on site or hybrid).
    duty_station_only: bool = False
    #: Made-up value for demo data: (the field's own random stream, the candidate's
    #: other columns) → value. Without it the demo leaves the field empty, unless the
    #: demo generator fills it itself (the fields it was written with).
    demo: Callable[[random.Random, Mapping[str, Any]], Any] | None = None

    @property
    def stored(self) -> bool:
        """A column of the ``candidates`` table (not a child table)."""
        return self.kind not in CHILD_KINDS

    def words(self, value: bool | None) -> str:
        """A YES_NO / YES_NO_UNKNOWN answer in words (translated)."""
        yes, no, unknown = self.answers or (N_("yes"), N_("no"), N_("Not recorded"))
        return _(unknown if value is None else yes if value else no)


def _weighted(rng: random.Random, weighted: tuple[tuple[Any, float], ...]) -> Any:
    items, weights = zip(*weighted, strict=True)
    return rng.choices(items, weights)[0]


def latin_spelling(name: str) -> str | None:
    """A Latin-letter spelling of ``name`` for demo data, where transliteration is
    faithful (Cyrillic, Greek, Chinese, Korean); None for Latin names and for scripts
    whose letters alone do not give the spelling people use (Arabic without its vowels,
    Devanagari, Japanese kanji …)."""
    import unicodedata

    from anyascii import anyascii

    letters = [ch for ch in name if ch.isalpha()]
    if not letters or all(unicodedata.name(ch, "").startswith("LATIN") for ch in letters):
        return None
    scripts = {unicodedata.name(ch, "").split(" ")[0] for ch in letters}
    if not scripts <= {"CYRILLIC", "GREEK", "CJK", "HANGUL"}:
        return None
    if scripts <= {"CJK", "HANGUL"}:
        if " " in name:
            return None  # Japanese (family name, space, given name): kanji readings vary
        name = f"{name[0]} {name[1:]}"  # Chinese or Korean: a one-syllable family name
    return " ".join(word.capitalize() for word in anyascii(name).split())


#: Characters MediaWiki refuses in a username (one search, not one per character: an
#: import checks every row's).
_NOT_IN_USERNAME = re.compile(r"[#<>\[\]|{}/]")


def _username_check(username: str) -> str | None:
    if _NOT_IN_USERNAME.search(username):
        return _("A Wikimedia username cannot contain # < > [ ] | { } or /.")
    return None


# Order = the spreadsheet's column order (export, template) and the subject export's.
FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(
        "full_name",
        N_("Name"),
        Kind.TEXT,
        "Name",
        ("full name", "candidate", "candidate name", "person", "names"),
        required=N_("Enter the person's name."),
        max_length=300,
        example="Amina Yusuf",
    ),
    FieldSpec(
        "latin_name",
        N_("Name in Latin script"),
        Kind.TEXT,
        "Name in Latin script",
        ("latin name", "romanised name", "romanized name", "transliterated name", "name latin"),
        max_length=300,
        dossier=N_("Name in Latin script"),
        demo=lambda _rng, row: latin_spelling(row["full_name"]),
    ),
    FieldSpec(
        "username",
        N_("Wikimedia username"),
        Kind.USERNAME,
        "Username",
        (
            "user name",
            "wikimedia username",
            "user",
            "account",
            "global account",
            "wiki username",
            "sul account",
        ),
        required=N_("Enter the Wikimedia username."),
        max_length=255,
        check=_username_check,
        example="AminaY",
    ),
    FieldSpec(
        "email",
        N_("Email"),
        Kind.EMAIL,
        "Email",
        ("e-mail", "mail", "email address", "e-mail address"),
        max_length=320,
        example="amina@example.org",
    ),
    FieldSpec(
        "phone",
        N_("Phone"),
        Kind.TEXT,
        "Phone",
        ("telephone", "mobile", "phone number", "tel"),
        max_length=64,
    ),
    FieldSpec(
        "country",
        N_("Country"),
        Kind.COUNTRY,
        "Country",
        ("country code", "country of residence", "residence"),
        help=N_("Country: ISO code (NG, FR, BR …) or English name."),
        example="NG",
        dossier=N_("Country"),
    ),
    FieldSpec(
        "affiliate_id",
        N_("Affiliate"),
        Kind.AFFILIATE,
        "Affiliate",
        ("chapter", "user group", "affiliation", "organisation", "organization"),
        max_length=200,
        personal=False,
        example="Wikimedians of Nigeria",
        dossier=N_("Affiliate"),
    ),
    FieldSpec("gender", N_("Gender"), Kind.TEXT, "Gender", max_length=100),
    FieldSpec(
        "stage",
        N_("Stage"),
        Kind.STAGE,
        "Stage",
        ("status", "programme stage", "program stage"),
        personal=False,
        example=Stage.APPLIED.label,
        dossier=N_("Programme stage"),
    ),
    FieldSpec(
        "available_from",
        N_("Available from"),
        Kind.DATE,
        "Available from",
        ("availability start", "available", "from", "start"),
        example=dt.date(2027, 1, 1),
        dossier=N_("Availability"),
    ),
    FieldSpec(
        "available_until",
        N_("Available until"),
        Kind.DATE,
        "Available until",
        ("available to", "availability end", "until", "end"),
        example=dt.date(2027, 12, 31),
    ),
    FieldSpec(
        "willing_to_relocate",
        N_("Willing to relocate"),
        Kind.YES_NO_UNKNOWN,
        "Willing to relocate",
        ("relocation", "relocate", "would relocate", "willing to move", "mobility"),
        answers=(N_("Willing to relocate"), N_("Will not relocate"), N_("Not recorded")),
        demo=lambda rng, _row: _weighted(rng, ((True, 45), (False, 20), (None, 35))),
        help=N_(
            "Willing to relocate: yes or no; leave it empty when not known. “no” rules the "
            "person out of on-site and hybrid requests in another country."
        ),
        example="yes",
        dossier=N_("Relocation"),
        duty_station_only=True,
    ),
    FieldSpec(
        "active_since",
        N_("Active on Wikimedia since"),
        Kind.YEAR,
        "Active since",
        ("wikimedian since", "editing since", "since"),
        example=2016,
        dossier=N_("Wikimedian since"),
    ),
    FieldSpec(
        "edit_count",
        N_("Edit count"),
        Kind.COUNT,
        "Edit count",
        ("edits", "number of edits"),
        example=5400,
        dossier=N_("Edits"),
    ),
    FieldSpec(
        "languages",
        N_("Languages"),
        Kind.LANGUAGES,
        "Languages",
        ("language skills", "languages spoken", "language levels", "other languages"),
    ),
    FieldSpec(
        "skills",
        N_("Skills"),
        Kind.SKILLS,
        "Skills",
        ("platform skills", "wikimedia skills", "platforms"),
    ),
    FieldSpec(
        "topics", N_("Topics"), Kind.TOPICS, "Topics", ("topic areas", "interests", "themes")
    ),
    FieldSpec(
        "consent_store",
        N_("Consent to be kept in the pool"),
        Kind.YES_NO,
        "Consent to store",
        ("consent store", "consent to keep", "consent pool"),
        example="yes",
    ),
    FieldSpec(
        "consent_store_at",
        N_("Consent to be kept in the pool, given on"),
        Kind.DATE,
        "Consent to store date",
        ("consent store date", "consent to store on"),
        example=dt.date(2026, 9, 1),
    ),
    FieldSpec(
        "consent_propose",
        N_("Consent to be proposed to organisations"),
        Kind.YES_NO,
        "Consent to propose",
        ("consent propose", "consent to be proposed"),
        example="yes",
    ),
    FieldSpec(
        "consent_propose_at",
        N_("Consent to be proposed, given on"),
        Kind.DATE,
        "Consent to propose date",
        ("consent propose date", "consent to propose on"),
        example=dt.date(2026, 9, 1),
    ),
    FieldSpec(
        "consent_share_contact",
        N_("Consent to share contact details"),
        Kind.YES_NO,
        "Consent to share contact",
        ("consent share contact", "consent contact", "consent to share contact details"),
        example="no",
    ),
    FieldSpec(
        "consent_share_contact_at",
        N_("Consent to share contact details, given on"),
        Kind.DATE,
        "Consent to share contact date",
        ("consent share contact date", "consent contact date"),
    ),
    FieldSpec(
        "notes",
        N_("Notes"),
        Kind.LONG_TEXT,
        "Notes",
        ("note", "comments", "remarks"),
        max_length=10_000,
    ),
)
FIELD = {spec.name: spec for spec in FIELDS}
#: (name, kind, value when empty) of the fields :meth:`CandidateData.normalised` trims.
_NORMALISED_TEXT: tuple[tuple[str, Kind, str | None], ...] = tuple(
    (spec.name, spec.kind, None if spec.required is None else "")
    for spec in FIELDS
    if spec.kind in TEXT_KINDS or spec.kind is Kind.COUNTRY
)
#: The consent flags and the field holding the date each was given.
CONSENTS: tuple[tuple[str, str], ...] = (
    ("consent_store", "consent_store_at"),
    ("consent_propose", "consent_propose_at"),
    ("consent_share_contact", "consent_share_contact_at"),
)


@dataclass(frozen=True, slots=True)
class CandidateData:
    """What the editor edits and an imported row becomes: every field of a candidate a
    person types or picks (described in :data:`FIELDS`)."""

    full_name: str = ""
    #: The name in Latin letters when ``full_name`` is written in another script.
    latin_name: str | None = None
    username: str = ""
    email: str | None = None
    phone: str | None = None
    country: str | None = None
    affiliate_id: int | None = None
    gender: str | None = None
    stage: Stage = Stage.APPLIED
    available_from: dt.date | None = None
    available_until: dt.date | None = None
    #: Would move for an on-site / hybrid placement abroad; None = not recorded.
    willing_to_relocate: bool | None = None
    active_since: int | None = None
    edit_count: int | None = None
    notes: str | None = None
    consent_store: bool = False
    consent_store_at: dt.date | None = None
    consent_propose: bool = False
    consent_propose_at: dt.date | None = None
    consent_share_contact: bool = False
    consent_share_contact_at: dt.date | None = None
    languages: tuple[LanguageSkill, ...] = ()
    skills: tuple[PlatformSkill, ...] = ()
    topics: tuple[Topic, ...] = ()

    @property
    def name_in_latin_script(self) -> str:
        """The name a reader of Latin script goes by (a dossier's summary shows it beside
        a name in another script); empty when it adds nothing to the name itself."""
        latin = (self.latin_name or "").strip()
        return latin if latin and latin != self.full_name.strip() else ""

    def normalised(self) -> CandidateData:
        """Trimmed text, empty → None, enum members, sorted children: two equal forms
        compare equal, whatever typed them. A record already in this form is returned
        as it is (validation normalises again; an import checks 10,000 of them)."""
        changes: dict[str, Any] = {}
        for name, kind, empty in _NORMALISED_TEXT:
            value = getattr(self, name)
            text = normal_text(value, kind, empty)
            if text != value:
                changes[name] = text
        stage = self.stage
        if not isinstance(stage, Stage) and stage in Stage._value2member_map_:
            changes["stage"] = Stage(stage)
        languages = self.languages
        if len(languages) > 1 or type(languages) is not tuple:  # the editor passes a list
            languages = tuple(sorted(languages, key=lambda item: item.code))
        skills = self.skills
        if type(skills) is not tuple or any(
            type(s.platform) is not Platform or s.level <= 0 for s in skills
        ):
            skills = tuple(
                s
                if type(s.platform) is Platform
                else PlatformSkill(_member(Platform, s.platform), s.level)
                for s in skills
                if s.level > 0
            )
        if len(skills) > 1:
            skills = tuple(sorted(skills, key=lambda s: s.platform))
        topics = self.topics
        if topics:  # members, once each, in order (no topics: nothing to sort)
            topics = tuple(sorted({_member(Topic, t) for t in topics}))
        if languages != self.languages:
            changes["languages"] = languages
        if skills != self.skills:
            changes["skills"] = skills
        if topics != self.topics:
            changes["topics"] = topics
        return replace(self, **changes) if changes else self


def normal_text(value: str | None, kind: Kind, empty: str | None) -> str | None:
    """One text field (or the country) as :meth:`CandidateData.normalised` leaves it."""
    text = (value or "").strip()
    if kind is Kind.TEXT or kind is Kind.USERNAME:
        # Bidi overrides and control characters would make a name read otherwise than
        # it is stored (and drive terminals): gone here, for the editor and the
        # importer alike (both validate through here).
        text = clean_name(text)
    elif kind is Kind.COUNTRY:
        text = text.upper()
    return text or empty


#: Field name → (kind, value when empty) of the fields :func:`normal_scalar` trims.
_NORMAL_TEXT_OF = {name: (kind, empty) for name, kind, empty in _NORMALISED_TEXT}


def normal_text_rule(name: str) -> tuple[Kind, str | None] | None:
    """(kind, value when empty) of a text field (or the country) for :func:`normal_text`;
    None for a field :meth:`CandidateData.normalised` does not trim."""
    return _NORMAL_TEXT_OF.get(name)


def normal_trimmed_texts(
    texts: list[str | None], kind: Kind, empty: str | None
) -> list[str | None]:
    """:func:`normal_text` of each of ``texts``, which are already trimmed (or None),
    as a column of an import is: a trimmed, printable name is its own normal form, and
    e-mails and notes are not cleaned at all, so most values need no work."""
    if kind is Kind.TEXT or kind is Kind.USERNAME:
        return [
            empty if t is None else t if t.isprintable() else normal_text(t, kind, empty)
            for t in texts
        ]
    if kind is Kind.COUNTRY:
        return [normal_text(t, kind, empty) for t in texts]
    return [t or empty for t in texts]


def normal_scalar(name: str, value: Any) -> Any:
    """A plain field's ``value`` (not languages, skills or topics) as
    :meth:`CandidateData.normalised` would leave it: the importer builds records in that
    form from each distinct cell value, so ``normalised()`` has nothing to redo."""
    text_rule = _NORMAL_TEXT_OF.get(name)
    if text_rule is not None:
        return normal_text(value, *text_rule)
    if name == "stage" and not isinstance(value, Stage) and value in Stage._value2member_map_:
        return Stage(value)
    return value


def _member(enum: Any, value: Any) -> Any:
    """``value`` as a member of ``enum`` when it names one (left as is otherwise, so
    validation can say what is wrong)."""
    try:
        return enum(value)
    except ValueError:
        return value


@dataclass(frozen=True, slots=True)
class TrainingItem:
    module_id: int
    title: str
    mandatory: bool
    status: TrainingStatus
    completed_on: dt.date | None
    score: int | None


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    at: dt.datetime
    operator: str
    action: AuditAction
    fields: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CandidateDetail:
    id: int
    data: CandidateData
    created_at: dt.datetime | None
    updated_at: dt.datetime | None
    training: tuple[TrainingItem, ...] = ()

    @property
    def mandatory_progress(self) -> tuple[int, int]:
        """(completed, total) mandatory active modules (``training`` lists active ones)."""
        mandatory = [t for t in self.training if t.mandatory]
        done = sum(1 for t in mandatory if t.status == TrainingStatus.COMPLETED)
        return done, len(mandatory)

    @property
    def training_complete(self) -> bool:
        return is_ready(*self.mandatory_progress)


# ----------------------------------------------------------------------------- validation
def length_problem(spec: FieldSpec, value: str | None) -> str | None:
    """The sentence for text longer than ``spec`` allows, else None."""
    if spec.max_length is None or value is None or len(value) <= spec.max_length:
        return None
    return _("Use at most {limit} characters (there are {count}).").format(
        limit=format_number(spec.max_length), count=format_number(len(value))
    )


#: A dot-atom local part in ASCII (RFC 5322 3.2.3): exactly what ``email-validator``
#: accepts before the @-sign without further ado (its ``DOT_ATOM_TEXT``).
_ATEXT = r"a-zA-Z0-9_!#$%&'*+\-/=?^`{|}~"
_DOT_ATOM_LOCAL = re.compile(f"[{_ATEXT}]+(?:\\.[{_ATEXT}]+)*\\Z")
_EMAIL_MAX = 254  # octets, email-validator's EMAIL_MAX_LENGTH


@functools.lru_cache(maxsize=4096)
def _domain_as_read(domain: str) -> tuple[str, str] | None:
    """(domain, ASCII domain) as ``email-validator`` reads the part after the @-sign, or
    None when it refuses it. An import checks 10,000 addresses at a handful of domains:
    the domain is what costs (IDNA, reserved names), so it is read once. The probe's
    one-letter local part is valid, so only the domain (or a length no real address
    could be under) can fail it."""
    from email_validator import EmailNotValidError, validate_email

    try:
        found = validate_email("a@" + domain, check_deliverability=False)
    except EmailNotValidError:
        return None
    return found.domain, found.ascii_domain


def _email_fast(address: str) -> str | bool | None:
    """The same answer as ``email-validator`` for a plain ASCII address (dot-atom local
    part, its domain read once per domain); False when the address is not plain and the
    full check must say."""
    at = address.find("@")
    if at <= 0 or not address.isascii():
        return False
    local = address[:at]
    if not _DOT_ATOM_LOCAL.match(local):
        return False
    read = _domain_as_read(address[at + 1 :])
    if read is None:
        return _("This is not an e-mail address (name@example.org).")
    domain, ascii_domain = read
    # email-validator's length checks: as given, normalised, and with the ASCII domain.
    if (
        len(address) > _EMAIL_MAX
        or len(f"{local}@{domain}".encode()) > _EMAIL_MAX
        or len(local) + 1 + len(ascii_domain) > _EMAIL_MAX
        or len(ascii_domain.rsplit(".", 1)[-1]) < 2
    ):
        return _("This is not an e-mail address (name@example.org).")
    return None


def email_problem(address: str) -> str | None:
    """The one e-mail check (syntax only, never the network): ``email-validator``,
    plus a top-level domain of two letters or more (no shorter one exists). Plain ASCII
    addresses take a shortcut giving the same answer (tested against the full check),
    as an import checks thousands."""
    fast = _email_fast(address)
    if fast is not False:
        return fast
    return _email_full(address)


def _email_full(address: str) -> str | None:
    from email_validator import EmailNotValidError, validate_email

    try:
        found = validate_email(address, check_deliverability=False)
    except EmailNotValidError:
        return _("This is not an e-mail address (name@example.org).")
    if len(found.ascii_domain.rsplit(".", 1)[-1]) < 2:
        return _("This is not an e-mail address (name@example.org).")
    return None


def _checked(spec: FieldSpec, value: Any, today: dt.date) -> str | None:
    """A present value's problem: its kind's rules, then the field's own check (looked
    up by kind, as validation runs for every row of an import)."""
    problem = _KIND_CHECKS[spec.kind](spec, value, today)
    if problem or spec.kind is Kind.LANGUAGES:
        return problem
    return spec.check(value) if spec.check else None


def _no_rule(_spec: FieldSpec, _value: Any, _today: dt.date) -> str | None:
    return None


def _text_problem(spec: FieldSpec, value: Any, _today: dt.date) -> str | None:
    return length_problem(spec, value)


def _email_field_problem(spec: FieldSpec, value: Any, _today: dt.date) -> str | None:
    return length_problem(spec, value) or email_problem(value)


def _country_problem(_spec: FieldSpec, value: Any, _today: dt.date) -> str | None:
    try:
        codes.normalize_country(value)
    except codes.CodeError:
        return _("Pick a country from the list.")
    return None


def _stage_problem(_spec: FieldSpec, value: Any, _today: dt.date) -> str | None:
    return None if value in Stage._value2member_map_ else _("Pick a stage from the list.")


def _year_problem(_spec: FieldSpec, value: Any, today: dt.date) -> str | None:
    if not FIRST_EDIT_YEAR <= value <= today.year:
        return _("Use a year from {first} to {now}.").format(first=FIRST_EDIT_YEAR, now=today.year)
    return None


def _count_problem(_spec: FieldSpec, value: Any, _today: dt.date) -> str | None:
    if not 0 <= value <= MAX_EDIT_COUNT:
        return _("Use a whole number from 0 to {high}.").format(high=format_number(MAX_EDIT_COUNT))
    return None


def _yes_no_problem(_spec: FieldSpec, value: Any, _today: dt.date) -> str | None:
    return None if value in (True, False) else _("Pick yes or no from the list.")


def _languages_field_problem(_spec: FieldSpec, value: Any, _today: dt.date) -> str | None:
    return _languages_problem(value)


def _skills_problem(_spec: FieldSpec, value: Any, _today: dt.date) -> str | None:
    for skill in value:
        if skill.platform not in Platform._value2member_map_:
            return _("Unknown Wikimedia platform.")
        if not 0 <= skill.level <= 3:
            return _("Skill levels go from 0 (none) to 3 (advanced).")
    return None


def _topics_problem(_spec: FieldSpec, value: Any, _today: dt.date) -> str | None:
    if any(t not in Topic._value2member_map_ for t in value):
        return _("Unknown topic area.")
    return None


_KIND_CHECKS: dict[Kind, Callable[[FieldSpec, Any, dt.date], str | None]] = {
    **dict.fromkeys(Kind, _no_rule),
    Kind.TEXT: _text_problem,
    Kind.LONG_TEXT: _text_problem,
    Kind.USERNAME: _text_problem,
    Kind.EMAIL: _email_field_problem,
    Kind.COUNTRY: _country_problem,
    Kind.STAGE: _stage_problem,
    Kind.YEAR: _year_problem,
    Kind.COUNT: _count_problem,
    Kind.YES_NO: _yes_no_problem,
    Kind.YES_NO_UNKNOWN: _yes_no_problem,
    Kind.LANGUAGES: _languages_field_problem,
    Kind.SKILLS: _skills_problem,
    Kind.TOPICS: _topics_problem,
}


#: Every field with whether a present value has anything to check (a kind's rule or
#: the field's own check): validation runs for every row of an import, and half the
#: fields (dates, the gender, the phone …) have no rule beyond being present.
_VALIDATED: tuple[tuple[FieldSpec, bool], ...] = tuple(
    (spec, _KIND_CHECKS[spec.kind] is not _no_rule or spec.check is not None) for spec in FIELDS
)


def _languages_problem(languages: Iterable[LanguageSkill]) -> str | None:
    seen: set[str] = set()
    for lang in languages:
        try:
            code = codes.normalize_language(lang.code)
        except codes.CodeError:
            return _("{code} is not an ISO 639 language code.").format(code=lang.code)
        if code in seen:
            return _("{name} is listed twice.").format(name=codes.language_name(code))
        seen.add(code)
        if lang.level not in LanguageLevel._value2member_map_:
            return _("Pick a level from A1 to C2 or native.")
    return None


def _field_error(spec: FieldSpec, checked: bool, value: Any, today: dt.date) -> str | None:
    """What is wrong with one field's value on its own. ``checked``: the field has a
    rule beyond being present (see :data:`_VALIDATED`)."""
    if value is None or value == "":
        return _(spec.required) if spec.required else None
    if spec.required and not value:
        return _(spec.required)
    return _checked(spec, value, today) if checked else None


#: The fields the rules between fields read: availability, each consent and its date.
_RELATED: tuple[str, ...] = (
    "available_from",
    "available_until",
    *(name for pair in CONSENTS for name in pair),
)


def _relation_errors(
    errors: dict[str, str], value_of: Callable[[str], Any], today: dt.date
) -> None:
    """Add the problems between fields (a field's own problem, said first, stays)."""
    start, until = value_of("available_from"), value_of("available_until")
    if start and until and until < start:
        errors.setdefault("available_until", _("“Available until” is before “available from”."))
    for given_name, date_name in CONSENTS:
        given, on = value_of(given_name), value_of(date_name)
        if given and on is None:
            errors.setdefault(date_name, _("Enter the date consent was given."))
        elif on is not None and on > today:
            errors.setdefault(date_name, _("The consent date is in the future."))


def validate(
    data: CandidateData,
    *,
    username_taken: Callable[[str], bool] | None = None,
    today: dt.date | None = None,
    normalised: bool = False,
) -> dict[str, str]:
    """Field → sentence for every problem (empty when the data can be saved).

    The editor calls it while you type, and the importer's :func:`validate_columns`
    applies the same rules to a whole sheet, so what one accepts the other accepts.
    ``username_taken`` answers whether another candidate has the username; without it
    (the editor while typing, the importer, which checks the whole sheet at once)
    uniqueness is left to the caller. ``normalised``: ``data`` is already
    :meth:`CandidateData.normalised`, not done twice.
    """
    today = today or dt.date.today()
    if not normalised:
        data = data.normalised()
    errors: dict[str, str] = {}
    for spec, checked in _VALIDATED:
        if problem := _field_error(spec, checked, getattr(data, spec.name), today):
            errors[spec.name] = problem
    if "username" not in errors and username_taken is not None and username_taken(data.username):
        errors["username"] = _("Another candidate already has this username.")
    _relation_errors(errors, functools.partial(getattr, data), today)
    return errors


_DEFAULTS: dict[str, Any] = {f.name: f.default for f in fields(CandidateData)}


def validate_columns(
    columns: Mapping[str, Sequence[Any]],
    rows: int,
    *,
    keys: Mapping[str, Sequence[Hashable]] | None = None,
    today: dt.date | None = None,
) -> dict[int, dict[str, str]]:
    """:func:`validate` of ``rows`` records given field by field (``columns[name][row]``,
    normalised; a field without a column has its default), for the rows with a problem.

    An import checks 10,000 people whose countries, levels, consents and dates repeat:
    each field's distinct values are checked once, and only a value with a problem is
    looked for row by row. ``keys[name][row]`` (optional) is a cheap stand-in for the
    value (equal keys, equal values), e.g. the importer's distinct-cell numbers.
    Uniqueness of usernames is the caller's, as for :func:`validate` without
    ``username_taken``. The answers are :func:`validate`'s, row for row (tested so).
    """
    today = today or dt.date.today()
    found: dict[int, dict[str, str]] = {}
    for spec, checked in _VALIDATED:
        column = columns.get(spec.name)
        if column is None:
            if problem := _field_error(spec, checked, _DEFAULTS[spec.name], today):
                for row in range(rows):
                    found.setdefault(row, {})[spec.name] = problem
            continue
        key = (keys or {}).get(spec.name) or column
        # The first row of each key (zip in reverse: a later row is written over by an
        # earlier one), so each distinct value is checked once.
        first = dict(zip(reversed(key), range(rows - 1, -1, -1), strict=True))
        bad = {
            k: problem
            for k, row in first.items()
            if (problem := _field_error(spec, checked, column[row], today))
        }
        if bad:
            for row, k in enumerate(key):
                if (problem := bad.get(k)) is not None:
                    found.setdefault(row, {})[spec.name] = problem
    related = [columns.get(name) or repeat(_DEFAULTS[name], rows) for name in _RELATED]
    combos = list(zip(*related, strict=True))
    between: dict[tuple[Any, ...], dict[str, str]] = {}
    for combo in dict.fromkeys(combos):
        errors: dict[str, str] = {}
        _relation_errors(errors, dict(zip(_RELATED, combo, strict=True)).__getitem__, today)
        if errors:
            between[combo] = errors
    if between:
        for row, combo in enumerate(combos):
            if (errors := between.get(combo)) is not None:
                own = found.setdefault(row, {})
                for name, message in errors.items():
                    own.setdefault(name, message)
    return found


# ----------------------------------------------------------------------------- storage
def column_values(data: CandidateData) -> dict[str, Any]:
    """``data`` as ``candidates`` column values, the region derived from the country
    (editor saves, imports and the demo all write rows through this)."""
    values = {spec.name: getattr(data, spec.name) for spec in FIELDS if spec.stored}
    if values["country"]:
        values["country"] = codes.normalize_country(values["country"])
    values.update(codes.region_columns(values["country"]))
    return values


def child_rows(
    candidate_id: int, data: CandidateData
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """Rows of ``candidate_languages``, ``candidate_skills`` and ``candidate_topics``."""
    langs = {codes.normalize_language(lang.code): lang.level for lang in data.languages}
    return (
        [{"candidate_id": candidate_id, "code": c, "level": lv} for c, lv in langs.items()],
        [
            {"candidate_id": candidate_id, "platform": Platform(s.platform), "level": s.level}
            for s in data.skills
            if s.level > 0
        ],
        [{"candidate_id": candidate_id, "topic": Topic(t)} for t in data.topics],
    )


def data_from_columns(
    values: dict[str, Any],
    languages: Iterable[tuple[str, int]] = (),
    skills: Iterable[tuple[str, int]] = (),
    topics: Iterable[str] = (),
) -> CandidateData:
    """The record from stored column values (any mapping holding every stored field)."""
    scalars = {spec.name: values[spec.name] for spec in FIELDS if spec.stored}
    for spec in FIELDS:
        if spec.kind is Kind.YES_NO:
            scalars[spec.name] = bool(scalars[spec.name])
    return CandidateData(
        **scalars,
        languages=tuple(LanguageSkill(code, int(level)) for code, level in languages),
        skills=tuple(PlatformSkill(Platform(p), int(level)) for p, level in skills),
        topics=tuple(Topic(t) for t in topics),
    ).normalised()
