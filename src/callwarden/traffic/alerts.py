"""Alerts: what ``callwarden analyze`` hands to analysts and to automatic mitigation.

The record and its JSON Lines form follow docs/formats.md section 5 exactly; the reason
codes are a stable vocabulary documented in docs/detectors.md, each pointing at the rule
whose breach the evidence suggests.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import IO, Any


class EntityType(StrEnum):
    CUSTOMER = "customer"
    SUB_ACCOUNT = "sub_account"
    CALLER_ID = "caller_id"
    UPSTREAM_PROVIDER = "upstream_provider"


class Severity(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    #: this source should be mitigated now (formats.md section 5)
    HIGH = "high"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.LOW: 0, Severity.MEDIUM: 1, Severity.HIGH: 2}


class ReasonCode(StrEnum):
    """Why an entity was flagged. Stable: renaming a member breaks downstream tools."""

    HIGH_VOLUME = "HIGH_VOLUME"
    VOLUME_SURGE = "VOLUME_SURGE"
    LOW_ASR = "LOW_ASR"
    SHORT_CALLS = "SHORT_CALLS"
    PRERECORDED_PATTERN = "PRERECORDED_PATTERN"
    HIGH_FANOUT = "HIGH_FANOUT"
    SEQUENTIAL_DIALING = "SEQUENTIAL_DIALING"
    NEIGHBOR_SPOOFING = "NEIGHBOR_SPOOFING"
    INVALID_CALLER_ID = "INVALID_CALLER_ID"
    DNO_CALLER_ID = "DNO_CALLER_ID"
    UNASSIGNED_CALLER_ID = "UNASSIGNED_CALLER_ID"
    CALLER_ID_ROTATION = "CALLER_ID_ROTATION"
    NO_CONSENT_WIRELESS = "NO_CONSENT_WIRELESS"
    OUTSIDE_CALLING_HOURS = "OUTSIDE_CALLING_HOURS"
    UNSIGNED_OR_C_ATTESTED = "UNSIGNED_OR_C_ATTESTED"
    NOT_IN_RMD = "NOT_IN_RMD"
    TRACEBACK_HISTORY = "TRACEBACK_HISTORY"
    NEW_OR_UNVERIFIED_ACCOUNT = "NEW_OR_UNVERIFIED_ACCOUNT"
    ONE_RING_SCAM = "ONE_RING_SCAM"
    REPEATED_CALLS = "REPEATED_CALLS"


#: Reasons that fire when the value is at or under the threshold ("at most"), or strictly
#: under it ("below"); every other reason fires at or over it ("at least").
AT_MOST_CODES: frozenset[ReasonCode] = frozenset({ReasonCode.CALLER_ID_ROTATION})
BELOW_CODES: frozenset[ReasonCode] = frozenset({ReasonCode.LOW_ASR})


def comparison(code: ReasonCode) -> str:
    """How a reason's value compares with its threshold when the reason fires."""
    if code in AT_MOST_CODES:
        return "at most"
    if code in BELOW_CODES:
        return "below"
    return "at least"


def crosses(code: ReasonCode, value: float, threshold: float) -> bool:
    """Whether ``value`` justifies ``code`` against ``threshold`` in its direction."""
    if code in AT_MOST_CODES:
        return value <= threshold
    if code in BELOW_CODES:
        return value < threshold
    return value >= threshold


#: The rule each reason points at: what an analyst cites when acting on the alert.
RULES: Mapping[ReasonCode, str] = {
    ReasonCode.HIGH_VOLUME: "47 CFR 64.1200(n)(2): know-your-customer duty to prevent "
    "the network being used to originate illegal calls",
    ReasonCode.VOLUME_SURGE: "47 CFR 64.1200(n)(2): know-your-customer duty (sudden change "
    "against the account's own history)",
    ReasonCode.LOW_ASR: "47 USC 227(b)(1): autodialled mass calling (few calls answered)",
    ReasonCode.SHORT_CALLS: "47 USC 227(b)(1): callees hanging up on unwanted calls; "
    "47 CFR 64.1200(a)(7): a predictive dialler may abandon at most 3% of the telemarketing "
    "calls answered (call records do not say which side hung up)",
    ReasonCode.PRERECORDED_PATTERN: "47 USC 227(b)(1)(A)-(B); 47 CFR 64.1200(a)(1)-(3): "
    "artificial or prerecorded voice calls",
    ReasonCode.HIGH_FANOUT: "47 USC 227(b)(1): mass calling to many distinct numbers",
    ReasonCode.SEQUENTIAL_DIALING: "47 USC 227(a)(1): equipment dialling numbers with a "
    "sequential number generator",
    ReasonCode.NEIGHBOR_SPOOFING: "47 USC 227(e); 47 CFR 64.1604: caller ID spoofed to "
    "match the callee's exchange",
    ReasonCode.ONE_RING_SCAM: "47 CFR 64.1200(k); TRACED Act section 12, FCC 20-171 (2020): "
    "one-ring scam calls, placed to be missed and returned at the callee's expense, are "
    "illegal and may be blocked",
    ReasonCode.REPEATED_CALLS: "47 USC 223(a)(1)(D)-(E): causing a telephone to ring "
    "repeatedly or continuously, to harass at the called number; 47 USC 227(b)(1)(D), "
    "47 CFR 64.1200(a)(5): autodialled calls engaging two or more lines of a multi-line "
    "business at once",
    ReasonCode.INVALID_CALLER_ID: "47 CFR 64.1200(k)(2)-(3): calls from invalid or "
    "unallocated numbers may be blocked",
    ReasonCode.DNO_CALLER_ID: "47 CFR 64.1200(k)(1), (o): calls from Do-Not-Originate "
    "numbers must be blocked",
    ReasonCode.UNASSIGNED_CALLER_ID: "47 USC 227(e); 47 CFR 64.1604: caller ID the account "
    "has no right to use",
    ReasonCode.CALLER_ID_ROTATION: "47 USC 227(e); 47 CFR 64.1604: caller ID rotated to "
    "evade blocking",
    ReasonCode.NO_CONSENT_WIRELESS: "47 USC 227(b)(1)(A)(iii); 47 CFR 64.1200(a)(1)(iii), "
    "(a)(2): prior express consent required",
    ReasonCode.OUTSIDE_CALLING_HOURS: "47 CFR 64.1200(c)(1): no solicitation before 8 am or "
    "after 9 pm at the called party's location",
    ReasonCode.UNSIGNED_OR_C_ATTESTED: "47 CFR 64.6301: STIR/SHAKEN attestation (ATIS-1000074)",
    ReasonCode.NOT_IN_RMD: "47 CFR 64.6305(g): no traffic from providers absent from the "
    "Robocall Mitigation Database",
    ReasonCode.TRACEBACK_HISTORY: "47 CFR 64.1200(n)(1), 64.6305: earlier tracebacks to this "
    "source",
    ReasonCode.NEW_OR_UNVERIFIED_ACCOUNT: "47 CFR 64.1200(n)(4); 64.6305(d)(2)(ii): "
    "know-your-customer vetting",
}


@dataclass(frozen=True)
class Reason:
    code: ReasonCode
    detail: str
    value: float
    threshold: float
    #: up to a few call ids showing this reason (the evidence behind the figure)
    sample_call_ids: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code.value,
            "detail": self.detail,
            "value": _round(self.value),
            "threshold": _round(self.threshold),
            "rule": RULES[self.code],
            "sample_call_ids": list(self.sample_call_ids),
        }


@dataclass(frozen=True)
class Alert:
    """One flagged entity in one window (formats.md section 5)."""

    alert_id: str
    entity_type: EntityType
    entity_id: str
    customer_id: str  # empty for an upstream provider
    window_start: datetime
    window_end: datetime
    score: int
    severity: Severity
    calls: int
    reasons: tuple[Reason, ...]
    sample_call_ids: tuple[str, ...]
    #: the figures behind the reasons, by feature name (an analyst's "why")
    evidence: Mapping[str, float | int | str | None] = field(default_factory=dict)
    #: what the analyst should know that is not a reason (attribution, declared use)
    notes: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "alert_id": self.alert_id,
            "entity_type": self.entity_type.value,
            "entity_id": self.entity_id,
            "customer_id": self.customer_id,
            "window_start": _iso(self.window_start),
            "window_end": _iso(self.window_end),
            "score": self.score,
            "severity": self.severity.value,
            "calls": self.calls,
            "reasons": [reason.to_json() for reason in self.reasons],
            "sample_call_ids": list(self.sample_call_ids),
            "rules": sorted({RULES[reason.code] for reason in self.reasons}),
            "evidence": {key: _round(value) for key, value in self.evidence.items()},
            "notes": list(self.notes),
        }


#: an alert as plain values (see :func:`alert_state`)
AlertState = tuple[Any, ...]


def alert_state(alert: Alert) -> AlertState:
    """``alert`` as plain values (strings, numbers, datetimes, tuples, the evidence dict),
    for another process to rebuild with :func:`alert_from_state`: pickled as the objects
    themselves, an alert cost its receiver 30-40 us to load, enums and all; as its state,
    about 13 us to load and rebuild."""
    return (
        alert.alert_id,
        alert.entity_type.value,
        alert.entity_id,
        alert.customer_id,
        alert.window_start,
        alert.window_end,
        alert.score,
        alert.severity.value,
        alert.calls,
        tuple(
            (r.code.value, r.detail, r.value, r.threshold, r.sample_call_ids) for r in alert.reasons
        ),
        alert.sample_call_ids,
        dict(alert.evidence),
        alert.notes,
    )


def alert_from_state(state: AlertState) -> Alert:
    """The alert :func:`alert_state` gave ``state`` of."""
    (alert_id, entity_type, entity_id, customer_id, start, end, score, severity, calls,
     reasons, sample_call_ids, evidence, notes) = state  # fmt: skip
    return Alert(
        alert_id=alert_id,
        entity_type=EntityType(entity_type),
        entity_id=entity_id,
        customer_id=customer_id,
        window_start=start,
        window_end=end,
        score=score,
        severity=Severity(severity),
        calls=calls,
        reasons=tuple(
            Reason(ReasonCode(code), detail, value, threshold, samples)
            for code, detail, value, threshold, samples in reasons
        ),
        sample_call_ids=sample_call_ids,
        evidence=evidence,
        notes=notes,
    )


def _iso(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _round(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 4)
    return value


def write_alerts_jsonl(alerts: Iterable[Alert], destination: Path | IO[str]) -> int:
    """Write one alert per line; return how many.

    A file is written beside its final name and renamed into place, so a crash never
    leaves a half-written alerts file that a mitigation job would act on.
    """
    if not isinstance(destination, Path):
        return _write_lines(alerts, destination)
    partial = destination.with_name(destination.name + ".partial")
    with partial.open("w", encoding="utf-8") as handle:
        count = _write_lines(alerts, handle)
        handle.flush()
        os.fsync(handle.fileno())
    partial.replace(destination)
    return count


def _write_lines(alerts: Iterable[Alert], handle: IO[str]) -> int:
    count = 0
    for alert in alerts:
        handle.write(json.dumps(alert.to_json(), separators=(",", ":"), ensure_ascii=False))
        handle.write("\n")
        count += 1
    return count
