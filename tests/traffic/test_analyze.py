from __future__ import annotations

import gzip
import hashlib
import multiprocessing
import os
import re
import sys
import time
from dataclasses import fields, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from callwarden.customers import (
    ConsentRecord,
    ConsentType,
    Customer,
    CustomerKind,
    KycStatus,
    NumberGrant,
)
from callwarden.errors import InputError, ResourceError
from callwarden.formats.cdr import cdr_files
from callwarden.lists import DnoEntry, RmdFiling
from callwarden.traffic import analyze as analyze_module
from callwarden.traffic.alerts import RULES, Alert, EntityType, ReasonCode, Severity
from callwarden.traffic.analyze import (
    AnalysisOptions,
    ReferenceData,
    _account_parts,
    _attribute,
    _baselines,
    _busiest_clients,
    _contexts,
    _day_figures,
    _days_prerecorded,
    _young_accounts,
    account_chain,
    alert_id,
    analyze_calls,
    bound_memory,
    checked_memory_limit,
    connect_cdr_files,
    consent_sources,
    memory_size,
    provider_key,
    provider_keys,
    read_reference_files,
    register_consent,
    stage_cdr_files,
)
from callwarden.traffic.detectors import (
    Assessment,
    ConsentSources,
    EntityContext,
    Evidence,
    Finding,
    day_siblings_recording,
)
from callwarden.traffic.explain import explain_alert, summarise_sources
from callwarden.traffic.features import CALL_SCANS, SIBLING_COUNTS, EntityFeatures
from tests.traffic.calls_factory import DAY, CallFactory, sequential_callees
from tests.traffic.probe_shapes import ProbeNetwork


def _network(factory: CallFactory) -> tuple[ReferenceData, dict[str, list[str]]]:
    """A reseller with a bad client (recorded calls, no consent) and a good one; a pharmacy
    sending consented reminders; a live survey; an honest carrier and a rogue gateway."""
    ids: dict[str, list[str]] = {}
    pharmacy_callees = [factory.random_callee() for _ in range(800)]
    ids["bad-client"] = factory.campaign(
        800, customer_id="dialer-co", sub_account="bad-client", message_s=55,
        caller_ids=[f"+1202555{n:04d}" for n in range(200, 210)],
    )  # fmt: skip
    ids["good-client"] = factory.campaign(
        300, customer_id="dialer-co", sub_account="good-client", message_s=None, answer_rate=0.6
    )
    ids["pharmacy"] = factory.campaign(
        800, customer_id="pharmacy", message_s=30, answer_rate=0.6,
        callees=iter(pharmacy_callees),
    )  # fmt: skip
    ids["survey"] = factory.campaign(
        900, customer_id="survey", message_s=None, answer_rate=0.2, live_mean_s=400
    )
    ids["hit-list"] = factory.campaign(
        600, customer_id="hit-list", message_s=20, callees=sequential_callees(),
        attestation=None,
    )  # fmt: skip
    ids["carrier"] = factory.campaign(
        900, customer_id=None, upstream_provider="Honest Transit LLC", message_s=None
    )
    ids["gateway"] = factory.campaign(
        400, customer_id=None, upstream_provider="Rogue Gateway", message_s=None,
        caller_ids=["+10005550000", "+19995551234"], caller_class="invalid_nanp",
        attestation="C",
    )  # fmt: skip
    consent = [
        ConsentRecord(number, "pharmacy", ConsentType.PRIOR_EXPRESS) for number in pharmacy_callees
    ]
    reference = ReferenceData(
        customers=[
            Customer("dialer-co", "Dialer Co", kind=CustomerKind.RESELLER),
            Customer(
                "bad-client",
                "Homeowner Cash",
                parent_id="dialer-co",
                created_at=datetime(2022, 8, 1, tzinfo=UTC),
                kyc_status=KycStatus.PENDING,
            ),
            Customer("pharmacy", "Pharmacy", declared_use="prescription reminders"),
        ],
        consent=consent,
        dno=[DnoEntry("+18005550100")],
        rmd=[RmdFiling("0001", "Honest Transit, L.L.C.")],
    )
    return reference, ids


@pytest.fixture
def analysed(tmp_path: Path):  # type: ignore[no-untyped-def]
    factory = CallFactory()
    reference, ids = _network(factory)
    connection = connect_cdr_files([factory.write(tmp_path / "cdrs")])
    result = analyze_calls(connection, reference)
    by_entity = {(a.entity_type.value, a.entity_id): a for a in result.alerts}
    return result, by_entity, ids


def test_a_relation_without_the_digits_gives_the_same_alerts(analysed) -> None:  # type: ignore[no-untyped-def]
    """A caller's own relation of CDR_SCHEMA (no digits columns, as a provider's table
    might be) is analysed with the digits computed: the same alerts as from the files."""
    result, _, _ = analysed
    factory = CallFactory()
    reference, _ = _network(factory)
    connection = duckdb.connect()
    connection.register("provider_calls", factory.table())
    assert "caller_digits" not in factory.table().schema.names
    again = analyze_calls(connection, reference, relation="provider_calls")
    assert [a.to_json() for a in again.alerts] == [a.to_json() for a in result.alerts]


def _graded_by_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, graders: int
) -> tuple[list[Alert], list[int]]:
    """The network analysed with its grading split over ``graders`` processes (a window
    each is enough), and how many parts this process graded itself."""
    monkeypatch.setattr(analyze_module, "WINDOWS_PER_GRADER", 1)
    monkeypatch.setattr(analyze_module.os, "cpu_count", lambda: graders)
    graded_here: list[int] = []
    grade = analyze_module._grade

    def counted(judged, *args):  # type: ignore[no-untyped-def]
        graded_here.append(judged.table.num_rows)
        return grade(judged, *args)

    # counted in this process only: a forked worker's count stays in its own memory
    monkeypatch.setattr(analyze_module, "_grade", counted)
    factory = CallFactory()
    reference, _ = _network(factory)
    connection = connect_cdr_files([factory.write(tmp_path / "again")])
    return analyze_calls(connection, reference).alerts, graded_here


@pytest.mark.skipif(sys.platform != "linux", reason="graders are forked on Linux only")
def test_grading_split_over_processes_gives_the_same_alerts(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    analysed,  # type: ignore[no-untyped-def]
) -> None:
    """Three graders: this process grades a third of the windows, forked workers the rest,
    and the alerts are the same as graded here alone, the reseller still held below its
    bad client (an account's windows go with its sub-accounts')."""
    result, _, _ = analysed
    alerts, graded_here = _graded_by_workers(tmp_path, monkeypatch, graders=3)
    assert len(graded_here) == 1
    assert 0 < graded_here[0] < len(result.alerts)
    assert [a.to_json() for a in alerts] == [a.to_json() for a in result.alerts]


@pytest.mark.skipif(sys.platform != "linux", reason="graders are forked on Linux only")
def test_a_failing_grader_has_its_part_graded_here(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    analysed,  # type: ignore[no-untyped-def]
) -> None:
    """A worker that fails sends nothing: its part is graded in this process, and no alert
    is lost or doubled."""
    result, _, _ = analysed

    def broken(alert: Alert) -> tuple[object, ...]:
        raise RuntimeError("a worker failing after grading")

    # only the workers encode their alerts
    monkeypatch.setattr(analyze_module, "alert_state", broken)
    alerts, graded_here = _graded_by_workers(tmp_path, monkeypatch, graders=3)
    assert len(graded_here) == 3
    assert [a.to_json() for a in alerts] == [a.to_json() for a in result.alerts]


@pytest.mark.skipif(sys.platform != "linux", reason="graders are forked on Linux only")
def test_a_hanging_grader_is_stopped_and_its_part_graded_here(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    analysed,  # type: ignore[no-untyped-def]
) -> None:
    """A worker still busy long after this process graded its own part (a fork can hang on
    a lock another thread held) is stopped: its part is graded here, nothing waits on it
    and no worker is left behind."""
    result, _, _ = analysed

    def hanging(alert: Alert) -> tuple[object, ...]:
        time.sleep(3600)
        raise AssertionError("not reached")

    monkeypatch.setattr(analyze_module, "alert_state", hanging)
    monkeypatch.setattr(analyze_module, "GRADER_MIN_WAIT_S", 0.5)
    monkeypatch.setattr(analyze_module, "GRADER_PATIENCE", 1.0)
    alerts, graded_here = _graded_by_workers(tmp_path, monkeypatch, graders=3)
    assert len(graded_here) == 3
    assert [a.to_json() for a in alerts] == [a.to_json() for a in result.alerts]
    assert multiprocessing.active_children() == []


@pytest.mark.skipif(sys.platform != "linux", reason="graders are forked on Linux only")
def test_a_failure_grading_here_leaves_no_worker_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When this process's own part fails, the error surfaces and the workers still busy
    are stopped with it."""
    here = os.getpid()
    grade = analyze_module._grade

    def failing_here(judged, *args):  # type: ignore[no-untyped-def]
        if os.getpid() == here:
            raise RuntimeError("grading failed in the analysing process")
        time.sleep(3600)  # a worker still busy
        return grade(judged, *args)

    monkeypatch.setattr(analyze_module, "_grade", failing_here)
    with pytest.raises(RuntimeError, match="grading failed in the analysing process"):
        _graded_by_workers(tmp_path, monkeypatch, graders=3)
    assert multiprocessing.active_children() == []


@settings(max_examples=60, deadline=None)
@given(
    rows=st.lists(
        st.tuples(
            st.sampled_from(["customer", "sub_account", "upstream_provider", "caller_id"]),
            st.sampled_from(["a", "b", "c", "d", "e", "+12025550100", "+12025550101"]),
            st.sampled_from(["", "a", "b", "c"]),
        ),
        max_size=40,
    ),
    count=st.integers(min_value=1, max_value=4),
)
def test_account_parts_cover_every_row_once_and_keep_accounts_whole(
    rows: list[tuple[str, str, str]], count: int
) -> None:
    """Every row is in one part; rows of one account (its customer id, or the entity's own
    name where there is none) share a part; the parts differ in size by no more than the
    largest account's rows."""
    table = pa.table(
        {
            "entity_type": [kind for kind, _, _ in rows],
            "entity_id": [name for _, name, _ in rows],
            "customer_id": [customer for _, _, customer in rows],
        },
        schema=pa.schema([(name, pa.string()) for name in _ENTITY_COLUMNS]),
    )
    parts = _account_parts(table, count)
    assert len(parts) == count
    assert sorted(np.concatenate(parts).tolist()) == list(range(len(rows)))
    part_of_key: dict[str, int] = {}
    key_rows: dict[str, int] = {}
    for part, positions in enumerate(parts):
        for position in positions.tolist():
            _, name, customer = rows[position]
            key = customer or name
            assert part_of_key.setdefault(key, part) == part
            key_rows[key] = key_rows.get(key, 0) + 1
    sizes = [len(positions) for positions in parts]
    assert max(sizes) - min(sizes) <= max(key_rows.values(), default=0)


_ENTITY_COLUMNS = ("entity_type", "entity_id", "customer_id")


class _RecordedProgress:
    """callwarden.progress.Progress that keeps what it is told."""

    def __init__(self) -> None:
        self.totals: list[float | None] = []
        self.steps = 0.0
        self.rows = 0
        self.finished = 0

    def start(self, description: str, total: float | None = None) -> None:
        self.totals.append(total)

    def advance(self, amount: float = 1, *, rows: int = 0) -> None:
        self.steps += amount
        self.rows += rows

    def finish(self) -> None:
        self.finished += 1


def test_progress_reaches_its_total_and_counts_the_calls_once(tmp_path: Path) -> None:
    """The analysis announces its steps, takes each of them (the bar ends full, not stuck
    before the grading) and counts every call once."""
    factory = CallFactory()
    reference, ids = _network(factory)
    connection = connect_cdr_files([factory.write(tmp_path / "cdrs")])
    progress = _RecordedProgress()
    analyze_calls(connection, reference, progress=progress)
    assert progress.totals == [progress.steps]
    assert progress.steps > CALL_SCANS
    assert progress.rows == sum(len(calls) for calls in ids.values())
    assert progress.finished == 1


def test_campaigns_reach_high_and_legitimate_senders_do_not(analysed) -> None:  # type: ignore[no-untyped-def]
    result, by_entity, _ = analysed
    high = {key for key, alert in by_entity.items() if alert.severity is Severity.HIGH}
    assert ("sub_account", "bad-client") in high
    assert ("customer", "hit-list") in high
    assert ("upstream_provider", "Rogue Gateway") in high
    for legit in (
        ("sub_account", "good-client"),
        ("customer", "pharmacy"),
        ("customer", "survey"),
        ("upstream_provider", "Honest Transit LLC"),
    ):
        assert legit not in high, by_entity.get(legit)
    assert result.calls == 4700


def test_reseller_is_held_below_its_bad_client(analysed) -> None:  # type: ignore[no-untyped-def]
    _, by_entity, _ = analysed
    reseller = by_entity[("customer", "dialer-co")]
    assert reseller.severity is Severity.MEDIUM
    assert any("bad-client" in note for note in reseller.notes)


def test_alert_names_reasons_rules_and_real_sample_calls(analysed) -> None:  # type: ignore[no-untyped-def]
    _, by_entity, ids = analysed
    alert = by_entity[("sub_account", "bad-client")]
    codes = {reason.code for reason in alert.reasons}
    assert {ReasonCode.PRERECORDED_PATTERN, ReasonCode.NO_CONSENT_WIRELESS} <= codes
    assert ReasonCode.NEW_OR_UNVERIFIED_ACCOUNT in codes
    assert alert.customer_id == "dialer-co"
    assert alert.calls == 800
    assert alert.sample_call_ids
    assert set(alert.sample_call_ids) <= set(ids["bad-client"])
    consent_reason = next(r for r in alert.reasons if r.code is ReasonCode.NO_CONSENT_WIRELESS)
    assert consent_reason.value == pytest.approx(1.0)
    assert consent_reason.threshold == 0.2
    text = explain_alert(alert)
    assert "64.1200(a)" in text
    assert alert.sample_call_ids[0] in text


def test_gateway_absent_from_rmd(analysed) -> None:  # type: ignore[no-untyped-def]
    _, by_entity, _ = analysed
    gateway = by_entity[("upstream_provider", "Rogue Gateway")]
    codes = {reason.code for reason in gateway.reasons}
    assert {ReasonCode.NOT_IN_RMD, ReasonCode.INVALID_CALLER_ID} <= codes
    assert gateway.customer_id == ""
    honest = by_entity.get(("upstream_provider", "Honest Transit LLC"))
    assert honest is None or ReasonCode.NOT_IN_RMD not in {r.code for r in honest.reasons}


def test_alerts_sorted_and_ids_stable(tmp_path: Path, analysed) -> None:  # type: ignore[no-untyped-def]
    result, _, _ = analysed
    ranks = [(a.severity.rank, a.score) for a in result.alerts]
    assert ranks == sorted(ranks, reverse=True)
    factory = CallFactory()
    reference, _ = _network(factory)
    again = analyze_calls(connect_cdr_files([factory.write(tmp_path / "again")]), reference)
    assert [a.alert_id for a in again.alerts] == [a.alert_id for a in result.alerts]
    assert len({a.alert_id for a in result.alerts}) == len(result.alerts)


def test_min_severity_filters(tmp_path: Path) -> None:
    factory = CallFactory()
    reference, _ = _network(factory)
    connection = connect_cdr_files([factory.write(tmp_path)])
    result = analyze_calls(connection, reference, AnalysisOptions(min_severity=Severity.HIGH))
    assert result.alerts
    assert all(a.severity is Severity.HIGH for a in result.alerts)
    top = summarise_sources(result.alerts)[0]
    assert top.severity is Severity.HIGH


def test_without_lists_their_detectors_stay_silent(tmp_path: Path) -> None:
    factory = CallFactory()
    _network(factory)
    result = analyze_calls(connect_cdr_files([factory.write(tmp_path)]))
    codes = {reason.code for alert in result.alerts for reason in alert.reasons}
    assert ReasonCode.NOT_IN_RMD not in codes
    assert ReasonCode.NO_CONSENT_WIRELESS not in codes
    assert ReasonCode.DNO_CALLER_ID not in codes
    # invalid caller IDs need no list: still high
    gateway = next(a for a in result.alerts if a.entity_id == "Rogue Gateway")
    assert gateway.severity is Severity.HIGH
    # a recording or a hit list whose consent could not be checked: an analyst is to ask
    by_entity = {(a.entity_type.value, a.entity_id): a for a in result.alerts}
    for account in ("pharmacy", "hit-list"):
        alert = by_entity["customer", account]
        assert alert.severity is Severity.MEDIUM
        assert any("no consent records were given" in note for note in alert.notes)
    # a caller ID is judged at its account, not asked for consent itself
    assert not any(
        "no consent records" in note
        for alert in result.alerts
        if alert.entity_type is not EntityType.CUSTOMER
        and alert.entity_type is not EntityType.SUB_ACCOUNT
        for note in alert.notes
    )


def test_a_consented_recording_is_not_asked_for_consent(analysed) -> None:  # type: ignore[no-untyped-def]
    _, by_entity, _ = analysed
    pharmacy = by_entity["customer", "pharmacy"]
    assert any(r.code is ReasonCode.PRERECORDED_PATTERN for r in pharmacy.reasons)
    assert not any("no consent records" in note for note in pharmacy.notes)


@pytest.mark.parametrize(
    ("declared", "kind", "breach"),
    [
        # a seller's recording needs its callees' signed agreement (47 CFR 64.1200(a)(2))
        ("Independent Medicare insurance agency", ConsentType.PRIOR_EXPRESS, True),
        ("Independent Medicare insurance agency", ConsentType.PRIOR_EXPRESS_WRITTEN, False),
        # an informational sender's recording needs only prior express consent
        ("Plan enrolment notices", ConsentType.PRIOR_EXPRESS, False),
    ],
)
def test_a_sellers_recording_counts_only_written_consent(
    tmp_path: Path, declared: str, kind: ConsentType, breach: bool
) -> None:
    factory = CallFactory()
    callees = [factory.random_callee() for _ in range(600)]
    factory.campaign(600, customer_id="agency", message_s=27, callees=iter(callees))
    reference = ReferenceData(
        customers=[Customer("agency", "Agency", declared_use=declared)],
        consent=[ConsentRecord(number, "agency", kind) for number in callees],
    )
    connection = connect_cdr_files([factory.write(tmp_path / "cdrs")])
    result = analyze_calls(connection, reference)
    [agency] = [a for a in result.alerts if a.entity_id == "agency"]
    assert any(r.code is ReasonCode.PRERECORDED_PATTERN for r in agency.reasons)
    unconsented = [r for r in agency.reasons if r.code is ReasonCode.NO_CONSENT_WIRELESS]
    assert bool(unconsented) is breach
    if breach:
        assert unconsented[0].value == 1.0
        assert "written consent" in unconsented[0].detail
        assert agency.severity is Severity.HIGH


@pytest.mark.parametrize("window", ["day", "hour"])
def test_a_consumer_line_dialling_strangers_is_high_and_a_household_is_not(
    tmp_path: Path, window: str
) -> None:
    """A prepaid line calling 240 strangers once each over two hours (80 an hour at most:
    no hour of it holds the day's reach) is a dialler on a person's plan; a household's
    40 calls to its circle of 10 are a person's."""
    factory = CallFactory()
    burner = ["+14125550100"]
    for hour, calls in ((15, 80), (16, 80), (17, 80)):
        factory.campaign(
            calls, customer_id="pp-burner", caller_ids=burner, message_s=None,
            answer_rate=0.2, live_mean_s=40, hour=hour,
        )  # fmt: skip
    circle = [factory.random_callee() for _ in range(10)]
    factory.campaign(
        40, customer_id="ban-family", caller_ids=["+14125550199"], message_s=None,
        answer_rate=0.7, callees=iter(circle * 4),
    )  # fmt: skip
    consumer = "prepaid wireless (consumer)"
    reference = ReferenceData(
        customers=[
            Customer("pp-burner", "Prepaid line", declared_use=consumer),
            Customer("ban-family", "Family plan", declared_use="family plan (consumer)"),
        ],
        consent=[],
    )
    connection = connect_cdr_files([factory.write(tmp_path / "cdrs")])
    alerts = analyze_calls(connection, reference, AnalysisOptions(window=window)).alerts
    [line] = [a for a in alerts if a.entity_id == "pp-burner" and a.severity is Severity.HIGH][:1]
    [fanout] = [r for r in line.reasons if r.code is ReasonCode.HIGH_FANOUT]
    # its day's reach (approximately counted), not the window's alone
    assert 230 <= fanout.value <= 250
    assert fanout.threshold == 100
    assert not [a for a in alerts if a.entity_id == "ban-family" and a.severity is Severity.HIGH]


@pytest.mark.parametrize("window", ["day", "hour"])
def test_a_flood_of_a_few_lines_is_high_and_a_forwarders_legs_are_not(
    tmp_path: Path, window: str
) -> None:
    """A call centre's live calls to 300 voters over the afternoon, and at 12:00-12:50 UTC
    150 calls to three party lines, busy or hung up on within seconds: a flood, named with
    a call to one of the lines. A tradesman's PBX forwarding 150 callers' calls to his two
    mobiles, answered and talked on, is not."""
    factory = CallFactory()
    factory.campaign(
        300, customer_id="teleservices", message_s=None, answer_rate=0.3, live_mean_s=120,
        hour=16,
    )  # fmt: skip
    lines = ["+15175550100", "+15175550101", "+15175550102"]
    flood = [
        factory.add(customer_id="teleservices", called_number=lines[index % 3],
                    caller_id=f"+1517484{index % 12:04d}",
                    start_time=DAY + timedelta(hours=12, seconds=20 * index),
                    sip_code=200 if index % 2 else 486, duration_s=2 if index % 2 else 0)
        for index in range(150)
    ]  # fmt: skip
    mobiles = ["+17045550180", "+17045550181"]
    for index in range(150):
        answered = index % 3 != 0
        factory.add(customer_id="plumbing", called_number=mobiles[index % 2],
                    caller_id=factory.random_callee(), sip_code=200 if answered else 487,
                    duration_s=150 if answered else 0,
                    start_time=DAY + timedelta(hours=14, seconds=20 * index))  # fmt: skip
    reference = ReferenceData(
        customers=[
            Customer("teleservices", "Teleservices", declared_use="live-agent survey calling"),
            Customer("plumbing", "Plumbing", declared_use="office phones"),
        ],
        consent=[],
    )
    connection = connect_cdr_files([factory.write(tmp_path / "cdrs")])
    alerts = analyze_calls(connection, reference, AnalysisOptions(window=window)).alerts
    [centre] = [a for a in alerts if a.entity_id == "teleservices" and a.severity is Severity.HIGH]
    [repeated] = [r for r in centre.reasons if r.code is ReasonCode.REPEATED_CALLS]
    assert (repeated.value, repeated.threshold) == (50, 20)
    assert repeated.sample_call_ids == (min(flood),)
    assert any("47 USC 223(a)(1)(D)" in rule for rule in centre.to_json()["rules"])
    assert (centre.evidence["flooded_callees"], centre.evidence["flooded_calls"]) == (3, 150)
    assert centre.evidence["flooded_silent_share"] == 1.0
    assert not [a for a in alerts if a.entity_id == "plumbing" and a.severity is Severity.HIGH]


def test_a_spoofed_flood_through_a_registered_carrier_is_named(tmp_path: Path) -> None:
    """Every call a new unsigned number, one recording: the carrier that hands it over is
    high although it files in the RMD; its other transit is not what made it so."""
    factory = CallFactory()
    spoofed = [factory.random_callee() for _ in range(1500)]
    factory.campaign(
        1500,
        customer_id=None,
        upstream_provider="Registered Gateway",
        caller_ids=spoofed,
        message_s=25,
        answer_rate=0.3,
        attestation="C",
    )
    factory.campaign(1500, customer_id=None, upstream_provider="Honest Transit LLC", message_s=None)
    reference = ReferenceData(
        rmd=[RmdFiling("0001", "Registered Gateway"), RmdFiling("0002", "Honest Transit LLC")]
    )
    result = analyze_calls(connect_cdr_files([factory.write(tmp_path)]), reference)
    by_entity = {(a.entity_type.value, a.entity_id): a for a in result.alerts}
    gateway = by_entity["upstream_provider", "Registered Gateway"]
    assert gateway.severity is Severity.HIGH
    assert ReasonCode.CALLER_ID_ROTATION in {r.code for r in gateway.reasons}
    assert gateway.evidence["peak_calls_per_caller_id"] == pytest.approx(1.0)
    honest = by_entity.get(("upstream_provider", "Honest Transit LLC"))
    assert honest is None or honest.severity is not Severity.HIGH


def _carriers_high_on_their_full_days(network: ProbeNetwork, tmp_path: Path) -> dict[str, Alert]:
    """Analyse ``network`` in daily windows and check its carriers: every campaign carrier
    ``high`` on each of the three full days (the callees' evenings spill into a fourth UTC
    day), no other carrier ever ``high``. Returns each carrier's alert of the first day."""
    path = tmp_path / "calls.parquet"
    pq.write_table(network.table(), path)
    result = analyze_calls(connect_cdr_files([path]), network.reference())
    carriers = [a for a in result.alerts if a.entity_type is EntityType.UPSTREAM_PROVIDER]
    days = sorted({a.window_start for a in carriers})[:3]
    for (_, name), campaign in network.campaign.items():
        high = {a.window_start for a in carriers if a.entity_id == name and
                a.severity is Severity.HIGH}  # fmt: skip
        assert (set(days) <= high) if campaign else (high == set()), name
    return {a.entity_id: a for a in carriers if a.window_start == days[0]}


def _split_message_network(seed: int) -> ProbeNetwork:
    """Three carriers filed in the RMD each carrying 1,500 calls a day of their own
    (person-to-person, a fifth unsigned) and a part of one unsigned message spoofed in the
    callee's area code (1,800 calls a day in all), the first also an A-signed pharmacy
    reminder of nearly its length; beside two carriers carrying a school's B-signed alerts
    from three numbers at the same length, and two whose talk times have a floor (every
    call under 20 s counted as 20, refusals up to 19 s), in their A-signed calls as much
    as in the others."""
    network = ProbeNetwork(seed)
    mixed = {"A": 0.5, "B": 0.2, "C": 0.1, None: 0.2}

    def carrier(name: str, campaign: bool, floor: bool = False) -> None:
        network.rmd.append(RmdFiling(f"09{len(network.rmd):02d}", name))
        network.campaign["upstream_provider", name] = campaign
        talk = (
            network.live_mix(0.2, (2, 20), 170)
            if floor
            else network.live_mix(0.2, (2, 15), 170, talk_from=12)
        )
        network.local_calls(1500, customer=None, upstream=name, choice="new", durations=talk,
                            answered=0.5, hours=(7, 22), attestation=mixed)  # fmt: skip

    for name, part in (("Keystone Voice", 400), ("Blue Ridge", 600), ("Harbor Point", 800)):
        carrier(name, True)
        network.local_calls(part, customer=None, upstream=name, choice="spoof_npa",
                            durations=network.recording(27, hang_ups=0.5), answered=0.3,
                            hours=(9, 19), attestation=None)  # fmt: skip
    network.local_calls(600, customer=None, upstream="Keystone Voice", callers=network.numbers(20),
                        durations=network.recording(29, hang_ups=0.12, voicemail=0.3),
                        answered=0.55, hours=(10, 19), attestation="A")  # fmt: skip
    school = network.numbers(3)
    for name in ("Lakeshore Carrier", "Summit Transit"):
        carrier(name, False)
        network.local_calls(500, customer=None, upstream=name, callers=school,
                            durations=network.recording(27, hang_ups=0.1, voicemail=0.3),
                            answered=0.55, hours=(9, 11), attestation="B")  # fmt: skip
    for name in ("Floor Carrier East", "Floor Carrier West"):
        carrier(name, False, floor=True)
    return network


@pytest.mark.parametrize("seed", [1, 2])
def test_one_message_split_over_carriers_is_high_at_each_carrying_it(
    tmp_path: Path, seed: int
) -> None:
    """Each carrier's part (60-120 calls heard out a day) is thin beside its own callers'
    calls not A-attested, and the first one's signed reminders pile at nearly its length;
    pooled over the carriers, one message from a new number per call."""
    keystone = _carriers_high_on_their_full_days(_split_message_network(seed), tmp_path)[
        "Keystone Voice"
    ]
    assert keystone.evidence["shared_peak_carriers"] == 3
    assert keystone.evidence["shared_peak_duration_s"] == pytest.approx(27, abs=4)
    rotation = next(r for r in keystone.reasons if r.code is ReasonCode.CALLER_ID_ROTATION)
    assert "3 carriers" in rotation.detail
    assert rotation.value <= 1.5


def _short_message_network(seed: int) -> ProbeNetwork:
    """A carrier filed in the RMD whose 12,000 ordinary calls a day (a quarter of the
    answered refused within 2-13 s, half of them A-signed) carry 1,600 unsigned calls of a
    15 s "your parcel could not be delivered" message from a new number each; beside a
    carrier billing a minimum of 6 s (every shorter answered call recorded as 6 s) and one
    carrying a pharmacy's B-signed 15 s reminders from ten numbers."""
    network = ProbeNetwork(seed)
    mixed = {"A": 0.5, "B": 0.15, "C": 0.1, None: 0.25}

    def carrier(name: str, campaign: bool, floor: int = 0) -> None:
        network.rmd.append(RmdFiling(f"08{len(network.rmd):02d}", name))
        network.campaign["upstream_provider", name] = campaign
        talk = network.live_mix(0.25, (2, 14), 170, talk_from=12)
        network.local_calls(12000, customer=None, upstream=name, choice="new", answered=0.55,
                            durations=lambda count: np.maximum(floor, talk(count)),
                            hours=(7, 22), attestation=mixed)  # fmt: skip

    carrier("Crossroads Voice", True)
    network.local_calls(1600, customer=None, upstream="Crossroads Voice", choice="new",
                        durations=network.recording(15, hang_ups=0.4), answered=0.35,
                        hours=(9, 20), attestation=None)  # fmt: skip
    carrier("Minimum Billing Telecom", False, floor=6)
    carrier("Pharmacy Transit", False)
    network.local_calls(1500, customer=None, upstream="Pharmacy Transit",
                        callers=network.numbers(10), attestation="B", answered=0.6,
                        durations=network.recording(15, hang_ups=0.1), hours=(10, 19))  # fmt: skip
    return network


@pytest.mark.parametrize("seed", [1, 2])
def test_a_short_unsigned_message_among_a_carriers_refusals_is_high(
    tmp_path: Path, seed: int
) -> None:
    """Among the quick refusals a band's flanks are refusals too and hide a 15 s message;
    the carrier's A-attested calls (its same callers) show what its others would be without
    it. A minimum billed duration piles in both kinds of call, and a signed pharmacy
    message comes from its ten numbers: neither carrier reaches high."""
    crossroads = _carriers_high_on_their_full_days(_short_message_network(seed), tmp_path)[
        "Crossroads Voice"
    ]
    # the band holds the message (its hang-ups, unsigned too, may draw it a few seconds down)
    assert abs(crossroads.evidence["weak_peak_duration_s"] - 15) <= 4
    assert crossroads.evidence["weak_peak_against_signed"] is True
    rotation = next(r for r in crossroads.reasons if r.code is ReasonCode.CALLER_ID_ROTATION)
    assert rotation.value <= 1.5


def test_csv_files_are_read_through_the_cdr_reader(tmp_path: Path) -> None:
    lines = ["call_id,start_time,duration_s,sip_code,caller_id,called_number,customer_id"]
    lines += [
        f"k{n},2022-08-08T15:{n % 60:02d}:00Z,0,480,(202) 555-01{n % 100:02d},+1415562{n:04d},acme"
        for n in range(50)
    ]
    lines.append("bad,not-a-time,0,480,+12025550123,+14155620000,acme")
    csv_path = tmp_path / "cdrs" / "day.csv.gz"
    csv_path.parent.mkdir()
    with gzip.open(csv_path, "wt") as handle:
        handle.write("\n".join(lines) + "\n")

    staged = stage_cdr_files([tmp_path / "cdrs"], tmp_path / "work")
    (report,) = staged.reports
    assert report.rows_accepted == 50
    assert report.rows_rejected == 1
    assert report.errors[0].line == 52
    result = analyze_calls(connect_cdr_files(staged.parquet_files))
    acme = next(a for a in result.alerts if a.entity_id == "acme")
    # 555-01xx numbers are fictional: the reader classified them, the detector saw it
    assert ReasonCode.INVALID_CALLER_ID in {r.code for r in acme.reasons}


def test_bad_paths_are_named(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        cdr_files([tmp_path / "missing"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="empty"):
        cdr_files([tmp_path / "empty"])
    with pytest.raises(InputError, match="no CDR files"):
        connect_cdr_files([])
    (tmp_path / "calls.parquet").write_text("call_id,start_time\n")
    with pytest.raises(InputError, match=r"calls\.parquet: not a readable Parquet file"):
        connect_cdr_files([tmp_path / "calls.parquet"])


def test_provider_names_match_rmd_loosely() -> None:
    assert provider_key("Acme Telecom, LLC") == provider_key("ACME TELECOM")
    assert provider_key("Acme Telecom Group") != provider_key("Acme Telecom")
    # "&" is "and"; "Ltd" is "Limited", "Inc" "Incorporated" (the transit network's
    # carriers were NOT_IN_RMD, high, on these alone)
    assert provider_key("Meridian & Lake Communications Corp") == provider_key(
        "MERIDIAN AND LAKE COMMUNICATIONS  CORPORATION"
    )
    assert provider_key("Transoceanic Gateway Services Ltd") == provider_key(
        "Transoceanic Gateway Services Limited"
    )
    assert provider_key("Big Sky Rural Telephone Incorporated") == provider_key(
        "Big Sky Rural Telephone, Inc."
    )


@pytest.mark.parametrize(
    ("filed", "named", "same"),
    [
        ("Harbor Point Holdings, LLC d/b/a Tidewater Voice", "Tidewater Voice", True),
        ("Harbor Point Holdings, LLC d/b/a Tidewater Voice", "Harbor Point Holdings LLC", True),
        ("Crestview Group LLC (d/b/a Crestview Digital Voice)", "Crestview Digital Voice", True),
        ("Acme Inc., dba Foo Voice", "FOO VOICE", True),
        ("Acme a/k/a Beta Telecom", "Beta Telecom Co.", True),
        # a name that merely starts with the letters is one name
        ("DBA Communications Inc", "Communications", False),
        ("Aka Telecom LLC", "Telecom", False),
        ("Harbor Point Holdings, LLC d/b/a Tidewater Voice", "Tidewater Telecom", False),
    ],
)
def test_an_rmd_filing_names_its_filer_and_its_trade_names(
    filed: str, named: str, same: bool
) -> None:
    """An RMD business_name names the filer's legal entity and often the brand it trades
    under (47 CFR 64.6305): a carrier named by either in the CDRs or customers.csv is
    the filer."""
    assert bool(provider_keys(filed) & provider_keys(named)) is same


def test_alert_id_is_derived_from_entity_and_window() -> None:
    day = replace(_hour("customer", "acme", "acme", 0), window_end=DAY + timedelta(days=1))
    # formats.md section 5: a day's id is derived from (entity_type, entity_id, customer_id,
    # window_start), so ids written by earlier versions stay the same
    text = "customer\x1facme\x1facme\x1f" + DAY.isoformat()
    assert alert_id(day) == "a-" + hashlib.sha256(text.encode()).hexdigest()[:16]
    assert alert_id(replace(day)) == alert_id(day)
    assert alert_id(replace(day, entity_id="other")) != alert_id(day)
    # the hour that starts with the day is another window: another id
    first_hour = _hour("customer", "acme", "acme", 0)
    assert first_hour.window_start == day.window_start
    assert alert_id(first_hour) != alert_id(day)


_INSTANTS = st.one_of(
    st.none(),
    st.datetimes(
        min_value=datetime(2022, 1, 1), max_value=datetime(2023, 1, 1), timezones=st.just(UTC)
    ),
)


def _merged_consent(
    consent: list[ConsentRecord] | pa.Table, sellers: frozenset[str] = frozenset()
) -> list[dict[str, object]]:
    connection = duckdb.connect()
    connection.execute("set TimeZone = 'UTC'")
    register_consent(connection, consent, sellers)
    return connection.sql("select * from cw_consent").to_arrow_table().to_pylist()


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["+12025550100", "+12025550101"]),
            st.sampled_from("ab"),
            st.sampled_from(ConsentType),
        ),
        max_size=12,
    ).flatmap(
        lambda keys: st.tuples(
            st.just(keys), st.lists(st.tuples(_INSTANTS, _INSTANTS), min_size=len(keys))
        )
    ),
    st.frozensets(st.sampled_from("ab")),
)
@settings(max_examples=200, deadline=None)
def test_consent_grants_merge_per_callee_and_holder(
    case: tuple[list[tuple[str, str, ConsentType]], list[tuple[datetime | None, datetime | None]]],
    sellers: frozenset[str],
) -> None:
    keys, times = case
    records = [
        ConsentRecord(number, holder, kind, obtained, revoked)
        for (number, holder, kind), (obtained, revoked) in zip(keys, times, strict=False)
    ]
    # a seller's prerecorded calls need written consent (47 CFR 64.1200(a)(2)): its other
    # records are no grant at all
    counted = [
        r
        for r in records
        if r.customer_id not in sellers or r.consent_type is ConsentType.PRIOR_EXPRESS_WRITTEN
    ]
    merged = {
        (row["called_number"], row["holder"]): row for row in _merged_consent(records, sellers)
    }
    assert set(merged) == {(r.called_number, r.customer_id) for r in counted}
    for key, row in merged.items():
        grants = [r for r in counted if (r.called_number, r.customer_id) == key]
        # the earliest grant counts, one without a date from any time (formats.md section 3);
        # a revocation only once every grant is revoked
        if any(r.obtained_at is None for r in grants):
            assert row["obtained_at"] is None
        else:
            assert row["obtained_at"] == min(r.obtained_at for r in grants if r.obtained_at)
        if any(r.revoked_at is None for r in grants):
            assert row["revoked_at"] is None
        else:
            assert row["revoked_at"] == max(r.revoked_at for r in grants if r.revoked_at)
    # the columnar form (what read_reference_files passes on) merges the same way
    table = pa.table(
        {
            "called_number": pa.array([r.called_number for r in records], pa.string()),
            "customer_id": pa.array([r.customer_id for r in records], pa.string()),
            "consent_type": pa.array([r.consent_type.value for r in records], pa.string()),
            "obtained_at": pa.array([r.obtained_at for r in records], pa.timestamp("us", "UTC")),
            "revoked_at": pa.array([r.revoked_at for r in records], pa.timestamp("us", "UTC")),
        }
    )
    from_table = _merged_consent(table, sellers)
    assert sorted(from_table, key=_merged_key) == sorted(merged.values(), key=_merged_key)
    # a list that does not give the type keeps every record, a seller's too
    untyped = _merged_consent(table.drop_columns(["consent_type"]), sellers)
    assert {_merged_key(row) for row in untyped} == {
        (r.called_number, r.customer_id) for r in records
    }


def _merged_key(row: dict[str, object]) -> tuple[str, str]:
    return (str(row["called_number"]), str(row["holder"]))


def test_reference_files_read_consent_as_a_table(tmp_path: Path) -> None:
    consent = tmp_path / "consent.csv"
    consent.write_text(
        "called_number,customer_id,consent_type,obtained_at,revoked_at,evidence\n"
        "(202) 555-0143,pharmacy,prior_express,2022-07-01T00:00:00Z,,web form\n"
        "not a number,pharmacy,prior_express,,,\n"
        "+12025550144,pharmacy,prior_express_written,2022-07-02T00:00:00Z,"
        "2022-08-01T00:00:00Z,\n"
    )
    reference, reports = read_reference_files(consent=consent)
    assert isinstance(reference.consent, pa.Table)
    assert reference.consent["called_number"].to_pylist() == ["+12025550143", "+12025550144"]
    [report] = reports
    assert report.rows_rejected == 1
    assert report.rows_accepted == 2


def _hour(entity_type: str, entity_id: str, customer_id: str, hour: int) -> EntityFeatures:
    start = DAY + timedelta(hours=hour)
    counts = dict.fromkeys((f.name for f in fields(EntityFeatures) if f.type in ("int", int)), 0)
    counts["calls"] = 100
    return EntityFeatures(
        **{
            **counts,
            "entity_type": entity_type,
            "entity_id": entity_id,
            "customer_id": customer_id,
            "window_start": start,
            "window_end": start + timedelta(hours=1),
            "peak_duration_s": None,
            "sample_call_ids": {},
        }
    )


def test_a_reseller_hour_points_at_a_client_high_that_day() -> None:
    """Hourly windows: a reseller's bad hour is its client's campaign sliced thin (or two
    clients' calls mixed); a client high anywhere in the same UTC day is what to mitigate."""
    finding = Finding(ReasonCode.SEQUENTIAL_DIALING, "dialling", 0.7, 0.3, Evidence.SUSPECT)
    high = Assessment(80, Severity.HIGH, (finding,))
    reseller_night = _hour("customer", "resell-co", "resell-co", 1)
    reseller_next_day = _hour("customer", "resell-co", "resell-co", 25)
    client_afternoon = _hour("sub_account", "bad-client", "resell-co", 15)
    alerts = {
        (a.entity_id, a.window_start.hour, a.window_start.day): a
        for a in _attribute(
            [
                (reseller_night, high),
                (reseller_next_day, high),
                (client_afternoon, high),
            ]
        )
    }
    night = alerts[("resell-co", 1, DAY.day)]
    assert night.severity is Severity.MEDIUM
    assert night.score <= 74
    assert any("bad-client" in note for note in night.notes)
    # a client high on another day says nothing of this one
    assert alerts[("resell-co", 1, DAY.day + 1)].severity is Severity.HIGH
    assert alerts[("bad-client", 15, DAY.day)].severity is Severity.HIGH


def test_a_reseller_whose_recording_is_one_clients_defers_to_that_client() -> None:
    """A managed-services partner's day pairs one client's recorded reminder (to its own
    customers, 80% with consent records: `low` there) with its other clients' live calls,
    which hold no records: `high` on the pair, which no client shows. The recording is the
    client's, judged with its own records: the partner is held at medium, pointing at it.
    A recording elsewhere, or of which the client holds under half, is the partner's own."""
    recorded = Finding(ReasonCode.PRERECORDED_PATTERN, "spike", 0.4, 0.3, Evidence.PATTERN)
    unconsented = Finding(ReasonCode.NO_CONSENT_WIRELESS, "records", 0.34, 0.2, Evidence.ILLEGAL)
    high = Assessment(75, Severity.HIGH, (recorded, unconsented))
    low = Assessment(24, Severity.LOW, (recorded,))
    day = timedelta(days=1)

    def window(kind: str, name: str, centre: int, calls: int) -> EntityFeatures:
        f = _hour(kind, name, "partner", 0)
        return replace(
            f,
            window_end=f.window_start + day,
            peak_duration_s=centre,
            peak_duration_band_s=4,
            peak_duration_calls=calls,
        )

    def partner_with(client: EntityFeatures) -> Alert:
        alerts = _attribute([(window("customer", "partner", 27, 426), high), (client, low)])
        [partner] = [a for a in alerts if a.entity_id == "partner"]
        return partner

    held = partner_with(window("sub_account", "hvac", 27, 426))
    assert held.severity is Severity.MEDIUM
    assert held.score <= 74
    assert any("sub-account hvac's" in note and "low there" in note for note in held.notes)
    assert partner_with(window("sub_account", "hvac", 45, 426)).severity is Severity.HIGH
    assert partner_with(window("sub_account", "hvac", 27, 200)).severity is Severity.HIGH


def test_a_reseller_points_at_a_client_high_on_other_days_calling_in_its_window() -> None:
    """A number-order dialler's last, partial day holds too few callees for its own window
    (67 calls, under the 100 callees it needs) but most of its reseller's: the reseller's
    window is high on the client's calls. The client, high on the days before and calling
    in this window, is what to mitigate; a client high on other days and not calling in
    the window says nothing of it (synth network at scale 0.02 over 7 days, seed 144)."""
    finding = Finding(ReasonCode.SEQUENTIAL_DIALING, "dialling", 0.38, 0.3, Evidence.PATTERN)
    high = Assessment(75, Severity.HIGH, (finding,))
    low = Assessment(24, Severity.LOW, (finding,))
    client_before = _hour("sub_account", "beacon", "aspen", 15)
    reseller_last_day = _hour("customer", "aspen", "aspen", 25)
    client_last_day = _hour("sub_account", "beacon", "aspen", 25)
    reseller_other_hour = _hour("customer", "aspen", "aspen", 26)

    def graded(
        assessed: list[tuple[EntityFeatures, Assessment]],
    ) -> dict[tuple[str, int], Alert]:
        return {(a.entity_id, a.window_start.hour): a for a in _attribute(assessed)}

    alerts = graded(
        [
            (client_before, high),
            (reseller_last_day, high),
            (client_last_day, low),
            (reseller_other_hour, high),
        ]
    )
    last_day = alerts[("aspen", 1)]
    assert last_day.severity is Severity.MEDIUM
    assert last_day.score <= 74
    assert last_day.notes == (
        "attributed to sub-account(s) beacon (high on other days, calling in this window): "
        "mitigate those first",
    )
    # the client made no calls in the reseller's next hour: the reseller's own
    assert alerts[("aspen", 2)].severity is Severity.HIGH
    # nor is a client that was never high named
    quiet = graded([(client_before, low), (reseller_last_day, high), (client_last_day, low)])
    assert quiet[("aspen", 1)].severity is Severity.HIGH


def _table(features: list[EntityFeatures]) -> pa.Table:
    """The feature table's columns the context helpers read (window starts as the scans
    give them: UTC without a zone)."""
    names = ("entity_type", "entity_id", "customer_id", "calls", "no_consent")
    names += ("consent_known", "outside_hours", "hours_known", "long_answered")
    columns: dict[str, list[object]] = {
        name: [getattr(f, name) for f in features] for name in names
    }
    columns["window_start"] = [f.window_start.replace(tzinfo=None) for f in features]
    # the day's spike and answered calls, as the feature table carries them on each of the
    # day's windows
    columns["day_peak_duration_calls"] = [f.peak_duration_calls for f in features]
    day_answered: dict[tuple[str, str, str, object], int] = {}
    for f in features:
        key = (f.entity_type, f.entity_id, f.customer_id, f.window_start.date())
        day_answered[key] = day_answered.get(key, 0) + f.long_answered
    columns["day_long_answered"] = [
        day_answered[f.entity_type, f.entity_id, f.customer_id, f.window_start.date()]
        for f in features
    ]
    # a young account's hour: its day's siblings and its spike over the day and the period,
    # as given
    day_and_period = ("day_peak_duration_s", "day_peak_duration_band_s", "period_peak_duration_s")
    day_and_period += ("period_peak_durations_s", "period_peak_duration_band_s")
    day_and_period += ("period_peak_duration_calls", "period_long_answered")
    day_and_period += ("day_peak_beyond_calls", "day_peak_band_total", "day_comb_duration_calls")
    day_and_period += ("day_comb_durations_s", "day_comb_band_total")
    for name in (*(f"day_{name}" for name in SIBLING_COUNTS), *day_and_period):
        columns[name] = [getattr(f, name) for f in features]
    return pa.table(columns)


def _contexts_of(
    features: list[EntityFeatures], reference: ReferenceData
) -> dict[tuple[str, str, str, datetime], EntityContext]:
    judged = np.ones(len(features), dtype=bool)
    table = _table(features)
    days = _day_figures(table, judged, _days_prerecorded(table))
    contexts = _contexts(features, [None] * len(features), days, reference)
    return {
        (f.entity_type, f.entity_id, f.customer_id, f.window_start): context
        for f, context in zip(features, contexts, strict=True)
    }


def test_baseline_is_the_median_of_the_entitys_earlier_windows() -> None:
    windows = [_hour("customer", "acme", "acme", hour) for hour in (5, 1, 3, 2, 4)]
    calls = {1: 100, 2: 300, 3: 200, 4: 1000, 5: 50}
    rows = [replace(f, calls=calls[f.window_start.hour]) for f in windows]
    other = replace(_hour("customer", "other", "other", 0), calls=9)
    table = _table([*rows, other])
    # judged: hours 5, 1 and 4 of acme, and the other customer's only window
    judged = np.array([True, True, False, False, True, True])
    assert _baselines(table, judged) == [
        pytest.approx(250.0),  # hour 5: median of 100, 300, 200, 1000
        None,  # hour 1: no earlier window
        pytest.approx(200.0),  # hour 4: median of 100, 300, 200
        None,
    ]


def test_an_hour_too_quiet_to_judge_consent_takes_the_days_coverage() -> None:
    """A customer's quiet hour has too few answered calls to say whether its callees
    consented; the day's calls do."""
    quiet = replace(_hour("customer", "acme", "acme", 3), consent_known=5, no_consent=5)
    busy = replace(_hour("customer", "acme", "acme", 14), consent_known=400, no_consent=8)
    contexts = _contexts_of([quiet, busy], ReferenceData())
    share = contexts[("customer", "acme", "acme", quiet.window_start)].account_no_consent_share
    assert share == pytest.approx(13 / 405)
    alone = _contexts_of([quiet], ReferenceData())
    assert alone[("customer", "acme", "acme", quiet.window_start)].account_no_consent_share is None


def test_a_caller_id_is_judged_by_its_customers_consent_over_the_day() -> None:
    """A calling number's calls are a slice of its account's: the consent coverage it is
    judged by is the customer's over the window's UTC day, not its own, and not another
    day's. Night calling and recordings are the entity's own day's."""
    number = replace(_hour("caller_id", "+12025550100", "acme", 9), outside_hours=3)
    number = replace(number, hours_known=10, consent_known=50, no_consent=0)
    morning = replace(_hour("customer", "acme", "acme", 9), consent_known=100, no_consent=30)
    evening = replace(_hour("customer", "acme", "acme", 20), consent_known=100, no_consent=50)
    tomorrow = replace(morning, window_start=morning.window_start + timedelta(days=1))
    tomorrow = replace(tomorrow, window_end=tomorrow.window_start + timedelta(hours=1))
    tomorrow = replace(tomorrow, no_consent=0)
    other = replace(_hour("caller_id", "+12025550101", "", 9), consent_known=50, no_consent=50)
    contexts = _contexts_of([number, morning, evening, tomorrow, other], ReferenceData())
    context = contexts[("caller_id", "+12025550100", "acme", number.window_start)]
    assert context.account_no_consent_share == pytest.approx(80 / 200)
    assert context.day_outside_hours_share == pytest.approx(3 / 10)
    assert context.day_prerecorded is None  # a number's calls carry no spike of their own
    # a number several accounts present has no one account to judge it by
    shared = contexts[("caller_id", "+12025550101", "", other.window_start)]
    assert shared.account_no_consent_share is None


def test_an_accounts_days_recording_is_on_each_of_its_windows() -> None:
    """A recording is judged over the account's UTC day (a thin hour shows none alone):
    every window of that day carries the verdict, another day's and another entity's
    windows their own; a number or a carrier has none (its calls mix senders)."""
    morning = replace(_hour("customer", "acme", "acme", 9), long_answered=40)
    morning = replace(morning, peak_duration_calls=30)  # the day's spike, as _table puts it
    evening = replace(_hour("customer", "acme", "acme", 20), long_answered=80)
    evening = replace(evening, peak_duration_calls=30)
    tomorrow = replace(morning, window_start=morning.window_start + timedelta(days=1))
    tomorrow = replace(tomorrow, window_end=tomorrow.window_start + timedelta(hours=1))
    live = replace(_hour("sub_account", "client", "acme", 9), long_answered=400)
    live = replace(live, peak_duration_calls=200)
    number = replace(_hour("caller_id", "+12025550100", "acme", 9), long_answered=120)
    number = replace(number, peak_duration_calls=120)
    table = _table([morning, evening, tomorrow, live, number])
    # 30 of acme's 120 answered calls in the spike, under the share; its client's half of
    # 400 is a recording; the number's calls are all one length, but no account's
    assert _days_prerecorded(table).tolist() == [False, False, False, True, False]
    # half of the day's 120; tomorrow's 40 answered calls are too few to tell
    spiked = _table([replace(f, peak_duration_calls=60) for f in (morning, evening, tomorrow)])
    assert _days_prerecorded(spiked).tolist() == [True, True, False]
    contexts = _contexts_of([replace(morning, peak_duration_calls=60), number], ReferenceData())
    assert contexts[("customer", "acme", "acme", morning.window_start)].day_prerecorded is False
    day = [replace(f, peak_duration_calls=60) for f in (morning, evening)]
    contexts = _contexts_of([*day, number], ReferenceData())
    assert contexts[("customer", "acme", "acme", morning.window_start)].day_prerecorded is True
    assert (
        contexts[("caller_id", "+12025550100", "acme", number.window_start)].day_prerecorded is None
    )
    # 55 of the day's 200 answered calls (28%) short of the share, but piled: 55 of the 70
    # calls in the spike's band beyond its flanks, 50 or more of them (a dialler whose
    # agents take the rest)
    piled = [
        replace(f, long_answered=100, peak_duration_calls=55, day_peak_duration_s=30)
        for f in (morning, evening)
    ]
    piled = [replace(f, day_peak_duration_band_s=4, day_peak_band_total=70) for f in piled]
    assert _days_prerecorded(_table(piled)).tolist() == [True, True]
    # ... not when the band holds the day's live mode, nor at the quick refusals
    mode = [replace(f, day_peak_band_total=600) for f in piled]
    assert _days_prerecorded(_table(mode)).tolist() == [False, False]
    refusals = [replace(f, day_peak_duration_s=8) for f in piled]
    assert _days_prerecorded(_table(refusals)).tolist() == [False, False]
    # ... or its comb's teeth piled so (versions of one message a few seconds apart)
    comb = [replace(f, day_peak_band_total=600, day_comb_duration_calls=60) for f in piled]
    comb = [replace(f, day_comb_durations_s=(24, 29, 34), day_comb_band_total=80) for f in comb]
    assert _days_prerecorded(_table(comb)).tolist() == [True, True]
    loose = [replace(f, day_comb_band_total=400) for f in comb]
    assert _days_prerecorded(_table(loose)).tolist() == [False, False]


def test_a_young_accounts_hour_takes_its_days_siblings_recording() -> None:
    """A new account's thin day (17 of its 60 answered calls at the message's length, short
    of a recording alone) whose young siblings' days play the message (150 of 400) is a
    recording on each of its hours, as the detector judges the hour; without siblings, or
    with siblings whose callees consented, it is not."""
    young = replace(_hour("customer", "snowshoe-1", "snowshoe-1", 9), long_answered=60)
    young = replace(young, peak_duration_calls=17, day_peak_duration_s=28)
    young = replace(young, day_peak_duration_band_s=4, day_siblings=5)
    young = replace(young, day_siblings_peak_duration_calls=150)
    young = replace(young, day_siblings_long_answered=400, day_siblings_consent_known=400)
    young = replace(young, day_siblings_no_consent=380)
    alone = replace(young, entity_id="live-1", customer_id="live-1", day_siblings=0)
    consented = replace(young, entity_id="clinic-1", customer_id="clinic-1")
    consented = replace(consented, day_siblings_no_consent=0)
    hours = [young, alone, consented]
    assert _days_prerecorded(_table(hours)).tolist() == [True, False, False]
    # the detector, on the hours with their day's figures as the feature table fills them
    with_day = [replace(f, day_peak_duration_calls=17, day_long_answered=60) for f in hours]
    assert [day_siblings_recording(f) is not None for f in with_day] == [True, False, False]


def test_every_hour_of_an_entity_day_takes_that_days_siblings_verdict() -> None:
    """The siblings' verdict is reached once per entity and UTC day and given to each of
    its hours, in any order of the rows: the same entity's next day, whose siblings'
    callees consented, is not a recording; nor is another account's same day. (Each of
    the young account's three hours answers 20: its day 60, as above.)"""
    young = replace(_hour("customer", "snowshoe-1", "snowshoe-1", 9), long_answered=20)
    young = replace(young, peak_duration_calls=17, day_peak_duration_s=28)
    young = replace(young, day_peak_duration_band_s=4, day_siblings=5)
    young = replace(young, day_siblings_peak_duration_calls=150)
    young = replace(young, day_siblings_long_answered=400, day_siblings_consent_known=400)
    young = replace(young, day_siblings_no_consent=380)

    def at(f: EntityFeatures, hours: int) -> EntityFeatures:
        moved = f.window_start + timedelta(hours=hours)
        return replace(f, window_start=moved, window_end=moved + timedelta(hours=1))

    next_day = replace(at(young, 24), day_siblings_no_consent=0)
    other = replace(young, entity_id="clinic-1", customer_id="clinic-1")
    other = replace(other, day_siblings_no_consent=0)
    hours = [young, at(next_day, 3), other, at(young, 5), next_day, at(young, 2), at(other, 1)]
    assert _days_prerecorded(_table(hours)).tolist() == [
        True, False, False, True, False, True, False
    ]  # fmt: skip


def test_a_caller_ids_grant_is_judged_only_where_the_list_covers_its_account() -> None:
    reference = ReferenceData(
        customers=[
            Customer("reseller", "Reseller", kind=CustomerKind.RESELLER),
            Customer("client", "Client", parent_id="reseller"),
            Customer("listed", "Listed"),
            Customer("unlisted", "Unlisted"),
        ],
        numbers=[
            NumberGrant("+12025550100", "reseller"),
            NumberGrant("+12025550199", "listed"),
        ],
    )

    def granted(number: str, account: str) -> bool | None:
        f = _hour("caller_id", number, account, 9)
        days = _day_figures(_table([f]), np.ones(1, bool), np.zeros(1, bool))
        return _contexts([f], [None], days, reference)[0].number_granted

    assert granted("+12025550100", "client") is True  # through its parent
    assert granted("+12025550100", "listed") is False
    assert granted("+12025550100", "unlisted") is None  # the list holds none of its numbers


def test_a_small_senders_recording_is_judged_over_its_day(tmp_path: Path) -> None:
    """A snowshoe sender at a small network's scale: each hour holds too few answered
    calls for the recording's spike, the day holds plenty. Its unconsented calls need
    consent because of that recording, so its hours reach high; a live caller with the
    same volume and no consent records does not."""
    factory = CallFactory()
    for hour in range(13, 21):
        for name, message_s, first in (
            ("snowshoe", 40, 7_025_550_000),
            ("live-caller", None, 7_035_550_000),
        ):
            # a fresh caller ID for every call: both rotate numbers
            pool = [f"+1{first + 1000 * hour + n}" for n in range(150)]
            factory.campaign(
                150, customer_id=name, message_s=message_s, answer_rate=0.18, hour=hour,
                caller_ids=pool,
            )  # fmt: skip
    connection = connect_cdr_files([factory.write(tmp_path)])
    reference = ReferenceData(consent=[])
    result = analyze_calls(connection, reference, AnalysisOptions(window="hour"))
    hours = [a for a in result.alerts if a.entity_type.value == "customer"]
    snowshoe = [a for a in hours if a.entity_id == "snowshoe"]
    live = [a for a in hours if a.entity_id == "live-caller"]
    assert snowshoe
    assert live
    # no hour shows the spike by itself: the snowshoe's hours name it from the period's
    spikes = [r for a in snowshoe for r in a.reasons if r.code is ReasonCode.PRERECORDED_PATTERN]
    assert spikes
    assert all("too few to rule out chance alone" in r.detail for r in spikes)
    assert not any(r.code is ReasonCode.PRERECORDED_PATTERN for a in live for r in a.reasons)
    assert any(a.severity is Severity.HIGH for a in snowshoe)
    assert all(a.severity is not Severity.HIGH for a in live)


def test_a_campaign_rotating_versions_of_its_message_is_a_recording(tmp_path: Path) -> None:
    """A dialler rotating five versions of its pitch 5 s apart: of the callees who answer,
    three in ten hang up during it and a quarter hear it on voicemail after their
    greeting, the rest hear it out. No version's spike stands out of flanks holding the next; the
    comb of their teeth piles, and the unconsented calls are illegal."""
    factory = CallFactory()
    rng = factory.rng
    for index in range(3_000):
        answered = rng.random() < 0.35
        duration = 0
        if answered:
            length = rng.choice((19, 24, 29, 34, 40))
            heard = rng.random()
            if heard < 0.3:
                duration = rng.randint(1, length - 1)
            elif heard < 0.55:
                duration = length + rng.randint(6, 22)
            else:
                duration = length + rng.randint(-1, 1)
        factory.add(
            start_time=DAY + timedelta(hours=15, seconds=index * 4),
            duration_s=duration,
            sip_code=200 if answered else 480,
            called_number=factory.random_callee(),
            customer_id="versions",
        )
    connection = connect_cdr_files([factory.write(tmp_path)])
    result = analyze_calls(connection, ReferenceData(consent=[]))
    (campaign,) = [a for a in result.alerts if a.entity_id == "versions"]
    (spike,) = [r for r in campaign.reasons if r.code is ReasonCode.PRERECORDED_PATTERN]
    listed = spike.detail.split("spikes at ")[1].split(" +-1 s")[0]
    assert sorted(int(n) for n in re.findall(r"(\d+) s", listed)) == [19, 24, 29, 34, 40]
    assert campaign.evidence["comb_duration_spikes"] == 5
    assert campaign.evidence["comb_pile_share"] > 0.5 > campaign.evidence["peak_pile_share"]
    assert campaign.severity is Severity.HIGH


def test_a_campaign_playing_two_messages_is_a_recording(tmp_path: Path) -> None:
    """Answering-machine detection passes half the answered calls to live agents; the rest
    hear one of two messages (to a person, to a voicemail box). Neither message's spike
    holds 30% of the answered calls alone; together they are the campaign's recordings,
    and its unconsented calls are illegal. A live caller with the same volume is not."""
    factory = CallFactory()
    rng = factory.rng
    for name, messages in (("two-messages", (28, 55)), ("live-caller", ())):
        for index in range(2_000):
            answered = rng.random() < 0.35
            duration = 0
            if answered:
                if not messages or rng.random() < 0.5:
                    duration = max(1, int(rng.expovariate(1 / 150)))
                else:
                    duration = rng.choice(messages) + rng.randint(-2, 2)
            factory.add(
                start_time=DAY + timedelta(hours=19, seconds=index),
                duration_s=duration,
                sip_code=200 if answered else 480,
                called_number=factory.random_callee(),
                customer_id=name,
            )
    connection = connect_cdr_files([factory.write(tmp_path)])
    result = analyze_calls(connection, ReferenceData(consent=[]))
    by_customer = {a.entity_id: a for a in result.alerts if a.entity_type.value == "customer"}
    campaign = by_customer["two-messages"]
    (spike,) = [r for r in campaign.reasons if r.code is ReasonCode.PRERECORDED_PATTERN]
    # both messages named, each at its own length
    listed = spike.detail.split("spikes at ")[1].split(" +-4 s")[0]
    lengths = [int(n) for n in re.findall(r"(\d+) s", listed)]
    assert len(lengths) == 2
    assert abs(min(lengths) - 28) <= 4
    assert abs(max(lengths) - 55) <= 4
    assert campaign.evidence["peak_duration_spikes"] == 2
    assert campaign.severity is Severity.HIGH
    live = by_customer["live-caller"]
    assert not any(r.code is ReasonCode.PRERECORDED_PATTERN for r in live.reasons)
    assert live.severity is not Severity.HIGH


def test_days_keeps_the_newest_utc_days_only(tmp_path: Path) -> None:
    """--days N analyses the N UTC days up to the newest day holding calls: a nightly run
    over a rolling window. Calls before them are neither counted nor alerted on."""
    factory = CallFactory()
    for day in range(4):
        for index in range(50 + 10 * day):
            factory.add(
                start_time=DAY + timedelta(days=day, hours=15, seconds=index),
                customer_id="acme",
                caller_id="+18005550100",
            )
    connection = connect_cdr_files([factory.write(tmp_path)])
    reference = ReferenceData(dno=[DnoEntry("+18005550100")])

    def analysed(days: int | None) -> tuple[int, set[datetime]]:
        result = analyze_calls(connection, reference, AnalysisOptions(days=days))
        return result.calls, {a.window_start for a in result.alerts}

    assert analysed(1) == (80, {DAY + timedelta(days=3)})
    assert analysed(2) == (150, {DAY + timedelta(days=2), DAY + timedelta(days=3)})
    assert analysed(30) == analysed(None) == (260, {DAY + timedelta(days=d) for d in range(4)})
    # the view of the recent days is dropped: the next run sees all the calls again
    names = {row[0] for row in connection.execute("show tables").fetchall()}
    assert "cw_recent_calls" not in names
    with pytest.raises(ValueError, match="days must be 1 or more"):
        analyze_calls(connection, reference, AnalysisOptions(days=0))


def test_a_campaign_split_over_thin_sub_accounts_is_judged_on_its_one_day(
    tmp_path: Path,
) -> None:
    """Six clients of one reseller each play the same recording to 80 people without
    consent, on the one day analysed: each too thin to show it, the reseller's live
    clients diluting it in the reseller's calls. Together they are the campaign; the live
    clients beside them are not."""
    factory = CallFactory()
    for index in range(6):
        factory.campaign(80, customer_id="spread-co", sub_account=f"thin-{index}", message_s=40)
    for index in range(10):
        factory.campaign(
            300, customer_id="spread-co", sub_account=f"live-{index}", message_s=None,
            answer_rate=0.5,
        )  # fmt: skip
    connection = connect_cdr_files([factory.write(tmp_path)])
    result = analyze_calls(connection, ReferenceData(consent=[]))
    subs = {a.entity_id: a for a in result.alerts if a.entity_type.value == "sub_account"}
    for index in range(6):
        thin = subs[f"thin-{index}"]
        assert thin.severity is Severity.HIGH, thin
        (spike,) = [r for r in thin.reasons if r.code is ReasonCode.PRERECORDED_PATTERN]
        assert "other sub-account(s) of spread-co" in spike.detail
    assert all(
        subs[f"live-{index}"].severity is not Severity.HIGH
        for index in range(10)
        if f"live-{index}" in subs
    )


def test_a_campaign_split_over_thin_sub_accounts_is_found_in_hourly_windows(
    tmp_path: Path,
) -> None:
    """The same split campaign spread over a working day and analysed by the hour: each
    client's hour holds a handful of answered calls, its day some twenty-five. Over the
    day, the six clients' spikes together are the recording, so each client's unconsented
    calls need consent and its hours reach high; the live clients' do not."""
    factory = CallFactory()
    for hour in range(13, 21):
        for index in range(6):
            factory.campaign(
                12, customer_id="spread-co", sub_account=f"thin-{index}", message_s=40,
                hour=hour,
            )  # fmt: skip
        for index in range(10):
            factory.campaign(
                40, customer_id="spread-co", sub_account=f"live-{index}", message_s=None,
                answer_rate=0.5, hour=hour,
            )  # fmt: skip
    connection = connect_cdr_files([factory.write(tmp_path)])
    result = analyze_calls(connection, ReferenceData(consent=[]), AnalysisOptions(window="hour"))
    worst: dict[str, Severity] = {}
    for alert in result.alerts:
        if alert.entity_type.value == "sub_account":
            known = worst.get(alert.entity_id, Severity.LOW)
            worst[alert.entity_id] = max(known, alert.severity, key=lambda s: s.rank)
    assert all(worst.get(f"thin-{index}") is Severity.HIGH for index in range(6)), worst
    assert all(worst.get(f"live-{index}") is not Severity.HIGH for index in range(10))


def test_billed_durations_with_a_minimum_charge_are_noted_and_make_no_recording(
    tmp_path: Path,
) -> None:
    """A feed of billed durations with a 30 s minimum: a live sender's quick refusals all
    sit at 30 s, a pile that read as a message. The floor is named in the notes and left
    out of the spikes; talk time (hang-ups of a few seconds) has no floor and no note."""
    rng = np.random.default_rng(4)
    for billed in (True, False):
        factory = CallFactory()
        for index in range(900):
            talked = (
                int(rng.integers(2, 12)) if rng.random() < 0.6 else 12 + int(rng.exponential(90))
            )
            factory.add(customer_id="phone-bank", sip_code=200,
                        duration_s=max(30, talked) if billed else talked,
                        caller_id=f"+1202555{index % 20:04d}",
                        called_number=factory.random_callee(),
                        start_time=DAY + timedelta(hours=15, seconds=index * 3))  # fmt: skip
        connection = connect_cdr_files([factory.write(tmp_path / str(billed))])
        result = analyze_calls(connection)
        recorded = [
            a for a in result.alerts
            if ReasonCode.PRERECORDED_PATTERN in {r.code for r in a.reasons}
        ]  # fmt: skip
        assert recorded == []
        if billed:
            (note,) = result.notes
            assert "under 30 s" in note
            assert "billed" in note
        else:
            assert result.notes == []


def test_a_reseller_medium_on_its_own_names_its_high_clients() -> None:
    """A reseller whose own reasons make it medium still points at the clients to act on
    (the eighth probe's resellers carried no note); one without a high client that day
    carries none."""
    finding = Finding(ReasonCode.HIGH_FANOUT, "fan-out", 9_000, 5_000, Evidence.PATTERN)
    medium = Assessment(47, Severity.MEDIUM, (finding,))
    high = Assessment(80, Severity.HIGH, (finding,))
    reseller = _hour("customer", "dialhub", "dialhub", 1)
    quiet_reseller = _hour("customer", "voxcloud", "voxcloud", 1)
    client = _hour("sub_account", "dh-homeequity", "dialhub", 15)
    alerts = {
        a.entity_id: a
        for a in _attribute([(reseller, medium), (quiet_reseller, medium), (client, high)])
    }
    assert alerts["dialhub"].severity is Severity.MEDIUM
    assert alerts["dialhub"].score == 47
    assert alerts["dialhub"].notes == (
        "attributed to sub-account(s) dh-homeequity: mitigate those first",
    )
    assert alerts["voxcloud"].notes == ()


def test_a_reseller_whose_window_is_one_clients_calls_is_judged_at_that_client() -> None:
    """An independent probe's notification platform was high on its one client's county
    emergency alerts, which the client's declared use exempts from the calling hours: the
    client is medium there, and so is now the reseller, pointing at it. A reseller whose
    busiest client sent half its calls keeps its own grade."""
    finding = Finding(ReasonCode.OUTSIDE_CALLING_HOURS, "night", 0.9, 0.1, Evidence.ILLEGAL)
    high = Assessment(80, Severity.HIGH, (finding,))
    medium = Assessment(55, Severity.MEDIUM, (finding,))
    platform, county = (
        _hour("customer", "alertnow", "alertnow", 10),
        _hour("sub_account", "county-oem", "alertnow", 10),
    )
    start = platform.window_start.replace(tzinfo=None)
    assessed = [(platform, high), (county, medium)]
    (held, _) = sorted(
        _attribute(assessed, {}, {("alertnow", start): ("county-oem", 96)}),
        key=lambda a: a.entity_type.value,
    )
    assert (held.entity_id, held.severity, held.score) == ("alertnow", Severity.MEDIUM, 74)
    assert held.notes == (
        "96% of its calls in the window are sub-account county-oem's, medium there (its own "
        "declared use and history): judged there",
    )
    mixed = _attribute(assessed, {}, {("alertnow", start): ("county-oem", 50)})
    assert {a.entity_id: a.severity for a in mixed}["alertnow"] is Severity.HIGH
    assert {a.entity_id: a.severity for a in _attribute(assessed)}["alertnow"] is Severity.HIGH


def test_a_customers_busiest_client_per_window() -> None:
    start, later = datetime(2022, 8, 1), datetime(2022, 8, 2)
    table = pa.table(
        {
            "entity_type": ["sub_account"] * 4 + ["customer", "caller_id"],
            "entity_id": ["a", "b", "c", "a", "acme", "+12025550123"],
            "customer_id": ["acme", "acme", "acme", "acme", "acme", "acme"],
            "window_start": [start, start, start, later, start, start],
            "calls": [40, 900, 60, 5, 1_000, 5_000],
        }
    )
    assert _busiest_clients(table) == {("acme", start): ("b", 900), ("acme", later): ("a", 5)}


def test_a_client_of_a_client_is_named_with_the_reseller_between() -> None:
    """Calls carry two levels (customer, sub-account); the customers file may know a
    reseller between them (MV Realty, PhoneBurner's client, on Twilio's network). The
    client's alert names it; a file that puts the client under another account than its
    calls come through says so; a client directly under its customer, or unknown to the
    file, gets no note."""
    customers = {
        c.customer_id: c
        for c in (
            Customer("netlink", "NetLink Wholesale", kind=CustomerKind.RESELLER),
            Customer("dialstream", "DialStream", parent_id="netlink"),
            Customer("apex", "Apex Vehicle Protect", parent_id="dialstream"),
            Customer("direct", "Direct Client", parent_id="netlink"),
            Customer("moved", "Moved Client", parent_id="othercarrier"),
        )
    }
    finding = Finding(ReasonCode.HIGH_FANOUT, "fan-out", 9_000, 5_000, Evidence.PATTERN)
    high = Assessment(80, Severity.HIGH, (finding,))
    alerts = {
        a.entity_id: a
        for a in _attribute(
            [
                (_hour("sub_account", name, "netlink", 15), high)
                for name in ("apex", "direct", "moved", "unfiled")
            ],
            customers,
        )
    }
    (chain,) = alerts["apex"].notes
    assert chain.startswith("a client of dialstream, a client of netlink (customers file)")
    assert alerts["direct"].notes == ()
    (moved,) = alerts["moved"].notes
    assert "under othercarrier" in moved
    assert "through netlink" in moved
    assert alerts["unfiled"].notes == ()
    assert account_chain("apex", customers) == ["dialstream", "netlink"]
    looped = {**customers, "netlink": Customer("netlink", "NetLink", parent_id="apex")}
    assert account_chain("apex", looped) == ["dialstream", "netlink"]


_UNITS = {"B": 1, "KB": 10**3, "MB": 10**6, "GB": 10**9, "TB": 10**12}
_UNITS |= {"KiB": 2**10, "MiB": 2**20, "GiB": 2**30, "TiB": 2**40}


@given(
    whole=st.integers(0, 10**6),
    tenths=st.one_of(st.none(), st.integers(0, 9)),
    unit=st.sampled_from(sorted(_UNITS)),
    lower=st.booleans(),
    space=st.sampled_from(["", " "]),
)
def test_memory_sizes_are_read_as_duckdb_writes_them(
    whole: int, tenths: int | None, unit: str, lower: bool, space: str
) -> None:
    number = f"{whole}" if tenths is None else f"{whole}.{tenths}"
    text = f"{number}{space}{unit.lower() if lower else unit}"
    assert memory_size(text) == int(float(number) * _UNITS[unit])


@given(text=st.text(max_size=12))
def test_anything_but_a_size_is_refused_by_name(text: str) -> None:
    if re.fullmatch(r"\s*\d+(\.\d+)?\s*([KMGT]i?B|B)\s*", text, re.IGNORECASE):
        return
    with pytest.raises(InputError, match="is not a size"):
        memory_size(text)


def test_a_bounded_analysis_spills_to_its_scratch_directory_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DuckDB spills what exceeds its limit to .tmp under the working directory by
    default: an analysis leaves nothing there, its spill goes where it was told."""
    monkeypatch.chdir(tmp_path)
    scratch = tmp_path / "scratch" / "spill"
    connection = duckdb.connect()
    bound_memory(connection, scratch, "256MB")
    assert connection.execute("select current_setting('memory_limit')").fetchone() == ("244.1 MiB",)
    # 40M rows of two 8-byte columns: more than the limit, so spilled
    connection.execute("create temp table big as select random() as r, i from range(40000000) t(i)")
    assert connection.execute("select count(*) from big").fetchone() == (40_000_000,)
    assert any(scratch.iterdir())
    assert sorted(path.name for path in tmp_path.iterdir()) == ["scratch"]
    connection.close()
    with pytest.raises(InputError, match="under the 256 MB"):
        bound_memory(duckdb.connect(), scratch, "200MB")
    assert checked_memory_limit("1.5 GiB") == 3 * 2**29


def test_running_out_of_memory_is_named_with_what_to_do(tmp_path: Path) -> None:
    """DuckDB's own out-of-memory error, not a traceback: what ran out and the two ways
    out. A limit this small is refused by bound_memory; set on the connection directly,
    it makes DuckDB fail for real."""
    factory = CallFactory()
    reference, _ = _network(factory)
    connection = connect_cdr_files([factory.write(tmp_path / "cdrs")])
    connection.execute("set memory_limit = '2MB'")
    with pytest.raises(ResourceError, match=r"ran out of memory \(Out of Memory Error") as caught:
        analyze_calls(connection, reference)
    assert "--memory-limit" in str(caught.value)
    assert "\n" not in str(caught.value)  # DuckDB's advice on threads and settings left out
    connection.execute("reset memory_limit")
    assert analyze_calls(connection, reference).alerts  # the connection still works


def test_a_low_and_slow_neighbour_spoofer_is_found_in_hourly_windows(tmp_path: Path) -> None:
    """Eight calls an hour over twelve hours, each from a number in its callee's own
    exchange, unsigned: no hour holds the volume or the numbers the reason needs, the day
    does. Its hours are high on NEIGHBOR_SPOOFING judged over the day; a business's one
    line calling its own exchange all day is not."""
    factory = CallFactory()
    for hour in range(9, 21):
        for minute in range(0, 60, 8):
            callee = factory.random_callee()
            factory.add(customer_id="slowspoof", called_number=callee,
                        caller_id=callee[:8] + f"{factory.rng.randint(0, 9999):04d}",
                        attestation=None, sip_code=200, duration_s=factory.rng.randint(20, 200),
                        start_time=DAY + timedelta(hours=hour, minutes=minute))  # fmt: skip
            local = "+1212555" + f"{factory.rng.randint(2000, 9999):04d}"
            factory.add(customer_id="plumber", called_number=local, caller_id="+12125550188",
                        sip_code=200, duration_s=90,
                        start_time=DAY + timedelta(hours=hour, minutes=minute + 1))  # fmt: skip
    connection = connect_cdr_files([factory.write(tmp_path / "cdrs")])
    hourly = analyze_calls(connection, options=AnalysisOptions(window="hour"))
    spoofer = [a for a in hourly.alerts if a.entity_id == "slowspoof"]
    assert len(spoofer) == 12
    for alert in spoofer:
        assert alert.severity is Severity.HIGH
        (reason,) = [r for r in alert.reasons if r.code is ReasonCode.NEIGHBOR_SPOOFING]
        assert "of its UTC day's" in reason.detail
        assert reason.sample_call_ids
        assert alert.evidence["day_neighbor_share"] == pytest.approx(1.0)
        assert alert.evidence["day_caller_ids"] >= 80  # 96 numbers, counted by a sketch
    assert not any(a.entity_id == "plumber" and a.severity is Severity.HIGH for a in hourly.alerts)
    daily = analyze_calls(connection)
    (day,) = [a for a in daily.alerts if a.entity_id == "slowspoof"]
    assert ReasonCode.NEIGHBOR_SPOOFING in {r.code for r in day.reasons}


def test_a_one_ring_scam_through_a_carrier_is_named_at_its_numbers(tmp_path: Path) -> None:
    """Three Caribbean numbers ring 360 callees once each at night through a transit
    carrier, every call cancelled before an answer (SIP 487): each number is high on
    ONE_RING_SCAM (the night calls its second witness), the carrier's honest daytime
    calls beside them are not."""
    factory = CallFactory()
    numbers = ["+18764561234", "+18095553021", "+18294441187"]
    for index in range(360):
        factory.add(upstream_provider="islandlink", customer_id=None,
                    caller_id=numbers[index % 3], called_number=factory.random_callee(),
                    sip_code=487, duration_s=0, attestation=None,
                    start_time=DAY + timedelta(hours=4, seconds=10 * index))  # fmt: skip
    for index in range(200):
        answered = index % 2 == 0
        factory.add(upstream_provider="islandlink", customer_id=None,
                    caller_id=f"+1202555{index:04d}", called_number=factory.random_callee(),
                    sip_code=200 if answered else 486, duration_s=120 if answered else 0,
                    start_time=DAY + timedelta(hours=15, minutes=index % 60))  # fmt: skip
    connection = connect_cdr_files([factory.write(tmp_path / "cdrs")])
    result = analyze_calls(connection, ReferenceData(rmd=[RmdFiling("0001", "islandlink")]))
    by_number = {a.entity_id: a for a in result.alerts if a.entity_type == "caller_id"}
    for number in numbers:
        alert = by_number[number]
        assert alert.severity is Severity.HIGH
        (reason,) = [r for r in alert.reasons if r.code is ReasonCode.ONE_RING_SCAM]
        assert "120 calls from 1 number(s) costly to call back" in reason.detail
        assert "FCC 20-171" in RULES[ReasonCode.ONE_RING_SCAM]
        assert alert.evidence["cancelled_share"] == pytest.approx(1.0)
    assert not any(a.entity_id.startswith("+1202555") for a in result.alerts)


def test_transit_calls_presenting_a_customers_number_unvouched_are_suspect(
    tmp_path: Path,
) -> None:
    """A utility's customer-service number, granted to the utility, arrives 120 times from
    a carrier unsigned or C-attested (impostors: "your power will be cut"): the carrier is
    reported for it, with sample calls. The same number signed A by the carrier (the
    utility's second carrier vouching for it), and the utility's own calls from it, are
    not counted."""
    factory = CallFactory()
    service = "+16035550100"
    for index in range(120):
        factory.add(upstream_provider="harbor", customer_id=None, caller_id=service,
                    called_number=factory.random_callee(), attestation=("C", None)[index % 2],
                    start_time=DAY + timedelta(hours=14, seconds=20 * index))  # fmt: skip
    for index in range(120):
        factory.add(upstream_provider="vouched", customer_id=None, caller_id=service,
                    called_number=factory.random_callee(), attestation="A",
                    start_time=DAY + timedelta(hours=14, seconds=20 * index))  # fmt: skip
        factory.add(customer_id="utility", caller_id=service,
                    called_number=factory.random_callee(),
                    start_time=DAY + timedelta(hours=15, seconds=20 * index))  # fmt: skip
    connection = connect_cdr_files([factory.write(tmp_path / "cdrs")])
    reference = ReferenceData(
        numbers=[NumberGrant(service, "utility")],
        rmd=[RmdFiling("0001", "harbor"), RmdFiling("0002", "vouched")],
    )
    alerts = {
        (a.entity_type.value, a.entity_id): a for a in analyze_calls(connection, reference).alerts
    }
    carrier = alerts["upstream_provider", "harbor"]
    (reason,) = [r for r in carrier.reasons if r.code is ReasonCode.UNASSIGNED_CALLER_ID]
    assert reason.detail.startswith("120 calls (100%) present numbers this network assigns")
    assert reason.sample_call_ids
    assert carrier.severity is Severity.MEDIUM
    assert carrier.evidence["own_number_caller_share"] == pytest.approx(1.0)
    for quiet in (("upstream_provider", "vouched"), ("customer", "utility")):
        assert not any(
            r.code is ReasonCode.UNASSIGNED_CALLER_ID
            for r in getattr(alerts.get(quiet), "reasons", ())
        )


def _quiet_one_ring_calls(factory: CallFactory, carrier: str, numbers: list[str]) -> None:
    """Each of ``numbers`` rings 40-80 callees once over the day through ``carrier``, all
    but a few calls cancelled before an answer, the rest unreachable (SIP 480)."""
    for number in numbers:
        for _ in range(factory.rng.randint(40, 80)):
            factory.add(
                upstream_provider=carrier,
                customer_id=None,
                caller_id=number,
                called_number=factory.random_callee(),
                duration_s=0,
                attestation=None,
                sip_code=487 if factory.rng.random() < 0.95 else 480,
                start_time=DAY + timedelta(seconds=factory.rng.randint(0, 86_399)),
            )


def _ordinary_transit(factory: CallFactory, carrier: str, calls: int, callers: list[str]) -> None:
    """``calls`` person-to-person calls over the day, half answered, from ``callers``."""
    for index in range(calls):
        answered = factory.rng.random() < 0.5
        factory.add(upstream_provider=carrier, customer_id=None,
                    caller_id=callers[index % len(callers)],
                    called_number=factory.random_callee(), attestation="B",
                    sip_code=200 if answered else factory.rng.choice([486, 487, 480]),
                    duration_s=factory.rng.randint(10, 400) if answered else 0,
                    start_time=DAY + timedelta(seconds=factory.rng.randint(0, 86_399)))  # fmt: skip


def test_a_one_ring_scam_over_many_quiet_numbers_is_high_at_its_carrier(tmp_path: Path) -> None:
    """The fifteenth probe's miss: forty numbers abroad or in the Caribbean, each ringing
    40-80 callees once a day (under the busy-number volume), a fifth of a carrier's calls
    beside its ordinary transit. The carrier is high on ONE_RING_SCAM in daily windows and
    in the hours holding enough of the calls, and so is each number over its day. A
    carrier of a call centre abroad whose numbers are answered, and a domestic dialler's
    number answered nowhere that day, are not one-ring scams."""
    factory = CallFactory()
    scam = [f"+4477009{index:05d}" for index in range(20)] + [
        f"+1876{factory.rng.randint(2000000, 9999999)}" for _ in range(20)
    ]
    _quiet_one_ring_calls(factory, "Atlantic Link", scam)
    _ordinary_transit(
        factory, "Atlantic Link", 10_000, [factory.random_callee() for _ in range(3000)]
    )
    abroad = [f"+6328{index:07d}" for index in range(30)]
    _ordinary_transit(factory, "Manila Voice", 2_400, abroad)
    for _ in range(45):
        factory.add(
            customer_id="dialler",
            caller_id="+12025550147",
            sip_code=487,
            duration_s=0,
            called_number=factory.random_callee(),
            start_time=DAY + timedelta(hours=14, seconds=factory.rng.randint(0, 3599)),
        )
    connection = connect_cdr_files([factory.write(tmp_path / "cdrs")])
    reference = ReferenceData(
        rmd=[RmdFiling("0001", "Atlantic Link"), RmdFiling("0002", "Manila Voice")]
    )
    daily = analyze_calls(connection, reference)
    by_entity = {(a.entity_type.value, a.entity_id): a for a in daily.alerts}
    carrier = by_entity["upstream_provider", "Atlantic Link"]
    assert carrier.severity is Severity.HIGH
    (reason,) = [r for r in carrier.reasons if r.code is ReasonCode.ONE_RING_SCAM]
    assert "from 40 number(s) costly to call back" in reason.detail
    assert carrier.evidence["costly_unanswered_numbers"] == 40
    assert carrier.evidence["costly_unanswered_cancelled_share"] == pytest.approx(0.95, abs=0.03)
    for number in scam:
        alert = by_entity["caller_id", number]
        assert alert.severity is Severity.HIGH, number
        assert ReasonCode.ONE_RING_SCAM in {r.code for r in alert.reasons}
    for entity in (("upstream_provider", "Manila Voice"), ("caller_id", "+12025550147")):
        alert = by_entity.get(entity)
        assert alert is None or ReasonCode.ONE_RING_SCAM not in {r.code for r in alert.reasons}
    hourly = analyze_calls(connection, reference, AnalysisOptions(window="hour"))
    carrier_hours = [a for a in hourly.alerts if a.entity_id == "Atlantic Link"]
    high = [a for a in carrier_hours if a.severity is Severity.HIGH]
    # some 100 of its calls an hour: every hour holds the 30 an hour needs
    assert len(high) == 24
    assert all(ReasonCode.ONE_RING_SCAM in {r.code for r in a.reasons} for a in high)
    assert not any(
        a.entity_id == "Manila Voice" and a.severity is Severity.HIGH for a in hourly.alerts
    )


def _snowshoe_accounts(
    factory: CallFactory, accounts: list[str], heard_out: int = 22, answered_calls: int = 60
) -> None:
    """Each account: 100 calls over the afternoon, ``answered_calls`` answered,
    ``heard_out`` of them hearing out one 28 s message and the rest spread over 6-300 s
    (hang-ups and voicemail)."""
    for account in accounts:
        caller = f"+1212555{factory.rng.randint(1000, 9999)}"
        for index in range(100):
            answered = index < answered_calls
            duration = (
                (28 + factory.rng.randint(-1, 1))
                if index < heard_out
                else factory.rng.randint(6, 300)
            )
            factory.add(customer_id=account, caller_id=caller,
                        called_number=factory.random_callee(),
                        sip_code=200 if answered else 480, duration_s=duration if answered else 0,
                        start_time=DAY + timedelta(hours=13, minutes=index * 3))  # fmt: skip


@pytest.mark.parametrize(("opened_days_before", "kyc", "high"), [
    (3, KycStatus.VERIFIED, True), (900, KycStatus.PENDING, True), (900, KycStatus.VERIFIED, False),
])  # fmt: skip
def test_one_message_over_new_or_unverified_accounts_is_a_recording_at_each(
    tmp_path: Path, opened_days_before: int, kyc: KycStatus, high: bool
) -> None:
    """A snowshoe campaign: four accounts, each 40 answered calls a day of which 15 hear out
    one message, too few in any one to judge a recording by (prerecorded_min_answered). New
    or unverified, they are siblings of one another, and together the spike is a
    recording: with no consent records each is high. Established verified accounts are not
    laid one another's calls."""
    accounts = [f"snow-{index}" for index in range(4)]
    factory = CallFactory()
    _snowshoe_accounts(factory, accounts, heard_out=15, answered_calls=40)
    opened = DAY - timedelta(days=opened_days_before)
    customers = [
        Customer(account, account.title(), created_at=opened, kyc_status=kyc)
        for account in accounts
    ]
    result = analyze_calls(
        connect_cdr_files([factory.write(tmp_path / "cdrs")]),
        ReferenceData(customers=customers, consent=[]),
    )
    by_account = {a.entity_id: a for a in result.alerts if a.entity_type is EntityType.CUSTOMER}
    for account in accounts:
        alert = by_account[account]
        assert (alert.severity is Severity.HIGH) is high, account
        recorded = [r for r in alert.reasons if r.code is ReasonCode.PRERECORDED_PATTERN]
        if high:
            (reason,) = recorded
            assert "3 other new or unverified account(s) of the provider" in reason.detail
            assert alert.evidence["siblings"] == 3
        else:
            assert recorded == []


def test_a_new_account_whose_own_share_falls_short_by_chance_takes_its_siblings_recording(
    tmp_path: Path,
) -> None:
    """Among 60 answered calls a message heard out by a third of them shows anywhere from
    a fifth to two fifths: a snowshoe account whose day holds 13 of 60 (22%, under the 30%
    a recording needs but not beyond chance, and too few to prove a pile alone: at least
    15% allowing for chance, prerecorded_ended_share) beside six holding 26 of 60 each is
    their recording too (the seventeenth probe's accounts at 17-39% of 60-120). One whose 4 of 60
    could be a chance bump takes nothing from them, nor is it pooled with them."""
    factory = CallFactory()
    campaign = [f"snow-{index}" for index in range(6)]
    _snowshoe_accounts(factory, campaign, heard_out=26)
    _snowshoe_accounts(factory, ["snow-short"], heard_out=13)
    _snowshoe_accounts(factory, ["snow-bump"], heard_out=4)
    accounts = [*campaign, "snow-short", "snow-bump"]
    customers = [
        Customer(account, account.title(), created_at=DAY - timedelta(days=3))
        for account in accounts
    ]
    result = analyze_calls(
        connect_cdr_files([factory.write(tmp_path / "cdrs")]),
        ReferenceData(customers=customers, consent=[]),
    )
    by_account = {a.entity_id: a for a in result.alerts if a.entity_type is EntityType.CUSTOMER}
    short = by_account["snow-short"]
    assert short.evidence["peak_duration_share"] < 0.3
    assert short.severity is Severity.HIGH
    (reason,) = [r for r in short.reasons if r.code is ReasonCode.PRERECORDED_PATTERN]
    assert "other new or unverified account(s) of the provider" in reason.detail
    # the six campaign accounts; the chance bump is pooled with nobody, nor dilutes them
    assert short.evidence["siblings"] == 6
    bump = by_account.get("snow-bump")
    assert bump is None or ReasonCode.PRERECORDED_PATTERN not in {r.code for r in bump.reasons}
    assert bump is None or bump.severity is not Severity.HIGH


def test_new_accounts_hours_are_judged_with_their_siblings_over_the_day(tmp_path: Path) -> None:
    """Hourly windows: a snowshoe account's hour holds a dozen answered calls, too few to
    agree with its siblings' spike, and a new live tenant's hour of 20 can hold a chance
    bump of 7 at the message's length, which the campaign's hours beside it would make a
    recording. Each is judged over its UTC day: the campaign's accounts' days together are
    a recording, and their hours take it; the live tenant's day shows no spike, and its
    bumped hour takes nothing."""
    factory = CallFactory()
    campaign = [f"snow-{index}" for index in range(6)]
    for account in campaign:
        caller = f"+1212555{factory.rng.randint(1000, 9999)}"
        for index in range(100):
            # 13:00-18:00, 12 answered calls an hour, 40% of them hearing out 28 s
            answered = (index // 5) % 5 < 3
            heard_out = factory.rng.random() < 0.4
            duration = 28 + factory.rng.randint(-1, 1) if heard_out else factory.rng.randint(6, 300)
            start = DAY + timedelta(hours=13 + index % 5, minutes=index // 5)
            factory.add(customer_id=account, caller_id=caller, start_time=start,
                        called_number=factory.random_callee(), sip_code=200 if answered else 480,
                        duration_s=duration if answered else 0)  # fmt: skip
    for index in range(200):
        # an hour of 20 answered calls, 7 of them at the message's length by chance
        hour = 14 if index < 20 else [9, 10, 11, 12, 13, 15, 16, 17, 18, 19][index % 10]
        duration = 28 if index < 7 else max(6, int(factory.rng.expovariate(1 / 90)))
        factory.add(customer_id="live-tenant", caller_id="+16465550188",
                    called_number=factory.random_callee(), sip_code=200, duration_s=duration,
                    start_time=DAY + timedelta(hours=hour, minutes=index % 60))  # fmt: skip
    customers = [
        Customer(account, account.title(), created_at=DAY - timedelta(days=3))
        for account in [*campaign, "live-tenant"]
    ]
    result = analyze_calls(
        connect_cdr_files([factory.write(tmp_path / "cdrs")]),
        ReferenceData(customers=customers, consent=[]),
        AnalysisOptions(window="hour"),
    )
    hours = [a for a in result.alerts if a.entity_type is EntityType.CUSTOMER]
    for account in campaign:
        high = [a for a in hours if a.entity_id == account and a.severity is Severity.HIGH]
        assert high, account
        assert all(a.evidence["day_siblings"] == 5 and a.evidence["answered"] < 20 for a in high)
    tenant = [a for a in hours if a.entity_id == "live-tenant"]
    assert [a.evidence["answered"] for a in tenant if a.window_start.hour == 14] == [20]
    assert not any(a.severity is Severity.HIGH for a in tenant)
    assert all(a.evidence["day_siblings"] == 0 for a in tenant)


def test_accounts_are_young_until_thirty_days_after_opening_or_while_unverified() -> None:
    """The accounts the snowshoe siblings are drawn from: opened within the new-account
    days (UTC, as the windows), or with KYC pending or failed whatever their age; an
    account with neither an opening date nor a KYC doubt is not one."""
    opened = datetime(2025, 1, 10, 6, tzinfo=UTC).astimezone()  # any zone: read as UTC
    young = _young_accounts(
        [
            Customer("new", "New", created_at=opened, kyc_status=KycStatus.VERIFIED),
            Customer("doubtful", "Doubtful", kyc_status=KycStatus.FAILED),
            Customer("unknown", "Unknown"),
        ],
        30,
    ).to_pylist()
    assert young == [
        {"customer_id": "new", "young_until": datetime(2025, 2, 9, 6)},
        {"customer_id": "doubtful", "young_until": datetime(9999, 12, 31)},
    ]


def test_consent_sources_count_each_accounts_records_gathered_on_other_sites() -> None:
    """Per account whose own site its contact address tells: its records, those whose
    evidence is a page of another organisation's site, and the busiest such sites; the
    same from records and from the columns the readers and the store give. An account at
    a free mailbox, or whose evidence is not a web address, has nothing elsewhere."""
    customers = [
        Customer("sunvista", "SunVista", contact_email="ops@sunvista.com"),
        Customer("webmail", "Webmail LLC", contact_email="owner@gmail.com"),
        Customer("clinic", "Clinic", contact_email="desk@clinic.org"),
    ]
    records = [
        *(
            ConsentRecord(f"+1202555{i:04d}", "sunvista", ConsentType.PRIOR_EXPRESS_WRITTEN,
                          evidence=f"https://www.{site}.com/lead/{i}")
            for i, site in enumerate(["solarquotes"] * 3 + ["compare-solar"] * 2)
        ),
        ConsentRecord("+12025559998", "sunvista", ConsentType.PRIOR_EXPRESS_WRITTEN,
                      evidence="https://quotes.sunvista.com/form/1"),
        ConsentRecord("+12025559999", "sunvista", ConsentType.PRIOR_EXPRESS_WRITTEN),
        ConsentRecord("+12025550001", "webmail", ConsentType.PRIOR_EXPRESS_WRITTEN,
                      evidence="https://leads.example.com/1"),
        ConsentRecord("+12025550002", "clinic", ConsentType.PRIOR_EXPRESS,
                      evidence="intake form 2024-117"),
        ConsentRecord("+12025550003", "unknown", ConsentType.PRIOR_EXPRESS,
                      evidence="https://leads.example.com/2"),
    ]  # fmt: skip
    expected = {
        "sunvista": ConsentSources(7, 5, ("solarquotes.com", "compare-solar.com")),
        "clinic": ConsentSources(1, 0, ()),
    }
    assert consent_sources(ReferenceData(customers=customers, consent=records)) == expected
    table = pa.table(
        {
            "called_number": [r.called_number for r in records],
            "customer_id": [r.customer_id for r in records],
            "evidence": [r.evidence for r in records],
        }
    )
    assert consent_sources(ReferenceData(customers=customers, consent=table)) == expected
    assert consent_sources(ReferenceData(customers=customers)) == {}
    without = table.drop_columns(["evidence"])
    assert consent_sources(ReferenceData(customers=customers, consent=without)) == {}
