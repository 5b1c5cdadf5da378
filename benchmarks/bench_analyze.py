"""``callwarden analyze`` on 10M call records (100M with --full) in Parquet, beside the time
DuckDB needs for one bare per-customer-per-hour group-by (calls, exact distinct callees,
answer ratio) over the same files, in the same run. Target: within 2x of the bare pass, peak
memory under 8 GB at 100M.

Three pairs of passes at 10M (two at 100M) are measured, each bare pass right before its
analysis, and the median pair's ratio is the verdict (of two, the larger): a shared host's
speed drifts within minutes (at 100M one bare pass took 52.5 s and the next 39.4 s). One
analysis in hourly windows (``--window hour``: ten times the entity-windows) follows, beside
a bare pass of its own. The records are generated once per size (numpy, straight to Parquet
of STORED_CDR_SCHEMA, as the call store holds them) under $CALLWARDEN_BENCH_DIR (default
/tmp/callwarden-bench) and reused. Each measured pass runs in its own process, so its peak
memory is its own; the analysis's grading workers (forked copies of it, sharing its pages
until they write them) are listed beside it by the largest one's peak.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from callwarden.calls import CDR_SCHEMA, STORED_CDR_SCHEMA, with_number_digits
from callwarden.customers import ConsentType
from callwarden.formats import CONSENT_SCHEMA
from callwarden.lists import DnoEntry, RmdFiling
from callwarden.traffic.analyze import (
    AnalysisOptions,
    ReferenceData,
    analyze_calls,
    connect_cdr_files,
)

ROWS_QUICK = 10_000_000
ROWS_FULL = 100_000_000
ROWS_PER_FILE = 2_000_000
DAYS = 7
CUSTOMERS = 2_000
CONSENTED_CUSTOMERS = 200
START = np.datetime64("2022-08-01T00:00:00", "us")


class PrintProgress:
    """callwarden.progress.Progress on stdout, one line per step."""

    def __init__(self) -> None:
        self._started = 0.0
        self._description = ""

    def start(self, description: str, total: float | None = None) -> None:
        self._started = time.perf_counter()
        self._description = description
        print(f"  {description} ...", flush=True)

    def advance(self, amount: float = 1, *, rows: int = 0) -> None:
        elapsed = time.perf_counter() - self._started
        print(f"    {self._description}: step done at {elapsed:.1f} s", flush=True)

    def finish(self) -> None:
        pass


def _numbers(prefix_digits: np.ndarray) -> pa.Array:
    text = pa.array(prefix_digits).cast(pa.string())
    return pc.binary_join_element_wise("+1", text, "")


def _generate_file(path: Path, rows: int, seed: int) -> None:
    """One file of traffic: customers calling random callees, a tenth through
    sub-accounts, 10% transit; a few customers run campaigns (a recording without
    consent, hit lists, neighbour spoofing) so every detector has work to do."""
    rng = np.random.default_rng(seed)
    customer = rng.zipf(1.3, rows) % CUSTOMERS
    transit = rng.random(rows) < 0.10
    start = START + np.sort(rng.integers(0, DAYS * 86_400 * 10**6, rows)).astype("timedelta64[us]")
    answered = rng.random(rows) < np.where(customer % 50 == 7, 0.15, 0.45)
    recording = customer % 50 == 7
    duration = np.where(
        recording, 40 + rng.integers(-2, 3, rows), rng.exponential(90, rows).astype(np.int64)
    )
    duration = np.where(answered, np.maximum(duration, 1), 0).astype(np.int32)
    sip = np.where(answered, 200, rng.choice([486, 480, 408, 404, 487, 603], rows)).astype(np.int16)
    callee = 2_012_000_000 + rng.integers(0, 7_980_000_000, rows)
    hit_list = customer % 97 == 5
    callee = np.where(hit_list, 4_155_620_000 + np.arange(rows) % 100_000, callee)
    caller = 2_022_000_000 + customer * 100 + rng.integers(0, 5, rows)
    spoofer = customer % 113 == 3
    caller = np.where(spoofer, (callee // 10_000) * 10_000 + rng.integers(0, 10_000, rows), caller)
    customer_text = pc.binary_join_element_wise("cust-", pa.array(customer).cast(pa.string()), "")
    sub_text = pc.binary_join_element_wise(
        "client-", pa.array(rng.integers(0, 40, rows)).cast(pa.string()), ""
    )
    upstream_text = pc.binary_join_element_wise(
        "carrier-", pa.array(customer % 12).cast(pa.string()), ""
    )
    transit_mask = pa.array(transit)
    has_sub = pa.array((customer % 10 == 0) & ~transit)
    null_text = pa.nulls(rows, pa.string())
    ids = pc.binary_join_element_wise(f"b{seed}-", pa.array(np.arange(rows)).cast(pa.string()), "")
    attestation = pa.array(np.array(["A", "B", "C", ""])[rng.integers(0, 4, rows)])
    table = pa.table(
        {
            "call_id": ids,
            "start_time": pa.array(start, pa.timestamp("us", tz="UTC")),
            "duration_s": pa.array(duration),
            "sip_code": pa.array(sip),
            "caller_id": _numbers(caller),
            "caller_class": pa.array(np.full(rows, "valid")),
            "called_number": _numbers(callee),
            "customer_id": pc.if_else(transit_mask, null_text, customer_text),
            "upstream_provider": pc.if_else(transit_mask, upstream_text, null_text),
            "sub_account": pc.if_else(has_sub, sub_text, null_text),
            "downstream_provider": null_text,
            "attestation": pc.if_else(pc.equal(attestation, ""), null_text, attestation),
            "origid": null_text,
            "source_ip": null_text,
        }
    ).cast(CDR_SCHEMA)
    # as the call store holds them: with the numbers' digits
    table = pa.Table.from_batches(
        [with_number_digits(batch) for batch in table.to_batches()], STORED_CDR_SCHEMA
    )
    partial = path.with_suffix(".partial")
    pq.write_table(table, partial, row_group_size=500_000)
    partial.replace(path)


def ensure_data(rows: int) -> Path:
    base = Path(os.environ.get("CALLWARDEN_BENCH_DIR", "/tmp/callwarden-bench"))
    directory = base / f"analyze-{rows // 1_000_000}M"
    directory.mkdir(parents=True, exist_ok=True)
    files = (rows + ROWS_PER_FILE - 1) // ROWS_PER_FILE
    started = time.perf_counter()
    for index in range(files):
        path = directory / f"part-{index:04d}.parquet"
        # files from before the call store kept the numbers' digits are written again
        if path.exists() and STORED_CDR_SCHEMA.names == pq.read_schema(path).names:
            continue
        size = min(ROWS_PER_FILE, rows - index * ROWS_PER_FILE)
        _generate_file(path, size, seed=index)
        print(f"  generated {path.name} ({index + 1}/{files})", flush=True)
    if time.perf_counter() - started > 1:
        print(f"  data ready in {time.perf_counter() - started:.0f} s", flush=True)
    return directory


def _reference(rows: int) -> ReferenceData:
    rng = np.random.default_rng(99)
    consent_count = min(rows // 20, 2_000_000)
    callees = 2_012_000_000 + rng.integers(0, 7_980_000_000, consent_count)
    holders = rng.integers(0, CONSENTED_CUSTOMERS, consent_count)
    # columnar, as `callwarden analyze --consent` reads consent.csv (read_consent_table)
    count = len(callees)
    consent = pa.table(
        {
            "line": pa.array(np.arange(2, count + 2)),
            "called_number": _numbers(callees),
            "customer_id": pc.binary_join_element_wise(
                "cust-", pa.array(holders).cast(pa.string()), ""
            ),
            "consent_type": pa.array(np.full(count, ConsentType.PRIOR_EXPRESS.value)),
            "obtained_at": pa.nulls(count, pa.timestamp("us", tz="UTC")),
            "revoked_at": pa.nulls(count, pa.timestamp("us", tz="UTC")),
            "evidence": pa.nulls(count, pa.string()),
        },
        schema=CONSENT_SCHEMA,
    )
    dno = [DnoEntry(f"+1{2_022_000_000 + n * 100}") for n in range(0, CUSTOMERS, 37)]
    rmd = [RmdFiling(f"{n:010d}", f"carrier-{n}") for n in range(11)]
    return ReferenceData(consent=consent, dno=dno, rmd=rmd)


def _child(kind: str, directory: Path) -> None:
    """One measured pass in this process; prints a JSON line with its figures."""
    files = sorted(directory.glob("*.parquet"))
    rows = sum(pq.ParquetFile(path).metadata.num_rows for path in files)
    figures: dict[str, float | int] = {}
    if kind == "bare":
        connection = duckdb.connect()
        connection.execute("set TimeZone = 'UTC'")
        glob = str(directory / "*.parquet")
        started = time.perf_counter()
        groups = connection.execute(
            "select count(*) from (select customer_id, date_trunc('hour', start_time), "
            "count(*), count(distinct called_number), "
            "avg(case when sip_code = 200 then 1.0 else 0.0 end) "
            f"from read_parquet('{glob}') group by all)"
        ).fetchall()[0][0]
        figures["seconds"] = time.perf_counter() - started
        figures["groups"] = int(groups)
    else:
        reference = _reference(rows)
        connection = connect_cdr_files(files)
        options = AnalysisOptions(window="hour" if kind == "analyze-hour" else "day")
        started = time.perf_counter()
        result = analyze_calls(connection, reference, options, progress=PrintProgress())
        figures["seconds"] = time.perf_counter() - started
        figures["alerts"] = len(result.alerts)
        figures["high"] = sum(1 for a in result.alerts if a.severity.value == "high")
        figures["entities"] = result.entities_assessed
    figures["rows"] = rows
    figures["peak_rss_gb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2
    # the grading workers forked by the analysis (the largest; most of its pages are the
    # analysing process's, shared until written)
    figures["worker_rss_gb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024**2
    print("RESULT " + json.dumps(figures), flush=True)


def _measure(kind: str, directory: Path) -> dict[str, float]:
    """Run one pass in a child process, echoing its progress lines as they come (its
    errors go straight to our stderr)."""
    result: dict[str, float] | None = None
    with subprocess.Popen(
        [sys.executable, "-m", "benchmarks.bench_analyze", kind, str(directory)],
        stdout=subprocess.PIPE,
        text=True,
    ) as child:
        for line in child.stdout or ():
            if line.startswith("RESULT "):
                result = dict(json.loads(line.removeprefix("RESULT ")))
            else:
                print(line, end="", flush=True)
    if child.returncode != 0 or result is None:
        raise RuntimeError(f"{kind} pass failed (exit {child.returncode}, errors above)")
    return result


#: measured pairs (bare pass, then analysis) per size: a shared host's speed drifts by
#: half within minutes, so one pair can mislead; the verdict is the median pair's ratio
#: (of an even number, the larger of the middle two)
PAIRS_QUICK = 3
PAIRS_FULL = 2


def run(full: bool) -> None:
    rows = ROWS_FULL if full else ROWS_QUICK
    pairs = PAIRS_FULL if full else PAIRS_QUICK
    print(f"analysis of {rows:,} CDRs in Parquet ({os.cpu_count()} cores)", flush=True)
    directory = ensure_data(rows)
    measured: list[tuple[dict[str, float], dict[str, float]]] = []
    for pair in range(1, pairs + 1):
        print(f"  pair {pair}/{pairs}: bare DuckDB pass ...", flush=True)
        bare = _measure("bare", directory)
        print(f"  pair {pair}/{pairs}: callwarden analyze ...", flush=True)
        analysis = _measure("analyze", directory)
        measured.append((bare, analysis))
    print("  hourly windows: bare DuckDB pass ...", flush=True)
    hourly_bare = _measure("bare", directory)
    print("  hourly windows: callwarden analyze --window hour ...", flush=True)
    hourly = _measure("analyze-hour", directory)
    print()
    print(f"{'pass':<44} {'seconds':>8} {'rows/s':>12} {'peak RSS':>9} {'grader RSS':>11}")
    rows_printed = [
        *(
            line
            for bare, analysis in measured
            for line in (
                ("DuckDB bare group-by (customer x hour)", bare),
                ("callwarden analyze (features + detectors)", analysis),
            )
        ),
        ("DuckDB bare group-by (customer x hour)", hourly_bare),
        ("callwarden analyze --window hour", hourly),
    ]
    for name, figures in rows_printed:
        rate = figures["rows"] / figures["seconds"]
        print(
            f"{name:<44} {figures['seconds']:>8.1f} {rate:>12,.0f} "
            f"{figures['peak_rss_gb']:>7.2f} GB "
            + (f"{figures['worker_rss_gb']:>8.2f} GB" if figures.get("worker_rss_gb") else "")
        )
    ratios = sorted(analysis["seconds"] / bare["seconds"] for bare, analysis in measured)
    median = ratios[len(ratios) // 2]
    analysis = measured[0][1]
    print(
        f"analyze / bare = {median:.2f}x, the median of {len(ratios)} pair(s) "
        f"({', '.join(f'{ratio:.2f}x' for ratio in ratios)}; target <= 2x); "
        f"{int(analysis['alerts']):,} alerts ({int(analysis['high']):,} high) over "
        f"{int(analysis['entities']):,} entity-windows"
    )
    print(
        f"analyze --window hour / bare = {hourly['seconds'] / hourly_bare['seconds']:.2f}x; "
        f"{int(hourly['alerts']):,} alerts ({int(hourly['high']):,} high) over "
        f"{int(hourly['entities']):,} entity-windows"
    )


if __name__ == "__main__":
    _child(sys.argv[1], Path(sys.argv[2]))
