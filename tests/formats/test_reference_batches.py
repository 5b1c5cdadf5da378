"""The block readers of consent, numbers and DNO files give what the per-row rules give.

Each reader has a vectorised fast path and falls back to its row builder for the rows
the fast path does not take (callwarden.formats._reference). The reference here is the
row-at-a-time reader (:func:`read_rows` with the same row builder, the pre-Arrow
reader): on random files mixing good rows in many forms, bad values, Unicode, padding,
blank lines, quoted line breaks and rows with the wrong number of fields, both must
accept the same records at the same lines and reject the same lines for the same
reasons.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from callwarden.formats import ReadReport, read_consent, read_dno, read_numbers
from callwarden.formats._rows import Row, read_rows
from callwarden.formats.customers import (
    consent_row,
    number_grant_row,
    read_consent_batches,
    read_numbers_batches,
)
from callwarden.formats.lists import dno_row, read_dno_batches

_PADDING = st.sampled_from(["", " ", "  ", "\t", "\xa0", "\u2003", "\x1f"])
_FREE_TEXT = st.text(
    alphabet=st.characters(
        blacklist_categories=["Cs"], blacklist_characters="\r\x00\x85\u2028\u2029"
    ),
    max_size=12,
)
_NPA = st.integers(200, 999).map(str)
_LINE = st.integers(0, 9999).map(lambda n: f"{n:04d}")


def mostly(good: st.SearchStrategy[str], odd: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Good values four times in five (so that most rows are good, as in real files, and
    the fast path is exercised), odd or bad ones otherwise, sometimes padded."""
    value = st.integers(0, 4).flatmap(lambda n: good if n else odd)
    return st.integers(0, 4).flatmap(
        lambda n: value if n else st.tuples(_PADDING, value, _PADDING).map("".join)
    )


@st.composite
def good_numbers(draw: st.DrawFn) -> str:
    npa, nxx, line = draw(_NPA), draw(_NPA), draw(_LINE)
    forms = [
        f"+1{npa}{nxx}{line}",
        f"{npa}{nxx}{line}",
        f"1{npa}{nxx}{line}",
        f"({npa}) {nxx}-{line}",
        f"tel:+1-{npa}-{nxx}-{line}",
    ]
    return draw(st.sampled_from(forms))


_ODD_NUMBERS = (
    st.sampled_from(
        [
            "+1212736310",  # too short
            "+1 011 555 0000",  # kept as presented in a DNO list
            "+44 20 7946 0958",
            "anonymous",
            "call me",
            "\u0662\u0660\u0662\u0665\u0665\u0665\u0660\u0661\u0662\u0663",  # Arabic digits
            "",
        ]
    )
    | _FREE_TEXT
)


@st.composite
def good_timestamps(draw: st.DrawFn) -> str:
    moment = draw(st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2040, 1, 1)))
    forms = [
        "",
        moment.date().isoformat(),
        moment.isoformat(timespec="seconds"),
        moment.isoformat(sep=" ", timespec="minutes"),
        moment.isoformat(timespec="microseconds") + "Z",
        moment.isoformat(timespec="milliseconds") + "+02:00",
        moment.isoformat(timespec="seconds") + "-05:30",
        moment.replace(tzinfo=UTC).isoformat(),
    ]
    return draw(st.sampled_from(forms))


@st.composite
def odd_timestamps(draw: st.DrawFn) -> str:
    moment = draw(st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2040, 1, 1)))
    forms = [
        moment.isoformat(timespec="hours"),  # hour only
        moment.strftime("%Y%m%d"),  # basic form
        moment.isoformat(timespec="seconds") + "+0200",
        moment.isoformat(timespec="seconds") + "z",
        moment.isoformat(timespec="seconds") + ".1234567",
        moment.isoformat(timespec="seconds") + "+24:00",
        "2022-13-01",
        "2022-02-30",
        "2022-01-01T24:00:00",
        "2022-01-01T23:59:60",
        "0999-01-01",
        "yesterday",
        "7/18/2023",
    ]
    return draw(st.sampled_from(forms))


_TIMESTAMPS = mostly(good_timestamps(), odd_timestamps())
_CONSENT_TYPES = mostly(
    st.sampled_from(
        ["prior_express", "prior_express_written", "Prior Express Written", "PRIOR-EXPRESS"]
    ),
    st.sampled_from(["prior  express", "prior\u00a0express", "prior_expreß", "implied", ""]),
)
_CUSTOMER_IDS = mostly(
    st.sampled_from(["acme", "mv-realty", "zürich-calls", "a b"]), st.just("") | _FREE_TEXT
)
_BOOLEANS = mostly(
    st.sampled_from(["", "true", "Yes", "N", "0", "T"]), st.sampled_from(["maybe", "\u0131"])
)

#: Fields of each file: name -> strategy of its cell text.
CONSENT = {
    "called_number": mostly(good_numbers(), _ODD_NUMBERS),
    "customer_id": _CUSTOMER_IDS,
    "consent_type": _CONSENT_TYPES,
    "obtained_at": _TIMESTAMPS,
    "revoked_at": _TIMESTAMPS,
    "evidence": mostly(st.sampled_from(["", "doc-1", "https://x.example/optin?id=1"]), _FREE_TEXT),
}
NUMBERS = {
    "number": mostly(good_numbers(), _ODD_NUMBERS),
    "customer_id": _CUSTOMER_IDS,
    "since": _TIMESTAMPS,
    "verified": _BOOLEANS,
}
DNO = {"number": mostly(good_numbers(), _ODD_NUMBERS), "reason": mostly(st.just(""), _FREE_TEXT)}


@st.composite
def csv_files(draw: st.DrawFn, fields: dict[str, st.SearchStrategy[str]]) -> str:
    """A CSV text: a header in random order and case with an unknown column, then rows
    that are good, bad, blank, all-whitespace, or of the wrong width."""
    names = [*draw(st.permutations(list(fields))), "extra"]
    header = [name.upper() if draw(st.booleans()) else name for name in names]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for _ in range(draw(st.integers(0, 25))):
        kind = draw(st.sampled_from(["row"] * 12 + ["blank", "spaces", "short", "long"]))
        if kind == "blank":
            buffer.write("\n")
            continue
        row = [draw(fields[name]) if name in fields else draw(_FREE_TEXT) for name in names]
        if kind == "spaces":
            row = [draw(_PADDING) for _ in names]  # nothing in any field
        elif kind == "short":
            row = row[: draw(st.integers(1, len(names) - 1))]
        elif kind == "long":
            row = [*row, draw(_FREE_TEXT)]
        writer.writerow(row)
    return buffer.getvalue()


def outcomes(
    path: Path, read: Callable[[Path, ReadReport], Any]
) -> tuple[list[Any], list[tuple[int, str, str | None, str | None]], int, int]:
    report = ReadReport(source=str(path))
    records = list(read(path, report))
    errors = [
        # The text of a row of the wrong width is shown as found in the file by the block
        # reader and re-joined by the row reader: both name the row, by its line.
        (e.line, e.reason, e.column, None if e.reason.startswith("wrong number") else e.value)
        for e in report.errors
    ]
    return records, errors, report.rows_read, report.rows_accepted


def per_row(
    required: tuple[str, ...],
    build: Callable[[Row], Any],
    aliases: dict[str, str] | None = None,
) -> Callable[[Path, ReadReport], Any]:
    def read(path: Path, report: ReadReport) -> Any:
        return read_rows(
            path, report, required, lambda row: (row.line, build(row)), aliases=aliases
        )

    return read


def assert_same(
    path: Path,
    fast: Callable[[Path, ReadReport], Any],
    batches: Callable[[Path, ReadReport], Any],
    reference: Callable[[Path, ReadReport], Any],
) -> None:
    records, errors, read, accepted = outcomes(path, fast)
    expected, expected_errors, expected_read, expected_accepted = outcomes(path, reference)
    assert errors == expected_errors
    assert records == [record for _, record in expected]
    assert (read, accepted) == (expected_read, expected_accepted)
    lines = [line for batch in batches(path, ReadReport(str(path))) for line in batch["line"]]
    assert [line.as_py() for line in lines] == [line for line, _ in expected]


_SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@_SETTINGS
@given(csv_files(CONSENT))
def test_consent_block_reader_agrees_with_the_row_rules(tmp_path: Path, text: str) -> None:
    path = tmp_path / "consent.csv"
    path.write_text(text, encoding="utf-8", newline="")
    reference = per_row(("called_number", "customer_id", "consent_type"), consent_row)
    assert_same(path, read_consent, read_consent_batches, reference)


@_SETTINGS
@given(csv_files(NUMBERS))
def test_numbers_block_reader_agrees_with_the_row_rules(tmp_path: Path, text: str) -> None:
    path = tmp_path / "numbers.csv"
    path.write_text(text, encoding="utf-8", newline="")
    reference = per_row(("number", "customer_id"), number_grant_row)
    assert_same(path, read_numbers, read_numbers_batches, reference)


@_SETTINGS
@given(csv_files(DNO))
def test_dno_block_reader_agrees_with_the_row_rules(tmp_path: Path, text: str) -> None:
    path = tmp_path / "dno.csv"
    path.write_text(text, encoding="utf-8", newline="")
    reference = per_row(("number",), dno_row)
    assert_same(path, read_dno, read_dno_batches, reference)


def test_a_mostly_good_file_takes_the_fast_path_row_for_row(tmp_path: Path) -> None:
    """The fast path does take the usual rows: the per-row builder sees only the odd one."""
    lines = ["called_number,customer_id,consent_type,obtained_at,revoked_at,evidence"]
    lines += [
        f"+1212736{n:04d},acme,prior_express,2022-01-01T00:00:00Z,,doc-{n}" for n in range(50)
    ]
    lines.append("+12127369999, acme ,implied,,,")
    path = tmp_path / "consent.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    seen: list[int] = []

    def spy(row: Row) -> Any:
        seen.append(row.line)
        return consent_row(row)

    from callwarden.formats import _reference
    from callwarden.formats.customers import CONSENT_SCHEMA, _consent_fast, _consent_values

    report = ReadReport(str(path))
    batches = list(
        _reference.read_batches(
            path,
            report,
            required=("called_number", "customer_id", "consent_type"),
            used=tuple(CONSENT_SCHEMA.names[1:]),
            schema=CONSENT_SCHEMA,
            fast=_consent_fast,
            build=spy,
            values_of=_consent_values,
        )
    )
    assert seen == [52]
    assert sum(batch.num_rows for batch in batches) == 50
    assert [(e.line, e.column) for e in report.errors] == [(52, "consent_type")]
    table = pa.Table.from_batches(batches)
    assert table["obtained_at"][0].as_py() == datetime(2022, 1, 1, tzinfo=UTC)


@pytest.mark.parametrize("bare", [True, False])
def test_dno_lines_in_batches(tmp_path: Path, bare: bool) -> None:
    text = "8006427676\n# comment\n\nno digits\n +12127363100 \n"
    if not bare:
        text = "number\n" + text.replace("# comment", "")
    path = tmp_path / "dno.txt"
    path.write_text(text, encoding="utf-8")
    report = ReadReport(str(path))
    table = pa.Table.from_batches(list(read_dno_batches(path, report)))
    offset = 0 if bare else 1
    assert table["line"].to_pylist() == [1 + offset, 5 + offset]
    assert table["number"].to_pylist() == ["+18006427676", "+12127363100"]
    assert [e.line for e in report.errors] == [4 + offset]


def test_bad_bytes_cost_their_row_only_in_a_column_that_is_read(tmp_path: Path) -> None:
    path = tmp_path / "consent.csv"
    path.write_bytes(
        b"called_number,customer_id,consent_type,notes\n"
        b"2125551234,acme,prior_express,caf\xe9\n"  # 2: an ignored column
        b"2125551235,acm\xe9,prior_express,\n"  # 3
        b"2125551236,acme,prior_express,\n"
    )
    report = ReadReport(str(path))
    records = list(read_consent(path, report))
    assert [r.called_number for r in records] == ["+12125551234", "+12125551236"]
    assert [(e.line, e.column, e.reason) for e in report.errors] == [
        (3, "customer_id", "not UTF-8 text")
    ]
    assert (report.rows_read, report.rows_accepted) == (3, 2)
