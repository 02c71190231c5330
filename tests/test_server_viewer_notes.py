"""Issue #13, item 2: a viewer reads everything but no contact details or notes.

The server refuses the columns (GRANT per column, ``server_admin.VIEWER_HIDDEN``): the
contact-note texts of the timeline, the IGO liaisons' e-mail addresses, the free-text
notes and reasons on placements, check-ins, extensions and shortlist answers. The
screens' services answer a viewer with those fields empty instead of failing, while a
staff login still reads every one of them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select, update

from tests.conftest import PgServer
from tests.pg_cluster import LOGIN_PASSWORD
from wir_manager.cli.main import main
from wir_manager.domain.enums import TimelineKind
from wir_manager.services import placements as pl
from wir_manager.services.matching.shortlists import saved_shortlist
from wir_manager.services.reports import write_placement_report
from wir_manager.storage import models as m
from wir_manager.storage.errors import PermissionRefusedError
from wir_manager.storage.server import ServerDatabase
from wir_manager.storage.server_admin import VIEWER_HIDDEN

#: A marker text per hidden column: found by staff, never by the viewer.
MARKS = {
    (m.ContactNote, "text"): "फ़ोन पर बात हुई — UNEP",
    (m.Contact, "email"): "liaison.amina@unep.example",
    (m.Placement, "notes"): "ملاحظة خاصة عن الإقامة",
    (m.Placement, "end_reason"): "Family reasons, told in confidence",
    (m.PlacementCheckin, "note"): "Mid-term talk: वह थकी हुई थी",
    (m.PlacementExtension, "reason"): "تمديد بسبب التمويل",
    (m.ShortlistEntry, "decline_note"): "Declined: salary too low",
    (m.ShortlistAnswer, "note"): "Interview notes from the panel",
}


@pytest.fixture
def team(pg_server: PgServer, server_db_url: str, monkeypatch: pytest.MonkeyPatch):
    """Demo data with every hidden column filled in, and a viewer and a staff login made
    by ``server add-user``."""
    dbname = server_db_url.rsplit("/", 1)[1]
    monkeypatch.setenv("WIR_MANAGER_NEW_PASSWORD", LOGIN_PASSWORD)
    assert main(["--db", server_db_url, "demo", "--candidates", "30", "--requests", "3"]) == 0
    with ServerDatabase.connect(server_db_url) as admin, admin.session() as s:
        placement = s.scalars(select(m.Placement).order_by(m.Placement.id)).first()
        assert placement is not None and placement.candidate_id is not None
        if placement.liaison_id is None:
            contact = s.scalars(select(m.Contact).order_by(m.Contact.id)).first()
            assert contact is not None
            placement.liaison_id = contact.id
        s.add(
            m.PlacementExtension(
                placement_id=placement.id,
                old_end=placement.end_date,
                new_end=placement.end_date + dt.timedelta(days=30),
            )
        )
        s.add(
            m.ContactNote(
                candidate_id=placement.candidate_id, happened_on=dt.date(2026, 11, 3), text="x"
            )
        )
        s.flush()
        for (model, column), mark in MARKS.items():
            s.execute(update(model).values({column: mark}))
        ids = {"placement": placement.id, "candidate": placement.candidate_id}
        ids["request"] = s.scalars(
            select(m.ShortlistEntry.request_id).order_by(m.ShortlistEntry.id)
        ).first()
    urls = {}
    for role in ("viewer", "staff"):
        login = f"{role}_{dbname}"
        assert main(["--db", server_db_url, "server", "add-user", login, "--role", role]) == 0
        urls[role] = pg_server.url(login, dbname)
    return urls, ids


def _everything(db: ServerDatabase, ids: dict[str, int], pdf: Path) -> str:
    """All a person sees of the placement, its liaison, the timeline and the shortlist."""
    rec = pl.get_placement(db, ids["placement"])
    assert rec.liaison is not None and rec.liaison.name  # the liaison's name stays readable
    contacts = pl.contacts_of(db, rec.organisation_id)
    write_placement_report(db, ids["placement"], pdf, language="en")
    pdf_text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    return "\n".join(
        [
            repr(rec),
            repr(contacts),
            repr(pl.timeline(db, ids["candidate"])),
            repr(saved_shortlist(db, ids["request"])),
            pdf_text,
        ]
    )


def test_the_viewer_is_refused_notes_and_contact_details_and_sees_them_empty(
    team, tmp_path: Path
) -> None:
    urls, ids = team
    hidden = {(model.__tablename__, column) for model, column in MARKS}
    assert hidden <= {(t, c) for t, cols in VIEWER_HIDDEN.items() for c in cols}
    with ServerDatabase.connect(urls["viewer"]) as viewer:
        for model, column in MARKS:
            with (
                pytest.raises(PermissionRefusedError, match="not allowed"),
                viewer.engine.connect() as conn,
            ):
                conn.execute(select(getattr(model, column))).all()
        seen = _everything(viewer, ids, tmp_path / "viewer.pdf")
        rec = pl.get_placement(viewer, ids["placement"])
        assert rec.notes is None and rec.end_reason is None
        assert rec.liaison is not None and rec.liaison.email is None
        assert rec.checkins and all(c.note is None for c in rec.checkins)
        assert rec.extensions and all(e.reason is None for e in rec.extensions)
        notes = [e for e in pl.timeline(viewer, ids["candidate"]) if e.kind is TimelineKind.NOTE]
        assert notes and all(e.text.split(" (")[0] == "Contact" for e in notes)  # no text
    for mark in MARKS.values():
        assert mark not in seen
    with ServerDatabase.connect(urls["staff"]) as staff:
        seen = _everything(staff, ids, tmp_path / "staff.pdf")
    for (model, column), mark in MARKS.items():
        if model is not m.ShortlistAnswer:  # the timeline tells the answer, not its note
            assert mark in seen, (model.__tablename__, column)
