"""Command: ``callwarden analyze``, robocall detection over call records."""

from __future__ import annotations

import os
import tempfile
from dataclasses import fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich import box
from rich.markup import escape
from rich.table import Table

from callwarden.cli import app
from callwarden.cli._console import ConsoleProgress, clean_errors, console, out
from callwarden.config import Settings
from callwarden.traffic.alerts import Severity, write_alerts_jsonl
from callwarden.traffic.explain import explain_alert, severity_counts, summarise_sources

if TYPE_CHECKING:
    from callwarden.formats import ReadReport
    from callwarden.traffic.analyze import AnalysisResult, ReferenceData
    from callwarden.traffic.detectors import Thresholds

#: Sources listed in the printed summary; every alert is in the JSON Lines file.
SHOWN_SOURCES = 15
SHOWN_EXPLANATIONS = 5
SHOWN_ROW_ERRORS = 5


@app.command(
    "analyze",
    short_help="Find robocall traffic in call records and name its narrowest source.",
)
def analyze_command(
    *,
    cdrs: Annotated[
        list[Path] | None,
        typer.Option(
            help="CDR files or directories of them (Parquet, CSV, CSV.gz; docs/formats.md 1). "
            "Repeat for several. Default: the call store under HOME.",
        ),
    ] = None,
    customers: Annotated[
        Path | None, typer.Option(help="customers.csv: accounts, KYC and declared use.")
    ] = None,
    numbers: Annotated[
        Path | None, typer.Option(help="numbers.csv: numbers each account may present.")
    ] = None,
    consent: Annotated[
        Path | None, typer.Option(help="consent.csv: callees' prior express consent.")
    ] = None,
    dno: Annotated[Path | None, typer.Option(help="dno.csv: Do-Not-Originate numbers.")] = None,
    rmd: Annotated[
        Path | None, typer.Option(help="rmd.csv: Robocall Mitigation Database export.")
    ] = None,
    out_path: Annotated[
        Path | None,
        typer.Option("--out", help="Write alerts here, one JSON object per line (formats.md 5)."),
    ] = None,
    use_store: Annotated[
        bool | None,
        typer.Option(
            "--store/--no-store",
            help="Take the lists not given as files from the relational store (what "
            "`callwarden load` put there). Default: when $CALLWARDEN_DATABASE_URL or --db "
            "names one, or HOME holds the SQLite file.",
        ),
    ] = None,
    db: Annotated[
        str | None,
        typer.Option(
            help="Database URL (default: $CALLWARDEN_DATABASE_URL, else a SQLite file under HOME)."
        ),
    ] = None,
    window: Annotated[str, typer.Option(help="Alert window: day or hour.")] = "day",
    days: Annotated[
        int | None,
        typer.Option(
            min=1,
            help="Analyse only the last DAYS UTC days, up to the newest day holding calls "
            "(a nightly run over a rolling week: --days 7). Default: every call.",
        ),
    ] = None,
    thresholds: Annotated[
        Path | None,
        typer.Option(
            help="TOML file of detector thresholds to change, one `name = value` each "
            "(docs/formats.md 8; docs/detectors.md gives each its meaning)."
        ),
    ] = None,
    min_severity: Annotated[
        Severity, typer.Option(help="Leave out alerts below this severity.")
    ] = Severity.LOW,
    explain: Annotated[
        int, typer.Option(min=0, help="Print the full explanation of this many top alerts.")
    ] = SHOWN_EXPLANATIONS,
    memory_limit: Annotated[
        str | None,
        typer.Option(
            help="Most memory the scans of the calls may take, e.g. 6GB (default: DuckDB's, "
            "80% of the machine's); beyond it they spill to a scratch directory, slower.",
        ),
    ] = None,
    home: Annotated[
        Path | None,
        typer.Option(help="Data directory (default: $CALLWARDEN_HOME or ./callwarden-data)."),
    ] = None,
) -> None:
    """Find traffic consistent with illegal robocalls and name its narrowest source (the
    sub-account of a reseller, the upstream provider of transit traffic). Prints the
    sources to act on first and why; with --out writes every alert as JSON Lines. A
    detector whose list is not given (consent, DNO, RMD, numbers) stays silent."""
    from callwarden.formats import read_thresholds
    from callwarden.store.calls import CallStore
    from callwarden.traffic.analyze import (
        AnalysisOptions,
        analyze_calls,
        bound_memory,
        checked_memory_limit,
        connect_cdr_files,
        read_reference_files,
        stage_cdr_files,
    )

    if window not in ("day", "hour"):
        console.print(f"[red]error:[/red] --window must be day or hour (got {window!r})")
        raise typer.Exit(2)
    settings = Settings.from_env(home=home, database_url=db)
    options = AnalysisOptions(window=window, min_severity=min_severity, days=days)
    files = {"customers": customers, "numbers": numbers, "consent": consent, "dno": dno, "rmd": rmd}
    with clean_errors():
        if memory_limit is not None:
            checked_memory_limit(memory_limit)  # before minutes of reading files
        if thresholds is not None:
            options = replace(options, thresholds=read_thresholds(thresholds))
            _print_changed_thresholds(options.thresholds, thresholds)
        reference, reports = read_reference_files(**files)
        if use_store if use_store is not None else _store_is_set_up(settings, db):
            reference = _with_store_lists(reference, settings, {k for k, v in files.items() if v})
        progress = ConsoleProgress()
        with tempfile.TemporaryDirectory(prefix="callwarden-analyze-") as workdir:
            if cdrs:
                staged = stage_cdr_files(cdrs, Path(workdir), progress)
                reports.extend(staged.reports)
                connection = connect_cdr_files(staged.parquet_files)
            else:
                connection = CallStore(settings.call_store_dir).connect()
            try:
                bound_memory(connection, Path(workdir) / "spill", memory_limit)
                result = analyze_calls(connection, reference, options, progress)
            finally:
                connection.close()
                progress.finish()
        for report in reports:
            _print_report(report)
        if out_path is not None:
            written = write_alerts_jsonl(result.alerts, out_path)
            out.print(f"{written:,} alerts written to {escape(str(out_path))}")
    print_analysis_summary(result, explain)
    if result.calls == 0 and not cdrs:
        out.print(
            f"the call store under {escape(str(settings.home))} holds no calls: "
            "add some with `callwarden ingest FILE...`, or give files with --cdrs"
        )


def _print_changed_thresholds(chosen: Thresholds, path: Path) -> None:
    """Which thresholds differ from the defaults: a run's alerts are read against them."""
    from callwarden.traffic.detectors import DEFAULT_THRESHOLDS

    changed = [
        f"{field.name} = {getattr(chosen, field.name)}"
        for field in fields(chosen)
        if getattr(chosen, field.name) != getattr(DEFAULT_THRESHOLDS, field.name)
    ]
    if changed:
        out.print(f"thresholds from {escape(str(path))}: " + ", ".join(changed))
    else:
        out.print(f"thresholds from {escape(str(path))}: the defaults")


def _print_report(report: ReadReport) -> None:
    if not report.rows_rejected:
        return
    out.print(escape(report.summary()))
    for error in report.errors[:SHOWN_ROW_ERRORS]:
        out.print(f"  {escape(str(error))}")


def _store_is_set_up(settings: Settings, db: str | None) -> bool:
    """A store was named (--db or the environment), or the default SQLite file exists:
    analysing never creates a database as a side effect."""
    if db or os.environ.get("CALLWARDEN_DATABASE_URL"):
        return True
    return settings.default_sqlite_path.is_file()


def _with_store_lists(
    reference: ReferenceData, settings: Settings, from_files: set[str]
) -> ReferenceData:
    from callwarden.store.relational import open_database
    from callwarden.traffic.analyze import reference_from_store, with_stored_parts

    with open_database(settings.database_url) as database, database.reading() as store:
        stored = reference_from_store(store)
        url = database.url
    merged, supplied = with_stored_parts(reference, stored, from_files)
    if supplied:
        # each part a list of records or an Arrow table: len() counts rows of both
        counts = ", ".join(f"{name} {len(getattr(merged, name)):,}" for name in supplied)
        out.print(f"from the relational store ({escape(url)}): {counts}")
    return merged


def _windows_word(count: int) -> str:
    return "window" if count == 1 else "windows"


def print_analysis_summary(result: AnalysisResult, explain: int) -> None:
    """The severity counts, the sources to act on first and the top explanations."""
    counts = severity_counts(result.alerts)
    out.print(
        f"{result.calls:,} calls, {result.entities_assessed:,} entity-windows assessed: "
        + ", ".join(f"{count:,} {severity.value}" for severity, count in counts.items())
    )
    for note in result.notes:
        out.print(f"[yellow]note:[/yellow] {escape(note)}")
    sources = [s for s in summarise_sources(result.alerts) if s.severity is not Severity.LOW]
    if not sources:
        out.print("no source reaches medium or high")
        return
    # Sized for an 80-column terminal or a CI log: no vertical rules, the figures never
    # wrap, the source's kind under its name and the windows under the calls, one reason
    # code per line.
    table = Table(title="Sources to act on first", box=box.SIMPLE_HEAD, expand=True)
    table.add_column("severity", no_wrap=True)
    table.add_column("source", ratio=1, overflow="fold")
    table.add_column("calls", justify="right", no_wrap=True)
    table.add_column("why", no_wrap=True)
    for source in sources[:SHOWN_SOURCES]:
        table.add_row(
            f"{source.severity.value} {source.score}",
            f"{escape(source.entity_id)}\n[dim]{escape(source.kind)}[/dim]",
            f"{source.calls:,}\n[dim]{source.windows} {_windows_word(source.windows)}[/dim]",
            "\n".join(code for code, _ in source.reasons.most_common(4)),
        )
    out.print(table)
    if len(sources) > SHOWN_SOURCES:
        out.print(f"... and {len(sources) - SHOWN_SOURCES:,} more sources at medium or above")
    for alert in result.alerts[:explain]:
        out.print(escape(explain_alert(alert)), highlight=False)
