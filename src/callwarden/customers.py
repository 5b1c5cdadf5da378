"""Customers, their numbers and their callees' consent: what the provider knows of who
sends traffic (KYC, principle 5 of the state AGs' anti-robocall principles).

Plain records, no I/O: readers in :mod:`callwarden.formats` build them, the relational
store keeps them, services decide with them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class CustomerKind(StrEnum):
    ENTERPRISE = "enterprise"
    #: dialer platform, CPaaS reseller, wholesale: its own clients are sub-accounts
    RESELLER = "reseller"
    #: an upstream carrier handing over transit traffic
    PROVIDER = "provider"


class KycStatus(StrEnum):
    VERIFIED = "verified"
    PENDING = "pending"
    FAILED = "failed"
    UNKNOWN = "unknown"


class ConsentType(StrEnum):
    """47 CFR 64.1200(a)(2)-(3): prerecorded or autodialled calls to wireless numbers need
    prior express consent; telemarketing ones need it in writing."""

    PRIOR_EXPRESS = "prior_express"
    PRIOR_EXPRESS_WRITTEN = "prior_express_written"


@dataclass(frozen=True)
class Customer:
    customer_id: str
    name: str
    parent_id: str | None = None
    kind: CustomerKind = CustomerKind.ENTERPRISE
    created_at: datetime | None = None
    kyc_status: KycStatus = KycStatus.UNKNOWN
    declared_use: str | None = None
    ein: str | None = None
    address: str | None = None
    country: str | None = None
    contact_email: str | None = None
    ip_country: str | None = None


@dataclass(frozen=True)
class NumberGrant:
    """A telephone number assigned to, or authorised for, an account. ``verified`` means
    the right to use it was checked: the basis of SHAKEN attestation A (ATIS-1000074)."""

    number: str  # E.164
    customer_id: str
    since: datetime | None = None
    verified: bool = False


@dataclass(frozen=True)
class ConsentRecord:
    called_number: str  # E.164
    customer_id: str  # the account or sub-account that holds the consent
    consent_type: ConsentType
    obtained_at: datetime | None = None
    revoked_at: datetime | None = None
    evidence: str | None = None
