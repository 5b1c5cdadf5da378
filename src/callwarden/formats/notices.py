"""FCC notices and traceback requests: the calls regulators name (formats.md section 4).

An Enforcement Bureau letter under 47 CFR 64.1200(k)(4) lists the calls in its
Attachment A. :func:`read_notice` takes the whole letter as text or markdown (as the seed
letters are: ``<b>`` tags in the header, tab-separated cells, blank lines inside the
table, ``[REDACTED]`` numbers) or a bare CSV/TSV/markdown table of Attachment A alone.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path

from callwarden.errors import InputError
from callwarden.formats._rows import (
    MAX_VALUE_SHOWN,
    BadValue,
    Row,
    read_rows,
)
from callwarden.formats._source import header_key, open_text
from callwarden.formats.report import ReadReport, RowError
from callwarden.notices import NoticeCall, TracebackRequest
from callwarden.numbers import normalise

_ATTACHMENT_A = re.compile(r"attachment\s+a\b", re.IGNORECASE)
# Linear-time patterns only: a notice arrives by e-mail and is untrusted input.
_TAG = re.compile(r"<[^<>]*>")
_MARKUP_CHARS = "*_` \t\u00a0"
_REDACTED = re.compile(r"^\[?\s*redacted\s*\]?$", re.IGNORECASE)
_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}")
#: A line that holds a call date: a table row that lost its separators, not page furniture.
_LOOKS_LIKE_ROW = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}\b")

_NOTICE_COLUMNS = {
    "customer": "customer",
    "date_of_itg_notification": "itg_notified_at",
    "itg_notification_date": "itg_notified_at",
    "date_of_call": "call_time",
    "call_date": "call_time",
    "caller_id": "caller_id",
    "calling_number": "caller_id",
    "called_party": "called_number",
    "date_and_time_of_call": "call_time",
    "called_number": "called_number",
    "description": "description",
    "violation": "violation",
}
_NOTICE_REQUIRED = ("customer", "call_time")
#: A notice arrives by e-mail and is read whole; real letters are a few hundred kilobytes.
MAX_NOTICE_CHARS = 32 * 1024 * 1024


def read_notice(source: Path | str) -> tuple[list[NoticeCall], ReadReport]:
    """The calls in a notice's Attachment A, and the report of what was read.

    ``source`` is a :class:`Path` to the letter or table (text, markdown, CSV, TSV; .gz
    too), or a ``str`` holding the letter's text itself. Every row is checked; bad rows
    are in the report with their line in the text (line 1 is the first line of the letter).
    A text without an Attachment A table raises :class:`InputError`.
    """
    if isinstance(source, Path):
        name = str(source)
        try:
            with open_text(source) as handle:
                text = handle.read(MAX_NOTICE_CHARS + 1)
        except OSError as error:
            raise InputError(f"cannot read notice: {error}", source=name) from None
        if len(text) > MAX_NOTICE_CHARS:
            raise InputError(
                f"larger than {MAX_NOTICE_CHARS:,} characters: not a notice letter", source=name
            )
    else:
        name, text = "<notice text>", source.removeprefix("\ufeff")
    report = ReadReport(source=name)
    calls = list(_notice_rows(name, text, report))
    return calls, report


def _cells(line: str, delimiter: str) -> list[str]:
    if delimiter == "|":
        cells = line.strip().strip("|").split("|")
    else:
        cells = next(csv.reader(io.StringIO(line), delimiter=delimiter), [])
    return [_TAG.sub("", cell).strip(_MARKUP_CHARS).strip() for cell in cells]


def _header_delimiter(line: str) -> str | None:
    """The delimiter when ``line`` is an Attachment A header row, else None."""
    plain = _TAG.sub("", line).lower()
    if "customer" not in plain or "caller" not in plain:
        return None
    for delimiter in ("\t", "|", ",", ";"):
        if delimiter in line:
            return delimiter
    return None


def _notice_rows(name: str, text: str, report: ReadReport) -> Iterator[NoticeCall]:
    lines = text.splitlines()
    # In a letter the table follows the last "Attachment A" heading (the body mentions it
    # too); a bare table has no heading at all.
    markers = [i for i, line in enumerate(lines) if _ATTACHMENT_A.search(line)]
    start = markers[-1] if markers else 0
    header_at, delimiter = None, None
    for index in range(start, len(lines)):
        delimiter = _header_delimiter(lines[index])
        if delimiter is not None:
            header_at = index
            break
    if header_at is None or delimiter is None:
        where = "after 'ATTACHMENT A'" if markers else "anywhere"
        raise InputError(
            f"no Attachment A table found {where} (expected a header row with Customer, "
            "Date of Call, Caller ID, Called Number)",
            source=name,
        )
    header = [header_key(cell) for cell in _cells(lines[header_at], delimiter)]
    keys = [_NOTICE_COLUMNS.get(key, key) for key in header]
    missing = [column for column in _NOTICE_REQUIRED if column not in keys]
    if missing:
        raise InputError(
            f"Attachment A header (line {header_at + 1}) lacks {', '.join(missing)}", source=name
        )
    for index in range(header_at + 1, len(lines)):
        line_number, line = index + 1, lines[index]
        if not line.strip() or _TABLE_RULE.match(line.strip()):
            continue
        if delimiter not in line:
            if _LOOKS_LIKE_ROW.search(line):
                report.rows_read += 1
                report.reject(
                    RowError(
                        name,
                        line_number,
                        "table row without cell separators",
                        None,
                        line[:MAX_VALUE_SHOWN],
                    )
                )
            continue  # page furniture between table pages: headers, footers, rules
        cells = _cells(line, delimiter)
        if [header_key(cell) for cell in cells] == header:
            continue  # the header repeated on a new page
        report.rows_read += 1
        if len(cells) != len(keys):
            report.reject(
                RowError(
                    name,
                    line_number,
                    f"wrong number of fields: expected {len(keys)}, got {len(cells)}",
                    None,
                    line[:MAX_VALUE_SHOWN],
                )
            )
            continue
        row = Row(line_number, dict(zip(keys, cells, strict=True)))
        try:
            call = _notice_call(row)
        except BadValue as bad:
            value = None if bad.value is None else bad.value[:MAX_VALUE_SHOWN]
            report.reject(RowError(name, line_number, bad.reason, bad.column, value))
            continue
        report.rows_accepted += 1
        yield call


def _notice_number(row: Row, name: str) -> str | None:
    """E.164, None when redacted or absent; kept as presented when it does not normalise
    (a notice's invalid caller ID is itself evidence)."""
    value = row.values.get(name, "")
    if not value or _REDACTED.match(value):
        return None
    return normalise(value) or value


def _notice_call(row: Row) -> NoticeCall:
    call_time = row.timestamp("call_time", required=True, lenient=True)
    assert call_time is not None  # required=True
    return NoticeCall(
        customer=row.required("customer"),
        itg_notified_at=row.timestamp("itg_notified_at", lenient=True),
        call_time=call_time,
        caller_id=_notice_number(row, "caller_id"),
        called_number=_notice_number(row, "called_number"),
        description=row.text("description"),
        violation=row.text("violation"),
    )


_TRACEBACK_ALIASES = {
    "id": "request_id",
    "traceback_id": "request_id",
    "request": "request_id",
    "date_of_call": "call_time",
    "call_date": "call_time",
    "start_time": "call_time",
    "calling_number": "caller_id",
    "campaign_description": "campaign",
    "description": "campaign",
}


def read_traceback_requests(
    path: Path, report: ReadReport | None = None
) -> Iterator[TracebackRequest]:
    """Traceback requests (ITG or law enforcement): ``call_time``, ``caller_id``,
    ``called_number`` and optionally ``campaign`` and ``request_id``.

    Numbers are E.164 when they normalise, else kept as presented: a traceback of a
    spoofed, invalid caller ID must still be answerable. ``call_time`` may be ISO 8601 or
    one of the US forms notices use.
    """
    path = Path(path)
    report = report if report is not None else ReadReport(source=str(path))

    def build(row: Row) -> TracebackRequest:
        call_time = row.timestamp("call_time", required=True, lenient=True)
        assert call_time is not None  # required=True
        return TracebackRequest(
            request_id=row.text("request_id"),
            call_time=call_time,
            caller_id=row.number_as_presented("caller_id"),
            called_number=row.number_as_presented("called_number"),
            campaign=row.text("campaign"),
        )

    return read_rows(
        path, report, ("call_time", "caller_id", "called_number"), build, aliases=_TRACEBACK_ALIASES
    )
