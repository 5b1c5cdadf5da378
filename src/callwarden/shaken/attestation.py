"""Which attestation an originating provider may sign (ATIS-1000074 section 5.2.3,
RFC 8588 section 4), decided from the provider's own records. Pure functions.

- A (full): the provider authenticated the customer (KYC verified) and verified the
  customer's right to use the calling number.
- B (partial): the customer is authenticated, its right to the number is not verified.
- C (gateway): the call came from an upstream provider or from an account that is not
  authenticated; the provider only knows where it entered the network.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from callwarden.customers import Customer, CustomerKind, KycStatus, NumberGrant
from callwarden.numbers import normalise
from callwarden.shaken.errors import ShakenError
from callwarden.shaken.passport import Attestation, canonical_tn

#: Namespace of callwarden's origid UUIDs (a fixed random UUID, so origids are stable)
ORIGID_NAMESPACE = uuid.UUID("6f1f8a6e-3c0b-4e59-9a55-5a0f4f0c2b71")


def _same_tn(a: str, b: str) -> bool:
    e164_a, e164_b = normalise(a), normalise(b)
    if e164_a is not None and e164_b is not None:
        return e164_a == e164_b
    try:
        return canonical_tn(a) == canonical_tn(b)
    except ShakenError:  # a grant row with a malformed number simply does not match
        return False


def decide_attestation(
    customer: Customer | None, grants: Iterable[NumberGrant], calling_tn: str
) -> Attestation:
    """The attestation for a call from ``customer`` presenting ``calling_tn``.

    ``grants`` are the number grants the provider holds (any customer's: only those of
    this customer, or of its parent account, count).
    """
    if customer is None or customer.kind is CustomerKind.PROVIDER:
        return Attestation.C
    if customer.kyc_status is not KycStatus.VERIFIED:
        return Attestation.C
    holders = {customer.customer_id}
    if customer.parent_id:
        holders.add(customer.parent_id)
    for grant in grants:
        if grant.verified and grant.customer_id in holders and _same_tn(grant.number, calling_tn):
            return Attestation.A
    return Attestation.B


def origid_for(account: str) -> str:
    """A stable origid (RFC 8588 section 4: a UUID that identifies the origination point)
    for a customer account or a trunk: the same input always gives the same UUID, and
    nothing about the account can be read back from it."""
    if not account:
        raise ValueError("origid needs a non-empty customer or trunk identifier")
    return str(uuid.uuid5(ORIGID_NAMESPACE, account))
