"""The ingest service: real CDR files through the real reader into a real call store."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from callwarden.formats.report import MAX_KEPT_ERRORS
from callwarden.store.calls import CallStore
from callwarden.traffic.ingest import ingest_files
from tests.store.synthetic_calls import calls_for_ids

HEADER = "call_id,start_time,duration_s,sip_code,caller_id,called_number,customer_id\n"


def good_row(number: int, day: int = 1) -> str:
    return (
        f"c-{number},2026-11-0{day}T10:{number % 60:02d}:00Z,30,200,+12025550123,2025550199,acme\n"
    )


def call_ids(store: CallStore) -> list[str]:
    rows = store.connect().execute("select call_id from calls order by call_id").fetchall()
    return [row[0] for row in rows]


def test_good_rows_go_in_and_every_bad_row_is_written_down(tmp_path: Path) -> None:
    source = tmp_path / "cdrs.csv"
    source.write_text(
        HEADER
        + good_row(1)
        + "c-2,yesterday,30,200,+12025550123,2025550199,acme\n"
        + good_row(3, day=2)
        + "c-4,2026-11-01T10:00:00Z,-5,200,+12025550123,2025550199,acme\n"
        + good_row(5)
    )
    store = CallStore(tmp_path / "calls")
    run = ingest_files([source], store, rejects_dir=tmp_path / "rejects")

    (outcome,) = run.files
    assert not run.failed
    assert outcome.report.rows_read == 5
    assert outcome.report.rows_accepted == 3
    assert outcome.result is not None
    assert outcome.result.rows_added == 3
    assert call_ids(store) == ["c-1", "c-3", "c-5"]
    assert run.rejects_path is not None
    assert run.rejects_path.name.endswith(".jsonl")
    lines = [json.loads(line) for line in run.rejects_path.read_text().splitlines()]
    assert [(r["source"], r["line"], r["column"], r["value"]) for r in lines] == [
        (str(source), 3, "start_time", "yesterday"),
        (str(source), 5, "duration_s", "-5"),
    ]
    assert all(r["reason"] for r in lines)


def test_the_rejects_file_holds_more_than_a_report_keeps(tmp_path: Path) -> None:
    bad = MAX_KEPT_ERRORS + 50
    source = tmp_path / "mostly-bad.csv"
    source.write_text(
        HEADER
        + "".join(f"c-{n},never,30,200,+12025550123,2025550199,acme\n" for n in range(bad))
        + good_row(99_999)
    )
    run = ingest_files([source], CallStore(tmp_path / "calls"), rejects_dir=tmp_path / "rejects")

    (outcome,) = run.files
    assert len(outcome.report.errors) == MAX_KEPT_ERRORS
    assert run.rejected_rows == bad
    assert run.rejects_path is not None
    written = run.rejects_path.read_text().splitlines()
    assert len(written) == bad
    assert json.loads(written[-1])["line"] == bad + 1


def test_a_clean_run_leaves_no_rejects_file(tmp_path: Path) -> None:
    source = tmp_path / "clean.csv"
    source.write_text(HEADER + good_row(1))
    run = ingest_files([source], CallStore(tmp_path / "calls"), rejects_dir=tmp_path / "rejects")
    assert run.rejects_path is None
    assert not (tmp_path / "rejects").exists()


def test_an_unusable_file_fails_alone(tmp_path: Path) -> None:
    missing_column = tmp_path / "no-call-id.csv"
    missing_column.write_text("start_time,duration_s\n2026-11-01T10:00:00Z,3\n")
    good = tmp_path / "good.csv"
    good.write_text(HEADER + good_row(1) + good_row(2))
    store = CallStore(tmp_path / "calls")
    run = ingest_files(
        [tmp_path / "absent.csv", missing_column, good], store, rejects_dir=tmp_path / "r"
    )

    absent, no_column, fine = run.files
    assert run.failed
    assert absent.failed
    assert absent.result is None
    assert absent.error is not None
    assert "absent.csv" in absent.error
    assert no_column.failed
    assert no_column.error is not None
    assert "call_id" in no_column.error
    assert not fine.failed
    assert call_ids(store) == ["c-1", "c-2"]
    # Files that never yielded a row leave no trace in the store's history.
    assert [record.source for record in store.ingests()] == [str(good)]


def test_a_file_broken_part_way_keeps_the_rows_before_the_break(tmp_path: Path) -> None:
    whole = HEADER + "".join(good_row(n) for n in range(200_000))
    packed = gzip.compress(whole.encode(), compresslevel=1)
    source = tmp_path / "cut.csv.gz"
    source.write_bytes(packed[: len(packed) * 3 // 4])
    store = CallStore(tmp_path / "calls")
    run = ingest_files([source], store, rejects_dir=tmp_path / "r", batch_rows=10_000)

    (outcome,) = run.files
    assert outcome.failed
    assert outcome.result is not None
    assert 0 < outcome.result.rows_added < 200_000
    assert store.count() == outcome.result.rows_added


def test_the_same_calls_as_csv_and_as_parquet_go_in_once(tmp_path: Path) -> None:
    calls = calls_for_ids(np.arange(5_000))
    as_csv, as_parquet = tmp_path / "a.csv", tmp_path / "b.parquet"
    pacsv.write_csv(calls.slice(0, 3_000), as_csv)
    pq.write_table(calls.slice(2_000), as_parquet)
    store = CallStore(tmp_path / "calls")
    run = ingest_files([as_csv, as_parquet], store, rejects_dir=tmp_path / "r")
    again = ingest_files([as_parquet, as_csv], store, rejects_dir=tmp_path / "r")

    first, second = (f.result for f in run.files)
    assert first is not None
    assert second is not None
    assert (first.rows_added, second.rows_added, second.duplicates_skipped) == (3_000, 2_000, 1_000)
    assert all(f.result is not None and f.result.rows_added == 0 for f in again.files)
    assert store.count() == 5_000
    assert call_ids(store) == sorted(f"c-{n}" for n in range(5_000))


def test_read_ahead_hands_over_every_batch_then_the_readers_error() -> None:
    import pyarrow as pa
    import pytest

    from callwarden.traffic.ingest import _read_ahead

    def reader() -> Iterator[pa.RecordBatch]:
        for number in range(10):
            yield pa.record_batch({"n": [number]})
        raise ValueError("disk on fire")

    seen: list[int] = []
    with pytest.raises(ValueError, match="disk on fire"), _read_ahead(reader(), depth=2) as ahead:
        seen.extend(batch.column(0)[0].as_py() for batch in ahead)
    assert seen == list(range(10))


def test_read_ahead_stops_its_thread_when_the_consumer_leaves_early() -> None:
    import threading

    import pyarrow as pa

    from callwarden.traffic.ingest import _read_ahead

    produced: list[int] = []

    def endless() -> Iterator[pa.RecordBatch]:
        number = 0
        while True:
            produced.append(number)
            yield pa.record_batch({"n": [number]})
            number += 1

    with _read_ahead(endless(), depth=3) as ahead:
        assert next(iter(ahead)).column(0)[0].as_py() == 0
    assert not any(t.name == "cdr-reader" for t in threading.enumerate())
    assert len(produced) <= 6  # bounded by the queue, not run to exhaustion
