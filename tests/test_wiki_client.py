"""The MediaWiki API client against a local stand-in that answers in documented shapes
(see tests/wiki_server.py for the shapes and where they come from)."""

from __future__ import annotations

import threading

import pytest

from tests.wiki_server import (
    Account,
    WikiFamily,
    wiki_fixture,  # noqa: F401 - the `wiki` fixture
)
from wir_manager.services.progress import Cancelled
from wir_manager.services.wiki.accounts import fetch_accounts, parse_global, project_of
from wir_manager.services.wiki.client import MalformedAnswer, WikiClient, WikiError, user_agent

CONTACT = "wir@example.org"


class Sleeps:
    """Records back-off waits instead of sleeping them (the waits are what we test)."""

    def __init__(self) -> None:
        self.total = 0.0

    def __call__(self, seconds: float) -> None:
        self.total += seconds


def client(family: WikiFamily, **kw) -> WikiClient:
    kw.setdefault("sleep", Sleeps())
    return WikiClient(family.url(), contact=CONTACT, **kw)


def test_global_account_with_per_wiki_counts_and_uploads(wiki: WikiFamily) -> None:
    wiki.add(
        Account(
            "Amina Yusuf",
            registration="2012-03-04T05:06:07Z",
            edits={
                "enwiki": 10_000,
                "arwiki": 245,
                "wikidatawiki": 2_100,
                "commonswiki": 400,
                "arwikisource": 12,
                "metawiki": 3,
            },
            uploads=1_234,
        )
    )
    with client(wiki) as c:
        got = fetch_accounts(c, ["Amina_Yusuf"], uploads_api=wiki.url("/commons/w/api.php"))
    acc = got["Amina_Yusuf"]
    assert acc.exists and acc.username == "Amina Yusuf"
    assert acc.global_edit_count == 12_760
    assert acc.registration.isoformat() == "2012-03-04"
    assert acc.per_wiki["wikidatawiki"] == 2_100
    assert acc.project_edits("wikipedia") == 10_245
    assert acc.project_edits("wikisource") == 12
    assert acc.commons_uploads == 1_234  # three pages of 500, followed through "continue"
    assert wiki.count(path="/commons/w/api.php", list="logevents") == 3
    assert not acc.blocked and acc.home_wiki == "enwiki"
    # Every request said who we are, asked for JSON with maxlag=5.
    assert wiki.user_agents == {user_agent(CONTACT)}
    assert "wir@example.org" in user_agent(CONTACT)
    assert all(r["maxlag"] == "5" and r["formatversion"] == "2" for r in wiki.requests)


def test_missing_blocked_and_locked_accounts(wiki: WikiFamily) -> None:
    wiki.add(
        Account("Блокированный", edits={"ruwiki": 50, "commonswiki": 1}, blocked_on=("ruwiki",))
    )
    wiki.add(Account("Locked One", edits={"enwiki": 5}, locked=True))
    with client(wiki) as c:
        got = fetch_accounts(c, ["Nobody Here", "Блокированный", "Locked One"], uploads_api=None)
    assert not got["Nobody Here"].exists and got["Nobody Here"].global_edit_count is None
    assert got["Блокированный"].blocked and got["Блокированный"].blocked_on == ("ruwiki",)
    assert got["Locked One"].blocked and got["Locked One"].locked


def test_documented_missing_shape_is_read_as_not_found() -> None:
    # formatversion=1 says "missing": "" and formatversion=2 "missing": true.
    for value in ("", True):
        acc = parse_global(
            "X", {"batchcomplete": "", "query": {"globaluserinfo": {"missing": value}}}
        )
        assert acc is not None and not acc.exists


def test_private_wiki_without_centralauth_goes_50_names_at_a_time(wiki: WikiFamily) -> None:
    for i in range(120):
        wiki.add(
            Account(f"Editor {i}", edits={"local": i}, blocked_on=("local",) if i == 7 else ())
        )
    names = [f"editor_{i}" for i in range(120)] + ["Ghost"]
    with WikiClient(wiki.url("/private/w/api.php"), contact=CONTACT) as c:
        got = fetch_accounts(c, names, uploads_api=None)
    assert got["editor_5"].exists and got["editor_5"].global_edit_count == 5
    assert got["editor_7"].blocked
    assert not got["Ghost"].exists
    batches = [r for r in wiki.requests if r.get("list") == "users"]
    assert [len(r["ususers"].split("|")) for r in batches] == [50, 50, 21]


def test_maxlag_is_waited_out_with_retry_after(wiki: WikiFamily) -> None:
    wiki.add(Account("Wen Li", edits={"zhwiki": 3}))
    wiki.maxlag_next = 2
    wiki.retry_after = "8"
    sleeps = Sleeps()
    with client(wiki, sleep=sleeps) as c:
        got = fetch_accounts(c, ["Wen Li"], uploads_api=None)
        assert c.waited == pytest.approx(16)
    assert got["Wen Li"].global_edit_count == 3
    assert sleeps.total == pytest.approx(16)
    assert wiki.count(meta="globaluserinfo") == 3


def test_maxlag_retry_after_below_five_still_waits_five(wiki: WikiFamily) -> None:
    wiki.add(Account("Wen Li"))
    wiki.maxlag_next = 1
    wiki.retry_after = "1"
    with client(wiki) as c:
        fetch_accounts(c, ["Wen Li"], uploads_api=None)
        assert c.waited == pytest.approx(5)


def test_429_and_503_are_retried_honouring_retry_after(wiki: WikiFamily) -> None:
    wiki.add(Account("Priya Sharma", edits={"hiwiki": 40}))
    wiki.ratelimit_next = 1
    wiki.server_error_next = 1
    wiki.retry_after = "3"
    with client(wiki) as c:
        got = fetch_accounts(c, ["Priya Sharma"], uploads_api=None)
        # 3 s from the 429's Retry-After, then the 503 has none: back-off (2 s).
        assert c.waited == pytest.approx(5)
    assert got["Priya Sharma"].global_edit_count == 40


def test_rate_limited_for_too_long_is_one_sentence(wiki: WikiFamily) -> None:
    wiki.ratelimit_next = 100
    with client(wiki, retries=3) as c, pytest.raises(WikiError, match="limiting requests"):
        fetch_accounts(c, ["Anyone"], uploads_api=None)
    assert wiki.count(meta="globaluserinfo") == 4


def test_malformed_bodies_are_one_sentence(wiki: WikiFamily) -> None:
    wiki.malformed_for = {"Odd"}
    wiki.bad_json_for = {"Html"}
    with client(wiki) as c:
        with pytest.raises(MalformedAnswer, match="unexpected shape"):
            fetch_accounts(c, ["Odd"], uploads_api=None)
        with pytest.raises(MalformedAnswer, match="not JSON"):
            fetch_accounts(c, ["Html"], uploads_api=None)


def test_unreachable_wiki_is_one_sentence() -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nobody listens here once closed
    c = WikiClient(f"http://127.0.0.1:{port}/w/api.php", contact=CONTACT)
    with c, pytest.raises(WikiError, match="cannot be reached"):
        fetch_accounts(c, ["Anyone"], uploads_api=None)


def test_no_contact_no_request() -> None:
    with pytest.raises(WikiError, match="contact"):
        WikiClient("http://127.0.0.1:9/w/api.php", contact="  ")


def test_bad_api_address_is_a_sentence() -> None:
    with pytest.raises(WikiError, match="not a wiki API address"):
        WikiClient("ftp://example.org/api.php", contact=CONTACT)


def test_cancel_token_is_checked_between_requests_and_while_waiting(wiki: WikiFamily) -> None:
    for i in range(10):
        wiki.add(Account(f"User {i}"))
    flag = threading.Event()

    def each(done: int) -> None:
        if done == 3:
            flag.set()

    with client(wiki, cancelled=flag.is_set) as c, pytest.raises(Cancelled):
        fetch_accounts(c, [f"User {i}" for i in range(10)], uploads_api=None, on_each=each)
    assert wiki.count(meta="globaluserinfo") == 3
    # And a long back-off is cut short by Cancel.
    wiki.maxlag_next = 1
    wiki.retry_after = "60"
    stop = threading.Event()
    ticks = []

    def sleep(seconds: float) -> None:
        ticks.append(seconds)
        if len(ticks) == 5:
            stop.set()

    c = WikiClient(wiki.url(), contact=CONTACT, cancelled=stop.is_set, sleep=sleep)
    with c, pytest.raises(Cancelled):
        fetch_accounts(c, ["User 1"], uploads_api=None)
    assert sum(ticks) < 1


def test_one_request_at_a_time_even_from_threads(wiki: WikiFamily) -> None:
    for i in range(12):
        wiki.add(Account(f"User {i}"))
    wiki.delay = 0.02
    with client(wiki) as c:
        threads = [
            threading.Thread(
                target=fetch_accounts,
                args=(c, [f"User {i}", f"User {i + 6}"]),
                kwargs={"uploads_api": None},
            )
            for i in range(6)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert wiki.max_in_flight == 1
    assert wiki.count(meta="globaluserinfo") == 12


def test_project_of_wiki_ids() -> None:
    assert project_of("enwiki") == "wikipedia"
    assert project_of("zh_yuewiki") == "wikipedia"
    assert project_of("wikidatawiki") == "wikidata"
    assert project_of("commonswiki") == "commons"
    assert project_of("frwikisource") == "wikisource"
    assert project_of("metawiki") is None
    assert project_of("enwiktionary") is None
