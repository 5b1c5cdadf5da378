"""The analysis service: calls + reference data -> alerts.

It takes a DuckDB connection on which a ``calls`` relation of
:data:`callwarden.calls.CDR_SCHEMA` exists (the call store's view, or
:func:`connect_cdr_files` over Parquet files; both add the numbers' digits of
STORED_CDR_SCHEMA, which are computed for a relation without them) and the provider's
reference data as domain records; it registers the reference tables, runs the feature scans
(:mod:`callwarden.traffic.features`), grades every entity (:mod:`callwarden.traffic.detectors`)
and returns the alerts, narrowest responsible source first.
"""

from __future__ import annotations

import bisect
import gc
import hashlib
import multiprocessing
import multiprocessing.connection
import os
import pickle
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from callwarden.calls import (
    CDR_COLUMNS,
    NUMBER_DIGITS_COLUMNS,
    REPEATING_CDR_COLUMNS,
    STATISTICS_CDR_COLUMNS,
    STORED_CDR_SCHEMA,
    cdr_select_sql,
    computed_digits_sql,
    with_number_digits,
)
from callwarden.customers import (
    EVIDENCE_HOST,
    ConsentRecord,
    ConsentType,
    Customer,
    CustomerKind,
    NumberGrant,
    own_site,
    registrable_site,
)
from callwarden.errors import InputError, ResourceError, StoreError
from callwarden.formats import (
    CONSENT_SCHEMA,
    ReadReport,
    read_cdrs,
    read_consent_batches,
    read_customers,
    read_dno,
    read_numbers,
    read_rmd,
)
from callwarden.formats.cdr import cdr_files
from callwarden.lists import DnoEntry, RmdFiling
from callwarden.progress import NoProgress, Progress
from callwarden.store.calls import files_with_number_digits, sql_literal
from callwarden.traffic.alerts import (
    Alert,
    EntityType,
    Reason,
    ReasonCode,
    Severity,
    alert_from_state,
    alert_state,
)
from callwarden.traffic.detectors import (
    BLOCKS_PER_HUNDRED,
    CONSENT_BAND_COLUMNS,
    DEFAULT_THRESHOLDS,
    FLOOD_COLUMNS,
    FORWARDING_COLUMNS,
    MAY_FIND_COLUMNS,
    NEIGHBOR_DAY_COLUMNS,
    RECORDING_COLUMNS,
    SELF_EVIDENT,
    UNVERIFIED_KYC,
    Assessment,
    ConsentSources,
    DeclaredUse,
    EntityContext,
    SharedPart,
    Thresholds,
    assess,
    callee_clustering,
    carries_shared_part,
    classify_declared_use,
    consent_may_rest_on_live_calls,
    day_siblings_recording,
    may_be_a_recording,
    may_be_forwarding,
    may_find,
    may_flood_callees,
    may_spoof_neighbours_over_the_day,
    shared_spike_may_count,
    spike_own_numbers,
    spike_recording,
)
from callwarden.traffic.features import (
    CALL_SCANS,
    DEFAULT_SKETCH_MEMORY,
    SHARED_BAND_FIELDS,
    EntityFeatures,
    ReferenceTables,
    callee_time_zone_table,
    compute_feature_table,
    data_day_range,
    drop_feature_tables,
    register_table,
    rows_to_features,
    run_starts,
    text_number_key_sql,
    with_band_consent,
    with_day_distinct_counts,
    with_day_recording_caller_ids,
    with_flooded_callees,
    with_recording_caller_ids,
    with_shared_spike_numbers,
)

_T = TypeVar("_T")

if TYPE_CHECKING:
    from callwarden.store.relational import ReferenceStore


@dataclass(frozen=True)
class ReferenceData:
    """What the provider knows besides its calls. Every part is optional: a detector whose
    list is missing stays silent rather than guessing."""

    customers: Sequence[Customer] = ()
    numbers: Sequence[NumberGrant] | None = None
    #: records, or a table with CONSENT_SCHEMA's called_number, customer_id, obtained_at
    #: and revoked_at (what read_consent_batches yields: millions of rows stay columnar)
    consent: Sequence[ConsentRecord] | pa.Table | None = None
    dno: Sequence[DnoEntry] | None = None
    rmd: Sequence[RmdFiling] | None = None
    #: earlier tracebacks per (entity_type, entity_id), from the case store
    tracebacks: Mapping[tuple[str, str], int] = field(default_factory=dict)


@dataclass(frozen=True)
class AnalysisOptions:
    window: str = "day"
    thresholds: Thresholds = DEFAULT_THRESHOLDS
    #: calling numbers with fewer calls in a window get no caller-ID entity of their own
    caller_id_min_calls: int = 100
    #: alerts below this severity are not returned
    min_severity: Severity = Severity.LOW
    #: analyse only this many UTC days, the last of them the newest day holding calls
    #: (None: every call): a nightly run over a rolling week, say, whose period figures
    #: see a thin sender's several days
    days: int | None = None


@dataclass
class AnalysisResult:
    alerts: list[Alert]
    entities_assessed: int
    calls: int
    #: what the calls say of themselves that bears on the alerts (billed durations, say)
    notes: list[str] = field(default_factory=list)


def read_reference_files(
    *,
    customers: Path | None = None,
    numbers: Path | None = None,
    consent: Path | None = None,
    dno: Path | None = None,
    rmd: Path | None = None,
) -> tuple[ReferenceData, list[ReadReport]]:
    """Reference data from the provider's files (formats.md sections 2-3), with one read
    report per file given. A file not given leaves its part None (its detector silent)."""
    reports: list[ReadReport] = []

    def read_all(
        reader: Callable[[Path, ReadReport], Iterator[_T]], path: Path | None
    ) -> list[_T] | None:
        if path is None:
            return None
        report = ReadReport(source=str(path))
        records = list(reader(path, report))
        reports.append(report)
        return records

    reference = ReferenceData(
        customers=read_all(read_customers, customers) or [],
        numbers=read_all(read_numbers, numbers),
        consent=read_consent_table(consent, reports),
        dno=read_all(read_dno, dno),
        rmd=read_all(read_rmd, rmd),
    )
    return reference, reports


#: the parts of ReferenceData that can come from a file or from the relational store
REFERENCE_PARTS = ("customers", "numbers", "consent", "dno", "rmd")


def reference_from_store(store: ReferenceStore) -> ReferenceData:
    """What the relational store holds (``callwarden load``). A list it holds nothing of
    stays None: its detector stays silent, as when its file is not given."""
    consent = store.consent_columns()
    return ReferenceData(
        customers=store.all_customers(),
        numbers=store.all_number_grants() or None,
        consent=consent if consent.num_rows else None,
        dno=store.all_dno() or None,
        rmd=store.all_rmd_filings() or None,
    )


def with_stored_parts(
    given: ReferenceData, stored: ReferenceData, from_files: Collection[str]
) -> tuple[ReferenceData, list[str]]:
    """``given`` (read from files) with every part not named in ``from_files`` taken from
    ``stored``; also the names of the parts the store supplied. A file beats the store."""
    parts: dict[str, Any] = {}
    supplied: list[str] = []
    for name in REFERENCE_PARTS:
        if name in from_files:
            parts[name] = getattr(given, name)
            continue
        value = getattr(stored, name)
        parts[name] = value
        if value is not None and len(value):  # a list of records or an Arrow table
            supplied.append(name)
    return replace(given, **parts), supplied


def read_consent_table(path: Path | None, reports: list[ReadReport]) -> pa.Table | None:
    """``consent.csv`` as one Arrow table (a provider's list runs to millions of rows: no
    object per record), its read report appended to ``reports``."""
    if path is None:
        return None
    report = ReadReport(source=str(path))
    batches = list(read_consent_batches(path, report))
    reports.append(report)
    return pa.Table.from_batches(batches, CONSENT_SCHEMA)


def _is_call_store_parquet(path: Path) -> bool:
    """Parquet already in CDR_SCHEMA (the call store's files): read as is, no staging."""
    if not path.name.lower().endswith(".parquet"):
        return False
    try:
        names = set(pq.read_schema(path).names)
    except (OSError, pa.ArrowInvalid):
        return False
    return set(CDR_COLUMNS) <= names


@dataclass
class StagedCdrs:
    """CDR files ready for the feature scans, and what the reader made of the others."""

    parquet_files: list[Path]
    reports: list[ReadReport]


def stage_cdr_files(
    paths: Sequence[Path], workdir: Path, progress: Progress | None = None
) -> StagedCdrs:
    """Parquet files of CDR_SCHEMA (STORED_CDR_SCHEMA where written here) for the given
    CDR files.

    Files the call store wrote are used in place; any other file (CSV, CSV.gz, a
    provider's own Parquet) goes through :func:`callwarden.formats.read_cdrs`, which
    validates, normalises and classifies each row and reports the bad ones, and is
    written to ``workdir`` one batch at a time (memory stays bounded).
    """
    progress = progress or NoProgress()
    staged = StagedCdrs([], [])
    to_read: list[Path] = []
    for path in cdr_files(paths):
        if _is_call_store_parquet(path):
            staged.parquet_files.append(path)
        else:
            to_read.append(path)
    if not to_read:
        return staged
    workdir.mkdir(parents=True, exist_ok=True)
    progress.start("reading CDR files", total=len(to_read))
    try:
        for index, path in enumerate(to_read):
            report = ReadReport(source=str(path))
            target = workdir / f"staged-{index:05d}.parquet"
            with pq.ParquetWriter(
                target,
                STORED_CDR_SCHEMA,
                # scratch files, written once and scanned a few times: see the constants
                use_dictionary=list(REPEATING_CDR_COLUMNS),
                write_statistics=list(STATISTICS_CDR_COLUMNS),
            ) as writer:
                for batch in read_cdrs(path, report):
                    writer.write_batch(with_number_digits(batch))
                    progress.advance(0, rows=batch.num_rows)
            staged.reports.append(report)
            staged.parquet_files.append(target)
            progress.advance(1)
    finally:
        progress.finish()
    return staged


def connect_cdr_files(files: Sequence[Path]) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection (UTC) with a ``calls`` view of STORED_CDR_SCHEMA over Parquet
    files of CDR_SCHEMA (the call store's files, or :func:`stage_cdr_files`' output); the
    numbers' digits are read where the files carry them, else computed."""
    if not files:
        raise InputError("no CDR files to analyse")
    connection = duckdb.connect()
    connection.execute("set TimeZone = 'UTC'")
    quoted = ", ".join(sql_literal(str(name)) for name in files)
    try:
        columns = cdr_select_sql(files_with_number_digits(files), len(files))
        connection.execute(
            f"create view calls as select {columns} from read_parquet([{quoted}], "  # noqa: S608
            "union_by_name = true)"
        )
        connection.execute("select * from calls limit 0")
    except (duckdb.Error, StoreError) as error:
        connection.close()
        raise InputError(
            f"not CDR Parquet files of callwarden's schema ({error})",
            source=", ".join(map(str, files[:3])) + (" ..." if len(files) > 3 else ""),
        ) from None
    return connection


#: DuckDB's memory sizes: a number and a unit (``SET memory_limit``)
_MEMORY_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([KMGT]I?B|B)\s*", re.IGNORECASE)
_MEMORY_UNITS = {
    "B": 1,
    **{f"{prefix}B": 1000 ** (power + 1) for power, prefix in enumerate("KMGT")},
    **{f"{prefix}IB": 1024 ** (power + 1) for power, prefix in enumerate("KMGT")},
}
#: below this the scans' hash tables and the reference lists do not fit even spilling
MIN_MEMORY_LIMIT = 256 * 1000**2


def memory_size(text: str) -> int:
    """Bytes in a size as DuckDB writes them ("6GB", "1.5 GiB", "500MB"): GB are 1000**3
    bytes, GiB 1024**3. Raises InputError naming what is wrong."""
    match = _MEMORY_SIZE.fullmatch(text)
    if match is None:
        raise InputError(
            f"memory limit {text!r} is not a size: a number and a unit, "
            "B, KB, MB, GB or TB (or KiB, MiB, GiB, TiB), e.g. 6GB"
        )
    return int(float(match.group(1)) * _MEMORY_UNITS[match.group(2).upper()])


def bound_memory(
    connection: duckdb.DuckDBPyConnection, spill_directory: Path, memory_limit: str | None = None
) -> None:
    """Where the scans spill what does not fit in memory, and how much they may hold.

    DuckDB takes up to 80% of the machine's memory by default and spills the rest to
    ``.tmp`` under the working directory: an analysis must leave nothing in the analyst's
    directory, so it spills to ``spill_directory`` (a scratch directory the caller
    removes). ``memory_limit`` (``"6GB"``, ``"500MB"``) caps DuckDB's part below that on a
    shared host; the scans then spill, which is slower. The grading after the scans is not
    counted in it."""
    size = checked_memory_limit(memory_limit) if memory_limit is not None else None
    spill_directory.mkdir(parents=True, exist_ok=True)  # DuckDB makes only its last part
    connection.execute(f"set temp_directory = {sql_literal(str(spill_directory))}")
    if size is not None:
        connection.execute(f"set memory_limit = '{size}B'")


def sketch_memory(connection: duckdb.DuckDBPyConnection) -> int:
    """What the scans' distinct-count sketches may hold at once (see
    :func:`callwarden.traffic.features.scan_slices`): DEFAULT_SKETCH_MEMORY, or half of
    DuckDB's memory limit when that is lower. Half, because the scans' hash tables hold
    keys, sums and sample call ids besides, and a scan that outgrows the limit spills to
    disk: at a hundred million calls in hourly windows, 2.4 times as slow as scanning the
    calls in spans that fit."""
    row = connection.execute("select current_setting('memory_limit')").fetchone()
    limit = memory_size(str(row[0])) if row is not None else DEFAULT_SKETCH_MEMORY * 2
    return min(DEFAULT_SKETCH_MEMORY, limit // 2)


def checked_memory_limit(text: str) -> int:
    """The bytes of a memory limit for :func:`bound_memory`; InputError when ``text`` is
    no size or too small a one for the scans."""
    size = memory_size(text)
    if size < MIN_MEMORY_LIMIT:
        raise InputError(
            f"memory limit {text!r} is under the {MIN_MEMORY_LIMIT // 1000**2} MB "
            "the scans need at the least"
        )
    return size


def analyze_calls(
    connection: duckdb.DuckDBPyConnection,
    reference: ReferenceData = ReferenceData(),
    options: AnalysisOptions = AnalysisOptions(),
    progress: Progress | None = None,
    *,
    relation: str = "calls",
) -> AnalysisResult:
    """Features, detectors and attribution over ``relation``; alerts sorted most urgent first.

    Raises ResourceError when DuckDB runs out of the memory it may take (its limit, see
    :func:`bound_memory`) in a step it cannot spill."""
    try:
        return _analyze_calls(connection, reference, options, progress, relation=relation)
    except duckdb.OutOfMemoryException as error:
        first_line = str(error).splitlines()[0]
        raise ResourceError(
            f"the scans of the calls ran out of memory ({first_line}): raise the limit "
            "(callwarden analyze --memory-limit) or analyse fewer days at once (--days)"
        ) from None


def _analyze_calls(
    connection: duckdb.DuckDBPyConnection,
    reference: ReferenceData,
    options: AnalysisOptions,
    progress: Progress | None,
    *,
    relation: str,
) -> AnalysisResult:
    progress = progress or NoProgress()
    connection.execute("set TimeZone = 'UTC'")
    # The scans' results are grouped and sorted later: keeping the input order would only
    # cost memory at a hundred million rows.
    connection.execute("set preserve_insertion_order = false")
    relation = _with_number_digits(connection, relation)
    if options.days is not None:
        relation = _recent_days(connection, relation, options.days)
    notes: list[str] = []
    # one step each for the reference lists, the scans of the calls, what is built on them
    # (roll-ups, spikes, the carriers' and accounts' targeted counts) and the grading: at
    # 10M calls the last two take over a third of the time, in hourly windows over half
    progress.start("analysing calls", total=CALL_SCANS + 3)
    try:
        tables = _register_reference(
            connection, reference, relation, options.thresholds.new_account_days
        )
        total_calls = int(connection.execute(f"select count(*) from {relation}").fetchall()[0][0])  # noqa: S608
        progress.advance(1)

        def steps() -> Iterator[None]:
            # the calls are counted once, at the first scan: rows/s is calls analysed
            for scan in range(CALL_SCANS):
                progress.advance(1, rows=total_calls if scan == 0 else 0)
                yield None

        try:
            table = compute_feature_table(
                connection,
                unit=options.window,
                tables=tables,
                relation=relation,
                caller_id_min_calls=options.caller_id_min_calls,
                on_step=steps(),
                notes=notes,
                sketch_memory=sketch_memory(connection),
            )
        finally:
            drop_feature_tables(connection)
        table = with_recording_caller_ids(
            connection,
            table,
            *_carriers_with_a_recording(table, options.thresholds),
            unit=options.window,
            relation=relation,
        )
        table = with_day_recording_caller_ids(
            connection, table, *_carrier_hours_of_a_recording(table, options), relation=relation
        )
        table = with_shared_spike_numbers(
            connection,
            table,
            _carriers_whose_days_share_a_spike(table, options.thresholds),
            relation=relation,
        )
        table = _with_shared_carriers(table, options.thresholds)
        table = with_band_consent(
            connection,
            table,
            *_accounts_whose_consent_may_rest_on_live_calls(table, options.thresholds),
            unit=options.window,
            relation=relation,
        )
        # a person's or a household's phone service, never a reseller's or a carrier's
        consumers = accounts_declaring(
            reference.customers, DeclaredUse.CONSUMER, {CustomerKind.ENTERPRISE}
        )
        table = with_day_distinct_counts(
            connection,
            table,
            _hours_asking_their_days_counts(table, options, consumers),
            relation=relation,
        )
        table = with_flooded_callees(
            connection,
            table,
            _windows_that_may_flood(table, options.thresholds),
            callee_calls=options.thresholds.flood_callee_calls,
            unit=options.window,
            relation=relation,
        )
        progress.advance(1)
        day_prerecorded = _days_prerecorded(table, options.thresholds)
        line_callees = _line_day_callees(table, consumers, options.window)
        judged_rows = _judged_rows(table, reference, options, day_prerecorded)
        # a consumer line's reach is what only its context says (its declared use)
        judged_rows |= line_callees >= options.thresholds.consumer_line_callees
        judged = _Judged(
            table.filter(judged_rows),
            _baselines(table, judged_rows),
            _day_figures(table, judged_rows, day_prerecorded, options.thresholds, line_callees),
            consent_sources(reference),
        )
        alerts = _grade_on_all_cores(judged, reference, options, _busiest_clients(table))
        progress.advance(1)
    finally:
        progress.finish()
        connection.execute(f"drop view if exists {_RECENT_CALLS}")
    alerts = [a for a in alerts if a.severity.rank >= options.min_severity.rank]
    # A total order: the scans' rows arrive in no set order, and two windows of one entity
    # can tie on everything else (a re-run must list the same alerts the same way).
    alerts.sort(
        key=lambda a: (
            -a.severity.rank,
            -a.score,
            -a.calls,
            a.entity_type,
            a.entity_id,
            a.customer_id,
            a.window_start,
            a.alert_id,
        )
    )
    return AnalysisResult(
        alerts=alerts, entities_assessed=table.num_rows, calls=total_calls, notes=notes
    )


_RECENT_CALLS = "cw_recent_calls"


def _with_number_digits(connection: duckdb.DuckDBPyConnection, relation: str) -> str:
    """``relation`` if it has STORED_CDR_SCHEMA's digits columns (the views of
    :func:`connect_cdr_files` and the call store do), else a query adding them."""
    found = connection.execute(f"select * from {relation} limit 0").description  # noqa: S608
    columns = {column[0] for column in found}
    missing = [name for name in NUMBER_DIGITS_COLUMNS.values() if name not in columns]
    added = ", ".join(computed_digits_sql(missing))
    return f"(select *, {added} from {relation})" if added else relation  # noqa: S608


def _recent_days(connection: duckdb.DuckDBPyConnection, relation: str, days: int) -> str:
    """The temp view cw_recent_calls: the calls of ``relation`` in its last ``days`` UTC
    days (the last the newest day holding calls). A filter on start_time, which Parquet's
    row-group statistics answer for the older files without reading their calls."""
    if days < 1:
        raise ValueError(f"days must be 1 or more, got {days}")
    span = data_day_range(connection, relation)
    since = span[1] - timedelta(days=days - 1) if span is not None else date.min
    connection.execute(
        f"create or replace temp view {_RECENT_CALLS} as select * from {relation} "  # noqa: S608
        f"where start_time >= cast('{since.isoformat()}' as date)"
    )
    return _RECENT_CALLS


# -- reference data ------------------------------------------------------------------


def _register_reference(
    connection: duckdb.DuckDBPyConnection,
    reference: ReferenceData,
    relation: str,
    new_account_days: int = DEFAULT_THRESHOLDS.new_account_days,
) -> ReferenceTables:
    if reference.dno is not None:
        numbers = sorted({entry.number for entry in reference.dno})
        register_table(
            connection,
            "cw_dno",
            pa.table({"number": pa.array(numbers, pa.string())}),
            ["number"],
            number_key=True,
        )
    if reference.consent is not None:
        sellers = accounts_declaring(reference.customers, DeclaredUse.TELEMARKETING)
        register_consent(connection, reference.consent, sellers)
    if reference.numbers is not None:
        pairs = sorted({(grant.number, grant.customer_id) for grant in reference.numbers})
        register_table(
            connection,
            "cw_numbers",
            pa.table(
                {
                    "number": pa.array([p[0] for p in pairs], pa.string()),
                    "holder": pa.array([p[1] for p in pairs], pa.string()),
                }
            ),
            ["number", "holder"],
            number_key=True,
        )
        holders = sorted({p[1] for p in pairs})
        register_table(
            connection,
            "cw_number_holders",
            pa.table({"holder": pa.array(holders, pa.string())}),
            ["holder"],
        )
    young = _young_accounts(reference.customers, new_account_days)
    if young.num_rows:
        register_table(connection, "cw_young_accounts", young, ["customer_id", "young_until"])
    span = data_day_range(connection, relation)
    if span is not None:
        register_table(
            connection,
            "cw_callee_tz",
            callee_time_zone_table(*span),
            ["npa", "day", "offset_low", "offset_high"],
        )
    return ReferenceTables(
        dno=reference.dno is not None,
        consent=reference.consent is not None,
        numbers=reference.numbers is not None,
        callee_time_zones=span is not None,
        young_accounts=young.num_rows > 0,
    )


#: a young account with no end to its youth: unverified until its KYC says otherwise
_NEVER = datetime(9999, 12, 31)


def _young_accounts(customers: Sequence[Customer], new_account_days: int) -> pa.Table:
    """The accounts ``NEW_OR_UNVERIFIED_ACCOUNT`` holds new or unverified (see
    :func:`callwarden.traffic.detectors.detect`), each with the instant it stops being so
    (naive UTC, as the feature table's windows): ``new_account_days`` after it was opened,
    or never while its KYC is pending or failed."""
    rows: list[tuple[str, datetime]] = []
    for customer in customers:
        until: datetime | None = None
        if customer.kyc_status in UNVERIFIED_KYC:
            until = _NEVER
        elif customer.created_at is not None:
            created = customer.created_at
            if created.tzinfo is not None:
                created = created.astimezone(UTC).replace(tzinfo=None)
            until = created + timedelta(days=new_account_days)
        if until is not None:
            rows.append((customer.customer_id, until))
    return pa.table(
        {
            "customer_id": pa.array([row[0] for row in rows], pa.string()),
            "young_until": pa.array([row[1] for row in rows], pa.timestamp("us")),
        }
    )


def accounts_declaring(
    customers: Iterable[Customer],
    use: DeclaredUse,
    kinds: Collection[CustomerKind] = frozenset(CustomerKind),
) -> frozenset[str]:
    """The accounts of ``kinds`` whose declared use reads as ``use``
    (:func:`classify_declared_use`): the sellers, whose prerecorded calls need prior
    express *written* consent; the consumer lines, a person's phone service."""
    return frozenset(
        c.customer_id
        for c in customers
        if c.kind in kinds and classify_declared_use(c.declared_use) is use
    )


def _consent_columns(consent: Sequence[ConsentRecord] | pa.Table) -> pa.Table:
    """The consent records as columns: called_number, holder, written (the record is prior
    express written consent; null where the list does not say), obtained_at, revoked_at."""
    timestamp = pa.timestamp("us", tz="UTC")
    if not isinstance(consent, pa.Table):
        consent = pa.table(
            {
                "called_number": pa.array([r.called_number for r in consent], pa.string()),
                "customer_id": pa.array([r.customer_id for r in consent], pa.string()),
                "consent_type": pa.array([str(r.consent_type) for r in consent], pa.string()),
                "obtained_at": pa.array([r.obtained_at for r in consent], timestamp),
                "revoked_at": pa.array([r.revoked_at for r in consent], timestamp),
            }
        )
    if "consent_type" in consent.column_names:
        written = pc.equal(
            consent["consent_type"].cast(pa.string()),
            ConsentType.PRIOR_EXPRESS_WRITTEN.value,
        )
    else:
        written = pa.nulls(consent.num_rows, pa.bool_())
    return pa.table(
        {
            "called_number": consent["called_number"].cast(pa.string()),
            "holder": consent["customer_id"].cast(pa.string()),
            "written": written,
            "obtained_at": consent["obtained_at"].cast(timestamp),
            "revoked_at": consent["revoked_at"].cast(timestamp),
        }
    )


def register_consent(
    connection: duckdb.DuckDBPyConnection,
    consent: Sequence[ConsentRecord] | pa.Table,
    sellers: Collection[str] = frozenset(),
) -> None:
    """The temp table cw_consent: one row per (callee, holder), so the per-call join never
    multiplies calls. A grant counts from the earliest it was obtained (from any time when
    a record has no date, formats.md section 3) and ends only when every grant was revoked
    (at the latest revocation).

    A holder in ``sellers`` (declared telemarketing) is held to prior express *written*
    consent: its other records are left out, since a seller's prerecorded or autodialled
    calls need the consumer's signed agreement (47 CFR 64.1200(a)(2)-(3), (f)(9)). A list
    that does not give the type keeps every record. Decided here, once per record, the
    per-call join stays as it was.

    Merged by DuckDB, on every core: a provider's consent list runs to millions of records."""
    connection.register("cw_consent_records", _consent_columns(consent))
    connection.register(
        "cw_consent_sellers", pa.table({"holder": pa.array(sorted(sellers), pa.string())})
    )
    try:
        # called_key: the number as the calls' scans join it (text_number_key_sql)
        connection.execute(
            f"""
            create or replace temp table cw_consent as
            select called_number, {text_number_key_sql("called_number")} as called_key, holder,
                case when count(*) = count(obtained_at) then min(obtained_at) end as obtained_at,
                case when count(*) = count(revoked_at) then max(revoked_at) end as revoked_at
            from cw_consent_records
            where written is not false
                or holder not in (select holder from cw_consent_sellers)
            group by called_number, holder
            """  # noqa: S608
        )
    finally:
        connection.unregister("cw_consent_records")
        connection.unregister("cw_consent_sellers")


def consent_sources(reference: ReferenceData) -> dict[str, ConsentSources]:
    """Per account whose own site is known (:func:`callwarden.customers.own_site`) and
    that holds consent records: how many, how many of them point to pages on other
    organisations' sites (as :func:`callwarden.customers.evidence_site` reads one), and
    the busiest of those sites. Counted over the records' distinct hosts, not record by
    record: a provider's list runs to millions of records, from a few forms each."""
    if reference.consent is None:
        return {}
    sites = {c.customer_id: site for c in reference.customers if (site := own_site(c))}
    if not sites:
        return {}
    records = reference.consent
    if not isinstance(records, pa.Table):
        records = pa.table(
            {
                "customer_id": pa.array([r.customer_id for r in records], pa.string()),
                "evidence": pa.array([r.evidence for r in records], pa.string()),
            }
        )
    if "evidence" not in records.column_names:
        return {}
    holder = records["customer_id"].cast(pa.string())
    mine = pc.is_in(holder, pa.array(list(sites), pa.string()))
    evidence = pc.utf8_lower(records["evidence"].cast(pa.string()).filter(mine))
    found = pc.extract_regex(pc.fill_null(evidence, ""), EVIDENCE_HOST)
    hosts = pc.if_else(pc.is_valid(found), pc.struct_field(found, "host"), None)
    counted = (
        pa.table({"holder": holder.filter(mine), "host": hosts})
        .group_by(["holder", "host"], use_threads=False)
        .aggregate([([], "count_all")])
    )
    totals: Counter[str] = Counter()
    elsewhere: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for name, host, count in zip(
        counted["holder"].to_pylist(),
        counted["host"].to_pylist(),
        counted["count_all"].to_pylist(),
        strict=True,
    ):
        totals[name] += count
        site = registrable_site(host) if host else None
        if site is not None and site != sites[name]:
            elsewhere[name][site] += count
    return {
        name: ConsentSources(
            records=total,
            elsewhere=elsewhere[name].total(),
            sites=tuple(site for site, _ in elsewhere[name].most_common(3)),
        )
        for name, total in totals.items()
    }


_LEGAL_SUFFIXES = frozenset(
    {
        "inc",
        "incorporated",
        "llc",
        "lc",
        "ltd",
        "limited",
        "corp",
        "corporation",
        "co",
        "company",
        "lp",
        "llp",
        "plc",
    }
)
#: what joins a business's legal name to the names it trades under, in an RMD filing's
#: business_name ("Harbor Point Holdings, LLC d/b/a Tidewater Voice") or a CDR's
_TRADE_NAME = re.compile(
    r"(?<=\S)[\s,;]+\(?\s*(?:d\s*/\s*b\s*/\s*a|dba|doing business as|a\s*/\s*k\s*/\s*a|aka)\s+"
)


def provider_key(name: str) -> str:
    """A provider's name as compared with RMD business names: case, punctuation, "&" for
    "and" and legal suffixes ignored ("Acme & Sons Telecom, L.L.C." == "ACME AND SONS
    TELECOM", "... Ltd" == "... Limited")."""
    text = name.lower().replace(".", "").replace("&", " and ")
    words = re.sub(r"[^a-z0-9]+", " ", text).split()
    return "".join(word for word in words if word not in _LEGAL_SUFFIXES)


def provider_keys(name: str) -> set[str]:
    """The keys (:func:`provider_key`) of each name a provider's name holds: its legal name
    as written, and the legal name and trade names it gives either side of "d/b/a" (or
    "dba", "doing business as", "a/k/a", never leading the name: "DBA Telecom" is one).
    An RMD filing names the filer's legal entity and often its brand beside it, while a
    CDR or customers.csv names either: one is the other."""
    parts = [name, *_TRADE_NAME.split(name.lower())]
    return {key for part in parts if (key := provider_key(part))}


def _carriers_with_a_recording(
    table: pa.Table, thresholds: Thresholds
) -> tuple[np.ndarray, np.ndarray]:
    """The rows of upstream providers' windows whose spike can count as a recording: of
    all their calls, and of their calls not A-attested alone (or standing out of its band there)."""
    carrier = table["entity_type"].to_numpy(zero_copy_only=False) == "upstream_provider"
    found = []
    for prefix in ("", "weak_"):
        columns = {
            name: table[prefix + name].to_numpy(zero_copy_only=False) for name in RECORDING_COLUMNS
        }
        found.append(
            np.flatnonzero(carrier & _carrier_spike_may_count(columns, thresholds, bool(prefix)))
        )
    return found[0], found[1]


def _carrier_spike_may_count(
    columns: dict[str, np.ndarray], thresholds: Thresholds, weak: bool
) -> np.ndarray:
    """Per row of an upstream provider's spike figures (RECORDING_COLUMNS): whether it can
    count as a recording, by may_be_a_recording or, in its calls not A-attested (``weak``),
    standing out of its band alone with carrier_spike_min_calls (detectors._carrier_spike)."""
    spike = may_be_a_recording(columns, thresholds)
    if weak:
        calls = np.asarray(columns["peak_duration_calls"], np.float64)
        spike |= calls >= thresholds.carrier_spike_min_calls
    return spike


def _carriers_whose_days_share_a_spike(table: pa.Table, thresholds: Thresholds) -> np.ndarray:
    """The rows of upstream providers' windows whose UTC day's spike of every carrier's
    calls not A-attested, pooled, may be a recording: carrier_spike_min_calls beyond its
    flanks and a quarter of its band (detectors.shared_spike_may_count)."""
    carrier = table["entity_type"].to_numpy(zero_copy_only=False) == "upstream_provider"
    pooled = table["shared_peak_duration_calls"].to_numpy()
    total = table["shared_band_total"].to_numpy()
    return np.flatnonzero(carrier & shared_spike_may_count(pooled, total, thresholds))


#: what :func:`_with_shared_carriers` sums over the carriers carrying a part of a day's
#: pooled spike, as ``shared_carriers_<name>``
_SHARED_SUMMED = ("band_answered", "band_caller_ids", "flank_answered", "flank_caller_ids")


def _with_shared_carriers(table: pa.Table, thresholds: Thresholds) -> pa.Table:
    """``table`` with ``shared_carriers`` and ``shared_carriers_<figure>`` (of
    _SHARED_SUMMED) on every upstream provider's window: over the carriers whose UTC day
    carries a part of that day's pooled spike of their calls not A-attested (by
    detectors.carries_shared_part on the day's figures of with_shared_spike_numbers), how
    many they are and their figures summed (each carrier's day once)."""
    answered = table["shared_band_answered"].to_numpy()
    rows = np.flatnonzero(answered > 0)
    figures = {name: table[name].to_numpy() for name in SHARED_BAND_FIELDS}
    # the names and days of those rows only: as Python objects, every hour of a network
    # took a second
    taken = table.select(["entity_id", "window_start"]).take(pa.array(rows))
    providers = taken["entity_id"].to_pylist()
    days = pc.cast(taken["window_start"], pa.date32()).to_pylist()
    parts: dict[date, dict[str, SharedPart]] = defaultdict(dict)
    for row, provider, day in zip(rows.tolist(), providers, days, strict=True):
        own = SharedPart(*(int(figures[name][row]) for name in SHARED_BAND_FIELDS))
        if carries_shared_part(own, thresholds):
            parts[day][provider] = own
    sums = {name: np.zeros(table.num_rows, np.int64) for name in ("", *_SHARED_SUMMED)}
    for row, day in zip(rows.tolist(), days, strict=True):
        carried = parts.get(day)
        if not carried:
            continue
        sums[""][row] = len(carried)
        for index, name in enumerate(_SHARED_SUMMED):
            sums[name][row] = sum(own[index] for own in carried.values())
    for name, column in sums.items():
        table = table.append_column(
            f"shared_carriers_{name}" if name else "shared_carriers", pa.array(column)
        )
    return table


def _accounts_whose_consent_may_rest_on_live_calls(
    table: pa.Table, thresholds: Thresholds
) -> tuple[np.ndarray, np.ndarray]:
    """The rows of accounts' windows whose recorded calls' consent must be counted apart
    from their other calls': judged in the window, and over the period."""
    columns = {name: table[name].to_numpy(zero_copy_only=False) for name in CONSENT_BAND_COLUMNS}
    window, period = consent_may_rest_on_live_calls(columns, thresholds)
    return np.flatnonzero(window), np.flatnonzero(period)


def _hours_asking_their_days_counts(
    table: pa.Table, options: AnalysisOptions, consumers: Collection[str] = frozenset()
) -> np.ndarray:
    """The rows of accounts' windows shorter than a day whose forwarding their UTC day's
    callee-caller pairs may show, or whose neighbour spoofing the day's caller IDs may, or
    that are a consumer account's hours busy enough to hold part of a dialler's day (none
    in daily windows: a day's are its own)."""
    if options.window == "day":
        return np.zeros(0, np.int64)
    names = {*FORWARDING_COLUMNS, *NEIGHBOR_DAY_COLUMNS}
    columns = {name: table[name].to_numpy(zero_copy_only=False) for name in names}
    asked = may_be_forwarding(columns, options.thresholds) | may_spoof_neighbours_over_the_day(
        columns, options.thresholds
    )
    if consumers:
        # a day of consumer_line_callees numbers reaches a 24th of them in one hour at least
        entity_type = table["entity_type"].to_numpy(zero_copy_only=False)
        entity_id = table["entity_id"].to_numpy(zero_copy_only=False)
        least = options.thresholds.consumer_line_callees / 24
        asked |= (
            _is_account(entity_type)
            & np.isin(entity_id, list(consumers))
            & (table["callees"].to_numpy() >= least)
        )
    return np.flatnonzero(asked)


def _windows_that_may_flood(table: pa.Table, thresholds: Thresholds) -> np.ndarray:
    """The rows of accounts' windows whose silent calls per callee may hold a flood of a
    few numbers (:func:`may_flood_callees`): only these are counted per callee."""
    columns = {name: table[name].to_numpy(zero_copy_only=False) for name in FLOOD_COLUMNS}
    return np.flatnonzero(may_flood_callees(columns, thresholds))


def _is_account(entity_type: np.ndarray) -> np.ndarray:
    """Per element of ``entity_type``: whether it is an originating account's (a customer's
    or a sub-account's)."""
    found: np.ndarray = np.isin(
        entity_type, [EntityType.CUSTOMER.value, EntityType.SUB_ACCOUNT.value]
    )
    return found


def _line_day_callees(table: pa.Table, consumers: Collection[str], window: str) -> np.ndarray:
    """Per row of the feature table: for a window of a consumer account (or a caller ID of
    one), the distinct numbers its lines reached over the window's UTC day, per line; NaN
    elsewhere. A daily window's are its own callees over its caller IDs (a caller ID: its
    callees). An hour's are its day's (``day_callees`` over ``day_caller_ids``, counted
    for the hours :func:`_hours_asking_their_days_counts` asks; a caller ID's hour has no
    day's count, and is left out)."""
    found = np.full(table.num_rows, np.nan)
    if not consumers or not table.num_rows:
        return found
    entity_type = table["entity_type"].to_numpy(zero_copy_only=False)
    is_account = _is_account(entity_type)
    is_caller_id = entity_type == EntityType.CALLER_ID.value
    account = np.where(
        is_caller_id,
        table["customer_id"].to_numpy(zero_copy_only=False),
        table["entity_id"].to_numpy(zero_copy_only=False),
    )
    consumer = np.isin(account, list(consumers)) & (is_account | is_caller_id)
    if window == "day":
        callees = table["callees"].to_numpy().astype(np.float64)
        lines = np.where(is_caller_id, 1, table["caller_ids"].to_numpy())
    else:
        callees = table["day_callees"].to_numpy().astype(np.float64)
        lines = table["day_caller_ids"].to_numpy()
        consumer &= is_account & (callees > 0)
    per_line = callees / np.maximum(lines, 1)
    found[consumer] = per_line[consumer]
    return found


def _carrier_hours_of_a_recording(
    table: pa.Table, options: AnalysisOptions
) -> tuple[np.ndarray, np.ndarray]:
    """The rows of upstream providers' windows shorter than a day whose UTC day's spike can
    count as a recording and whose own spike is at its length: of all their calls, and of
    their calls not A-attested alone (as :func:`_carriers_with_a_recording` picks a
    window's). None in daily windows: a day's window is its day, counted by
    with_recording_caller_ids."""
    none = np.zeros(0, np.int64)
    if options.window == "day":
        return none, none
    carrier = table["entity_type"].to_numpy(zero_copy_only=False) == "upstream_provider"

    def values(name: str) -> np.ndarray:
        # unknown (None) is NaN, and NaN is near nothing
        return np.asarray(table[name].to_numpy(zero_copy_only=False), dtype=np.float64)

    found = []
    for prefix in ("", "weak_"):
        day = {name: values(f"day_{prefix}{name}") for name in RECORDING_COLUMNS}
        recording = _carrier_spike_may_count(day, options.thresholds, bool(prefix))
        near = np.fmax(
            values(f"{prefix}peak_duration_band_s"), values(f"day_{prefix}peak_duration_band_s")
        )
        with np.errstate(invalid="ignore"):
            at_its_length = (
                np.abs(values(f"{prefix}peak_duration_s") - day["peak_duration_s"]) <= near
            )
        spiking = values(f"{prefix}peak_duration_calls") > 0
        found.append(np.flatnonzero(carrier & recording & at_its_length & spiking))
    return found[0], found[1]


@dataclass(frozen=True)
class _Judged:
    """The judged rows of the feature table and, row for row, what each is judged with
    beyond its own columns: its baseline (:func:`_baselines`) and its UTC day's figures
    (:func:`_day_figures`)."""

    table: pa.Table
    baselines: list[float | None]
    days: _DayFigures
    #: per account, where its consent records were gathered (:func:`consent_sources`)
    consent_sources: Mapping[str, ConsentSources] = field(default_factory=dict)

    def take(self, rows: np.ndarray) -> _Judged:
        """The rows at positions ``rows``, in that order."""
        at = rows.tolist()
        days = self.days
        return _Judged(
            self.table.take(pa.array(rows, pa.int64())),
            [self.baselines[row] for row in at],
            _DayFigures(
                [days.account_no_consent_share[row] for row in at],
                [days.outside_hours_share[row] for row in at],
                [days.prerecorded[row] for row in at],
                [days.line_callees[row] for row in at],
            ),
            self.consent_sources,
        )


def _grade(
    judged: _Judged,
    reference: ReferenceData,
    options: AnalysisOptions,
    busiest_clients: Mapping[tuple[str, datetime], tuple[str, int]],
) -> list[Alert]:
    """The alerts of the judged rows: each graded in its context, then attributed (see
    :func:`_attribute`). Rows of one account and its sub-accounts must come together:
    a customer's alert reads its sub-accounts' grades."""
    with _cyclic_gc_paused():
        features = rows_to_features(judged.table, options.window)
        contexts = _contexts(
            features, judged.baselines, judged.days, reference, judged.consent_sources
        )
        assessed = [
            (f, assess(f, context, options.thresholds))
            for f, context in zip(features, contexts, strict=True)
        ]
        customers = {customer.customer_id: customer for customer in reference.customers}
        return _attribute(assessed, customers, busiest_clients)


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Grading builds hundreds of thousands of small objects (features, findings, alerts,
    their evidence) and no reference cycles: the cyclic collector's passes, set off by the
    allocations alone, walk the whole growing heap for nothing. Paused, grading the 22,361
    judged windows of benchmarks/bench_analyze.py's 10M calls took 1.3 s, not 1.6-2.2."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


#: Judged windows a grading process takes at the least: a worker's alerts cost the
#: analysing process about 13 us each to take back (see alert_state) and a fork a few
#: milliseconds, against about 60 us to grade a window (22,361 in 1.3 s at 10M calls).
WINDOWS_PER_GRADER = 4_000


#: How long a grading worker may take before it is stopped and its part graded here: this
#: many times what the analysing process took for its own part (a shared host's speed drifts
#: by half within minutes), and never under GRADER_MIN_WAIT_S seconds.
GRADER_PATIENCE = 4.0
GRADER_MIN_WAIT_S = 30.0


def _grade_on_all_cores(
    judged: _Judged,
    reference: ReferenceData,
    options: AnalysisOptions,
    busiest_clients: Mapping[tuple[str, datetime], tuple[str, int]],
) -> list[Alert]:
    """:func:`_grade`, split over processes (one per core, each with WINDOWS_PER_GRADER
    windows or more): this one and forked copies of it, each grading its accounts'
    windows (:func:`_account_parts`) while the scans' engine sits idle. Grading is Python,
    one core's work in one process; the scans before it use every core.

    Forked only on Linux, where a fork of a process with the engine's threads is safe for
    a child that does not touch the engine (macOS's system libraries are not). A worker
    that dies, fails or overstays (GRADER_PATIENCE) has its part graded here instead: an
    error then surfaces as it would have without workers, and nothing is lost."""
    graders = min(os.cpu_count() or 1, judged.table.num_rows // WINDOWS_PER_GRADER)
    if graders < 2 or sys.platform != "linux":
        return _grade(judged, reference, options, busiest_clients)
    parts = [judged.take(rows) for rows in _account_parts(judged.table, graders)]
    fork = multiprocessing.get_context("fork")
    workers = []
    for part in parts[1:]:
        receiver, sender = fork.Pipe(duplex=False)
        worker = fork.Process(
            target=_grading_worker,
            args=(sender, part, reference, options, busiest_clients),
            daemon=True,
        )
        worker.start()
        sender.close()
        workers.append((worker, receiver, part))
    try:
        started = time.monotonic()
        alerts = _grade(parts[0], reference, options, busiest_clients)
        # A fork of a threaded process can hang on a lock some thread held at the fork: a
        # worker not done long after this process graded as much is stopped, not waited for.
        deadline = time.monotonic() + max(
            GRADER_MIN_WAIT_S, GRADER_PATIENCE * (time.monotonic() - started)
        )
        for worker, receiver, part in workers:
            try:
                if receiver.poll(max(deadline - time.monotonic(), 0)):
                    states = pickle.loads(receiver.recv_bytes())  # noqa: S301 -- our own fork's
                else:
                    states = None
                    worker.kill()
            except EOFError:
                states = None
            finally:
                receiver.close()
                worker.join()
            if states is None:
                alerts.extend(_grade(part, reference, options, busiest_clients))
            else:
                with _cyclic_gc_paused():
                    alerts.extend(alert_from_state(state) for state in states)
    finally:
        # this process's own grading failed (or was interrupted): no worker outlives it
        for worker, receiver, _ in workers:
            if worker.is_alive():
                worker.kill()
                worker.join()
            receiver.close()
    return alerts


def _grading_worker(
    sender: multiprocessing.connection.Connection,
    judged: _Judged,
    reference: ReferenceData,
    options: AnalysisOptions,
    busiest_clients: Mapping[tuple[str, datetime], tuple[str, int]],
) -> None:
    """A forked grader (see :func:`_grade_on_all_cores`): sends its alerts' states, or
    nothing when grading fails (the parent grades the part again and meets the error)."""
    try:
        alerts = _grade(judged, reference, options, busiest_clients)
        states = [alert_state(alert) for alert in alerts]
        sender.send_bytes(pickle.dumps(states, protocol=pickle.HIGHEST_PROTOCOL))
    except Exception:  # noqa: S110 -- reported by the parent's own grading
        pass
    finally:
        sender.close()


def _account_parts(table: pa.Table, count: int) -> list[np.ndarray]:
    """The positions of ``table``'s rows in ``count`` parts of about equal size, each
    account's windows with its sub-accounts' in one part (its customer id; an upstream
    provider's, or a caller ID's of no one account, by its own name). Accounts go,
    largest first, to the part with the fewest rows so far."""
    customer = table["customer_id"]
    key = pc.if_else(pc.equal(customer, ""), table["entity_id"], customer)
    codes = pc.dictionary_encode(key).combine_chunks().indices.to_numpy()
    sizes = np.bincount(codes)
    loads = [0] * count
    part_of_key = np.zeros(sizes.size, dtype=np.int64)
    for code in np.argsort(-sizes, kind="stable").tolist():
        part = loads.index(min(loads))
        part_of_key[code] = part
        loads[part] += int(sizes[code])
    part_of_row = part_of_key[codes]
    return [np.flatnonzero(part_of_row == part) for part in range(count)]


def _judged_rows(
    table: pa.Table,
    reference: ReferenceData,
    options: AnalysisOptions,
    day_prerecorded: np.ndarray,
) -> np.ndarray:
    """Which rows of the feature table can have a reason: the others get no object, no
    context and no grade (see :func:`callwarden.traffic.detectors.may_find`, which takes
    each row's ``day_prerecorded`` from :func:`_days_prerecorded`). What only a context
    can find is kept too: an upstream provider when the RMD is checked, a caller ID whose
    grant is checked, an entity with earlier tracebacks."""
    columns = {name: table[name].to_numpy(zero_copy_only=False) for name in MAY_FIND_COLUMNS}
    judged = may_find(columns, options.window == "hour", options.thresholds, day_prerecorded)
    entity_type = columns["entity_type"]
    if reference.rmd is not None:
        judged |= entity_type == EntityType.UPSTREAM_PROVIDER.value
    if reference.numbers is not None:
        judged |= entity_type == EntityType.CALLER_ID.value
    if reference.tracebacks:
        traced = reference.tracebacks
        entity_id = table["entity_id"].to_numpy(zero_copy_only=False)
        judged |= np.fromiter(
            ((kind, name) in traced for kind, name in zip(entity_type, entity_id, strict=True)),
            dtype=bool,
            count=len(entity_type),
        )
    return judged


def _contexts(
    judged: Sequence[EntityFeatures],
    baselines: Sequence[float | None],
    days: _DayFigures,
    reference: ReferenceData,
    sources: Mapping[str, ConsentSources] | None = None,
) -> list[EntityContext]:
    """The context of each judged entity-window, in order (``baselines`` in the same
    order, as are ``days``' figures; ``sources`` per account, see
    :func:`consent_sources`)."""
    sources = sources or {}
    customers = {customer.customer_id: customer for customer in reference.customers}
    rmd_keys: set[str] | None = None
    if reference.rmd is not None:
        rmd_keys = set()
        for filing in reference.rmd:
            rmd_keys |= provider_keys(filing.business_name)
            rmd_keys.add(provider_key(filing.frn))
        rmd_keys.discard("")
    # A caller ID is judged with what is known of the account it comes through: its
    # declared use and KYC, whether the number is granted to it, its consent coverage.
    granted: set[tuple[str, str]] | None = None
    holders: set[str] = set()
    if reference.numbers is not None:
        granted = {(grant.number, grant.customer_id) for grant in reference.numbers}
        holders = {grant.customer_id for grant in reference.numbers}
    # the account and the holders of its numbers (itself and its parent), per customer id
    owners_of: dict[str, tuple[Customer | None, tuple[str, ...]]] = {}
    for customer_id in {f.customer_id for f in judged if f.customer_id}:
        known = customers.get(customer_id)
        parent = (known.parent_id,) if known is not None and known.parent_id else ()
        owners_of[customer_id] = (known, (customer_id, *parent))
    contexts: list[EntityContext] = []
    for index, (f, baseline) in enumerate(zip(judged, baselines, strict=True)):
        account: Customer | None = None
        gathered: ConsentSources | None = None
        if f.entity_type in (EntityType.CUSTOMER, EntityType.SUB_ACCOUNT):
            account = customers.get(f.entity_id)
            gathered = sources.get(f.entity_id)
        number_granted: bool | None = None
        if f.entity_type == EntityType.CALLER_ID and f.customer_id:
            account, owners = owners_of[f.customer_id]
            # the list speaks of the account only when it holds some of its numbers
            if granted is not None and any(owner in holders for owner in owners):
                number_granted = any((f.entity_id, owner) in granted for owner in owners)
        in_rmd: bool | None = None
        if f.entity_type == EntityType.UPSTREAM_PROVIDER and rmd_keys is not None:
            names = provider_keys(f.entity_id)
            known = customers.get(f.entity_id)
            if known is not None:
                names |= provider_keys(known.name)
            in_rmd = bool(names & rmd_keys)
        age: float | None = None
        if account is not None and account.created_at is not None:
            created = account.created_at
            if created.tzinfo is None:
                created = created.replace(tzinfo=f.window_start.tzinfo)
            age = (f.window_start - created).total_seconds() / 86400
        contexts.append(
            EntityContext(
                kind=str(account.kind) if account else None,
                kyc_status=str(account.kyc_status) if account else None,
                declared_use=account.declared_use if account else None,
                account_age_days=age,
                in_rmd=in_rmd,
                tracebacks=reference.tracebacks.get((f.entity_type, f.entity_id), 0),
                baseline_calls=baseline,
                number_granted=number_granted,
                account_no_consent_share=days.account_no_consent_share[index],
                day_outside_hours_share=days.outside_hours_share[index],
                day_prerecorded=days.prerecorded[index],
                line_day_callees=days.line_callees[index],
                consent_unchecked=reference.consent is None
                and f.entity_type in (EntityType.CUSTOMER, EntityType.SUB_ACCOUNT),
                consent_sources=gathered,
            )
        )
    return contexts


_ENTITY = ("entity_type", "entity_id", "customer_id")
_DAY_SUMMED = ("no_consent", "consent_known", "outside_hours", "hours_known")
_DAY_SPIKE = "day_peak_duration_calls"
#: the feature table's figures of a window's UTC day's spikes, by the argument of
#: :func:`spike_recording` each is
_DAY_RECORDING_FIGURES = {
    _DAY_SPIKE: "peak_calls",
    "day_long_answered": "long_answered",
    "day_peak_duration_s": "centre_s",
    "day_peak_duration_band_s": "band_s",
    "day_peak_beyond_calls": "beyond_calls",
    "day_peak_band_total": "band_total",
    "day_comb_duration_calls": "comb_calls",
    "day_comb_durations_s": "comb_centres_s",
    "day_comb_band_total": "comb_band_total",
}


@dataclass(frozen=True)
class _DayFigures:
    """What a judged window's UTC day says of its source, one list per figure in the
    judged rows' order (see :func:`_day_figures`)."""

    #: the consent coverage of the account behind the window over its day: a caller ID's
    #: account is the customer it comes through (None: unknown, or too few answered calls)
    account_no_consent_share: list[float | None]
    #: the entity's calls outside the calling hours over its day (None: no hours known)
    outside_hours_share: list[float | None]
    #: whether an account's answered calls over its day show a recording (None: not an
    #: account)
    prerecorded: list[bool | None]
    #: a consumer account's (or its caller ID's) distinct callees per line over its day
    #: (None: not a consumer line, or not counted)
    line_callees: list[float | None]


def _days_prerecorded(table: pa.Table, thresholds: Thresholds = DEFAULT_THRESHOLDS) -> np.ndarray:
    """Per row of the feature table: whether it is an account's window whose UTC day's
    answered calls show a recording (:func:`spike_recording` of the day's spike among the
    day's answered calls of 6 s or more, the ``day_peak_*`` figures and
    ``day_long_answered``, which every window of the day carries: by its share, its end, its
    pile or its comb's, as the daily window's own spikes are judged); its context's
    ``day_prerecorded``; or, for a sub-account's or a new or unverified account's hour,
    whose UTC day's spike with its siblings' is one
    (:func:`callwarden.traffic.detectors.day_siblings_recording` on those rows,
    ``day_siblings_*``: a snowshoe account's or a shell client's hours are each too thin to
    agree with its siblings). Computed for every row at once, before any is judged:
    :func:`may_find` needs it to pass over the thin hours of accounts that send no
    recording."""
    found = np.zeros(table.num_rows, dtype=bool)
    if not table.num_rows:
        return found
    answered = pc.fill_null(table["day_long_answered"], 0).to_numpy()
    spike = np.maximum(
        pc.fill_null(table[_DAY_SPIKE], 0).to_numpy(),
        pc.fill_null(table["day_comb_duration_calls"], 0).to_numpy(),
    )
    entity_type = table["entity_type"].to_numpy(zero_copy_only=False)
    is_account = _is_account(entity_type)
    # the least share any of the ways may find first, on every row (a confidence bound is
    # never above its share; the larger of the spikes' and the comb's calls); the verdict
    # itself only where that passes, once per day's figures (every hour of the day carries
    # the same)
    t = thresholds
    maybe = np.flatnonzero(
        is_account
        & (answered >= t.prerecorded_min_answered)
        & (spike >= min(t.prerecorded_share, t.prerecorded_ended_share) * answered)
    )
    if maybe.size:
        figures = zip(
            *(
                # lists (the comb's centres) as tuples: the figures are looked up by value
                [tuple(value) if isinstance(value, list) else value for value in column]
                for column in (
                    table[name].take(pa.array(maybe)).to_pylist() for name in _DAY_RECORDING_FIGURES
                )
            ),
            strict=True,
        )
        verdicts: dict[tuple[object, ...], bool] = {}
        for row, day in zip(maybe.tolist(), figures, strict=True):
            if day not in verdicts:
                verdicts[day] = (
                    spike_recording(
                        **dict(zip(_DAY_RECORDING_FIGURES.values(), day, strict=True)), t=t
                    )
                    is not None
                )
            found[row] = verdicts[day]
    # ... or, for a sub-account's or a young account's hour, its day's siblings' (its
    # customer's other sub-accounts, or the provider's other young accounts, spiking at its
    # day's length; EntityFeatures.day_siblings)
    young = np.flatnonzero(
        is_account & (pc.fill_null(table["day_siblings"], 0).to_numpy() > 0) & ~found
    )
    # judged as the detector judges an hour (day_siblings is filled in hourly windows
    # only), on an object of one hour per entity and UTC day: the verdict reads the day's
    # and the period's figures only, which every hour of the day carries (a reseller's
    # clients' hours are most of an hourly table: one object per hour cost 3 s at 10M calls)
    if young.size:
        first_hour, day_of_row = _first_row_per_entity_day(table.take(pa.array(young)))
        hours = rows_to_features(table.take(pa.array(young[first_hour])), "hour")
        by_siblings = np.array([day_siblings_recording(f, t) is not None for f in hours])
        found[young] = by_siblings[day_of_row]
    return found


def _first_row_per_entity_day(table: pa.Table) -> tuple[np.ndarray, np.ndarray]:
    """Per entity (:data:`_ENTITY`) and UTC day of ``table``'s rows: the position of its
    first row; and per row, the number of its entity-day in that list."""
    keys = pa.table(
        {
            **{name: table[name] for name in _ENTITY},
            "day": pc.cast(table["window_start"], pa.date32()),
            "row": pa.array(np.arange(table.num_rows)),
        }
    )
    days = keys.group_by([*_ENTITY, "day"], use_threads=False).aggregate([("row", "min")])
    first = days["row_min"].to_numpy()
    day_of_first = np.empty(table.num_rows, dtype=np.int64)
    joined = keys.join(
        days.append_column("day_number", pa.array(np.arange(days.num_rows))),
        [*_ENTITY, "day"],
    )
    day_of_first[joined["row"].to_numpy()] = joined["day_number"].to_numpy()
    return first, day_of_first


def _day_figures(
    table: pa.Table,
    judged_rows: np.ndarray,
    day_prerecorded: np.ndarray,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    line_callees: np.ndarray | None = None,
) -> _DayFigures:
    """Consent coverage, night calling and recordings are practices, judged over a day: an
    hourly window at the edge of the calling hours is all outside them, and a quiet hour
    has too few answered calls to say whether its callees consented or heard a recording.

    The feature table's windows are summed per entity and UTC day, and each judged row
    takes its own day's sums and, for a caller ID, its customer's: joined as columns, not
    looked up row by row (a network's tens of thousands of judged windows). Whether the
    day holds a recording is ``day_prerecorded``'s (:func:`_days_prerecorded`, per row of
    ``table``); a consumer line's reach over its day is ``line_callees``'s
    (:func:`_line_day_callees`, per row of ``table``; None: no consumer line)."""
    if not judged_rows.any():
        # nothing to join (an empty store's columns may not even have a type)
        return _DayFigures([], [], [], [])
    day = pc.cast(table["window_start"], pa.date32())
    by_day = pa.table({**{name: table[name] for name in (*_ENTITY, *_DAY_SUMMED)}, "day": day})
    keys = [*_ENTITY, "day"]
    days = by_day.group_by(keys, use_threads=False).aggregate(
        [(name, "sum") for name in _DAY_SUMMED]
    )
    judged = by_day.filter(judged_rows)
    rows = pa.array(np.arange(judged.num_rows))
    entity_type = judged["entity_type"].to_numpy(zero_copy_only=False)

    def joined(keyed: pa.Table) -> dict[str, np.ndarray]:
        """Each judged row's day sums under ``keyed``'s keys (0 where there is no day)."""
        found = keyed.append_column("row", rows).join(days, keys).sort_by("row")
        present = np.zeros(judged.num_rows, dtype=bool)
        present[found["row"].to_numpy()] = True
        figures = {}
        for name in (f"{n}_sum" for n in _DAY_SUMMED):
            column = np.zeros(judged.num_rows, dtype=np.int64)
            column[found["row"].to_numpy()] = pc.fill_null(found[name], 0).to_numpy()
            figures[name] = column
        figures["present"] = present
        return figures

    own = joined(judged.select(keys))
    customer_id = judged["customer_id"]
    account = joined(
        pa.table(
            {
                "entity_type": pa.array([EntityType.CUSTOMER.value] * judged.num_rows),
                "entity_id": customer_id,
                "customer_id": customer_id,
                "day": judged["day"],
            }
        )
    )

    def shares(part: np.ndarray, whole: np.ndarray, known: np.ndarray) -> list[float | None]:
        values = part / np.maximum(whole, 1)
        return [float(v) if k else None for v, k in zip(values, known, strict=True)]

    is_caller_id = entity_type == EntityType.CALLER_ID.value
    is_account = _is_account(entity_type)
    own_consent = own["consent_known_sum"]
    account_consent = account["consent_known_sum"]
    no_consent = np.where(is_caller_id, account["no_consent_sum"], own["no_consent_sum"])
    consent_known = np.where(is_caller_id, account_consent, own_consent)
    consent_judged = np.where(
        is_caller_id,
        (customer_id.to_numpy(zero_copy_only=False) != "") & (account_consent > 0),
        is_account & own["present"] & (own_consent >= thresholds.min_answered),
    )
    return _DayFigures(
        account_no_consent_share=shares(no_consent, consent_known, consent_judged),
        outside_hours_share=shares(
            own["outside_hours_sum"], own["hours_known_sum"], own["hours_known_sum"] > 0
        ),
        prerecorded=[
            recorded if account_row else None
            for recorded, account_row in zip(
                day_prerecorded[judged_rows].tolist(), is_account.tolist(), strict=True
            )
        ],
        line_callees=(
            [None] * judged.num_rows
            if line_callees is None
            else [None if np.isnan(v) else float(v) for v in line_callees[judged_rows]]
        ),
    )


def _baselines(table: pa.Table, judged_rows: np.ndarray) -> list[float | None]:
    """The baseline of each judged row, in table order: the median of the entity's calls in
    its earlier windows (None for its first). The rows are ordered by entity and window
    once; each entity with a judged window is then walked in time, its earlier counts
    kept sorted. Entities with no judged window cost nothing."""
    order = pc.sort_indices(
        table, sort_keys=[(name, "ascending") for name in (*_ENTITY, "window_start")]
    ).to_numpy()
    starts = run_starts(table.select(list(_ENTITY)).take(order), _ENTITY)
    run_of = np.cumsum(starts) - 1
    judged_in_order = judged_rows[order]
    first_rows = np.append(np.flatnonzero(starts), len(order))
    calls = table["calls"].to_numpy()[order].tolist()
    rows = order.tolist()
    judged_list = judged_in_order.tolist()
    baseline: dict[int, float | None] = {}
    for run in np.unique(run_of[judged_in_order]).tolist():
        earlier: list[int] = []
        for position in range(first_rows[run], first_rows[run + 1]):
            if judged_list[position]:
                baseline[rows[position]] = _median(earlier)
            bisect.insort(earlier, calls[position])
    return [baseline[row] for row in np.flatnonzero(judged_rows).tolist()]


def _median(ordered: list[int]) -> float | None:
    """The median of an ascending list (None when empty)."""
    if not ordered:
        return None
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return float(ordered[middle])
    return (ordered[middle - 1] + ordered[middle]) / 2


# -- from assessments to alerts -------------------------------------------------------


def alert_id(f: EntityFeatures) -> str:
    """Stable across runs over the same data, so a re-run updates rather than duplicates
    (formats.md section 5). A window other than a UTC day adds its end: an hour starting at
    midnight must not take the id of the day that starts then."""
    text = f"{f.entity_type}\x1f{f.entity_id}\x1f{f.customer_id}\x1f{f.window_start.isoformat()}"
    if f.window_end - f.window_start != timedelta(days=1):
        text += f"\x1f{f.window_end.isoformat()}"
    return "a-" + hashlib.sha256(text.encode()).hexdigest()[:16]


#: a customer whose window's calls are this share or more one sub-account's is that
#: sub-account's traffic (see _attribute)
BUSIEST_CLIENT_SHARE = 0.9


def _busiest_clients(table: pa.Table) -> dict[tuple[str, datetime], tuple[str, int]]:
    """Per customer and window start (naive UTC, as in the feature table): its
    sub-account with the most calls in the window, and how many."""
    keys = ["customer_id", "window_start"]
    # the columns it reads first: filtering the whole table copies every column it has
    narrow = table.select(["entity_type", *keys, "entity_id", "calls"])
    rows = (
        narrow.filter(pc.equal(narrow["entity_type"], EntityType.SUB_ACCOUNT.value))
        .select([*keys, "entity_id", "calls"])
        .sort_by([(key, "ascending") for key in keys] + [("calls", "descending")])
    )
    # the first row of each customer's window holds its most calls
    firsts = rows.filter(pa.array(run_starts(rows, keys)))
    return {
        (customer, start): (client, calls)
        for customer, start, client, calls in zip(
            *(firsts[name].to_pylist() for name in (*keys, "entity_id", "calls")), strict=True
        )
    }


def _attribute(
    assessed: Sequence[tuple[EntityFeatures, Assessment]],
    customers: Mapping[str, Customer] | None = None,
    busiest_clients: Mapping[tuple[str, datetime], tuple[str, int]] | None = None,
) -> list[Alert]:
    """Alerts for every entity with a reason, the narrowest responsible source first: a
    reseller whose high rating comes from its clients is held at medium and points at
    them (the client is what to mitigate, as in the FCC's letter naming PhoneBurner's
    client rather than Twilio's whole traffic).

    Clients high anywhere in the window's UTC day count: an hourly window slices a
    client's campaign thin, and a reseller's hour can mix one client's dialling with
    another's unconsented calls into a pair of reasons neither client shows. So do clients
    high on another day of the period that made calls in the window (a judged window of
    their own there): a campaign's thin day, such as the last, partial day analysed, shows
    only in its reseller's window, where its calls are the most of a few hundred (the synth
    network at scale 0.02 over 7 days, seeds 144 and 149: a number-order dialler's 67 calls
    in one exchange, under the 100 callees its own window needs, were 42% of its reseller's
    158 and made the reseller `high`).

    A customer whose window is nearly all one sub-account's calls (BUSIEST_CLIENT_SHARE,
    ``busiest_clients`` of :func:`_busiest_clients`) is that client's traffic judged with
    the reseller's context: the client's own (its declared use, its history) is the
    narrower, and where it does not make the client ``high`` the reseller is held at
    ``medium`` too, pointing at it. (An independent probe's notification platform was
    ``high`` on its one client's county emergency alerts, which the client's declared use
    exempts from the calling hours.)

    A customer whose recording is one client's (a sub-account in the window whose own
    recording is at the same length holds half the customer's spike or more), where that
    client is not ``high``, is held at ``medium`` too, pointing at it: the client is judged
    with its own consent records and declared use, where the customer's window pairs the
    client's recording with its other clients' missing records. (A hosted-PBX network's
    managed-services partner was ``high`` on an HVAC client's consented reminder and its
    other clients' live calls.)

    A sub-account's alert names the accounts between it and its customer when the
    customers file (``customers``) knows them (see :func:`account_chain_note`)."""
    high_subaccounts: dict[tuple[str, date], set[str]] = defaultdict(set)
    # per customer window: its clients' windows with a recording of their own
    recorded_clients: dict[tuple[str, datetime], list[tuple[EntityFeatures, Severity]]] = (
        defaultdict(list)
    )
    high_in_period: dict[str, set[str]] = defaultdict(set)
    calling_clients: dict[tuple[str, datetime], set[str]] = defaultdict(set)
    client_severity: dict[tuple[str, str, datetime], Severity] = {}
    for f, assessment in assessed:
        if f.entity_type != EntityType.SUB_ACCOUNT:
            continue
        calling_clients[(f.customer_id, f.window_start)].add(f.entity_id)
        if any(x.code is ReasonCode.PRERECORDED_PATTERN for x in assessment.findings):
            recorded_clients[(f.customer_id, f.window_start)].append((f, assessment.severity))
        if assessment.findings:
            client_severity[(f.customer_id, f.entity_id, f.window_start)] = assessment.severity
        if assessment.severity is Severity.HIGH:
            high_subaccounts[(f.customer_id, f.window_start.date())].add(f.entity_id)
            high_in_period[f.customer_id].add(f.entity_id)
    alerts: list[Alert] = []
    for f, assessment in assessed:
        if not assessment.findings:
            continue
        severity, score, notes = assessment.severity, assessment.score, list(assessment.notes)
        clients = high_subaccounts.get((f.entity_id, f.window_start.date()), set())
        calling = calling_clients.get((f.entity_id, f.window_start), set())
        high_other_days = (high_in_period.get(f.entity_id, set()) & calling) - clients
        if f.entity_type == EntityType.CUSTOMER and (clients or high_other_days):
            # named whatever the reseller's own grade: an analyst opening its alert must
            # find the clients to act on from it
            if severity is Severity.HIGH:
                severity, score = Severity.MEDIUM, min(score, 74)
            for named_clients, why in (
                (clients, ""),
                (high_other_days, " (high on other days, calling in this window)"),
            ):
                if named_clients:
                    named = ", ".join(sorted(named_clients)[:5]) + (
                        " ..." if len(named_clients) > 5 else ""
                    )
                    notes.append(f"attributed to sub-account(s) {named}{why}: mitigate those first")
        if (
            f.entity_type == EntityType.CUSTOMER
            and severity is Severity.HIGH
            and not any(x.code in SELF_EVIDENT for x in assessment.findings)
            and any(x.code is ReasonCode.PRERECORDED_PATTERN for x in assessment.findings)
            and (owner := _recording_owner(f, recorded_clients.get((f.entity_id, f.window_start))))
            is not None
        ):
            recorder, recorder_severity = owner
            severity, score = Severity.MEDIUM, min(score, 74)
            notes.append(
                f"its recording at {f.peak_duration_s} s is sub-account {recorder.entity_id}'s "
                f"({recorder.peak_duration_calls:,} of the {f.peak_duration_calls:,} calls at "
                f"that length), {recorder_severity.value} there with its own consent "
                "records and declared use: judged there"
            )
        busiest = (busiest_clients or {}).get((f.entity_id, f.window_start.replace(tzinfo=None)))
        if (
            f.entity_type == EntityType.CUSTOMER
            and severity is Severity.HIGH
            and busiest is not None
            and busiest[1] >= BUSIEST_CLIENT_SHARE * f.calls
        ):
            client, client_calls = busiest
            own = client_severity.get((f.entity_id, client, f.window_start))
            severity, score = Severity.MEDIUM, min(score, 74)
            notes.append(
                f"{client_calls / f.calls:.0%} of its calls in the window are sub-account "
                f"{client}'s, {own.value if own else 'without an alert'} there (its own "
                "declared use and history): judged there"
            )
        if f.entity_type == EntityType.SUB_ACCOUNT and customers:
            chain = account_chain_note(f.entity_id, f.customer_id, customers)
            if chain is not None:
                notes.append(chain)
        alerts.append(_alert(f, assessment, severity, score, tuple(notes)))
    return alerts


def _recording_owner(
    customer: EntityFeatures, clients: Sequence[tuple[EntityFeatures, Severity]] | None
) -> tuple[EntityFeatures, Severity] | None:
    """The client below ``high`` whose own recording is the customer's: at the customer's
    spike's length (within the wider of their bands) and half its calls or more. None when
    no client is, or one that is carries a ``high`` of its own (named already)."""
    centre = customer.peak_duration_s
    if centre is None or not customer.peak_duration_calls:
        return None
    for client, severity in clients or ():
        if client.peak_duration_s is None or severity is Severity.HIGH:
            continue
        near = max(customer.peak_duration_band_s or 0, client.peak_duration_band_s or 0, 1)
        if (
            abs(client.peak_duration_s - centre) <= near
            and 2 * client.peak_duration_calls >= customer.peak_duration_calls
        ):
            return client, severity
    return None


def account_chain(account_id: str, customers: Mapping[str, Customer]) -> list[str]:
    """The accounts above ``account_id`` by the customers file's ``parent_id``, nearest
    first (a loop, which loading refuses, is cut where it closes)."""
    chain: list[str] = []
    seen = {account_id}
    known = customers.get(account_id)
    while known is not None and known.parent_id and known.parent_id not in seen:
        chain.append(known.parent_id)
        seen.add(known.parent_id)
        known = customers.get(known.parent_id)
    return chain


def account_chain_note(
    sub_account: str, customer_id: str, customers: Mapping[str, Customer]
) -> str | None:
    """What the customers file says of a sub-account that its calls do not: the resellers
    between it and the customer its calls came through (a client of a client, as MV Realty
    was of PhoneBurner, Twilio's customer: each reseller vouched for the one below it), or
    that it files it under another account than its calls do (the records disagree: a KYC
    question of its own). None when the file knows no parent of it, or its parent is that
    customer."""
    above = account_chain(sub_account, customers)
    if not above or above[0] == customer_id:
        return None
    if customer_id in above:
        between = above[: above.index(customer_id)]
        through = ", a client of ".join(between)
        return (
            f"a client of {through}, a client of {customer_id} (customers file): the "
            f"reseller(s) between them, {', '.join(between)}, vouched for the account below"
        )
    return (
        f"the customers file puts it under {above[0]}, its calls come through {customer_id}: "
        "the account records and the traffic disagree"
    )


def _alert(
    f: EntityFeatures,
    assessment: Assessment,
    severity: Severity,
    score: int,
    notes: tuple[str, ...],
) -> Alert:
    samples = f.sample_call_ids or {}
    reasons = tuple(
        Reason(
            code=finding.code,
            detail=finding.detail,
            value=float(finding.value),
            threshold=float(finding.threshold),
            sample_call_ids=(samples[finding.sample_flag],)
            if finding.sample_flag and finding.sample_flag in samples
            else (),
        )
        for finding in assessment.findings
    )
    picked: list[str] = []
    for reason in reasons:
        for call_id in reason.sample_call_ids:
            if call_id not in picked:
                picked.append(call_id)
    for extra in ("any", "any_last"):
        other = samples.get(extra)
        if other is not None and other not in picked:
            picked.append(other)
    return Alert(
        alert_id=alert_id(f),
        entity_type=EntityType(f.entity_type),
        entity_id=f.entity_id,
        customer_id=f.customer_id,
        window_start=f.window_start,
        window_end=f.window_end,
        score=score,
        severity=severity,
        calls=f.calls,
        reasons=reasons,
        sample_call_ids=tuple(picked[:10]),
        evidence=evidence_figures(f),
        notes=notes,
    )


def _own_numbers_figures(f: EntityFeatures, spike: str) -> dict[str, float | None]:
    """``<spike>_peak_own_caller_ids`` and ``<spike>_peak_own_calls_per_caller_id``: the
    numbers of an upstream provider's spike in its calls not A-attested (``spike`` "weak"
    or "day_weak") and its calls per number, net of the live calls its flanks predict in
    its band (null where the band's numbers were not counted)."""
    if getattr(f, f"{spike}_band_answered") <= 0:
        # not counted: every account's window, most carriers'
        return {f"{spike}_peak_own_caller_ids": None, f"{spike}_peak_own_calls_per_caller_id": None}
    calls, numbers = spike_own_numbers(f, spike)
    return {
        f"{spike}_peak_own_caller_ids": round(numbers, 1),
        f"{spike}_peak_own_calls_per_caller_id": calls / numbers if numbers > 0 else None,
    }


_SHARED_FIGURES = (
    "shared_peak_duration_s",
    "shared_peak_duration_share",
    "shared_peak_own_calls",
    "shared_peak_own_caller_ids",
    "shared_peak_carriers",
    "shared_peak_carriers_calls",
    "shared_peak_carriers_caller_ids",
)


def _shared_figures(f: EntityFeatures) -> dict[str, float | int | None]:
    """``shared_peak_*`` of an upstream provider's window: its UTC day's spike in every
    carrier's calls not A-attested pooled (its length and share of its band), and where
    its day's calls there were counted, its own calls and numbers in it and those of the
    carriers carrying a part of it (net of the live calls their flanks predict; null
    elsewhere)."""
    if f.shared_peak_duration_s is None:
        # every account's window, and a carrier's on a day without the spike
        return dict.fromkeys(_SHARED_FIGURES)
    figures: dict[str, float | int | None] = {
        "shared_peak_duration_s": f.shared_peak_duration_s,
        "shared_peak_duration_share": (
            f.shared_peak_duration_calls / f.shared_band_total if f.shared_band_total else None
        ),
        "shared_peak_own_calls": None,
        "shared_peak_own_caller_ids": None,
        "shared_peak_carriers": f.shared_carriers or None,
        "shared_peak_carriers_calls": None,
        "shared_peak_carriers_caller_ids": None,
    }
    if f.shared_band_answered:
        own = spike_own_numbers(f, "shared")
        figures["shared_peak_own_calls"], figures["shared_peak_own_caller_ids"] = own
    if f.shared_carriers:
        carriers = spike_own_numbers(f, "shared_carriers")
        figures["shared_peak_carriers_calls"], figures["shared_peak_carriers_caller_ids"] = carriers
    return figures


def evidence_figures(f: EntityFeatures) -> dict[str, float | int | str | None]:
    """The figures behind the reasons, named for an analyst."""

    def share(part: int, whole: int) -> float | None:
        return part / whole if whole else None

    return {
        "calls": f.calls,
        "answered": f.answered,
        "answer_seizure_ratio": share(f.answered, f.calls),
        "cancelled_share": share(f.cancelled, f.calls),
        # its calls from numbers costly to call back, answered nowhere over the day
        "costly_unanswered_calls": f.costly_unanswered_calls or None,
        "costly_unanswered_numbers": f.costly_unanswered_numbers or None,
        # ... of those that reached a line in service (not SIP 404 or 410)
        "costly_unanswered_cancelled_share": share(
            f.costly_unanswered_cancelled,
            f.costly_unanswered_calls - f.costly_unanswered_unreachable,
        ),
        "short_answered_share": share(f.short_answered, f.answered),
        "mean_answered_duration_s": share(f.answered_seconds, f.answered),
        "peak_duration_s": f.peak_duration_s,
        "peak_duration_band_s": f.peak_duration_band_s,
        "peak_duration_share": share(f.peak_duration_calls, f.long_answered),
        "peak_duration_spikes": len(f.peak_durations_s),
        "peak_beyond_share": (
            share(f.peak_beyond_calls, f.long_answered) if f.peak_beyond_calls is not None else None
        ),
        "peak_pile_share": share(f.peak_duration_calls, f.peak_band_total or 0),
        "comb_duration_share": share(f.comb_duration_calls, f.long_answered),
        "comb_duration_spikes": len(f.comb_durations_s),
        "comb_pile_share": share(f.comb_duration_calls, f.comb_band_total or 0),
        "peak_calls_per_minute": f.peak_calls_per_minute,
        # an upstream provider's recording: the numbers its answered calls came from
        "peak_caller_ids": f.peak_caller_ids if f.peak_band_answered else None,
        "peak_calls_per_caller_id": share(f.peak_band_answered, f.peak_caller_ids),
        # ... and the spike of its calls not A-attested (unsigned, B or C) alone
        "weak_peak_duration_s": f.weak_peak_duration_s,
        "weak_peak_duration_share": share(f.weak_peak_duration_calls, f.weak_long_answered),
        "weak_peak_caller_ids": f.weak_band_caller_ids if f.weak_band_answered else None,
        "weak_peak_calls_per_caller_id": share(f.weak_band_answered, f.weak_band_caller_ids),
        # ... read against its A-attested calls at the same lengths, not against its flanks
        "weak_peak_against_signed": bool(f.weak_peak_contrast) if f.weak_peak_duration_s else None,
        # ... net of the live calls its flanks predict in its band (see spike_own_numbers)
        **_own_numbers_figures(f, "weak"),
        # ... and, for its hour, its UTC day's spike
        "day_peak_duration_s": f.day_peak_duration_s,
        "day_peak_duration_share": share(f.day_peak_duration_calls, f.day_long_answered),
        "day_peak_caller_ids": f.day_band_caller_ids if f.day_band_answered else None,
        "day_peak_calls_per_caller_id": share(f.day_band_answered, f.day_band_caller_ids),
        # ... and its UTC day's spike of the calls not A-attested
        "day_weak_peak_duration_s": f.day_weak_peak_duration_s,
        "day_weak_peak_duration_share": share(
            f.day_weak_peak_duration_calls, f.day_weak_long_answered
        ),
        "day_weak_peak_caller_ids": (
            f.day_weak_band_caller_ids if f.day_weak_band_answered else None
        ),
        "day_weak_peak_calls_per_caller_id": share(
            f.day_weak_band_answered, f.day_weak_band_caller_ids
        ),
        **_own_numbers_figures(f, "day_weak"),
        # ... and the spike of every carrier's calls not A-attested pooled over its UTC day
        # (one message split over carriers), with its own part of it and the carriers'
        **_shared_figures(f),
        "distinct_callees": f.callees,
        "distinct_caller_ids": f.caller_ids,
        "calls_per_caller_id": share(f.calls, f.caller_ids),
        "caller_ids_per_callee": share(f.callee_caller_pairs, f.callees),
        # ... and over the window's UTC day, for an hour that may be forwarding calls
        "day_caller_ids_per_callee": share(f.day_callee_caller_pairs, f.day_callees),
        "sequential_share": 1 - f.callee_blocks / f.callees if f.callees else None,
        "callee_exchanges": f.callee_exchanges,
        "callee_hundreds": f.callee_hundreds,
        "sequential_clustering": (
            callee_clustering(f.callees, f.callee_blocks, f.callee_exchanges)[0]
            if f.callee_exchanges
            else None
        ),
        "sequential_hundred_clustering": (
            callee_clustering(f.callees, f.callee_blocks, f.callee_hundreds, BLOCKS_PER_HUNDRED)[0]
            if f.callee_hundreds
            else None
        ),
        "neighbor_share": share(f.neighbor, f.nanp_pairs),
        # ... and over the window's UTC day, for an hour judged by its day's
        "day_neighbor_share": share(f.day_neighbor, f.day_nanp_pairs),
        "day_caller_ids": f.day_caller_ids or None,
        # the numbers an account's window rang flood_callee_calls times or more, counted
        # only where its silent calls per callee may hold a flood (see may_flood_callees)
        "flooded_callees": f.flooded_callees or None,
        "flooded_calls": f.flooded_calls or None,
        "flooded_silent_share": share(f.flooded_silent, f.flooded_calls),
        "invalid_caller_share": share(f.invalid_caller, f.calls),
        "dno_caller_share": share(f.dno_caller, f.calls),
        "own_number_caller_share": (
            share(f.own_number_caller, f.calls) if f.entity_type == "upstream_provider" else None
        ),
        # an upstream provider's NANP calls in the callee's exchange, not A-attested and
        # A-attested apart (detectors.unsigned_neighbors)
        **(
            {
                "unvouched_neighbor_share": share(f.weak_neighbor, f.weak_nanp_pairs),
                "vouched_neighbor_share": share(
                    f.neighbor - f.weak_neighbor, f.nanp_pairs - f.weak_nanp_pairs
                ),
            }
            if f.entity_type == "upstream_provider"
            else {"unvouched_neighbor_share": None, "vouched_neighbor_share": None}
        ),
        "unassigned_caller_share": share(f.unassigned_caller, f.numbers_known),
        "no_consent_share": share(f.no_consent, f.consent_known),
        # an account's answered calls at its recording's length alone, counted only where
        # its other calls could hold its missing records (see with_band_consent)
        "recorded_calls": f.band_consent_known or None,
        "recorded_no_consent_share": share(f.band_no_consent, f.band_consent_known),
        "outside_hours_share": share(f.outside_hours, f.hours_known),
        "weak_attestation_share": share(f.weak_attestation, f.calls),
        "sources": f.sources,
        # the account over the whole period analysed (what a thin window is judged by)
        "period_no_consent_share": share(f.period_no_consent, f.period_consent_known),
        "period_recorded_calls": f.period_band_consent_known or None,
        "period_recorded_no_consent_share": share(
            f.period_band_no_consent, f.period_band_consent_known
        ),
        "period_peak_duration_s": f.period_peak_duration_s,
        "period_peak_duration_share": share(f.period_peak_duration_calls, f.period_long_answered),
        # a sub-account with its customer's others spiking at its length (a split campaign)
        "siblings": f.siblings,
        "siblings_peak_duration_share": share(
            f.siblings_peak_duration_calls, f.siblings_long_answered
        ),
        # ... and over the whole period (a campaign split over clients thin on every day)
        "period_siblings": f.period_siblings,
        "period_siblings_peak_duration_share": share(
            f.period_siblings_peak_duration_calls, f.period_siblings_long_answered
        ),
        # ... and a young account's hour: its UTC day with the other young accounts' days
        "day_siblings": f.day_siblings,
        "day_siblings_peak_duration_share": share(
            f.day_siblings_peak_duration_calls, f.day_siblings_long_answered
        ),
    }
