"""Bulk loading the relational store: consent rows per second on SQLite and PostgreSQL.

Store figures per database, for the same rows in the same run:

- ``upsert (new rows)``: ``ReferenceStore.upsert_consent`` into an empty table, the way
  ``callwarden load --consent`` writes (INSERT ... ON CONFLICT DO UPDATE, batches of 5,000,
  one transaction);
- ``upsert (reload, unchanged)``: the same rows again, every one a conflict that changes
  nothing (a reload of the same file);
- reference: the driver's own fastest way to put the same tuples into a table with the
  same primary key and no conflict handling: ``sqlite3`` ``executemany`` of a plain INSERT,
  and PostgreSQL ``COPY ... FROM STDIN (FORMAT BINARY)``.

- ``upsert batches``: ``ReferenceStore.upsert_consent_batch``, the columnar upsert the
  loader uses, from Arrow batches of 131,072 rows (new rows, then the reload).

Then the reader of ``consent.csv`` on a CSV of the same rows: the block reader
(``read_consent_batches``) and the record reader (``read_consent``) beside Arrow's bare
CSV parse of the same file (every column as text, no checks); and the whole ``callwarden
load --consent`` path (CSV -> block reader -> store) beside the block reader alone.

PostgreSQL is the server named by ``CALLWARDEN_BENCH_POSTGRES`` (an admin URL; default
``postgresql+psycopg://postgres@127.0.0.1:5432/postgres``); a throw-away database is created
and dropped. Rows: 1M (``--full``: 5M).
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg
import pyarrow as pa
import pyarrow.csv as pacsv
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from callwarden.customers import ConsentRecord, ConsentType
from callwarden.formats import ReadReport, read_consent
from callwarden.formats.customers import CONSENT_SCHEMA, read_consent_batches
from callwarden.kyc.importing import import_reference_files
from callwarden.store.relational import Database, open_database
from callwarden.store.relational_bulk import as_utc

ADMIN_URL = os.environ.get(
    "CALLWARDEN_BENCH_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


#: Real area codes across US time zones; exchange codes 230-299 hold no N11 or 555.
AREA_CODES = ("202", "305", "312", "415", "617", "713", "206", "404")


def called_number(index: int) -> str:
    serial = index // len(AREA_CODES)
    exchange = 230 + serial // 10_000
    return f"+1{AREA_CODES[index % len(AREA_CODES)]}{exchange}{serial % 10_000:04d}"


def consent_records(rows: int) -> list[ConsentRecord]:
    start = datetime(2022, 1, 1, tzinfo=UTC)
    types = (ConsentType.PRIOR_EXPRESS, ConsentType.PRIOR_EXPRESS_WRITTEN)
    return [
        ConsentRecord(
            called_number=called_number(index),
            customer_id=f"customer-{index % 313}",
            consent_type=types[index % 2],
            obtained_at=start + timedelta(seconds=index * 7),
            revoked_at=start + timedelta(days=2000) if index % 17 == 0 else None,
            evidence=f"https://consent.example/forms/{index}",
        )
        for index in range(rows)
    ]


def timed(label: str, rows: int, action: Callable[[], object]) -> float:
    print(f"  {label:<34}", end="", flush=True)
    started = time.perf_counter()
    action()
    rate = rows / (time.perf_counter() - started)
    print(f"{rate:>12,.0f} rows/s", flush=True)
    return rate


def upsert_all(database: Database, records: list[ConsentRecord]) -> None:
    with database.writing() as store:
        store.upsert_consent(records)


def consent_batches(records: list[ConsentRecord], size: int = 131_072) -> list[pa.RecordBatch]:
    """The records as the block reader yields them."""
    batches = []
    for start in range(0, len(records), size):
        chunk = records[start : start + size]
        columns = [
            pa.array(range(start + 2, start + 2 + len(chunk)), pa.int64()),
            pa.array([r.called_number for r in chunk], pa.string()),
            pa.array([r.customer_id for r in chunk], pa.string()),
            pa.array([r.consent_type.value for r in chunk], pa.string()),
            pa.array([r.obtained_at for r in chunk], CONSENT_SCHEMA.field("obtained_at").type),
            pa.array([r.revoked_at for r in chunk], CONSENT_SCHEMA.field("revoked_at").type),
            pa.array([r.evidence for r in chunk], pa.string()),
        ]
        batches.append(pa.RecordBatch.from_arrays(columns, schema=CONSENT_SCHEMA))
    return batches


def upsert_batches(database: Database, batches: list[pa.RecordBatch]) -> None:
    with database.writing() as store:
        for batch in batches:
            store.upsert_consent_batch(batch)


def as_tuples(records: list[ConsentRecord]) -> list[tuple[object, ...]]:
    return [
        (
            r.called_number,
            r.customer_id,
            str(r.consent_type),
            as_utc(r.obtained_at),
            as_utc(r.revoked_at),
            r.evidence,
        )
        for r in records
    ]


def sqlite_text(moment: datetime | None) -> str | None:
    utc = as_utc(moment)
    return utc.replace(tzinfo=None).isoformat(" ") if utc else None


def sqlite_reference(path: Path, records: list[ConsentRecord]) -> Callable[[], None]:
    def run() -> None:
        connection = sqlite3.connect(path, isolation_level=None)
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        connection.execute(
            "CREATE TABLE bare (called_number TEXT, customer_id TEXT, consent_type TEXT, "
            "obtained_at TEXT, revoked_at TEXT, evidence TEXT, "
            "PRIMARY KEY (called_number, customer_id, consent_type))"
        )
        connection.execute("BEGIN")
        connection.executemany(
            "INSERT INTO bare VALUES (?, ?, ?, ?, ?, ?)",
            (
                (
                    r.called_number,
                    r.customer_id,
                    str(r.consent_type),
                    sqlite_text(r.obtained_at),
                    sqlite_text(r.revoked_at),
                    r.evidence,
                )
                for r in records
            ),
        )
        connection.execute("COMMIT")
        connection.close()

    return run


def postgres_reference(url: str, records: list[ConsentRecord]) -> Callable[[], None]:
    conninfo = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)

    def run() -> None:
        with psycopg.connect(conninfo) as connection, connection.cursor() as cursor:
            cursor.execute(
                "CREATE TABLE bare (called_number varchar(255), customer_id varchar(255), "
                "consent_type varchar(32), obtained_at timestamptz, revoked_at timestamptz, "
                "evidence text, PRIMARY KEY (called_number, customer_id, consent_type))"
            )
            with cursor.copy("COPY bare FROM STDIN (FORMAT BINARY)") as copy:
                copy.set_types(
                    ["varchar", "varchar", "varchar", "timestamptz", "timestamptz", "text"]
                )
                for row in as_tuples(records):
                    copy.write_row(row)

    return run


@contextmanager
def throwaway_postgres() -> Iterator[str | None]:
    admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text("select 1"))
    except Exception as error:  # no server: report and skip that half
        print(f"  PostgreSQL not reachable ({type(error).__name__}); skipped")
        admin.dispose()
        yield None
        return
    name = f"callwarden_bench_{uuid.uuid4().hex[:12]}"
    with admin.connect() as connection:
        connection.execute(text(f'create database "{name}"'))
    try:
        yield make_url(ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'drop database if exists "{name}" with (force)'))
        admin.dispose()


def bench_database(url: str, records: list[ConsentRecord], reference: Callable[[], None]) -> None:
    rows = len(records)
    batches = consent_batches(records)
    with open_database(url) as database:
        fresh = timed("upsert (new rows)", rows, lambda: upsert_all(database, records))
        again = timed("upsert (reload, unchanged)", rows, lambda: upsert_all(database, records))
        with database.writing() as store:
            store.connection.execute(text("DELETE FROM consent"))
        columnar = timed(
            "upsert batches (new rows)", rows, lambda: upsert_batches(database, batches)
        )
        reloaded = timed("upsert batches (reload)", rows, lambda: upsert_batches(database, batches))
        with database.reading() as store:
            assert store.counts().consent == rows, "every row must be stored exactly once"
    bare = timed("reference: driver bulk insert", rows, reference)
    print(f"  upsert / reference: {fresh / bare:.2f} (new), {again / bare:.2f} (reload)")
    print(f"  batches / reference: {columnar / bare:.2f} (new), {reloaded / bare:.2f} (reload)")


def write_consent_csv(path: Path, records: list[ConsentRecord]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        handle.write("called_number,customer_id,consent_type,obtained_at,revoked_at,evidence\n")
        for r in records:
            obtained = r.obtained_at.isoformat() if r.obtained_at else ""
            revoked = r.revoked_at.isoformat() if r.revoked_at else ""
            handle.write(
                f"{r.called_number},{r.customer_id},{r.consent_type},{obtained},{revoked},"
                f"{r.evidence}\n"
            )


def drain_reader(path: Path) -> None:
    report = ReadReport(source=str(path))
    for _ in read_consent(path, report):
        pass
    assert report.rows_rejected == 0, report.summary()


def drain_block_reader(path: Path) -> None:
    report = ReadReport(source=str(path))
    for _ in read_consent_batches(path, report):
        pass
    assert report.rows_rejected == 0, report.summary()


def arrow_parse(path: Path) -> None:
    reader = pacsv.open_csv(
        path,
        read_options=pacsv.ReadOptions(use_threads=False),
        convert_options=pacsv.ConvertOptions(
            column_types=dict.fromkeys(CONSENT_SCHEMA.names[1:], pa.string())
        ),
    )
    for _ in reader:
        pass


def load_file(url: str, path: Path) -> None:
    with open_database(url) as database:
        (report,) = import_reference_files(database, consent=path)
    assert report.rows_rejected == 0, report.summary()


def run(full: bool) -> None:
    rows = 5_000_000 if full else 1_000_000
    print(f"building {rows:,} consent records ...", flush=True)
    records = consent_records(rows)
    with tempfile.TemporaryDirectory(prefix="callwarden-bench-") as scratch:
        directory = Path(scratch)
        print(f"SQLite ({rows:,} consent rows, one transaction)")
        bench_database(
            f"sqlite:///{directory / 'bench.db'}",
            records,
            sqlite_reference(directory / "reference.db", records),
        )
        print(f"PostgreSQL ({rows:,} consent rows, one transaction)")
        with throwaway_postgres() as url:
            if url is not None:
                bench_database(url, records, postgres_reference(url, records))

        csv_path = directory / "consent.csv"
        write_consent_csv(csv_path, records)
        del records
        print(f"reading consent.csv ({rows:,} rows: parse, check, normalise)")
        parse = timed("reference: Arrow's bare CSV parse", rows, lambda: arrow_parse(csv_path))
        reader = timed("read_consent_batches", rows, lambda: drain_block_reader(csv_path))
        records_rate = timed("read_consent (records)", rows, lambda: drain_reader(csv_path))
        print(f"  reader / bare parse: {reader / parse:.2f} (batches), {records_rate / parse:.2f}")
        print(f"callwarden load --consent ({rows:,}-row CSV: read, normalise, store)")
        sqlite_url = f"sqlite:///{directory / 'load.db'}"
        loaded = timed("load into SQLite", rows, lambda: load_file(sqlite_url, csv_path))
        print(f"  load / reader alone: {loaded / reader:.2f}")
        with throwaway_postgres() as url:
            if url is not None:
                pg_url = url
                loaded = timed("load into PostgreSQL", rows, lambda: load_file(pg_url, csv_path))
                print(f"  load / reader alone: {loaded / reader:.2f}")
