"""Vectorised call generation: one day of one sender's attempts as numpy arrays.

Times are drawn in the callee's local time from the behaviour's hourly profile and turned
into UTC with the callee's zone offset that day, then folded into the UTC day being
written: every call lands in its own day's file and the local-hour pattern (what the
calling-hours rule, 47 CFR 64.1200(c)(1), is about) is exact.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

import numpy as np
import numpy.typing as npt

from callwarden.synth.behaviours import CalleeMode, CallerMode
from callwarden.synth.geography import day_start_us
from callwarden.synth.network import (
    FORM_ANONYMOUS,
    FORM_E164,
    FORM_ELEVEN_DIGITS,
    FORM_INTERNATIONAL,
    FORM_NATIONAL,
    Network,
    Sender,
)
from callwarden.synth.population import Population

SECONDS_PER_DAY = 86_400
ATTEST_NONE, ATTEST_A, ATTEST_B, ATTEST_C = 0, 1, 2, 3


@dataclass
class DayCalls:
    """A day's attempts, column-wise. ``caller`` holds a national number, or for the
    special forms the digits to present (see network.FORM_*)."""

    start_us: npt.NDArray[np.int64]
    duration_s: npt.NDArray[np.int32]
    sip_code: npt.NDArray[np.int16]
    caller: npt.NDArray[np.int64]
    caller_form: npt.NDArray[np.uint8]
    callee: npt.NDArray[np.int64]
    sender: npt.NDArray[np.int32]
    trunk: npt.NDArray[np.int32]
    attestation: npt.NDArray[np.uint8]
    downstream: npt.NDArray[np.uint8]

    def __len__(self) -> int:
        return int(self.start_us.size)

    @classmethod
    def concat(cls, parts: list[DayCalls]) -> DayCalls:
        if not parts:
            return cls.empty()
        return cls(
            **{f.name: np.concatenate([getattr(p, f.name) for p in parts]) for f in fields(cls)}
        )

    @classmethod
    def empty(cls) -> DayCalls:
        return cls(
            start_us=np.zeros(0, np.int64),
            duration_s=np.zeros(0, np.int32),
            sip_code=np.zeros(0, np.int16),
            caller=np.zeros(0, np.int64),
            caller_form=np.zeros(0, np.uint8),
            callee=np.zeros(0, np.int64),
            sender=np.zeros(0, np.int32),
            trunk=np.zeros(0, np.int32),
            attestation=np.zeros(0, np.uint8),
            downstream=np.zeros(0, np.uint8),
        )

    def ordered(self) -> DayCalls:
        """Sorted by start time, as a switch writes its CDRs."""
        order = np.argsort(self.start_us, kind="stable")
        return DayCalls(**{f.name: getattr(self, f.name)[order] for f in fields(self)})


@dataclass(frozen=True)
class DayContext:
    network: Network
    day_index: int
    day: date
    offsets_s: npt.NDArray[np.int32]  # per plan zone
    wireless_people: npt.NDArray[np.int64]
    wireline_people: npt.NDArray[np.int64]


def make_context(network: Network, day_index: int, day: date) -> DayContext:
    population = network.population
    wireless = population.wireless
    return DayContext(
        network=network,
        day_index=day_index,
        day=day,
        offsets_s=network.plan.utc_offsets_s(day),
        wireless_people=population.numbers[wireless],
        wireline_people=population.numbers[~wireless],
    )


def generate_day(
    context: DayContext, rng: np.random.Generator
) -> tuple[DayCalls, dict[int, npt.NDArray[np.int64]]]:
    """Every sender's attempts for one day, in start-time order, and per illegal sender
    the pool index of each caller ID it presented from its reusable pool (for labels)."""
    parts: list[DayCalls] = []
    used: dict[int, npt.NDArray[np.int64]] = {}
    weekday = context.day.weekday()
    for sender in context.network.senders:
        # Day-to-day swings of a few percent to a few tens, as real senders have.
        expected = sender.volume_on(context.day_index, weekday) * rng.lognormal(0.0, 0.15)
        count = int(rng.poisson(expected)) if expected > 0 else 0
        if expected > 0 and count == 0:
            count = 1  # an active sender shows at least one attempt on each of its days
        burst = sender.behaviour.bursts and context.day_index in sender.burst_days
        if count == 0 and not burst:
            continue
        calls, pool_used = _sender_day(sender, context, rng, count)
        parts.append(calls)
        if burst:
            parts.append(_burst(sender, context, rng))
        if pool_used is not None and not sender.behaviour.legitimate:
            used[sender.index] = pool_used
    day = DayCalls.concat(parts)
    parts.clear()  # one copy of the day at a time
    return day.ordered(), used


def _local_seconds(
    hours: npt.NDArray[np.float64], rng: np.random.Generator, count: int
) -> npt.NDArray[np.int64]:
    cumulative = np.cumsum(hours / hours.sum())
    hour = np.searchsorted(cumulative, rng.random(count), side="right").clip(0, 23)
    return hour.astype(np.int64) * 3600_000 + rng.integers(0, 3600_000, size=count)


def _to_utc_us(
    context: DayContext, local_ms: npt.NDArray[np.int64], zone: npt.NDArray[np.int8]
) -> npt.NDArray[np.int64]:
    offset_ms = context.offsets_s[zone].astype(np.int64) * 1000
    utc_ms = np.mod(local_ms - offset_ms, SECONDS_PER_DAY * 1000)
    return np.asarray(day_start_us(context.day) + utc_ms * 1000, dtype=np.int64)


def _block_of(population: Population, callee: npt.NDArray[np.int64]) -> npt.NDArray[np.int32]:
    """Plan block of each callee (callees are always in real blocks)."""
    return np.maximum(population.block_of(callee), 0).astype(np.int32)


def _callees(
    sender: Sender, context: DayContext, rng: np.random.Generator, count: int
) -> npt.NDArray[np.int64]:
    mode = sender.behaviour.callee
    people = context.network.population.numbers
    if mode is CalleeMode.ROSTER and sender.roster.size:
        return sender.roster[rng.integers(0, sender.roster.size, size=count)]
    if mode is CalleeMode.WIRELESS:
        pool = context.wireless_people
        return pool[rng.integers(0, pool.size, size=count)]
    if mode is CalleeMode.LANDLINE_HEAVY:
        landline = rng.random(count) < 0.6
        out = context.wireless_people[rng.integers(0, context.wireless_people.size, size=count)]
        wireline = context.wireline_people
        out[landline] = wireline[rng.integers(0, wireline.size, size=int(landline.sum()))]
        return out
    return people[rng.integers(0, people.size, size=count)]


def _sequential_runs(
    sender: Sender, context: DayContext, rng: np.random.Generator, count: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Hit-list runs: consecutive lines in one block, dialled in order a few seconds apart.
    Returns (callees, local start times in ms)."""
    population = context.network.population
    callees: list[npt.NDArray[np.int64]] = []
    times: list[npt.NDArray[np.int64]] = []
    remaining = count
    while remaining > 0:
        length = min(remaining, int(rng.integers(40, 400)))
        person = int(rng.integers(0, len(population)))
        block_base = int(population.numbers[person] // 10_000) * 10_000
        first = int(rng.integers(0, 10_000 - length))
        steps = 1 + (rng.random(length) < 0.08).astype(np.int64)  # a few skipped lines
        lines = np.minimum(first + np.cumsum(steps) - 1, 9_999)
        callees.append(block_base + lines)
        start = int(_local_seconds(sender.hours, rng, 1)[0])
        gaps = rng.exponential(float(rng.uniform(1500, 6000)), size=length).astype(np.int64)
        times.append(start + np.cumsum(gaps))
        remaining -= length
    return np.concatenate(callees), np.concatenate(times)


def _callers(
    sender: Sender,
    context: DayContext,
    callee: npt.NDArray[np.int64],
    rng: np.random.Generator,
) -> tuple[
    npt.NDArray[np.int64],
    npt.NDArray[np.uint8],
    npt.NDArray[np.uint8],
    npt.NDArray[np.int64] | None,
]:
    """Caller IDs, their presentation forms, attestation codes and pool indices used."""
    count = callee.size
    mode = sender.behaviour.caller
    form = np.zeros(count, dtype=np.uint8)
    if mode is CallerMode.NEIGHBOUR_SPOOF:
        line = rng.integers(0, 10_000, size=count)
        caller = (callee // 10_000) * 10_000 + line
        caller = np.where(caller == callee, caller ^ 1, caller)
        attestation = np.full(count, ATTEST_B, dtype=np.uint8)
        return caller, form, attestation, None
    if mode in (CallerMode.POPULATION, CallerMode.FLOOD):
        # Transit calling parties (and the numbers a flood spoofs at random): anyone.
        people = context.network.population.numbers
        caller = people[rng.integers(0, people.size, size=count)]
        used = None
        if sender.reused_pool.size:
            from_pool = rng.random(count) < sender.reused_share
            pick = rng.integers(0, sender.reused_pool.size, size=int(from_pool.sum()))
            caller = caller.copy()
            caller[from_pool] = sender.reused_pool[pick]
            form[from_pool] = sender.reused_pool_form[pick]
            used = pick
        if sender.international_share:
            foreign = rng.random(count) < sender.international_share
            pool = sender.international_pool
            caller[foreign] = pool[rng.integers(0, pool.size, size=int(foreign.sum()))]
            form[foreign] = FORM_INTERNATIONAL
        mix = sender.attestation_mix or (0.0, 0.0, 0.0, 1.0)
        cumulative = np.cumsum(mix)
        level = np.searchsorted(cumulative / cumulative[-1], rng.random(count), side="right")
        attestation = np.array([ATTEST_A, ATTEST_B, ATTEST_C, ATTEST_NONE], np.uint8)[
            level.clip(0, 3)
        ]
        _apply_forms(sender, rng, form)
        return caller, form, attestation, used
    if mode is CallerMode.LOCAL_PRESENCE:
        npa_of_number = sender.numbers // 10_000_000
        npa = callee // 10_000_000
        lo = np.searchsorted(npa_of_number, npa, side="left")
        hi = np.searchsorted(npa_of_number, npa, side="right")
        fallback = rng.integers(0, sender.numbers.size, size=count)
        span = np.maximum(hi - lo, 1)
        index = np.where(hi > lo, lo + (rng.random(count) * span).astype(np.int64), fallback)
    else:  # OWNED and ROTATING_POOL
        cumulative = np.cumsum(sender.number_weight)
        index = np.searchsorted(cumulative / cumulative[-1], rng.random(count), side="right")
        index = index.clip(0, sender.numbers.size - 1)
    caller = sender.numbers[index]
    attestation = np.where(sender.verified[index], ATTEST_A, ATTEST_B).astype(np.uint8)
    _apply_forms(sender, rng, form)
    # Only illegal campaigns' caller IDs are labelled, so only theirs are tracked.
    used = None if sender.behaviour.legitimate else index
    return caller, form, attestation, used


def _apply_forms(sender: Sender, rng: np.random.Generator, form: npt.NDArray[np.uint8]) -> None:
    national, eleven, anonymous = sender.forms
    plain = form == FORM_E164
    if national:
        form[plain & (rng.random(form.size) < national)] = FORM_NATIONAL
    if eleven:
        form[plain & (rng.random(form.size) < eleven)] = FORM_ELEVEN_DIGITS
    if anonymous:
        form[(form != FORM_INTERNATIONAL) & (rng.random(form.size) < anonymous)] = FORM_ANONYMOUS


def _outcomes(
    sender: Sender, rng: np.random.Generator, count: int
) -> tuple[npt.NDArray[np.int16], npt.NDArray[np.int32]]:
    behaviour = sender.behaviour
    asr = sender.asr * float(rng.uniform(0.93, 1.07))
    answered = rng.random(count) < asr
    codes = np.array(list(behaviour.unanswered), dtype=np.int16)
    weights = np.array(list(behaviour.unanswered.values()), dtype=np.float64)
    cumulative = np.cumsum(weights / weights.sum())
    picked = np.searchsorted(cumulative, rng.random(count), side="right").clip(0, codes.size - 1)
    sip = np.where(answered, np.int16(200), codes[picked]).astype(np.int16)

    roll = rng.random(count)
    early = roll < behaviour.early_share
    message = ~early & (roll < behaviour.early_share + behaviour.message_share)
    early_limit = max(4.0, min(20.0, min(sender.message_s) * 0.6))
    duration = rng.lognormal(np.log(sender.talk_median_s), behaviour.talk_sigma, size=count)
    duration = np.where(early, rng.uniform(1.0, early_limit, size=count), duration)
    # each call that plays a message plays one of the sender's (most senders have one)
    lengths = np.asarray(sender.message_s)
    played = lengths[rng.integers(0, lengths.size, size=count)] if lengths.size > 1 else lengths[0]
    duration = np.where(message, rng.normal(played, behaviour.message_sd, size=count), duration)
    seconds = np.clip(np.rint(duration), 1, 7200).astype(np.int32)
    return sip, np.where(answered, seconds, 0).astype(np.int32)


def _sender_day(
    sender: Sender, context: DayContext, rng: np.random.Generator, count: int
) -> tuple[DayCalls, npt.NDArray[np.int64] | None]:
    population = context.network.population
    if sender.behaviour.callee is CalleeMode.SEQUENTIAL:
        callee, local_ms = _sequential_runs(sender, context, rng, count)
        local_ms = np.mod(local_ms, SECONDS_PER_DAY * 1000)
    else:
        callee = _callees(sender, context, rng, count)
        local_ms = _local_seconds(sender.hours, rng, count)
    block = _block_of(population, callee)
    zone = population.plan.zone_of_npa_nxx[block]
    caller, form, attestation, used = _callers(sender, context, callee, rng)
    sip, duration = _outcomes(sender, rng, callee.size)
    return _assemble(
        sender,
        context,
        rng,
        callee=callee,
        block=block,
        start_us=_to_utc_us(context, local_ms, zone),
        caller=caller,
        form=form,
        attestation=attestation,
        sip=sip,
        duration=duration,
    ), used


def _burst(sender: Sender, context: DayContext, rng: np.random.Generator) -> DayCalls:
    """A notifier's alert: most of its list, in list order, within a few minutes."""
    roster = sender.roster
    callee = roster[rng.random(roster.size) < float(rng.uniform(0.85, 1.0))]
    if rng.random() < 0.6:  # school closure: before classes start
        begin_ms = int(rng.integers(int(5.25 * 3600_000), 7 * 3600_000))
    else:  # emergency: any hour
        begin_ms = int(rng.integers(0, 23 * 3600_000))
    window_ms = int(rng.integers(5, 21)) * 60_000
    local_ms = begin_ms + np.sort(rng.integers(0, window_ms, size=callee.size))
    population = context.network.population
    block = _block_of(population, callee)
    zone = population.plan.zone_of_npa_nxx[block]
    caller, form, attestation, _ = _callers(sender, context, callee, rng)
    sip, duration = _outcomes(sender, rng, callee.size)
    return _assemble(
        sender,
        context,
        rng,
        callee=callee,
        block=block,
        start_us=_to_utc_us(context, local_ms, zone),
        caller=caller,
        form=form,
        attestation=attestation,
        sip=sip,
        duration=duration,
    )


def _assemble(
    sender: Sender,
    context: DayContext,
    rng: np.random.Generator,
    *,
    callee: npt.NDArray[np.int64],
    block: npt.NDArray[np.int32],
    start_us: npt.NDArray[np.int64],
    caller: npt.NDArray[np.int64],
    form: npt.NDArray[np.uint8],
    attestation: npt.NDArray[np.uint8],
    sip: npt.NDArray[np.int16],
    duration: npt.NDArray[np.int32],
) -> DayCalls:
    count = callee.size
    wireless = context.network.population.block_wireless[block]
    downstream = (block % 4 + np.where(wireless, 0, 4)).astype(np.uint8)
    trunks = sender.trunks
    trunk = trunks[rng.integers(0, trunks.size, size=count)] if trunks.size else np.full(count, -1)
    return DayCalls(
        start_us=start_us,
        duration_s=duration,
        sip_code=sip,
        caller=caller,
        caller_form=form,
        callee=callee,
        sender=np.full(count, sender.index, dtype=np.int32),
        trunk=trunk.astype(np.int32),
        attestation=attestation,
        downstream=downstream,
    )
