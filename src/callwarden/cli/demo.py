"""Command: ``callwarden demo``, the main job on embedded defaults (callwarden.demo)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from callwarden.cli import app
from callwarden.cli._console import ConsoleProgress, clean_errors, out
from callwarden.config import Settings, redact_url
from callwarden.demo import DemoOptions, DemoResult, run_demo

if TYPE_CHECKING:
    from callwarden.traffic.summary import TrafficSummary

#: Width of the longest bar in the terminal charts.
BAR_WIDTH = 40
SHOWN_SOURCES = 8


@app.command(
    "demo",
    short_help="Build, ingest and analyse a synthetic provider network (the main job).",
)
def demo_command(
    *,
    days: Annotated[int, typer.Option(min=1, help="Days of traffic.")] = DemoOptions.days,
    scale: Annotated[
        float, typer.Option(min=0.01, max=100, help="Network size; 1 is about 1.2M calls/day.")
    ] = DemoOptions.scale,
    seed: Annotated[int, typer.Option(min=0, help="Random seed of the network.")] = (
        DemoOptions.seed
    ),
    explain: Annotated[
        int, typer.Option(min=0, help="Print the full explanation of this many top alerts.")
    ] = 2,
    home: Annotated[
        Path | None,
        typer.Option(help="Data directory (default: $CALLWARDEN_HOME or ./callwarden-data)."),
    ] = None,
) -> None:
    """Build a synthetic provider network with labelled illegal campaigns, ingest its
    calls, load its customers and lists, summarise the traffic and find the robocall
    sources. Everything stays in the data directory for the other commands."""
    from callwarden.cli.analyze import print_analysis_summary

    settings = Settings.from_env(home=home)
    with clean_errors():
        progress = ConsoleProgress()
        try:
            result = run_demo(settings, DemoOptions(days=days, scale=scale, seed=seed), progress)
        finally:
            progress.finish()
    _print_network(result)
    _print_traffic(result.traffic)
    out.rule("[bold]Robocall analysis")
    print_analysis_summary(result.analysis, explain)
    _print_quality(result)
    _print_next_steps(result)


def _print_network(result: DemoResult) -> None:
    out.rule("[bold]The network")
    overview = result.overview
    kinds = ", ".join(f"{count:,} {kind}" for kind, count in overview.accounts_by_kind.items())
    stored = result.stored
    _say(f"accounts: {kinds}")
    _say(
        f"{overview.sub_accounts:,} sub-accounts (clients of "
        f"{overview.resellers_with_clients:,} resellers and dialer platforms)"
    )
    _say(
        f"relational store {escape(redact_url(result.database_url))}: "
        f"{stored.customers:,} customers, {stored.number_grants:,} number grants, "
        f"{stored.consent:,} consent records, {stored.dno:,} DNO numbers, "
        f"{stored.rmd_filings:,} RMD filings"
    )
    rejected = sum(report.rows_rejected for report in result.reference_reports)
    added = sum(f.result.rows_added for f in result.ingest.files if f.result is not None)
    _say(
        f"call store: {added:,} calls added this run "
        f"({result.synth.rows:,} synthesised, {result.synth.illegal_rows:,} of them from "
        f"labelled illegal campaigns); {rejected + result.ingest.rejected_rows:,} rows rejected"
    )


def _print_traffic(summary: TrafficSummary) -> None:
    out.rule("[bold]Traffic")
    totals = summary.totals
    _say(
        f"{totals.calls:,} calls from {totals.first_call} to {totals.last_call} UTC: "
        f"{totals.originated:,} from customers, {totals.transit:,} transit from upstream "
        f"carriers; {totals.answer_seizure_ratio:.0%} answered, {totals.minutes:,.0f} minutes; "
        f"{totals.distinct_callers:,} caller IDs, {totals.distinct_callees:,} callees"
    )
    _print_bars("calls per day", summary.calls_per_day)
    _print_bars("attestation", list(summary.attestation_mix.items()))
    _print_bars("caller IDs presented", list(summary.caller_class_mix.items()))
    from rich.table import Table

    table = Table(title="Largest sources", show_lines=False)
    for column in ("source", "kind", "calls", "answered", "mean talk", "callees", "caller IDs"):
        table.add_column(column, overflow="fold")
    for row in summary.top_sources[:SHOWN_SOURCES]:
        table.add_row(
            escape(row.source),
            row.kind,
            f"{row.calls:,}",
            f"{row.answer_seizure_ratio:.0%}",
            f"{row.mean_answered_duration_s:.0f} s",
            f"{row.distinct_callees:,}",
            f"{row.distinct_caller_ids:,}",
        )
    out.print(table)


def _print_bars(title: str, rows: list[tuple[str, int]]) -> None:
    """A horizontal bar chart in the terminal: the shape of the numbers at a glance."""
    if not rows:
        return
    largest = max(count for _, count in rows) or 1
    total = sum(count for _, count in rows) or 1
    label_width = max(len(label) for label, _ in rows)
    out.print(f"[bold]{title}[/bold]")
    for label, count in rows:
        bar = "█" * max(1, round(BAR_WIDTH * count / largest)) if count else ""
        out.print(
            f"  {escape(label):<{label_width}}  [cyan]{bar:<{BAR_WIDTH}}[/cyan] "
            f"{count:>11,}  {count / total:>4.0%}",
            highlight=False,
        )


def _print_quality(result: DemoResult) -> None:
    out.rule("[bold]Against the network's labels")
    quality = result.quality
    campaigns = sum(row.entities for row in quality.rows if not row.legitimate)
    legitimate = sum(row.entities for row in quality.rows if row.legitimate)
    _say(
        f"labelled campaign entities caught at high: {campaigns - quality.campaigns_missed:,} "
        f"of {campaigns:,}; legitimate entities wrongly at high: {quality.legitimate_high:,} "
        f"of {legitimate:,}"
    )
    out.print(quality.table(), highlight=False, soft_wrap=True)


def _print_next_steps(result: DemoResult) -> None:
    out.rule("[bold]Next")
    net = result.network_dir
    _say(f"the demo's data directory: {escape(str(result.home))}")
    _say(f"network files (callwarden synth): {escape(str(net))}")
    _say(f"alerts, one JSON object per line (docs/formats.md 5): {escape(str(result.alerts_path))}")
    # the demo loaded the lists into the relational store under its home: analyze finds them
    _say(
        "hour by hour, with the lists the demo loaded: "
        f"callwarden analyze --home {escape(str(result.home))} --window hour"
    )


def _say(text: str) -> None:
    out.print(text, soft_wrap=True, highlight=False)
