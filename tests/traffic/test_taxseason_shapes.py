"""The detectors on a tax-season network (tests/traffic/taxseason_shapes.py): a US VoIP and
SIP-trunking provider serving accounting and tax-preparation firms, fintech and payroll
companies, call centres, resellers and small businesses, with transit from a few upstream
carriers, over four UTC days from Saturday 12 to Tuesday 15 April 2025 (the federal filing
deadline), callees in every US time zone. Its lawful senders look busy or robocall-like: a
tax-preparation chain's recorded appointment and document reminders, accountants' offices'
deadline surge of live callbacks, a payroll company's recorded notices to employers, a
bank's refund-deposit notices and fraud alerts, a tax-software company's live support
callbacks into the night, an IRS private-collection contractor's live calls, a state
taxation department's recorded notices to opted-in taxpayers, a VITA site's live reminders,
resellers' clients, small businesses and an upstream's lawful transit. Every campaign (an
IRS impostor press-1 through a wholesaler presenting IRS/Treasury numbers on the DNO list, a
"tax relief" robocall rotating purchased DIDs, an ERC promoter from a reseller's new client,
a neighbour-spoofed "refund on hold" phishing recording, a carrier outside the RMD handing
over a tax-lien scam, a storefront preparer robocalling a bought list at 7-9 am) must reach
``high`` at the narrowest source that carries it; no lawful sender may; a tax-resolution
firm's live telemarketing at the edges of the calling hours and a debt-settlement partner's
soundboard calls to lead-generator leads are reported for review."""

from __future__ import annotations

from pathlib import Path

import pytest

from callwarden.traffic.alerts import Severity
from tests.traffic.blind_shapes import analyse, assert_judged
from tests.traffic.taxseason_shapes import build

#: the sources of the module's campaigns
CAMPAIGNS = {
    ("upstream_provider", "Meridian Gateway Partners"),
    ("customer", "national-tax-relief-center"),
    ("sub_account", "erc-refund-advisors"),
    ("customer", "refund-status-alerts"),
    ("upstream_provider", "Bayou Link Telecom"),
    ("sub_account", "maxrefund-tax-pros"),
}
#: campaigns the detectors do not yet hold at ``high`` (they must still be reported)
KNOWN_LIMITS: frozenset[tuple[str, str]] = frozenset()
#: lawful senders the detectors hold at ``high`` in a suite run (docs/detectors.md, Known
#: limits): the IRS contractor's live voicemails, a greeting and an agent's message of
#: varying lengths, pile at 40 s as a blurred recording's would on its deadline day
KNOWN_FALSE_ALARMS = {(293, "day"): frozenset({("customer", "pinnacle-revenue-recovery")})}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("seed", "window"),
    [(291, "day"), (292, "hour"), (293, "day"), (294, "hour"), (295, "day"), (296, "hour")],
)
def test_taxseason_campaigns_are_high_and_lawful_senders_are_not(
    tmp_path: Path, seed: int, window: str
) -> None:
    network = build(seed, volume=0.35)
    campaigns = {entity for entity, is_campaign in network.campaign.items() if is_campaign}
    assert campaigns == CAMPAIGNS
    assert network.review == {
        ("customer", "summit-tax-resolution"),
        ("customer", "clearpath-debt-partners"),
    }
    alerts = analyse(network, tmp_path, window)
    # the soundboard partner's segments vary in length: no spike shows in some windows,
    # and without one it is `low` on its answer rate alone (docs/detectors.md, Known limits)
    assert_judged(
        network,
        alerts,
        KNOWN_LIMITS,
        review_least=Severity.LOW,
        known_false_alarms=KNOWN_FALSE_ALARMS.get((seed, window), frozenset()),
    )
