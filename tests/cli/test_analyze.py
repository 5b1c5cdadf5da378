"""``callwarden analyze``: the contract interface, its alerts file and its printed summary."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from callwarden.cli import app
from callwarden.synth import SynthOptions, synthesize
from callwarden.traffic.alerts import ReasonCode


@pytest.fixture(scope="module")
def network(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("network")
    synthesize(SynthOptions(out_dir=out, days=1, scale=0.03, seed=11))
    return out


def _analyze(network: Path, out: Path, *extra: str) -> str:
    files = {
        name: str(network / f"{name}.csv")
        for name in ("customers", "numbers", "consent", "dno", "rmd")
    }
    # --no-store: whatever a developer loaded under ./callwarden-data stays out of it
    arguments = ["analyze", "--cdrs", str(network / "cdrs"), "--out", str(out), "--no-store"]
    for name, path in files.items():
        arguments += [f"--{name}", path]
    result = CliRunner().invoke(app, [*arguments, *extra])
    assert result.exit_code == 0, result.output
    return result.output


def test_alerts_file_keeps_the_contract(
    network: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    out = tmp_path / "alerts.jsonl"
    text = _analyze(network, out, "--explain", "1")
    alerts = [json.loads(line) for line in out.read_text().splitlines()]
    assert alerts
    known_codes = {code.value for code in ReasonCode}
    for alert in alerts:
        assert alert["entity_type"] in {"customer", "sub_account", "caller_id", "upstream_provider"}
        assert 0 <= alert["score"] <= 100
        assert alert["severity"] in {"low", "medium", "high"}
        start = datetime.fromisoformat(alert["window_start"].replace("Z", "+00:00"))
        end = datetime.fromisoformat(alert["window_end"].replace("Z", "+00:00"))
        assert end > start
        assert alert["reasons"]
        for reason in alert["reasons"]:
            assert reason["code"] in known_codes
            assert isinstance(reason["value"], float)
            assert isinstance(reason["threshold"], float)
        if alert["entity_type"] == "upstream_provider":
            assert alert["customer_id"] == ""
    assert any(alert["severity"] == "high" for alert in alerts)
    assert f"{len(alerts):,} alerts written to" in text
    # the summary fits 80 columns: every reason code of the table is printed whole
    table = text[text.index("Sources to act on first") :]
    assert all(len(line) <= 80 for line in table.splitlines()[:40])
    shown = re.findall(r"\b[A-Z]+(?:_[A-Z]+)+\b", "\n".join(table.splitlines()[:40]))
    assert shown
    assert set(shown) <= known_codes  # none folded into pieces
    assert "HIGH " in text  # one explained alert


def test_hourly_windows_are_an_hour_long(network: Path, tmp_path: Path) -> None:
    out = tmp_path / "hourly.jsonl"
    _analyze(network, out, "--window", "hour", "--min-severity", "medium", "--explain", "0")
    alerts = [json.loads(line) for line in out.read_text().splitlines()]
    assert alerts
    for alert in alerts:
        assert alert["severity"] in {"medium", "high"}
        start = datetime.fromisoformat(alert["window_start"].replace("Z", "+00:00"))
        end = datetime.fromisoformat(alert["window_end"].replace("Z", "+00:00"))
        assert (end - start).total_seconds() == 3600


def test_thresholds_file_sets_what_the_detectors_fire_at(network: Path, tmp_path: Path) -> None:
    def volume_thresholds(path: Path) -> list[float]:
        return [
            reason["threshold"]
            for line in path.read_text().splitlines()
            for reason in json.loads(line)["reasons"]
            if reason["code"] == "HIGH_VOLUME"
        ]

    default = tmp_path / "default.jsonl"
    _analyze(network, default, "--explain", "0")
    thresholds = tmp_path / "thresholds.toml"
    thresholds.write_text("high_volume_calls = 500\n")
    lowered = tmp_path / "lowered.jsonl"
    text = _analyze(network, lowered, "--explain", "0", "--thresholds", str(thresholds))
    assert f"thresholds from {thresholds}: high_volume_calls = 500" in text.replace("\n", "")
    # more senders cross the lowered volume, each alert stating the threshold it crossed
    assert len(volume_thresholds(lowered)) > len(volume_thresholds(default))
    assert 500.0 in volume_thresholds(lowered)
    assert 500.0 not in volume_thresholds(default)
    thresholds.write_text("high_volume_calls = -1\n")
    refused = CliRunner().invoke(
        app,
        ["analyze", "--cdrs", str(network / "cdrs"), "--no-store", "--thresholds", str(thresholds)],
    )
    assert refused.exit_code == 2
    assert "high_volume_calls: -1 is not a whole number" in refused.output.replace("\n", "")


def test_bad_window_and_missing_file_are_named(network: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    bad = runner.invoke(app, ["analyze", "--cdrs", str(network / "cdrs"), "--window", "week"])
    assert bad.exit_code == 2
    assert "--window must be day or hour" in bad.output
    missing = runner.invoke(
        app, ["analyze", "--cdrs", str(tmp_path / "nowhere.parquet"), "--home", str(tmp_path)]
    )
    assert missing.exit_code != 0
    assert "nowhere.parquet" in missing.output
    assert "Traceback" not in missing.output


def test_lists_not_given_come_from_the_loaded_store(
    network: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CALLWARDEN_DATABASE_URL", raising=False)
    runner = CliRunner()
    home = tmp_path / "home"
    cdrs = str(network / "cdrs")
    bare = tmp_path / "bare.jsonl"
    first = runner.invoke(app, ["analyze", "--home", str(home), "--cdrs", cdrs, "--out", str(bare)])
    assert first.exit_code == 0, first.output
    assert not (home / "callwarden.db").exists()  # analysing creates no database

    lists = [f"--{name}={network / f'{name}.csv'}" for name in ("customers", "numbers")]
    lists += [f"--{name}={network / f'{name}.csv'}" for name in ("consent", "dno", "rmd")]
    loaded = runner.invoke(app, ["load", "--home", str(home), *lists])
    assert loaded.exit_code == 0, loaded.output

    from_store = tmp_path / "store.jsonl"
    result = runner.invoke(
        app, ["analyze", "--home", str(home), "--cdrs", cdrs, "--out", str(from_store)]
    )
    assert result.exit_code == 0, result.output
    assert "from the relational store" in result.output
    from_files = tmp_path / "files.jsonl"
    _analyze(network, from_files, "--explain", "0")
    assert sorted(from_store.read_text().splitlines()) == sorted(
        from_files.read_text().splitlines()
    )

    without = tmp_path / "without.jsonl"
    result = runner.invoke(
        app,
        ["analyze", "--home", str(home), "--cdrs", cdrs, "--no-store", "--out", str(without)],
    )
    assert "from the relational store" not in result.output
    assert sorted(without.read_text().splitlines()) == sorted(bare.read_text().splitlines())


def test_an_empty_call_store_says_how_to_fill_it(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["analyze", "--home", str(tmp_path / "home"), "--no-store"])
    assert result.exit_code == 0, result.output
    assert "0 calls" in result.output
    assert "callwarden ingest" in result.output


def test_days_selects_the_newest_days(tmp_path: Path) -> None:
    def calls_analysed(printed: str) -> int:
        found = re.search(r"^([\d,]+) calls, ", printed, re.MULTILINE)
        assert found, printed
        return int(found.group(1).replace(",", ""))

    network = tmp_path / "network"
    synthesize(SynthOptions(out_dir=network, days=3, scale=0.03, seed=5))
    out = tmp_path / "alerts.jsonl"
    last_day = _analyze(network, out, "--days", "1", "--explain", "0")
    days = {json.loads(line)["window_start"][:10] for line in out.read_text().splitlines()}
    assert days == {"2022-08-03"}
    every_day = _analyze(network, tmp_path / "all.jsonl", "--explain", "0")
    assert 0 < calls_analysed(last_day) < calls_analysed(every_day)


def test_memory_limit_bounds_the_scans_and_is_checked_first(
    network: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    default = tmp_path / "default.jsonl"
    _analyze(network, default, "--explain", "0")
    bounded = tmp_path / "bounded.jsonl"
    _analyze(network, bounded, "--explain", "0", "--memory-limit", "1GB")
    assert bounded.read_text() == default.read_text()
    # nothing but the alerts in the working directory: no DuckDB spill (.tmp) left there
    assert sorted(path.name for path in tmp_path.iterdir()) == ["bounded.jsonl", "default.jsonl"]
    for limit, message in (("lots", "'lots' is not a size"), ("64MB", "under the 256 MB")):
        refused = CliRunner().invoke(
            app,
            ["analyze", "--cdrs", str(network / "cdrs"), "--no-store", "--memory-limit", limit],
        )
        assert refused.exit_code == 2, refused.output
        assert message in refused.output.replace("\n", "")
        assert "reading CDR files" not in refused.output  # refused before any work
