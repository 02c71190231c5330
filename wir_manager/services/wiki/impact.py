"""Residency impact: what a resident did on the wikis during a placement.

For an active or completed placement, the resident's contributions between its start and
end (today, for an active one) are read with ``list=usercontribs`` (``ucstart``/``ucend``,
``ucdir=newer``) on the target wikis, and Commons uploads with ``list=logevents``
(``letype=upload``, ``lestart``/``leend``). The target wikis are those of the request's
platforms (Wikipedia editions, Wikidata, Commons, Wikisource) where the resident has an
account, taken from the resident's current wiki snapshot (verified first when there is
none). Only the wikis the configured API itself names are asked, and only servers of the
same family (``*.wikipedia.org`` … for the Wikimedia wikis, the same host for a private
wiki): a username is never sent anywhere else.

The figures are offered, not written: the coordinator accepts or corrects them as the
placement's outcome actuals. The fetch itself is one audit entry on the placement.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from wir_manager.domain.enums import AuditAction, OutcomeMetric, PlacementStatus
from wir_manager.i18n import _
from wir_manager.services.progress import NO_PROGRESS, Progress
from wir_manager.services.wiki.accounts import project_of
from wir_manager.services.wiki.client import DEFAULT_API, ROWS_PER_REQUEST, WikiClient
from wir_manager.services.wiki.verify import (
    WikiSettings,
    current,
    snapshot_of,
    verify_candidates,
    wiki_settings,
)
from wir_manager.storage import audit
from wir_manager.storage import models as m
from wir_manager.storage.database import Database

#: Hosts the Wikimedia wikis' servers live under (the default API's family).
WIKIMEDIA_HOSTS = (".wikipedia.org", ".wikimedia.org", ".wikidata.org", ".wikisource.org")
#: Which platform of a request points at which project's wikis.
PLATFORM_PROJECTS = {
    "wikipedia": "wikipedia",
    "wikidata": "wikidata",
    "wikibase": "wikidata",
    "commons": "commons",
    "sdc": "commons",
    "wikisource": "wikisource",
}
#: Contributions read per wiki at most (a bot-like run would cost hundreds of requests).
MAX_CONTRIBUTIONS = 20_000


@dataclass
class Impact:
    """Contributions in the placement window, by measure, as outcome actuals to offer."""

    placement_id: int
    candidate_id: int
    username: str
    start: dt.date
    end: dt.date
    wikis: tuple[str, ...] = ()
    edits: int = 0
    articles_created: int = 0
    articles_edited: int = 0
    wikidata_items_edited: int = 0
    wikidata_items_created: int = 0
    files_uploaded: int = 0
    per_wiki: dict[str, int] = field(default_factory=dict)
    capped: bool = False

    def actuals(self) -> dict[OutcomeMetric, int]:
        """The figures under the placement's standard outcome metrics, as offered to the
        coordinator to accept or correct (``placements.set_totals``)."""
        return {
            OutcomeMetric.ARTICLES_CREATED: self.articles_created,
            OutcomeMetric.ARTICLES_IMPROVED: max(self.articles_edited - self.articles_created, 0),
            OutcomeMetric.MEDIA_UPLOADED: self.files_uploaded,
            OutcomeMetric.WIKIDATA_ITEMS: self.wikidata_items_edited,
        }

    def to_json(self) -> dict[str, Any]:
        return {
            "placement_id": self.placement_id,
            "candidate_id": self.candidate_id,
            "username": self.username,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "wikis": list(self.wikis),
            "edits": self.edits,
            "articles_created": self.articles_created,
            "articles_edited": self.articles_edited,
            "wikidata_items_edited": self.wikidata_items_edited,
            "wikidata_items_created": self.wikidata_items_created,
            "files_uploaded": self.files_uploaded,
            "per_wiki": dict(self.per_wiki),
            "capped": self.capped,
            "actuals": {str(k): v for k, v in self.actuals().items()},
        }

    def rows(self) -> list[tuple[str, int]]:
        return [
            (_("Edits"), self.edits),
            (_("Articles created"), self.articles_created),
            (_("Articles edited"), self.articles_edited),
            (_("Wikidata items created"), self.wikidata_items_created),
            (_("Wikidata items edited"), self.wikidata_items_edited),
            (_("Files uploaded"), self.files_uploaded),
        ]


def host_of(url: str) -> str:
    from urllib.parse import urlsplit

    return (urlsplit(url).hostname or "").lower()


def allowed(server: str, settings: WikiSettings) -> bool:
    """May a username be sent to ``server``? Only within the configured API's family."""
    host = host_of(server)
    if not host or not server.lower().startswith(("https://", "http://")):
        return False
    if settings.api == DEFAULT_API:
        return server.lower().startswith("https://") and host.endswith(WIKIMEDIA_HOSTS)
    return host == host_of(settings.api)


def _window(placement: m.Placement, today: dt.date) -> tuple[dt.date, dt.date]:
    if placement.status not in (PlacementStatus.ACTIVE, PlacementStatus.COMPLETED):
        raise ValueError(
            _(
                "Placement {id} is not active or completed; impact is measured from "
                "the start of a placement."
            ).format(id=placement.id)
        )
    end = min(placement.end_date, today)
    if end < placement.start_date:
        raise ValueError(_("Placement {id} has not started yet.").format(id=placement.id))
    return placement.start_date, end


def fetch_impact(
    db: Database,
    placement_id: int,
    *,
    settings: WikiSettings | None = None,
    progress: Progress = NO_PROGRESS,
    today: dt.date | None = None,
    client_factory: Any = WikiClient,
) -> Impact:
    """Fetch and sum the resident's contributions in the placement window."""
    settings = settings or wiki_settings(db)
    today = today or dt.date.today()
    with db.session() as s:
        placement = s.get(m.Placement, placement_id)
        if placement is None:
            raise ValueError(_("There is no placement with id {id}.").format(id=placement_id))
        start, end = _window(placement, today)
        candidate = s.get(m.Candidate, placement.candidate_id)
        assert candidate is not None
        username = (candidate.username or "").strip()
        cid = candidate.id
        platforms: set[str] = set()
        if placement.request_id is not None:
            platforms = {
                p.value
                for p in s.scalars(
                    select(m.RequestSkill.platform).where(
                        m.RequestSkill.request_id == placement.request_id
                    )
                )
            }
    if not username:
        raise ValueError(_("The resident has no username to look up on the wikis."))
    snap = current(snapshot_of(db, cid), username)
    if snap is None:
        report = verify_candidates(db, [cid], settings=settings, progress=progress)
        if report.error:
            raise ValueError(report.error)
        snap = current(snapshot_of(db, cid), username)
    if snap is None or not snap.exists:
        raise ValueError(
            _("The username {name!r} was not found on the wikis.").format(name=username)
        )
    projects = {PLATFORM_PROJECTS[p] for p in platforms if p in PLATFORM_PROJECTS} or {
        "wikipedia",
        "wikidata",
        "commons",
        "wikisource",
    }
    with db.session() as s:
        row = s.get(m.WikiSnapshot, cid)
        urls = dict((row.details or {}).get("urls") or {}) if row else {}
    targets: list[tuple[str, str]] = []
    if urls:
        for wiki, server in sorted(urls.items()):
            if project_of(wiki) in projects and allowed(server, settings):
                targets.append((wiki, server.rstrip("/") + "/w/api.php"))
    else:  # a private wiki: its own API is the one wiki
        targets.append((snap.home_wiki or "local", settings.api))
    impact = Impact(placement_id, cid, username, start, end, wikis=tuple(w for w, _a in targets))
    lo = f"{start.isoformat()}T00:00:00Z"
    hi = f"{end.isoformat()}T23:59:59Z"
    steps = len(targets) + (1 if "commons" in projects and settings.uploads_api else 0)
    progress.report(0, steps, _("Reading contributions"))
    with client_factory(
        settings.api, contact=settings.contact, cancelled=progress.cancelled
    ) as client:
        for n, (wiki, api) in enumerate(targets, 1):
            _sum_contributions(client, impact, wiki, api, lo, hi)
            progress.report(n, steps, _("Reading contributions"))
        if "commons" in projects and settings.uploads_api:
            for _row in client.query_list(
                "logevents",
                {
                    "letype": "upload",
                    "leuser": username,
                    "lestart": lo,
                    "leend": hi,
                    "ledir": "newer",
                    "leprop": "ids",
                    "lelimit": str(ROWS_PER_REQUEST),
                },
                api=settings.uploads_api,
                max_rows=MAX_CONTRIBUTIONS,
            ):
                impact.files_uploaded += 1
            progress.report(steps, steps, _("Reading contributions"))
    with db.session() as s:
        audit.record(s, AuditAction.VERIFY, "placement", placement_id, ["wiki_impact"])
    return impact


def _sum_contributions(
    client: WikiClient, impact: Impact, wiki: str, api: str, lo: str, hi: str
) -> None:
    from wir_manager.services.wiki.client import malformed

    project = project_of(wiki) or "wikipedia"
    edited: set[str] = set()
    count = 0
    for row in client.query_list(
        "usercontribs",
        {
            "ucuser": impact.username,
            "ucstart": lo,
            "ucend": hi,
            "ucdir": "newer",
            "ucprop": "ids|title|timestamp|flags",
            "uclimit": str(ROWS_PER_REQUEST),
        },
        api=api,
        max_rows=MAX_CONTRIBUTIONS,
    ):
        ns, title = row.get("ns"), row.get("title")
        if not isinstance(ns, int) or not isinstance(title, str):
            raise malformed("usercontribs")
        count += 1
        new = row.get("new") not in (None, False)
        if ns == 0 and project == "wikipedia":
            edited.add(title)
            impact.articles_created += new
        elif ns == 0 and project == "wikidata":
            edited.add(title)
            impact.wikidata_items_created += new
    impact.capped = impact.capped or count >= MAX_CONTRIBUTIONS
    impact.edits += count
    impact.per_wiki[wiki] = count
    if project == "wikipedia":
        impact.articles_edited += len(edited)
    elif project == "wikidata":
        impact.wikidata_items_edited += len(edited)
