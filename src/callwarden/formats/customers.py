"""Customers, their numbers and their callees' consent (formats.md sections 2 and 3)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from callwarden.customers import (
    ConsentRecord,
    ConsentType,
    Customer,
    CustomerKind,
    KycStatus,
    NumberGrant,
)
from callwarden.formats._columns import UTC_MICROS, as_numpy_bool
from callwarden.formats._reference import (
    BATCH_ROWS,
    BlockColumns,
    choice,
    iso_timestamps,
    present,
    read_batches,
    utc_datetimes,
)
from callwarden.formats._rows import FALSE_WORDS, TRUE_WORDS, BadValue, Row, read_rows
from callwarden.formats.report import ReadReport
from callwarden.numbers import normalise_column

#: What :func:`read_numbers_batches` yields: one row per accepted grant, with its line.
NUMBERS_SCHEMA = pa.schema(
    [
        ("line", pa.int64()),
        ("number", pa.string()),
        ("customer_id", pa.string()),
        ("since", UTC_MICROS),
        ("verified", pa.bool_()),
    ]
)

#: What :func:`read_consent_batches` yields: one row per accepted record, with its line.
CONSENT_SCHEMA = pa.schema(
    [
        ("line", pa.int64()),
        ("called_number", pa.string()),
        ("customer_id", pa.string()),
        ("consent_type", pa.string()),
        ("obtained_at", UTC_MICROS),
        ("revoked_at", UTC_MICROS),
        ("evidence", pa.string()),
    ]
)


def read_customers(path: Path, report: ReadReport | None = None) -> Iterator[Customer]:
    """``customers.csv``: one account per row; a repeated ``customer_id`` is a bad row."""
    path = Path(path)
    report = report if report is not None else ReadReport(source=str(path))
    first_seen: dict[str, int] = {}

    def build(row: Row) -> Customer:
        customer_id = row.required("customer_id")
        if customer_id in first_seen:
            raise BadValue(
                f"duplicate customer_id (first on line {first_seen[customer_id]})",
                "customer_id",
                customer_id,
            )
        customer = Customer(
            customer_id=customer_id,
            name=row.required("name"),
            parent_id=row.text("parent_id"),
            kind=row.choice("kind", CustomerKind, default=CustomerKind.ENTERPRISE),
            created_at=row.timestamp("created_at"),
            kyc_status=row.choice("kyc_status", KycStatus, default=KycStatus.UNKNOWN),
            declared_use=row.text("declared_use"),
            ein=row.text("ein"),
            address=row.text("address"),
            country=row.text("country"),
            contact_email=row.text("contact_email"),
            ip_country=row.text("ip_country"),
        )
        if customer.parent_id == customer_id:
            raise BadValue("an account cannot be its own parent", "parent_id", customer_id)
        first_seen[customer_id] = row.line
        return customer

    return read_rows(path, report, ("customer_id", "name"), build)


def number_grant_row(row: Row) -> NumberGrant:
    """One ``numbers.csv`` row, checked field by field (the per-row path).

    The number must normalise to E.164: a grant of an unusable number cannot back an
    attestation, so such a row is rejected rather than kept as presented.
    """
    return NumberGrant(
        number=row.number("number"),
        customer_id=row.required("customer_id"),
        since=row.timestamp("since"),
        verified=row.boolean("verified", default=False),
    )


def _numbers_fast(block: BlockColumns) -> tuple[dict[str, pa.Array], np.ndarray]:
    number = normalise_column(block.text("number"), keep_presented=False)
    customer_id = block.text("customer_id")
    since, since_decided = iso_timestamps(block.text("since"))
    flag = pc.ascii_lower(block.text("verified"))
    true = as_numpy_bool(pc.is_in(flag, pa.array(sorted(TRUE_WORDS), pa.string())))
    false = as_numpy_bool(pc.is_in(flag, pa.array(sorted(FALSE_WORDS), pa.string())))
    accepted = (
        block.plain("number")
        & block.plain("customer_id", edges_only=True)
        & block.plain("since")
        & block.plain("verified")
        & present(number)
        & present(customer_id)
        & since_decided
        & (true | false | ~present(flag))
    )
    values = {
        "number": number,
        "customer_id": customer_id,
        "since": since,
        "verified": pa.array(true),
    }
    return values, accepted


def _number_grant_values(grant: NumberGrant) -> tuple[object, ...]:
    return grant.number, grant.customer_id, grant.since, grant.verified


def read_numbers_batches(
    path: Path, report: ReadReport | None = None, *, batch_rows: int = BATCH_ROWS
) -> Iterator[pa.RecordBatch]:
    """``numbers.csv`` as record batches of :data:`NUMBERS_SCHEMA`, in file order."""
    path = Path(path)
    report = report if report is not None else ReadReport(source=str(path))
    yield from read_batches(
        path,
        report,
        required=("number", "customer_id"),
        used=("number", "customer_id", "since", "verified"),
        schema=NUMBERS_SCHEMA,
        fast=_numbers_fast,
        build=number_grant_row,
        values_of=_number_grant_values,
        batch_rows=batch_rows,
    )


def read_numbers(path: Path, report: ReadReport | None = None) -> Iterator[NumberGrant]:
    """``numbers.csv``: telephone numbers assigned to or authorised for an account
    (see :func:`number_grant_row` for the rules of a row)."""
    for batch in read_numbers_batches(path, report):
        since = utc_datetimes(batch.column("since"))
        columns = zip(
            batch.column("number").to_pylist(),
            batch.column("customer_id").to_pylist(),
            since,
            batch.column("verified").to_pylist(),
            strict=True,
        )
        for number, customer_id, moment, verified in columns:
            yield NumberGrant(number, customer_id, moment, verified)


def consent_row(row: Row) -> ConsentRecord:
    """One ``consent.csv`` row, checked field by field (the per-row path)."""
    obtained_at = row.timestamp("obtained_at")
    revoked_at = row.timestamp("revoked_at")
    if obtained_at is not None and revoked_at is not None and revoked_at < obtained_at:
        raise BadValue("revoked_at is before obtained_at", "revoked_at", row.text("revoked_at"))
    return ConsentRecord(
        called_number=row.number("called_number"),
        customer_id=row.required("customer_id"),
        consent_type=row.choice("consent_type", ConsentType),
        obtained_at=obtained_at,
        revoked_at=revoked_at,
        evidence=row.text("evidence"),
    )


_CONSENT_TYPES = {member.value: member for member in ConsentType}


def _consent_fast(block: BlockColumns) -> tuple[dict[str, pa.Array], np.ndarray]:
    called_number = normalise_column(block.text("called_number"), keep_presented=False)
    customer_id = block.text("customer_id")
    consent_type, known_type = choice(block.text("consent_type"), _CONSENT_TYPES)
    obtained_at, obtained_decided = iso_timestamps(block.text("obtained_at"))
    revoked_at, revoked_decided = iso_timestamps(block.text("revoked_at"))
    revoked_first = as_numpy_bool(pc.less(revoked_at, obtained_at))
    accepted = (
        block.plain("called_number")
        & block.plain("customer_id", edges_only=True)
        & block.plain("consent_type")
        & block.plain("obtained_at")
        & block.plain("revoked_at")
        & block.plain("evidence", edges_only=True)
        & present(called_number)
        & present(customer_id)
        & known_type
        & obtained_decided
        & revoked_decided
        & ~revoked_first
    )
    values = {
        "called_number": called_number,
        "customer_id": customer_id,
        "consent_type": consent_type,
        "obtained_at": obtained_at,
        "revoked_at": revoked_at,
        "evidence": block.text("evidence"),
    }
    return values, accepted


def _consent_values(record: ConsentRecord) -> tuple[object, ...]:
    return (
        record.called_number,
        record.customer_id,
        record.consent_type.value,
        record.obtained_at,
        record.revoked_at,
        record.evidence,
    )


def read_consent_batches(
    path: Path, report: ReadReport | None = None, *, batch_rows: int = BATCH_ROWS
) -> Iterator[pa.RecordBatch]:
    """``consent.csv`` as record batches of :data:`CONSENT_SCHEMA`, in file order."""
    path = Path(path)
    report = report if report is not None else ReadReport(source=str(path))
    yield from read_batches(
        path,
        report,
        required=("called_number", "customer_id", "consent_type"),
        used=(
            "called_number",
            "customer_id",
            "consent_type",
            "obtained_at",
            "revoked_at",
            "evidence",
        ),
        schema=CONSENT_SCHEMA,
        fast=_consent_fast,
        build=consent_row,
        values_of=_consent_values,
        batch_rows=batch_rows,
    )


def read_consent(path: Path, report: ReadReport | None = None) -> Iterator[ConsentRecord]:
    """``consent.csv``: prior express (written) consent held per callee (47 CFR 64.1200(a))."""
    for batch in read_consent_batches(path, report):
        columns = zip(
            batch.column("called_number").to_pylist(),
            batch.column("customer_id").to_pylist(),
            batch.column("consent_type").to_pylist(),
            utc_datetimes(batch.column("obtained_at")),
            utc_datetimes(batch.column("revoked_at")),
            batch.column("evidence").to_pylist(),
            strict=True,
        )
        for called, customer_id, kind, obtained, revoked, evidence in columns:
            yield ConsentRecord(
                called, customer_id, _CONSENT_TYPES[kind], obtained, revoked, evidence
            )
