"""Command: ``callwarden load``, reference files (customers, numbers, consent, DNO, RMD)
into the relational store."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from callwarden.cli import app
from callwarden.cli._console import ConsoleProgress, clean_errors, console, out
from callwarden.config import Settings

if TYPE_CHECKING:
    from callwarden.formats.report import ReadReport
    from callwarden.kyc.importing import ReferenceImportError

#: Bad rows printed per file.
SHOWN_ROW_ERRORS = 5


@app.command(
    "load",
    short_help="Load customers, numbers, consent, DNO and RMD files into the relational store.",
)
def load_command(
    *,
    customers: Annotated[
        Path | None, typer.Option(help="customers.csv: accounts (docs/formats.md 2).")
    ] = None,
    numbers: Annotated[
        Path | None, typer.Option(help="numbers.csv: numbers granted to accounts.")
    ] = None,
    consent: Annotated[
        Path | None, typer.Option(help="consent.csv: callees' consent (docs/formats.md 3).")
    ] = None,
    dno: Annotated[Path | None, typer.Option(help="dno.csv: Do-Not-Originate numbers.")] = None,
    rmd: Annotated[
        Path | None, typer.Option(help="rmd.csv: Robocall Mitigation Database export.")
    ] = None,
    db: Annotated[
        str | None,
        typer.Option(
            help="Database URL (default: $CALLWARDEN_DATABASE_URL, else a SQLite file under "
            "HOME). Prefer the variable for a URL with a password: arguments are visible "
            "to other users in the process list.",
        ),
    ] = None,
    home: Annotated[
        Path | None,
        typer.Option(help="Data directory (default: $CALLWARDEN_HOME or ./callwarden-data)."),
    ] = None,
) -> None:
    """Load reference files into the relational store, each file in one transaction.
    Safe to repeat: loading a file again leaves the same rows, and an interrupted load
    can simply be run again. Bad rows are reported and the good ones loaded. Exits 1 if
    a whole file could not be used (the files before it stay loaded)."""
    from callwarden.kyc.importing import ReferenceImportError, import_reference_files
    from callwarden.store.relational import open_database

    if not any((customers, numbers, consent, dno, rmd)):
        console.print("[red]error:[/red] name at least one file (--customers, --numbers, ...)")
        raise typer.Exit(2)
    settings = Settings.from_env(home=home, database_url=db)
    failure: ReferenceImportError | None = None
    with clean_errors(), open_database(settings.database_url) as database:
        _say(f"database {escape(database.url)}")
        progress = ConsoleProgress()
        try:
            reports = import_reference_files(
                database,
                customers=customers,
                numbers=numbers,
                consent=consent,
                dno=dno,
                rmd=rmd,
                progress=progress,
            )
        except ReferenceImportError as error:
            failure = error
            reports = error.loaded
        finally:
            progress.finish()
        for report in reports:
            _print_report(report)
        if failure is not None:
            console.print(f"[red]error:[/red] {escape(str(failure))}", soft_wrap=True)
        with database.reading() as store:
            counts = store.counts()
    _say(
        f"store holds {counts.customers:,} customers, {counts.number_grants:,} number grants, "
        f"{counts.consent:,} consent records, {counts.dno:,} DNO numbers, "
        f"{counts.rmd_filings:,} RMD filings"
    )
    if failure is not None:
        raise typer.Exit(1)


def _print_report(report: ReadReport) -> None:
    _say(escape(report.summary()))
    for error in report.errors[:SHOWN_ROW_ERRORS]:
        _say(f"  {escape(str(error))}")
    hidden = report.rows_rejected - SHOWN_ROW_ERRORS
    if hidden > 0:
        _say(f"  ... and {hidden:,} more rejected rows")


def _say(text: str) -> None:
    # Unwrapped: a file name or a row error cut in two cannot be searched or copied.
    out.print(text, soft_wrap=True)
