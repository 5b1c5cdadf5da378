from __future__ import annotations

from dataclasses import replace

from callwarden.traffic.alerts import EntityType, Reason, ReasonCode, Severity
from callwarden.traffic.explain import explain_alert, severity_counts, summarise_sources
from tests.traffic.test_alerts import _alert


def test_explanation_names_source_reason_rule_and_calls() -> None:
    text = explain_alert(_alert())
    assert text.startswith("HIGH 93/100  sub-account mv-realty of customer phoneburner")
    assert "NO_CONSENT_WIRELESS" in text
    assert "(value 0.97, fires at least 0.2)" in text
    assert "64.1200(a)(1)(iii)" in text
    assert "c-88121" in text


def test_sources_grouped_worst_first() -> None:
    first = _alert("mv-realty")
    second_day = replace(first, alert_id="a-2", calls=10, score=80)
    quiet = replace(
        _alert("acme"), alert_id="a-3", severity=Severity.MEDIUM, score=50,
        entity_type=EntityType.CUSTOMER, customer_id="acme",
    )  # fmt: skip
    sources = summarise_sources([quiet, second_day, first])
    assert [s.entity_id for s in sources] == ["mv-realty", "acme"]
    realty = sources[0]
    assert (realty.windows, realty.calls, realty.score) == (2, 48220, 93)
    assert realty.reasons["NO_CONSENT_WIRELESS"] == 2
    assert realty.kind == "sub-account of phoneburner"
    assert sources[1].kind == "customer"
    assert severity_counts([quiet, first]) == {
        Severity.HIGH: 1, Severity.MEDIUM: 1, Severity.LOW: 0,
    }  # fmt: skip


def test_explanation_states_the_direction_of_an_at_most_threshold() -> None:
    rotation = Reason(ReasonCode.CALLER_ID_ROTATION, "5,919 caller IDs", 1.01, 20.0)
    text = explain_alert(replace(_alert(), reasons=(rotation,)))
    assert "(value 1.01, fires at most 20)" in text


def test_a_customers_own_numbers_fold_into_its_row_unless_worse_than_it() -> None:
    """The printed sources list the account to act on, not its numbers one by one; a
    reseller's numbers alerted worse than it (its client's campaign) keep their rows."""
    account = replace(
        _alert("autoshield"), alert_id="a-1", entity_type=EntityType.CUSTOMER,
        customer_id="autoshield",
    )  # fmt: skip
    numbers = [
        replace(
            _alert(f"+1619866311{digit}"),
            alert_id=f"a-n{digit}",
            entity_type=EntityType.CALLER_ID,
            customer_id="autoshield",
        )
        for digit in range(3)
    ]
    reseller = replace(
        _alert("dialhub"), alert_id="a-r", entity_type=EntityType.CUSTOMER,
        customer_id="dialhub", severity=Severity.MEDIUM, score=60,
    )  # fmt: skip
    client_number = replace(
        _alert("+13125550100"), alert_id="a-c", entity_type=EntityType.CALLER_ID,
        customer_id="dialhub", score=80,
    )  # fmt: skip
    sources = summarise_sources([account, *numbers, reseller, client_number])
    assert [s.entity_id for s in sources] == ["autoshield", "+13125550100", "dialhub"]
    assert sources[0].caller_ids == 3
    assert sources[0].kind == "customer, +3 caller IDs"
    assert sources[1].kind == "caller ID via dialhub"
