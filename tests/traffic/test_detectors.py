from __future__ import annotations

from dataclasses import fields, replace
from datetime import datetime, timedelta
from typing import Any

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from callwarden.traffic import features as features_module
from callwarden.traffic.alerts import ReasonCode, Severity, crosses
from callwarden.traffic.detectors import (
    BLOCKS_PER_HUNDRED,
    DEFAULT_THRESHOLDS,
    FORWARDING_COLUMNS,
    MAY_FIND_COLUMNS,
    NEIGHBOR_DAY_COLUMNS,
    SELF_EVIDENT,
    THRESHOLD_COUNTS,
    THRESHOLD_SHARES,
    ConsentSources,
    DeclaredUse,
    EntityContext,
    Evidence,
    Finding,
    Thresholds,
    assess,
    callee_clustering,
    classify_declared_use,
    consent_may_rest_on_live_calls,
    detect,
    grade,
    may_be_forwarding,
    may_find,
    may_flood_callees,
    may_spoof_neighbours_over_the_day,
    recording_spike,
    thresholds_with,
)
from callwarden.traffic.features import SHORT_CALL_SECONDS, EntityFeatures, duration_peaks
from tests.traffic.calls_factory import DAY


def features(**values: object) -> EntityFeatures:
    """An ordinary sender's day: 1,000 calls, half answered, live talk times, one number."""
    base = EntityFeatures(
        entity_type="customer",
        entity_id="acme",
        customer_id="acme",
        window_start=DAY,
        window_end=DAY + timedelta(days=1),
        calls=1000,
        answered=500,
        short_answered=20,
        answered_seconds=500 * 120,
        callees=900,
        caller_ids=2,
        callee_blocks=895,
        callee_caller_pairs=910,
        sources=1,
        invalid_caller=0,
        dno_caller=0,
        nanp_pairs=1000,
        neighbor=5,
        hours_known=1000,
        outside_hours=3,
        no_consent=0,
        consent_known=500,
        unassigned_caller=0,
        numbers_known=1000,
        weak_attestation=0,
        long_answered=480,
        peak_duration_calls=30,
        peak_duration_s=40,
        # two chance teeth of a comb, a third of their bands' calls beyond their flanks
        comb_duration_calls=20,
        comb_durations_s=(35, 52),
        comb_band_total=60,
        peak_calls_per_minute=10,
        # a carrier's unsigned calls: no spike, though its band's numbers are counted
        weak_long_answered=100,
        weak_peak_duration_calls=10,
        weak_peak_duration_s=40,
        weak_band_answered=80,
        weak_band_caller_ids=80,
        # its day (an hour's): no spike, though its band's numbers are counted
        day_peak_duration_calls=30,
        day_long_answered=480,
        day_peak_duration_s=40,
        day_band_answered=80,
        day_band_caller_ids=80,
        # ... and its day's unsigned calls: no spike either
        day_weak_long_answered=100,
        day_weak_peak_duration_calls=10,
        day_weak_peak_duration_s=40,
        day_weak_band_answered=80,
        day_weak_band_caller_ids=80,
        # ... and one carrier's part of a spike pooled over carriers: one away from a message
        # split over several (see _part_of_a_split_message)
        shared_peak_duration_calls=100,
        shared_peak_duration_s=40,
        shared_peak_duration_band_s=4,
        shared_band_total=150,
        shared_window_band_answered=80,
        shared_band_answered=80,
        shared_band_caller_ids=80,
        shared_under_core_answered=10,
        shared_carriers=1,
        shared_carriers_band_answered=80,
        shared_carriers_band_caller_ids=80,
        sample_call_ids={"any": "c-1"},
    )
    return replace(base, **values)  # type: ignore[arg-type]


NO_CONTEXT = EntityContext()


def codes(f: EntityFeatures, context: EntityContext = NO_CONTEXT) -> set[ReasonCode]:
    return {finding.code for finding in detect(f, context)}


def test_ordinary_sender_has_no_reason() -> None:
    assessment = assess(features())
    assert assessment.findings == ()
    assert assessment.severity is Severity.LOW


def test_each_detector_fires_past_its_threshold() -> None:
    assert ReasonCode.LOW_ASR in codes(features(answered=100))
    assert ReasonCode.SHORT_CALLS in codes(features(short_answered=300))
    assert ReasonCode.PRERECORDED_PATTERN in codes(features(peak_duration_calls=300))
    assert ReasonCode.HIGH_VOLUME in codes(features(calls=50_000))
    assert ReasonCode.HIGH_VOLUME in codes(features(peak_calls_per_minute=600))
    assert ReasonCode.HIGH_FANOUT in codes(features(callees=9_000))
    assert ReasonCode.SEQUENTIAL_DIALING in codes(features(callee_blocks=200))
    assert ReasonCode.NEIGHBOR_SPOOFING in codes(features(neighbor=400, caller_ids=300))
    assert ReasonCode.INVALID_CALLER_ID in codes(features(invalid_caller=100))
    assert ReasonCode.DNO_CALLER_ID in codes(features(dno_caller=10))
    assert ReasonCode.UNASSIGNED_CALLER_ID in codes(features(unassigned_caller=600))
    assert ReasonCode.CALLER_ID_ROTATION in codes(features(caller_ids=400))
    assert ReasonCode.NO_CONSENT_WIRELESS in codes(features(no_consent=400))
    assert ReasonCode.OUTSIDE_CALLING_HOURS in codes(features(outside_hours=200))
    assert ReasonCode.UNSIGNED_OR_C_ATTESTED in codes(features(weak_attestation=900))
    assert ReasonCode.NOT_IN_RMD in codes(features(), EntityContext(in_rmd=False))
    assert ReasonCode.TRACEBACK_HISTORY in codes(features(), EntityContext(tracebacks=2))
    assert ReasonCode.VOLUME_SURGE in codes(
        features(calls=20_000), EntityContext(baseline_calls=900)
    )


def test_reason_carries_value_and_threshold() -> None:
    (finding,) = detect(features(dno_caller=50))
    assert finding.code is ReasonCode.DNO_CALLER_ID
    assert finding.value == 0.05
    assert finding.threshold == 0.005
    assert finding.sample_flag == "dno_caller"
    assert "Do-Not-Originate" in finding.detail


def test_neighbor_spoofing_needs_many_caller_ids() -> None:
    # A small-town business with one number shares the exchange of many of its clients.
    assert ReasonCode.NEIGHBOR_SPOOFING not in codes(features(neighbor=600, caller_ids=2))


def test_spoofing_alone_is_high() -> None:
    assert assess(features(neighbor=400, caller_ids=300)).severity is Severity.HIGH
    assert assess(features(dno_caller=10)).severity is Severity.HIGH
    assert assess(features(invalid_caller=100)).severity is Severity.HIGH


def test_callers_numbers_forwarded_to_an_accounts_lines_are_no_rotated_pool() -> None:
    """A new ungranted number on every call: a spoofer reaches each callee once and most do
    not answer; a call-tracking service forwards callers to its clients' few lines, each
    hearing many callers, and they answer."""
    spoofer = features(calls=10_000, answered=1_500, caller_ids=9_900, callees=9_800,
                       callee_caller_pairs=9_900, unassigned_caller=10_000,
                       numbers_known=10_000, consent_known=1_500)  # fmt: skip
    forwarder = replace(spoofer, answered=7_500, consent_known=7_500, callees=1_700,
                        callee_caller_pairs=9_900)  # fmt: skip

    def unassigned(f: EntityFeatures) -> Finding:
        (found,) = [x for x in detect(f) if x.code is ReasonCode.UNASSIGNED_CALLER_ID]
        return found

    assert unassigned(spoofer).evidence is Evidence.ILLEGAL
    assert assess(spoofer).severity is Severity.HIGH
    assert unassigned(forwarder).evidence is Evidence.SUSPECT
    assert assess(forwarder).severity is Severity.MEDIUM
    (rotation,) = [x for x in detect(forwarder) if x.code is ReasonCode.CALLER_ID_ROTATION]
    assert "forwarded" in rotation.detail
    # many callers per callee, but a spoofer's answer rate: still a rotated pool
    redialling = replace(forwarder, answered=1_500, consent_known=1_500)
    assert unassigned(redialling).evidence is Evidence.ILLEGAL
    # an hour too thin to hear several callers per line: its UTC day's counts show them
    thin_hour = replace(forwarder, callees=1_700, callee_caller_pairs=1_750)
    assert unassigned(thin_hour).evidence is Evidence.ILLEGAL
    its_day = replace(thin_hour, day_callees=1_800, day_callee_caller_pairs=3_400)
    assert unassigned(its_day).evidence is Evidence.SUSPECT
    (rotation,) = [x for x in detect(its_day) if x.code is ReasonCode.CALLER_ID_ROTATION]
    assert "1.89 over the day" in rotation.detail
    # a tradesman's day: most callers forwarded to two mobiles beside its own outbound
    # calls, answered at the line allowing for chance (61 of 123), is forwarding; the same
    # share over thousands of calls is not
    tradesman = features(calls=123, answered=61, caller_ids=57, callees=44,
                         callee_caller_pairs=123, unassigned_caller=75, numbers_known=123,
                         consent_known=61)  # fmt: skip
    assert unassigned(tradesman).evidence is Evidence.SUSPECT
    busy = replace(tradesman, calls=12_300, answered=5_700, caller_ids=5_700, callees=4_400,
                   callee_caller_pairs=12_300, unassigned_caller=7_500, numbers_known=12_300,
                   consent_known=5_700)  # fmt: skip
    assert unassigned(busy).evidence is Evidence.ILLEGAL


def test_calls_forwarded_to_an_accounts_lines_keep_their_callers_hours() -> None:
    """A forwarding service's early hour: half its calls reach business lines before 8 am
    where they are, none to numbers with consent records, half unsigned or C-attested.
    The hours are the callers' (people calling businesses, no solicitation by the
    service): a pattern, and the service stays medium; the same calls from a pool
    reaching each callee once, answered as cold calls are, are night solicitations from
    rotated numbers. Answered as often as the forwarded ones, they are no evident
    solicitations, but the pool is still spoofing."""
    forwarder = features(calls=4_000, answered=3_000, caller_ids=3_950, callees=1_500,
                         callee_blocks=1_500,
                         callee_caller_pairs=3_950, unassigned_caller=4_000,
                         numbers_known=4_000, consent_known=3_000, no_consent=3_000,
                         hours_known=4_000, outside_hours=2_000,
                         weak_attestation=2_100)  # fmt: skip

    def hours(f: EntityFeatures) -> Finding:
        (found,) = [x for x in detect(f) if x.code is ReasonCode.OUTSIDE_CALLING_HOURS]
        return found

    assert hours(forwarder).evidence is Evidence.PATTERN
    assert "the callers chose the hours" in hours(forwarder).detail
    assert assess(forwarder).severity is Severity.MEDIUM
    pool = replace(forwarder, callees=3_950, callee_blocks=3_950)
    assert hours(pool).evidence is Evidence.SUSPECT
    assert assess(pool).severity is Severity.HIGH
    cold = replace(pool, answered=1_000, long_answered=980, consent_known=1_000, no_consent=1_000)
    assert hours(cold).evidence is Evidence.ILLEGAL
    assert assess(cold).severity is Severity.HIGH
    # a roofer's PBX forwarding its callers to its owner's mobile, after hours too: too
    # few numbers for a pool, but not its own, 23 callees hearing 57 callers
    roofer = features(calls=57, answered=32, long_answered=30, caller_ids=22, callees=23,
                      callee_blocks=23, callee_caller_pairs=57, unassigned_caller=34,
                      numbers_known=57, consent_known=32, no_consent=32, hours_known=57,
                      outside_hours=19)  # fmt: skip
    assert hours(roofer).evidence is Evidence.PATTERN
    assert assess(roofer).severity is Severity.MEDIUM
    # the same night calls from its own numbers, each callee once: its own solicitations
    own = replace(roofer, unassigned_caller=0, callees=57, callee_blocks=57)
    assert hours(own).evidence is Evidence.ILLEGAL


def test_a_rotation_of_the_accounts_own_numbers_says_so() -> None:
    """A pharmacy chain's 120 store lines, each calling its own patients: rotation by the
    figures, but an analyst must read that numbers.csv grants every one of them; a pool
    with numbers not granted, or an account that declared none, carries no such note."""

    def rotation(f: EntityFeatures) -> str:
        (found,) = [x for x in detect(f) if x.code is ReasonCode.CALLER_ID_ROTATION]
        return found.detail

    own = features(caller_ids=400, numbers_known=1000, unassigned_caller=0)
    assert "every one granted to the account" in rotation(own)
    assert "granted" not in rotation(replace(own, unassigned_caller=30))
    assert "granted" not in rotation(replace(own, numbers_known=0))


def test_only_rotating_unassigned_well_answered_windows_ask_for_their_days_pairs() -> None:
    """The hours whose UTC day's callee-caller pairs may show forwarding: rotating
    numbers not the account's, answered like a forwarding service's, with too few callers
    per callee in the window to tell. Not a spoofer (few answer), not a window that
    already shows forwarding, not a carrier."""
    base = {"entity_type": "customer", "calls": 300, "answered": 200, "caller_ids": 290,
            "callees": 280, "callee_caller_pairs": 290, "unassigned_caller": 300,
            "numbers_known": 300}  # fmt: skip
    variants = [
        {},
        {"answered": 40},
        {"callee_caller_pairs": 400},
        {"entity_type": "upstream_provider"},
        {"unassigned_caller": 0},
        {"caller_ids": 10},
    ]
    rows = [base | change for change in variants]
    columns = {name: np.array([row[name] for row in rows]) for name in FORWARDING_COLUMNS}
    assert may_be_forwarding(columns).tolist() == [True, False, False, False, False, False]


def test_an_hours_short_spike_counts_only_when_its_day_spikes_there_too() -> None:
    """An hour of 120 answered calls whose spike is at 10 s, by the quick refusals: a
    recording when its UTC day's main spike is at its length, chance in a thin hour
    when the day's is elsewhere (a survey's hump, flat over the day); a spike at 40 s
    needs no day to confirm it."""
    hour = features(window_end=DAY + timedelta(hours=1), calls=900, answered=120,
                    long_answered=110, consent_known=120, no_consent=120, callees=900,
                    callee_blocks=899, callee_caller_pairs=900, peak_duration_calls=45,
                    peak_duration_s=10, peak_duration_band_s=4, day_peak_duration_s=10,
                    day_peak_duration_band_s=4)  # fmt: skip
    assert ReasonCode.PRERECORDED_PATTERN in codes(hour)
    elsewhere = replace(hour, day_peak_duration_s=132)
    assert ReasonCode.PRERECORDED_PATTERN not in codes(elsewhere)
    assert ReasonCode.PRERECORDED_PATTERN not in codes(replace(hour, day_peak_duration_s=None))
    long_message = replace(elsewhere, peak_duration_s=40)
    assert ReasonCode.PRERECORDED_PATTERN in codes(long_message)
    # a day's window is its own day
    assert ReasonCode.PRERECORDED_PATTERN in codes(
        replace(elsewhere, window_end=DAY + timedelta(days=1))
    )


def test_an_hours_short_spike_must_stand_above_a_day_that_is_no_recording() -> None:
    """A phone bank's refusals hump at 12 s, 28% of its day's answered calls: no
    recording. Its busiest hour, 24 of 58 at that length (41%, 30% allowing for chance),
    is one of the day's many hours crossing by chance, as a survey's hour at the end of
    its hang-ups' plateau is; an hour playing a message among the day's live calls stands
    far above its day and counts."""
    hour = features(window_end=DAY + timedelta(hours=1), calls=294, answered=61,
                    long_answered=58, consent_known=61, no_consent=61, callees=294,
                    callee_blocks=293, callee_caller_pairs=294, peak_duration_calls=24,
                    peak_duration_s=12, peak_duration_band_s=4, day_peak_duration_s=12,
                    day_peak_duration_band_s=4, day_peak_duration_calls=280,
                    day_long_answered=1000)  # fmt: skip
    assert recording_spike(24, 58)[2]  # by its own share alone, a recording
    assert ReasonCode.PRERECORDED_PATTERN not in codes(hour)
    message_hour = replace(hour, peak_duration_calls=45)
    assert ReasonCode.PRERECORDED_PATTERN in codes(message_hour)
    # a live survey's hour, 32 of 82 at 15 s (at least 22% at one-sided 99.9%) by the end of
    # its early hang-ups' plateau, against its day's 19% there: the fullest of the lengths
    # searched in one of the day's hours (synth seed 109, scale 0.07, 5 days)
    survey_hour = replace(hour, long_answered=82, answered=88, peak_duration_calls=32,
                          peak_duration_s=15, day_peak_duration_s=15, day_peak_duration_calls=105,
                          day_long_answered=545)  # fmt: skip
    assert ReasonCode.PRERECORDED_PATTERN not in codes(survey_hour)
    # a day whose spike is a recording confirms its hours
    recorded_day = replace(hour, day_peak_duration_calls=400)
    assert ReasonCode.PRERECORDED_PATTERN in codes(recorded_day)


def test_missing_consent_is_illegal_only_for_recordings_or_dialers() -> None:
    live = assess(features(no_consent=500))
    recorded = assess(features(no_consent=500, peak_duration_calls=300))
    hit_list = assess(features(no_consent=500, callee_blocks=200))
    assert live.severity is not Severity.HIGH
    assert recorded.severity is Severity.HIGH
    assert hit_list.severity is Severity.HIGH
    # the reason says which: an analyst reads why missing records matter or do not
    details = {
        name: next(f.detail for f in found.findings if f.code is ReasonCode.NO_CONSENT_WIRELESS)
        for name, found in (("live", live), ("recorded", recorded))
    }
    assert "a live agent speaks on need no consent" in details["live"]
    # ... and what a live sales call still answers to, which call records cannot show
    assert "64.1200(c)(2)" in details["live"]
    assert details["recorded"].endswith("(prerecorded or autodialled)")


def test_missing_records_of_callees_who_answer_most_calls_are_asked_for() -> None:
    """Voice one-time passcodes: a 16 s code read to 85% of the callees, who asked for it,
    and no consent records uploaded (the layered network's `vaultkey-verify`, `high` on the
    records alone). The callees' answering says they expect the calls: the missing records
    are a question for the account, `medium`. Not so for a cold recording answered on a
    third of its calls, for a declared seller, nor for a window too thin to tell."""
    asked = features(answered=850, long_answered=800, consent_known=850, no_consent=850,
                     peak_duration_calls=600, peak_duration_s=16)  # fmt: skip
    found = {f.code: f for f in detect(asked)}[ReasonCode.NO_CONSENT_WIRELESS]
    assert found.evidence is Evidence.PATTERN
    assert "85% of the calls answered: callees expecting them" in found.detail
    assert assess(asked).severity is Severity.MEDIUM
    cold = replace(asked, answered=350, long_answered=330, consent_known=350, no_consent=350)
    cold = replace(cold, peak_duration_calls=250)
    assert assess(cold).severity is Severity.HIGH
    seller = EntityContext(declared_use="outbound sales")
    assert assess(asked, seller).severity is Severity.HIGH
    # an hour of 30 calls, 21 answered, whose day plays the recording: 70%, but 60% is not
    # beyond chance
    thin = _thin_live_hour(21, calls=30, no_consent=21)
    thin = replace(thin, callees=30, callee_blocks=30, callee_caller_pairs=30, nanp_pairs=30)
    thin = replace(thin, hours_known=30, numbers_known=30)
    recorded_day = EntityContext(day_prerecorded=True, account_no_consent_share=1.0)
    consent = {f.code: f for f in detect(thin, recorded_day)}[ReasonCode.NO_CONSENT_WIRELESS]
    assert consent.evidence is Evidence.ILLEGAL
    busier = _thin_live_hour(34, no_consent=34)  # 34 of 40: at least 60% allowing for chance
    consent = {f.code: f for f in detect(busier, recorded_day)}[ReasonCode.NO_CONSENT_WIRELESS]
    assert consent.evidence is Evidence.PATTERN
    # 23 of 25 pass the bound, but a sender's thin hours pass it now and then by chance
    few = _thin_live_hour(23, calls=25, no_consent=23)
    few = replace(few, callees=25, callee_blocks=25, callee_caller_pairs=25, nanp_pairs=25)
    few = replace(few, hours_known=25, numbers_known=25)
    consent = {f.code: f for f in detect(few, recorded_day)}[ReasonCode.NO_CONSENT_WIRELESS]
    assert consent.evidence is Evidence.ILLEGAL


def test_missing_consent_on_live_calls_beside_consented_recordings_is_a_pattern() -> None:
    """A third of the answered calls lack records, a recording plays in the window: its
    calls, counted apart, decide whether the missing records are the recording's."""
    mixed = features(no_consent=170, peak_duration_calls=300)

    def consent(f: EntityFeatures) -> tuple[Evidence, Severity]:
        found = {finding.code: finding for finding in detect(f)}
        return found[ReasonCode.NO_CONSENT_WIRELESS].evidence, assess(f).severity

    # not counted: the share is all there is to judge by
    assert consent(mixed) == (Evidence.ILLEGAL, Severity.HIGH)
    # the recorded calls reached people with records: the live calls lack them
    covered = replace(mixed, band_consent_known=300, band_no_consent=9)
    assert consent(covered)[0] is Evidence.PATTERN
    assert consent(covered)[1] is not Severity.HIGH
    (finding,) = [f for f in detect(covered) if f.code is ReasonCode.NO_CONSENT_WIRELESS]
    assert "the missing records are the live calls'" in finding.detail
    # ... not when they lack them too, nor for a dialler working down number ranges
    assert consent(replace(mixed, band_consent_known=300, band_no_consent=90))[0] is (
        Evidence.ILLEGAL
    )
    hit_list = replace(covered, callee_blocks=200)
    assert consent(hit_list)[0] is Evidence.ILLEGAL
    # too few in the window to tell either way: the account's recorded calls over the period
    thin = replace(mixed, band_consent_known=25, band_no_consent=4)
    assert consent(thin)[0] is Evidence.ILLEGAL
    practice = replace(thin, period_band_consent_known=2_000, period_band_no_consent=60)
    assert consent(practice)[0] is Evidence.PATTERN
    # ... but a window whose recorded calls lack records beyond chance is judged on them
    lacking = replace(practice, band_consent_known=60, band_no_consent=40)
    assert consent(lacking)[0] is Evidence.ILLEGAL


def test_a_small_spike_whose_calls_reach_another_list_is_a_recording() -> None:
    """A contact centre's consented customers and, at one length, a fifth of its answered
    calls to people without records: a recording sent to a bought list."""
    floor = features(no_consent=150, peak_duration_calls=100, peak_duration_band_s=4)
    assert ReasonCode.PRERECORDED_PATTERN not in codes(floor)
    listed = replace(floor, band_consent_known=160, band_no_consent=140)
    found = {f.code: f for f in detect(listed)}
    assert "another list" in found[ReasonCode.PRERECORDED_PATTERN].detail
    assert found[ReasonCode.NO_CONSENT_WIRELESS].evidence is Evidence.ILLEGAL
    assert assess(listed).severity is Severity.HIGH
    # the same people at every length (a live floor's mode): no recording
    same = replace(floor, no_consent=480, band_consent_known=160, band_no_consent=150)
    assert ReasonCode.PRERECORDED_PATTERN not in codes(same)
    # the spike too small a share to be more than chance, or its calls too few
    assert ReasonCode.PRERECORDED_PATTERN not in codes(replace(listed, peak_duration_calls=40))
    thin = replace(listed, band_consent_known=40, band_no_consent=38)
    assert ReasonCode.PRERECORDED_PATTERN not in codes(thin)
    # a reseller's window mixing its clients' calls: each client reaches its own people
    assert ReasonCode.PRERECORDED_PATTERN not in codes(replace(listed, sources=3))


def test_a_thin_windows_missing_consent_over_the_period_spares_live_calls_too() -> None:
    # 12 answered calls in the window, half at the length of the recording the period shows;
    # a third of the account's answered calls unconsented
    thin = features(
        answered=12, consent_known=12, no_consent=6, long_answered=12, peak_duration_calls=6,
        peak_duration_band_s=4,
        short_answered=0, period_consent_known=3_000, period_no_consent=1_000,
        period_long_answered=2_900, period_peak_duration_calls=1_500, period_peak_duration_s=40,
        period_peak_duration_band_s=4,
    )  # fmt: skip
    found = {f.code: f for f in detect(thin)}
    assert found[ReasonCode.NO_CONSENT_WIRELESS].evidence is Evidence.ILLEGAL
    covered = replace(thin, period_band_consent_known=1_600, period_band_no_consent=40)
    found = {f.code: f for f in detect(covered)}
    assert found[ReasonCode.NO_CONSENT_WIRELESS].evidence is Evidence.PATTERN


def test_only_accounts_whose_missing_consent_could_be_their_live_calls_are_counted() -> None:
    def asked(**values: object) -> tuple[bool, bool]:
        row = features(**values)
        columns = {
            name: np.array([getattr(row, name)])
            for name in ("entity_type", "no_consent", "consent_known", "peak_duration_calls",
                         "day_peak_duration_calls", "period_no_consent", "period_consent_known",
                         "period_peak_duration_calls")
        }  # fmt: skip
        window, period = consent_may_rest_on_live_calls(columns)
        return bool(window[0]), bool(period[0])

    mixed = {"no_consent": 170, "peak_duration_calls": 300, "period_peak_duration_calls": 900}
    assert asked(**mixed) == (True, True)
    # every answered call outside the spike could not hold 480 missing records: settled
    assert asked(**{**mixed, "no_consent": 480}) == (False, False)
    # too few missing records to cross the share; no spike anywhere; not an account
    assert asked(**{**mixed, "no_consent": 50}) == (False, False)
    assert asked(no_consent=170, peak_duration_calls=0, day_peak_duration_calls=0) == (
        False,
        False,
    )
    assert asked(**mixed, entity_type="upstream_provider") == (False, False)
    # a window too thin to judge alone, whose account crosses the share over the period
    thin = {"consent_known": 12, "no_consent": 5, "period_consent_known": 3_000,
            "period_no_consent": 1_000, "period_peak_duration_calls": 1_500}  # fmt: skip
    assert asked(**thin) == (False, True)


def test_an_hours_missing_consent_needs_it_when_its_day_shows_a_recording() -> None:
    # an hour with too few answered calls of 6 s or more to show a spike of its own
    hour = features(
        window_end=DAY + timedelta(hours=1), answered=40, consent_known=40, no_consent=40,
        long_answered=30, peak_duration_calls=20, short_answered=2, calls=200,
    )  # fmt: skip

    def consent_evidence(context: EntityContext) -> Evidence:
        found = {f.code: f for f in detect(hour, context)}
        return found[ReasonCode.NO_CONSENT_WIRELESS].evidence

    assert ReasonCode.PRERECORDED_PATTERN not in codes(hour)
    assert consent_evidence(EntityContext()) is Evidence.PATTERN
    assert consent_evidence(EntityContext(day_prerecorded=False)) is Evidence.PATTERN
    assert consent_evidence(EntityContext(day_prerecorded=True)) is Evidence.ILLEGAL
    emergency = EntityContext(day_prerecorded=True, declared_use="emergency alerts")
    assert consent_evidence(emergency) is Evidence.PATTERN


def test_recording_spike_needs_enough_calls_and_beats_chance() -> None:
    assert recording_spike(40, 49)[2] is False  # too few answered calls of 6 s or more
    share, bound, found = recording_spike(300, 480)
    assert share == pytest.approx(300 / 480)
    assert 0.3 <= bound < share
    assert found is True
    assert recording_spike(0, 0) == (0.0, 0.0, False)


def test_emergency_notifier_is_exempt_from_consent_and_hours() -> None:
    burst = features(no_consent=500, peak_duration_calls=300, outside_hours=400, calls=40_000)
    context = EntityContext(declared_use="School emergency notifications", kyc_status="verified")
    assessment = assess(burst, context)
    assert assessment.severity is not Severity.HIGH
    assert classify_declared_use(context.declared_use) is DeclaredUse.EMERGENCY
    (consent,) = [f for f in assessment.findings if f.code is ReasonCode.NO_CONSENT_WIRELESS]
    assert consent.evidence is Evidence.PATTERN
    assert "exempts calls made for emergency purposes" in consent.detail


@pytest.mark.parametrize(
    ("declared", "use"),
    [
        ("Severe weather and school closing alerts for districts", DeclaredUse.EMERGENCY),
        ("Campus lockdown and boil water notices", DeclaredUse.EMERGENCY),
        ("Reverse 911 and tornado warnings for county residents", DeclaredUse.EMERGENCY),
        ("Wildfire evacuation orders", DeclaredUse.EMERGENCY),
        ("Reverse-911 notifications", DeclaredUse.EMERGENCY),
        ("Warranty offers, call back 1-800-555-9110", DeclaredUse.OTHER),
        ("Callbacks from 212-911-0000", DeclaredUse.OTHER),
        ("Shelter-in-place and gas leak alerts", DeclaredUse.EMERGENCY),
        ("Pharmacy refill reminders", DeclaredUse.HEALTHCARE),
        ("Patient appointment reminders", DeclaredUse.HEALTHCARE),
        ("Medicare benefits member outreach", DeclaredUse.OTHER),
        ("Customer appointment confirmations", DeclaredUse.INFORMATIONAL),
        ("Free medical alert device calls", DeclaredUse.INFORMATIONAL),
        ("Health insurance enrollment marketing", DeclaredUse.TELEMARKETING),
        ("Package delivery notifications", DeclaredUse.INFORMATIONAL),
        ("Outbound sales for solar panels", DeclaredUse.TELEMARKETING),
        ("Home weatherization sales", DeclaredUse.TELEMARKETING),
        # an insurance seller sells by phone; a platform for insurance sellers does not
        ("Independent Medicare insurance agency, plan reviews", DeclaredUse.TELEMARKETING),
        ("Licensed insurance broker", DeclaredUse.TELEMARKETING),
        ("Call tracking for insurance agencies", DeclaredUse.OTHER),
        ("Hosted dialler for licensed insurance agents", DeclaredUse.OTHER),
        # a person's or a household's own line; a business's callees are not its line
        ("prepaid wireless (consumer)", DeclaredUse.CONSUMER),
        ("The carrier's own residential telephone service", DeclaredUse.CONSUMER),
        ("Family plan, four lines", DeclaredUse.CONSUMER),
        ("Collection of purchased consumer debt", DeclaredUse.OTHER),
        ("Callbacks to consumers who called us", DeclaredUse.OTHER),
        ("Residential solar sales", DeclaredUse.TELEMARKETING),
        # an office's phones serving its departments, a sales desk among them, sell nothing
        ("Seafood exporter: office phones (sales, buyers, shipping)", DeclaredUse.OTHER),
        ("Office phones (sales) and outbound sales calls", DeclaredUse.TELEMARKETING),
        ("Sales team phones", DeclaredUse.TELEMARKETING),
        # a seller's words as words, not inside another's
        ("Law office: court dates and pleadings (live staff)", DeclaredUse.OTHER),
        ("Leadership team's desk phones", DeclaredUse.OTHER),
        ("Firm of solicitors: client calls", DeclaredUse.OTHER),
        ("Presales engineering callbacks", DeclaredUse.OTHER),
        ("Telephone solicitation for home security", DeclaredUse.TELEMARKETING),
        ("Salespeople's direct lines", DeclaredUse.TELEMARKETING),
        ("Mortgage leads", DeclaredUse.TELEMARKETING),
        ("Speed-to-lead calls to homeowners", DeclaredUse.TELEMARKETING),
        ("Leadgen call centre", DeclaredUse.TELEMARKETING),
        ("Telemarketer of home warranties", DeclaredUse.TELEMARKETING),
        # political, electoral and nonprofit calling: no solicitation
        ("Candidate committee: GOTV voice broadcasts", DeclaredUse.NONCOMMERCIAL),
        ("Political voter contact", DeclaredUse.NONCOMMERCIAL),
        ("Volunteer phone banking (live callers)", DeclaredUse.NONCOMMERCIAL),
        ("Donor calls by live staff (501(c)(3) nonprofit)", DeclaredUse.NONCOMMERCIAL),
        ("First- and third-party debt collection", DeclaredUse.OTHER),
        ("Impact investing newsletter", DeclaredUse.OTHER),
        ("Political consulting and lead generation", DeclaredUse.TELEMARKETING),
        ("Unexcused absence calls to parents", DeclaredUse.OTHER),
        (None, DeclaredUse.OTHER),
    ],
)
def test_declared_use_is_sorted_by_what_the_tcpa_treats_differently(
    declared: str | None, use: DeclaredUse
) -> None:
    """Emergency purposes as 47 CFR 64.1200(f)(4) and the FCC's school-caller ruling read
    them (weather closures, threats, health risks); an absence call needs consent."""
    assert classify_declared_use(declared) is use


def test_soliciting_at_night_as_a_practice_is_high_with_a_witness_of_its_own() -> None:
    assert assess(features(outside_hours=50)).severity is Severity.LOW
    assert assess(features(outside_hours=150)).severity is Severity.MEDIUM
    # night calls to people who consented are no solicitations (47 CFR 64.1200(f)(15))
    consented = assess(features(outside_hours=450))
    assert consented.severity is Severity.MEDIUM
    (night,) = consented.findings
    assert "100% of the answered calls reach numbers with consent records" in night.detail
    # Without records they are solicitations, illegal at night; but the missing records are
    # what made them solicitations, no second witness: live calls answered as people
    # answer (a radio station ringing contest entrants back at 7 am) are for an analyst.
    unconsented = assess(features(outside_hours=450, no_consent=300))
    (hours,) = [f for f in unconsented.findings if f.code is ReasonCode.OUTSIDE_CALLING_HOURS]
    assert hours.evidence is Evidence.ILLEGAL
    assert not [f for f in unconsented.findings if "(f)(15)" in f.detail]
    assert unconsented.severity is Severity.MEDIUM
    # ... unless the account declares sales: its own word makes them solicitations
    seller = EntityContext(declared_use="outbound sales")
    assert assess(features(outside_hours=450, no_consent=300), seller).severity is Severity.HIGH
    # a dialler's night: most calls unanswered and the answered ones hung up on
    dialler = assess(
        features(
            outside_hours=450, answered=100, short_answered=50, consent_known=100, no_consent=60
        )
    )
    assert dialler.severity is Severity.HIGH
    assert assess(features(outside_hours=150, no_consent=300)).severity is Severity.MEDIUM


def test_night_calls_their_callees_expect_are_no_evident_solicitations() -> None:
    """The blind network's ride-hail proxy (tests/traffic/blind_shapes.py): live calls
    around the clock from 2,500 granted numbers, 38% of them outside the calling hours,
    72% answered, no consent records (live calls need none). Cold calls are answered on
    10-35% of calls: callees answering this often expect the calls, and the missing
    records say no one was asked for consent, not that anyone was sold to. The same
    night calls answered on a quarter of calls are a solicitor's, as are those of an
    account declaring sales, however often answered."""
    proxy = features(calls=10_000, answered=7_200, long_answered=7_000, short_answered=200,
                     answered_seconds=7_200 * 40, caller_ids=2_500, callees=9_800,
                     callee_blocks=9_750, callee_caller_pairs=9_800, hours_known=10_000,
                     outside_hours=3_800, consent_known=7_200, no_consent=7_200,
                     numbers_known=10_000)  # fmt: skip

    def hours(f: EntityFeatures, context: EntityContext | None = None) -> Finding:
        found = detect(f, context or EntityContext())
        (night,) = [x for x in found if x.code is ReasonCode.OUTSIDE_CALLING_HOURS]
        return night

    assert hours(proxy).evidence is Evidence.SUSPECT
    assert "72% of the calls answered: callees expecting them" in hours(proxy).detail
    assert assess(proxy).severity is Severity.MEDIUM
    cold = replace(proxy, answered=2_500, long_answered=2_400, consent_known=2_500,
                   no_consent=2_500, answered_seconds=2_500 * 40)  # fmt: skip
    assert hours(cold).evidence is Evidence.ILLEGAL
    assert assess(cold).severity is Severity.HIGH
    seller = EntityContext(declared_use="outbound sales")
    assert hours(proxy, seller).evidence is Evidence.ILLEGAL


def _thin_live_hour(answered: int = 8, **values: object) -> EntityFeatures:
    """A live caller's hour of 40 calls to 40 people, ``answered`` of them (2 minutes each,
    all judged for consent): too thin to judge its consent or its practice alone; ``values``
    changed."""
    base: dict[str, object] = {
        "window_end": DAY + timedelta(hours=1),
        "calls": 40,
        "answered": answered,
        "answered_seconds": answered * 120,
        "short_answered": 0,
        "long_answered": answered,
        "consent_known": answered,
        "callees": 40,
        "callee_blocks": 40,
        "callee_caller_pairs": 40,
        "nanp_pairs": 40,
        "neighbor": 0,
        "hours_known": 40,
        "outside_hours": 0,
        "numbers_known": 40,
        "peak_duration_calls": 0,
        "peak_calls_per_minute": 2,
    }
    return features(**{**base, **values})


def test_a_sellers_thin_night_hour_takes_its_periods_missing_consent() -> None:
    """An hour of a live sales floor calling at night, 12 of its 40 calls answered: too few
    to judge its consent alone. Its period's records decide whether the calls were
    solicitations and, for an account that declares sales, are the second fact its days
    show (seed 42 of the synth network at scale 0.03, hourly: `medium` hour after hour)."""
    hour = _thin_live_hour(
        12, no_consent=12, outside_hours=36, period_consent_known=300, period_no_consent=300
    )
    seller = EntityContext(
        declared_use="outbound sales", account_no_consent_share=1.0, day_outside_hours_share=0.45
    )
    found = {f.code: f for f in detect(hour, seller)}
    missing = found[ReasonCode.NO_CONSENT_WIRELESS]
    assert missing.value == 1.0
    assert "300 over the period" in missing.detail
    assert assess(hour, seller).severity is Severity.HIGH
    # a covered period: the hour's calls are no solicitations, nothing to add
    covered = replace(hour, period_no_consent=10)
    assert ReasonCode.NO_CONSENT_WIRELESS not in codes(covered, seller)
    # live calls of an account that declares no sales are not asked for consent
    other = replace(seller, declared_use="customer care")
    assert ReasonCode.NO_CONSENT_WIRELESS not in codes(hour, other)
    assert assess(hour, other).severity is Severity.MEDIUM
    # ... nor a seller's by day: there the question is the do-not-call list's
    daytime = replace(hour, outside_hours=0)
    assert ReasonCode.NO_CONSENT_WIRELESS not in codes(daytime, seller)
    for window in (hour, daytime, covered):
        assert_may_find_lets_through(window, seller)


def test_a_thin_hour_at_its_days_recording_length_names_the_recording() -> None:
    """An hour of 40 calls, 24 answered, none to people with consent records, of an account
    whose UTC day plays two or three messages (98 of its 251 answered calls, 39%): no hour
    holds enough of any one message to show it. The day's recording already makes the hour's
    calls need consent; where the hour's own spike is at the day's length, the recording is
    named beside the missing consent, and the hour is `high` as its day is."""
    hour = _thin_live_hour(
        24,
        no_consent=24,
        peak_duration_calls=4,
        peak_duration_s=66,
        peak_duration_band_s=4,
        day_peak_duration_calls=98,
        day_long_answered=251,
        day_peak_duration_s=67,
        day_peak_duration_band_s=4,
    )
    recorded_day = EntityContext(day_prerecorded=True, account_no_consent_share=1.0)
    found = {f.code: f for f in detect(hour, recorded_day)}
    spike = found[ReasonCode.PRERECORDED_PATTERN]
    assert (
        "at the length of its UTC day's recording: 39% of the account's answered calls that "
        "day (251 answered calls of 6 s or more; at least 34% allowing for chance) form a "
        "spike at 67 s +-4 s"
    ) in spike.detail
    assert found[ReasonCode.NO_CONSENT_WIRELESS].evidence is Evidence.ILLEGAL
    assert assess(hour, recorded_day).severity is Severity.HIGH
    assert_may_find_lets_through(hour, recorded_day)
    # the hour's spike elsewhere: its calls still need consent, one fact only
    elsewhere = replace(hour, peak_duration_s=30)
    assert ReasonCode.PRERECORDED_PATTERN not in codes(elsewhere, recorded_day)
    assert assess(elsewhere, recorded_day).severity is Severity.MEDIUM
    # a consented hour is no alert for its day's message
    consented = replace(hour, no_consent=0)
    assert codes(consented, replace(recorded_day, account_no_consent_share=0.0)) == set()
    # a customer mixing its clients' calls takes no day's recording
    mixed = replace(hour, sources=3)
    assert ReasonCode.PRERECORDED_PATTERN not in codes(mixed, recorded_day)


def test_a_thin_hour_takes_its_days_piled_recording() -> None:
    """A dialler putting a third of its answered calls through to live agents plays its
    message to the rest: its day's spike holds 110 of 420 answered calls (26%, under a
    recording's share) but 110 of the 150 calls in its band beyond what the lengths either
    side predict, a pile no live talk makes. Its hour of 30 answered calls holds 9 of them,
    under the 50 a pile needs: the hour takes its day's pile as it takes its day's share
    (the evasive network's live-agent mix, seeds 37 and 44 hourly)."""
    hour = _thin_live_hour(
        30,
        # a cold list's hour: 30 of 150 calls answered
        calls=150,
        callees=150,
        callee_blocks=150,
        callee_caller_pairs=150,
        nanp_pairs=150,
        hours_known=150,
        numbers_known=150,
        no_consent=30,
        peak_duration_calls=9,
        peak_duration_s=29,
        peak_duration_band_s=4,
        day_peak_duration_calls=110,
        day_long_answered=420,
        day_peak_duration_s=30,
        day_peak_duration_band_s=4,
        day_peak_band_total=150,
    )
    recorded_day = EntityContext(day_prerecorded=True, account_no_consent_share=1.0)
    spike = {f.code: f for f in detect(hour, recorded_day)}[ReasonCode.PRERECORDED_PATTERN]
    assert "110 of the 150 calls in its band" in spike.detail
    assert spike.threshold == DEFAULT_THRESHOLDS.prerecorded_ended_share
    assert assess(hour, recorded_day).severity is Severity.HIGH
    # the band not known, or holding the day's live mode (a tenth above its flanks)
    for band_total in (None, 1_100):
        loose = replace(hour, day_peak_band_total=band_total)
        assert ReasonCode.PRERECORDED_PATTERN not in codes(loose, recorded_day)
    # a day whose versions of the message pile as a comb's teeth: the hour's spike at a tooth
    comb = replace(hour, day_peak_band_total=1_100, day_comb_duration_calls=120)
    comb = replace(comb, day_comb_durations_s=(24, 29, 34), day_comb_band_total=170)
    spike = {f.code: f for f in detect(comb, recorded_day)}[ReasonCode.PRERECORDED_PATTERN]
    assert "spikes at 24 s, 29 s and 34 s +-1 s" in spike.detail
    assert "120 of the 170 calls in their bands" in spike.detail
    assert assess(comb, recorded_day).severity is Severity.HIGH
    # ... not where the hour's spike is at none of the teeth's lengths
    elsewhere = replace(comb, peak_duration_s=50, day_peak_duration_s=70)
    assert ReasonCode.PRERECORDED_PATTERN not in codes(elsewhere, recorded_day)


def test_a_caller_id_is_judged_with_its_account() -> None:
    """A caller ID carries no consent or duration figures of its own: what decides is the
    account it comes through (declared use, consent coverage, the number's grant)."""
    line = features(
        entity_type="caller_id",
        entity_id="+15075550123",
        customer_id="school",
        caller_ids=1,
        outside_hours=600,
        consent_known=0,
        no_consent=0,
        numbers_known=0,
    )
    alone = assess(line)
    assert alone.severity is Severity.MEDIUM
    emergency = EntityContext(
        declared_use="emergency and school closure notifications", kyc_status="verified"
    )
    assert codes(line, emergency) == set()
    consented = EntityContext(number_granted=True, account_no_consent_share=0.03)
    assert assess(line, consented).severity is Severity.MEDIUM
    unconsented = EntityContext(account_no_consent_share=0.9)
    found = {f.code: f for f in detect(line, unconsented)}
    assert found[ReasonCode.OUTSIDE_CALLING_HOURS].evidence is Evidence.ILLEGAL
    # still one reason: the account, whose calls show both, is where it reaches high
    assert assess(line, unconsented).severity is Severity.MEDIUM


@pytest.mark.parametrize(
    ("callees", "blocks", "exchanges", "hundreds", "hit_list"),
    [
        (1000, 100, 1, 10, True),  # a range of 1,000 numbers worked down in order
        (10_000, 1000, 1, 100, True),  # a whole exchange swept
        (1000, 150, 50, 70, True),  # runs of 20 numbers in 50 exchanges
        (1000, 110, 1, 14, True),  # runs with a tenth of the numbers skipped
        (3000, 1896, 3, 300, False),  # a town's 3 exchanges called densely at random
        (20_000, 8650, 10, 1000, False),  # a region's 10 exchanges, denser still
        # a survey's list-assisted sample: 10 numbers a day at random in each of 600
        # 100-number blocks spread over 583 exchanges (1 - e^-1 of their 10-number blocks)
        (6000, 3793, 583, 600, False),
        (1000, 200, 0, 0, True),  # neither counted: the blocks alone
    ],
)
def test_a_hit_list_fills_fewer_blocks_than_chance(
    callees: int, blocks: int, exchanges: int, hundreds: int, hit_list: bool
) -> None:
    """Dense local calling and sampling within 100-number blocks share 10-number blocks by
    chance; number-order dialling fills far fewer blocks than callees spread at random over
    their exchanges and 100-number blocks would, or sweeps them."""
    dialled = features(
        callees=callees, callee_blocks=blocks, callee_exchanges=exchanges, callee_hundreds=hundreds
    )
    assert 1 - blocks / callees >= DEFAULT_THRESHOLDS.sequential_share
    assert (ReasonCode.SEQUENTIAL_DIALING in codes(dialled)) is hit_list


def test_callee_clustering_is_against_chance_over_the_exchanges() -> None:
    # 3,000 callees at random in 3 exchanges fill 3000 * (1 - e^-1) blocks
    clustering, coverage = callee_clustering(3000, 1896, 3)
    assert clustering == pytest.approx(0.0, abs=0.01)
    assert coverage == pytest.approx(0.1)
    assert callee_clustering(1000, 100, 1)[0] == pytest.approx(1 - 100 / 632.1, abs=0.01)
    # HyperLogLog may count more exchanges than callees: no exchange is empty
    assert callee_clustering(10, 10, 12) == callee_clustering(10, 10, 10)
    assert callee_clustering(0, 0, 0) == (1.0, 0.0)
    # within 100-number blocks: 6,000 callees at random in 600 fill 6000 * (1 - e^-1)
    clustering, coverage = callee_clustering(6000, 3793, 600, BLOCKS_PER_HUNDRED)
    assert clustering == pytest.approx(0.0, abs=0.01)
    assert coverage == pytest.approx(0.1)


def test_a_recording_beside_live_agents_is_found_by_its_pile() -> None:
    """The evasive network's live-agent mix: a third of the answered calls go to agents,
    and of the rest most hang up during a 24 s message or hear it on voicemail, so its
    spike holds 28% of the answered calls (under the 30% a recording needs); but 140 of
    the 190 calls in its band lie beyond what the lengths either side predict, a pile no
    live talk makes. Not a pile: a live mode (a tenth of its band beyond its flanks), 20
    calls in sparse bands (a small business's day), nor a band at the quick refusals."""
    mix = features(peak_duration_s=24, peak_duration_band_s=4, peak_duration_calls=140,
                   peak_band_total=190, peak_beyond_calls=250, long_answered=500)  # fmt: skip
    (found,) = [f for f in detect(mix) if f.code is ReasonCode.PRERECORDED_PATTERN]
    assert found.threshold == DEFAULT_THRESHOLDS.prerecorded_ended_share
    assert "140 of the 190 calls in its band" in found.detail
    assert "no live talk piles them" in found.detail
    assert assess(replace(mix, no_consent=450)).severity is Severity.HIGH
    assert_may_find_lets_through(mix)
    for not_a_pile in (
        replace(mix, peak_band_total=1_400),  # a live mode's bulge
        replace(mix, peak_duration_calls=40, peak_band_total=50),  # a few calls, sparse
        replace(mix, peak_duration_s=12),  # at the quick refusals' edge
        replace(mix, peak_band_total=None),  # not known
    ):
        assert ReasonCode.PRERECORDED_PATTERN not in codes(not_a_pile), not_a_pile


def test_versions_of_one_message_are_found_by_their_combs_pile() -> None:
    """The evasive network's rotating pitch: five versions a few seconds apart, each with
    the next in its 9-second band's flanks, so its spikes hold 19% of the answered calls
    and a third of their bands' calls. Its comb's teeth (1 s either side) hold 282 of the
    976 answered calls, 282 of the 509 calls in their bands beyond their flanks: a
    recording. Not one: teeth that pile no more than a live mode's, too few calls, or
    none counted."""
    versions = features(long_answered=976, peak_duration_s=40, peak_duration_band_s=4,
                        peak_durations_s=(40, 33), peak_duration_calls=186,
                        peak_band_total=560, peak_beyond_calls=300, comb_duration_calls=282,
                        comb_durations_s=(40, 33, 45, 27, 19), comb_band_total=509)  # fmt: skip
    (found,) = [f for f in detect(versions) if f.code is ReasonCode.PRERECORDED_PATTERN]
    assert found.threshold == DEFAULT_THRESHOLDS.prerecorded_ended_share
    assert "spikes at 40 s, 33 s, 45 s, 27 s and 19 s +-1 s" in found.detail
    assert "282 of the 509 calls in their bands" in found.detail
    assert assess(replace(versions, no_consent=900)).severity is Severity.HIGH
    assert_may_find_lets_through(versions)
    for not_a_comb in (
        replace(versions, comb_band_total=1_200),  # teeth of a live mode's roughness
        replace(versions, comb_duration_calls=45, comb_band_total=60),  # a few calls
        replace(versions, comb_durations_s=(), comb_duration_calls=0),  # no tooth
        replace(versions, comb_band_total=None),  # not known
    ):
        assert ReasonCode.PRERECORDED_PATTERN not in codes(not_a_comb), not_a_comb


def test_a_carriers_calls_presenting_the_networks_own_numbers_are_suspect() -> None:
    """120 of a carrier's 900 calls present numbers the network grants to its own
    customers, C-attested or unsigned: suspect (their holders place their calls here; a
    holder may also route some through a second carrier), `medium` alone. Under 50, or on
    an account's window, no reason."""
    carrier = features(entity_type="upstream_provider", entity_id="harbor", customer_id="",
                       calls=900, own_number_caller=120, callees=400, day_band_caller_ids=0,
                       day_weak_band_caller_ids=0)  # fmt: skip
    (found,) = [f for f in detect(carrier) if f.code is ReasonCode.UNASSIGNED_CALLER_ID]
    assert found.evidence is Evidence.SUSPECT
    assert found.sample_flag == "own_number_caller"
    assert "120 calls (13%) present numbers this network assigns" in found.detail
    assert assess(carrier).severity is Severity.MEDIUM
    assert one_row_may_find(carrier)
    for quiet in (replace(carrier, own_number_caller=49), replace(carrier, entity_type="customer")):
        assert ReasonCode.UNASSIGNED_CALLER_ID not in codes(quiet)
    assert not one_row_may_find(replace(carrier, own_number_caller=49))


def test_a_recording_most_hang_up_on_is_found_by_its_end() -> None:
    """A fifth of the answered calls hear an 85-second message out, the rest hang up
    evenly through it: no share of a third, but almost no call lasts longer; live talk
    runs on past any bump in its durations."""
    ended = features(peak_duration_s=85, peak_duration_calls=100, peak_beyond_calls=5)
    found = [f for f in detect(ended) if f.code is ReasonCode.PRERECORDED_PATTERN]
    assert len(found) == 1
    assert found[0].threshold == DEFAULT_THRESHOLDS.prerecorded_ended_share
    assert "last longer" in found[0].detail
    talk_runs_on = replace(ended, peak_beyond_calls=200)
    assert ReasonCode.PRERECORDED_PATTERN not in codes(talk_runs_on)
    unknown = replace(ended, peak_beyond_calls=None)
    assert ReasonCode.PRERECORDED_PATTERN not in codes(unknown)
    # a bump among the quick refusals is no message
    assert ReasonCode.PRERECORDED_PATTERN not in codes(replace(ended, peak_duration_s=12))
    # unconsented, it is a robocall
    no_consent = replace(ended, no_consent=400)
    assert assess(no_consent).severity is Severity.HIGH


def test_an_hours_missing_consent_is_weighed_against_its_day() -> None:
    """12 of an hour's 24 answered calls without records, from a sender whose day is 86%
    covered, is the chance one hour in a hundred gives; a campaign's busy hour hidden in
    a covered day is beyond it."""
    hour = features(
        window_end=DAY + timedelta(hours=1), calls=40, answered=24, consent_known=24,
        no_consent=12, long_answered=24, peak_duration_calls=20,
    )  # fmt: skip
    covered_day = EntityContext(account_no_consent_share=0.137)
    assert ReasonCode.NO_CONSENT_WIRELESS in codes(hour)
    assert ReasonCode.NO_CONSENT_WIRELESS in codes(
        hour, EntityContext(account_no_consent_share=0.5)
    )
    assert ReasonCode.NO_CONSENT_WIRELESS not in codes(hour, covered_day)
    busy = replace(hour, calls=500, answered=300, consent_known=300, no_consent=270)
    assert ReasonCode.NO_CONSENT_WIRELESS in codes(busy, covered_day)


def test_a_recording_whose_consent_could_not_be_checked_is_medium() -> None:
    """Without consent records a consented reminder and an illegal robocall look alike:
    an analyst is to ask (medium, with a note), but nothing reaches high on that alone."""
    recording = [Finding(ReasonCode.PRERECORDED_PATTERN, "", 0.4, 0.25, Evidence.PATTERN)]
    assert grade(recording).severity is Severity.LOW
    unchecked = grade(recording, EntityContext(consent_unchecked=True))
    assert unchecked.severity is Severity.MEDIUM
    assert 40 <= unchecked.score <= 74
    assert any("consent" in note for note in unchecked.notes)
    hit_list = [Finding(ReasonCode.SEQUENTIAL_DIALING, "", 0.9, 0.5, Evidence.PATTERN)]
    assert grade(hit_list, EntityContext(consent_unchecked=True)).severity is Severity.MEDIUM
    emergency = EntityContext(consent_unchecked=True, declared_use="Severe weather alerts")
    assert grade(recording, emergency).severity is Severity.LOW
    live = [Finding(ReasonCode.SHORT_CALLS, "", 0.5, 0.4, Evidence.PATTERN)]
    assert grade(live, EntityContext(consent_unchecked=True)).severity is Severity.LOW


def test_a_recording_resting_on_consent_gathered_on_other_sites_is_medium() -> None:
    """A robocaller whose consent records point to lead generators' pages (half of 100 or
    more) is an analyst's to read: medium with a note naming the sites, never high on that
    alone; records on its own site, too few records, or live calls change nothing."""
    recording = [Finding(ReasonCode.PRERECORDED_PATTERN, "", 0.4, 0.25, Evidence.PATTERN)]
    leads = ConsentSources(30_000, 30_000, ("compare-solar.com", "solarquotes.com"))
    graded = grade(recording, EntityContext(consent_sources=leads))
    assert graded.severity is Severity.MEDIUM
    assert 40 <= graded.score <= 74
    (note,) = graded.notes
    assert "compare-solar.com, solarquotes.com" in note
    assert "64.1200(f)(9)" in note
    own = ConsentSources(30_000, 14_999, ("compare-solar.com",))
    assert grade(recording, EntityContext(consent_sources=own)).severity is Severity.LOW
    few = ConsentSources(99, 99, ("compare-solar.com",))
    assert grade(recording, EntityContext(consent_sources=few)).severity is Severity.LOW
    live = [Finding(ReasonCode.SHORT_CALLS, "", 0.5, 0.4, Evidence.PATTERN)]
    assert grade(live, EntityContext(consent_sources=leads)).severity is Severity.LOW
    emergency = EntityContext(consent_sources=leads, declared_use="Severe weather alerts")
    assert grade(recording, emergency).severity is Severity.LOW
    # a case already made stays high; the note still says where the consent came from
    rotated = [
        *recording,
        Finding(ReasonCode.CALLER_ID_ROTATION, "", 0.9, 20, Evidence.SUSPECT),
        Finding(ReasonCode.UNASSIGNED_CALLER_ID, "", 0.9, 0.2, Evidence.SUSPECT),
    ]
    assert grade(rotated, EntityContext(consent_sources=leads)).severity is Severity.HIGH


def _recording_through_a_carrier(**values: object) -> EntityFeatures:
    """A carrier's day: one 22-second recording in 2,700 of 4,000 answered calls."""
    calls = 20_000
    return features(
        entity_type="upstream_provider", entity_id="Gateway", customer_id="", calls=calls,
        answered=4000, long_answered=3800, peak_duration_calls=2500, peak_duration_s=22,
        peak_band_answered=2700, caller_ids=19_900, callees=19_950, callee_blocks=19_900,
        callee_caller_pairs=19_950, nanp_pairs=calls, hours_known=calls, consent_known=0,
        numbers_known=0, **values,
    )  # fmt: skip


def test_a_carriers_recording_from_a_number_per_call_is_rotation() -> None:
    """Spoofed per call and attested by nobody: mitigate now (an RMD filer or not)."""
    rmd = EntityContext(in_rmd=True)
    flood = _recording_through_a_carrier(peak_caller_ids=2690, weak_attestation=19_000)
    assessment = assess(flood, rmd)
    rotation = [f for f in assessment.findings if f.code is ReasonCode.CALLER_ID_ROTATION]
    assert [f.evidence for f in rotation] == [Evidence.ILLEGAL]
    assert rotation[0].value == pytest.approx(2700 / 2690)
    assert assessment.severity is Severity.HIGH
    # signed by the providers before it: suspect, for an analyst
    signed = assess(replace(flood, weak_attestation=0), rmd)
    assert [f.evidence for f in signed.findings if f.code is ReasonCode.CALLER_ID_ROTATION] == [
        Evidence.SUSPECT
    ]
    assert signed.severity is Severity.MEDIUM
    # a sender's message from its own numbers (18 calls each), whoever carries it
    own = assess(replace(flood, peak_caller_ids=150), rmd)
    assert ReasonCode.CALLER_ID_ROTATION not in {f.code for f in own.findings}
    assert own.severity is not Severity.HIGH
    # no spike, no recording to count the numbers of
    live = assess(replace(flood, peak_duration_calls=100), rmd)
    assert ReasonCode.CALLER_ID_ROTATION not in {f.code for f in live.findings}


def test_a_spoofed_recording_in_a_carriers_unsigned_calls_is_rotation() -> None:
    """A tenth of a carrier's calls, C-attested, play one message from a new number each:
    no spike in all its calls, but one in those no provider vouched for."""
    rmd = EntityContext(in_rmd=True)
    hidden = replace(
        _recording_through_a_carrier(peak_caller_ids=0, weak_attestation=3_000),
        peak_duration_calls=200, peak_band_answered=0, weak_long_answered=700,
        weak_peak_duration_calls=380,
        weak_peak_duration_s=31, weak_peak_duration_band_s=4, weak_band_answered=400,
        weak_band_caller_ids=398,
    )  # fmt: skip
    assessment = assess(hidden, rmd)
    found = {f.code: f for f in assessment.findings}
    assert found[ReasonCode.CALLER_ID_ROTATION].evidence is Evidence.ILLEGAL
    assert found[ReasonCode.CALLER_ID_ROTATION].value == pytest.approx(400 / 398)
    assert "not A-attested" in found[ReasonCode.PRERECORDED_PATTERN].detail
    assert assessment.severity is Severity.HIGH
    # a sender's message from its own 20 numbers among the unsigned calls
    own = assess(replace(hidden, weak_band_caller_ids=20), rmd)
    assert ReasonCode.CALLER_ID_ROTATION not in {f.code for f in own.findings}
    assert own.severity is not Severity.HIGH
    # unsigned live calls from many numbers, no spike among them
    live = assess(replace(hidden, weak_peak_duration_calls=90), rmd)
    assert not {ReasonCode.CALLER_ID_ROTATION, ReasonCode.PRERECORDED_PATTERN} & {
        f.code for f in live.findings
    }


def test_a_small_spike_hidden_in_a_carriers_calls_not_a_attested_is_rotation() -> None:
    """A B-signed message among a carrier's person-to-person calls, heard out by a third of
    those who answer: 130 calls beyond its flanks, 9% of the answered calls not
    A-attested (under the 30% a recording needs) but over a quarter of those in its band,
    each from a new number. Not when the carrier's A-signed calls pile up at that length too (its
    traffic's, say a minimum billed duration), nor by the quick refusals, nor when the
    spike is a bump among its band's live calls."""
    rmd = EntityContext(in_rmd=True)
    hidden = replace(
        _recording_through_a_carrier(peak_caller_ids=0, weak_attestation=400),
        peak_duration_calls=135, peak_duration_s=20, peak_band_answered=0,
        weak_long_answered=1_460, weak_peak_duration_calls=130, weak_peak_duration_s=20,
        weak_peak_duration_band_s=4, weak_band_answered=220, weak_band_caller_ids=219,
        weak_flank_answered=180, weak_flank_caller_ids=180, weak_core_answered=150,
        weak_under_core_answered=40,
    )  # fmt: skip
    assessment = assess(hidden, rmd)
    found = {f.code: f for f in assessment.findings}
    assert found[ReasonCode.CALLER_ID_ROTATION].evidence is Evidence.ILLEGAL
    assert "130 answered calls not A-attested" in found[ReasonCode.PRERECORDED_PATTERN].detail
    assert assessment.severity is Severity.HIGH
    quiet = {ReasonCode.CALLER_ID_ROTATION, ReasonCode.PRERECORDED_PATTERN}
    for innocent in (
        replace(hidden, peak_duration_calls=300),  # the A-signed calls pile there too
        replace(hidden, weak_peak_duration_s=12, peak_duration_s=12),  # by the refusals
        # a fifth of its band's calls, each from its own number: a bump in live talk
        replace(hidden, weak_band_answered=600, weak_band_caller_ids=599),
        # a hump or a cliff of live talk times: its 3 s core no fuller than the 4 s under it
        replace(hidden, weak_core_answered=40, weak_under_core_answered=52),
        # ... or than the 4 s over it (a chance bump where a plateau of hang-ups ends)
        replace(hidden, weak_over_core_answered=170),
        replace(hidden, weak_peak_duration_calls=40, peak_duration_calls=40),  # too few
        # a quarter of its band, but not beyond chance (the fullest of the lengths searched:
        # a legitimate carrier's day in the synth network, seed 10 at scale 0.1)
        replace(
            hidden,
            weak_peak_duration_calls=51,
            peak_duration_calls=51,
            weak_band_answered=204,
            weak_band_caller_ids=202,
            weak_flank_answered=306,
            weak_flank_caller_ids=300,
            weak_core_answered=98,
            weak_under_core_answered=79,
            weak_over_core_answered=71,
        ),
    ):
        assert not quiet & {f.code for f in assess(innocent, rmd).findings}
    # ... while the same 51 calls in a band of 140 are past a quarter beyond chance
    thin = replace(
        hidden, weak_peak_duration_calls=51, peak_duration_calls=51, weak_band_answered=140,
        weak_band_caller_ids=140, weak_flank_answered=178, weak_flank_caller_ids=178,
        weak_core_answered=80, weak_under_core_answered=40, weak_over_core_answered=40,
    )  # fmt: skip
    (spike,) = [f for f in detect(thin, rmd) if f.code is ReasonCode.PRERECORDED_PATTERN]
    assert "36% of those in its band (at least 30% allowing for chance)" in spike.detail


def test_a_short_message_against_a_carriers_a_attested_calls_is_rotation() -> None:
    """A 15 s unsigned message among a carrier's callers' quick refusals: by its flanks a
    band there is as likely the refusals' cliff, but read against the carrier's A-attested
    calls (``weak_peak_contrast``) it is the unsigned calls' own pile, each from a new
    number; and a signed message of that length elsewhere in its calls does not make it
    the carrier's traffic."""
    rmd = EntityContext(in_rmd=True)
    contrast = replace(
        _recording_through_a_carrier(peak_caller_ids=0, weak_attestation=5_000),
        peak_duration_calls=180, peak_duration_s=16, peak_band_answered=0,
        weak_long_answered=2_500, weak_peak_duration_calls=330, weak_peak_duration_s=16,
        weak_peak_duration_band_s=4, weak_band_answered=711, weak_band_caller_ids=705,
        weak_flank_answered=1_205, weak_flank_caller_ids=1_190, weak_core_answered=410,
        weak_under_core_answered=250, weak_over_core_answered=136, weak_peak_contrast=1,
    )  # fmt: skip
    assessment = assess(contrast, rmd)
    found = {f.code: f for f in assessment.findings}
    assert found[ReasonCode.CALLER_ID_ROTATION].evidence is Evidence.ILLEGAL
    assert "A-attested calls there predict" in found[ReasonCode.PRERECORDED_PATTERN].detail
    assert assessment.severity is Severity.HIGH
    quiet = {ReasonCode.CALLER_ID_ROTATION, ReasonCode.PRERECORDED_PATTERN}
    # the same band read against its flanks: by the quick refusals, no message
    assert not quiet & codes(replace(contrast, weak_peak_contrast=0), rmd)
    # a spike in the carrier's calls at large at that length, several times it, still the
    # unsigned calls' own pile against the A-attested ones
    signed_too = replace(contrast, peak_duration_calls=900)
    assert ReasonCode.CALLER_ID_ROTATION in codes(signed_too, rmd)
    assert ReasonCode.CALLER_ID_ROTATION not in codes(
        replace(signed_too, weak_peak_contrast=0, weak_peak_duration_s=30, peak_duration_s=30),
        rmd,
    )


def test_a_spikes_own_numbers_are_its_bands_less_the_live_calls_its_flanks_predict() -> None:
    """A spike in a carrier's calls not A-attested, 37% of its band: 230 live calls there
    from their callers' own numbers, as the flanks' 460 calls from 460 numbers predict.
    From a new number per call (365 numbers), the message is rotation; from a sender's 30
    numbers (260 in the band: the live callers' and its own), it is not, though the band
    holds under 1.5 calls per number either way."""
    rmd = EntityContext(in_rmd=True)
    spoofed = replace(
        _recording_through_a_carrier(peak_caller_ids=0, weak_attestation=400),
        peak_duration_calls=140, peak_duration_s=40, peak_band_answered=0,
        weak_long_answered=3_000, weak_peak_duration_calls=135, weak_peak_duration_s=23,
        weak_peak_duration_band_s=4, weak_band_answered=365, weak_band_caller_ids=365,
        weak_flank_answered=460, weak_flank_caller_ids=460, weak_core_answered=200,
        weak_under_core_answered=100,
    )  # fmt: skip
    found = {f.code: f for f in assess(spoofed, rmd).findings}
    rotation = found[ReasonCode.CALLER_ID_ROTATION]
    assert rotation.value == pytest.approx(135 / 135)
    assert "135 calls from 135 numbers of its own" in rotation.detail
    assert assess(spoofed, rmd).severity is Severity.HIGH
    own = replace(spoofed, weak_band_caller_ids=260)
    assert not {ReasonCode.CALLER_ID_ROTATION, ReasonCode.PRERECORDED_PATTERN} & codes(own, rmd)
    # the band alone (1.40 calls per number) would have read the live callers' numbers as
    # the message's
    assert ReasonCode.CALLER_ID_ROTATION in codes(
        replace(own, weak_flank_answered=0, weak_flank_caller_ids=0), rmd
    )


def _part_of_a_split_message(**values: object) -> EntityFeatures:
    """A carrier's day carrying 70 of the calls of one unsigned message that three
    carriers hand over (230 beyond their flanks, from 226 numbers), among 1,500 calls of
    its own: its calls not A-attested show no spike there of their own (a signed message
    of nearly that length piles in its calls at large)."""
    return features(
        entity_type="upstream_provider", entity_id="Keystone", customer_id="", calls=2_000,
        answered=900, long_answered=800, peak_duration_calls=120, peak_duration_s=29,
        caller_ids=1_900, callees=1_990, callee_blocks=1_980, callee_caller_pairs=1_990,
        weak_attestation=900, weak_long_answered=400, weak_peak_duration_calls=0,
        shared_peak_duration_calls=230, shared_peak_duration_s=27,
        shared_peak_duration_band_s=4, shared_band_total=300, shared_window_band_answered=84,
        shared_window_flank_answered=28, shared_band_answered=84, shared_band_caller_ids=84,
        shared_flank_answered=28, shared_flank_caller_ids=28, shared_under_core_answered=12,
        shared_vouched_band_answered=230, shared_vouched_band_caller_ids=40,
        shared_vouched_flank_answered=30, shared_vouched_flank_caller_ids=30,
        shared_carriers=3, shared_carriers_band_answered=280, shared_carriers_band_caller_ids=276,
        shared_carriers_flank_answered=100, shared_carriers_flank_caller_ids=100, **values,
    )  # fmt: skip


def test_a_message_split_over_carriers_is_rotation_at_each_carrying_it() -> None:
    """Each carrier's part of one spoofed message is thin (70 calls from 70 numbers, 50 of
    each needed alone), the message over the carriers is not: rotation at each, pointing at
    the others. Not when this carrier's part does not stand out of its own flanks, comes
    from a sender's few numbers, sits on a floor of its talk times, piles in its A-signed
    calls from fresh numbers alike (its traffic's), or when one carrier alone carries the
    pooled spike or the pooled spike is no message."""
    rmd = EntityContext(in_rmd=True)
    part = _part_of_a_split_message()
    assessment = assess(part, rmd)
    found = {f.code: f for f in assessment.findings}
    rotation = found[ReasonCode.CALLER_ID_ROTATION]
    assert rotation.evidence is Evidence.ILLEGAL
    assert rotation.value == pytest.approx(230 / 226)
    assert "3 carriers" in rotation.detail
    assert "70 of them from 70 numbers" in found[ReasonCode.PRERECORDED_PATTERN].detail
    assert "at least 73% allowing for chance" in found[ReasonCode.PRERECORDED_PATTERN].detail
    # as large a spike among twice the calls, 38%, still holds a quarter allowing for chance
    wider = replace(part, shared_band_total=600)
    assert ReasonCode.CALLER_ID_ROTATION in codes(wider, rmd)
    assert assessment.severity is Severity.HIGH
    assert_may_find_lets_through(part, rmd)
    quiet = {ReasonCode.CALLER_ID_ROTATION, ReasonCode.PRERECORDED_PATTERN}
    for innocent in (
        replace(part, shared_band_answered=30, shared_band_caller_ids=30),  # no part of its own
        # 30 beyond its flanks in a band of 68, 3.2 standard errors: the fullest of the
        # positions the pooled plateau offered, in a clean carrier's signed-B live calls
        # (the evasive network, seed 32)
        replace(
            part,
            shared_band_answered=68,
            shared_band_caller_ids=66,
            shared_flank_answered=77,
            shared_flank_caller_ids=76,
        ),
        replace(part, shared_band_caller_ids=20, shared_flank_caller_ids=14),  # a few numbers
        replace(part, shared_under_core_answered=0),  # a floor: nothing ends under it
        # its A-signed calls pile there too, each from a new number: its traffic's
        replace(part, shared_vouched_band_caller_ids=228),
        replace(part, shared_carriers=1),  # one carrier: judged on its own spike
        replace(part, shared_peak_duration_calls=60),  # a fifth of the pooled band
        # 26% of the pooled band, at least 23% allowing for chance: the fullest of the
        # lengths searched in two carriers' live calls (synth seed 114, scale 0.07)
        replace(part, shared_peak_duration_calls=136, shared_band_total=526),
        replace(part, shared_peak_duration_s=12),  # by the quick refusals
        replace(part, shared_carriers_band_caller_ids=80),  # from the sender's 30 numbers
    ):
        assert not quiet & codes(innocent, rmd), innocent
    # an hour of the day takes it when the hour's own calls show some of it
    hour = replace(part, window_end=DAY + timedelta(hours=1), shared_window_band_answered=8,
                   shared_window_flank_answered=4)  # fmt: skip
    assert ReasonCode.CALLER_ID_ROTATION in codes(hour, rmd)
    assert_may_find_lets_through(hour, rmd)
    assert not quiet & codes(replace(hour, shared_window_band_answered=2), rmd)


def test_a_carriers_hour_takes_its_days_recording_numbers() -> None:
    """An hour of a spoofed flood holds 30 answered calls, too few for a spike of its own
    beyond chance; its day's 600 come from a new number each."""
    rmd = EntityContext(in_rmd=True)
    hour = features(
        entity_type="upstream_provider", entity_id="Gateway", customer_id="",
        window_end=DAY + timedelta(hours=1), calls=150, answered=32, long_answered=30,
        peak_duration_calls=9, peak_duration_s=23, caller_ids=148, callees=150,
        callee_blocks=150, callee_caller_pairs=150, weak_attestation=120,
        day_peak_duration_calls=280, day_peak_duration_s=22, day_peak_duration_band_s=4,
        day_long_answered=700, day_band_answered=330, day_band_caller_ids=329,
    )  # fmt: skip
    assessment = assess(hour, rmd)
    found = {f.code: f for f in assessment.findings}
    assert found[ReasonCode.CALLER_ID_ROTATION].evidence is Evidence.ILLEGAL
    assert "UTC day" in found[ReasonCode.CALLER_ID_ROTATION].detail
    assert "UTC day" in found[ReasonCode.PRERECORDED_PATTERN].detail
    assert assessment.severity is Severity.HIGH
    # the day's message from the sender's own 12 numbers
    assert ReasonCode.CALLER_ID_ROTATION not in codes(replace(hour, day_band_caller_ids=12), rmd)
    # a day of live calls: no recording to count the numbers of
    live = replace(hour, day_peak_duration_calls=60)
    assert not {ReasonCode.CALLER_ID_ROTATION, ReasonCode.PRERECORDED_PATTERN} & codes(live, rmd)
    # a daily window is its own day: judged by its own spike only
    daily = replace(hour, window_end=DAY + timedelta(days=1))
    assert ReasonCode.CALLER_ID_ROTATION not in codes(daily, rmd)


def test_a_carriers_hour_takes_its_days_small_spike_in_calls_not_a_attested() -> None:
    """A B-signed message, a few per cent of a carrier's answered calls, holds a dozen calls
    an hour at its length: too few for an hour's spike to count, while its day's stands
    out of its band from a new number per call. The hour whose own spike in those calls is
    at the day's length takes the day's."""
    rmd = EntityContext(in_rmd=True)
    hour = features(
        entity_type="upstream_provider", entity_id="Keystone", customer_id="",
        window_end=DAY + timedelta(hours=1), calls=900, answered=420, long_answered=400,
        peak_duration_calls=6, peak_duration_s=23, caller_ids=880, callees=900,
        callee_blocks=900, callee_caller_pairs=900, weak_attestation=400,
        weak_long_answered=180, weak_peak_duration_calls=9, weak_peak_duration_s=23,
        weak_peak_duration_band_s=4, weak_band_answered=12, weak_band_caller_ids=12,
        day_peak_duration_calls=140, day_peak_duration_s=22, day_peak_duration_band_s=4,
        day_long_answered=9_000, day_weak_long_answered=4_300,
        day_weak_peak_duration_calls=150, day_weak_peak_duration_s=22,
        day_weak_peak_duration_band_s=4, day_weak_band_answered=230,
        day_weak_band_caller_ids=229, day_weak_flank_answered=160,
        day_weak_flank_caller_ids=160, day_weak_core_answered=180,
        day_weak_under_core_answered=36,
    )  # fmt: skip
    assert ReasonCode.CALLER_ID_ROTATION not in codes(replace(hour, day_weak_band_caller_ids=0))
    assessment = assess(hour, rmd)
    found = {f.code: f for f in assessment.findings}
    assert found[ReasonCode.CALLER_ID_ROTATION].evidence is Evidence.ILLEGAL
    assert "not A-attested over the window's UTC day" in (
        found[ReasonCode.CALLER_ID_ROTATION].detail
    )
    assert "UTC day" in found[ReasonCode.PRERECORDED_PATTERN].detail
    assert assessment.severity is Severity.HIGH
    quiet = {ReasonCode.CALLER_ID_ROTATION, ReasonCode.PRERECORDED_PATTERN}
    for innocent in (
        replace(hour, weak_peak_duration_s=40),  # the hour's spike elsewhere
        replace(hour, weak_peak_duration_calls=0),  # no spike in the hour
        replace(hour, day_peak_duration_calls=400),  # the A-signed calls pile there too
        replace(hour, day_weak_band_answered=700),  # a fifth of its band: a bump
        # no rise: its core no fuller than the 4 s under it
        replace(hour, day_weak_core_answered=30, day_weak_under_core_answered=40),
        replace(hour, day_weak_band_caller_ids=20),  # the sender's own numbers
        replace(hour, window_end=DAY + timedelta(days=1)),  # a day is judged by its own
    ):
        assert not quiet & codes(innocent, rmd), innocent


def test_a_healthcare_providers_reminders_missing_records_are_held_at_medium() -> None:
    """A recording to patients, half of them without consent records, from a verified
    six-year-old practice: the patients' consent is seldom on file with the carrier. The
    same from a new or unverified account, a sales line, or with a spoofed caller ID is
    high."""
    findings = [
        Finding(ReasonCode.PRERECORDED_PATTERN, "", 0.36, 0.3, Evidence.PATTERN),
        Finding(ReasonCode.NO_CONSENT_WIRELESS, "", 0.56, 0.2, Evidence.ILLEGAL),
    ]
    practice = EntityContext(
        kyc_status="verified", account_age_days=2_200, declared_use="patient appointment reminders"
    )
    held = grade(findings, practice)
    assert held.severity is Severity.MEDIUM
    assert any("patients' consent" in note for note in held.notes)
    for other in (
        replace(practice, account_age_days=10),
        replace(practice, kyc_status="pending"),
        replace(practice, declared_use="health insurance enrollment sales"),
        replace(practice, in_rmd=False),
    ):
        assert grade(findings, other).severity is Severity.HIGH, other
    spoofed = [*findings, Finding(ReasonCode.NEIGHBOR_SPOOFING, "", 0.6, 0.2, Evidence.ILLEGAL)]
    assert grade(spoofed, practice).severity is Severity.HIGH


def test_a_parcel_carriers_delivery_notices_missing_records_are_held_at_medium() -> None:
    """A parcel carrier's recorded delivery-window calls, most recipients without consent
    records, from an established, verified account's own numbers: the FCC exempts free
    package delivery notices from consent (FCC 14-32) on conditions, two of which the
    records show (a minute or less, one notice a package). Longer messages, numbers called
    over and over, a retailer's own delivery scheduling, a new account or a spoofed
    caller ID stay high."""
    notices = features(no_consent=500, peak_duration_calls=300, peak_duration_s=24)
    carrier = EntityContext(
        kyc_status="verified", account_age_days=5_000, declared_use="package delivery notifications"
    )
    held = assess(notices, carrier)
    assert held.severity is Severity.MEDIUM
    assert any("FCC 14-32" in note for note in held.notes)
    for shape in (
        replace(notices, peak_duration_s=75),  # a message longer than a minute
        replace(notices, callees=400),  # 1,000 calls to 400 numbers: 2.5 a number
        # the day's recording at 90 s behind an hour's spike at 24 s
        replace(notices, day_peak_duration_s=90),
    ):
        assert assess(shape, carrier).severity is Severity.HIGH, shape
    for other in (
        replace(carrier, declared_use="delivery scheduling notifications"),
        replace(carrier, declared_use="parcel delivery and sales follow-up calls"),
        replace(carrier, account_age_days=12),
        replace(carrier, kyc_status="pending"),
    ):
        assert assess(notices, other).severity is Severity.HIGH, other
    findings = [
        Finding(ReasonCode.PRERECORDED_PATTERN, "", 0.36, 0.3, Evidence.PATTERN),
        Finding(ReasonCode.NO_CONSENT_WIRELESS, "", 0.6, 0.2, Evidence.ILLEGAL),
    ]
    assert grade(findings, carrier, delivery_notice_shape=True).severity is Severity.MEDIUM
    spoofed = [*findings, Finding(ReasonCode.NEIGHBOR_SPOOFING, "", 0.6, 0.2, Evidence.ILLEGAL)]
    assert grade(spoofed, carrier, delivery_notice_shape=True).severity is Severity.HIGH


def test_a_makers_safety_recall_notices_missing_records_are_held_at_medium() -> None:
    """A carmaker's recorded recall notices to registered owners, most without consent
    records: the maker must notify them (49 USC 30118-30119) and an owner who gave it a
    number with the vehicle consented to calls about it. A dealer's "recall reminders",
    a new or unverified account's "recall notices" and a spoofed caller ID stay high."""
    notices = features(no_consent=400, peak_duration_calls=300, peak_duration_s=55)
    maker = EntityContext(
        kyc_status="verified",
        account_age_days=5_000,
        declared_use="vehicle safety recall notices and owner communications (recorded)",
    )
    held = assess(notices, maker)
    assert held.severity is Severity.MEDIUM
    assert any("49 USC 30118-30119" in note for note in held.notes)
    for other in (
        replace(maker, declared_use="service and recall reminders to our customers"),
        replace(maker, declared_use="vehicle recall notices and extended warranty sales"),
        replace(maker, account_age_days=9),
        replace(maker, kyc_status="failed"),
    ):
        assert assess(notices, other).severity is Severity.HIGH, other
    findings = [
        Finding(ReasonCode.PRERECORDED_PATTERN, "", 0.36, 0.3, Evidence.PATTERN),
        Finding(ReasonCode.NO_CONSENT_WIRELESS, "", 0.6, 0.2, Evidence.ILLEGAL),
        Finding(ReasonCode.DNO_CALLER_ID, "", 0.1, 0.0, Evidence.ILLEGAL),
    ]
    assert grade(findings, maker).severity is Severity.HIGH


def test_a_partys_recorded_gotv_missing_records_are_held_at_medium() -> None:
    """A recording without consent records from an established, verified party's own
    number: lawful to landlines (47 CFR 64.1200(a)(3)(ii)), not to mobiles, and the CDRs do
    not say which; nor are its early calls solicitations. The same from a new or
    unverified account, a seller, or from numbers not its own is high."""
    findings = [
        Finding(ReasonCode.PRERECORDED_PATTERN, "", 0.36, 0.3, Evidence.PATTERN),
        Finding(ReasonCode.NO_CONSENT_WIRELESS, "", 1.0, 0.2, Evidence.ILLEGAL),
        Finding(ReasonCode.OUTSIDE_CALLING_HOURS, "", 0.3, 0.1, Evidence.ILLEGAL),
    ]
    party = EntityContext(
        kyc_status="verified",
        account_age_days=2_200,
        declared_use="state party: GOTV voice broadcasts to residential landlines",
    )
    held = grade(findings, party)
    assert held.severity is Severity.MEDIUM
    assert any("which of its callees are wireless" in note for note in held.notes)
    for other in (
        replace(party, account_age_days=16),
        replace(party, kyc_status="pending"),
        replace(party, declared_use="political fundraising sales"),
        replace(party, in_rmd=False),
    ):
        assert grade(findings, other).severity is Severity.HIGH, other
    # presenting a number never granted to it (a cloned candidate's voice on a real
    # person's number, signed A): not its own calls to vouch for
    borrowed = [*findings, Finding(ReasonCode.UNASSIGNED_CALLER_ID, "", 1.0, 0.5, Evidence.SUSPECT)]
    assert grade(borrowed, party).severity is Severity.HIGH


def test_an_own_consented_line_is_held_at_medium() -> None:
    findings = [
        Finding(ReasonCode.OUTSIDE_CALLING_HOURS, "", 0.6, 0.1, Evidence.ILLEGAL),
        Finding(ReasonCode.SHORT_CALLS, "", 0.5, 0.4, Evidence.PATTERN),
    ]
    assert grade(findings).severity is Severity.HIGH
    own = EntityContext(number_granted=True, account_no_consent_share=0.0)
    held = grade(findings, own)
    assert held.severity is Severity.MEDIUM
    assert any("own granted number" in note for note in held.notes)
    spoofed = [*findings, Finding(ReasonCode.DNO_CALLER_ID, "", 0.5, 0.005, Evidence.ILLEGAL)]
    assert grade(spoofed, own).severity is Severity.HIGH


@pytest.mark.parametrize("code", sorted(set(ReasonCode) - SELF_EVIDENT))
@pytest.mark.parametrize("evidence", list(Evidence))
def test_one_weak_reason_alone_never_makes_high(code: ReasonCode, evidence: Evidence) -> None:
    alone = [Finding(code, "", 1.0, 1.0, evidence)]
    assert grade(alone).severity is not Severity.HIGH
    # nor with only size or account age beside it
    padded = [*alone, Finding(ReasonCode.HIGH_VOLUME, "", 9e4, 2e4, Evidence.PATTERN)]
    padded.append(Finding(ReasonCode.NEW_OR_UNVERIFIED_ACCOUNT, "", 1.0, 1.0, Evidence.PATTERN))
    assert grade(padded).severity is not Severity.HIGH


def test_transit_carrier_is_judged_as_many_senders() -> None:
    carrier = features(
        entity_type="upstream_provider",
        entity_id="carrier",
        customer_id="",
        caller_ids=950,
        outside_hours=150,
        weak_attestation=800,
    )
    found = {f.code: f for f in detect(carrier, EntityContext(in_rmd=True))}
    assert ReasonCode.CALLER_ID_ROTATION not in found
    assert found[ReasonCode.OUTSIDE_CALLING_HOURS].evidence is Evidence.PATTERN
    assert assess(carrier, EntityContext(in_rmd=True)).severity is not Severity.HIGH
    assert assess(carrier, EntityContext(in_rmd=False)).severity is Severity.HIGH


def test_new_or_unverified_account_adds_to_other_reasons_only() -> None:
    young = EntityContext(account_age_days=3, kyc_status="pending")
    assert detect(features(), young) == []
    assert ReasonCode.NEW_OR_UNVERIFIED_ACCOUNT in codes(features(answered=50), young)


def test_hourly_windows_scale_volume_thresholds() -> None:
    hourly = features(window_end=DAY + timedelta(hours=1), calls=1_000)
    assert ReasonCode.HIGH_VOLUME in codes(hourly)
    assert ReasonCode.HIGH_VOLUME not in codes(features(calls=1_000))


def test_score_stays_inside_its_severity_band() -> None:
    for f in (features(), features(answered=50), features(dno_caller=10), features(no_consent=500)):
        assessment = assess(f)
        low, high = {
            Severity.LOW: (0, 39),
            Severity.MEDIUM: (40, 74),
            Severity.HIGH: (75, 100),
        }[assessment.severity]
        assert low <= assessment.score <= high


@settings(max_examples=300, deadline=None)
@given(
    st.fixed_dictionaries(
        {
            "calls": st.integers(1, 2_000_000),
            "answered_share": st.floats(0, 1),
            "short_share": st.floats(0, 1),
            "peak_share": st.floats(0, 1),
            "callees_share": st.floats(0.01, 1),
            "caller_ids": st.integers(1, 50_000),
            "no_consent_share": st.floats(0, 1),
            "weak_share": st.floats(0, 1),
            "burst": st.integers(0, 100_000),
            "baseline": st.one_of(st.none(), st.floats(0, 1e6)),
            "age": st.one_of(st.none(), st.floats(0, 5_000)),
            "kyc": st.sampled_from(["verified", "pending", "failed", "unknown", None]),
        }
    )
)
def test_mass_calling_without_evidence_of_illegality_never_reaches_high(
    draw: dict[str, Any],
) -> None:
    """Volume, fan-out, low ASR, short calls, weak attestation, a young account, even
    unconsented calls: none of them, alone or together, is a reason to block when the
    calls are live (no recording spike), not dialled in number order, and honest about
    who is calling."""
    calls, answered_share, short_share = draw["calls"], draw["answered_share"], draw["short_share"]
    peak_share, callees_share, caller_ids = (
        draw["peak_share"],
        draw["callees_share"],
        draw["caller_ids"],
    )
    no_consent_share, weak_share, burst = (
        draw["no_consent_share"],
        draw["weak_share"],
        draw["burst"],
    )
    baseline, age, kyc = draw["baseline"], draw["age"], draw["kyc"]
    answered = int(calls * answered_share)
    long_answered = answered - int(answered * short_share)
    callees = max(1, int(calls * callees_share))
    f = features(
        calls=calls,
        answered=answered,
        short_answered=int(answered * short_share),
        long_answered=long_answered,
        # live calls: no spike beyond the threshold
        peak_duration_calls=int(long_answered * min(peak_share, 0.29)),
        callees=callees,
        callee_blocks=callees,
        callee_caller_pairs=callees,
        caller_ids=min(caller_ids, calls),
        no_consent=int(answered * no_consent_share),
        consent_known=answered,
        weak_attestation=int(calls * weak_share),
        peak_calls_per_minute=burst,
        neighbor=0,
        outside_hours=0,
        hours_known=calls,
        nanp_pairs=calls,
        numbers_known=calls,
    )
    context = EntityContext(account_age_days=age, kyc_status=kyc, baseline_calls=baseline)
    assert assess(f, context).severity is not Severity.HIGH


_ENTITY_TYPES = st.sampled_from(["customer", "sub_account", "caller_id", "upstream_provider"])


def _window_end(hourly: bool) -> datetime:
    return DAY + (timedelta(hours=1) if hourly else timedelta(days=1))


_COUNT = st.integers(0, 200_000)
#: every count the detectors read, drawn independently (inconsistent mixes included)
_COUNTED = (
    "answered", "short_answered", "callees", "caller_ids", "callee_blocks",
    "callee_caller_pairs", "invalid_caller", "dno_caller", "nanp_pairs", "neighbor",
    "hours_known", "outside_hours", "no_consent", "consent_known", "unassigned_caller",
    "numbers_known", "weak_attestation", "long_answered", "peak_duration_calls",
    "peak_calls_per_minute", "period_no_consent", "period_consent_known",
    "period_long_answered", "period_peak_duration_calls", "peak_beyond_calls", "peak_band_total",
    "comb_duration_calls", "comb_band_total", "day_peak_band_total", "own_number_caller",
    "callee_exchanges", "callee_hundreds", "peak_band_answered", "peak_caller_ids",
    "weak_long_answered", "weak_peak_duration_calls", "weak_peak_beyond_calls",
    "weak_band_answered", "weak_band_caller_ids", "day_peak_duration_calls",
    "day_long_answered", "day_peak_beyond_calls", "day_band_answered", "day_band_caller_ids",
    "day_weak_long_answered", "day_weak_peak_duration_calls", "day_weak_peak_beyond_calls",
    "day_weak_band_answered", "day_weak_band_caller_ids",
    "band_consent_known", "band_no_consent", "period_band_consent_known",
    "period_band_no_consent", "day_calls", "day_nanp_pairs", "day_neighbor", "day_caller_ids",
    "cancelled", "shared_peak_duration_calls", "shared_band_total", "shared_band_answered",
    "shared_band_caller_ids", "shared_window_band_answered", "shared_vouched_band_caller_ids",
    "shared_carriers", "shared_carriers_band_answered", "shared_carriers_band_caller_ids",
    "weak_peak_contrast", "costly_unanswered_calls", "costly_unanswered_cancelled",
    "costly_unanswered_unreachable",
    "costly_unanswered_callees", "siblings", "siblings_peak_duration_calls",
    "siblings_long_answered", "siblings_band_total", "day_siblings",
    "day_siblings_peak_duration_calls", "day_siblings_long_answered", "day_siblings_band_total",
    "weak_nanp_pairs", "weak_neighbor", "day_weak_nanp_pairs", "day_weak_neighbor",
    "flooded_callees", "flooded_calls", "flooded_silent",
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(
    counts=st.fixed_dictionaries({name: _COUNT for name in _COUNTED}),
    calls=_COUNT,
    entity_type=_ENTITY_TYPES,
    hourly=st.booleans(),
    context=st.builds(
        EntityContext,
        kyc_status=st.sampled_from(["verified", "pending", "failed", None]),
        declared_use=st.sampled_from([None, "outbound sales", "pharmacy reminders"]),
        account_age_days=st.one_of(st.none(), st.floats(0, 5_000)),
        in_rmd=st.sampled_from([None, True, False]),
        tracebacks=st.integers(0, 5),
        baseline_calls=st.one_of(st.none(), st.floats(0, 1e6)),
        account_no_consent_share=st.one_of(st.none(), st.floats(0, 1)),
    ),
)
def test_every_reason_value_crosses_its_threshold(
    counts: dict[str, int],
    calls: int,
    entity_type: str,
    hourly: bool,
    context: EntityContext,
) -> None:
    """What an alert prints as a reason's value and threshold justifies the reason in the
    direction docs/detectors.md gives (at least, at most, below), whatever the input."""
    f = features(
        entity_type=entity_type,
        calls=calls,
        window_end=_window_end(hourly),
        peak_duration_s=30,
        **counts,
    )
    for finding in detect(f, context):
        assert crosses(finding.code, finding.value, finding.threshold), finding


#: small counts as often as large ones: the thresholds' minimums sit at 3 to 100
_NEAR_THRESHOLD = st.one_of(st.integers(0, 120), st.integers(0, 30_000))


def one_row_may_find(
    f: EntityFeatures,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    day_prerecorded: bool | None = None,
) -> bool:
    """may_find over a table of one row: ``f``, its day's recording ``day_prerecorded``
    (None: not told)."""
    hourly = f.window_end - f.window_start <= timedelta(hours=1)
    columns = {name: np.array([getattr(f, name)]) for name in MAY_FIND_COLUMNS}
    day = None if day_prerecorded is None else np.array([day_prerecorded])
    return bool(may_find(columns, hourly, thresholds, day)[0])


def assert_may_find_lets_through(
    f: EntityFeatures,
    context: EntityContext = NO_CONTEXT,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
) -> None:
    """What detect finds in ``f``, may_find must not pass over."""
    found = detect(f, context, thresholds)
    if found:
        # told the day's recording as the analysis tells it (True or not), and not told
        day = context.day_prerecorded is True
        assert one_row_may_find(f, thresholds, day), [finding.code for finding in found]
        assert one_row_may_find(f, thresholds), [finding.code for finding in found]


# a recording most hang up on before its end: a fifth of the answered calls, none longer
@example(
    counts={"peak_duration_calls": 100, "peak_beyond_calls": 5},
    calls=900,
    entity_type="customer",
    hourly=False,
    context=EntityContext(),
)
# a carrier's unsigned calls alone playing a message from a new number per call
@example(
    counts={"weak_peak_duration_calls": 60},
    calls=900,
    entity_type="upstream_provider",
    hourly=False,
    context=EntityContext(),
)
# a carrier's part of one message split over two carriers
@example(
    counts={"shared_carriers": 2},
    calls=900,
    entity_type="upstream_provider",
    hourly=True,
    context=EntityContext(),
)
# a quiet hour (under the volume an hour is judged by) of a carrier whose day plays a
# message from a new number per call
@example(
    counts={
        "day_peak_duration_calls": 300,
        "answered": 30,
        "short_answered": 0,
        "callees": 35,
        "callee_blocks": 35,
    },
    calls=35,
    entity_type="upstream_provider",
    hourly=True,
    context=EntityContext(),
)
# a carrier's hour whose day's calls not A-attested play a message from a new number per call
@example(
    counts={"day_weak_peak_duration_calls": 60, "day_weak_band_answered": 100},
    calls=35,
    entity_type="upstream_provider",
    hourly=True,
    context=EntityContext(),
)
# a fifth of the answered calls at one length, nearly all of them to people without consent
# records, the account's other calls all to people with them (a recording sent to a list)
@example(
    counts={"peak_duration_calls": 100, "band_consent_known": 150, "band_no_consent": 140},
    calls=900,
    entity_type="customer",
    hourly=False,
    context=EntityContext(),
)
# a one-ring scam: every call cancelled before an answer, each callee rung once
@example(
    counts={
        **dict.fromkeys(("answered", "short_answered", "long_answered", "consent_known"), 0),
        **dict.fromkeys(("outside_hours", "peak_duration_calls", "neighbor"), 0),
        "cancelled": 480,
        "callees": 490,
        "callee_blocks": 490,
    },
    calls=500,
    entity_type="caller_id",
    hourly=False,
    context=EntityContext(),
)
# a carrier's calls from numbers costly to call back, none answered over the day
@example(
    counts={
        "costly_unanswered_calls": 100,
        "costly_unanswered_cancelled": 90,
        "costly_unanswered_callees": 95,
    },
    calls=900,
    entity_type="upstream_provider",
    hourly=False,
    context=EntityContext(),
)
# a spoofer's hour of a few calls, each from its callee's exchange, judged by its day
@example(
    counts={
        **dict.fromkeys(("callees", "callee_blocks", "callee_caller_pairs", "hours_known"), 8),
        **dict.fromkeys(("answered", "long_answered", "consent_known"), 3),
        **dict.fromkeys(("short_answered", "outside_hours", "peak_duration_calls"), 0),
        "numbers_known": 8,
        "neighbor": 6,
        "nanp_pairs": 8,
        "day_calls": 200,
        "day_nanp_pairs": 200,
        "day_neighbor": 190,
        "day_caller_ids": 180,
    },
    calls=8,
    entity_type="customer",
    hourly=True,
    context=EntityContext(),
)
# a few numbers rung over and over, the lines busy or hung up on
@example(
    counts={"flooded_callees": 6, "flooded_calls": 150, "flooded_silent": 140},
    calls=900,
    entity_type="customer",
    hourly=True,
    context=EntityContext(),
)
# neighbour spoofing is the one detector two counts away from a quiet sender
@example(
    counts={"neighbor": 400, "caller_ids": 12},
    calls=900,
    entity_type="caller_id",
    hourly=False,
    context=EntityContext(),
)
@settings(max_examples=1_500, deadline=None)
@given(
    # a quiet sender with a few counts changed: each detector's condition gets crossed
    # alone, where no other reason would cover for a test missing from may_find
    counts=st.dictionaries(st.sampled_from(_COUNTED), _NEAR_THRESHOLD, max_size=3),
    calls=st.one_of(st.just(900), _NEAR_THRESHOLD),
    entity_type=_ENTITY_TYPES,
    hourly=st.booleans(),
    context=st.builds(
        EntityContext,
        kind=st.sampled_from([None, "enterprise", "reseller", "carrier"]),
        kyc_status=st.sampled_from(["verified", "pending", "failed", None]),
        declared_use=st.sampled_from([None, "outbound sales", "pharmacy reminders", "emergency"]),
        account_age_days=st.one_of(st.none(), st.floats(0, 5_000)),
        # the three verdicts may_find leaves to the caller
        in_rmd=st.sampled_from([None, True]),
        tracebacks=st.just(0),
        number_granted=st.sampled_from([None, True]),
        baseline_calls=st.one_of(st.none(), st.floats(0, 1e6)),
        account_no_consent_share=st.one_of(st.none(), st.floats(0, 1)),
        day_outside_hours_share=st.one_of(st.none(), st.floats(0, 1)),
        day_prerecorded=st.sampled_from([None, True, False]),
        # the fourth verdict left to the caller: a consumer line's reach over its day,
        # which the analysis lets through itself (analyze._line_day_callees)
        line_day_callees=st.just(None),
    ),
)
def test_may_find_misses_nothing_detect_finds(
    counts: dict[str, int],
    calls: int,
    entity_type: str,
    hourly: bool,
    context: EntityContext,
) -> None:
    """The analysis grades only what may_find lets through: whatever detect finds in any
    context (short of the three verdicts left to the caller), may_find must let through."""
    f = features(
        entity_type=entity_type,
        calls=calls,
        window_end=_window_end(hourly),
        **{"answered": 450, **counts},
    )
    assert_may_find_lets_through(f, context)


def test_may_find_passes_quiet_senders_over() -> None:
    # an ordinary day under the volume a surge needs, whatever the baseline
    assert not one_row_may_find(features(calls=900, answered=450))
    assert one_row_may_find(features(dno_caller=10))
    assert one_row_may_find(features(calls=1000, answered=100))  # low ASR
    # below the minimum volume, ratios are noise and nothing is found
    assert not one_row_may_find(features(calls=10, answered=0, callees=10, callee_blocks=10))


def test_may_find_asks_a_thin_hours_consent_only_when_its_day_plays_a_recording() -> None:
    """An account's quiet hour, too thin to judge its own consent, takes the period's
    coverage only for calls that need consent: told that its day plays no recording, the
    screen passes it over (most hours of a network's accounts), told that it does, not."""
    thin = features(
        window_end=DAY + timedelta(hours=1),
        calls=12,
        answered=6,
        short_answered=0,
        callees=12,
        callee_blocks=12,
        consent_known=6,
        no_consent=5,
        period_consent_known=600,
        period_no_consent=500,
    )
    assert ReasonCode.NO_CONSENT_WIRELESS not in codes(thin, EntityContext(day_prerecorded=False))
    assert ReasonCode.NO_CONSENT_WIRELESS in codes(thin, EntityContext(day_prerecorded=True))
    assert not one_row_may_find(thin, day_prerecorded=False)
    assert one_row_may_find(thin, day_prerecorded=True)
    assert one_row_may_find(thin)  # not told: its day may


def test_a_thin_hour_of_a_neighbour_spoofer_is_judged_by_its_day() -> None:
    """A spoofer sending 8 calls an hour, each from a number in its callee's exchange: the
    hour is under the volume and the distinct numbers the reason needs, its day is not.
    Only an hour carrying such calls is flagged, and only in hourly windows; a local
    business's one line calling its own exchange all day is no spoofer."""
    day = {"day_calls": 190, "day_nanp_pairs": 190, "day_neighbor": 180, "day_caller_ids": 170}
    hour = features(
        window_end=DAY + timedelta(hours=1),
        calls=8,
        answered=3,
        short_answered=0,
        callees=8,
        callee_blocks=8,
        caller_ids=8,
        nanp_pairs=8,
        neighbor=8,
        **day,
    )
    found = {f.code: f for f in detect(hour)}
    spoofing = found[ReasonCode.NEIGHBOR_SPOOFING]
    assert spoofing.value == pytest.approx(180 / 190)
    assert "across 170 caller IDs over the day" in spoofing.detail
    assert assess(hour).severity is Severity.HIGH
    assert one_row_may_find(hour)
    # an hour of the same day without such calls, a day of one line, a daily window
    assert ReasonCode.NEIGHBOR_SPOOFING not in codes(replace(hour, neighbor=0))
    assert ReasonCode.NEIGHBOR_SPOOFING not in codes(replace(hour, day_caller_ids=1))
    whole_day = replace(hour, window_end=DAY + timedelta(days=1))
    assert ReasonCode.NEIGHBOR_SPOOFING not in codes(whole_day)
    # the analysis asks its day's caller IDs of that hour only, not of one judged alone
    columns = {
        name: np.array([getattr(f, name) for f in (hour, replace(hour, neighbor=0))])
        for name in NEIGHBOR_DAY_COLUMNS
    }
    assert may_spoof_neighbours_over_the_day(columns).tolist() == [True, False]
    loud = replace(hour, calls=300, caller_ids=200, nanp_pairs=300, neighbor=290)
    columns = {name: np.array([getattr(loud, name)]) for name in NEIGHBOR_DAY_COLUMNS}
    assert may_spoof_neighbours_over_the_day(columns).tolist() == [False]
    assert ReasonCode.NEIGHBOR_SPOOFING in codes(loud)


def test_a_one_ring_scam_is_named_and_high_with_a_second_witness() -> None:
    """480 of 500 calls cancelled by the caller before an answer, none answered, 490
    numbers rung: a one-ring scam (FCC 20-171). At night it is high; in daylight, with
    nothing else, medium (the pattern's innocent readings are rare, not absent). A
    dialler giving up on unanswered calls reaches people on some of its calls, and a
    forked call's losing legs are beside an answered one: neither is flagged."""
    quiet = {
        **dict.fromkeys(("answered", "short_answered", "long_answered", "consent_known"), 0),
        **dict.fromkeys(("outside_hours", "peak_duration_calls", "neighbor"), 0),
        "answered_seconds": 0,
    }
    ring = features(calls=500, cancelled=480, callees=490, callee_blocks=490, **quiet)
    found = {f.code: f for f in detect(ring)}
    one_ring = found[ReasonCode.ONE_RING_SCAM]
    assert one_ring.value == pytest.approx(0.96)
    assert one_ring.evidence is Evidence.ILLEGAL
    assert "480 of 500 calls (96%) cancelled by the caller" in one_ring.detail
    assert ReasonCode.LOW_ASR in found  # the same fact: no witness
    assert assess(ring).severity is Severity.MEDIUM
    at_night = replace(ring, outside_hours=480, hours_known=500)
    assert assess(at_night).severity is Severity.HIGH
    assert one_row_may_find(ring)
    # the screen lets it through on its own test, not only on the low answer rate's
    no_low_asr = replace(DEFAULT_THRESHOLDS, low_asr=0.0)
    assert ReasonCode.ONE_RING_SCAM in {f.code for f in detect(ring, NO_CONTEXT, no_low_asr)}
    assert one_row_may_find(ring, no_low_asr)
    # a dialler abandoning unanswered calls; a fork's losing legs; each callee rung often
    giving_up = replace(ring, answered=40, long_answered=30, answered_seconds=40 * 90)
    assert ReasonCode.ONE_RING_SCAM not in codes(giving_up)
    assert ReasonCode.ONE_RING_SCAM not in codes(replace(ring, cancelled=300))
    assert ReasonCode.ONE_RING_SCAM not in codes(replace(ring, callees=100))
    # an hour needs a 24th of a day's volume, but never fewer than 30 calls
    hour = DAY + timedelta(hours=1)
    small = replace(ring, window_end=hour, calls=25, cancelled=25, callees=25)
    assert ReasonCode.ONE_RING_SCAM not in codes(small)
    hourly = replace(ring, window_end=hour, calls=40, cancelled=40, callees=40)
    assert ReasonCode.ONE_RING_SCAM in codes(hourly)


def test_a_one_ring_scam_from_numbers_costly_to_call_back_needs_no_second_witness() -> None:
    """A carrier whose ordinary calls carry 120 calls from numbers costly to call back,
    none answered over the day, nearly all cancelled, each callee rung once: a one-ring
    scam on its face (the callback's cost is what it lives on), high alone. A number of
    them is one from 30 calls over its day; a source's window from the one-ring volume (an
    hour: 30). Calls answered elsewhere or rung to the same callees are not."""
    carrier = features(
        entity_type="upstream_provider", entity_id="Atlantic Link", customer_id="",
        costly_unanswered_calls=120, costly_unanswered_cancelled=114,
        costly_unanswered_callees=118, costly_unanswered_numbers=3,
    )  # fmt: skip
    (one_ring,) = [f for f in detect(carrier) if f.code is ReasonCode.ONE_RING_SCAM]
    assert one_ring.self_evident
    assert one_ring.value == pytest.approx(0.95)
    assert "120 calls from 3 number(s) costly to call back" in one_ring.detail
    assert assess(carrier).severity is Severity.HIGH
    assert one_row_may_find(carrier)
    fewer = replace(carrier, costly_unanswered_calls=99, costly_unanswered_cancelled=95,
                    costly_unanswered_callees=99)  # fmt: skip
    assert ReasonCode.ONE_RING_SCAM not in codes(fewer)
    hour = replace(fewer, window_end=DAY + timedelta(hours=1), calls=400)
    assert ReasonCode.ONE_RING_SCAM in codes(hour)
    number = replace(fewer, entity_type="caller_id", entity_id="+18765550123", calls=30,
                     costly_unanswered_calls=30, costly_unanswered_cancelled=29,
                     costly_unanswered_callees=30)  # fmt: skip
    assert ReasonCode.ONE_RING_SCAM in codes(number)
    assert one_row_may_find(number)
    quieter = replace(number, calls=29, costly_unanswered_calls=29, costly_unanswered_callees=29)
    assert ReasonCode.ONE_RING_SCAM not in codes(quieter)
    assert ReasonCode.ONE_RING_SCAM not in codes(replace(carrier, costly_unanswered_cancelled=90))
    assert ReasonCode.ONE_RING_SCAM not in codes(replace(carrier, costly_unanswered_callees=60))
    # a scan through blocks of numbers: a quarter of its lines not in service never rang,
    # and 84 of the 95 that did were cancelled
    scan = replace(carrier, costly_unanswered_cancelled=84, costly_unanswered_unreachable=25)
    (one_ring,) = [f for f in detect(scan) if f.code is ReasonCode.ONE_RING_SCAM]
    assert one_ring.value == pytest.approx(84 / 95)
    assert one_row_may_find(scan)
    assert ReasonCode.ONE_RING_SCAM not in codes(replace(scan, costly_unanswered_unreachable=0))
    # every line dead: nothing rang, nothing to cancel
    dead = replace(carrier, costly_unanswered_cancelled=0, costly_unanswered_unreachable=120)
    assert ReasonCode.ONE_RING_SCAM not in codes(dead)


def test_a_few_lines_rung_over_and_over_are_a_flood_on_their_face() -> None:
    """An established, verified call centre's hour: 150 calls to 6 party lines (25 each),
    93% of them busy or hung up within 6 s: telephony denial of service, high alone and
    not held for its political declared use. A forwarder's legs to its owner's mobiles,
    rung as often but answered and talked on, are no flood; nor 99 such calls."""
    centre = features(
        window_end=DAY + timedelta(hours=1), calls=160, answered=90, short_answered=85,
        callees=10, flooded_callees=6, flooded_calls=150, flooded_silent=140,
    )  # fmt: skip
    established = EntityContext(
        kind="enterprise", kyc_status="verified", account_age_days=1_400,
        declared_use="live-agent political and survey calling for campaigns",
    )  # fmt: skip
    (flood,) = [f for f in detect(centre, established) if f.code is ReasonCode.REPEATED_CALLS]
    assert flood.self_evident
    assert flood.evidence is Evidence.ILLEGAL
    assert (flood.value, flood.threshold) == (25, 20)
    assert flood.sample_flag == "flooded"
    assert "150 calls to 6 number(s)" in flood.detail
    assert assess(centre, established).severity is Severity.HIGH
    assert one_row_may_find(centre)
    forwarder = replace(centre, flooded_silent=60)
    assert ReasonCode.REPEATED_CALLS not in codes(forwarder)
    fewer = replace(centre, flooded_calls=99, flooded_silent=99)
    assert ReasonCode.REPEATED_CALLS not in codes(fewer)


def test_only_windows_whose_calls_repeat_on_their_callees_are_counted_per_callee() -> None:
    """The flood's calls per callee are counted only where silent calls (busy, or hung up
    on at once) outnumber their distinct callees (beyond the sketch's error: a tenth) by
    what a flood of flood_min_calls holds, 75 repeats: a hit list redialled, 600 silent
    calls to 570 numbers, is not asked; 600 to 450 are, and 90 to 10; an upstream provider
    (the public's calls to busy numbers) never is."""
    columns = {
        "entity_type": np.array(
            ["customer", "customer", "sub_account", "sub_account", "upstream_provider"]
        ),
        "silent_calls": np.array([600, 600, 90, 80, 90_000]),
        "silent_callees": np.array([570, 450, 10, 10, 20_000]),
    }
    assert may_flood_callees(columns).tolist() == [False, True, True, False, False]


def test_may_find_judges_each_row_of_a_table() -> None:
    rows = [features(calls=900, answered=450), features(dno_caller=10), features(answered=100)]
    columns = {name: np.array([getattr(f, name) for f in rows]) for name in MAY_FIND_COLUMNS}
    assert may_find(columns, hourly=False).tolist() == [False, True, True]
    # an hour's volume thresholds are a 24th of a day's
    assert may_find(columns, hourly=True).tolist() == [True, True, True]


def test_a_spike_among_few_answered_calls_must_beat_chance() -> None:
    """A live survey's 83 answered calls can put a third in one band by chance; the same
    share among 2,000 is a recording."""
    few = features(answered=90, short_answered=7, long_answered=83, peak_duration_calls=28)
    many = features(long_answered=2_000, peak_duration_calls=680, answered=2_100, calls=4_000)
    assert ReasonCode.PRERECORDED_PATTERN not in codes(few)
    (spike,) = [f for f in detect(many) if f.code is ReasonCode.PRERECORDED_PATTERN]
    assert 0.3 <= spike.value < 0.34


def _recorded(durations: np.ndarray) -> tuple[bool, int]:
    """Whether the answered calls lasting ``durations`` show a recording, and how many
    spikes they make (duration_peaks, then recording_spike as detect applies it)."""
    lengths, calls = np.unique(durations, return_counts=True)
    peaks, _ = duration_peaks(np.zeros(lengths.size, dtype=np.int64), lengths, calls)
    long_answered = int(calls[lengths >= SHORT_CALL_SECONDS].sum())
    spike = recording_spike(int(peaks.calls[0]), long_answered)[2] if peaks.calls.size else False
    return spike, int(peaks.spikes[0]) if peaks.spikes.size else 0


def test_live_calls_seldom_look_recorded_and_several_messages_do() -> None:
    """The recording detector measured on 1,000 senders drawn wide: lognormal talk times
    with medians of 20 s to 4 min, narrow to broad, 5-50% quick hang-ups, 30 to 3,000
    answered calls. As live calls, none looks recorded (3 did before short bands had to
    rise above the quick refusals: their plateau's edge). With two or three messages played
    to half to four fifths of their answered calls (each message of 30 s or so a share
    under the 30% one recording needs, most of the time), 879 of the 896 with 300 calls or
    more are found and 857 with each message a spike (all 896 before the rise; counting
    only the largest spike, 758 were missed). Every one missed or short of a spike plays a
    15 s message, blurred by 2.5 s into quick refusals about as dense as it: a plateau to
    18 s, no pile."""
    rng = np.random.default_rng(2023)
    false_alarms = 0
    found, every_spike, short_of_a_spike = 0, 0, []
    for _ in range(1_000):
        calls = int(rng.integers(30, 3_000))
        quick = rng.random(calls) < rng.uniform(0.05, 0.5)
        talk = rng.lognormal(np.log(rng.uniform(20, 240)), rng.uniform(0.4, 1.4), calls)
        live = np.clip(np.rint(np.where(quick, rng.uniform(1, 12, calls), talk)), 1, 7200)
        false_alarms += _recorded(live.astype(np.int64))[0]
        if calls < 300:
            continue
        messages = 15 + np.sort(rng.choice(np.arange(0, 60, 16), int(rng.integers(2, 4)), False))
        played = rng.random(calls) < rng.uniform(0.5, 0.8)
        message = messages[rng.integers(0, messages.size, calls)] + rng.normal(0, 2.5, calls)
        campaign = np.where(played, np.clip(np.rint(message), 1, 7200), live).astype(np.int64)
        recorded, spikes = _recorded(campaign)
        found += recorded
        every_spike += recorded and spikes == messages.size
        if not (recorded and spikes == messages.size):
            short_of_a_spike.append(int(messages[0]))
    assert false_alarms == 0
    assert (found, every_spike) == (879, 857)
    assert set(short_of_a_spike) == {15}


def _blurred_campaigns(jitter_s: float) -> int:
    """How many of 100 campaigns whose message lengths are blurred by ``jitter_s`` (one
    standard deviation) look recorded: messages of 40-90 s heard out by 45-70% of the
    answered calls, the others quick refusals, hang-ups during the message and live
    transfers, 300 to 3,000 answered calls."""
    rng = np.random.default_rng(2024)
    found = 0
    for _ in range(100):
        calls = int(rng.integers(300, 3_000))
        length = rng.uniform(40, 90)
        heard = rng.uniform(0.45, 0.7)
        roll = rng.random(calls)
        quick = rng.uniform(1, 12, calls)
        during = rng.uniform(SHORT_CALL_SECONDS, length, calls)
        message = rng.normal(length, jitter_s, calls)
        talk = rng.lognormal(np.log(rng.uniform(60, 240)), rng.uniform(0.5, 1.2), calls)
        durations = np.where(
            roll < heard,
            message,
            np.where(roll < heard + 0.15, quick, np.where(roll < heard + 0.3, talk, during)),
        )
        found += _recorded(np.clip(np.rint(durations), 1, 7200).astype(np.int64))[0]
    return found


def test_a_message_blurred_by_several_seconds_is_found(monkeypatch: pytest.MonkeyPatch) -> None:
    """Network and text-to-speech timing can blur a message's length by 4-6 s (one
    standard deviation): a 9-second band holds too little of it, the wider bands at long
    lengths gather it (the live senders above stay as they were). Blurred by 8 s, two
    thirds are found. In the narrowest band alone, 84, 8, 0 and 0 of each 100 were."""
    jitters = (4.0, 5.0, 6.0, 8.0)
    assert [_blurred_campaigns(jitter) for jitter in jitters] == [100, 100, 100, 66]
    monkeypatch.setattr(features_module, "RECORDING_BANDS", features_module.RECORDING_BANDS[:1])
    assert [_blurred_campaigns(jitter) for jitter in jitters] == [84, 8, 0, 0]


def test_night_calling_practice_is_judged_over_the_day() -> None:
    """An hourly window at the edge of the calling hours is all outside them: whether night
    calling is the sender's practice is read from its whole UTC day."""
    late_hour = _thin_live_hour(outside_hours=22)
    sales = "outbound sales follow-up"

    def hours_evidence(context: EntityContext) -> Evidence:
        found = {f.code: f for f in detect(late_hour, context)}
        return found[ReasonCode.OUTSIDE_CALLING_HOURS].evidence

    assert hours_evidence(EntityContext(declared_use=sales)) is Evidence.ILLEGAL
    assert (
        hours_evidence(EntityContext(declared_use=sales, day_outside_hours_share=0.04))
        is Evidence.SUSPECT
    )
    assert (
        hours_evidence(EntityContext(declared_use=sales, day_outside_hours_share=0.6))
        is Evidence.ILLEGAL
    )
    # callees who consented (over the day) make the calls no solicitations
    assert (
        hours_evidence(EntityContext(declared_use=sales, account_no_consent_share=0.02))
        is Evidence.SUSPECT
    )


#: A small sender's day: 110 calls, 16 answered, every one a 40-second message, no consent
#: records; too few answered calls to judge the day alone. Over the week, 115 such calls
#: make the account's spike.
_THIN_RECORDED_DAY: dict[str, object] = {
    "calls": 110,
    "answered": 16,
    "answered_seconds": 16 * 40,
    "short_answered": 0,
    "long_answered": 16,
    "callees": 110,
    "callee_blocks": 110,
    "callee_caller_pairs": 110,
    "caller_ids": 3,
    "nanp_pairs": 110,
    "neighbor": 0,
    "hours_known": 110,
    "outside_hours": 0,
    "no_consent": 16,
    "consent_known": 16,
    "numbers_known": 110,
    "peak_duration_calls": 16,
    "peak_calls_per_minute": 2,
    "period_no_consent": 115,
    "period_consent_known": 115,
    "period_long_answered": 115,
    "period_peak_duration_calls": 115,
    "period_peak_duration_s": 39,
}


def _thin_recorded_day(**values: object) -> EntityFeatures:
    """:data:`_THIN_RECORDED_DAY` with ``values`` changed."""
    return features(**{**_THIN_RECORDED_DAY, **values})


def test_a_thin_window_of_a_campaign_with_several_messages_matches_any_of_them() -> None:
    """A campaign playing two messages (39 s and 62 s over the period) may play the second
    more on a thin day: that day's spike at 61 s is one of the period's recordings. A day
    peaking at 80 s, a length the period never played, is not judged by them."""
    period = {
        "period_peak_duration_s": 39,
        "period_peak_durations_s": (39, 62),
        "period_peak_duration_calls": 90,
    }
    second = _thin_recorded_day(peak_duration_s=61, peak_durations_s=(61,), **period)
    (spike,) = [f for f in detect(second) if f.code is ReasonCode.PRERECORDED_PATTERN]
    assert "spikes at 39 s and 62 s +-4 s" in spike.detail
    assert assess(second).severity is Severity.HIGH
    other = _thin_recorded_day(peak_duration_s=80, peak_durations_s=(80,), **period)
    assert ReasonCode.PRERECORDED_PATTERN not in codes(other)
    # the same day before the period listed its second message
    only_first = _thin_recorded_day(peak_duration_s=61, peak_durations_s=(61,))
    assert ReasonCode.PRERECORDED_PATTERN not in codes(only_first)


def test_a_customer_mixing_its_clients_calls_is_not_judged_by_its_period_or_day() -> None:
    """A dialler platform's thin hour mixes its clients: over the period, one client's
    recording to people who consented and another's live calls without consent records
    add up to an unconsented robocaller that none of them is. A customer whose window
    holds several sources is judged by its own calls only; its clients, each by its own
    period, are where a thin campaign shows."""
    alone = _thin_recorded_day(sources=1)
    assert assess(alone).severity is Severity.HIGH
    mixed = _thin_recorded_day(sources=3)
    assert ReasonCode.PRERECORDED_PATTERN not in codes(mixed)
    assert assess(mixed).severity is not Severity.HIGH
    # nor does the day's spike make its unconsented calls robocalls: an hour with enough
    # answered calls of its own, none consented, no spike of its own, a thin period
    hour = {
        "window_end": DAY + timedelta(hours=1),
        "answered": 30,
        "long_answered": 30,
        "consent_known": 30,
        "no_consent": 30,
        "peak_duration_calls": 3,
        "period_long_answered": 40,
        "period_peak_duration_calls": 5,
    }
    day_spike = EntityContext(day_prerecorded=True)

    def consent_evidence(sources: int) -> Evidence:
        found = {f.code: f for f in detect(_thin_recorded_day(sources=sources, **hour), day_spike)}
        return found[ReasonCode.NO_CONSENT_WIRELESS].evidence

    assert consent_evidence(1) is Evidence.ILLEGAL
    assert consent_evidence(3) is Evidence.PATTERN
    # a client with the same figures is judged by its own period
    client = _thin_recorded_day(entity_type="sub_account", sources=1)
    assert assess(client).severity is Severity.HIGH


def test_a_thin_sub_account_is_judged_with_its_siblings_at_its_length() -> None:
    """A campaign split over a reseller's thin clients in one day: this client's 24 answered
    calls peak at 38 s, too few alone, and the period is this one day. With five others
    peaking at that length, 100 of their 115 answered calls form the spike: a recording
    played from several accounts, and the unconsented calls need consent."""
    alone = _thin_recorded_day(
        entity_type="sub_account",
        answered=24,
        long_answered=24,
        peak_duration_calls=20,
        consent_known=24,
        no_consent=24,
        period_peak_duration_calls=20,
        period_long_answered=24,
        period_consent_known=24,
        period_no_consent=24,
    )
    assert ReasonCode.PRERECORDED_PATTERN not in codes(alone)
    split = replace(alone, siblings=5, siblings_peak_duration_calls=100, siblings_long_answered=115)
    (spike,) = [f for f in detect(split) if f.code is ReasonCode.PRERECORDED_PATTERN]
    assert "5 other sub-account(s)" in spike.detail
    assert spike.value >= DEFAULT_THRESHOLDS.prerecorded_share
    assert assess(split).severity is Severity.HIGH
    # siblings whose calls spread (a quarter at the length) are no recording
    spread = replace(split, siblings_peak_duration_calls=30)
    assert ReasonCode.PRERECORDED_PATTERN not in codes(spread)
    # nor does a client whose own calls do not peak at the length join in (its period is
    # this day)
    flat = replace(split, peak_duration_calls=3, period_peak_duration_calls=3)
    assert ReasonCode.PRERECORDED_PATTERN not in codes(flat)
    # nor one whose window holds a single answered call of that length (fewer than 20
    # answered calls are no share): a wholesale client beside its neighbour's campaign
    single = replace(
        split,
        answered=1,
        long_answered=1,
        peak_duration_calls=1,
        period_peak_duration_calls=1,
        period_long_answered=1,
    )
    assert ReasonCode.PRERECORDED_PATTERN not in codes(single)
    # nor a live client beside a platform's reminder clients, whose recorded calls reach
    # people with consent records (a campaign's reach people without in each client)
    reminders = replace(split, siblings_consent_known=91, siblings_no_consent=4)
    assert ReasonCode.PRERECORDED_PATTERN not in codes(reminders)
    assert assess(reminders).severity is not Severity.HIGH
    campaign = replace(split, siblings_consent_known=91, siblings_no_consent=80)
    assert ReasonCode.PRERECORDED_PATTERN in codes(campaign)


def test_a_carriers_unsigned_calls_presenting_the_callees_exchange_are_spoofed() -> None:
    """A tandem's 5,000 NANP calls a day: 2,700 A-attested, 2% of them from a neighbour (a
    ported landline), and 2,300 unsigned or C, where a spoofer's 250 numbers in each
    callee's exchange join the 2% of its other callers: neighbour spoofing, though 6% of
    all its calls are under NEIGHBOR_SPOOFING's 20%. Neighbours alike in both kinds of
    call are its callers', and without A-attested calls nothing is predicted."""
    tandem = features(
        entity_type="upstream_provider",
        entity_id="Hawkeye Tandem Access",
        customer_id="",
        calls=5000,
        caller_ids=4800,
        nanp_pairs=5000,
        neighbor=54 + 46 + 250,
        weak_nanp_pairs=2300,
        weak_neighbor=46 + 250,
    )
    (found,) = [f for f in detect(tandem) if f.code is ReasonCode.NEIGHBOR_SPOOFING]
    assert found.evidence is Evidence.ILLEGAL
    assert found.value == pytest.approx(296 / 2300)
    assert found.threshold == pytest.approx(54 / 2700)
    assert "250 beyond what the carrier's callers make" in found.detail
    assert assess(tandem).severity is Severity.HIGH
    assert_may_find_lets_through(tandem)
    # a rural carrier's callers ring their neighbours as often signed or not
    local = replace(tandem, neighbor=300 + 255, weak_neighbor=255)
    assert ReasonCode.NEIGHBOR_SPOOFING not in codes(local)
    # nothing signed A to read the unsigned calls against (a carrier without STIR/SHAKEN)
    unsigned = replace(tandem, weak_nanp_pairs=4950, neighbor=350, weak_neighbor=349)
    assert ReasonCode.NEIGHBOR_SPOOFING not in codes(unsigned)
    # an account's own calls are judged by NEIGHBOR_SPOOFING's share alone
    assert ReasonCode.NEIGHBOR_SPOOFING not in codes(replace(tandem, entity_type="customer"))
    # an hour carrying a few dozen of them takes its UTC day's
    hour = replace(
        tandem,
        window_end=_window_end(True),
        calls=210,
        nanp_pairs=210,
        neighbor=14,
        weak_nanp_pairs=95,
        weak_neighbor=12,
        day_calls=5000,
        day_nanp_pairs=5000,
        day_neighbor=350,
        day_weak_nanp_pairs=2300,
        day_weak_neighbor=296,
    )
    (over_day,) = [f for f in detect(hour) if f.code is ReasonCode.NEIGHBOR_SPOOFING]
    assert "over the window's UTC day" in over_day.detail
    assert_may_find_lets_through(hour)
    assert ReasonCode.NEIGHBOR_SPOOFING not in codes(replace(hour, weak_neighbor=0, neighbor=2))


def test_shell_clients_whose_recording_is_heard_out_by_under_a_third_pile_together() -> None:
    """A press-1 recording half its hearers hang up in, left on machines after greetings of
    every length: 10 of a shell client's 35 answered calls hear it out at 34 s, and with 14
    other clients at that length 312 of 1,078 (29%, under a recording's share) do. They
    pile in their bands (312 of their 420 calls beyond the lengths either side): one
    recording. Spread in their bands among other calls, the same share is none."""
    client = _thin_recorded_day(
        entity_type="sub_account",
        answered=35,
        long_answered=35,
        peak_duration_calls=10,
        peak_duration_s=34,
        consent_known=35,
        no_consent=35,
        period_peak_duration_calls=30,
        period_peak_duration_s=34,
        period_long_answered=117,
        period_consent_known=117,
        period_no_consent=117,
        siblings=14,
        siblings_peak_duration_calls=312,
        siblings_long_answered=1078,
        siblings_band_total=420,
    )
    (spike,) = [f for f in detect(client) if f.code is ReasonCode.PRERECORDED_PATTERN]
    assert "14 other sub-account(s) of acme" in spike.detail
    assert "312 of the 420 calls in its band" in spike.detail
    assert spike.threshold == DEFAULT_THRESHOLDS.prerecorded_ended_share
    assert DEFAULT_THRESHOLDS.prerecorded_ended_share <= spike.value
    assert spike.value < DEFAULT_THRESHOLDS.prerecorded_share
    assert assess(client).severity is Severity.HIGH
    assert_may_find_lets_through(client)
    # the same share spread among the band's other calls does not pile
    spread = replace(client, siblings_band_total=900)
    assert ReasonCode.PRERECORDED_PATTERN not in codes(spread)
    # nor one without the bands' calls counted
    assert ReasonCode.PRERECORDED_PATTERN not in codes(replace(client, siblings_band_total=0))


def test_a_new_accounts_hour_is_judged_with_its_siblings_over_its_day() -> None:
    """A snowshoe account's hour: 12 answered calls, too few to show anything. Its UTC day
    holds 24 of 60 at 28 s (40%, not beyond chance alone; its three days 70 of 180), and
    five other new accounts' days peak there, 130 of their 300: one recording. The hour
    carries it, and its unconsented calls need consent; a day whose own calls do not peak
    there (nor its period's) takes nothing. A reseller's shell client's hour is judged the
    same way with its customer's other clients' days."""
    hour = features(
        entity_type="customer",
        window_end=_window_end(True),
        calls=20,
        answered=12,
        long_answered=12,
        peak_duration_calls=3,
        peak_duration_s=28,
        consent_known=12,
        no_consent=12,
        period_consent_known=240,
        period_no_consent=240,
        period_long_answered=180,
        period_peak_duration_calls=70,
        period_peak_duration_s=28,
        day_peak_duration_calls=24,
        day_peak_duration_s=28,
        day_long_answered=60,
        day_siblings=5,
        day_siblings_peak_duration_calls=130,
        day_siblings_long_answered=300,
    )
    (spike,) = [f for f in detect(hour) if f.code is ReasonCode.PRERECORDED_PATTERN]
    assert "5 other new or unverified account(s) of the provider whose days peak" in spike.detail
    assert spike.value >= DEFAULT_THRESHOLDS.prerecorded_share
    assert assess(hour).severity is Severity.HIGH
    assert_may_find_lets_through(hour)
    flat = replace(hour, day_peak_duration_calls=2, period_peak_duration_calls=4)
    assert ReasonCode.PRERECORDED_PATTERN not in codes(flat)
    client = replace(hour, entity_type="sub_account")
    (spike,) = [f for f in detect(client) if f.code is ReasonCode.PRERECORDED_PATTERN]
    assert "5 other sub-account(s) of acme whose days peak" in spike.detail
    assert_may_find_lets_through(client)
    assert ReasonCode.PRERECORDED_PATTERN not in codes(replace(flat, entity_type="sub_account"))


def test_a_new_accounts_thin_day_agrees_with_its_siblings_over_its_period() -> None:
    """A snowshoe account of 100 calls a day: 7 of its day's 28 answered calls at 28 s, too
    few to agree with its siblings' spike (a live tenant's chance bump looks the same), but
    27 of its 90 over the period: its own calls agree over the period, and the day takes
    the siblings' recording. Flat over the period, or spiking elsewhere, it takes nothing."""
    day = features(
        entity_type="customer",
        calls=40,
        answered=30,
        short_answered=2,
        long_answered=28,
        peak_duration_calls=7,
        peak_duration_s=28,
        period_peak_duration_calls=27,
        period_peak_duration_s=28,
        period_long_answered=90,
        siblings=5,
        siblings_peak_duration_calls=120,
        siblings_long_answered=300,
    )
    (spike,) = [f for f in detect(day) if f.code is ReasonCode.PRERECORDED_PATTERN]
    assert "5 other new or unverified account(s) of the provider" in spike.detail
    assert_may_find_lets_through(day)
    flat = replace(day, period_peak_duration_calls=8)
    assert ReasonCode.PRERECORDED_PATTERN not in codes(flat)
    elsewhere = replace(day, period_peak_duration_s=45)
    assert ReasonCode.PRERECORDED_PATTERN not in codes(elsewhere)
    # a reseller's shell client the same, with its customer's other clients
    client = replace(day, entity_type="sub_account")
    (spike,) = [f for f in detect(client) if f.code is ReasonCode.PRERECORDED_PATTERN]
    assert "5 other sub-account(s) of acme" in spike.detail
    assert ReasonCode.PRERECORDED_PATTERN not in codes(replace(flat, entity_type="sub_account"))


def test_a_live_clients_chance_bumps_do_not_join_its_siblings_recording() -> None:
    """A reseller's live client beside shell clients playing a message: its one call at
    the message's length in an hour is no agreement. Over the period, 6 of 20 answered
    calls is too few to say anything; 26 of 99 spread over three chance bumps (97, 174 and
    115 s) agrees only when the hour's call is at the main one's length."""
    hour = features(
        entity_type="sub_account",
        window_end=DAY + timedelta(hours=1),
        calls=3,
        answered=1,
        long_answered=1,
        peak_duration_calls=1,
        peak_duration_s=69,
        peak_durations_s=(69,),
        period_long_answered=20,
        period_peak_duration_calls=6,
        period_peak_duration_s=65,
        period_peak_durations_s=(65,),
        siblings=19,
        siblings_peak_duration_calls=28,
        siblings_long_answered=65,
    )
    assert ReasonCode.PRERECORDED_PATTERN not in codes(hour)
    busier = replace(
        hour,
        peak_duration_s=114,
        peak_durations_s=(114,),
        period_long_answered=99,
        period_peak_duration_calls=26,
        period_peak_duration_s=97,
        period_peak_durations_s=(97, 174, 115),
    )
    assert ReasonCode.PRERECORDED_PATTERN not in codes(busier)
    at_main = replace(busier, period_peak_duration_s=115, period_peak_durations_s=(115, 97))
    assert ReasonCode.PRERECORDED_PATTERN in codes(at_main)


def test_a_live_client_whose_period_barely_peaks_does_not_join_its_siblings() -> None:
    """An MVNO's prepaid dealer beside another dealer's SIM farm: 8 of its hour's 25
    answered calls at 24 s, its period's main spike there too, but 34 of 1,141 answered
    calls (people's voicemails to each other): a live client, its hour's bump chance. A
    client whose period's calls peak there by a fifth plays the message."""
    hour = features(
        entity_type="sub_account",
        window_end=DAY + timedelta(hours=1),
        calls=60,
        answered=25,
        long_answered=25,
        peak_duration_calls=8,
        peak_duration_s=24,
        peak_durations_s=(24,),
        consent_known=25,
        no_consent=25,
        period_long_answered=1141,
        period_peak_duration_calls=34,
        period_peak_duration_s=24,
        period_peak_durations_s=(24,),
        siblings=4,
        siblings_peak_duration_calls=100,
        siblings_long_answered=249,
    )
    assert ReasonCode.PRERECORDED_PATTERN not in codes(hour)
    assert assess(hour).severity is not Severity.HIGH
    playing = replace(hour, period_peak_duration_calls=250)
    assert ReasonCode.PRERECORDED_PATTERN in codes(playing)


def test_a_thin_sub_account_is_judged_with_its_siblings_over_the_period() -> None:
    """A campaign split over six clients and thin on every day: this client's hour holds 5
    answered calls, its whole period 35 (too few to rule out chance), each at 40 s. With
    five other clients peaking at that length over the period, 160 of their 195 form the
    spike: one recording, and the unconsented calls need consent."""
    hour = _thin_recorded_day(
        entity_type="sub_account",
        window_end=DAY + timedelta(hours=1),
        calls=12,
        answered=5,
        long_answered=5,
        peak_duration_calls=4,
        peak_duration_s=40,
        consent_known=5,
        no_consent=5,
        period_long_answered=35,
        period_peak_duration_calls=28,
        period_consent_known=35,
        period_no_consent=35,
    )
    assert ReasonCode.PRERECORDED_PATTERN not in codes(hour)
    split = replace(
        hour,
        period_siblings=5,
        period_siblings_peak_duration_calls=160,
        period_siblings_long_answered=195,
    )
    found = {f.code: f for f in detect(split)}
    spike = found[ReasonCode.PRERECORDED_PATTERN]
    assert "other sub-account(s) of acme whose calls peak at that length over the period" in (
        spike.detail
    )
    assert spike.value > DEFAULT_THRESHOLDS.prerecorded_share
    assert found[ReasonCode.NO_CONSENT_WIRELESS].evidence is Evidence.ILLEGAL
    assert assess(split).severity is Severity.HIGH
    # siblings whose calls spread are no recording
    assert ReasonCode.PRERECORDED_PATTERN not in codes(
        replace(split, period_siblings_peak_duration_calls=40)
    )
    # nor is an hour peaking at a length the period never played
    assert ReasonCode.PRERECORDED_PATTERN not in codes(replace(split, peak_duration_s=75))
    # nor a period too thin of its own to say it agrees (under 20 answered calls)
    assert ReasonCode.PRERECORDED_PATTERN not in codes(
        replace(split, period_long_answered=15, period_peak_duration_calls=12)
    )
    # nor siblings playing their recording to people who consented over the period
    consented = replace(split, period_siblings_consent_known=180, period_siblings_no_consent=9)
    assert ReasonCode.PRERECORDED_PATTERN not in codes(consented)


@settings(max_examples=600, deadline=None)
@given(
    period_long=st.integers(0, 60),
    period_peak=st.integers(0, 60),
    siblings=st.integers(0, 3),
    siblings_long=_NEAR_THRESHOLD,
    siblings_peak=_NEAR_THRESHOLD,
    siblings_band=_NEAR_THRESHOLD,
    hourly=st.booleans(),
)
def test_may_find_lets_through_thin_windows_their_siblings_judge_over_the_period(
    *,
    period_long: int,
    period_peak: int,
    siblings: int,
    siblings_long: int,
    siblings_peak: int,
    siblings_band: int,
    hourly: bool,
) -> None:
    # a client's quiet window: too few calls for any other reason to let it through
    quiet = dict.fromkeys(
        ("calls", "callees", "callee_blocks", "callee_caller_pairs", "nanp_pairs"), 30
    )
    f = _thin_recorded_day(
        **quiet,
        entity_type="sub_account",
        window_end=_window_end(hourly),
        hours_known=30,
        numbers_known=30,
        consent_known=0,
        no_consent=0,
        period_long_answered=period_long,
        period_peak_duration_calls=period_peak,
        period_siblings=siblings,
        period_siblings_long_answered=siblings_long,
        period_siblings_peak_duration_calls=siblings_peak,
        period_siblings_band_total=siblings_band,
    )
    assert_may_find_lets_through(f)


@settings(max_examples=600, deadline=None)
@given(
    long_answered=st.integers(0, 60),
    peak=st.integers(0, 60),
    siblings=st.integers(0, 3),
    siblings_long=_NEAR_THRESHOLD,
    siblings_peak=_NEAR_THRESHOLD,
    siblings_band=_NEAR_THRESHOLD,
    hourly=st.booleans(),
)
def test_may_find_lets_through_thin_windows_their_siblings_judge(
    *,
    long_answered: int,
    peak: int,
    siblings: int,
    siblings_long: int,
    siblings_peak: int,
    siblings_band: int,
    hourly: bool,
) -> None:
    f = _thin_recorded_day(
        entity_type="sub_account",
        window_end=_window_end(hourly),
        answered=long_answered,
        long_answered=long_answered,
        peak_duration_calls=peak,
        consent_known=0,
        no_consent=0,
        period_peak_duration_calls=0,
        siblings=siblings,
        siblings_long_answered=siblings_long,
        siblings_peak_duration_calls=siblings_peak,
        siblings_band_total=siblings_band,
    )
    assert_may_find_lets_through(f)


def test_a_thin_windows_recording_is_judged_over_the_period() -> None:
    """A campaign spread thin (16 answered calls a day) hides from every window's spike
    and consent tests; the account's week shows both, and the day's own calls peak at the
    week's length: its days reach high."""
    day = _thin_recorded_day()
    found = {f.code: f for f in detect(day)}
    spike = found[ReasonCode.PRERECORDED_PATTERN]
    assert "too few to rule out chance alone" in spike.detail
    assert spike.value > DEFAULT_THRESHOLDS.prerecorded_share
    consent = found[ReasonCode.NO_CONSENT_WIRELESS]
    assert consent.evidence is Evidence.ILLEGAL
    assert consent.value == 1.0
    assert assess(day).severity is Severity.HIGH
    # a day whose calls peak at another length is not judged by the week's recording, and
    # its consent is not asked (live calls need none)
    other_length = _thin_recorded_day(peak_duration_s=70)
    assert not {ReasonCode.PRERECORDED_PATTERN, ReasonCode.NO_CONSENT_WIRELESS} & codes(
        other_length
    )
    assert assess(other_length).severity is not Severity.HIGH
    # nor a day whose calls spread over many lengths (4 of 16 at the peak)
    assert ReasonCode.PRERECORDED_PATTERN not in codes(_thin_recorded_day(peak_duration_calls=4))
    # callees who consented over the week: no consent reason, nothing illegal
    covered = _thin_recorded_day(period_no_consent=5)
    assert ReasonCode.NO_CONSENT_WIRELESS not in codes(covered)
    assert assess(covered).severity is not Severity.HIGH
    # a week too thin as well: nothing to judge the practice by
    week_thin = _thin_recorded_day(
        period_long_answered=40, period_peak_duration_calls=40, period_consent_known=15
    )
    assert ReasonCode.PRERECORDED_PATTERN not in codes(week_thin)
    assert ReasonCode.NO_CONSENT_WIRELESS not in codes(week_thin)
    # a window that holds enough answered calls is judged on its own figures only
    thick = _thin_recorded_day(
        answered=400, long_answered=400, consent_known=400, no_consent=0, peak_duration_calls=40
    )
    assert not {ReasonCode.PRERECORDED_PATTERN, ReasonCode.NO_CONSENT_WIRELESS} & codes(thick)
    # ... unless its own spike crosses the share but not beyond chance (33% of 60 calls: at
    # least 23%), where the period's thousands settle it
    unsure = _thin_recorded_day(
        answered=60, long_answered=60, consent_known=60, no_consent=60, peak_duration_calls=20
    )
    assert not recording_spike(20, 60)[2]
    assert ReasonCode.PRERECORDED_PATTERN in codes(unsure)
    assert ReasonCode.PRERECORDED_PATTERN not in codes(
        replace(unsure, period_peak_duration_calls=30)
    )
    # a day whose share could be the threshold's agrees too: 20 of 71 at the week's length
    # (28%, between 19% and 37% allowing for chance: a snowshoe account's day, synth seed
    # 282 at scale 0.02); 15 of 75 (20%, at most 28%) could not be a third of them
    could_be = _thin_recorded_day(
        calls=400, answered=75, long_answered=71, consent_known=75, no_consent=75,
        peak_duration_calls=20,
    )  # fmt: skip
    assert ReasonCode.PRERECORDED_PATTERN in codes(could_be)
    assert assess(could_be).severity is Severity.HIGH
    assert_may_find_lets_through(could_be)
    # ... a finding the screen lets through even where nothing else would be found
    consented = replace(could_be, calls=300, no_consent=0, period_no_consent=0)
    assert ReasonCode.PRERECORDED_PATTERN in codes(consented)
    assert_may_find_lets_through(consented)
    too_few = replace(could_be, long_answered=75, peak_duration_calls=15)
    assert ReasonCode.PRERECORDED_PATTERN not in codes(too_few)
    # an hour of five answered calls, two of them at the message's length by chance (an
    # independent probe's bakery, days before its account was taken over): 40%, but at
    # least 3% allowing for chance; four of five is a thin window of the campaign
    chance = _thin_recorded_day(answered=5, long_answered=5, peak_duration_calls=2)
    assert ReasonCode.PRERECORDED_PATTERN not in codes(chance)
    assert ReasonCode.PRERECORDED_PATTERN in codes(replace(chance, peak_duration_calls=4))


@settings(max_examples=600, deadline=None)
@given(
    entity_type=_ENTITY_TYPES,
    hourly=st.booleans(),
    calls=st.integers(0, 200),
    long_answered=st.integers(0, 60),
    peak=st.integers(0, 60),
    peak_s=st.integers(30, 50),
    consent_known=st.integers(0, 30),
    no_consent=st.integers(0, 30),
    period=st.fixed_dictionaries(
        {
            name: _NEAR_THRESHOLD
            for name in (
                "period_no_consent",
                "period_consent_known",
                "period_long_answered",
                "period_peak_duration_calls",
            )
        }
    ),
    period_peak_s=st.one_of(st.none(), st.integers(30, 50)),
)
def test_may_find_lets_through_thin_windows_the_period_judges(
    *,
    entity_type: str,
    hourly: bool,
    calls: int,
    long_answered: int,
    peak: int,
    peak_s: int,
    consent_known: int,
    no_consent: int,
    period: dict[str, int],
    period_peak_s: int | None,
) -> None:
    """The period-judged reasons need four figures to line up at once, which the test
    above rarely draws: here every thin window is drawn with its period."""
    f = _thin_recorded_day(
        entity_type=entity_type,
        window_end=_window_end(hourly),
        calls=calls,
        answered=max(long_answered, consent_known),
        long_answered=long_answered,
        peak_duration_calls=peak,
        peak_duration_s=peak_s,
        consent_known=consent_known,
        no_consent=no_consent,
        period_peak_duration_s=period_peak_s,
        **period,
    )
    assert_may_find_lets_through(f)


def test_missing_consent_in_a_few_answered_calls_must_beat_chance() -> None:
    """4 unconsented calls among an hour's 20 answered is 20%, the threshold, but within
    chance of an account whose callees nearly all consented; 10 of 20 is not."""
    hour = features(window_end=DAY + timedelta(hours=1), calls=80, answered=20, consent_known=20)
    assert ReasonCode.NO_CONSENT_WIRELESS not in codes(replace(hour, no_consent=4))
    (found,) = [
        f for f in detect(replace(hour, no_consent=10)) if f.code is ReasonCode.NO_CONSENT_WIRELESS
    ]
    assert found.value == 0.5
    assert "at least 32%" in found.detail
    # among a day's hundreds the bound sits close to the share
    assert ReasonCode.NO_CONSENT_WIRELESS in codes(features(no_consent=120))


def test_a_trickle_of_invalid_caller_ids_is_not_chance_proof() -> None:
    """8 invalid caller IDs in 396 transit calls is 2.02%, over the 2% share, but within
    chance of an honest carrier's 1-2% trickle; 40 in 396 is not."""
    hour = features(
        entity_type="upstream_provider",
        entity_id="Northgate",
        customer_id="",
        window_end=DAY + timedelta(hours=1),
        calls=396,
    )
    assert ReasonCode.INVALID_CALLER_ID not in codes(replace(hour, invalid_caller=8))
    assert ReasonCode.INVALID_CALLER_ID in codes(replace(hour, invalid_caller=40))
    # over a day's thousands of calls the bound sits close to the share
    assert ReasonCode.INVALID_CALLER_ID in codes(features(calls=20_000, invalid_caller=500))


def test_a_caller_id_not_assigned_to_its_account_is_suspect() -> None:
    line = features(
        entity_type="caller_id",
        entity_id="+15075550123",
        customer_id="acme",
        caller_ids=1,
        numbers_known=0,
        unassigned_caller=0,
    )
    found = {f.code: f for f in detect(line, EntityContext(number_granted=False))}
    unassigned = found[ReasonCode.UNASSIGNED_CALLER_ID]
    assert unassigned.evidence is Evidence.SUSPECT
    assert unassigned.value == 1.0
    # alone it is a question for an analyst, not a mitigation
    assert assess(line, EntityContext(number_granted=False)).severity is Severity.MEDIUM
    assert ReasonCode.UNASSIGNED_CALLER_ID not in codes(line, EntityContext(number_granted=True))
    assert ReasonCode.UNASSIGNED_CALLER_ID not in codes(line)  # no numbers list


# -- thresholds a provider sets (callwarden analyze --thresholds) ----------------------


def _threshold_values(name: str) -> st.SearchStrategy[int | float]:
    """Any value thresholds_with accepts for ``name``, around its default."""
    default = getattr(DEFAULT_THRESHOLDS, name)
    if name in THRESHOLD_COUNTS:
        return st.integers(0, 2 * default + 5)
    if name in THRESHOLD_SHARES:
        return st.floats(0.001, 1.0)
    return st.floats(0.01, 2 * default)


#: a few thresholds changed at a time: with many lowered at once most senders cross one
#: of them, and a detector's pre-filter test could go missing unnoticed
_THRESHOLDS = (
    st.lists(st.sampled_from([field.name for field in fields(Thresholds)]), max_size=3, unique=True)
    .flatmap(lambda names: st.fixed_dictionaries({name: _threshold_values(name) for name in names}))
    .map(thresholds_with)
)


@settings(max_examples=2_000, deadline=None)
@given(
    thresholds=_THRESHOLDS,
    counts=st.dictionaries(st.sampled_from(_COUNTED), _NEAR_THRESHOLD, max_size=4),
    calls=st.one_of(st.just(900), _NEAR_THRESHOLD),
    entity_type=_ENTITY_TYPES,
    hourly=st.booleans(),
    baseline=st.one_of(st.none(), st.floats(0, 1e5)),
)
def test_may_find_and_reason_values_hold_under_any_thresholds(
    *,
    thresholds: Thresholds,
    counts: dict[str, int],
    calls: int,
    entity_type: str,
    hourly: bool,
    baseline: float | None,
) -> None:
    """Thresholds a provider sets move every detector and its pre-filter together: what
    detect finds, may_find lets through, and each reason's value crosses the threshold
    it prints (the threshold's, not the default's)."""
    f = features(
        entity_type=entity_type,
        calls=calls,
        window_end=_window_end(hourly),
        **{"answered": 450, **counts},
    )
    context = EntityContext(baseline_calls=baseline)
    for finding in detect(f, context, thresholds):
        assert crosses(finding.code, finding.value, finding.threshold), finding
    assert_may_find_lets_through(f, context, thresholds)


def test_may_find_reads_every_threshold_from_its_argument() -> None:
    """A sender that crosses every detector under the defaults crosses none under
    thresholds no traffic can reach, and may_find says so too: none of its tests keeps a
    default of its own."""
    unreachable = thresholds_with(
        {
            field.name: 1.0
            if field.name in THRESHOLD_SHARES
            else 10**9
            if field.name in THRESHOLD_COUNTS
            else 1e9
            for field in fields(Thresholds)
        }
        | {"low_asr": 0.001, "rotation_max_calls_per_caller_id": 0.001}
    )
    loud = features(
        calls=30_000,
        answered=3_000,
        short_answered=1_500,
        long_answered=1_400,
        peak_duration_calls=1_000,
        callees=29_000,
        callee_blocks=3_000,
        caller_ids=5_000,
        callee_caller_pairs=29_000,
        invalid_caller=3_000,
        dno_caller=3_000,
        nanp_pairs=30_000,
        neighbor=20_000,
        hours_known=30_000,
        outside_hours=20_000,
        no_consent=2_500,
        consent_known=3_000,
        unassigned_caller=20_000,
        numbers_known=30_000,
        weak_attestation=29_000,
        peak_calls_per_minute=900,
        period_no_consent=2_500,
        period_consent_known=3_000,
        period_long_answered=1_400,
        period_peak_duration_calls=1_000,
        period_peak_duration_s=40,
    )
    assert len(codes(loud)) >= 12
    assert one_row_may_find(loud)
    assert detect(loud, NO_CONTEXT, unreachable) == []
    assert not one_row_may_find(loud, unreachable)


def test_thresholds_change_only_what_is_named() -> None:
    changed = thresholds_with({"no_consent_share": 0.5, "high_volume_calls": 50_000})
    assert changed.no_consent_share == 0.5
    assert changed.high_volume_calls == 50_000
    assert replace(changed, no_consent_share=0.2, high_volume_calls=20_000) == DEFAULT_THRESHOLDS
    # a count may be written as a whole number; a share as an integer 1
    assert thresholds_with({"low_asr": 1}).low_asr == 1.0
    # the figures that fire move with them: 30% of answered calls unconsented is below 50%
    f = features(no_consent=150, consent_known=500)
    assert ReasonCode.NO_CONSENT_WIRELESS in codes(f)
    assert not any(x.code is ReasonCode.NO_CONSENT_WIRELESS for x in detect(f, NO_CONTEXT, changed))


def test_bad_thresholds_are_all_named() -> None:
    with pytest.raises(ValueError, match="no_consent_shar: no such threshold") as raised:
        thresholds_with(
            {
                "no_consent_shar": 0.3,
                "min_calls": 2.5,
                "low_asr": 2,
                "dno_share": 0,
                "surge_factor": float("inf"),
                "min_answered": True,
                "fanout_callees": "many",
                "outside_hours_min_calls": -1,
            }
        )
    message = str(raised.value)
    assert "(did you mean no_consent_share?)" in message
    for expected in (
        "min_calls: 2.5 is not a whole number",
        "low_asr: 2 is a share, at most 1",
        "dno_share: 0 is not a finite number above 0",
        "surge_factor: inf is not a finite number above 0",
        "min_answered: True is not a number",
        "fanout_callees: 'many' is not a number",
        "outside_hours_min_calls: -1 is not a whole number",
    ):
        assert expected in message


def _burner_day(**values: object) -> EntityFeatures:
    """A new prepaid line's day: 180 strangers called once each from its one number, live
    or not, a fifth answered, none with consent records."""
    return features(
        **{
            "calls": 180,
            "answered": 36,
            "short_answered": 6,
            "long_answered": 30,
            "answered_seconds": 36 * 25,
            "callees": 180,
            "caller_ids": 1,
            "callee_blocks": 180,
            "callee_caller_pairs": 180,
            "nanp_pairs": 180,
            "neighbor": 0,
            "hours_known": 180,
            "outside_hours": 0,
            "consent_known": 36,
            "no_consent": 36,
            "numbers_known": 180,
            "peak_duration_calls": 5,
            "peak_calls_per_minute": 2,
            **values,
        }
    )


_CONSUMER_LINE = EntityContext(
    kind="enterprise", kyc_status="unknown", declared_use="prepaid wireless (consumer)"
)


def test_a_consumer_line_reaching_hundreds_of_strangers_is_a_dialler() -> None:
    """A person calls a circle; a consumer line reaching 180 numbers in a day is a dialler
    on a person's plan: autodialled calls (47 USC 227(b)(1)(A)) without consent, `high`."""
    burner = assess(_burner_day(), replace(_CONSUMER_LINE, line_day_callees=180.0))
    assert burner.severity is Severity.HIGH
    [fanout] = [f for f in burner.findings if f.code is ReasonCode.HIGH_FANOUT]
    assert (fanout.value, fanout.threshold, fanout.evidence) == (180.0, 100, Evidence.SUSPECT)
    [consent] = [f for f in burner.findings if f.code is ReasonCode.NO_CONSENT_WIRELESS]
    assert consent.evidence is Evidence.ILLEGAL
    # a family's day (five lines, 33 numbers) is a person's reach: nothing of the kind
    family = assess(_burner_day(), replace(_CONSUMER_LINE, line_day_callees=33 / 5))
    assert ReasonCode.HIGH_FANOUT not in {f.code for f in family.findings}
    assert family.severity is not Severity.HIGH
    # the same day of a business's line is live cold calling: no consent needed, no dialler
    business = assess(_burner_day(), replace(_CONSUMER_LINE, declared_use="real estate"))
    assert business.severity is not Severity.HIGH
    assert ReasonCode.HIGH_FANOUT not in {f.code for f in business.findings}
