"""SHAKEN certificate paths: from an SP certificate to a configured STI-PA trust anchor
(RFC 8226, ATIS-1000080), with CRLs (RFC 5280 sections 5 and 6.3).

Why not ``cryptography.x509.verification``: its PolicyBuilder is a web-PKI (CA/B Forum)
profile; it requires a subjectAltName on the leaf and a server or client extended key
usage, which SHAKEN certificates do not carry. So the path checks SHAKEN needs are done
here, each one named: signature, validity, basicConstraints (and pathLenConstraint),
keyUsage (digitalSignature on the leaf, keyCertSign on CAs), unknown critical
extensions, a P-256 key on the leaf, the TNAuthList on the leaf, revocation.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtensionOID

from callwarden.errors import ConfigError
from callwarden.shaken.errors import ShakenError, ShakenErrorCode
from callwarden.shaken.tnauthlist import TN_AUTH_LIST_OID, TnAuthList, tn_auth_list_of

MAX_PATH_LENGTH = 6
_PEM_CERT = b"-----BEGIN CERTIFICATE-----"
_UNDERSTOOD_CRITICAL = frozenset(
    {
        ExtensionOID.BASIC_CONSTRAINTS,
        ExtensionOID.KEY_USAGE,
        ExtensionOID.CERTIFICATE_POLICIES,
        ExtensionOID.EXTENDED_KEY_USAGE,
        TN_AUTH_LIST_OID,
    }
)


def _name(certificate: x509.Certificate) -> str:
    return certificate.subject.rfc4514_string() or f"serial {certificate.serial_number:x}"


def load_certificates(data: bytes, *, source: str = "certificate data") -> list[x509.Certificate]:
    """One or more PEM certificates, or a single DER certificate."""
    try:
        if _PEM_CERT in data:
            certificates = x509.load_pem_x509_certificates(data)
        else:
            certificates = [x509.load_der_x509_certificate(data)]
    except ValueError as error:
        raise ShakenError(
            ShakenErrorCode.CERT_MALFORMED, f"{source}: not a certificate: {error}"
        ) from None
    if not certificates:
        raise ShakenError(ShakenErrorCode.CERT_MALFORMED, f"{source}: no certificate")
    return certificates


def load_crl(data: bytes, *, source: str = "CRL") -> x509.CertificateRevocationList:
    try:
        if b"-----BEGIN X509 CRL-----" in data:
            return x509.load_pem_x509_crl(data)
        return x509.load_der_x509_crl(data)
    except ValueError as error:
        raise ShakenError(ShakenErrorCode.CRL_INVALID, f"{source}: not a CRL: {error}") from None


def crl_urls(certificate: x509.Certificate) -> list[str]:
    """The URIs in the CRL Distribution Points extension (RFC 5280 section 4.2.1.13)."""
    try:
        points = certificate.extensions.get_extension_for_class(x509.CRLDistributionPoints)
    except x509.ExtensionNotFound:
        return []
    urls: list[str] = []
    for point in points.value:
        for name in point.full_name or ():
            if isinstance(name, x509.UniformResourceIdentifier):
                urls.append(name.value)
    return urls


@dataclass(frozen=True)
class TrustStore:
    """The STI-PA trust anchors a verifier accepts."""

    anchors: tuple[x509.Certificate, ...]

    @classmethod
    def from_paths(cls, paths: Iterable[Path]) -> TrustStore:
        """Anchors from PEM/DER files, or from every *.pem / *.crt / *.cer in directories."""
        anchors: list[x509.Certificate] = []
        for path in paths:
            try:
                files = (
                    sorted(p for p in path.iterdir() if p.suffix in {".pem", ".crt", ".cer"})
                    if path.is_dir()
                    else [path]
                )
                for file in files:
                    anchors.extend(load_certificates(file.read_bytes(), source=str(file)))
            except OSError as error:
                raise ConfigError(
                    f"{error.filename or path}: cannot read trust anchors: {error.strerror}"
                ) from None
        if not anchors:
            raise ShakenError(ShakenErrorCode.CERT_UNTRUSTED, "no trust anchors configured")
        return cls(tuple(anchors))


@dataclass(frozen=True)
class ValidatedCredential:
    """An SP certificate whose path to a trust anchor checked out."""

    leaf: x509.Certificate
    public_key: ec.EllipticCurvePublicKey
    tn_auth_list: TnAuthList
    #: leaf first, trust anchor last
    path: tuple[x509.Certificate, ...]
    #: the leaf's subject (RFC 4514) and SPCs, computed once for verdicts
    subject: str = ""
    spcs: tuple[str, ...] = ()

    @property
    def not_after(self) -> datetime:
        return min(c.not_valid_after_utc for c in self.path)


def _check_validity(certificate: x509.Certificate, at: datetime) -> None:
    if at < certificate.not_valid_before_utc:
        raise ShakenError(
            ShakenErrorCode.CERT_NOT_YET_VALID,
            f"{_name(certificate)} is valid from {certificate.not_valid_before_utc.isoformat()}",
        )
    if at > certificate.not_valid_after_utc:
        raise ShakenError(
            ShakenErrorCode.CERT_EXPIRED,
            f"{_name(certificate)} expired {certificate.not_valid_after_utc.isoformat()}",
        )


def _check_critical_extensions(certificate: x509.Certificate) -> None:
    # RFC 5280 section 4.2: a certificate with a critical extension the relying party
    # does not recognise MUST be rejected.
    try:
        extensions = certificate.extensions
    except ValueError as error:
        raise ShakenError(
            ShakenErrorCode.CERT_MALFORMED, f"{_name(certificate)}: bad extension: {error}"
        ) from None
    for extension in extensions:
        if extension.critical and extension.oid not in _UNDERSTOOD_CRITICAL:
            raise ShakenError(
                ShakenErrorCode.CERT_MALFORMED,
                f"{_name(certificate)}: unknown critical extension {extension.oid.dotted_string}",
            )


def _basic_constraints(certificate: x509.Certificate) -> x509.BasicConstraints | None:
    try:
        return certificate.extensions.get_extension_for_class(x509.BasicConstraints).value
    except x509.ExtensionNotFound:
        return None


def _key_usage(certificate: x509.Certificate) -> x509.KeyUsage | None:
    try:
        return certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return None


def _check_leaf(leaf: x509.Certificate) -> tuple[ec.EllipticCurvePublicKey, TnAuthList]:
    _check_critical_extensions(leaf)
    constraints = _basic_constraints(leaf)
    if constraints is not None and constraints.ca:
        raise ShakenError(
            ShakenErrorCode.CERT_USAGE_INVALID, f"{_name(leaf)} is a CA, not an SP certificate"
        )
    usage = _key_usage(leaf)
    # ATIS-1000080 section 6.4.1: the SP certificate's keyUsage is digitalSignature.
    if usage is None or not usage.digital_signature:
        raise ShakenError(
            ShakenErrorCode.CERT_USAGE_INVALID, f"{_name(leaf)}: keyUsage lacks digitalSignature"
        )
    public_key = leaf.public_key()
    if not isinstance(public_key, ec.EllipticCurvePublicKey) or not isinstance(
        public_key.curve, ec.SECP256R1
    ):
        raise ShakenError(
            ShakenErrorCode.CERT_KEY_UNSUPPORTED,
            f"{_name(leaf)}: key is not ECDSA P-256, so it cannot verify ES256",
        )
    return public_key, tn_auth_list_of(leaf)


def _check_ca(certificate: x509.Certificate, intermediates_below: int) -> None:
    _check_critical_extensions(certificate)
    constraints = _basic_constraints(certificate)
    if constraints is None or not constraints.ca:
        raise ShakenError(
            ShakenErrorCode.CERT_USAGE_INVALID,
            f"{_name(certificate)} issues certificates but is not a CA (basicConstraints)",
        )
    if constraints.path_length is not None and intermediates_below > constraints.path_length:
        raise ShakenError(
            ShakenErrorCode.CERT_USAGE_INVALID,
            f"{_name(certificate)}: pathLenConstraint {constraints.path_length} exceeded",
        )
    usage = _key_usage(certificate)
    if usage is None or not usage.key_cert_sign:
        raise ShakenError(
            ShakenErrorCode.CERT_USAGE_INVALID, f"{_name(certificate)}: keyUsage lacks keyCertSign"
        )


def _issued_by(child: x509.Certificate, issuer: x509.Certificate) -> bool:
    try:
        child.verify_directly_issued_by(issuer)
    except (ValueError, TypeError, InvalidSignature, UnsupportedAlgorithm):
        return False
    return True


def _check_revocation(
    path: Sequence[x509.Certificate],
    crls: Sequence[x509.CertificateRevocationList],
    at: datetime,
    *,
    require_crl: bool,
) -> None:
    """RFC 5280 section 6.3, simplified to complete CRLs signed by the certificate's
    issuer: the CRL's signature must verify, it must be current, and the serial absent."""
    for child, issuer in itertools.pairwise(path):
        found = False
        for crl in crls:
            if crl.issuer != child.issuer:
                continue
            public_key = issuer.public_key()
            if not isinstance(public_key, ec.EllipticCurvePublicKey | rsa.RSAPublicKey):
                continue
            if not crl.is_signature_valid(public_key):
                raise ShakenError(
                    ShakenErrorCode.CRL_INVALID,
                    f"CRL of {crl.issuer.rfc4514_string()} has a bad signature",
                )
            next_update = crl.next_update_utc
            if next_update is not None and at > next_update:
                raise ShakenError(
                    ShakenErrorCode.CRL_INVALID,
                    f"CRL of {crl.issuer.rfc4514_string()} is stale (next update "
                    f"{next_update.isoformat()})",
                )
            found = True
            revoked = crl.get_revoked_certificate_by_serial_number(child.serial_number)
            if revoked is not None:
                raise ShakenError(
                    ShakenErrorCode.CERT_REVOKED,
                    f"{_name(child)} (serial {child.serial_number:x}) revoked "
                    f"{revoked.revocation_date_utc.isoformat()}",
                )
        if not found and require_crl:
            raise ShakenError(
                ShakenErrorCode.CRL_UNAVAILABLE, f"no CRL from the issuer of {_name(child)}"
            )


def validate_chain(
    leaf: x509.Certificate,
    intermediates: Sequence[x509.Certificate],
    trust: TrustStore,
    *,
    at: datetime,
    crls: Sequence[x509.CertificateRevocationList] = (),
    require_crl: bool = False,
) -> ValidatedCredential:
    """Build and check the path leaf -> intermediates -> trust anchor.

    Raises :class:`ShakenError` with the first failing check's code.
    """
    public_key, tn_auth_list = _check_leaf(leaf)
    _check_validity(leaf, at)
    path = [leaf]
    current = leaf
    while True:
        anchor = next(
            (a for a in trust.anchors if a.subject == current.issuer and _issued_by(current, a)),
            None,
        )
        if anchor is not None:
            _check_ca(anchor, len(path) - 1)
            _check_validity(anchor, at)
            path.append(anchor)
            break
        if len(path) >= MAX_PATH_LENGTH:
            raise ShakenError(
                ShakenErrorCode.CERT_UNTRUSTED, f"no trust anchor within {MAX_PATH_LENGTH} links"
            )
        candidates = [c for c in intermediates if c.subject == current.issuer and c not in path]
        issuer = next((c for c in candidates if _issued_by(current, c)), None)
        if issuer is None:
            reason = (
                "whose signature does not verify" if candidates else "that is not a trust anchor"
            )
            raise ShakenError(
                ShakenErrorCode.CERT_UNTRUSTED,
                f"{_name(current)} is issued by {current.issuer.rfc4514_string()!r}, {reason}",
            )
        _check_ca(issuer, len(path) - 1)
        _check_validity(issuer, at)
        path.append(issuer)
        current = issuer
    _check_revocation(path, crls, at, require_crl=require_crl)
    return ValidatedCredential(
        leaf=leaf,
        public_key=public_key,
        tn_auth_list=tn_auth_list,
        path=tuple(path),
        subject=leaf.subject.rfc4514_string(),
        spcs=tn_auth_list.spcs,
    )
