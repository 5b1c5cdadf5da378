"""The relational store on both dialects: SQLite (tmp_path) and the real PostgreSQL server."""

from __future__ import annotations

import sqlite3
import threading
import warnings
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import inspect, text

from callwarden.config import Settings
from callwarden.customers import (
    ConsentRecord,
    ConsentType,
    Customer,
    CustomerKind,
    KycStatus,
    NumberGrant,
)
from callwarden.errors import ConfigError, StoreError
from callwarden.lists import DnoEntry, RmdFiling
from callwarden.store.relational import (
    METADATA,
    Database,
    ImportRun,
    current_revision,
    downgrade_schema,
    head_revision,
    open_database,
    unstorable_rows,
    unstorable_value,
    upgrade_schema,
)
from callwarden.store.relational_models import VERSION_TABLE

TABLES = {"customers", "number_grants", "consent", "dno", "rmd_filings", "import_runs"}
T0 = datetime(2022, 8, 1, 12, 0, tzinfo=UTC)


@pytest.fixture(
    params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)],
)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'nested' / 'callwarden.db'}"
    url: str = request.getfixturevalue("postgres_url")
    return url


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    with open_database(database_url) as opened:
        yield opened


def reseller_family() -> list[Customer]:
    return [
        Customer("phoneburner", "PhoneBurner Inc", kind=CustomerKind.RESELLER),
        Customer(
            "mv-realty",
            "MV Realty PBC",
            parent_id="phoneburner",
            created_at=T0,
            kyc_status=KycStatus.VERIFIED,
            declared_use="sales dialer",
            ein="12-3456789",
            address="1 Main St, Delray Beach FL",
            country="US",
            contact_email="compliance@mv.example",
            ip_country="US",
        ),
        Customer("mv-agent-7", "An MV agent", parent_id="mv-realty"),
    ]


def table_names(database: Database) -> set[str]:
    return set(inspect(database.engine).get_table_names())


# ----------------------------------------------------------------------------- opening


def test_open_creates_schema_at_head(database: Database) -> None:
    assert table_names(database) >= TABLES
    assert current_revision(database) == head_revision()
    with database.reading() as store:
        counts = store.counts()
    assert (counts.customers, counts.consent, counts.import_runs) == (0, 0, 0)


def test_migrations_downgrade_to_base_and_upgrade_again(database: Database) -> None:
    with database.writing() as store:
        store.upsert_customers(reseller_family())
    downgrade_schema(database, "base")
    assert current_revision(database) is None
    assert not (TABLES & table_names(database))
    upgrade_schema(database)
    assert current_revision(database) == head_revision()
    assert table_names(database) >= TABLES
    with database.reading() as store:
        assert store.counts().customers == 0


def test_models_match_migrations(database: Database) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    with warnings.catch_warnings(), database.engine.connect() as connection:
        # SQLite cannot reflect expression indexes; checked by hand below instead.
        warnings.filterwarnings("ignore", message=".*expression-based index.*")
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "version_table": VERSION_TABLE}
        )
        differences = compare_metadata(context, METADATA)
        if database.dialect == "sqlite":
            sql = connection.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE name = 'ix_rmd_filings_business_name_lower'"
            ).scalar_one()
            assert "lower(business_name)" in sql
    assert differences == []


def test_opening_twice_is_a_no_op(database_url: str) -> None:
    with open_database(database_url) as first, first.writing() as store:
        store.upsert_dno([DnoEntry("+12025550123")])
    with open_database(database_url) as second, second.reading() as store:
        assert store.is_dno("+12025550123")
        assert current_revision(second) == head_revision()


def test_concurrent_openers_migrate_once(database_url: str) -> None:
    # Several services starting at once on an empty database: one migrates, the others
    # wait for it and find the schema at head (advisory lock / BEGIN IMMEDIATE).
    def open_and_count(_: int) -> int:
        with open_database(database_url) as database, database.reading() as store:
            return store.counts().customers

    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(open_and_count, range(4))) == [0, 0, 0, 0]
    with open_database(database_url) as database:
        assert current_revision(database) == head_revision()


def test_sqlite_pragmas(tmp_path: Path) -> None:
    with (
        open_database(f"sqlite:///{tmp_path / 'x.db'}") as database,
        database.engine.connect() as connection,
    ):
        pragma = connection.exec_driver_sql
        assert pragma("PRAGMA journal_mode").scalar_one() == "wal"
        assert pragma("PRAGMA foreign_keys").scalar_one() == 1
        assert pragma("PRAGMA busy_timeout").scalar_one() == 30000


def test_sqlite_waits_for_a_writer_to_switch_to_wal(tmp_path: Path) -> None:
    # Switching a file to WAL needs it to itself, and SQLite answers "database is locked"
    # at once, busy_timeout or not, while another connection writes: opening must wait.
    path = tmp_path / "x.db"
    writer = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    writer.execute("CREATE TABLE t (x INTEGER)")
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO t VALUES (1)")
    release = threading.Timer(0.3, lambda: writer.execute("COMMIT"))
    release.start()
    try:
        with (
            open_database(f"sqlite:///{path}", migrate=False) as database,
            database.engine.connect() as connection,
        ):
            mode = connection.exec_driver_sql("PRAGMA journal_mode").scalar_one()
    finally:
        release.join()
        writer.close()
    assert mode == "wal"


def test_default_database_url_is_a_sqlite_file_under_home(tmp_path: Path) -> None:
    settings = Settings.from_env(home=tmp_path / "home", database_url=None)
    with open_database(settings.database_url) as database:
        assert database.dialect == "sqlite"
    assert (tmp_path / "home" / "callwarden.db").is_file()


def test_sqlite_ddl_is_transactional(tmp_path: Path) -> None:
    # The migration must be all or nothing; that needs BEGIN before DDL on SQLite.
    def create_then_crash(database: Database) -> None:
        with database.engine.begin() as connection:
            connection.exec_driver_sql("CREATE TABLE scratch (x INTEGER)")
            raise RuntimeError("crash mid-migration")

    with open_database(f"sqlite:///{tmp_path / 'x.db'}", migrate=False) as database:
        with pytest.raises(RuntimeError, match="crash"):
            create_then_crash(database)
        assert "scratch" not in table_names(database)


@pytest.mark.parametrize(
    "url",
    ["mysql://root:hunter2@db/x", "not a url at all", "oracle://u:hunter2@h/x"],
)
def test_unsupported_or_malformed_url_is_a_config_error(url: str) -> None:
    with pytest.raises(ConfigError) as raised:
        open_database(url)
    assert "hunter2" not in str(raised.value)


@pytest.mark.postgres
def test_unreachable_server_error_hides_the_password() -> None:
    # Port 1 refuses at once: the error must name the database but not its password.
    with pytest.raises(StoreError) as raised:
        open_database("postgresql+psycopg://callwarden:hunter2@127.0.0.1:1/callwarden")
    assert "hunter2" not in str(raised.value)
    assert "127.0.0.1:1" in str(raised.value)


def test_repr_hides_password() -> None:
    database = open_database("postgresql+psycopg://u:hunter2@127.0.0.1:1/x", migrate=False)
    try:
        assert "hunter2" not in repr(database)
        assert "hunter2" not in database.url
    finally:
        database.close()


# ----------------------------------------------------------------------------- customers


def test_customers_round_trip_and_parent_chain(database: Database) -> None:
    family = reseller_family()
    with database.writing() as store:
        assert store.upsert_customers(family) == 3
    with database.reading() as store:
        assert store.customer("mv-realty") == family[1]
        assert store.customer("nobody") is None
        chain = store.customer_chain("mv-agent-7")
        assert [c.customer_id for c in chain] == ["mv-agent-7", "mv-realty", "phoneburner"]
        assert store.customer_chain("phoneburner") == [family[0]]
        assert store.customer_chain("nobody") == []


def test_parent_chain_stops_on_a_loop_written_by_another_tool(database: Database) -> None:
    with database.writing() as store:
        store.upsert_customers([Customer("a", "A"), Customer("b", "B", parent_id="a")])
        store.connection.execute(
            text("UPDATE customers SET parent_id = 'b' WHERE customer_id = 'a'")
        )
    with database.reading() as store:
        assert [c.customer_id for c in store.customer_chain("a")] == ["a", "b"]


def test_unknown_parent_is_refused_by_the_foreign_key(database: Database) -> None:
    with pytest.raises(StoreError), database.writing() as store:
        store.upsert_customers([Customer("orphan", "O", parent_id="missing")])
    with database.reading() as store:
        assert store.counts().customers == 0


def test_check_constraint_refuses_unknown_kind(database: Database) -> None:
    with pytest.raises(StoreError), database.writing() as store:
        store.connection.execute(
            text(
                "INSERT INTO customers (customer_id, name, kind, kyc_status) "
                "VALUES ('x', 'X', 'pirate', 'unknown')"
            )
        )


def test_existing_customers_reports_parents(database: Database) -> None:
    with database.writing() as store:
        store.upsert_customers(reseller_family())
        assert store.existing_customers(["mv-realty", "ghost", "phoneburner"]) == {
            "mv-realty": "phoneburner",
            "phoneburner": None,
        }


# ----------------------------------------------------------------------------- numbers


def test_number_grants(database: Database) -> None:
    grants = [
        NumberGrant("+12025550101", "mv-realty", since=T0, verified=True),
        NumberGrant("+12025550100", "mv-realty"),
        NumberGrant("+12025550100", "phoneburner", verified=True),
    ]
    with database.writing() as store:
        store.upsert_customers(reseller_family())
        assert store.upsert_number_grants(grants) == 3
    with database.reading() as store:
        assert store.numbers_of("mv-realty") == [grants[1], grants[0]]
        assert store.grants_for_number("+12025550100") == [grants[1], grants[2]]
        assert store.numbers_of("nobody") == []


def test_number_grant_for_unknown_customer_is_refused(database: Database) -> None:
    with pytest.raises(StoreError), database.writing() as store:
        store.upsert_number_grants([NumberGrant("+12025550100", "ghost")])


# ----------------------------------------------------------------------------- consent


def test_has_consent_respects_time_holder_and_kind(database: Database) -> None:
    callee = "+13055550123"
    with database.writing() as store:
        store.upsert_consent(
            [
                ConsentRecord(callee, "mv-realty", ConsentType.PRIOR_EXPRESS, obtained_at=T0),
                ConsentRecord(
                    callee,
                    "phoneburner",
                    ConsentType.PRIOR_EXPRESS_WRITTEN,
                    obtained_at=T0,
                    revoked_at=T0 + timedelta(days=10),
                    evidence="https://forms.example/123",
                ),
                ConsentRecord("+13055550999", "other", ConsentType.PRIOR_EXPRESS),
            ]
        )
    with database.reading() as store:
        assert store.has_consent(callee, ["mv-realty"], T0 + timedelta(hours=1))
        assert not store.has_consent(callee, ["mv-realty"], T0 - timedelta(seconds=1))
        assert not store.has_consent(callee, ["someone-else"], T0 + timedelta(hours=1))
        assert not store.has_consent(callee, [], T0 + timedelta(hours=1))
        # Written consent is held by the parent only, and only until revoked.
        assert not store.has_consent(callee, ["mv-realty"], T0 + timedelta(days=1), written=True)
        assert store.has_consent(
            callee, ["mv-realty", "phoneburner"], T0 + timedelta(days=1), written=True
        )
        assert not store.has_consent(callee, ["phoneburner"], T0 + timedelta(days=10), written=True)
        # Undated consent counts from always.
        assert store.has_consent("+13055550999", ["other"], datetime(1990, 1, 1, tzinfo=UTC))
        assert [r.customer_id for r in store.consent_for(callee)] == ["mv-realty", "phoneburner"]


def test_timestamps_come_back_aware_utc(database: Database) -> None:
    eastern = timezone(timedelta(hours=-4))
    local = datetime(2022, 8, 10, 11, 36, tzinfo=eastern)
    naive = datetime(2022, 8, 10, 15, 36)  # formats.md: no offset means UTC
    with database.writing() as store:
        store.upsert_consent(
            [
                ConsentRecord("+1", "a", ConsentType.PRIOR_EXPRESS, obtained_at=local),
                ConsentRecord("+2", "a", ConsentType.PRIOR_EXPRESS, obtained_at=naive),
            ]
        )
    expected = datetime(2022, 8, 10, 15, 36, tzinfo=UTC)
    with database.reading() as store:
        for number in ("+1", "+2"):
            (record,) = store.consent_for(number)
            assert record.obtained_at == expected
            assert record.obtained_at is not None
            assert record.obtained_at.utcoffset() == timedelta(0)
        # Comparison in SQL happens in UTC too, whatever offset the question uses.
        assert store.has_consent("+1", ["a"], expected.astimezone(eastern))
        assert not store.has_consent("+1", ["a"], expected.astimezone(eastern) - timedelta(0, 1))


# ----------------------------------------------------------------------------- lists


def test_dno(database: Database) -> None:
    with database.writing() as store:
        store.upsert_dno([DnoEntry("+18005550100", "inbound only"), DnoEntry("+12025550000")])
    with database.reading() as store:
        assert store.is_dno("+18005550100")
        assert not store.is_dno("+18005550101")
        assert store.dno_entry("+18005550100") == DnoEntry("+18005550100", "inbound only")


def test_rmd_lookup_by_frn_or_name(database: Database) -> None:
    older = RmdFiling("0012345678", "Acme Telecom LLC", "Complete STIR/SHAKEN", T0)
    newer = RmdFiling("0099999999", "ACME TELECOM LLC", "Partial", T0 + timedelta(days=30))
    with database.writing() as store:
        store.upsert_rmd_filings([older, newer])
    with database.reading() as store:
        assert store.rmd_filing_by_name_or_frn("0012345678") == older
        assert store.rmd_filing_by_name_or_frn("12345678") == older  # leading zeros dropped
        assert store.rmd_filing_by_name_or_frn("  acme telecom llc ") == newer
        assert store.rmd_filing_by_name_or_frn("Gateway Flood Ltd") is None
        assert store.rmd_filing_by_name_or_frn("") is None


# ----------------------------------------------------------------------------- bulk writes


def test_upserts_are_idempotent_and_update_changed_rows(database: Database) -> None:
    consent = [
        ConsentRecord(f"+1305555{i:04d}", "mv-realty", ConsentType.PRIOR_EXPRESS, T0)
        for i in range(12_000)  # more than two batches
    ]
    for _ in range(2):
        with database.writing() as store:
            store.upsert_customers(reseller_family())
            store.upsert_consent(consent)
            store.upsert_dno([DnoEntry("+18005550100", "inbound only")])
    with database.reading() as store:
        before = store.counts()
    assert (before.customers, before.consent, before.dno) == (3, 12_000, 1)

    revoked = ConsentRecord(
        "+13055550007", "mv-realty", ConsentType.PRIOR_EXPRESS, T0, revoked_at=T0
    )
    with database.writing() as store:
        store.upsert_consent([revoked])
        store.upsert_dno([DnoEntry("+18005550100", None)])
    with database.reading() as store:
        assert store.counts() == before
        assert store.consent_for("+13055550007") == [revoked]
        assert store.dno_entry("+18005550100") == DnoEntry("+18005550100", None)


def test_repeated_key_in_one_batch_keeps_the_last(database: Database) -> None:
    with database.writing() as store:
        store.upsert_dno([DnoEntry("+1", "first"), DnoEntry("+2"), DnoEntry("+1", "last")])
    with database.reading() as store:
        assert store.dno_entry("+1") == DnoEntry("+1", "last")
        assert store.counts().dno == 2


def test_failed_transaction_leaves_nothing(database: Database) -> None:
    def write_then_crash() -> None:
        with database.writing() as store:
            store.upsert_consent([ConsentRecord("+1", "a", ConsentType.PRIOR_EXPRESS)] * 3)
            store.upsert_dno([DnoEntry("+2")])
            raise RuntimeError("killed mid-file")

    with pytest.raises(RuntimeError, match="killed"):
        write_then_crash()
    with database.reading() as store:
        assert store.counts().consent == 0
        assert store.counts().dno == 0


def test_import_runs_audit(database: Database) -> None:
    run = ImportRun("consent", "/data/consent.csv", "ab" * 32, T0, T0 + timedelta(1), 10, 9, 1)
    with database.writing() as store:
        run_id = store.record_import_run(run)
    with database.reading() as store:
        (stored,) = store.import_runs()
        assert stored.run_id == run_id
        assert stored == ImportRun(**{**run.__dict__, "run_id": run_id})
        assert store.import_runs(kind="dno") == []


consent_records = st.builds(
    ConsentRecord,
    called_number=st.sampled_from(["+12025550100", "+12025550101", "+13055550123"]),
    customer_id=st.sampled_from(["a", "b", "ü-ñ", "x" * 255]),
    consent_type=st.sampled_from(list(ConsentType)),
    obtained_at=st.none() | st.datetimes(timezones=st.just(UTC)),
    revoked_at=st.none() | st.datetimes(timezones=st.just(UTC)),
    evidence=st.none() | st.text(max_size=40).filter(lambda s: "\x00" not in s),
)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(records=st.lists(consent_records, max_size=25))
def test_property_store_holds_the_last_record_per_key(
    database: Database, records: list[ConsentRecord]
) -> None:
    with database.writing() as store:
        store.connection.execute(text("DELETE FROM consent"))
        store.upsert_consent(records)
        store.upsert_consent(records)  # twice: no change
    expected = {(r.called_number, r.customer_id, r.consent_type): r for r in records}
    with database.reading() as store:
        stored = [
            r for number in {r.called_number for r in records} for r in store.consent_for(number)
        ]
    assert sorted(stored, key=repr) == sorted(expected.values(), key=repr)


# ----------------------------------------------------------------------------- Arrow batches


def consent_batch(records: list[ConsentRecord]) -> pa.RecordBatch:
    """The records as the consent block reader yields them (with a line column)."""
    columns = {
        "line": pa.array(range(2, len(records) + 2), pa.int64()),
        "called_number": pa.array([r.called_number for r in records], pa.string()),
        "customer_id": pa.array([r.customer_id for r in records], pa.string()),
        "consent_type": pa.array([r.consent_type.value for r in records], pa.string()),
        "obtained_at": pa.array([r.obtained_at for r in records], pa.timestamp("us", "UTC")),
        "revoked_at": pa.array([r.revoked_at for r in records], pa.timestamp("us", "UTC")),
        "evidence": pa.array([r.evidence for r in records], pa.string()),
    }
    return pa.RecordBatch.from_pydict(columns)


def raw_rows(database: Database, table: str) -> list[tuple[object, ...]]:
    """The rows as the database holds them (on SQLite: the timestamp text itself)."""
    with database.reading() as store:
        rows = store.connection.exec_driver_sql(f"SELECT * FROM {table}").fetchall()
    return sorted((tuple(row) for row in rows), key=repr)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    records=st.lists(consent_records, max_size=25),
    update=st.lists(consent_records, max_size=10),
)
def test_property_batch_upsert_stores_what_the_record_upsert_stores(
    database: Database, records: list[ConsentRecord], update: list[ConsentRecord]
) -> None:
    with database.writing() as store:
        store.connection.execute(text("DELETE FROM consent"))
        store.upsert_consent(records)
        store.upsert_consent(update)
    by_records = raw_rows(database, "consent")
    with database.writing() as store:
        store.connection.execute(text("DELETE FROM consent"))
        written = store.upsert_consent_batch(consent_batch(records))
        store.upsert_consent_batch(consent_batch(update))
        store.upsert_consent_batch(consent_batch(update))  # again: no change
    assert written == len({(r.called_number, r.customer_id, r.consent_type) for r in records})
    assert raw_rows(database, "consent") == by_records


def test_batch_upserts_of_grants_and_dno(database: Database) -> None:
    with database.writing() as store:
        store.upsert_customers(reseller_family())
        grants = pa.RecordBatch.from_pydict(
            {
                "line": pa.array([2, 3, 4], pa.int64()),
                "number": ["+12025550100", "+12025550101", "+12025550100"],
                "customer_id": ["mv-realty", "mv-realty", "mv-realty"],
                "since": pa.array([T0, None, None], pa.timestamp("us", "UTC")),
                "verified": [False, True, True],
            }
        )
        assert store.upsert_number_grants_batch(grants) == 2
        dno = pa.RecordBatch.from_pydict(
            {"line": pa.array([2, 3], pa.int64()), "number": ["+1", "+1"], "reason": ["a", None]}
        )
        assert store.upsert_dno_batch(dno) == 1
    with database.reading() as store:
        assert store.numbers_of("mv-realty") == [
            NumberGrant("+12025550100", "mv-realty", None, True),  # the later row wins
            NumberGrant("+12025550101", "mv-realty", None, True),
        ]
        assert store.dno_entry("+1") == DnoEntry("+1", None)


@given(
    values=st.lists(
        st.tuples(
            st.text(max_size=3) | st.just("x" * 256) | st.just("a\x00b"),
            st.text(max_size=3) | st.just("y" * 300) | st.just("\x00"),
        ),
        max_size=12,
    )
)
def test_property_unstorable_rows_agrees_with_unstorable_value(
    values: list[tuple[str, str]],
) -> None:
    records = [
        ConsentRecord(number, customer, ConsentType.PRIOR_EXPRESS) for number, customer in values
    ]
    expected = [
        (row, *problem)
        for row, record in enumerate(records)
        if (problem := unstorable_value(record)) is not None
    ]
    assert unstorable_rows(ConsentRecord, consent_batch(records)) == expected


# ----------------------------------------------------------------------------- whole lists


def test_whole_lists_for_the_analysis(database: Database) -> None:
    consent = [
        ConsentRecord(
            "+13055550123",
            "mv-realty",
            ConsentType.PRIOR_EXPRESS,
            obtained_at=T0,
            revoked_at=T0 + timedelta(days=3),
        ),
        ConsentRecord(
            "+13055550124",
            "phoneburner",
            ConsentType.PRIOR_EXPRESS_WRITTEN,
            evidence="https://forms.example.com/optin/7",
        ),
    ]
    with database.reading() as store:
        empty = store.consent_columns()
        assert empty.num_rows == 0
        assert empty.column_names == [
            "called_number",
            "customer_id",
            "consent_type",
            "obtained_at",
            "revoked_at",
            "evidence",
        ]
        assert store.all_customers() == []
    family = reseller_family()
    with database.writing() as store:
        store.upsert_customers(family)
        store.upsert_number_grants([NumberGrant("+12025550100", "mv-realty")])
        store.upsert_consent(consent)
        store.upsert_dno([DnoEntry("+18005550100", "inbound only")])
        store.upsert_rmd_filings([RmdFiling("0012345678", "Acme Telecom LLC", "Partial", T0)])
    with database.reading() as store:
        assert sorted(store.all_customers(), key=lambda c: c.customer_id) == sorted(
            family, key=lambda c: c.customer_id
        )
        assert [(g.number, g.customer_id) for g in store.all_number_grants()] == [
            ("+12025550100", "mv-realty")
        ]
        # fetched a batch at a time: two batches of one row must make the same table
        table = store.consent_columns(batch_rows=1)
        assert table.to_pylist() == [
            {
                "called_number": r.called_number,
                "customer_id": r.customer_id,
                "consent_type": r.consent_type.value,
                "obtained_at": r.obtained_at,
                "revoked_at": r.revoked_at,
                "evidence": r.evidence,
            }
            for r in consent
        ]
        assert store.all_dno() == [DnoEntry("+18005550100", "inbound only")]
        assert [f.frn for f in store.all_rmd_filings()] == ["0012345678"]
