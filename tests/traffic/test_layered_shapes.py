"""The detectors on a layered network (tests/traffic/layered_shapes.py): campaigns hidden
behind layers (a CPaaS reseller's dialer platform carrying its client's recording, live
imposters presenting government and bank numbers, bursts timed under hourly limits, a
gateway's foreign scam slice) reach ``high`` at the source that carries them, and two known
limits (a conversational AI voice, an upstream that signs a voice-cloned political burst)
are reported; lawful senders that share their outward shape (voice one-time passcodes, a
jail's collect calls, a contact centre presenting its clients' numbers, an AI scheduling
agent for consenting patients, a transit carrier delivering inbound calls) never reach it;
the tele-town hall for review is reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.traffic.blind_shapes import analyse, assert_judged
from tests.traffic.layered_shapes import build

#: the sources of the module's campaigns
CAMPAIGNS = {
    ("sub_account", "ringburst-dialer"),
    ("customer", "vistara-global-connect"),
    ("customer", "sunvolt-energy-advisors"),
    ("upstream_provider", "Lantern Voice Carrier"),
    ("customer", "powerwise-rate-alerts"),
    ("upstream_provider", "Transpacific Gateway Services"),
}
#: campaigns the detectors do not yet hold at ``high`` (docs/detectors.md, Known limits);
#: they must still be reported: a conversational AI voice, whose answered calls last as
#: live talk does (no message length: only the missing consent records show, and live
#: calls need none), and an upstream's A-signed burst of one recording from one number
#: (in transit the consent is the originator's to hold: the pattern is reported)
KNOWN_LIMITS = frozenset(
    {("customer", "sunvolt-energy-advisors"), ("upstream_provider", "Lantern Voice Carrier")}
)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("seed", "window"),
    [(51, "day"), (52, "hour"), (53, "day"), (54, "hour"), (55, "day"), (56, "hour")],
)
def test_layered_campaigns_are_high_and_lookalike_senders_are_not(
    tmp_path: Path, seed: int, window: str
) -> None:
    network = build(seed, volume=0.35)
    campaigns = {entity for entity, is_campaign in network.campaign.items() if is_campaign}
    assert campaigns == CAMPAIGNS
    assert network.review == {("customer", "capitol-teleforum")}
    assert_judged(network, analyse(network, tmp_path, window), KNOWN_LIMITS)
