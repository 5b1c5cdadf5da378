"""The detectors on a lead-generation network (tests/traffic/leadgen_shapes.py): a wholesale
SIP provider in the pay-per-call economy of health-insurance leads in the last week of
Medicare's enrolment period, where a call-tracking platform forwards the public's calls
presenting their numbers, licensed agencies' predictive diallers call consented clients and
leads, and a Medicare Advantage plan and a pharmacy send recorded notices. Every campaign
(a publisher's "Medicare benefits hotline" press-1 split over three sub-accounts of a
dialler platform, an offshore soundboard live-transfer floor cold-calling from rented local
numbers, a "new Medicare card" scam spoofing 1-800-MEDICARE through a wholesale carrier,
aged ACA leads robocalled with revoked consents, neighbour-spoofed final-expense calls from
a carrier outside the RMD) reaches ``high`` at the narrowest source that carries it; no
lawful sender does; a live-transfer vendor with 1,100-partner consents and an agency's
recorded plan-review reminders to its own book are reported for review, the agency
``high``: a seller's recording needs written consent."""

from __future__ import annotations

from pathlib import Path

import pytest

from callwarden.traffic.alerts import Severity
from tests.traffic.blind_shapes import analyse, assert_judged, entities_at
from tests.traffic.leadgen_shapes import build

#: the sources of the module's campaigns
CAMPAIGNS = {
    ("sub_account", "silver-harbor-media"),
    ("sub_account", "benefit-line-partners"),
    ("sub_account", "crestview-senior-outreach"),
    ("customer", "bayshore-connect-bpo"),
    ("upstream_provider", "Cypress Route Telecom"),
    ("customer", "nationwide-health-advocates"),
    ("upstream_provider", "Sonoran Digital Voice"),
}
#: campaigns the detectors do not yet hold at ``high`` (docs/detectors.md, Known limits):
#: none; every campaign here shows its breach in the CDRs and reference data
KNOWN_LIMITS: frozenset[tuple[str, str]] = frozenset()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("seed", "window"),
    [(171, "day"), (172, "hour"), (173, "day"), (174, "hour"), (175, "day"), (176, "hour")],
)
def test_leadgen_campaigns_are_high_and_lawful_senders_are_not(
    tmp_path: Path, seed: int, window: str
) -> None:
    network = build(seed, volume=0.35)
    campaigns = {entity for entity, is_campaign in network.campaign.items() if is_campaign}
    assert campaigns == CAMPAIGNS
    assert network.review == {
        ("customer", "silverline-live-transfers"),
        ("customer", "sunbelt-medicare-advisors"),
    }
    # Both are reported. The vendor is `low` in most runs (docs/detectors.md, Known
    # limits): its calls are live, which need no consent but on the Registry. The agency,
    # an insurance agency and so a seller, plays a recording to clients whose records are
    # `prior_express`, not the written consent a seller's recordings need: `high`.
    alerts = analyse(network, tmp_path, window)
    assert_judged(network, alerts, KNOWN_LIMITS, review_least=Severity.LOW)
    assert ("customer", "sunbelt-medicare-advisors") in entities_at(alerts, Severity.HIGH)
