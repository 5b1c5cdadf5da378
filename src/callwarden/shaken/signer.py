"""The authentication service (RFC 8224 section 6.1, ATIS-1000074 section 5.2): turn a
call's numbers and attestation into a signed PASSporT and its Identity header.

Built for throughput: the protected header and the Identity header's parameters depend
only on the x5u, so they are encoded once; the payload is filled into an exact template
of the RFC 8225 section 9 canonical form (keys in order, no whitespace) instead of a
json.dumps per call. tests/shaken/test_signer.py checks the template against
:func:`callwarden.shaken.passport.canonical_json` on random input.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

from callwarden.shaken.errors import ShakenError, ShakenErrorCode
from callwarden.shaken.identity import build_identity
from callwarden.shaken.jws import ES256, b64url_encode
from callwarden.shaken.passport import (
    PPT_DIV,
    PPT_SHAKEN,
    TYP_PASSPORT,
    Attestation,
    canonical_json,
    canonical_tn,
    div_passport,
    validate,
)

DEFAULT_KEY_ENV = "CALLWARDEN_SHAKEN_KEY"
_ECDSA_SHA256 = ec.ECDSA(hashes.SHA256())
_PLAIN_ORIGID = re.compile(r"[A-Za-z0-9._:-]{1,128}")


class SigningKey:
    """An ES256 private key. Its repr shows the public key's fingerprint, never the key."""

    __slots__ = ("_key", "fingerprint")

    def __init__(self, key: ec.EllipticCurvePrivateKey) -> None:
        if not isinstance(key, ec.EllipticCurvePrivateKey) or not isinstance(
            key.curve, ec.SECP256R1
        ):
            raise ShakenError(ShakenErrorCode.KEY_INVALID, "ES256 needs an EC P-256 private key")
        self._key = key
        public = key.public_key().public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )
        self.fingerprint = "sha256:" + hashlib.sha256(public).hexdigest()[:16]

    def __repr__(self) -> str:
        return f"SigningKey(P-256, public {self.fingerprint})"

    __str__ = __repr__

    def __reduce__(self) -> str:
        raise TypeError("a SigningKey is not picklable (it would copy the private key)")

    @classmethod
    def from_pem(
        cls, data: bytes, *, password: bytes | None = None, source: str = "PEM data"
    ) -> SigningKey:
        try:
            key = serialization.load_pem_private_key(data, password=password)
        except (ValueError, TypeError) as error:
            # The library's message never contains key bytes; keep only its class name
            # in case a future version changes that.
            raise ShakenError(
                ShakenErrorCode.KEY_INVALID,
                f"{source}: not a usable PEM private key ({type(error).__name__})",
            ) from None
        if not isinstance(key, ec.EllipticCurvePrivateKey):
            raise ShakenError(ShakenErrorCode.KEY_INVALID, f"{source}: not an EC private key")
        return cls(key)

    @classmethod
    def from_file(cls, path: Path, *, password: bytes | None = None) -> SigningKey:
        try:
            data = path.read_bytes()
        except OSError as error:
            raise ShakenError(
                ShakenErrorCode.KEY_INVALID, f"{path}: cannot read key: {error.strerror}"
            ) from None
        return cls.from_pem(data, password=password, source=str(path))

    @classmethod
    def from_env(cls, name: str = DEFAULT_KEY_ENV) -> SigningKey:
        """A PEM key held in an environment variable (a secret store's usual hand-off)."""
        value = os.environ.get(name)
        if not value:
            raise ShakenError(ShakenErrorCode.KEY_INVALID, f"environment variable {name} unset")
        return cls.from_pem(value.encode(), source=f"${name}")

    def public_key(self) -> ec.EllipticCurvePublicKey:
        return self._key.public_key()

    def sign_es256(self, signing_input: bytes) -> bytes:
        """R || S (RFC 7518 section 3.4)."""
        r, s = decode_dss_signature(self._key.sign(signing_input, _ECDSA_SHA256))
        return r.to_bytes(32, "big") + s.to_bytes(32, "big")

    def private_key(self) -> ec.EllipticCurvePrivateKey:
        """The key object itself, for the few callers (tests, lab tools) that need it."""
        return self._key


def _tn(number: str) -> str:
    # Fast path for the canonical form callers normally hold.
    if number.isdigit() and len(number) <= 15 and number.isascii():
        return number
    return canonical_tn(number)


class Signer:
    """Signs SHAKEN PASSporTs for one certificate (one x5u)."""

    def __init__(
        self, key: SigningKey, x5u: str, *, clock: Callable[[], float] = time.time
    ) -> None:
        if not x5u or any(ch in x5u for ch in '<>"; \t\r\n'):
            raise ShakenError(ShakenErrorCode.CLAIM_INVALID, f"x5u is not a usable URL: {x5u!r}")
        self.key = key
        self.x5u = x5u
        self._clock = clock
        header = {"alg": ES256, "ppt": PPT_SHAKEN, "typ": TYP_PASSPORT, "x5u": x5u}
        self._header_b64 = b64url_encode(canonical_json(header).encode())
        self._identity_params = f";info=<{x5u}>;alg={ES256};ppt={PPT_SHAKEN}"
        div_header = {**header, "ppt": PPT_DIV}
        self._div_header_b64 = b64url_encode(canonical_json(div_header).encode())

    def __repr__(self) -> str:
        return f"Signer(x5u={self.x5u!r}, key={self.key!r})"

    def payload_json(
        self,
        orig_tn: str,
        dest_tns: Sequence[str],
        attest: Attestation,
        origid: str,
        iat: int,
    ) -> str:
        """The canonical payload (RFC 8225 section 9; RFC 8588 section 6 claims)."""
        if not dest_tns:
            raise ShakenError(ShakenErrorCode.CLAIM_MISSING, "at least one dest TN is needed")
        if len(dest_tns) == 1:
            dest = f'"{_tn(dest_tns[0])}"'
        else:  # lexicographic order, as Passport.claims() writes them
            dest = ",".join(f'"{tn}"' for tn in sorted(_tn(tn) for tn in dest_tns))
        quoted_origid = (
            f'"{origid}"'
            if _PLAIN_ORIGID.fullmatch(origid)
            else json.dumps(origid, ensure_ascii=False)
        )
        if not origid:
            raise ShakenError(ShakenErrorCode.CLAIM_MISSING, "origid is empty")
        return (
            f'{{"attest":"{Attestation(attest).value}","dest":{{"tn":[{dest}]}},"iat":{int(iat)},'
            f'"orig":{{"tn":"{_tn(orig_tn)}"}},"origid":{quoted_origid}}}'
        )

    def sign(
        self,
        orig_tn: str,
        dest_tns: Sequence[str],
        attest: Attestation,
        origid: str,
        *,
        iat: int | None = None,
    ) -> str:
        """The full-form PASSporT ``header.payload.signature``."""
        moment = int(self._clock()) if iat is None else iat
        payload = self.payload_json(orig_tn, dest_tns, attest, origid, moment)
        signing_input = f"{self._header_b64}.{b64url_encode(payload.encode())}"
        signature = self.key.sign_es256(signing_input.encode("ascii"))
        return f"{signing_input}.{b64url_encode(signature)}"

    def identity(
        self,
        orig_tn: str,
        dest_tns: Sequence[str],
        attest: Attestation,
        origid: str,
        *,
        iat: int | None = None,
    ) -> str:
        """The Identity header value (RFC 8224 section 4.1, ATIS-1000074 section 5.2)."""
        return self.sign(orig_tn, dest_tns, attest, origid, iat=iat) + self._identity_params

    def div_identity(
        self,
        orig_tn: str,
        dest_tns: Sequence[str],
        div_tn: str,
        *,
        iat: int | None = None,
    ) -> str:
        """The Identity header value of a "div" PASSporT (RFC 8946 sections 3 and 4.1),
        added when this provider retargets a call from ``div_tn`` (a number it holds) to
        ``dest_tns``; the original Identity header stays in the request."""
        passport = div_passport(
            x5u=self.x5u,
            iat=int(self._clock()) if iat is None else iat,
            orig_tn=orig_tn,
            dest_tns=dest_tns,
            div_tn=div_tn,
        )
        validate(passport)
        payload = b64url_encode(canonical_json(passport.claims()).encode())
        signing_input = f"{self._div_header_b64}.{payload}"
        signature = self.key.sign_es256(signing_input.encode("ascii"))
        token = f"{signing_input}.{b64url_encode(signature)}"
        return build_identity(token, self.x5u, ppt=PPT_DIV)
