"""Command: ``callwarden ingest FILE...``, CDR files into the call store."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from callwarden.cli import app
from callwarden.cli._console import ConsoleProgress, clean_errors, out
from callwarden.config import Settings
from callwarden.store import DEFAULT_COMMIT_ROWS

if TYPE_CHECKING:
    from callwarden.traffic.ingest import FileIngest

#: Bad rows printed per file; all of them are in the rejects file.
SHOWN_ROW_ERRORS = 5


@app.command(
    "ingest",
    short_help="Add call records to the call store (idempotent, crash-safe).",
)
def ingest_command(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="CDR files (CSV, CSV.gz or Parquet; docs/formats.md 1) or directories of them."
        ),
    ],
    home: Annotated[
        Path | None,
        typer.Option(help="Data directory (default: $CALLWARDEN_HOME or ./callwarden-data)."),
    ] = None,
    commit_rows: Annotated[
        int,
        typer.Option(
            min=1,
            help="Rows per atomic commit: an interrupted run redoes at most this many.",
        ),
    ] = DEFAULT_COMMIT_ROWS,
) -> None:
    """Add call records to the call store. Safe to repeat: calls already held (same
    call_id) are skipped, and an interrupted run can simply be run again. Rejected rows
    are listed in HOME/rejects/ingest-<time>.jsonl. Exits 1 if a whole file could not be
    read."""
    from callwarden.formats.cdr import cdr_files
    from callwarden.store.calls import CallStore
    from callwarden.traffic.ingest import ingest_files

    settings = Settings.from_env(home=home)
    with clean_errors():
        progress = ConsoleProgress()
        # A directory stands for the CDR files in it; a file that cannot be read is
        # reported by itself while the others go in.
        named = [
            found for path in files for found in (cdr_files([path]) if path.is_dir() else [path])
        ]
        run = ingest_files(
            named,
            CallStore(settings.call_store_dir, commit_rows=commit_rows),
            rejects_dir=settings.home / "rejects",
            progress=progress,
        )
        progress.finish()
    for outcome in run.files:
        _print_outcome(outcome)
    if run.rejects_path is not None:
        _say(f"{run.rejected_rows:,} rejected rows written to {escape(str(run.rejects_path))}")
    store = CallStore(settings.call_store_dir)
    _say(f"call store {escape(str(settings.call_store_dir))}: {store.count():,} calls")
    if run.failed:
        raise typer.Exit(1)


def _print_outcome(outcome: FileIngest) -> None:
    if outcome.error is not None:
        _say(f"[red]error:[/red] {escape(outcome.error)}")
    if outcome.result is None:
        return
    result = outcome.result
    _say(escape(outcome.report.summary()))
    _say(
        f"  {result.rows_added:,} calls added, {result.duplicates_skipped:,} already held "
        f"or repeated in the file"
    )
    for error in outcome.report.errors[:SHOWN_ROW_ERRORS]:
        _say(f"  {escape(str(error))}")
    hidden = outcome.report.rows_rejected - SHOWN_ROW_ERRORS
    if hidden > 0:
        _say(f"  ... and {hidden:,} more rejected rows")


def _say(text: str) -> None:
    # No wrapping: a path or a file:line reference must stay whole to be copied.
    out.print(text, soft_wrap=True)
