"""``callwarden demo``: the sections an analyst reads, on a small network."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from callwarden.cli import app


def test_demo_prints_network_traffic_alerts_and_label_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CALLWARDEN_DATABASE_URL", raising=False)
    monkeypatch.setenv("COLUMNS", "160")
    result = CliRunner().invoke(
        app,
        ["demo", "--days", "1", "--scale", "0.03", "--seed", "5", "--home", str(tmp_path)],
    )
    assert result.exit_code == 0, result.output
    text = result.output
    for section in ("The network", "Traffic", "Robocall analysis", "Against the network's labels"):
        assert section in text
    assert "calls per day" in text
    assert "█" in text
    assert "Sources to act on first" in text
    assert "legitimate entities wrongly at high: 0 " in text
    assert "HIGH " in text  # at least one explained high alert
    assert (tmp_path / "demo" / "seed5-scale0.03-days1" / "alerts.jsonl").is_file()


def test_demo_rejects_a_bad_option(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["demo", "--days", "0", "--home", str(tmp_path)])
    assert result.exit_code == 2
    assert "--days" in result.output
    assert not (tmp_path / "demo").exists()
