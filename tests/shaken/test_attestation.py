from __future__ import annotations

import uuid

import pytest

from callwarden.customers import Customer, CustomerKind, KycStatus, NumberGrant
from callwarden.shaken.attestation import decide_attestation, origid_for
from callwarden.shaken.passport import Attestation

VETTED = Customer("c1", "Acme Dental", kyc_status=KycStatus.VERIFIED)
SUB = Customer("c1-sub", "Acme branch", parent_id="c1", kyc_status=KycStatus.VERIFIED)
PENDING = Customer("c2", "New Co", kyc_status=KycStatus.PENDING)
CARRIER = Customer(
    "up1", "Upstream Carrier", kind=CustomerKind.PROVIDER, kyc_status=KycStatus.VERIFIED
)
GRANTS = [
    NumberGrant("+12155550123", "c1", verified=True),
    NumberGrant("+12155550124", "c1", verified=False),
    NumberGrant("+12155550125", "c2", verified=True),
    NumberGrant("+12155550126", "other", verified=True),
]


@pytest.mark.parametrize(
    ("customer", "tn", "expected"),
    [
        (VETTED, "12155550123", Attestation.A),
        (VETTED, "+1 215 555 0123", Attestation.A),
        (VETTED, "12155550124", Attestation.B),  # granted, not verified
        (VETTED, "12155550126", Attestation.B),  # someone else's number
        (VETTED, "19999999999", Attestation.B),
        (SUB, "12155550123", Attestation.A),  # parent's verified number
        (PENDING, "12155550125", Attestation.C),  # not vetted
        (CARRIER, "12155550123", Attestation.C),  # gateway traffic
        (None, "12155550123", Attestation.C),
    ],
)
def test_attestation_follows_atis_1000074(
    customer: Customer | None, tn: str, expected: Attestation
) -> None:
    assert decide_attestation(customer, GRANTS, tn) is expected


def test_malformed_grant_numbers_do_not_match() -> None:
    assert (
        decide_attestation(VETTED, [NumberGrant("n/a", "c1", verified=True)], "12155550123")
        is Attestation.B
    )


def test_origid_is_a_stable_uuid_per_account() -> None:
    assert origid_for("c1") == origid_for("c1")
    assert origid_for("c1") != origid_for("c2")
    assert uuid.UUID(origid_for("trunk-7")).version == 5
    with pytest.raises(ValueError):
        origid_for("")
