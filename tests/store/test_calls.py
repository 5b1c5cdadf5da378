"""The call store: partition layout, idempotent appends, garbage after a kill, the lock,
and a writer killed with SIGKILL at random moments."""

from __future__ import annotations

import datetime as dt
import fcntl
import itertools
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from callwarden.calls import CDR_COLUMNS, CDR_SCHEMA, STORED_CDR_SCHEMA
from callwarden.errors import StoreError
from callwarden.store.calls import LOCK_NAME, MANIFEST_NAME, STAGING_NAME, CallStore
from tests.store.append_worker import wait_for_first_commit
from tests.store.synthetic_calls import calls_for_ids

REPO = Path(__file__).resolve().parents[2]


def fingerprint(store: CallStore) -> tuple[int, int, str, int]:
    """Rows, distinct call_ids, a digest of the sorted call_ids, and a sum of row hashes
    over every column: equal fingerprints mean equal stores, whatever the file layout."""
    connection = store.connect()
    columns = ", ".join(CDR_COLUMNS)
    row = connection.execute(
        f"select count(*), count(distinct call_id), "
        f"coalesce(md5(string_agg(call_id, ',' order by call_id)), ''), "
        f"coalesce(sum(hash({columns}, day)::hugeint), 0)::varchar from calls"
    ).fetchone()
    assert row is not None
    return int(row[0]), int(row[1]), str(row[2]), int(row[3])


def with_column(table: pa.Table, name: str, values: pa.Array) -> pa.Table:
    """``table`` with column ``name`` replaced, keeping the schema's field (and nullability)."""
    field = CDR_SCHEMA.field(name)
    return table.set_column(CDR_COLUMNS.index(name), field.with_type(values.type), values)


def stored_rows(store: CallStore) -> list[dict[str, object]]:
    table = store.connect().sql(f"select {', '.join(CDR_COLUMNS)} from calls").to_arrow_table()
    return sorted(table.to_pylist(), key=lambda row: str(row["call_id"]))


def test_empty_store_has_a_typed_empty_view(tmp_path: Path) -> None:
    store = CallStore(tmp_path / "calls")
    assert store.count() == 0
    assert store.days() == []
    table = store.connect().sql("select * from calls").to_arrow_table()
    assert table.num_rows == 0
    assert table.schema.names == [*STORED_CDR_SCHEMA.names, "day"]
    assert table.schema.field("start_time").type == pa.timestamp("us", tz="UTC")
    assert table.schema.field("day").type == pa.date32()


def test_calls_land_in_the_partition_of_their_utc_day(tmp_path: Path) -> None:
    calls = calls_for_ids(np.arange(4))
    times = pa.array(
        [
            dt.datetime(2026, 11, 1, 23, 59, 59, 999_999, tzinfo=dt.UTC),
            dt.datetime(2026, 11, 2, 0, 0, tzinfo=dt.UTC),
            dt.datetime(2026, 11, 2, 4, 30, tzinfo=dt.UTC),  # 23:30 the day before in New York
            dt.datetime(2026, 11, 3, 12, 0, tzinfo=dt.UTC),
        ],
        pa.timestamp("us", tz="UTC"),
    )
    calls = with_column(calls, "start_time", times)
    store = CallStore(tmp_path / "calls")
    result = store.append(calls.to_batches(), source="boundary.csv")

    assert result.added_per_day == {
        dt.date(2026, 11, 1): 1,
        dt.date(2026, 11, 2): 2,
        dt.date(2026, 11, 3): 1,
    }
    assert store.days() == [dt.date(2026, 11, 1), dt.date(2026, 11, 2), dt.date(2026, 11, 3)]
    for path in store.files():
        # Hive layout for Spark: the day lives in the directory name, not in the file.
        assert path.parent.name.startswith("day=2026-11-0")
        assert pq.read_schema(path).names == STORED_CDR_SCHEMA.names
    by_day = dict(store.connect().sql("select call_id, cast(day as varchar) from calls").fetchall())
    assert by_day == {"c-0": "2026-11-01", "c-1": "2026-11-02", "c-2": "2026-11-02"} | {
        "c-3": "2026-11-03"
    }


def test_the_store_reads_back_exactly_what_was_appended(tmp_path: Path) -> None:
    calls = calls_for_ids(np.arange(5_000))
    store = CallStore(tmp_path / "calls")
    store.append(calls.to_batches(max_chunksize=700), source="a.parquet")

    expected = sorted(calls.to_pylist(), key=lambda row: str(row["call_id"]))
    assert stored_rows(store) == expected
    assert store.count() == 5_000
    for path in store.files():
        assert pq.read_schema(path).field("sip_code").type == pa.int16()


def test_the_same_file_twice_adds_nothing(tmp_path: Path) -> None:
    calls = calls_for_ids(np.arange(3_000))
    store = CallStore(tmp_path / "calls")
    first = store.append(calls.to_batches(), source="day1.csv")
    before = fingerprint(store)
    files_before = store.files()
    second = store.append(calls.to_batches(), source="day1.csv")

    assert (first.rows_offered, first.rows_added, first.duplicates_skipped) == (3_000, 3_000, 0)
    assert (second.rows_offered, second.rows_added, second.duplicates_skipped) == (3_000, 0, 3_000)
    assert fingerprint(store) == before
    assert store.files() == files_before
    assert [(i.source, i.rows_offered, i.rows_added) for i in store.ingests()] == [
        ("day1.csv", 3_000, 3_000),
        ("day1.csv", 3_000, 0),
    ]


def test_overlapping_files_add_only_the_new_call_ids(tmp_path: Path) -> None:
    store = CallStore(tmp_path / "calls")
    store.append(calls_for_ids(np.arange(0, 2_000)).to_batches(), source="a.csv")
    result = store.append(calls_for_ids(np.arange(1_500, 3_000)).to_batches(), source="b.csv")

    assert result.rows_added == 1_000
    assert result.duplicates_skipped == 500
    reference = CallStore(tmp_path / "reference")
    reference.append(calls_for_ids(np.arange(3_000)).to_batches(), source="all.csv")
    assert fingerprint(store) == fingerprint(reference)


def test_duplicates_within_one_file_keep_the_first(tmp_path: Path) -> None:
    calls = calls_for_ids(np.array([1, 2, 3]))
    later = with_column(calls, "duration_s", pa.array([901, 902, 903], pa.int32()))
    offered = pa.concat_tables([calls.slice(0, 2), later, calls.slice(2, 1)])
    store = CallStore(tmp_path / "calls", commit_rows=1_000)
    result = store.append(offered.to_batches(max_chunksize=2), source="dups.csv")

    assert (result.rows_offered, result.rows_added) == (6, 3)
    durations = {row["call_id"]: row["duration_s"] for row in stored_rows(store)}
    assert durations == {
        "c-1": calls["duration_s"][0].as_py(),
        "c-2": calls["duration_s"][1].as_py(),
        "c-3": 903,  # the changed copy of c-3 came before the original
    }


def test_first_wins_across_commits_of_one_append(tmp_path: Path) -> None:
    calls = calls_for_ids(np.arange(100))
    changed = with_column(calls, "duration_s", pa.array(np.full(100, 7), pa.int32()))
    store = CallStore(tmp_path / "calls", commit_rows=30)
    result = store.append(
        pa.concat_tables([calls, changed]).to_batches(max_chunksize=30), source="x"
    )

    assert result.rows_added == 100
    assert len(store.files()) > 1  # several commits really happened
    assert stored_rows(store) == sorted(calls.to_pylist(), key=lambda row: str(row["call_id"]))


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    ids=st.lists(st.integers(min_value=0, max_value=400), min_size=1, max_size=300),
    cuts=st.lists(st.integers(min_value=0, max_value=300), max_size=4),
    commit_rows=st.integers(min_value=1, max_value=200),
    seed=st.integers(min_value=0, max_value=2**32 - 1),
)
def test_any_split_and_order_of_the_same_rows_gives_the_same_store(
    tmp_path_factory: pytest.TempPathFactory,
    ids: list[int],
    cuts: list[int],
    commit_rows: int,
    seed: int,
) -> None:
    base = tmp_path_factory.mktemp("split")
    reference = CallStore(base / "reference")
    reference.append(calls_for_ids(np.unique(ids)).to_batches(), source="once")

    shuffled = list(ids)
    random.Random(seed).shuffle(shuffled)
    bounds = sorted({0, len(shuffled), *(min(c, len(shuffled)) for c in cuts)})
    store = CallStore(base / "split", commit_rows=commit_rows)
    for number, (start, end) in enumerate(itertools.pairwise(bounds)):
        part = calls_for_ids(np.array(shuffled[start:end]))
        store.append(part.to_batches(max_chunksize=37), source=f"part-{number}")

    assert fingerprint(store) == fingerprint(reference)
    assert store.count() == len(set(ids))
    assert store.day_counts() == reference.day_counts()


def test_a_batch_of_another_schema_is_refused_by_name(tmp_path: Path) -> None:
    calls = calls_for_ids(np.arange(3))
    wrong = with_column(calls, "sip_code", pa.array([200, 486, 404], pa.int64()))
    store = CallStore(tmp_path / "calls")
    with pytest.raises(StoreError, match=r"bad\.csv: column 'sip_code' is int64"):
        store.append(wrong.to_batches(), source="bad.csv")
    with pytest.raises(StoreError, match="lacks column"):
        store.append(calls.drop_columns(["caller_class"]).to_batches(), source="bad.csv")
    assert store.count() == 0


def test_columns_in_another_order_are_accepted(tmp_path: Path) -> None:
    calls = calls_for_ids(np.arange(10))
    reordered = calls.select(list(reversed(CDR_COLUMNS)))
    store = CallStore(tmp_path / "calls")
    assert store.append(reordered.to_batches(), source="r.parquet").rows_added == 10
    assert stored_rows(store) == sorted(calls.to_pylist(), key=lambda row: str(row["call_id"]))


def test_leftovers_of_a_killed_writer_are_invisible_and_removed(tmp_path: Path) -> None:
    store = CallStore(tmp_path / "calls")
    store.append(calls_for_ids(np.arange(50)).to_batches(), source="a")
    day_dir = store.files()[0].parent
    # What a writer killed between rename and manifest commit leaves behind: a complete
    # file nobody committed, plus a half-written one in staging.
    orphan = day_dir / "part-orphan.parquet"
    pq.write_table(calls_for_ids(np.arange(1_000, 1_010)), orphan)
    (tmp_path / "calls" / STAGING_NAME / "x" / "day=2026-11-01").mkdir(parents=True)
    (tmp_path / "calls" / STAGING_NAME / "x" / "day=2026-11-01" / "data_0.parquet").write_bytes(
        b"PAR1 half"
    )

    assert store.count() == 50
    assert fingerprint(store)[0] == 50  # readers see only what the manifest lists

    store.append(calls_for_ids(np.arange(50, 60)).to_batches(), source="b")
    assert not orphan.exists()
    assert not (tmp_path / "calls" / STAGING_NAME).exists()
    assert fingerprint(store)[0] == 60


def test_a_second_writer_is_refused_while_one_holds_the_lock(tmp_path: Path) -> None:
    root = tmp_path / "calls"
    root.mkdir()
    with open(root / LOCK_NAME, "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        with pytest.raises(StoreError, match="another process is writing"):
            CallStore(root).append(calls_for_ids(np.arange(3)).to_batches(), source="a")
    assert CallStore(root).append(calls_for_ids(np.arange(3)).to_batches(), source="a").rows_added


def test_a_damaged_manifest_is_reported_not_guessed(tmp_path: Path) -> None:
    root = tmp_path / "calls"
    root.mkdir()
    (root / MANIFEST_NAME).write_text("{not json")
    with pytest.raises(StoreError, match=r"_manifest\.json: manifest is not valid JSON"):
        CallStore(root).count()


def test_a_view_registered_on_an_existing_connection(tmp_path: Path) -> None:
    store = CallStore(tmp_path / "calls")
    store.append(calls_for_ids(np.arange(20)).to_batches(), source="a")
    connection = duckdb.connect()
    store.register(connection, name="cdr")
    assert connection.sql("select count(*) from cdr").fetchall() == [(20,)]


# -- killed writers ----------------------------------------------------------------------


def run_writer(root: Path, source: Path, commit_rows: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.store.append_worker",
            str(root),
            str(source),
            str(commit_rows),
        ],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        stderr=subprocess.PIPE,
    )


def kill_and_recover(
    tmp_path: Path,
    *,
    rows: int,
    commit_rows: int,
    kills: int,
    seed: int,
    must_interrupt: bool = False,
) -> None:
    """Ingest ``rows`` rows (with 10% duplicates) cleanly once; then SIGKILL a writer of the
    same file ``kills`` times at seeded random moments, re-run it to the end, and require
    the very same store."""
    ids = np.arange(rows)
    ids = np.concatenate([ids, np.random.default_rng(seed).choice(ids, rows // 10)])
    source = tmp_path / "cdrs.parquet"
    pq.write_table(calls_for_ids(ids), source, row_group_size=65_536)

    clean_root = tmp_path / "clean"
    started = time.perf_counter()
    clean = run_writer(clean_root, source, commit_rows)
    _, error = clean.communicate()
    assert clean.returncode == 0, error.decode()
    clean_seconds = time.perf_counter() - started
    expected = fingerprint(CallStore(clean_root))
    assert expected[0] == expected[1] == rows

    chaos_root = tmp_path / "chaos"
    moments = random.Random(seed)
    partials: list[int] = []
    for kill in range(kills):
        writer = run_writer(chaos_root, source, commit_rows)
        if must_interrupt and kill == 0:
            wait_for_first_commit(chaos_root, writer)
        else:
            time.sleep(moments.uniform(0.1, 1.0) * clean_seconds)
        writer.send_signal(signal.SIGKILL)
        writer.communicate()
        # Between kill and recovery, readers see a consistent, duplicate-free subset.
        partial = fingerprint(CallStore(chaos_root))
        assert partial[0] == partial[1] <= rows
        partials.append(partial[0])
    # Nothing committed is ever lost by a later kill.
    assert partials == sorted(partials)
    if must_interrupt:  # the first kill landed between the first and the last commit
        assert any(0 < count < rows for count in partials), partials
    writer = run_writer(chaos_root, source, commit_rows)
    _, error = writer.communicate()
    assert writer.returncode == 0, error.decode()

    assert fingerprint(CallStore(chaos_root)) == expected
    leftovers = {p.name for p in (chaos_root).iterdir()} - {LOCK_NAME, MANIFEST_NAME}
    assert all(name.startswith("day=") for name in leftovers)
    on_disk = sorted(chaos_root.glob("day=*/*"))
    assert on_disk == sorted(CallStore(chaos_root).files())


def test_a_writer_killed_at_random_moments_ends_as_one_clean_run(tmp_path: Path) -> None:
    kill_and_recover(tmp_path, rows=60_000, commit_rows=8_000, kills=3, seed=7)


@pytest.mark.slow
def test_a_writer_killed_at_random_moments_on_millions_of_rows(tmp_path: Path) -> None:
    kill_and_recover(
        tmp_path, rows=2_500_000, commit_rows=300_000, kills=4, seed=20261122, must_interrupt=True
    )


def test_schema_constant_is_what_files_hold(tmp_path: Path) -> None:
    store = CallStore(tmp_path / "calls")
    store.append(calls_for_ids(np.arange(5)).to_batches(), source="a")
    schema = pq.read_schema(store.files()[0])
    assert [(f.name, f.type) for f in schema] == [(f.name, f.type) for f in STORED_CDR_SCHEMA]


def test_files_from_before_the_digits_are_read_with_them_computed(tmp_path: Path) -> None:
    """A store written before the numbers' digits were added holds files without them;
    its view computes them for those files and reads them from the newer ones."""
    store = CallStore(tmp_path / "calls")
    store.append(calls_for_ids(np.arange(0, 40)).to_batches(), source="old")
    for path in store.files():  # as written before: CDR_SCHEMA alone
        pq.write_table(pq.read_table(path).select(list(CDR_COLUMNS)), path)
    store.append(calls_for_ids(np.arange(40, 80)).to_batches(), source="new")
    schemas = [pq.read_schema(path).names for path in store.files()]
    assert list(CDR_COLUMNS) in schemas
    assert STORED_CDR_SCHEMA.names in schemas

    rows = (
        store.connect()
        .execute("select caller_id, caller_digits, called_number, called_digits from calls")
        .fetchall()
    )
    assert len(rows) == 80
    for caller, caller_digits, called, called_digits in rows:
        assert caller_digits == (int(caller[1:]) if caller.startswith("+") else None)
        assert called_digits == int(called[1:])


def test_a_damaged_file_is_named(tmp_path: Path) -> None:
    store = CallStore(tmp_path / "calls")
    store.append(calls_for_ids(np.arange(10)).to_batches(), source="a")
    (damaged,) = store.files()[:1]
    damaged.write_bytes(b"not parquet")
    with pytest.raises(StoreError, match=f"{damaged.name}: not a readable Parquet file"):
        store.connect()
