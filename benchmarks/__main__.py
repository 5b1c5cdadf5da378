"""Run callwarden's benchmarks: ``python -m benchmarks [NAME...] [--full]``.

Each ``benchmarks/bench_<name>.py`` exposes ``run(full: bool) -> None`` and prints its
figures beside a reference measured in the same run (OpenSSL's raw rate, DuckDB's bare
scan, SIPp's offered load), so a number is never read without its yardstick.
Without ``--full`` each benchmark picks sizes that finish in a few minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import time
from pathlib import Path


def available() -> list[str]:
    here = Path(__file__).parent
    return sorted(
        module.name.removeprefix("bench_")
        for module in pkgutil.iter_modules([str(here)])
        if module.name.startswith("bench_")
    )


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("names", nargs="*", help=f"benchmarks to run (default all: {available()})")
    parser.add_argument("--full", action="store_true", help="the full-size runs (100M rows)")
    args = parser.parse_args()
    names = args.names or available()
    unknown = sorted(set(names) - set(available()))
    if unknown:
        parser.error(f"unknown benchmark(s) {unknown}; available: {available()}")
    for name in names:
        print(f"\n=== {name} ===", flush=True)
        started = time.perf_counter()
        importlib.import_module(f"benchmarks.bench_{name}").run(full=args.full)
        print(f"--- {name} took {time.perf_counter() - started:.1f} s", flush=True)


if __name__ == "__main__":
    main()
