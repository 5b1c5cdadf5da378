from __future__ import annotations

import gzip
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from callwarden.calls import CDR_SCHEMA
from callwarden.errors import InputError
from callwarden.formats import ReadReport, read_cdrs

HEADER = "call_id,start_time,duration_s,sip_code,caller_id,called_number,customer_id,attestation"


def good_row(call_id: str, caller: str = "+12127363100") -> str:
    return f"{call_id},2022-08-08T20:50:00Z,30,200,{caller},2125551234,acme,A"


def read_all(path: Path, **kwargs: int) -> tuple[pa.Table, ReadReport]:
    report = ReadReport(source=str(path))
    batches = list(read_cdrs(path, report, **kwargs))
    for batch in batches:
        assert batch.schema.equals(CDR_SCHEMA)
    return pa.Table.from_batches(batches, schema=CDR_SCHEMA), report


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


def test_reads_and_normalises_a_clean_file(tmp_path: Path) -> None:
    text = (
        "Call_ID,START_TIME,Duration_S,sip_code,Caller_ID,called_number,customer_id,"
        "sub_account,attestation,origid,source_ip,switch_name\n"
        "c1,2022-08-08T15:50:00-05:00,30,200,(212) 736-3100,212-555-1234,acme,mv,a,o-1,"
        "192.0.2.1,sw1\n"
        "c2,2022-08-08 20:51:00,0,486,anonymous,+12125551234, acme ,,,,,sw1\n"
        "c3,2022-08-08T20:52:00,0,404,+1 011 555 0123,2,acme,,C,,,sw1\n"
    )
    table, report = read_all(write(tmp_path, "cdrs.csv", text))
    assert report.rows_read == 3
    assert report.rows_accepted == 3
    assert report.rows_rejected == 0
    rows = table.to_pylist()
    assert rows[0]["start_time"] == datetime(2022, 8, 8, 20, 50, tzinfo=UTC)
    assert rows[0]["caller_id"] == "+12127363100"
    assert rows[0]["caller_class"] == "valid"
    assert rows[0]["called_number"] == "+12125551234"
    assert rows[0]["attestation"] == "A"
    assert rows[0]["sub_account"] == "mv"
    assert rows[0]["source_ip"] == "192.0.2.1"
    assert rows[1]["start_time"] == datetime(2022, 8, 8, 20, 51, tzinfo=UTC)  # no offset = UTC
    assert rows[1]["caller_class"] == "anonymous"
    assert rows[1]["customer_id"] == "acme"
    assert rows[1]["attestation"] is None
    assert rows[1]["sub_account"] is None
    assert rows[1]["upstream_provider"] is None
    # Not normalisable: kept exactly as presented (evidence), class says why.
    assert rows[2]["caller_id"] == "+1 011 555 0123"
    assert rows[2]["caller_class"] == "invalid_nanp"
    assert rows[2]["called_number"] == "2"


def test_bad_rows_are_reported_with_line_reason_column_and_value(tmp_path: Path) -> None:
    lines = [
        HEADER,
        good_row("c1"),  # 2
        "c2,yesterday,30,200,+12127363100,2125551234,acme,A",  # 3
        "c3,2022-08-08T20:50:00Z,-5,200,+12127363100,2125551234,acme,A",  # 4
        "c4,2022-08-08T20:50:00Z,1.5,200,+12127363100,2125551234,acme,A",  # 5
        "c5,2022-08-08T20:50:00Z,30,OK,+12127363100,2125551234,acme,A",  # 6
        ",2022-08-08T20:50:00Z,30,200,+12127363100,2125551234,acme,A",  # 7
        "c7,2022-08-08T20:50:00Z,30,200,+12127363100,2125551234,,A",  # 8
        "c8,2022-08-08T20:50:00Z,30,200,+12127363100,2125551234,acme,X",  # 9
        "c9,2022-08-08T20:50:00Z,30,200",  # 10: too few fields
        "c10,2022-08-08T20:50:00Z,30,200,+12127363100,2125551234,acme,A,extra",  # 11
        "c11,2022-02-30T20:50:00Z,30,200,+12127363100,2125551234,acme,A",  # 12
        "c12,2022-08-08T20:50:00Z,30,200,+12127363100,,acme,A",  # 13
        good_row("c13"),  # 14
    ]
    table, report = read_all(write(tmp_path, "cdrs.csv", "\n".join(lines) + "\n"))
    assert table.column("call_id").to_pylist() == ["c1", "c13"]
    assert report.rows_read == 13
    assert report.rows_accepted == 2
    found = {error.line: (error.reason, error.column, error.value) for error in report.errors}
    assert found[3] == ("unparseable timestamp (ISO 8601 expected)", "start_time", "yesterday")
    assert found[4][1:] == ("duration_s", "-5")
    assert found[5][1:] == ("duration_s", "1.5")
    assert found[6][1:] == ("sip_code", "OK")
    assert found[7][0] == "empty call_id"
    assert found[8][0] == "neither customer_id nor upstream_provider"
    assert found[9][1:] == ("attestation", "X")
    assert found[10][0] == "wrong number of fields: expected 8, got 4"
    assert found[11][0] == "wrong number of fields: expected 8, got 9"
    assert found[12][1:] == ("start_time", "2022-02-30T20:50:00Z")
    assert found[13][0] == "empty called_number"
    assert set(found) == set(range(3, 14))
    assert all(error.source == str(tmp_path / "cdrs.csv") for error in report.errors)


def test_line_numbers_survive_blank_lines_and_quoted_newlines(tmp_path: Path) -> None:
    lines = [
        HEADER,  # 1
        good_row("c1"),  # 2
        "",  # 3
        '"c2 spans',  # 4
        'two lines",2022-08-08T20:50:00Z,30,200,+12127363100,2125551234,acme,A',  # 5
        "c3,2022-08-08T20:50:00Z,30,200",  # 6: bad (fields)
        ",,,,,,,",  # 7: empty row, skipped like a blank line
        '"c4",2022-08-08T20:50:00Z,-1,200,+12127363100,2125551234,"acme',  # 8
        'corp",A',  # 9
        "c5,2022-08-08T20:50:00Z,30,999,+12127363100,2125551234,acme,A",  # 10: bad sip
    ]
    table, report = read_all(write(tmp_path, "cdrs.csv", "\r\n".join(lines) + "\r\n"))
    assert table.column("call_id").to_pylist() == ["c1", "c2 spans\r\ntwo lines"]
    assert sorted((error.line, error.column) for error in report.errors) == [
        (6, None),
        (8, "duration_s"),
        (10, "sip_code"),
    ]
    assert report.rows_read == 5


def test_unbalanced_quote_is_one_reported_row_not_a_crash(tmp_path: Path) -> None:
    lines = [HEADER, good_row("c1"), 'c2,"oops,30,200', good_row("c3"), good_row("c4")]
    table, report = read_all(write(tmp_path, "cdrs.csv", "\n".join(lines) + "\n"))
    assert table.column("call_id").to_pylist() == ["c1"]
    assert [error.line for error in report.errors] == [3]
    assert "c3" in (report.errors[0].value or "")  # the swallowed lines are in the evidence


def test_gzip_by_suffix_and_by_magic_and_bom(tmp_path: Path) -> None:
    text = "\ufeff" + HEADER + "\n" + good_row("c1") + "\n" + good_row("c2") + "\n"
    by_suffix = tmp_path / "cdrs.csv.gz"
    by_suffix.write_bytes(gzip.compress(text.encode("utf-8")))
    by_magic = tmp_path / "cdrs.export"
    by_magic.write_bytes(gzip.compress(text.encode("utf-8")))
    plain_bom = write(tmp_path, "bom.csv", text)
    for path in (by_suffix, by_magic, plain_bom):
        table, report = read_all(path)
        assert table.column("call_id").to_pylist() == ["c1", "c2"], path
        assert report.rows_rejected == 0


def test_repeated_unknown_columns_are_ignored_but_repeated_known_ones_are_not(
    tmp_path: Path,
) -> None:
    text = HEADER + ",note,note\n" + good_row("c1") + ",a,b\n"
    table, _ = read_all(write(tmp_path, "cdrs.csv", text))
    assert table.column("call_id").to_pylist() == ["c1"]
    text = HEADER + ",caller_id\n" + good_row("c1") + ",+12127363100\n"
    with pytest.raises(InputError, match="caller_id"):
        list(read_cdrs(write(tmp_path, "twice.csv", text)))


def test_tab_separated_file(tmp_path: Path) -> None:
    text = HEADER.replace(",", "\t") + "\n" + good_row("c1").replace(",", "\t") + "\n"
    table, _ = read_all(write(tmp_path, "cdrs.tsv", text))
    assert table.column("call_id").to_pylist() == ["c1"]


def test_missing_required_column_is_an_input_error_for_the_whole_file(tmp_path: Path) -> None:
    path = write(tmp_path, "cdrs.csv", "call_id,start_time,duration_s\nc1,2022-08-08,1\n")
    with pytest.raises(InputError, match="sip_code"):
        list(read_cdrs(path))
    path = write(
        tmp_path,
        "no_source.csv",
        "call_id,start_time,duration_s,sip_code,caller_id,called_number\n",
    )
    with pytest.raises(InputError, match="customer_id or upstream_provider"):
        list(read_cdrs(path))
    with pytest.raises(InputError):
        list(read_cdrs(write(tmp_path, "empty.csv", "")))
    with pytest.raises(InputError, match="cannot"):
        list(read_cdrs(tmp_path / "absent.csv"))


def test_transit_rows_need_only_upstream_provider(tmp_path: Path) -> None:
    text = (
        "call_id,start_time,duration_s,sip_code,caller_id,called_number,upstream_provider\n"
        "t1,2022-08-08T20:50:00Z,0,603,+12127363100,+12125551234,carrier-x\n"
    )
    table, _ = read_all(write(tmp_path, "transit.csv", text))
    assert table.column("upstream_provider").to_pylist() == ["carrier-x"]
    assert table.column("customer_id").to_pylist() == [None]


def test_parquet_typed_and_text_columns(tmp_path: Path) -> None:
    typed = pa.table(
        {
            "CALL_ID": ["p1", "p2", None],
            "start_time": pa.array(
                [datetime(2022, 8, 8, 20, 50), datetime(2022, 8, 9), datetime(2022, 8, 9)],
                pa.timestamp("ms"),
            ),
            "duration_s": pa.array([10, -1, 3], pa.int64()),
            "sip_code": pa.array([200, 200, 200], pa.int32()),
            "caller_id": ["2127363100", "+12127363100", "+12127363100"],
            "called_number": ["2125551234", "2125551234", "2125551234"],
            "customer_id": ["acme", "acme", "acme"],
        }
    )
    path = tmp_path / "cdrs.parquet"
    pq.write_table(typed, path)
    table, report = read_all(path)
    assert table.column("call_id").to_pylist() == ["p1"]
    assert table.column("start_time").to_pylist() == [datetime(2022, 8, 8, 20, 50, tzinfo=UTC)]
    assert table.column("caller_id").to_pylist() == ["+12127363100"]
    assert sorted((error.line, error.column) for error in report.errors) == [
        (2, "duration_s"),
        (3, "call_id"),
    ]
    text_typed = tmp_path / "text.parquet"
    pq.write_table(
        typed.cast(pa.schema([(name, pa.string()) for name in typed.column_names])), text_typed
    )
    table, report = read_all(text_typed)
    assert table.column("call_id").to_pylist() == ["p1"]


def test_batches_respect_batch_rows(tmp_path: Path) -> None:
    lines = [HEADER, *(good_row(f"c{i}") for i in range(25))]
    path = write(tmp_path, "cdrs.csv", "\n".join(lines) + "\n")
    batches = list(read_cdrs(path, batch_rows=10))
    assert all(batch.num_rows <= 10 for batch in batches)
    assert sum(batch.num_rows for batch in batches) == 25


# --- properties -------------------------------------------------------------------------

_FIELD_TEXT = st.text(
    alphabet=st.characters(blacklist_characters='"\r\n,', blacklist_categories=["Cs"]),
    max_size=12,
)


@st.composite
def cdr_rows(draw: st.DrawFn) -> tuple[str, str | None]:
    """(row text, expected call_id when the row is good, None when it must be rejected)."""
    kind = draw(st.sampled_from(["good", "good", "bad_duration", "bad_time", "garbage"]))
    call_id = "c" + str(draw(st.integers(0, 10**9)))
    seconds = draw(st.integers(0, 86_399))
    stamp = f"2022-08-08T{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
    caller = draw(st.sampled_from(["+12127363100", "2127363100", "anonymous", "+44 20 7946 0000"]))
    duration = str(draw(st.integers(0, 10**6)))
    if kind == "bad_duration":
        duration = draw(st.sampled_from(["-1", "1.5", "x", ""]))
    if kind == "bad_time":
        stamp = draw(st.sampled_from(["", "2022-08-32", "nope", "8/8/2022"]))
    if kind == "garbage":
        cells = draw(st.lists(_FIELD_TEXT, min_size=1, max_size=12).filter(lambda c: len(c) != 8))
        if not any(cell.strip() for cell in cells):
            cells[0] = "junk"
        return ",".join(cells), None
    row = f"{call_id},{stamp},{duration},200,{caller},2125551234,acme,B"
    return row, (call_id if kind == "good" else None)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(cdr_rows(), max_size=60), st.integers(1, 7))
def test_good_rows_come_out_and_every_bad_row_is_reported_at_its_line(
    tmp_path: Path, rows: list[tuple[str, str | None]], batch_rows: int
) -> None:
    path = write(tmp_path, "prop.csv", "\n".join([HEADER, *(text for text, _ in rows)]) + "\n")
    table, report = read_all(path, batch_rows=batch_rows)
    assert table.column("call_id").to_pylist() == [cid for _, cid in rows if cid is not None]
    bad_lines = sorted(line for line, (_, cid) in enumerate(rows, start=2) if cid is None)
    assert sorted(error.line for error in report.errors) == bad_lines
    assert report.rows_read == len(rows)
    assert report.rows_accepted + report.rows_rejected == len(rows)


def test_bytes_that_are_not_utf8_cost_only_their_row(tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes(
        (HEADER + "\n" + good_row("c1") + "\n").encode()
        + b"c2,2022-08-08T20:50:00Z,30,200,+1212\xff7363100,2125551234,acme,A\n"
        + (good_row("c3") + "\n").encode()
    )
    table, report = read_all(path)
    assert table.column("call_id").to_pylist() == ["c1", "c3"]
    assert [(e.line, e.column, e.reason) for e in report.errors] == [
        (3, "caller_id", "not UTF-8 text")
    ]
    assert report.rows_read == 3


@pytest.mark.parametrize("body", ["", "\n", "\n\n\n", "\r\n  \r\n"])
def test_header_only_files_yield_nothing_and_report_nothing(tmp_path: Path, body: str) -> None:
    table, report = read_all(write(tmp_path, "empty_body.csv", HEADER + body))
    assert table.num_rows == 0
    assert report.rows_read == 0
    assert report.rows_rejected == 0
