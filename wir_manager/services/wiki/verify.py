"""Verify candidates' usernames on the wikis and keep a dated snapshot per candidate.

The fetch runs 50 candidates at a time; each group is stored in ONE short transaction
once all its answers are in (the database is never held open while we wait for the
network). So whatever happens — Cancel, a lost connection, a rate limit, an answer in an
odd shape — every candidate has either the complete new snapshot or the previous one,
and the report says how many were stored. Every stored snapshot is one audit entry
("verify", candidate id, field ``wiki_snapshot``), never the values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from wir_manager.domain.enums import AuditAction
from wir_manager.i18n import _, ngettext
from wir_manager.services.localefmt import format_number
from wir_manager.services.progress import NO_PROGRESS, Cancelled, Progress
from wir_manager.services.wiki.accounts import WikiAccount, chunks, fetch_accounts
from wir_manager.services.wiki.client import (
    DEFAULT_API,
    DEFAULT_UPLOADS_API,
    USERS_PER_REQUEST,
    WikiClient,
    WikiError,
    check_api_url,
)
from wir_manager.services.wiki.status import VerifyStatus
from wir_manager.storage import audit
from wir_manager.storage import models as m
from wir_manager.storage.database import Database
from wir_manager.storage.models import utcnow

#: Database settings (they travel with the file, like the operator's name).
SETTING_API = "wiki_api"
SETTING_UPLOADS_API = "wiki_uploads_api"
SETTING_CONTACT = "wiki_contact"

#: Candidates fetched, then stored in one transaction.
GROUP = USERS_PER_REQUEST


@dataclass(frozen=True)
class WikiSettings:
    api: str = DEFAULT_API
    uploads_api: str | None = DEFAULT_UPLOADS_API
    contact: str = ""


def wiki_settings(db: Database) -> WikiSettings:
    api = db.setting(SETTING_API) or DEFAULT_API
    uploads = db.setting(SETTING_UPLOADS_API)
    if uploads is None:
        uploads = DEFAULT_UPLOADS_API if api == DEFAULT_API else api
    return WikiSettings(
        api=api, uploads_api=uploads or None, contact=db.setting(SETTING_CONTACT) or ""
    )


def save_wiki_settings(
    db: Database,
    *,
    api: str | None = None,
    uploads_api: str | None = None,
    contact: str | None = None,
) -> WikiSettings:
    """Change the API addresses / contact (checked first; an empty uploads API turns
    the upload count off)."""
    if api is not None:
        db.set_setting(SETTING_API, check_api_url(api))
    if uploads_api is not None:
        db.set_setting(SETTING_UPLOADS_API, check_api_url(uploads_api) if uploads_api else "")
    if contact is not None:
        text = " ".join(contact.split())
        if not text or len(text) > 200:
            raise ValueError(
                _("Give a contact of 1 to 200 characters (an e-mail address or web page).")
            )
        db.set_setting(SETTING_CONTACT, text)
    return wiki_settings(db)


@dataclass(frozen=True)
class Snapshot:
    """A stored snapshot, as the rest of the app reads it."""

    candidate_id: int
    username: str
    fetched_at: dt.datetime
    api: str
    exists: bool
    blocked: bool
    locked: bool
    home_wiki: str | None
    registration: dt.date | None
    global_edit_count: int | None
    wikipedia_edits: int
    wikidata_edits: int
    commons_edits: int
    wikisource_edits: int
    commons_uploads: int | None
    per_wiki: dict[str, int] = field(default_factory=dict)
    blocked_on: tuple[str, ...] = ()

    @property
    def verified_on(self) -> dt.date:
        return self.fetched_at.date()

    def to_json(self) -> dict[str, Any]:
        """The CLI's object (the issue's keys first)."""
        return {
            "candidate_id": self.candidate_id,
            "username": self.username,
            "exists": self.exists,
            "global_edit_count": self.global_edit_count,
            "registration": self.registration.isoformat() if self.registration else None,
            "blocked": self.blocked,
            "per_wiki": dict(self.per_wiki),
            "verified": self.verified_on.isoformat(),
            "home_wiki": self.home_wiki,
            "locked": self.locked,
            "blocked_on": list(self.blocked_on),
            "commons_uploads": self.commons_uploads,
        }


@dataclass
class VerifyReport:
    """What a run did. ``error`` is the one sentence when it stopped on a failure."""

    requested: int = 0
    stored: list[Snapshot] = field(default_factory=list)
    #: Candidates asked for without a username (nothing to verify).
    without_username: list[int] = field(default_factory=list)
    cancelled: bool = False
    error: str | None = None

    @property
    def not_stored(self) -> int:
        return self.requested - len(self.stored)

    def summary(self) -> str:
        found = sum(1 for s in self.stored if s.exists)
        missing = len(self.stored) - found
        blocked = sum(1 for s in self.stored if s.blocked)
        text = ngettext(
            "{n} candidate verified on the wikis",
            "{n} candidates verified on the wikis",
            len(self.stored),
        ).format(n=len(self.stored))
        text += ngettext(
            " ({missing} username not found, {blocked} blocked).",
            " ({missing} usernames not found, {blocked} blocked).",
            missing,
        ).format(missing=format_number(missing), blocked=format_number(blocked))
        if self.cancelled:
            text += " " + _("Stopped on request; the other {n} keep their previous state.").format(
                n=self.not_stored
            )
        elif self.error:
            text += (
                " "
                + self.error
                + " "
                + _("The other {n} keep their previous state.").format(n=self.not_stored)
            )
        return text


def targets(db: Database, ids: Sequence[int] | None) -> tuple[list[tuple[int, str]], list[int]]:
    """(candidate id, username) to verify and ids without a username; unknown ids are a
    sentence (a typo in a script must not quietly verify "the others")."""
    c = m.Candidate
    with db.engine.connect() as conn:
        query = select(c.id, c.username).order_by(c.id)
        if ids is not None:
            wanted = list(dict.fromkeys(int(i) for i in ids))
            rows = []
            for group in chunks(wanted, 500):
                rows += conn.execute(query.where(c.id.in_(group))).all()
            found = {r[0] for r in rows}
            unknown = [i for i in wanted if i not in found]
            if unknown:
                raise ValueError(
                    _("There is no candidate with id {ids}; nothing was verified.").format(
                        ids=", ".join(str(i) for i in unknown[:10])
                    )
                )
            rows.sort()
        else:
            rows = conn.execute(query).all()
    todo = [(cid, name.strip()) for cid, name in rows if name and name.strip()]
    return todo, [cid for cid, name in rows if not (name and name.strip())]


def verify_candidates(
    db: Database,
    ids: Sequence[int] | None = None,
    *,
    settings: WikiSettings | None = None,
    progress: Progress = NO_PROGRESS,
    client_factory: Callable[..., WikiClient] = WikiClient,
) -> VerifyReport:
    """Verify ``ids`` (None: everybody with a username) and store their snapshots."""
    settings = settings or wiki_settings(db)
    todo, without = targets(db, ids)
    report = VerifyReport(requested=len(todo), without_username=without)
    total = len(todo)
    client = client_factory(settings.api, contact=settings.contact, cancelled=progress.cancelled)
    try:
        progress.report(0, total, _("Asking the wikis"))
        done = 0
        for group in chunks(todo, GROUP):
            base = done

            def each(n: int, base: int = base) -> None:
                progress.report(
                    base + n,
                    total,
                    _("{done} of {total} usernames checked").format(done=base + n, total=total),
                )

            accounts = fetch_accounts(
                client,
                [name for _cid, name in group],
                uploads_api=settings.uploads_api,
                on_each=each,
            )
            report.stored += store(db, group, accounts, settings.api)
            done += len(group)
    except Cancelled:
        report.cancelled = True
    except WikiError as exc:
        report.error = str(exc)
    finally:
        client.close()
    return report


def store(
    db: Database, group: Iterable[tuple[int, str]], accounts: dict[str, WikiAccount], api: str
) -> list[Snapshot]:
    """Replace the group's snapshots in one transaction, one audit entry each."""
    now = utcnow().replace(microsecond=0)
    out: list[Snapshot] = []
    with db.session() as s:
        for cid, name in group:
            account = accounts[name]
            row = s.get(m.WikiSnapshot, cid) or m.WikiSnapshot(candidate_id=cid)
            row.fetched_at = now
            row.api = api[:300]
            row.username = name
            row.found = account.exists
            row.blocked = account.blocked
            row.locked = account.locked
            row.home_wiki = (account.home_wiki or None) and account.home_wiki[:64]
            row.registration = account.registration
            row.global_edit_count = account.global_edit_count
            row.wikipedia_edits = account.project_edits("wikipedia")
            row.wikidata_edits = account.project_edits("wikidata")
            row.commons_edits = account.project_edits("commons")
            row.wikisource_edits = account.project_edits("wikisource")
            row.commons_uploads = account.commons_uploads
            row.details = {
                "name": account.username,
                "per_wiki": dict(account.per_wiki),
                "blocked_on": list(account.blocked_on),
                "urls": dict(account.urls),
                "uploads_capped": account.uploads_capped,
            }
            s.add(row)
            out.append(_snapshot(row))
        # The ORM does not audit this table; one explicit entry per candidate.
        s.flush()
        for snap in out:
            audit.record(s, AuditAction.VERIFY, "candidate", snap.candidate_id, ["wiki_snapshot"])
    return out


def _snapshot(row: m.WikiSnapshot) -> Snapshot:
    details = row.details or {}
    return Snapshot(
        candidate_id=row.candidate_id,
        username=row.username,
        fetched_at=row.fetched_at,
        api=row.api,
        exists=bool(row.found),
        blocked=bool(row.blocked),
        locked=bool(row.locked),
        home_wiki=row.home_wiki,
        registration=row.registration,
        global_edit_count=row.global_edit_count,
        wikipedia_edits=row.wikipedia_edits or 0,
        wikidata_edits=row.wikidata_edits or 0,
        commons_edits=row.commons_edits or 0,
        wikisource_edits=row.wikisource_edits or 0,
        commons_uploads=row.commons_uploads,
        per_wiki={str(k): int(v) for k, v in (details.get("per_wiki") or {}).items()},
        blocked_on=tuple(details.get("blocked_on") or ()),
    )


def snapshot_of(db: Database, candidate_id: int) -> Snapshot | None:
    with db.session() as s:
        row = s.get(m.WikiSnapshot, candidate_id)
        return None if row is None else _snapshot(row)


def snapshots(db: Database, ids: Iterable[int] | None = None) -> dict[int, Snapshot]:
    """Stored snapshots by candidate id (all, or those of ``ids``)."""
    with db.session() as s:
        query = select(m.WikiSnapshot)
        if ids is not None:
            wanted = list(ids)
            rows = []
            for group in chunks(wanted, 500):
                rows += s.scalars(query.where(m.WikiSnapshot.candidate_id.in_(group))).all()
        else:
            rows = list(s.scalars(query))
        return {r.candidate_id: _snapshot(r) for r in rows}


def current(snapshot: Snapshot | None, username: str | None) -> Snapshot | None:
    """The snapshot if it is about the candidate's present username (else it is stale)."""
    if snapshot is None or not username or snapshot.username != username.strip():
        return None
    return snapshot


def status_of(snapshot: Snapshot | None, username: str | None) -> str:
    snap = current(snapshot, username)
    if snap is None:
        return VerifyStatus.NOT_VERIFIED
    return VerifyStatus.VERIFIED if snap.exists else VerifyStatus.NOT_FOUND


def verify_statuses(db: Database) -> dict[int, str]:
    """Every candidate with a current snapshot → verified / not found (others: absent)."""
    c, w = m.Candidate, m.WikiSnapshot
    with db.engine.connect() as conn:
        rows = conn.execute(
            select(c.id, w.found).join(w, w.candidate_id == c.id).where(w.username == c.username)
        ).all()
    return {
        cid: VerifyStatus.VERIFIED if exists else VerifyStatus.NOT_FOUND for cid, exists in rows
    }
