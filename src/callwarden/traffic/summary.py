"""A readable overview of a provider's traffic: what `callwarden demo` prints and what an
analyst looks at first. Plain SQL over the ``calls`` relation (callwarden.calls.CDR_SCHEMA),
one pass per table, so it runs on the call store or straight on files."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb


@dataclass(frozen=True)
class TrafficTotals:
    calls: int
    answered: int
    first_call: str | None
    last_call: str | None
    days: int
    distinct_callers: int
    distinct_callees: int
    originated: int
    transit: int
    minutes: float

    @property
    def answer_seizure_ratio(self) -> float:
        return self.answered / self.calls if self.calls else 0.0


@dataclass(frozen=True)
class SourceRow:
    """Traffic of one source: a customer (with its sub-accounts) or an upstream provider."""

    source: str
    kind: str  # "customer" or "upstream_provider"
    calls: int
    answer_seizure_ratio: float
    mean_answered_duration_s: float
    distinct_callees: int
    distinct_caller_ids: int
    sub_accounts: int


@dataclass(frozen=True)
class TrafficSummary:
    totals: TrafficTotals
    top_sources: list[SourceRow]
    attestation_mix: dict[str, int]
    caller_class_mix: dict[str, int]
    calls_per_day: list[tuple[str, int]]


def summarise_traffic(
    connection: duckdb.DuckDBPyConnection, *, relation: str = "calls", top: int = 10
) -> TrafficSummary:
    """Summarise the calls in ``relation`` (a table or view of CDR_SCHEMA)."""
    row = connection.execute(
        f"""
        select count(*), count(*) filter (where sip_code = 200),
               strftime(min(start_time), '%Y-%m-%d %H:%M'),
               strftime(max(start_time), '%Y-%m-%d %H:%M'),
               count(distinct cast(start_time as date)),
               count(distinct caller_id), count(distinct called_number),
               count(*) filter (where customer_id is not null),
               count(*) filter (where customer_id is null),
               coalesce(sum(duration_s), 0) / 60.0
        from {relation}
        """  # noqa: S608 -- relation is a caller-chosen identifier, never user input
    ).fetchone()
    assert row is not None
    totals = TrafficTotals(*row)

    sources = [
        SourceRow(*r)
        for r in connection.execute(
            f"""
            select coalesce(customer_id, upstream_provider) as source,
                   case when customer_id is null then 'upstream_provider' else 'customer' end,
                   count(*) as calls,
                   avg(case when sip_code = 200 then 1.0 else 0.0 end),
                   coalesce(avg(duration_s) filter (where sip_code = 200), 0),
                   count(distinct called_number), count(distinct caller_id),
                   count(distinct sub_account)
            from {relation}
            group by all order by calls desc, source limit ?
            """,  # noqa: S608
            [top],
        ).fetchall()
    ]
    attestation = dict(
        connection.execute(
            f"select coalesce(attestation, 'unsigned'), count(*) from {relation} "  # noqa: S608
            "group by all order by 1"
        ).fetchall()
    )
    classes = dict(
        connection.execute(
            f"select caller_class, count(*) from {relation} group by all order by 2 desc"  # noqa: S608
        ).fetchall()
    )
    per_day = [
        (str(day), int(count))
        for day, count in connection.execute(
            f"select cast(start_time as date) as day, count(*) from {relation} "  # noqa: S608
            "group by all order by day"
        ).fetchall()
    ]
    return TrafficSummary(totals, sources, attestation, classes, per_day)
