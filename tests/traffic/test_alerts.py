from __future__ import annotations

import io
import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from callwarden.traffic.alerts import (
    RULES,
    Alert,
    EntityType,
    Reason,
    ReasonCode,
    Severity,
    alert_from_state,
    alert_state,
    write_alerts_jsonl,
)

START = datetime(2022, 8, 8, tzinfo=UTC)


def _alert(entity_id: str = "mv-realty") -> Alert:
    return Alert(
        alert_id="a-000123",
        entity_type=EntityType.SUB_ACCOUNT,
        entity_id=entity_id,
        customer_id="phoneburner",
        window_start=START,
        window_end=START + timedelta(days=1),
        score=93,
        severity=Severity.HIGH,
        calls=48210,
        reasons=(
            Reason(
                ReasonCode.NO_CONSENT_WIRELESS,
                "97% of answered calls to numbers without consent records",
                0.97,
                0.2,
                ("c-88121",),
            ),
        ),
        sample_call_ids=("c-88121", "c-88122"),
        evidence={"answer_seizure_ratio": 0.123456},
    )


def test_json_has_every_field_of_formats_md_section_5() -> None:
    data = _alert().to_json()
    assert {
        "alert_id", "entity_type", "entity_id", "customer_id", "window_start", "window_end",
        "score", "severity", "calls", "reasons", "sample_call_ids",
    } <= set(data)  # fmt: skip
    assert data["window_start"] == "2022-08-08T00:00:00Z"
    assert data["window_end"] == "2022-08-09T00:00:00Z"
    assert (data["entity_type"], data["severity"], data["score"]) == ("sub_account", "high", 93)
    (reason,) = data["reasons"]
    assert {"code", "detail", "value", "threshold"} <= set(reason)
    assert reason["code"] == "NO_CONSENT_WIRELESS"
    assert (reason["value"], reason["threshold"]) == (0.97, 0.2)
    assert reason["rule"] == RULES[ReasonCode.NO_CONSENT_WIRELESS]
    assert data["evidence"]["answer_seizure_ratio"] == 0.1235


def test_every_reason_code_points_at_a_rule() -> None:
    assert set(RULES) == set(ReasonCode)
    assert all("USC" in rule or "CFR" in rule for rule in RULES.values())


def test_an_alert_comes_back_whole_from_its_state() -> None:
    """What a grading worker sends (plain values) rebuilds the same alert: every field,
    the enums as enums, the reasons' samples, the evidence and the notes."""
    alert = replace(_alert(), notes=("attributed to sub-account(s) mv-realty",))
    again = alert_from_state(alert_state(alert))
    assert again == alert
    assert isinstance(again.severity, Severity)
    assert all(isinstance(reason.code, ReasonCode) for reason in again.reasons)
    assert again.to_json() == alert.to_json()


def test_severity_ranks() -> None:
    assert Severity.LOW.rank < Severity.MEDIUM.rank < Severity.HIGH.rank


def test_jsonl_one_alert_per_line(tmp_path: Path) -> None:
    path = tmp_path / "alerts.jsonl"
    assert write_alerts_jsonl([_alert("a"), _alert("b")], path) == 2
    lines = path.read_text().splitlines()
    assert [json.loads(line)["entity_id"] for line in lines] == ["a", "b"]
    assert not (tmp_path / "alerts.jsonl.partial").exists()
    buffer = io.StringIO()
    write_alerts_jsonl([_alert()], buffer)
    assert json.loads(buffer.getvalue())["calls"] == 48210


def test_failed_write_keeps_the_previous_file(tmp_path: Path) -> None:
    path = tmp_path / "alerts.jsonl"
    write_alerts_jsonl([_alert("old")], path)

    def broken() -> Iterator[Alert]:
        yield _alert("new")
        raise RuntimeError("killed mid-way")

    with pytest.raises(RuntimeError):
        write_alerts_jsonl(broken(), path)
    assert json.loads(path.read_text())["entity_id"] == "old"
