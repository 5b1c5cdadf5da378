"""A laboratory SHAKEN PKI: an STI-PA root, an STI-CA, SP certificates with TNAuthList,
and a CRL, so a newcomer can sign and verify end to end on one machine.

Keys are written with mode 0600. Nothing here is for production: a real SP certificate
comes from an STI-CA approved by the STI-PA (ATIS-1000080 section 5).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from ipaddress import IPv4Address
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from callwarden.shaken.tnauthlist import (
    ServiceProviderCode,
    TelephoneNumber,
    TelephoneNumberRange,
    TnAuthList,
    tn_auth_list_extension,
)

#: ATIS-1000080 section 6.4.1: the SHAKEN certificate policy OID
SHAKEN_POLICY_OID = x509.ObjectIdentifier("2.16.840.1.114569.1.1.1")
_SIGNATURE_HASH = hashes.SHA256()


def _name(common_name: str, organisation: str = "callwarden lab") -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "US"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _ca_usage() -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=False,
        content_commitment=False,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=True,
        crl_sign=True,
        encipher_only=False,
        decipher_only=False,
    )


def _leaf_usage() -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=True,
        content_commitment=False,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=False,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )


@dataclass(frozen=True)
class Issued:
    certificate: x509.Certificate
    key: ec.EllipticCurvePrivateKey


def make_root(
    common_name: str = "callwarden lab STI-PA root", *, now: datetime, days: int = 3650
) -> Issued:
    key = ec.generate_private_key(ec.SECP256R1())
    name = _name(common_name)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(_ca_usage(), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, _SIGNATURE_HASH)
    )
    return Issued(certificate, key)


def make_intermediate(
    issuer: Issued, common_name: str = "callwarden lab STI-CA", *, now: datetime, days: int = 1825
) -> Issued:
    key = ec.generate_private_key(ec.SECP256R1())
    certificate = (
        x509.CertificateBuilder()
        .subject_name(_name(common_name))
        .issuer_name(issuer.certificate.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_ca_usage(), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer.key.public_key()),
            critical=False,
        )
        .sign(issuer.key, _SIGNATURE_HASH)
    )
    return Issued(certificate, key)


def make_sp_certificate(
    issuer: Issued,
    tn_auth_list: TnAuthList,
    *,
    now: datetime,
    common_name: str = "callwarden lab SP",
    days: int = 365,
    not_before: datetime | None = None,
    crl_url: str | None = None,
) -> Issued:
    """An SP certificate as ATIS-1000080 section 6.4.1 profiles it: no subjectAltName,
    keyUsage digitalSignature, the SHAKEN policy, a TNAuthList."""
    key = ec.generate_private_key(ec.SECP256R1())
    start = not_before or now - timedelta(minutes=5)
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(common_name))
        .issuer_name(issuer.certificate.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_leaf_usage(), critical=True)
        .add_extension(
            x509.CertificatePolicies([x509.PolicyInformation(SHAKEN_POLICY_OID, None)]),
            critical=False,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer.key.public_key()),
            critical=False,
        )
        .add_extension(tn_auth_list_extension(tn_auth_list), critical=False)
    )
    if crl_url:
        builder = builder.add_extension(
            x509.CRLDistributionPoints(
                [
                    x509.DistributionPoint(
                        full_name=[x509.UniformResourceIdentifier(crl_url)],
                        relative_name=None,
                        reasons=None,
                        crl_issuer=None,
                    )
                ]
            ),
            critical=False,
        )
    return Issued(builder.sign(issuer.key, _SIGNATURE_HASH), key)


def make_crl(
    issuer: Issued, revoked: list[x509.Certificate], *, now: datetime, days: int = 30
) -> x509.CertificateRevocationList:
    builder = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(issuer.certificate.subject)
        .last_update(now - timedelta(minutes=5))
        .next_update(now + timedelta(days=days))
    )
    for certificate in revoked:
        builder = builder.add_revoked_certificate(
            x509.RevokedCertificateBuilder()
            .serial_number(certificate.serial_number)
            .revocation_date(now - timedelta(minutes=1))
            .build()
        )
    return builder.sign(issuer.key, _SIGNATURE_HASH)


def make_tls_server_certificate(
    issuer: Issued, *, now: datetime, host: str = "127.0.0.1"
) -> Issued:
    """A web-PKI server certificate for a local x5u repository (tests, demos)."""
    key = ec.generate_private_key(ec.SECP256R1())
    names: list[x509.GeneralName] = [x509.DNSName("localhost")]
    try:
        names.append(x509.IPAddress(IPv4Address(host)))
    except ValueError:
        names.append(x509.DNSName(host))
    certificate = (
        x509.CertificateBuilder()
        .subject_name(_name(host, "callwarden lab x5u repository"))
        .issuer_name(issuer.certificate.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .add_extension(
            x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False
        )
        .sign(issuer.key, _SIGNATURE_HASH)
    )
    return Issued(certificate, key)


def pem(certificate: x509.Certificate) -> bytes:
    return certificate.public_bytes(serialization.Encoding.PEM)


def write_key(path: Path, key: ec.EllipticCurvePrivateKey) -> None:
    data = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)


@dataclass(frozen=True)
class LabPki:
    """Where :func:`create_lab_pki` put things."""

    directory: Path
    root: Path  # trust anchor (STI-PA root); the trust directory holds only this
    trust_dir: Path
    ca: Path
    sp_key: Path
    sp_certificate: Path
    sp_chain: Path  # leaf + STI-CA: what an x5u URL serves
    revoked_key: Path
    revoked_chain: Path
    crl: Path
    spc: str
    tn_start: str
    tn_count: int


def create_lab_pki(
    directory: Path,
    *,
    spc: str = "709J",
    tn_start: str = "12155550100",
    tn_count: int = 100,
    crl_url: str | None = None,
    now: datetime | None = None,
) -> LabPki:
    """Write a complete lab PKI into ``directory`` (created if needed)."""
    moment = now or datetime.now(UTC)
    directory.mkdir(parents=True, exist_ok=True)
    trust_dir = directory / "trust"
    trust_dir.mkdir(exist_ok=True)
    root = make_root(now=moment)
    ca = make_intermediate(root, now=moment)
    tn_auth = TnAuthList((ServiceProviderCode(spc), TelephoneNumberRange(tn_start, tn_count)))
    sp = make_sp_certificate(ca, tn_auth, now=moment, crl_url=crl_url)
    revoked = make_sp_certificate(
        ca,
        TnAuthList((TelephoneNumber(tn_start),)),
        now=moment,
        common_name="callwarden lab SP (revoked)",
        crl_url=crl_url,
    )
    crl = make_crl(ca, [revoked.certificate], now=moment)

    paths = LabPki(
        directory=directory,
        root=directory / "sti-pa-root.pem",
        trust_dir=trust_dir,
        ca=directory / "sti-ca.pem",
        sp_key=directory / "sp-key.pem",
        sp_certificate=directory / "sp-cert.pem",
        sp_chain=directory / "sp-chain.pem",
        revoked_key=directory / "revoked-sp-key.pem",
        revoked_chain=directory / "revoked-sp-chain.pem",
        crl=directory / "sti-ca.crl.pem",
        spc=spc,
        tn_start=tn_start,
        tn_count=tn_count,
    )
    paths.root.write_bytes(pem(root.certificate))
    (trust_dir / "sti-pa-root.pem").write_bytes(pem(root.certificate))
    paths.ca.write_bytes(pem(ca.certificate))
    write_key(paths.sp_key, sp.key)
    paths.sp_certificate.write_bytes(pem(sp.certificate))
    paths.sp_chain.write_bytes(pem(sp.certificate) + pem(ca.certificate))
    write_key(paths.revoked_key, revoked.key)
    paths.revoked_chain.write_bytes(pem(revoked.certificate) + pem(ca.certificate))
    paths.crl.write_bytes(crl.public_bytes(serialization.Encoding.PEM))
    return paths
