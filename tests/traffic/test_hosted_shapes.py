"""The detectors on a hosted-PBX network (tests/traffic/hosted_shapes.py): a UCaaS provider's
small-business tenants (inbound-heavy offices on their own clock, faxes, find-me/follow-me
legs presenting their callers' numbers), MSPs' clients, a health system's reminders and
storm cancellations, a school district's snow-day bursts and a lender's predictive dialler.
Every campaign (a dental office's brute-forced PBX blasting an Amazon/iCloud scam overnight
from abroad, an MSP's thinly vetted client snowshoeing a final-expense press-1 over 500
bought DIDs, a small carrier on SIP trunks passing neighbour-spoofed offshore robocalls,
free trials opened one after the other for a student-loan robocall) reaches ``high`` at the
narrowest source that carries it; no lawful sender does; an estate agency's live
prospecting and an HVAC contractor's recorded message to members and past customers are
reported for review."""

from __future__ import annotations

from pathlib import Path

import pytest

from callwarden.traffic.alerts import Severity
from tests.traffic.blind_shapes import analyse, assert_judged
from tests.traffic.hosted_shapes import build

#: the sources of the module's campaigns
CAMPAIGNS = {
    ("customer", "magnolia-family-dental"),
    ("sub_account", "heritage-senior-benefits"),
    ("customer", "crosswave-telecom"),
    ("customer", "trial-7f3a21"),
    ("customer", "trial-c90d44"),
}
#: campaigns the detectors do not yet hold at ``high`` in every run (they must still be
#: reported). ``trial-c90d44``, the second free trial (one DID, five channels, about 900
#: calls a day at volume 0.35 on Thursday and Friday, 10% answered, a 27 s recording, no
#: consent records): ``medium`` (LOW_ASR, NO_CONSENT_WIRELESS, NEW_OR_UNVERIFIED_ACCOUNT
#: by day; LOW_ASR, OUTSIDE_CALLING_HOURS by hour) in seeds 211, 213 and 223 of 211-226,
#: ``high`` in the others; its twin ``trial-7f3a21`` is ``high`` in all of them.
KNOWN_LIMITS: frozenset[tuple[str, str]] = frozenset({("customer", "trial-c90d44")})


@pytest.mark.slow
@pytest.mark.parametrize(
    ("seed", "window"),
    [(211, "day"), (212, "hour"), (213, "day"), (214, "hour"), (215, "day"), (216, "hour")],
)
def test_hosted_campaigns_are_high_and_lawful_senders_are_not(
    tmp_path: Path, seed: int, window: str
) -> None:
    network = build(seed, volume=0.35)
    campaigns = {entity for entity, is_campaign in network.campaign.items() if is_campaign}
    assert campaigns == CAMPAIGNS
    assert network.review == {
        ("customer", "crescent-realty-partners"),
        ("sub_account", "comfort-first-heating-air"),
    }
    # The brokerage's agents dial live, which needs no consent but on the Registry: its
    # days are `low` (docs/detectors.md, Known limits), its busiest hours `medium`.
    review_least = Severity.LOW if window == "day" else Severity.MEDIUM
    assert_judged(network, analyse(network, tmp_path, window), KNOWN_LIMITS, review_least)
