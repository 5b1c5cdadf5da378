"""Customers, their numbers and their callees' consent: what the provider knows of who
sends traffic (KYC, principle 5 of the state AGs' anti-robocall principles).

Plain records, no I/O: readers in :mod:`callwarden.formats` build them, the relational
store keeps them, services decide with them.
"""

from __future__ import annotations

import re
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


#: free mailbox providers: an account whose contact address is at one of them has told us
#: no site of its own
WEBMAIL_DOMAINS = frozenset(
    {
        "aol.com",
        "att.net",
        "comcast.net",
        "gmail.com",
        "gmx.com",
        "googlemail.com",
        "hotmail.com",
        "icloud.com",
        "live.com",
        "mail.com",
        "me.com",
        "msn.com",
        "outlook.com",
        "proton.me",
        "protonmail.com",
        "verizon.net",
        "yahoo.com",
        "yandex.com",
        "ymail.com",
        "zoho.com",
    }
)
#: second-level labels under which a country code's registrants take the third label
#: ("example.co.uk", "example.com.au")
_GENERIC_SECOND_LEVEL = frozenset({"ac", "co", "com", "edu", "gov", "net", "org"})
#: the host of an http(s) address: after the scheme and any user info, before a port,
#: path, query or fragment (RE2 and Python syntax alike: the analysis reads millions of
#: records' with it in Arrow, on their lower case)
EVIDENCE_HOST = r"^\s*https?://(?:[^/@?#]*@)?(?P<host>[^/:?#\s]+)"
_URL_HOST = re.compile(EVIDENCE_HOST, re.IGNORECASE)


def registrable_site(host: str) -> str | None:
    """The name an organisation registers for a host: its last two labels, or three
    under a country code's generic second level ("forms.example.co.uk" is
    "example.co.uk"). A simplification of the Public Suffix List, enough to tell one
    organisation's site from another's. None for an address or a one-label name."""
    labels = [label for label in host.strip().strip(".").lower().split(".") if label]
    if len(labels) < 2 or all(label.isdigit() for label in labels):
        return None
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _GENERIC_SECOND_LEVEL:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def evidence_site(evidence: str | None) -> str | None:
    """The site a consent record's ``evidence`` is a page of (formats.md section 3: a
    URL or a document id); None when it is not a web address."""
    found = _URL_HOST.match(evidence or "")
    return registrable_site(found.group("host")) if found else None


def own_site(customer: Customer) -> str | None:
    """The site of the account's contact address, unless that is a free mailbox."""
    email = customer.contact_email or ""
    if "@" not in email:
        return None
    site = registrable_site(email.rsplit("@", 1)[1])
    return None if site is None or site in WEBMAIL_DOMAINS else site
