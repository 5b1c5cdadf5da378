"""callwarden synth: CDR rows generated and written per second, beside pyarrow writing the
same number of rows of random data (same column types) to Parquet in the same run.

Quick run: 3 days at scale 1 (about 3.3 million rows). ``--full``: 10 days (about 10.5
million rows), the size of the target "10 million rows well under a minute".
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from callwarden.synth import SynthOptions, synthesize
from callwarden.synth.writer import CDR_FILE_SCHEMA


def _random_day(rng: np.random.Generator, rows: int) -> pa.Table:
    """Random values in the CDR file schema, text made by Arrow's own integer-to-string cast."""
    columns = []
    for field in CDR_FILE_SCHEMA:
        if pa.types.is_timestamp(field.type):
            values = rng.integers(1_659_312_000_000_000, 1_659_398_400_000_000, size=rows)
            columns.append(pa.array(np.sort(values), field.type))
        elif pa.types.is_integer(field.type):
            columns.append(pa.array(rng.integers(0, 600, size=rows), field.type))
        else:
            numbers = pa.array(rng.integers(2_000_000_000, 9_999_999_999, size=rows))
            columns.append(pc.cast(numbers, pa.string()))
    return pa.Table.from_arrays(columns, schema=CDR_FILE_SCHEMA)


def run(full: bool) -> None:
    days = 10 if full else 3
    workdir = Path(tempfile.mkdtemp(prefix="bench-synth-"))
    try:
        started = time.perf_counter()
        result = synthesize(SynthOptions(workdir / "synth", days=days, scale=1.0, seed=1))
        synth_s = time.perf_counter() - started

        rng = np.random.default_rng(1)
        started = time.perf_counter()
        for day, rows in enumerate(result.rows_per_day):
            table = _random_day(rng, rows)
            pq.write_table(table, workdir / f"random-{day}.parquet")
        reference_s = time.perf_counter() - started
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    rows = result.rows
    print(f"rows: {rows:,} over {days} days (scale 1, seed 1)")
    print(f"{'':34} {'seconds':>9} {'rows/s':>12}")
    print(f"{'callwarden synth (all files)':34} {synth_s:9.1f} {rows / synth_s:12,.0f}")
    print(f"{'pyarrow: random rows -> Parquet':34} {reference_s:9.1f} {rows / reference_s:12,.0f}")
    print(f"synth / reference time: {synth_s / reference_s:.2f}x")
