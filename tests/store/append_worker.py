"""Appends one Parquet file of CDR_SCHEMA to a call store, in its own process, so that
the crash tests can SIGKILL a real writer: ``python -m tests.store.append_worker ROOT FILE
COMMIT_ROWS``."""

from __future__ import annotations

import sys
from pathlib import Path

import pyarrow.parquet as pq

from callwarden.store.calls import CallStore


def main(argv: list[str]) -> None:
    root, source, commit_rows = Path(argv[0]), Path(argv[1]), int(argv[2])
    batches = pq.ParquetFile(source).iter_batches(batch_size=65_536)
    CallStore(root, commit_rows=commit_rows).append(batches, source=str(source))


if __name__ == "__main__":
    main(sys.argv[1:])
