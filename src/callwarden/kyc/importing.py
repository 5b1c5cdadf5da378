"""Loading the provider's reference files into the relational store: customers, their
numbers, consent, Do-Not-Originate numbers and the FCC's Robocall Mitigation Database.

Each file is read by its reader in :mod:`callwarden.formats` and written in **one
transaction**: a crash or kill mid-file leaves the store as it was before the file, and
running the import again completes it (every write is an idempotent upsert, so a file
loaded twice leaves the same rows). Bad rows are reported with file, line and reason,
and the good rows around them are loaded. Besides the readers' own checks, the store
rejects rows that would break its references:

- a number granted to an account that does not exist (load customers first, or in the
  same call: files are loaded customers -> numbers -> consent -> dno -> rmd);
- an account whose parent is neither in the store nor anywhere in the same file, is
  itself, or would close a loop (A under B under A): a parent chain is how a call is
  attributed to a reseller and its client, so it must end;
- a value its column cannot hold (a NUL character, an identifier over 255 characters),
  which PostgreSQL would refuse by aborting the whole file.

Rows may name a parent that comes later in the file: such rows wait (in memory, only
those) until their parent is written.

Numbers, consent and DNO files (the ones with millions of rows) go through the block
readers of :mod:`callwarden.formats` and into the store as Arrow batches, each row with
its exact line, so the store's own rejections name the true line. Customers and RMD
filings (and any reader passed in) go record by record; there the line of a store
rejection is counted from the reader's progress (header = line 1, one line per row
read): exact for the usual file, shifted by blank lines or line breaks inside quoted
fields before the row, so each such error also names the offending value.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from callwarden.customers import ConsentRecord, Customer, NumberGrant
from callwarden.errors import InputError
from callwarden.formats import (
    ReadReport,
    RowError,
    read_consent,
    read_consent_batches,
    read_customers,
    read_dno,
    read_dno_batches,
    read_numbers,
    read_numbers_batches,
    read_rmd,
)
from callwarden.lists import DnoEntry, RmdFiling
from callwarden.progress import NoProgress, Progress
from callwarden.store.relational import (
    BATCH_ROWS,
    Database,
    ImportRun,
    ReferenceRecord,
    ReferenceStore,
    unstorable_rows,
    unstorable_value,
)

__all__ = [
    "ReferenceImportError",
    "ReferenceKind",
    "import_reference_file",
    "import_reference_files",
]

_R = TypeVar("_R")
_Record = TypeVar("_Record", bound=ReferenceRecord)

#: Progress is reported every this many rows.
_PROGRESS_EVERY = 10_000

_GZIP_MAGIC = b"\x1f\x8b"


class ReferenceKind(StrEnum):
    """The reference files of formats.md sections 2 and 3, in the order they load."""

    CUSTOMERS = "customers"
    NUMBERS = "numbers"
    CONSENT = "consent"
    DNO = "dno"
    RMD = "rmd"


Reader = Callable[[Path, ReadReport], Iterator[Any]]


#: The reader of each kind of file (callwarden.formats).
READERS: dict[ReferenceKind, Reader] = {
    ReferenceKind.CUSTOMERS: read_customers,
    ReferenceKind.NUMBERS: read_numbers,
    ReferenceKind.CONSENT: read_consent,
    ReferenceKind.DNO: read_dno,
    ReferenceKind.RMD: read_rmd,
}


BatchReader = Callable[[Path, ReadReport], Iterator[pa.RecordBatch]]

#: The block reader of each high-volume kind: Arrow batches with a ``line`` column.
BATCH_READERS: dict[ReferenceKind, BatchReader] = {
    ReferenceKind.NUMBERS: read_numbers_batches,
    ReferenceKind.CONSENT: read_consent_batches,
    ReferenceKind.DNO: read_dno_batches,
}


def import_reference_files(
    database: Database,
    *,
    customers: Path | None = None,
    numbers: Path | None = None,
    consent: Path | None = None,
    dno: Path | None = None,
    rmd: Path | None = None,
    progress: Progress | None = None,
) -> list[ReadReport]:
    """Load the given files, each in its own transaction, customers first (numbers refer
    to them). Returns one report per file, in load order.

    A file that cannot be used at all (missing, unreadable, a required column absent)
    raises :class:`ReferenceImportError`, which carries the reports of the files before
    it (committed); the files after it are not loaded.
    """
    given = {
        ReferenceKind.CUSTOMERS: customers,
        ReferenceKind.NUMBERS: numbers,
        ReferenceKind.CONSENT: consent,
        ReferenceKind.DNO: dno,
        ReferenceKind.RMD: rmd,
    }
    loaded: list[ReadReport] = []
    for kind, path in given.items():
        if path is None:
            continue
        try:
            loaded.append(import_reference_file(database, kind, path, progress=progress))
        except InputError as error:
            # Later files may depend on this one (numbers on customers): stop here.
            raise ReferenceImportError(str(error), loaded=loaded) from error
    return loaded


class ReferenceImportError(InputError):
    """A reference file could not be used at all; ``loaded`` are the reports of the files
    committed before it."""

    def __init__(self, message: str, *, loaded: list[ReadReport]) -> None:
        super().__init__(message)
        self.loaded = loaded


def import_reference_file(
    database: Database,
    kind: ReferenceKind,
    path: Path,
    *,
    progress: Progress | None = None,
    reader: Reader | None = None,
) -> ReadReport:
    """Load one reference file in one transaction and record it in ``import_runs``.

    ``reader`` (records, as the :mod:`callwarden.formats` readers yield them) defaults
    to the block reader of ``kind`` where it has one, else to its record reader.
    """
    progress = progress or NoProgress()
    read = reader or READERS[kind]
    batched = reader is None and kind in BATCH_READERS
    fingerprint = _fingerprint(path)
    report = ReadReport(source=str(path))
    started_at = datetime.now(UTC)
    progress.start(f"loading {kind.value} from {path.name}", total=fingerprint.data_lines)
    try:
        with database.writing() as store:
            if batched:
                batches = _storable_batches(
                    _with_progress(BATCH_READERS[kind](path, report), report, progress),
                    _RECORD_TYPES[kind],
                    report,
                )
                _BATCH_LOADERS[kind](store, batches, report)
            else:
                rows = _storable(_with_lines(read(path, report), report, progress), report)
                _LOADERS[kind](store, rows, report)
            store.record_import_run(
                ImportRun(
                    kind=kind.value,
                    source=str(path.resolve()),
                    checksum_sha256=fingerprint.sha256,
                    started_at=started_at,
                    finished_at=datetime.now(UTC),
                    rows_read=report.rows_read,
                    rows_accepted=report.rows_accepted,
                    rows_rejected=report.rows_rejected,
                )
            )
    finally:
        progress.finish()
    return report


# ----------------------------------------------------------------------------- plumbing


@dataclass(frozen=True)
class _Fingerprint:
    sha256: str
    #: lines after the header, for the progress total (None for a compressed file)
    data_lines: int | None


def _fingerprint(path: Path) -> _Fingerprint:
    """The file's SHA-256 (for the audit trail) and its line count (for progress)."""
    digest = hashlib.sha256()
    lines = 0
    last = b""
    first = b""
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                first = first or chunk[:2]
                digest.update(chunk)
                lines += chunk.count(b"\n")
                last = chunk
    except OSError as error:
        raise InputError(f"cannot read file: {error.strerror or error}", source=str(path)) from None
    if last and not last.endswith(b"\n"):
        lines += 1
    # A compressed file's line count says nothing about its rows: no total then.
    compressed = path.suffix.lower() == ".gz" or first.startswith(_GZIP_MAGIC)
    return _Fingerprint(digest.hexdigest(), None if compressed else max(lines - 1, 0))


def _with_lines(
    records: Iterator[_R], report: ReadReport, progress: Progress
) -> Iterator[tuple[_R, int]]:
    """Each record with its line (header = 1), advancing progress as rows are read."""
    reported = 0
    for count, record in enumerate(records, 1):
        yield record, report.rows_read + 1
        if count % _PROGRESS_EVERY == 0:
            progress.advance(report.rows_read - reported, rows=report.rows_read - reported)
            reported = report.rows_read
    progress.advance(report.rows_read - reported, rows=report.rows_read - reported)


def _storable(
    rows: Iterator[tuple[_Record, int]], report: ReadReport
) -> Iterator[tuple[_Record, int]]:
    """The rows whose every value fits its column; the others rejected."""
    for record, line in rows:
        problem = unstorable_value(record)
        if problem is None:
            yield record, line
        else:
            column, value, reason = problem
            _reject(report, line, reason, column, value)


def _with_progress(
    batches: Iterator[pa.RecordBatch], report: ReadReport, progress: Progress
) -> Iterator[pa.RecordBatch]:
    """The batches, advancing progress by the rows read (good and bad) for each."""
    reported = 0
    for batch in batches:
        yield batch
        progress.advance(report.rows_read - reported, rows=report.rows_read - reported)
        reported = report.rows_read
    progress.advance(report.rows_read - reported, rows=report.rows_read - reported)


def _storable_batches(
    batches: Iterator[pa.RecordBatch], record_type: type[ReferenceRecord], report: ReadReport
) -> Iterator[pa.RecordBatch]:
    """The batches without the rows holding a value their column cannot hold (rejected
    at their lines)."""
    for batch in batches:
        problems = unstorable_rows(record_type, batch)
        if not problems:
            yield batch
            continue
        lines = batch.column("line").to_pylist()
        keep = np.ones(batch.num_rows, bool)
        for row, column, value, reason in problems:
            _reject(report, lines[row], reason, column, value)
            keep[row] = False
        yield batch.filter(pa.array(keep))


def _batches(items: Iterable[_R], size: int = BATCH_ROWS) -> Iterator[list[_R]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _reject(report: ReadReport, line: int, reason: str, column: str, value: str) -> None:
    """Turn a row the reader accepted into a rejected one."""
    report.rows_accepted -= 1
    report.reject(RowError(report.source, line, reason, column, value))


# ----------------------------------------------------------------------------- loaders


class _CustomerLoader:
    """Writes accounts in file order, holding back those whose parent is not written yet.

    ``current`` maps each account of the batch (and each parent it names) to the parent it
    has in the store once ``ready`` is written; ``waiting`` maps a parent id nobody has
    seen yet to the rows that name it.
    """

    def __init__(self, store: ReferenceStore, report: ReadReport) -> None:
        self.store = store
        self.report = report
        self.waiting: defaultdict[str, list[tuple[Customer, int]]] = defaultdict(list)
        self.current: dict[str, str | None] = {}
        self.looked_up: set[str] = set()
        self.ready: list[Customer] = []

    def load(self, rows: Iterator[tuple[Customer, int]]) -> None:
        for batch in _batches(rows):
            ids = {customer.customer_id for customer, _ in batch}
            parents = {customer.parent_id for customer, _ in batch if customer.parent_id}
            self.looked_up = ids | parents
            self.current = self.store.existing_customers(self.looked_up)
            for customer, line in batch:
                self.consider(customer, line)
            self.flush()
        orphans = sorted(
            (line, parent) for parent, children in self.waiting.items() for _, line in children
        )
        for line, parent in orphans:
            reason = "parent_id names no account in the store or in this file"
            _reject(self.report, line, reason, "parent_id", parent)

    def flush(self) -> None:
        self.store.upsert_customers(self.ready)
        self.ready.clear()

    def consider(self, customer: Customer, line: int) -> None:
        # Iterative, not recursive: a file listing a deep chain child-first releases the
        # whole chain when its top arrives.
        todo = [(customer, line)]
        while todo:
            candidate, candidate_line = todo.pop()
            if self.accept(candidate, candidate_line):
                released = self.waiting.pop(candidate.customer_id, [])
                # Rows from earlier batches: one lookup for all the children released
                # together (a reseller listed after its thousands of sub-accounts).
                self.look_up({child.customer_id for child, _ in released})
                todo.extend(reversed(released))

    def look_up(self, customer_ids: set[str]) -> None:
        unknown = customer_ids - self.looked_up
        if unknown:
            self.current.update(self.store.existing_customers(unknown))
            self.looked_up |= unknown

    def accept(self, customer: Customer, line: int) -> bool:
        parent = customer.parent_id
        if parent == customer.customer_id:
            _reject(self.report, line, "an account cannot be its own parent", "parent_id", parent)
            return False
        account = customer.customer_id
        self.look_up({account, parent or account})
        if parent is not None and parent not in self.current:
            self.waiting[parent].append((customer, line))
            return False
        moves = account in self.current and self.current[account] != parent
        if parent is not None and moves:
            # Re-parenting an account that may have children of its own can close a loop:
            # look up the new parent's chain with everything so far written.
            self.flush()
            chain = [ancestor.customer_id for ancestor in self.store.customer_chain(parent)]
            if account in chain:
                path = " -> ".join([account, *chain[: chain.index(account) + 1]])
                reason = f"parent_id would make a loop ({path})"
                _reject(self.report, line, reason, "parent_id", parent)
                return False
        self.ready.append(customer)
        self.current[account] = parent
        return True


def _load_customers(
    store: ReferenceStore, rows: Iterator[tuple[Customer, int]], report: ReadReport
) -> None:
    _CustomerLoader(store, report).load(rows)


def _load_numbers(
    store: ReferenceStore, rows: Iterator[tuple[NumberGrant, int]], report: ReadReport
) -> None:
    for batch in _batches(rows):
        known = store.existing_customers({grant.customer_id for grant, _ in batch})
        granted: list[NumberGrant] = []
        for grant, line in batch:
            if grant.customer_id in known:
                granted.append(grant)
            else:
                _reject(
                    report,
                    line,
                    "customer_id names no account (load customers first)",
                    "customer_id",
                    grant.customer_id,
                )
        store.upsert_number_grants(granted)


def _load_consent(
    store: ReferenceStore, rows: Iterator[tuple[ConsentRecord, int]], _report: ReadReport
) -> None:
    store.upsert_consent(record for record, _ in rows)


def _load_dno(
    store: ReferenceStore, rows: Iterator[tuple[DnoEntry, int]], _report: ReadReport
) -> None:
    store.upsert_dno(entry for entry, _ in rows)


def _load_rmd(
    store: ReferenceStore, rows: Iterator[tuple[RmdFiling, int]], _report: ReadReport
) -> None:
    store.upsert_rmd_filings(filing for filing, _ in rows)


_LOADERS: dict[ReferenceKind, Callable[[ReferenceStore, Iterator[Any], ReadReport], None]] = {
    ReferenceKind.CUSTOMERS: _load_customers,
    ReferenceKind.NUMBERS: _load_numbers,
    ReferenceKind.CONSENT: _load_consent,
    ReferenceKind.DNO: _load_dno,
    ReferenceKind.RMD: _load_rmd,
}


def _load_number_batches(
    store: ReferenceStore, batches: Iterator[pa.RecordBatch], report: ReadReport
) -> None:
    for batch in batches:
        named = batch.column("customer_id")
        known = store.existing_customers(set(pc.unique(named).to_pylist()))
        granted = np.asarray(
            pc.is_in(named, pa.array(sorted(known), pa.string())).to_numpy(zero_copy_only=False),
            dtype=bool,
        )
        if granted.all():
            store.upsert_number_grants_batch(batch)
            continue
        lines = batch.column("line").to_pylist()
        for row in np.flatnonzero(~granted).tolist():
            _reject(
                report,
                lines[row],
                "customer_id names no account (load customers first)",
                "customer_id",
                named[row].as_py(),
            )
        store.upsert_number_grants_batch(batch.filter(pa.array(granted)))


def _load_consent_batches(
    store: ReferenceStore, batches: Iterator[pa.RecordBatch], _report: ReadReport
) -> None:
    for batch in batches:
        store.upsert_consent_batch(batch)


def _load_dno_batches(
    store: ReferenceStore, batches: Iterator[pa.RecordBatch], _report: ReadReport
) -> None:
    for batch in batches:
        store.upsert_dno_batch(batch)


_BATCH_LOADERS: dict[
    ReferenceKind, Callable[[ReferenceStore, Iterator[pa.RecordBatch], ReadReport], None]
] = {
    ReferenceKind.NUMBERS: _load_number_batches,
    ReferenceKind.CONSENT: _load_consent_batches,
    ReferenceKind.DNO: _load_dno_batches,
}

_RECORD_TYPES: dict[ReferenceKind, type[ReferenceRecord]] = {
    ReferenceKind.NUMBERS: NumberGrant,
    ReferenceKind.CONSENT: ConsentRecord,
    ReferenceKind.DNO: DnoEntry,
}
