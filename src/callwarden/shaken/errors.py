"""The vocabulary of STIR/SHAKEN failures: one stable code per cause.

Every failure a signer or verifier reports carries a :class:`ShakenErrorCode`. Codes are
stable strings (they reach logs, CDRs and the JSON verdict); docs/shaken.md lists them.
Each code maps to the SIP response RFC 8224 section 6.2.2 (and ATIS-1000074 section 5.3)
prescribes, with the reason phrase the response carries.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from callwarden.errors import CallwardenError


class ShakenErrorCode(StrEnum):
    # 428 Use Identity Header (RFC 8224 section 6.2.2)
    IDENTITY_MISSING = "identity-missing"
    # 438 Invalid Identity Header: the header or the PASSporT in it cannot be used
    IDENTITY_MALFORMED = "identity-malformed"
    PASSPORT_MALFORMED = "passport-malformed"
    ALG_UNSUPPORTED = "alg-unsupported"
    PPT_UNSUPPORTED = "ppt-unsupported"
    TYP_INVALID = "typ-invalid"
    CLAIM_MISSING = "claim-missing"
    CLAIM_INVALID = "claim-invalid"
    ATTEST_INVALID = "attest-invalid"
    PARAMETER_MISMATCH = "parameter-mismatch"
    SIGNATURE_INVALID = "signature-invalid"
    ORIG_MISMATCH = "orig-mismatch"
    DEST_MISMATCH = "dest-mismatch"
    #: a "div" PASSporT that does not continue the chain before it (RFC 8946)
    DIV_MISMATCH = "div-mismatch"
    REPLAYED = "replayed"
    # 403 Stale Date
    IAT_STALE = "iat-stale"
    IAT_FUTURE = "iat-future"
    # 436 Bad Identity Info: the certificate could not be obtained
    INFO_MISSING = "info-missing"
    X5U_REFUSED = "x5u-refused"
    X5U_FETCH_FAILED = "x5u-fetch-failed"
    # 437 Unsupported Credential: the certificate was obtained but cannot be trusted
    CERT_MALFORMED = "cert-malformed"
    CERT_UNTRUSTED = "cert-untrusted"
    CERT_EXPIRED = "cert-expired"
    CERT_NOT_YET_VALID = "cert-not-yet-valid"
    CERT_REVOKED = "cert-revoked"
    CERT_KEY_UNSUPPORTED = "cert-key-unsupported"
    CERT_USAGE_INVALID = "cert-usage-invalid"
    CRL_INVALID = "crl-invalid"
    CRL_UNAVAILABLE = "crl-unavailable"
    TNAUTHLIST_MISSING = "tnauthlist-missing"
    TNAUTHLIST_MALFORMED = "tnauthlist-malformed"
    TN_NOT_AUTHORISED = "tn-not-authorised"
    # signing-side problems (never sent to a peer)
    KEY_INVALID = "key-invalid"


@dataclass(frozen=True, slots=True)
class SipRejection:
    """The SIP response a verifier sends (or would send) for a failure."""

    status: int
    phrase: str

    def reason_header(self, code: ShakenErrorCode, text: str) -> str:
        """An RFC 3326 Reason header carrying the status and our stable cause code."""
        safe = text.replace("\\", "\\\\").replace('"', '\\"')
        return f'SIP;cause={self.status};text="{self.phrase} ({code.value}): {safe}"'


_USE_IDENTITY = SipRejection(428, "Use Identity Header")
_BAD_INFO = SipRejection(436, "Bad Identity Info")
_UNSUPPORTED_CREDENTIAL = SipRejection(437, "Unsupported Credential")
_INVALID_IDENTITY = SipRejection(438, "Invalid Identity Header")
_STALE_DATE = SipRejection(403, "Stale Date")

_REJECTIONS: dict[ShakenErrorCode, SipRejection] = {
    ShakenErrorCode.IDENTITY_MISSING: _USE_IDENTITY,
    ShakenErrorCode.IAT_STALE: _STALE_DATE,
    ShakenErrorCode.IAT_FUTURE: _STALE_DATE,
    ShakenErrorCode.INFO_MISSING: _BAD_INFO,
    ShakenErrorCode.X5U_REFUSED: _BAD_INFO,
    ShakenErrorCode.X5U_FETCH_FAILED: _BAD_INFO,
    ShakenErrorCode.CERT_MALFORMED: _UNSUPPORTED_CREDENTIAL,
    ShakenErrorCode.CERT_UNTRUSTED: _UNSUPPORTED_CREDENTIAL,
    ShakenErrorCode.CERT_EXPIRED: _UNSUPPORTED_CREDENTIAL,
    ShakenErrorCode.CERT_NOT_YET_VALID: _UNSUPPORTED_CREDENTIAL,
    ShakenErrorCode.CERT_REVOKED: _UNSUPPORTED_CREDENTIAL,
    ShakenErrorCode.CERT_KEY_UNSUPPORTED: _UNSUPPORTED_CREDENTIAL,
    ShakenErrorCode.CERT_USAGE_INVALID: _UNSUPPORTED_CREDENTIAL,
    ShakenErrorCode.CRL_INVALID: _UNSUPPORTED_CREDENTIAL,
    ShakenErrorCode.CRL_UNAVAILABLE: _UNSUPPORTED_CREDENTIAL,
    ShakenErrorCode.TNAUTHLIST_MISSING: _UNSUPPORTED_CREDENTIAL,
    ShakenErrorCode.TNAUTHLIST_MALFORMED: _UNSUPPORTED_CREDENTIAL,
    ShakenErrorCode.TN_NOT_AUTHORISED: _UNSUPPORTED_CREDENTIAL,
}


def rejection_for(code: ShakenErrorCode) -> SipRejection:
    """The SIP response for a failure; anything not listed is a 438 (RFC 8224 s. 6.2.2)."""
    return _REJECTIONS.get(code, _INVALID_IDENTITY)


class ShakenError(CallwardenError):
    """A STIR/SHAKEN failure with its stable cause code."""

    def __init__(self, code: ShakenErrorCode, message: str) -> None:
        self.code = code
        self.detail = message
        super().__init__(f"{code.value}: {message}")

    @property
    def rejection(self) -> SipRejection:
        return rejection_for(self.code)
