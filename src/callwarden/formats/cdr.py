"""Call detail records (formats.md section 1): CSV, CSV.gz or Parquet in, Arrow record
batches of :data:`callwarden.calls.CDR_SCHEMA` out.

Streaming in bounded memory: Arrow's CSV reader parses one block at a time (all columns
as text), each batch is validated with vectorised kernels, bad rows are reported and the
good ones yielded. Line numbers are physical lines (header = line 1):

* Arrow counts *records*; rows it cannot split into the header's number of fields come
  to the invalid-row handler with their record number and text, and the accepted rows
  fill the record numbers in between.
* A quoted value may hold a newline (RFC 4180 section 2.6). Such a row is read as one
  record and reported, if bad, at the line where it starts; the newlines inside values
  are counted so that every later row still gets its true physical line.
* An unbalanced quote runs, by CSV's own rule, to the next quote or the end of the file;
  the lines it swallows come back as one bad row at the line where the quote opened, with
  their text as the evidence. Nothing after the closing quote is lost.
* Blank lines (and rows whose fields are all empty) carry nothing and are skipped
  without a report; they still count as lines.
* Bytes that are not UTF-8 cost their row only ("not UTF-8 text"), not the block.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from callwarden.calls import CDR_SCHEMA, OPTIONAL_TEXT_COLUMNS, REQUIRED_COLUMNS
from callwarden.errors import InputError
from callwarden.formats import _columns as columns
from callwarden.formats._source import (
    column_positions,
    header_key,
    is_gzip,
    is_parquet,
    open_text,
    read_header,
)
from callwarden.formats.report import ReadReport, RowError
from callwarden.numbers import normalise_and_classify, normalise_column

_KNOWN_COLUMNS: tuple[str, ...] = (*REQUIRED_COLUMNS, *OPTIONAL_TEXT_COLUMNS, "attestation")
_MAX_VALUE_SHOWN = 200
_NEWLINE = re.compile(b"\n")
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


@dataclass
class _LineTracker:
    """Maps Arrow's record numbers to physical line numbers (see the module docstring)."""

    next_record: int = 2  # record 1 is the header
    extra_lines: int = 0  # newlines inside values of the records before next_record
    invalid_records: list[int] = field(default_factory=list)
    invalid_texts: list[str] = field(default_factory=list)
    invalid_detail: list[str] = field(default_factory=list)

    def handle_invalid(self, row: pacsv.InvalidRow) -> str:
        self.invalid_records.append(int(row.number) if row.number is not None else -1)
        self.invalid_texts.append(row.text)
        self.invalid_detail.append(
            f"wrong number of fields: expected {row.expected_columns}, got {row.actual_columns}"
        )
        return "skip"

    def assign(
        self, newlines: np.ndarray, *, final: bool
    ) -> tuple[np.ndarray, list[tuple[int, str, str]]]:
        """Physical lines of the next ``len(newlines)`` accepted records, and the invalid
        rows (line, reason, text) that lie before the last of them (all of them if final)."""
        count = len(newlines)
        pending = np.asarray(self.invalid_records, dtype=np.int64)
        offsets = pending - self.next_record - np.arange(len(pending), dtype=np.int64)
        records = (
            self.next_record
            + np.arange(count, dtype=np.int64)
            + np.searchsorted(offsets, np.arange(count), side="right")
        )
        last = int(records[-1]) if count else self.next_record - 1
        taken = len(pending) if final else int(np.searchsorted(pending, last, side="left"))
        invalid_records = pending[:taken]
        invalid_newlines = np.array(
            [text.count("\n") for text in self.invalid_texts[:taken]], dtype=np.int64
        )
        all_records = np.concatenate([records, invalid_records])
        all_newlines = np.concatenate([newlines.astype(np.int64), invalid_newlines])
        order = np.argsort(all_records, kind="stable")
        before = np.cumsum(all_newlines[order]) - all_newlines[order]
        lines_sorted = all_records[order] + self.extra_lines + before
        lines = np.empty_like(lines_sorted)
        lines[order] = lines_sorted
        invalid = [
            (int(lines[count + i]), self.invalid_detail[i], self.invalid_texts[i])
            for i in range(taken)
        ]
        self.extra_lines += int(all_newlines.sum())
        if len(all_records):
            self.next_record = int(all_records.max()) + 1
        del self.invalid_records[:taken], self.invalid_texts[:taken], self.invalid_detail[:taken]
        return lines[:count], invalid


def _read_csv(path: Path, report: ReadReport, batch_rows: int) -> Iterator[pa.RecordBatch]:
    keys, delimiter = read_header(path)
    positions = _check_header(path, keys)
    if not _has_body(path):
        return
    internal = [f"f{index}" for index in range(len(keys))]
    tracker = _LineTracker()
    try:
        stream = pa.input_stream(str(path), compression="gzip" if is_gzip(path) else None)
        reader = pacsv.open_csv(
            stream,
            read_options=pacsv.ReadOptions(
                use_threads=False,
                column_names=internal,
                skip_rows=1,
                block_size=max(1 << 20, min(batch_rows * 160, 1 << 28)),
            ),
            parse_options=pacsv.ParseOptions(
                delimiter=delimiter,
                newlines_in_values=True,
                ignore_empty_lines=False,
                invalid_row_handler=tracker.handle_invalid,
            ),
            convert_options=pacsv.ConvertOptions(
                column_types=dict.fromkeys(internal, pa.string()),
                # Checked per column and per row below, so one bad byte costs one row.
                check_utf8=False,
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, OSError) as error:
        raise InputError(f"cannot read CSV: {error}", source=str(path)) from None

    wanted = {name: internal[position] for name, position in positions.items()}
    while True:
        try:
            batch = reader.read_next_batch()
        except StopIteration:
            break
        except (pa.ArrowInvalid, OSError, EOFError) as error:
            _flush_invalid(path, report, tracker)
            raise InputError(
                f"cannot read CSV after {report.rows_read:,} rows: {error}", source=str(path)
            ) from None
        newlines = _newlines_per_row(batch)
        lines, invalid = tracker.assign(newlines, final=False)
        _report_invalid(path, report, invalid)
        found: dict[str, pa.Array] = {}
        skip = _blank_rows(batch)
        for name, column in wanted.items():
            found[name] = _checked_utf8(
                path, report, name, batch.column(column), lines=lines, skip=skip
            )
        yield from _validated(path, report, found, lines, skip, batch_rows=batch_rows)
    _flush_invalid(path, report, tracker)


def _has_body(path: Path) -> bool:
    """Whether anything follows the header line (Arrow cannot skip an unterminated header)."""
    with open_text(path) as handle:
        return handle.readline().endswith(("\n", "\r"))


def _flush_invalid(path: Path, report: ReadReport, tracker: _LineTracker) -> None:
    _, invalid = tracker.assign(np.empty(0, np.int64), final=True)
    _report_invalid(path, report, invalid)


def _report_invalid(path: Path, report: ReadReport, invalid: list[tuple[int, str, str]]) -> None:
    for line, reason, text in invalid:
        if not text.strip():
            continue
        report.rows_read += 1
        report.reject(RowError(str(path), line, reason, None, text[:_MAX_VALUE_SHOWN]))


def _newlines_per_row(batch: pa.RecordBatch) -> np.ndarray:
    counts = np.zeros(batch.num_rows, np.int64)
    for column in batch.columns:
        data = column.buffers()[2]
        # A memchr-speed scan of the raw bytes first: quoted newlines are rare.
        if data is None or _NEWLINE.search(memoryview(data)) is None:
            continue
        raw = column.cast(pa.binary())
        if pc.any(pc.match_substring(raw, b"\n")).as_py():
            counts += np.asarray(pc.count_substring(raw, b"\n").to_numpy(), dtype=np.int64)
    return counts


def _blank_rows(batch: pa.RecordBatch) -> np.ndarray:
    """Rows with nothing in any field (blank lines, a row of bare commas). Looked at as
    bytes: the text is not known to be valid UTF-8 yet."""
    candidates = np.flatnonzero(_empty_or_space_led(batch.column(0)))
    blank = np.zeros(batch.num_rows, bool)
    if not len(candidates):
        return blank
    still = np.ones(len(candidates), bool)
    picks = pa.array(candidates, pa.int64())
    for column in batch.columns:
        values = column.take(picks).cast(pa.binary()).to_pylist()
        still &= np.array([not (value or b"").strip() for value in values], dtype=bool)
    blank[candidates[still]] = True
    return blank


def _empty_or_space_led(column: pa.Array) -> np.ndarray:
    """Mask of values that are empty or start with whitespace, read straight off the
    Arrow buffers (offsets and bytes) without a kernel pass."""
    size = len(column)
    _, offsets_buffer, data_buffer = column.buffers()
    offsets = np.frombuffer(offsets_buffer, np.int32)[column.offset : column.offset + size + 1]
    lengths = np.diff(offsets)
    lead = np.zeros(size, np.uint8)
    if data_buffer is not None and len(data_buffer):
        present = lengths > 0
        lead[present] = np.frombuffer(data_buffer, np.uint8)[offsets[:-1][present]]
    blank_led: np.ndarray = (lengths == 0) | np.isin(lead, (0x20, 0x09, 0x0A, 0x0D))
    return blank_led


def _checked_utf8(
    path: Path,
    report: ReadReport,
    name: str,
    column: pa.Array,
    *,
    lines: np.ndarray,
    skip: np.ndarray,
) -> pa.Array:
    """The column, with each row holding bytes that are not UTF-8 reported and added to
    ``skip``. Arrow's own check would fail the whole block, good rows included."""
    data = column.buffers()[2]
    if data is None or not len(data) or int(np.frombuffer(data, np.uint8).max()) < 0x80:
        return column  # pure ASCII is valid UTF-8; no need for the full check
    try:
        column.validate(full=True)
    except pa.ArrowInvalid:
        pass
    else:
        return column
    texts: list[str] = []
    for position, value in enumerate(column.cast(pa.binary()).to_pylist()):
        raw = value or b""
        try:
            texts.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            texts.append("")
            if not skip[position]:
                skip[position] = True
                report.rows_read += 1
                shown = raw.decode("utf-8", "replace")[:_MAX_VALUE_SHOWN]
                report.reject(
                    RowError(str(path), int(lines[position]), "not UTF-8 text", name, shown)
                )
    return pa.array(texts, pa.string())


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
                None if value is None else str(value)[:_MAX_VALUE_SHOWN],
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
