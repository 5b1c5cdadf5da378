"""The detectors on a weekly network (tests/traffic/weekly_shapes.py): seven days in which
senders change shape (a dormant office account sold and turned into a robocaller, a
reseller's new client ramping up, a PBX hacked on Saturday night, one campaign hopping
between upstreams, a 20%-a-day ramp) reach ``high`` at the source that carries them, and
utility impostors riding a storm (a known limit) are reported; lawful senders whose volume
jumps for a reason (a retailer's sale, a utility's storm, a school's snow day, a phone bank
before an election, a new call centre onboarding agents, weekday/weekend rhythm) never do;
the political robocall for review is reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.traffic.blind_shapes import analyse, assert_judged
from tests.traffic.weekly_shapes import build

#: the sources of the module's campaigns
CAMPAIGNS = {
    ("customer", "harborview-title-escrow"),
    ("sub_account", "capital-relief-advisors"),
    ("customer", "riverbend-orthopedics"),
    ("upstream_provider", "Apex Transit Partners"),
    ("upstream_provider", "Bluewave Telecom"),
    ("upstream_provider", "Corridor Voice Exchange"),
    ("customer", "sunridge-home-improvement"),
    ("upstream_provider", "Harborline Networks"),
}
#: campaigns the detectors do not yet hold at ``high`` (docs/detectors.md, Known limits);
#: they must still be reported: utility impostors in an upstream's transit presenting, on
#: three calls in five, a number the network grants to its own customer (calls from it
#: that arrive from another network, C-attested or unsigned, may not be its holder's: they
#: are counted and make the upstream suspect, but only the holder's word or a DNO listing
#: makes them unlawful)
KNOWN_LIMITS = frozenset({("upstream_provider", "Harborline Networks")})


@pytest.mark.slow
@pytest.mark.parametrize(
    ("seed", "window"),
    [(61, "day"), (62, "hour"), (63, "day"), (64, "hour"), (65, "day")],
)
def test_weekly_campaigns_are_high_and_lookalike_senders_are_not(
    tmp_path: Path, seed: int, window: str
) -> None:
    network = build(seed, volume=0.35)
    campaigns = {entity for entity, is_campaign in network.campaign.items() if is_campaign}
    assert campaigns == CAMPAIGNS
    assert network.review == {("customer", "commonwealth-turnout-pac")}
    assert_judged(network, analyse(network, tmp_path, window), KNOWN_LIMITS)
