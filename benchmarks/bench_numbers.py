"""Telephone-number normalisation and classification over whole columns, and the CDR CSV
reader that applies it to every call record.

Yardsticks measured in the same run: a bare ``pyarrow.compute`` pass over the same column
(``utf8_length``, the cheapest full pass, and one anchored regex match) and Arrow's own
single-threaded CSV read of the same file with every column as text.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from callwarden.formats import ReadReport, read_cdrs
from callwarden.numbers import normalise_and_classify, normalise_column

_AREA_CODES = np.array([202, 212, 213, 305, 312, 404, 415, 617, 646, 702, 713, 786, 917, 972])


def _nanp_numbers(rng: np.random.Generator, count: int) -> np.ndarray:
    npa = rng.choice(_AREA_CODES, count)
    nxx = rng.integers(200, 1000, count)
    line = rng.integers(0, 10_000, count)
    return npa * 10**7 + nxx * 10**4 + line


def realistic_callers(rows: int, distinct: int, seed: int = 7) -> pa.Array:
    """Caller IDs as switches present them: mostly E.164, some bare or formatted, a few
    anonymous, invalid, toll-free and international; ``distinct`` different values."""
    rng = np.random.default_rng(seed)
    numbers = _nanp_numbers(rng, distinct)
    style = rng.random(distinct)
    pool: list[str] = []
    for number, pick in zip(numbers.tolist(), style.tolist(), strict=True):
        digits = str(number)
        if pick < 0.80:
            pool.append("+1" + digits)
        elif pick < 0.90:
            pool.append(digits)
        elif pick < 0.94:
            pool.append(f"({digits[:3]}) {digits[3:6]}-{digits[6:]}")
        elif pick < 0.96:
            pool.append("1" + digits[:3] + "1" + digits[4:])  # NXX starting with 1: invalid
        elif pick < 0.98:
            pool.append("+1800" + digits[3:])
        elif pick < 0.99:
            pool.append("+4420" + digits[2:])
        else:
            pool.append("anonymous")
    indices = rng.zipf(1.3, rows) % distinct  # a few sources place most of the calls
    return pa.array(pool, pa.string()).take(pa.array(indices, pa.int64()))


def realistic_called(rows: int, seed: int = 11) -> pa.Array:
    """Called numbers: nearly all distinct, bare ten digits as many switches log them."""
    rng = np.random.default_rng(seed)
    return pa.array(_nanp_numbers(rng, rows), pa.int64()).cast(pa.string())


def _rate(rows: int, action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return rows / (time.perf_counter() - started)


def _columns(rows: int) -> None:
    callers = realistic_callers(rows, distinct=max(rows // 10, 1))
    called = realistic_called(rows)
    bare = _rate(rows, lambda: pc.utf8_length(callers))
    regex = _rate(rows, lambda: pc.match_substring_regex(callers, r"^\+1[2-9]\d{9}$"))
    classify = _rate(rows, lambda: normalise_and_classify(callers))
    bare_called = _rate(rows, lambda: pc.utf8_length(called))
    normalise = _rate(rows, lambda: normalise_column(called))
    print(
        f"{rows:>12,} caller IDs : normalise_and_classify {classify:>13,.0f} rows/s | "
        f"bare utf8_length {bare:>13,.0f} rows/s | one regex pass {regex:>13,.0f} rows/s"
    )
    print(
        f"{rows:>12,} called nos : normalise_column       {normalise:>13,.0f} rows/s | "
        f"bare utf8_length {bare_called:>13,.0f} rows/s"
    )


def _cdr_csv(rows: int, directory: Path) -> None:
    rng = np.random.default_rng(3)
    starts = np.datetime64("2022-08-08T00:00:00") + rng.integers(0, 7 * 86_400, rows).astype(
        "timedelta64[s]"
    )
    table = pa.table(
        {
            "call_id": pc.binary_join_element_wise(
                "c-", pa.array(np.arange(rows)).cast(pa.string()), ""
            ),
            "start_time": pa.array(starts).cast(pa.string()),
            "duration_s": pa.array(rng.integers(0, 600, rows)).cast(pa.string()),
            "sip_code": pa.array(rng.choice(np.array([200, 486, 480, 603]), rows)).cast(
                pa.string()
            ),
            "caller_id": realistic_callers(rows, distinct=max(rows // 20, 1)),
            "called_number": realistic_called(rows),
            "customer_id": pa.array(rng.choice(np.array(["acme", "phoneburner", "bigco"]), rows)),
            "sub_account": pa.array(rng.choice(np.array(["", "mv-realty", "reseller-7"]), rows)),
            "attestation": pa.array(rng.choice(np.array(["A", "B", "C", ""]), rows)),
        }
    )
    path = directory / f"cdrs_{rows}.csv"
    pacsv.write_csv(table, path)
    size_mb = path.stat().st_size / 1e6
    names = table.column_names

    def bare_read() -> None:
        pacsv.read_csv(
            path,
            read_options=pacsv.ReadOptions(use_threads=False),
            convert_options=pacsv.ConvertOptions(column_types=dict.fromkeys(names, pa.string())),
        )

    report = ReadReport(source=str(path))

    def callwarden_read() -> None:
        for _ in read_cdrs(path, report):
            pass

    bare = _rate(rows, bare_read)
    ours = _rate(rows, callwarden_read)
    assert report.rows_read == rows, report.summary()
    print(
        f"{rows:>12,} CDR rows ({size_mb:,.0f} MB CSV): read_cdrs {ours:>11,.0f} rows/s | "
        f"bare pyarrow CSV read (1 thread, all text) {bare:>11,.0f} rows/s "
        f"| ratio {bare / ours:.2f}x"
    )


def run(full: bool) -> None:
    for rows in (1_000_000, 10_000_000):
        _columns(rows)
    with tempfile.TemporaryDirectory(prefix="callwarden-bench-") as directory:
        for rows in (1_000_000, 10_000_000) if full else (1_000_000,):
            _cdr_csv(rows, Path(directory))
