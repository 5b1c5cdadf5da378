"""Ingest rate: ``callwarden ingest`` (read, validate, normalise, deduplicate, commit) of
synthetic CDR files as Parquet and as CSV.gz, beside DuckDB's own rate for a bare
``COPY (SELECT * FROM read_parquet/read_csv(...)) TO ... (FORMAT parquet)`` of the same
files, measured in the same run. Also shown: the reader alone (so the store's share is
visible) and a second ingest of the same files (every row a duplicate).
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import duckdb

from callwarden.formats import read_cdrs
from callwarden.store.calls import CallStore
from callwarden.synth import SynthOptions, synthesize
from callwarden.traffic.ingest import ingest_files


def _timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def _duckdb_copy(files: list[Path], reader: str, target: Path) -> None:
    connection = duckdb.connect()
    connection.execute("set enable_progress_bar = false")
    listed = ", ".join("'" + str(path).replace("'", "''") + "'" for path in files)
    connection.execute(f"copy (select * from {reader}([{listed}])) to '{target}' (format parquet)")
    connection.close()


def _read_only(files: list[Path]) -> int:
    return sum(batch.num_rows for path in files for batch in read_cdrs(path))


def _measure(root: Path, file_format: str, reader: str, days: int, scale: float) -> str:
    """Make the input in ``file_format`` and return one table line of figures."""
    made = synthesize(
        SynthOptions(
            out_dir=root / file_format,
            days=days,
            scale=scale,
            seed=1,
            file_format=file_format,  # type: ignore[arg-type]  # "parquet" or "csv"
        )
    )
    files = sorted((root / file_format / "cdrs").iterdir())
    rows = made.rows
    size_mb = sum(path.stat().st_size for path in files) / 1e6
    store = CallStore(root / f"store-{file_format}")
    rejects = root / "rejects"

    reference = _timed(lambda: _duckdb_copy(files, reader, root / f"ref-{file_format}.pq"))
    reading = _timed(lambda: _read_only(files))
    first = _timed(lambda: ingest_files(files, store, rejects_dir=rejects))
    if store.count() != rows:
        raise AssertionError(f"store holds {store.count():,} calls, synth wrote {rows:,}")
    again = _timed(lambda: ingest_files(files, store, rejects_dir=rejects))
    if store.count() != rows:
        raise AssertionError("a second ingest of the same files changed the store")
    label = f"{file_format} ({size_mb:,.0f} MB)"
    return (
        f"{label:<18} {rows:>12,} {rows / first:>14,.0f} {rows / again:>14,.0f} "
        f"{rows / reading:>14,.0f} {rows / reference:>14,.0f} {first / reference:>9.1f}x"
    )


def run(full: bool) -> None:
    days, scale = (7, 2.0) if full else (2, 0.5)
    print(f"synthetic CDRs: {days} days at scale {scale} (callwarden.synth), one file per day")
    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as scratch:
        lines = [
            _measure(Path(scratch), file_format, reader, days, scale)
            for file_format, reader in (("parquet", "read_parquet"), ("csv", "read_csv"))
        ]
    print(
        f"{'input':<18} {'rows':>12} {'ingest rows/s':>14} {'re-ingest':>14} "
        f"{'reader only':>14} {'DuckDB COPY':>14} {'ingest time':>10}"
    )
    for line in lines:
        print(line)
    print("ingest time: callwarden ingest's wall time over DuckDB's bare COPY of the same files")
