"""Ingest CDR files into the call store: ``callwarden ingest`` without the terminal.

Each file is read with :func:`callwarden.formats.read_cdrs` and appended to a
:class:`~callwarden.store.calls.CallStore`; the store makes re-ingesting idempotent and
a killed run safe to repeat. Nothing is dropped silently:

* every rejected row is written, as it is found, to one JSON Lines file per run under
  ``rejects_dir`` (``ingest-<UTC time>.jsonl``, one object per row with ``source``,
  ``line``, ``column``, ``value`` and ``reason``; the file holds all of them, not just
  the first :data:`~callwarden.formats.report.MAX_KEPT_ERRORS` a report keeps in memory).
  While the run is going the file is named ``.jsonl.partial``; it is renamed when the run
  ends, so a ``.partial`` file is the incomplete list of a run that was killed;
* a file that cannot be used at all (missing, not CSV/Parquet, a required column
  missing) is reported as a whole-file error and the other files still go in. A file
  that breaks part-way (a truncated gzip) keeps the good rows read before the break.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import json
import os
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from queue import Full, Queue
from typing import IO

import pyarrow as pa

from callwarden.errors import InputError
from callwarden.formats import ReadReport, RowError, read_cdrs
from callwarden.progress import NoProgress, Progress
from callwarden.store.calls import CallStore, IngestResult


@dataclass(frozen=True)
class FileIngest:
    """What happened to one input file."""

    path: Path
    report: ReadReport
    #: None when the file could not be read at all.
    result: IngestResult | None
    #: The whole-file error, if any (the rows before it, if any, are in ``result``).
    error: str | None = None

    @property
    def failed(self) -> bool:
        return self.error is not None


@dataclass(frozen=True)
class IngestRun:
    files: list[FileIngest]
    #: The JSON Lines file of rejected rows; None when no row was rejected.
    rejects_path: Path | None
    rejected_rows: int

    @property
    def failed(self) -> bool:
        return any(f.failed for f in self.files)


class RejectsFile:
    """Rejected rows as JSON Lines, created on the first one (a clean run leaves no file)."""

    def __init__(self, directory: Path, *, now: dt.datetime | None = None) -> None:
        stamp = (now or dt.datetime.now(dt.UTC)).strftime("%Y%m%dT%H%M%S.%fZ")
        self.path = directory / f"ingest-{stamp}.jsonl"
        self._partial = self.path.with_name(self.path.name + ".partial")
        self._handle: IO[str] | None = None
        self.rows = 0

    def write(self, error: RowError) -> None:
        if self._handle is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._handle = open(self._partial, "x", encoding="utf-8")  # noqa: SIM115 -- lives across calls
        record = {
            "source": error.source,
            "line": error.line,
            "column": error.column,
            "value": error.value,
            "reason": error.reason,
        }
        self._handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.rows += 1

    def close(self) -> Path | None:
        """Make the file final and durable; its path, or None if nothing was rejected."""
        if self._handle is None:
            return None
        self._handle.flush()
        os.fsync(self._handle.fileno())
        self._handle.close()
        self._handle = None
        os.replace(self._partial, self.path)
        return self.path

    def abandon(self) -> None:
        """Stop writing and leave the file as ``.partial``: the run did not finish."""
        if self._handle is not None:
            self._handle.close()
            self._handle = None


@dataclass
class _ReportToFile(ReadReport):
    """A read report that also streams each rejected row to the run's rejects file."""

    rejects: RejectsFile | None = field(default=None, repr=False, compare=False)

    def reject(self, error: RowError) -> None:
        super().reject(error)
        if self.rejects is not None:
            self.rejects.write(error)


def ingest_files(
    paths: Sequence[Path],
    store: CallStore,
    *,
    rejects_dir: Path,
    progress: Progress | None = None,
    batch_rows: int = 262_144,
) -> IngestRun:
    """Read and append each file in turn; see the module docstring for what is kept where."""
    progress = progress or NoProgress()
    outcomes: list[FileIngest] = []
    rejects = RejectsFile(rejects_dir)
    try:
        for path in paths:
            outcomes.append(_ingest_one(Path(path), store, rejects, progress, batch_rows))
    except BaseException:
        rejects.abandon()
        raise
    return IngestRun(files=outcomes, rejects_path=rejects.close(), rejected_rows=rejects.rows)


def _ingest_one(
    path: Path, store: CallStore, rejects: RejectsFile, progress: Progress, batch_rows: int
) -> FileIngest:
    report = _ReportToFile(source=str(path), rejects=rejects)
    reader = read_cdrs(path, report, batch_rows=batch_rows)
    try:
        # Read up to the first batch before touching the store, so that a file that cannot
        # be used at all leaves no trace in the store's ingest history.
        first = [next(reader)]
    except StopIteration:
        first = []
    except InputError as error:
        return FileIngest(path, report, None, error=str(error))
    broken: list[InputError] = []
    batches = _until_input_error(itertools.chain(first, reader), broken)
    with _read_ahead(batches) as ahead:
        result = store.append(ahead, source=str(path), progress=progress)
    return FileIngest(path, report, result, error=str(broken[0]) if broken else None)


def _until_input_error(
    batches: Iterable[pa.RecordBatch], broken: list[InputError]
) -> Iterator[pa.RecordBatch]:
    """The batches until the reader gives up on the file; the error goes to ``broken`` so
    that the store still commits the good rows read before it."""
    try:
        yield from batches
    except InputError as error:
        broken.append(error)


_DONE = object()


@contextlib.contextmanager
def _read_ahead(
    batches: Iterator[pa.RecordBatch], depth: int = 4
) -> Iterator[Iterator[pa.RecordBatch]]:
    """``batches``, read by a background thread up to ``depth`` batches ahead.

    Reading (Python validation) and the store's commits (Parquet encoding, DuckDB joins,
    both of which release the GIL) then overlap on two cores. The reader's exception, if
    any, is raised in the consumer; leaving the block early stops the thread.
    """
    queue: Queue[object] = Queue(maxsize=depth)
    stop = threading.Event()

    def produce() -> None:
        try:
            for batch in batches:
                while not stop.is_set():
                    try:
                        queue.put(batch, timeout=0.1)
                        break
                    except Full:
                        continue
                if stop.is_set():
                    return
            item: object = _DONE
        except BaseException as error:  # handed to the consumer, which re-raises it
            item = _Failure(error)
        while not stop.is_set():
            try:
                queue.put(item, timeout=0.1)
                return
            except Full:
                continue

    def consume() -> Iterator[pa.RecordBatch]:
        while True:
            item = queue.get()
            if item is _DONE:
                return
            if isinstance(item, _Failure):
                raise item.error
            assert isinstance(item, pa.RecordBatch)
            yield item

    thread = threading.Thread(target=produce, name="cdr-reader", daemon=True)
    thread.start()
    try:
        yield consume()
    finally:
        stop.set()
        thread.join()


@dataclass(frozen=True)
class _Failure:
    error: BaseException
