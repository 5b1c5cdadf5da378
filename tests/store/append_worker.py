"""Appends one Parquet file of CDR_SCHEMA to a call store, in its own process, so that
the crash tests can SIGKILL a real writer: ``python -m tests.store.append_worker ROOT FILE
COMMIT_ROWS``."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq

from callwarden.store.calls import MANIFEST_NAME, CallStore


def main(argv: list[str]) -> None:
    root, source, commit_rows = Path(argv[0]), Path(argv[1]), int(argv[2])
    batches = pq.ParquetFile(source).iter_batches(batch_size=65_536)
    CallStore(root, commit_rows=commit_rows).append(batches, source=str(source))


def wait_for_first_commit(root: Path, writer: subprocess.Popen[bytes]) -> None:
    """Return once the store under ``root`` holds a committed row (or the writer ended).

    The crash tests kill here rather than after a timer: on a loaded machine any fixed
    moment can land before the first commit or after the last."""
    while writer.poll() is None:
        if (root / MANIFEST_NAME).exists() and CallStore(root).count() > 0:
            return
        time.sleep(0.002)


if __name__ == "__main__":
    main(sys.argv[1:])
