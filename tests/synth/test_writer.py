"""The writer's output reads back through callwarden's own readers with nothing rejected,
and its text builders agree with plain Python formatting."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import numpy as np
import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st

from callwarden.formats import (
    ReadReport,
    read_cdrs,
    read_consent,
    read_customers,
    read_dno,
    read_numbers,
    read_rmd,
)
from callwarden.numbers import normalise
from callwarden.synth import SynthOptions, synthesize
from callwarden.synth.network import (
    FORM_ANONYMOUS,
    FORM_E164,
    FORM_ELEVEN_DIGITS,
    FORM_INTERNATIONAL,
    FORM_NATIONAL,
    FORM_RAW_DIGITS,
)
from callwarden.synth.writer import (
    caller_strings,
    e164_strings,
    hex_ids,
    iso_times_of_day,
    present_caller,
)
from tests.synth.conftest import Synthesised


def _read_all_cdrs(path: Path) -> tuple[pa.Table, ReadReport]:
    report = ReadReport(source=str(path))
    batches = list(read_cdrs(path, report))
    return pa.Table.from_batches(batches), report


def test_every_cdr_file_reads_with_zero_rejected_rows(synthesised: Synthesised) -> None:
    for path in sorted((synthesised.out / "cdrs").glob("*.parquet")):
        table, report = _read_all_cdrs(path)
        assert report.rows_rejected == 0, report.summary()
        assert table.num_rows == pq_rows(path)


def pq_rows(path: Path) -> int:
    import pyarrow.parquet as pq

    return int(pq.ParquetFile(path).metadata.num_rows)


def test_csv_cdrs_read_with_zero_rejected_rows_and_match_parquet(tmp_path: Path) -> None:
    options = {"days": 1, "scale": 0.004, "seed": 9}
    synthesize(SynthOptions(tmp_path / "csv", file_format="csv", **options))  # type: ignore[arg-type]
    synthesize(SynthOptions(tmp_path / "pq", **options))  # type: ignore[arg-type]
    from_csv, csv_report = _read_all_cdrs(tmp_path / "csv" / "cdrs" / "2022-08-01.csv.gz")
    from_parquet, _ = _read_all_cdrs(tmp_path / "pq" / "cdrs" / "2022-08-01.parquet")
    assert csv_report.rows_rejected == 0, csv_report.summary()
    assert from_csv.num_rows == from_parquet.num_rows
    for column in ("call_id", "start_time", "caller_id", "called_number", "attestation"):
        assert from_csv[column].to_pylist() == from_parquet[column].to_pylist(), column


def test_side_files_read_with_zero_rejected_rows(synthesised: Synthesised) -> None:
    readers = {
        "customers.csv": read_customers,
        "numbers.csv": read_numbers,
        "consent.csv": read_consent,
        "dno.csv": read_dno,
        "rmd.csv": read_rmd,
    }
    for name, reader in readers.items():
        report = ReadReport(source=name)
        records = list(reader(synthesised.out / name, report))
        assert records, name
        assert report.rows_rejected == 0, report.summary()


def test_labelled_caller_ids_are_what_the_reader_makes_of_the_cdrs(
    synthesised: Synthesised,
) -> None:
    callers: set[str] = set()
    for path in sorted((synthesised.out / "cdrs").glob("*.parquet")):
        table, _ = _read_all_cdrs(path)
        callers.update(table["caller_id"].unique().to_pylist())
    with (synthesised.out / "labels.csv").open(newline="") as handle:
        labelled = [
            r["entity_id"] for r in csv.DictReader(handle) if r["entity_type"] == "caller_id"
        ]
    assert labelled
    assert set(labelled) <= callers


@given(st.lists(st.integers(min_value=0, max_value=9_999_999_999), max_size=50))
def test_e164_strings_match_python_formatting(values: list[int]) -> None:
    array = e164_strings(np.array(values, dtype=np.int64))
    assert array.to_pylist() == [f"+1{v:010d}" for v in values]


@given(st.lists(st.integers(min_value=0, max_value=86_399_999), max_size=50))
def test_iso_times_of_day_match_python_formatting(values: list[int]) -> None:
    day = date(2022, 8, 1)
    texts = iso_times_of_day(day, np.array(values, dtype=np.int64)).to_pylist()
    for value, text in zip(values, texts, strict=True):
        seconds, millis = divmod(value, 1000)
        hours, rest = divmod(seconds, 3600)
        assert text == f"2022-08-01T{hours:02d}:{rest // 60:02d}:{rest % 60:02d}.{millis:03d}Z"


@given(
    st.integers(min_value=2_002_000_000, max_value=9_899_999_999),
    st.sampled_from([FORM_E164, FORM_NATIONAL, FORM_ELEVEN_DIGITS]),
)
def test_presented_forms_normalise_to_the_same_number(number: int, form: int) -> None:
    text = present_caller(number, form)
    # Only the form differs: a reader normalising it must find the same E.164 number
    # whenever the plain E.164 form normalises.
    plain = normalise(f"+1{number:010d}")
    assert normalise(text) == plain


def test_special_forms_are_kept_apart_from_e164() -> None:
    caller = np.array([2025550123, 2025550123, 2025550123, 0, 12345678901, 447700900123])
    form = np.array(
        [FORM_E164, FORM_NATIONAL, FORM_ELEVEN_DIGITS, FORM_ANONYMOUS, FORM_RAW_DIGITS,
         FORM_INTERNATIONAL],
        dtype=np.uint8,
    )  # fmt: skip
    assert caller_strings(caller, form).to_pylist() == [
        "+12025550123",
        "(202) 555-0123",
        "12025550123",
        "anonymous",
        "+112345678901",
        "+447700900123",
    ]


@pytest.mark.parametrize("count", [0, 1, 1000])
def test_hex_ids_are_distinct_32_hex_digits(count: int) -> None:
    ids = hex_ids(np.random.default_rng(0), count).to_pylist()
    assert len(set(ids)) == count
    assert all(len(i) == 32 and int(i, 16) >= 0 for i in ids)
