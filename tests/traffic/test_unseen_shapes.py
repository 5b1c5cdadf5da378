"""The detectors on traffic shaped unlike the synth's (tests/traffic/unseen_shapes.py):
every campaign reaches ``high`` at the source that runs it, no legitimate sender does."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest

from callwarden.traffic.alerts import Severity
from callwarden.traffic.analyze import AnalysisOptions, analyze_calls, connect_cdr_files
from tests.traffic.unseen_shapes import UnseenNetwork, build, random_senders


def _high_and_campaigns(
    network: UnseenNetwork, tmp_path: Path, window: str
) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    pq.write_table(network.table(), tmp_path / "calls.parquet")
    connection = connect_cdr_files([tmp_path / "calls.parquet"])
    result = analyze_calls(connection, network.reference(), AnalysisOptions(window=window))
    high = {
        (alert.entity_type.value, alert.entity_id)
        for alert in result.alerts
        if alert.severity is Severity.HIGH
    }
    return high, {entity for entity, is_campaign in network.campaign.items() if is_campaign}


@pytest.mark.slow
@pytest.mark.parametrize(("seed", "window"), [(1, "day"), (2, "hour"), (3, "day"), (4, "hour")])
def test_unseen_campaigns_are_high_and_legitimate_senders_are_not(
    tmp_path: Path, seed: int, window: str
) -> None:
    network = build(seed, volume=0.25)
    high, campaigns = _high_and_campaigns(network, tmp_path, window)
    assert len(campaigns) == 10
    assert campaigns - high == set(), "campaigns below high"
    legitimate = set(network.campaign) - campaigns
    assert legitimate & high == set(), "legitimate senders at high"


@pytest.mark.slow
@pytest.mark.parametrize(("seed", "window"), [(0, "day"), (1, "hour"), (2, "day"), (3, "hour")])
def test_senders_drawn_from_ranges_are_told_apart(tmp_path: Path, seed: int, window: str) -> None:
    network = random_senders(seed)
    high, campaigns = _high_and_campaigns(network, tmp_path, window)
    assert len(campaigns) == 3
    assert campaigns - high == set(), "campaigns below high"
    assert (set(network.campaign) - campaigns) & high == set(), "legitimate senders at high"
