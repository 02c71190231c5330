"""Public account facts from the wikis, read into typed records.

Two sources, both documented MediaWiki API shapes (``formatversion=2``):

* ``meta=globaluserinfo&guiprop=editcount|merged`` (CentralAuth, the Wikimedia wikis):
  ``{"home": "enwiki", "id": 1, "registration": "2011-01-31T12:00:00Z", "name": "X",
  "locked": true?, "editcount": 12345, "merged": [{"wiki": "wikidatawiki", "url":
  "https://www.wikidata.org", "editcount": 2100, "registration": "…", "blocked":
  {"expiry": "infinity", "reason": "…"}?}, …]}`` or ``{"missing": true}``;
* ``list=users&usprop=blockinfo|editcount|registration`` (any MediaWiki, e.g. a private
  Wikibase without CentralAuth), up to 50 names per request: ``{"name": "X", "userid":
  1, "editcount": 7, "registration": "…", "blockid": 3?, "blockexpiry": "infinity"?}`` or
  ``{"name": "X", "missing": true}`` / ``{"name": "…", "invalid": true}``.

Commons uploads come from ``list=logevents&letype=upload&leuser=NAME``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from wir_manager.services.wiki.client import (
    DEFAULT_UPLOADS_API,
    ROWS_PER_REQUEST,
    USERS_PER_REQUEST,
    WikiClient,
    malformed,
)

#: Uploads counted at most (a prolific uploader would cost hundreds of requests).
UPLOADS_COUNTED = 5000

#: Wiki ids of the Wikimedia projects that are not Wikipedia editions although their id
#: ends in "wiki".
_NOT_WIKIPEDIA = frozenset(
    {
        "commonswiki",
        "wikidatawiki",
        "metawiki",
        "specieswiki",
        "mediawikiwiki",
        "sourceswiki",
        "incubatorwiki",
        "outreachwiki",
        "foundationwiki",
        "wikimaniawiki",
        "testwiki",
        "test2wiki",
        "testwikidatawiki",
        "testcommonswiki",
        "loginwiki",
        "votewiki",
        "strategywiki",
        "donatewiki",
        "collabwiki",
        "officewiki",
    }
)


def project_of(wiki: str) -> str | None:
    """The platform a wiki id belongs to: "wikipedia", "wikidata", "commons",
    "wikisource", or None for other projects (Wiktionary, Meta …)."""
    if wiki == "wikidatawiki":
        return "wikidata"
    if wiki == "commonswiki":
        return "commons"
    if wiki.endswith("wikisource") or wiki == "sourceswiki":
        return "wikisource"
    if wiki.endswith("wiki") and wiki not in _NOT_WIKIPEDIA:
        return "wikipedia"
    return None


@dataclass(frozen=True)
class WikiAccount:
    """What the wikis say about one username at one moment."""

    username: str
    exists: bool
    home_wiki: str | None = None
    registration: dt.date | None = None
    global_edit_count: int | None = None
    #: wiki id (``enwiki``, ``wikidatawiki`` …) → edit count there.
    per_wiki: dict[str, int] = field(default_factory=dict)
    #: Wiki ids where the account is blocked ("*" when it is locked globally).
    blocked_on: tuple[str, ...] = ()
    locked: bool = False
    commons_uploads: int | None = None
    uploads_capped: bool = False
    #: wiki id → the wiki's server ("https://www.wikidata.org"), for contribution queries.
    urls: dict[str, str] = field(default_factory=dict)

    @property
    def blocked(self) -> bool:
        return self.locked or bool(self.blocked_on)

    def project_edits(self, project: str) -> int:
        return sum(n for w, n in self.per_wiki.items() if project_of(w) == project)


def _int(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise malformed(what)
    return value


def _date(value: Any, what: str) -> dt.date | None:
    """An ISO 8601 timestamp's date; None for the API's empty/absent registration."""
    if value in (None, "", False):
        return None
    if not isinstance(value, str):
        raise malformed(what)
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        raise malformed(what) from None


def parse_global(username: str, data: dict[str, Any]) -> WikiAccount | None:
    """A globaluserinfo answer; None when the wiki has no CentralAuth (no such module)."""
    query = data.get("query")
    if query is None or (isinstance(query, dict) and "globaluserinfo" not in query):
        if "warnings" in data or query is not None:
            return None
        raise malformed("globaluserinfo")
    if not isinstance(query, dict):
        raise malformed("query")
    info = query["globaluserinfo"]
    if not isinstance(info, dict):
        raise malformed("globaluserinfo")
    if info.get("missing") not in (None, False):
        return WikiAccount(username=username, exists=False)
    merged = info.get("merged", [])
    if not isinstance(merged, list):
        raise malformed("merged")
    per_wiki: dict[str, int] = {}
    urls: dict[str, str] = {}
    blocked: list[str] = []
    first = _date(info.get("registration"), "registration")
    for account in merged:
        if not isinstance(account, dict) or not isinstance(account.get("wiki"), str):
            raise malformed("merged")
        wiki = account["wiki"]
        per_wiki[wiki] = _int(account.get("editcount", 0), "editcount")
        if isinstance(account.get("url"), str):
            urls[wiki] = account["url"]
        if account.get("blocked"):
            blocked.append(wiki)
        local = _date(account.get("registration"), "registration")
        if local is not None and (first is None or local < first):
            first = local
    locked = bool(info.get("locked", False))
    if "editcount" in info:
        total = _int(info["editcount"], "editcount")
    elif per_wiki:
        total = sum(per_wiki.values())
    else:
        raise malformed("editcount")
    home = info.get("home")
    name = info.get("name")
    return WikiAccount(
        username=name if isinstance(name, str) and name else username,
        exists=True,
        home_wiki=home if isinstance(home, str) else None,
        registration=first,
        global_edit_count=total,
        per_wiki=per_wiki,
        blocked_on=tuple(sorted(blocked)) + (("*",) if locked else ()),
        locked=locked,
        urls=urls,
    )


def parse_users(data: dict[str, Any], wiki_id: str) -> dict[str, WikiAccount]:
    """A list=users answer, by the name as sent (normalised names are mapped back)."""
    query = data.get("query")
    if not isinstance(query, dict) or not isinstance(query.get("users"), list):
        raise malformed("users")
    back: dict[str, str] = {}
    for pair in query.get("normalized", []) or []:
        if isinstance(pair, dict) and isinstance(pair.get("to"), str):
            back[pair["to"]] = str(pair.get("from", pair["to"]))
    out: dict[str, WikiAccount] = {}
    for row in query["users"]:
        if not isinstance(row, dict) or not isinstance(row.get("name"), str):
            raise malformed("users")
        name = row["name"]
        sent = back.get(name, name)
        if row.get("missing") not in (None, False) or row.get("invalid") not in (None, False):
            out[sent] = WikiAccount(username=sent, exists=False)
            continue
        count = _int(row.get("editcount", 0), "editcount")
        out[sent] = WikiAccount(
            username=name,
            exists=True,
            home_wiki=wiki_id,
            registration=_date(row.get("registration"), "registration"),
            global_edit_count=count,
            per_wiki={wiki_id: count},
            blocked_on=(wiki_id,) if row.get("blockid") or row.get("blockedby") else (),
        )
    return out


def fetch_accounts(
    client: WikiClient,
    usernames: Sequence[str],
    *,
    uploads_api: str | None = DEFAULT_UPLOADS_API,
    on_each: Any = None,
) -> dict[str, WikiAccount]:
    """Every username's account, by username (one ``on_each(done)`` call per name).

    On the Wikimedia wikis each name costs one globaluserinfo request (the module takes
    one user) and one upload-log request. A wiki without CentralAuth answers the first
    globaluserinfo with an "unrecognised value" warning; from then on names go 50 at a
    time through list=users of that wiki.
    """
    out: dict[str, WikiAccount] = {}
    local = False
    done = 0
    pending = list(dict.fromkeys(usernames))
    while pending:
        if local:
            batch, pending = pending[:USERS_PER_REQUEST], pending[USERS_PER_REQUEST:]
            found = parse_users(
                client.get(
                    {
                        "action": "query",
                        "list": "users",
                        "ususers": "|".join(batch),
                        "usprop": "blockinfo|editcount|registration",
                    }
                ),
                wiki_id="local",
            )
            for name in batch:
                account = found.get(name)
                if account is None:
                    raise malformed("users")
                if account.exists and uploads_api:
                    account = with_uploads(client, account, uploads_api)
                out[name] = account
                done += 1
                if on_each is not None:
                    on_each(done)
            continue
        name = pending.pop(0)
        account = parse_global(
            name,
            client.get(
                {
                    "action": "query",
                    "meta": "globaluserinfo",
                    "guiuser": name,
                    "guiprop": "editcount|merged",
                }
            ),
        )
        if account is None:
            local = True
            pending.insert(0, name)
            continue
        if account.exists and uploads_api:
            account = with_uploads(client, account, uploads_api)
        out[name] = account
        done += 1
        if on_each is not None:
            on_each(done)
    return out


def with_uploads(client: WikiClient, account: WikiAccount, uploads_api: str) -> WikiAccount:
    """The account with its upload count from the upload log (``letype=upload``)."""
    count = 0
    for _row in client.query_list(
        "logevents",
        {
            "letype": "upload",
            "leuser": account.username,
            "leprop": "ids",
            "lelimit": str(ROWS_PER_REQUEST),
        },
        api=uploads_api,
        max_rows=UPLOADS_COUNTED,
    ):
        count += 1
    return _replace(account, commons_uploads=count, uploads_capped=count >= UPLOADS_COUNTED)


def _replace(account: WikiAccount, **changes: Any) -> WikiAccount:
    from dataclasses import replace

    return replace(account, **changes)


def chunks(items: Iterable[Any], size: int) -> Iterable[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
