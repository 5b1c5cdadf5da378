"""Loading reference files: transactional per file, bad rows reported, good rows loaded."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from callwarden.customers import ConsentRecord, ConsentType, Customer, NumberGrant
from callwarden.errors import InputError
from callwarden.formats.report import ReadReport, RowError
from callwarden.kyc.importing import (
    ReferenceImportError,
    ReferenceKind,
    import_reference_file,
    import_reference_files,
)
from callwarden.lists import DnoEntry
from callwarden.store.relational import Database, open_database

REPO = Path(__file__).resolve().parents[2]

Row = object  # a record, or a RowError the fake reader reports as its own rejection


def reader_of(rows: Sequence[Row]) -> Callable[[Path, ReadReport], Iterator[object]]:
    """A reader that yields records built in the test, counting rows as a reader does."""

    def read(path: Path, report: ReadReport) -> Iterator[object]:
        for row in rows:
            report.rows_read += 1
            if isinstance(row, RowError):
                report.reject(row)
                continue
            report.rows_accepted += 1
            yield row

    return read


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'callwarden.db'}"
    url: str = request.getfixturevalue("postgres_url")
    return url


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    with open_database(database_url) as opened:
        yield opened


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "reference.csv"
    path.write_text("header\nrow 1\nrow 2\n")
    return path


def load(database: Database, kind: ReferenceKind, source: Path, rows: Sequence[Row]) -> ReadReport:
    return import_reference_file(database, kind, source, reader=reader_of(rows))


def test_children_may_come_before_their_parents(database: Database, source: Path) -> None:
    rows = [
        Customer("agent", "Agent", parent_id="client"),
        Customer("client", "Client", parent_id="reseller"),
        Customer("reseller", "Reseller"),
    ]
    report = load(database, ReferenceKind.CUSTOMERS, source, rows)
    assert (report.rows_accepted, report.rows_rejected) == (3, 0)
    with database.reading() as store:
        chain = [c.customer_id for c in store.customer_chain("agent")]
    assert chain == ["agent", "client", "reseller"]


def test_deep_child_first_chain_across_batches(database: Database, source: Path) -> None:
    # Each account listed before its parent, over more than one batch: everything waits
    # for the last row.
    depth = 5_500
    rows = [Customer(f"c{i}", f"C{i}", parent_id=f"c{i + 1}") for i in range(depth)]
    rows.append(Customer(f"c{depth}", "top"))
    report = load(database, ReferenceKind.CUSTOMERS, source, rows)
    assert report.rows_rejected == 0
    with database.reading() as store:
        assert store.counts().customers == depth + 1
        assert store.customer("c0") == rows[0]


def test_thousands_of_sub_accounts_before_their_reseller(database: Database, source: Path) -> None:
    rows: list[Row] = [Customer(f"sub{i}", f"Sub {i}", parent_id="reseller") for i in range(12_000)]
    rows.append(Customer("reseller", "Reseller"))
    report = load(database, ReferenceKind.CUSTOMERS, source, rows)
    assert (report.rows_accepted, report.rows_rejected) == (12_001, 0)
    with database.reading() as store:
        assert [c.customer_id for c in store.customer_chain("sub11999")] == ["sub11999", "reseller"]


def test_bad_parents_are_rejected_with_line_and_value(database: Database, source: Path) -> None:
    rows = [
        Customer("ok", "OK"),
        Customer("orphan", "Orphan", parent_id="nobody"),
        Customer("orphans-child", "Orphan's child", parent_id="orphan"),
        Customer("selfish", "Selfish", parent_id="selfish"),
        Customer("fine-child", "Fine", parent_id="ok"),
    ]
    report = load(database, ReferenceKind.CUSTOMERS, source, rows)
    assert (report.rows_read, report.rows_accepted, report.rows_rejected) == (5, 2, 3)
    errors = {(e.line, e.column, e.value) for e in report.errors}
    # header = line 1, so the n-th row is on line n + 1
    assert errors == {
        (3, "parent_id", "nobody"),
        (4, "parent_id", "orphan"),
        (5, "parent_id", "selfish"),
    }
    assert all(e.source == str(source) for e in report.errors)
    with database.reading() as store:
        assert store.counts().customers == 2


def test_reparenting_into_a_loop_is_rejected(database: Database, source: Path) -> None:
    load(database, ReferenceKind.CUSTOMERS, source, [Customer("a", "A"), Customer("b", "B", "a")])
    report = load(
        database,
        ReferenceKind.CUSTOMERS,
        source,
        [Customer("a", "A", parent_id="b"), Customer("c", "C", parent_id="b")],
    )
    (error,) = report.errors
    assert "loop (a -> b -> a)" in error.reason
    assert (error.line, error.value) == (2, "b")
    with database.reading() as store:
        assert store.customer_chain("a") == [Customer("a", "A")]
        assert store.counts().customers == 3


def test_numbers_of_unknown_accounts_are_rejected(database: Database, source: Path) -> None:
    load(database, ReferenceKind.CUSTOMERS, source, [Customer("known", "Known")])
    bad_row = RowError(str(source), 3, "number does not normalise", "number", "12")
    rows = [
        NumberGrant("+12025550100", "known", verified=True),
        bad_row,
        NumberGrant("+12025550101", "ghost"),
        NumberGrant("+12025550102", "known"),
    ]
    report = load(database, ReferenceKind.NUMBERS, source, rows)
    assert (report.rows_read, report.rows_accepted, report.rows_rejected) == (4, 2, 2)
    assert report.errors[0] == bad_row
    assert (report.errors[1].line, report.errors[1].value) == (4, "ghost")
    with database.reading() as store:
        assert [g.number for g in store.numbers_of("known")] == ["+12025550100", "+12025550102"]


def test_values_the_database_cannot_hold_are_rejected_rows(
    database: Database, source: Path
) -> None:
    # PostgreSQL would abort the whole file on either; SQLite would quietly keep them.
    rows = [
        ConsentRecord("+13055550001", "c" * 256, ConsentType.PRIOR_EXPRESS),
        ConsentRecord("+13055550002", "fine", ConsentType.PRIOR_EXPRESS, evidence="a\x00b"),
        ConsentRecord("+13055550003", "fine", ConsentType.PRIOR_EXPRESS, evidence="x" * 5000),
    ]
    report = load(database, ReferenceKind.CONSENT, source, rows)
    assert (report.rows_accepted, report.rows_rejected) == (1, 2)
    assert [(e.line, e.column, e.reason) for e in report.errors] == [
        (2, "customer_id", "longer than 255 characters"),
        (3, "evidence", "contains a NUL character"),
    ]
    with database.reading() as store:
        assert store.consent_for("+13055550003")[0].evidence == "x" * 5000


def test_reload_changes_nothing_and_is_audited(database: Database, source: Path) -> None:
    rows = [ConsentRecord(f"+1305555{i:04d}", "c", ConsentType.PRIOR_EXPRESS) for i in range(50)]
    first = load(database, ReferenceKind.CONSENT, source, rows)
    second = load(database, ReferenceKind.CONSENT, source, rows)
    assert first.rows_accepted == second.rows_accepted == 50
    with database.reading() as store:
        assert store.counts().consent == 50
        runs = store.import_runs(kind="consent")
    assert len(runs) == 2
    assert runs[0].checksum_sha256 == hashlib.sha256(source.read_bytes()).hexdigest()
    assert runs[0].source == str(source.resolve())
    assert (runs[1].rows_read, runs[1].rows_accepted, runs[1].rows_rejected) == (50, 50, 0)


def test_unusable_file_leaves_nothing_of_itself(database: Database, source: Path) -> None:
    def broken(path: Path, report: ReadReport) -> Iterator[DnoEntry]:
        for index in range(20_000):  # several batches already written when it fails
            report.rows_read += 1
            report.rows_accepted += 1
            yield DnoEntry(f"+1800555{index:04d}")
        raise InputError("line 20002: the file ends in the middle of a gzip member")

    with pytest.raises(InputError, match="gzip"):
        import_reference_file(database, ReferenceKind.DNO, source, reader=broken)
    with database.reading() as store:
        assert store.counts().dno == 0
        assert store.import_runs() == []


def test_missing_file_is_an_input_error_naming_it(database: Database, tmp_path: Path) -> None:
    missing = tmp_path / "nope.csv"
    with pytest.raises(InputError, match=r"nope\.csv"):
        import_reference_file(database, ReferenceKind.DNO, missing, reader=reader_of([]))


def test_reference_import_error_carries_earlier_reports() -> None:
    report = ReadReport(source="customers.csv", rows_read=3, rows_accepted=3)
    error = ReferenceImportError("numbers.csv: missing column 'number'", loaded=[report])
    assert isinstance(error, InputError)
    assert error.loaded == [report]


class RecordingProgress:
    def __init__(self) -> None:
        self.events: list[tuple[str, object]] = []
        self.rows = 0

    def start(self, description: str, total: float | None = None) -> None:
        self.events.append(("start", (description, total)))

    def advance(self, amount: float = 1, *, rows: int = 0) -> None:
        self.rows += rows

    def finish(self) -> None:
        self.events.append(("finish", None))


def test_progress_reports_rows(database: Database, tmp_path: Path) -> None:
    path = tmp_path / "dno.csv"
    path.write_text("number\n" + "".join(f"+1800555{i:04d}\n" for i in range(25_000)))
    rows = [DnoEntry(f"+1800555{i:04d}") for i in range(25_000)]
    progress = RecordingProgress()
    import_reference_file(
        database, ReferenceKind.DNO, path, reader=reader_of(rows), progress=progress
    )
    assert progress.events[0] == ("start", ("loading dno from dno.csv", 25_000))
    assert progress.events[-1] == ("finish", None)
    assert progress.rows == 25_000


def test_killed_mid_file_loses_and_duplicates_nothing(database_url: str, tmp_path: Path) -> None:
    source = tmp_path / "consent.csv"
    source.write_text("called_number,customer_id,consent_type\n")
    with open_database(database_url) as database, database.writing() as store:
        store.upsert_consent([ConsentRecord("+19995550000", "before", ConsentType.PRIOR_EXPRESS)])
    signal_file = tmp_path / "started"
    command = [sys.executable, "-m", "tests.kyc.import_worker", database_url, str(source)]
    worker = subprocess.Popen(
        [*command, "400000", str(signal_file)],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    deadline = time.monotonic() + 120
    while not signal_file.exists() and worker.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert signal_file.exists(), "the worker never started writing"
    worker.send_signal(signal.SIGKILL)
    worker.wait()
    assert worker.returncode == -signal.SIGKILL

    with open_database(database_url) as database, database.reading() as store:
        assert store.counts().consent == 1  # only what was there before
        assert store.import_runs() == []
    # Running it again completes the load.
    subprocess.run(
        [*command, "40000", "-"],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        check=True,
    )
    with open_database(database_url) as database, database.reading() as store:
        assert store.counts().consent == 40_001
        (run,) = store.import_runs()
        assert run.rows_accepted == 40_000


@pytest.mark.slow
def test_killed_mid_file_through_the_block_reader_loses_nothing(
    database_url: str, tmp_path: Path
) -> None:
    source = tmp_path / "consent.csv"
    with source.open("w", encoding="utf-8") as handle:
        handle.write("called_number,customer_id,consent_type,obtained_at,evidence\n")
        for index in range(400_000):
            number = f"+1202{2_000_000 + index}"  # NXX 200-599: all normalise
            handle.write(f"{number},c-{index % 7},prior_express,2022-01-01,doc-{index}\n")
    with open_database(database_url) as database, database.writing() as store:
        store.upsert_consent([ConsentRecord("+19995550000", "before", ConsentType.PRIOR_EXPRESS)])
    signal_file = tmp_path / "started"
    command = [sys.executable, "-m", "tests.kyc.import_worker", database_url, str(source), "file"]
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    worker = subprocess.Popen([*command, str(signal_file)], cwd=REPO, env=environment)
    deadline = time.monotonic() + 120
    while not signal_file.exists() and worker.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert signal_file.exists(), "the worker never wrote a block"
    worker.send_signal(signal.SIGKILL)
    worker.wait()
    assert worker.returncode == -signal.SIGKILL

    with open_database(database_url) as database, database.reading() as store:
        assert store.counts().consent == 1  # only what was there before
        assert store.import_runs() == []
    subprocess.run([*command, "-"], cwd=REPO, env=environment, check=True)
    with open_database(database_url) as database, database.reading() as store:
        assert store.counts().consent == 400_001
        (run,) = store.import_runs()
        assert (run.rows_read, run.rows_accepted) == (400_000, 400_000)


# ----------------------------------------------------------------------------- real files


def write_reference_files(directory: Path) -> dict[str, Path]:
    files = {
        "customers": "customer_id,name,parent_id,kind,kyc_status,created_at,declared_use\n"
        "mv-realty,MV Realty PBC,phoneburner,enterprise,verified,2022-03-01T00:00:00Z,sales\n"
        "phoneburner,PhoneBurner Inc,,reseller,verified,2019-01-01,dialer platform\n"
        "lost,Lost Sub-account,nobody,enterprise,pending,,\n"
        "bad-kind,Bad Kind,,pirate,unknown,,\n",
        "numbers": "number,customer_id,since,verified\n"
        "(202) 555-0143,mv-realty,2022-03-02,yes\n"
        "+12025550144,ghost,,no\n"
        "not a number,mv-realty,,no\n",
        "consent": "called_number,customer_id,consent_type,obtained_at,revoked_at,evidence\n"
        "3055550123,mv-realty,prior_express_written,2022-05-01T12:00:00Z,,doc-1\n"
        "3055550124,mv-realty,verbal,2022-05-01T12:00:00Z,,doc-2\n",
        "dno": "number,reason\n+18005550100,inbound only\n",
        "rmd": "\ufefffrn,business_name,implementation,last_updated,contact_name\n"
        "0012345678,Acme Telecom LLC,Complete STIR/SHAKEN,2023-01-05,Jane\n",
    }
    paths = {}
    for kind, content in files.items():
        paths[kind] = directory / f"{kind}.csv"
        paths[kind].write_text(content, encoding="utf-8")
    return paths


def test_import_reference_files_end_to_end(database: Database, tmp_path: Path) -> None:
    paths = write_reference_files(tmp_path)
    reports = import_reference_files(database, **paths)
    by_source = {Path(report.source).stem: report for report in reports}
    assert [Path(report.source).stem for report in reports] == list(paths)

    customers = by_source["customers"]
    assert (customers.rows_read, customers.rows_accepted, customers.rows_rejected) == (4, 2, 2)
    assert {(e.line, e.column) for e in customers.errors} == {(4, "parent_id"), (5, "kind")}
    numbers = by_source["numbers"]
    assert (numbers.rows_accepted, numbers.rows_rejected) == (1, 2)
    assert {(e.line, e.column) for e in numbers.errors} == {(3, "customer_id"), (4, "number")}
    assert by_source["consent"].rows_rejected == 1

    with database.reading() as store:
        chain = [c.customer_id for c in store.customer_chain("mv-realty")]
        assert chain == ["mv-realty", "phoneburner"]
        assert [g.number for g in store.numbers_of("mv-realty")] == ["+12025550143"]
        called_at = datetime(2022, 6, 1, tzinfo=UTC)
        assert store.has_consent("+13055550123", chain, called_at, written=True)
        assert store.is_dno("+18005550100")
        filing = store.rmd_filing_by_name_or_frn("acme telecom llc")
        assert filing is not None
        assert filing.frn == "0012345678"
        before = store.counts()
    assert (before.customers, before.number_grants, before.consent) == (2, 1, 1)
    assert before.import_runs == 5

    # Loading the same files again changes nothing but the audit trail.
    import_reference_files(database, **paths)
    with database.reading() as store:
        after = store.counts()
    assert after == replace(before, import_runs=10)


def test_unusable_file_stops_the_load_after_committing_earlier_ones(
    database: Database, tmp_path: Path
) -> None:
    paths = write_reference_files(tmp_path)
    paths["numbers"].write_text("telephone,customer_id\n+12025550143,mv-realty\n")
    with pytest.raises(ReferenceImportError, match=r"numbers\.csv") as raised:
        import_reference_files(database, **paths)
    assert [Path(report.source).name for report in raised.value.loaded] == ["customers.csv"]
    with database.reading() as store:
        counts = store.counts()
    assert (counts.customers, counts.number_grants, counts.consent, counts.import_runs) == (
        2,
        0,
        0,
        1,
    )
