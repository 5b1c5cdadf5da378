"""Hand-made call records for the analysis tests: small, explicit, each one shaped like one
kind of traffic (a recording sent without consent, a hit list, neighbour spoofing, a
pharmacy's reminders), written to Parquet of CDR_SCHEMA like the call store's files."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from callwarden.calls import CDR_SCHEMA

DAY = datetime(2022, 8, 8, tzinfo=UTC)


@dataclass
class CallFactory:
    """Collects call rows; each ``add_*`` returns the call ids it made."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    rng: random.Random = field(default_factory=lambda: random.Random(7))

    def _id(self) -> str:
        return f"c-{len(self.rows):06d}"

    def add(self, **values: Any) -> str:
        call_id = values.pop("call_id", None) or self._id()
        row = {
            "call_id": call_id,
            "start_time": DAY + timedelta(hours=15),
            "duration_s": 0,
            "sip_code": 486,
            "caller_id": "+12025550123",
            "caller_class": "valid",
            "called_number": "+13015550123",
            "attestation": "A",
        }
        row.update(values)
        self.rows.append(row)
        return call_id

    def random_callee(self) -> str:
        """A NANP number in a random exchange, far from any other."""
        npa = self.rng.choice([212, 213, 312, 415, 512, 617, 702, 808, 917])
        return f"+1{npa}{self.rng.randint(200, 999)}{self.rng.randint(0, 9999):04d}"

    def campaign(
        self,
        calls: int,
        *,
        customer_id: str | None,
        sub_account: str | None = None,
        upstream_provider: str | None = None,
        caller_ids: list[str] | None = None,
        message_s: int | None = 45,
        answer_rate: float = 0.35,
        callees: Iterator[str] | None = None,
        hour: int = 15,
        caller_class: str = "valid",
        attestation: str | None = "A",
        live_mean_s: float = 150.0,
    ) -> list[str]:
        """Calls from one sender. ``message_s`` set: answered calls play a recording of
        that length (most hear it out, some hang up early); None: live calls with
        exponential talk times."""
        ids = []
        for index in range(calls):
            answered = self.rng.random() < answer_rate
            duration = 0
            if answered:
                if message_s is not None:
                    early = self.rng.random() < 0.25
                    duration = (
                        self.rng.randint(1, message_s)
                        if early
                        else message_s + self.rng.randint(-2, 2)
                    )
                else:
                    duration = max(1, int(self.rng.expovariate(1 / live_mean_s)))
            callee = next(callees) if callees is not None else self.random_callee()
            cid = caller_ids[index % len(caller_ids)] if caller_ids else "+12025550123"
            ids.append(
                self.add(
                    start_time=DAY + timedelta(hours=hour, seconds=index * 7 % 3600),
                    duration_s=duration,
                    sip_code=200 if answered else 480,
                    caller_id=cid,
                    caller_class=caller_class,
                    called_number=callee,
                    customer_id=customer_id,
                    sub_account=sub_account,
                    upstream_provider=upstream_provider,
                    attestation=attestation,
                )
            )
        return ids

    def table(self) -> pa.Table:
        return pa.Table.from_pylist(self.rows, schema=CDR_SCHEMA)

    def write(self, directory: Path) -> Path:
        directory.mkdir(parents=True, exist_ok=True)
        path = directory / "calls.parquet"
        pq.write_table(self.table(), path)
        return path


def sequential_callees(start: int = 4155620000) -> Iterator[str]:
    number = start
    while True:
        yield f"+1{number}"
        number += 1
