"""Row-at-a-time reading of the smaller reference files (customers, numbers, consent, lists,
traceback requests), with the exact physical line of every row and field parsers that
say what was wrong. Python's csv module keeps quoted newlines inside their row (RFC 4180
section 2.6); a row is reported at the line where it starts."""

from __future__ import annotations

import csv
import gzip
import re
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import TypeVar

from callwarden.errors import InputError
from callwarden.formats._columns import parse_iso_timestamp
from callwarden.formats._source import column_positions, open_text, read_header
from callwarden.formats.report import ReadReport, RowError
from callwarden.numbers import normalise

Record = TypeVar("Record")
Choice = TypeVar("Choice", bound=StrEnum)

MAX_VALUE_SHOWN = 200

#: What a boolean field may say (any case).
TRUE_WORDS = frozenset({"true", "yes", "y", "1", "t"})
FALSE_WORDS = frozenset({"false", "no", "n", "0", "f"})
_ZONE_SUFFIX = re.compile(r"\s*(?:UTC|GMT|Z)$", re.IGNORECASE)
_MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_CLOCK = r"(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?"
# The forms regulators and RMD exports write besides ISO 8601 (US month-first). Parsed
# here rather than with strptime's %b/%p, which follow the process locale.
_NAMED_MONTH_FORM = re.compile(r"([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})" + _CLOCK)
_NUMERIC_FORM = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})" + _CLOCK)


def _month_number(name: str) -> int | None:
    lowered = name.lower()
    for number, full in enumerate(_MONTH_NAMES, start=1):
        if full.startswith(lowered) or (lowered == "sept" and number == 9):
            return number
    return None


def _clock(
    hour: str | None, minute: str | None, second: str | None, half: str | None
) -> tuple[int, int, int] | None:
    if hour is None or minute is None:
        return 0, 0, 0
    hours = int(hour)
    if half is not None:
        if not 1 <= hours <= 12:
            return None
        hours = hours % 12 + (12 if half.lower() == "pm" else 0)
    return hours, int(minute), int(second or 0)


def _us_form(text: str) -> datetime | None:
    named = _NAMED_MONTH_FORM.fullmatch(text)
    if named:
        month = _month_number(named.group(1))
        day, year = int(named.group(2)), int(named.group(3))
        clock = _clock(*named.group(4, 5, 6, 7))
    else:
        numeric = _NUMERIC_FORM.fullmatch(text)
        if not numeric:
            return None
        month, day, year = int(numeric.group(1)), int(numeric.group(2)), int(numeric.group(3))
        year += 2000 if year < 100 else 0
        clock = _clock(*numeric.group(4, 5, 6, 7))
    if month is None or clock is None:
        return None
    try:
        return datetime(year, month, day, *clock, tzinfo=UTC)
    except ValueError:
        return None


class BadValue(Exception):
    """Raised by a field parser; the reader turns it into a RowError for the row."""

    def __init__(self, reason: str, column: str | None = None, value: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.column = column
        self.value = value


def parse_lenient_timestamp(text: str) -> datetime | None:
    """ISO 8601, ``Aug 10, 2022 15:36 UTC``, ``7/18/2023`` or ``7/18/2023 2:05 PM``, as UTC."""
    moment = parse_iso_timestamp(text)
    if moment is not None:
        return moment
    return _us_form(_ZONE_SUFFIX.sub("", " ".join(text.split())))


@dataclass(frozen=True)
class Row:
    """One data row: its physical line and its values by header key, stripped."""

    line: int
    values: Mapping[str, str]

    def text(self, name: str) -> str | None:
        value = self.values.get(name, "")
        return value or None

    def required(self, name: str) -> str:
        value = self.values.get(name, "")
        if not value:
            raise BadValue(f"empty {name}", name, value)
        return value

    def timestamp(
        self, name: str, *, required: bool = False, lenient: bool = False
    ) -> datetime | None:
        value = self.values.get(name, "")
        if not value:
            if required:
                raise BadValue(f"empty {name}", name, value)
            return None
        moment = parse_lenient_timestamp(value) if lenient else parse_iso_timestamp(value)
        if moment is None:
            expected = "a date" if lenient else "ISO 8601"
            raise BadValue(f"unparseable timestamp ({expected} expected)", name, value)
        return moment

    def boolean(self, name: str, *, default: bool) -> bool:
        value = self.values.get(name, "").lower()
        if not value:
            return default
        if value in TRUE_WORDS:
            return True
        if value in FALSE_WORDS:
            return False
        raise BadValue("not a boolean (true/false, yes/no, y/n, 1/0)", name, self.values[name])

    def choice(self, name: str, kind: type[Choice], *, default: Choice | None = None) -> Choice:
        value = self.values.get(name, "")
        if not value:
            if default is None:
                raise BadValue(f"empty {name}", name, value)
            return default
        key = re.sub(r"[\s\-]+", "_", value.lower())
        try:
            return kind(key)
        except ValueError:
            allowed = ", ".join(member.value for member in kind)
            raise BadValue(f"{name} must be one of {allowed}", name, value) from None

    def number(self, name: str) -> str:
        """A telephone number that must normalise to E.164 (a reference list entry)."""
        value = self.required(name)
        e164 = normalise(value)
        if e164 is None:
            raise BadValue(f"{name} is not a usable telephone number", name, value)
        return e164

    def number_as_presented(self, name: str) -> str:
        """E.164 when it normalises, else as presented (evidence); empty is an error."""
        value = self.required(name)
        return normalise(value) or value


def read_rows(
    path: Path,
    report: ReadReport,
    required: tuple[str, ...],
    build: Callable[[Row], Record],
    *,
    aliases: Mapping[str, str] | None = None,
    known: Collection[str] | None = None,
) -> Iterator[Record]:
    """Records built from each data row of a delimited file; bad rows to ``report``.

    ``aliases`` maps other header names (after :func:`header_key`) to the canonical one.
    """
    keys, delimiter = read_header(path)
    if aliases:
        keys = [aliases.get(key, key) for key in keys]
    positions = column_positions(path, keys, required, known)
    source = str(path)
    with open_text(path) as handle:
        reader = csv.reader(handle, delimiter=delimiter)
        try:
            next(reader)
            previous_end = reader.line_num
            while True:
                start = previous_end + 1
                try:
                    fields = next(reader)
                except StopIteration:
                    break
                except csv.Error as error:
                    previous_end = reader.line_num
                    report.rows_read += 1
                    report.reject(RowError(source, start, f"malformed CSV row: {error}"))
                    continue
                previous_end = reader.line_num
                if not any(field.strip() for field in fields):
                    continue  # a blank line is not a row
                report.rows_read += 1
                if len(fields) != len(keys):
                    text = (delimiter.join(fields))[:MAX_VALUE_SHOWN]
                    reason = f"wrong number of fields: expected {len(keys)}, got {len(fields)}"
                    report.reject(RowError(source, start, reason, None, text))
                    continue
                row = Row(start, {key: fields[index].strip() for key, index in positions.items()})
                try:
                    record = build(row)
                except BadValue as bad:
                    value = None if bad.value is None else bad.value[:MAX_VALUE_SHOWN]
                    report.reject(RowError(source, start, bad.reason, bad.column, value))
                    continue
                report.rows_accepted += 1
                yield record
        except (OSError, EOFError, gzip.BadGzipFile) as error:
            raise InputError(
                f"cannot read past line {previous_end}: {error}", source=source
            ) from None
