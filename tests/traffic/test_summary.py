from __future__ import annotations

from datetime import UTC, datetime, timedelta

import duckdb
import pyarrow as pa

from callwarden.calls import CDR_SCHEMA
from callwarden.traffic.summary import summarise_traffic


def _calls() -> pa.Table:
    start = datetime(2022, 8, 8, 12, tzinfo=UTC)
    rows = []
    # acme: 3 calls, 2 answered, 2 callees; one sub-account
    for i, (code, duration, callee) in enumerate(
        [(200, 30, "+12025550101"), (200, 50, "+12025550102"), (486, 0, "+12025550101")]
    ):
        rows.append(
            {
                "call_id": f"a{i}",
                "start_time": start + timedelta(minutes=i),
                "duration_s": duration,
                "sip_code": code,
                "caller_id": "+13015550123",
                "caller_class": "valid",
                "called_number": callee,
                "customer_id": "acme",
                "sub_account": "acme-client",
                "attestation": "A",
            }
        )
    # one transit call from an upstream carrier, the next day, unsigned, invalid caller ID
    rows.append(
        {
            "call_id": "t0",
            "start_time": start + timedelta(days=1),
            "duration_s": 0,
            "sip_code": 404,
            "caller_id": "123",
            "caller_class": "invalid_nanp",
            "called_number": "+12025550103",
            "upstream_provider": "carrier-x",
        }
    )
    return pa.Table.from_pylist(rows, schema=CDR_SCHEMA)


def test_summary_counts_and_ranks_sources() -> None:
    connection = duckdb.connect()
    connection.execute("set TimeZone = 'UTC'")
    connection.register("calls", _calls())

    summary = summarise_traffic(connection)

    totals = summary.totals
    assert (totals.calls, totals.answered, totals.days) == (4, 2, 2)
    assert (totals.originated, totals.transit) == (3, 1)
    assert totals.distinct_callees == 3
    assert totals.minutes == 80 / 60
    assert totals.answer_seizure_ratio == 0.5
    acme, carrier = summary.top_sources
    assert (acme.source, acme.kind, acme.calls, acme.sub_accounts) == ("acme", "customer", 3, 1)
    assert acme.mean_answered_duration_s == 40
    assert round(acme.answer_seizure_ratio, 3) == 0.667
    assert (carrier.source, carrier.kind) == ("carrier-x", "upstream_provider")
    assert summary.attestation_mix == {"A": 3, "unsigned": 1}
    assert summary.caller_class_mix == {"valid": 3, "invalid_nanp": 1}
    assert summary.calls_per_day == [("2022-08-08", 3), ("2022-08-09", 1)]
