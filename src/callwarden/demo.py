"""The main job on embedded defaults: what ``callwarden demo`` does, as one service.

It walks the whole data flow of design.md on a synthetic provider network, with the same
services the separate commands use: ``synthesize`` the network (customers, resellers and
their clients, upstream carriers, lists, labelled illegal campaigns), ``ingest_files``
into the call store, ``import_reference_files`` into the relational store,
``summarise_traffic`` over the stored calls, ``analyze_calls`` with the reference data,
and, because the network is labelled, ``evaluate`` the alerts against the labels.

Each network gets a data directory of its own under ``HOME/demo/`` (its files, call
store and SQLite database), so that a demo never mixes its calls with the provider's or
with another seed's, and the analyst can go on with the other commands there
(``callwarden analyze --home ...``). Running the demo again is safe: the synthetic files
are byte-identical for the same seed, the call store skips calls it holds, and loading a
reference file again leaves the same rows. ``CALLWARDEN_DATABASE_URL``, when set, is
honoured (a demo against PostgreSQL).
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from callwarden.config import Settings
from callwarden.progress import NoProgress, Progress

if TYPE_CHECKING:
    from callwarden.formats.report import ReadReport
    from callwarden.store.relational import ReferenceCounts
    from callwarden.synth.service import SynthResult
    from callwarden.traffic.analyze import AnalysisResult
    from callwarden.traffic.ingest import IngestRun
    from callwarden.traffic.quality import QualityReport
    from callwarden.traffic.summary import TrafficSummary

#: The reference files ``callwarden synth`` writes, by the keyword the loaders take.
REFERENCE_FILES = {
    "customers": "customers.csv",
    "numbers": "numbers.csv",
    "consent": "consent.csv",
    "dno": "dno.csv",
    "rmd": "rmd.csv",
}


@dataclass(frozen=True)
class DemoOptions:
    """A small network by default: about 240,000 calls a day, a minute end to end."""

    days: int = 3
    scale: float = 0.2
    seed: int = 2023


@dataclass(frozen=True)
class NetworkOverview:
    """Who is on the network, from its customers file."""

    accounts_by_kind: dict[str, int]
    sub_accounts: int
    resellers_with_clients: int


@dataclass(frozen=True)
class DemoResult:
    #: the demo's own data directory (call store, database, alerts)
    home: Path
    network_dir: Path
    synth: SynthResult
    ingest: IngestRun
    reference_reports: list[ReadReport]
    stored: ReferenceCounts
    database_url: str
    overview: NetworkOverview
    traffic: TrafficSummary
    analysis: AnalysisResult
    alerts_path: Path
    quality: QualityReport


def demo_settings(settings: Settings, options: DemoOptions) -> Settings:
    """The demo's own data directory for one set of options, under ``HOME/demo/``."""
    name = f"seed{options.seed}-scale{options.scale:g}-days{options.days}"
    home = settings.home / "demo" / name
    default_url = Settings.from_env(home=settings.home).database_url
    # An explicit database (environment or argument) is kept; the embedded default moves
    # into the demo's directory with everything else.
    if settings.database_url != default_url:
        return Settings(home=home, database_url=settings.database_url)
    return Settings.from_env(home=home)


def run_demo(
    settings: Settings, options: DemoOptions, progress: Progress | None = None
) -> DemoResult:
    """Synthesise, ingest, load, summarise and analyse; see the module docstring."""
    # The services are imported when the demo runs, not with this module: the CLI imports
    # it for DemoOptions, and `callwarden --help` should not load DuckDB, Arrow and
    # SQLAlchemy for that.
    from callwarden.kyc.importing import import_reference_files
    from callwarden.store.calls import CallStore
    from callwarden.store.relational import open_database
    from callwarden.synth.service import SynthOptions, synthesize
    from callwarden.traffic.alerts import write_alerts_jsonl
    from callwarden.traffic.analyze import (
        AnalysisOptions,
        analyze_calls,
    )
    from callwarden.traffic.analyze import read_reference_files as read_reference
    from callwarden.traffic.ingest import ingest_files
    from callwarden.traffic.quality import evaluate
    from callwarden.traffic.summary import summarise_traffic

    progress = progress or NoProgress()
    settings = demo_settings(settings, options)
    out = settings.home / "network"
    synth = synthesize(
        SynthOptions(out_dir=out, days=options.days, scale=options.scale, seed=options.seed),
        progress,
    )
    store = CallStore(settings.call_store_dir)
    ingest = ingest_files(
        sorted((out / "cdrs").iterdir()),
        store,
        rejects_dir=settings.home / "rejects",
        progress=progress,
    )
    files = {keyword: out / name for keyword, name in REFERENCE_FILES.items()}
    with open_database(settings.database_url) as database:
        import_reference_files(database, progress=progress, **files)
        with database.reading() as reference_store:
            stored = reference_store.counts()
        database_url = database.url
    # The analysis reads the same files the store was loaded from; their read reports
    # (rows accepted and rejected) are the ones the demo shows.
    reference, reports = read_reference(**files)
    connection = store.connect()
    try:
        traffic = summarise_traffic(connection)
        analysis = analyze_calls(connection, reference, AnalysisOptions(), progress)
    finally:
        connection.close()
        progress.finish()
    alerts_path = settings.home / "alerts.jsonl"
    write_alerts_jsonl(analysis.alerts, alerts_path)
    return DemoResult(
        home=settings.home,
        network_dir=out,
        synth=synth,
        ingest=ingest,
        reference_reports=reports,
        stored=stored,
        database_url=database_url,
        overview=_overview(files["customers"]),
        traffic=traffic,
        analysis=analysis,
        alerts_path=alerts_path,
        quality=evaluate(analysis.alerts, _labels(out / "labels.csv")),
    )


def _overview(customers_csv: Path) -> NetworkOverview:
    from callwarden.traffic.analyze import read_reference_files  # (see run_demo)

    reference, _ = read_reference_files(customers=customers_csv)
    top_level = [c for c in reference.customers if c.parent_id is None]
    parents = Counter(c.parent_id for c in reference.customers if c.parent_id is not None)
    return NetworkOverview(
        accounts_by_kind=dict(Counter(c.kind.value for c in top_level).most_common()),
        sub_accounts=sum(parents.values()),
        resellers_with_clients=len(parents),
    )


def _labels(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))
