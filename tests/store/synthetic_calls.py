"""Call records of CDR_SCHEMA built straight with numpy and pyarrow, for store tests.

Deterministic in ``seed``; the content of a row is a function of its call id number, so a
duplicate made by repeating an id number is an exact copy of the original row.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from callwarden.calls import CDR_SCHEMA

EPOCH = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
US_PER_DAY = 86_400_000_000


def calls_for_ids(ids: np.ndarray, *, days: int = 5, seed: int = 0) -> pa.Table:
    """One call per entry of ``ids`` (non-negative integers), content derived from the id."""
    ids = np.asarray(ids, dtype=np.int64)
    # A cheap keyed mix, so that equal ids give equal rows and neighbours differ.
    mixed = (ids * 6364136223846793005 + seed * 1442695040888963407) & ((1 << 62) - 1)
    offsets = mixed % (days * US_PER_DAY)
    epoch_us = int(EPOCH.timestamp() * 1_000_000)
    caller = 2025550000 + (mixed >> 20) % 10_000
    called = 3015550000 + (mixed >> 34) % 100_000
    strings = pc.cast(pa.array(ids), pa.string())
    columns = {
        "call_id": pc.binary_join_element_wise("c-", strings, ""),
        "start_time": pa.array(epoch_us + offsets, pa.int64()).cast(pa.timestamp("us", tz="UTC")),
        "duration_s": pa.array((mixed >> 8) % 300, pa.int32()),
        "sip_code": pa.array(np.where((mixed >> 4) % 3 == 0, 200, 486), pa.int16()),
        "caller_id": pc.binary_join_element_wise("+1", pc.cast(pa.array(caller), pa.string()), ""),
        "caller_class": pa.array(np.full(len(ids), "geographic")),
        "called_number": pc.binary_join_element_wise(
            "+1", pc.cast(pa.array(called), pa.string()), ""
        ),
        "customer_id": pc.binary_join_element_wise(
            "cust-", pc.cast(pa.array((mixed >> 40) % 7), pa.string()), ""
        ),
        "upstream_provider": pa.nulls(len(ids), pa.string()),
        "sub_account": pa.nulls(len(ids), pa.string()),
        "downstream_provider": pa.array(np.full(len(ids), "carrier-x")),
        "attestation": pa.array(np.array(["A", "B", "C"])[(mixed >> 12) % 3]),
        "origid": pa.nulls(len(ids), pa.string()),
        "source_ip": pa.array(np.full(len(ids), "192.0.2.7")),
    }
    return pa.table(columns, schema=CDR_SCHEMA)
