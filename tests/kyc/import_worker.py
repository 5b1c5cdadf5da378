"""A separate process for the kill-mid-import tests: ``python -m tests.kyc.import_worker
DB_URL FILE ROWS SIGNAL_FILE`` loads ROWS consent records attributed to FILE, touching
SIGNAL_FILE once a few batches are written, so the test can kill it mid-transaction.
With ``file`` for ROWS it loads FILE itself through the block reader, touching
SIGNAL_FILE once the first block is written."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from callwarden.customers import ConsentRecord, ConsentType
from callwarden.formats.report import ReadReport
from callwarden.kyc.importing import ReferenceKind, import_reference_file
from callwarden.progress import NoProgress
from callwarden.store.relational import BATCH_ROWS, open_database


def consent_rows(rows: int, signal: Path | None) -> Iterator[ConsentRecord]:
    for index in range(rows):
        if signal is not None and index == 3 * BATCH_ROWS:
            signal.touch()
        yield ConsentRecord(
            f"+1202{index:07d}",
            f"customer-{index % 7}",
            ConsentType.PRIOR_EXPRESS,
            obtained_at=datetime(2022, 1, 1, tzinfo=UTC),
            evidence=f"doc-{index}",
        )


class SignalAfterFirstBlock(NoProgress):
    """Progress advances after each block is written (in the open transaction)."""

    def __init__(self, signal: Path | None) -> None:
        self.signal = signal

    def advance(self, amount: float = 1, *, rows: int = 0) -> None:
        if self.signal is not None and rows:
            self.signal.touch()


def main() -> None:
    url, source, count, signal = sys.argv[1], Path(sys.argv[2]), sys.argv[3], sys.argv[4]
    signal_path = Path(signal) if signal != "-" else None
    if count == "file":
        with open_database(url) as database:
            progress = SignalAfterFirstBlock(signal_path)
            import_reference_file(database, ReferenceKind.CONSENT, source, progress=progress)
        return
    rows = int(count)

    def read(path: Path, report: ReadReport) -> Iterator[ConsentRecord]:
        for record in consent_rows(rows, signal_path):
            report.rows_read += 1
            report.rows_accepted += 1
            yield record

    with open_database(url) as database:
        import_reference_file(database, ReferenceKind.CONSENT, source, reader=read)


if __name__ == "__main__":
    main()
