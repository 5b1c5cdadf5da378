"""Reference data: customers, number grants, consent, DNO, RMD filings, import runs.

Revision ID: 0001_reference_data
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001_reference_data"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copies of the values allowed today: a migration describes the schema at its own
# revision and must not change when the domain enums grow (that takes a new migration).
CUSTOMER_KINDS = ("enterprise", "reseller", "provider")
KYC_STATUSES = ("verified", "pending", "failed", "unknown")
CONSENT_TYPES = ("prior_express", "prior_express_written")
ID = sa.String(255)


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(value) for value in values)})"


def upgrade() -> None:
    op.create_table(
        "customers",
        sa.Column("customer_id", ID, nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("parent_id", ID, nullable=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("kyc_status", sa.String(16), nullable=False),
        sa.Column("declared_use", sa.Text(), nullable=True),
        sa.Column("ein", ID, nullable=True),
        sa.Column("address", sa.Text(), nullable=True),
        sa.Column("country", ID, nullable=True),
        sa.Column("contact_email", ID, nullable=True),
        sa.Column("ip_country", ID, nullable=True),
        sa.PrimaryKeyConstraint("customer_id", name="pk_customers"),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["customers.customer_id"],
            name="fk_customers_parent_id_customers",
        ),
        sa.CheckConstraint(_one_of("kind", CUSTOMER_KINDS), name="ck_customers_kind"),
        sa.CheckConstraint(_one_of("kyc_status", KYC_STATUSES), name="ck_customers_kyc_status"),
        sa.CheckConstraint(
            "parent_id IS NULL OR parent_id <> customer_id", name="ck_customers_not_own_parent"
        ),
    )
    op.create_index("ix_customers_parent_id", "customers", ["parent_id"])

    op.create_table(
        "number_grants",
        sa.Column("number", ID, nullable=False),
        sa.Column("customer_id", ID, nullable=False),
        sa.Column("since", sa.DateTime(timezone=True), nullable=True),
        sa.Column("verified", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("number", "customer_id", name="pk_number_grants"),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customers.customer_id"],
            name="fk_number_grants_customer_id_customers",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_number_grants_customer_id", "number_grants", ["customer_id"])

    op.create_table(
        "consent",
        sa.Column("called_number", ID, nullable=False),
        sa.Column("customer_id", ID, nullable=False),
        sa.Column("consent_type", sa.String(32), nullable=False),
        sa.Column("obtained_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("evidence", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("called_number", "customer_id", "consent_type", name="pk_consent"),
        sa.CheckConstraint(_one_of("consent_type", CONSENT_TYPES), name="ck_consent_consent_type"),
    )

    op.create_table(
        "dno",
        sa.Column("number", ID, nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("number", name="pk_dno"),
    )

    op.create_table(
        "rmd_filings",
        sa.Column("frn", ID, nullable=False),
        sa.Column("business_name", sa.Text(), nullable=False),
        sa.Column("implementation", sa.Text(), nullable=True),
        sa.Column("last_updated", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("frn", name="pk_rmd_filings"),
    )
    op.create_index(
        "ix_rmd_filings_business_name_lower",
        "rmd_filings",
        [sa.text("lower(business_name)")],
    )

    op.create_table(
        "import_runs",
        sa.Column("run_id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("checksum_sha256", sa.String(64), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("rows_read", sa.Integer(), nullable=False),
        sa.Column("rows_accepted", sa.Integer(), nullable=False),
        sa.Column("rows_rejected", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("run_id", name="pk_import_runs"),
    )


def downgrade() -> None:
    op.drop_table("import_runs")
    op.drop_index("ix_rmd_filings_business_name_lower", table_name="rmd_filings")
    op.drop_table("rmd_filings")
    op.drop_table("dno")
    op.drop_table("consent")
    op.drop_index("ix_number_grants_customer_id", table_name="number_grants")
    op.drop_table("number_grants")
    op.drop_index("ix_customers_parent_id", table_name="customers")
    op.drop_table("customers")
