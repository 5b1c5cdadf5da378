from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec

from callwarden.shaken.certificates import (
    TrustStore,
    crl_urls,
    load_certificates,
    validate_chain,
)
from callwarden.shaken.errors import ShakenError, ShakenErrorCode
from callwarden.shaken.lab_pki import (
    create_lab_pki,
    make_crl,
    make_intermediate,
    make_sp_certificate,
    pem,
)
from callwarden.shaken.tnauthlist import TN_AUTH_LIST_OID, ServiceProviderCode, TnAuthList

from .conftest import Lab


def _trust(lab: Lab) -> TrustStore:
    return TrustStore((lab.root.certificate,))


def test_sp_certificate_without_subject_alt_name_validates(lab: Lab) -> None:
    with pytest.raises(x509.ExtensionNotFound):
        lab.sp.certificate.extensions.get_extension_for_class(x509.SubjectAlternativeName)
    credential = validate_chain(
        lab.sp.certificate, [lab.ca.certificate], _trust(lab), at=lab.now, crls=[lab.crl]
    )
    assert credential.path == (lab.sp.certificate, lab.ca.certificate, lab.root.certificate)
    assert credential.tn_auth_list.spcs == ("709J",)


def _failure(lab: Lab, leaf: x509.Certificate, **kwargs: object) -> ShakenErrorCode:
    intermediates = kwargs.pop("intermediates", [lab.ca.certificate])
    trust = kwargs.pop("trust", _trust(lab))
    at = kwargs.pop("at", lab.now)
    with pytest.raises(ShakenError) as info:
        validate_chain(leaf, intermediates, trust, at=at, **kwargs)  # type: ignore[arg-type]
    return info.value.code


def test_wrong_root_is_untrusted(lab: Lab) -> None:
    trust = TrustStore((lab.other_root.certificate,))
    assert _failure(lab, lab.sp.certificate, trust=trust) is ShakenErrorCode.CERT_UNTRUSTED


def test_missing_intermediate_is_untrusted(lab: Lab) -> None:
    assert _failure(lab, lab.sp.certificate, intermediates=[]) is ShakenErrorCode.CERT_UNTRUSTED


def test_expired_and_not_yet_valid(lab: Lab) -> None:
    later = lab.now + timedelta(days=400)
    assert _failure(lab, lab.sp.certificate, at=later) is ShakenErrorCode.CERT_EXPIRED
    earlier = lab.now - timedelta(days=1)
    assert _failure(lab, lab.sp.certificate, at=earlier) is ShakenErrorCode.CERT_NOT_YET_VALID


def test_revoked_certificate_is_refused(lab: Lab) -> None:
    code = _failure(lab, lab.revoked.certificate, crls=[lab.crl])
    assert code is ShakenErrorCode.CERT_REVOKED


def test_crl_with_bad_signature_is_refused(lab: Lab) -> None:
    impostor = make_intermediate(lab.other_root, now=lab.now)
    forged = make_crl(impostor, [], now=lab.now)
    # Same issuer name as the real STI-CA (both built with the same subject), wrong key.
    assert forged.issuer == lab.ca.certificate.subject
    assert _failure(lab, lab.sp.certificate, crls=[forged]) is ShakenErrorCode.CRL_INVALID


def test_stale_crl_is_refused(lab: Lab) -> None:
    at = lab.now + timedelta(days=31)
    code = _failure(lab, lab.sp.certificate, crls=[lab.crl], at=at)
    assert code is ShakenErrorCode.CRL_INVALID


def test_required_crl_missing(lab: Lab) -> None:
    code = _failure(lab, lab.sp.certificate, require_crl=True)
    assert code is ShakenErrorCode.CRL_UNAVAILABLE


def test_ca_certificate_cannot_sign_calls(lab: Lab) -> None:
    # The STI-CA has no TNAuthList and is a CA: refused either way.
    code = _failure(lab, lab.ca.certificate, intermediates=[])
    assert code in {ShakenErrorCode.CERT_USAGE_INVALID, ShakenErrorCode.TNAUTHLIST_MISSING}


def _leaf_builder(lab: Lab, key: ec.EllipticCurvePrivateKey) -> x509.CertificateBuilder:
    return (
        x509.CertificateBuilder()
        .subject_name(x509.Name([]))
        .issuer_name(lab.ca.certificate.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(lab.now - timedelta(days=1))
        .not_valid_after(lab.now + timedelta(days=1))
    )


def test_leaf_without_digital_signature_usage_is_refused(lab: Lab) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    from callwarden.shaken.tnauthlist import tn_auth_list_extension

    leaf = (
        _leaf_builder(lab, key)
        .add_extension(tn_auth_list_extension(TnAuthList((ServiceProviderCode("1"),))), False)
        .sign(lab.ca.key, hashes.SHA256())
    )
    assert _failure(lab, leaf) is ShakenErrorCode.CERT_USAGE_INVALID


def test_bare_ia5string_tnauthlist_in_a_certificate_is_refused(lab: Lab) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    usage = x509.KeyUsage(True, False, False, False, False, False, False, False, False)
    leaf = (
        _leaf_builder(lab, key)
        .add_extension(usage, True)
        .add_extension(x509.UnrecognizedExtension(TN_AUTH_LIST_OID, b"\x16\x04709J"), False)
        .sign(lab.ca.key, hashes.SHA256())
    )
    assert _failure(lab, leaf) is ShakenErrorCode.TNAUTHLIST_MALFORMED


def test_unknown_critical_extension_is_refused(lab: Lab) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    usage = x509.KeyUsage(True, False, False, False, False, False, False, False, False)
    from callwarden.shaken.tnauthlist import tn_auth_list_extension

    leaf = (
        _leaf_builder(lab, key)
        .add_extension(usage, True)
        .add_extension(tn_auth_list_extension(TnAuthList((ServiceProviderCode("1"),))), False)
        .add_extension(
            x509.UnrecognizedExtension(x509.ObjectIdentifier("1.2.3.4.5"), b"\x05\x00"), True
        )
        .sign(lab.ca.key, hashes.SHA256())
    )
    assert _failure(lab, leaf) is ShakenErrorCode.CERT_MALFORMED


def test_p384_leaf_cannot_verify_es256(lab: Lab) -> None:
    key = ec.generate_private_key(ec.SECP384R1())
    usage = x509.KeyUsage(True, False, False, False, False, False, False, False, False)
    from callwarden.shaken.tnauthlist import tn_auth_list_extension

    leaf = (
        _leaf_builder(lab, key)
        .add_extension(usage, True)
        .add_extension(tn_auth_list_extension(TnAuthList((ServiceProviderCode("1"),))), False)
        .sign(lab.ca.key, hashes.SHA256())
    )
    assert _failure(lab, leaf) is ShakenErrorCode.CERT_KEY_UNSUPPORTED


def test_path_length_constraint_is_enforced(lab: Lab) -> None:
    # The lab STI-CA has pathLenConstraint 0: it may not issue a further CA.
    sub_ca = make_intermediate(lab.ca, "sub CA", now=lab.now)
    leaf = make_sp_certificate(sub_ca, TnAuthList((ServiceProviderCode("1"),)), now=lab.now)
    code = _failure(lab, leaf.certificate, intermediates=[sub_ca.certificate, lab.ca.certificate])
    assert code is ShakenErrorCode.CERT_USAGE_INVALID


def test_lab_pki_on_disk_validates(tmp_path: Path) -> None:
    paths = create_lab_pki(tmp_path / "pki", crl_url="https://crl.example/sti-ca.crl")
    chain = load_certificates(paths.sp_chain.read_bytes())
    trust = TrustStore.from_paths([paths.trust_dir])
    from callwarden.shaken.certificates import load_crl

    crl = load_crl(paths.crl.read_bytes())
    credential = validate_chain(
        chain[0],
        chain[1:],
        trust,
        at=chain[0].not_valid_before_utc + timedelta(minutes=10),
        crls=[crl],
    )
    assert credential.tn_auth_list.covers_tn("12155550150")
    assert crl_urls(chain[0]) == ["https://crl.example/sti-ca.crl"]
    revoked = load_certificates(paths.revoked_chain.read_bytes())
    with pytest.raises(ShakenError) as info:
        validate_chain(
            revoked[0],
            revoked[1:],
            trust,
            at=chain[0].not_valid_before_utc + timedelta(minutes=10),
            crls=[crl],
        )
    assert info.value.code is ShakenErrorCode.CERT_REVOKED
    assert paths.sp_key.stat().st_mode & 0o077 == 0
    assert pem(chain[1]) == paths.ca.read_bytes()
