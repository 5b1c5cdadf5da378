from __future__ import annotations

import gzip
from datetime import UTC, date, datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from callwarden.formats import ReadReport, read_dno, read_rmd


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


def test_dno_csv_with_reasons_keeps_unnormalisable_numbers_as_presented(tmp_path: Path) -> None:
    text = (
        "Number,Reason\n"
        "(800) 642-7676,inbound only\n"
        "+1 011 555 0000,invalid\n"  # kept as presented
        "call me,\n"  # 4: no digits
        "+12127363100,\n"
    )
    report = ReadReport(source="dno.csv")
    entries = list(read_dno(write(tmp_path, "dno.csv", text), report))
    assert [(e.number, e.reason) for e in entries] == [
        ("+18006427676", "inbound only"),
        ("+1 011 555 0000", "invalid"),
        ("+12127363100", None),
    ]
    assert [(e.line, e.reason) for e in report.errors] == [
        (4, "not a telephone number (no digits)")
    ]


def test_dno_bare_list_gzipped_with_comments_and_blank_lines(tmp_path: Path) -> None:
    text = "# ITG DNO list\n8006427676\n\n  +12127363100  \nabc\n"
    path = tmp_path / "dno.txt"
    path.write_bytes(gzip.compress(text.encode()))
    report = ReadReport(source=str(path))
    entries = list(read_dno(path, report))
    assert [e.number for e in entries] == ["+18006427676", "+12127363100"]
    assert [e.line for e in report.errors] == [5]
    assert report.rows_read == 3


def test_rmd_export_with_bom_aliases_extra_columns_and_padded_frn(tmp_path: Path) -> None:
    text = (
        "\ufeffRMD Number,FRN,Business Name,Business Address,Implementation,Date Last Updated,"
        "Contact Email\n"
        'RMD0001,0012345678,"Twilio, Inc.","San Francisco, CA",Complete STIR/SHAKEN,'
        "1/24/2023,x@example.com\n"
        "RMD0002,12345679,Small Carrier LLC,,Partial,2023-02-01T10:00:00Z,\n"
        "RMD0003,ABC,Bad FRN Co,,,,\n"  # 4
        "RMD0004,0012345670,,,,,\n"  # 5
        "RMD0005,0012345671,Bad Date Co,,,soon,\n"  # 6
    )
    report = ReadReport(source="rmd.csv")
    filings = list(read_rmd(write(tmp_path, "rmd.csv", text), report))
    assert [(f.frn, f.business_name) for f in filings] == [
        ("0012345678", "Twilio, Inc."),
        ("0012345679", "Small Carrier LLC"),
    ]
    assert filings[0].implementation == "Complete STIR/SHAKEN"
    assert filings[0].last_updated == datetime(2023, 1, 24, tzinfo=UTC)
    assert filings[1].last_updated == datetime(2023, 2, 1, 10, tzinfo=UTC)
    assert [(e.line, e.column) for e in report.errors] == [
        (4, "frn"),
        (5, "business_name"),
        (6, "last_updated"),
    ]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.one_of(
            st.integers(2_000_000_000, 9_999_999_999).map(str),
            st.text(alphabet="abcdefgh !?", min_size=1, max_size=10).filter(str.strip),
        ),
        max_size=50,
    )
)
def test_bare_dno_list_lines_are_exact(tmp_path: Path, values: list[str]) -> None:
    # A first line that reads as a header would switch to CSV mode: start with a number.
    values = ["8006427676", *values]
    path = write(tmp_path, "dno.txt", "\n".join(values) + "\n")
    report = ReadReport(source=str(path))
    entries = list(read_dno(path, report))
    assert len(entries) == sum(1 for v in values if v.isdigit())
    assert [e.line for e in report.errors] == [
        line for line, v in enumerate(values, start=1) if not v.isdigit()
    ]


@settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(
            st.integers(1, 9_999_999_999),
            st.text(alphabet="ABCDEFGH ,.&-'", min_size=1, max_size=20).filter(str.strip),
            st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 1, 1)),
            st.booleans(),
        ),
        max_size=25,
    )
)
def test_generated_rmd_filings_round_trip(
    tmp_path: Path, filings: list[tuple[int, str, date, bool]]
) -> None:
    lines = ["\ufeffRMD Number,FRN,Business Name,Implementation,Last Updated,Other"]
    for index, (frn, name, day, us_date) in enumerate(filings):
        stamp = f"{day.month}/{day.day}/{day.year}" if us_date else day.isoformat()
        lines.append(f'RMD{index},{frn},"{name}",Complete,{stamp},x')
    path = write(tmp_path, "rmd.csv", "\n".join(lines) + "\n")
    report = ReadReport(source=str(path))
    read = list(read_rmd(path, report))
    assert report.errors == []
    assert [(f.frn, f.business_name, f.last_updated) for f in read] == [
        (
            f"{frn:010d}",
            name.strip(),
            datetime(day.year, day.month, day.day, tzinfo=UTC),
        )
        for frn, name, day, _ in filings
    ]
