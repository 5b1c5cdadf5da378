"""The relational store: customers, their numbers, consent, DNO and RMD lists, and the
audit trail of the files they came from.

One SQLite file by default (zero setup), PostgreSQL by URL in production
(``postgresql+psycopg://user@host/db``). :func:`open_database` creates the engine,
brings the schema to the newest Alembic revision and hands back a :class:`Database`;
services then work through a :class:`ReferenceStore` bound to one transaction::

    database = open_database(settings.database_url)
    with database.writing() as store:
        store.upsert_consent(records)
    with database.reading() as store:
        store.has_consent("+12025550123", ["mv-realty", "phoneburner"], at=call_time)

Every bulk write is an idempotent upsert (``INSERT ... ON CONFLICT DO UPDATE``, on both
dialects): loading the same file twice leaves the same rows, and a row whose values did
not change is not rewritten at all.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import psycopg
import pyarrow as pa
import pyarrow.compute as pc
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import (
    Connection,
    Engine,
    Table,
    create_engine,
    event,
    func,
    literal,
    or_,
    select,
    text,
)
from sqlalchemy.engine import URL, Row, RowMapping, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError

from callwarden.config import redact_url
from callwarden.customers import (
    ConsentRecord,
    ConsentType,
    Customer,
    CustomerKind,
    KycStatus,
    NumberGrant,
)
from callwarden.errors import ConfigError, StoreError
from callwarden.lists import DnoEntry, RmdFiling
from callwarden.store.relational_bulk import upsert_arrow, upsert_rows
from callwarden.store.relational_models import (
    CONSENT,
    CUSTOMERS,
    DNO,
    IMPORT_RUNS,
    NUMBER_GRANTS,
    RMD_FILINGS,
    VERSION_TABLE,
    Base,
)

__all__ = [
    "BATCH_ROWS",
    "Database",
    "ImportRun",
    "ReferenceCounts",
    "ReferenceRecord",
    "ReferenceStore",
    "current_revision",
    "downgrade_schema",
    "head_revision",
    "open_database",
    "unstorable_rows",
    "unstorable_value",
    "upgrade_schema",
]

MIGRATIONS_DIR = Path(__file__).with_name("migrations")

#: Rows per bulk round trip (and per IN list): large enough that per-statement overhead
#: vanishes, small enough to stay far below SQLite's and PostgreSQL's parameter limits.
BATCH_ROWS = 5_000

#: A parent chain longer than this is a data loop, not a real reseller hierarchy.
MAX_PARENT_DEPTH = 32

#: Execution option asking SQLite for ``BEGIN IMMEDIATE``: a writer takes the write lock
#: up front, so it waits (busy_timeout) instead of failing when it upgrades a read lock.
_WRITE_OPTION = "callwarden_write"

#: Serialises concurrent schema upgrades on PostgreSQL (two services starting at once).
_MIGRATION_LOCK_KEY = 0x63_61_6C_6C_77_61_72_64  # "callward"

_T = TypeVar("_T")


@dataclass(frozen=True)
class ImportRun:
    """One reference file loaded into the store (the ``import_runs`` audit table)."""

    kind: str
    source: str
    checksum_sha256: str
    started_at: datetime
    finished_at: datetime
    rows_read: int
    rows_accepted: int
    rows_rejected: int
    run_id: int | None = None


@dataclass(frozen=True)
class ReferenceCounts:
    customers: int
    number_grants: int
    consent: int
    dno: int
    rmd_filings: int
    import_runs: int


class Database:
    """An open relational store: the engine and its transactions. Close it when done."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @property
    def url(self) -> str:
        """The URL with the password hidden: safe to print."""
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def writing(self) -> Iterator[ReferenceStore]:
        """One write transaction: committed when the block ends, rolled back on error."""
        with _store_errors(self.url), self.engine.connect() as connection:
            connection.execution_options(**{_WRITE_OPTION: True})
            with connection.begin():
                yield ReferenceStore(connection)

    @contextmanager
    def reading(self) -> Iterator[ReferenceStore]:
        """One read transaction (a consistent snapshot on both dialects)."""
        with _store_errors(self.url), self.engine.connect() as connection, connection.begin():
            yield ReferenceStore(connection)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Database({self.url!r})"


def open_database(url: str, *, migrate: bool = True) -> Database:
    """Open the store at ``url`` and (unless ``migrate`` is False) bring its schema to the
    newest revision. A SQLite file and its directory are created when missing."""
    parsed = _parse_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        parsed,
        # Row values are customers' data (numbers, names): keep them out of error text.
        hide_parameters=True,
        pool_pre_ping=parsed.get_backend_name() == "postgresql",
    )
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    database = Database(engine)
    if migrate:
        try:
            upgrade_schema(database)
        except BaseException:
            database.close()
            raise
    return database


def _parse_url(url: str) -> URL:
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise ConfigError(f"malformed database URL {redact_url(url)}") from None
    backend = parsed.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise ConfigError(
            f"unsupported database {redact_url(url)}: use sqlite:///PATH or "
            "postgresql+psycopg://USER@HOST/DB"
        )
    if backend == "postgresql" and parsed.get_driver_name() != "psycopg":
        # psycopg 3 is the driver callwarden ships with; a bare postgresql:// would make
        # SQLAlchemy look for psycopg2.
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


#: How long a SQLite connection waits for another one's lock before giving up.
_SQLITE_BUSY_TIMEOUT_MS = 30_000


def _use_wal(cursor: sqlite3.Cursor) -> None:
    """Put the database file in WAL mode (it stays so: a second connection finds it set).

    The switch needs the file to itself, and SQLite does not wait for that under
    busy_timeout: a service opening the file while others open it too (or one is
    migrating) got "database is locked". So the switch is retried, for as long as a lock
    would be waited for."""
    deadline = time.monotonic() + _SQLITE_BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            row = cursor.execute("PRAGMA journal_mode").fetchone()
            if row is not None and str(row[0]).lower() == "wal":
                return
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() >= deadline:
                raise
            time.sleep(0.02)


def _configure_sqlite(engine: Engine) -> None:
    """Pragmas on every new connection, and transactions that include DDL.

    Python's sqlite3 module does not begin a transaction before DDL, so a migration
    killed half-way would leave half a schema. Handing transaction control to
    SQLAlchemy's ``begin`` event (the documented pysqlite recipe) makes DDL and bulk
    loads atomic.
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            # Wait for another writer instead of failing at once with "database is locked".
            cursor.execute(f"PRAGMA busy_timeout = {_SQLITE_BUSY_TIMEOUT_MS}")
            # Readers (the policy engine) never block on a loading writer, and vice versa.
            _use_wal(cursor)
            # In WAL mode NORMAL is crash-safe for the process (a kill loses no commit);
            # only a power cut may lose the newest transactions, never corrupt the file.
            cursor.execute("PRAGMA synchronous = NORMAL")
            cursor.execute("PRAGMA foreign_keys = ON")
            # A reference load writes millions of rows in one transaction; with the 2 MB
            # default the primary-key B-tree pages it touches keep falling out of the
            # cache. Memory is taken only as pages are read.
            cursor.execute("PRAGMA cache_size = -65536")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        write = connection.get_execution_options().get(_WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


@contextmanager
def _store_errors(url: str) -> Iterator[None]:
    """Database failures as :class:`StoreError`, naming the database without secrets."""
    try:
        yield
    except DBAPIError as error:
        # str(error.orig) is the server's message; the URL (and its password) is not in it.
        reason = str(error.orig).strip().splitlines()[0] if str(error.orig).strip() else ""
        raise StoreError(f"{url}: {type(error.orig).__name__}: {reason}") from error
    except SQLAlchemyError as error:
        raise StoreError(f"{url}: {type(error).__name__}: {error}") from error
    except psycopg.Error as error:  # the PostgreSQL bulk path talks to the driver directly
        reason = str(error).strip().splitlines()[0] if str(error).strip() else ""
        raise StoreError(f"{url}: {type(error).__name__}: {reason}") from error


# ----------------------------------------------------------------------------- migrations


def _alembic_config(connection: Connection) -> Config:
    config = Config()
    # ConfigParser interpolation would read a '%' in the install path as a placeholder.
    config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    config.attributes["connection"] = connection
    return config


def _migrate(database: Database, apply: Any) -> None:
    with _store_errors(database.url), database.engine.connect() as connection:
        connection.execution_options(**{_WRITE_OPTION: True})
        with connection.begin():
            if database.dialect == "postgresql":
                connection.execute(
                    text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK_KEY}
                )
            apply(_alembic_config(connection))


def upgrade_schema(database: Database, revision: str = "head") -> None:
    """Apply migrations up to ``revision`` in one transaction (all or nothing)."""
    _migrate(database, lambda config: command.upgrade(config, revision))


def downgrade_schema(database: Database, revision: str = "base") -> None:
    """Undo migrations down to ``revision`` (``base`` drops every callwarden table)."""
    _migrate(database, lambda config: command.downgrade(config, revision))


def head_revision() -> str:
    """The newest revision this version of callwarden knows."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    head = ScriptDirectory.from_config(config).get_current_head()
    if head is None:  # pragma: no cover - the package always ships its migrations
        raise StoreError(f"no migrations found in {MIGRATIONS_DIR}")
    return head


def current_revision(database: Database) -> str | None:
    """The revision the database is at (None for an empty database)."""
    with _store_errors(database.url), database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"version_table": VERSION_TABLE})
        return context.get_current_revision()


# ----------------------------------------------------------------------------- values

ReferenceRecord = Customer | NumberGrant | ConsentRecord | DnoEntry | RmdFiling

_TABLE_OF: dict[type[Any], Table] = {
    Customer: CUSTOMERS,
    NumberGrant: NUMBER_GRANTS,
    ConsentRecord: CONSENT,
    DnoEntry: DNO,
    RmdFiling: RMD_FILINGS,
}


#: Per record type: (field, maximum length or None) of each text column it fills (the
#: record fields are named after their columns).
_TEXT_LIMITS: dict[type[Any], tuple[tuple[str, int | None], ...]] = {
    record_type: tuple(
        (column.name, getattr(column.type, "length", None))
        for column in table.columns
        if column.type.python_type is str
    )
    for record_type, table in _TABLE_OF.items()
}


def unstorable_value(record: ReferenceRecord) -> tuple[str, str, str] | None:
    """``(column, value, reason)`` when a value of ``record`` cannot be stored, else None.

    One such row must be reported, not abort its whole file: PostgreSQL refuses a text
    with a NUL character or an identifier longer than its column, and SQLite would keep
    what PostgreSQL refuses, so the two would disagree.
    """
    for name, limit in _TEXT_LIMITS[type(record)]:
        value = getattr(record, name)
        if not isinstance(value, str):
            continue
        if "\x00" in value:
            return name, value[:200], "contains a NUL character"
        if limit is not None and len(value) > limit:
            return name, value[:200], f"longer than {limit} characters"
    return None


def unstorable_rows(
    record_type: type[ReferenceRecord], batch: pa.RecordBatch
) -> list[tuple[int, str, str, str]]:
    """``(row, column, value, reason)`` of each row of a batch of ``record_type``'s
    columns that :func:`unstorable_value` would refuse, for the same reason, in row
    order."""
    found: dict[int, tuple[str, str, str]] = {}
    for name, limit in _TEXT_LIMITS[record_type]:
        if name not in batch.schema.names:
            continue
        values = batch.column(name)
        checks = [(pc.match_substring(values, "\x00"), "contains a NUL character")]
        if limit is not None:
            checks.append(
                (pc.greater(pc.utf8_length(values), limit), f"longer than {limit} characters")
            )
        for failed, reason in checks:
            for row in np.flatnonzero(failed.fill_null(False).to_numpy(zero_copy_only=False)):
                if int(row) not in found:
                    found[int(row)] = (name, str(values[int(row)].as_py())[:200], reason)
    return [(row, *found[row]) for row in sorted(found)]


# ----------------------------------------------------------------------------- repository


def _batches(items: Iterable[_T], size: int) -> Iterator[list[_T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


_CUSTOMER_COLUMNS = (
    "customer_id",
    "name",
    "parent_id",
    "kind",
    "created_at",
    "kyc_status",
    "declared_use",
    "ein",
    "address",
    "country",
    "contact_email",
    "ip_country",
)


_GRANT_COLUMNS = ("number", "customer_id", "since", "verified")
_GRANT_KEY = ("number", "customer_id")
_CONSENT_COLUMNS = (
    "called_number",
    "customer_id",
    "consent_type",
    "obtained_at",
    "revoked_at",
    "evidence",
)
_CONSENT_KEY = ("called_number", "customer_id", "consent_type")
_DNO_COLUMNS = ("number", "reason")
_DNO_KEY = ("number",)


def _customer_from_row(row: RowMapping) -> Customer:
    return Customer(
        customer_id=row["customer_id"],
        name=row["name"],
        parent_id=row["parent_id"],
        kind=CustomerKind(row["kind"]),
        created_at=row["created_at"],
        kyc_status=KycStatus(row["kyc_status"]),
        declared_use=row["declared_use"],
        ein=row["ein"],
        address=row["address"],
        country=row["country"],
        contact_email=row["contact_email"],
        ip_country=row["ip_country"],
    )


def _rmd_from_row(row: Row[Any]) -> RmdFiling:
    return RmdFiling(
        frn=row.frn,
        business_name=row.business_name,
        implementation=row.implementation,
        last_updated=row.last_updated,
    )


def _grant_from_row(row: RowMapping) -> NumberGrant:
    return NumberGrant(
        number=row["number"],
        customer_id=row["customer_id"],
        since=row["since"],
        verified=bool(row["verified"]),
    )


class ReferenceStore:
    """The queries and bulk writes services need, on one connection in one transaction.

    Records go in and come out as the domain dataclasses (:mod:`callwarden.customers`,
    :mod:`callwarden.lists`); no SQLAlchemy object leaves this class.
    """

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self._dialect = connection.dialect.name

    # -- bulk writes ----------------------------------------------------------------------
    # Each takes any iterable (a reader's generator included) and writes it in batches of
    # BATCH_ROWS; see callwarden.store.relational_bulk for how, and why not ORM executemany.

    def _upsert_all(
        self,
        table: Table,
        columns: tuple[str, ...],
        key: tuple[str, ...],
        rows: Iterable[tuple[Any, ...]],
    ) -> int:
        return sum(
            upsert_rows(self.connection, table, columns, key, batch)
            for batch in _batches(rows, BATCH_ROWS)
        )

    def upsert_customers(self, customers: Iterable[Customer]) -> int:
        """Insert or update accounts; returns the rows written. A parent must already
        exist or come earlier in the same call (the foreign key is checked row by row)."""
        rows = (
            (
                c.customer_id,
                c.name,
                c.parent_id,
                str(c.kind),
                c.created_at,
                str(c.kyc_status),
                c.declared_use,
                c.ein,
                c.address,
                c.country,
                c.contact_email,
                c.ip_country,
            )
            for c in customers
        )
        return self._upsert_all(CUSTOMERS, _CUSTOMER_COLUMNS, ("customer_id",), rows)

    def upsert_number_grants(self, grants: Iterable[NumberGrant]) -> int:
        """Insert or update number grants; each account must exist."""
        rows = ((g.number, g.customer_id, g.since, g.verified) for g in grants)
        return self._upsert_all(NUMBER_GRANTS, _GRANT_COLUMNS, _GRANT_KEY, rows)

    def upsert_consent(self, records: Iterable[ConsentRecord]) -> int:
        """Insert or update consent; the key is (callee, holder, consent type)."""
        rows = (
            (
                r.called_number,
                r.customer_id,
                str(r.consent_type),
                r.obtained_at,
                r.revoked_at,
                r.evidence,
            )
            for r in records
        )
        return self._upsert_all(CONSENT, _CONSENT_COLUMNS, _CONSENT_KEY, rows)

    def upsert_dno(self, entries: Iterable[DnoEntry]) -> int:
        rows = ((entry.number, entry.reason) for entry in entries)
        return self._upsert_all(DNO, _DNO_COLUMNS, _DNO_KEY, rows)

    # The same writes from Arrow batches, as the block readers of callwarden.formats yield
    # them (other columns, such as their line numbers, are ignored): the bulk loads of
    # millions of rows, without a Python object per record.

    def upsert_number_grants_batch(self, batch: pa.RecordBatch) -> int:
        """As :meth:`upsert_number_grants`, from ``number``, ``customer_id``, ``since``
        (timestamp) and ``verified`` (bool) columns."""
        return upsert_arrow(self.connection, NUMBER_GRANTS, _GRANT_COLUMNS, _GRANT_KEY, batch)

    def upsert_consent_batch(self, batch: pa.RecordBatch) -> int:
        """As :meth:`upsert_consent`, from columns named as ConsentRecord's fields
        (``consent_type`` as its text value, timestamps as Arrow timestamps)."""
        return upsert_arrow(self.connection, CONSENT, _CONSENT_COLUMNS, _CONSENT_KEY, batch)

    def upsert_dno_batch(self, batch: pa.RecordBatch) -> int:
        """As :meth:`upsert_dno`, from ``number`` and ``reason`` columns."""
        return upsert_arrow(self.connection, DNO, _DNO_COLUMNS, _DNO_KEY, batch)

    def upsert_rmd_filings(self, filings: Iterable[RmdFiling]) -> int:
        rows = ((f.frn, f.business_name, f.implementation, f.last_updated) for f in filings)
        return self._upsert_all(
            RMD_FILINGS,
            ("frn", "business_name", "implementation", "last_updated"),
            ("frn",),
            rows,
        )

    def record_import_run(self, run: ImportRun) -> int:
        """Append one audit record; returns its run id."""
        values = {
            "kind": run.kind,
            "source": run.source,
            "checksum_sha256": run.checksum_sha256,
            "started_at": run.started_at,
            "finished_at": run.finished_at,
            "rows_read": run.rows_read,
            "rows_accepted": run.rows_accepted,
            "rows_rejected": run.rows_rejected,
        }
        table = IMPORT_RUNS
        run_id = self.connection.execute(
            table.insert().values(values).returning(table.c.run_id)
        ).scalar_one()
        return int(run_id)

    # -- customers and numbers ------------------------------------------------------------

    def customer(self, customer_id: str) -> Customer | None:
        table = CUSTOMERS
        row = (
            self.connection.execute(select(table).where(table.c.customer_id == customer_id))
            .mappings()
            .first()
        )
        return _customer_from_row(row) if row is not None else None

    def customer_chain(self, customer_id: str) -> list[Customer]:
        """The account, then its parent, its parent's parent, ... up to the top.

        One recursive query. Loops cannot be loaded through :mod:`callwarden.kyc.importing`,
        but the depth cap keeps a loop written by another tool from running forever.
        """
        table = CUSTOMERS
        chain = (
            select(table.c.customer_id, table.c.parent_id, literal(0).label("depth"))
            .where(table.c.customer_id == customer_id)
            .cte("chain", recursive=True)
        )
        parent = table.alias("parent")
        chain = chain.union_all(
            select(parent.c.customer_id, parent.c.parent_id, chain.c.depth + 1)
            .join(chain, parent.c.customer_id == chain.c.parent_id)
            .where(chain.c.depth < MAX_PARENT_DEPTH)
        )
        rows = self.connection.execute(
            select(table)
            .join(chain, table.c.customer_id == chain.c.customer_id)
            .order_by(chain.c.depth)
        ).mappings()
        result: list[Customer] = []
        seen: set[str] = set()
        for row in rows:
            if row["customer_id"] in seen:
                break
            seen.add(row["customer_id"])
            result.append(_customer_from_row(row))
        return result

    def existing_customers(self, customer_ids: Collection[str]) -> dict[str, str | None]:
        """Which of these accounts exist, each with its current parent id."""
        table = CUSTOMERS
        found: dict[str, str | None] = {}
        for batch in _batches(sorted(set(customer_ids)), BATCH_ROWS):
            rows = self.connection.execute(
                select(table.c.customer_id, table.c.parent_id).where(table.c.customer_id.in_(batch))
            )
            found.update((row.customer_id, row.parent_id) for row in rows)
        return found

    def numbers_of(self, customer_id: str) -> list[NumberGrant]:
        """The numbers an account may present, in number order."""
        table = NUMBER_GRANTS
        rows = self.connection.execute(
            select(table).where(table.c.customer_id == customer_id).order_by(table.c.number)
        ).mappings()
        return [_grant_from_row(row) for row in rows]

    def grants_for_number(self, number: str) -> list[NumberGrant]:
        """Every account the number is assigned to or authorised for."""
        table = NUMBER_GRANTS
        rows = self.connection.execute(
            select(table).where(table.c.number == number).order_by(table.c.customer_id)
        ).mappings()
        return [_grant_from_row(row) for row in rows]

    # -- lists ----------------------------------------------------------------------------

    def has_consent(
        self,
        called_number: str,
        customer_ids: Collection[str],
        at: datetime,
        *,
        written: bool = False,
    ) -> bool:
        """Whether any of ``customer_ids`` (an account and its parents, typically) held
        the callee's consent at ``at``: obtained by then (or undated) and not yet revoked.
        ``written`` asks for prior express *written* consent, which telemarketing calls
        need (47 CFR 64.1200(a)(2)); otherwise either kind counts (64.1200(a)(1)(iii))."""
        if not customer_ids:
            return False
        table = CONSENT
        query = (
            select(literal(1))
            .where(
                table.c.called_number == called_number,
                table.c.customer_id.in_(list(customer_ids)),
                or_(table.c.obtained_at.is_(None), table.c.obtained_at <= at),
                or_(table.c.revoked_at.is_(None), table.c.revoked_at > at),
            )
            .limit(1)
        )
        if written:
            query = query.where(table.c.consent_type == ConsentType.PRIOR_EXPRESS_WRITTEN.value)
        return self.connection.execute(query).first() is not None

    def consent_for(self, called_number: str) -> list[ConsentRecord]:
        """Every consent record for a callee (evidence for a notice response)."""
        table = CONSENT
        rows = self.connection.execute(
            select(table)
            .where(table.c.called_number == called_number)
            .order_by(table.c.customer_id, table.c.consent_type)
        ).mappings()
        return [
            ConsentRecord(
                called_number=row["called_number"],
                customer_id=row["customer_id"],
                consent_type=ConsentType(row["consent_type"]),
                obtained_at=row["obtained_at"],
                revoked_at=row["revoked_at"],
                evidence=row["evidence"],
            )
            for row in rows
        ]

    def is_dno(self, number: str) -> bool:
        table = DNO
        found = self.connection.execute(select(literal(1)).where(table.c.number == number))
        return found.first() is not None

    def dno_entry(self, number: str) -> DnoEntry | None:
        table = DNO
        row = self.connection.execute(select(table).where(table.c.number == number)).first()
        return DnoEntry(number=row.number, reason=row.reason) if row is not None else None

    def rmd_filing_by_name_or_frn(self, name_or_frn: str) -> RmdFiling | None:
        """The RMD filing of a provider named by FRN or by business name (any case).

        A CDR's ``upstream_provider`` may hold either. An FRN is ten digits, often written
        without its leading zeros. Among several filings under one name the most recently
        updated wins.
        """
        key = name_or_frn.strip()
        if not key:
            return None
        table = RMD_FILINGS
        frns = {key, key.zfill(10)} if key.isdigit() else {key}
        row = self.connection.execute(select(table).where(table.c.frn.in_(frns))).first()
        if row is None:
            row = self.connection.execute(
                select(table)
                .where(func.lower(table.c.business_name) == key.lower())
                .order_by(table.c.last_updated.desc().nulls_last(), table.c.frn)
                .limit(1)
            ).first()
        return _rmd_from_row(row) if row is not None else None

    # -- whole lists, for the traffic analysis ------------------------------------------

    def all_customers(self) -> list[Customer]:
        """Every account, in id order."""
        table = CUSTOMERS
        rows = self.connection.execute(select(table).order_by(table.c.customer_id)).mappings()
        return [_customer_from_row(row) for row in rows]

    def all_number_grants(self) -> list[NumberGrant]:
        """Every number grant, by number then account."""
        table = NUMBER_GRANTS
        rows = self.connection.execute(
            select(table).order_by(table.c.number, table.c.customer_id)
        ).mappings()
        return [_grant_from_row(row) for row in rows]

    def consent_columns(self, *, batch_rows: int = 100_000) -> pa.Table:
        """Every consent record's callee, holder, type, validity and evidence as one Arrow
        table (columns ``called_number``, ``customer_id``, ``consent_type``, ``obtained_at``,
        ``revoked_at``, ``evidence``): a provider's list runs to millions of records,
        fetched a batch at a time, no object per row."""
        table = CONSENT
        columns = (
            table.c.called_number,
            table.c.customer_id,
            table.c.consent_type,
            table.c.obtained_at,
            table.c.revoked_at,
            table.c.evidence,
        )
        result = self.connection.execution_options(yield_per=batch_rows).execute(
            select(*columns).order_by(table.c.called_number, table.c.customer_id)
        )
        timestamp = pa.timestamp("us", tz="UTC")
        schema = pa.schema(
            [
                ("called_number", pa.string()),
                ("customer_id", pa.string()),
                ("consent_type", pa.string()),
                ("obtained_at", timestamp),
                ("revoked_at", timestamp),
                ("evidence", pa.string()),
            ]
        )
        batches = []
        for rows in result.partitions():
            callees, holders, types, obtained, revoked, evidence = zip(*rows, strict=True)
            batches.append(
                pa.record_batch(
                    [
                        pa.array(callees, pa.string()),
                        pa.array(holders, pa.string()),
                        pa.array(types, pa.string()),
                        pa.array(obtained, timestamp),
                        pa.array(revoked, timestamp),
                        pa.array(evidence, pa.string()),
                    ],
                    schema=schema,
                )
            )
        return pa.Table.from_batches(batches, schema)

    def all_dno(self) -> list[DnoEntry]:
        table = DNO
        rows = self.connection.execute(select(table).order_by(table.c.number))
        return [DnoEntry(number=row.number, reason=row.reason) for row in rows]

    def all_rmd_filings(self) -> list[RmdFiling]:
        table = RMD_FILINGS
        rows = self.connection.execute(select(table).order_by(table.c.frn))
        return [_rmd_from_row(row) for row in rows]

    # -- audit and counts -----------------------------------------------------------------

    def import_runs(self, *, kind: str | None = None) -> list[ImportRun]:
        """Audit records, oldest first."""
        table = IMPORT_RUNS
        query = select(table).order_by(table.c.run_id)
        if kind is not None:
            query = query.where(table.c.kind == kind)
        return [
            ImportRun(
                kind=row.kind,
                source=row.source,
                checksum_sha256=row.checksum_sha256,
                started_at=row.started_at,
                finished_at=row.finished_at,
                rows_read=row.rows_read,
                rows_accepted=row.rows_accepted,
                rows_rejected=row.rows_rejected,
                run_id=row.run_id,
            )
            for row in self.connection.execute(query)
        ]

    def counts(self) -> ReferenceCounts:
        def count(table: Table) -> int:
            query = select(func.count()).select_from(table)
            return int(self.connection.execute(query).scalar_one())

        return ReferenceCounts(
            customers=count(CUSTOMERS),
            number_grants=count(NUMBER_GRANTS),
            consent=count(CONSENT),
            dno=count(DNO),
            rmd_filings=count(RMD_FILINGS),
            import_runs=count(IMPORT_RUNS),
        )


#: The metadata the migrations must produce (compared in the tests).
METADATA = Base.metadata
