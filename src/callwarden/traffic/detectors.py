"""Detectors: features of one entity in one window -> reasons -> score and severity.

Pure functions, no I/O. Each detector follows from how illegal robocalling works rather
than from one data set's constants:

* a robocall campaign dials lists (many distinct callees, often in number order), most
  calls go unanswered or are hung up on at once, and the answered ones hear the same
  recording (a narrow peak in the duration distribution);
* it hides who is calling (invalid, Do-Not-Originate or unassigned caller IDs, a caller ID
  per callee exchange, a pool rotated to dodge blocking);
* it has no consent from the people it calls and ignores calling hours.

The first kind of evidence describes *mass calling*, which is legal (reminders, alerts,
contact centres, surveys). Only the second and third are evidence of *illegality*, so
``high`` (mitigate now, formats.md section 5) needs them: volume alone never gets there.
docs/detectors.md lists every code with its threshold and rule.
"""

from __future__ import annotations

import difflib
import functools
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, replace
from enum import StrEnum
from typing import Any, NamedTuple, get_type_hints

import numpy as np

from callwarden.traffic.alerts import ReasonCode, Severity
from callwarden.traffic.features import (
    COMB_BAND,
    CONFIDENCE_Z,
    RECORDING_BAND_HALF_WIDTH,
    RISE_BELOW_WIDTH,
    RISE_CORE_HALF_WIDTH,
    SHORT_CALL_SECONDS,
    YOUNG_SIBLING_MIN_SHARE_BOUND,
    EntityFeatures,
    core_rises,
    near_quick_refusals,
)


@dataclass(frozen=True)
class Thresholds:
    """Where each reason starts. Volumes are per day; hourly windows scale them by 1/24."""

    #: below this many calls ratios are noise: only list evidence (DNO, RMD) applies
    min_calls: int = 30
    high_volume_calls: int = 20_000
    #: a dialer running at 5 calls per second or more
    high_volume_calls_per_minute: int = 300
    low_asr: float = 0.2
    short_calls_share: float = 0.4
    #: answered calls of >= 6 s in one 9-second duration band beyond its flanks' level
    prerecorded_share: float = 0.3
    #: a spike among fewer answered calls than this can be chance (a small sender's day)
    prerecorded_min_answered: int = 50
    #: ... or this share, when at most prerecorded_beyond_share of the answered calls last
    #: longer than the spike (a recording most hang up on during it), at
    #: prerecorded_ended_min_s or longer
    prerecorded_ended_share: float = 0.15
    prerecorded_beyond_share: float = 0.05
    prerecorded_ended_min_s: int = 20
    #: ... or prerecorded_ended_share, when the spikes pile: at least this share of the
    #: calls in their bands lies beyond what the flanks predict (both shares by their
    #: lower confidence bounds). A live mode bulges above its flanks by a tenth of its band
    #: at most; a message heard out piles its calls at its length, several times the calls
    #: either side, however many answered calls went to agents or voicemail instead;
    #: from prerecorded_pile_min_calls beyond the flanks (as carrier_spike_min_calls): a
    #: small business's 90 answered calls a day put 20 in two sparse bands by chance
    prerecorded_pile_share: float = 0.5
    prerecorded_pile_min_calls: int = 50
    #: a spike of at least this share (its lower bound) among an account's live calls is a
    #: recording when the answered calls at its length lack consent records beyond the
    #: account's other calls by prerecorded_list_gap_share (its lower bound): a message sent
    #: to another list than the account's customers
    prerecorded_list_share: float = 0.1
    prerecorded_list_gap_share: float = 0.3
    #: a window too thin to show a recording takes its account's over the period only when
    #: its own spike's share holds this much allowing for chance (its lower bound): two of
    #: five live calls landing at the message's length by chance are no sign of it
    prerecorded_period_window_share: float = 0.1
    #: below this many answered calls, answered-call shares are noise
    min_answered: int = 20
    fanout_callees: int = 5_000
    #: distinct numbers a line of consumer service (a person's or a household's phone:
    #: DeclaredUse.CONSUMER) reaches in a UTC day before it is a dialler's: a person calls
    #: a circle (a family plan's five lines reached 30-33 numbers a day at most in the
    #: wireless network), a burner line run by a dialler hundreds of strangers once each
    consumer_line_callees: int = 100
    #: callees whose 10-number block (all digits but the last) another callee shares
    sequential_share: float = 0.3
    #: ... and the blocks they hold this much fewer than callees spread at random over
    #: their exchanges would fill (dense local calling shares blocks by chance) ...
    sequential_clustering_share: float = 0.3
    #: ... or the callees this much of every number in their exchanges (a sweep)
    sequential_exchange_coverage_share: float = 0.5
    #: ... and the same within their 100-number blocks: fewer 10-number blocks than chance
    #: there (sequential_clustering_share), or this much of those blocks' numbers
    sequential_hundred_coverage_share: float = 0.5
    sequential_min_callees: int = 100
    neighbor_share: float = 0.2
    neighbor_min_caller_ids: int = 10
    #: an upstream provider's calls not A-attested presenting the callee's own NPA-NXX
    #: beyond what its A-attested calls predict (see unsigned_neighbors): this many calls
    #: beyond them, standing this many standard errors, among this many A-attested NANP
    #: calls or more to predict from
    unsigned_neighbor_min_calls: int = 50
    unsigned_neighbor_z: float = 5.0
    unsigned_neighbor_min_vouched: int = 200
    #: a one-ring scam: this share of the calls cancelled by the caller before an answer,
    #: at most one_ring_max_answered_share answered, each callee rung about once
    #: (one_ring_min_callee_share distinct callees per call), over one_ring_min_calls a day
    one_ring_cancelled_share: float = 0.8
    one_ring_max_answered_share: float = 0.01
    one_ring_min_callee_share: float = 0.9
    one_ring_min_calls: int = 100
    #: ... and the same of a number whose callbacks cost the callee (international,
    #: premium-rate, a foreign NANP country), over its UTC day, from this many calls: the
    #: scam's numbers are many and quiet, and the callback's cost is what it lives on
    one_ring_costly_number_min_calls: int = 30
    #: telephony denial of service: an account's calls to one number flood_callee_calls
    #: times or more in a window (a person is rung a few times a day at most, a debtor
    #: seven times a week under Regulation F), flood_min_calls or more such calls, this
    #: share of which carried nothing (answered for under SHORT_CALL_SECONDS, or busy): a
    #: line rung to be tied up, where a forwarded caller's leg rings out or is talked on
    flood_callee_calls: int = 20
    flood_min_calls: int = 100
    flood_silent_share: float = 0.8
    invalid_share: float = 0.02
    invalid_min_calls: int = 5
    dno_share: float = 0.005
    dno_min_calls: int = 3
    unassigned_share: float = 0.2
    #: an upstream provider's calls in a window presenting numbers the network's own
    #: customers hold, C-attested or unsigned
    own_number_min_calls: int = 50
    rotation_min_caller_ids: int = 50
    rotation_max_calls_per_caller_id: float = 20.0
    #: a rotating account whose callees each hear this many calling numbers or more (a
    #: tenth of its calls to a line another number already called), and this share of
    #: whose calls are answered, takes calls for them: a call-tracking or forwarding
    #: service passes on each caller's number to its clients' few lines, which answer
    forwarded_min_caller_ids_per_callee: float = 1.1
    forwarded_min_answered_share: float = 0.5
    #: an account's consent records this share of which (of this many or more) point to
    #: pages on other organisations' sites: consent gathered by lead generators
    consent_elsewhere_share: float = 0.5
    consent_elsewhere_min_records: int = 100
    #: an upstream provider's recording heard from a new calling number on nearly every
    #: answered call (at most this many calls per number, and rotation_min_caller_ids)
    recording_max_calls_per_caller_id: float = 1.5
    #: ... and, in an upstream provider's calls no provider vouched for, a spike too small
    #: a share of them to be a recording by itself counts when it holds this many calls
    #: (beyond its flanks) and a quarter or more of its band's answered calls, allowing for
    #: chance (carrier_spike_min_band_share, its lower bound): a message, not a bump in
    #: live talk times (a few per cent of its band). Whose numbers it comes from is told
    #: net of the live calls its flanks predict in its band (see _spike_numbers)
    carrier_spike_min_calls: int = 50
    carrier_spike_min_band_share: float = 0.25
    #: ... and a spike of every carrier's calls not A-attested pooled over a UTC day (one
    #: message split over carriers, see carries_shared_part) counts for a carrier whose
    #: part of it stands this many standard errors above its flanks over the day, with
    #: shared_min_carriers or more such carriers; an hour of it, when its own calls in the
    #: band stand shared_hour_part_z above their flanks. One-sided 99.99%: the pooled
    #: spike's band is placed where the pooled calls pile, the carrier's own among them,
    #: so its part is the fullest of the ten or so positions a message's blurred plateau
    #: (a voicemail greeting's spread) offers; at 3.0 a clean carrier's signed-B live
    #: calls at 40 s +-8 s beside another carrier's spoofed message stood 3.2-3.3 above
    #: their flanks (the evasive network, seeds 32 and 45: `high`)
    shared_part_z: float = 3.72
    shared_min_carriers: int = 2
    shared_hour_part_z: float = 1.0
    #: ... unless its A-attested calls pile there too, each from a number of its own, by
    #: shared_traffic_pile_z standard errors and at shared_traffic_pile_rate or more of the
    #: rate (calls beyond the flanks per call in them) its other calls pile at: a pile in
    #: all its traffic alike (a floor on talk times, a billing increment)
    shared_traffic_pile_z: float = 1.0
    shared_traffic_pile_rate: float = 0.25
    no_consent_share: float = 0.2
    outside_hours_share: float = 0.1
    outside_hours_min_calls: int = 10
    #: from this share on, calling outside the hours is the sender's practice
    outside_hours_practice_share: float = 0.3
    #: callees answering this share of a sender's calls or more expect them: its calls
    #: outside the hours to numbers without consent records are no evident solicitations
    #: (cold calls, live or recorded, are answered on 10-35% of calls)
    expected_calls_answered_share: float = 0.6
    weak_attestation_share: float = 0.5
    surge_factor: float = 5.0
    surge_min_calls: int = 1_000
    new_account_days: int = 30


DEFAULT_THRESHOLDS = Thresholds()

#: thresholds that are shares (of calls, answered calls or callees): above 0, at most 1
THRESHOLD_SHARES = frozenset(
    {field.name for field in fields(Thresholds) if field.name.endswith("_share")} | {"low_asr"}
)
#: thresholds that count calls, callees, caller IDs or days: whole numbers
THRESHOLD_COUNTS = frozenset(
    name for name, kind in get_type_hints(Thresholds).items() if kind is int
)


def thresholds_with(
    changes: Mapping[str, object], base: Thresholds = DEFAULT_THRESHOLDS
) -> Thresholds:
    """``base`` with the thresholds named in ``changes`` set to their values (what
    ``callwarden analyze --thresholds`` reads, formats.md section 8).

    Each name must be a field of :class:`Thresholds`. A count takes a whole number, 0 or
    more; a share a number above 0 and at most 1 (a share of 0 would fire on every
    sender); any other (a rate, a factor) a finite number above 0. Raises ValueError
    naming every entry that is not, so one run of the file shows them all."""
    names = [field.name for field in fields(Thresholds)]
    problems: list[str] = []
    # each checked against its field's kind above; replace() cannot see that
    values: dict[str, Any] = {}
    for name, value in changes.items():
        if name not in names:
            close = difflib.get_close_matches(name, names, n=1)
            hint = f" (did you mean {close[0]}?)" if close else ""
            problems.append(f"{name}: no such threshold{hint}")
        elif isinstance(value, bool) or not isinstance(value, int | float):
            problems.append(f"{name}: {value!r} is not a number")
        elif name in THRESHOLD_COUNTS:
            if not isinstance(value, int) or value < 0:
                problems.append(f"{name}: {value!r} is not a whole number, 0 or more")
            else:
                values[name] = value
        elif not math.isfinite(value) or value <= 0:
            problems.append(f"{name}: {value!r} is not a finite number above 0")
        elif name in THRESHOLD_SHARES and value > 1:
            problems.append(f"{name}: {value!r} is a share, at most 1")
        else:
            values[name] = float(value)
    if problems:
        raise ValueError("; ".join(problems))
    return replace(base, **values)


class Evidence(StrEnum):
    """How much a reason says about legality."""

    #: mass-calling shape, legal by itself
    PATTERN = "pattern"
    #: suggests a rule is broken, but has innocent explanations (needs a second witness)
    SUSPECT = "suspect"
    #: a rule is broken on its face: mitigate now
    ILLEGAL = "illegal"


@dataclass(frozen=True)
class Finding:
    code: ReasonCode
    detail: str
    value: float
    threshold: float
    evidence: Evidence
    #: the FLAGS name whose sample call id illustrates this finding
    sample_flag: str | None = None
    #: illegal on its face by what it rests on, needing no second witness (see
    #: SELF_EVIDENT for the reasons that always are)
    self_evident: bool = False


@dataclass(frozen=True)
class EntityContext:
    """What the provider knows about the entity beyond its calls (KYC, lists, history)."""

    kind: str | None = None
    kyc_status: str | None = None
    declared_use: str | None = None
    account_age_days: float | None = None
    #: None: not checked (no RMD export given, or not an upstream provider)
    in_rmd: bool | None = None
    tracebacks: int = 0
    #: median calls of the entity's earlier windows; None without history
    baseline_calls: float | None = None
    #: caller IDs only: whether the number is granted to the account it comes through (or
    #: that account's parent); None without a numbers list or when the list holds no
    #: number of that account (it does not cover the account)
    number_granted: bool | None = None
    #: the share of the account's answered calls to numbers without consent records, over
    #: the UTC day of the window (a caller ID: the account it comes through; a customer or
    #: sub-account: itself); None when the day has too few answered calls to tell
    account_no_consent_share: float | None = None
    #: the share of the entity's calls outside calling hours over the UTC day of the
    #: window: whether night calling is its practice (an hour at the edge of the calling
    #: hours is all outside by construction); None when not known
    day_outside_hours_share: float | None = None
    #: whether the answered calls of the entity's UTC day show a recording's spike (see
    #: recording_spike): an hour of a small sender holds too few of them to tell; None
    #: when not known
    day_prerecorded: bool | None = None
    #: an originating account (customer, sub-account) analysed without any consent
    #: records: whether its callees consented could not be asked
    consent_unchecked: bool = False
    #: where the account's own consent records say its callees agreed; None when its own
    #: site is not known (no contact address, or a free mailbox) or it holds no records
    consent_sources: ConsentSources | None = None
    #: an account of consumer service (DeclaredUse.CONSUMER), or a caller ID of one: the
    #: distinct numbers its calling lines reached over the window's UTC day, per line (its
    #: day's distinct callees over its caller IDs); None otherwise, or not counted
    line_day_callees: float | None = None


@dataclass(frozen=True)
class ConsentSources:
    """Where an account's consent records were gathered, by their evidence's web address
    (formats.md section 3), against the account's own site (its contact address's)."""

    records: int
    #: records whose evidence is a page on another organisation's site
    elsewhere: int
    #: those sites, the most records first (up to three)
    sites: tuple[str, ...] = ()

    @property
    def elsewhere_share(self) -> float:
        return _share(self.elsewhere, self.records)


@dataclass(frozen=True)
class Assessment:
    score: int
    severity: Severity
    findings: tuple[Finding, ...]
    notes: tuple[str, ...] = ()


class DeclaredUse(StrEnum):
    EMERGENCY = "emergency"
    HEALTHCARE = "healthcare"
    INFORMATIONAL = "informational"
    TELEMARKETING = "telemarketing"
    #: political, electoral or tax-exempt nonprofit calling: no telephone solicitation
    #: (47 CFR 64.1200(f)(15)), and its prerecorded calls to residential lines need no
    #: consent (64.1200(a)(3)(ii)-(iv)), where those to wireless numbers do
    NONCOMMERCIAL = "noncommercial"
    #: a person's or a household's own phone service (a retail line, a family plan), not a
    #: business's: its calls are a person's, to a circle
    CONSUMER = "consumer"
    OTHER = "other"


#: 47 CFR 64.1200(f)(4): calls "made necessary in any situation affecting the health and
#: safety of consumers"; the FCC's 2016 ruling on school callers (FCC 16-88) names weather
#: closures, fire, health risks and threats among them.
_EMERGENCY_WORDS = (
    "emergency",
    "public safety",
    "evacuat",
    "outage",
    "amber alert",
    "missing child",
    # not "weather" alone: "weatherization sales" is telemarketing
    "severe weather",
    "weather alert",
    "weather closure",
    "weather warning",
    "tornado",
    "hurricane",
    "wildfire",
    "flood warning",
    "flash flood",
    "tsunami",
    "earthquake",
    "school closing",
    "school closure",
    "lockdown",
    "shelter in place",
    "shelter-in-place",
    "boil water",
    "gas leak",
    "hazmat",
    "hazardous material",
    "health risk",
)
#: "911" as a word ("reverse 911 alerts"), not inside a phone number ("1-800-555-9110")
_NINE_ONE_ONE = re.compile(r"(?<!\d)(?<!\d-)911(?!\d|-\d)")
_INFORMATIONAL_WORDS = (
    "reminder",
    "notification",
    "notice",
    "alert",
    "appointment",
    "pharmacy",
    "delivery",
    "verification",
    "two-factor",
    "otp",
)
#: A person's or a household's phone service, as a provider's onboarding records say it:
#: "prepaid wireless (consumer)", "residential line", "family plan". Read after every
#: business purpose, and only as the service: "consumer debt collection" or "calls to
#: consumers" name a business's callees, not its line.
_CONSUMER_SERVICE = re.compile(
    r"\((?:consumer|residential|personal)\)"
    r"|\b(?:consumer|residential|personal|household|family)\s+"
    r"(?:line|phone|telephone|wireless|mobile|cellular|landline|voice|service|plan|account)s?\b"
)
#: A package delivery company's notices to a package's recipient, free to the callee: the
#: FCC exempts them from prior express consent on wireless numbers (FCC 14-32, the Cargo
#: Airline Association order, under 47 USC 227(b)(2)(C)), on conditions. "package",
#: "parcel" or "shipment" as words: a retailer's or a fuel dealer's own delivery
#: scheduling is not a delivery company's (its customer gave it the number).
_PACKAGE_DELIVERY = re.compile(r"\b(?:packages?|parcels?|shipments?)\b")
#: FCC 14-32's conditions that call records can show: a voice notice lasts a minute or
#: less, and a package gets one notice (two when a signature is needed)
_DELIVERY_NOTICE_LONGEST_S = 60
_DELIVERY_NOTICES_PER_CALLEE = 2
#: A maker's safety recall notices to the owners of what it recalls: the law makes it notify
#: them (49 USC 30118-30119 for vehicles), and an owner who gave it or its dealer a number
#: with the product consented to calls about it (FCC 92-443 para. 31; the ACA International
#: ruling, FCC 07-232), records a carrier seldom holds
_SAFETY_RECALL = re.compile(
    r"\b(?:safety|vehicle|product|auto(?:motive)?)\s+(?:safety\s+)?recalls?\b"
)
#: A seller's words, as words: "leads" and "lead generation", not "pleadings", "leadership"
#: or "misleading"; "solicitation", not a firm of solicitors (lawyers); "sales", not
#: "presales" support. "marketing" stays a substring: telemarketing and remarketing sell too.
_TELEMARKETING = re.compile(
    r"\bsales(?:people|person|m[ae]n|wom[ae]n)?\b|marketing|\bleads?\b|\blead[- ]?gen"
    r"|telemarket|\bsolicit(?!or)|\bpromot"
)
#: An office's or a business's phones with the departments they serve in brackets
#: ("office phones (sales, buyers, shipping)"): the departments name who answers and
#: calls on the lines, not a calling purpose, so a sales desk among them makes no seller
_OFFICE_DEPARTMENTS = re.compile(r"\b(?:office|business|desk)\s+(?:phones?|lines?)\s*\([^)]*\)")
#: An insurance agency, agent or broker calls to sell policies: its calls are telemarketing
#: (47 CFR 64.1200(f)(13): calls "for the purpose of encouraging the purchase" of goods or
#: services). In the singular only: a platform "for insurance agents" serves sellers and
#: sells them nothing by phone.
_INSURANCE_SELLER = re.compile(r"\binsurance (?:agency|agent|broker|brokerage)\b")
#: Political and electoral calling (a party, a candidate, a PAC, voter contact, an
#: election office) and tax-exempt nonprofits'. Words, not substrings: "third-party debt
#: collection" names no party, "impact" no PAC.
_NONCOMMERCIAL = re.compile(
    r"\bpolitic|\bcandidate|\bgotv\b|\bget[- ]out[- ]the[- ]vote|\bvoters?\b|\belection"
    r"|\b(?:state|county|political) party\b|\bparty committee|\bpacs?\b"
    r"|political action committee|\bphone bank|\bcaucus|\bnon-?profit|\b501\(c\)\(3\)"
    r"|\bcharit"
)
#: A healthcare provider's calls to its own patients (FCC 15-72, the AAHAM ruling: a patient
#: who gives a provider a number consents to its healthcare calls; 47 CFR 64.1200(a)(2)).
#: Not insurance, benefits, Medicare, medical alert devices nor "appointments" alone (a
#: home-improvement robocaller books those): those are what health-care robocalls sell.
_HEALTHCARE_WORDS = (
    "patient",
    "prescription",
    "pharmacy",
    "refill",
    "clinic",
    "hospital",
    "medical group",
    "medical center",
    "medical office",
    "medical practice",
    "dental",
    "lab result",
    "healthcare provider",
    "health system",
)


# Cached: it runs for every entity-window and a network has few distinct declarations.
@functools.lru_cache(maxsize=4096)
def classify_declared_use(text: str | None) -> DeclaredUse:
    """Sort onboarding free text into what the TCPA treats differently."""
    lowered = (text or "").lower()
    if any(word in lowered for word in _EMERGENCY_WORDS) or _NINE_ONE_ONE.search(lowered):
        return DeclaredUse.EMERGENCY
    purpose = _OFFICE_DEPARTMENTS.sub(" ", lowered)
    if _TELEMARKETING.search(purpose) or _INSURANCE_SELLER.search(purpose):
        return DeclaredUse.TELEMARKETING
    if _NONCOMMERCIAL.search(lowered):
        return DeclaredUse.NONCOMMERCIAL
    if any(word in lowered for word in _HEALTHCARE_WORDS):
        return DeclaredUse.HEALTHCARE
    if any(word in lowered for word in _INFORMATIONAL_WORDS):
        return DeclaredUse.INFORMATIONAL
    if _CONSUMER_SERVICE.search(lowered):
        return DeclaredUse.CONSUMER
    return DeclaredUse.OTHER


_WEIGHTS: dict[ReasonCode, float] = {
    ReasonCode.HIGH_VOLUME: 0.10,
    ReasonCode.VOLUME_SURGE: 0.10,
    ReasonCode.LOW_ASR: 0.15,
    ReasonCode.SHORT_CALLS: 0.15,
    ReasonCode.PRERECORDED_PATTERN: 0.15,
    ReasonCode.HIGH_FANOUT: 0.10,
    ReasonCode.SEQUENTIAL_DIALING: 0.30,
    ReasonCode.NEIGHBOR_SPOOFING: 0.60,
    ReasonCode.INVALID_CALLER_ID: 0.55,
    ReasonCode.DNO_CALLER_ID: 0.65,
    ReasonCode.UNASSIGNED_CALLER_ID: 0.35,
    ReasonCode.CALLER_ID_ROTATION: 0.25,
    ReasonCode.NO_CONSENT_WIRELESS: 0.35,
    ReasonCode.OUTSIDE_CALLING_HOURS: 0.30,
    ReasonCode.UNSIGNED_OR_C_ATTESTED: 0.05,
    ReasonCode.NOT_IN_RMD: 0.80,
    ReasonCode.TRACEBACK_HISTORY: 0.35,
    ReasonCode.NEW_OR_UNVERIFIED_ACCOUNT: 0.10,
    ReasonCode.ONE_RING_SCAM: 0.45,
    ReasonCode.REPEATED_CALLS: 0.50,
}


#: KYC statuses that make an account unverified (NEW_OR_UNVERIFIED_ACCOUNT)
UNVERIFIED_KYC = frozenset({"failed", "pending"})


#: illegal on their face without a second witness (the number or the carrier itself is
#: the breach: 47 CFR 64.1200(k)(1)-(3), 47 USC 227(e), 47 CFR 64.6305(g))
SELF_EVIDENT = frozenset(
    {
        ReasonCode.DNO_CALLER_ID,
        ReasonCode.INVALID_CALLER_ID,
        ReasonCode.NEIGHBOR_SPOOFING,
        ReasonCode.NOT_IN_RMD,
    }
)
#: the shapes of automated calling (a recording, a hit list, a rotated pool of numbers)
_AUTOMATED = frozenset(
    {ReasonCode.PRERECORDED_PATTERN, ReasonCode.SEQUENTIAL_DIALING, ReasonCode.CALLER_ID_ROTATION}
)
#: the calls that need prior express consent: a recording or an autodialler's hit list
_ROBOCALL_SHAPES = frozenset({ReasonCode.PRERECORDED_PATTERN, ReasonCode.SEQUENTIAL_DIALING})
#: the calling number itself forbidden, invalid or spoofed
_CALLER_ID_ABUSE = frozenset(
    {ReasonCode.DNO_CALLER_ID, ReasonCode.INVALID_CALLER_ID, ReasonCode.NEIGHBOR_SPOOFING}
)
#: reasons that cannot witness a reason because they state the fact it rests on: night
#: calls are solicitations (47 CFR 64.1200(c)(1), (f)(15)) when their callees have no
#: consent records, so the missing records are no second witness of them (a radio
#: station ringing contest entrants back at 7 am from its own line, live, is a compliance
#: question for an analyst, not a source to block), unless the account declares sales
_SAME_FACT: dict[ReasonCode, frozenset[ReasonCode]] = {
    ReasonCode.OUTSIDE_CALLING_HOURS: frozenset({ReasonCode.NO_CONSENT_WIRELESS}),
    # a one-ring scam answers nothing by definition: its low answer rate is no witness
    ReasonCode.ONE_RING_SCAM: frozenset({ReasonCode.LOW_ASR}),
}
#: the calling number not the account's own to present: forbidden, invalid, spoofed, not
#: granted to it, or rotated over a pool
_NOT_ITS_OWN_NUMBERS = _CALLER_ID_ABUSE | {
    ReasonCode.UNASSIGNED_CALLER_ID,
    ReasonCode.CALLER_ID_ROTATION,
}
#: say how big or how new a source is, nothing about what its calls are
_CONTEXT_ONLY = frozenset(
    {
        ReasonCode.HIGH_VOLUME,
        ReasonCode.VOLUME_SURGE,
        ReasonCode.HIGH_FANOUT,
        ReasonCode.NEW_OR_UNVERIFIED_ACCOUNT,
        ReasonCode.UNSIGNED_OR_C_ATTESTED,
    }
)


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _lower_bound(share: float, n: int, z: float = CONFIDENCE_Z) -> float:
    """One-sided lower confidence bound of a share observed among ``n`` (normal
    approximation of the binomial: share - ``z`` standard errors; CONFIDENCE_Z: 95%)."""
    if n <= 0:
        return 0.0
    # counts from approximate sketches can put a share a little past 1
    variance = max(0.0, share * (1 - share))
    return max(0.0, share - z * math.sqrt(variance / n))


def _upper_bound(share: float, n: int, z: float = CONFIDENCE_Z) -> float:
    """One-sided upper confidence bound of a share observed among ``n`` (as
    :func:`_lower_bound`; 1.0 when nothing was observed)."""
    if n <= 0:
        return 1.0
    variance = max(0.0, share * (1 - share))
    return min(1.0, share + z * math.sqrt(variance / n))


def _upper_bounds(part: np.ndarray, whole: np.ndarray, least: float) -> np.ndarray:
    """Per element: whether :func:`_upper_bound` of ``part / whole`` reaches ``least``
    (computed the same way, over arrays)."""
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(whole > 0, part / np.maximum(whole, 1), 0.0)
        variance = np.maximum(0.0, share * (1 - share))
        bound = np.where(
            whole > 0,
            np.minimum(1.0, share + CONFIDENCE_Z * np.sqrt(variance / np.maximum(whole, 1))),
            1.0,
        )
    found: np.ndarray = bound >= least
    return found


#: one-sided 99.9%: a window's share against its day's, one of the day's many windows
_STRICT_Z = 3.09
#: one-sided 99.99%: an hour's spike by the quick refusals against its day's share there.
#: The hour's spike is the fullest of the lengths searched (some ten band positions reach
#: the refusals) in one of the day's two dozen hours: some 250 chances a day, at 99.9%
#: each a quarter of the days would see one
_HOUR_AGAINST_DAY_Z = 3.72


def _pct(value: float) -> str:
    return f"{value:.0%}"


def recording_spike(
    peak_calls: int, long_answered: int, thresholds: Thresholds = DEFAULT_THRESHOLDS
) -> tuple[float, float, bool]:
    """The share of answered calls (of 6 s or more) in the duration spike, its lower
    confidence bound, and whether that is a recording played to the end.

    Among a few dozen answered calls the busiest band stands out by chance: the spike
    counts when even the lower confidence bound of its share crosses the threshold (a
    recording's spike among thousands of calls is unaffected)."""
    t = thresholds
    share = _share(peak_calls, long_answered)
    bound = _lower_bound(share, long_answered)
    return (
        share,
        bound,
        long_answered >= t.prerecorded_min_answered and bound >= t.prerecorded_share,
    )


#: 10-number blocks in an exchange (NPA NXX: 10,000 line numbers) and in a 100-number block
BLOCKS_PER_EXCHANGE = 1000
BLOCKS_PER_HUNDRED = 10


def callee_clustering(
    callees: int, blocks: int, containers: int, blocks_per_container: int = BLOCKS_PER_EXCHANGE
) -> tuple[float, float]:
    """How much fewer 10-number blocks the callees hold than chance, and how much of their
    containers' numbers they are: (1 - blocks / the blocks as many callees spread at random
    over their ``containers`` would fill, callees / the containers' numbers). A container
    is an exchange (NPA NXX) or a 100-number block, of ``blocks_per_container`` blocks.

    A caller whose customers live in a few exchanges shares blocks by chance (3,000
    callees in 3 exchanges: 37% share a block), and so does a survey drawing at random
    within a few hundred 100-number blocks (list-assisted sampling); a dialler working
    down a range fills far fewer blocks than chance, or sweeps whole exchanges or 100-number
    blocks. Without the containers (0) the blocks are judged alone: (1.0, 0.0)."""
    if not containers or not callees:
        return 1.0, 0.0
    # the estimates are HyperLogLog counts: a container holds at least one callee
    numbers = min(containers, callees) * blocks_per_container
    by_chance = numbers * -math.expm1(-callees / numbers)
    return max(0.0, 1 - blocks / by_chance), callees / (numbers * 10)


def _ended_recording(f: EntityFeatures, t: Thresholds) -> tuple[float, float] | None:
    """A window's spike too small to be a recording by its share alone, but with almost no
    answered call lasting longer: the lower bound of its share and the share beyond it.

    Most answerers hang up on a long message before its end, evenly through it, so the
    heard-out calls may be under a third of the answered; yet nobody talks on past a
    recording (only voicemail greetings and transfers to agents do), while live talk
    times run on in a long tail past any mode."""
    return _ended_spike(
        f.peak_duration_calls, f.long_answered, f.peak_duration_s, f.peak_beyond_calls, t
    )


class _Pile(NamedTuple):
    """A window's spikes that pile (:func:`_piled_recording`): the lower bounds of their
    share of the answered calls and of their excess's share of the calls in their bands,
    and the spikes' figures that piled."""

    share_bound: float
    pile_bound: float
    calls: int
    band_total: int
    lengths: tuple[int, ...]
    band_s: int


def _piled_recording(f: EntityFeatures, t: Thresholds) -> _Pile | None:
    """A window's spikes too small to be a recording by their share of the answered calls
    alone, but piled (:func:`_piled_spike`). A dialler putting a third of its answered
    calls through to agents, whose message the rest hang up on or hear on voicemail, holds
    under 30% of them in its spike, ten times the calls either side (the evasive network's
    live-agent mix). Only clear of the quick refusals: a band at the edge of a plateau of
    hang-ups (a volunteer phone bank's 3-15 s) has an empty flank beyond the cliff and
    piles by its shape alone.

    Or its comb's teeth (``comb_*``: narrow spikes, see features.COMB_BAND) pile so: five
    or six versions of one message a few seconds apart each have the next in their bands'
    flanks, which cancel them (the evasive network's rotating pitch held 16-21% of its
    answered calls in its spikes and their excess was a third of their bands' calls),
    while each version's calls heard to the end pile within a second or so of its length."""
    return _pile_of(
        f.long_answered,
        (
            f.peak_duration_calls,
            _spike_lengths(f.peak_durations_s, f.peak_duration_s),
            _band(f.peak_duration_band_s),
            f.peak_band_total,
        ),
        (f.comb_duration_calls, f.comb_durations_s, COMB_BAND.half_width, f.comb_band_total),
        t=t,
    )


def _pile_of(
    long_answered: int, *spikes: tuple[int, tuple[int, ...], int, int | None], t: Thresholds
) -> _Pile | None:
    """:func:`_piled_recording` of one histogram's figures: the first of ``spikes`` (its
    spikes', then its comb's: calls beyond their flanks, lengths largest first, the band's
    half-width and all the calls in the bands) that piles."""
    for calls, lengths, half, total in spikes:
        if not lengths:
            continue
        piled = _piled_spike(calls, long_answered, lengths[0], half, total, t=t)
        if piled is not None:
            return _Pile(*piled, calls, total or 0, lengths, half)
    return None


def _pile_text(pile: _Pile) -> str:
    """The pile's calls beyond their flanks among their bands' calls, for a reason's
    detail."""
    return (
        f", {pile.calls:,} of the {pile.band_total:,} calls in "
        f"{'their bands' if len(pile.lengths) > 1 else 'its band'} (at least "
        f"{_pct(pile.pile_bound)} allowing for chance) beyond what the lengths either side "
        "predict"
    )


def _piled_spike(
    peak_calls: int,
    long_answered: int,
    centre_s: int | None,
    band_s: int | None,
    band_total: int | None,
    *,
    t: Thresholds,
) -> tuple[float, float] | None:
    """:func:`_piled_recording` of one spike's figures."""
    if (
        band_total is None
        or centre_s is None
        or long_answered < t.prerecorded_min_answered
        or peak_calls < t.prerecorded_pile_min_calls
        or near_quick_refusals(centre_s, _band(band_s))
    ):
        return None
    share_bound = _lower_bound(_share(peak_calls, long_answered), long_answered)
    pile_bound = _lower_bound(_share(peak_calls, band_total), band_total)
    if share_bound >= t.prerecorded_ended_share and pile_bound >= t.prerecorded_pile_share:
        return share_bound, pile_bound
    return None


def _ended_spike(
    peak_calls: int,
    long_answered: int,
    centre_s: int | None,
    beyond_calls: int | None,
    t: Thresholds,
) -> tuple[float, float] | None:
    """:func:`_ended_recording` of one spike's figures."""
    if (
        beyond_calls is None
        or centre_s is None
        or centre_s < t.prerecorded_ended_min_s
        or long_answered < t.prerecorded_min_answered
    ):
        return None
    share = _share(peak_calls, long_answered)
    bound = _lower_bound(share, long_answered)
    beyond = _share(beyond_calls, long_answered)
    if bound >= t.prerecorded_ended_share and beyond <= t.prerecorded_beyond_share:
        return bound, beyond
    return None


class SpikeRecording(NamedTuple):
    """Spike figures that are a recording (:func:`spike_recording`)."""

    #: the lower bound of the spikes' share of the answered calls, and the threshold it
    #: crossed
    bound: float
    threshold: float
    #: the calls the verdict counted in its spikes (the spikes' or the comb's teeth's)
    calls: int
    #: what they form, for a reason's detail ("a spike at 40 s +-4 s and only 3% last
    #: longer")
    form: str


def spike_recording(
    *,
    peak_calls: int,
    long_answered: int,
    centre_s: int | None,
    band_s: int | None,
    beyond_calls: int | None,
    band_total: int | None,
    comb_calls: int = 0,
    comb_centres_s: tuple[int, ...] = (),
    comb_band_total: int | None = None,
    t: Thresholds = DEFAULT_THRESHOLDS,
) -> SpikeRecording | None:
    """Whether one histogram's spike figures (a window's, or its UTC day's) are a
    recording, in the ways a window's own spikes are judged by :func:`detect`: by their
    share of the answered calls (:func:`recording_spike`), by their end
    (:func:`_ended_recording`), or by their pile or their comb's (:func:`_piled_recording`;
    a band total None: not known). None when they are no recording."""
    _, bound, spike = recording_spike(peak_calls, long_answered, t)
    main = f"a spike at {centre_s} s +-{_band(band_s)} s"
    if spike:
        return SpikeRecording(bound, t.prerecorded_share, peak_calls, main)
    ended = _ended_spike(peak_calls, long_answered, centre_s, beyond_calls, t)
    if ended is not None:
        return SpikeRecording(
            ended[0],
            t.prerecorded_ended_share,
            peak_calls,
            f"{main} and only {_pct(ended[1])} last longer",
        )
    spikes = (peak_calls, () if centre_s is None else (centre_s,), _band(band_s), band_total)
    comb = (comb_calls, comb_centres_s, COMB_BAND.half_width, comb_band_total)
    pile = _pile_of(long_answered, spikes, comb, t=t)
    if pile is None:
        return None
    # the spikes' pile is named as their share is, the comb's by its teeth (its band is
    # narrower than any spike band)
    comb_piled = pile.band_s == COMB_BAND.half_width
    form = _spikes_text(pile.lengths, pile.band_s) if comb_piled else main
    return SpikeRecording(
        pile.share_bound, t.prerecorded_ended_share, pile.calls, form + _pile_text(pile)
    )


def _recording_of(
    f: EntityFeatures, part: str, calls_named: str, t: Thresholds
) -> tuple[float, float, str] | None:
    """The spikes an entity's features hold for a part of its answered calls
    (``calls_named``) that are a recording (:func:`spike_recording`): ``part`` "weak" (an
    upstream provider's calls not A-attested) or "day" (the window's UTC day), read from
    the fields named ``<part>_peak_...`` (and, for the day, ``<part>_comb_...``). The
    share's lower bound, the threshold it crossed and what it is, for a PRERECORDED_PATTERN
    finding; None when it is no recording."""
    long_answered = getattr(f, f"{part}_long_answered")
    found = spike_recording(
        peak_calls=getattr(f, f"{part}_peak_duration_calls"),
        long_answered=long_answered,
        centre_s=getattr(f, f"{part}_peak_duration_s"),
        band_s=getattr(f, f"{part}_peak_duration_band_s"),
        beyond_calls=getattr(f, f"{part}_peak_beyond_calls"),
        # the pile's bands are counted for the day's spikes, not for the weak calls'
        band_total=getattr(f, f"{part}_peak_band_total", None),
        comb_calls=getattr(f, f"{part}_comb_duration_calls", 0),
        comb_centres_s=getattr(f, f"{part}_comb_durations_s", ()),
        comb_band_total=getattr(f, f"{part}_comb_band_total", None),
        t=t,
    )
    if found is None:
        return None
    return (
        found.bound,
        found.threshold,
        f"{_pct(_share(found.calls, long_answered))} of {calls_named} ({long_answered:,} "
        f"answered calls of {SHORT_CALL_SECONDS} s or more; at least {_pct(found.bound)} "
        f"allowing for chance) form {found.form}",
    )


def _spike_lengths(centres: tuple[int, ...], main: int | None) -> tuple[int, ...]:
    """The lengths an entity's counted spikes are at, largest spike first (its main
    spike's alone when none are listed)."""
    return centres or ((main,) if main is not None else ())


def _band(band_s: int | None) -> int:
    """A spike's band half-width (the narrowest when not known)."""
    return RECORDING_BAND_HALF_WIDTH if band_s is None else band_s


def _spikes_text(lengths: tuple[int, ...], band_s: int | None) -> str:
    """What the spikes at ``lengths`` (in bands of ``band_s`` either side) are, for a
    reason's detail."""
    if not lengths:
        return "a spike (one recording played to the end)"
    if len(lengths) == 1:
        return f"a spike at {lengths[0]} s +-{_band(band_s)} s (one recording played to the end)"
    named = [f"{length} s" for length in lengths]
    listed = ", ".join(named[:-1]) + f" and {named[-1]}"
    return f"spikes at {listed} +-{_band(band_s)} s (recordings played to the end)"


def _without_a_chance_short_spike(
    f: EntityFeatures, t: Thresholds = DEFAULT_THRESHOLDS
) -> EntityFeatures:
    """An hour's features without its spike when that spike is by the quick refusals
    (see features.near_quick_refusals) and its UTC day does not bear it out: a plateau or
    hump of hang-ups that the day, holding many hours' calls, shows not to rise can still
    rise in one thin hour by chance (a survey's hour of 127 answered calls did). A message
    played in the hour piles up in its day too: the day's main spike is at its length.

    And where the day's spike is at its length but no recording (a phone bank's refusals
    humped around 12 s, 28% of the day's answered calls), the hour's counts only when
    its share stands above the day's beyond chance, at the strict bound of one window
    among the day's many at the fullest of the lengths searched (_HOUR_AGAINST_DAY_Z):
    the busiest of a day's thin hours crosses the threshold by chance (an independent
    probe's phone bank did, 41% of 58 calls in one hour of 75; a synth live survey's hour,
    39% of 82 at the end of its early hang-ups' plateau against its day's 19%), while a
    message played for an hour of live calls stands far above its day."""
    centre, band = f.peak_duration_s, _band(f.peak_duration_band_s)
    if f.peak_duration_calls <= 0 or centre is None or not near_quick_refusals(centre, band):
        return f
    if _spike_at_days_length(f):
        day_share, _, day_recording = recording_spike(
            f.day_peak_duration_calls, f.day_long_answered, t
        )
        hour_share = _share(f.peak_duration_calls, f.long_answered)
        hour_bound = _lower_bound(hour_share, f.long_answered, _HOUR_AGAINST_DAY_Z)
        if day_recording or hour_bound > day_share:
            return f
    return replace(f, peak_duration_calls=0, peak_durations_s=(), peak_beyond_calls=None)


#: a carrier's spike in its calls not A-attested is theirs alone when its spike in all its
#: calls at that length holds under this many times its calls (the A-signed calls add
#: under a quarter)
CARRIER_SPIKE_ALL_CALLS_FACTOR = 1.25


def _carrier_spike(
    f: EntityFeatures, t: Thresholds, over: str = ""
) -> tuple[float, float, str] | None:
    """An upstream provider's spike in its calls not A-attested that is too small a share
    of them to be a recording by itself (a spoofed message among a transit carrier's
    person-to-person calls, heard out by a third of those who answer) but stands out
    alone: carrier_spike_min_calls beyond its flanks and a quarter or more of the answered
    calls in its band (the share's lower bound), piled at its length. A bump in live talk
    times is a few per cent of its band; a message a few per cent of a carrier's answered
    calls, among as many live calls at its length, is a third of it. As the value of a
    PRERECORDED_PATTERN finding: the spike's share of its band, against that threshold.
    ``over`` "day_": the window's UTC day's figures (the fields ``day_weak_...``)."""

    def figure(name: str) -> Any:
        return getattr(f, over + name)

    peak, band = figure("weak_peak_duration_calls"), figure("weak_band_answered")
    centre, width = figure("weak_peak_duration_s"), _band(figure("weak_peak_duration_band_s"))
    if peak < t.carrier_spike_min_calls or not band or centre is None:
        return None
    share = peak / band
    # The spike is where its band's calls stand furthest beyond its flanks, the fullest of
    # the lengths searched, so a chance bump in live talk times or on a plateau of early
    # hang-ups is picked at its highest: a quarter of the band must hold allowing for
    # chance (a legitimate carrier's day, 51 calls beyond its flanks among 204 at 19 s in
    # the synth network, seed 10 at scale 0.1, was `high`, daily and hourly).
    bound = _lower_bound(share, band)
    # read against the carrier's A-attested calls at the same lengths (features.
    # contrast_peaks), the spike is none of the ordinary callers' refusals or floors
    contrast = bool(figure("weak_peak_contrast"))
    # by the quick refusals a small spike is as likely their cliff's edge as a message
    if bound < t.carrier_spike_min_band_share or (
        near_quick_refusals(centre, width) and not contrast
    ):
        return None
    # hidden in the calls no provider vouched for, not in all of them: a pile at one
    # length across the carrier's A-signed calls too is its traffic's (a minimum billed
    # duration, say), not one sender's message
    # a message piles at its length, rising above what lies on either side of it: a hump
    # of live talk times, or a chance bump by the cliff where a plateau of hang-ups ends,
    # stands out of its flanks' mean without (a legitimate carrier's 63 calls at 19 s in
    # the synth network)
    core = figure("weak_core_answered")
    sides = (figure("weak_under_core_answered"), figure("weak_over_core_answered"))
    if not all(core_rises(core, side) for side in sides):
        return None
    all_centre = figure("peak_duration_s")
    at_its_length = all_centre is not None and abs(all_centre - centre) <= width
    if (
        at_its_length
        and not contrast
        and figure("peak_duration_calls") >= CARRIER_SPIKE_ALL_CALLS_FACTOR * peak
    ):
        return None
    return (
        share,
        t.carrier_spike_min_band_share,
        f"{peak:,} answered calls not A-attested form a spike at {centre} s +-{width} s, "
        f"{_pct(share)} of those in its band (at least {_pct(bound)} allowing for chance)"
        + (
            " beyond what the carrier's A-attested calls there predict (where those pile, "
            "its ordinary callers' refusals and floors are)"
            if contrast
            else ""
        )
        + f", piled in {2 * RISE_CORE_HALF_WIDTH + 1} s "
        f"({core:,} calls against {sides[0]:,} and {sides[1]:,} in the {RISE_BELOW_WIDTH} s "
        "under and over them: one recording among other calls)",
    )


def spike_own_numbers(f: EntityFeatures, spike: str) -> tuple[float, float]:
    """The answered calls of an upstream provider's spike in its calls not A-attested
    (``spike`` "weak", "day_weak" for its UTC day's, "shared" for its part of the day's
    spike pooled over carriers, "shared_carriers" for the parts of every carrier carrying
    one) and the calling numbers they came from, net of the live calls its flanks predict
    in its band: half the flanks' calls and half their numbers (each flank is as wide as
    the band)."""
    band, numbers = getattr(f, f"{spike}_band_answered"), getattr(f, f"{spike}_band_caller_ids")
    flank = getattr(f, f"{spike}_flank_answered")
    flank_numbers = getattr(f, f"{spike}_flank_caller_ids")
    return band - flank / 2, numbers - flank_numbers / 2


def _spike_numbers(f: EntityFeatures, spike: str) -> tuple[float, float, str]:
    """An upstream provider's recording spike's calls, the calling numbers they came from,
    and what those are for a reason's detail. ``spike``: "peak" (all the window's calls),
    "day" (its UTC day's), "weak" or "day_weak" (their calls not A-attested alone).

    All calls' spikes are 30% or more of the answered calls: their band's calls and
    numbers are the spike's. A spike in the calls not A-attested may be a few per cent of
    a transit carrier's calls, with as many live calls in its band as the message's, each
    from its caller's own number: the live calls its flanks predict in the band (half the
    flanks' calls, from half their numbers) are taken out, or a sender's message from a
    few numbers would share the live callers' numbers and look rotated."""
    if spike in ("peak", "day"):
        band = f.peak_band_answered if spike == "peak" else f.day_band_answered
        numbers = f.peak_caller_ids if spike == "peak" else f.day_band_caller_ids
        return band, numbers, f"{band:,} answered calls from {numbers:,} calling numbers"
    band, numbers = getattr(f, f"{spike}_band_answered"), getattr(f, f"{spike}_band_caller_ids")
    flank, flank_numbers = (
        getattr(f, f"{spike}_flank_answered"),
        getattr(f, f"{spike}_flank_caller_ids"),
    )
    own_calls, own_numbers = spike_own_numbers(f, spike)
    if not flank:
        return own_calls, own_numbers, f"{band:,} answered calls from {numbers:,} calling numbers"
    return (
        own_calls,
        own_numbers,
        f"{band:,} answered calls from {numbers:,} calling numbers in its band, less the "
        f"{flank / 2:,.0f} calls from {flank_numbers / 2:,.0f} numbers its flanks predict there: "
        f"{own_calls:,.0f} calls from {own_numbers:,.0f} numbers of its own",
    )


def _at_the_days_weak_length(f: EntityFeatures) -> bool:
    """Whether an upstream provider's window has a spike in its calls not A-attested at the
    length of its UTC day's spike in those calls."""
    hour, day = f.weak_peak_duration_s, f.day_weak_peak_duration_s
    if f.weak_peak_duration_calls <= 0 or hour is None or day is None:
        return False
    width = max(_band(f.weak_peak_duration_band_s), _band(f.day_weak_peak_duration_band_s))
    return abs(hour - day) <= width


def part_stands_out(band: float, flank: float, z: float) -> bool:
    """Whether ``band`` calls stand ``z`` standard errors above the half of ``flank`` (two
    flanks as wide as the band) that a smooth distribution puts in the band (Poisson
    counts: the excess's variance is band + flank / 4)."""
    excess = band - flank / 2
    return excess > 0 and excess >= z * math.sqrt(band + flank / 4)


def _fresh_pile(
    band: int, band_numbers: int, flank: int, flank_numbers: int, t: Thresholds
) -> bool:
    """Whether ``band`` answered calls (from ``band_numbers`` calling numbers) pile above
    what their two flanks (``flank`` calls from ``flank_numbers``) predict, by
    shared_part_z standard errors and a quarter or more of the band
    (carrier_spike_min_band_share, as a carrier's own spike must), each from a number of
    its own net of the flanks' (recording_max_calls_per_caller_id)."""
    if not part_stands_out(band, flank, t.shared_part_z):
        return False
    own_calls, own_numbers = band - flank / 2, band_numbers - flank_numbers / 2
    return own_calls >= t.carrier_spike_min_band_share * band and _a_number_per_call(
        own_calls, own_numbers, t
    )


def _a_number_per_call(calls: float, numbers: float, t: Thresholds) -> bool:
    """Whether ``calls`` came from ``numbers`` calling numbers at most
    recording_max_calls_per_caller_id each (a new number on nearly every call)."""
    return numbers > 0 and calls / numbers <= t.recording_max_calls_per_caller_id


def shared_spike_may_count(pooled: Any, band_total: Any, t: Thresholds = DEFAULT_THRESHOLDS) -> Any:
    """Whether a day's spike pooled over every carrier's calls not A-attested, ``pooled``
    calls beyond its flanks among ``band_total`` in its band, may be a message:
    carrier_spike_min_calls beyond its flanks and carrier_spike_min_band_share of its band
    (as a carrier's own spike must; :func:`_shared_spike` then asks it of the share's lower
    bound, never above the share). Scalars or numpy arrays."""
    return np.logical_and(
        pooled >= t.carrier_spike_min_calls,
        pooled >= t.carrier_spike_min_band_share * band_total,
    )


class SharedPart(NamedTuple):
    """An upstream provider's day at the day's spike pooled over every carrier's calls not
    A-attested (features.with_shared_spike_numbers; features.SHARED_BAND_FIELDS, in
    order): its answered calls not A-attested in the band and their calling numbers, the
    same in its flanks, in the RISE_BELOW_WIDTH seconds under the fullest core, and its
    A-attested calls and numbers in the band and the flanks."""

    band: int
    band_numbers: int
    flank: int
    flank_numbers: int
    under_core: int
    vouched_band: int
    vouched_band_numbers: int
    vouched_flank: int
    vouched_flank_numbers: int

    @classmethod
    def of(cls, f: EntityFeatures) -> SharedPart:
        return cls(
            f.shared_band_answered,
            f.shared_band_caller_ids,
            f.shared_flank_answered,
            f.shared_flank_caller_ids,
            f.shared_under_core_answered,
            f.shared_vouched_band_answered,
            f.shared_vouched_band_caller_ids,
            f.shared_vouched_flank_answered,
            f.shared_vouched_flank_caller_ids,
        )


def carries_shared_part(part: SharedPart, t: Thresholds = DEFAULT_THRESHOLDS) -> bool:
    """Whether an upstream provider's day carries its own part of the day's spike pooled
    over every carrier's calls not A-attested: its answered calls not A-attested in the
    band pile above its flanks, each from a number of its own (:func:`_fresh_pile`); calls
    end under the fullest core (a floor on the carrier's talk times leaves none there);
    and its A-attested calls do not pile there the same way
    (:func:`_piles_in_all_its_traffic`). A pile in every kind of the carrier's calls alike
    is its traffic's, not one sender's message: a spoofer's calls carry no A attestation
    (ATIS-1000074), and a legitimate signed message at the same length comes from its
    sender's few numbers."""
    p = part
    return (
        _fresh_pile(p.band, p.band_numbers, p.flank, p.flank_numbers, t)
        and p.under_core > 0
        and not _piles_in_all_its_traffic(p, t)
    )


def _piles_in_all_its_traffic(p: SharedPart, t: Thresholds) -> bool:
    """Whether a carrier's A-attested calls pile in the band as its others do: beyond
    chance (shared_traffic_pile_z), at shared_traffic_pile_rate or more of their rate
    (calls beyond the flanks per call in the flanks), each from a number of its own. A
    floor on talk times or a billing increment shows in every call alike; a spoofer's
    message carries no A attestation, and a chance bump in the A-signed calls is not as
    large as the message's."""
    if not part_stands_out(p.vouched_band, p.vouched_flank, t.shared_traffic_pile_z):
        return False
    vouched = p.vouched_band - p.vouched_flank / 2
    others = p.band - p.flank / 2
    if vouched / max(p.vouched_flank, 1) < t.shared_traffic_pile_rate * others / max(p.flank, 1):
        return False
    return _a_number_per_call(vouched, p.vouched_band_numbers - p.vouched_flank_numbers / 2, t)


def _shared_spike(
    f: EntityFeatures, t: Thresholds, hourly: bool
) -> tuple[tuple[float, float, str], tuple[float, float, str]] | None:
    """An upstream provider's part of one recording in several carriers' calls not
    A-attested over the window's UTC day (see :func:`shared_weak_spikes_sql`): the
    PRERECORDED_PATTERN finding (the pooled spike's share of its band, against
    carrier_spike_min_band_share) and the spike's calls and numbers over the carriers
    carrying it (see :func:`_spike_numbers`); None when the pooled spike is no message
    (carrier_spike_min_calls beyond its flanks and a quarter of its band allowing for
    chance, clear of the quick refusals), fewer than shared_min_carriers carry a part of
    it, this provider's day is not one of them, or (an hour) the window's own calls show
    none of it."""
    centre, width = f.shared_peak_duration_s, _band(f.shared_peak_duration_band_s)
    pooled = f.shared_peak_duration_calls
    if (
        centre is None
        or not f.shared_band_total
        or not shared_spike_may_count(pooled, f.shared_band_total, t)
        or near_quick_refusals(centre, width)
        or f.shared_carriers < t.shared_min_carriers
    ):
        return None
    share = pooled / f.shared_band_total
    # The pooled spike is the fullest of the lengths searched, as a carrier's own is (see
    # _carrier_spike): a quarter of its band must hold allowing for chance. Two legitimate
    # carriers' days pooled, 136 calls beyond the flanks at 19 s, 26% of the band (at least
    # 23%), by the end of their early hang-ups' plateau, were `high` (synth network, seed
    # 114 at scale 0.07 over 5 days, daily and hourly).
    bound = _lower_bound(share, f.shared_band_total)
    if bound < t.carrier_spike_min_band_share or not carries_shared_part(SharedPart.of(f), t):
        return None
    window = (f.shared_window_band_answered, f.shared_window_flank_answered)
    if hourly and not part_stands_out(*window, t.shared_hour_part_z):
        return None
    calls, numbers = spike_own_numbers(f, "shared_carriers")
    own_calls, own_numbers = spike_own_numbers(f, "shared")
    return (
        (
            share,
            t.carrier_spike_min_band_share,
            f"the answered calls not A-attested of {f.shared_carriers} carriers pooled over "
            f"the UTC day form a spike at {centre} s +-{width} s: {pooled:,} calls beyond its "
            f"flanks, {_pct(share)} of those in its band (at least {_pct(bound)} allowing for "
            "chance); this carrier handed over "
            f"{own_calls:,.0f} of them from {own_numbers:,.0f} numbers of its own "
            "(one recording split over carriers)",
        ),
        (
            calls,
            numbers,
            f"{calls:,.0f} answered calls from {numbers:,.0f} calling numbers of their own "
            f"over the {f.shared_carriers} carriers handing it over, net of the live calls "
            "their flanks predict",
        ),
    )


def _window_peaks(f: EntityFeatures, t: Thresholds) -> bool:
    """Whether the window's own answered calls peak with at least the recording
    threshold's share of them, proven or not: what a broader view (the period, the
    siblings) may confirm."""
    return _peaks_at_share(f.peak_duration_calls, f.long_answered, t)


def _peaks_at_share(peak_calls: int, long_answered: int, t: Thresholds) -> bool:
    return peak_calls > 0 and _share(peak_calls, long_answered) >= t.prerecorded_share


def unsigned_neighbors(
    f: EntityFeatures, thresholds: Thresholds = DEFAULT_THRESHOLDS, part: str = ""
) -> tuple[int, float, float] | None:
    """For an upstream provider's window (``part`` ""; "day_": its UTC day, for an hour
    too thin to show it): its calls not A-attested presenting a number in
    the callee's own NPA-NXX beyond what its A-attested calls predict (the calls beyond,
    and the two kinds' shares), when they are ``unsigned_neighbor_min_calls`` or more and
    stand ``unsigned_neighbor_z`` standard errors; None otherwise.

    A carrier's callers ring their neighbours whichever provider signs their calls, so its
    A-attested calls are the reference its others are read against, as for its recording
    spike (features.contrast_peaks). A spoofer picking numbers in each callee's exchange
    cannot get them attested A (ATIS-1000074: only A attests the right to the number), and
    adds neighbours to the unvouched calls alone: the small network's tandem handed over
    300-500 such calls a day, 5% of its calls, where NEIGHBOR_SPOOFING asks 20% of all of
    them. Among carriers, a share's noise is binomial on each side."""
    t = thresholds
    pairs, neighbors = getattr(f, f"{part}nanp_pairs"), getattr(f, f"{part}neighbor")
    weak_pairs, weak = getattr(f, f"{part}weak_nanp_pairs"), getattr(f, f"{part}weak_neighbor")
    vouched_pairs = pairs - weak_pairs
    if (
        f.entity_type != "upstream_provider"
        or weak < t.unsigned_neighbor_min_calls
        or vouched_pairs < t.unsigned_neighbor_min_vouched
    ):
        return None
    vouched_share = _share(neighbors - weak, vouched_pairs)
    unvouched_share = _share(weak, weak_pairs)
    excess = weak - vouched_share * weak_pairs
    variance = weak_pairs * unvouched_share * (1 - unvouched_share) + (
        weak_pairs**2 * vouched_share * (1 - vouched_share) / vouched_pairs
    )
    if excess < t.unsigned_neighbor_min_calls or excess**2 < t.unsigned_neighbor_z**2 * max(
        variance, 1.0
    ):
        return None
    return round(excess), unvouched_share, vouched_share


def _unsigned_neighbors_seen(
    f: EntityFeatures, t: Thresholds, hourly: bool
) -> tuple[tuple[int, float, float], str] | None:
    """:func:`unsigned_neighbors` of the window, or of an hour's UTC day when the hour
    carries such calls (a few dozen an hour show over the day only), with the part read."""
    found = unsigned_neighbors(f, t)
    if found is not None:
        return found, ""
    if hourly and f.weak_neighbor > 0:
        over_day = unsigned_neighbors(f, t, "day_")
        if over_day is not None:
            return over_day, "day_"
    return None


def spike_could_be_recording(
    peak_calls: int, long_answered: int, thresholds: Thresholds = DEFAULT_THRESHOLDS
) -> bool:
    """Whether a spike of ``peak_calls`` among ``long_answered`` answered calls (of 6 s or
    more) could be part of a recording another view proves: among ``prerecorded_min_answered``
    or more, no chance bump (its share's lower confidence bound at
    ``prerecorded_period_window_share`` or more, as a window must show for its period's
    recording) and not below the recording threshold beyond chance (the upper bound at
    ``prerecorded_share`` or more). Among 60 answered calls a message heard out by 30% of
    them shows anywhere from 20% to 40%; 20% of 60 (12 calls beyond the flanks) is no chance
    bump, while 8 of 28 live calls can be one."""
    t = thresholds
    share = _share(peak_calls, long_answered)
    return (
        peak_calls > 0
        and long_answered >= t.prerecorded_min_answered
        and _lower_bound(share, long_answered) >= t.prerecorded_period_window_share
        and _upper_bound(share, long_answered) >= t.prerecorded_share
    )


def _mixes_sources(f: EntityFeatures) -> bool:
    """Whether ``f`` is a customer whose window holds several sources' calls (its
    sub-accounts', and its own): their practices mix there. Over a period or a day, one
    client's recording to people who consented and another's live calls without consent
    records add up to what looks like an unconsented robocaller (a dialler platform's
    thin hours did). Such a window's recording is its own calls' or none: its thin windows
    are judged at its sub-accounts, each by its own period and day."""
    return f.entity_type == "customer" and f.sources > 1


def _period_recording(
    f: EntityFeatures, thresholds: Thresholds = DEFAULT_THRESHOLDS
) -> tuple[float, float] | None:
    """For a window whose answered calls peak, holding at least the recording threshold's
    share of them or, among prerecorded_min_answered or more, a share that could be it
    (:func:`spike_could_be_recording`), but too few to rule out chance by themselves (see
    :func:`recording_spike`): the share (and its lower bound) of the account's spikes over
    the whole period analysed, when they are recordings and one of them is at a length
    the window's spikes are at (within their bands: a campaign playing several messages
    may play another one more on a given day). None otherwise: a sender that played a
    recording on other days is not judged by them on a day its calls do not show it (nor
    on one whose spike may be chance: ``prerecorded_period_window_share``), nor is a
    customer whose window mixes several sources (see :func:`_mixes_sources`)."""
    t = thresholds
    # The window's own share first: most windows are far from a spike. A window of
    # prerecorded_min_answered calls or more agrees when its share could be the threshold's
    # (spike_could_be_recording): a snowshoe account's 16 s message over its early
    # hang-ups, a recording over its 5 days (35% of 342, at least 31%), held 28%, 21% and
    # 19% of its 71-75 answered calls of 6 s or more on its days and was `medium` on every
    # one (the synth network, seed 282 at scale 0.02, daily).
    agrees = _window_peaks(f, t) or spike_could_be_recording(
        f.peak_duration_calls, f.long_answered, t
    )
    if not agrees or _mixes_sources(f) or not _at_period_lengths(f):
        return None
    # An account's period can be mostly a campaign its account was taken over for: its
    # quiet windows before, a few live calls each, land at the message's length by chance
    # in some of the many (an independent probe's bakery: 2 of 5 answered calls at 27 s).
    window_share = _share(f.peak_duration_calls, f.long_answered)
    if _lower_bound(window_share, f.long_answered) < t.prerecorded_period_window_share:
        return None
    share, bound, spike = recording_spike(f.period_peak_duration_calls, f.period_long_answered, t)
    return (share, bound) if spike else None


def _at_period_lengths(f: EntityFeatures) -> bool:
    """Whether one of the window's spikes is at a length of one of the period's (within
    the wider of their bands)."""
    return any(
        at_period_length(
            length,
            f.peak_duration_band_s,
            f.period_peak_durations_s,
            f.period_peak_duration_s,
            f.period_peak_duration_band_s,
        )
        for length in _spike_lengths(f.peak_durations_s, f.peak_duration_s)
    )


def _recording_to_another_list(
    f: EntityFeatures, thresholds: Thresholds = DEFAULT_THRESHOLDS
) -> tuple[float, float, float, float] | None:
    """For an account's window whose spike is too small a share of its answered calls to
    be told from a live floor's mode by its durations alone, with the answered calls at its
    length counted for consent apart (:func:`callwarden.traffic.features.with_band_consent`):
    the spike's share and its lower bound, and the share without consent records of the
    calls at its length and of the account's other calls, when the former lack them beyond
    chance and beyond the latter by ``prerecorded_list_gap_share`` (the lower bound of the
    difference). One population reached at one length, another at every other: a message
    played to a bought list beside a contact centre's calls to its customers. A live floor's
    natural mode reaches the same people as its other calls. None otherwise, and for a
    customer whose window mixes its sub-accounts' calls: each reaches its own people, and
    one's natural mode would set them apart (see :func:`_mixes_sources`)."""
    t = thresholds
    judged, unconsented = f.band_consent_known, f.band_no_consent
    others = f.consent_known - judged
    if (
        _mixes_sources(f)
        or min(judged, others) <= 0
        or f.long_answered < t.prerecorded_min_answered
        or judged < t.prerecorded_min_answered
        or others < t.min_answered
    ):
        return None
    share, bound, _ = recording_spike(f.peak_duration_calls, f.long_answered, t)
    if bound < t.prerecorded_list_share:
        return None
    at_length = _share(unconsented, judged)
    elsewhere = _share(f.no_consent - unconsented, others)
    # (inconsistent counts can put a share past 0 or 1: no negative variance)
    spread = math.sqrt(
        max(0.0, at_length * (1 - at_length)) / judged
        + max(0.0, elsewhere * (1 - elsewhere)) / others
    )
    if (
        _lower_bound(at_length, judged) < t.no_consent_share
        or at_length - elsewhere - CONFIDENCE_Z * spread < t.prerecorded_list_gap_share
    ):
        return None
    return share, bound, at_length, elsewhere


def _period_siblings_recording(
    f: EntityFeatures, thresholds: Thresholds = DEFAULT_THRESHOLDS
) -> SiblingsRecording | None:
    """For a sub-account's window whose answered calls peak at a length of its period's
    spike, where neither the window nor the period holds enough answered calls to rule out
    chance (see :func:`_period_recording`): the share (and its lower bound) of its
    period's spike with its customer's other sub-accounts spiking at that length over the
    period, when together they are a recording (see :func:`siblings_spike`). A campaign
    split over clients thin on every day shows in none of them, nor in any one day of
    them all. None otherwise."""
    t = thresholds
    if f.period_siblings <= 0 or not _window_peaks(f, t) or not _at_period_lengths(f):
        return None
    return siblings_spike(_spike_with_siblings(f, "period_"), t)


def _spike_with_siblings(f: EntityFeatures, part: str) -> SpikeWithSiblings:
    """An account's spike and its siblings' in a window (``part`` ""), its UTC day
    ("day_") or the period ("period_"), read from the fields named ``<part>peak_...``,
    ``<part>long_answered`` and ``<part>siblings...``."""
    return SpikeWithSiblings(
        getattr(f, f"{part}peak_duration_calls"),
        getattr(f, f"{part}long_answered"),
        getattr(f, f"{part}siblings"),
        getattr(f, f"{part}siblings_peak_duration_calls"),
        getattr(f, f"{part}siblings_long_answered"),
        getattr(f, f"{part}siblings_consent_known"),
        getattr(f, f"{part}siblings_no_consent"),
        getattr(f, f"{part}siblings_band_total"),
        getattr(f, f"{part}peak_duration_s"),
        getattr(f, f"{part}peak_duration_band_s"),
    )


def _siblings_text(who: str, long_answered: int, found: SiblingsRecording) -> str:
    """A siblings reason's detail after the window's own figures: ``who`` the siblings
    are, and the share (and its lower bound) of their ``long_answered`` answered calls with
    its own in the spike, and its pile when that is what makes it a recording."""
    return (
        f"with {who}, {_pct(found.share)} of their {long_answered:,} (at least "
        f"{_pct(found.bound)} allowing for chance) form that spike"
        + ("" if found.pile is None else _pile_text(found.pile))
        + " (one recording, several accounts)"
    )


def _siblings_kind(f: EntityFeatures) -> str:
    """What an entity's siblings are (see EntityFeatures.siblings)."""
    if f.entity_type == "customer":
        return "new or unverified account(s) of the provider"
    return f"sub-account(s) of {f.customer_id}"


def _siblings_recording(
    f: EntityFeatures, thresholds: Thresholds = DEFAULT_THRESHOLDS
) -> SiblingsRecording | None:
    """For a sub-account's window whose answered calls peak but too few to rule out chance
    by themselves: the share (and its lower bound) of the spikes at the same length in its
    customer's other sub-accounts' same window with its own, when together they are a
    recording. A campaign split over thin accounts of one reseller shows in none of them
    alone; live clients beside it have no spike at its length and do not dilute it. None
    otherwise.

    A new or unverified account's siblings (the provider's other such accounts, see
    EntityFeatures.siblings) are laid on it the same way. Either is laid on it when its own
    spike could hold the recording threshold's share, in the window or over the period
    (see :func:`young_siblings_recording`): a snowshoe operator's accounts, or a reseller's
    shell clients, each play the message to a few dozen answerers a day, and a share among
    so few scatters by chance to either side of the campaign's (the fragmented network's
    auto-warranty clients: 10 of 35 in one client's day, 8 of 41 in the next)."""
    if f.siblings <= 0:  # most windows: no object built for them
        return None
    return young_siblings_recording(
        _spike_with_siblings(f, ""),
        f.period_peak_duration_calls,
        f.period_long_answered,
        any(
            _at_periods_main_length(length, f.peak_duration_band_s, f)
            for length in _spike_lengths(f.peak_durations_s, f.peak_duration_s)
        ),
        thresholds,
    )


def day_siblings_recording(
    f: EntityFeatures, thresholds: Thresholds = DEFAULT_THRESHOLDS
) -> SiblingsRecording | None:
    """For a sub-account's or a new or unverified account's hour: the share (and its lower
    bound) of its UTC day's spike with those of its siblings (see EntityFeatures.siblings)
    whose days spike at its length, when together they are a recording and its day agrees
    (see :func:`siblings_spike`); None otherwise, and in daily windows (``day_siblings``
    0). A snowshoe account's or a shell client's hour holds a dozen answered calls: too few
    to agree with anything, and a live tenant's hour of 20 holds a chance bump of 6 or 7 at
    any length."""
    if f.day_siblings <= 0:
        return None
    return young_siblings_recording(
        _spike_with_siblings(f, "day_"),
        f.period_peak_duration_calls,
        f.period_long_answered,
        _at_periods_main_length(f.day_peak_duration_s, f.day_peak_duration_band_s, f),
        thresholds,
    )


def _at_periods_main_length(centre: int | None, band_s: int | None, f: EntityFeatures) -> bool:
    """Whether a spike at ``centre`` (``band_s`` either side) is at the length of the main
    spike of ``f``'s period analysed, not at one of its lesser spikes:
    a live sender's hundred answered calls bump at two or three lengths by chance, and one
    of them meets a neighbour's recording now and then (the fragmented network's UCaaS
    bakery, whose period's spikes were at 97, 174 and 115 s, and its hour's two calls at
    114 s beside sixteen shell clients' message)."""
    return at_period_length(
        centre, band_s, None, f.period_peak_duration_s, f.period_peak_duration_band_s
    )


def _day_recording_at_hours_length(
    f: EntityFeatures, context: EntityContext, thresholds: Thresholds
) -> tuple[float, float, str] | None:
    """For an account's hour whose UTC day's answered calls are a recording by its spikes
    (``context.day_prerecorded``; :func:`spike_recording` of the day's ``day_peak_*`` and
    ``day_comb_*`` figures): :func:`_recording_of` the day, when the hour's own spike is at
    the day's length (or at one of its comb's teeth, within the narrow band); None
    otherwise, and for a customer mixing its sub-accounts' calls (:func:`_mixes_sources`).
    Asked of hours only: in a daily window the day is the window, its recording found as
    its own."""
    if (
        context.day_prerecorded is not True
        or _mixes_sources(f)
        or f.peak_duration_calls <= 0
        or not (
            _spike_at_days_length(f)
            or at_period_length(
                f.peak_duration_s,
                f.peak_duration_band_s,
                f.day_comb_durations_s,
                None,
                COMB_BAND.half_width,
            )
        )
    ):
        return None
    return _recording_of(f, "day", "the account's answered calls that day", thresholds)


def _spike_at_days_length(f: EntityFeatures) -> bool:
    """Whether a window's spike is at its UTC day's main spike's length (within the wider
    of the two bands): a message played in the window piles up in its day too."""
    return f.day_peak_duration_s is not None and at_period_length(
        f.peak_duration_s,
        f.peak_duration_band_s,
        None,
        f.day_peak_duration_s,
        f.day_peak_duration_band_s,
    )


def at_period_length(
    centre: int | None,
    band_s: int | None,
    period_centres: Sequence[int] | None,
    period_centre: int | None,
    period_band_s: int | None,
) -> bool:
    """Whether a spike at ``centre`` (``band_s`` either side) is at one of the period's
    spike lengths (``period_centres``, or its main spike's ``period_centre`` when none are
    listed; within the wider of the two bands)."""
    near = max(_band(band_s), _band(period_band_s))
    lengths = _spike_lengths(tuple(period_centres or ()), period_centre)
    return centre is not None and any(abs(centre - length) <= near for length in lengths)


def young_siblings_recording(
    spike: SpikeWithSiblings,
    period_peak_calls: int,
    period_long_answered: int,
    spikes_at_period_length: bool,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
) -> SiblingsRecording | None:
    """:func:`siblings_spike` of a new or unverified account (``young``), its own calls
    read over the whole period analysed when its window's are too few to agree (its
    window's spike at the length of the period's main spike, ``spikes_at_period_length``,
    and the period's spikes, ``period_peak_calls`` of ``period_long_answered``, could be a
    recording: :func:`spike_could_be_recording`). A
    snowshoe account of 100 calls a day holds some 30 answered: a message heard out by a
    third of them makes 6-14 of them, and a live tenant's chance bump of 8 of 28 looks the
    same in a day, not over three.

    Not when the account's own calls over the period rule out a part in any message: their
    spikes' share is, beyond chance, under the least share a sibling's spike holds (the
    upper confidence bound under YOUNG_SIBLING_MIN_SHARE_BOUND). A client playing a
    message plays it to a part of its answerers over the period too (a shell client's
    35 of 100, though one of its days peaked at its other message's length); a live
    client's period peaks somewhere by chance with a few per cent of its calls, and its
    thin hour meets a neighbour's recording now and then: an MVNO's prepaid dealer, 8 of
    its hour's 25 answered calls at 24 s (voicemails people leave each other) beside the
    SIM farm another dealer of the MVNO ran at that length, its period's calls peaking
    there with 34 of 1,141 (the wireless network, seeds 157 and 163)."""
    period_share = _share(period_peak_calls, period_long_answered)
    if _upper_bound(period_share, period_long_answered) < YOUNG_SIBLING_MIN_SHARE_BOUND:
        return None
    found = siblings_spike(spike, thresholds, young=True)
    # over the period its own calls must be enough to say it (a share of 20 answered calls
    # is no agreement: a dental office's 6 of 20 at 65 s by chance beside its reseller's
    # shell clients' message at 69 s)
    if (
        found is None
        and spikes_at_period_length
        and spike_could_be_recording(period_peak_calls, period_long_answered, thresholds)
    ):
        over_period = spike._replace(
            peak_calls=period_peak_calls, long_answered=period_long_answered
        )
        found = siblings_spike(over_period, thresholds, young=True)
    return found


class SpikeWithSiblings(NamedTuple):
    """A sub-account's duration spike in a window or a day, and its siblings' with it (see
    EntityFeatures.siblings)."""

    peak_calls: int
    long_answered: int
    siblings: int
    siblings_peak_calls: int
    siblings_long_answered: int
    #: the other sub-accounts' answered calls judged for consent, and those without records
    siblings_consent_known: int = 0
    siblings_no_consent: int = 0
    #: all the answered calls in the spikes' bands, its own with the others' (None: not
    #: known), and its own spike's length and band
    siblings_band_total: int | None = None
    centre_s: int | None = None
    band_s: int | None = None


class SiblingsRecording(NamedTuple):
    """An account's spike and its siblings' that are one recording (:func:`siblings_spike`):
    their share of the answered calls, its lower bound, the threshold that bound crossed,
    and the pile when they are one by piling in their bands (:func:`_piled_recording`)."""

    share: float
    bound: float
    threshold: float
    pile: _Pile | None = None


def siblings_spike(
    spike: SpikeWithSiblings, thresholds: Thresholds = DEFAULT_THRESHOLDS, *, young: bool = False
) -> SiblingsRecording | None:
    """The share (and its lower bound) of a sub-account's and its siblings' spikes in their
    answered calls, when its own calls peak at the recording threshold's share (``young``:
    when they could, see :func:`spike_could_be_recording`) and together they are a
    recording, by their share or by their pile; None otherwise (see
    :func:`_siblings_recording`).

    A press-1 recording whose hearers hang up in it half the time, with answering-machine
    detection playing it after greetings of every length, is heard out at its length by
    under 30% of the answered calls (the fragmented network's auto-warranty clients: 29%
    of 1,078 answered calls of 17 clients in a day), and piles there all the same: the
    pooled spike is judged as a window's own spike is, by its pile too."""
    t = thresholds
    if spike.siblings <= 0:
        return None
    own_agrees = _peaks_at_share(spike.peak_calls, spike.long_answered, t) or (
        young and spike_could_be_recording(spike.peak_calls, spike.long_answered, t)
    )
    # Another account's recording is laid on this one only when this one's own calls
    # agree, and a share of fewer answered calls than min_answered is noise: one call of a
    # wholesale client lasting as long as its neighbour's message says nothing.
    # ... nor when the others play it to people who consented: a platform's reminder
    # clients lend their recording to no live client beside them (a campaign split over
    # clients reaches people without records in each)
    consented = (
        spike.siblings_consent_known >= t.min_answered
        and _share(spike.siblings_no_consent, spike.siblings_consent_known) < t.no_consent_share
    )
    if consented or spike.long_answered < t.min_answered or not own_agrees:
        return None
    share, bound, found = recording_spike(
        spike.siblings_peak_calls, spike.siblings_long_answered, t
    )
    if found:
        return SiblingsRecording(share, bound, t.prerecorded_share)
    band_s = _band(spike.band_s)
    piled = _piled_spike(
        spike.siblings_peak_calls,
        spike.siblings_long_answered,
        spike.centre_s,
        band_s,
        spike.siblings_band_total,
        t=t,
    )
    if piled is None or spike.centre_s is None:
        return None
    pile = _Pile(
        *piled,
        spike.siblings_peak_calls,
        spike.siblings_band_total or 0,
        (spike.centre_s,),
        band_s,
    )
    return SiblingsRecording(share, pile.share_bound, t.prerecorded_ended_share, pile)


def _period_no_consent_share(
    f: EntityFeatures, thresholds: Thresholds = DEFAULT_THRESHOLDS
) -> float | None:
    """The share of the account's answered calls to numbers without consent records over
    the whole period analysed, when it holds enough answered calls to tell and crosses the
    threshold beyond chance (its lower bound); None otherwise."""
    t = thresholds
    share = _share(f.period_no_consent, f.period_consent_known)
    bound = _lower_bound(share, f.period_consent_known)
    if f.period_consent_known < t.min_answered or bound < t.no_consent_share:
        return None
    return share


def _recorded_calls_consented(judged: int, unconsented: int, thresholds: Thresholds) -> bool | None:
    """Whether an account's answered calls in its recording's bands (``judged``, of which
    ``unconsented`` reach numbers without consent records; see
    :func:`callwarden.traffic.features.with_band_consent`) went to people with records:
    True when, allowing for chance, under the share lack them (the missing records are its
    other, live calls'); False when beyond chance more do; None when too few to tell."""
    t = thresholds
    if judged < t.min_answered:
        return None
    share = _share(unconsented, judged)
    if _upper_bound(share, judged) < t.no_consent_share:
        return True
    if _lower_bound(share, judged) >= t.no_consent_share:
        return False
    return None


def _one_ring_numbers(f: EntityFeatures, t: Thresholds, hourly: bool) -> float | None:
    """The share of the calls cancelled by the caller among the entity's calls from numbers
    costly to call back and answered nowhere for a conversation over the day
    (``costly_unanswered_*``) that reached a line in service, when they make a one-ring
    scam: as many as the one-ring rule asks of a source's window (of a calling number's day:
    one_ring_costly_number_min_calls), nearly all cancelled, each callee rung about once.
    None when they do not.

    A scam scanning blocks of numbers dials every line of each, and a quarter of a block's
    lines are not in service (SIP 404, 410): those calls never ring, so they are neither
    answered nor cancelled (the gateway network's wangiri: 70% of its calls cancelled, 88%
    of those that rang)."""
    calls = f.costly_unanswered_calls
    least: float
    if f.entity_type == "caller_id":
        least = t.one_ring_costly_number_min_calls
    else:
        least = max(t.min_calls, t.one_ring_min_calls * (1 / 24 if hourly else 1.0))
    share = _share(f.costly_unanswered_cancelled, calls - f.costly_unanswered_unreachable)
    if (
        calls >= least
        and share >= t.one_ring_cancelled_share
        and f.costly_unanswered_callees >= t.one_ring_min_callee_share * calls
    ):
        return share
    return None


def detect(
    features: EntityFeatures,
    context: EntityContext = EntityContext(),
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
) -> list[Finding]:
    """Every reason the entity's features support, each with its value and threshold.
    A condition added or loosened here must be mirrored in :func:`may_find`."""
    t = thresholds
    hourly = (features.window_end - features.window_start).total_seconds() <= 3600
    f = _without_a_chance_short_spike(features, t) if hourly else features
    volume_scale = 1 / 24 if hourly else 1.0
    findings: list[Finding] = []
    enough = f.calls >= t.min_calls

    def add(  # noqa: PLR0917 -- a local shorthand, read once per reason below
        code: ReasonCode,
        detail: str,
        value: float,
        threshold: float,
        evidence: Evidence,
        flag: str | None = None,
        *,
        self_evident: bool = False,
    ) -> None:
        findings.append(Finding(code, detail, value, threshold, evidence, flag, self_evident))

    # --- caller identity: the clearest evidence of illegality -------------------------
    dno_share = _share(f.dno_caller, f.calls)
    if f.dno_caller >= t.dno_min_calls and dno_share >= t.dno_share:
        add(
            ReasonCode.DNO_CALLER_ID,
            f"{f.dno_caller:,} calls ({_pct(dno_share)}) present a Do-Not-Originate number",
            dno_share,
            t.dno_share,
            Evidence.ILLEGAL,
            "dno_caller",
        )
    invalid_share = _share(f.invalid_caller, f.calls)
    # A carrier's transit carries a trickle of invalid caller IDs from honest senders'
    # misconfigured PBXs; in a few hundred calls (an hour's window) that trickle crosses
    # the share by chance. The share counts when its lower confidence bound crosses it.
    invalid_bound = _lower_bound(invalid_share, f.calls)
    if f.invalid_caller >= t.invalid_min_calls and invalid_bound >= t.invalid_share:
        add(
            ReasonCode.INVALID_CALLER_ID,
            f"{f.invalid_caller:,} calls ({_pct(invalid_share)}, at least "
            f"{_pct(invalid_bound)} allowing for chance) present an invalid or "
            "unallocated caller ID",
            invalid_share,
            t.invalid_share,
            Evidence.ILLEGAL,
            "invalid_caller",
        )
    neighbor_share = _share(f.neighbor, f.nanp_pairs)
    day_neighbor_share = _share(f.day_neighbor, f.day_nanp_pairs)
    if enough and f.caller_ids >= t.neighbor_min_caller_ids and neighbor_share >= t.neighbor_share:
        add(
            ReasonCode.NEIGHBOR_SPOOFING,
            f"{_pct(neighbor_share)} of calls present a caller ID in the callee's own "
            f"NPA-NXX, across {f.caller_ids:,} caller IDs",
            neighbor_share,
            t.neighbor_share,
            Evidence.ILLEGAL,
            "neighbor",
        )
    elif (
        hourly
        and f.neighbor
        and f.day_calls >= t.min_calls
        and f.day_caller_ids >= t.neighbor_min_caller_ids
        and day_neighbor_share >= t.neighbor_share
    ):
        # A spoofer sending a few calls an hour, each from a number in its callee's
        # exchange, shows its many numbers over the day only (the daily window's rule,
        # asked of the hours that carry such calls).
        add(
            ReasonCode.NEIGHBOR_SPOOFING,
            f"{f.neighbor:,} of the window's {f.nanp_pairs:,} calls, and "
            f"{_pct(day_neighbor_share)} of its UTC day's, present a caller ID in the "
            f"callee's own NPA-NXX, across {f.day_caller_ids:,} caller IDs over the day",
            day_neighbor_share,
            t.neighbor_share,
            Evidence.ILLEGAL,
            "neighbor",
        )
    elif (spoofed := _unsigned_neighbors_seen(f, t, hourly)) is not None:
        (excess, unvouched_share, vouched_share), part = spoofed
        over = "" if not part else ", over the window's UTC day"
        add(
            ReasonCode.NEIGHBOR_SPOOFING,
            f"{getattr(f, part + 'weak_neighbor'):,} of the "
            f"{getattr(f, part + 'weak_nanp_pairs'):,} calls no provider vouched for "
            f"(unsigned, B or C{over}: {_pct(unvouched_share)}) present a caller ID in the "
            f"callee's own NPA-NXX, against {_pct(vouched_share)} of its A-attested calls: "
            f"{excess:,} beyond what the carrier's callers make, numbers a spoofer picked to "
            "look local",
            unvouched_share,
            vouched_share,
            Evidence.ILLEGAL,
            "neighbor",
        )
    calls_per_caller_id = f.calls / max(f.caller_ids, 1)
    # A carrier or a reseller carries many callers' numbers by nature: rotation is a
    # property of one sender.
    one_sender = enough and f.entity_type in ("customer", "sub_account")
    rotating = (
        one_sender
        and f.caller_ids >= t.rotation_min_caller_ids
        and calls_per_caller_id <= t.rotation_max_calls_per_caller_id
    )
    per_callee = f.callee_caller_pairs / max(f.callees, 1)
    # an hour of a forwarding service reaches each line once or twice, too few to hear
    # its several callers: the UTC day's counts, where counted (with_day_distinct_counts)
    day_per_callee = f.day_callee_caller_pairs / f.day_callees if f.day_callees else 0.0
    # A sender rotating numbers reaches each callee once from one of them, and most do
    # not answer; a service forwarding calls to its clients' lines (call tracking,
    # answering services) passes on every caller's own number, each line hears many and
    # answers. Its calls are the callers', not numbers it presents (RFC 5806 diversion,
    # which call records seldom keep). A small office's PBX forwarding its callers to its
    # owner's mobile presents too few numbers for a pool, but numbers not its own.
    unassigned_share = _share(f.unassigned_caller, f.numbers_known)
    presents_others = rotating or (
        one_sender and f.numbers_known > 0 and unassigned_share >= t.unassigned_share
    )
    forwarded = (
        presents_others
        and max(per_callee, day_per_callee) >= t.forwarded_min_caller_ids_per_callee
        # allowing for chance: a tradesman's PBX forwarding most of its callers to two
        # mobiles beside its own outbound calls answered 61 of 123 in a day (49.6%)
        and _upper_bound(f.answer_seizure_ratio, f.calls) >= t.forwarded_min_answered_share
    )
    if rotating:
        add(
            ReasonCode.CALLER_ID_ROTATION,
            f"{f.caller_ids:,} caller IDs, {calls_per_caller_id:.2f} calls each, "
            f"{per_callee:.2f} caller IDs per callee"
            + (f" ({day_per_callee:.2f} over the day)" if f.day_callees else "")
            + (
                " (many callers reaching each callee: calls forwarded to the account's "
                "lines keep their callers' numbers)"
                if forwarded
                else ""
            )
            # what numbers.csv says of them settles whose numbers they are, not why so many
            + (
                " (every one granted to the account in numbers.csv: its own lines, such as "
                "a line per branch calling its own customers, or a pool leased to keep each "
                "number's reputation clean)"
                if f.numbers_known and not f.unassigned_caller
                else ""
            ),
            calls_per_caller_id,
            t.rotation_max_calls_per_caller_id,
            Evidence.PATTERN,
        )
    if enough and f.numbers_known and unassigned_share >= t.unassigned_share:
        # Numbers lists are often incomplete; a pool of unassigned numbers rotated per
        # call is not a bookkeeping gap (forwarded callers' numbers are no pool).
        evidence = (
            Evidence.ILLEGAL
            if rotating and not forwarded and unassigned_share >= 0.5
            else Evidence.SUSPECT
        )
        add(
            ReasonCode.UNASSIGNED_CALLER_ID,
            f"{_pct(unassigned_share)} of calls present a caller ID not assigned to the account",
            unassigned_share,
            t.unassigned_share,
            evidence,
            "unassigned_caller",
        )
    elif f.entity_type == "upstream_provider" and f.own_number_caller >= t.own_number_min_calls:
        # A number the network grants to its own customer: its holder places its calls
        # here, so the same number arriving from another network, with no provider vouching
        # for it, is not the holder's (an impostor of the holder's, a utility's or a bank's).
        # Suspect, not illegal: a holder may route some calls through a second carrier that
        # reaches this network unsigned. The holder's word settles it; an inbound number
        # it asks to have listed Do-Not-Originate is blocked (47 CFR 64.1200(k)(1)).
        add(
            ReasonCode.UNASSIGNED_CALLER_ID,
            f"{f.own_number_caller:,} calls ({_pct(_share(f.own_number_caller, f.calls))}) "
            "present numbers this network assigns to its own customers, C-attested or "
            "unsigned: their holders place their calls here, not through another network "
            "(ask the holders; an inbound number they ask to have listed Do-Not-Originate "
            "is blocked, 47 CFR 64.1200(k)(1))",
            f.own_number_caller,
            t.own_number_min_calls,
            Evidence.SUSPECT,
            "own_number_caller",
        )
    elif f.entity_type == "caller_id" and context.number_granted is False:
        # The number itself, presented by an account whose numbers are on file but not
        # this one (nor granted to its parent): every one of its calls is unassigned. A
        # single number may be a bookkeeping gap, so it is suspect, not illegal.
        add(
            ReasonCode.UNASSIGNED_CALLER_ID,
            "the number is not assigned to the account that presents it (nor to its parent)",
            1.0,
            t.unassigned_share,
            Evidence.SUSPECT,
        )

    # --- how the calls are made ---------------------------------------------------------
    asr = f.answer_seizure_ratio
    # TRACED Act section 12: a one-ring scam rings each number once and hangs up before
    # anyone answers, so that the missed call is returned to a number charging the caller
    # (FCC 20-171). Call records do not carry the ringing time; what they show is nearly
    # every call cancelled by the caller (SIP 487), none answered, each callee rung once.
    # A dialler giving up on unanswered calls, or a forked call's losing legs, still
    # reaches people on some of its calls.
    # The same of the entity's numbers whose callbacks cost the callee, none answered over
    # the day: the scam's numbers, however many and however quiet, beside other traffic.
    # The callback's cost is the scam's whole point: on such numbers the pattern is the
    # breach itself, with no second witness needed.
    costly = _one_ring_numbers(f, t, hourly)
    cancelled_share = _share(f.cancelled, f.calls)
    if costly is not None:
        add(
            ReasonCode.ONE_RING_SCAM,
            f"{f.costly_unanswered_calls:,} calls from {f.costly_unanswered_numbers:,} "
            "number(s) costly to call back (international, premium-rate or a foreign NANP "
            f"country), none answered for {SHORT_CALL_SECONDS} s or more over the day, "
            f"{costly:.0%} of those reaching a line in service cancelled by the caller "
            f"before an answer, {f.costly_unanswered_callees:,} callees rung: calls placed "
            "to be missed and returned at the callee's expense (a one-ring scam)",
            costly,
            t.one_ring_cancelled_share,
            Evidence.ILLEGAL,
            self_evident=True,
        )
    elif (
        f.calls >= max(t.min_calls, t.one_ring_min_calls * volume_scale)
        and asr <= t.one_ring_max_answered_share
        and cancelled_share >= t.one_ring_cancelled_share
        and f.callees >= t.one_ring_min_callee_share * f.calls
    ):
        add(
            ReasonCode.ONE_RING_SCAM,
            f"{f.cancelled:,} of {f.calls:,} calls ({_pct(cancelled_share)}) cancelled by the "
            f"caller before an answer, {f.answered:,} answered, {f.callees:,} distinct numbers "
            "rung: calls placed to be missed and returned (a one-ring scam)",
            cancelled_share,
            t.one_ring_cancelled_share,
            Evidence.ILLEGAL,
        )
    # A few numbers rung over and over, the calls silent or the lines busy: a flood that
    # ties the lines up (a campaign office's ride-to-the-polls lines, a hospital's), no
    # conversation. Calls per callee are the breach itself: no second witness needed.
    silent_share = _share(f.flooded_silent, f.flooded_calls)
    per_callee = f.flooded_calls / max(f.flooded_callees, 1)
    if (
        f.flooded_calls >= t.flood_min_calls
        and silent_share >= t.flood_silent_share
        # (each flooded number's calls reach it: counted so, see with_flooded_callees)
        and per_callee >= t.flood_callee_calls
    ):
        add(
            ReasonCode.REPEATED_CALLS,
            f"{f.flooded_calls:,} calls to {f.flooded_callees:,} number(s), each rung "
            f"{t.flood_callee_calls} times or more in the window ({per_callee:,.0f} each on "
            f"average); {_pct(silent_share)} of them busy or hung up within "
            f"{SHORT_CALL_SECONDS} s: lines tied up, not conversations (telephony denial of "
            "service)",
            per_callee,
            t.flood_callee_calls,
            Evidence.ILLEGAL,
            "flooded",
            self_evident=True,
        )
    if enough and asr < t.low_asr:
        add(
            ReasonCode.LOW_ASR,
            f"{_pct(asr)} of {f.calls:,} calls answered",
            asr,
            t.low_asr,
            Evidence.PATTERN,
        )
    short_share = _share(f.short_answered, f.answered)
    if enough and f.answered >= t.min_answered and short_share >= t.short_calls_share:
        add(
            ReasonCode.SHORT_CALLS,
            f"{_pct(short_share)} of answered calls hung up within 6 s",
            short_share,
            t.short_calls_share,
            Evidence.PATTERN,
            "short_answered",
        )
    prerecorded_share, prerecorded_bound, prerecorded = recording_spike(
        f.peak_duration_calls, f.long_answered, t
    )
    ended = None if prerecorded else _ended_recording(f, t)
    piled = None if prerecorded or ended is not None else _piled_recording(f, t)
    prerecorded = window_spike = prerecorded or ended is not None or piled is not None
    if ended is None and piled is None and prerecorded:
        spikes = _spikes_text(
            _spike_lengths(f.peak_durations_s, f.peak_duration_s), f.peak_duration_band_s
        )
        add(
            ReasonCode.PRERECORDED_PATTERN,
            f"{_pct(prerecorded_share)} of answered calls (at least {_pct(prerecorded_bound)} "
            f"allowing for chance) form {spikes}",
            prerecorded_bound,
            t.prerecorded_share,
            Evidence.PATTERN,
        )
    elif piled is not None:
        add(
            ReasonCode.PRERECORDED_PATTERN,
            f"{_pct(_share(piled.calls, f.long_answered))} of answered calls (at least "
            f"{_pct(piled.share_bound)} allowing for chance) form "
            + _spikes_text(piled.lengths, piled.band_s)
            + _pile_text(piled)
            + ": calls piled at a message's length as no live talk piles them",
            piled.share_bound,
            t.prerecorded_ended_share,
            Evidence.PATTERN,
        )
    elif ended is not None:
        ended_bound, beyond_share = ended
        add(
            ReasonCode.PRERECORDED_PATTERN,
            f"{_pct(prerecorded_share)} of answered calls (at least {_pct(ended_bound)} "
            f"allowing for chance) form a spike at {f.peak_duration_s} s "
            f"+-{_band(f.peak_duration_band_s)} s and only {_pct(beyond_share)} last longer: "
            "a recording most hang up on before its end",
            ended_bound,
            t.prerecorded_ended_share,
            Evidence.PATTERN,
        )
    elif (period_spike := _period_recording(f, t)) is not None:
        prerecorded = True
        period_share, period_bound = period_spike
        add(
            ReasonCode.PRERECORDED_PATTERN,
            f"{f.peak_duration_calls:,} of the window's {f.long_answered:,} answered calls "
            f"last {f.peak_duration_s} s +-{_band(f.peak_duration_band_s)} s, too few to rule "
            f"out chance alone; over the period analysed {_pct(period_share)} of the account's "
            f"{f.period_long_answered:,} (at least {_pct(period_bound)} allowing for chance) "
            "form "
            + _spikes_text(
                _spike_lengths(f.period_peak_durations_s, f.period_peak_duration_s),
                f.period_peak_duration_band_s,
            ),
            period_bound,
            t.prerecorded_share,
            Evidence.PATTERN,
        )
    if not prerecorded and (siblings_spike := _siblings_recording(f, t)) is not None:
        prerecorded = True
        add(
            ReasonCode.PRERECORDED_PATTERN,
            f"{f.peak_duration_calls:,} of the window's {f.long_answered:,} answered calls "
            f"last {f.peak_duration_s} s +-{_band(f.peak_duration_band_s)} s, too few to rule "
            "out chance alone; "
            + _siblings_text(
                f"{f.siblings:,} other {_siblings_kind(f)} whose calls peak at that length in "
                "the window",
                f.siblings_long_answered,
                siblings_spike,
            ),
            siblings_spike.bound,
            siblings_spike.threshold,
            Evidence.PATTERN,
        )
    if not prerecorded and (day_siblings := day_siblings_recording(f, t)) is not None:
        prerecorded = True
        add(
            ReasonCode.PRERECORDED_PATTERN,
            f"over the window's UTC day {f.day_peak_duration_calls:,} of the account's "
            f"{f.day_long_answered:,} answered calls last {f.day_peak_duration_s} s "
            f"+-{_band(f.day_peak_duration_band_s)} s; "
            + _siblings_text(
                f"{f.day_siblings:,} other {_siblings_kind(f)} whose days peak at that length",
                f.day_siblings_long_answered,
                day_siblings,
            )
            + "; an hour holds too few answered calls to show it",
            day_siblings.bound,
            day_siblings.threshold,
            Evidence.PATTERN,
        )
    if not prerecorded and (period_siblings := _period_siblings_recording(f, t)) is not None:
        prerecorded = True
        add(
            ReasonCode.PRERECORDED_PATTERN,
            f"{f.peak_duration_calls:,} of the window's {f.long_answered:,} answered calls "
            f"last {f.peak_duration_s} s +-{_band(f.peak_duration_band_s)} s, too few to rule "
            "out chance alone, as are the account's over the period analysed; "
            + _siblings_text(
                f"{f.period_siblings:,} other sub-account(s) of {f.customer_id} whose calls "
                "peak at that length over the period",
                f.period_siblings_long_answered,
                period_siblings,
            ),
            period_siblings.bound,
            period_siblings.threshold,
            Evidence.PATTERN,
        )
    if not prerecorded and (listed := _recording_to_another_list(f, t)) is not None:
        prerecorded = True
        list_share, list_bound, at_length, elsewhere = listed
        add(
            ReasonCode.PRERECORDED_PATTERN,
            f"{_pct(list_share)} of answered calls (at least {_pct(list_bound)} allowing for "
            f"chance) form a spike at {f.peak_duration_s} s +-{_band(f.peak_duration_band_s)} s, "
            f"and {_pct(at_length)} of the {f.band_consent_known:,} answered calls at that "
            f"length reach numbers without consent records, against {_pct(elsewhere)} of the "
            "account's other answered calls: a recording sent to another list",
            list_bound,
            t.prerecorded_list_share,
            Evidence.PATTERN,
        )
    if f.calls >= t.high_volume_calls * volume_scale:
        add(
            ReasonCode.HIGH_VOLUME,
            f"{f.calls:,} calls in the window",
            f.calls,
            t.high_volume_calls * volume_scale,
            Evidence.PATTERN,
        )
    elif f.peak_calls_per_minute >= t.high_volume_calls_per_minute:
        add(
            ReasonCode.HIGH_VOLUME,
            f"bursts of {f.peak_calls_per_minute:,} calls per minute "
            f"({f.peak_calls_per_minute / 60:.1f} per second)",
            f.peak_calls_per_minute,
            t.high_volume_calls_per_minute,
            Evidence.PATTERN,
        )
    if (
        context.baseline_calls is not None
        and f.calls >= t.surge_min_calls * volume_scale
        and f.calls >= t.surge_factor * max(context.baseline_calls, 1.0)
    ):
        factor = f.calls / max(context.baseline_calls, 1.0)
        add(
            ReasonCode.VOLUME_SURGE,
            f"{f.calls:,} calls, {factor:.0f}x the usual {context.baseline_calls:,.0f}",
            factor,
            t.surge_factor,
            Evidence.PATTERN,
        )
    # A person's line reaching hundreds of strangers in a day is a dialler on a consumer
    # plan (a burner SIM or eSIM, a hijacked line): no person calls so many, and the
    # provider sold the line for a person's calls. Autodialled calls, so they need the
    # callees' consent (47 USC 227(b)(1)(A); below).
    line_callees = context.line_day_callees
    consumer_dialler = line_callees is not None and line_callees >= t.consumer_line_callees
    if f.callees >= t.fanout_callees * volume_scale:
        add(
            ReasonCode.HIGH_FANOUT,
            f"{f.callees:,} distinct numbers called",
            f.callees,
            t.fanout_callees * volume_scale,
            Evidence.PATTERN,
        )
    elif consumer_dialler and line_callees is not None:
        add(
            ReasonCode.HIGH_FANOUT,
            f"{line_callees:,.0f} distinct numbers a line called over the UTC day, from a "
            "person's phone service (its declared use): a dialler's reach, not a person's "
            "circle",
            line_callees,
            t.consumer_line_callees,
            Evidence.SUSPECT,
        )
    sequential_share = 1 - _share(f.callee_blocks, f.callees) if f.callees else 0.0
    clustering, coverage = callee_clustering(f.callees, f.callee_blocks, f.callee_exchanges)
    hundred_clustering, hundred_coverage = callee_clustering(
        f.callees, f.callee_blocks, f.callee_hundreds, BLOCKS_PER_HUNDRED
    )
    # Clustered beyond chance over the exchanges and within the 100-number blocks: a
    # survey's list-assisted sample (random numbers in a few hundred 100-number blocks
    # known to hold working lines) shares 10-number blocks no more than chance there.
    sequential = (
        f.callees >= t.sequential_min_callees
        and sequential_share >= t.sequential_share
        and (
            clustering >= t.sequential_clustering_share
            or coverage >= t.sequential_exchange_coverage_share
        )
        and (
            hundred_clustering >= t.sequential_clustering_share
            or hundred_coverage >= t.sequential_hundred_coverage_share
        )
    )
    if sequential:
        add(
            ReasonCode.SEQUENTIAL_DIALING,
            f"{_pct(sequential_share)} of callees share their 10-number block with another "
            "callee"
            + (
                f", in {_pct(1 - clustering)} of the blocks callees spread at random over "
                f"their {f.callee_exchanges:,} exchanges would fill"
                if f.callee_exchanges
                else ""
            )
            + (
                f"; they are {_pct(hundred_coverage)} of the numbers in their "
                f"{f.callee_hundreds:,} 100-number blocks"
                if f.callee_hundreds
                else ""
            )
            + " (number-order dialling)",
            sequential_share,
            t.sequential_share,
            Evidence.PATTERN,
        )

    # A carrier hands over many callers' numbers, but one recording comes from its sender's
    # own few numbers whoever carries it. Heard from a new number on nearly every answered
    # call, it is one campaign rotating or spoofing caller IDs to evade blocking; when the
    # numbers are unsigned, B- or C-attested, no provider vouched that the caller may use
    # any of them (47 USC 227(e), ATIS-1000074 attestation).
    if f.entity_type == "upstream_provider":
        unsigned = _share(f.weak_attestation, f.calls) >= t.weak_attestation_share
        weak_spike = _recording_of(f, "weak", "its calls not A-attested", t) or _carrier_spike(f, t)
        day_spike = _recording_of(f, "day", "the calls of its UTC day", t) if hourly else None
        # ... and of the day's calls not A-attested, where the hour's own spike there is at
        # its length (a B-signed message a few per cent of a carrier's answered calls)
        day_weak_spike = (
            _recording_of(f, "day_weak", "the calls not A-attested of its UTC day", t)
            or _carrier_spike(f, t, "day_")
            if hourly and _at_the_days_weak_length(f)
            else None
        )
        shared_spike = _shared_spike(f, t, hourly)
        # Where the recording is looked for, in order: (what the calls are, whether their
        # spike is a recording, the PRERECORDED_PATTERN finding it adds (value, threshold,
        # text) when none was made, the spike's calls and their numbers (see
        # _spike_numbers), its length, whether all of them are not A-attested). All the
        # window's calls first. A spoofed campaign that is a small part of a large
        # carrier's transit makes no spike in them, but does in the calls no provider
        # vouched for; and an hour of a flood of a few hundred calls an hour holds too few
        # answered calls for 50 numbers, while its UTC day shows them.
        routes = (
            ("", window_spike, None, _spike_numbers(f, "peak"), f.peak_duration_s, False),
            (" in the calls not A-attested", weak_spike is not None, weak_spike,
             _spike_numbers(f, "weak"), f.weak_peak_duration_s, True),
            (" over the window's UTC day", day_spike is not None,
             day_spike and (day_spike[0], day_spike[1],
                            f"the window's answered calls peak at {f.peak_duration_s} s, in "
                            f"the spike of its UTC day's: {day_spike[2]}"),
             _spike_numbers(f, "day"), f.day_peak_duration_s, False),
            (" in the calls not A-attested over the window's UTC day",
             day_weak_spike is not None,
             day_weak_spike and (day_weak_spike[0], day_weak_spike[1],
                                 f"the window's answered calls not A-attested peak at "
                                 f"{f.weak_peak_duration_s} s, in the spike of its UTC "
                                 f"day's: {day_weak_spike[2]}"),
             _spike_numbers(f, "day_weak"), f.day_weak_peak_duration_s, True),
            # ... and of several carriers' calls not A-attested pooled over the UTC day:
            # one message split over them, each part too thin to stand out alone
            (" in the calls not A-attested of several carriers over the window's UTC day",
             shared_spike is not None, shared_spike and shared_spike[0],
             shared_spike[1] if shared_spike else (0.0, 0.0, ""),
             f.shared_peak_duration_s, True),
        )  # fmt: skip
        for where, recording, spike, (calls, numbers, counted), centre, all_weak in routes:
            if not recording or numbers < max(t.rotation_min_caller_ids, 1):
                continue
            per_number = calls / numbers
            if per_number > t.recording_max_calls_per_caller_id:
                continue
            if spike is not None and not prerecorded:
                add(ReasonCode.PRERECORDED_PATTERN, spike[2], spike[0], spike[1], Evidence.PATTERN)
            add(
                ReasonCode.CALLER_ID_ROTATION,
                f"the recording at {centre} s{where}: {counted} ({per_number:.2f} calls each)"
                + (", most calls unsigned or C-attested" if unsigned and not all_weak else ""),
                per_number,
                t.recording_max_calls_per_caller_id,
                Evidence.ILLEGAL if unsigned or all_weak else Evidence.SUSPECT,
            )
            break

    # --- consent, hours, signing ----------------------------------------------------------
    use = classify_declared_use(context.declared_use)
    # 47 USC 227(b)(1)(A): prerecorded or autodialled calls need prior express consent;
    # emergency calls are exempt. The robocall shape is what makes consent required.
    # Live, hand-dialled calls need no consent, so without that shape the missing
    # records are a pattern only.
    # A recording is the sender's practice: an hour too thin to show the spike takes
    # the day's (context.day_prerecorded).
    # A consumer line's dialler (above) is automated calling by its reach.
    robocalls = (
        prerecorded
        or sequential
        or consumer_dialler
        or (context.day_prerecorded is True and not _mixes_sources(f))
    )
    needs_consent = robocalls and use is not DeclaredUse.EMERGENCY
    # Callees who answer three in five of a sender's calls or more (allowing for chance)
    # expect them: people who asked for a passcode or a reminder gave the consent that
    # asking for the call gives, and their missing records say that the account uploaded
    # none, not that anyone was robocalled against their will. Cold calls, recorded or
    # live, are answered on 10-35% of calls (the layered network's voice passcodes, 85%
    # answered around the clock, were `high` on their missing records alone). A declared
    # sales purpose keeps them a breach: telemarketing needs written consent.
    # (from min_calls calls: a sender's thin hours, thousands of them, would each pass the
    # bound now and then by chance, where its practice is its day's)
    asked_for = (
        needs_consent
        and use is not DeclaredUse.TELEMARKETING
        and f.calls >= t.min_calls
        and _lower_bound(asr, f.calls) >= t.expected_calls_answered_share
    )
    consent_evidence = Evidence.ILLEGAL if needs_consent and not asked_for else Evidence.PATTERN
    # what the analyst reading the reason must know of whether these calls need consent
    if asked_for:
        robocall_note = (
            f" (prerecorded or autodialled; {_pct(asr)} of the calls answered: callees "
            "expecting them, as people who asked for the call do; the records are missing, "
            "not shown refused: ask the account for them)"
        )
    elif needs_consent:
        robocall_note = " (prerecorded or autodialled)"
    elif robocalls:
        robocall_note = (
            " (declared emergency use: 47 USC 227(b)(1)(A) exempts calls made for emergency "
            "purposes; confirm the purpose)"
        )
    else:
        robocall_note = (
            " (no recording nor number-order dialling seen: calls a live agent speaks on need "
            "no consent under 47 USC 227(b)(1); a sales call must still not reach numbers on "
            "the do-not-call registry, 47 CFR 64.1200(c)(2), which call records do not show)"
        )

    def live_calls_only(judged: int, unconsented: int) -> str | None:
        # A recording played to consented customers beside live, hand-dialled calls to
        # people without records: only the recorded calls need consent (a dialler working
        # down number ranges needs it for every call it places). A window whose recorded
        # calls are too few to tell takes the account's practice over the period.
        if not needs_consent or sequential:
            return None
        over = ""
        consented = _recorded_calls_consented(judged, unconsented, t)
        if consented is None:
            judged, unconsented = f.period_band_consent_known, f.period_band_no_consent
            consented = _recorded_calls_consented(judged, unconsented, t)
            over = " over the period"
        if not consented:
            return None
        return (
            f"; of the {judged:,} answered calls at the recording's length{over}, "
            f"{_pct(_share(unconsented, judged))} reach numbers without records: the missing "
            "records are the live calls'"
        )

    # (a window too thin to judge its own share has too few recorded calls too: the period's)
    live = live_calls_only(f.band_consent_known, f.band_no_consent)
    outside_share = _share(f.outside_hours, f.hours_known)
    calls_at_night = (
        f.outside_hours >= t.outside_hours_min_calls
        and outside_share >= t.outside_hours_share
        and use is not DeclaredUse.EMERGENCY
    )
    no_consent_share = _share(f.no_consent, f.consent_known)
    # a seller's records other than written consent were left out when the list was
    # registered (analyze.register_consent): the reason must say which records it counts
    records = "written consent records" if use is DeclaredUse.TELEMARKETING else "consent records"
    seller_note = (
        "; a seller needs the callee's signed agreement (47 CFR 64.1200(a)(2))"
        if use is DeclaredUse.TELEMARKETING and needs_consent
        else ""
    )
    # 4 unconsented calls in an hour's 20 is 20%, within chance of an account whose
    # callees nearly all consented: the share counts when its lower bound crosses it.
    no_consent_bound = _lower_bound(no_consent_share, f.consent_known)
    # Missing consent is the account's practice: an hour of a sender whose day is covered
    # (under 20% without records) crosses the share by chance one hour in a hundred or so
    # (12 of 24 answered calls of a sender whose day is 86% covered). Against its day, the
    # hour must show it beyond 99.9% confidence; a campaign's busy hours hidden in a
    # covered day still do.
    day_covered = (
        context.account_no_consent_share is not None
        and context.account_no_consent_share < t.no_consent_share
    )
    by_chance = (
        day_covered
        and _lower_bound(no_consent_share, f.consent_known, _STRICT_Z) < t.no_consent_share
    )
    if f.consent_known >= t.min_answered:
        if no_consent_bound >= t.no_consent_share and not by_chance:
            add(
                ReasonCode.NO_CONSENT_WIRELESS,
                f"{_pct(no_consent_share)} of answered calls (at least "
                f"{_pct(no_consent_bound)} allowing for chance) to numbers without "
                f"{records}{live or robocall_note}{seller_note}",
                no_consent_share,
                t.no_consent_share,
                Evidence.PATTERN if live else consent_evidence,
                "no_consent",
            )
    elif (
        (needs_consent or (use is DeclaredUse.TELEMARKETING and calls_at_night))
        and f.no_consent
        and (period_consent := _period_no_consent_share(f, t)) is not None
    ):
        # Too few answered calls to judge the window alone, and calls that need consent:
        # the account's coverage over the period analysed says whether these calls'
        # callees are likely to have consented (a sender spreading a campaign thin over
        # days must not escape). The figure is the period's, so the window's own volume
        # does not gate it. Live calls need no consent, so for them it is not asked,
        # unless the account declares sales and calls at night: its calls are then
        # solicitations, and permission is what would exempt them from the calling hours
        # (47 CFR 64.1200(c)(1), (f)(15)). A thin hour of its night calls must show the
        # missing records its days show, or the hour lacks the second fact (grade). By
        # day the question is the do-not-call list's, which call records do not show.
        add(
            ReasonCode.NO_CONSENT_WIRELESS,
            f"{f.no_consent:,} of the window's {f.consent_known:,} answered calls, and "
            f"{_pct(period_consent)} of the account's {f.period_consent_known:,} over the "
            f"period analysed, to numbers without {records}{live or robocall_note}" + seller_note,
            period_consent,
            t.no_consent_share,
            Evidence.PATTERN if live else consent_evidence,
            "no_consent",
        )
    if (
        hourly
        and not prerecorded
        and any(x.code is ReasonCode.NO_CONSENT_WIRELESS for x in findings)
        and (day_recording := _day_recording_at_hours_length(f, context, t)) is not None
    ):
        # What makes a thin hour's unconsented calls need consent is its UTC day's
        # recording (robocalls, above): where the hour's own spike is at its length, the
        # hour plays it too, and it is named as the second fact beside the missing
        # consent, as it is for the day. Two or three messages over a day of 60-80 calls
        # an hour hold 20-30% of an hour's 15-25 answered calls each, in no hour enough
        # alone (seed 65 of the synth network at scale 0.05 over one day, hourly: `medium`
        # in every hour, its day `high`). Named only beside the missing consent: a
        # consented sender's thin hours are no alerts for their day's message.
        day_bound, day_threshold, day_text = day_recording
        add(
            ReasonCode.PRERECORDED_PATTERN,
            f"{f.peak_duration_calls:,} of the window's {f.long_answered:,} answered calls "
            f"last {f.peak_duration_s} s +-{_band(f.peak_duration_band_s)} s, too few to rule "
            f"out chance alone, at the length of its UTC day's recording: {day_text}",
            day_bound,
            day_threshold,
            Evidence.PATTERN,
        )
    if calls_at_night:
        # 47 CFR 64.1200(c)(1) limits the hours of *telephone solicitations*; reminders,
        # notifications and emergency calls to people who consented are not solicitations.
        # So night calling is on its face illegal only when it is the sender's practice (a
        # large share: a small one has innocent causes, callbacks, time zone slips) and
        # the calls are solicitations: declared as sales, or to people without consent
        # records (no relationship with the caller). A carrier's transit mix is many
        # senders: there it is a pattern only.
        if f.consent_known >= t.min_answered:
            unconsented: float | None = no_consent_share
        else:
            unconsented = context.account_no_consent_share
        # 47 CFR 64.1200(f)(15): a call to someone who gave permission is no solicitation;
        # without consent records, a declared sales purpose says what the calls are.
        if unconsented is None:
            solicitation = use is DeclaredUse.TELEMARKETING
        else:
            # Cold calls go mostly unanswered, the more so at night; callees who answer
            # three in five of a sender's calls or more expect them (a ride-hail proxy
            # putting a driver through at 1 am, a clinic's on-call line). Their missing records
            # then say that no one was asked for consent, which live calls do not need,
            # not that anyone was sold to: only a declared sales purpose says so.
            solicitation = unconsented >= t.no_consent_share and (
                use is DeclaredUse.TELEMARKETING or asr < t.expected_calls_answered_share
            )
        practice_share = (
            outside_share
            if context.day_outside_hours_share is None
            else context.day_outside_hours_share
        )
        if f.entity_type == "upstream_provider" or forwarded:
            # a carrier's transit is many senders'; calls forwarded to an account's client
            # lines are their callers' calls to those businesses, at the callers' hours
            hours_evidence = Evidence.PATTERN
        elif practice_share >= t.outside_hours_practice_share and solicitation:
            hours_evidence = Evidence.ILLEGAL
        else:
            hours_evidence = Evidence.SUSPECT
        # an analyst holding the rule's text against consented alarm or flight alerts
        # must read why the reason is not a violation on its face
        consented = (
            f"; {_pct(1 - unconsented)} of the answered calls reach numbers with consent "
            "records: calls to them are no solicitations (47 CFR 64.1200(f)(15))"
            if unconsented is not None and unconsented < t.no_consent_share
            else f"; {_pct(asr)} of the calls answered: callees expecting them, no evident "
            "solicitations (47 CFR 64.1200(f)(15))"
            if unconsented is not None and not solicitation
            else ""
        ) + (
            "; calls forwarded to the account's lines, keeping their callers' numbers: the "
            "callers chose the hours"
            if forwarded
            else ""
        )
        add(
            ReasonCode.OUTSIDE_CALLING_HOURS,
            f"{f.outside_hours:,} calls ({_pct(outside_share)}) before 8 am or after 9 pm "
            f"at the callee's location{consented}",
            outside_share,
            t.outside_hours_share,
            hours_evidence,
            "outside_hours",
        )
    weak_share = _share(f.weak_attestation, f.calls)
    if enough and weak_share >= t.weak_attestation_share:
        add(
            ReasonCode.UNSIGNED_OR_C_ATTESTED,
            f"{_pct(weak_share)} of calls unsigned or with C attestation",
            weak_share,
            t.weak_attestation_share,
            Evidence.PATTERN,
            "weak_attestation",
        )

    # --- what the provider knows about the source -----------------------------------------
    if context.in_rmd is False:
        add(
            ReasonCode.NOT_IN_RMD,
            "upstream provider not found in the Robocall Mitigation Database export",
            1.0,
            1.0,
            Evidence.ILLEGAL,
        )
    if context.tracebacks > 0:
        add(
            ReasonCode.TRACEBACK_HISTORY,
            f"{context.tracebacks} earlier traceback(s) to this source",
            context.tracebacks,
            1,
            Evidence.SUSPECT,
        )
    new_account = (
        context.account_age_days is not None and context.account_age_days < t.new_account_days
    )
    unverified = context.kyc_status in UNVERIFIED_KYC
    if findings and (new_account or unverified):
        what = []
        if new_account and context.account_age_days is not None:
            what.append(
                f"account opened {context.account_age_days:.0f} days before "
                f"(under {t.new_account_days})"
            )
        if unverified:
            what.append(f"KYC {context.kyc_status}")
        # Two conditions, either enough: the value counts those met (at least one), so it
        # crosses its threshold whichever holds (the age is in the detail).
        add(
            ReasonCode.NEW_OR_UNVERIFIED_ACCOUNT,
            ", ".join(what),
            float(new_account + unverified),
            1.0,
            Evidence.PATTERN,
        )
    return findings


#: the columns :func:`may_find` reads
MAY_FIND_COLUMNS = (
    "entity_type",
    "calls",
    "answered",
    "short_answered",
    "long_answered",
    "callees",
    "callee_blocks",
    "caller_ids",
    "nanp_pairs",
    "neighbor",
    "weak_nanp_pairs",
    "weak_neighbor",
    "day_weak_nanp_pairs",
    "day_weak_neighbor",
    "invalid_caller",
    "dno_caller",
    "unassigned_caller",
    "numbers_known",
    "own_number_caller",
    "no_consent",
    "consent_known",
    "outside_hours",
    "hours_known",
    "weak_attestation",
    "peak_duration_calls",
    "peak_duration_s",
    "peak_beyond_calls",
    "peak_band_total",
    "comb_duration_calls",
    "comb_band_total",
    "weak_long_answered",
    "weak_peak_duration_calls",
    "weak_peak_duration_s",
    "weak_peak_beyond_calls",
    "day_band_caller_ids",
    "day_weak_band_caller_ids",
    "shared_carriers",
    "shared_carriers_band_caller_ids",
    "peak_calls_per_minute",
    "period_no_consent",
    "period_consent_known",
    "period_long_answered",
    "period_peak_duration_calls",
    "period_siblings",
    "period_siblings_peak_duration_calls",
    "period_siblings_long_answered",
    "siblings",
    "siblings_peak_duration_calls",
    "siblings_long_answered",
    "day_peak_duration_calls",
    "day_long_answered",
    "day_siblings",
    "day_siblings_peak_duration_calls",
    "day_siblings_long_answered",
    "band_consent_known",
    "band_no_consent",
    "day_calls",
    "day_nanp_pairs",
    "day_neighbor",
    "day_caller_ids",
    "cancelled",
    "costly_unanswered_calls",
    "costly_unanswered_cancelled",
    "costly_unanswered_unreachable",
    "costly_unanswered_callees",
    "flooded_calls",
    "flooded_silent",
)


#: the columns :func:`may_be_a_recording` reads
RECORDING_COLUMNS = ("long_answered", "peak_duration_calls", "peak_duration_s", "peak_beyond_calls")


def may_be_a_recording(
    columns: Mapping[str, Sequence[Any] | np.ndarray], thresholds: Thresholds = DEFAULT_THRESHOLDS
) -> np.ndarray:
    """Per row of the feature table's ``long_answered``, ``peak_duration_calls``,
    ``peak_duration_s`` and ``peak_beyond_calls``: False only when the window's own spike
    is no recording, by :func:`recording_spike` nor :func:`_ended_recording` (their
    shares; the confidence bounds they are judged by are never above them)."""
    t = thresholds
    long_answered = np.asarray(columns["long_answered"], dtype=np.float64)
    peak = np.asarray(columns["peak_duration_calls"], dtype=np.float64)
    # unknown centres and beyonds (None) are NaN, and NaN passes no comparison
    centre = np.asarray(columns["peak_duration_s"], dtype=np.float64)
    beyond = np.asarray(columns["peak_beyond_calls"], dtype=np.float64)
    enough = long_answered >= t.prerecorded_min_answered
    with np.errstate(invalid="ignore"):
        ended = (
            (centre >= t.prerecorded_ended_min_s)
            & (peak >= t.prerecorded_ended_share * long_answered)
            & (beyond <= t.prerecorded_beyond_share * long_answered)
        )
    spike: np.ndarray = enough & ((peak >= t.prerecorded_share * long_answered) | ended)
    return spike


#: the feature table's columns :func:`consent_may_rest_on_live_calls` reads
CONSENT_BAND_COLUMNS = (
    "entity_type",
    "no_consent",
    "consent_known",
    "peak_duration_calls",
    "day_peak_duration_calls",
    "period_no_consent",
    "period_consent_known",
    "period_peak_duration_calls",
)


def consent_may_rest_on_live_calls(
    columns: Mapping[str, Sequence[Any] | np.ndarray], thresholds: Thresholds = DEFAULT_THRESHOLDS
) -> tuple[np.ndarray, np.ndarray]:
    """Per row of the feature table (``CONSENT_BAND_COLUMNS``): whether an account's
    answered calls without consent records cross the share in the window (first array; its
    recorded calls are then counted in the window and over the period) or, for a window too
    thin to judge alone, over the period (second), while it has a spike and
    so many answered calls outside it that they could hold all the missing records. Only
    these need the recorded calls' own consent counted (:func:`_recorded_calls_consented`);
    elsewhere the share settles it: where the calls outside the spike cannot hold the
    missing records, the recorded calls lack them."""
    t = thresholds
    account = np.isin(np.asarray(columns["entity_type"]), ("customer", "sub_account"))

    def crossing(prefix: str, spike: np.ndarray) -> np.ndarray:
        unconsented = np.asarray(columns[f"{prefix}no_consent"], dtype=np.float64)
        judged = np.asarray(columns[f"{prefix}consent_known"], dtype=np.float64)
        # the least share the spike's calls can have: every call outside it unconsented
        # (the spike's excess undercounts its calls, so this errs towards asking)
        with np.errstate(divide="ignore", invalid="ignore"):
            least = np.where(spike > 0, (unconsented - (judged - spike)) / spike, -1.0)
        crosses: np.ndarray = (
            account
            & (judged >= t.min_answered)
            & (unconsented >= t.no_consent_share * judged)
            & (least < t.no_consent_share)
        )
        return crosses

    def calls(name: str) -> np.ndarray:
        return np.asarray(columns[name], dtype=np.float64)

    spiking = (
        (calls("peak_duration_calls") > 0)
        | (calls("day_peak_duration_calls") > 0)
        | (calls("period_peak_duration_calls") > 0)
    )
    window = spiking & crossing("", calls("peak_duration_calls"))
    thin = (calls("consent_known") < t.min_answered) & (calls("no_consent") > 0)
    # a window asked is judged over the period too when its own spike holds too few calls
    period = (window | (thin & crossing("period_", calls("period_peak_duration_calls")))) & (
        calls("period_peak_duration_calls") > 0
    )
    return window, period


#: the columns of the feature table :func:`may_be_forwarding` reads
FORWARDING_COLUMNS = (
    "entity_type",
    "calls",
    "answered",
    "caller_ids",
    "callees",
    "callee_caller_pairs",
    "unassigned_caller",
    "numbers_known",
)


def may_be_forwarding(
    columns: Mapping[str, Sequence[Any] | np.ndarray], thresholds: Thresholds = DEFAULT_THRESHOLDS
) -> np.ndarray:
    """Per row of the feature table (``FORWARDING_COLUMNS``): an account's window rotating
    caller IDs not its own and answered like a forwarding service's, whose callees hear
    too few callers in it to tell forwarding from a spoofer's pool. Only these need their
    UTC day's callee-caller pairs counted (see :func:`detect`): elsewhere the window's
    own settle it, or nothing turns on them."""
    t = thresholds

    def values(name: str) -> np.ndarray:
        return np.asarray(columns[name], dtype=np.float64)

    calls, caller_ids, callees = values("calls"), values("caller_ids"), values("callees")
    known = values("numbers_known")
    found: np.ndarray = (
        np.isin(np.asarray(columns["entity_type"]), ("customer", "sub_account"))
        & (caller_ids >= t.rotation_min_caller_ids)
        & (calls <= t.rotation_max_calls_per_caller_id * caller_ids)
        & _upper_bounds(values("answered"), calls, t.forwarded_min_answered_share)
        & (values("callee_caller_pairs") < t.forwarded_min_caller_ids_per_callee * callees)
        & (known > 0)
        & (values("unassigned_caller") >= t.unassigned_share * known)
    )
    return found


#: the feature table's columns :func:`may_flood_callees` reads
FLOOD_COLUMNS = ("entity_type", "silent_calls", "silent_callees")
#: how far a distinct count's sketch may overstate (HyperLogLog: a standard error of 2-3%,
#: single counts seen 4-5% off at hundreds), with room to spare
_DISTINCT_COUNT_MARGIN = 0.1


def may_flood_callees(
    columns: Mapping[str, Sequence[Any] | np.ndarray], thresholds: Thresholds = DEFAULT_THRESHOLDS
) -> np.ndarray:
    """Per row of the feature table (``FLOOD_COLUMNS``): an account's window whose silent
    calls (busy, or hung up on at once) outnumber their distinct callees, beyond what the
    sketch may overstate those by, by as many repeats as a flood holds at least: of
    flood_min_calls calls to numbers each rung flood_callee_calls times, flood_silent_share
    silent, every silent call beyond the first to each number (100 calls: 80 silent to at
    most 5 numbers, 75 repeats). Only these are counted per callee (REPEATED_CALLS):
    counting every window's calls per callee would group by every callee, as many groups as
    calls. A flood under a tenth of its window's silent callees, which the sketch's error
    could hide, is not looked for."""
    t = thresholds
    silent = np.asarray(columns["silent_calls"], dtype=np.float64)
    callees = np.asarray(columns["silent_callees"], dtype=np.float64)
    repeats = t.flood_min_calls * (t.flood_silent_share - 1 / max(t.flood_callee_calls, 1))
    found: np.ndarray = np.isin(np.asarray(columns["entity_type"]), ("customer", "sub_account")) & (
        silent - callees * (1 + _DISTINCT_COUNT_MARGIN) >= repeats
    )
    return found


#: the feature table's columns :func:`may_spoof_neighbours_over_the_day` reads
NEIGHBOR_DAY_COLUMNS = (
    "entity_type",
    "calls",
    "caller_ids",
    "nanp_pairs",
    "neighbor",
    "day_calls",
    "day_nanp_pairs",
    "day_neighbor",
)


def may_spoof_neighbours_over_the_day(
    columns: Mapping[str, Sequence[Any] | np.ndarray], thresholds: Thresholds = DEFAULT_THRESHOLDS
) -> np.ndarray:
    """Per row of the feature table's hourly windows (``NEIGHBOR_DAY_COLUMNS``): an
    account's hour carrying calls from its callees' own exchanges, too thin to judge
    alone, whose UTC day crosses the neighbour share. Only these need the day's distinct
    caller IDs counted (:func:`detect` judges them over the day); elsewhere the hour's own
    figures settle it, or nothing turns on them."""
    t = thresholds

    def values(name: str) -> np.ndarray:
        return np.asarray(columns[name], dtype=np.float64)

    neighbor, pairs = values("neighbor"), values("nanp_pairs")
    day_neighbor, day_pairs = values("day_neighbor"), values("day_nanp_pairs")
    alone = (
        (values("calls") >= t.min_calls)
        & (values("caller_ids") >= t.neighbor_min_caller_ids)
        & (neighbor >= t.neighbor_share * pairs)
        & (pairs > 0)
    )
    found: np.ndarray = (
        np.isin(np.asarray(columns["entity_type"]), ["customer", "sub_account"])
        & (neighbor > 0)
        & ~alone
        & (values("day_calls") >= t.min_calls)
        & (day_pairs > 0)
        & (day_neighbor >= t.neighbor_share * day_pairs)
    )
    return found


def may_find(
    columns: Mapping[str, np.ndarray],
    hourly: bool,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    day_prerecorded: np.ndarray | None = None,
) -> np.ndarray:
    """Per entity-window (arrays of :data:`MAY_FIND_COLUMNS`, one element per row): False
    only when :func:`detect` finds nothing in its features whatever the context, short of
    four verdicts a context can hold against the entity by itself: an upstream provider
    missing from the RMD (``in_rmd`` False), earlier tracebacks, a caller ID not granted
    to its account (``number_granted`` False), or a consumer line's reach over its day
    (``line_day_callees``, which the analysis lets through itself).

    ``day_prerecorded`` (a bool per row: its context's ``day_prerecorded`` is True) is the
    one verdict of the context the caller can give for every row at once: a thin window
    of an account with missing consent records over the period is judged on them only
    when its calls need consent, and a recording heard over its day is what makes them
    need it when the window itself shows none (most hours of a network's accounts: without
    it, nearly all of them would be graded for nothing). None: any row's day may.

    Most entity-windows of a network are quiet (at 10M calls in hourly windows, 42,000 of
    560,000 can have a reason); the analysis makes objects, contexts and grades of the
    others only. Each test below is the necessary part of one detector's condition in
    :func:`detect`, computed the same way (a lower confidence bound is never above its
    share; a surge needs its minimum volume whatever the baseline).
    tests/traffic/test_detectors.py checks on generated features and contexts that nothing
    :func:`detect` finds is missed here.
    """
    t = thresholds
    c = {name: np.asarray(columns[name]) for name in MAY_FIND_COLUMNS}
    volume_scale = 1 / 24 if hourly else 1.0
    calls = c["calls"]

    def share(part: str, whole: str | np.ndarray) -> np.ndarray:
        # _share: part / whole, 0.0 for an empty whole
        denominator = c[whole] if isinstance(whole, str) else whole
        numerator = c[part].astype(np.float64)
        out = np.zeros(numerator.shape, dtype=np.float64)
        divided: np.ndarray = np.divide(numerator, denominator, out=out, where=denominator != 0)
        return divided

    def siblings_pool(prefix: str) -> np.ndarray:
        # siblings_spike's pool (``prefix``: "siblings_", "day_siblings_", ...): a
        # recording by its share, or its pile's share of the answered calls (the bounds
        # judged are never above their shares)
        pool, answered = c[f"{prefix}peak_duration_calls"], c[f"{prefix}long_answered"]
        least = np.where(
            pool >= t.prerecorded_pile_min_calls,
            min(t.prerecorded_share, t.prerecorded_ended_share),
            t.prerecorded_share,
        )
        found: np.ndarray = (answered >= t.prerecorded_min_answered) & (pool >= least * answered)
        return found

    def piled(spike: str, band_total: str) -> np.ndarray:
        # _piled_spike by its shares (the bounds judged are never above them)
        with np.errstate(invalid="ignore"):
            found: np.ndarray = (
                (c["long_answered"] >= t.prerecorded_min_answered)
                & (c[spike] >= t.prerecorded_pile_min_calls)
                & (c[spike] >= t.prerecorded_ended_share * c["long_answered"])
                & (c[spike] >= t.prerecorded_pile_share * c[band_total].astype(np.float64))
            )
        return found

    enough = calls >= t.min_calls
    per_caller_id = calls / np.maximum(c["caller_ids"], 1)
    by_one_sender = np.isin(c["entity_type"], ["customer", "sub_account"])
    found = (
        ((c["dno_caller"] >= t.dno_min_calls) & (share("dno_caller", calls) >= t.dno_share))
        | (
            (c["entity_type"] == "upstream_provider")
            & (c["own_number_caller"] >= t.own_number_min_calls)
        )
        | (
            (c["invalid_caller"] >= t.invalid_min_calls)
            & (share("invalid_caller", calls) >= t.invalid_share)
        )
        | (calls >= min(t.high_volume_calls, t.surge_min_calls) * volume_scale)
        | (c["peak_calls_per_minute"] >= t.high_volume_calls_per_minute)
        | (c["callees"] >= t.fanout_callees * volume_scale)
        | (
            (c["callees"] >= t.sequential_min_callees)
            & (1 - share("callee_blocks", "callees") >= t.sequential_share)
        )
        | may_be_a_recording(columns, t)
        # the window's own spikes or its comb's teeth piled (_piled_recording; unknown
        # totals are NaN)
        | piled("peak_duration_calls", "peak_band_total")
        | piled("comb_duration_calls", "comb_band_total")
        # an upstream provider's hour, its recording's numbers counted over its UTC day
        | (
            (c["entity_type"] == "upstream_provider")
            & (
                np.maximum(c["day_band_caller_ids"], c["day_weak_band_caller_ids"])
                >= max(t.rotation_min_caller_ids, 1)
            )
        )
        # several carriers' calls not A-attested pooled over the UTC day
        | (
            (c["entity_type"] == "upstream_provider")
            & (c["shared_carriers"] >= t.shared_min_carriers)
            & (c["shared_carriers_band_caller_ids"] >= max(t.rotation_min_caller_ids, 1))
        )
        # an upstream provider's calls not A-attested alone
        | (
            (c["entity_type"] == "upstream_provider")
            & (
                may_be_a_recording({name: c[f"weak_{name}"] for name in RECORDING_COLUMNS}, t)
                | (c["weak_peak_duration_calls"] >= t.carrier_spike_min_calls)
            )
        )
        | (
            (c["consent_known"] >= t.min_answered)
            & (share("no_consent", "consent_known") >= t.no_consent_share)
        )
        # a one-ring scam
        | (
            (calls >= max(t.min_calls, t.one_ring_min_calls * volume_scale))
            & (c["answered"] <= t.one_ring_max_answered_share * calls)
            & (c["cancelled"] >= t.one_ring_cancelled_share * calls)
            & (c["callees"] >= t.one_ring_min_callee_share * calls)
        )
        # ... from numbers costly to call back (_one_ring_numbers)
        | (
            (
                c["costly_unanswered_calls"]
                >= np.where(
                    c["entity_type"] == "caller_id",
                    t.one_ring_costly_number_min_calls,
                    max(t.min_calls, t.one_ring_min_calls * volume_scale),
                )
            )
            & (
                c["costly_unanswered_cancelled"]
                >= t.one_ring_cancelled_share
                * (c["costly_unanswered_calls"] - c["costly_unanswered_unreachable"])
            )
            & (c["costly_unanswered_cancelled"] > 0)
            & (
                c["costly_unanswered_callees"]
                >= t.one_ring_min_callee_share * c["costly_unanswered_calls"]
            )
        )
        # an hour's neighbour spoofing over its UTC day
        | (
            hourly
            & (c["neighbor"] > 0)
            & (c["day_calls"] >= t.min_calls)
            & (c["day_caller_ids"] >= t.neighbor_min_caller_ids)
            & (share("day_neighbor", "day_nanp_pairs") >= t.neighbor_share)
        )
        | (
            (c["outside_hours"] >= t.outside_hours_min_calls)
            & (share("outside_hours", "hours_known") >= t.outside_hours_share)
        )
        # unsigned_neighbors, by its counts (the excess is never above the calls), of the
        # window or of an hour's day
        | (
            (c["entity_type"] == "upstream_provider")
            & (c["weak_neighbor"] >= t.unsigned_neighbor_min_calls)
            & (c["nanp_pairs"] - c["weak_nanp_pairs"] >= t.unsigned_neighbor_min_vouched)
        )
        | (
            (c["entity_type"] == "upstream_provider")
            & (c["weak_neighbor"] > 0)
            & (c["day_weak_neighbor"] >= t.unsigned_neighbor_min_calls)
            & (c["day_nanp_pairs"] - c["day_weak_nanp_pairs"] >= t.unsigned_neighbor_min_vouched)
        )
    )
    found |= enough & (
        (share("answered", calls) < t.low_asr)
        | (
            (c["caller_ids"] >= t.neighbor_min_caller_ids)
            & (share("neighbor", "nanp_pairs") >= t.neighbor_share)
        )
        | (
            by_one_sender
            & (c["caller_ids"] >= t.rotation_min_caller_ids)
            & (per_caller_id <= t.rotation_max_calls_per_caller_id)
        )
        | (
            (c["numbers_known"] > 0)
            & (share("unassigned_caller", "numbers_known") >= t.unassigned_share)
        )
        | (
            (c["answered"] >= t.min_answered)
            & (share("short_answered", "answered") >= t.short_calls_share)
        )
        | (share("weak_attestation", calls) >= t.weak_attestation_share)
    )
    # a window too thin to judge alone takes the account's practice over the period, whatever
    # its own volume (_period_recording, _period_no_consent_share; a bound is never above its
    # share)
    found |= (
        (
            (c["peak_duration_calls"] > 0)
            & (
                (share("peak_duration_calls", "long_answered") >= t.prerecorded_share)
                # spike_could_be_recording, by its share (its lower bound is never above)
                | (
                    (c["long_answered"] >= t.prerecorded_min_answered)
                    & (
                        share("peak_duration_calls", "long_answered")
                        >= t.prerecorded_period_window_share
                    )
                )
            )
            & (c["period_long_answered"] >= t.prerecorded_min_answered)
            & (share("period_peak_duration_calls", "period_long_answered") >= t.prerecorded_share)
        )
        | (
            # _siblings_recording (an account's own calls may agree over its period:
            # young_siblings_recording)
            (c["siblings"] > 0) & (c["peak_duration_calls"] > 0) & siblings_pool("siblings_")
        )
        | (
            # day_siblings_recording (the day's own share may fall short by chance)
            (c["day_siblings"] > 0)
            & (c["day_peak_duration_calls"] > 0)
            & siblings_pool("day_siblings_")
        )
        | (
            # _period_siblings_recording
            (c["period_siblings"] > 0)
            & (c["peak_duration_calls"] > 0)
            & (share("peak_duration_calls", "long_answered") >= t.prerecorded_share)
            & (c["period_long_answered"] >= t.min_answered)
            & (share("period_peak_duration_calls", "period_long_answered") >= t.prerecorded_share)
            & siblings_pool("period_siblings_")
        )
        | (
            # _period_no_consent_share, asked of calls that need consent: a window's own
            # recording or number-order dialling is a finding of its own above, so what is
            # left is its day's recording (a declared seller's night window, also asked,
            # is let through by its night calls; the day's recording named in an hour,
            # _day_recording_at_hours_length, only beside a finding of missing consent)
            (c["no_consent"] > 0)
            & (c["consent_known"] < t.min_answered)
            & (c["period_consent_known"] >= t.min_answered)
            & (share("period_no_consent", "period_consent_known") >= t.no_consent_share)
            & (True if day_prerecorded is None else np.asarray(day_prerecorded, dtype=bool))
        )
        | (
            # REPEATED_CALLS
            (c["flooded_calls"] >= t.flood_min_calls)
            & (share("flooded_silent", "flooded_calls") >= t.flood_silent_share)
        )
        | (
            # _recording_to_another_list
            (c["long_answered"] >= t.prerecorded_min_answered)
            & (c["band_consent_known"] >= t.prerecorded_min_answered)
            & (share("peak_duration_calls", "long_answered") >= t.prerecorded_list_share)
            & (share("band_no_consent", "band_consent_known") >= t.no_consent_share)
        )
    )
    return np.asarray(found, dtype=bool)


def assess(
    features: EntityFeatures,
    context: EntityContext = EntityContext(),
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
) -> Assessment:
    """Reasons, a 0-100 score and a severity for one entity in one window."""
    findings = detect(features, context, thresholds)
    return grade(
        findings,
        context,
        thresholds,
        delivery_notice_shape=_delivery_notice_shape(features),
    )


def _delivery_notice_shape(f: EntityFeatures) -> bool:
    """Whether the window's calls keep to what FCC 14-32 lets call records show of
    package delivery notices: every recording spike counted (the window's, its comb's,
    its UTC day's) at a minute or less, and at most two calls per number called."""
    lengths = [
        *_spike_lengths(f.peak_durations_s, f.peak_duration_s),
        *f.comb_durations_s,
        *((f.day_peak_duration_s,) if f.day_peak_duration_s is not None else ()),
    ]
    return (
        f.callees > 0
        and f.calls <= _DELIVERY_NOTICES_PER_CALLEE * f.callees
        and max(lengths, default=0) <= _DELIVERY_NOTICE_LONGEST_S
    )


def _notice_hold(declared_use: str | None, delivery_notice_shape: bool) -> str | None:
    """The note holding an informational account's notices at medium when missing consent
    records are all that make them illegal (see :func:`grade`), or None: a package
    delivery company's whose calls keep to what FCC 14-32 lets call records show, or a
    maker's safety recall notices."""
    declared = (declared_use or "").lower()
    common = "by an established, verified account from its own numbers, illegal only for "
    if _PACKAGE_DELIVERY.search(declared) and delivery_notice_shape:
        return (
            f"declared package delivery notices {common}missing consent records, messages of "
            "a minute or less and at most two calls a number: the FCC exempts free package "
            "delivery notices to wireless numbers from prior express consent (FCC 14-32, "
            "47 USC 227(b)(2)(C)) if each goes to the recipient's number from the shipper, "
            "one a package (two with a signature), and opt-outs are honoured within 30 "
            "days; held at medium, ask the account how it meets them"
        )
    if _SAFETY_RECALL.search(declared):
        return (
            f"declared safety recall notices {common}missing consent records: the maker must "
            "notify the owners of what it recalls (49 USC 30118-30119 for vehicles), and an "
            "owner who gave it or its dealer a number with the product consented to calls "
            "about it (FCC 92-443 para. 31; FCC 07-232), records a carrier seldom holds; "
            "held at medium, ask the account for its owners' numbers' source"
        )
    return None


def grade(
    findings: Sequence[Finding],
    context: EntityContext = EntityContext(),
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    *,
    delivery_notice_shape: bool = False,
) -> Assessment:
    """Score is a noisy-or of the reasons' weights; severity follows the evidence kinds:

    * high: a reason that is illegal on its face and either stands alone by nature (a
      spoofed or forbidden caller ID, an unregistered carrier) or has a second witness of
      substance (not only volume or account age); or two suspect ones in automated calling;
    * medium: one suspect or uncorroborated illegal reason, or a score of 40 or more;
    * low: patterns only (but an account's recording or hit list is medium when no
      consent records were given to check it against).

    The score is then kept inside its severity's band (high >= 75, medium 40-74, low < 40)
    so the two never disagree.
    """
    notes: list[str] = []
    remaining = 1.0
    for finding in findings:
        remaining *= 1 - _WEIGHTS[finding.code]
    raw = round(100 * (1 - remaining))
    illegal = [f for f in findings if f.evidence is Evidence.ILLEGAL]
    suspect = [f for f in findings if f.evidence is Evidence.SUSPECT]
    # Two suspect reasons make a case only for automated calling: a contact centre
    # without consent records calling late is a compliance question, not a robocaller.
    automated = any(f.code in _AUTOMATED for f in findings)
    # One reason alone (night calls, hang-ups...) has innocent explanations; a caller ID
    # that is forbidden, invalid or spoofed to the callee's exchange, or a carrier missing
    # from the RMD, does not.
    # Size and age witness nothing; but a consumer line's reach, suspect, says what its
    # calls are: a dialler's.
    witnesses = [
        f for f in findings if f.code not in _CONTEXT_ONLY or f.evidence is not Evidence.PATTERN
    ]
    use = classify_declared_use(context.declared_use)
    # An account that declares sales makes its calls solicitations by its own word: its
    # missing consent records are then a second fact, that it had no permission
    same_fact = {} if use is DeclaredUse.TELEMARKETING else _SAME_FACT
    corroborated = [
        f
        for f in illegal
        if f.code in SELF_EVIDENT
        or f.self_evident
        or any(w is not f and w.code not in same_fact.get(f.code, ()) for w in witnesses)
    ]
    if corroborated or (len(suspect) >= 2 and automated):
        severity = Severity.HIGH
    elif illegal or suspect or raw >= 40:
        severity = Severity.MEDIUM
    else:
        severity = Severity.LOW
    caller_id_abuse = any(f.code in _CALLER_ID_ABUSE for f in illegal)
    if (
        severity is Severity.HIGH
        and use is DeclaredUse.EMERGENCY
        and context.kyc_status == "verified"
        and not caller_id_abuse
        and context.in_rmd is not False
    ):
        severity = Severity.MEDIUM
        notes.append(
            "declared emergency use by a verified account, caller IDs clean: "
            "held at medium for an analyst (47 USC 227(b)(1)(A) exempts emergency calls)"
        )
    # A healthcare provider's reminders to its own patients rest on consent the carrier
    # seldom holds records of: a patient who gave the provider a number consented to its
    # healthcare calls (FCC 15-72, the AAHAM ruling). When missing records are all that
    # makes an established, verified provider's calls illegal, an analyst asks for them.
    # (an account the provider knows: verified, past its first weeks, in no RMD trouble)
    established = (
        context.kyc_status == "verified"
        and context.account_age_days is not None
        and context.account_age_days >= thresholds.new_account_days
        and context.in_rmd is not False
    )
    if (
        severity is Severity.HIGH
        and use is DeclaredUse.HEALTHCARE
        and established
        and {f.code for f in corroborated} == {ReasonCode.NO_CONSENT_WIRELESS}
        and not (len(suspect) >= 2 and automated)
    ):
        severity = Severity.MEDIUM
        notes.append(
            "declared healthcare calls by an established, verified account, illegal only for "
            "missing consent records: a patient who gave the provider a number consented to "
            "its healthcare calls (FCC 15-72; 47 CFR 64.1200(a)(2)); held at medium, ask the "
            "account for its patients' consent"
        )
    # Two kinds of notice rest on what consent records do not show: a package delivery
    # company's to recipients on an exemption (FCC 14-32: free to the callee, to the
    # number the shipper gave, one a package, a minute or less, an opt-out honoured within
    # 30 days), a maker's safety recall notices to owners on the number each owner gave
    # with the product. When missing records are all that make an established, verified
    # account's calls from its own numbers illegal (and a delivery company's calls keep
    # to the conditions the records show, ``delivery_notice_shape``), the rest is an
    # analyst's question.
    # (the declared use is read last: every judged window is graded, few are held)
    if (
        severity is Severity.HIGH
        and use is DeclaredUse.INFORMATIONAL
        and established
        and {f.code for f in corroborated} == {ReasonCode.NO_CONSENT_WIRELESS}
        and not any(f.code in _NOT_ITS_OWN_NUMBERS for f in findings)
        and not (len(suspect) >= 2 and automated)
        and (held_notice := _notice_hold(context.declared_use, delivery_notice_shape)) is not None
    ):
        severity = Severity.MEDIUM
        notes.append(held_notice)
    # Non-commercial calling (political, electoral, a tax-exempt nonprofit's) by recording
    # is lawful to residential lines without consent (47 CFR 64.1200(a)(3)(ii)-(iv)) and
    # unlawful to wireless numbers (47 USC 227(b)(1)(A)(iii)); the CDRs do not say which a
    # callee is (NANP numbers carry no line type), nor are such calls solicitations, whose
    # hours 64.1200(c)(1) limits. When missing records (and night calls) are all that make
    # an established, verified account's calls from its own numbers illegal, the line
    # types are an analyst's question: a party's landline-only GOTV waves looked like a
    # consultancy's blast to a cell-phone list, which stays high on being new, unverified
    # or presenting numbers not its own.
    if (
        severity is Severity.HIGH
        and use is DeclaredUse.NONCOMMERCIAL
        and established
        and {f.code for f in corroborated}
        <= {ReasonCode.NO_CONSENT_WIRELESS, ReasonCode.OUTSIDE_CALLING_HOURS}
        and not any(f.code in _NOT_ITS_OWN_NUMBERS for f in findings)
        and not (len(suspect) >= 2 and automated)
    ):
        severity = Severity.MEDIUM
        notes.append(
            "declared political or nonprofit calls by an established, verified account from "
            "its own numbers, illegal only for missing consent records: recorded calls to "
            "residential lines need none (47 CFR 64.1200(a)(3)(ii)-(iv)), to wireless "
            "numbers they do (47 USC 227(b)(1)(A)(iii)), and the calls are no solicitations "
            "(64.1200(f)(15)); held at medium, ask the account which of its callees are "
            "wireless and for their consent"
        )
    # A caller ID granted to the account that presents it, whose calls reach people who
    # consented, is that account's own line: what it does is judged at the account.
    own_consented_line = (
        context.number_granted is True
        and context.account_no_consent_share is not None
        and context.account_no_consent_share < thresholds.no_consent_share
    )
    if (
        severity is Severity.HIGH
        and own_consented_line
        and not any(f.code in SELF_EVIDENT for f in findings)
    ):
        severity = Severity.MEDIUM
        notes.append(
            "the account's own granted number, its calls' callees consented: held at medium, "
            "judge the account"
        )
    # Whether the calls are robocalls whose consent an analyst is to question below (the
    # emergency exemption needs none)
    consent_in_question = use is not DeclaredUse.EMERGENCY and any(
        f.code in _ROBOCALL_SHAPES for f in findings
    )
    # Without consent records the one question that separates a consented reminder from
    # an illegal robocall (47 USC 227(b)(1)(A), 47 CFR 64.1200(a)(2)-(3)) was not asked:
    # automated calling is then an analyst's to check, never high on that alone.
    if context.consent_unchecked and consent_in_question:
        if severity is Severity.LOW:
            severity = Severity.MEDIUM
        notes.append(
            "prerecorded or autodialled calls, and no consent records were given: ask the "
            "account for its callees' prior express consent (47 USC 227(b)(1)(A), "
            "47 CFR 64.1200(a)(2)-(3))"
        )
    # Prior express written consent is an agreement with the seller that calls (47 CFR
    # 64.1200(f)(9)): a form on a lead generator's site whose fine print lists hundreds of
    # "marketing partners" gives none to any one of them. Records gathered on other
    # organisations' pages cannot say by themselves that the consent is not real (a
    # business may host its forms elsewhere), so a robocaller resting on them is an
    # analyst's to read, never high on that alone.
    sources = context.consent_sources
    if (
        consent_in_question
        and sources is not None
        and sources.records >= thresholds.consent_elsewhere_min_records
        and sources.elsewhere_share >= thresholds.consent_elsewhere_share
    ):
        if severity is Severity.LOW:
            severity = Severity.MEDIUM
        notes.append(
            f"prerecorded or autodialled calls, and {_pct(sources.elsewhere_share)} of the "
            f"account's {sources.records:,} consent records point to other organisations' "
            f"pages ({', '.join(sources.sites)}): consent gathered by lead generators names "
            "this seller only if the consumer agreed to its calls (47 CFR 64.1200(f)(9)); "
            "ask the account for the signed agreements"
        )
    bands = {Severity.HIGH: (75, 100), Severity.MEDIUM: (40, 74), Severity.LOW: (0, 39)}
    low, high = bands[severity]
    return Assessment(min(max(raw, low), high), severity, tuple(findings), tuple(notes))
