"""Column mapping: what each column of a file means, suggested from its header and saved.

People's sheets have their own headers and order: "Full name", "Wikimedia-användarnamn",
"Which languages do you speak, and how well?", "Wikidata experience", "Consent to share
with partners?". Each header gets a suggested target — a candidate field, one platform's
skill, the form's timestamp, or "ignore" — from three sources, strongest first:

1. the synonym table (English and Swedish, case and punctuation ignored) → sure;
2. keyword rules for the columns people phrase as questions (a platform's name with
   "experience"; "consent" with "store" or "share") → sure when exactly one rule fires;
3. ``rapidfuzz`` similarity to every synonym → sure above :data:`SURE`, *unsure* between
   :data:`UNSURE` and it (the CLI stops and names the column; the wizard marks it), and
   "ignore" below.

A confirmed mapping is saved in the database (``settings`` table, key
:data:`SETTING_KEY`) under a name, with the headers it was made for; a file with the same
headers is offered it again (a form's export every month).
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from wir_manager.domain.enums import Platform
from wir_manager.i18n import _
from wir_manager.services.spreadsheets.errors import SpreadsheetError
from wir_manager.services.spreadsheets.headers import CANDIDATE_FIELDS, candidate_field
from wir_manager.storage import models as m
from wir_manager.storage.database import Database

SURE = 88
UNSURE = 70
SETTING_KEY = "import_mappings"
IGNORE = ""

#: Swedish (and a few more English) header words for each field.
EXTRA_SYNONYMS: dict[str, tuple[str, ...]] = {
    "full_name": ("namn", "fullständigt namn", "för och efternamn", "your name", "your full name",
                  "name of candidate", "ditt namn", "deltagare"),
    "username": ("användarnamn", "wikimedia användarnamn", "wikipedia username",
                 "your wikimedia username", "användare", "wiki användarnamn",
                 "wikimedia account", "konto"),
    "email": ("e-post", "epost", "e-postadress", "epostadress", "email address",
              "your email", "din e-post", "mejl", "mejladress"),
    "phone": ("telefon", "telefonnummer", "mobilnummer", "mobil", "phone number"),
    "country": ("land", "bosättningsland", "hemland", "country of residence",
                "where do you live", "var bor du", "bor i", "nationality", "nationalitet"),
    "affiliate_id": ("förening", "anknytning", "affiliation", "wikimedia affiliate",
                  "chapter or user group", "organisation", "tillhörighet"),
    "gender": ("kön",),
    "stage": ("steg", "programsteg", "status"),
    "available_from": ("tillgänglig från", "kan börja", "start date", "available from date",
                       "startdatum"),
    "available_until": ("tillgänglig till", "tillgänglig tom", "end date", "slutdatum"),
    "willing_to_relocate": ("kan flytta", "villig att flytta", "willing to relocate abroad",
                            "flytta utomlands", "open to relocation", "kan flytta utomlands"),
    "active_since": ("aktiv sedan", "wikimedian sedan", "redigerar sedan", "year started"),
    "edit_count": ("antal redigeringar", "redigeringar", "total edits"),
    "languages": ("språk", "språkkunskaper", "talade språk", "languages spoken",
                  "languages and levels", "which languages do you speak",
                  "vilka språk talar du", "language proficiency"),
    "skills": ("färdigheter", "plattformar", "wikimedia experience"),
    "topics": ("ämnen", "ämnesområden", "intresseområden", "topics of interest",
               "areas of interest", "expertise", "subject areas"),
    "consent_store": ("samtycke att lagra", "samtycke till lagring", "consent to store data",
                      "consent to keep my data", "samtycke lagra uppgifter"),
    "consent_store_at": ("datum samtycke lagra", "samtycke att lagra datum"),
    "consent_propose": ("consent to share with partners", "consent to be proposed",
                        "samtycke att föreslås", "samtycke att delas med partner",
                        "share profile with partners", "consent propose"),
    "consent_propose_at": ("datum samtycke föreslås", "samtycke att föreslås datum"),
    "consent_share_contact": ("consent to share contact details", "samtycke dela kontakt",
                              "samtycke att dela kontaktuppgifter", "share contact details"),
    "consent_share_contact_at": ("datum samtycke kontakt",),
    "notes": ("anteckningar", "kommentarer", "kommentar", "övrigt", "anything else"),
    "consent_at": ("consent date", "date of consent", "samtyckesdatum", "datum för samtycke",
                   "consent given on", "consented on"),
    "timestamp": ("timestamp", "tidsstämpel", "submitted", "submission date", "submitted at",
                  "inskickat", "completion time", "start time", "svarstid"),
}  # fmt: skip

#: Targets that are not editor fields but feed them: one date for every consent column
#: without its own date, and the form's timestamp (the date of consent when nothing else
#: says).
EXTRA_TARGETS: dict[str, str] = {
    "consent_at": "Consent date (all consents)",
    "timestamp": "Form timestamp",
}
_SKILL_WORDS = ("experience", "experienced", "skill", "skills", "level", "erfarenhet",
                "kunskap", "kunskaper", "nivå", "van", "familiar", "knowledge")  # fmt: skip
_PLATFORM_WORDS: dict[str, Platform] = {
    "wikipedia": Platform.WIKIPEDIA, "wikidata": Platform.WIKIDATA,
    "commons": Platform.COMMONS, "structured data": Platform.SDC, "sdc": Platform.SDC,
    "wikisource": Platform.WIKISOURCE, "wikibase": Platform.WIKIBASE,
    "outreach": Platform.OUTREACH, "dashboard": Platform.DASHBOARD,
}  # fmt: skip


def _words(text: object) -> str:
    decomposed = unicodedata.normalize("NFKC", str(text or "")).casefold()
    return " ".join(re.findall(r"\w+", decomposed))


def _norm(text: object) -> str:
    return _words(text).replace(" ", "")


def target_label(target: str) -> str:
    """A target in words, in the user's language ("ignore" for the empty target)."""
    if not target:
        return _("(ignore)")
    if target.startswith("skill:"):
        return _("{platform} skill").format(platform=Platform(target[6:]).label)
    if target.startswith(("lang:", "level:")):
        kind, number = target.split(":")
        return (_("Language {n}") if kind == "lang" else _("Level {n}")).format(n=number)
    if target == "consent_at":
        return _("Consent date (all consents)")
    if target == "timestamp":
        return _("Form timestamp")
    from wir_manager.services.candidate_records import FIELD

    if target in FIELD:
        return _(FIELD[target].label)
    return target


def candidate_targets() -> list[str]:
    """Every target a candidate column can map to, in the order pickers list them."""
    return [
        *(f.key for f in CANDIDATE_FIELDS),
        *EXTRA_TARGETS,
        *(f"skill:{p.value}" for p in Platform),
    ]


def field_key(name: str) -> str:
    """The field key the synonyms call ``name`` ("affiliate" is ``affiliate_id`` where the
    field list names the stored column)."""
    keys = {f.key for f in CANDIDATE_FIELDS}
    if name in keys or name in EXTRA_TARGETS:
        return name
    return f"{name}_id" if f"{name}_id" in keys else name


#: Headers that are never data: the problems workbook's own column.
IGNORED_HEADERS = {"whattofix", "attratta"}


def _synonyms() -> dict[str, str]:
    table: dict[str, str] = {}
    for f in CANDIDATE_FIELDS:
        for name in (f.key.replace("_", " "), f.label, *f.synonyms):
            table.setdefault(_words(name), f.key)
    for key, names in EXTRA_SYNONYMS.items():
        for name in names:
            table.setdefault(_words(name), field_key(key))
    for p in Platform:
        for name in (p.value, p.label):
            for suffix in ("", " skill", " experience", " level", " erfarenhet", " kunskap"):
                table.setdefault(_words(name + suffix), f"skill:{p.value}")
    return table


_TABLE = _synonyms()
_BY_NORM = {k.replace(" ", ""): v for k, v in _TABLE.items()}


@dataclass(frozen=True, slots=True)
class ColumnChoice:
    """One column of the file and what it is taken to mean."""

    index: int
    header: str
    target: str  # "" = ignore
    score: int  # 0–100: how sure the suggestion is (100 = exact, a saved or chosen mapping)
    sure: bool

    @property
    def ignored(self) -> bool:
        return not self.target


@dataclass(frozen=True)
class Mapping:
    """Column index → target for one file; ``name`` when it came from a saved mapping."""

    columns: tuple[ColumnChoice, ...]
    name: str | None = None
    date_order: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def targets(self) -> dict[int, str]:
        return {c.index: c.target for c in self.columns if c.target}

    def unsure(self) -> list[ColumnChoice]:
        return [c for c in self.columns if not c.sure and c.target]

    def with_target(self, index: int, target: str) -> Mapping:
        cols = tuple(
            ColumnChoice(c.index, c.header, target, 100, True) if c.index == index else c
            for c in self.columns
        )
        return Mapping(cols, None, self.date_order, dict(self.extra))

    def by_header(self) -> dict[str, str]:
        return {c.header: c.target for c in self.columns}

    def lines(self) -> list[str]:
        """The mapping in words, one column a line (printed by the CLI)."""
        out = []
        for c in self.columns:
            mark = "" if c.sure or c.ignored else " " + _("(unsure)")
            out.append(f"{c.header} → {target_label(c.target)}{mark}")
        return out


def _keyword_rule(words: str) -> str | None:
    """Targets for headers phrased as questions; None unless exactly one rule fires."""
    found: set[str] = set()
    tokens = set(words.split())
    platforms = {p for word, p in _PLATFORM_WORDS.items() if word in words}
    if len(platforms) == 1 and tokens & set(_SKILL_WORDS) | {"how"} & tokens:
        found.add(f"skill:{next(iter(platforms)).value}")
    consent = tokens & {"consent", "samtycke", "samtycker", "agree", "godkänner", "permission"}
    if consent:
        if tokens & {"contact", "kontakt", "kontaktuppgifter", "email", "phone"}:
            found.add("consent_share_contact")
        elif tokens & {"share", "shared", "partners", "partner", "propose", "proposed",
                       "dela", "delas", "föreslå", "föreslås", "igo", "organisations"}:  # fmt: skip
            found.add("consent_propose")
        elif tokens & {"store", "stored", "keep", "kept", "save", "lagra", "lagras",
                       "spara", "sparas", "process", "processed", "data", "uppgifter"}:  # fmt: skip
            found.add("consent_store")
        if tokens & {"date", "datum", "when", "när"}:
            found = {f"{t}_at" if t.startswith("consent_") else t for t in found} or {"consent_at"}
    if tokens & {"language", "languages", "språk", "speak", "talar"} and not platforms:
        found.add("languages")
    if tokens & {"username", "användarnamn", "account", "konto"}:
        found.add("username")
    if tokens & {"email", "mail", "epost", "mejl"} and not consent:
        found.add("email")
    return next(iter(found)) if len(found) == 1 else None


@functools.lru_cache(maxsize=1024, typed=True)
def suggest(header: object) -> tuple[str, int, bool]:
    """(target, score, sure) for one header; ("", 0, True) for a blank header.

    Remembered per header text: finding the header row asks about every cell of the
    first rows (fuzzy matching each), once when the file is looked at and again when it
    is checked, and again on every re-check after a change of mapping."""
    words = _words(header)
    if not words:
        return IGNORE, 0, True
    key = words.replace(" ", "")
    if key in IGNORED_HEADERS:
        return IGNORE, 100, True
    if key in _BY_NORM:
        return _BY_NORM[key], 100, True
    template = candidate_field(header)
    if template is not None:
        return template, 100, True
    rule = _keyword_rule(words)
    if rule is not None:
        return rule, 92, True
    from rapidfuzz import fuzz, process

    best = process.extractOne(words, list(_TABLE), scorer=fuzz.token_sort_ratio)
    if best is None:
        return IGNORE, 0, True
    choice, score, _i = best
    score = int(score)
    if score >= SURE:
        return _TABLE[choice], score, True
    if score >= UNSURE:
        return _TABLE[choice], score, False
    return IGNORE, score, True


def suggest_mapping(headers: Sequence[object]) -> Mapping:
    """A suggestion for every column; a target is never given to two columns (the later,
    weaker one is ignored and marked unsure so a person looks)."""
    taken: dict[str, int] = {}
    columns: list[ColumnChoice] = []
    for i, header in enumerate(headers):
        if header is None or not str(header).strip():
            continue
        target, score, sure = suggest(header)
        columns.append(ColumnChoice(i, str(header).strip(), target, score, sure))
    ordered = sorted(columns, key=lambda c: -c.score)
    result: dict[int, ColumnChoice] = {}
    for c in ordered:
        if c.target and c.target in taken:
            result[c.index] = ColumnChoice(c.index, c.header, IGNORE, c.score, False)
            continue
        if c.target:
            taken[c.target] = c.index
        result[c.index] = c
    return Mapping(tuple(result[c.index] for c in columns))


# --------------------------------------------------------------------------- saved
@dataclass(frozen=True, slots=True)
class SavedMapping:
    name: str
    kind: str  # "candidates" or "training:<source>"
    headers: tuple[str, ...]
    columns: dict[str, str]  # header → target
    date_order: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "headers": list(self.headers),
            "columns": self.columns,
            "date_order": self.date_order,
            "extra": self.extra,
        }


def header_key(headers: Iterable[object]) -> tuple[str, ...]:
    """The headers a saved mapping is offered again for (order ignored)."""
    return tuple(sorted({_norm(h) for h in headers if _norm(h)}))


def _load(db: Database) -> dict[str, dict[str, Any]]:
    with db.engine.connect() as conn:
        raw = conn.execute(select(m.Setting.value).where(m.Setting.key == SETTING_KEY)).scalar()
    if not raw:
        return {}
    try:
        data = json.loads(raw)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def saved_mappings(db: Database, kind: str | None = None) -> list[SavedMapping]:
    out = []
    for name, item in sorted(_load(db).items(), key=lambda kv: kv[0].casefold()):
        if kind is not None and item.get("kind") != kind:
            continue
        out.append(
            SavedMapping(
                name,
                str(item.get("kind", "candidates")),
                tuple(item.get("headers", ())),
                dict(item.get("columns", {})),
                item.get("date_order"),
                dict(item.get("extra", {})),
            )
        )
    return out


def save_mapping(db: Database, name: str, kind: str, mapping: Mapping) -> SavedMapping:
    """Save (or replace) ``mapping`` under ``name``, for files with the same headers."""
    return save_columns(
        db,
        name,
        kind,
        tuple(c.header for c in mapping.columns),
        mapping.by_header(),
        mapping.date_order,
        dict(mapping.extra),
    )


def save_columns(
    db: Database,
    name: str,
    kind: str,
    headers: tuple[str, ...],
    columns: dict[str, str],
    date_order: str | None = None,
    extra: dict[str, Any] | None = None,
) -> SavedMapping:
    """Save header → target choices under ``name`` (replacing one of the same name)."""
    name = name.strip()
    if not name:
        raise SpreadsheetError(_("Give the mapping a name."))
    if len(name) > 100:
        raise SpreadsheetError(_("A mapping name can be at most 100 characters."))
    saved = SavedMapping(name, kind, headers, dict(columns), date_order, dict(extra or {}))
    with db.session() as s:
        row = s.get(m.Setting, SETTING_KEY)
        data = _load(db)
        data[name] = saved.to_json()
        text = json.dumps(data, ensure_ascii=False, sort_keys=True)
        if row is None:
            s.add(m.Setting(key=SETTING_KEY, value=text))
        else:
            row.value = text
    return saved


def delete_mapping(db: Database, name: str) -> bool:
    with db.session() as s:
        row = s.get(m.Setting, SETTING_KEY)
        data = _load(db)
        if name not in data or row is None:
            return False
        del data[name]
        row.value = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return True


def apply_saved(saved: SavedMapping, headers: Sequence[object]) -> Mapping:
    """``saved`` laid over this file's columns; headers it does not know are suggested."""
    by_norm = {_norm(h): t for h, t in saved.columns.items()}
    columns = []
    suggestion = {c.index: c for c in suggest_mapping(headers).columns}
    for i, header in enumerate(headers):
        if header is None or not str(header).strip():
            continue
        key = _norm(header)
        if key in by_norm:
            columns.append(ColumnChoice(i, str(header).strip(), by_norm[key], 100, True))
        elif i in suggestion:
            columns.append(suggestion[i])
    return Mapping(tuple(columns), saved.name, saved.date_order, dict(saved.extra))


def matching_saved(db: Database, kind: str, headers: Sequence[object]) -> SavedMapping | None:
    """The saved mapping made for exactly these headers, if any (newest name first)."""
    wanted = header_key(headers)
    for saved in saved_mappings(db, kind):
        if header_key(saved.headers) == wanted:
            return saved
    return None


def load_mapping_argument(db: Database, kind: str, value: str) -> SavedMapping:
    """``--map NAME|FILE``: a saved mapping by name, else a JSON file
    ``{"Header": "field", …}`` (or a saved mapping's JSON as ``mappings --json`` prints)."""
    for saved in saved_mappings(db):
        if saved.name == value:
            return saved
    path = Path(value)
    if not path.is_file():
        raise SpreadsheetError(
            _("There is no saved mapping or mapping file called “{name}”.").format(name=value)
        )
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError):
        raise SpreadsheetError(
            _('“{name}” is not a mapping file (JSON: {{"Header": "field"}}).').format(
                name=path.name
            )
        ) from None
    if isinstance(data, list) and data and isinstance(data[0], dict):
        data = data[0]
    if isinstance(data, dict) and isinstance(data.get("columns"), dict):
        columns, order = data["columns"], data.get("date_order")
    elif isinstance(data, dict):
        columns, order = data, None
    else:
        raise SpreadsheetError(
            _('“{name}” is not a mapping file (JSON: {{"Header": "field"}}).').format(
                name=path.name
            )
        )
    known = set(candidate_targets()) | {IGNORE, "ignore"}
    cleaned: dict[str, str] = {}
    for header, target in columns.items():
        target = "" if target in (None, "ignore") else str(target)
        if (
            kind == "candidates"
            and target not in known
            and not target.startswith(("lang:", "level:"))
        ):
            raise SpreadsheetError(
                _("The mapping file maps “{header}” to “{target}”, which is not a field.").format(
                    header=header, target=target
                )
            )
        cleaned[str(header)] = target
    return SavedMapping(path.stem, kind, tuple(cleaned), cleaned, order)
