"""Customers, their numbers and their callees' consent (formats.md sections 2 and 3)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from callwarden.customers import (
    ConsentRecord,
    ConsentType,
    Customer,
    CustomerKind,
    KycStatus,
    NumberGrant,
)
from callwarden.formats._rows import BadValue, Row, read_rows
from callwarden.formats.report import ReadReport


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


def read_numbers(path: Path, report: ReadReport | None = None) -> Iterator[NumberGrant]:
    """``numbers.csv``: telephone numbers assigned to or authorised for an account.

    The number must normalise to E.164: a grant of an unusable number cannot back an
    attestation, so such a row is rejected rather than kept as presented.
    """
    path = Path(path)
    report = report if report is not None else ReadReport(source=str(path))

    def build(row: Row) -> NumberGrant:
        return NumberGrant(
            number=row.number("number"),
            customer_id=row.required("customer_id"),
            since=row.timestamp("since"),
            verified=row.boolean("verified", default=False),
        )

    return read_rows(path, report, ("number", "customer_id"), build)


def read_consent(path: Path, report: ReadReport | None = None) -> Iterator[ConsentRecord]:
    """``consent.csv``: prior express (written) consent held per callee (47 CFR 64.1200(a))."""
    path = Path(path)
    report = report if report is not None else ReadReport(source=str(path))

    def build(row: Row) -> ConsentRecord:
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

    return read_rows(path, report, ("called_number", "customer_id", "consent_type"), build)
