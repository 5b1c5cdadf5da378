"""The call store: every call record ever ingested, as Parquet files partitioned by day,
queried with DuckDB (design.md, "Embedded by default, real at scale").

Layout under the store's root (``Settings.call_store_dir``)::

    _manifest.json                      the list of live files and the ingest history
    _lock                               held (flock) by the one writer
    _staging/                           a writer's scratch space; garbage when no writer runs
    day=2026-11-22/part-<uuid>.parquet  data: exactly callwarden.calls.STORED_CDR_SCHEMA
                                        (CDR_SCHEMA and the numbers' digits), sorted by
                                        start_time; ``day`` (UTC date of start_time) is in
                                        the path only, Hive style, so Spark reads it as is
                                        (files written before the digits were added lack
                                        them; readers compute them, see cdr_select_sql)

Key and idempotency. ``call_id`` is the key, and a call_id's day is fixed by its
start_time (the INVITE time does not change between exports), so duplicates are found per
day partition: the store never holds two rows with the same day and call_id, and when one
is offered again (the same file twice, overlapping files, duplicates inside one file) the
row already held, or the first one offered, wins. Each commit groups its chunk by (day,
call_id) in DuckDB and anti-joins the firsts against the ``call_id`` column of only the
days the chunk touches, so the cost of an ingest follows the days it covers, not the size
of the store. (A call_id offered again with a start_time on another day is kept on both
days: the store does not scan every day to look for it.)

Crash safety. The manifest is the only truth about what the store holds. A writer takes
the lock, and for every chunk of ``commit_rows`` rows it (1) writes the new rows to
``_staging`` and fsyncs them, (2) renames the files into their day directories and fsyncs
those, (3) writes the new manifest to a temporary file, fsyncs it and ``os.replace``-s it
over the old one (atomic on POSIX), then fsyncs the root. A kill at any moment leaves either
the old manifest or the new one; Parquet files that no manifest lists (a half-written
staging file, or a renamed file whose commit never happened) are deleted when the next
writer opens the store. Because each committed chunk is deduplicated against what is
already held, running the same ingest again after a kill skips what the killed run had
committed and adds the rest: the store ends exactly as if the ingest had run once.
Readers never take the lock and never see an uncommitted file: :meth:`CallStore.connect`
and :meth:`CallStore.files` read the files the manifest names. Tools that list the
directories instead (Spark over ``day=*``) should read :meth:`CallStore.files`, because
only the next writer removes the leftovers of a killed one. Files are never rewritten or
deleted once live, so a reader holding an older manifest keeps working.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import json
import os
import shutil
import uuid
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from callwarden.calls import (
    CDR_COLUMNS,
    CDR_SCHEMA,
    NUMBER_DIGITS_COLUMNS,
    REPEATING_CDR_COLUMNS,
    STATISTICS_CDR_COLUMNS,
    STORED_CDR_SCHEMA,
    cdr_select_sql,
    with_number_digits,
)
from callwarden.errors import StoreError
from callwarden.progress import NoProgress, Progress
from callwarden.store import DEFAULT_COMMIT_ROWS

MANIFEST_NAME = "_manifest.json"
LOCK_NAME = "_lock"
STAGING_NAME = "_staging"
MANIFEST_FORMAT = 1


_ROW_GROUP_ROWS = 131_072
_MICROSECONDS_PER_DAY = 86_400_000_000
_EPOCH_DAY = dt.date(1970, 1, 1)

#: DuckDB types of the CDR columns, for the typed empty view of an empty store.
_DUCKDB_TYPES: Mapping[pa.DataType, str] = {
    pa.string(): "VARCHAR",
    pa.timestamp("us", tz="UTC"): "TIMESTAMPTZ",
    pa.int32(): "INTEGER",
    pa.int16(): "SMALLINT",
    pa.int64(): "BIGINT",
}


@dataclass(frozen=True)
class IngestResult:
    """What one :meth:`CallStore.append` did."""

    source: str
    rows_offered: int
    rows_added: int
    added_per_day: Mapping[dt.date, int] = field(default_factory=dict)

    @property
    def duplicates_skipped(self) -> int:
        return self.rows_offered - self.rows_added


@dataclass(frozen=True)
class StoredFile:
    """One live Parquet file: its path relative to the root, its day and row count."""

    path: str
    day: dt.date
    rows: int


@dataclass(frozen=True)
class IngestRecord:
    """One completed append, as the manifest remembers it."""

    source: str
    rows_offered: int
    rows_added: int
    finished_at: str


@dataclass(frozen=True)
class _Manifest:
    files: tuple[StoredFile, ...] = ()
    ingests: tuple[IngestRecord, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "format": MANIFEST_FORMAT,
            "files": [
                {"path": f.path, "day": f.day.isoformat(), "rows": f.rows} for f in self.files
            ],
            "ingests": [
                {
                    "source": i.source,
                    "rows_offered": i.rows_offered,
                    "rows_added": i.rows_added,
                    "finished_at": i.finished_at,
                }
                for i in self.ingests
            ],
        }

    @classmethod
    def from_json(cls, data: Any, where: Path) -> _Manifest:
        try:
            if data["format"] != MANIFEST_FORMAT:
                raise StoreError(f"{where}: unknown manifest format {data['format']!r}")
            files = tuple(
                StoredFile(str(f["path"]), dt.date.fromisoformat(f["day"]), int(f["rows"]))
                for f in data["files"]
            )
            ingests = tuple(
                IngestRecord(
                    str(i["source"]),
                    int(i["rows_offered"]),
                    int(i["rows_added"]),
                    str(i["finished_at"]),
                )
                for i in data["ingests"]
            )
        except (KeyError, TypeError, ValueError) as error:
            raise StoreError(f"{where}: malformed manifest ({error!r})") from error
        return cls(files, ingests)


class CallStore:
    """Call records under ``root``: append with :meth:`append`, query with :meth:`connect`."""

    def __init__(self, root: Path, *, commit_rows: int = DEFAULT_COMMIT_ROWS) -> None:
        if commit_rows < 1:
            raise ValueError("commit_rows must be positive")
        self.root = Path(root)
        self.commit_rows = commit_rows

    # -- reading -----------------------------------------------------------------------

    def files(self) -> list[Path]:
        """The live Parquet files, in commit order (what Spark or any other reader should read)."""
        return [self.root / f.path for f in self._read_manifest().files]

    def count(self) -> int:
        """Number of calls held (from the manifest; no scan)."""
        return sum(f.rows for f in self._read_manifest().files)

    def days(self) -> list[dt.date]:
        """The days that hold at least one call, ascending."""
        return sorted(self.day_counts())

    def day_counts(self) -> dict[dt.date, int]:
        """Calls held per day."""
        counts: dict[dt.date, int] = {}
        for f in self._read_manifest().files:
            counts[f.day] = counts.get(f.day, 0) + f.rows
        return counts

    def ingests(self) -> list[IngestRecord]:
        """Every completed append, oldest first."""
        return list(self._read_manifest().ingests)

    def register(self, connection: duckdb.DuckDBPyConnection, name: str = "calls") -> None:
        """Create (or replace) view ``name`` over the calls held now, with a ``day`` DATE
        column, on an existing DuckDB connection. Later appends are not seen by this view
        until it is registered again."""
        paths = [str(path) for path in self.files()]
        if paths:
            # Columns named, so that a "key=value" directory above the root cannot add one.
            # A view cannot take parameters, so the file list is inlined as quoted literals.
            with_digits = files_with_number_digits(paths)
            columns = cdr_select_sql(with_digits, len(paths))
            files = ", ".join(sql_literal(path) for path in paths)
            view = f"create or replace view {_identifier(name)} as select {columns}, day"
            # files from before the digits beside newer ones: their columns are matched by name
            mixed = ", union_by_name = true" if 0 < with_digits < len(paths) else ""
            connection.execute(
                f"{view} from read_parquet([{files}], hive_partitioning = true, "
                f"hive_types = {{'day': DATE}}{mixed})"
            )
            return
        columns = ", ".join(
            f"cast(null as {_DUCKDB_TYPES[column.type]}) as {column.name}"
            for column in STORED_CDR_SCHEMA
        )
        connection.execute(
            f"create or replace view {_identifier(name)} as "
            f"select {columns}, cast(null as DATE) as day where false"
        )

    def connect(self) -> duckdb.DuckDBPyConnection:
        """A new in-memory DuckDB connection (time zone UTC) with a ``calls`` view."""
        connection = _new_connection()
        self.register(connection)
        return connection

    # -- writing -----------------------------------------------------------------------

    def append(
        self,
        batches: Iterable[pa.RecordBatch],
        *,
        source: str,
        progress: Progress | None = None,
    ) -> IngestResult:
        """Add the calls in ``batches`` (CDR_SCHEMA) whose call_id the store does not hold.

        Commits every ``commit_rows`` rows, so a kill loses at most the chunk in flight;
        running the same append again then adds exactly what is missing.
        """
        progress = progress or NoProgress()
        with self._writer_lock():
            self._collect_garbage()
            manifest = self._read_manifest()
            connection = _new_connection(spill_dir=self.root / STAGING_NAME / "spill")
            offered = 0
            added: dict[dt.date, int] = {}
            pending: list[pa.RecordBatch] = []
            pending_rows = 0
            progress.start(f"ingest {source}")
            try:
                for offered_batch in batches:
                    batch = _conform(offered_batch, source)
                    if batch.num_rows == 0:
                        continue
                    pending.append(batch)
                    pending_rows += batch.num_rows
                    offered += batch.num_rows
                    progress.advance(batch.num_rows, rows=batch.num_rows)
                    if pending_rows >= self.commit_rows:
                        manifest = self._commit_chunk(connection, manifest, pending, added)
                        pending, pending_rows = [], 0
                # The last chunk and the record of the whole append commit together.
                self._commit_chunk(connection, manifest, pending, added, finished=(source, offered))
            finally:
                progress.finish()
                connection.close()
                shutil.rmtree(self.root / STAGING_NAME, ignore_errors=True)
        return IngestResult(
            source=source,
            rows_offered=offered,
            rows_added=sum(added.values()),
            added_per_day=dict(sorted(added.items())),
        )

    def _commit_chunk(
        self,
        connection: duckdb.DuckDBPyConnection,
        manifest: _Manifest,
        batches: list[pa.RecordBatch],
        added: dict[dt.date, int],
        *,
        finished: tuple[str, int] | None = None,
    ) -> _Manifest:
        """Write the new rows of ``batches`` and commit them in one manifest; with
        ``finished`` (source, rows offered), also record the append as complete."""
        new_files: list[StoredFile] = []
        if batches:
            new_files = self._write_new_rows(connection, manifest, batches)
        if not new_files and finished is None:
            return manifest
        for stored in new_files:
            added[stored.day] = added.get(stored.day, 0) + stored.rows
        record = None
        if finished is not None:
            record = IngestRecord(
                source=finished[0],
                rows_offered=finished[1],
                rows_added=sum(added.values()),
                finished_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            )
        updated = _Manifest(
            files=manifest.files + tuple(new_files),
            ingests=manifest.ingests + ((record,) if record else ()),
        )
        self._write_manifest(updated)
        return updated

    def _write_new_rows(
        self,
        connection: duckdb.DuckDBPyConnection,
        manifest: _Manifest,
        batches: list[pa.RecordBatch],
    ) -> list[StoredFile]:
        """Deduplicate one chunk, write each of its days to one file, and move the files into
        their day directories. Returns the files placed; they are live once a manifest
        lists them."""
        chunk = pa.Table.from_batches(batches, schema=STORED_CDR_SCHEMA)
        micros = pc.cast(chunk.column("start_time"), pa.int64()).to_numpy()
        day_numbers = np.floor_divide(micros, _MICROSECONDS_PER_DAY).astype(np.int32)
        keep = self._rows_to_keep(connection, manifest, chunk["call_id"], day_numbers)
        if len(keep) < chunk.num_rows:
            chunk, micros, day_numbers = chunk.take(keep), micros[keep], day_numbers[keep]
        if chunk.num_rows == 0:
            return []
        # Sorted by start_time, so that row-group statistics let time-window queries skip
        # most of a day; the day order follows, since a day is a function of start_time.
        if len(micros) > 1 and not bool(np.all(micros[1:] >= micros[:-1])):
            order = np.argsort(micros, kind="stable")
            chunk, day_numbers = chunk.take(order), day_numbers[order]
        starts = np.concatenate([[0], np.flatnonzero(np.diff(day_numbers)) + 1])
        ends = np.concatenate([starts[1:], [len(day_numbers)]])
        staging = self.root / STAGING_NAME
        staging.mkdir(parents=True, exist_ok=True)
        placed: list[StoredFile] = []
        for start, end in zip(starts.tolist(), ends.tolist(), strict=True):
            day = _EPOCH_DAY + dt.timedelta(days=int(day_numbers[start]))
            name = f"part-{uuid.uuid4().hex}.parquet"
            written = staging / name
            pq.write_table(
                chunk.slice(start, end - start),
                written,
                compression="zstd",
                compression_level=1,
                row_group_size=_ROW_GROUP_ROWS,
                use_dictionary=list(REPEATING_CDR_COLUMNS),
                write_statistics=list(STATISTICS_CDR_COLUMNS),
            )
            _fsync_file(written)
            target_dir = self.root / f"day={day.isoformat()}"
            if not target_dir.exists():
                target_dir.mkdir()
                _fsync_dir(self.root)
            os.rename(written, target_dir / name)
            _fsync_dir(target_dir)
            placed.append(StoredFile(f"{target_dir.name}/{name}", day, end - start))
        return placed

    def _rows_to_keep(
        self,
        connection: duckdb.DuckDBPyConnection,
        manifest: _Manifest,
        call_ids: pa.ChunkedArray,
        day_numbers: np.ndarray,
    ) -> np.ndarray:
        """Positions, ascending, of the chunk's rows to add: the first of each (day, call_id)
        in the chunk, unless the store already holds that call_id on that day."""
        touched = {_EPOCH_DAY + dt.timedelta(days=int(n)) for n in np.unique(day_numbers)}
        held = [str(self.root / f.path) for f in manifest.files if f.day in touched]
        keys = pa.table(
            {
                "call_id": call_ids,
                "day": pa.array(day_numbers, pa.int32()).cast(pa.date32()),
                "position": pa.array(np.arange(len(day_numbers), dtype=np.int64)),
            }
        )
        connection.register("keys", keys)
        try:
            if held:
                # Only the call_id column of the touched days is read (projection and
                # partition pruning), so the cost follows the days ingested, not the store.
                found = connection.execute(
                    "select firsts.position from (select min(position) as position, day, "
                    "call_id from keys group by day, call_id) as firsts anti join "
                    "(select call_id, day from read_parquet($held, hive_partitioning = true, "
                    "hive_types = {'day': DATE})) as held "
                    "on firsts.day = held.day and firsts.call_id = held.call_id",
                    {"held": held},
                ).fetchnumpy()
            else:
                found = connection.execute(
                    "select min(position) as position from keys group by day, call_id"
                ).fetchnumpy()
        finally:
            connection.unregister("keys")
        return np.sort(np.asarray(found["position"], dtype=np.int64))

    # -- files, lock and manifest -------------------------------------------------------

    @contextlib.contextmanager
    def _writer_lock(self) -> Iterator[None]:
        self.root.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.root / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            try:
                # flock dies with its process, so a killed writer never leaves a stale lock.
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise StoreError(
                    f"{self.root}: another process is writing to this call store"
                ) from None
            yield
        finally:
            os.close(fd)  # closing the descriptor releases the lock

    def _collect_garbage(self) -> None:
        """Delete what a killed writer left: staging, and day files no manifest lists."""
        shutil.rmtree(self.root / STAGING_NAME, ignore_errors=True)
        with contextlib.suppress(FileNotFoundError):
            (self.root / (MANIFEST_NAME + ".tmp")).unlink()
        live = {f.path for f in self._read_manifest().files}
        for day_dir in self.root.glob("day=*"):
            for path in day_dir.iterdir():
                if path.is_file() and f"{day_dir.name}/{path.name}" not in live:
                    path.unlink()

    def _read_manifest(self) -> _Manifest:
        path = self.root / MANIFEST_NAME
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return _Manifest()
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise StoreError(f"{path}: manifest is not valid JSON ({error})") from error
        return _Manifest.from_json(data, path)

    def _write_manifest(self, manifest: _Manifest) -> None:
        path = self.root / MANIFEST_NAME
        temporary = self.root / (MANIFEST_NAME + ".tmp")
        with open(temporary, "w", encoding="utf-8") as handle:
            json.dump(manifest.to_json(), handle, separators=(",", ":"))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
        _fsync_dir(self.root)


def files_with_number_digits(paths: Iterable[str | Path]) -> int:
    """How many of the Parquet files carry the digits columns of STORED_CDR_SCHEMA (the
    call store's files since they were added; its older files and other CDR Parquet
    don't). Reads each footer, as DuckDB's ``union_by_name`` does anyway."""
    wanted = set(NUMBER_DIGITS_COLUMNS.values())
    found = 0
    for path in paths:
        try:
            names = set(pq.read_schema(path).names)
        except (OSError, pa.ArrowInvalid) as error:
            raise StoreError(f"{path}: not a readable Parquet file ({error})") from None
        found += wanted <= names
    return found


def _conform(batch: pa.RecordBatch, source: str) -> pa.RecordBatch:
    """``batch`` (CDR_SCHEMA) as exactly STORED_CDR_SCHEMA, its numbers' digits computed
    here, or a StoreError naming what differs."""
    if batch.schema.equals(CDR_SCHEMA):
        conformed = batch
    else:
        missing = [name for name in CDR_COLUMNS if name not in batch.schema.names]
        if missing:
            raise StoreError(f"{source}: record batch lacks column(s) {', '.join(missing)}")
        for column in CDR_SCHEMA:
            got = batch.schema.field(column.name).type
            if got != column.type:
                raise StoreError(
                    f"{source}: column {column.name!r} is {got}, the call store needs {column.type}"
                )
        conformed = pa.RecordBatch.from_arrays(
            [batch.column(name) for name in CDR_COLUMNS], schema=CDR_SCHEMA
        )
    for column in CDR_SCHEMA:
        if not column.nullable and conformed.column(column.name).null_count:
            raise StoreError(f"{source}: column {column.name!r} holds nulls")
    return with_number_digits(conformed)


def _new_connection(*, spill_dir: Path | None = None) -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect()
    # The day of a call is its UTC date, whatever the machine's local zone.
    connection.execute("set TimeZone = 'UTC'")
    if spill_dir is not None:  # a writer's connection: no progress bar on the terminal
        connection.execute("set enable_progress_bar = false")
        connection.execute(f"set temp_directory = {sql_literal(str(spill_dir))}")
    return connection


def _identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def sql_literal(text: str) -> str:
    """``text`` as a SQL string literal (single quotes doubled)."""
    return "'" + text.replace("'", "''") + "'"


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    """Make a rename or a new entry in ``path`` durable (POSIX needs the directory synced)."""
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
