"""A small, polite MediaWiki Action API client: the only module that talks to the network.

Polite means what the Wikimedia API etiquette asks of tools:

* an informative ``User-Agent`` naming the programme and a contact (a setting), so an
  operator who sees our traffic can write to us instead of blocking us;
* one request at a time (a lock: even threads sharing a client queue up);
* ``maxlag=5`` on every request; a ``maxlag`` error (HTTP 200 with the error, or 503)
  makes us wait ``Retry-After`` seconds (at least 5) and try again;
* HTTP 429 and 5xx are retried with the server's ``Retry-After`` or an exponential
  back-off, a bounded number of times;
* continuation (``continue``) is followed, list results come 500 / users 50 at a time;
* every request has a timeout, and a cancel token is checked before each request and
  while waiting, so Cancel in the GUI stops within a fraction of a second.

Anything that goes wrong (offline, unreachable, rate-limited for too long, an answer in
a shape we do not understand) becomes one :class:`WikiError` sentence. The caller stores
nothing from a fetch that raised, so no half-read answer reaches the database.
"""

from __future__ import annotations

import email.utils
import json
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx

from wir_manager import __version__
from wir_manager.i18n import _
from wir_manager.services.progress import Cancelled

#: The Wikimedia wikis' central API (CentralAuth's global accounts answer there).
DEFAULT_API = "https://meta.wikimedia.org/w/api.php"
#: Where Commons uploads are logged.
DEFAULT_UPLOADS_API = "https://commons.wikimedia.org/w/api.php"

MAXLAG = 5
#: Users per list=users request (the API's limit for clients without bot rights).
USERS_PER_REQUEST = 50
#: Rows per list request (the API's limit for ordinary clients).
ROWS_PER_REQUEST = 500
#: Longest wait we accept from a Retry-After before giving up with a sentence.
LONGEST_WAIT = 120.0


class WikiError(ValueError):
    """The wikis could not be asked or answered oddly: one sentence, nothing stored.

    A ValueError, so the CLI prints it as a sentence and exits 1 like any bad input."""


class MalformedAnswer(WikiError):
    """The answer was not in a shape the MediaWiki API documents."""


def malformed(what: str = "") -> MalformedAnswer:
    return MalformedAnswer(
        _("The wiki answered in an unexpected shape{detail}; nothing was stored.").format(
            detail=f" ({what})" if what else ""
        )
    )


def user_agent(contact: str) -> str:
    """``WiRManager/0.1 (contact) httpx/0.28``, the form the User-Agent policy asks for."""
    contact = " ".join(contact.split())
    return f"WiRManager/{__version__} ({contact}) httpx/{httpx.__version__}"


def _retry_after(response: httpx.Response, default: float) -> float:
    """Seconds to wait: ``Retry-After`` as seconds or as an HTTP date, else ``default``."""
    value = response.headers.get("Retry-After", "").strip()
    if not value:
        return default
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return default
    return max(0.0, when.timestamp() - time.time())


class WikiClient:
    """Ask one or more MediaWiki APIs, politely. Create one per run; close it after."""

    def __init__(
        self,
        api: str = DEFAULT_API,
        *,
        contact: str,
        timeout: float = 20.0,
        retries: int = 5,
        cancelled: Callable[[], bool] = lambda: False,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if not contact.strip():
            raise WikiError(
                _(
                    "Set the programme's contact (an e-mail address or web page) before "
                    "asking the wikis: they ask every tool to say who runs it."
                )
            )
        self.api = check_api_url(api)
        self.retries = retries
        self.cancelled = cancelled
        self._sleep = sleep
        self._lock = threading.Lock()
        self.requests_made = 0
        #: Seconds spent backing off (maxlag, 429, 5xx), for the report and the tests.
        self.waited = 0.0
        self._http = httpx.Client(
            headers={"User-Agent": user_agent(contact), "Accept": "application/json"},
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            follow_redirects=True,
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> WikiClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ waiting
    def check_cancel(self) -> None:
        if self.cancelled():
            raise Cancelled()

    def _wait(self, seconds: float) -> None:
        """Sleep in short slices so Cancel is honoured while backing off."""
        self.waited += seconds
        left = seconds
        while left > 0:
            self.check_cancel()
            step = min(left, 0.1)
            self._sleep(step)
            left -= step
        self.check_cancel()

    # ------------------------------------------------------------------ one request
    def get(self, params: dict[str, Any], *, api: str | None = None) -> dict[str, Any]:
        """One API request (with retries); the decoded answer, or a :class:`WikiError`."""
        url = check_api_url(api) if api else self.api
        query = {"format": "json", "formatversion": "2", "maxlag": str(MAXLAG), **params}
        delay = 1.0
        with self._lock:
            for attempt in range(self.retries + 1):
                self.check_cancel()
                last = attempt == self.retries
                try:
                    self.requests_made += 1
                    response = self._http.get(url, params=query)
                except httpx.TimeoutException:
                    if last:
                        raise WikiError(
                            _("The wiki did not answer in time; nothing was stored.")
                        ) from None
                    self._wait(delay)
                    delay *= 2
                    continue
                except (httpx.TransportError, httpx.InvalidURL, OSError):
                    # Offline or no such host: retrying hardly helps; say it at once.
                    raise WikiError(
                        _(
                            "The wiki at {host} cannot be reached (offline?); nothing was stored."
                        ).format(host=httpx.URL(url).host or url)
                    ) from None
                status = response.status_code
                if status == 429 or status >= 500:
                    wait = _retry_after(response, delay)
                    if last or wait > LONGEST_WAIT:
                        raise WikiError(
                            _(
                                "The wiki is busy or limiting requests (HTTP {status}); "
                                "try again later. Nothing was stored."
                            ).format(status=status)
                        )
                    self._wait(max(wait, 0.0))
                    delay *= 2
                    continue
                if status >= 400:
                    raise WikiError(
                        _(
                            "The wiki refused the request (HTTP {status}); nothing was stored."
                        ).format(status=status)
                    )
                data = _decode(response)
                error = data.get("error")
                if isinstance(error, dict) and error.get("code") == "maxlag":
                    wait = max(_retry_after(response, MAXLAG), MAXLAG)
                    if last or wait > LONGEST_WAIT:
                        raise WikiError(
                            _(
                                "The wiki's servers are lagging; try again later. "
                                "Nothing was stored."
                            )
                        )
                    self._wait(wait)
                    continue
                if error is not None:
                    code = error.get("code") if isinstance(error, dict) else None
                    if not isinstance(code, str):
                        raise malformed("error")
                    raise WikiError(
                        _("The wiki refused the request ({code}); nothing was stored.").format(
                            code=code[:60]
                        )
                    )
                return data
        raise AssertionError("unreachable")  # pragma: no cover

    # ------------------------------------------------------------------ continuation
    def query_pages(
        self, params: dict[str, Any], *, api: str | None = None, max_pages: int = 1000
    ) -> Iterator[dict[str, Any]]:
        """Every ``query`` part of an ``action=query`` request, following ``continue``."""
        extra: dict[str, Any] = {}
        for _page in range(max_pages):
            data = self.get({"action": "query", **params, **extra}, api=api)
            query = data.get("query", {})
            if not isinstance(query, dict):
                raise malformed("query")
            yield query
            cont = data.get("continue")
            if cont is None:
                return
            if not isinstance(cont, dict) or not all(
                isinstance(k, str) and isinstance(v, str | int) for k, v in cont.items()
            ):
                raise malformed("continue")
            extra = {k: str(v) for k, v in cont.items()}

    def query_list(
        self,
        name: str,
        params: dict[str, Any],
        *,
        api: str | None = None,
        max_rows: int | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Rows of ``list=name`` across continuations (stops after ``max_rows``)."""
        seen = 0
        for query in self.query_pages({"list": name, **params}, api=api):
            rows = query.get(name, [])
            if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
                raise malformed(name)
            for row in rows:
                yield row
                seen += 1
                if max_rows is not None and seen >= max_rows:
                    return


def _decode(response: httpx.Response) -> dict[str, Any]:
    try:
        data = json.loads(response.content)
    except (ValueError, UnicodeDecodeError):
        raise malformed("not JSON") from None
    if not isinstance(data, dict):
        raise malformed("not an object")
    return data


def check_api_url(url: str) -> str:
    """An ``http(s)://host/…/api.php``-like address, or one sentence saying why not."""
    text = (url or "").strip()
    try:
        parsed = httpx.URL(text)
    except (httpx.InvalidURL, TypeError):
        parsed = None
    if parsed is None or parsed.scheme not in ("http", "https") or not parsed.host:
        raise WikiError(
            _(
                "{url!r} is not a wiki API address (like https://meta.wikimedia.org/w/api.php)."
            ).format(url=text[:200])
        )
    return text
