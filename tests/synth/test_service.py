"""synthesize(): reproducibility, the file formats of docs/formats.md, labels, scale."""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
import re
import subprocess
import sys
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from callwarden.synth import SynthOptions, synthesize
from callwarden.synth.geography import load_numbering_plan
from callwarden.synth.writer import CDR_FILE_SCHEMA, FileFormat
from tests.synth.conftest import Synthesised

ILLEGAL_BEHAVIOURS = {
    "prerecorded_no_consent",
    "prerecorded_low_volume",
    "prerecorded_multi_message",
    "neighbour_spoofing",
    "snowshoe",
    "gateway_flood",
    "sequential_dialing",
    "outside_calling_hours",
}
VALID_NANP = re.compile(r"^\+1[2-9]\d{2}[2-9]\d{6}$")


def _digest(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_same_arguments_give_byte_identical_files(tmp_path: Path) -> None:
    formats: tuple[FileFormat, ...] = ("parquet", "csv")
    for file_format in formats:
        first, second = tmp_path / f"a-{file_format}", tmp_path / f"b-{file_format}"
        for out in (first, second):
            synthesize(SynthOptions(out, days=2, scale=0.004, seed=3, file_format=file_format))
        assert _digest(first) == _digest(second)
        assert len(_digest(first)) == 11  # 2 CDR files, 7 CSVs, 2 notices


def test_another_seed_gives_another_network(tmp_path: Path) -> None:
    synthesize(SynthOptions(tmp_path / "a", days=1, scale=0.004, seed=1))
    synthesize(SynthOptions(tmp_path / "b", days=1, scale=0.004, seed=2))
    assert (tmp_path / "a" / "labels.csv").read_bytes() != (
        tmp_path / "b" / "labels.csv"
    ).read_bytes()


def test_cdr_files_carry_the_formats_md_columns_and_types(synthesised: Synthesised) -> None:
    files = sorted((synthesised.out / "cdrs").glob("*.parquet"))
    assert [path.name for path in files] == [
        "2022-08-01.parquet",
        "2022-08-02.parquet",
        "2022-08-03.parquet",
    ]
    for path in files:
        table = pq.read_table(path)
        assert table.schema.equals(CDR_FILE_SCHEMA)
        day = date.fromisoformat(path.name.removesuffix(".parquet"))
        begin = datetime(day.year, day.month, day.day)
        times = table["start_time"].to_numpy().astype("datetime64[us]")
        assert times.min() >= np.datetime64(begin)
        assert times.max() < np.datetime64(begin + timedelta(days=1))
        assert bool(np.all(np.diff(times.astype(np.int64)) >= 0)), "CDRs are in start-time order"
    cdrs = synthesised.cdrs
    assert pc.count_distinct(cdrs["call_id"]).as_py() == cdrs.num_rows
    sip = cdrs["sip_code"].to_numpy()
    duration = cdrs["duration_s"].to_numpy()
    assert set(np.unique(sip).tolist()) == {200, 404, 408, 480, 486, 487, 603}
    assert bool(np.all((duration > 0) == (sip == 200))), "talk time only on answered calls"
    customer = cdrs["customer_id"].is_null().to_numpy(zero_copy_only=False)
    upstream = cdrs["upstream_provider"].is_null().to_numpy(zero_copy_only=False)
    assert bool(np.all(customer != upstream)), "exactly one of customer_id / upstream_provider"
    assert set(cdrs["attestation"].unique().to_pylist()) == {"A", "B", "C", None}


def test_caller_ids_come_in_the_forms_providers_send(synthesised: Synthesised) -> None:
    callers = synthesised.cdrs["caller_id"].to_pylist()
    kinds = Counter(
        "e164" if VALID_NANP.match(c)
        else "national" if re.match(r"^\(\d{3}\) \d{3}-\d{4}$", c)
        else "eleven" if re.match(r"^1\d{10}$", c)
        else "anonymous" if c == "anonymous"
        else "other"
        for c in callers
    )  # fmt: skip
    assert kinds["e164"] > 0.9 * len(callers)
    assert kinds["national"] > 0
    assert kinds["eleven"] > 0
    assert kinds["anonymous"] > 0
    assert kinds["other"] > 0  # invalid and international ones


def test_csv_format_writes_gzip_csv_with_iso_timestamps(tmp_path: Path) -> None:
    synthesize(SynthOptions(tmp_path, days=1, scale=0.004, seed=5, file_format="csv"))
    path = tmp_path / "cdrs" / "2022-08-01.csv.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        header = handle.readline().strip().replace('"', "").split(",")
        first = handle.readline()
    assert header == CDR_FILE_SCHEMA.names
    assert re.search(r"2022-08-01T\d{2}:\d{2}:\d{2}\.\d{3}Z", first)
    from pyarrow import csv as pacsv

    table = pacsv.read_csv(path)
    parquet_twin = synthesize(SynthOptions(tmp_path / "pq", days=1, scale=0.004, seed=5))
    assert table.num_rows == parquet_twin.rows


def test_side_files_have_the_formats_md_columns(synthesised: Synthesised) -> None:
    expected = {
        "customers.csv": {"customer_id", "name", "parent_id", "kind", "created_at", "kyc_status",
                          "declared_use", "ein", "address", "country", "contact_email",
                          "ip_country"},
        "numbers.csv": {"number", "customer_id", "since", "verified"},
        "consent.csv": {"called_number", "customer_id", "consent_type", "obtained_at", "revoked_at",
                        "evidence"},
        "dno.csv": {"number", "reason"},
        "rmd.csv": {"frn", "business_name", "implementation", "last_updated"},
        "labels.csv": {"entity_type", "entity_id", "customer_id", "behaviour", "legitimate",
                       "description"},
    }  # fmt: skip
    for name, columns in expected.items():
        rows = synthesised.rows(name)
        assert rows, name
        assert columns <= set(rows[0]), name
    for row in synthesised.rows("consent.csv"):
        assert row["consent_type"] in {"prior_express", "prior_express_written"}
        assert VALID_NANP.match(row["called_number"])
        if row["revoked_at"]:
            assert row["revoked_at"] > row["obtained_at"]
    kinds = {row["kind"] for row in synthesised.rows("customers.csv")}
    assert kinds == {"enterprise", "reseller", "provider"}


def test_every_labelled_entity_appears_in_the_cdrs(synthesised: Synthesised) -> None:
    cdrs = synthesised.cdrs
    present = {
        "customer": set(cdrs["customer_id"].unique().to_pylist()),
        "sub_account": set(cdrs["sub_account"].unique().to_pylist()),
        "upstream_provider": set(cdrs["upstream_provider"].unique().to_pylist()),
        "caller_id": set(cdrs["caller_id"].unique().to_pylist()),
    }
    labels = synthesised.rows("labels.csv")
    for row in labels:
        assert row["entity_id"] in present[row["entity_type"]], row
        assert row["legitimate"] in {"true", "false"}
    illegal = {row["behaviour"] for row in labels if row["legitimate"] == "false"}
    assert illegal == ILLEGAL_BEHAVIOURS
    sub_accounts = {r["entity_id"] for r in labels if r["entity_type"] == "sub_account"}
    parents = {r["customer_id"]: r["parent_id"] for r in synthesised.rows("customers.csv")}
    for sub in sub_accounts:
        assert parents[sub], "a sub-account names its parent"


def test_label_tallies_match_the_cdrs(synthesised: Synthesised) -> None:
    cdrs = synthesised.cdrs
    column = {"customer": "customer_id", "sub_account": "sub_account",
              "upstream_provider": "upstream_provider", "caller_id": "caller_id"}  # fmt: skip
    days = pc.strftime(cdrs["start_time"], format="%Y-%m-%d")
    labels = synthesised.rows("labels.csv")
    illegal_entities = [
        r for r in labels if r["legitimate"] == "false" and r["entity_type"] != "caller_id"
    ]
    for row in labels[:: max(1, len(labels) // 300)] + illegal_entities:
        mine = pc.equal(cdrs[column[row["entity_type"]]], row["entity_id"])
        seen = sorted(set(days.filter(mine).to_pylist()))
        assert int(row["calls"]) == pc.sum(mine).as_py(), row
        assert (row["first_seen"], row["last_seen"]) == (seen[0], seen[-1]), row


def _calls_of(synthesised: Synthesised, behaviour: str) -> tuple[dict[str, str], pa.Table]:
    label = next(
        row
        for row in synthesised.rows("labels.csv")
        if row["behaviour"] == behaviour and row["entity_type"] != "caller_id"
    )
    column = {
        "customer": "customer_id",
        "sub_account": "sub_account",
        "upstream_provider": "upstream_provider",
    }[label["entity_type"]]
    cdrs = synthesised.cdrs
    return label, cdrs.filter(pc.equal(cdrs[column], label["entity_id"]))


def test_no_consent_sub_account_calls_people_without_consent(synthesised: Synthesised) -> None:
    label, calls = _calls_of(synthesised, "prerecorded_no_consent")
    assert label["entity_type"] == "sub_account"
    consented = {
        row["called_number"]
        for row in synthesised.rows("consent.csv")
        if row["customer_id"] == label["entity_id"]
    }
    assert calls.num_rows > 100
    assert not consented
    answered = calls.filter(pc.equal(calls["sip_code"], 200))["duration_s"].to_numpy()
    peak = np.median(answered[answered > 40])
    assert 50 <= peak <= 70, "the ~60 s prerecorded message"
    held = {
        r["number"]
        for r in synthesised.rows("numbers.csv")
        if r["customer_id"] == label["entity_id"]
    }
    assert set(calls["caller_id"].unique().to_pylist()) <= held, "numbers it does hold"
    # its parent, the dialer platform, is labelled legitimate
    platform = next(
        r for r in synthesised.rows("labels.csv") if r["entity_id"] == label["customer_id"]
    )
    assert platform["legitimate"] == "true"


def test_consent_senders_call_mostly_consenting_people(synthesised: Synthesised) -> None:
    label, calls = _calls_of(synthesised, "appointment_reminders")
    consented = {
        row["called_number"]
        for row in synthesised.rows("consent.csv")
        if row["customer_id"] == label["entity_id"]
    }
    callees = calls["called_number"].to_pylist()
    share = sum(c in consented for c in callees) / len(callees)
    assert share > 0.9


def test_neighbour_spoofed_calls_share_the_callees_npa_nxx(synthesised: Synthesised) -> None:
    label, calls = _calls_of(synthesised, "neighbour_spoofing")
    callers = calls["caller_id"].to_pylist()
    callees = calls["called_number"].to_pylist()
    assert len(callers) > 50
    assert all(a[:8] == b[:8] and a != b for a, b in zip(callers, callees, strict=True))
    held = {
        r["number"]
        for r in synthesised.rows("numbers.csv")
        if r["customer_id"] == label["entity_id"]
    }
    assert not (set(callers) & held)
    assert set(calls["attestation"].unique().to_pylist()) == {"B"}


def test_snowshoe_spreads_over_many_caller_ids(synthesised: Synthesised) -> None:
    _, calls = _calls_of(synthesised, "snowshoe")
    per_day: dict[str, Counter[str]] = defaultdict(Counter)
    for when, caller in zip(
        calls["start_time"].to_pylist(), calls["caller_id"].to_pylist(), strict=True
    ):
        per_day[when.date().isoformat()][caller] += 1
    for counts in per_day.values():
        assert len(counts) > 150
        assert np.mean(list(counts.values())) < 6


def test_gateway_flood_comes_from_a_provider_absent_from_the_rmd(synthesised: Synthesised) -> None:
    label, calls = _calls_of(synthesised, "gateway_flood")
    filed = {row["business_name"] for row in synthesised.rows("rmd.csv")}
    assert label["entity_id"] not in filed
    upstreams = {
        r["entity_id"]
        for r in synthesised.rows("labels.csv")
        if r["entity_type"] == "upstream_provider"
    }
    assert upstreams - {label["entity_id"]} <= filed, "legitimate carriers are in the RMD"
    assert set(calls["attestation"].unique().to_pylist()) <= {"C", None}
    callers = calls["caller_id"].to_pylist()
    dno = {row["number"] for row in synthesised.rows("dno.csv")}
    assert sum(c in dno for c in callers) > 0.05 * len(callers)
    invalid = [c for c in callers if not VALID_NANP.match(c)]
    assert len(invalid) > 0.05 * len(callers)
    assert any(c.startswith("+1") and len(c) != 12 for c in invalid), "wrong-length numbers"
    assert any(re.match(r"^\+1\d{3}5550[12]\d\d$", c) for c in callers), "fictional 555-01XX"


def test_hit_list_dials_consecutive_numbers(synthesised: Synthesised) -> None:
    label, calls = _calls_of(synthesised, "sequential_dialing")
    assert label["entity_type"] == "sub_account"
    numbers = np.array([int(c[2:]) for c in calls["called_number"].to_pylist()])
    steps = np.diff(numbers)
    assert np.mean((steps >= 1) & (steps <= 2)) > 0.8


def _local_hours(calls: pa.Table) -> np.ndarray:
    plan = load_numbering_plan()
    callee = np.array([int(c[2:]) for c in calls["called_number"].to_pylist()]) // 10_000
    position = np.searchsorted(plan.npa_nxx, callee)
    zone = plan.zone_of_npa_nxx[position]
    offsets = plan.utc_offsets_s(date(2022, 8, 1))[zone]
    seconds = calls["start_time"].to_numpy().astype("datetime64[s]").astype(np.int64)
    hours: np.ndarray = ((seconds + offsets) % 86_400) // 3600
    return hours


def test_night_telemarketer_calls_outside_8am_to_9pm(synthesised: Synthesised) -> None:
    _, night = _calls_of(synthesised, "outside_calling_hours")
    _, centre = _calls_of(synthesised, "contact_centre_consent")

    def outside(calls: pa.Table) -> float:
        hours = _local_hours(calls)
        return float(np.mean((hours < 8) | (hours >= 21)))

    assert outside(night) > 0.3
    assert outside(centre) < 0.02


def test_row_count_follows_scale(tmp_path: Path) -> None:
    result = synthesize(SynthOptions(tmp_path, days=7, scale=0.01, seed=11))
    assert abs(result.rows - 7 * 10_000) < 0.15 * 7 * 10_000
    assert 0.05 < result.illegal_rows / result.rows < 0.25


_PEAK_RSS = """
import resource, sys
from pathlib import Path
from callwarden.synth import SynthOptions, synthesize
synthesize(SynthOptions(Path(sys.argv[1]), days=int(sys.argv[2]), scale=0.25, seed=1))
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


@pytest.mark.slow
def test_memory_is_bounded_per_day(tmp_path: Path) -> None:
    def peak_kib(days: int) -> int:
        run = subprocess.run(
            [sys.executable, "-c", _PEAK_RSS, str(tmp_path / f"d{days}"), str(days)],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
        return int(run.stdout.split()[-1])

    one, five = peak_kib(1), peak_kib(5)
    assert five < one * 1.25, json.dumps({"one_day_kib": one, "five_days_kib": five})


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_every_seed_yields_the_whole_cast(tmp_path: Path, seed: int) -> None:
    synthesize(SynthOptions(tmp_path, days=2, scale=0.004, seed=seed))
    cdrs = pa.concat_tables(pq.read_table(p) for p in sorted((tmp_path / "cdrs").glob("*")))
    with (tmp_path / "labels.csv").open(newline="") as handle:
        labels = list(csv.DictReader(handle))
    with (tmp_path / "rmd.csv").open(newline="") as handle:
        filed = {row["business_name"] for row in csv.DictReader(handle)}
    assert {r["behaviour"] for r in labels if r["legitimate"] == "false"} == ILLEGAL_BEHAVIOURS
    column = {"customer": "customer_id", "sub_account": "sub_account",
              "upstream_provider": "upstream_provider", "caller_id": "caller_id"}  # fmt: skip
    present = {kind: set(cdrs[name].unique().to_pylist()) for kind, name in column.items()}
    for row in labels:
        assert row["entity_id"] in present[row["entity_type"]], row
        if row["entity_type"] == "upstream_provider":
            assert (row["entity_id"] in filed) == (row["legitimate"] == "true"), row
