"""The detectors on an election network (tests/traffic/election_shapes.py): a Michigan CLEC
and wholesale SIP provider in the last four UTC days before the November 2024 general
election, where volunteer phone banks call through a hosted dialler platform, a state
party's vendor broadcasts recorded GOTV messages to landlines and to consenting supporters,
election offices send poll-worker reminders and Election Day notices, a pollster runs live
and IVR polls, and a school district, a hospital, a pharmacy and a credit union carry on.
Every campaign (an AI-voice "vote on Wednesday" robocall spoofing election offices' numbers,
signed A by the carrier that originated it; a new consultancy's recording blasted to a
cell-phone list; a foreign carrier outside the RMD handing over a fake "voter protection
hotline" identity-theft scam; a sham PAC's press-1 fundraising from a dialler-platform
account declared for live calls; a call centre's Election Day jam of the other party's
ride-to-the-polls lines) must reach ``high`` at the narrowest source that carries it, but
the known limits below; no lawful sender may; a candidate's recorded GOTV to a voter file
that mixes landlines and mobiles is reported for review."""

from __future__ import annotations

from pathlib import Path

import pytest

from callwarden.traffic.alerts import Severity
from tests.traffic.blind_shapes import analyse, assert_judged
from tests.traffic.election_shapes import build

#: the sources of the module's campaigns
CAMPAIGNS = {
    ("upstream_provider", "Pecos Line Telecom"),
    ("customer", "red-maple-strategies"),
    ("upstream_provider", "Albion Crossing Telecom"),
    ("sub_account", "heartland-patriots-victory-pac"),
    ("customer", "wolverine-teleservices"),
}
#: campaigns the detectors do not yet hold at ``high``: in the network's first run (seeds
#: 191-206, daily and hourly windows, volume 0.35) neither this one nor the call centre's
#: Election Day jam of six ride-to-the-polls lines (900 hang-up calls, about 315 at volume
#: 0.35, in 100 minutes within its ordinary live calling: medium 61 in every run, now
#: high by REPEATED_CALLS) reached ``high`` in any run
KNOWN_LIMITS: frozenset[tuple[str, str]] = frozenset(
    {
        # the AI-voice "vote on Wednesday" robocall arrives A-attested (its originating
        # carrier vouched for it) and presents the callee's own city election office's
        # number, Detroit's being one this network grants to its own customer; 28,000 calls
        # over Monday evening and Election Day morning beside 66,000 ordinary transit calls:
        # low 24 or medium 46 in daily windows, medium 57 in hourly ones
        ("upstream_provider", "Pecos Line Telecom"),
    }
)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("seed", "window"),
    [(191, "day"), (192, "hour"), (193, "day"), (194, "hour"), (195, "day"), (196, "hour")],
)
def test_election_campaigns_are_high_and_lawful_senders_are_not(
    tmp_path: Path, seed: int, window: str
) -> None:
    network = build(seed, volume=0.35)
    campaigns = {entity for entity, is_campaign in network.campaign.items() if is_campaign}
    assert campaigns == CAMPAIGNS
    assert network.review == {("sub_account", "whitfield-for-congress")}
    # The first run failed every seed on a lawful sender: the party's recorded GOTV to
    # landlines (``peninsula-party-landline-gotv``, no consent needed, 64.1200(a)(3)(ii))
    # reached ``high`` 75 in all 32 runs. The CDRs do not say which callees are landlines;
    # the account's age, KYC and declared use speak for it (docs/detectors.md: a
    # non-commercial account's missing records are held at medium).
    alerts = analyse(network, tmp_path, window)
    assert_judged(network, alerts, KNOWN_LIMITS, review_least=Severity.MEDIUM)
