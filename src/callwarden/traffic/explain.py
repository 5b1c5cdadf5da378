"""Explanations an analyst can act on: for an alert, what was seen, against which
threshold, which rule it points at and which calls show it; for a run, which sources to
look at first. Plain text, no I/O: the CLI prints it, the dashboard can show it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from callwarden.traffic.alerts import RULES, Alert, EntityType, Severity, comparison


@dataclass
class SourceSummary:
    """One entity across all its alerted windows."""

    entity_type: EntityType
    entity_id: str
    customer_id: str
    severity: Severity
    score: int
    windows: int
    calls: int
    reasons: Counter[str] = field(default_factory=Counter)
    sample_call_ids: list[str] = field(default_factory=list)
    #: the account's own calling numbers alerted no worse than it, folded into its row
    caller_ids: int = 0

    @property
    def kind(self) -> str:
        """What the source is, and whose: "sub-account of phoneburner"."""
        if self.entity_type is EntityType.SUB_ACCOUNT:
            return f"sub-account of {self.customer_id}"
        if self.entity_type is EntityType.CALLER_ID:
            return f"caller ID via {self.customer_id}" if self.customer_id else "caller ID"
        if self.entity_type is EntityType.UPSTREAM_PROVIDER:
            return "upstream provider (transit)"
        if self.caller_ids:
            return f"customer, +{self.caller_ids:,} caller ID{'s' if self.caller_ids > 1 else ''}"
        return "customer"


def summarise_sources(alerts: Iterable[Alert]) -> list[SourceSummary]:
    """Alerts grouped by entity, worst first (severity, then score, then calls); a
    customer's calling numbers alerted no worse than it are counted in its row."""
    by_entity: dict[tuple[str, str, str], SourceSummary] = {}
    for alert in alerts:
        key = (alert.entity_type.value, alert.entity_id, alert.customer_id)
        summary = by_entity.get(key)
        if summary is None:
            summary = by_entity[key] = SourceSummary(
                alert.entity_type,
                alert.entity_id,
                alert.customer_id,
                alert.severity,
                alert.score,
                0,
                0,
            )
        summary.windows += 1
        summary.calls += alert.calls
        if (alert.severity.rank, alert.score) > (summary.severity.rank, summary.score):
            summary.severity, summary.score = alert.severity, alert.score
        summary.reasons.update(reason.code.value for reason in alert.reasons)
        for call_id in alert.sample_call_ids:
            if len(summary.sample_call_ids) < 5 and call_id not in summary.sample_call_ids:
                summary.sample_call_ids.append(call_id)
    # A customer's own calling numbers alerted no worse than the customer add nothing to
    # act on: the account is the source (its row counts them). A reseller's numbers alerted
    # worse than it (a client's campaign) keep their rows.
    for key, summary in list(by_entity.items()):
        account = by_entity.get(("customer", summary.customer_id, summary.customer_id))
        if (
            summary.entity_type is EntityType.CALLER_ID
            and account is not None
            and account.severity.rank >= summary.severity.rank
        ):
            account.caller_ids += 1
            del by_entity[key]
    return sorted(
        by_entity.values(),
        key=lambda s: (-s.severity.rank, -s.score, -s.calls, s.entity_type.value, s.entity_id),
    )


def severity_counts(alerts: Sequence[Alert]) -> dict[Severity, int]:
    counts = Counter(alert.severity for alert in alerts)
    return {severity: counts.get(severity, 0) for severity in reversed(Severity)}


def explain_alert(alert: Alert) -> str:
    """A few lines an analyst reads before acting: what, why, which rule, which calls."""
    window = f"{alert.window_start:%Y-%m-%d %H:%M} to {alert.window_end:%Y-%m-%d %H:%M} UTC"
    who = alert.entity_id
    if alert.entity_type is EntityType.SUB_ACCOUNT:
        who = f"sub-account {alert.entity_id} of customer {alert.customer_id}"
    elif alert.entity_type is EntityType.CUSTOMER:
        who = f"customer {alert.entity_id}"
    elif alert.entity_type is EntityType.UPSTREAM_PROVIDER:
        who = f"upstream provider {alert.entity_id}"
    else:
        via = f" (carried for {alert.customer_id})" if alert.customer_id else ""
        who = f"caller ID {alert.entity_id}{via}"
    lines = [
        f"{alert.severity.value.upper()} {alert.score}/100  {who}  {window}  "
        f"{alert.calls:,} calls  [{alert.alert_id}]"
    ]
    for reason in alert.reasons:
        samples = f"  e.g. {', '.join(reason.sample_call_ids)}" if reason.sample_call_ids else ""
        lines.append(
            f"  - {reason.code.value}: {reason.detail} "
            f"(value {_figure(reason.value)}, fires {comparison(reason.code)} "
            f"{_figure(reason.threshold)}){samples}"
        )
        lines.append(f"      rule: {RULES[reason.code]}")
    lines.extend(f"  note: {note}" for note in alert.notes)
    if alert.sample_call_ids:
        lines.append(f"  sample calls: {', '.join(alert.sample_call_ids)}")
    return "\n".join(lines)


def _figure(value: float) -> str:
    if value == int(value) and abs(value) >= 1:
        return f"{int(value):,}"
    return f"{value:.3g}"
