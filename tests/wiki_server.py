"""A stand-in for the wikis' API on 127.0.0.1, answering in the documented shapes.

Only the wikis' API may be stood in for in this project's tests; the client under test
is the real one, pointed here through its API-base setting. The shapes follow the
MediaWiki Action API documentation and CentralAuth's ApiQueryGlobalUserInfo
(``formatversion=2``):

* ``meta=globaluserinfo&guiprop=editcount|merged`` → ``{"batchcomplete": true, "query":
  {"globaluserinfo": {"home", "id", "registration", "name", "locked"?, "merged": [{"wiki",
  "url", "id", "timestamp", "method", "editcount", "registration", "groups"?, "blocked":
  {"expiry", "reason"}?}], "editcount"}}}``; an unknown user → ``{"missing": true}``;
* ``list=users&usprop=blockinfo|editcount|registration`` (private wiki, no CentralAuth)
  → ``{"users": [{"userid", "name", "editcount", "registration", "blockid"?,
  "blockedby"?, "blockexpiry"?, "blockreason"?}, {"name", "missing": true}]}``, and the
  private wiki answers ``meta=globaluserinfo`` with the "Unrecognized value" warning;
* ``list=logevents&letype=upload`` and ``list=usercontribs`` → rows plus
  ``{"continue": {"lecontinue"/"uccontinue": "…", "continue": "-||"}}`` while more remain;
* ``maxlag`` → HTTP 200 with ``{"error": {"code": "maxlag", "info": "Waiting for …: 7
  seconds lagged.", "host", "lag", "type": "db"}}`` and ``Retry-After`` /
  ``X-Database-Lag`` headers; rate limiting → HTTP 429 with ``Retry-After``.

Paths: ``/w/api.php`` (central, like Meta), ``/commons/w/api.php`` (uploads),
``/<wikiid>/w/api.php`` (one wiki's contributions), ``/private/w/api.php`` (a Wikibase
without CentralAuth).
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest


@dataclass
class Contribution:
    wiki: str
    timestamp: str
    ns: int
    title: str
    new: bool = False


@dataclass
class Account:
    name: str
    registration: str = "2011-01-31T12:00:00Z"
    home: str = "enwiki"
    #: wiki id → edits there
    edits: dict[str, int] = field(default_factory=lambda: {"enwiki": 10})
    blocked_on: tuple[str, ...] = ()
    locked: bool = False
    uploads: int = 0
    contributions: list[Contribution] = field(default_factory=list)


def canonical(name: str) -> str:
    """MediaWiki's user-name normalisation: underscores are spaces, first letter upper."""
    text = " ".join(name.replace("_", " ").split())
    return text[:1].upper() + text[1:]


class WikiFamily:
    """The accounts and the behaviour the handler follows (tests change it on the fly)."""

    def __init__(self) -> None:
        self.accounts: dict[str, Account] = {}
        self.lock = threading.Lock()
        self.requests: list[dict[str, Any]] = []
        self.user_agents: set[str] = set()
        self.in_flight = 0
        self.max_in_flight = 0
        self.maxlag_next = 0
        self.ratelimit_next = 0
        self.server_error_next = 0
        self.retry_after = "1"
        self.malformed_for: set[str] = set()
        self.bad_json_for: set[str] = set()
        #: Seconds each answer takes (to make a run long enough to cancel half-way).
        self.delay = 0.0
        self.base = ""

    def add(self, account: Account) -> Account:
        self.accounts[canonical(account.name)] = account
        return account

    def url(self, path: str = "/w/api.php") -> str:
        return self.base + path

    def count(self, **match: str) -> int:
        return sum(1 for r in self.requests if all(r.get(k) == v for k, v in match.items()))


def _ts(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


class _Handler(BaseHTTPRequestHandler):
    family: WikiFamily
    #: Keep-alive, as the wikis do (every answer carries its Content-Length).
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: Any) -> None:  # quiet
        pass

    def setup(self) -> None:
        super().setup()
        # Headers and body go out in two writes; without this, Nagle's algorithm and
        # delayed ACKs add 40 ms to every keep-alive answer.
        import socket

        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def do_GET(self) -> None:
        fam = self.family
        url = urlparse(self.path)
        params = {k: v[-1] for k, v in parse_qs(url.query, keep_blank_values=True).items()}
        self._counted = True
        with fam.lock:
            fam.in_flight += 1
            fam.max_in_flight = max(fam.max_in_flight, fam.in_flight)
            fam.requests.append({"path": url.path, **params})
            fam.user_agents.add(self.headers.get("User-Agent", ""))
        try:
            if fam.delay:
                threading.Event().wait(fam.delay)
            self._answer(fam, url.path, params)
        finally:
            self._done()

    def _done(self) -> None:
        """No longer in flight: counted before the answer is written (the client may
        send its next request the moment it has read this one)."""
        if self._counted:
            self._counted = False
            with self.family.lock:
                self.family.in_flight -= 1

    def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self._done()
        self.end_headers()
        self.wfile.write(body)

    def _json(self, data: Any, status: int = 200, headers: dict[str, str] | None = None) -> None:
        self._send(status, json.dumps(data).encode(), headers)

    def _answer(self, fam: WikiFamily, path: str, p: dict[str, str]) -> None:
        if p.get("maxlag") != "5" or p.get("format") != "json":
            self._json({"error": {"code": "badparams", "info": "maxlag=5 and format=json"}})
            return
        if fam.maxlag_next:
            fam.maxlag_next -= 1
            self._json(
                {
                    "error": {
                        "code": "maxlag",
                        "info": "Waiting for 10.64.48.35: 7 seconds lagged.",
                        "host": "10.64.48.35",
                        "lag": 7,
                        "type": "db",
                        "docref": "See https://www.mediawiki.org/w/api.php for API usage.",
                    },
                    "servedby": "mw1350",
                },
                headers={
                    "Retry-After": fam.retry_after,
                    "X-Database-Lag": "7",
                    "MediaWiki-API-Error": "maxlag",
                },
            )
            return
        if fam.ratelimit_next:
            fam.ratelimit_next -= 1
            self._json(
                {"error": {"code": "ratelimited", "info": "Too many requests."}},
                status=429,
                headers={"Retry-After": fam.retry_after},
            )
            return
        if fam.server_error_next:
            fam.server_error_next -= 1
            self._send(503, b"<html>Service Temporarily Unavailable</html>")
            return
        who = p.get("guiuser") or p.get("leuser") or p.get("ucuser") or ""
        if who and canonical(who) in {canonical(n) for n in fam.bad_json_for}:
            self._send(200, b"<!DOCTYPE html><html>Wikimedia Error</html>")
            return
        if who and canonical(who) in {canonical(n) for n in fam.malformed_for}:
            self._json({"batchcomplete": True, "query": {"globaluserinfo": ["unexpected"]}})
            return
        private = path.startswith("/private/")
        if p.get("meta") == "globaluserinfo":
            if private:
                self._json(
                    {
                        "batchcomplete": True,
                        "warnings": {
                            "main": {
                                "warnings": 'Unrecognized value for parameter "meta": '
                                "globaluserinfo."
                            }
                        },
                    }
                )
            else:
                self._json(
                    {"batchcomplete": True, "query": {"globaluserinfo": self._gui(fam, who)}}
                )
            return
        if p.get("list") == "users":
            self._users(fam, p)
            return
        if p.get("list") == "logevents":
            self._logevents(fam, p)
            return
        if p.get("list") == "usercontribs":
            self._contribs(fam, path, p)
            return
        self._json({"error": {"code": "badvalue", "info": "Unrecognized parameters."}})

    def _gui(self, fam: WikiFamily, who: str) -> dict[str, Any]:
        acc = fam.accounts.get(canonical(who))
        if acc is None:
            return {"missing": True}
        merged = []
        for i, (wiki, n) in enumerate(sorted(acc.edits.items())):
            entry: dict[str, Any] = {
                "wiki": wiki,
                "url": f"{fam.base}/{wiki}",
                "id": 1000 + i,
                "timestamp": acc.registration,
                "method": "login" if wiki != acc.home else "primary",
                "editcount": n,
                "registration": acc.registration,
            }
            if wiki in acc.blocked_on:
                entry["blocked"] = {"expiry": "infinity", "reason": "Vandalism"}
            merged.append(entry)
        data: dict[str, Any] = {
            "home": acc.home,
            "id": 4242,
            "registration": acc.registration,
            "name": acc.name,
        }
        if acc.locked:
            data["locked"] = True
        data["merged"] = merged
        data["editcount"] = sum(acc.edits.values())
        return data

    def _users(self, fam: WikiFamily, p: dict[str, str]) -> None:
        names = p.get("ususers", "").split("|")
        if len(names) > 50:
            self._json({"error": {"code": "toomanyvalues", "info": "Too many values."}})
            return
        rows: list[dict[str, Any]] = []
        normalized = []
        for name in names:
            canon = canonical(name)
            if canon != name:
                normalized.append({"fromencoded": False, "from": name, "to": canon})
            acc = fam.accounts.get(canon)
            if acc is None:
                rows.append({"name": canon, "missing": True})
                continue
            row: dict[str, Any] = {
                "userid": 77,
                "name": acc.name,
                "editcount": sum(acc.edits.values()),
                "registration": acc.registration,
            }
            if acc.blocked_on:
                row.update(
                    {
                        "blockid": 9,
                        "blockedby": "Admin",
                        "blockedbyid": 1,
                        "blockreason": "Spam",
                        "blockedtimestamp": "2024-01-01T00:00:00Z",
                        "blockexpiry": "infinity",
                    }
                )
            rows.append(row)
        query: dict[str, Any] = {"users": rows}
        if normalized:
            query["normalized"] = normalized
        self._json({"batchcomplete": True, "query": query})

    def _page(self, total: int, p: dict[str, str], key: str) -> tuple[int, int]:
        limit = min(int(p.get(key + "limit", "10")), 500)
        start = int(p.get(key + "continue", "0|0").split("|")[1])
        return start, min(start + limit, total)

    def _logevents(self, fam: WikiFamily, p: dict[str, str]) -> None:
        acc = fam.accounts.get(canonical(p.get("leuser", "")))
        total = acc.uploads if acc else 0
        start, end = self._page(total, p, "le")
        rows = [
            {
                "logid": 5000 + i,
                "ns": 6,
                "title": f"File:Upload {i}.jpg",
                "pageid": 9000 + i,
                "logpage": 9000 + i,
                "params": {"img_sha1": "0" * 31, "img_timestamp": "2020-05-01T10:00:00Z"},
                "type": "upload",
                "action": "upload",
                "user": acc.name if acc else "",
                "timestamp": "2020-05-01T10:00:00Z",
            }
            for i in range(start, end)
        ]
        data: dict[str, Any] = {"batchcomplete": True, "query": {"logevents": rows}}
        if end < total:
            data["continue"] = {"lecontinue": f"20200501100000|{end}", "continue": "-||"}
        self._json(data)

    def _contribs(self, fam: WikiFamily, path: str, p: dict[str, str]) -> None:
        wiki = path.strip("/").split("/")[0]
        acc = fam.accounts.get(canonical(p.get("ucuser", "")))
        rows = [c for c in (acc.contributions if acc else []) if c.wiki == wiki]
        # ucdir=newer: ucstart is the earlier bound.
        if p.get("ucdir") == "newer":
            lo, hi = p.get("ucstart"), p.get("ucend")
        else:  # "older", the default: ucstart is the later bound
            lo, hi = p.get("ucend"), p.get("ucstart")
        if lo:
            rows = [c for c in rows if _ts(c.timestamp) >= _ts(lo)]
        if hi:
            rows = [c for c in rows if _ts(c.timestamp) <= _ts(hi)]
        if p.get("ucnamespace"):
            spaces = {int(x) for x in p["ucnamespace"].split("|")}
            rows = [c for c in rows if c.ns in spaces]
        rows.sort(key=lambda c: c.timestamp)
        start, end = self._page(len(rows), p, "uc")
        out = []
        for i, c in enumerate(rows[start:end], start):
            row: dict[str, Any] = {
                "userid": 4242,
                "user": acc.name if acc else "",
                "pageid": 100 + i,
                "revid": 880000000 + i,
                "parentid": 0 if c.new else 879999999 + i,
                "ns": c.ns,
                "title": c.title,
                "timestamp": c.timestamp,
                "size": 1200,
            }
            if c.new:
                row["new"] = True
            out.append(row)
        data: dict[str, Any] = {"batchcomplete": True, "query": {"usercontribs": out}}
        if end < len(rows):
            data["continue"] = {"uccontinue": f"20260101000000|{end}", "continue": "-||"}
        self._json(data)


@pytest.fixture(name="wiki")
def wiki_fixture() -> Iterator[WikiFamily]:
    """A running stand-in for the wikis on 127.0.0.1 (a free port), stopped afterwards."""
    family = WikiFamily()
    handler = type("Handler", (_Handler,), {"family": family})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    family.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    try:
        yield family
    finally:
        server.shutdown()
        server.server_close()
