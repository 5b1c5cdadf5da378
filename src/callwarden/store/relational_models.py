"""Tables of the relational store, as typed SQLAlchemy declarative models.

These models are the schema's description in code; the Alembic migrations in
``callwarden/store/migrations/versions`` are how a database gets there. A test compares
the two on SQLite and PostgreSQL, so a change here without a migration fails the suite.
Adding a table later (alerts, cases) is one model here plus one new migration file.

Values kept as text (``kind``, ``kyc_status``, ``consent_type``) are the ``StrEnum``
values of :mod:`callwarden.customers`, guarded by CHECK constraints so a row written by
another tool cannot hold a value the domain does not know.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import cast

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from callwarden.customers import ConsentType, CustomerKind, KycStatus

#: Constraint names fixed by convention: Alembic needs stable names to alter or drop a
#: constraint later, and SQLite's batch mode (table rebuild) cannot work with unnamed ones.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

#: callwarden's own Alembic version table, so it can share a PostgreSQL database (schema)
#: with another application that also uses Alembic.
VERSION_TABLE = "callwarden_schema_version"

#: Identifiers (account ids, FRNs, numbers as presented) are bounded so that a malformed
#: input cannot store megabytes in a key column; free text is unbounded.
ID_LENGTH = 255


class UtcDateTime(TypeDecorator[datetime]):
    """A timestamp stored in UTC and always read back timezone-aware (UTC).

    PostgreSQL keeps ``timestamptz``. SQLite has no timestamp type: SQLAlchemy stores a
    fixed-width ISO string, so every value is converted to UTC first, which keeps string
    order equal to time order for the range queries (consent validity) to work. A naive
    value is taken as UTC, as formats.md says of timestamps without an offset.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        value = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
        if dialect.name == "sqlite":
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def _one_of(column: str, values: type[CustomerKind | KycStatus | ConsentType]) -> str:
    allowed = ", ".join(f"'{member.value}'" for member in values)
    return f"{column} IN ({allowed})"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class CustomerRow(Base):
    """An account: a customer, a reseller's sub-account (``parent_id``) or an upstream
    provider. The KYC evidence fields back the vetting under the state AGs' principle 5."""

    __tablename__ = "customers"
    __table_args__ = (
        CheckConstraint(_one_of("kind", CustomerKind), name="kind"),
        CheckConstraint(_one_of("kyc_status", KycStatus), name="kyc_status"),
        CheckConstraint("parent_id IS NULL OR parent_id <> customer_id", name="not_own_parent"),
    )

    customer_id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    parent_id: Mapped[str | None] = mapped_column(
        String(ID_LENGTH), ForeignKey("customers.customer_id"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    kyc_status: Mapped[str] = mapped_column(String(16))
    declared_use: Mapped[str | None] = mapped_column(Text)
    ein: Mapped[str | None] = mapped_column(String(ID_LENGTH))
    address: Mapped[str | None] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(String(ID_LENGTH))
    contact_email: Mapped[str | None] = mapped_column(String(ID_LENGTH))
    ip_country: Mapped[str | None] = mapped_column(String(ID_LENGTH))


class NumberGrantRow(Base):
    """A number an account may present as caller ID; ``verified`` backs attestation A."""

    __tablename__ = "number_grants"

    number: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    customer_id: Mapped[str] = mapped_column(
        String(ID_LENGTH),
        ForeignKey("customers.customer_id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    )
    since: Mapped[datetime | None] = mapped_column(UtcDateTime)
    verified: Mapped[bool] = mapped_column(Boolean(create_constraint=False))


class ConsentRow(Base):
    """A callee's consent held by an account (47 CFR 64.1200(a)(2)-(3)).

    One row per (callee, holder, consent type): a newer record for the same key (a
    revocation, a renewal) replaces the older one. ``customer_id`` has no foreign key on
    purpose: consent is often held by a reseller's client that the provider knows only
    as a CDR ``sub_account``, and refusing that evidence would turn lawful calls into
    "no consent" alerts. The primary key's leading columns serve the lookup by
    (called_number, customer_id).
    """

    __tablename__ = "consent"
    __table_args__ = (CheckConstraint(_one_of("consent_type", ConsentType), name="consent_type"),)

    called_number: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    customer_id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    consent_type: Mapped[str] = mapped_column(String(32), primary_key=True)
    obtained_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    evidence: Mapped[str | None] = mapped_column(Text)


class DnoRow(Base):
    """A Do-Not-Originate number (47 CFR 64.1200(k)(1))."""

    __tablename__ = "dno"

    number: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    reason: Mapped[str | None] = mapped_column(Text)


class RmdFilingRow(Base):
    """A provider's Robocall Mitigation Database certification (47 CFR 64.6305)."""

    __tablename__ = "rmd_filings"

    frn: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    business_name: Mapped[str] = mapped_column(Text)
    implementation: Mapped[str | None] = mapped_column(Text)
    last_updated: Mapped[datetime | None] = mapped_column(UtcDateTime)


# CDRs name upstream providers by name, in whatever case the switch wrote it.
Index("ix_rmd_filings_business_name_lower", func.lower(RmdFilingRow.business_name))


class ImportRunRow(Base):
    """One reference file loaded: the audit trail of what the store's contents came from.

    Written in the same transaction as the rows it describes, so a run that did not
    finish leaves neither rows nor a record.
    """

    __tablename__ = "import_runs"

    run_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(16))
    source: Mapped[str] = mapped_column(Text)
    checksum_sha256: Mapped[str] = mapped_column(String(64))
    started_at: Mapped[datetime] = mapped_column(UtcDateTime)
    finished_at: Mapped[datetime] = mapped_column(UtcDateTime)
    rows_read: Mapped[int] = mapped_column(Integer)
    rows_accepted: Mapped[int] = mapped_column(Integer)
    rows_rejected: Mapped[int] = mapped_column(Integer)


# The tables as Core objects, for the bulk writes and queries of the repository.
CUSTOMERS = cast(Table, CustomerRow.__table__)
NUMBER_GRANTS = cast(Table, NumberGrantRow.__table__)
CONSENT = cast(Table, ConsentRow.__table__)
DNO = cast(Table, DnoRow.__table__)
RMD_FILINGS = cast(Table, RmdFilingRow.__table__)
IMPORT_RUNS = cast(Table, ImportRunRow.__table__)
