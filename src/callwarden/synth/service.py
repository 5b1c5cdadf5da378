"""``synthesize``: build the cast, write its lists, then the calls one day at a time.

Memory is bounded by one day of calls plus the cast (the callee population grows with
``scale``, not with ``days``). Each day has its own random stream derived from the seed,
so the same arguments always give byte-identical files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np

from callwarden.errors import InputError
from callwarden.progress import NoProgress, Progress
from callwarden.synth import DEFAULT_START
from callwarden.synth.geography import days_from, load_numbering_plan
from callwarden.synth.labels import LABEL_COLUMNS, LabelTally
from callwarden.synth.network import Network, build_network
from callwarden.synth.population import build_population
from callwarden.synth.tracebacks import ReportedCall, notice_text, report_calls, traceback_csv
from callwarden.synth.traffic import generate_day, make_context
from callwarden.synth.writer import (
    FileFormat,
    consent_tables,
    day_table,
    write_cdr_day,
    write_rows,
    write_tables_csv,
    write_text,
)

MAX_SCALE = 100.0
CUSTOMER_COLUMNS = (
    "customer_id", "name", "parent_id", "kind", "created_at", "kyc_status", "declared_use",
    "ein", "address", "country", "contact_email", "ip_country",
)  # fmt: skip
RMD_COLUMNS = (
    "frn", "business_name", "business_address", "other_dba_names", "foreign_voice_provider",
    "implementation", "voice_service_provider_choice", "contact_name", "contact_email",
    "last_updated",
)  # fmt: skip


@dataclass(frozen=True)
class SynthOptions:
    out_dir: Path
    days: int
    scale: float
    seed: int
    start: date = DEFAULT_START
    file_format: FileFormat = "parquet"

    def check(self) -> None:
        if self.days < 1:
            raise InputError(f"--days must be at least 1 (got {self.days})")
        if not 0 < self.scale <= MAX_SCALE:
            raise InputError(f"--scale must be in (0, {MAX_SCALE:g}] (got {self.scale})")
        if self.seed < 0:
            raise InputError(f"--seed must be a non-negative integer (got {self.seed})")
        if self.file_format not in ("parquet", "csv"):
            raise InputError(f"--format must be parquet or csv (got {self.file_format!r})")


@dataclass
class SynthResult:
    out_dir: Path
    rows: int = 0
    rows_per_day: list[int] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    labels: int = 0
    illegal_rows: int = 0


def population_size(scale: float) -> int:
    """Distinct callees: about 2.5 million people per million calls a day."""
    return int(min(25_000_000, max(50_000, 2_500_000 * scale)))


def synthesize(options: SynthOptions, progress: Progress | None = None) -> SynthResult:
    """Write a synthetic provider's CDRs, customers, lists and labels under ``out_dir``."""
    options.check()
    progress = progress or NoProgress()
    progress.start("building the network", total=None)
    plan = load_numbering_plan()
    population = build_population(
        np.random.default_rng([options.seed, 0x9E0]), plan, population_size(options.scale)
    )
    network = build_network(
        options.seed,
        plan,
        population,
        start=options.start,
        days=options.days,
        scale=options.scale,
    )
    result = SynthResult(out_dir=options.out_dir)
    out = options.out_dir
    result.files.append(write_rows(out / "customers.csv", CUSTOMER_COLUMNS, network.customers))
    result.files.append(
        write_rows(
            out / "numbers.csv", ("number", "customer_id", "since", "verified"), network.numbers
        )
    )
    result.files.append(write_tables_csv(out / "consent.csv", consent_tables(network)))
    result.files.append(write_rows(out / "dno.csv", ("number", "reason"), network.dno))
    result.files.append(write_rows(out / "rmd.csv", RMD_COLUMNS, network.rmd))
    progress.finish()

    illegal = np.array([not s.behaviour.legitimate for s in network.senders])
    tally = LabelTally(network)
    reported: list[ReportedCall] = []
    progress.start("synthesising calls", total=options.days)
    for day_index, day in enumerate(days_from(options.start, options.days)):
        rng = np.random.default_rng([options.seed, 0xDA7, day_index])
        calls, pool_used = generate_day(make_context(network, day_index, day), rng)
        tally.add_day(day_index, calls, pool_used)
        reported.extend(
            report_calls(
                network,
                calls,
                np.random.default_rng([options.seed, 0x7B0, day_index]),
                options.seed,
            )
        )
        table = day_table(calls, network, rng)
        result.files.append(write_cdr_day(table, out, day, options.file_format))
        result.rows += len(calls)
        result.rows_per_day.append(len(calls))
        result.illegal_rows += int(illegal[calls.sender].sum())
        del calls, table
        progress.advance(1, rows=result.rows_per_day[-1])
    progress.finish()

    result.files.extend(write_reports(out, network, reported, options.seed))
    labels = tally.rows()
    result.labels = len(labels)
    result.files.append(write_rows(out / "labels.csv", LABEL_COLUMNS, labels))
    return result


#: The campaigns the sample notices are about, and whether their dates are 7/18/2023-style.
NOTICE_CAMPAIGNS = (("prerecorded_no_consent", False), ("snowshoe", True))
NOTICE_MAX_CALLS = 12


def write_reports(
    out: Path, network: Network, reported: list[ReportedCall], seed: int
) -> list[Path]:
    """tracebacks.csv and one sample FCC notice per campaign in NOTICE_CAMPAIGNS."""
    rng = np.random.default_rng([seed, 0x7B1])
    written = [write_text(out / "tracebacks.csv", traceback_csv(reported, rng))]
    for behaviour, short_dates in NOTICE_CAMPAIGNS:
        sender = next(s for s in network.senders if s.behaviour.name == behaviour)
        calls = [call for call in reported if call.sender == sender.index][:NOTICE_MAX_CALLS]
        if not calls:
            continue
        text = notice_text(network, sender, calls, rng, short_dates=short_dates)
        written.append(write_text(out / "notices" / f"fcc-notice-{sender.entity_id}.txt", text))
    return written
