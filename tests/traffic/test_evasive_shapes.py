"""The detectors on an evasive network (tests/traffic/evasive_shapes.py): campaigns shaped to
slip under a carrier's monitoring (several recordings, snowshoe accounts, live and recorded
calls mixed, warm lists, near-neighbour spoofing, shuffled hit lists, a dirty slice of
clean transit) reach ``high`` at the source that runs them; lawful senders that look like
robocallers (school attendance calls, a predictive-dialled phone bank, a utility's outage
sweep, rotating hospital reminders, call forwarding, a charity) never do; the sender for
review is reported. One campaign is a known limit on one seed (docs/detectors.md, Known
limits): there it must still be reported, and is asked no more until the detectors find
it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.traffic.blind_shapes import analyse, assert_judged
from tests.traffic.evasive_shapes import SNOWSHOE, build

#: the sources of the module's campaigns
CAMPAIGNS = {
    ("customer", "clearpath-benefit-services"),
    ("customer", "patriot-home-warranty"),
    ("customer", "sunrise-final-expense"),
    ("customer", "vanguard-auto-shield"),
    ("sub_account", "premier-debt-relief-center"),
    ("upstream_provider", "Meridian Voice Exchange"),
} | {("customer", name) for name in SNOWSHOE}
#: campaigns the detectors do not yet hold at ``high`` on a seed (docs/detectors.md, Known
#: limits): versions of one message so close they touch (seed 23: 19 and 22 s, 34 and 38 s)
#: make one plateau, no comb of teeth
KNOWN_LIMITS = {23: frozenset({("customer", "clearpath-benefit-services")})}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("seed", "window"),
    # 32 and 45: a clean carrier's live calls once piled by chance where another carrier's
    # spoofed message pooled with them (shared_part_z)
    [
        *[(21, "day"), (22, "hour"), (23, "day"), (24, "hour"), (25, "day"), (26, "hour")],
        *[(32, "day"), (45, "day")],
    ],
)
def test_evasive_campaigns_are_high_and_lookalike_senders_are_not(
    tmp_path: Path, seed: int, window: str
) -> None:
    network = build(seed, volume=0.35)
    campaigns = {entity for entity, is_campaign in network.campaign.items() if is_campaign}
    assert campaigns == CAMPAIGNS
    assert network.review == {("customer", "sunstate-roofing-solar")}
    assert_judged(network, analyse(network, tmp_path, window), KNOWN_LIMITS.get(seed, frozenset()))
