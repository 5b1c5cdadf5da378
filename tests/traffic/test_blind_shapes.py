"""The detectors on a blind network (tests/traffic/blind_shapes.py), shaped from how US
robocalling and lawful mass calling work rather than from any generator the detectors were
tuned on: every campaign reaches ``high`` at the source that runs it, no legitimate sender
(account, carrier or calling number) does, and a sender for review is reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.traffic.blind_shapes import analyse, assert_judged, build

#: the sources of the module's campaigns
CAMPAIGNS = {
    ("customer", "lakeshore-lead-partners"),
    ("customer", "senior-benefit-advisors"),
    ("upstream_provider", "Vertex Global Communications"),
    ("upstream_provider", "Caribe Interconnect"),
    ("sub_account", "dealer-services-direct"),
    ("customer", "granite-civic-messaging"),
}


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
    assert network.review == {("customer", "crestline-recovery-partners")}
    assert_judged(network, analyse(network, tmp_path, window))
