"""``callwarden ingest``: the command's output and exit status, and the real command killed
with SIGKILL at random moments then run again."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pyarrow.csv as pacsv
import pytest
from typer.testing import CliRunner

from callwarden.calls import CDR_COLUMNS
from callwarden.cli import app
from callwarden.store.calls import LOCK_NAME, MANIFEST_NAME, CallStore
from tests.store.append_worker import wait_for_first_commit
from tests.store.synthetic_calls import calls_for_ids

HEADER = "call_id,start_time,duration_s,sip_code,caller_id,called_number,customer_id\n"
ROW = "c-{n},2026-11-01T10:00:00Z,30,200,+12025550123,2025550199,acme\n"


def test_ingest_prints_a_summary_and_lists_bad_rows(tmp_path: Path) -> None:
    source = tmp_path / "cdrs.csv"
    source.write_text(
        HEADER + ROW.format(n=1) + "c-2,2026-11-01T10:00:00Z,30,999,+1202555012,202555019,acme\n"
    )
    home = tmp_path / "home"
    result = CliRunner().invoke(app, ["ingest", str(source), "--home", str(home)])

    assert result.exit_code == 0, result.output
    assert "2 rows read, 1 accepted, 1 rejected" in result.output
    assert "1 calls added" in result.output
    assert "cdrs.csv:3" in result.output
    rejects = list((home / "rejects").glob("ingest-*.jsonl"))
    assert len(rejects) == 1
    assert '"line": 3' in rejects[0].read_text()
    assert CallStore(home / "calls").count() == 1


def test_ingest_exits_non_zero_only_for_a_whole_file_error(tmp_path: Path) -> None:
    good = tmp_path / "good.csv"
    good.write_text(HEADER + ROW.format(n=1))
    home = tmp_path / "home"
    result = CliRunner().invoke(
        app, ["ingest", str(tmp_path / "missing.csv"), str(good), "--home", str(home)]
    )

    assert result.exit_code == 1
    assert "missing.csv" in result.output
    assert CallStore(home / "calls").count() == 1  # the good file still went in


def test_ingest_takes_a_directory_of_cdr_files(tmp_path: Path) -> None:
    cdrs = tmp_path / "cdrs" / "2026-11"
    cdrs.mkdir(parents=True)
    (cdrs / "a.csv").write_text(HEADER + ROW.format(n=1))
    (cdrs / "b.csv").write_text(HEADER + ROW.format(n=2))
    (cdrs / "notes.txt").write_text("not call records")
    home = tmp_path / "home"
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "cdrs"), "--home", str(home)])

    assert result.exit_code == 0, result.output
    assert "a.csv" in result.output
    assert "b.csv" in result.output
    assert "notes.txt" not in result.output
    assert CallStore(home / "calls").count() == 2


def fingerprint(root: Path) -> tuple[int, int, str]:
    connection = CallStore(root).connect()
    columns = ", ".join(CDR_COLUMNS)
    row = connection.execute(
        f"select count(*), count(distinct call_id), "
        f"coalesce(md5(string_agg(concat_ws('|', {columns}, day), '\n' order by call_id)), '') "
        "from calls"
    ).fetchone()
    assert row is not None
    return int(row[0]), int(row[1]), str(row[2])


def run_ingest(home: Path, source: Path, commit_rows: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from callwarden.cli import main; main()",
            "ingest",
            str(source),
            "--home",
            str(home),
            "--commit-rows",
            str(commit_rows),
        ],
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def kill_ingest_and_recover(
    tmp_path: Path,
    *,
    rows: int,
    commit_rows: int,
    kills: int,
    seed: int,
    must_interrupt: bool = False,
) -> None:
    ids = np.arange(rows)
    ids = np.concatenate([ids, np.random.default_rng(seed).choice(ids, rows // 20)])
    source = tmp_path / "cdrs.csv"
    pacsv.write_csv(calls_for_ids(ids, days=3), source)

    started = time.perf_counter()
    clean = run_ingest(tmp_path / "clean", source, commit_rows)
    _, error = clean.communicate()
    assert clean.returncode == 0, error.decode()
    clean_seconds = time.perf_counter() - started
    expected = fingerprint(tmp_path / "clean" / "calls")
    assert expected[0] == expected[1] == rows

    home = tmp_path / "chaos"
    moments = random.Random(seed)
    partials: list[int] = []
    for kill in range(kills):
        ingest = run_ingest(home, source, commit_rows)
        if must_interrupt and kill == 0:
            wait_for_first_commit(home / "calls", ingest)
        else:
            time.sleep(moments.uniform(0.05, 1.0) * clean_seconds)
        ingest.send_signal(signal.SIGKILL)
        ingest.communicate()
        partial = fingerprint(home / "calls")
        assert partial[0] == partial[1] <= rows
        partials.append(partial[0])
    # Nothing committed is ever lost by a later kill.
    assert partials == sorted(partials)
    if must_interrupt:  # the first kill landed between the first and the last commit
        assert any(0 < count < rows for count in partials), partials
    ingest = run_ingest(home, source, commit_rows)
    _, error = ingest.communicate()
    assert ingest.returncode == 0, error.decode()

    assert fingerprint(home / "calls") == expected
    on_disk = sorted((home / "calls").glob("day=*/*"))
    assert on_disk == sorted(CallStore(home / "calls").files())
    assert {p.name for p in (home / "calls").iterdir() if not p.name.startswith("day=")} <= {
        LOCK_NAME,
        MANIFEST_NAME,
    }


def test_ingest_killed_at_random_moments_ends_as_one_clean_run(tmp_path: Path) -> None:
    kill_ingest_and_recover(tmp_path, rows=30_000, commit_rows=4_000, kills=2, seed=11)


@pytest.mark.slow
def test_ingest_of_millions_killed_at_random_moments_ends_as_one_clean_run(
    tmp_path: Path,
) -> None:
    kill_ingest_and_recover(
        tmp_path, rows=1_500_000, commit_rows=200_000, kills=4, seed=2026, must_interrupt=True
    )
