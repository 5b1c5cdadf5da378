"""Detection quality on synthetic networks: every labelled campaign reaches high, no
legitimate entity does (docs/formats.md section 5), over several seeds and two scales."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from callwarden.traffic.alerts import Alert, EntityType, Severity
from callwarden.traffic.quality import UNATTRIBUTED, evaluate, evaluate_network, merge_reports
from tests.traffic.test_alerts import _alert

_LABELS = [
    {"entity_type": "customer", "entity_id": "school", "customer_id": "school",
     "behaviour": "emergency_school_notifier", "legitimate": "true", "description": ""},
    {"entity_type": "customer", "entity_id": "spoofer", "customer_id": "spoofer",
     "behaviour": "neighbour_spoofing", "legitimate": "false", "description": ""},
    {"entity_type": "caller_id", "entity_id": "+15075550001", "customer_id": "spoofer",
     "behaviour": "neighbour_spoofing", "legitimate": "false",
     "description": "caller ID presented by customer spoofer"},
]  # fmt: skip


def _caller_id_alert(number: str, via: str, severity: Severity) -> Alert:
    return replace(
        _alert(number), entity_type=EntityType.CALLER_ID, customer_id=via, severity=severity
    )


def test_alerts_on_a_legitimate_senders_own_numbers_count_against_it() -> None:
    """A legitimate sender's numbers carry no labels, yet a high alert on one is a false
    positive: it counts against the kind of the account it came through."""
    alerts = [
        replace(_alert("spoofer"), entity_type=EntityType.CUSTOMER, customer_id="spoofer"),
        _caller_id_alert("+15077754462", "school", Severity.HIGH),
        _caller_id_alert("+15077754463", "school", Severity.MEDIUM),
        _caller_id_alert("+15075550001", "spoofer", Severity.HIGH),
        _caller_id_alert("+18005550100", "", Severity.HIGH),
    ]
    report = evaluate(alerts, _LABELS)
    rows = {(r.legitimate, r.entity_type, r.behaviour): r for r in report.rows}
    school = rows[(True, "caller_id", "emergency_school_notifier")]
    assert (school.entities, school.high, school.medium) == (2, 1, 1)
    assert school.missed == ["+15077754462"]
    assert rows[(True, "caller_id", UNATTRIBUTED)].high == 1
    # the campaign's own labelled number is judged as a campaign, not as a false positive
    assert rows[(False, "caller_id", "neighbour_spoofing")].high == 1
    assert report.legitimate_high == 2
    assert not report.ok


@pytest.mark.slow
@pytest.mark.parametrize(("seed", "scale"), [(11, 0.05), (12, 0.05), (13, 0.15)])
def test_campaigns_high_and_legitimate_traffic_not(tmp_path: Path, seed: int, scale: float) -> None:
    report = evaluate_network(tmp_path, days=3, scale=scale, seed=seed)
    print(report.table())
    assert report.campaigns_missed == 0, report.table()
    assert report.legitimate_high == 0, report.table()
    assert report.ok
    # the test bed holds both kinds, so the assertions above are not vacuous
    assert any(row.legitimate for row in report.rows)
    assert any(not row.legitimate and row.entity_type != "caller_id" for row in report.rows)


def test_reports_merge_row_by_row() -> None:
    alerts = [_caller_id_alert("+15077754462", "school", Severity.HIGH)]
    one = evaluate(alerts, _LABELS)
    both = merge_reports([one, one])
    rows = {(r.legitimate, r.entity_type, r.behaviour): r for r in both.rows}
    school = rows[(True, "caller_id", "emergency_school_notifier")]
    assert (school.entities, school.high) == (2, 2)
    assert rows[(False, "customer", "neighbour_spoofing")].none == 2


def test_table_columns_stay_aligned_past_long_behaviour_names() -> None:
    labels = [
        {**_LABELS[0], "behaviour": "dialer_client_prerecorded_consent_and_more"},
        _LABELS[1],
    ]
    lines = evaluate([], labels).table().splitlines()
    # every row ends in its ok column at the header's width
    assert {len(line) for line in lines[2:]} <= {len(lines[0]), len(lines[0]) + 1}
    assert all(line.rstrip().endswith(("yes", "NO")) for line in lines[2:])
    n_column = lines[0].index(" n ") + 1  # right-aligned: the last digit under the n
    assert all(line[n_column].isdigit() for line in lines[2:])
