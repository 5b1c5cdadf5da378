# ruff: noqa: S608 -- this module builds SQL from its own constants and identifiers;
# values from data never reach the text (reference lists are registered as tables).
"""Traffic features per entity and window, computed in SQL over the ``calls`` relation.

Every query lives here, in plain SQL that DuckDB and Spark SQL both accept (``count(*)
filter (where ...)``, ``approx_count_distinct``, ``grouping sets``, window frames with
``range between``; the two time functions, ``epoch_us`` and ``make_timestamp``, are
named once below with their Spark spellings), so the same detectors run on one machine
or a cluster. Three spellings are DuckDB's alone and change in a port: integer division
``//`` (Spark ``div``), ``>>`` in :func:`number_key_sql` (``shiftright``) and
``regexp_full_match`` in :func:`callwarden.calls.number_digits_sql` (``rlike`` anchored).

The work is shaped for a hundred million rows: five grouped scans of the Parquet files
(a two-column count picks the calling numbers busy enough to be entities; the parts, per
source, window and busy number, from which sources and caller IDs are both rolled up; each
source's distinct callees; its duration histogram; its calls per minute), each one
hash-aggregation with no sort and no per-feature pass. Everything after those scans runs on
their small results.
Windows and minutes are integer arithmetic on the epoch, not calendar functions (see
:func:`_floor_us`). Distinct counts use HyperLogLog (``approx_count_distinct``, a standard
error of 2-3%, single counts seen 4-5% off), which keeps memory flat however many callees
a source dials; a sketch costs about 1 KB a group however few calls the group holds, so the
two scans keeping them run over spans of whole windows when every window's sketches at
once would not fit (see :func:`scan_slices`).

Reference data is joined per call, and only when given: Do-Not-Originate numbers, the
callee's time zone (one row per NANP area code and day, built from
:func:`callwarden.numbers.time_zones`), consent records and assigned numbers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime, timedelta
from functools import partial
from itertools import pairwise
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from callwarden.calls import number_digits_sql
from callwarden.numbers import costly_callback_area_codes, time_zones

#: Calling-number classes that no real subscriber line presents (formats.md section 1 keeps
#: them as evidence): 47 CFR 64.1200(k)(2) lets providers block such calls outright. An
#: unparseable number counts too, unless it is written as an international number: the
#: validity of foreign numbering is only as good as phonenumbers' metadata, and a wrong
#: guess there must not brand a gateway's ordinary traffic as spoofed.
INVALID_CALLER_CLASSES: tuple[str, ...] = ("invalid_nanp", "fictional")
UNPARSEABLE_CLASS = "unparseable"

#: Answered calls shorter than this are hang-ups: the callee refused the call.
SHORT_CALL_SECONDS = 6
#: SIP responses of a line that is engaged: Busy Here, Busy Everywhere (RFC 3261 21.4.24,
#: 21.6.1); a hunt group whose every line is taken answers so
_BUSY_SIP_CODES = (486, 600)


def _silent_call_sql(row: str = "") -> str:
    """Whether a call (columns of the row alias ``row``) carried nothing: answered and hung
    up on within SHORT_CALL_SECONDS, or the line busy (:data:`_BUSY_SIP_CODES`)."""
    busy = ", ".join(str(code) for code in _BUSY_SIP_CODES)
    return (
        f"(({row}sip_code = 200 and {row}duration_s < {SHORT_CALL_SECONDS}) "
        f"or {row}sip_code in ({busy}))"
    )


#: 47 CFR 64.1200(c)(1): no telephone solicitation before 8 am or after 9 pm local time.
CALLING_HOURS_START_MINUTE = 8 * 60
CALLING_HOURS_END_MINUTE = 21 * 60

WINDOW_UNITS = ("hour", "day")

#: Sample call ids beside the flags': any call's (the least and greatest id), and a call
#: to a flooded callee (:func:`with_flooded_callees`)
_EXTRA_SAMPLES: tuple[str, ...] = ("any", "any_last", "flooded")
#: Names of the per-call evidence flags; each gives one sample call id per entity.
FLAGS: tuple[str, ...] = (
    "invalid_caller",
    "dno_caller",
    "neighbor",
    "outside_hours",
    "no_consent",
    "unassigned_caller",
    "weak_attestation",
    "short_answered",
    "own_number_caller",
)


@dataclass(frozen=True)
class ReferenceTables:
    """Which reference relations are registered on the connection (see :func:`register`)."""

    dno: bool = False
    consent: bool = False
    numbers: bool = False
    callee_time_zones: bool = False
    #: cw_young_accounts: the accounts new or unverified until ``young_until`` (see
    #: young_siblings_sql)
    young_accounts: bool = False


@dataclass(slots=True)
class EntityFeatures:
    """What the detectors see of one entity in one window. Plain numbers, no I/O."""

    entity_type: str
    entity_id: str
    customer_id: str
    window_start: datetime
    window_end: datetime
    calls: int
    answered: int
    short_answered: int
    answered_seconds: int
    callees: int
    caller_ids: int
    callee_blocks: int
    callee_caller_pairs: int
    sources: int
    invalid_caller: int
    dno_caller: int
    nanp_pairs: int
    neighbor: int
    hours_known: int
    outside_hours: int
    no_consent: int
    consent_known: int
    unassigned_caller: int
    numbers_known: int
    weak_attestation: int
    #: distinct callee exchanges (the first 8 characters, +1 NPA NXX): how widely the
    #: callees are spread, against which their 10-number blocks are judged
    callee_exchanges: int = 0
    #: distinct callee 100-number blocks (all digits but the last two): a survey's
    #: list-assisted random sample draws from few of them, so their 10-number blocks are
    #: judged against chance within these too
    callee_hundreds: int = 0
    #: an upstream provider's calls presenting a number this network grants to one of its
    #: own customers, C-attested or unsigned (its holder places its calls here)
    own_number_caller: int = 0
    #: an upstream provider's calls not A-attested between NANP numbers, and those of them
    #: presenting the callee's own NPA-NXX: a spoofer's neighbour numbers come unvouched,
    #: its carrier's other callers' alike signed or not (see detectors.unsigned_neighbors)
    weak_nanp_pairs: int = 0
    weak_neighbor: int = 0
    long_answered: int = 0
    #: answered calls in the most prominent duration bands beyond what their flanking
    #: bands predict (recordings' spikes, see duration_peaks), among calls >=
    #: SHORT_CALL_SECONDS
    peak_duration_calls: int = 0
    peak_duration_s: int | None = None
    #: the centres of the spikes peak_duration_calls adds up, largest first (a campaign may
    #: play several messages; peak_duration_s is the largest's)
    peak_durations_s: tuple[int, ...] = ()
    #: the half-width of the band the spikes were counted in (seconds either side)
    peak_duration_band_s: int | None = None
    #: answered calls longer than the main spike's band (None: no spike, or not known)
    peak_beyond_calls: int | None = None
    #: all the answered calls in the counted spikes' bands, peak_duration_calls of them
    #: beyond what the flanks predict (None: no spike, or not known)
    peak_band_total: int | None = None
    #: the window's comb of narrow spikes (see COMB_BAND: versions of one message a few
    #: seconds apart): their calls beyond their flanks, their centres (largest first) and
    #: all the calls in their bands (None: not known)
    comb_duration_calls: int = 0
    comb_durations_s: tuple[int, ...] = ()
    comb_band_total: int | None = None
    peak_calls_per_minute: int = 0
    #: an upstream provider's window only: the answered calls in its main spike's band and
    #: how many calling numbers they came from (0: not an upstream provider's, or no spike)
    peak_band_answered: int = 0
    peak_caller_ids: int = 0
    #: an upstream provider's window only, its calls not A-attested alone (unsigned, B or
    #: C: no provider vouched for the number): their answered calls of SHORT_CALL_SECONDS
    #: or more and their recording spike (as above).
    #: A spoofed campaign that is a small part of a large carrier's transit makes no spike
    #: in all its calls, but one in the calls no provider vouched for
    weak_long_answered: int = 0
    weak_peak_duration_calls: int = 0
    weak_peak_duration_s: int | None = None
    weak_peak_duration_band_s: int | None = None
    weak_peak_beyond_calls: int | None = None
    #: ... and the answered calls in that spike's band and their calling numbers, and the
    #: same in its flanks: the band's calls beyond the spike come from numbers as its
    #: flanks' do, so that the spike's own numbers can be told from the live calls' around
    #: it (many callers' numbers in a carrier's transit)
    weak_band_answered: int = 0
    weak_band_caller_ids: int = 0
    weak_flank_answered: int = 0
    weak_flank_caller_ids: int = 0
    #: ... and in its fullest core and the RISE_BELOW_WIDTH seconds under and over it (a
    #: message piles at its length: see :class:`BandNumbers` and :func:`core_rises`)
    weak_core_answered: int = 0
    weak_under_core_answered: int = 0
    weak_over_core_answered: int = 0
    #: ... 1 where that spike is its calls' against its A-attested calls at the same
    #: lengths, not against its flanks (see :func:`contrast_peaks`): it stands out of the
    #: quick refusals and of a floor on talk times by itself
    weak_peak_contrast: int = 0
    #: the window's UTC day (the window itself in daily windows): its spike (as above), its
    #: answered calls of SHORT_CALL_SECONDS or more and, for an upstream provider's hour
    #: whose spike is at the day's, the day's answered calls in the day spike's band and
    #: the calling numbers they came from. A spoofed flood of a few hundred calls an hour
    #: shows its number per call over the day, not in an hour's few dozen answered calls
    day_peak_duration_calls: int = 0
    day_peak_duration_s: int | None = None
    day_peak_duration_band_s: int | None = None
    day_peak_beyond_calls: int | None = None
    day_peak_band_total: int | None = None
    day_comb_duration_calls: int = 0
    day_comb_durations_s: tuple[int, ...] = ()
    day_comb_band_total: int | None = None
    day_long_answered: int = 0
    day_band_answered: int = 0
    day_band_caller_ids: int = 0
    #: an upstream provider's window: the ``weak_`` figures (its calls not A-attested) over
    #: its UTC day (the window's own in daily windows), and for an hour whose spike there is
    #: at the day's, the day's answered calls in that band and their calling numbers. A
    #: B-signed message a few per cent of a carrier's answered calls holds some 10 calls an
    #: hour at its length: too few for an hour's spike, not for the day's
    day_weak_long_answered: int = 0
    day_weak_peak_duration_calls: int = 0
    day_weak_peak_duration_s: int | None = None
    day_weak_peak_duration_band_s: int | None = None
    day_weak_peak_beyond_calls: int | None = None
    day_weak_band_answered: int = 0
    day_weak_band_caller_ids: int = 0
    day_weak_flank_answered: int = 0
    day_weak_flank_caller_ids: int = 0
    day_weak_core_answered: int = 0
    day_weak_under_core_answered: int = 0
    day_weak_over_core_answered: int = 0
    day_weak_peak_contrast: int = 0
    #: an upstream provider's window: the spike of every carrier's calls not A-attested over
    #: the window's UTC day, pooled (one message split over several carriers, each handing
    #: over a part too thin to show in its own calls; see :func:`shared_weak_spikes_sql`):
    #: its calls beyond its flanks, its length and band, and the pooled calls in its band
    shared_peak_duration_calls: int = 0
    shared_peak_duration_s: int | None = None
    shared_peak_duration_band_s: int | None = None
    shared_band_total: int = 0
    #: ... this window's own calls not A-attested in that band and in its two flanks
    shared_window_band_answered: int = 0
    shared_window_flank_answered: int = 0
    #: ... over the window's UTC day, where the pooled spike may be a recording (see
    #: :func:`with_shared_spike_numbers`): the provider's answered calls not A-attested in
    #: the band, their calling numbers, the same in its flanks, and in the RISE_BELOW_WIDTH
    #: seconds under its fullest core (a floor on talk times leaves none there); and the
    #: band's and flanks' A-attested calls and numbers (a pile in those too, each from a
    #: number of its own, is the carrier's traffic's: a floor, a billing increment)
    shared_band_answered: int = 0
    shared_band_caller_ids: int = 0
    shared_flank_answered: int = 0
    shared_flank_caller_ids: int = 0
    shared_under_core_answered: int = 0
    shared_vouched_band_answered: int = 0
    shared_vouched_band_caller_ids: int = 0
    shared_vouched_flank_answered: int = 0
    shared_vouched_flank_caller_ids: int = 0
    #: ... and the same summed over the day's carriers whose part of the spike is theirs
    #: (see :func:`callwarden.traffic.detectors.carries_shared_part`), and how many they are
    shared_carriers: int = 0
    shared_carriers_band_answered: int = 0
    shared_carriers_band_caller_ids: int = 0
    shared_carriers_flank_answered: int = 0
    shared_carriers_flank_caller_ids: int = 0
    #: an account's hour that may be forwarding calls (see :func:`with_day_distinct_counts`):
    #: its UTC day's distinct callees and callee-caller pairs (0: not counted). An hour of
    #: a call-tracking service reaches each client line once or twice, too few to hear the
    #: several callers its day shows
    day_callees: int = 0
    day_callee_caller_pairs: int = 0
    #: calls the caller cancelled before an answer (SIP 487): a one-ring scam's are nearly
    #: all of its calls
    cancelled: int = 0
    #: calls busy (SIP 486, 600) or answered for under SHORT_CALL_SECONDS, and their
    #: distinct callees (a sketch's estimate; accounts' rows only): a flood of a few lines
    #: repeats its silent calls on them
    silent_calls: int = 0
    silent_callees: int = 0
    #: an account's window whose calls repeat on their callees (see
    #: :func:`with_flooded_callees`): the numbers it called flood_callee_calls times or
    #: more, its calls to them, and those of them that carried nothing (answered for under
    #: SHORT_CALL_SECONDS, or busy: SIP 486, 600); 0: not counted. A flood of a few lines
    #: (telephony denial of service) is a sliver of a busy account's callees
    flooded_callees: int = 0
    flooded_calls: int = 0
    flooded_silent: int = 0
    #: calls to numbers not in service (SIP 404, 410): they never rang, so a scanning
    #: dialler's (which dials every line of a block) can be neither answered nor cancelled
    unreachable: int = 0
    #: calls from numbers whose callbacks cost the callee (see :func:`costly_callback_sql`)
    #: that made COSTLY_CALLER_ID_MIN_CALLS or more calls over the window's UTC day and
    #: had none answered for SHORT_CALL_SECONDS or more (see :func:`caller_days_sql`); of
    #: them, those the caller cancelled before an answer and the distinct callee-number
    #: pairs; and how many such numbers. A one-ring scam spreads over many such numbers,
    #: each too quiet to be an entity of its own. (And those to numbers not in service.)
    costly_unanswered_calls: int = 0
    costly_unanswered_cancelled: int = 0
    costly_unanswered_unreachable: int = 0
    costly_unanswered_callees: int = 0
    costly_unanswered_numbers: int = 0
    #: the window's UTC day (the window itself in daily windows): its calls, the calls
    #: whose two numbers are NANP and those presenting the callee's own NPA-NXX; and, for
    #: an account's hour that may be spoofing neighbours over its day (see
    #: :func:`with_day_distinct_counts`), the day's distinct caller IDs (0: not counted). A
    #: spoofer sending a few calls an hour shows its many numbers over the day only
    day_calls: int = 0
    day_nanp_pairs: int = 0
    day_neighbor: int = 0
    #: ... and of an upstream provider's calls not A-attested (see weak_neighbor)
    day_weak_nanp_pairs: int = 0
    day_weak_neighbor: int = 0
    day_caller_ids: int = 0
    #: the entity's figures over the whole period analysed (every window of it): the
    #: practice of an account whose windows each hold too few answered calls to show one
    period_no_consent: int = 0
    period_consent_known: int = 0
    period_long_answered: int = 0
    period_peak_duration_calls: int = 0
    period_peak_duration_s: int | None = None
    period_peak_durations_s: tuple[int, ...] = ()
    period_peak_duration_band_s: int | None = None
    #: an account's window whose missing consent records could be its live calls' rather
    #: than its recording's: its answered calls whose length is in a main spike's band (the
    #: window's, its UTC day's or the period's; the recorded calls) and how many of them
    #: reach numbers without consent records. Live, hand-dialled calls need no consent
    #: (47 USC 227(b)(1)(A) asks it of prerecorded and autodialled ones), so a recording
    #: sent to consented customers beside live calls to people without records is not a
    #: robocall without consent (0: not counted, see :func:`with_band_consent`)
    band_consent_known: int = 0
    band_no_consent: int = 0
    #: ... and the same over the period analysed, in the band of the period's main spike
    period_band_consent_known: int = 0
    period_band_no_consent: int = 0
    #: a sub-account's window with the same window of its customer's other sub-accounts
    #: whose spike is at its spike's length (within 4 s): their spikes and answered calls
    #: of SHORT_CALL_SECONDS or more summed with its own, and how many the others are. A
    #: campaign split over thin accounts shows in none of them alone. For a customer new or
    #: unverified in the window (and without sub-accounts), the same of the provider's
    #: other such customers: a snowshoe campaign's accounts (see young_siblings_sql)
    siblings: int = 0
    siblings_peak_duration_calls: int = 0
    siblings_long_answered: int = 0
    #: ... and the others' answered calls judged for consent and those without records: a
    #: platform's clients playing reminders to people who consented lend no recording to a
    #: live client beside them
    siblings_consent_known: int = 0
    siblings_no_consent: int = 0
    #: ... and all the answered calls in their spikes' bands, its own with them: a
    #: recording whose hearers often hang up in it or reach a machine is heard out by under
    #: a recording's share of them, and piles in its band all the same (see
    #: detectors.siblings_spike)
    siblings_band_total: int = 0
    #: the same over the whole period analysed: a campaign split over clients so thin that
    #: each holds a handful of answered calls a day
    period_siblings: int = 0
    period_siblings_peak_duration_calls: int = 0
    period_siblings_long_answered: int = 0
    period_siblings_consent_known: int = 0
    period_siblings_no_consent: int = 0
    period_siblings_band_total: int = 0
    #: a sub-account's or a young customer's hour (hourly windows): its siblings as above
    #: over the hour's UTC day, from the day's spikes; 0 in daily windows, where
    #: ``siblings`` are the day's. A snowshoe account's or a shell client's hour holds a
    #: handful of answered calls, too few for its own calls to agree with its siblings'
    #: spike or to tell a live caller's chance bump from it
    day_siblings: int = 0
    day_siblings_peak_duration_calls: int = 0
    day_siblings_long_answered: int = 0
    day_siblings_consent_known: int = 0
    day_siblings_no_consent: int = 0
    day_siblings_band_total: int = 0
    sample_call_ids: dict[str, str] | None = None

    @property
    def answer_seizure_ratio(self) -> float:
        return self.answered / self.calls if self.calls else 0.0


def callee_time_zone_table(first_day: date, last_day: date) -> pa.Table:
    """UTC offsets (minutes) of every NANP area code, per UTC day: the callee's local clock.

    An area code spanning several zones keeps the smallest and largest offset; a call is
    then outside calling hours only when it is outside them in every zone. So does a day on
    which its clocks change (daylight saving starts or ends at 2 am local, 06:00-10:00 UTC):
    its offsets at the day's first and last instant both count, and a Saturday-evening call
    at 8:30 pm standard time is not taken for 9:30 pm daylight time.
    """
    npas: list[str] = []
    days: list[date] = []
    low: list[int] = []
    high: list[int] = []
    zones_by_npa: dict[str, tuple[str, ...]] = {}
    for area_code in range(200, 1000):
        zones = time_zones(f"+1{area_code}2345678")
        if zones:
            zones_by_npa[str(area_code)] = zones
    day = first_day
    while day <= last_day:
        first = datetime(day.year, day.month, day.day, tzinfo=UTC)
        # a zone's clock changes at most once a day: its offsets at both ends of the day
        instants = (first, first + timedelta(days=1, microseconds=-1))
        offsets_of_zone: dict[str, list[int]] = {}
        for npa, zones in zones_by_npa.items():
            offsets: list[int] = []
            for zone in zones:
                if zone not in offsets_of_zone:
                    offsets_of_zone[zone] = [
                        int(
                            (
                                instant.astimezone(ZoneInfo(zone)).utcoffset() or timedelta(0)
                            ).total_seconds()
                            // 60
                        )
                        for instant in instants
                    ]
                offsets.extend(offsets_of_zone[zone])
            npas.append(npa)
            days.append(day)
            low.append(min(offsets))
            high.append(max(offsets))
        day += timedelta(days=1)
    return pa.table(
        {
            "npa": pa.array(npas, pa.string()),
            "day": pa.array(days, pa.date32()),
            "offset_low": pa.array(low, pa.int32()),
            "offset_high": pa.array(high, pa.int32()),
        }
    )


#: Microseconds in each unit the calls are keyed on.
_UNIT_MICROS = {"minute": 60_000_000, "hour": 3_600_000_000, "day": 86_400_000_000}


def _floor_us(instant_us: str, unit: str) -> str:
    """``instant_us`` (microseconds since the epoch) floored to the start of its UTC
    minute, hour or day. Integer arithmetic on purpose: DuckDB's ``date_trunc``,
    ``extract`` and date casts of a TIMESTAMPTZ go through ICU's calendar and cost about
    ten times as much per call, several times per call, a hundred million times. The
    modulo is taken twice because SQL's ``%`` keeps the dividend's sign."""
    micros = _UNIT_MICROS[unit]
    return f"({instant_us} - ((({instant_us} % {micros}) + {micros}) % {micros}))"


#: The call's instant as an integer, and an integer key back to a timestamp (Spark SQL
#: spells them ``unix_micros`` and ``timestamp_micros``).
_EPOCH_US = "epoch_us({})"
_TIMESTAMP_OF_US = "make_timestamp({})"


def number_key_sql(digits: str, text: str) -> str:
    """A number as one BIGINT to count and join on: its E.164 digits (the call store's
    ``caller_digits``/``called_digits``, :func:`callwarden.calls.number_digits`), or, for a
    number that is not E.164, a negative stand-in hashed from its text (62 bits: never
    equal to digits, which are positive). DuckDB's coalesce evaluates the hash only for
    the rows without digits."""
    return f"coalesce({digits}, -1 - cast(hash({text}) >> 2 as bigint))"


def text_number_key_sql(text: str) -> str:
    """:func:`number_key_sql` of a text column (a reference list's numbers)."""
    return number_key_sql(number_digits_sql(text), text)


#: NANP numbers' digits (country code 1 and ten digits) lie in this range.
_NANP_DIGITS = "between 10000000000 and 19999999999"


def _with_instants(relation: str) -> str:
    """``relation`` with ``start_us`` (the call's instant), ``us_of_day`` (microseconds
    since its UTC midnight) and both numbers' keys (:func:`number_key_sql`), computed once
    per call for the flags and joins that use them."""
    day = _UNIT_MICROS["day"]
    keys = (
        f"{number_key_sql('r.caller_digits', 'r.caller_id')} as caller_key, "
        f"{number_key_sql('r.called_digits', 'r.called_number')} as callee_key"
    )
    return (
        f"(select t.*, ((t.start_us % {day}) + {day}) % {day} as us_of_day from "
        f"(select r.*, {_EPOCH_US.format('r.start_time')} as start_us, {keys} "
        f"from {relation} r) t)"
    )


def _calling_hours_shift(offset_column: str) -> str:
    """Per time-zone row: microseconds to add to a UTC time of day so that the callee's
    calling hours start at 0 (taken modulo a day). Computed once per row of the small
    zone table, so that each call needs one addition, one modulo and one comparison per
    offset rather than a division and two comparisons."""
    day = _UNIT_MICROS["day"]
    minute = _UNIT_MICROS["minute"]
    return (
        f"(((cast({offset_column} as bigint) - {CALLING_HOURS_START_MINUTE}) * {minute}) % {day} "
        f"+ {day}) % {day}"
    )


def _outside_hours(shift_column: str) -> str:
    """Whether the call's UTC time of day lies outside the calling hours of a zone whose
    :func:`_calling_hours_shift` is ``shift_column``: local time t is inside when
    (t - start) mod day < end - start, and t - start = UTC time + shift."""
    day = _UNIT_MICROS["day"]
    span = (CALLING_HOURS_END_MINUTE - CALLING_HOURS_START_MINUTE) * _UNIT_MICROS["minute"]
    return f"((c.us_of_day + {shift_column}) % {day} >= {span})"


def _check_unit(unit: str) -> None:
    if unit not in WINDOW_UNITS:
        raise ValueError(f"window unit must be one of {WINDOW_UNITS}, got {unit!r}")


def enriched_calls_sql(
    unit: str,
    tables: ReferenceTables,
    relation: str = "calls",
    heavy_callers: str | None = None,
) -> str:
    """One row per call with its window and minute (``window_us``, ``minute_us``:
    microseconds since the epoch, UTC), entity keys and evidence flags (0/1 integers).
    ``relation`` is a relation name or a parenthesised query of CDR_SCHEMA columns.
    ``heavy_callers``, a relation of ``caller_id`` (see :func:`caller_days_sql`), adds
    ``heavy_caller``: the calling number when it is listed there, else NULL."""
    _check_unit(unit)
    invalid = ", ".join(f"'{value}'" for value in INVALID_CALLER_CLASSES)
    joins: list[str] = []
    heavy = "cast(null as varchar)"
    if heavy_callers is not None:
        joins.append(f"left join {heavy_callers} hc on hc.caller_id = c.caller_id")
        heavy = "hc.caller_id"
    if tables.callee_time_zones:
        # The day is matched as a day number (days since 1970-01-01), computed per call by
        # integer arithmetic and per table row once (see _floor_us).
        day_number = f"((c.start_us - c.us_of_day) // {_UNIT_MICROS['day']})"
        joins.append(
            "left join (select npa, cast(npa as integer) as npa_number, "
            "day - date '1970-01-01' as day_number, "
            f"{_calling_hours_shift('offset_low')} as shift_low, "
            f"{_calling_hours_shift('offset_high')} as shift_high "
            f"from cw_callee_tz) tz on c.called_digits {_NANP_DIGITS} "
            "and tz.npa_number = (c.called_digits // 10000000) % 1000 "
            f"and tz.day_number = {day_number}"
        )
        hours_known = "case when tz.npa is not null then 1 else 0 end"
        outside = (
            f"case when tz.npa is not null and {_outside_hours('tz.shift_low')} "
            f"and {_outside_hours('tz.shift_high')} then 1 else 0 end"
        )
    else:
        hours_known = outside = "0"
    if tables.consent:
        # A consent counts from when it was obtained until it was revoked; it may be held by
        # the sub-account that made the call or by the account above it.
        # Consent is the originator's to hold and judged on answered calls: only those
        # carry a key to probe (a NULL key matches nothing and is not looked up).
        judged_callee = (
            "(case when c.sip_code = 200 and c.customer_id is not null then c.callee_key end)"
        )
        for alias, holder in (("cs", "c.sub_account"), ("cc", "c.customer_id")):
            joins.append(
                f"left join cw_consent {alias} on {alias}.called_key = {judged_callee} "
                f"and {alias}.holder = {holder} "
                f"and ({alias}.obtained_at is null or {alias}.obtained_at <= c.start_time) "
                f"and ({alias}.revoked_at is null or {alias}.revoked_at > c.start_time)"
            )
        no_consent = (
            "case when c.sip_code = 200 and c.customer_id is not null "
            "and cs.called_number is null and cc.called_number is null then 1 else 0 end"
        )
    else:
        no_consent = "0"
    # the calling number is granted neither to the sub-account nor to its account (cw_numbers)
    not_granted: str | None = None
    if tables.numbers:
        # Whether the account declared its numbers at all is the source's, not the call's:
        # source_parts_sql looks it up once per group (cw_number_holders).
        for alias, holder in (("ns", "c.sub_account"), ("nc", "c.customer_id")):
            joins.append(
                f"left join cw_numbers {alias} on {alias}.number_key = c.caller_key "
                f"and {alias}.holder = {holder}"
            )
        not_granted = "ns.number is null and nc.number is null"
        ungranted = f"case when c.customer_id is not null and {not_granted} then 1 else 0 end"
        # A transit call presenting a number one of the network's own customers holds: the
        # holder places its calls here, so unvouched from another network it is not the
        # holder's (only transit calls carry a key to probe).
        joins.append(
            "left join (select distinct number_key from cw_numbers) own "
            "on own.number_key = (case when c.customer_id is null then c.caller_key end)"
        )
        own_number = (
            "case when own.number_key is not null "
            "and (c.attestation is null or c.attestation = 'C') then 1 else 0 end"
        )
    else:
        ungranted = own_number = "0"
    if tables.dno:
        joins.append("left join cw_dno dno on dno.number_key = c.caller_key")
        # A number the provider's own records grant to the calling account (or the account
        # above it) is that account's line: a DNO entry saying otherwise is stale for it
        # (a reassigned or mislisted number), not evidence of spoofing.
        own_line = f" and {not_granted}" if not_granted else ""
        dno_flag = f"case when dno.number is not null{own_line} then 1 else 0 end"
    else:
        dno_flag = "0"
    join_text = "\n        ".join(joins)
    nanp = f"c.caller_digits {_NANP_DIGITS} and c.called_digits {_NANP_DIGITS}"
    # the same NPA-NXX: all digits but the last four
    neighbor = (
        f"{nanp} and c.caller_digits <> c.called_digits "
        "and c.caller_digits // 10000 = c.called_digits // 10000"
    )
    transit_unvouched = "c.customer_id is null and c.attestation is distinct from 'A'"
    return f"""
        select
            c.call_id,
            c.customer_id,
            case when c.customer_id is not null then c.sub_account end as sub_account,
            case when c.customer_id is null then c.upstream_provider end as upstream_provider,
            c.caller_id,
            c.caller_key,
            {heavy} as heavy_caller,
            c.called_number,
            c.callee_key,
            {_floor_us("c.start_us", unit)} as window_us,
            {_floor_us("c.start_us", "minute")} as minute_us,
            c.duration_s,
            case when c.sip_code = 200 then 1 else 0 end as answered,
            -- SIP 487 Request Terminated: the caller cancelled before an answer (RFC 3261
            -- section 21.4.25)
            case when c.sip_code = 487 then 1 else 0 end as cancelled,
            -- SIP 404 Not Found, 410 Gone: the number is not in service (RFC 3261 sections
            -- 21.4.5, 21.4.6)
            case when c.sip_code in (404, 410) then 1 else 0 end as unreachable,
            case when c.sip_code = 200 and c.duration_s < {SHORT_CALL_SECONDS}
                 then 1 else 0 end as short_answered,
            -- nothing said on it: answered and hung up on at once, or the line busy
            case when {_silent_call_sql("c.")} then 1 else 0 end as silent,
            case when c.caller_class in ({invalid})
                  or (c.caller_class = '{UNPARSEABLE_CLASS}' and c.caller_id not like '+%')
                 then 1 else 0 end as invalid_caller,
            {dno_flag} as dno_caller,
            case when {nanp} then 1 else 0 end as nanp_pair,
            case when {neighbor} then 1 else 0 end as neighbor,
            -- ... and of a transit call no provider vouched for (its upstream's reference
            -- is its A-attested calls: see detectors.unsigned_neighbors)
            case when {nanp} and {transit_unvouched} then 1 else 0 end as weak_nanp_pairs,
            case when {neighbor} and {transit_unvouched} then 1 else 0 end as weak_neighbor,
            {hours_known} as hours_known,
            {outside} as outside_hours,
            {no_consent} as no_consent,
            {ungranted} as unassigned_caller,
            {own_number} as own_number_caller,
            case when c.attestation is null or c.attestation = 'C' then 1 else 0 end
                as weak_attestation,
            -- no provider vouched that the caller may use the number: unsigned, B or C
            -- (ATIS-1000074: only A attests the right to the number)
            case when c.attestation is distinct from 'A' then 1 else 0 end as unvouched,
            -- blocks of 10 and 100 numbers and the exchange (for NANP the NPA-NXX): the
            -- digits but the last one, two or four; a number that is not E.164 is a
            -- block of its own (its negative key)
            coalesce(c.called_digits // 10, c.callee_key) as callee_block,
            coalesce(c.called_digits // 10000, c.callee_key) as callee_exchange,
            coalesce(c.called_digits // 100, c.callee_key) as callee_hundred
        from {_with_instants(relation)} c
        {join_text}
    """


_SOURCES = "customer_id, sub_account, upstream_provider"
#: The narrowest source and its window (grouped on as integers: microseconds since the epoch)
_SOURCE_KEYS = f"{_SOURCES}, window_us"


_SUMMED_FLAGS = (
    "short_answered",
    "cancelled",
    "unreachable",
    "invalid_caller",
    "dno_caller",
    "neighbor",
    "hours_known",
    "outside_hours",
    "no_consent",
    "consent_known",
    "unassigned_caller",
    "numbers_known",
    "weak_attestation",
    "own_number_caller",
    "weak_nanp_pairs",
    "weak_neighbor",
)


#: Summed flags that are not summed per call: whether a source's consent and its numbers are
#: known is a property of the source (see :func:`source_parts_sql`).
_PER_SOURCE_FLAGS = frozenset({"consent_known", "numbers_known"})


def _unknowable_flags(tables: ReferenceTables) -> frozenset[str]:
    """Flags that are 0 on every call because their reference table is not joined."""
    absent: set[str] = set()
    if not tables.dno:
        absent.add("dno_caller")
    if not tables.callee_time_zones:
        absent |= {"hours_known", "outside_hours"}
    if not tables.consent:
        absent |= {"no_consent", "consent_known"}
    if not tables.numbers:
        absent |= {"unassigned_caller", "numbers_known", "own_number_caller"}
    return frozenset(absent)


def _flag_sums(tables: ReferenceTables) -> str:
    # A flag known to be 0 is written as 0, not summed a hundred million times.
    absent = _unknowable_flags(tables)
    return ",\n            ".join(
        f"0 as {flag}" if flag in absent else f"sum({flag}) as {flag}"
        for flag in _SUMMED_FLAGS
        if flag not in _PER_SOURCE_FLAGS
    )


def _samples(tables: ReferenceTables, flags: Sequence[str] = FLAGS) -> str:
    absent = _unknowable_flags(tables)
    return ",\n            ".join(
        [
            "min(call_id) as sample_any",
            "max(call_id) as sample_any_last",
            *(
                f"cast(null as varchar) as sample_{flag}"
                if flag in absent
                # min(case ...) rather than FILTER: on DuckDB 2.0 each FILTER selects its
                # own rows, and the parts scan took 0.2-0.3 CPU-s more of about 5 at 10M
                # calls (eight interleaved runs each, benchmarks/bench_analyze.py's data)
                else f"min(case when {flag} = 1 then call_id end) as sample_{flag}"
                for flag in flags
            ),
        ]
    )


def source_parts_sql(enriched: str, tables: ReferenceTables) -> str:
    """Scan 2: per narrowest source (customer, sub-account, upstream provider), window and
    busy calling number (``heavy_caller``; NULL gathers the source's other numbers).
    ``tables``: what ``enriched`` joined.

    One read of the calls feeds both the sources and the busy calling numbers: every
    measure here adds up over a source's parts or a number's parts (counts, flag sums,
    sample minimums), and the two distinct counts that do not are kept additive by the
    split: caller IDs (a busy number's part holds only itself) and callee-caller pairs
    (no pair falls in two parts). A source's distinct callees and callee blocks, which no
    split keeps additive, come from :func:`source_distinct_sql`.

    Every aggregate costs a state update per call, so what follows from others is derived
    per group: long answered calls are the answered ones that are not short; a customer's
    answered calls are all judged for consent; and whether its numbers are declared
    (cw_number_holders) holds for all its calls or none."""
    # the same sum(...) written twice is computed once (DuckDB merges equal aggregates)
    consent_known = (
        "case when customer_id is not null then sum(answered) else 0 end" if tables.consent else "0"
    )
    aggregated = f"""
        select {_SOURCE_KEYS}, heavy_caller,
            count(*) as calls,
            sum(answered) as answered,
            sum(case when answered = 1 then duration_s else 0 end) as answered_seconds,
            sum(answered) - sum(short_answered) as long_answered,
            approx_count_distinct(caller_key) as caller_ids,
            -- the pair hashed rather than concatenated: no string built per call
            approx_count_distinct(hash(callee_key, caller_key)) as callee_caller_pairs,
            sum(nanp_pair) as nanp_pairs,
            {_flag_sums(tables)},
            {consent_known} as consent_known,
            0 as numbers_known,
            {_samples(tables)}
        from ({enriched}) e
        group by {_SOURCE_KEYS}, heavy_caller
    """
    if not tables.numbers:
        return aggregated
    # An account that declared no numbers (nor did the account above it) has none to
    # misuse: its calls' unassigned caller IDs are not known, and neither is a sample.
    known = "p.customer_id is not null and (hs.holder is not null or hc.holder is not null)"
    return f"""
        select p.* replace (
            case when {known} then p.unassigned_caller else 0 end as unassigned_caller,
            case when {known} then p.calls else 0 end as numbers_known,
            case when {known} then p.sample_unassigned_caller end as sample_unassigned_caller
        )
        from ({aggregated}) p
        left join cw_number_holders hs on hs.holder = p.sub_account
        left join cw_number_holders hc on hc.holder = p.customer_id
    """


def source_distinct_sql(enriched: str) -> str:
    """Scan 3: a source's distinct callees, callee blocks (10 numbers), 100-number blocks
    and exchanges per window, and its silent calls (busy, or answered and hung up on at
    once) and their distinct callees: a flood of a few lines repeats its silent calls on
    them (see :func:`with_flooded_callees`). ``enriched`` needs no reference joins: these
    read only the numbers called and how the calls ended."""
    return f"""
        select {_SOURCE_KEYS},
            approx_count_distinct(callee_key) as callees,
            approx_count_distinct(callee_block) as callee_blocks,
            approx_count_distinct(callee_exchange) as callee_exchanges,
            approx_count_distinct(callee_hundred) as callee_hundreds,
            count(*) filter (where silent = 1) as silent_calls,
            approx_count_distinct(callee_key) filter (where silent = 1) as silent_callees
        from ({enriched}) e
        group by {_SOURCE_KEYS}
    """


#: a calling number whose callbacks cost the callee is split out of its source's calls
#: (see :func:`caller_days_sql`) from this many calls over a UTC day with none answered
COSTLY_CALLER_ID_MIN_CALLS = 20


def costly_callback_sql(number: str) -> str:
    """Whether the E.164 text ``number`` costs a callee in the US or Canada more to call
    back than a domestic call: outside country code 1, or in a NANP area code of a foreign
    country or the premium-rate 900 (:func:`callwarden.numbers.costly_callback_area_codes`;
    :func:`callwarden.numbers.callback_is_costly` is the same rule in Python)."""
    codes = ", ".join(f"'{code}'" for code in sorted(costly_callback_area_codes()))
    return (
        f"({number} like '+%' and ({number} not like '+1%' or substr({number}, 3, 3) in ({codes})))"
    )


def caller_days_sql(relation: str, unit: str, min_calls: int, costly_min_calls: int) -> str:
    """Scan 1: per calling number of ``relation`` and UTC day, whether it made at least
    ``min_calls`` calls in some window of the day (``busy``) or, its callbacks costing the
    callee (:func:`costly_callback_sql`), at least ``costly_min_calls`` calls over the day
    with none answered for SHORT_CALL_SECONDS or more (``costly_unanswered``); only such
    days.

    Spoofed calling numbers are each used a few times: at ten million calls, 700,000
    (number, window) groups of which a few thousand reach ``min_calls``. Counting first,
    on three columns, keeps the others out of the parts of :func:`source_parts_sql` (a
    group each, with its distinct-count states, for nothing). A busy number's quieter
    windows come along and are dropped by :func:`caller_ids_from_parts_sql`. A one-ring
    scam's numbers are quiet one by one (a few dozen calls a day each, from many numbers)
    and costly to call back by design: they are split out at their own volume, judged
    over the day, as answering nothing is a fact of a whole day, not of an hour. A callee
    who picks up within the ring meets a line the scam drops at once: seconds of silence,
    no conversation, so such numbers count as unanswered; a call centre abroad talks."""
    _check_unit(unit)
    window = _floor_us(_EPOCH_US.format("start_time"), unit)
    # the day of each (number, window) group, not of each call: in daily windows the
    # window itself
    day_us = "window_us" if unit == "day" else _floor_us("window_us", "day")
    return f"""
        select caller_id, {day_us} as day_us,
            max(calls) >= {int(min_calls)} as busy,
            -- the number's text is read only for the few quiet unanswered days
            case when sum(calls) >= {int(costly_min_calls)} and sum(conversations) = 0
                 then {costly_callback_sql("caller_id")} else false end as costly_unanswered
        from (
            select caller_id, {window} as window_us, count(*) as calls,
                count_if(sip_code = 200 and duration_s >= {SHORT_CALL_SECONDS}) as conversations
            from {relation}
            group by caller_id, window_us
            -- a quiet window counts only towards a costly number's day
            having count(*) >= {int(min_calls)} or {costly_callback_sql("caller_id")}
        ) w
        group by caller_id, {day_us}
        having busy or costly_unanswered
    """


def _sum_parts(names: Sequence[str]) -> str:
    return ", ".join(f"sum({name}) as {name}" for name in names)


def _sample_parts(flags: Sequence[str]) -> str:
    """The sample call ids of rolled-up rows: the least of each flag's and of any call's,
    the greatest of the last call's."""
    return ", ".join(
        [
            *(f"min(sample_{flag}) as sample_{flag}" for flag in flags),
            "min(sample_any) as sample_any",
            "max(sample_any_last) as sample_any_last",
        ]
    )


#: the parts of numbers whose callbacks cost the callee, unanswered over the part's UTC day
_COSTLY_UNANSWERED_JOIN = (
    "left join cw_costly_unanswered r on r.caller_id = cw_parts.heavy_caller "
    f"and r.day_us = {_floor_us('cw_parts.window_us', 'day')}"
)


def _costly_unanswered_sums() -> str:
    """A source's ``costly_unanswered_*`` (see EntityFeatures) from its parts."""
    return ", ".join(
        [
            *(
                f"sum(case when r.caller_id is not null then {part} else 0 end) as {name}"
                for part, name in (
                    ("calls", "costly_unanswered_calls"),
                    ("cancelled", "costly_unanswered_cancelled"),
                    ("unreachable", "costly_unanswered_unreachable"),
                    ("callee_caller_pairs", "costly_unanswered_callees"),
                )
            ),
            "count(r.caller_id) as costly_unanswered_numbers",
        ]
    )


def sources_from_parts_sql() -> str:
    """Per narrowest source and window, from the parts (temp table cw_parts) and the
    distinct counts (cw_distinct)."""
    samples = _sample_parts(FLAGS)
    return f"""
        with parts as (
            select {_SOURCE_KEYS},
                {_sum_parts(("calls", "answered", "answered_seconds", "long_answered"))},
                {_sum_parts(("caller_ids", "callee_caller_pairs", "nanp_pairs", *_SUMMED_FLAGS))},
                {_costly_unanswered_sums()},
                {samples}
            from cw_parts {_COSTLY_UNANSWERED_JOIN} group by {_SOURCE_KEYS}
        )
        select p.customer_id, p.sub_account, p.upstream_provider,
            {_TIMESTAMP_OF_US.format("p.window_us")} as window_start,
            p.* exclude (customer_id, sub_account, upstream_provider, window_us),
            d.callees, d.callee_blocks, d.callee_exchanges, d.callee_hundreds,
            d.silent_calls, d.silent_callees
        from parts p join cw_distinct d
            on d.customer_id is not distinct from p.customer_id
            and d.sub_account is not distinct from p.sub_account
            and d.upstream_provider is not distinct from p.upstream_provider
            and d.window_us = p.window_us
    """


#: The evidence a calling number can show by itself: consent and grants are the account's,
#: the unvouched calls' neighbours against the vouched ones the upstream's.
_CALLER_ID_FLAGS = ("invalid_caller", "dno_caller", "outside_hours", "short_answered")
_ACCOUNT_ONLY = frozenset(
    {
        "no_consent",
        "consent_known",
        "unassigned_caller",
        "numbers_known",
        "own_number_caller",
        "weak_nanp_pairs",
        "weak_neighbor",
    }
)
_CALLER_ID_SUMMED = tuple(name for name in _SUMMED_FLAGS if name not in _ACCOUNT_ONLY)


def caller_ids_from_parts_sql(min_calls: int, unit: str = "day") -> str:
    """Per busy calling number and window with at least ``min_calls`` calls, from the parts
    (temp table cw_parts), and in daily windows per number whose callbacks cost the callee
    and whose calls that day reached no one for a conversation (cw_costly_unanswered, see
    :func:`caller_days_sql`). Its distinct callees are the sum over the sources presenting
    it: exact for a number one source uses, an upper bound for a shared one."""
    _check_unit(unit)
    costly = "bool_or(r.caller_id is not null)"
    admitted = f"sum(calls) >= {int(min_calls)}" + (f" or {costly}" if unit == "day" else "")
    samples = _sample_parts(_CALLER_ID_FLAGS)
    not_its_own = ", ".join(f"0 as {name}" for name in _SUMMED_FLAGS if name in _ACCOUNT_ONLY)
    return f"""
        select heavy_caller as caller_id,
            {_TIMESTAMP_OF_US.format("window_us")} as window_start,
            case when min(coalesce(customer_id, '')) = max(coalesce(customer_id, ''))
                 then coalesce(max(customer_id), '') else '' end as customer_id,
            {_sum_parts(("calls", "answered", "answered_seconds", "long_answered"))},
            -- a part holds one number: its callee-caller pairs are its callees
            sum(callee_caller_pairs) as callees,
            1 as caller_ids,
            -- number-order dialling is judged per source: neutral values here
            sum(callee_caller_pairs) as callee_blocks,
            sum(callee_caller_pairs) as callee_exchanges,
            sum(callee_caller_pairs) as callee_hundreds,
            sum(callee_caller_pairs) as callee_caller_pairs,
            -- a flood is judged per account (with_flooded_callees)
            0 as silent_calls,
            0 as silent_callees,
            count(distinct coalesce(customer_id, upstream_provider)) as sources,
            {_sum_parts(("nanp_pairs", *_CALLER_ID_SUMMED))},
            {not_its_own},
            case when {costly} then sum(calls) else 0 end as costly_unanswered_calls,
            case when {costly} then sum(cancelled) else 0 end as costly_unanswered_cancelled,
            case when {costly} then sum(unreachable) else 0 end
                as costly_unanswered_unreachable,
            case when {costly} then sum(callee_caller_pairs) else 0 end
                as costly_unanswered_callees,
            case when {costly} then 1 else 0 end as costly_unanswered_numbers,
            {samples}
        from cw_parts {_COSTLY_UNANSWERED_JOIN}
        where heavy_caller is not null
        group by heavy_caller, window_us
        having {admitted}
    """


def duration_histogram_sql(enriched: str, salt: int) -> str:
    """Scan 4: per source (by :func:`source_key_sql`), window and whole-second duration,
    the answered calls (the histogram a recording's spike shows in) and, for upstream
    providers' sources, how many of them were not A-attested (``weak_calls``)."""
    return f"""
        select {source_key_sql(salt)} as source_key, window_us, duration_s,
            count(*) as answered_calls,
            count(*) filter (where unvouched = 1 and customer_id is null) as weak_calls
        from ({enriched}) e
        where answered = 1
        group by source_key, window_us, duration_s
    """


def source_key_sql(salt: int) -> str:
    """A source's 64-bit key: a hash of its three names. Grouping a hundred million calls
    per minute on one integer rather than three strings takes a third less time; the
    keys are checked for uniqueness over the sources found (see :func:`compute_feature_table`),
    and a collision, were one ever met, changes ``salt``."""
    return f"hash({_SOURCES}, {int(salt)})"


def minute_counts_sql(enriched: str, salt: int) -> str:
    """Scan 5: per source (by :func:`source_key_sql`) and minute, its calls (the burst rate
    a dialer runs at). Scans 4 and 5 read the same few columns; as grouping sets of one
    scan they cost more: the minute groups outnumber the calls answered."""
    return f"""
        select {source_key_sql(salt)} as source_key, minute_us, count(*) as calls
        from ({enriched}) e
        group by source_key, minute_us
    """


def _entity_levels(table: str, measures: str) -> str:
    """The three source levels from the narrowest-source table: a sub-account is its own
    rows; a customer is all its rows (with its sub-accounts'); an upstream provider is
    the transit rows it handed over. ``measures`` aggregates the other columns."""
    return f"""
        select 'sub_account' as entity_type, sub_account as entity_id,
               customer_id as customer_id, window_start, {measures}
        from {table} where customer_id is not null and sub_account is not null
        group by customer_id, sub_account, window_start
        union all
        select 'customer', customer_id, customer_id, window_start, {measures}
        from {table} where customer_id is not null
        group by customer_id, window_start
        union all
        select 'upstream_provider', upstream_provider, '', window_start, {measures}
        from {table} where customer_id is null and upstream_provider is not null
        group by upstream_provider, window_start
    """


_SUMMED = (
    "calls",
    "answered",
    "answered_seconds",
    "long_answered",
    "callees",
    "caller_ids",
    "callee_blocks",
    "callee_exchanges",
    "callee_hundreds",
    "callee_caller_pairs",
    "silent_calls",
    "silent_callees",
    "nanp_pairs",
    "short_answered",
    "cancelled",
    "unreachable",
    "invalid_caller",
    "dno_caller",
    "neighbor",
    "hours_known",
    "outside_hours",
    "no_consent",
    "consent_known",
    "unassigned_caller",
    "numbers_known",
    "weak_attestation",
    "own_number_caller",
    "weak_nanp_pairs",
    "weak_neighbor",
    "costly_unanswered_calls",
    "costly_unanswered_cancelled",
    "costly_unanswered_unreachable",
    "costly_unanswered_callees",
    "costly_unanswered_numbers",
)


class RecordingBand(NamedTuple):
    """A band of durations a message's length is looked for in: ``half_width`` seconds
    either side of its centre, compared with two flanks as wide as itself, at centres of
    ``shortest_centre`` seconds or more."""

    half_width: int
    shortest_centre: int


#: The bands a recording's length is looked for in, narrowest first. Network and
#: text-to-speech timing blur a message's length by a few seconds whatever its length,
#: while live talk times spread in proportion to theirs: the wide band is looked at only
#: where it is narrow beside the length (a fifth of it or less), so that a blurred message
#: of 45 s is found and a live sender's mode at 20 s is not taken for one.
RECORDING_BANDS = (RecordingBand(4, SHORT_CALL_SECONDS + 4), RecordingBand(8, 40))
#: the narrowest band's half-width: two spikes this close are at the same length
RECORDING_BAND_HALF_WIDTH = RECORDING_BANDS[0].half_width
#: The longest a recording's spike is looked for at. A limit on calls' length (an inmate
#: service cutting calls at 15 minutes, a prepaid card's, a conference bridge's) piles
#: every call that would run longer at the limit, and nobody lasts longer: a wall shaped as
#: a message heard out (the layered network's jail calls were `high` on one at 932 s), at a
#: length no robocall's message has (they run 15 s to two minutes).
RECORDING_LONGEST_CENTRE_S = 300
#: spikes a campaign's messages can make in one histogram; the share of its answered
#: calls (of SHORT_CALL_SECONDS or more) each spike after the largest must hold to count,
#: and how many standard errors its excess must stand above its flanks (see duration_peaks)
RECORDINGS_COUNTED = 3
SECOND_RECORDING_SHARE = 0.05
FURTHER_SPIKE_Z = 2.5
#: Versions of one message a few seconds apart (a dialler rotating five or six takes of
#: its pitch per call, an A/B test of scripts that also blurs one length) make a comb of
#: spikes, each 2-3 s wide with the next version in a 9-second band's flanks, which cancel
#: it. The comb's teeth are counted in a band of 1 s either side (flanks as wide), up to
#: COMB_SPIKES of them, each holding COMB_SPIKE_SHARE of the answered calls of
#: SHORT_CALL_SECONDS or more and standing FURTHER_SPIKE_Z standard errors above its
#: flanks, from where the narrow band's flanks leave the quick refusals (a cliff of
#: hang-ups is a tooth to a 3-second band). Kept beside the spikes, not among their bands:
#: a message heard out at one length is the same spike in a band of 1 s or 4 s, and the
#: narrow band would only move its centre by chance.
COMB_BAND = RecordingBand(1, SHORT_CALL_SECONDS + 3 * RECORDING_BAND_HALF_WIDTH + 1)
COMB_SPIKES = 6
COMB_SPIKE_SHARE = 0.03
#: A band whose lower flank reaches down into the quick refusals (under SHORT_CALL_SECONDS)
#: must rise there. Its core (its centre +- RISE_CORE_HALF_WIDTH s, a message's jitter)
#: must hold RISE_Z standard errors more calls than the RISE_BELOW_WIDTH seconds just
#: below the band hold at the same rate, and RISE_UNDER_Z more than the as many seconds
#: just below the core. A message piles up at its length above the hang-ups during it.
#: Quick refusals spread evenly over 2-11 s make a plateau, and a live survey's hang-ups
#: on answering machines at 3-9 s with refusals after them a hump: a band at their edge
#: stands out of its flanks (the lower one lies partly under any call's length) with no
#: pile in it. Three standard errors below the band: a sender has many windows, and a
#: plateau's noise must not make a pile in any of them; one under the core, where a
#: message blurred by a few seconds spreads too.
RISE_CORE_HALF_WIDTH = 1
RISE_BELOW_WIDTH = 4
RISE_Z = 3.0
RISE_UNDER_Z = 1.0
#: the columns of a histogram's spikes (see duration_peaks) in the peaks tables
_PEAKS = (
    "peak_duration_calls",
    "peak_duration_s",
    "peak_durations_s",
    "peak_duration_band_s",
    "peak_beyond_calls",
    "peak_band_total",
    "comb_duration_calls",
    "comb_durations_s",
    "comb_band_total",
)

#: what an account's windows add up to over the period analysed (see EntityFeatures)
_PERIOD_SUMMED = ("no_consent", "consent_known", "long_answered")
#: summed over the window's UTC day as ``day_<name>`` (see EntityFeatures.day_calls)
_DAY_COUNTED = ("calls", "nanp_pairs", "neighbor", "weak_nanp_pairs", "weak_neighbor")


#: the columns of cw_shared an entity's row takes (0 or null where it has none)
_SHARED_COLUMNS = (
    "coalesce({0}shared_peak_duration_calls, 0) as shared_peak_duration_calls, "
    "cast({0}shared_peak_duration_s as bigint) as shared_peak_duration_s, "
    "cast({0}shared_peak_duration_band_s as bigint) as shared_peak_duration_band_s, "
    "coalesce({0}shared_band_total, 0) as shared_band_total, "
    "coalesce({0}shared_window_band_answered, 0) as shared_window_band_answered, "
    "coalesce({0}shared_window_flank_answered, 0) as shared_window_flank_answered"
)


#: an entity's own row among the siblings' (``{0}``: their relation's alias): a
#: sub-account's by its name, a customer's, among the young accounts', with none
#: (young_siblings_sql)
_SIBLING_ROW = (
    "{0}.sub_account is not distinct from "
    "(case when e.entity_type = 'sub_account' then e.entity_id end)"
)
#: the siblings' figures (see EntityFeatures.siblings), as :func:`siblings_sql` names them
SIBLING_COUNTS = (
    "siblings",
    "siblings_peak_duration_calls",
    "siblings_long_answered",
    "siblings_consent_known",
    "siblings_no_consent",
    "siblings_band_total",
)


def entity_features_sql(unit: str) -> str:
    """Roll the scans' small results up to entities and attach the per-minute peak, the
    duration peak, (``day_peak_duration_calls``) the duration peak of the window's UTC day
    and the entity's figures over the whole period (``period_*``). Runs on the temp tables
    cw_sources, cw_minutes, cw_source_keys, cw_peaks, cw_period_peaks, cw_siblings,
    cw_period_siblings, cw_weak_peaks, cw_shared and, for windows shorter than a day,
    cw_day_peaks, cw_day_weak_peaks and cw_day_siblings (see
    :func:`duration_peaks`)."""
    # Distinct counts of a customer with sub-accounts are the sums of its parts' counts:
    # an upper bound, exact for the many customers without sub-accounts.
    measures = f"{_sum_parts(_SUMMED)}, count(*) as sources, {_sample_parts(FLAGS)}"
    same_entity = (
        "{0}.entity_type = e.entity_type and {0}.entity_id = e.entity_id "
        "and {0}.customer_id = e.customer_id"
    )
    # the window's UTC day: its spike (the window's own when the window is the day) and
    # answered calls of SHORT_CALL_SECONDS or more
    # The entity's sums over its day and over the period are grouped and joined back: as
    # window functions (sum() over (partition by ...)) they took half this query's time.
    if unit == "day":
        day, day_weak, day_join, day_long, day_sums = "p", "w", "", "e.long_answered", ""
        day_counts = ", ".join(f"e.{name} as day_{name}" for name in _DAY_COUNTED)
    else:
        day_of_window = _TIMESTAMP_OF_US.format(
            _floor_us(_EPOCH_US.format("e.window_start"), "day")
        )
        day, day_weak, day_long = "d", "dw", "coalesce(ds.long_answered, 0)"
        day_counts = ", ".join(f"coalesce(ds.{name}, 0) as day_{name}" for name in _DAY_COUNTED)
        day_sums = f"""
        day_sums as (
            select entity_type, entity_id, customer_id, {day_of_window} as day_start,
                   sum(long_answered) as long_answered,
                   {", ".join(f"sum({name}) as {name}" for name in _DAY_COUNTED)}
            from entities e group by all
        ),"""
        day_join = (
            f"left join cw_day_peaks d on {same_entity.format('d')} "
            f"and d.window_start = {day_of_window} "
            "left join cw_day_weak_peaks dw on e.entity_type = 'upstream_provider' "
            f"and dw.upstream_provider = e.entity_id and dw.window_start = {day_of_window} "
            f"left join day_sums ds on {same_entity.format('ds')} "
            f"and ds.day_start = {day_of_window}"
        )
    day_peak = f"coalesce({day}.peak_duration_calls, 0)"
    day_spike = (
        f"{day}.peak_duration_s as day_peak_duration_s, "
        f"{day}.peak_duration_band_s as day_peak_duration_band_s, "
        f"{day}.peak_beyond_calls as day_peak_beyond_calls, "
        f"{day}.peak_band_total as day_peak_band_total, "
        f"coalesce({day}.comb_duration_calls, 0) as day_comb_duration_calls, "
        f"{day}.comb_durations_s as day_comb_durations_s, "
        f"{day}.comb_band_total as day_comb_band_total, {day_long} as day_long_answered, "
        f"{day_counts}, "
        f"coalesce({day_weak}.weak_long_answered, 0) as day_weak_long_answered, "
        f"coalesce({day_weak}.weak_peak_duration_calls, 0) as day_weak_peak_duration_calls, "
        f"{day_weak}.weak_peak_duration_s as day_weak_peak_duration_s, "
        f"{day_weak}.weak_peak_duration_band_s as day_weak_peak_duration_band_s, "
        f"{day_weak}.weak_peak_beyond_calls as day_weak_peak_beyond_calls, "
        f"coalesce({day_weak}.weak_peak_contrast, 0) as day_weak_peak_contrast"
    )
    period_siblings = ", ".join(
        f"coalesce(ps.{name}, 0) as period_{name}" for name in SIBLING_COUNTS
    )
    if unit != "day":
        day_siblings_columns = ", ".join(
            f"coalesce(dg.{name}, 0) as day_{name}" for name in SIBLING_COUNTS
        )
        day_join += (
            " left join cw_day_siblings dg on e.entity_type in ('sub_account', 'customer') "
            f"and dg.customer_id = e.customer_id and dg.window_start = {day_of_window} "
            f"and {_SIBLING_ROW.format('dg')}"
        )
    else:
        day_siblings_columns = ", ".join(f"0 as day_{name}" for name in SIBLING_COUNTS)
    period_sums = ", ".join(f"coalesce(ts.{name}, 0) as period_{name}" for name in _PERIOD_SUMMED)
    return f"""
        with entities as materialized ({_entity_levels("cw_sources", measures)}),
        period_sums as (
            select entity_type, entity_id, customer_id,
                   {", ".join(f"sum({name}) as {name}" for name in _PERIOD_SUMMED)}
            from entities group by all
        ),{day_sums}
        {_bursts_sql(unit)}
        select e.*, coalesce(p.peak_duration_calls, 0) as peak_duration_calls,
               p.peak_duration_s, p.peak_durations_s, p.peak_duration_band_s,
               p.peak_beyond_calls, p.peak_band_total,
               coalesce(p.comb_duration_calls, 0) as comb_duration_calls, p.comb_durations_s,
               p.comb_band_total,
               coalesce(b.peak_calls_per_minute, 0) as peak_calls_per_minute,
               {day_peak} as day_peak_duration_calls, {day_spike},
               {period_sums},
               coalesce(q.peak_duration_calls, 0) as period_peak_duration_calls,
               q.peak_duration_s as period_peak_duration_s,
               q.peak_durations_s as period_peak_durations_s,
               q.peak_duration_band_s as period_peak_duration_band_s,
               coalesce(g.siblings, 0) as siblings,
               coalesce(g.siblings_peak_duration_calls, 0) as siblings_peak_duration_calls,
               coalesce(g.siblings_long_answered, 0) as siblings_long_answered,
               coalesce(g.siblings_consent_known, 0) as siblings_consent_known,
               coalesce(g.siblings_no_consent, 0) as siblings_no_consent,
               coalesce(g.siblings_band_total, 0) as siblings_band_total,
               {period_siblings}, {day_siblings_columns},
               coalesce(w.weak_long_answered, 0) as weak_long_answered,
               coalesce(w.weak_peak_duration_calls, 0) as weak_peak_duration_calls,
               w.weak_peak_duration_s, w.weak_peak_duration_band_s, w.weak_peak_beyond_calls,
               coalesce(w.weak_peak_contrast, 0) as weak_peak_contrast,
               {_SHARED_COLUMNS.format("s.")}
        from entities e
        left join cw_peaks p on {same_entity.format("p")} and p.window_start = e.window_start
        left join bursts b on {same_entity.format("b")} and b.window_start = e.window_start
        left join cw_period_peaks q on {same_entity.format("q")}
        left join period_sums ts on {same_entity.format("ts")}
        left join cw_siblings g on e.entity_type in ('sub_account', 'customer')
             and g.customer_id = e.customer_id and g.window_start = e.window_start
             and {_SIBLING_ROW.format("g")}
        left join cw_period_siblings ps on e.entity_type = 'sub_account'
             and ps.customer_id = e.customer_id and ps.sub_account = e.entity_id
        left join cw_weak_peaks w on e.entity_type = 'upstream_provider'
             and w.upstream_provider = e.entity_id and w.window_start = e.window_start
        left join cw_shared s on e.entity_type = 'upstream_provider'
             and s.upstream_provider = e.entity_id and s.window_start = e.window_start
        {day_join}
    """


def _bursts_sql(unit: str) -> str:
    """CTEs ending in ``bursts``: each entity's busiest minute in the window, from
    cw_minutes (per source key and minute) and cw_source_keys (each key's names). A narrow
    source's busiest minute is its own; a customer's is its own only when all its calls in
    the window come from one narrow source (the many without sub-accounts), so only the
    others have their minutes summed across sources before the maximum is taken."""
    window = _floor_us("minute_us", unit)
    return f"""
        narrow_keys as (
            select source_key, {window} as window_us, max(calls) as peak
            from cw_minutes group by source_key, window_us
        ),
        shared as ({shared_windows_sql("narrow_keys")}),
        shared_peaks as (
            select customer_id, window_us, max(calls) as peak
            from (
                select k.customer_id, {_floor_us("m.minute_us", unit)} as window_us,
                       m.minute_us, sum(m.calls) as calls
                from cw_minutes m join cw_source_keys k on k.source_key = m.source_key
                semi join shared s
                     on s.customer_id = k.customer_id
                     and s.window_us = {_floor_us("m.minute_us", unit)}
                group by k.customer_id, m.minute_us
            ) summed
            group by customer_id, window_us
        ),
        bursts as (
            select entity_type, entity_id, customer_id,
                   {_TIMESTAMP_OF_US.format("window_us")} as window_start,
                   peak as peak_calls_per_minute
            from ({_entity_rows("narrow_keys", "shared", "shared_peaks", "peak")})
        )"""


def _entity_rows(narrow: str, shared_windows: str, shared_rows: str, values: str) -> str:
    """Entity rows (entity_type, entity_id, customer_id, window_us, ``values``) from rows
    per narrow source (``narrow``: source_key, window_us, ``values``): a sub-account's or an
    upstream provider's are its source's; a customer's are its one source's, unless its
    window is in ``shared_windows`` (customer_id, window_us: several sources), where
    ``shared_rows`` (customer_id, window_us, ``values``) holds its own."""
    return f"""
        with named as (
            select k.customer_id, k.sub_account, k.upstream_provider, n.window_us, {values}
            from {narrow} n join cw_source_keys k on k.source_key = n.source_key
        )
        select 'sub_account' as entity_type, sub_account as entity_id, customer_id,
               window_us, {values}
        from named where customer_id is not null and sub_account is not null
        union all
        select 'upstream_provider', upstream_provider, '', window_us, {values}
        from named where customer_id is null and upstream_provider is not null
        union all
        select 'customer', n.customer_id, n.customer_id, n.window_us, {values}
        from named n anti join {shared_windows} w
             on w.customer_id = n.customer_id and w.window_us = n.window_us
        where n.customer_id is not null
        union all
        select 'customer', customer_id, customer_id, window_us, {values}
        from {shared_rows}
    """


def siblings_sql(peaks: str = "cw_peaks", sources: str = "cw_sources") -> str:
    """Per sub-account and window with a spike: the customer's sub-accounts in that window
    whose spike is at the same length (within RECORDING_BAND_HALF_WIDTH), itself included:
    their spike calls and answered calls of SHORT_CALL_SECONDS or more summed, and how many
    others there are (rows only where there is one at least). From the spikes in ``peaks``
    (see entity_peaks_sql) and the answered calls in ``sources`` (customer_id,
    sub_account, window_start, long_answered, consent_known, no_consent; the others'
    consent figures without its own); the lengths are summed in a range window
    over each customer-window's spike lengths, so that a reseller with thousands of
    clients costs no pair of them."""
    spiked = f"""
        select p.customer_id, p.entity_id as sub_account, p.window_start,
               p.peak_duration_s as centre, p.peak_duration_calls as peak,
               coalesce(p.peak_band_total, 0) as band_total,
               s.long_answered, s.consent_known, s.no_consent
        from {peaks} p
        join {sources} s on s.customer_id = p.customer_id
             and s.sub_account = p.entity_id and s.window_start = p.window_start
        where p.entity_type = 'sub_account' and p.peak_duration_calls > 0
    """
    return _siblings_at_their_lengths(spiked, ("customer_id", "window_start"))


#: Standard errors a share's one-sided 95% confidence bound lies from it (normal
#: approximation of the binomial): the detectors' bounds and the SQL's alike.
CONFIDENCE_Z = 1.645

#: a new or unverified account is another's sibling only when its spike is no chance
#: bump: the lower confidence bound (CONFIDENCE_Z) of the spike's share of its answered
#: calls of SHORT_CALL_SECONDS or more at this or more (see :func:`young_siblings_sql`)
YOUNG_SIBLING_MIN_SHARE_BOUND = 0.1


def young_siblings_sql(
    peaks: str = "cw_peaks", sources: str = "cw_sources", young: str = "cw_young_accounts"
) -> str:
    """:func:`siblings_sql` of the accounts new or unverified in their window (``young``:
    customer_id and young_until, see EntityFeatures.siblings) without sub-accounts: each
    one's siblings are the provider's other such accounts spiking at its length in the
    window (``sub_account`` NULL). A snowshoe campaign signs up one new account after
    another, each sending a few hundred calls of one message: too few in any one of them to
    tell a message from chance, and no reseller above them to make them siblings.

    A self-service platform signs up new tenants by the hundred, most of them making live
    calls whose busiest band stands a little out of its flanks somewhere: only an account
    whose spike is beyond such a bump (YOUNG_SIBLING_MIN_SHARE_BOUND) is pooled, or a
    dozen live tenants at the message's length would dilute the campaign's accounts'
    spikes below a recording's share."""
    share = "(cast(p.peak_duration_calls as double) / s.long_answered)"
    spiked = f"""
        select p.customer_id, cast(null as varchar) as sub_account, p.window_start,
               p.peak_duration_s as centre, p.peak_duration_calls as peak,
               coalesce(p.peak_band_total, 0) as band_total,
               s.long_answered, s.consent_known, s.no_consent
        from {peaks} p
        join {young} y on y.customer_id = p.customer_id and p.window_start < y.young_until
        join {sources} s on s.customer_id = p.customer_id and s.sub_account is null
             and s.window_start = p.window_start
        where p.entity_type = 'customer' and p.peak_duration_calls > 0
          and s.long_answered > 0
          and {share} - {CONFIDENCE_Z} * sqrt(greatest(0.0, {share} * (1 - {share}))
              / s.long_answered)
              >= {YOUNG_SIBLING_MIN_SHARE_BOUND}
          and not exists (
              select 1 from {sources} t where t.customer_id = p.customer_id
              and t.window_start = p.window_start and t.sub_account is not null)
    """
    return _siblings_at_their_lengths(spiked, ("window_start",))


def _siblings_at_their_lengths(spiked: str, group: Sequence[str]) -> str:
    """The siblings of each account of ``spiked`` (customer_id, sub_account, window_start,
    centre, peak, band_total, long_answered, consent_known, no_consent) among the others of its
    ``group`` whose spike is within RECORDING_BAND_HALF_WIDTH of its length (see
    :func:`siblings_sql`)."""
    half = RECORDING_BAND_HALF_WIDTH
    keys = ", ".join(group)
    same_group = " and ".join(f"n.{key} = s.{key}" for key in group)
    return f"""
        with spiked as ({spiked}),
        per_length as (
            select {keys}, centre, sum(peak) as peak, sum(band_total) as band_total,
                   sum(long_answered) as long_answered, count(*) as accounts,
                   sum(consent_known) as consent_known, sum(no_consent) as no_consent
            from spiked group by {keys}, centre
        ),
        near as (
            select {keys}, centre,
                   sum(peak) over w as peak, sum(band_total) over w as band_total,
                   sum(long_answered) over w as long_answered,
                   sum(accounts) over w as accounts,
                   sum(consent_known) over w as consent_known,
                   sum(no_consent) over w as no_consent
            from per_length
            window w as (partition by {keys} order by centre
                         range between {half} preceding and {half} following)
        )
        select s.customer_id, s.sub_account, s.window_start, n.accounts - 1 as siblings,
               n.peak as siblings_peak_duration_calls,
               n.long_answered as siblings_long_answered,
               n.consent_known - s.consent_known as siblings_consent_known,
               n.no_consent - s.no_consent as siblings_no_consent,
               n.band_total as siblings_band_total
        from spiked s
        join near n on {same_group} and n.centre = s.centre
        where n.accounts > 1
    """


def narrow_histogram_sql(hist: str) -> str:
    """Each source's histogram (``hist``: source_key, window_us, duration_s,
    answered_calls) in source, window and duration order: the input of
    :func:`duration_peaks` for the narrow sources."""
    return (
        f"select source_key, window_us, duration_s, answered_calls as n from {hist} "
        "order by source_key, window_us, duration_s"
    )


def shared_windows_sql(narrow: str) -> str:
    """The customers' windows with several narrow sources in ``narrow`` (source_key,
    window_us): a customer and its sub-accounts. Only these need figures of their own."""
    return f"""
        select k.customer_id, n.window_us
        from (select source_key, window_us from {narrow} group by source_key, window_us) n
        join cw_source_keys k on k.source_key = n.source_key
        where k.customer_id is not null
        group by k.customer_id, n.window_us
        having count(*) > 1
    """


def shared_histogram_sql(hist: str, shared_windows: str) -> str:
    """The histograms of the customers' windows in ``shared_windows``, summed over their
    sources, in customer, window and duration order."""
    return f"""
        select k.customer_id, h.window_us, h.duration_s, sum(h.answered_calls) as n
        from {hist} h
        join cw_source_keys k on k.source_key = h.source_key
        semi join {shared_windows} w
            on w.customer_id = k.customer_id and w.window_us = h.window_us
        group by k.customer_id, h.window_us, h.duration_s
        order by k.customer_id, h.window_us, h.duration_s
    """


def entity_peaks_sql(narrow_peaks: str, shared_windows: str, shared_peaks: str) -> str:
    """Each entity's recording spike from the narrow sources' and the shared customers'
    (see :func:`_entity_rows`)."""
    peaks = ", ".join(_PEAKS)
    return f"""
        select entity_type, entity_id, customer_id,
               {_TIMESTAMP_OF_US.format("window_us")} as window_start, {peaks}
        from ({_entity_rows(narrow_peaks, shared_windows, shared_peaks, peaks)})
    """


def _entity_spikes(connection: duckdb.DuckDBPyConnection, hist: str, into: str) -> None:
    """The temp table ``into``: each entity's recording spike per window of ``hist``.
    Found per narrow source, then for the customers with several sources, sorted and
    scanned in numpy on integer keys (the histograms run to millions of rows)."""
    narrow_keys = ("source_key", "window_us")
    narrow = _peaks_table(connection.sql(narrow_histogram_sql(hist)).to_arrow_table(), narrow_keys)
    register_table(connection, f"{into}_narrow", narrow, [*narrow_keys, *_PEAKS])
    del narrow
    shared_windows = f"{into}_shared_windows"
    connection.execute(
        f"create or replace temp table {shared_windows} as {shared_windows_sql(hist)}"
    )
    shared_keys = ("customer_id", "window_us")
    shared = _peaks_table(
        connection.sql(shared_histogram_sql(hist, shared_windows)).to_arrow_table(), shared_keys
    )
    register_table(connection, f"{into}_shared", shared, [*shared_keys, *_PEAKS])
    del shared
    connection.execute(
        f"create or replace temp table {into} as "
        + entity_peaks_sql(f"{into}_narrow", shared_windows, f"{into}_shared")
    )
    for name in (f"{into}_narrow", shared_windows, f"{into}_shared"):
        connection.execute(f"drop table {name}")


def _carrier_weak_spikes(connection: duckdb.DuckDBPyConnection, hist: str, into: str) -> None:
    """The temp table ``into``: per upstream provider and window of ``hist`` with unsigned or
    C-attested answered calls, how many lasted SHORT_CALL_SECONDS or more and their
    recording spike (``weak_*`` of :class:`EntityFeatures`). An upstream provider is a
    narrow source of its own, so its sources' rows are its rows."""
    keys = ("source_key", "window_us")
    weak = _peaks_table(
        connection.sql(
            f"select source_key, window_us, duration_s, weak_calls as n from {hist} "
            "where weak_calls > 0 order by source_key, window_us, duration_s"
        ).to_arrow_table(),
        keys,
    )
    weak = _with_contrast_spikes(weak, connection, hist)
    register_table(connection, f"{into}_spikes", weak, [*keys, *_PEAKS, "contrast"])
    del weak
    connection.execute(
        f"""
        create or replace temp table {into} as
        select k.upstream_provider, {_TIMESTAMP_OF_US.format("l.window_us")} as window_start,
               l.weak_long_answered,
               coalesce(p.peak_duration_calls, 0) as weak_peak_duration_calls,
               p.peak_duration_s as weak_peak_duration_s,
               p.peak_duration_band_s as weak_peak_duration_band_s,
               p.peak_beyond_calls as weak_peak_beyond_calls,
               coalesce(p.contrast, 0) as weak_peak_contrast
        from (
            select source_key, window_us,
                   sum(weak_calls) filter (where duration_s >= {SHORT_CALL_SECONDS})
                       as weak_long_answered
            from {hist} where weak_calls > 0 group by source_key, window_us
        ) l
        join cw_source_keys k on k.source_key = l.source_key
        left join {into}_spikes p on p.source_key = l.source_key and p.window_us = l.window_us
        """
    )
    connection.execute(f"drop table {into}_spikes")


#: An upstream provider's calls not A-attested that pile at a length where its A-attested
#: calls do not: the band's excess over what the A-attested calls there predict (scaled by
#: the two kinds' answered calls of SHORT_CALL_SECONDS or more) must stand CONTRAST_Z
#: standard errors, with CONTRAST_MIN_VOUCHED A-attested answered calls of that length or
#: more to predict from (see :func:`contrast_peaks`).
CONTRAST_Z = 5.0
CONTRAST_MIN_VOUCHED = 200


def _with_contrast_spikes(
    weak: pa.Table, connection: duckdb.DuckDBPyConnection, hist: str
) -> pa.Table:
    """``weak`` (the spikes of upstream providers' calls not A-attested per source and
    window, of :func:`_peaks_table`) with a ``contrast`` column: where the calls' spike
    against the A-attested ones (:func:`contrast_peaks`, from ``hist``) holds more calls
    than the spike against its flanks, or that one's lower flank reaches into the quick
    refusals (where flanks read refusals, not the calls' smooth run), it replaces it
    (``contrast`` 1). Upstream providers' windows are few: merged row by row."""
    histogram = connection.sql(
        f"select h.source_key, h.window_us, h.duration_s, h.weak_calls, "
        f"h.answered_calls - h.weak_calls as vouched from {hist} h "
        "semi join cw_source_keys k on k.source_key = h.source_key and k.customer_id is null "
        "order by h.source_key, h.window_us, h.duration_s"
    ).to_arrow_table()
    keys = ("source_key", "window_us")
    changed = run_starts(histogram, keys)
    firsts = np.flatnonzero(changed)
    found = contrast_peaks(
        np.cumsum(changed) - 1,
        histogram["duration_s"].to_numpy(),
        histogram["weak_calls"].to_numpy(),
        histogram["vouched"].to_numpy(),
    )
    rows = {
        (row["source_key"], row["window_us"]): {**row, "contrast": 0} for row in weak.to_pylist()
    }
    source_keys = histogram["source_key"].to_numpy()
    windows = histogram["window_us"].to_numpy()
    for group, calls, centre, beyond in zip(*found, strict=True):
        at = firsts[group]
        key = (int(source_keys[at]), int(windows[at]))
        known = rows.get(key)
        if (
            known is not None
            and known["peak_duration_calls"] >= calls
            and not near_quick_refusals(known["peak_duration_s"], known["peak_duration_band_s"])
        ):
            continue
        rows[key] = {
            "source_key": key[0],
            "window_us": key[1],
            "peak_duration_calls": int(calls),
            "peak_duration_s": int(centre),
            "peak_duration_band_s": RECORDING_BAND_HALF_WIDTH,
            "peak_beyond_calls": int(beyond),
            "peak_durations_s": [int(centre)],
            "contrast": 1,
        }
    schema = weak.schema.append(pa.field("contrast", pa.int64()))
    return pa.Table.from_pylist(list(rows.values()), schema=schema)


class ContrastPeaks(NamedTuple):
    """:func:`contrast_peaks`' answer, one element per group with a spike."""

    group: np.ndarray
    #: the band's calls not A-attested beyond what the A-attested ones predict (rounded)
    calls: np.ndarray
    centre_s: np.ndarray
    #: the calls not A-attested longer than the band
    beyond: np.ndarray


def contrast_peaks(
    group: np.ndarray, duration: np.ndarray, weak: np.ndarray, vouched: np.ndarray
) -> ContrastPeaks:
    """Per group (a carrier's window; ``group`` non-decreasing, ``duration`` ascending
    within it): the band (RECORDING_BAND_HALF_WIDTH either side of a length of
    SHORT_CALL_SECONDS + 4 s or more) in which its answered calls not A-attested (``weak``)
    most exceed what its A-attested ones (``vouched``) predict, scaled by the two kinds'
    answered calls of SHORT_CALL_SECONDS or more, where that excess stands CONTRAST_Z
    standard errors (Poisson: the variance is the band's weak calls plus the scale squared
    times its vouched ones) and whose excess piles in its core (its centre +-
    RISE_CORE_HALF_WIDTH, RISE_Z above the excess in the RISE_BELOW_WIDTH seconds under
    and over it).

    Which provider signs a call says nothing of how long it lasts: a carrier's ordinary
    callers talk, refuse and hang up alike whether their calls come signed or not, so its
    A-attested calls are the reference its other calls are read against at every length.
    A spoofer's message carries no A attestation and piles in the others alone, even among
    the quick refusals, where a band's flanks (see :func:`duration_peaks`) are refusals too
    and hide a message of 15 s; a floor on talk times or a billing increment piles in both
    and cancels. Groups with fewer than CONTRAST_MIN_VOUCHED A-attested answered calls of
    SHORT_CALL_SECONDS or more have no reference and no spike."""
    group = np.asarray(group, np.int64)
    duration = np.asarray(duration, np.int64)
    weak = np.asarray(weak, np.float64)
    vouched = np.asarray(vouched, np.float64)
    empty = np.zeros(0, np.int64)
    if group.size == 0:
        return ContrastPeaks(empty, empty, empty, empty)
    half = RECORDING_BAND_HALF_WIDTH
    starts, lengths, run_of_row = _runs(group)
    is_long = duration >= SHORT_CALL_SECONDS
    weak_long = np.bincount(run_of_row[is_long], weights=weak[is_long], minlength=starts.size)
    vouched_long = np.bincount(run_of_row[is_long], weights=vouched[is_long], minlength=starts.size)
    known = vouched_long >= CONTRAST_MIN_VOUCHED
    core_half, side = RISE_CORE_HALF_WIDTH, RISE_BELOW_WIDTH
    reach = max(half, core_half + side)
    # each group on its own stretch of one line, as duration_peaks lays them out
    low = int(duration.min())
    stride = int(duration.max()) - low + 2 * reach + 3
    key = group * stride + (duration - low) + reach + 1
    weak_sums = np.concatenate(([0.0], np.cumsum(weak)))
    vouched_sums = np.concatenate(([0.0], np.cumsum(vouched)))

    def sums_in(first: int, last: int) -> tuple[np.ndarray, np.ndarray]:
        top = np.searchsorted(key, key + last, side="right")
        bottom = np.searchsorted(key, key + first, side="left")
        return weak_sums[top] - weak_sums[bottom], vouched_sums[top] - vouched_sums[bottom]

    # The two kinds' ratio is read off the lengths outside each candidate band (all of 6 s
    # or more in a band from 10 s): a message in the band would otherwise raise it, and the
    # A-attested calls' prediction with it.
    weak_band, vouched_band = sums_in(-half, half)
    outside = vouched_long[run_of_row] - vouched_band
    row_scale = np.divide(
        weak_long[run_of_row] - weak_band, outside, out=np.zeros(key.size), where=outside > 0
    )

    def excess_in(first: int, last: int) -> tuple[np.ndarray, np.ndarray]:
        """Per row as a centre: the calls not A-attested from ``first`` to ``last`` s
        about it beyond what the A-attested ones there predict, and its variance."""
        weak_in, vouched_in = sums_in(first, last)
        return weak_in - row_scale * vouched_in, weak_in + row_scale**2 * vouched_in

    excess, variance = excess_in(-half, half)
    # The excess must pile at a length, as a message does: its core standing RISE_Z above
    # the excess in the seconds under and over it (as core_rises reads a band). Callers of
    # another kind among the unsigned calls (an international gateway's, shorter) exceed
    # the signed ones over a broad run of lengths, and pile nowhere.
    core, core_variance = excess_in(-core_half, core_half)
    piles = np.ones(key.size, dtype=bool)
    for first, last in ((-core_half - side, -core_half - 1), (core_half + 1, core_half + side)):
        beside, beside_variance = excess_in(first, last)
        rate = (2 * core_half + 1) / side
        rise = core - rate * np.maximum(beside, 0)
        piles &= rise >= RISE_Z * np.sqrt(core_variance + rate**2 * beside_variance)
    candidate = (
        known[run_of_row]
        & (duration >= SHORT_CALL_SECONDS + half)
        & (duration <= RECORDING_LONGEST_CENTRE_S)
        & (excess > 0)
        & (excess**2 >= CONTRAST_Z**2 * variance)
        & piles
    )
    scored = np.where(candidate, excess, -np.inf)
    largest, best = _first_at_max(scored, starts, lengths, run_of_row)
    found = np.isfinite(largest)
    best = best[found]
    ends = weak_sums[starts + lengths][found]
    beyond = ends - weak_sums[np.searchsorted(key, key[best] + half, side="right")]
    return ContrastPeaks(
        group[starts][found],
        np.rint(excess[best]).astype(np.int64),
        duration[best],
        np.rint(beyond).astype(np.int64),
    )


def _shared_weak_spikes(connection: duckdb.DuckDBPyConnection, unit: str) -> None:
    """The temp table cw_shared: per upstream provider's window of cw_hist with calls not
    A-attested, the pooled spike of the window's UTC day (``shared_*`` of
    :class:`EntityFeatures`, see :func:`shared_weak_spikes_sql`)."""
    day = _floor_us("window_us", "day")
    pooled = _peaks_table(
        connection.sql(
            f"select {day} as window_us, duration_s, sum(weak_calls) as n from cw_hist "
            "where weak_calls > 0 group by all order by window_us, duration_s"
        ).to_arrow_table(),
        ("window_us",),
    )
    register_table(connection, "cw_shared_peaks", pooled, ["window_us", *_PEAKS])
    del pooled
    connection.execute(f"create or replace temp table cw_shared as {shared_weak_spikes_sql(unit)}")
    connection.execute("drop table cw_shared_peaks")


def shared_weak_spikes_sql(unit: str) -> str:
    """Per upstream provider's window with calls not A-attested whose UTC day has a spike
    in every carrier's such calls pooled (temp table cw_shared_peaks, by UTC day): that
    spike, the pooled calls in its band, and the window's own calls in the band and in its
    two flanks (each as wide as the band, as :func:`duration_peaks` takes them), from
    cw_hist and cw_source_keys.

    A campaign spoofing numbers sends its message through whichever carriers take it: split
    over four, each part is a fifth to a third of the message among the carrier's own
    callers, and may not stand out of that carrier's histogram alone, while the pooled
    histogram shows it. Which carriers' parts are theirs is judged on their numbers (see
    :func:`with_shared_spike_numbers`)."""
    _check_unit(unit)
    band = (
        "h.duration_s between p.peak_duration_s - p.peak_duration_band_s "
        "and p.peak_duration_s + p.peak_duration_band_s"
    )
    flanks = (
        "h.duration_s between p.peak_duration_s - 3 * p.peak_duration_band_s - 1 "
        "and p.peak_duration_s + 3 * p.peak_duration_band_s + 1 and not (" + band + ")"
    )
    return f"""
        with windows as (
            select k.upstream_provider, h.window_us, p.window_us as day_us,
                   coalesce(sum(h.weak_calls) filter (where {band}), 0) as band_answered,
                   coalesce(sum(h.weak_calls) filter (where {flanks}), 0) as flank_answered
            from cw_hist h
            join cw_source_keys k on k.source_key = h.source_key and k.customer_id is null
            join cw_shared_peaks p on p.window_us = {_floor_us("h.window_us", "day")}
            where h.weak_calls > 0
            group by k.upstream_provider, h.window_us, p.window_us
        ),
        days as (select day_us, sum(band_answered) as band_total from windows group by day_us)
        select w.upstream_provider, {_TIMESTAMP_OF_US.format("w.window_us")} as window_start,
               p.peak_duration_calls as shared_peak_duration_calls,
               p.peak_duration_s as shared_peak_duration_s,
               p.peak_duration_band_s as shared_peak_duration_band_s,
               d.band_total as shared_band_total,
               w.band_answered as shared_window_band_answered,
               w.flank_answered as shared_window_flank_answered
        from windows w
        join cw_shared_peaks p on p.window_us = w.day_us
        join days d on d.day_us = w.day_us
    """


class DurationPeaks(NamedTuple):
    """The spikes of each group's duration histogram (:func:`duration_peaks`), one element
    per group with a candidate band."""

    group: np.ndarray
    #: the calls in the counted spikes beyond their flanks (to the nearest whole call,
    #: halves to even; 0 when no band's excess is positive)
    calls: np.ndarray
    #: the centre of the largest spike (the shortest of equals)
    centre_s: np.ndarray
    #: how many spikes were counted: 0 to RECORDINGS_COUNTED (COMB_SPIKES in a comb)
    spikes: np.ndarray
    #: the counted spikes' centres, largest first, one row per group padded with -1
    #: (shape: groups x the spikes that may count)
    centres_s: np.ndarray
    #: the half-width of the band the spikes were counted in (see RECORDING_BANDS)
    band_s: np.ndarray
    #: answered calls longer than the largest spike's band: a recording's calls end with
    #: it (only voicemail greetings and transfers to agents run past), a live call's don't
    beyond: np.ndarray
    #: all the answered calls in the counted spikes' bands (``calls`` of them are beyond
    #: what the flanks predict): a message piles there, a live mode bulges by a tenth
    band_total: np.ndarray


def duration_peaks(
    group: np.ndarray, duration: np.ndarray, calls: np.ndarray
) -> tuple[DurationPeaks, DurationPeaks]:
    """The recording spikes of each group's duration histogram, and its comb's teeth
    (COMB_BAND; the same groups, no calls and no centres where no tooth stands out).

    ``group`` (non-decreasing group numbers), ``duration`` (ascending within a group) and
    ``calls`` describe the histograms row by row. A recording makes a spike: answered
    calls in a band of durations (d +- 4 s; see RECORDING_BANDS) beyond what the two
    flanking bands as wide as it predict (their mean). A smooth distribution (live calls,
    quick refusals) has a mode but no such excess. Only bands centred at
    SHORT_CALL_SECONDS + 4 or longer count.

    A campaign may play several messages (a product each, or one to people and another to
    their voicemail): up to RECORDINGS_COUNTED spikes count, the largest first, each
    further one not overlapping those before it, centred clear of the quick refusals,
    holding at least SECOND_RECORDING_SHARE of the group's answered calls of
    SHORT_CALL_SECONDS or more and standing FURTHER_SPIKE_Z standard errors above its
    flanks, so that the small bumps of a smooth distribution do not add up.

    The spikes are counted in each of RECORDING_BANDS, and each group keeps the band in
    which they hold the most calls (the narrowest of equals): a message blurred by 5 s
    spills out of a 9-second band into its flanks, and a wider band gathers it.

    Computed with prefix sums and binary search on a flat key, not window frames: the
    histograms run to millions of rows at a hundred million calls.
    """
    group = np.asarray(group, dtype=np.int64)
    duration = np.asarray(duration, dtype=np.int64)
    calls = np.asarray(calls, dtype=np.int64)
    if group.size == 0:
        return _no_peaks(), _no_peaks(COMB_SPIKES)
    widest = max(band.half_width for band in RECORDING_BANDS)
    # half a band, a flank as wide as a band, and a second to spare
    reach = 3 * widest + 2
    # Each group gets its own stretch of the key line, with room either side of its
    # durations so that no band reaches into the next group's stretch.
    low = int(duration.min())
    stride = int(duration.max()) - low + 2 * reach + 1
    key = group * stride + (duration - low) + reach
    cumulative = np.concatenate(([0], np.cumsum(calls)))
    # each group's answered calls of SHORT_CALL_SECONDS or more
    all_starts, all_lengths, run_of_row = _runs(group)
    is_long = duration >= SHORT_CALL_SECONDS
    long_calls = np.bincount(
        run_of_row[is_long], weights=calls[is_long], minlength=all_starts.size
    ).astype(np.int64)
    line = _KeyLine(
        group,
        duration,
        key,
        cumulative,
        group[all_starts],
        long_calls,
        cumulative[all_starts + all_lengths],
    )
    # The bands are searched side by side: numpy lets go of the GIL in its sorts and
    # searches, and the scans are done, so the second core would idle.
    searches: list[Callable[[], DurationPeaks]] = [
        *(partial(_band_peaks, band, line) for band in RECORDING_BANDS),
        partial(
            _band_peaks,
            COMB_BAND,
            line,
            counted=COMB_SPIKES,
            further_share=COMB_SPIKE_SHARE,
            first_stands_out=True,
        ),
    ]
    with ThreadPoolExecutor(max_workers=len(searches)) as pool:
        *found, comb = pool.map(lambda search: search(), searches)
    # The narrowest band's candidates include every wider band's (and the comb's): its
    # groups are all.
    chosen = found[0]
    for wider in found[1:]:
        at = np.searchsorted(chosen.group, wider.group)
        better = wider.calls > chosen.calls[at]
        rows = at[better]
        for name in ("calls", "centre_s", "spikes", "centres_s", "band_s", "beyond", "band_total"):
            getattr(chosen, name)[rows] = getattr(wider, name)[better]
    # the comb on the spikes' groups
    at = np.searchsorted(chosen.group, comb.group)
    aligned = _no_peaks(COMB_SPIKES, chosen.group.size)._replace(group=chosen.group)
    for name, values in zip(DurationPeaks._fields[1:], comb[1:], strict=True):
        getattr(aligned, name)[at] = values
    return chosen, aligned


def _no_peaks(counted: int = RECORDINGS_COUNTED, groups: int = 0) -> DurationPeaks:
    """``groups`` groups without a spike (``counted`` of them may count)."""
    zeros = partial(np.zeros, groups, dtype=np.int64)
    return DurationPeaks(
        zeros(), zeros(), zeros(), zeros(), _no_centres(counted, groups), zeros(), zeros(), zeros()
    )


class _KeyLine(NamedTuple):
    """The histograms as :func:`duration_peaks` lays them out: its rows' groups, durations
    and keys on one line, the calls summed up to each row, and every group (ascending)
    with its answered calls of SHORT_CALL_SECONDS or more."""

    group: np.ndarray
    duration: np.ndarray
    key: np.ndarray
    cumulative: np.ndarray
    all_groups: np.ndarray
    all_long_calls: np.ndarray
    #: the calls summed up to each group's last row
    all_end_cumulative: np.ndarray


def _band_peaks(
    band: RecordingBand,
    line: _KeyLine,
    *,
    counted: int = RECORDINGS_COUNTED,
    further_share: float = SECOND_RECORDING_SHARE,
    first_stands_out: bool = False,
) -> DurationPeaks:
    """:func:`duration_peaks` in one band: up to ``counted`` spikes, each after the first
    holding ``further_share`` of the answered calls of SHORT_CALL_SECONDS or more and
    standing out of its flanks beyond chance (the first too with ``first_stands_out``)."""
    group, duration, key, cumulative = line.group, line.duration, line.key, line.cumulative
    half = band.half_width
    flank = 2 * half + 1
    candidate = (duration >= band.shortest_centre) & (duration <= RECORDING_LONGEST_CENTRE_S)
    if not candidate.any():
        return _no_peaks(counted)
    c_key = key[candidate]

    def calls_up_to(limit: np.ndarray) -> np.ndarray:
        return cumulative[np.searchsorted(key, limit, side="right")]

    band_top = calls_up_to(c_key + half)
    band_bottom = calls_up_to(c_key - half - 1)
    in_band = band_top - band_bottom
    flanks = (band_bottom - calls_up_to(c_key - half - flank - 1)) + (
        calls_up_to(c_key + half + flank) - band_top
    )
    # excess * 2 stays an integer: band - flanks / 2 without floating point
    c_twice = 2 * in_band - flanks
    c_duration = duration[candidate]
    # near the quick refusals a band must rise above what lies just below it (RISE_*)
    near = np.flatnonzero(near_quick_refusals(c_duration, half))
    if near.size:
        n_key = c_key[near]
        under_core = calls_up_to(n_key - RISE_CORE_HALF_WIDTH - 1)
        core = calls_up_to(n_key + RISE_CORE_HALF_WIDTH) - under_core
        below = band_bottom[near] - calls_up_to(n_key - half - RISE_BELOW_WIDTH - 1)
        under = under_core - calls_up_to(n_key - RISE_CORE_HALF_WIDTH - RISE_BELOW_WIDTH - 1)
        flat = near[~(core_rises(core, below) & core_rises(core, under, RISE_UNDER_Z))]
        c_twice[flat] = np.minimum(c_twice[flat], 0)
    c_group = group[candidate]
    # A further spike must stand out of its flanks beyond chance on its own: its excess
    # B - F (band B, flanks' mean F) at least FURTHER_SPIKE_Z standard errors, the
    # variance of B - F being about B + F/2 for counts. In twice_excess units:
    # (2B - 2F)^2 >= z^2 (4B + 2F). Three calls in a sparse tail of long interviews are not
    # a message; 29 calls in a band whose flanks hold 12 on average are.
    c_significant = c_twice.astype(np.float64) ** 2 >= FURTHER_SPIKE_Z**2 * (4 * in_band + flanks)
    # Groups are contiguous and durations ascend within one: each group's best band is
    # the first row holding its largest excess (the shortest of equals), found in one
    # pass per spike rather than by sorting.
    starts, lengths, run_of_row = _runs(c_group)
    groups = c_group[starts]
    largest, best = _first_at_max(c_twice, starts, lengths, run_of_row)
    centre = c_duration[best]
    in_all = np.searchsorted(line.all_groups, groups)
    long_calls = line.all_long_calls[in_all]
    further_floor = 2 * further_share * long_calls
    first = largest > 0
    if first_stands_out:
        first &= (largest >= further_floor) & c_significant[best]
    spikes = first.astype(np.int64)
    total_twice = np.where(first, largest, 0)
    band_total = np.where(first, in_band[best], 0)
    centres = np.full((groups.size, counted), -1, dtype=np.int64)
    centres[:, 0] = np.where(first, centre, -1)
    beyond = np.where(first, line.all_end_cumulative[in_all] - band_top[best], 0)
    # A further band may not overlap the first's nor reach down to the quick refusals (a
    # crowd of hang-ups just past the 6 s line ends in a cliff a band can stand out from,
    # and is no message): it starts more than its half-width above the 6 s line. Only
    # groups with a band that could count go on: few do, and the greedy search below then
    # runs over their rows alone.
    further_centre = max(band.shortest_centre, SHORT_CALL_SECONDS + 2 * half + 1)
    open_row = (np.abs(c_duration - np.repeat(centre, lengths)) > 2 * half) & (
        c_duration >= further_centre
    )
    could_count = open_row & (c_twice >= np.repeat(further_floor, lengths)) & c_significant
    going_on = (spikes > 0) & (np.add.reduceat(could_count, starts) > 0)
    rows = np.repeat(going_on, lengths)
    run_index = np.flatnonzero(going_on)
    f_starts, f_lengths, f_run_of_row = _runs(c_group[rows])
    f_twice = np.where(open_row[rows], c_twice[rows], np.iinfo(np.int64).min)
    f_duration = c_duration[rows]
    f_significant = c_significant[rows]
    f_in_band = in_band[rows]
    counting = np.ones(run_index.size, dtype=bool)
    for spike in range(1, counted):
        largest, best = _first_at_max(f_twice, f_starts, f_lengths, f_run_of_row)
        counting &= (largest > 0) & (largest >= further_floor[run_index]) & f_significant[best]
        total_twice[run_index[counting]] += largest[counting]
        band_total[run_index[counting]] += f_in_band[best][counting]
        spikes[run_index[counting]] += 1
        centres[run_index[counting], spike] = f_duration[best][counting]
        # the next band may not overlap this one's; a group whose band did not count is done
        near = np.abs(f_duration - np.repeat(f_duration[best], f_lengths))
        f_twice[(near <= 2 * half) | ~np.repeat(counting, f_lengths)] = np.iinfo(np.int64).min
    peak_calls = np.rint(total_twice / 2).astype(np.int64)
    return DurationPeaks(
        groups,
        peak_calls,
        centre,
        spikes,
        centres,
        np.full(groups.size, half, dtype=np.int64),
        beyond.astype(np.int64),
        band_total.astype(np.int64),
    )


#: the share of the answered calls at the shortest length that makes it a billed floor
BILLED_FLOOR_SHARE = 0.05


def billed_floor(connection: duckdb.DuckDBPyConnection, hist: str) -> int | None:
    """The minimum billed duration, when the durations of ``hist`` (answered calls per
    source, window and duration) are billed rather than talked: no answered call lasts
    under SHORT_CALL_SECONDS and BILLED_FLOOR_SHARE or more of them last exactly the
    shortest length. Talk time always holds quick hang-ups of a few seconds; a 30 s
    minimum charge puts them all at 30 s, where they would read as every sender's
    recording. None for talk time."""
    row = connection.execute(
        f"select duration_s, sum(answered_calls) from {hist} where duration_s > 0 "
        "group by duration_s order by duration_s limit 1"
    ).fetchone()
    if row is None or row[0] < SHORT_CALL_SECONDS:
        return None
    total = connection.execute(
        f"select sum(answered_calls) from {hist} where duration_s > 0"
    ).fetchone()
    answered = int(total[0]) if total is not None and total[0] is not None else 0
    return int(row[0]) if row[1] >= BILLED_FLOOR_SHARE * answered else None


def core_rises(core: Any, below: Any, z: float = RISE_Z) -> Any:
    """Whether a spike's core (its centre +- RISE_CORE_HALF_WIDTH, ``core`` calls) holds
    ``z`` standard errors more calls than RISE_BELOW_WIDTH seconds holding ``below`` calls
    predict at their rate: a message piles at its length, a plateau of hang-ups, a cliff
    or a hump of live talk times does not. Scalars or numpy arrays."""
    # scaled to the core's width: what a plateau would put in the core
    scale = (2 * RISE_CORE_HALF_WIDTH + 1) / RISE_BELOW_WIDTH
    # an empty core holds no pile, however empty what lies below it
    return np.logical_and(core > 0, core - scale * below >= z * np.sqrt(core + scale**2 * below))


def near_quick_refusals(centre_s: Any, half_width: Any) -> Any:
    """Whether a band centred at ``centre_s`` (``half_width`` either side) has a lower
    flank reaching under SHORT_CALL_SECONDS, where quick refusals crowd: such a band must
    rise above them to count (RISE_*). Scalars or numpy arrays."""
    return centre_s - half_width - (2 * half_width + 1) < SHORT_CALL_SECONDS


def _no_centres(counted: int = RECORDINGS_COUNTED, groups: int = 0) -> np.ndarray:
    return np.full((groups, counted), -1, dtype=np.int64)


def _runs(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The runs of equal values in ``keys``: each run's first row, its length, and each
    row's run number."""
    run_start = np.ones(keys.size, dtype=bool)
    run_start[1:] = keys[1:] != keys[:-1]
    starts = np.flatnonzero(run_start)
    return starts, np.diff(np.append(starts, keys.size)), np.cumsum(run_start) - 1


def _first_at_max(
    values: np.ndarray, starts: np.ndarray, lengths: np.ndarray, run_of_row: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Per run of rows (see :func:`_runs`): its largest value, and the first row holding
    it (every run holds its maximum: one row per run, in run order)."""
    largest = np.maximum.reduceat(values, starts)
    at_max = np.flatnonzero(values == np.repeat(largest, lengths))
    first = np.ones(at_max.size, dtype=bool)
    first[1:] = run_of_row[at_max[1:]] != run_of_row[at_max[:-1]]
    return largest, at_max[first]


def run_starts(table: pa.Table, keys: Sequence[str]) -> np.ndarray:
    """True where a row of ``table`` (ordered on ``keys``) starts a run of equal keys."""
    starts = np.zeros(table.num_rows, dtype=bool)
    if table.num_rows == 0:
        return starts
    starts[0] = True
    for name in keys:
        column = table[name].combine_chunks()
        starts[1:] |= (
            pc.not_equal(column[1:], column[:-1]).fill_null(True).to_numpy(zero_copy_only=False)
        )
    return starts


def _peaks_table(histogram: pa.Table, keys: Sequence[str]) -> pa.Table:
    """:func:`duration_peaks` of histograms ordered by ``keys`` (then by ``duration_s``,
    with their calls in ``n``): one row per key with a spike."""
    changed = run_starts(histogram, keys)
    group = np.cumsum(changed) - 1
    firsts = np.flatnonzero(changed)
    peaks, comb = duration_peaks(
        group,
        histogram["duration_s"].to_numpy(),
        histogram["n"].cast(pa.int64()).to_numpy(),
    )
    rows = pa.array(firsts[peaks.group])
    return pa.table(
        {
            **{name: histogram[name].take(rows) for name in keys},
            "peak_duration_calls": pa.array(peaks.calls, pa.int64()),
            "peak_duration_s": pa.array(peaks.centre_s, pa.int64()),
            "peak_duration_band_s": pa.array(peaks.band_s, pa.int64()),
            "peak_beyond_calls": pa.array(peaks.beyond, pa.int64()),
            "peak_band_total": pa.array(peaks.band_total, pa.int64()),
            "peak_durations_s": _centres_list(peaks.spikes, peaks.centres_s),
            "comb_duration_calls": pa.array(comb.calls, pa.int64()),
            "comb_durations_s": _centres_list(comb.spikes, comb.centres_s),
            "comb_band_total": pa.array(comb.band_total, pa.int64()),
        }
    )


def _centres_list(spikes: np.ndarray, centres: np.ndarray) -> pa.Array:
    """Each group's counted centres as a list (``centres`` padded with -1 after them)."""
    # row-major, the counted centres of each group come out in order
    return pa.ListArray.from_arrays(
        pa.array(np.concatenate(([0], np.cumsum(spikes))), pa.int32()),
        pa.array(centres[centres >= 0], pa.int64()),
    )


def caller_id_entities_sql() -> str:
    """Caller-ID rows as entities. Duration peaks and burst rates are per source; a calling
    number's calls are a slice of a source's, so its rows carry none, nor an account's
    practice over the period (consent is the account's)."""
    return (
        "select * exclude (caller_id), 'caller_id' as entity_type, caller_id as entity_id, "
        "0 as peak_duration_calls, cast(null as bigint) as peak_duration_s, "
        "cast(null as bigint[]) as peak_durations_s, cast(null as bigint) as peak_duration_band_s, "
        "cast(null as bigint) as peak_beyond_calls, cast(null as bigint) as peak_band_total, "
        "0 as comb_duration_calls, cast(null as bigint[]) as comb_durations_s, "
        "cast(null as bigint) as comb_band_total, "
        "0 as peak_calls_per_minute, 0 as day_peak_duration_calls, "
        "cast(null as bigint) as day_peak_duration_s, "
        "cast(null as bigint) as day_peak_duration_band_s, "
        "cast(null as bigint) as day_peak_beyond_calls, "
        "cast(null as bigint) as day_peak_band_total, 0 as day_comb_duration_calls, "
        "cast(null as bigint[]) as day_comb_durations_s, "
        "cast(null as bigint) as day_comb_band_total, 0 as day_long_answered, "
        + "".join(f"0 as day_{name}, " for name in _DAY_COUNTED)
        + "".join(f"0 as period_{name}, " for name in _PERIOD_SUMMED)
        + "0 as period_peak_duration_calls, cast(null as bigint) as period_peak_duration_s, "
        "cast(null as bigint[]) as period_peak_durations_s, "
        "cast(null as bigint) as period_peak_duration_band_s, "
        + "".join(
            f"0 as {part}{name}, " for part in ("", "period_", "day_") for name in SIBLING_COUNTS
        )
        + "0 as weak_long_answered, 0 as weak_peak_duration_calls, "
        "cast(null as bigint) as weak_peak_duration_s, "
        "cast(null as bigint) as weak_peak_duration_band_s, "
        "cast(null as bigint) as weak_peak_beyond_calls, "
        "0 as day_weak_long_answered, 0 as day_weak_peak_duration_calls, "
        "cast(null as bigint) as day_weak_peak_duration_s, "
        "cast(null as bigint) as day_weak_peak_duration_band_s, "
        "cast(null as bigint) as day_weak_peak_beyond_calls, "
        "0 as weak_peak_contrast, 0 as day_weak_peak_contrast, "
        "0 as shared_peak_duration_calls, cast(null as bigint) as shared_peak_duration_s, "
        "cast(null as bigint) as shared_peak_duration_band_s, 0 as shared_band_total, "
        "0 as shared_window_band_answered, 0 as shared_window_flank_answered "
        "from cw_caller_ids"
    )


def _window_end(start: datetime, unit: str) -> datetime:
    return start + (timedelta(hours=1) if unit == "hour" else timedelta(days=1))


_FEATURE_ORDER = tuple(field.name for field in fields(EntityFeatures))


def rows_to_features(table: pa.Table, unit: str) -> list[EntityFeatures]:
    """Rows of :func:`compute_feature_table` -> :class:`EntityFeatures`, converted a
    column at a time (value by value took longer than the scans' whole roll-up)."""
    columns = {name: table[name].to_pylist() for name in table.column_names}
    rows = table.num_rows
    starts: dict[datetime, tuple[datetime, datetime]] = {}

    def window(raw_start: datetime) -> tuple[datetime, datetime]:
        bounds = starts.get(raw_start)
        if bounds is None:
            start = _as_utc(raw_start)
            bounds = starts[raw_start] = (start, _window_end(start, unit))
        return bounds

    windows = [window(raw) for raw in columns["window_start"]]
    samples = [
        (flag, columns[f"sample_{flag}"])
        for flag in (*FLAGS, *_EXTRA_SAMPLES)
        if f"sample_{flag}" in columns
    ]
    sample_ids = [
        {flag: str(column[index]) for flag, column in samples if column[index] is not None}
        for index in range(rows)
    ]
    # One list per field, in the dataclass's order, then one positional call per row:
    # keyword arguments for thirty fields cost more than the values themselves.
    derived: dict[str, list[Any]] = {
        "entity_type": [str(value) for value in columns["entity_type"]],
        "entity_id": [str(value) for value in columns["entity_id"]],
        "customer_id": [value or "" for value in columns.get("customer_id", [None] * rows)],
        "window_start": [bounds[0] for bounds in windows],
        "window_end": [bounds[1] for bounds in windows],
        **{
            name: columns.get(name, [None] * rows)
            for name in (
                "peak_duration_s",
                "peak_duration_band_s",
                "peak_beyond_calls",
                "peak_band_total",
                "comb_band_total",
                "period_peak_duration_band_s",
                "weak_peak_duration_s",
                "weak_peak_duration_band_s",
                "weak_peak_beyond_calls",
                "day_peak_duration_s",
                "day_peak_duration_band_s",
                "day_peak_beyond_calls",
                "day_peak_band_total",
                "day_comb_band_total",
                "day_weak_peak_duration_s",
                "day_weak_peak_duration_band_s",
                "day_weak_peak_beyond_calls",
                "shared_peak_duration_s",
                "shared_peak_duration_band_s",
            )
        },
        "sample_call_ids": sample_ids,
        **{
            name: [tuple(value or ()) for value in columns.get(name, [None] * rows)]
            for name in (
                "peak_durations_s",
                "comb_durations_s",
                "day_comb_durations_s",
                "period_peak_durations_s",
            )
        },
    }
    ordered = [
        derived[name] if name in derived else columns.get(name, [0] * rows)
        for name in _FEATURE_ORDER
    ]
    return [EntityFeatures(*values) for values in zip(*ordered, strict=True)]


def _as_utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


#: Scans of the calls in :func:`compute_feature_table` (busy numbers, parts, distinct callees,
#: durations, minutes): one progress step each.
CALL_SCANS = 5

#: Memory one distinct-count sketch (DuckDB's ``approx_count_distinct`` state, a
#: HyperLogLog) holds per group while a scan runs: about 1 KB, measured on DuckDB 2.0 (a
#: million groups of one sketch over ten million rows, 2 threads: 1.1 GB at its peak).
SKETCH_BYTES = 1024
#: Sketches per source and window in the scans that keep them: the distinct scan's five
#: (the parts scan's two per part come to about as much, a source's busy numbers each
#: making a part of their own).
SKETCHES_PER_GROUP = 5
#: What the scans' sketches may hold at once unless told otherwise (see :func:`scan_slices`).
DEFAULT_SKETCH_MEMORY = 2 * 1000**3


def scan_slices(
    connection: duckdb.DuckDBPyConnection,
    relation: str,
    unit: str,
    sketch_memory: int = DEFAULT_SKETCH_MEMORY,
) -> list[str]:
    """The relations the sketch-keeping scans run over one after the other: ``relation``
    itself, or its calls cut at window boundaries into spans of start_time, as few as keep
    each span's sketches within ``sketch_memory`` bytes.

    A sketch costs the same for a window of three calls as for one of a million: hourly
    windows of ten thousand sources over a week are 1.7 million groups, 7 GB of sketches
    at once. No window falls in two spans, so each span's groups are whole and the results
    are the same, while the Parquet row-group statistics let each span skip the others'
    calls where the files are in time order. The groups are counted first, by a
    HyperLogLog of the hash of each call's source names and window (about 2% off, well
    inside the margin of SKETCH_BYTES)."""
    _check_unit(unit)
    micros = _UNIT_MICROS[unit]
    window = _floor_us(_EPOCH_US.format("start_time"), unit)
    first, last, groups = connection.execute(
        f"select min({window}), max({window}), "
        f"approx_count_distinct(hash({_SOURCES}, {window})) from {relation}"
    ).fetchall()[0]
    if first is None:
        return [relation]
    windows = (int(last) - int(first)) // micros + 1
    needed = int(groups) * SKETCHES_PER_GROUP * SKETCH_BYTES
    count = min(windows, -(-needed // max(sketch_memory, 1)))
    if count <= 1:
        return [relation]
    # span boundaries at whole windows; the first and last spans are open-ended
    cuts = [int(first) + (index * windows // count) * micros for index in range(1, count)]
    return [
        f"(select * from {relation} where {_between_instants(low, high)})"
        for low, high in pairwise([None, *cuts, None])
    ]


def _between_instants(low: int | None, high: int | None) -> str:
    """``start_time`` from ``low`` (inclusive) to ``high`` (exclusive), microseconds since
    the epoch; None leaves that side open."""
    parts = [
        *([f"start_time >= {_instant_literal(low)}"] if low is not None else []),
        *([f"start_time < {_instant_literal(high)}"] if high is not None else []),
    ]
    return " and ".join(parts)


def _instant_literal(epoch_us: int) -> str:
    """A TIMESTAMPTZ literal of ``epoch_us``: a constant the Parquet scan compares with its
    row groups' statistics (an expression on it would be evaluated per call instead)."""
    instant = datetime(1970, 1, 1, tzinfo=UTC) + timedelta(microseconds=epoch_us)
    return f"cast('{instant.isoformat()}' as timestamptz)"


def compute_feature_table(
    connection: duckdb.DuckDBPyConnection,
    *,
    unit: str = "day",
    tables: ReferenceTables = ReferenceTables(),
    relation: str = "calls",
    caller_id_min_calls: int = 100,
    costly_caller_id_min_calls: int = COSTLY_CALLER_ID_MIN_CALLS,
    on_step: Iterable[None] | None = None,
    notes: list[str] | None = None,
    sketch_memory: int = DEFAULT_SKETCH_MEMORY,
) -> pa.Table:
    """Run the scans on ``relation``: one row per entity and window, a column per field of
    :class:`EntityFeatures` (counts as int64, ``window_start`` without its end) and the
    sample call ids as ``sample_<flag>``. Kept columnar: most rows are quiet, and the
    analysis turns only the others into objects.

    ``on_step`` is advanced once per finished scan (a progress hook); what the data says
    of itself that an analyst must know (see :func:`billed_floor`) is appended to
    ``notes``. The scans that keep distinct-count sketches run over spans of the calls
    when the sketches of all windows at once would take more than ``sketch_memory`` bytes
    (see :func:`scan_slices`).
    """
    _check_unit(unit)
    steps = iter(on_step) if on_step is not None else None
    # Only the parts join the reference tables: a join costs a probe per call, a hundred
    # million times, and the other scans read nothing they flag.
    bare = enriched_calls_sql(unit, ReferenceTables(), relation)

    def scan(name: str, sql: str, *more: str) -> None:
        connection.execute(f"create or replace temp table {name} as {sql}")
        for further in more:
            connection.execute(f"insert into {name} {further}")
        if steps is not None:
            next(steps, None)

    scan(
        "cw_caller_days",
        caller_days_sql(relation, unit, caller_id_min_calls, costly_caller_id_min_calls),
    )
    connection.execute(
        "create or replace temp table cw_heavy_callers as "
        "select distinct caller_id from cw_caller_days"
    )
    connection.execute(
        "create or replace temp table cw_costly_unanswered as "
        "select caller_id, day_us from cw_caller_days where costly_unanswered"
    )
    spans = scan_slices(connection, relation, unit, sketch_memory)
    scan(
        "cw_parts",
        *(
            source_parts_sql(
                enriched_calls_sql(unit, tables, span, heavy_callers="cw_heavy_callers"), tables
            )
            for span in spans
        ),
    )
    scan(
        "cw_distinct",
        *(source_distinct_sql(enriched_calls_sql(unit, ReferenceTables(), span)) for span in spans),
    )
    salt = _key_sources(connection)
    scan("cw_hist", duration_histogram_sql(bare, salt))
    scan("cw_minutes", minute_counts_sql(bare, salt))
    floor = billed_floor(connection, "cw_hist")
    if floor is not None:
        # every sender's quick refusals sit at the floor: no message's length
        connection.execute(f"delete from cw_hist where duration_s = {floor}")
        if notes is not None:
            notes.append(
                f"no answered call lasts under {floor} s and many last exactly {floor} s: "
                "the durations look billed (a minimum charge), not talk time (formats.md "
                f"section 1); calls of {floor} s are left out of the recording spikes"
            )
    rollups = (
        ("cw_sources", sources_from_parts_sql()),
        ("cw_caller_ids", caller_ids_from_parts_sql(caller_id_min_calls, unit)),
    )
    for name, sql in rollups:
        connection.execute(f"create or replace temp table {name} as {sql}")
    for name in (
        "cw_parts",
        "cw_distinct",
        "cw_caller_days",
        "cw_heavy_callers",
        "cw_costly_unanswered",
    ):
        connection.execute(f"drop table {name}")
    _entity_spikes(connection, "cw_hist", "cw_peaks")
    _carrier_weak_spikes(connection, "cw_hist", "cw_weak_peaks")
    _shared_weak_spikes(connection, unit)
    connection.execute(f"create or replace temp table cw_siblings as {siblings_sql()}")
    # a young account's hour is judged with its siblings over its UTC day (below)
    if tables.young_accounts and unit == "day":
        connection.execute(f"insert into cw_siblings {young_siblings_sql()}")
    if unit != "day":
        # A recording is a practice, judged over the UTC day too: an hour of a small
        # sender holds too few answered calls to show its spike.
        connection.execute(
            "create or replace temp table cw_hist_day as "
            f"select source_key, {_floor_us('window_us', 'day')} as window_us, duration_s, "
            "sum(answered_calls) as answered_calls, sum(weak_calls) as weak_calls "
            "from cw_hist group by source_key, 2, duration_s"
        )
        _entity_spikes(connection, "cw_hist_day", "cw_day_peaks")
        _carrier_weak_spikes(connection, "cw_hist_day", "cw_day_weak_peaks")
        # A snowshoe account's or a reseller's shell client's hour holds a handful of
        # answered calls: too few for its own to agree with its siblings' spike, and a live
        # tenant's hour of 20 has bumps of 6 calls at any length by chance. Its day holds
        # the hours' calls.
        day_start = _TIMESTAMP_OF_US.format(_floor_us(_EPOCH_US.format("window_start"), "day"))
        connection.execute(
            "create or replace temp table cw_day_sources as "
            f"select customer_id, sub_account, {day_start} as window_start, "
            "sum(long_answered) as long_answered, sum(consent_known) as consent_known, "
            "sum(no_consent) as no_consent from cw_sources group by all"
        )
        connection.execute(
            "create or replace temp table cw_day_siblings as "
            + siblings_sql("cw_day_peaks", "cw_day_sources")
        )
        if tables.young_accounts:
            connection.execute(
                "insert into cw_day_siblings "
                + young_siblings_sql("cw_day_peaks", "cw_day_sources")
            )
    # ... and over the whole period, for a sender whose every window is too thin to show it
    connection.execute(
        "create or replace temp table cw_hist_period as "
        "select source_key, 0 as window_us, duration_s, sum(answered_calls) as answered_calls "
        "from cw_hist group by source_key, duration_s"
    )
    _entity_spikes(connection, "cw_hist_period", "cw_period_peaks")
    # ... where a campaign split over a reseller's clients, each thin on every day, shows
    # with the siblings' spikes over the period (its one window is at the epoch)
    connection.execute(
        "create or replace temp table cw_period_sources as "
        f"select customer_id, sub_account, {_TIMESTAMP_OF_US.format('0')} as window_start, "
        "sum(long_answered) as long_answered, sum(consent_known) as consent_known, "
        "sum(no_consent) as no_consent from cw_sources "
        "where customer_id is not null and sub_account is not null "
        "group by customer_id, sub_account"
    )
    connection.execute(
        "create or replace temp table cw_period_siblings as "
        + siblings_sql("cw_period_peaks", "cw_period_sources")
    )
    parts = [
        _with_int64_counts(
            connection.sql(
                f"select * replace (cast(window_start as timestamp) as window_start) from ({sql})"
            ).to_arrow_table()
        )
        for sql in (
            entity_features_sql(unit),
            caller_id_entities_sql(),
        )
    ]
    # a caller ID's row has samples of its own flags only: the others come out null
    table = pa.concat_tables(parts, promote_options="default")
    # no customer is '' (an upstream provider's, a caller ID several accounts present)
    index = table.schema.get_field_index("customer_id")
    return table.set_column(index, "customer_id", pc.fill_null(table["customer_id"], ""))


def with_recording_caller_ids(
    connection: duckdb.DuckDBPyConnection,
    table: pa.Table,
    rows: np.ndarray,
    weak_rows: np.ndarray | None = None,
    *,
    unit: str = "day",
    relation: str = "calls",
) -> pa.Table:
    """``table`` (of :func:`compute_feature_table`) with ``peak_band_answered`` and
    ``peak_caller_ids`` filled in at ``rows``, upstream providers' windows with a spike:
    the answered calls in the band of the main spike, and the calling numbers they came
    from (exact); and ``weak_band_answered`` and ``weak_band_caller_ids`` the same at
    ``weak_rows``, for the spike of their calls not A-attested and those calls
    alone, with ``weak_flank_answered`` and ``weak_flank_caller_ids`` the same in its
    flanks; 0 elsewhere.

    A carrier hands over many callers' numbers by nature, but one recording comes from its
    sender's own few numbers, whoever carries it; heard from a new number on nearly every
    call, it is one campaign rotating or spoofing caller IDs. The caller asks only for the
    windows whose spike can count as a recording (a network has few carriers): one scan,
    not run when there are none."""
    asked, weak_only = _asked_rows(rows, weak_rows)
    spikes = _carriers_rows(table, asked)
    centre_s, band_s = _asked_bands(spikes, weak_only, "")
    found = _band_caller_ids(
        connection,
        upstream_provider=spikes["entity_id"],
        window_us=spikes["window_start"].cast(pa.timestamp("us")).cast(pa.int64()),
        centre_s=centre_s,
        band_s=band_s,
        weak_only=weak_only,
        unit=unit,
        relation=relation,
    )
    return _with_band_numbers(
        table,
        asked,
        weak_only,
        found,
        whole_names=("peak_band_answered", "peak_caller_ids"),
        weak_prefix="weak_",
    )


def _counted_per_provider_day(
    asked: pa.Table,
    rows: np.ndarray,
    count: Callable[[pa.Table], Mapping[str, np.ndarray]],
    **keys: Any,
) -> pa.Table:
    """The figures ``count`` gives for each distinct upstream provider, UTC day and
    ``keys`` (columns, one element per row of ``asked``) of the ``asked`` rows of the
    feature table, joined back to those rows in the order of ``rows`` (their numbers, as
    column ``row``). A provider's windows of one day share that day's band: its calls are
    counted once (``count`` gets the distinct keys, upstream_provider and window_us (the
    day, microseconds since the epoch) first, and returns columns in their order)."""
    day = pc.floor_temporal(asked["window_start"], unit="day")
    days = pa.table(
        {
            "upstream_provider": asked["entity_id"],
            "window_us": day.cast(pa.timestamp("us")).cast(pa.int64()),
            **keys,
        }
    )
    unique = days.group_by(days.column_names, use_threads=False).aggregate([])
    counted = unique
    for name, counts in count(unique).items():
        counted = counted.append_column(name, pa.array(counts, pa.int64()))
    return (
        days.append_column("row", pa.array(rows, pa.int64()))
        .join(counted, days.column_names)
        .sort_by("row")
    )


def with_day_recording_caller_ids(
    connection: duckdb.DuckDBPyConnection,
    table: pa.Table,
    rows: np.ndarray,
    weak_rows: np.ndarray | None = None,
    *,
    relation: str = "calls",
) -> pa.Table:
    """``table`` (of :func:`compute_feature_table` in windows shorter than a day) with
    ``day_band_answered`` and ``day_band_caller_ids`` filled in at ``rows``, upstream
    providers' windows whose UTC day has a spike: the day's answered calls in the band of
    its main spike, and their calling numbers (exact, one count per provider and day
    whichever of its windows ask); and ``day_weak_band_answered`` and
    ``day_weak_band_caller_ids`` the same at ``weak_rows`` for the day's spike of its calls
    not A-attested and those calls alone (and ``day_weak_flank_*`` in its flanks); 0
    elsewhere."""
    asked, weak_only = _asked_rows(rows, weak_rows)
    spikes = _carriers_rows(table, asked)
    centre_s, band_s = _asked_bands(spikes, weak_only, "day_")

    def count(unique: pa.Table) -> dict[str, np.ndarray]:
        numbers = _band_caller_ids(
            connection,
            upstream_provider=unique["upstream_provider"],
            window_us=unique["window_us"],
            centre_s=unique["centre_s"].to_numpy(),
            band_s=unique["band_s"].to_numpy(),
            weak_only=unique["weak_only"].to_numpy(zero_copy_only=False),
            unit="day",
            relation=relation,
        )
        return numbers._asdict()

    found = _counted_per_provider_day(
        spikes, asked, count, centre_s=centre_s, band_s=band_s, weak_only=weak_only
    )
    return _with_band_numbers(
        table,
        found["row"].to_numpy(),
        found["weak_only"].to_numpy(zero_copy_only=False),
        BandNumbers(*(found[name].to_numpy() for name in BandNumbers._fields)),
        whole_names=("day_band_answered", "day_band_caller_ids"),
        weak_prefix="day_weak_",
    )


#: the EntityFeatures fields an upstream provider's window gets from :class:`BandNumbers` at
#: its UTC day's pooled spike (see :func:`with_shared_spike_numbers`)
SHARED_BAND_FIELDS = (
    "shared_band_answered",
    "shared_band_caller_ids",
    "shared_flank_answered",
    "shared_flank_caller_ids",
    "shared_under_core_answered",
    "shared_vouched_band_answered",
    "shared_vouched_band_caller_ids",
    "shared_vouched_flank_answered",
    "shared_vouched_flank_caller_ids",
)


def with_shared_spike_numbers(
    connection: duckdb.DuckDBPyConnection,
    table: pa.Table,
    rows: np.ndarray,
    *,
    relation: str = "calls",
) -> pa.Table:
    """``table`` with the :data:`SHARED_BAND_FIELDS` filled in at ``rows`` (upstream
    providers' windows whose UTC day's pooled spike may be a recording, see
    :func:`shared_weak_spikes_sql`): the provider's answered calls not A-attested in the
    band of that spike over the whole day, their calling numbers, the same in its flanks
    and under its fullest core; one count per provider and day, whichever of its windows
    ask, in one scan (none when no row asks); 0 elsewhere."""
    rows = np.asarray(rows, np.int64)
    if not rows.size:
        for name in SHARED_BAND_FIELDS:
            table = table.append_column(name, pa.array(np.zeros(table.num_rows, np.int64)))
        return table
    asked = _carriers_rows(table, rows)

    def count(unique: pa.Table) -> dict[str, np.ndarray]:
        # each band twice: its calls not A-attested, then its A-attested ones
        twice = pa.concat_tables([unique, unique])
        weak = np.arange(twice.num_rows) < unique.num_rows
        numbers = _band_caller_ids(
            connection,
            upstream_provider=twice["upstream_provider"],
            window_us=twice["window_us"],
            centre_s=twice["centre_s"].to_numpy().astype(np.int64),
            band_s=twice["band_s"].to_numpy().astype(np.int64),
            weak_only=weak,
            vouched_only=~weak,
            unit="day",
            relation=relation,
        )
        figures = [
            *(
                figure[weak]
                for figure in (
                    numbers.answered,
                    numbers.caller_ids,
                    numbers.flank_answered,
                    numbers.flank_caller_ids,
                    numbers.under_core_answered,
                )
            ),
            *(
                figure[~weak]
                for figure in (
                    numbers.answered,
                    numbers.caller_ids,
                    numbers.flank_answered,
                    numbers.flank_caller_ids,
                )
            ),
        ]
        return dict(zip(SHARED_BAND_FIELDS, figures, strict=True))

    found = _counted_per_provider_day(
        asked,
        rows,
        count,
        centre_s=pc.fill_null(asked["shared_peak_duration_s"], 0),
        band_s=pc.fill_null(asked["shared_peak_duration_band_s"], 0),
    )
    at = found["row"].to_numpy()
    for name in SHARED_BAND_FIELDS:
        column = np.zeros(table.num_rows, np.int64)
        column[at] = found[name].to_numpy()
        table = table.append_column(name, pa.array(column))
    return table


def _asked_rows(rows: np.ndarray, weak_rows: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
    """The rows asked for their spike of all calls, then for their spike of the calls not
    A-attested, as one list, and which of them are the latter."""
    rows = np.asarray(rows, np.int64)
    weak_rows = np.zeros(0, np.int64) if weak_rows is None else np.asarray(weak_rows, np.int64)
    asked = np.concatenate((rows, weak_rows))
    return asked, np.arange(asked.size) >= rows.size


def _asked_bands(
    spikes: pa.Table, weak_only: np.ndarray, prefix: str
) -> tuple[np.ndarray, np.ndarray]:
    """The centre and half-width of each asked row's spike: its ``<prefix>peak_...`` or,
    where ``weak_only``, its ``<prefix>weak_peak_...`` (a row asked for one spike may have
    none of the other: 0)."""

    def column(name: str) -> np.ndarray:
        whole, weak = (
            pc.fill_null(spikes[field], 0).to_numpy().astype(np.int64)
            for field in (f"{prefix}{name}", f"{prefix}weak_{name}")
        )
        chosen: np.ndarray = np.where(weak_only, weak, whole)
        return chosen

    return column("peak_duration_s"), column("peak_duration_band_s")


#: the EntityFeatures fields (after their ``weak_`` or ``day_weak_`` prefix) that a spike of
#: calls not A-attested gets from :class:`BandNumbers`, in its order
_WEAK_BAND_FIELDS = (
    "band_answered",
    "band_caller_ids",
    "flank_answered",
    "flank_caller_ids",
    "core_answered",
    "under_core_answered",
    "over_core_answered",
)


def _with_band_numbers(
    table: pa.Table,
    rows: np.ndarray,
    weak_only: np.ndarray,
    found: BandNumbers,
    *,
    whole_names: tuple[str, str],
    weak_prefix: str,
) -> pa.Table:
    """``table`` with the band figures of :func:`_band_caller_ids` (``found``, one element
    per entry of ``rows``) as columns: a spike of all calls gets its answered calls and
    numbers as ``whole_names``, a spike of calls not A-attested (``weak_only``) every
    figure, prefixed ``weak_prefix``; 0 in the rows not asked."""
    filled = [
        (whole_names[0], found.answered, ~weak_only),
        (whole_names[1], found.caller_ids, ~weak_only),
        *(
            (weak_prefix + name, figure, weak_only)
            for name, figure in zip(_WEAK_BAND_FIELDS, found, strict=True)
        ),
    ]
    for name, values, at in filled:
        column = np.zeros(table.num_rows, np.int64)
        column[rows[at]] = np.asarray(values)[at]
        table = table.append_column(name, pa.array(column))
    return table


def with_day_distinct_counts(
    connection: duckdb.DuckDBPyConnection,
    table: pa.Table,
    rows: np.ndarray,
    *,
    relation: str = "calls",
) -> pa.Table:
    """``table`` (of :func:`compute_feature_table` in windows shorter than a day) with
    ``day_callees``, ``day_callee_caller_pairs`` and ``day_caller_ids`` filled in at
    ``rows``, customers' and sub-accounts' windows: the distinct callees, callee-caller
    pairs and caller IDs of the window's UTC day (one count per entity and day whichever of
    its windows ask, over the asking accounts' calls alone); 0 elsewhere. Distinct counts
    do not add up over hours: an hour that turns on its day's (forwarding, neighbour
    spoofing) asks for them."""
    rows = np.asarray(rows, np.int64)
    asked = table.take(pa.array(rows, pa.int64()))
    day = pc.floor_temporal(asked["window_start"], unit="day")
    keys = pa.table(
        {
            "entity_type": asked["entity_type"],
            "entity_id": asked["entity_id"],
            "customer_id": asked["customer_id"],
            "window_us": day.cast(pa.timestamp("us")).cast(pa.int64()),
        }
    )
    columns = {name: np.zeros(table.num_rows, np.int64) for name in _DAY_DISTINCT}
    if rows.size:
        unique = keys.group_by(keys.column_names, use_threads=False).aggregate([])
        register_table(connection, "cw_asked_days", unique, unique.column_names)
        window = _floor_us(_EPOCH_US.format("c.start_time"), "day")
        # a customer's day is all its calls (its sub-accounts' too), a sub-account's its own
        counted = connection.sql(
            f"""
            select a.entity_type, a.entity_id, a.customer_id, a.window_us,
                approx_count_distinct(c.callee_key) as day_callees,
                approx_count_distinct(hash(c.callee_key, c.caller_key))
                    as day_callee_caller_pairs,
                approx_count_distinct(c.caller_key) as day_caller_ids
            from {_with_instants(relation)} c
            join cw_asked_days a on a.customer_id = c.customer_id
                and a.window_us = {window}
                and (a.entity_type = 'customer' or a.entity_id = c.sub_account)
            group by all
            """
        ).to_arrow_table()
        connection.execute("drop table cw_asked_days")
        found = _asked_rows_found(keys, rows, counted)
        for name, column in columns.items():
            column[found["row"].to_numpy()] = found[name].to_numpy()
    for name, column in columns.items():
        table = table.append_column(name, pa.array(column))
    return table


def _asked_rows_found(keys: pa.Table, rows: np.ndarray, counted: pa.Table) -> pa.Table:
    """``counted`` (a row per key of ``keys`` it found) beside the feature table's ``rows``
    that asked for it, one key each: its columns with ``row``, in the rows' order. A key
    not counted (no call of it passed the count's filter) is left out: its row keeps 0."""
    return (
        keys.append_column("row", pa.array(rows, pa.int64()))
        .join(counted, keys.column_names, join_type="inner")
        .sort_by("row")
    )


#: what :func:`with_day_distinct_counts` counts
_DAY_DISTINCT = ("day_callees", "day_callee_caller_pairs", "day_caller_ids")


def with_flooded_callees(
    connection: duckdb.DuckDBPyConnection,
    table: pa.Table,
    rows: np.ndarray,
    *,
    callee_calls: int,
    unit: str = "day",
    relation: str = "calls",
) -> pa.Table:
    """``table`` (of :func:`compute_feature_table`) with ``flooded_callees``,
    ``flooded_calls``, ``flooded_silent`` and ``sample_flooded`` filled in at ``rows``,
    customers' and sub-accounts' windows: the numbers the window's calls reached
    ``callee_calls`` times or more, the calls to them, those of them answered for under
    SHORT_CALL_SECONDS or busy (:data:`_BUSY_SIP_CODES`), and the least call id among them;
    0 (and null) elsewhere.

    Counting calls per callee groups by every callee, as many groups as calls: the caller
    asks only for the windows whose silent calls outnumber their distinct callees enough to
    hold a flood (:func:`callwarden.traffic.detectors.may_flood_callees`), over the asking
    accounts' calls alone; not run when none asks."""
    rows = np.asarray(rows, np.int64)
    asked = table.take(pa.array(rows, pa.int64()))
    keys = pa.table(
        {
            "entity_type": asked["entity_type"],
            "entity_id": asked["entity_id"],
            "customer_id": asked["customer_id"],
            "window_us": asked["window_start"].cast(pa.timestamp("us")).cast(pa.int64()),
        }
    )
    columns = {name: np.zeros(table.num_rows, np.int64) for name in _FLOODED}
    samples: list[str | None] = [None] * table.num_rows
    if rows.size:
        register_table(connection, "cw_asked_floods", keys, keys.column_names)
        # only the asking accounts' calls, and only the columns counted: at ten million
        # calls each column read costs a few tenths of a second, however few calls pass
        calls = f"""
            select customer_id, sub_account, call_id,
                {_floor_us(_EPOCH_US.format("start_time"), unit)} as window_us,
                {number_key_sql("called_digits", "called_number")} as callee_key,
                case when {_silent_call_sql()} then 1 else 0 end as silent
            from {relation}
            where customer_id in (select customer_id from cw_asked_floods)
        """
        # a customer's window is all its calls (its sub-accounts' too), a sub-account's its
        # own
        counted = connection.sql(
            f"""
            with per_callee as (
                select a.entity_type, a.entity_id, a.customer_id, a.window_us,
                    count(*) as calls,
                    sum(c.silent) as silent,
                    min(c.call_id) as sample
                from ({calls}) c
                join cw_asked_floods a on a.customer_id = c.customer_id
                    and a.window_us = c.window_us
                    and (a.entity_type = 'customer' or a.entity_id = c.sub_account)
                group by a.entity_type, a.entity_id, a.customer_id, a.window_us, c.callee_key
                having count(*) >= {int(callee_calls)}
            )
            select entity_type, entity_id, customer_id, window_us,
                count(*) as flooded_callees,
                sum(calls) as flooded_calls,
                sum(silent) as flooded_silent,
                min(sample) as sample_flooded
            from per_callee
            group by all
            """
        ).to_arrow_table()
        connection.execute("drop table cw_asked_floods")
        found = _asked_rows_found(keys, rows, counted)
        at = found["row"].to_numpy()
        for name, column in columns.items():
            column[at] = found[name].to_numpy()
        for index, sample in zip(at, found["sample_flooded"].to_pylist(), strict=True):
            samples[index] = sample
    for name, column in columns.items():
        table = table.append_column(name, pa.array(column))
    return table.append_column("sample_flooded", pa.array(samples, pa.string()))


#: what :func:`with_flooded_callees` counts
_FLOODED = ("flooded_callees", "flooded_calls", "flooded_silent")


#: the spikes whose bands hold an account's recorded calls: (centre, half-width) columns
_SPIKE_BANDS = {
    "window": (
        ("peak_duration_s", "peak_duration_band_s"),
        ("day_peak_duration_s", "day_peak_duration_band_s"),
        ("period_peak_duration_s", "period_peak_duration_band_s"),
    ),
    "period": (("period_peak_duration_s", "period_peak_duration_band_s"),),
}


def spike_bands(row: dict[str, Any], over: str) -> list[tuple[int, int]]:
    """The durations (low, high seconds, inclusive, merged where they overlap) of the main
    spikes of one row of the feature table (as a dict of its columns) that ``over`` a
    "window" (its own, its UTC day's and the period's) or the "period" hold recorded calls.
    The lesser spikes are left out: a chance bump among live calls' durations, counted
    with the recording, would lend it their missing records."""
    ranges = sorted(
        (int(row[centre]) - int(row[band]), int(row[centre]) + int(row[band]))
        for centre, band in _SPIKE_BANDS[over]
        if row.get(centre) is not None and row.get(band) is not None
    )
    merged: list[tuple[int, int]] = []
    for low, high in ranges:
        if merged and low <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return merged


def with_band_consent(
    connection: duckdb.DuckDBPyConnection,
    table: pa.Table,
    rows: np.ndarray,
    period_rows: np.ndarray,
    *,
    unit: str = "day",
    relation: str = "calls",
) -> pa.Table:
    """``table`` (of :func:`compute_feature_table`, with cw_consent registered) with
    ``band_consent_known`` and ``band_no_consent`` filled in at ``rows``, and
    ``period_band_consent_known`` and ``period_band_no_consent`` at ``period_rows``
    (accounts' windows: customers' and sub-accounts'): the answered calls whose length is
    in a main spike's band (see :func:`spike_bands`) in the window, or in the period's main
    spike's over the whole period, and those of them to numbers without consent records; 0
    elsewhere.

    The caller asks only where the window's (or period's) share of calls without records
    cannot say alone whether the recorded calls had consent: one scan of the asking
    accounts' calls with the consent join, not run when none asks."""
    rows = np.asarray(rows, np.int64)
    period_rows = np.asarray(period_rows, np.int64)
    asked = np.concatenate((rows, period_rows))
    over_period = np.arange(asked.size) >= rows.size
    picked = table.take(pa.array(asked, pa.int64()))
    if (
        picked.num_rows
        and not pc.all(
            pc.is_in(picked["entity_type"], pa.array(["customer", "sub_account"]))
        ).as_py()
    ):
        raise ValueError("only accounts' windows are asked for their recorded calls' consent")
    # one band per window asked, and per account asked over the period (its windows share it)
    band_of = np.zeros(asked.size, np.int64)
    bands: dict[tuple[object, ...], int] = {}
    columns: dict[str, list[Any]] = {
        name: [] for name in ("band", "customer_id", "sub_account", "window_us", "low_s", "high_s")
    }
    starts = picked["window_start"].cast(pa.timestamp("us")).cast(pa.int64()).to_pylist()
    # the rows' names and spikes only (not their samples) as Python values
    spike_columns = {name for bands in _SPIKE_BANDS.values() for pair in bands for name in pair}
    named = picked.select(["entity_type", "entity_id", "customer_id", *sorted(spike_columns)])
    for index, row in enumerate(named.to_pylist()):
        period = bool(over_period[index])
        sub_account = row["entity_id"] if row["entity_type"] == "sub_account" else None
        window = None if period else starts[index]
        key = (row["customer_id"], sub_account, window)
        if key in bands:
            band_of[index] = bands[key]
            continue
        band_of[index] = bands[key] = len(bands)
        for low, high in spike_bands(row, "period" if period else "window"):
            for name, value in zip(
                columns,
                (band_of[index], row["customer_id"], sub_account, window, low, high),
                strict=True,
            ):
                columns[name].append(value)
    judged = np.zeros(len(bands), np.int64)
    unconsented = np.zeros(len(bands), np.int64)
    if columns["band"]:
        connection.register(
            "cw_consent_bands",
            pa.table(
                {
                    "band": pa.array(columns["band"], pa.int64()),
                    "customer_id": pa.array(columns["customer_id"], pa.string()),
                    "sub_account": pa.array(columns["sub_account"], pa.string()),
                    "window_us": pa.array(columns["window_us"], pa.int64()),
                    "low_s": pa.array(columns["low_s"], pa.int64()),
                    "high_s": pa.array(columns["high_s"], pa.int64()),
                }
            ),
        )
        # only the asking accounts' calls are enriched: the consent join probes each of them
        accounts = (
            f"(select * from {relation} "
            "where customer_id in (select customer_id from cw_consent_bands))"
        )
        enriched = enriched_calls_sql(unit, ReferenceTables(consent=True), accounts)
        # A window's bands are joined on its window, the period's on the account alone;
        # a call meets each band of its own once (a band's ranges are merged).
        matched = """
            select b.band, count(*) as judged, sum(c.no_consent) as no_consent
            from c join cw_consent_bands b on c.customer_id = b.customer_id
              and {window}
            where c.answered = 1 and c.duration_s between b.low_s and b.high_s
              and (b.sub_account is null or c.sub_account = b.sub_account)
            group by b.band
        """
        try:
            found = connection.sql(
                f"with c as materialized ({enriched}) "
                + matched.format(window="c.window_us = b.window_us")
                + " union all "
                + matched.format(window="b.window_us is null")
            ).fetchnumpy()
        finally:
            connection.unregister("cw_consent_bands")
        counted = np.asarray(found["band"], np.int64)
        judged[counted] = np.asarray(found["judged"], np.int64)
        unconsented[counted] = np.asarray(found["no_consent"], np.int64)
    for name, mine in (("band", ~over_period), ("period_band", over_period)):
        for suffix, values in (("consent_known", judged), ("no_consent", unconsented)):
            column = np.zeros(table.num_rows, np.int64)
            column[asked[mine]] = values[band_of[mine]]
            table = table.append_column(f"{name}_{suffix}", pa.array(column))
    return table


def _carriers_rows(table: pa.Table, rows: np.ndarray) -> pa.Table:
    """The rows of ``table`` asked for their numbers: upstream providers' only (a sender's
    own numbers are judged at its account)."""
    spikes = table.take(pa.array(rows, pa.int64()))
    if spikes.num_rows and not pc.all(pc.equal(spikes["entity_type"], "upstream_provider")).as_py():
        raise ValueError("only upstream providers' windows are asked for their numbers")
    return spikes


class BandNumbers(NamedTuple):
    """:func:`_band_caller_ids`' answer, one element per band."""

    #: the answered calls in the band and their distinct calling numbers
    answered: np.ndarray
    caller_ids: np.ndarray
    #: the same in its two flanks (each as wide as the band, as duration_peaks takes them):
    #: how many numbers the band's calls that are not the spike's come from, per call
    flank_answered: np.ndarray
    flank_caller_ids: np.ndarray
    #: the answered calls of its fullest core (RISE_CORE_HALF_WIDTH either side of a length
    #: in the band) and in the RISE_BELOW_WIDTH seconds just under it and just over it: a
    #: message piles at its length and rises above what lies on either side (see
    #: :func:`core_rises`); a hump, a cliff or a chance bump of live talk times does not
    core_answered: np.ndarray
    under_core_answered: np.ndarray
    over_core_answered: np.ndarray


def _band_caller_ids(
    connection: duckdb.DuckDBPyConnection,
    *,
    upstream_provider: pa.Array | pa.ChunkedArray,
    window_us: pa.Array | pa.ChunkedArray,
    centre_s: np.ndarray,
    band_s: np.ndarray,
    weak_only: np.ndarray,
    unit: str,
    relation: str,
    vouched_only: np.ndarray | None = None,
) -> BandNumbers:
    """For each band (an upstream provider's window of ``unit``, durations ``centre_s`` +-
    ``band_s``; of its calls not A-attested only where ``weak_only``, of its A-attested
    calls only where ``vouched_only``): its
    answered calls and their distinct calling numbers, the same in its flanks, and its core
    (see :class:`BandNumbers`), in one scan of ``relation`` (none when there is no band)."""
    found_columns = BandNumbers._fields
    counts = {name: np.zeros(len(centre_s), np.int64) for name in found_columns}
    if not len(centre_s):
        return BandNumbers(**counts)
    flank = 2 * np.asarray(band_s) + 1
    connection.register(
        "cw_spike_bands",
        pa.table(
            {
                "band": pa.array(np.arange(len(centre_s)), pa.int64()),
                "weak_only": pa.array(weak_only),
                "vouched_only": pa.array(
                    np.zeros(len(centre_s), dtype=bool) if vouched_only is None else vouched_only
                ),
                "upstream_provider": upstream_provider,
                "window_us": window_us,
                "centre_s": pa.array(centre_s),
                "low_s": pa.array(centre_s - band_s),
                "high_s": pa.array(centre_s + band_s),
                "flank_low_s": pa.array(centre_s - band_s - flank),
                "flank_high_s": pa.array(centre_s + band_s + flank),
            }
        ),
    )
    in_band = "duration_s between low_s and high_s"
    try:
        # the calls of the bands and their flanks, per band, length and number: few (the
        # carriers' spikes), read twice below
        connection.execute(
            f"""
            create or replace temp table cw_band_calls as
            select b.band, any_value(b.low_s) as low_s, any_value(b.high_s) as high_s,
                c.duration_s, c.caller_id, count(*) as calls
            from ({enriched_calls_sql(unit, ReferenceTables(), relation)}) c
            join cw_spike_bands b on c.upstream_provider = b.upstream_provider
              and c.window_us = b.window_us
            where c.answered = 1 and c.duration_s between b.flank_low_s and b.flank_high_s
              and (not b.weak_only or c.unvouched = 1)
              and (not b.vouched_only or c.unvouched = 0)
            group by b.band, c.duration_s, c.caller_id
            """
        )
        found = connection.sql(
            f"""
            select band, coalesce(sum(calls) filter (where {in_band}), 0) as answered,
                count(distinct caller_id) filter (where {in_band}) as caller_ids,
                coalesce(sum(calls) filter (where not {in_band}), 0) as flank_answered,
                count(distinct caller_id) filter (where not {in_band}) as flank_caller_ids
            from cw_band_calls group by band
            """
        ).fetchnumpy()
        lengths = connection.sql(
            "select band, duration_s, sum(calls) as calls from cw_band_calls "
            "group by band, duration_s order by band, duration_s"
        ).fetchnumpy()
    finally:
        connection.unregister("cw_spike_bands")
        connection.execute("drop table if exists cw_band_calls")
    band = np.asarray(found["band"], np.int64)
    for name in ("answered", "caller_ids", "flank_answered", "flank_caller_ids"):
        counts[name][band] = found[name]
    (
        counts["core_answered"],
        counts["under_core_answered"],
        counts["over_core_answered"],
    ) = band_cores(
        np.asarray(lengths["band"], np.int64),
        np.asarray(lengths["duration_s"], np.int64),
        np.asarray(lengths["calls"], np.int64),
        np.asarray(centre_s, np.int64),
        np.asarray(band_s, np.int64),
    )
    return BandNumbers(**counts)


def band_cores(
    band: np.ndarray,
    duration: np.ndarray,
    calls: np.ndarray,
    centre_s: np.ndarray,
    band_s: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per band (centre_s +- band_s), from its calls per length (``band``, ``duration``,
    ``calls``; its flanks' included): the calls of its fullest core (RISE_CORE_HALF_WIDTH
    either side of a length in the band, the shortest of equals) and of the
    RISE_BELOW_WIDTH seconds just under and just over that core. A wide band's centre may
    lie seconds off the message it gathers: the pile is looked for where it is."""
    found = np.zeros((3, len(centre_s)), np.int64)
    starts = np.searchsorted(band, np.arange(len(centre_s)))
    ends = np.searchsorted(band, np.arange(len(centre_s)), side="right")
    reach = RISE_CORE_HALF_WIDTH + RISE_BELOW_WIDTH
    for index in range(len(centre_s)):
        low = int(centre_s[index] - band_s[index])
        high = int(centre_s[index] + band_s[index])
        # calls per second from ``first``, and summed up to each second
        first = low - reach
        per_second = np.zeros(high + reach - first + 1, np.int64)
        rows = slice(starts[index], ends[index])
        inside = (duration[rows] >= first) & (duration[rows] <= high + reach)
        per_second[duration[rows][inside] - first] = calls[rows][inside]
        summed = np.concatenate(([0], np.cumsum(per_second)))
        centres = np.arange(low, high + 1) - first
        core = summed[centres + RISE_CORE_HALF_WIDTH + 1] - summed[centres - RISE_CORE_HALF_WIDTH]
        best = int(centres[np.argmax(core)])
        under_top = best - RISE_CORE_HALF_WIDTH
        over_bottom = best + RISE_CORE_HALF_WIDTH + 1
        found[:, index] = (
            core.max(),
            summed[under_top] - summed[under_top - RISE_BELOW_WIDTH],
            summed[over_bottom + RISE_BELOW_WIDTH] - summed[over_bottom],
        )
    return found[0], found[1], found[2]


def _with_int64_counts(table: pa.Table) -> pa.Table:
    """SQL sums arrive as 128-bit decimals; every count fits 64 bits (a checked cast)."""
    for index, column in enumerate(table.columns):
        if pa.types.is_decimal(column.type) or pa.types.is_integer(column.type):
            table = table.set_column(
                index, table.field(index).with_type(pa.int64()), column.cast(pa.int64())
            )
    return table


def _key_sources(connection: duckdb.DuckDBPyConnection) -> int:
    """Give every source of cw_distinct its key (:func:`source_key_sql`) in cw_source_keys;
    returns the salt under which no two sources share one."""
    salt = 0
    while True:
        connection.execute(
            "create or replace temp table cw_source_keys as "
            f"select distinct {_SOURCES}, {source_key_sql(salt)} as source_key from cw_distinct"
        )
        row = connection.execute(
            "select count(distinct source_key) = count(*) from cw_source_keys"
        ).fetchone()
        if row is not None and row[0]:
            return salt
        salt += 1


def data_day_range(
    connection: duckdb.DuckDBPyConnection, relation: str = "calls"
) -> tuple[date, date] | None:
    """First and last UTC day with calls (one narrow column read)."""
    row = connection.execute(
        f"select cast(min(start_time) as date), cast(max(start_time) as date) from {relation}"
    ).fetchall()[0]
    if row[0] is None:
        return None
    return row[0], row[1]


def drop_feature_tables(connection: duckdb.DuckDBPyConnection) -> None:
    for name in (
        "cw_caller_days",
        "cw_heavy_callers",
        "cw_costly_unanswered",
        "cw_parts",
        "cw_distinct",
        "cw_source_keys",
        "cw_sources",
        "cw_caller_ids",
        "cw_hist",
        "cw_minutes",
        "cw_peaks",
        "cw_weak_peaks",
        "cw_hist_day",
        "cw_day_peaks",
        "cw_day_weak_peaks",
        "cw_shared",
        "cw_shared_peaks",
        "cw_hist_period",
        "cw_period_peaks",
        "cw_siblings",
        "cw_period_sources",
        "cw_period_siblings",
        "cw_day_sources",
        "cw_day_siblings",
    ):
        connection.execute(f"drop table if exists {name}")


def register_table(
    connection: duckdb.DuckDBPyConnection,
    name: str,
    table: pa.Table,
    columns: Sequence[str],
    *,
    number_key: bool = False,
) -> None:
    """Register an Arrow table as a named relation with exactly ``columns``; with
    ``number_key``, also the key of its ``number`` column (:func:`text_number_key_sql`),
    computed once here: the scans join every call on it (cw_dno, cw_numbers: a provider's
    lists run to millions of numbers)."""
    connection.register(f"{name}_arrow", table)
    selected = ", ".join(
        [*columns, *([f"{text_number_key_sql('number')} as number_key"] if number_key else [])]
    )
    connection.execute(
        f"create or replace temp table {name} as select {selected} from {name}_arrow"
    )
    connection.unregister(f"{name}_arrow")
