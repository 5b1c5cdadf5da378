"""Do-Not-Originate lists and Robocall Mitigation Database exports (formats.md section 3)."""

from __future__ import annotations

import csv
import gzip
import re
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from callwarden.errors import InputError
from callwarden.formats._columns import as_numpy_bool
from callwarden.formats._reference import BATCH_ROWS, BlockColumns, present, read_batches
from callwarden.formats._rows import MAX_VALUE_SHOWN, BadValue, Row, read_rows
from callwarden.formats._source import header_key, open_text, sniff_delimiter
from callwarden.formats.report import ReadReport, RowError
from callwarden.lists import DnoEntry, RmdFiling
from callwarden.numbers import normalise, normalise_column

#: What :func:`read_dno_batches` yields: one row per accepted entry, with its line.
DNO_SCHEMA = pa.schema([("line", pa.int64()), ("number", pa.string()), ("reason", pa.string())])

_DIGIT = re.compile(r"\d")
#: Header names that mark a DNO file as CSV rather than a bare list of numbers.
_DNO_NUMBER_HEADERS = frozenset({"number", "phone_number", "telephone_number", "tn", "dno"})

#: Names the FCC's RMD export and hand-made copies use for the columns callwarden reads.
_RMD_ALIASES = {
    "fcc_registration_number": "frn",
    "frn_number": "frn",
    "company_name": "business_name",
    "provider_name": "business_name",
    "legal_name": "business_name",
    "stir_shaken_implementation": "implementation",
    "implementation_status": "implementation",
    "date_last_updated": "last_updated",
    "last_updated_date": "last_updated",
    "last_update": "last_updated",
    "updated": "last_updated",
}
_FRN_LENGTH = 10


def _dno_entry(raw: str, reason: str | None) -> DnoEntry:
    """A DNO number is kept as presented when it does not normalise: DNO lists carry
    invalid and unallocated numbers on purpose (a caller ID that can never be legitimate),
    and a call presenting exactly that string must still match. Text without a single
    digit cannot be a number and is rejected."""
    if not _DIGIT.search(raw):
        raise BadValue("not a telephone number (no digits)", "number", raw)
    return DnoEntry(number=normalise(raw) or raw, reason=reason)


def dno_row(row: Row) -> DnoEntry:
    """One ``dno.csv`` row, checked field by field (the per-row path)."""
    return _dno_entry(row.required("number"), row.text("reason"))


def _dno_fast(block: BlockColumns) -> tuple[dict[str, pa.Array], np.ndarray]:
    text = block.text("number")
    has_digit = as_numpy_bool(pc.match_substring_regex(text, r"\d"))
    accepted = (
        block.plain("number") & block.plain("reason", edges_only=True) & present(text) & has_digit
    )
    return {"number": normalise_column(text), "reason": block.text("reason")}, accepted


def read_dno_batches(
    path: Path, report: ReadReport | None = None, *, batch_rows: int = BATCH_ROWS
) -> Iterator[pa.RecordBatch]:
    """``dno.csv`` with a ``number[,reason]`` header, or a bare list of numbers, one per
    line (lines starting with ``#`` are comments), as record batches of
    :data:`DNO_SCHEMA` in file order. Told apart by the first line: a header names a
    ``number`` column."""
    path = Path(path)
    report = report if report is not None else ReadReport(source=str(path))
    with open_text(path) as handle:
        first = handle.readline()
    delimiter = sniff_delimiter(first)
    first_keys = [header_key(name) for name in next(csv.reader([first], delimiter=delimiter), [])]
    if any(key in _DNO_NUMBER_HEADERS for key in first_keys):
        yield from read_batches(
            path,
            report,
            required=("number",),
            used=("number", "reason"),
            schema=DNO_SCHEMA,
            fast=_dno_fast,
            build=dno_row,
            values_of=lambda entry: (entry.number, entry.reason),
            aliases=dict.fromkeys(_DNO_NUMBER_HEADERS, "number"),
            batch_rows=batch_rows,
        )
    else:
        yield from _read_bare_dno(path, report, batch_rows)


def read_dno(path: Path, report: ReadReport | None = None) -> Iterator[DnoEntry]:
    """The entries of a DNO list (see :func:`read_dno_batches`)."""
    for batch in read_dno_batches(path, report):
        columns = zip(
            batch.column("number").to_pylist(), batch.column("reason").to_pylist(), strict=True
        )
        for number, reason in columns:
            yield DnoEntry(number, reason)


def _read_bare_dno(path: Path, report: ReadReport, batch_rows: int) -> Iterator[pa.RecordBatch]:
    source = str(path)
    line = 0
    with open_text(path) as handle:
        try:
            while chunk := list(islice(handle, batch_rows)):
                lines: list[int] = []
                values: list[str] = []
                first = line + 1
                for line, text in enumerate(chunk, start=first):
                    value = text.strip()
                    if not value or value.startswith("#"):
                        continue
                    report.rows_read += 1
                    if not _DIGIT.search(value):
                        reason = "not a telephone number (no digits)"
                        report.reject(RowError(source, line, reason, None, value[:MAX_VALUE_SHOWN]))
                        continue
                    lines.append(line)
                    values.append(value)
                if not values:
                    continue
                report.rows_accepted += len(values)
                numbers = normalise_column(pa.array(values, pa.string()))
                reasons = pa.nulls(len(values), pa.string())
                yield pa.RecordBatch.from_arrays(
                    [pa.array(lines, pa.int64()), numbers, reasons], schema=DNO_SCHEMA
                )
        except (OSError, EOFError, gzip.BadGzipFile) as error:
            raise InputError(f"cannot read past line {line}: {error}", source=source) from None


def _frn(row: Row) -> str:
    """FCC Registration Number: ten digits. Spreadsheets drop the leading zeros; put them back."""
    value = row.required("frn").replace("-", "").replace(" ", "")
    if not value.isdigit() or len(value) > _FRN_LENGTH:
        raise BadValue("frn is not an FCC Registration Number (up to 10 digits)", "frn", value)
    return value.zfill(_FRN_LENGTH)


def read_rmd(path: Path, report: ReadReport | None = None) -> Iterator[RmdFiling]:
    """An export of the FCC Robocall Mitigation Database (47 CFR 64.6305). Only ``frn``,
    ``business_name``, ``implementation`` and ``last_updated`` are read; the export's many
    other columns are ignored. ``last_updated`` may be ISO 8601 or US ``M/D/YYYY``."""
    path = Path(path)
    report = report if report is not None else ReadReport(source=str(path))

    def build(row: Row) -> RmdFiling:
        return RmdFiling(
            frn=_frn(row),
            business_name=row.required("business_name"),
            implementation=row.text("implementation"),
            last_updated=row.timestamp("last_updated", lenient=True),
        )

    return read_rows(
        path,
        report,
        ("frn", "business_name"),
        build,
        aliases=_RMD_ALIASES,
        known=("frn", "business_name", "implementation", "last_updated"),
    )
