"""How good the detectors are on labelled traffic (``callwarden synth`` writes labels.csv).

The bar (formats.md section 5): every labelled illegal campaign reaches ``high``, and no
legitimate entity does. A campaign's caller IDs are many and each is used a little (that
is the point of rotating them): one counts as caught when its own alert or the alert of
the source that used it is high.

Every alert is judged, not only those of labelled entities: a legitimate sender's own
numbers are not labelled, yet an alert on one of them is a false positive all the same.
An alert on a caller ID no campaign used counts against the legitimate kind of the
account it came through (row ``caller_id``, that account's behaviour), or against
``unattributed`` when it came through no single account (transit, shared numbers).
:func:`evaluate` is pure; :func:`evaluate_network` runs the whole loop (synthesise, read,
analyse, compare) in a directory.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from callwarden.synth.service import SynthOptions, synthesize
from callwarden.traffic.alerts import Alert, EntityType, Severity
from callwarden.traffic.analyze import (
    AnalysisOptions,
    analyze_calls,
    connect_cdr_files,
    read_reference_files,
    stage_cdr_files,
)

#: behaviour row for alerts on unlabelled caller IDs that came through no single account
UNATTRIBUTED = "unattributed"

_USED_BY = re.compile(r"(?:used|presented) by (customer|sub_account|upstream_provider) (.+?)\s*$")


@dataclass
class LabelRow:
    """Counts for one (legitimate, entity_type, behaviour) group of labels."""

    legitimate: bool
    entity_type: str
    behaviour: str
    entities: int = 0
    high: int = 0
    medium: int = 0
    low: int = 0
    none: int = 0
    #: caller IDs caught through the source that used them
    high_via_source: int = 0
    #: entity ids judged wrongly: a campaign below high, a legitimate entity at high
    missed: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        if self.legitimate:
            return self.high == 0
        return self.high + self.high_via_source == self.entities


@dataclass
class QualityReport:
    rows: list[LabelRow]

    @property
    def ok(self) -> bool:
        return all(row.ok for row in self.rows)

    @property
    def campaigns_missed(self) -> int:
        return sum(
            row.entities - row.high - row.high_via_source for row in self.rows if not row.legitimate
        )

    @property
    def legitimate_high(self) -> int:
        return sum(row.high for row in self.rows if row.legitimate)

    def table(self) -> str:
        # the column as wide as the longest behaviour name, so the counts stay aligned
        width = max([28, *(len(row.behaviour) for row in self.rows)])
        header = (
            f"{'kind':<10} {'entity_type':<18} {'behaviour':<{width}} {'n':>6} {'high':>6} "
            f"{'via src':>7} {'medium':>6} {'low':>5} {'none':>5}  ok"
        )
        lines = [header, "-" * len(header)]
        for row in self.rows:
            lines.append(
                f"{'legit' if row.legitimate else 'campaign':<10} {row.entity_type:<18} "
                f"{row.behaviour:<{width}} {row.entities:>6} {row.high:>6} "
                f"{row.high_via_source:>7} "
                f"{row.medium:>6} {row.low:>5} {row.none:>5}  {'yes' if row.ok else 'NO'}"
            )
        return "\n".join(lines)


def evaluate(alerts: Iterable[Alert], labels: Sequence[Mapping[str, str]]) -> QualityReport:
    """Compare alerts with label rows (columns entity_type, entity_id, customer_id,
    behaviour, legitimate, description) by each entity's worst severity over all windows;
    alerts on unlabelled caller IDs add rows of legitimate ``caller_id`` entities."""
    alerts_seen = list(alerts)
    worst: dict[tuple[str, str], Severity] = {}
    for alert in alerts_seen:
        key = (alert.entity_type.value, alert.entity_id)
        if key not in worst or alert.severity.rank > worst[key].rank:
            worst[key] = alert.severity
    # A campaign's caller IDs belong to the campaign's source: the illegal non-caller-ID
    # label with the same behaviour and carrying account.
    campaign_high: set[tuple[str, str]] = set()
    for label in labels:
        if (
            label["entity_type"] != EntityType.CALLER_ID
            and label["legitimate"].lower() != "true"
            and worst.get((label["entity_type"], label["entity_id"])) is Severity.HIGH
        ):
            campaign_high.add((label["behaviour"], label.get("customer_id", "")))
    groups: dict[tuple[bool, str, str], LabelRow] = {}
    for label in labels:
        legitimate = label["legitimate"].strip().lower() == "true"
        entity_type = label["entity_type"]
        group_key = (legitimate, entity_type, label["behaviour"])
        row = groups.setdefault(group_key, LabelRow(legitimate, entity_type, label["behaviour"]))
        row.entities += 1
        severity = worst.get((entity_type, label["entity_id"]))
        if severity is Severity.HIGH:
            row.high += 1
            if legitimate and len(row.missed) < 10:
                row.missed.append(label["entity_id"])
        elif (
            not legitimate
            and entity_type == EntityType.CALLER_ID
            and (
                (label["behaviour"], label.get("customer_id", "")) in campaign_high
                or _source_is_high(label.get("description", ""), worst)
            )
        ):
            row.high_via_source += 1
        else:
            if severity is Severity.MEDIUM:
                row.medium += 1
            elif severity is Severity.LOW:
                row.low += 1
            else:
                row.none += 1
            if not legitimate and len(row.missed) < 10:
                row.missed.append(label["entity_id"])
    _judge_unlabelled_caller_ids(alerts_seen, labels, groups)
    ordered = sorted(groups.values(), key=lambda r: (r.legitimate, r.entity_type, r.behaviour))
    return QualityReport(ordered)


def _judge_unlabelled_caller_ids(
    alerts: Sequence[Alert],
    labels: Sequence[Mapping[str, str]],
    groups: dict[tuple[bool, str, str], LabelRow],
) -> None:
    """Count alerts on caller IDs no label names (every number a campaign used is
    labelled) against the legitimate kind of the account they came through."""
    labelled = {
        label["entity_id"] for label in labels if label["entity_type"] == EntityType.CALLER_ID
    }
    legit_behaviour = {
        label["entity_id"]: label["behaviour"]
        for label in labels
        if label["entity_type"] != EntityType.CALLER_ID
        and label["legitimate"].strip().lower() == "true"
    }
    worst: dict[str, tuple[Severity, str]] = {}
    for alert in alerts:
        if alert.entity_type is not EntityType.CALLER_ID or alert.entity_id in labelled:
            continue
        behaviour = legit_behaviour.get(alert.customer_id, UNATTRIBUTED)
        seen = worst.get(alert.entity_id)
        if seen is None or alert.severity.rank > seen[0].rank:
            worst[alert.entity_id] = (alert.severity, behaviour)
    for caller_id, (severity, behaviour) in sorted(worst.items()):
        key = (True, EntityType.CALLER_ID.value, behaviour)
        row = groups.setdefault(key, LabelRow(True, EntityType.CALLER_ID.value, behaviour))
        row.entities += 1
        if severity is Severity.HIGH:
            row.high += 1
            if len(row.missed) < 10:
                row.missed.append(caller_id)
        elif severity is Severity.MEDIUM:
            row.medium += 1
        else:
            row.low += 1


def merge_reports(reports: Iterable[QualityReport]) -> QualityReport:
    """The rows of several runs summed per (kind, entity_type, behaviour)."""
    merged: dict[tuple[bool, str, str], LabelRow] = {}
    for report in reports:
        for row in report.rows:
            key = (row.legitimate, row.entity_type, row.behaviour)
            total = merged.setdefault(key, LabelRow(*key))
            total.entities += row.entities
            total.high += row.high
            total.medium += row.medium
            total.low += row.low
            total.none += row.none
            total.high_via_source += row.high_via_source
            total.missed.extend(row.missed[: 10 - len(total.missed)])
    return QualityReport(
        sorted(merged.values(), key=lambda r: (r.legitimate, r.entity_type, r.behaviour))
    )


def _source_is_high(description: str, worst: Mapping[tuple[str, str], Severity]) -> bool:
    match = _USED_BY.search(description)
    if match is None:
        return False
    return worst.get((match.group(1), match.group(2))) is Severity.HIGH


def evaluate_network(
    out_dir: Path, *, days: int, scale: float, seed: int, window: str = "day"
) -> QualityReport:
    """Synthesise a network in ``out_dir``, analyse it (``window``: day or hour) with its
    own reference files and compare the alerts with its labels."""
    synthesize(SynthOptions(out_dir=out_dir, days=days, scale=scale, seed=seed))
    reference, _ = read_reference_files(
        customers=out_dir / "customers.csv",
        numbers=out_dir / "numbers.csv",
        consent=out_dir / "consent.csv",
        dno=out_dir / "dno.csv",
        rmd=out_dir / "rmd.csv",
    )
    staged = stage_cdr_files([out_dir / "cdrs"], out_dir / "staged")
    connection = connect_cdr_files(staged.parquet_files)
    try:
        result = analyze_calls(connection, reference, AnalysisOptions(window=window))
    finally:
        connection.close()
    with (out_dir / "labels.csv").open(newline="", encoding="utf-8") as handle:
        labels = list(csv.DictReader(handle))
    return evaluate(result.alerts, labels)
