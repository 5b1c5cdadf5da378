"""A lab SHAKEN PKI shared by the shaken tests (built once per session: key generation
is the slow part)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from cryptography import x509

from callwarden.shaken.lab_pki import (
    Issued,
    make_crl,
    make_intermediate,
    make_root,
    make_sp_certificate,
    pem,
)
from callwarden.shaken.signer import SigningKey
from callwarden.shaken.tnauthlist import (
    ServiceProviderCode,
    TelephoneNumber,
    TelephoneNumberRange,
    TnAuthList,
)

X5U = "https://cert.example.org/passport.pem"
ORIG = "12155550123"
DEST = "12155559999"
ORIGID = "123e4567-e89b-12d3-a456-426655440000"


@dataclass(frozen=True)
class Lab:
    now: datetime
    root: Issued
    ca: Issued
    sp: Issued  # SPC + range 12155550100..199
    tn_only: Issued  # one TN: ORIG
    revoked: Issued
    other_root: Issued
    crl: x509.CertificateRevocationList

    def chain(self, leaf: Issued) -> bytes:
        return pem(leaf.certificate) + pem(self.ca.certificate)

    def key(self, leaf: Issued) -> SigningKey:
        return SigningKey(leaf.key)


@pytest.fixture(scope="session")
def lab() -> Lab:
    now = datetime.now(UTC)
    root = make_root(now=now)
    ca = make_intermediate(root, now=now)
    sp = make_sp_certificate(
        ca,
        TnAuthList((ServiceProviderCode("709J"), TelephoneNumberRange("12155550100", 100))),
        now=now,
    )
    tn_only = make_sp_certificate(ca, TnAuthList((TelephoneNumber(ORIG),)), now=now)
    revoked = make_sp_certificate(ca, TnAuthList((ServiceProviderCode("666X"),)), now=now)
    other_root = make_root("someone else's root", now=now)
    crl = make_crl(ca, [revoked.certificate], now=now)
    return Lab(now, root, ca, sp, tn_only, revoked, other_root, crl)
