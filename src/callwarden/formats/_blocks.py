"""Delimited text read by Arrow in blocks, each row with its physical line: the parsing
half of every high-volume reader (CDRs, consent, numbers, DNO).

Arrow's CSV reader parses one block at a time (all columns as text); this module turns
each block into a :class:`Block` of the columns a reader wants, the physical line of
every row (header = line 1) and the rows already dealt with. The rules:

* Arrow counts *records*; rows it cannot split into the header's number of fields come
  to the invalid-row handler with their record number and text, and the accepted rows
  fill the record numbers in between. Such a row is reported as "wrong number of
  fields" with its text as evidence.
* A quoted value may hold a newline (RFC 4180 section 2.6). Such a row is read as one
  record and reported, if bad, at the line where it starts; the newlines inside values
  are counted so that every later row still gets its true physical line.
* An unbalanced quote runs, by CSV's own rule, to the next quote or the end of the file;
  the lines it swallows come back as one bad row at the line where the quote opened, with
  their text as the evidence. Nothing after the closing quote is lost.
* Blank lines, and rows whose fields are all empty or whitespace, carry nothing and are
  skipped without a report; they still count as lines.
* Bytes that are not UTF-8 cost their row only ("not UTF-8 text"), not the block.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from callwarden.errors import InputError
from callwarden.formats._source import is_gzip, open_text
from callwarden.formats.report import ReadReport, RowError

MAX_VALUE_SHOWN = 200
_NEWLINE = re.compile(b"\n")
#: Lead bytes of a value that may be all whitespace: ASCII whitespace and the other
#: controls Python's str.strip removes (0x1c-0x1f), and any non-ASCII lead byte (NBSP,
#: the Unicode spaces). Such values are decoded and looked at one by one.
_MAYBE_BLANK_LEAD = np.zeros(256, bool)
_MAYBE_BLANK_LEAD[[0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x1F, 0x20]] = True
_MAYBE_BLANK_LEAD[0x80:] = True


@dataclass
class Block:
    """One block of rows: the wanted columns (text, valid UTF-8), the physical line of
    each row, and ``skip``: rows that are blank or were already rejected."""

    columns: dict[str, pa.Array]
    lines: np.ndarray
    skip: np.ndarray

    @property
    def size(self) -> int:
        return len(self.lines)


@dataclass
class _LineTracker:
    """Maps Arrow's record numbers to physical line numbers (see the module docstring)."""

    delimiter: str
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

    def is_blank(self, text: str) -> bool:
        """Whether a row Arrow could not split has nothing in any of its fields."""
        if text.strip() == "":
            return True
        rows = csv.reader(text.splitlines(), delimiter=self.delimiter)
        return not any(value.strip() for fields in rows for value in fields)


def csv_blocks(
    path: Path,
    report: ReadReport,
    keys: list[str],
    delimiter: str,
    wanted: dict[str, int],
    *,
    batch_rows: int,
    bytes_per_row: int = 160,
) -> Iterator[Block]:
    """The rows of a delimited file whose header (``keys``) was read already, in blocks of
    about ``batch_rows`` rows. ``wanted`` maps a column name to its position; those
    columns are checked for UTF-8 (a row with bad bytes in another column is not
    rejected for it: that column is never read)."""
    if not _has_body(path):
        return
    internal = [f"f{index}" for index in range(len(keys))]
    tracker = _LineTracker(delimiter)
    try:
        stream = pa.input_stream(str(path), compression="gzip" if is_gzip(path) else None)
        reader = pacsv.open_csv(
            stream,
            read_options=pacsv.ReadOptions(
                use_threads=False,
                column_names=internal,
                skip_rows=1,
                block_size=max(1 << 20, min(batch_rows * bytes_per_row, 1 << 28)),
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
        _report_invalid(path, report, tracker, invalid)
        skip = _blank_rows(batch)
        found = {
            name: _checked_utf8(path, report, name, batch.column(position), lines=lines, skip=skip)
            for name, position in wanted.items()
        }
        yield Block(found, lines, skip)
    _flush_invalid(path, report, tracker)


def _has_body(path: Path) -> bool:
    """Whether anything follows the header line (Arrow cannot skip an unterminated header)."""
    with open_text(path) as handle:
        return handle.readline().endswith(("\n", "\r"))


def _flush_invalid(path: Path, report: ReadReport, tracker: _LineTracker) -> None:
    _, invalid = tracker.assign(np.empty(0, np.int64), final=True)
    _report_invalid(path, report, tracker, invalid)


def _report_invalid(
    path: Path, report: ReadReport, tracker: _LineTracker, invalid: list[tuple[int, str, str]]
) -> None:
    for line, reason, text in invalid:
        if tracker.is_blank(text):
            continue
        report.rows_read += 1
        report.reject(RowError(str(path), line, reason, None, text[:MAX_VALUE_SHOWN]))


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
    """Rows with nothing in any field (blank lines, a row of bare commas or spaces).
    Candidates come off the Arrow buffers; they are decoded (bad bytes replaced, which
    are not whitespace) and stripped as Python strips, field by field."""
    candidates = np.flatnonzero(_maybe_blank(batch.column(0)))
    blank = np.zeros(batch.num_rows, bool)
    if not len(candidates):
        return blank
    still = np.ones(len(candidates), bool)
    picks = pa.array(candidates, pa.int64())
    for column in batch.columns:
        values = column.take(picks).cast(pa.binary()).to_pylist()
        still &= np.array(
            [not (value or b"").decode("utf-8", "replace").strip() for value in values],
            dtype=bool,
        )
    blank[candidates[still]] = True
    return blank


def string_buffers(column: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """(offsets, bytes) of a string column, read straight off its Arrow buffers:
    value ``i`` is ``bytes[offsets[i]:offsets[i + 1]]``."""
    size = len(column)
    _, offsets_buffer, data_buffer = column.buffers()
    if offsets_buffer is None:
        return np.zeros(size + 1, np.int64), np.empty(0, np.uint8)
    offsets = np.frombuffer(offsets_buffer, np.int32)[column.offset : column.offset + size + 1]
    if data_buffer is None:
        return offsets.astype(np.int64), np.empty(0, np.uint8)
    return offsets.astype(np.int64), np.frombuffer(data_buffer, np.uint8)


def _maybe_blank(column: pa.Array) -> np.ndarray:
    """Mask of values that are empty or start with a byte that may be whitespace."""
    offsets, data = string_buffers(column)
    lengths = np.diff(offsets)
    present = lengths > 0
    lead = np.zeros(len(lengths), np.uint8)
    lead[present] = data[offsets[:-1][present]]
    maybe: np.ndarray = ~present | _MAYBE_BLANK_LEAD[lead]
    return maybe


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
                shown = raw.decode("utf-8", "replace")[:MAX_VALUE_SHOWN]
                report.reject(
                    RowError(str(path), int(lines[position]), "not UTF-8 text", name, shown)
                )
    return pa.array(texts, pa.string())


def plain_rows(column: pa.Array, *, edges_only: bool = False) -> np.ndarray:
    """Mask of values that need none of Python's Unicode rules: every byte printable
    ASCII (0x20-0x7e), or with ``edges_only``, at least the first and last bytes printable
    ASCII other than a space (stripping then removes nothing, whatever lies between).
    Empty values count as plain."""
    offsets, data = string_buffers(column)
    size = len(offsets) - 1
    odd_byte = (data < 0x20) | (data > 0x7E)
    start, end = int(offsets[0]), int(offsets[-1])
    odd_positions = np.flatnonzero(odd_byte[start:end]) + start
    plain = np.ones(size, bool)
    if len(odd_positions):
        plain[np.searchsorted(offsets, odd_positions, side="right") - 1] = False
    if edges_only and not plain.all():
        lengths = np.diff(offsets)
        present = np.flatnonzero(~plain & (lengths > 0))
        first = data[offsets[present]]
        last = data[offsets[present + 1] - 1]
        edge_ok = (first > 0x20) & (first <= 0x7E) & (last > 0x20) & (last <= 0x7E)
        plain[present[edge_ok]] = True
    return plain
