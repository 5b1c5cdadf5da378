"""The detectors on a transit network (tests/traffic/transit_shapes.py): a wholesale
carrier whose switches name its upstream providers inconsistently (legal names, trade
names, OCNs, suffix, punctuation, case and spacing variants), with ``kind=provider``
customers rows and a realistic slice of the RMD. Every campaign (an upstream removed from
the RMD, a snowshoe campaign passed through unsigned by a signing carrier, one campaign
split over an upstream's name and its OCN, a foreign-originated scam through a gateway,
an IRS impersonation spoofing DNO-listed numbers through an upstream filed under its
parent's name) reaches ``high`` at the upstream as the CDRs name it; no lawful upstream
(large carriers under variant names, a d/b/a, a carrier without STIR/SHAKEN, a wholesale
carrier's emergency alert, one-time passcodes) nor direct customer (a consented call
centre, small businesses) does; the upstream known only by an unmapped OCN is reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from callwarden.traffic.alerts import ReasonCode
from tests.traffic.blind_shapes import analyse, assert_judged
from tests.traffic.transit_shapes import build

#: the sources of the module's campaigns
CAMPAIGNS = {
    ("upstream_provider", "Bluestone Telecom Exchange"),
    ("upstream_provider", "Northgate Telecom"),
    ("upstream_provider", "Pinnacle Interexchange Corp."),
    ("upstream_provider", "587J"),
    ("upstream_provider", "TRANSOCEANIC GATEWAY SERVICES LTD"),
    ("upstream_provider", "Crestview Digital Voice"),
}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("seed", "window"),
    [(101, "day"), (102, "hour"), (103, "day"), (104, "hour"), (105, "day"), (106, "hour")],
)
def test_transit_campaigns_are_high_and_lawful_upstreams_are_not(
    tmp_path: Path, seed: int, window: str
) -> None:
    network = build(seed, volume=0.35)
    campaigns = {entity for entity, is_campaign in network.campaign.items() if is_campaign}
    assert campaigns == CAMPAIGNS
    assert network.review == {("upstream_provider", "362G")}
    alerts = analyse(network, tmp_path, window)
    assert_judged(network, alerts)
    # every upstream filed in the RMD under any of its names is found there: only the one
    # removed from it and the unmapped OCN are not
    unfiled = {
        alert.entity_id
        for alert in alerts
        if any(reason.code is ReasonCode.NOT_IN_RMD for reason in alert.reasons)
    }
    assert unfiled == {"Bluestone Telecom Exchange", "362G"}
