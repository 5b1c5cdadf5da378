"""The detectors on a second independently built network (tests/traffic/probe_shapes.py):
every one of its campaigns reaches ``high``, no legitimate sender or reseller does."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest

from callwarden.traffic.alerts import Severity
from callwarden.traffic.analyze import AnalysisOptions, analyze_calls, connect_cdr_files
from tests.traffic.probe_shapes import ProbeNetwork, build

#: the network at the sizes it was built with, about 300,000 calls over 3 days (about 4 s a
#: network): at a third of them the snowshoe accounts place about 100 calls a day and,
#: hourly, the spoofing gateway some 150 an hour, thinner shapes than the ones described,
#: and they stay below ``high``
VOLUME = 1.0


def _high_entities(network: ProbeNetwork, tmp_path: Path, window: str) -> set[tuple[str, str]]:
    pq.write_table(network.table(), tmp_path / "calls.parquet")
    connection = connect_cdr_files([tmp_path / "calls.parquet"])
    result = analyze_calls(connection, network.reference(), AnalysisOptions(window=window))
    return {
        (alert.entity_type.value, alert.entity_id)
        for alert in result.alerts
        if alert.severity is Severity.HIGH
    }


@pytest.mark.slow
@pytest.mark.parametrize(("seed", "window"), [(1, "day"), (2, "hour"), (3, "day")])
def test_probe_campaigns_are_high_and_legitimate_senders_are_not(
    tmp_path: Path, seed: int, window: str
) -> None:
    network = build(seed, volume=VOLUME)
    high = _high_entities(network, tmp_path, window)
    campaigns = {entity for entity, is_campaign in network.campaign.items() if is_campaign}
    assert len(campaigns) == 15
    assert campaigns - high == set(), "campaigns below high"
    legitimate = set(network.campaign) - campaigns
    assert legitimate & high == set(), "legitimate senders at high"


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2])
def test_a_thin_spoofed_flood_is_high_in_hourly_windows(tmp_path: Path, seed: int) -> None:
    """At a third of the volume the gateway hands over some 150 spoofed calls an hour, a
    few dozen answered: no hour holds 50 numbers in its spike, its UTC day does."""
    network = build(seed, volume=0.3)
    high = _high_entities(network, tmp_path, "hour")
    assert ("upstream_provider", "Caribe Gateway Telecom") in high
    # the call-tracking service's hours at this volume (300 calls to 1,800 lines) hear too
    # few callers per line to show forwarding: their UTC days' do
    legitimate = {entity for entity, is_campaign in network.campaign.items() if not is_campaign}
    assert legitimate & high == set(), "legitimate senders at high"
