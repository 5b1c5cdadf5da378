"""Call detail records (formats.md section 1): CSV, CSV.gz or Parquet in, Arrow record
batches of :data:`callwarden.calls.CDR_SCHEMA` out.

Streaming in bounded memory: text files are parsed one block at a time by
:mod:`callwarden.formats._blocks` (which gives every row its physical line, header =
line 1, and documents how malformed CSV is reported), Parquet files one row batch at a
time (line = row number); each batch is validated with vectorised kernels, bad rows are
reported and the good ones yielded.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from callwarden.calls import CDR_SCHEMA, OPTIONAL_TEXT_COLUMNS, REQUIRED_COLUMNS
from callwarden.errors import InputError
from callwarden.formats import _columns as columns
from callwarden.formats._blocks import MAX_VALUE_SHOWN, csv_blocks
from callwarden.formats._source import column_positions, header_key, is_parquet, read_header
from callwarden.formats.report import ReadReport, RowError
from callwarden.numbers import normalise_and_classify, normalise_column

_KNOWN_COLUMNS: tuple[str, ...] = (*REQUIRED_COLUMNS, *OPTIONAL_TEXT_COLUMNS, "attestation")
_SIP_STATUS_LOW, _SIP_STATUS_HIGH = 100, 699  # RFC 3261 section 7.2: 1xx-6xx
_INT32_MAX = 2**31 - 1

# One reason per rejected row, the first check it fails, in this order.
_CHECKS: tuple[tuple[str, str | None], ...] = (
    ("empty call_id", "call_id"),
    ("unparseable timestamp (ISO 8601 expected)", "start_time"),
    ("duration_s is not a non-negative integer", "duration_s"),
    ("sip_code is not a SIP status code (integer 100-699)", "sip_code"),
    ("empty called_number", "called_number"),
    ("neither customer_id nor upstream_provider", "customer_id"),
    ("attestation must be A, B, C or empty", "attestation"),
)


def read_cdrs(
    path: Path, report: ReadReport | None = None, *, batch_rows: int = 262_144
) -> Iterator[pa.RecordBatch]:
    """Record batches of CDR_SCHEMA from a CSV, CSV.gz or Parquet file.

    A file without a required column raises :class:`~callwarden.errors.InputError`; each
    bad row goes to ``report`` as a :class:`RowError` and the good rows are yielded.
    """
    path = Path(path)
    report = report if report is not None else ReadReport(source=str(path))
    if batch_rows < 1:
        raise ValueError("batch_rows must be positive")
    if is_parquet(path):
        yield from _read_parquet(path, report, batch_rows)
    else:
        yield from _read_csv(path, report, batch_rows)


def _check_header(path: Path, keys: list[str]) -> dict[str, int]:
    positions = column_positions(path, keys, REQUIRED_COLUMNS, _KNOWN_COLUMNS)
    if "customer_id" not in positions and "upstream_provider" not in positions:
        raise InputError(
            "missing column customer_id or upstream_provider (one of the two is required)",
            source=str(path),
        )
    return positions


# --- CSV ----------------------------------------------------------------------------------


def _read_csv(path: Path, report: ReadReport, batch_rows: int) -> Iterator[pa.RecordBatch]:
    keys, delimiter = read_header(path)
    positions = _check_header(path, keys)
    # Only the columns read are checked: bad bytes in an ignored column cost nothing.
    wanted = {key: position for key, position in positions.items() if key in _KNOWN_COLUMNS}
    mark = len(report.errors)
    for block in csv_blocks(path, report, keys, delimiter, wanted, batch_rows=batch_rows):
        batches = list(
            _validated(path, report, block.columns, block.lines, block.skip, batch_rows=batch_rows)
        )
        report.in_line_order(mark)
        mark = len(report.errors)
        yield from batches


# --- Parquet ------------------------------------------------------------------------------


def _read_parquet(path: Path, report: ReadReport, batch_rows: int) -> Iterator[pa.RecordBatch]:
    try:
        parquet = pq.ParquetFile(path)
    except (pa.ArrowInvalid, OSError) as error:
        raise InputError(f"cannot read Parquet: {error}", source=str(path)) from None
    names = parquet.schema_arrow.names
    positions = _check_header(path, [header_key(name) for name in names])
    selected = {
        key: names[position] for key, position in positions.items() if key in _KNOWN_COLUMNS
    }
    first_line = 1
    try:
        for batch in parquet.iter_batches(batch_size=batch_rows, columns=list(selected.values())):
            found = {key: batch.column(name) for key, name in selected.items()}
            lines = np.arange(first_line, first_line + batch.num_rows, dtype=np.int64)
            first_line += batch.num_rows
            skip = np.zeros(batch.num_rows, bool)
            yield from _validated(path, report, found, lines, skip, batch_rows=batch_rows)
    except (pa.ArrowInvalid, OSError) as error:
        raise InputError(
            f"cannot read Parquet after {report.rows_read:,} rows: {error}", source=str(path)
        ) from None


# --- validation ---------------------------------------------------------------------------


def _validated(
    path: Path,
    report: ReadReport,
    found: dict[str, pa.Array],
    lines: np.ndarray,
    skip: np.ndarray,
    *,
    batch_rows: int,
) -> Iterator[pa.RecordBatch]:
    size = len(lines)
    if not size:
        return
    call_id = columns.text(found["call_id"])
    start_time, bad_time = columns.timestamps(_stripped(found["start_time"]))
    duration, bad_duration = columns.integers(
        _stripped(found["duration_s"]), low=0, high=_INT32_MAX, target=pa.int32()
    )
    sip_code, bad_sip = columns.integers(
        _stripped(found["sip_code"]), low=_SIP_STATUS_LOW, high=_SIP_STATUS_HIGH, target=pa.int16()
    )
    caller_text = _stripped(found["caller_id"], keep_empty=True)
    called_text = _stripped(found["called_number"], keep_empty=True)
    caller_id, caller_class = normalise_and_classify(caller_text)
    called_number = normalise_column(called_text)
    optional = {name: _optional(found, name, size) for name in OPTIONAL_TEXT_COLUMNS}
    attestation = pc.utf8_upper(_optional(found, "attestation", size))
    bad_attestation = ~columns.as_numpy_bool(
        pc.or_kleene(pc.is_null(attestation), pc.is_in(attestation, pa.array(["A", "B", "C"])))
    )
    failures = (
        columns.empty(call_id),
        bad_time,
        bad_duration,
        bad_sip,
        columns.empty(pc.if_else(pc.equal(called_text, ""), None, called_text)),
        columns.empty(optional["customer_id"]) & columns.empty(optional["upstream_provider"]),
        bad_attestation,
    )
    reason_code = np.zeros(size, np.int8)
    for code in range(len(failures), 0, -1):
        reason_code[failures[code - 1]] = code
    reason_code[skip] = 0
    good = (reason_code == 0) & ~skip
    report.rows_read += int(size - skip.sum())
    for position in np.flatnonzero(reason_code):
        reason, column = _CHECKS[int(reason_code[position]) - 1]
        raw = found.get(column or "") if column else None
        value = None if raw is None else raw[int(position)].as_py()
        report.reject(
            RowError(
                str(path),
                int(lines[position]),
                reason,
                column,
                None if value is None else str(value)[:MAX_VALUE_SHOWN],
            )
        )
    accepted = int(good.sum())
    if not accepted:
        return
    report.rows_accepted += accepted
    by_name: dict[str, pa.Array] = {
        "call_id": call_id,
        "start_time": start_time,
        "duration_s": duration,
        "sip_code": sip_code,
        "caller_id": caller_id,
        "caller_class": caller_class,
        "called_number": called_number,
        "attestation": attestation,
        **optional,
    }
    if accepted == size:
        arrays = [by_name[name] for name in CDR_SCHEMA.names]
    else:
        keep = pa.array(good)
        arrays = [by_name[name].filter(keep) for name in CDR_SCHEMA.names]
    batch = pa.RecordBatch.from_arrays(arrays, schema=CDR_SCHEMA)
    for offset in range(0, batch.num_rows, batch_rows):
        yield batch.slice(offset, batch_rows)


def _stripped(values: pa.Array, *, keep_empty: bool = False) -> pa.Array:
    if keep_empty and not pa.types.is_string(values.type):
        values = values.cast(pa.string())
    if not pa.types.is_string(values.type):
        return values
    stripped = pc.utf8_trim_whitespace(values)
    return stripped.fill_null("") if keep_empty else stripped


def _optional(found: dict[str, pa.Array], name: str, size: int) -> pa.Array:
    if name not in found:
        return pa.nulls(size, pa.string())
    return columns.text(found[name])


_CDR_SUFFIXES = (".parquet", ".csv", ".csv.gz", ".gz")


def cdr_files(paths: Sequence[Path]) -> list[Path]:
    """The CDR files named: files as given, directories searched recursively for Parquet,
    CSV and CSV.gz files."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.is_file() and p.name.lower().endswith(_CDR_SUFFIXES)
            )
            if not found:
                raise InputError(
                    "no .parquet, .csv or .csv.gz files in this directory", source=str(path)
                )
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise InputError("no such file or directory", source=str(path))
    return files
