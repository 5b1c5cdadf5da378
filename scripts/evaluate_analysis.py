"""Detection quality on synthetic networks: ``python scripts/evaluate_analysis.py``.

For each seed and scale: ``callwarden synth`` a network, analyse it with its reference
files, and print per campaign and per legitimate kind how far each entity got (its worst
severity over the days), then the same table summed over every run. Exits 1 when a
campaign misses ``high`` or a legitimate entity reaches it.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from callwarden.traffic.quality import QualityReport, evaluate_network, merge_reports


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--scales", type=float, nargs="+", default=[0.05, 0.2])
    parser.add_argument("--days", type=int, default=3)
    parser.add_argument("--window", choices=["day", "hour"], default="day")
    args = parser.parse_args()
    failures = 0
    reports: list[QualityReport] = []
    for scale in args.scales:
        for seed in args.seeds:
            with tempfile.TemporaryDirectory(prefix="callwarden-quality-") as tmp:
                started = time.perf_counter()
                report = evaluate_network(
                    Path(tmp), days=args.days, scale=scale, seed=seed, window=args.window
                )
                took = time.perf_counter() - started
            verdict = "ok" if report.ok else "FAILED"
            print(
                f"\nseed {seed}, scale {scale:g}, {args.days} days, {args.window} windows "
                f"({took:.1f} s): {verdict}"
            )
            print(report.table())
            for row in report.rows:
                if not row.ok and row.missed:
                    what = "wrongly high" if row.legitimate else "missed"
                    print(f"  {what} {row.behaviour}: {', '.join(row.missed)}")
            failures += not report.ok
            reports.append(report)
    total = merge_reports(reports)
    runs = len(args.seeds) * len(args.scales)
    print(f"\nall {runs} runs (seeds {args.seeds}, scales {args.scales}, {args.days} days):")
    print(total.table())
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
