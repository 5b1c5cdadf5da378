"""The JWS pieces a PASSporT needs: base64url (RFC 7515 section 2) and ES256 (RFC 7518
section 3.4), nothing else. No other algorithm exists here, so none can be selected by a
token ("none" and HS256 downgrade attacks have nothing to reach).
"""

from __future__ import annotations

import binascii

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import (
    decode_dss_signature,
    encode_dss_signature,
)

from callwarden.shaken.errors import ShakenError, ShakenErrorCode

ES256 = "ES256"
_ECDSA_SHA256 = ec.ECDSA(hashes.SHA256())
_B64URL_ALPHABET = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
# The base64 and base64url alphabets differ only in two characters (RFC 4648 section 5);
# translating straight into binascii skips the base64 module's per-call wrapping.
_TO_URL = bytes.maketrans(b"+/", b"-_")
_FROM_URL = bytes.maketrans(b"-_", b"+/")


def b64url_encode(data: bytes) -> str:
    """Base64url without padding (RFC 7515 section 2)."""
    return binascii.b2a_base64(data, newline=False).translate(_TO_URL).rstrip(b"=").decode("ascii")


def b64url_decode(text: str, *, what: str = "value") -> bytes:
    """Strict base64url: only the URL-safe alphabet, no padding, no whitespace.

    The stdlib decoder silently skips foreign characters; a token that is accepted after
    such skipping would be a different token from the one signed, so refuse it instead.
    """
    raw = text.encode("ascii", "replace")
    # translate() deletes every alphabet byte in C: anything left is foreign.
    if raw.translate(None, _B64URL_ALPHABET) or len(raw) % 4 == 1:
        raise ShakenError(ShakenErrorCode.PASSPORT_MALFORMED, f"{what} is not base64url: {text!r}")
    try:
        return binascii.a2b_base64(raw.translate(_FROM_URL) + b"=" * (-len(raw) % 4))
    except (binascii.Error, ValueError) as error:
        raise ShakenError(
            ShakenErrorCode.PASSPORT_MALFORMED, f"{what} is not base64url: {error}"
        ) from None


def es256_sign(private_key: ec.EllipticCurvePrivateKey, signing_input: bytes) -> bytes:
    """The 64-byte R || S signature of RFC 7518 section 3.4 (not DER)."""
    r, s = decode_dss_signature(private_key.sign(signing_input, _ECDSA_SHA256))
    return r.to_bytes(32, "big") + s.to_bytes(32, "big")


def es256_verify(
    public_key: ec.EllipticCurvePublicKey, signing_input: bytes, signature: bytes
) -> bool:
    """True when ``signature`` (R || S, 64 bytes) is valid for ``signing_input``."""
    if len(signature) != 64:
        return False
    der = encode_dss_signature(
        int.from_bytes(signature[:32], "big"), int.from_bytes(signature[32:], "big")
    )
    try:
        public_key.verify(der, signing_input, _ECDSA_SHA256)
    except InvalidSignature:
        return False
    return True


#: the order of the P-256 group (FIPS 186-4 appendix D.1.2.3)
P256_ORDER = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551
_HALF_ORDER = P256_ORDER // 2


def es256_replay_key(signature: bytes) -> bytes:
    """One key for both forms of an ES256 signature. ECDSA is malleable: if (r, s) is
    valid, so is (r, n - s) over the same bytes, so anyone holding a token can mint a
    second, different-looking valid one. Keying replay detection on the low-s form
    makes the two the same token."""
    s = int.from_bytes(signature[32:], "big")
    if s <= _HALF_ORDER:
        return signature
    return signature[:32] + (P256_ORDER - s).to_bytes(32, "big")


def require_p256(key: ec.EllipticCurvePublicKey | ec.EllipticCurvePrivateKey) -> None:
    """ES256 is ECDSA over P-256 only (RFC 7518 section 3.4)."""
    if not isinstance(key.curve, ec.SECP256R1):
        raise ShakenError(
            ShakenErrorCode.CERT_KEY_UNSUPPORTED, f"key is on {key.curve.name}, ES256 needs P-256"
        )
