"""The detectors on a blind network (tests/traffic/blind_shapes.py), shaped from how US
robocalling and lawful mass calling work rather than from any generator the detectors were
tuned on: every campaign reaches ``high`` at the source that runs it, no legitimate sender
(account, carrier or calling number) does, and a sender for review is reported."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest

from callwarden.traffic.alerts import Alert, Severity
from callwarden.traffic.analyze import AnalysisOptions, analyze_calls, connect_cdr_files
from tests.traffic.blind_shapes import BlindNetwork, build

#: the sources of the module's campaigns
CAMPAIGNS = {
    ("customer", "lakeshore-lead-partners"),
    ("customer", "senior-benefit-advisors"),
    ("upstream_provider", "Vertex Global Communications"),
    ("upstream_provider", "Caribe Interconnect"),
    ("sub_account", "dealer-services-direct"),
    ("customer", "granite-civic-messaging"),
}


def analyse(network: BlindNetwork, tmp_path: Path, window: str) -> list[Alert]:
    pq.write_table(network.table(), tmp_path / "calls.parquet")
    connection = connect_cdr_files([tmp_path / "calls.parquet"])
    return analyze_calls(connection, network.reference(), AnalysisOptions(window=window)).alerts


def _describe(alerts: list[Alert], entities: set[tuple[str, str]]) -> str:
    """Each entity's worst alert, with its score and reason codes."""
    worst: dict[tuple[str, str], Alert] = {}
    for alert in alerts:
        key = (alert.entity_type.value, alert.entity_id)
        if key in entities and (key not in worst or alert.score > worst[key].score):
            worst[key] = alert
    return "; ".join(
        f"{kind} {name}: "
        + (
            f"{worst[kind, name].severity.value} {worst[kind, name].score} "
            f"[{' '.join(reason.code for reason in worst[kind, name].reasons)}]"
            if (kind, name) in worst
            else "no alert"
        )
        for kind, name in sorted(entities)
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    ("seed", "window"), [(11, "day"), (12, "hour"), (13, "day"), (14, "hour"), (15, "day")]
)
def test_blind_campaigns_are_high_and_legitimate_senders_are_not(
    tmp_path: Path, seed: int, window: str
) -> None:
    network = build(seed, volume=0.35)
    campaigns = {entity for entity, is_campaign in network.campaign.items() if is_campaign}
    assert campaigns == CAMPAIGNS
    alerts = analyse(network, tmp_path, window)
    high = {
        (alert.entity_type.value, alert.entity_id)
        for alert in alerts
        if alert.severity is Severity.HIGH
    }
    below = campaigns - high
    wrongly = (set(network.campaign) - campaigns) & high
    assert (below, wrongly) == (set(), set()), (
        f"campaigns below high: {_describe(alerts, below)}\n"
        f"legitimate senders at high: {_describe(alerts, wrongly)}"
    )
    assert network.review == {("customer", "crestline-recovery-partners")}
    reported = {
        (alert.entity_type.value, alert.entity_id)
        for alert in alerts
        if alert.severity.rank >= Severity.MEDIUM.rank
    }
    assert network.review <= reported, _describe(alerts, network.review - reported)
