"""Reference files with millions of rows (consent, numbers, DNO) read in Arrow blocks.

Each reader states its rules twice, once per path, and a property test holds the two
to the same answers (tests/formats/test_reference_batches.py):

* the **fast path**, vectorised over a block: it takes the rows it can decide without
  Python's Unicode rules (see :func:`~callwarden.formats._blocks.plain_rows`) and whose
  every value is good, and computes their typed columns with Arrow kernels;
* the **per-row path**: every other row (a bad value, an unusual form, a non-ASCII
  character where it matters) goes through the reader's row builder, the same function
  :func:`~callwarden.formats._rows.read_rows` uses, which says what is wrong with it.

So a row is accepted with the same values, or rejected with the same reason, whichever
path it takes; bad rows cost per-row speed, good ones do not. The CSV itself is split by
:mod:`callwarden.formats._blocks` (the same reader as the CDRs).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from callwarden.formats import _columns as columns
from callwarden.formats._blocks import MAX_VALUE_SHOWN, csv_blocks, plain_rows
from callwarden.formats._rows import BadValue, Row
from callwarden.formats._source import column_positions, read_header
from callwarden.formats.report import ReadReport, RowError

Record = TypeVar("Record")

#: Rows per block (and per batch yielded).
BATCH_ROWS = 131_072

UTC_MICROS = columns.UTC_MICROS
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

#: ISO 8601 forms on which Arrow's cast and Python's datetime.fromisoformat agree to the
#: microsecond (the hours, minutes, seconds and offsets each accepts differ at the edges,
#: such as 24:00, leap seconds or an hour-only time): other text takes the per-row path.
_PLAIN_ISO = (
    r"^[1-9]\d{3}-\d\d-\d\d"
    r"(?:[T ](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,6})?)?"
    r"(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)?)?$"
)


@dataclass(frozen=True)
class BlockColumns:
    """The columns of one block as a fast path sees them."""

    raw: Mapping[str, pa.Array]
    size: int

    def text(self, name: str) -> pa.Array:
        """Stripped, empty as null; an absent column is all null."""
        if name not in self.raw:
            return pa.nulls(self.size, pa.string())
        return columns.text(self.raw[name])

    def plain(self, name: str, *, edges_only: bool = False) -> np.ndarray:
        if name not in self.raw:
            return np.ones(self.size, bool)
        return plain_rows(self.raw[name], edges_only=edges_only)


def present(values: pa.Array) -> np.ndarray:
    """Mask of non-null entries."""
    return columns.as_numpy_bool(pc.is_valid(values))


def iso_timestamps(values: pa.Array) -> tuple[pa.Array, np.ndarray]:
    """(timestamp[us, UTC] column, mask of rows decided here) of a stripped text column
    (empty = null): null stays null, plain ISO 8601 is parsed; any other text is left to
    the per-row path (not decided)."""
    plain = columns.as_numpy_bool(pc.match_substring_regex(values, _PLAIN_ISO))
    given = present(values)
    candidates = pc.if_else(pa.array(plain), values, pa.scalar(None, pa.string()))
    typed, bad = columns.timestamps(candidates)
    decided = ~given | (plain & ~bad)
    return typed, decided


def choice(values: pa.Array, allowed: Collection[str]) -> tuple[pa.Array, np.ndarray]:
    """(the member value, mask of rows holding one) of an ASCII choice column, matched as
    :meth:`Row.choice` matches: any case, spaces and hyphens as underscores."""
    key = pc.replace_substring_regex(pc.ascii_lower(values), r"[\s\-]+", "_")
    return key, columns.as_numpy_bool(pc.is_in(key, pa.array(sorted(allowed), pa.string())))


def read_batches(
    path: Path,
    report: ReadReport,
    *,
    required: tuple[str, ...],
    used: tuple[str, ...],
    schema: pa.Schema,
    fast: Callable[[BlockColumns], tuple[dict[str, pa.Array], np.ndarray]],
    build: Callable[[Row], Record],
    values_of: Callable[[Record], Sequence[Any]],
    aliases: Mapping[str, str] | None = None,
    batch_rows: int = BATCH_ROWS,
) -> Iterator[pa.RecordBatch]:
    """Record batches of ``schema`` (``line`` first, then the record's columns in the
    order ``values_of`` gives them), in file order; bad rows to ``report``.

    ``fast`` returns the output columns for every row of a block and the mask of rows
    it accepts; ``build`` decides the others (raising :class:`BadValue`).
    """
    keys, delimiter = read_header(path)
    if aliases:
        keys = [aliases.get(key, key) for key in keys]
    positions = column_positions(path, keys, required)
    wanted = {name: positions[name] for name in used if name in positions}
    names = schema.names[1:]
    mark = len(report.errors)
    for block in csv_blocks(
        path, report, keys, delimiter, wanted, batch_rows=batch_rows, bytes_per_row=100
    ):
        if not block.size:
            continue
        report.rows_read += int(block.size - block.skip.sum())
        values, accepted = fast(BlockColumns(block.columns, block.size))
        accepted &= ~block.skip
        slow = np.flatnonzero(~accepted & ~block.skip)
        records = _per_row(
            path, report, raw=block.columns, lines=block.lines, positions=slow, build=build
        )
        report.rows_accepted += int(accepted.sum()) + len(records)
        keep = pa.array(accepted)
        arrays = [pa.array(block.lines, pa.int64()).filter(keep)]
        arrays += [values[name].filter(keep) for name in names]
        if records:
            arrays = _merge(arrays, schema, [(line, values_of(record)) for line, record in records])
        report.in_line_order(mark)
        mark = len(report.errors)
        batch = pa.RecordBatch.from_arrays(arrays, schema=schema)
        if batch.num_rows:
            yield batch


def _per_row(
    path: Path,
    report: ReadReport,
    *,
    raw: Mapping[str, pa.Array],
    lines: np.ndarray,
    positions: np.ndarray,
    build: Callable[[Row], Record],
) -> list[tuple[int, Record]]:
    """The rows at ``positions`` through the row builder: (line, record) of the good ones."""
    if not len(positions):
        return []
    picks = pa.array(positions, pa.int64())
    texts = {name: column.take(picks).to_pylist() for name, column in raw.items()}
    source = str(path)
    built: list[tuple[int, Record]] = []
    for index, position in enumerate(positions.tolist()):
        line = int(lines[position])
        row = Row(line, {name: (values[index] or "").strip() for name, values in texts.items()})
        try:
            built.append((line, build(row)))
        except BadValue as bad:
            value = None if bad.value is None else bad.value[:MAX_VALUE_SHOWN]
            report.reject(RowError(source, line, bad.reason, bad.column, value))
    return built


def _merge(
    arrays: list[pa.Array], schema: pa.Schema, rows: list[tuple[int, Sequence[Any]]]
) -> list[pa.Array]:
    """The fast rows' columns and the per-row records' values together, in line order."""
    extra = [pa.array([line for line, _ in rows], pa.int64())]
    for index, column in enumerate(schema.names[1:]):
        kind = schema.field(column).type
        extra.append(pa.array([values[index] for _, values in rows], kind))
    combined = [pa.concat_arrays([a, b]) for a, b in zip(arrays, extra, strict=True)]
    order = pa.array(np.argsort(combined[0].to_numpy(), kind="stable"), pa.int64())
    return [column.take(order) for column in combined]


def utc_datetimes(values: pa.Array) -> list[datetime | None]:
    """A timestamp column as aware datetimes in ``datetime.UTC``, as the row parsers
    give them. Each distinct instant is built once (reference files repeat them: a
    campaign's opt-ins share their dates), and Arrow's own conversion, which attaches a
    ZoneInfo, is not used."""
    size = len(values)
    valid = columns.as_numpy_bool(pc.is_valid(values))
    micros = np.asarray(values.cast(pa.int64()).fill_null(0).to_numpy(), dtype=np.int64)
    distinct, inverse = np.unique(micros[valid], return_inverse=True)
    moments = [_EPOCH + timedelta(microseconds=int(value)) for value in distinct.tolist()]
    result: list[datetime | None] = [None] * size
    if moments:
        taken = [moments[index] for index in inverse.tolist()]
        if valid.all():
            return list(taken)
        for position, moment in zip(np.flatnonzero(valid).tolist(), taken, strict=True):
            result[position] = moment
    return result
