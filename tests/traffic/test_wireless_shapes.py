"""The detectors on a wireless network (tests/traffic/wireless_shapes.py): a US mobile
operator's regional core, where most calls are people calling their own circles, a
missed mobile call is answered by the callee's voicemail, every subscriber's call is signed
A, a line placing 100 calls a day is not a person, and a Northstar number arriving from
another carrier is spoofed unless its holder roams abroad. Every campaign (an MVNO dealer's
SIM farm spreading a prerecorded pitch over 300 real prepaid lines, a "we buy houses"
phone farm on a business account, an interconnecting carrier's carrier-impersonation scam
spoofing the subscribers' own exchanges, numbers and customer-care lines, a ring's burner
eSIMs burned for a few hours each) reaches ``high`` at the narrowest source that carries
it; no lawful sender (retail subscribers and MVNO lines, a delivery platform's masked
calls, a pharmacy's consented reminders, a hospital's night-time paging, medical-alert
pendants' weekly test calls, an insurance agent, the other carriers' subscribers and
school-closing calls, a roaming hub's travellers calling home) does; a real-estate team's
cold calling from its agents' phones is reported for review."""

from __future__ import annotations

from pathlib import Path

import pytest

from callwarden.traffic.alerts import Severity
from tests.traffic.blind_shapes import analyse, assert_judged, entities_at
from tests.traffic.wireless_shapes import BURNERS, build

#: the sources of the module's campaigns
CAMPAIGNS = {
    ("sub_account", "ltw-dealer-2217"),
    ("customer", "great-lakes-home-offers"),
    ("upstream_provider", "Tidemark Voice Exchange"),
} | {("customer", account) for account, *_ in BURNERS}
#: campaigns the detectors do not yet hold at ``high`` in every run (docs/detectors.md,
#: Known limits): the burner ring's eSIMs, caught by their reach as consumer lines, but a
#: line whose one day holds under 20 answered calls shows no missing consent of its own
KNOWN_LIMITS = frozenset({("customer", account) for account, *_ in BURNERS})


@pytest.mark.slow
@pytest.mark.parametrize(
    ("seed", "window"),
    [(151, "day"), (152, "hour"), (153, "day"), (154, "hour"), (155, "day"), (156, "hour")],
)
def test_wireless_campaigns_are_high_and_lawful_senders_are_not(
    tmp_path: Path, seed: int, window: str
) -> None:
    network = build(seed, volume=0.35)
    campaigns = {entity for entity, is_campaign in network.campaign.items() if is_campaign}
    assert campaigns == CAMPAIGNS
    assert len(CAMPAIGNS) == 11
    assert network.review == {("customer", "steel-city-home-team")}
    # The team's hour of live dials answers a fifth, at the LOW_ASR line, and its missing
    # consent records alone are no breach of live calls: `low`. Its day says both.
    review_least = Severity.LOW if window == "hour" else Severity.MEDIUM
    alerts = analyse(network, tmp_path, window)
    assert_judged(network, alerts, KNOWN_LIMITS, review_least)
    # at most one of the eight lines too thin (122 of 128 line-runs of seeds 151-166 were
    # `high` in each window)
    assert len(KNOWN_LIMITS - entities_at(alerts, Severity.HIGH)) <= 1
