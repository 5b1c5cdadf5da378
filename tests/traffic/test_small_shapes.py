"""The detectors on a small network (tests/traffic/small_shapes.py): a rural telephone
company's whole traffic, 14,000-24,000 calls a day over five days of a blizzard week before
the Iowa caucuses. Its campaigns are a few hundred calls a day each (a new account's
prerecorded pitch, a reseller client's, neighbour-spoofed impostors in the tandem's transit,
a hacked PBX's night, a sales dialler outside calling hours) and must still reach ``high`` at
the source that carries them; its lawful senders are small local organisations (a county's
hazardous-materials alert in the night, a school district's closure calls, a hospital's,
a credit union's, a farm co-op's dawn notices, a church's, a candidate's volunteers) and
must never do; the grain merchandiser's dawn broadcasts for review are reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.traffic.blind_shapes import analyse, assert_judged
from tests.traffic.small_shapes import build

#: the sources of the module's campaigns
CAMPAIGNS = {
    ("customer", "allstar-home-comfort"),
    ("sub_account", "sunpath-energy-savings"),
    ("upstream_provider", "Hawkeye Tandem Access"),
    ("customer", "osage-implement-co"),
    ("customer", "guardian-home-security-sales"),
}
#: campaigns the detectors do not yet hold at ``high`` (docs/detectors.md, Known limits):
#: none; every campaign here shows its breach in the CDRs and reference data
KNOWN_LIMITS: frozenset[tuple[str, str]] = frozenset()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("seed", "window"),
    [(91, "day"), (92, "hour"), (93, "day"), (94, "hour"), (95, "day"), (96, "hour")],
)
def test_small_campaigns_are_high_and_local_senders_are_not(
    tmp_path: Path, seed: int, window: str
) -> None:
    network = build(seed, volume=1.0)
    campaigns = {entity for entity, is_campaign in network.campaign.items() if is_campaign}
    assert campaigns == CAMPAIGNS
    assert network.review == {("customer", "cornerstone-grain-marketing")}
    assert_judged(network, analyse(network, tmp_path, window), KNOWN_LIMITS)
