from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from callwarden.errors import InputError
from callwarden.formats import ReadReport, read_notice, read_traceback_requests

SEED_LETTER = Path(__file__).parent / "data" / "fcc_notice_twilio_2023.txt"


def test_real_fcc_letter_attachment_a() -> None:
    calls, report = read_notice(SEED_LETTER)
    assert len(calls) == 11
    assert report.rows_rejected == 0
    assert report.rows_accepted == 11
    first = calls[0]
    assert first.customer == "MV Realty"
    assert first.itg_notified_at == datetime(2022, 8, 10, 15, 36, tzinfo=UTC)
    assert first.call_time == datetime(2022, 8, 8, 20, 50, tzinfo=UTC)
    assert first.caller_id is None  # [REDACTED]
    assert first.called_number is None
    assert first.description == "HomeOwner-CashProgram"
    assert first.violation == "47 USC 227(b); 47 CFR 64.1200(a)"
    assert calls[-1].call_time == datetime(2022, 9, 30, 19, 50, tzinfo=UTC)


def test_letter_given_as_text_reports_lines_in_the_letter() -> None:
    text = SEED_LETTER.read_text(encoding="utf-8")
    lines = text.splitlines()
    header_line = next(i for i, line in enumerate(lines, 1) if "<b>Customer</b>" in line)
    broken = [
        *lines[:header_line],
        "MV Realty\tAug 10, 2022 15:36 UTC\tsometime\t[REDACTED]\t[REDACTED]\tx\ty",
        *lines[header_line:],
    ]
    calls, report = read_notice("\n".join(broken))
    assert len(calls) == 11
    assert [(e.line, e.column) for e in report.errors] == [(header_line + 1, "call_time")]
    assert report.source == "<notice text>"


def test_bare_csv_table_with_us_dates_and_numbers(tmp_path: Path) -> None:
    path = tmp_path / "attachment_a.csv"
    path.write_text(
        "Customer,Date of ITG Notification,Date of Call,Caller ID,Called Number,Description,"
        "Violation\n"
        "Acme Dialer,7/20/2023,7/18/2023,(212) 736-3100,2125551234,Debt relief,47 CFR 64.1200\n"
        'Acme Dialer,,7/18/2023 14:05,"+1 011 555 0000",[REDACTED],,\n'
        "Acme Dialer,,2023-07-18T14:05:00-04:00,,,,\n",
        encoding="utf-8",
    )
    calls, report = read_notice(path)
    assert report.rows_rejected == 0
    assert [c.call_time for c in calls] == [
        datetime(2023, 7, 18, tzinfo=UTC),
        datetime(2023, 7, 18, 14, 5, tzinfo=UTC),
        datetime(2023, 7, 18, 18, 5, tzinfo=UTC),
    ]
    assert calls[0].itg_notified_at == datetime(2023, 7, 20, tzinfo=UTC)
    assert calls[0].caller_id == "+12127363100"
    assert calls[0].called_number == "+12125551234"
    assert calls[1].caller_id == "+1 011 555 0000"  # kept as presented: evidence
    assert calls[1].called_number is None


def test_markdown_pipe_table_and_page_furniture() -> None:
    text = "\n".join(
        [
            "Dear provider,",
            "as listed in Attachment A ...",
            "## ATTACHMENT A",
            "| **Customer** | **Date of Call** | **Caller ID** | **Called Number** |",
            "|---|---|---|---|",
            "| Acme | Aug 08, 2022 20:50 UTC | 2127363100 | [REDACTED] |",
            "Federal Communications Commission   DA 23-1",
            "| **Customer** | **Date of Call** | **Caller ID** | **Called Number** |",
            "| Acme | Sept 09, 2022 10:00 UTC | 2127363101 | [REDACTED] |",
            "Acme Aug 10, 2022 11:00 UTC 2127363102",  # line 10: lost its separators
        ]
    )
    calls, report = read_notice(text)
    assert [c.caller_id for c in calls] == ["+12127363100", "+12127363101"]
    assert calls[1].call_time == datetime(2022, 9, 9, 10, tzinfo=UTC)
    assert [(e.line, e.reason) for e in report.errors] == [
        (10, "table row without cell separators")
    ]


def test_text_without_attachment_table_is_an_input_error() -> None:
    with pytest.raises(InputError, match="Attachment A"):
        read_notice("Dear provider, see ATTACHMENT A (not included).")


def test_traceback_requests(tmp_path: Path) -> None:
    path = tmp_path / "tracebacks.csv"
    path.write_text(
        "Request ID,call_time,caller_id,called_number,campaign\n"
        "TB-1,2022-08-08T20:50:00Z,2127363100,(212) 555-1234,HomeOwner-CashProgram\n"
        "TB-2,8/8/2022 20:51,+1 011 555 0000,2125551234,\n"
        "TB-3,,2127363100,2125551234,\n"  # 4
        "TB-4,2022-08-08T20:50:00Z,2127363100,,\n",  # 5
        encoding="utf-8",
    )
    report = ReadReport(source=str(path))
    requests = list(read_traceback_requests(path, report))
    assert [r.request_id for r in requests] == ["TB-1", "TB-2"]
    assert requests[0].caller_id == "+12127363100"
    assert requests[0].called_number == "+12125551234"
    assert requests[0].campaign == "HomeOwner-CashProgram"
    assert requests[1].call_time == datetime(2022, 8, 8, 20, 51, tzinfo=UTC)
    assert requests[1].caller_id == "+1 011 555 0000"
    assert requests[1].campaign is None
    assert [(e.line, e.column) for e in report.errors] == [(4, "call_time"), (5, "called_number")]


_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


@settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.one_of(
            st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2035, 1, 1)),
            st.text(alphabet="xyz?! ", min_size=1, max_size=8).filter(str.strip),
        ),
        max_size=30,
    ),
    st.booleans(),
)
def test_notice_rows_round_trip_in_both_date_styles(
    rows: list[datetime | str], us_style: bool
) -> None:
    lines = ["ATTACHMENT A", "Customer\tDate of Call\tCaller ID\tCalled Number"]
    expected: list[datetime] = []
    bad: list[int] = []
    for row in rows:
        if isinstance(row, datetime):
            moment = row.replace(second=0, microsecond=0)
            if us_style:
                stamp = f"{moment.month}/{moment.day}/{moment.year} {moment:%H:%M}"
            else:
                stamp = f"{_MONTHS[moment.month - 1]} {moment:%d, %Y %H:%M} UTC"
            expected.append(moment.replace(tzinfo=UTC))
        else:
            stamp = row
            bad.append(len(lines) + 1)
        lines.append(f"Acme\t{stamp}\t[REDACTED]\t[REDACTED]")
    calls, report = read_notice("\n".join(lines))
    assert [c.call_time for c in calls] == expected
    assert [e.line for e in report.errors] == bad


@settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(
            st.datetimes(min_value=datetime(2015, 1, 1), max_value=datetime(2035, 1, 1)).map(
                lambda moment: moment.replace(microsecond=0, tzinfo=UTC)
            ),
            st.integers(2_000_000, 9_999_999),
            st.one_of(st.none(), st.text(alphabet="abc XYZ-", max_size=10)),
        ),
        max_size=25,
    )
)
def test_generated_traceback_requests_round_trip(
    tmp_path: Path, requests: list[tuple[datetime, int, str | None]]
) -> None:
    lines = ["campaign,called_number,caller_id,call_time,request_id"]
    for index, (moment, line, campaign) in enumerate(requests):
        caller = f"(212) {line // 10000:03d}-{line % 10000:04d}"
        lines.append(f"{campaign or ''},2125551234,{caller},{moment.isoformat()},TB-{index}")
    path = tmp_path / "tracebacks.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = ReadReport(source=str(path))
    read = list(read_traceback_requests(path, report))
    assert report.errors == []
    assert [(r.request_id, r.call_time, r.caller_id, r.campaign) for r in read] == [
        (f"TB-{index}", moment, f"+1212{line:07d}", (campaign or "").strip() or None)
        for index, (moment, line, campaign) in enumerate(requests)
    ]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Aug 10, 2022 15:36 UTC", datetime(2022, 8, 10, 15, 36, tzinfo=UTC)),
        ("Jul 18, 2023 2:05 PM UTC", datetime(2023, 7, 18, 14, 5, tzinfo=UTC)),
        ("July 18, 2023", datetime(2023, 7, 18, tzinfo=UTC)),
        ("Sept 9, 2022 12:00 AM", datetime(2022, 9, 9, tzinfo=UTC)),
        ("7/18/2023", datetime(2023, 7, 18, tzinfo=UTC)),
        ("7/18/2023 14:05", datetime(2023, 7, 18, 14, 5, tzinfo=UTC)),
        ("7/18/23 2:05:30 pm", datetime(2023, 7, 18, 14, 5, 30, tzinfo=UTC)),
        ("2023-07-18T14:05:00-04:00", datetime(2023, 7, 18, 18, 5, tzinfo=UTC)),
        ("13/40/2023", None),
        ("Jul 18, 2023 13:05 PM", None),
        ("Augx 1, 2022", None),
    ],
)
def test_notice_date_forms(written: str, expected: datetime | None) -> None:
    text = f"ATTACHMENT A\nCustomer\tDate of Call\tCaller ID\nAcme\t{written}\t[REDACTED]\n"
    calls, report = read_notice(text)
    assert [c.call_time for c in calls] == ([] if expected is None else [expected])
    assert report.rows_rejected == (1 if expected is None else 0)
