"""Refuse over-long text with a sentence before anything is written (issue #17).

Every bounded text column (``String(n)``) has a ``CHECK (length(col) <= n)`` in the
file (revisions 0005 and 0009), but a CHECK failure is SQLite's text, not a sentence,
and on PostgreSQL the error names the column only. One hook on every session checks the
rows about to be flushed, whichever service, importer or editor made them, and raises
:class:`TextTooLongError` naming the field, its limit and the length typed. The CHECKs
stay as the backstop for set-based statements that bypass the session's flush.

Candidates have their own, earlier check with the editor's field names
(``services.candidate_records.length_problem``); this hook catches the rest.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import String, event
from sqlalchemy.orm import Session, sessionmaker

from wir_manager.i18n import _
from wir_manager.storage.errors import TextTooLongError


def N_(message: str) -> str:
    """Mark ``message`` for extraction; translated where it is shown."""
    return message


#: (table, column) → what the person calls the field, for the sentence.
FIELD_NAMES: dict[tuple[str, str], str] = {
    ("placement_requests", "title"): N_("The request title"),
    ("placement_requests", "description"): N_("The request description"),
    ("placement_requests", "duty_city"): N_("The duty city"),
    ("organisations", "name"): N_("The organisation name"),
    ("organisations", "acronym"): N_("The acronym"),
    ("organisations", "website"): N_("The website"),
    ("contacts", "name"): N_("The contact's name"),
    ("contacts", "role"): N_("The contact's role"),
    ("contacts", "email"): N_("The contact's e-mail"),
    ("shortlist_entries", "note"): N_("The shortlist note"),
    ("shortlist_entries", "decline_note"): N_("The note on the decline"),
    ("shortlist_answers", "note"): N_("The note on the answer"),
    ("placements", "mentor"): N_("The mentor"),
    ("placements", "fiscal_sponsor"): N_("The fiscal sponsor"),
    ("placements", "duty_city"): N_("The duty city"),
    ("placements", "funding_source"): N_("The funding source"),
    ("placements", "end_reason"): N_("The reason the placement ended"),
    ("placements", "notes"): N_("The placement notes"),
    ("placement_extensions", "reason"): N_("The reason for the extension"),
    ("placement_checkins", "note"): N_("The check-in note"),
    ("contact_notes", "text"): N_("The contact note"),
    ("training_modules", "title"): N_("The module title"),
    ("training_modules", "description"): N_("The module description"),
    ("weight_profiles", "name"): N_("The profile name"),
    ("disclosures", "recipient"): N_("The recipient"),
}


def problem(table: str, column: str, limit: int, value: str) -> str:
    """The sentence for ``value`` being longer than ``limit``."""
    name = FIELD_NAMES.get((table, column))
    what = _(name) if name else _("The text ({field})").format(field=column)
    return _("{what} is too long: at most {limit} characters, this one has {count}.").format(
        what=what, limit=_number(limit), count=_number(len(value))
    )


def _number(n: int) -> str:
    """Grouped digits in the language in use (20,000 in English, 20 000 in Swedish)."""
    from babel import UnknownLocaleError, numbers

    from wir_manager.i18n import current_language

    try:
        return numbers.format_decimal(n, locale=current_language())
    except (UnknownLocaleError, ValueError):  # plain digits rather than a crash
        return str(n)


def too_long(table: str, column: str, value: str | None) -> str | None:
    """The sentence when ``value`` is too long for ``table.column``, else None: for the
    services' own validation, so an editor can show it beside the field as typed."""
    from wir_manager.storage.models import Base

    limit = getattr(Base.metadata.tables[table].c[column].type, "length", None)
    if value is None or not limit or len(value) <= limit:
        return None
    return problem(table, column, limit, value)


#: Tables whose rows are validated field by field before they reach a session
#: (``services.candidate_records``, with the editor's own field names): skipped here,
#: which also keeps a 100,000-row import from paying twice.
VALIDATED_BEFORE = frozenset({"candidates", "affiliates"})

_bounded: dict[str, tuple[tuple[str, str, int], ...]] = {}


def _bounded_columns(table: Any) -> tuple[tuple[str, str, int], ...]:
    """(attribute, column, limit) of every bounded text column of ``table``, cached."""
    found = _bounded.get(table.name)
    if found is None:
        found = _bounded[table.name] = tuple(
            (column.key, column.name, column.type.length)
            for column in table.columns
            if type(column.type) is String and column.type.length
        )
    return found


def check(obj: Any) -> None:
    """Raise :class:`TextTooLongError` when a bounded text attribute of ``obj`` is too long."""
    table = getattr(obj, "__table__", None)
    if table is None or table.name in VALIDATED_BEFORE:
        return
    for key, column, limit in _bounded_columns(table):
        value = getattr(obj, key, None)
        if isinstance(value, str) and len(value) > limit:
            raise TextTooLongError(problem(table.name, column, limit, value))


def install(factory: sessionmaker[Session]) -> None:
    """Check every new or changed row of every session the factory makes."""

    @event.listens_for(factory, "before_flush")
    def _before_flush(session: Session, _ctx: Any, _instances: Any) -> None:
        for obj in (*session.new, *session.dirty):
            check(obj)
