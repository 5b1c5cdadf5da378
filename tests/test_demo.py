"""``run_demo``: the whole data flow on a small labelled network, and safe to run again."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from callwarden.config import Settings
from callwarden.demo import DemoOptions, demo_settings, run_demo
from callwarden.store.calls import CallStore

SMALL = DemoOptions(days=2, scale=0.03, seed=11)


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("demo-home")


@pytest.fixture(scope="module")
def settings(home: Path, monkeypatch_module: pytest.MonkeyPatch) -> Settings:
    monkeypatch_module.delenv("CALLWARDEN_DATABASE_URL", raising=False)
    return Settings.from_env(home=home)


@pytest.fixture(scope="module")
def monkeypatch_module() -> pytest.MonkeyPatch:
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def test_demo_runs_the_whole_flow_and_again_adds_nothing(settings: Settings) -> None:
    first = run_demo(settings, SMALL)

    # Every synthesised call is in the demo's own call store, none rejected.
    store = CallStore(first.home / "calls")
    assert store.count() == first.synth.rows > 0
    assert first.ingest.rejected_rows == 0
    assert first.traffic.totals.calls == first.synth.rows
    assert first.home.is_relative_to(settings.home / "demo")
    assert first.database_url.startswith("sqlite:///")
    assert str(first.home) in first.database_url
    assert first.stored.customers == sum(first.overview.accounts_by_kind.values()) + (
        first.overview.sub_accounts
    )
    assert first.stored.consent > 0
    assert first.stored.dno > 0

    # The alerts file holds the analysis, and the labelled campaigns are caught.
    lines = first.alerts_path.read_text().splitlines()
    assert len(lines) == len(first.analysis.alerts) > 0
    assert any(json.loads(line)["severity"] == "high" for line in lines)
    assert first.quality.campaigns_missed == 0
    assert first.quality.legitimate_high == 0

    again = run_demo(settings, SMALL)
    assert sum(f.result.rows_added for f in again.ingest.files if f.result) == 0
    assert CallStore(again.home / "calls").count() == first.synth.rows
    # The same rows; only the log of import runs grows.
    assert again.stored == replace(first.stored, import_runs=2 * first.stored.import_runs)
    assert [a.alert_id for a in again.analysis.alerts] == [
        a.alert_id for a in first.analysis.alerts
    ]


def test_each_network_has_its_own_data_directory(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path, database_url=f"sqlite:///{tmp_path}/callwarden.db")
    one = demo_settings(settings, SMALL)
    other = demo_settings(settings, DemoOptions(days=2, scale=0.03, seed=12))
    assert one.home != other.home
    assert one.database_url != other.database_url  # the embedded default moves with it


def test_an_explicit_database_is_kept(tmp_path: Path) -> None:
    url = "postgresql+psycopg://callwarden@db.example/callwarden"
    settings = Settings(home=tmp_path, database_url=url)
    assert demo_settings(settings, SMALL).database_url == url
