from __future__ import annotations

import math
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from callwarden.calls import STORED_CDR_SCHEMA, with_number_digits
from callwarden.numbers import callback_is_costly
from callwarden.traffic import features as features_module
from callwarden.traffic.analyze import connect_cdr_files, register_consent
from callwarden.traffic.features import (
    RECORDING_BAND_HALF_WIDTH,
    SHORT_CALL_SECONDS,
    SKETCHES_PER_GROUP,
    DurationPeaks,
    EntityFeatures,
    ReferenceTables,
    band_cores,
    callee_time_zone_table,
    compute_feature_table,
    contrast_peaks,
    core_rises,
    costly_callback_sql,
    duration_peaks,
    register_table,
    rows_to_features,
    scan_slices,
    spike_bands,
    with_band_consent,
    with_day_distinct_counts,
    with_day_recording_caller_ids,
    with_flooded_callees,
    with_recording_caller_ids,
    with_shared_spike_numbers,
)
from tests.traffic.calls_factory import DAY, CallFactory, sequential_callees

NO_TABLES = ReferenceTables()


def compute_features(
    connection: duckdb.DuckDBPyConnection, *, unit: str = "day", **kw: object
) -> list[EntityFeatures]:
    """Every row of the feature table, as the detectors see it."""
    table = compute_feature_table(connection, unit=unit, **kw)  # type: ignore[arg-type]
    return rows_to_features(table, unit)


def _features(
    factory: CallFactory, tmp_path: Path, tables: ReferenceTables = NO_TABLES, **kw: object
) -> dict[tuple[str, str], EntityFeatures]:
    connection = connect_cdr_files([factory.write(tmp_path / "cdrs")])
    if tables.callee_time_zones:
        register_table(
            connection,
            "cw_callee_tz",
            callee_time_zone_table(DAY.date(), DAY.date() + timedelta(days=1)),
            ["npa", "day", "offset_low", "offset_high"],
        )
    result = compute_features(connection, tables=tables, **kw)
    return {(f.entity_type, f.entity_id): f for f in result}


def test_entities_at_three_source_levels_and_their_counts(tmp_path: Path) -> None:
    factory = CallFactory()
    factory.campaign(40, customer_id="reseller", sub_account="client-a", answer_rate=1.0)
    factory.campaign(10, customer_id="reseller", sub_account=None, answer_rate=0.0)
    factory.campaign(20, customer_id=None, upstream_provider="carrier-x", answer_rate=0.5)

    features = _features(factory, tmp_path)

    client = features[("sub_account", "client-a")]
    reseller = features[("customer", "reseller")]
    carrier = features[("upstream_provider", "carrier-x")]
    assert (client.calls, client.answered, client.customer_id) == (40, 40, "reseller")
    assert (reseller.calls, reseller.answered) == (50, 40)
    assert carrier.calls == 20
    assert carrier.customer_id == ""
    assert client.window_end - client.window_start == timedelta(days=1)
    assert client.window_start == DAY


def test_hour_windows(tmp_path: Path) -> None:
    factory = CallFactory()
    factory.campaign(10, customer_id="acme", hour=9)
    factory.campaign(5, customer_id="acme", hour=14)
    connection = connect_cdr_files([factory.write(tmp_path)])
    rows = [f for f in compute_features(connection, unit="hour") if f.entity_type == "customer"]
    assert sorted((f.window_start.hour, f.calls) for f in rows) == [(9, 10), (14, 5)]
    with pytest.raises(ValueError, match="window unit"):
        compute_features(connection, unit="week")


def test_neighbor_spoofing_counts_same_npa_nxx(tmp_path: Path) -> None:
    factory = CallFactory()
    spoofed = factory.add(
        customer_id="spoofer", caller_id="+14155621234", called_number="+14155629999"
    )
    factory.add(customer_id="spoofer", caller_id="+14155621234", called_number="+12125551111")
    factory.add(customer_id="spoofer", caller_id="anonymous", called_number="+14155629999")
    features = _features(factory, tmp_path)[("customer", "spoofer")]
    assert (features.neighbor, features.nanp_pairs) == (1, 2)
    assert features.sample_call_ids is not None
    assert features.sample_call_ids["neighbor"] == spoofed


def test_sequential_callees_share_ten_blocks(tmp_path: Path) -> None:
    factory = CallFactory()
    factory.campaign(300, customer_id="hitlist", callees=sequential_callees(4155620000))
    factory.campaign(300, customer_id="random")
    features = _features(factory, tmp_path)
    hitlist = features[("customer", "hitlist")]
    scattered = features[("customer", "random")]
    assert 1 - hitlist.callee_blocks / hitlist.callees > 0.8
    assert 1 - scattered.callee_blocks / scattered.callees < 0.1
    # the hit list's 300 numbers lie in one exchange (+1 415 562), the others' all over
    assert hitlist.callee_exchanges == 1
    assert scattered.callee_exchanges > 250
    # the 300 numbers in a row fill 3 or 4 100-number blocks
    assert 3 <= hitlist.callee_hundreds <= 4
    assert scattered.callee_hundreds > 250


def test_recording_makes_a_duration_spike_live_calls_do_not(tmp_path: Path) -> None:
    factory = CallFactory()
    factory.campaign(600, customer_id="robo", message_s=40, answer_rate=0.5)
    factory.campaign(600, customer_id="live", message_s=None, answer_rate=0.5)
    features = _features(factory, tmp_path)
    robo, live = features[("customer", "robo")], features[("customer", "live")]
    assert robo.peak_duration_s is not None
    assert abs(robo.peak_duration_s - 40) <= 3
    assert robo.peak_duration_calls / robo.long_answered > 0.5
    assert live.peak_duration_calls / live.long_answered < 0.15


def test_an_upstream_providers_recording_counts_the_numbers_it_came_from(
    tmp_path: Path,
) -> None:
    """One message from a new number per call (a spoofed flood) against a sender's message
    from its own three numbers, both handed over by carriers; rows not asked stay 0."""
    factory = CallFactory()
    spoofed = [factory.random_callee() for _ in range(800)]
    factory.campaign(800, customer_id=None, upstream_provider="Gateway", caller_ids=spoofed,
                     message_s=30, answer_rate=0.5)  # fmt: skip
    own = ["+13125550101", "+13125550102", "+13125550103"]
    factory.campaign(800, customer_id=None, upstream_provider="Transit", caller_ids=own,
                     message_s=30, answer_rate=0.5)  # fmt: skip
    factory.campaign(800, customer_id=None, upstream_provider="Unasked", caller_ids=spoofed,
                     message_s=30, answer_rate=0.5)  # fmt: skip
    factory.campaign(300, customer_id="robo", message_s=30)
    connection = connect_cdr_files([factory.write(tmp_path / "cdrs")])
    table = compute_feature_table(connection)
    entity_ids = table["entity_id"].to_pylist()
    asked = np.array([entity_ids.index("Gateway"), entity_ids.index("Transit")])
    table = with_recording_caller_ids(connection, table, asked)
    features = {f.entity_id: f for f in rows_to_features(table, "day")}
    gateway, transit = features["Gateway"], features["Transit"]
    # every answered call in the band from its own number: as many numbers as calls
    assert gateway.peak_band_answered >= gateway.peak_duration_calls > 100
    assert gateway.peak_caller_ids == gateway.peak_band_answered
    assert transit.peak_band_answered > 100
    assert transit.peak_caller_ids == 3
    unasked = features["Unasked"]
    assert unasked.peak_duration_s is not None
    assert (unasked.peak_band_answered, unasked.peak_caller_ids) == (0, 0)
    # a sender's own numbers are counted at its account, not asked here
    with pytest.raises(ValueError, match="upstream"):
        with_recording_caller_ids(connection, table, np.array([entity_ids.index("robo")]))


@pytest.mark.parametrize("signed", ["C", "B"])
def test_a_spoofed_recording_hidden_in_a_carriers_transit_spikes_in_its_calls_not_a_attested(
    tmp_path: Path, signed: str
) -> None:
    """A C- or B-attested message from a new number per call, a tenth of a carrier's calls
    (most of them A-signed live calls): no spike in all its calls, one in those no provider
    vouched the number of (unsigned, B or C), and the band's numbers are counted among
    those calls alone."""
    factory = CallFactory()
    factory.campaign(3000, customer_id=None, upstream_provider="Atlantic", message_s=None,
                     answer_rate=0.5, attestation="A")  # fmt: skip
    factory.campaign(300, customer_id=None, upstream_provider="Atlantic", message_s=None,
                     answer_rate=0.5, attestation=None)  # fmt: skip
    spoofed = [factory.random_callee() for _ in range(400)]
    factory.campaign(400, customer_id=None, upstream_provider="Atlantic", caller_ids=spoofed,
                     message_s=31, answer_rate=0.5, attestation=signed)  # fmt: skip
    connection = connect_cdr_files([factory.write(tmp_path / "cdrs")])
    table = compute_feature_table(connection)
    entity_ids = table["entity_id"].to_pylist()
    row = entity_ids.index("Atlantic")
    table = with_recording_caller_ids(connection, table, np.array([], np.int64), np.array([row]))
    (carrier,) = [f for f in rows_to_features(table, "day") if f.entity_id == "Atlantic"]
    assert carrier.peak_duration_calls / carrier.long_answered < 0.15
    assert carrier.weak_peak_duration_s is not None
    assert abs(carrier.weak_peak_duration_s - 31) <= 2
    # about 150 of the 150 + 400 * 0.5 * 0.75 answered calls not A-attested
    assert 250 < carrier.weak_long_answered < 400
    assert carrier.weak_peak_duration_calls / carrier.weak_long_answered > 0.4
    assert carrier.weak_band_answered >= carrier.weak_peak_duration_calls
    # in the band, a number per spoofed call and the few of the unsigned live calls there
    assert 1 <= carrier.weak_band_answered / carrier.weak_band_caller_ids < 1.1
    assert (carrier.peak_band_answered, carrier.peak_caller_ids) == (0, 0)


def _ordinary_carrier_day(rng: np.random.Generator, calls: int) -> np.ndarray:
    """Answered calls per second 1-400 of a carrier's ordinary callers: a fifth refusing
    within 2-13 s, the rest talking for 150 s on average."""
    refused = rng.integers(2, 14, calls // 5)
    talked = 1 + rng.exponential(150, calls - calls // 5).astype(np.int64)
    return np.bincount(np.concatenate((refused, talked)), minlength=401)[1:401]


def test_a_message_among_the_quick_refusals_stands_out_of_the_a_attested_calls() -> None:
    """A 15 s message in a carrier's calls not A-attested, among its callers' refusals:
    read against its A-attested calls (the same callers' refusals and talk), it is the
    spike, with about its calls beyond them; a floor on talk times in both kinds of call
    is none, nor is a run of shorter calls from other callers, nor anything without enough
    A-attested calls to read against."""
    rng = np.random.default_rng(7)
    duration = np.arange(1, 401)
    vouched = _ordinary_carrier_day(rng, 6000)
    weak = _ordinary_carrier_day(rng, 4000)
    message = rng.integers(14, 17, 400)
    with_message = weak + np.bincount(message, minlength=401)[1:401]
    group = np.zeros(400, np.int64)
    found = contrast_peaks(group, duration, with_message, vouched)
    assert list(found.group) == [0]
    assert abs(int(found.centre_s[0]) - 15) <= 2
    assert 300 < found.calls[0] < 480
    # the calls longer than the band: the ordinary callers' talk
    assert found.beyond[0] > 2000
    assert contrast_peaks(group, duration, weak, vouched).group.size == 0
    # every call under 20 s counted as 20 s, in both kinds: no spike against each other
    floored_weak, floored_vouched = weak.copy(), vouched.copy()
    for histogram in (floored_weak, floored_vouched):
        histogram[19] += histogram[5:19].sum()
        histogram[5:19] = 0
    assert contrast_peaks(group, duration, floored_weak, floored_vouched).group.size == 0
    # too few A-attested calls to read the others against
    assert contrast_peaks(group, duration, with_message, vouched // 40).group.size == 0
    # callers of another kind among the unsigned calls (an international gateway's, many
    # more short calls): they exceed the signed ones over a run of lengths, piling at none
    shorter = rng.exponential(25, 3000).astype(np.int64) + 1
    gateway = weak + np.bincount(shorter[shorter <= 400], minlength=401)[1:401]
    assert contrast_peaks(group, duration, gateway, vouched).group.size == 0
    # ... and a message among them still stands out of that run
    assert contrast_peaks(group, duration, gateway + with_message - weak, vouched).group.size


@settings(max_examples=60, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    scale=st.floats(0.2, 3.0),
    length=st.integers(10, 120),
    calls=st.integers(0, 900),
)
# the densest band at the largest scale: 500 calls there are under five standard errors
@example(seed=0, scale=3.0, length=10, calls=500)
@example(seed=0, scale=3.0, length=10, calls=900)
def test_a_pile_in_the_calls_not_a_attested_alone_is_found_at_its_length(
    seed: int, scale: float, length: int, calls: int
) -> None:
    """Calls not A-attested drawn as the A-attested ones are (at any scale) with a pile at
    one length on top: a pile of 500 or more that is seven standard errors of its band is
    found there, and whatever is found holds no more calls than the pile and what chance
    adds in a band."""
    rng = np.random.default_rng(seed)
    duration = np.arange(1, 401)
    vouched = _ordinary_carrier_day(rng, 5000)
    weak = rng.poisson(vouched * scale)
    pile = np.zeros(400, np.int64)
    pile[length - 1] = calls
    found = contrast_peaks(np.zeros(400, np.int64), duration, weak + pile, vouched)
    # The band's noise (Poisson, as contrast_peaks reads it) grows with the scale: at 3x,
    # the densest band of refusals at 10 s holds some 4,000 calls of the two kinds and one
    # standard error is about 110 calls, so 500 alone may not stand out there. Five
    # standard errors to stand out, two more for what chance takes from the pile's share.
    first, last = max(length - 1 - RECORDING_BAND_HALF_WIDTH, 0), length + RECORDING_BAND_HALF_WIDTH
    band_noise = math.sqrt(weak[first:last].sum() + scale**2 * vouched[first:last].sum())
    if calls >= max(500, 7 * band_noise):
        assert list(found.group) == [0]
        assert abs(int(found.centre_s[0]) - length) <= 4
    if found.group.size:
        # the pile and what chance adds in its band, never the whole band's calls
        assert found.calls[0] <= calls + 6 * np.sqrt(weak.sum() / 50 + 1) + 60


@pytest.mark.parametrize("unit", ["day", "hour"])
def test_one_message_over_two_carriers_pools_into_one_spike(tmp_path: Path, unit: str) -> None:
    """Two carriers each hand over part of one unsigned message from a new number per call
    beside their A-signed live calls: every carrier's window gets the UTC day's pooled spike
    and its own calls in its band and flanks; asked, a carrier's day gets its numbers there
    (a number per call) and its A-signed calls apart; a carrier without the message has
    only live calls in the band."""
    factory = CallFactory()
    for carrier, part, hour in (("Atlantic", 300, 15), ("Pacific", 200, 16)):
        factory.campaign(2000, customer_id=None, upstream_provider=carrier, message_s=None,
                         answer_rate=0.5, attestation="A", hour=hour)  # fmt: skip
        spoofed = [factory.random_callee() for _ in range(part)]
        factory.campaign(part, customer_id=None, upstream_provider=carrier, caller_ids=spoofed,
                         message_s=31, answer_rate=0.5, attestation=None, hour=hour)  # fmt: skip
    factory.campaign(2000, customer_id=None, upstream_provider="Clean", message_s=None,
                     answer_rate=0.5, attestation=None)  # fmt: skip
    connection = connect_cdr_files([factory.write(tmp_path / "cdrs")])
    table = compute_feature_table(connection, unit=unit)
    kinds = np.asarray(table["entity_type"].to_pylist())
    carriers = np.flatnonzero(kinds == "upstream_provider")
    table = with_shared_spike_numbers(connection, table, carriers)
    found = [f for f in rows_to_features(table, unit) if f.entity_type == "upstream_provider"]
    by_name = {f.entity_id: f for f in found if f.shared_window_band_answered}
    assert set(by_name) >= {"Atlantic", "Pacific"}
    for f in found:
        # one pooled spike for the day, whichever carrier's window
        assert f.shared_peak_duration_s is not None
        assert abs(f.shared_peak_duration_s - 31) <= 2
        assert f.shared_peak_duration_calls > 150
        assert f.shared_band_total >= f.shared_peak_duration_calls
    atlantic, pacific = by_name["Atlantic"], by_name["Pacific"]
    # about 300 * 0.5 * 0.75 answered calls heard out of Atlantic's part
    assert 80 < atlantic.shared_band_answered - atlantic.shared_flank_answered / 2 < 160
    assert atlantic.shared_band_answered == atlantic.shared_window_band_answered
    # a new number per call, and the A-signed live calls (from one number) counted apart:
    # no pile among them, the band holding fewer than its two flanks
    assert atlantic.shared_band_caller_ids == atlantic.shared_band_answered
    assert 0 < atlantic.shared_vouched_band_answered < atlantic.shared_vouched_flank_answered
    assert atlantic.shared_vouched_band_caller_ids == 1
    assert atlantic.shared_under_core_answered > 0
    assert pacific.shared_band_answered - pacific.shared_flank_answered / 2 > 40
    # live calls alone: fewer in the band than in its two flanks
    clean = [f for f in found if f.entity_id == "Clean" and f.shared_band_answered]
    assert clean
    assert all(f.shared_band_answered < f.shared_flank_answered for f in clean)


def test_an_upstream_providers_hours_count_their_days_recording_numbers(tmp_path: Path) -> None:
    """Hourly windows: a spoofed message over two hours of one day is counted over the day,
    once, and each asked hour gets the day's figures; rows not asked stay 0."""
    factory = CallFactory()
    for hour in (15, 16):
        spoofed = [factory.random_callee() for _ in range(300)]
        factory.campaign(300, customer_id=None, upstream_provider="Gateway", caller_ids=spoofed,
                         message_s=30, answer_rate=0.4, hour=hour)  # fmt: skip
    factory.campaign(300, customer_id="robo", message_s=30)
    connection = connect_cdr_files([factory.write(tmp_path / "cdrs")])
    table = compute_feature_table(connection, unit="hour")
    entity_ids = table["entity_id"].to_pylist()
    gateway = [row for row, name in enumerate(entity_ids) if name == "Gateway"]
    assert len(gateway) == 2
    table = with_day_recording_caller_ids(connection, table, np.array(gateway[:1]))
    hours = [f for f in rows_to_features(table, "hour") if f.entity_id == "Gateway"]
    asked, unasked = sorted(hours, key=lambda f: f.day_band_answered, reverse=True)
    # the day's spike holds both hours' heard-out calls, each from its own number
    assert asked.day_peak_duration_s is not None
    assert abs(asked.day_peak_duration_s - 30) <= 2
    assert asked.day_long_answered == sum(f.long_answered for f in hours)
    assert asked.day_band_answered > sum(f.peak_duration_calls for f in hours) / 2 > 50
    assert asked.day_band_caller_ids == asked.day_band_answered
    assert (unasked.day_band_answered, unasked.day_band_caller_ids) == (0, 0)
    with pytest.raises(ValueError, match="upstream"):
        with_day_recording_caller_ids(connection, table, np.array([entity_ids.index("robo")]))


def test_an_upstream_providers_hours_count_their_days_spike_in_calls_not_a_attested(
    tmp_path: Path,
) -> None:
    """Hourly windows: a B-signed message from a new number per call, a few per cent of a
    carrier's calls over four hours of one day. Its day's calls not A-attested spike at its
    length; an hour asked for them gets the day's answered calls in that band and their
    numbers, counted among those calls alone, and nothing of the day's all-calls band."""
    factory = CallFactory()
    for hour in (12, 13, 14, 15):
        factory.campaign(800, customer_id=None, upstream_provider="Keystone", message_s=None,
                         answer_rate=0.5, attestation="A", hour=hour)  # fmt: skip
        factory.campaign(300, customer_id=None, upstream_provider="Keystone", message_s=None,
                         answer_rate=0.5, attestation="B", hour=hour)  # fmt: skip
        spoofed = [factory.random_callee() for _ in range(80)]
        factory.campaign(80, customer_id=None, upstream_provider="Keystone", caller_ids=spoofed,
                         message_s=31, answer_rate=0.5, attestation="B", hour=hour)  # fmt: skip
    connection = connect_cdr_files([factory.write(tmp_path / "cdrs")])
    table = compute_feature_table(connection, unit="hour")
    names = table["entity_id"].to_pylist()
    keystone = [row for row, name in enumerate(names) if name == "Keystone"]
    assert len(keystone) == 4
    table = with_day_recording_caller_ids(
        connection, table, np.zeros(0, np.int64), np.array(keystone[:1])
    )
    hours = [f for f in rows_to_features(table, "hour") if f.entity_id == "Keystone"]
    asked = max(hours, key=lambda f: f.day_weak_band_answered)
    assert asked.day_weak_peak_duration_s is not None
    assert abs(asked.day_weak_peak_duration_s - 31) <= 2
    assert asked.day_weak_long_answered == sum(f.weak_long_answered for f in hours)
    # about 4 * 80 * 0.5 * 0.75 heard out, a number each, beside some 30 live B-signed
    # calls from one number
    assert 80 < asked.day_weak_band_answered < 200
    assert asked.day_weak_band_answered >= asked.day_weak_peak_duration_calls
    assert asked.day_weak_band_caller_ids > 80
    assert asked.day_weak_band_answered / asked.day_weak_band_caller_ids < 1.5
    assert (asked.day_band_answered, asked.day_band_caller_ids) == (0, 0)
    # its flanks hold live calls and early hang-ups, fewer than its band; its fullest 3 s
    # core (in the message's 31 s +-2 s) rises above the 4 s under it and over it
    assert 0 < asked.day_weak_flank_answered < asked.day_weak_band_answered
    for side in (asked.day_weak_under_core_answered, asked.day_weak_over_core_answered):
        assert core_rises(asked.day_weak_core_answered, side)
    others = [f for f in hours if f is not asked]
    assert all((f.day_weak_band_answered, f.day_weak_band_caller_ids) == (0, 0) for f in others)
    # every hour carries its day's spike figures, asked or not
    assert {f.day_weak_peak_duration_s for f in hours} == {asked.day_weak_peak_duration_s}


def test_an_accounts_hours_count_their_days_callers_per_callee(tmp_path: Path) -> None:
    """Hourly windows: a forwarding service's hours each reach its 20 lines once from
    one caller; over the day each line hears three callers. Asked hours get the day's
    distinct callees and callee-caller pairs (a customer's with its sub-account's calls, a
    sub-account's its own), rows not asked stay 0."""
    factory = CallFactory()
    lines = [f"+1312555{n:04d}" for n in range(20)]
    for hour in (14, 15, 16):
        for index, line in enumerate(lines):
            factory.add(customer_id="tracker", called_number=line,
                        caller_id=f"+1415{hour:03d}{index:04d}",
                        start_time=DAY + timedelta(hours=hour, minutes=index))  # fmt: skip
    for index in range(10):
        factory.add(customer_id="tracker", sub_account="tenant", called_number=lines[index],
                    caller_id=f"+1212555{index:04d}",
                    start_time=DAY + timedelta(hours=17, minutes=index))  # fmt: skip
    connection = connect_cdr_files([factory.write(tmp_path / "cdrs")])
    table = compute_feature_table(connection, unit="hour")
    keys = list(zip(table["entity_id"].to_pylist(), table["window_start"].to_pylist(),
                    strict=True))  # fmt: skip
    fourteen = keys.index(("tracker", DAY.replace(tzinfo=None) + timedelta(hours=14)))
    tenant = keys.index(("tenant", DAY.replace(tzinfo=None) + timedelta(hours=17)))
    table = with_day_distinct_counts(connection, table, np.array([fourteen, tenant]))
    rows = {(f.entity_id, f.window_start.hour): f for f in rows_to_features(table, "hour")}
    asked = rows["tracker", 14]
    assert asked.callee_caller_pairs == asked.callees == 20
    assert (asked.day_callees, asked.day_callee_caller_pairs) == (20, 70)
    assert (rows["tenant", 17].day_callees, rows["tenant", 17].day_callee_caller_pairs) == (10, 10)
    assert (rows["tracker", 15].day_callees, rows["tracker", 15].day_callee_caller_pairs) == (0, 0)
    # ... and the day's distinct caller IDs (60 of its own, 10 of its sub-account's), by
    # HyperLogLog: a few off at 70
    assert asked.day_caller_ids == pytest.approx(70, abs=4)
    assert rows["tenant", 17].day_caller_ids == 10
    assert rows["tracker", 15].day_caller_ids == 0
    # the day's sums are on every hour, asked or not: no caller shares a callee's exchange
    day = (rows["tracker", 15].day_calls, rows["tracker", 15].day_nanp_pairs)
    assert day == (70, 70)
    assert rows["tracker", 15].day_neighbor == 0
    assert (rows["tenant", 17].day_calls, rows["tenant", 17].day_neighbor) == (10, 0)


def test_an_accounts_window_counts_the_numbers_it_rang_over_and_over(tmp_path: Path) -> None:
    """A call centre's day: 60 calls to 60 people, and 45 calls to three party lines (20,
    15 and 10); its client's 25 calls to the third line. Asked
    rows get the numbers rung 12 times or more, the calls to them, those busy or answered
    for under 6 s, and the least call id among them; a customer's window counts its
    sub-accounts' calls; rows not asked stay 0."""
    factory = CallFactory()
    for _ in range(60):
        factory.add(customer_id="centre", called_number=factory.random_callee(),
                    sip_code=200, duration_s=90)  # fmt: skip
    party = ["+15175550100", "+15175550101", "+15175550102"]
    flood: list[str] = []
    for line, count in zip(party, (20, 15, 10), strict=True):
        for index in range(count):
            # every fourth answered for 3 s, one for a minute, the rest busy or unanswered
            answered = index % 4 == 0
            sip_code, duration = (200, 60 if index == 4 else 3) if answered else (
                (486, 0) if index % 2 else (480, 0))  # fmt: skip
            call_id = factory.add(customer_id="centre", called_number=line, sip_code=sip_code,
                                  duration_s=duration)  # fmt: skip
            if line == party[0]:
                flood.append(call_id)
    client = [factory.add(customer_id="centre", sub_account="client", called_number=party[2],
                          sip_code=486) for _ in range(25)]  # fmt: skip
    connection = connect_cdr_files([factory.write(tmp_path / "cdrs")])
    table = compute_feature_table(connection, unit="day")
    ids = table["entity_id"].to_pylist()
    asked = np.array([ids.index("centre"), ids.index("client")])
    table = with_flooded_callees(connection, table, asked, callee_calls=12)
    rows = {f.entity_id: f for f in rows_to_features(table, "day")}
    centre, sub_account = rows["centre"], rows["client"]
    # the first two lines on their own, the third with the client's 25 calls to it
    assert (centre.flooded_callees, centre.flooded_calls) == (3, 20 + 15 + 10 + 25)

    # silent: answered for 3 s, or busy (486); not the minute's talk nor 480 (no answer)
    def silent(count: int) -> int:
        return sum(
            1 for index in range(count)
            if (index % 4 == 0 and index != 4) or (index % 4 != 0 and index % 2 == 1)
        )  # fmt: skip

    assert centre.flooded_silent == silent(20) + silent(15) + silent(10) + 25
    # the distinct scan's screen: every silent call, and the lines they reached (a
    # customer's distinct counts are its sources' summed: its own 3 and its client's 1)
    assert centre.silent_calls == centre.flooded_silent
    assert (centre.silent_callees, sub_account.silent_calls, sub_account.silent_callees) == (
        3 + 1, 25, 1,
    )  # fmt: skip
    assert centre.sample_call_ids is not None
    assert centre.sample_call_ids["flooded"] == min(flood)
    assert (sub_account.flooded_callees, sub_account.flooded_calls) == (1, 25)
    assert sub_account.flooded_silent == 25
    assert sub_account.sample_call_ids is not None
    assert sub_account.sample_call_ids["flooded"] == min(client)
    # rows not asked are not counted
    table = with_flooded_callees(
        connection, compute_feature_table(connection, unit="day"), np.array([], np.int64),
        callee_calls=12,
    )  # fmt: skip
    assert all(f.flooded_calls == 0 for f in rows_to_features(table, "day"))


def _register_consent(
    connection: duckdb.DuckDBPyConnection, holder: str, callees: list[str]
) -> None:
    count = len(callees)
    register_consent(
        connection,
        pa.table(
            {
                "called_number": callees,
                "customer_id": [holder] * count,
                "obtained_at": pa.array([None] * count, pa.timestamp("us", tz="UTC")),
                "revoked_at": pa.array([None] * count, pa.timestamp("us", tz="UTC")),
            }
        ),
    )


def test_an_accounts_recorded_calls_are_counted_for_consent_apart_from_its_live_calls(
    tmp_path: Path,
) -> None:
    """An agency's sub-account plays a 30 s reminder to its consented customers on two
    days while the agency's own agents call people without records live: asked, the window
    and the period count the answered calls in the spike's band and those without records;
    rows not asked stay 0, and only accounts can ask."""
    factory = CallFactory()
    customers = [factory.random_callee() for _ in range(800)]
    for day in range(2):
        factory.campaign(400, customer_id="agency", sub_account="reminders", message_s=30,
                         answer_rate=0.6, callees=iter(customers[400 * day:]),
                         hour=15 + 24 * day)  # fmt: skip
        factory.campaign(400, customer_id="agency", message_s=None, answer_rate=0.6,
                         hour=15 + 24 * day)  # fmt: skip
    factory.campaign(300, customer_id=None, upstream_provider="Transit", message_s=30)
    connection = connect_cdr_files([factory.write(tmp_path / "cdrs")])
    _register_consent(connection, "reminders", customers)
    table = compute_feature_table(connection, tables=ReferenceTables(consent=True))
    keys = list(zip(table["entity_type"].to_pylist(), table["entity_id"].to_pylist(), strict=True))
    starts = table["window_start"].to_pylist()

    def days_of(key: tuple[str, str]) -> list[int]:
        return sorted((row for row, its in enumerate(keys) if its == key), key=starts.__getitem__)

    agency, reminders = days_of(("customer", "agency")), days_of(("sub_account", "reminders"))
    asked = np.array([agency[0], reminders[0]])
    table = with_band_consent(connection, table, asked, np.array([agency[1]]))
    rows = rows_to_features(table, "day")
    first, second = (rows[row] for row in agency)
    ((low, high),) = spike_bands(table.slice(agency[0], 1).to_pylist()[0], "window")
    assert low <= 30 <= high
    recorded = sum(
        1 for call in factory.rows[:400]
        if call["sip_code"] == 200 and low <= call["duration_s"] <= high
    )  # fmt: skip
    live = [
        call for call in factory.rows[400:800]
        if call["sip_code"] == 200 and low <= call["duration_s"] <= high
    ]  # fmt: skip
    # the window: its recorded calls, all consented, and the live calls of its length
    assert first.band_consent_known == recorded + len(live) > 150
    assert first.band_no_consent == len(live) < first.band_consent_known / 5
    # ... while the window's answered calls at large lack records for nearly half
    assert first.no_consent > 0.4 * first.consent_known
    # the sub-account: its own calls only
    assert rows[reminders[0]].band_consent_known == recorded
    assert rows[reminders[0]].band_no_consent == 0
    # the period: both days, asked from the second day's row
    assert second.period_band_consent_known > first.band_consent_known
    assert second.period_band_no_consent < second.period_band_consent_known / 5
    assert (second.band_consent_known, first.period_band_consent_known) == (0, 0)
    assert rows[reminders[1]].band_consent_known == 0
    transit = keys.index(("upstream_provider", "Transit"))
    with pytest.raises(ValueError, match="accounts"):
        with_band_consent(connection, table, np.array([transit]), np.array([], np.int64))


def test_spike_bands_merge_the_main_spikes_and_leave_the_lesser_out() -> None:
    row = {
        "peak_duration_s": 30, "peak_duration_band_s": 4, "peak_durations_s": [30, 15],
        "day_peak_duration_s": 34, "day_peak_duration_band_s": 4,
        "period_peak_duration_s": 60, "period_peak_duration_band_s": 8,
    }  # fmt: skip
    assert spike_bands(row, "window") == [(26, 38), (52, 68)]
    assert spike_bands(row, "period") == [(52, 68)]
    assert spike_bands({"peak_duration_s": None, "peak_duration_band_s": None}, "window") == []


def test_a_resellers_spike_sums_its_clients_and_its_own_calls(tmp_path: Path) -> None:
    """A customer with several sources has a histogram of its own (their sum); a customer
    whose calls all came through one sub-account has that sub-account's."""
    factory = CallFactory()
    factory.campaign(300, customer_id="reseller", sub_account="client-a", message_s=40)
    factory.campaign(300, customer_id="reseller", sub_account="client-b", message_s=40)
    factory.campaign(300, customer_id="reseller", sub_account=None, message_s=None)
    factory.campaign(300, customer_id="single", sub_account="only-client", message_s=70)
    features = _features(factory, tmp_path)
    client_a = features[("sub_account", "client-a")]
    client_b = features[("sub_account", "client-b")]
    reseller = features[("customer", "reseller")]
    assert reseller.peak_duration_s is not None
    assert abs(reseller.peak_duration_s - 40) <= 3
    # the two clients' recordings add up at the reseller (its own live calls spread out)
    assert reseller.peak_duration_calls > max(
        client_a.peak_duration_calls, client_b.peak_duration_calls
    )
    clients = client_a.peak_duration_calls + client_b.peak_duration_calls
    assert abs(reseller.peak_duration_calls - clients) <= 15
    single = features[("customer", "single")]
    only = features[("sub_account", "only-client")]
    assert (single.peak_duration_calls, single.peak_duration_s) == (
        only.peak_duration_calls,
        only.peak_duration_s,
    )
    assert only.peak_duration_s is not None
    assert abs(only.peak_duration_s - 70) <= 3


def test_reference_joins_flag_calls(tmp_path: Path) -> None:
    factory = CallFactory()
    dno_call = factory.add(
        customer_id="acme", caller_id="+18005550100", sip_code=200, duration_s=30
    )
    consented = factory.add(
        customer_id="acme",
        sub_account="team",
        caller_id="+12025550123",
        called_number="+13015550001",
        sip_code=200,
        duration_s=30,
    )
    no_consent = factory.add(
        customer_id="acme", called_number="+13015550002", sip_code=200, duration_s=30
    )
    # 3 am Eastern (07:00 UTC in August) to a Maryland number: outside calling hours
    night = factory.add(
        customer_id="acme",
        called_number="+13015550003",
        start_time=datetime(2022, 8, 8, 7, tzinfo=UTC),
    )
    connection = connect_cdr_files([factory.write(tmp_path / "cdrs")])
    # acme's own granted number on the DNO list too: a stale entry, not spoofing
    register_table(
        connection,
        "cw_dno",
        pa.table({"number": ["+18005550100", "+12025550123"]}),
        ["number"],
        number_key=True,
    )
    register_consent(
        connection,
        pa.table(
            {
                "called_number": ["+13015550001"],
                "customer_id": ["team"],
                "obtained_at": pa.array(
                    [datetime(2020, 1, 1, tzinfo=UTC)], pa.timestamp("us", tz="UTC")
                ),
                "revoked_at": pa.array([None], pa.timestamp("us", tz="UTC")),
            }
        ),
    )
    register_table(
        connection,
        "cw_numbers",
        pa.table({"number": ["+12025550123"], "holder": ["acme"]}),
        ["number", "holder"],
        number_key=True,
    )
    register_table(connection, "cw_number_holders", pa.table({"holder": ["acme"]}), ["holder"])
    register_table(
        connection,
        "cw_callee_tz",
        callee_time_zone_table(date(2022, 8, 8), date(2022, 8, 8)),
        ["npa", "day", "offset_low", "offset_high"],
    )
    tables = ReferenceTables(dno=True, consent=True, numbers=True, callee_time_zones=True)
    acme = {(f.entity_type, f.entity_id): f for f in compute_features(connection, tables=tables)}[
        ("customer", "acme")
    ]

    assert acme.calls == 4
    assert acme.dno_caller == 1  # not the three calls from the number acme holds
    assert acme.consent_known == 3  # answered calls
    assert acme.no_consent == 2  # the DNO call and no_consent; "team" holds the other
    assert acme.unassigned_caller == 1  # only the DNO number is not granted to acme
    assert acme.outside_hours == 1
    assert acme.hours_known == 4
    samples = acme.sample_call_ids or {}
    assert samples["dno_caller"] == dno_call
    assert samples["outside_hours"] == night
    assert samples["no_consent"] in {dno_call, no_consent}
    assert consented not in {samples.get("no_consent")}


def test_time_zone_table_follows_daylight_saving() -> None:
    summer = callee_time_zone_table(date(2022, 7, 1), date(2022, 7, 1)).to_pylist()
    winter = callee_time_zone_table(date(2022, 1, 3), date(2022, 1, 3)).to_pylist()
    new_york_summer = next(r for r in summer if r["npa"] == "212")
    new_york_winter = next(r for r in winter if r["npa"] == "212")
    assert new_york_summer["offset_low"] == -240
    assert new_york_winter["offset_low"] == -300
    assert all(r["offset_low"] <= r["offset_high"] for r in summer)


def test_time_zone_table_keeps_both_clocks_of_a_change_day() -> None:
    """Daylight saving began on 12 March 2023 at 2 am local: San Francisco's UTC day of
    the 12th starts on standard time (-8 h) and ends on daylight time (-7 h); the days
    around it have one offset."""
    rows = callee_time_zone_table(date(2023, 3, 11), date(2023, 3, 13)).to_pylist()
    san_francisco = {
        r["day"]: (r["offset_low"], r["offset_high"]) for r in rows if r["npa"] == "415"
    }
    assert san_francisco == {
        date(2023, 3, 11): (-480, -480),
        date(2023, 3, 12): (-480, -420),
        date(2023, 3, 13): (-420, -420),
    }


def test_a_call_before_the_clocks_change_is_judged_on_the_old_time(tmp_path: Path) -> None:
    """Saturday 11 March 2023, 8:30 pm in San Francisco is 04:30 UTC on the 12th, the UTC
    day the clocks go forward: inside the calling hours. 9:30 pm is outside on either
    clock."""
    factory = CallFactory()
    saturday_evening = datetime(2023, 3, 12, 4, 30, tzinfo=UTC)
    for customer, start in (
        ("early", saturday_evening),
        ("late", saturday_evening + timedelta(hours=1)),
    ):
        factory.add(customer_id=customer, start_time=start, called_number="+14155550123")
    connection = connect_cdr_files([factory.write(tmp_path / "cdrs")])
    register_table(
        connection,
        "cw_callee_tz",
        callee_time_zone_table(date(2023, 3, 11), date(2023, 3, 13)),
        ["npa", "day", "offset_low", "offset_high"],
    )
    tables = ReferenceTables(callee_time_zones=True)
    found = {(f.entity_type, f.entity_id): f for f in compute_features(connection, tables=tables)}
    assert found[("customer", "early")].hours_known == 1
    assert found[("customer", "early")].outside_hours == 0
    assert found[("customer", "late")].outside_hours == 1


def test_caller_id_entities_need_min_calls(tmp_path: Path) -> None:
    factory = CallFactory()
    factory.campaign(30, customer_id="acme", caller_ids=["+12025550123"])
    factory.campaign(5, customer_id="acme", caller_ids=["+12025550199"])
    factory.campaign(30, customer_id="other", caller_ids=["+12025550123"])
    features = _features(factory, tmp_path, caller_id_min_calls=10)
    shared = features[("caller_id", "+12025550123")]
    assert shared.calls == 60
    assert shared.sources == 2
    assert shared.customer_id == ""  # two accounts present it
    assert ("caller_id", "+12025550199") not in features


def test_caller_id_entity_only_in_windows_with_min_calls(tmp_path: Path) -> None:
    factory = CallFactory()
    factory.campaign(30, customer_id="acme", caller_ids=["+12025550123"])
    for index in range(5):
        factory.add(
            customer_id="acme",
            caller_id="+12025550123",
            start_time=DAY + timedelta(days=1, minutes=index),
        )
    connection = connect_cdr_files([factory.write(tmp_path)])
    rows = compute_features(connection, caller_id_min_calls=10)
    windows = [(f.window_start, f.calls) for f in rows if f.entity_type == "caller_id"]
    # the quiet second day stays below the minimum: no caller-ID row for it
    assert windows == [(DAY, 30)]


def _one_ring(factory: CallFactory, number: str, calls: int, hours: int = 24) -> None:
    """``calls`` calls from ``number`` through a carrier, each to a new callee, the last
    one unreachable (SIP 480) and the rest cancelled before an answer, over ``hours``."""
    for index in range(calls):
        factory.add(upstream_provider="Atlantic Link", customer_id=None, caller_id=number,
                    called_number=factory.random_callee(), duration_s=0,
                    sip_code=480 if index == calls - 1 else 487,
                    start_time=DAY + timedelta(minutes=index * hours * 60 // calls))  # fmt: skip


@pytest.mark.parametrize("unit", ["day", "hour"])
def test_quiet_numbers_costly_to_call_back_and_answered_nowhere_are_counted(
    tmp_path: Path, unit: str
) -> None:
    """Numbers abroad, in a foreign NANP country or premium-rate, each making 20 or more
    calls over the day with none answered for a conversation, are counted at the source
    that hands them over, in each of its windows: calls, cancelled ones, callees and
    numbers. In daily windows each is an entity of its own under the busy-number volume.
    A callee picking up a one-ring call meets a line dropped at once (the blind network's
    wangiri, 1.5% of its calls answered for 1-3 s): such a number still counts. A domestic
    number, one under 20 calls and one answered for a minute that day are not counted.
    Calls to numbers not in service (SIP 404, 410: a scanning dialler's dead lines) are
    counted apart, a source's and its costly numbers'."""
    factory = CallFactory()
    costly = ["+447700900123", "+18765550123", "+19005550123", "+447700900124"]
    for number in costly:
        _one_ring(factory, number, 24)
    factory.add(upstream_provider="Atlantic Link", customer_id=None, caller_id="+447700900124",
                called_number=factory.random_callee(), sip_code=200, duration_s=2,
                start_time=DAY + timedelta(hours=23, minutes=50))  # fmt: skip
    for code in (404, 404, 404, 410, 410):
        factory.add(upstream_provider="Atlantic Link", customer_id=None, caller_id=costly[0],
                    called_number=factory.random_callee(), sip_code=code, duration_s=0,
                    start_time=DAY + timedelta(hours=23, minutes=55))  # fmt: skip
    _one_ring(factory, "+12025550123", 24)  # domestic: a dialler's unlucky line
    factory.add(upstream_provider="Atlantic Link", customer_id=None, caller_id="+12025550123",
                called_number=factory.random_callee(), sip_code=404, duration_s=0,
                start_time=DAY + timedelta(hours=23, minutes=56))  # fmt: skip
    _one_ring(factory, "+18095550123", 19)  # under 20 calls
    _one_ring(factory, "+18295550123", 23)
    factory.add(upstream_provider="Atlantic Link", customer_id=None, caller_id="+18295550123",
                sip_code=200, duration_s=60,
                start_time=DAY + timedelta(hours=23, minutes=50))  # fmt: skip
    table = compute_feature_table(
        connect_cdr_files([factory.write(tmp_path / "cdrs")]), unit=unit, caller_id_min_calls=100
    )
    features = rows_to_features(table, unit)
    carrier = [f for f in features if f.entity_id == "Atlantic Link"]
    assert sum(f.costly_unanswered_calls for f in carrier) == 102
    assert sum(f.costly_unanswered_cancelled for f in carrier) == 92
    assert sum(f.costly_unanswered_unreachable for f in carrier) == 5
    assert sum(f.costly_unanswered_callees for f in carrier) == 102
    assert sum(f.unreachable for f in carrier) == 6
    if unit == "day":
        (day,) = carrier
        assert day.costly_unanswered_numbers == 4
    else:
        # one call of each number an hour
        assert {f.costly_unanswered_numbers for f in carrier} == {4}
    numbers = {f.entity_id: f for f in features if f.entity_type == "caller_id"}
    if unit == "day":
        assert set(numbers) == set(costly)
        for number in costly:
            calls = {"+447700900124": 25, costly[0]: 29}.get(number, 24)
            assert numbers[number].calls == calls
            assert numbers[number].costly_unanswered_calls == calls
            assert numbers[number].costly_unanswered_numbers == 1
    else:
        assert numbers == {}


@settings(max_examples=300, deadline=None)
@given(
    number=st.one_of(
        st.from_regex(r"\+1[2-9][0-9]{2}[2-9][0-9]{6}", fullmatch=True),
        st.from_regex(r"\+[2-9][0-9]{6,13}", fullmatch=True),
        st.text(alphabet="+0123456789 ()-", max_size=16),
    )
)
def test_costly_callbacks_in_sql_are_the_python_rule(number: str) -> None:
    """The scans' rule (costly_callback_sql) says of every text what callback_is_costly
    says."""
    sql = costly_callback_sql("$number")
    (found,) = duckdb.execute(f"select {sql}", {"number": number}).fetchone() or (None,)
    assert bool(found) is callback_is_costly(number)


def test_duckdb_connection_left_clean(tmp_path: Path) -> None:
    factory = CallFactory()
    factory.campaign(5, customer_id="acme")
    connection = connect_cdr_files([factory.write(tmp_path)])
    compute_features(connection)
    from callwarden.traffic.features import drop_feature_tables

    drop_feature_tables(connection)
    names = {row[0] for row in connection.execute("show tables").fetchall()}
    assert not any(name.startswith("cw_") for name in names)
    assert isinstance(connection, duckdb.DuckDBPyConnection)


def _naive_band_peaks(
    histogram: dict[int, int],
    half: int,
    shortest: int,
    *,
    counted: int = 3,
    further_share: float = 0.05,
    first_stands_out: bool = False,
) -> tuple[int, int, int, int] | None:
    """The definition in one band, spelled out: per candidate centre d >= ``shortest``, the
    answered calls within d +- ``half`` s less the mean of the two flanking bands as wide.
    Near the quick refusals a band must rise (see the loop below). The largest excess is
    the first spike (the shorter duration among equals), if
    positive; then up to ``counted`` - 1 more, each the largest centred clear of the quick
    refusals (its band starting more than ``half`` above the 6 s line) whose band overlaps
    none before it, if it holds ``further_share`` of the calls of 6 s or more and stands
    2.5 standard errors above its flanks (the first too, ``first_stands_out``). Returns
    their summed excess (halves to even), the first's centre, how many spikes counted and
    ``half``."""

    def within(low: int, high: int) -> int:
        return sum(n for d, n in histogram.items() if low <= d <= high)

    width = 2 * half + 1
    band = {d: within(d - half, d + half) for d in histogram}
    flanks = {
        d: within(d - half - width, d - half - 1) + within(d + half + 1, d + half + width)
        for d in histogram
    }
    excess = {d: band[d] - flanks[d] / 2 for d in sorted(histogram) if d >= shortest}
    for d, value in excess.items():
        # a band whose lower flank reaches under 6 s must rise: its centre +- 1 s holds 3
        # standard errors more calls than the 4 s just below the band hold at that rate,
        # and 1 more than the 4 s just below the centre +- 1 s
        core = within(d - 1, d + 1)
        below, under = within(d - half - 4, d - half - 1), within(d - 5, d - 2)

        def rises(over: int, z: float, core: int = core) -> bool:
            return core - 0.75 * over >= z * math.sqrt(core + 0.75**2 * over)

        if d - half - width < SHORT_CALL_SECONDS and not (rises(below, 3) and rises(under, 1)):
            excess[d] = min(value, 0)
    if not excess:
        return None
    long_calls = within(SHORT_CALL_SECONDS, 10**9)
    further = max(shortest, SHORT_CALL_SECONDS + 2 * half + 1)
    centres: list[int] = []
    total = 0.0
    while len(centres) < counted:
        open_bands = {
            d: e
            for d, e in excess.items()
            if all(abs(d - c) > 2 * half for c in centres) and (not centres or d >= further)
        }
        if not open_bands:
            break
        best = max(open_bands.values())
        centre = min(d for d, e in open_bands.items() if e == best)
        if not centres:
            first = centre
        # a further spike: 5% of the calls of 6 s or more, 2.5 standard errors above its
        # flanks (the variance of band - flanks' mean taken as band + flanks / 4)
        if best <= 0 or (
            (centres or first_stands_out)
            and (
                2 * best < 2 * further_share * long_calls
                or (2 * best) ** 2 < 2.5**2 * (4 * band[centre] + flanks[centre])
            )
        ):
            break
        centres.append(centre)
        total += best
    return round(total), first, len(centres), half


def _naive_peaks(histogram: dict[int, int]) -> tuple[int, int, int, int] | None:
    """The spikes in bands of 4 s either side from 10 s and 8 s from 40 s: the band with
    the most calls in its spikes (the narrower of equals)."""
    narrow = _naive_band_peaks(histogram, 4, SHORT_CALL_SECONDS + 4)
    wide = _naive_band_peaks(histogram, 8, 40)
    if narrow is not None and wide is not None and wide[0] > narrow[0]:
        return wide
    return narrow


@given(st.lists(st.dictionaries(st.integers(0, 90), st.integers(1, 40), max_size=25), max_size=6))
@settings(max_examples=400, deadline=None)
def test_duration_peaks_follow_the_definition(histograms: list[dict[int, int]]) -> None:
    rows = [
        (g, d, n) for g, histogram in enumerate(histograms) for d, n in sorted(histogram.items())
    ]
    peaks, comb = duration_peaks(
        np.array([r[0] for r in rows], dtype=np.int64),
        np.array([r[1] for r in rows], dtype=np.int64),
        np.array([r[2] for r in rows], dtype=np.int64),
    )
    found = {
        int(g): (int(p), int(c), int(k), int(b))
        for g, p, c, k, b in zip(
            peaks.group, peaks.calls, peaks.centre_s, peaks.spikes, peaks.band_s, strict=True
        )
    }
    expected = {
        g: peak
        for g, histogram in enumerate(histograms)
        if (peak := _naive_peaks(histogram)) is not None
    }
    assert found == expected
    # the comb: teeth 1 s either side from 19 s, up to six, each standing out
    assert comb.group.tolist() == peaks.group.tolist()
    combs = {
        int(g): (int(calls), int(teeth), int(centres[0]))
        for g, calls, teeth, centres in zip(
            comb.group, comb.calls, comb.spikes, comb.centres_s, strict=True
        )
        if teeth
    }
    naive_combs = {
        g: (comb[0], comb[2], comb[1])
        for g, histogram in enumerate(histograms)
        if (comb := _naive_comb(histogram)) is not None and comb[2]
    }
    assert combs == naive_combs


def _naive_comb(histogram: dict[int, int]) -> tuple[int, int, int, int] | None:
    """features.COMB_BAND's teeth by the definition."""
    return _naive_band_peaks(histogram, 1, 19, counted=6, further_share=0.03, first_stands_out=True)


def _peaks_of(*answered: np.ndarray) -> DurationPeaks:
    """duration_peaks' spikes of each array of answered calls' lengths, a group each in
    order."""
    return _peaks_and_comb_of(*answered)[0]


def _peaks_and_comb_of(*answered: np.ndarray) -> tuple[DurationPeaks, DurationPeaks]:
    """duration_peaks of each array of answered calls' lengths, a group each in order."""
    groups, durations, calls = [], [], []
    for group, lasted in enumerate(answered):
        values, counts = np.unique(lasted, return_counts=True)
        groups.append(np.full(values.size, group))
        durations.append(values)
        calls.append(counts)
    return duration_peaks(np.concatenate(groups), np.concatenate(durations), np.concatenate(calls))


def test_a_spikes_beyond_counts_the_calls_longer_than_its_band() -> None:
    """An 85-second message most hang up on evenly through it: hardly a call lasts
    longer. Live talk times run on past their bumps."""
    rng = np.random.default_rng(3)
    hung_up = rng.random(600) < 0.73
    heard = np.where(hung_up, rng.integers(1, 85, 600), 85 + rng.integers(-3, 4, 600))
    live = np.maximum(1, rng.exponential(150, 600).astype(np.int64))
    peaks = _peaks_of(heard, live)
    recording, talk = 0, 1
    assert abs(int(peaks.centre_s[recording]) - 85) <= 8
    band_top = peaks.centre_s + peaks.band_s
    assert peaks.beyond[recording] == int((heard > band_top[recording]).sum()) == 0
    assert peaks.beyond[talk] == int((live > band_top[talk]).sum()) > 200


def test_versions_of_one_message_make_a_comb_and_live_talk_does_not() -> None:
    """Six versions of one pitch 5-6 s apart, rotated per call: of those who get each, two
    fifths hear it out (+-1 s), the rest hang up during it or hear it on voicemail after a
    greeting. Each version's spike has the next in its 9-second band's flanks, which cancel
    most of it: the spikes hold under a fifth of the answered calls and under half their
    bands' calls. The comb's teeth hold all six versions, over half of their bands' calls
    beyond their flanks. As many live calls grow no tooth."""
    rng = np.random.default_rng(0)
    count = 3000
    length = rng.choice(np.array([19, 24, 29, 34, 40, 45]), count)
    machine = rng.random(count) < 0.3
    early = ~machine & (rng.random(count) < 0.4)
    versions = np.where(
        machine,
        length + rng.integers(6, 23, count),
        np.where(early, rng.integers(1, length), length + rng.integers(-1, 2, count)),
    )
    live = np.maximum(1, rng.lognormal(np.log(60), 0.9, count).astype(np.int64))
    peaks, comb = _peaks_and_comb_of(versions, live)
    recording, talk = 0, 1
    long_calls = int((versions >= SHORT_CALL_SECONDS).sum())
    assert peaks.calls[recording] < 0.2 * long_calls
    assert peaks.calls[recording] < 0.5 * peaks.band_total[recording]
    assert sorted(comb.centres_s[recording].tolist()) == [19, 24, 29, 34, 40, 45]
    assert comb.calls[recording] > 0.3 * long_calls
    assert comb.calls[recording] > 0.5 * comb.band_total[recording]
    assert (comb.calls[talk], comb.spikes[talk]) == (0, 0)
    assert comb.centres_s[talk].tolist() == [-1] * 6


def test_a_limit_on_calls_length_makes_no_spike() -> None:
    """Collect calls from a jail: a 30 s announcement, then live talk cut by the system at
    15 minutes. Every call that would run longer piles at the cut and none lasts longer, as
    a message heard out would, but at a length no robocall's message has: no spike. The
    same pile at 45 s is one."""
    rng = np.random.default_rng(4)
    talk = 30 + rng.exponential(600, 2000).astype(np.int64)
    cut = np.minimum(talk, 932)
    message = np.where(rng.random(2000) < 0.6, 45, rng.integers(1, 45, 2000))
    peaks = _peaks_of(cut, message)
    limit, recording = 0, 1
    assert int((cut == 932).sum()) > 400
    assert peaks.centre_s[limit] < 300
    assert peaks.calls[limit] < 0.1 * 2000
    assert abs(int(peaks.centre_s[recording]) - 45) <= peaks.band_s[recording]
    assert peaks.calls[recording] > 0.5 * 2000


def test_a_campaign_playing_two_messages_makes_two_spikes() -> None:
    """Two messages, each heard out by a quarter of the answered calls, the rest spread:
    both spikes count, the larger's centre is the peak; a bump of a few calls does not."""
    histogram = {d: 4 for d in range(6, 120)}
    histogram[30] += 120
    histogram[75] += 100
    histogram[100] += 8
    durations = np.array(sorted(histogram), dtype=np.int64)
    peaks, _ = duration_peaks(
        np.zeros(durations.size, dtype=np.int64),
        durations,
        np.array([histogram[d] for d in durations], dtype=np.int64),
    )
    # every band holding the whole spike ties: the shortest of them is the centre
    assert peaks.centre_s.tolist() == [26]
    assert peaks.spikes.tolist() == [2]
    assert peaks.calls.tolist() == [220]


def test_quick_refusals_spread_to_11_s_make_no_spike_and_a_short_message_does() -> None:
    """A live phone bank: 60% of those who answer refuse within 2-11 s, evenly, the rest
    talk from 12 s on. The band at 10 s holds more than the mean of its flanks (the lower
    one partly under any call's length), but nothing piles up in it. A 12 s message heard
    out by 40% above the same refusals does pile up at its length."""
    rng = np.random.default_rng(5)
    refused = rng.random(3000) < 0.6
    talk = 12 + rng.exponential(48, 3000).astype(np.int64)
    phone_bank = np.where(refused, rng.integers(2, 12, 3000), talk)
    message = np.where(refused, rng.integers(2, 12, 3000), 12 + rng.integers(-1, 2, 3000))
    peaks = _peaks_of(phone_bank, message)
    by_group = dict(zip(peaks.group.tolist(), peaks.calls.tolist(), strict=True))
    long_calls = [int((lasted >= SHORT_CALL_SECONDS).sum()) for lasted in (phone_bank, message)]
    # the phone bank's largest band, if any, holds a few per cent of its calls of 6 s or
    # more (a recording's spike needs 30%); the message's holds most of the message's
    assert by_group.get(0, 0) < 0.1 * long_calls[0]
    assert by_group[1] > 0.5 * int((~refused).sum())
    assert abs(int(peaks.centre_s[peaks.group == 1][0]) - 12) <= 4


def test_a_surveys_hang_ups_on_machines_and_refusals_make_no_spike() -> None:
    """A live survey's answered calls: a third answering machines it hangs up on after
    3-9 s, refusals of about 15 s (gamma), break-offs and long interviews. Their hump
    ends at 10 s and starts below the 10 s band's lower flank: the band stands out of its
    flanks, but its centre does not rise above the seconds just under it."""
    rng = np.random.default_rng(11)
    count = 1200
    kind = rng.choice(4, count, p=[0.35, 0.30, 0.17, 0.18])
    lasted = np.where(
        kind == 0,
        rng.uniform(3, 9, count),
        np.where(
            kind == 1,
            rng.gamma(2.5, 6, count),
            np.where(kind == 2, rng.lognormal(np.log(140), 0.6, count),
                     rng.lognormal(np.log(840), 0.3, count)),
        ),
    )  # fmt: skip
    answered = np.round(lasted).astype(np.int64) + 1
    peaks = _peaks_of(answered)
    long_calls = int((answered >= SHORT_CALL_SECONDS).sum())
    # before the rise, a spike at 10 s held a third of them: a recording by its share
    assert int(peaks.calls.sum()) < 0.15 * long_calls


def test_busiest_minute_sums_a_customers_sources(tmp_path: Path) -> None:
    """A sub-account's busiest minute is its own; a reseller's adds its clients' calls
    minute by minute (two clients busy in the same minute make the reseller's peak)."""
    factory = CallFactory()

    def calls(count: int, at: datetime, **keys: object) -> None:
        for index in range(count):
            factory.add(start_time=at + timedelta(seconds=index), **keys)

    ten = DAY + timedelta(hours=10)
    calls(5, ten, customer_id="reseller", sub_account="client-a")
    calls(4, ten + timedelta(seconds=20), customer_id="reseller", sub_account="client-b")
    calls(6, ten + timedelta(hours=1), customer_id="reseller", sub_account="client-b")
    calls(3, ten + timedelta(hours=2), customer_id="reseller")
    calls(7, DAY + timedelta(hours=9), customer_id="solo")
    calls(2, DAY + timedelta(hours=9, minutes=1), customer_id="solo")
    calls(3, ten, customer_id=None, upstream_provider="carrier-x")

    features = _features(factory, tmp_path)

    peaks = {key: f.peak_calls_per_minute for key, f in features.items()}
    assert peaks[("sub_account", "client-a")] == 5
    assert peaks[("sub_account", "client-b")] == 6
    assert peaks[("customer", "reseller")] == 9
    assert peaks[("customer", "solo")] == 7
    assert peaks[("upstream_provider", "carrier-x")] == 3


def _three_days_of_traffic() -> CallFactory:
    """Calls over three UTC days and several hours a day from an account, a reseller's
    client, a carrier's transit and one calling number busy enough to be an entity."""
    factory = CallFactory()
    for day in range(3):
        for hour in (2, 9, 23):
            at = DAY + timedelta(days=day, hours=hour)
            for index in range(6):
                moment = at + timedelta(minutes=index)
                factory.add(
                    start_time=moment,
                    customer_id="acme",
                    caller_id="+12025550100",
                    called_number=factory.random_callee(),
                    sip_code=200,
                    duration_s=40 + index % 3,
                )
                factory.add(
                    start_time=moment,
                    customer_id="reseller",
                    sub_account=f"client-{index % 2}",
                    caller_id=f"+1312555{day}{hour:02d}{index}",
                    called_number=f"+1415555{index:04d}",
                )
                factory.add(
                    start_time=moment,
                    customer_id=None,
                    upstream_provider="carrier-x",
                    attestation=None,
                    sip_code=200 if index % 2 else 487,
                    duration_s=30 if index % 2 else 0,
                )
    return factory


def _sorted_rows(table: pa.Table) -> list[dict[str, object]]:
    return sorted(table.to_pylist(), key=repr)


@pytest.mark.parametrize("unit", ["hour", "day"])
def test_scans_cut_into_spans_of_whole_windows_give_the_same_features(
    tmp_path: Path, unit: str
) -> None:
    """With too little memory for every window's sketches at once, the sketch-keeping
    scans run over spans of the calls; every feature comes out as from one pass."""
    connection = connect_cdr_files([_three_days_of_traffic().write(tmp_path)])
    spans = scan_slices(connection, "calls", unit, sketch_memory=1)
    # a span per window from the first call's to the last's (02:00 on the first day to
    # 23:00 on the third): nine of them hold calls
    assert len(spans) == (70 if unit == "hour" else 3)
    counts = [connection.execute(f"select count(*) from {span}").fetchall()[0][0] for span in spans]
    windows = 9 if unit == "hour" else 3
    assert sum(counts) == 162  # every call in exactly one span
    assert sum(1 for count in counts if count) == windows

    whole = compute_feature_table(connection, unit=unit, caller_id_min_calls=5)
    sliced = compute_feature_table(connection, unit=unit, caller_id_min_calls=5, sketch_memory=1)

    assert whole.num_rows > windows
    assert _sorted_rows(sliced) == _sorted_rows(whole)


def test_numbers_digits_read_from_the_files_or_computed_give_the_same_features(
    tmp_path: Path,
) -> None:
    """The call store's files carry each number's digits; a provider's own Parquet of
    CDR_SCHEMA and the store's older files don't, and the scans compute them: the
    features are the same either way, numbers that are not E.164 included (each keyed by
    its text), and so are they over a mix of both kinds of file."""
    factory = _three_days_of_traffic()
    for index, caller in enumerate(["anonymous", "12345", "+44 20 7946 0958", "+0123"] * 3):
        factory.add(
            start_time=DAY + timedelta(hours=9, minutes=index),
            customer_id="acme",
            caller_id=caller,
            caller_class="unparseable",
            called_number=["+13015550123", "611", "+13015550123x"][index % 3],
            sip_code=200,
            duration_s=30,
        )
    table = factory.table()
    computed = tmp_path / "computed" / "calls.parquet"
    stored = tmp_path / "stored" / "calls.parquet"
    for path, written in ((computed, table), (stored, _with_digits(table))):
        path.parent.mkdir()
        pq.write_table(written, path)
    assert "called_digits" in pq.read_schema(stored).names
    assert "called_digits" not in pq.read_schema(computed).names

    def features(files: list[Path]) -> list[dict[str, object]]:
        connection = connect_cdr_files(files)
        return _sorted_rows(compute_feature_table(connection, unit="hour", caller_id_min_calls=5))

    from_stored = features([stored])
    assert from_stored == features([computed])
    acme = [row for row in from_stored if row["entity_id"] == "acme" and row["calls"] == 18]
    # the 9 o'clock hour: six calls from one number, twelve from four that are not E.164
    assert [(row["caller_ids"], row["callees"]) for row in acme] == [(5, 9)]
    half = table.num_rows // 2
    mixed = tmp_path / "mixed"
    mixed.mkdir()
    pq.write_table(table.slice(0, half), mixed / "a.parquet")
    pq.write_table(_with_digits(table.slice(half)), mixed / "b.parquet")
    assert features(sorted(mixed.glob("*.parquet"))) == from_stored


def _with_digits(table: pa.Table) -> pa.Table:
    return pa.Table.from_batches(
        [with_number_digits(batch) for batch in table.to_batches()], STORED_CDR_SCHEMA
    )


def test_one_span_when_the_sketches_fit(tmp_path: Path) -> None:
    connection = connect_cdr_files([_three_days_of_traffic().write(tmp_path)])
    assert scan_slices(connection, "calls", "hour") == ["calls"]
    # four sources in nine hours: 36 groups of SKETCHES_PER_GROUP 1 KB sketches, in memory
    # for 2.5x fewer (the groups are counted by HyperLogLog: a group more or less leaves it
    # 3 spans)
    memory = 36 * SKETCHES_PER_GROUP * 1024 * 2 // 5
    assert len(scan_slices(connection, "calls", "hour", sketch_memory=memory)) == 3


def test_sources_sharing_a_key_get_new_keys(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The per-minute scan groups sources by a 64-bit hash of their names; were two sources
    ever to share one, the salt changes until none do, and every source keeps its own
    minutes."""
    factory = CallFactory()
    for index in range(4):
        factory.add(customer_id="acme", start_time=DAY + timedelta(seconds=index))
    for index in range(3):
        factory.add(customer_id="other", start_time=DAY + timedelta(seconds=index))
    salts: list[int] = []
    real_key = features_module.source_key_sql

    def colliding_first(salt: int) -> str:
        salts.append(salt)
        return "0" if salt == 0 else real_key(salt)

    monkeypatch.setattr(features_module, "source_key_sql", colliding_first)
    features = _features(factory, tmp_path)
    assert 1 in salts
    assert features[("customer", "acme")].peak_calls_per_minute == 4
    assert features[("customer", "other")].peak_calls_per_minute == 3


def test_period_figures_sum_an_entitys_windows(tmp_path: Path) -> None:
    """A client playing a 40-second recording on three days, 40 calls a day, and its
    reseller's own live calls: each entity's period figures are its windows' summed, and
    its period spike is found on its histograms summed over the days."""
    factory = CallFactory()
    for day in range(3):
        hour = 15 + 24 * day
        factory.campaign(
            40, customer_id="reseller", sub_account="client-a", message_s=40, hour=hour
        )
        factory.campaign(40, customer_id="reseller", message_s=None, hour=hour)
    connection = connect_cdr_files([factory.write(tmp_path / "cdrs")])
    rows = compute_features(connection, tables=NO_TABLES)
    by_entity: dict[tuple[str, str], list[EntityFeatures]] = {}
    for row in rows:
        by_entity.setdefault((row.entity_type, row.entity_id), []).append(row)
    client_days = by_entity[("sub_account", "client-a")]
    assert len(client_days) == 3
    for days in by_entity.values():
        for row in days:
            assert row.period_long_answered == sum(d.long_answered for d in days)
            assert row.period_no_consent == sum(d.no_consent for d in days)
            assert row.period_consent_known == sum(d.consent_known for d in days)
            assert row.period_peak_duration_s == days[0].period_peak_duration_s
    client = client_days[0]
    assert client.period_peak_duration_s is not None
    assert abs(client.period_peak_duration_s - 40) <= 2
    # three days' recordings make a bigger spike than any one day's
    assert client.period_peak_duration_calls > max(d.peak_duration_calls for d in client_days)
    # the reseller's period spike is over its client's calls and its own, summed
    reseller = by_entity[("customer", "reseller")][0]
    assert reseller.period_long_answered > client.period_long_answered
    assert reseller.period_peak_duration_s is not None
    assert abs(reseller.period_peak_duration_s - 40) <= 4


def test_a_sub_accounts_siblings_are_its_customers_others_spiking_at_its_length(
    tmp_path: Path,
) -> None:
    """Three thin clients of one reseller play the same 40 s recording, a fourth plays a
    70 s one, a fifth talks live: each 40 s client sees the two others, their spikes and
    answered calls summed with its own; the 70 s client and the live one see none."""
    factory = CallFactory()
    for name, message_s in (
        ("rec-a", 40), ("rec-b", 40), ("rec-c", 41), ("rec-long", 70), ("live", None),
    ):  # fmt: skip
        factory.campaign(
            90, customer_id="reseller", sub_account=name, message_s=message_s, answer_rate=0.4
        )
    features = _features(factory, tmp_path)
    recorded = [features[("sub_account", name)] for name in ("rec-a", "rec-b", "rec-c")]
    for row in recorded:
        assert row.siblings == 2
        assert row.siblings_long_answered == sum(r.long_answered for r in recorded)
        assert row.siblings_peak_duration_calls == sum(r.peak_duration_calls for r in recorded)
    assert features[("sub_account", "rec-long")].siblings == 0
    assert features[("sub_account", "live")].siblings == 0
    # only sub-accounts have siblings
    assert features[("customer", "reseller")].siblings == 0


@settings(max_examples=200, deadline=None)
@given(
    bands=st.lists(
        st.tuples(
            st.integers(12, 60),  # centre
            st.sampled_from([4, 8]),  # half-width
            st.dictionaries(st.integers(0, 90), st.integers(1, 50), max_size=30),
        ),
        min_size=1,
        max_size=5,
    )
)
def test_a_bands_fullest_core_and_its_sides_match_a_count_by_hand(
    bands: list[tuple[int, int, dict[int, int]]],
) -> None:
    """band_cores, against sums taken second by second: the core is the fullest 3 s
    window centred in the band (the shortest of equals), the sides the 4 s under and over
    it."""
    rows = [
        (index, length, calls)
        for index, (_, _, counts) in enumerate(bands)
        for length, calls in sorted(counts.items())
    ]
    band, duration, calls = (
        np.array([row[column] for row in rows], np.int64).reshape(-1) for column in range(3)
    )
    centres = np.array([centre for centre, _, _ in bands], np.int64)
    widths = np.array([width for _, width, _ in bands], np.int64)
    cores, unders, overs = band_cores(band, duration, calls, centres, widths)
    for index, (centre, width, counts) in enumerate(bands):

        def held(low: int, high: int, counts: dict[int, int] = counts) -> int:
            return sum(counts.get(length, 0) for length in range(low, high + 1))

        # the first centre holding the most, as argmax takes it
        best = max(
            range(centre - width, centre + width + 1), key=lambda c: (held(c - 1, c + 1), -c)
        )
        assert cores[index] == held(best - 1, best + 1)
        assert unders[index] == held(best - 5, best - 2)
        assert overs[index] == held(best + 2, best + 5)
