"""Team mode: the same schema and services on a shared PostgreSQL server.

:class:`ServerDatabase` offers what :class:`~wir_manager.storage.database.Database` offers
the services (``engine``, ``session()``, ``connection()``, ``operator``, settings,
counts, ``close()``), so nothing above ``storage/`` knows which backend it talks to.
What differs lives here:

* **Who.** The operator is the PostgreSQL login (``session_user``), which the server
  sets from authentication; the audit trigger installed by ``server init`` writes it
  into every audit row itself, so a client cannot sign in somebody else's name.
* **Password.** libpq's conventions: a password in the URL, ``PGPASSWORD``,
  ``~/.pgpass`` (``PGPASSFILE``), else the caller's prompt. It is kept in memory only
  while connected (the pool opens new connections with it) and dropped by ``close()``.
* **Transport.** A host other than this computer requires ``sslmode=verify-full``: the
  app refuses to send a password and candidate data over an unverified connection.
* **Schema.** A client never upgrades a server's schema: an older or newer revision is
  refused with one sentence; ``server upgrade`` (admin) does it explicitly.
* **Faults.** Every error the server or network can give is turned into one sentence
  (:func:`translate_error`), through SQLAlchemy's ``handle_error`` hook, so it reaches
  the CLI and the GUI like any other :class:`StorageError`.

psycopg (and SQLAlchemy) are imported on first use: starting the app on a file must not
pay for them.
"""

from __future__ import annotations

import contextlib
import ipaddress
import logging
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from wir_manager.i18n import _
from wir_manager.storage.changes import ChangeFeed, take_committed
from wir_manager.storage.errors import (
    ConnectionLostError,
    InsecureConnectionError,
    MigrationError,
    NoPassphraseError,
    PermissionRefusedError,
    ServerUnreachableError,
    StorageError,
    WrongPassphraseError,
    stale_record,
)
from wir_manager.storage.lazy_engine import LazyEngine

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session, sessionmaker

    from wir_manager.storage.database import DatabaseInfo

log = logging.getLogger(__name__)

SCHEMES = ("postgresql://", "postgres://")
#: libpq parameters a URL may carry; anything else is refused (a typo would be ignored
#: silently by some drivers and e.g. leave TLS off).
_ALLOWED_PARAMS = {
    "host",
    "hostaddr",
    "port",
    "dbname",
    "user",
    "password",
    "passfile",
    "sslmode",
    "sslrootcert",
    "sslcert",
    "sslkey",
    "sslcrl",
    "connect_timeout",
    "application_name",
    "target_session_attrs",
    "options",
}
CONNECT_TIMEOUT_S = 10


def is_server_url(text: object) -> bool:
    """True for ``postgresql://…`` / ``postgres://…`` (a database on a team server)."""
    return isinstance(text, str) and text.strip().lower().startswith(SCHEMES)


def _is_local_host(host: str) -> bool:
    host = host.strip()
    if not host or host.startswith(("/", "@")):  # Unix socket directory / abstract socket
        return True
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class ServerAddress:
    """A parsed ``postgresql://`` URL: libpq parameters, the password kept apart."""

    params: dict[str, str]
    password: str | None = field(default=None, repr=False)

    @classmethod
    def parse(cls, url: str) -> ServerAddress:
        from psycopg.conninfo import conninfo_to_dict

        try:
            raw = conninfo_to_dict(url.strip())
        except Exception:
            raise StorageError(
                _(
                    "This is not a usable server address; write it as "
                    "postgresql://USER@HOST[:PORT]/DATABASE[?sslmode=verify-full]."
                )
            ) from None
        params = {k: str(v) for k, v in raw.items() if v is not None}
        unknown = sorted(set(params) - _ALLOWED_PARAMS)
        if unknown:
            raise StorageError(
                _("The server address has an unknown setting: {name}.").format(name=unknown[0])
            )
        if not params.get("dbname"):
            raise StorageError(
                _("The server address names no database; add it after the host, as in /wir.")
            )
        password = params.pop("password", None)
        address = cls(params=params, password=password or None)
        address.check_transport()
        return address

    @classmethod
    def from_parts(
        cls,
        *,
        host: str,
        dbname: str,
        user: str,
        port: str = "",
        sslmode: str | None = None,
        sslrootcert: str = "",
    ) -> ServerAddress:
        """The address the connect dialog's fields describe (checked like a typed URL:
        a remote host without verified TLS is refused)."""
        params = {"host": host.strip(), "dbname": dbname.strip(), "user": user.strip()}
        if port.strip():
            params["port"] = port.strip()
        if sslmode:
            params["sslmode"] = sslmode
        if sslrootcert.strip():
            params["sslrootcert"] = sslrootcert.strip()
        address = cls(params={k: v for k, v in params.items() if v})
        if not address.params.get("dbname"):
            raise StorageError(
                _("The server address names no database; add it after the host, as in /wir.")
            )
        address.check_transport()
        return address

    # ---------------------------------------------------------------- parts
    @property
    def host(self) -> str:
        return self.params.get("host") or self.params.get("hostaddr") or "localhost"

    @property
    def port(self) -> str:
        return self.params.get("port") or "5432"

    @property
    def dbname(self) -> str:
        return self.params["dbname"]

    @property
    def user(self) -> str | None:
        return self.params.get("user")

    @property
    def is_local(self) -> bool:
        hosts = [h for h in (self.params.get("host") or "").split(",") if h] or [""]
        addrs = [h for h in (self.params.get("hostaddr") or "").split(",") if h]
        return all(_is_local_host(h) for h in hosts) and all(_is_local_host(a) for a in addrs)

    def check_transport(self) -> None:
        """Refuse anything but verified TLS to a host that is not this computer."""
        if self.is_local:
            return
        mode = self.params.get("sslmode")
        if mode is None:
            # Safe by default: verify the server's certificate against the system's CAs
            # (or sslrootcert), rather than libpq's "prefer", which falls back to plaintext.
            self.params["sslmode"] = "verify-full"
            return
        if mode != "verify-full":
            raise InsecureConnectionError(
                _(
                    "The connection to {host} would not be verified TLS, so passwords and "
                    "candidate data could be read or changed on the way; use "
                    "sslmode=verify-full (with sslrootcert=CA-FILE for your own CA)."
                ).format(host=self.host)
            )

    def display(self) -> str:
        """The address without any password, for titles, recent lists and messages."""
        from urllib.parse import quote

        user = f"{quote(self.user, safe='')}@" if self.user else ""
        host = self.params.get("host") or ""
        where = f"[{host}]" if host.startswith("/") else f"[{host}]" if ":" in host else host
        port = f":{self.params['port']}" if self.params.get("port") else ""
        query = "&".join(
            f"{k}={quote(v, safe='/')}"
            for k, v in sorted(self.params.items())
            if k in ("sslmode", "sslrootcert")
        )
        return f"postgresql://{user}{where}{port}/{quote(self.dbname, safe='')}" + (
            f"?{query}" if query else ""
        )

    def conninfo(self, password: str | None, *, application_name: str = "wir-manager") -> str:
        from psycopg.conninfo import make_conninfo

        params: dict[str, Any] = dict(self.params)
        params.setdefault("connect_timeout", str(CONNECT_TIMEOUT_S))
        params["application_name"] = application_name
        if password is not None:
            params["password"] = password
        return make_conninfo("", **params)


# ------------------------------------------------------------------- error translation

_UNREACHABLE = (
    "could not connect",
    "not currently accepting connections",
    "connection refused",
    "could not translate host name",
    "timeout expired",
    "no route to host",
    "network is unreachable",
    "name or service not known",
    "temporary failure in name resolution",
    "connection timed out",
)
_LOST = (
    "server closed the connection",
    "terminating connection",
    "connection already closed",
    "the connection is closed",
    "connection is lost",
    "consuming input failed",
    "ssl syscall error",
    "eof detected",
    "broken pipe",
    "connection reset",
)
_TLS = ("ssl", "certificate", "tls")


def _sqlstate(exc: BaseException) -> str | None:
    return getattr(getattr(exc, "diag", None), "sqlstate", None) or getattr(exc, "sqlstate", None)


def translate_error(exc: BaseException, address: ServerAddress) -> StorageError | None:
    """One sentence for an error from the server or the network, or None to let it pass.

    Only faults the user can act on are translated: unreachable, refused password, no
    privilege, refused TLS, lost connection. Anything else (a bug) keeps its type.
    """
    import psycopg

    orig = getattr(exc, "orig", None) or exc
    if isinstance(orig, StorageError):
        return orig
    if not isinstance(orig, psycopg.Error):
        return None
    state = _sqlstate(orig) or ""
    text = str(orig).lower()
    where = f"{address.host}:{address.port}"
    if state == "42501" or isinstance(orig, psycopg.errors.InsufficientPrivilege):
        return PermissionRefusedError(
            _(
                "The server refused this: your account ({user}) is not allowed to do it; ask "
                "the programme's admin if you need it."
            ).format(user=address.user or "?")
        )
    if state.startswith("28") or "password authentication failed" in text:
        return WrongPassphraseError(
            _("The server at {where} refused the password for {user}.").format(
                where=where, user=address.user or "?"
            )
        )
    if "no password supplied" in text:
        return NoPassphraseError(
            _(
                "The server at {where} wants a password for {user}: set PGPASSWORD, add it "
                "to ~/.pgpass, or run this in a terminal."
            ).format(where=where, user=address.user or "?")
        )
    if state == "3D000" or ("database" in text and "does not exist" in text):
        return ServerUnreachableError(
            _("The server at {where} has no database called {name}.").format(
                where=where, name=address.dbname
            )
        )
    if state == "57P01" or state.startswith("08") or any(s in text for s in _LOST):
        if any(s in text for s in _UNREACHABLE):
            return ServerUnreachableError(
                _(
                    "The team server at {where} cannot be reached; check the address and "
                    "your network, then try again."
                ).format(where=where)
            )
        return ConnectionLostError(
            _(
                "The connection to the team server was lost, so what you were doing was not "
                "saved; try again and the app reconnects by itself."
            )
        )
    if isinstance(orig, psycopg.OperationalError):
        if any(s in text for s in _UNREACHABLE):
            return ServerUnreachableError(
                _(
                    "The team server at {where} cannot be reached; check the address and "
                    "your network, then try again."
                ).format(where=where)
            )
        if any(s in text for s in _TLS):
            return InsecureConnectionError(
                _(
                    "The server at {where} did not complete a verified TLS connection; check "
                    "its certificate and the CA file (sslrootcert)."
                ).format(where=where)
            )
    return None


# ------------------------------------------------------------------- the database

_WRITE_PRIVILEGES = ("INSERT", "UPDATE", "DELETE")


def _privileges(privilege: str) -> str:
    """``privilege`` normalised ("insert,update" -> "INSERT, UPDATE"); anything but the
    three write privileges is a programming error (it is sent to the server as text)."""
    parts = sorted({p.strip().upper() for p in privilege.split(",") if p.strip()})
    if not parts or any(p not in _WRITE_PRIVILEGES for p in parts):
        raise ValueError(f"not a write privilege: {privilege!r}")
    return ", ".join(parts)


class ServerDatabase(LazyEngine):
    """A connection (pool) to one WiR Manager database on a PostgreSQL server."""

    is_server = True

    def __init__(self, address: ServerAddress, password: str | None) -> None:
        import secrets

        self.address = address
        self._password = password
        #: Sent as ``application_name``; the change notifications carry it, so a client
        #: can tell its own changes (already announced inside the app) from others'.
        self.client_id = f"wir-manager/{secrets.token_hex(6)}"
        self._engine: Engine | None = None
        self._sessions: sessionmaker[Session] | None = None
        self._engine_lock = threading.Lock()
        self._closed = False
        self._listeners: list[Any] = []
        self._operator: str | None = None
        #: Server facts read once at connect (see :meth:`_probe`): ``login``,
        #: ``database``, ``roles`` (the WiR Manager group roles held) and ``role`` (the
        #: highest of them, e.g. "viewer"; None for a login that holds none).
        self.identity: dict[str, Any] = {}
        # Answers of :meth:`may_write`, per (table, privileges): asked once per
        # connection; dropped by close(), and a reconnect is a new ServerDatabase.
        self._writable: dict[tuple[str, str], bool] = {}
        #: Every committed change made through this connection is published here, like
        #: on a file (see storage.changes); other clients' changes can be fed in too.
        self.changes = ChangeFeed()

    # ------------------------------------------------------------- connecting
    @classmethod
    def connect(
        cls,
        url: str | ServerAddress,
        prompt: Callable[[str], str] | None = None,
        *,
        check_schema: bool = True,
        password: str | None = None,
    ) -> ServerDatabase:
        """Connect to ``url``. The password: ``password``, the URL's, libpq's own lookup
        (``PGPASSWORD``, ``~/.pgpass``), else ``prompt(display_address)``.

        ``check_schema=False`` is for ``server init`` / ``server upgrade``, which exist to
        change it.
        """
        address = url if isinstance(url, ServerAddress) else ServerAddress.parse(url)
        db = cls(address, password if password is not None else address.password)
        try:
            db._probe(prompt)
            if check_schema:
                db.check_schema()
        except BaseException:
            db.close()
            raise
        return db

    def _raw_connect(self) -> Any:
        import psycopg

        return psycopg.connect(
            self.address.conninfo(self._password, application_name=self.client_id),
            autocommit=False,
        )

    def listen_connection(self) -> Any:
        """A separate autocommit connection for LISTEN (see :mod:`storage.server_changes`)."""
        import psycopg

        if self._closed:
            raise StorageError(_("The connection to the team server is closed; connect again."))
        try:
            return psycopg.connect(
                self.address.conninfo(self._password, application_name=self.client_id),
                autocommit=True,
            )
        except psycopg.Error as exc:
            raise (
                translate_error(exc, self.address)
                or StorageError(_("The team server refused the connection."))
            ) from None

    def watch(self, callback: Callable[[Any], None]) -> Any:
        """Start delivering other clients' changes to ``callback`` (on a thread); returns
        the running :class:`~wir_manager.storage.server_changes.ChangeListener`, which
        ``close()`` stops too."""
        from wir_manager.storage.server_changes import ChangeListener

        listener = ChangeListener(self, callback).start()
        self._listeners.append(listener)
        return listener

    def follow_others(self) -> Any:
        """Publish other clients' changes on :attr:`changes`, as if made here: the app's
        screens (through its change hub) and the matching pool cache then refresh exactly
        what they would after a local write. Returns the running listener."""
        from wir_manager.storage.server_changes import to_changes

        return self.watch(lambda change: self.changes.publish(to_changes(change)))

    def _probe(self, prompt: Callable[[str], str] | None) -> None:
        """Open one connection now, so a wrong address or password is said at once."""
        import psycopg

        try:
            conn = self._raw_connect()
        except psycopg.OperationalError as exc:
            translated = translate_error(exc, self.address)
            if isinstance(translated, NoPassphraseError) and prompt is not None:
                self._password = prompt(self.address.display())
                try:
                    conn = self._raw_connect()
                except psycopg.Error as again:
                    raise (
                        translate_error(again, self.address)
                        or StorageError(_("The team server refused the connection."))
                    ) from None
            else:
                raise (
                    translated or StorageError(_("The team server refused the connection."))
                ) from None
        from wir_manager.storage.server_admin import ROLE_CHAIN

        groups = [r.group for r in ROLE_CHAIN]
        try:
            # The group roles are matched by oid: pg_has_role() on a name raises when the
            # role does not exist yet (before ``server init``).
            row = conn.execute(
                "SELECT session_user, current_database(), ARRAY("
                " SELECT rolname::text FROM pg_roles"
                " WHERE rolname = ANY(%s) AND pg_has_role(session_user, oid, 'MEMBER'))",
                (groups,),
            ).fetchone()
            assert row is not None
            self._operator = str(row[0])
        finally:
            conn.close()
        held = [r for r in ROLE_CHAIN if r.group in set(row[2] or ())]
        self.identity = {
            "login": self._operator,
            "database": str(row[1]),
            "roles": [r.value for r in held],
            "role": held[-1].value if held else None,
        }

    def check_schema(self) -> None:
        """Refuse a database that is not set up, older, or newer than this app."""
        from wir_manager.storage import migrate

        current = self.revision()
        head = migrate.head_revision()
        if current == head:
            return
        where = self.address.display()
        if current is None:
            raise MigrationError(
                _(
                    "The database {where} is not set up for WiR Manager yet; its admin runs "
                    "`wir-manager --db URL server init`."
                ).format(where=where)
            )
        if not migrate.is_known_revision(current):
            raise MigrationError(
                _(
                    "The team server was upgraded by a newer WiR Manager; update this app "
                    "to connect."
                )
            )
        raise MigrationError(
            _(
                "The team server's schema is older than this app; an admin must run "
                "`wir-manager --db URL server upgrade` first."
            )
        )

    def revision(self) -> str | None:
        from sqlalchemy import text

        with self.engine.connect() as conn:
            exists = conn.execute(text("SELECT to_regclass('alembic_version')")).scalar()
            if exists is None:
                return None
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()

    # ------------------------------------------------------------- engine
    def _build_engine(self) -> None:
        from sqlalchemy import create_engine, event
        from sqlalchemy.orm import sessionmaker

        from wir_manager.storage import audit, changes, hidden, text_limits

        if self._closed:
            raise StorageError(_("The connection to the team server is closed; connect again."))
        engine = create_engine(
            "postgresql+psycopg://",
            creator=self._raw_connect,
            pool_size=4,
            max_overflow=4,
            pool_use_lifo=True,
            # A connection the server or network dropped is replaced before use: after
            # an outage the next action simply works again.
            pool_pre_ping=True,
            # Bound values are candidate data: never in exception text or logs.
            hide_parameters=True,
        )

        # Bulk inserts (demo data, spreadsheet import) become multi-row INSERT … VALUES
        # statements of up to 1,000 rows, as with psycopg2, instead of one statement per
        # row: fewer round trips, and one change notification per batch, not per row.
        engine.dialect.use_insertmanyvalues_wo_returning = True

        @event.listens_for(engine, "handle_error")
        def _translate(context: Any) -> Any:
            if context.is_pre_ping:
                # The checkout's liveness check found a dead connection: SQLAlchemy
                # replaces it, but only if the ping's error stays the driver's. Put in
                # our own words here, it reached the caller instead, and the first read
                # after an outage failed with "the connection was lost".
                return None
            return translate_error(context.original_exception, self.address)

        changes.install(engine)
        sessions = sessionmaker(engine, expire_on_commit=False)
        audit.install(sessions)
        text_limits.install(sessions)
        hidden.install(sessions, self._hidden_map)
        self._sessions = sessions
        self._engine = engine

    @contextlib.contextmanager
    def session(self, *, operator: str | None = None, write: bool = False) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back on any error.

        ``operator`` is ignored on a server: the audit trigger records the login.
        ``write`` is accepted for the same calls as the SQLCipher file (where it starts the
        transaction with ``BEGIN IMMEDIATE``); PostgreSQL locks rows, not the database,
        so a writer never waits on a stale snapshot there.
        """
        self.engine  # noqa: B018 - builds the engine and the session factory on first use
        assert self._sessions is not None
        s = self._sessions()
        s.info["operator"] = self.operator
        try:
            yield s
            s.commit()
        except BaseException as exc:
            with contextlib.suppress(Exception):
                s.rollback()
            take_committed()  # nothing of a failed unit of work is announced
            translated = translate_error(exc, self.address) or stale_record(exc)
            if translated is not None and translated is not exc:
                raise translated from None
            raise
        finally:
            with contextlib.suppress(Exception):
                s.close()
        self.publish_committed()

    @contextlib.contextmanager
    def connection(self, *, write: bool = False) -> Iterator[Any]:
        """A Core connection in one transaction, for bulk inserts and fast reads
        (``write``: see :meth:`session`)."""
        try:
            with self.engine.begin() as conn:
                yield conn
        except Exception as exc:
            translated = translate_error(exc, self.address)
            if translated is not None and translated is not exc:
                raise translated from None
            raise
        self.publish_committed()

    def publish_committed(self) -> None:
        """Announce what this thread committed (on :attr:`changes`)."""
        self.changes.publish(take_committed())

    def hidden_columns(self, table: str) -> frozenset[str]:
        """Columns of ``table`` this login may not read (a viewer's contact details and
        notes, see ``server_admin.VIEWER_HIDDEN``): readers select NULL in their place
        instead of being refused the whole row. Asked of the server once per table."""
        cache: dict[str, frozenset[str]] = self.__dict__.setdefault("_hidden", {})
        if table not in cache:
            from sqlalchemy import text

            from wir_manager.storage.models import Base

            names = [c.name for c in Base.metadata.tables[table].columns]
            checks = ", ".join(
                f"has_column_privilege(:t, :c{i}, 'SELECT')" for i in range(len(names))
            )
            params = {"t": table, **{f"c{i}": n for i, n in enumerate(names)}}
            with self.engine.connect() as conn:
                allowed = conn.execute(text(f"SELECT {checks}"), params).one()
            cache[table] = frozenset(n for n, ok in zip(names, allowed, strict=True) if not ok)
        return cache[table]

    def may_write(self, table: str, privilege: str = "INSERT, UPDATE") -> bool:
        """Whether this login may add or change rows of ``table`` (``privilege``: any of
        INSERT, UPDATE, DELETE, comma-separated; one held is enough).

        The screens ask it to disable the controls a login may not use, rather than let
        a viewer type a whole form before the server refuses it; the server's grants
        (``server_admin.WRITES``) stay what enforces the roles. Asked of the server once
        per table and privilege per connection, like :meth:`hidden_columns`."""
        key = (table, _privileges(privilege))
        if key not in self._writable:
            from sqlalchemy import text
            from sqlalchemy.exc import SQLAlchemyError

            try:
                with self.engine.connect() as conn:
                    allowed = conn.execute(
                        text("SELECT has_table_privilege(current_user, :t, :p)"),
                        {"t": table, "p": key[1]},
                    ).scalar()
            except (SQLAlchemyError, StorageError):
                # The server cannot be asked now (a lost connection): leave the control
                # to the screen, and the write itself will say what happened in one
                # sentence. Not remembered, so the next question asks again.
                return True
            self._writable[key] = bool(allowed)
        return self._writable[key]

    @property
    def role(self) -> str | None:
        """The login's highest WiR Manager role ("viewer", "staff", "coordinator",
        "admin"), read at connect; None when it holds none. Said in the tooltip of a
        control the login may not use."""
        role = self.identity.get("role")
        return str(role) if role else None

    def _hidden_map(self) -> dict[str, frozenset[str]]:
        """:meth:`hidden_columns` of every table a viewer may be refused columns of."""
        from wir_manager.storage.server_admin import VIEWER_HIDDEN

        return {table: self.hidden_columns(table) for table in VIEWER_HIDDEN}

    # ------------------------------------------------------------- identity, settings
    @property
    def operator(self) -> str:
        """The PostgreSQL login: what the server records as "who"."""
        if self._operator is None:
            from sqlalchemy import text

            with self.engine.connect() as conn:
                self._operator = str(conn.execute(text("SELECT session_user")).scalar())
        return self._operator

    @property
    def location(self) -> str:
        return self.address.display()

    @property
    def path(self) -> Any:
        raise StorageError(
            _(
                "A team server has no database file here; its backups are made on the "
                "server with pg_dump (see the README)."
            )
        )

    def setting(self, key: str, default: str | None = None) -> str | None:
        from sqlalchemy import select

        from wir_manager.storage.models import Setting

        with self.engine.connect() as conn:
            value = conn.execute(select(Setting.value).where(Setting.key == key)).scalar()
        return default if value is None else value

    def set_setting(self, key: str, value: str) -> None:
        from wir_manager.storage.models import Setting

        with self.session() as s:
            s.merge(Setting(key=key, value=value))

    def counts(self) -> dict[str, int]:
        from wir_manager.storage.database import count_rows

        return count_rows(self)

    def info(self) -> DatabaseInfo:
        from sqlalchemy import text

        from wir_manager.storage.database import DatabaseInfo

        counts = self.counts()
        with self.engine.connect() as conn:
            version = conn.execute(text("SHOW server_version")).scalar()
            size = conn.execute(text("SELECT pg_database_size(current_database())")).scalar()
            ssl = conn.execute(
                text("SELECT ssl, version, cipher FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
            ).first()
        connection = {
            "server_version": str(version),
            "tls": "yes" if ssl and ssl[0] else "no",
        }
        if ssl and ssl[0]:
            connection["tls_version"] = str(ssl[1])
            connection["tls_cipher"] = str(ssl[2])
        return DatabaseInfo(
            path=self.location,
            revision=self.revision(),
            counts=counts,
            cipher=connection,
            operator=self.operator,
            size_bytes=int(size or 0),
        )

    # ------------------------------------------------------------- closing
    def dispose(self) -> None:
        if self._engine is not None:
            self._engine.dispose()

    def close(self) -> None:
        """Lock: stop listening, drop every pooled connection and forget the password."""
        for listener in self._listeners:
            listener.stop()
        self._listeners.clear()
        self.dispose()
        self._engine = None
        self._sessions = None
        self._password = None
        self._writable.clear()
        self._closed = True

    @property
    def closed(self) -> bool:
        return self._closed

    def __enter__(self) -> ServerDatabase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
