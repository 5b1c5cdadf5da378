from __future__ import annotations

import logging
import pickle
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from hypothesis import given
from hypothesis import strategies as st

from callwarden.shaken.errors import ShakenError, ShakenErrorCode
from callwarden.shaken.identity import parse_identity
from callwarden.shaken.jws import b64url_decode, es256_verify
from callwarden.shaken.passport import Attestation, canonical_json, decode
from callwarden.shaken.signer import Signer, SigningKey

from .conftest import DEST, ORIG, ORIGID, X5U, Lab


def test_identity_header_verifies_and_carries_the_claims(lab: Lab) -> None:
    signer = Signer(lab.key(lab.sp), X5U, clock=lambda: 1_700_000_000.7)
    header = parse_identity(signer.identity(ORIG, [DEST], Attestation.A, ORIGID))
    assert (header.info, header.alg, header.ppt) == (X5U, "ES256", "shaken")
    decoded = decode(header.token)
    assert decoded.passport.iat == 1_700_000_000
    assert decoded.passport.attest is Attestation.A
    assert decoded.passport.origid == ORIGID
    assert es256_verify(lab.sp.key.public_key(), decoded.signing_input, decoded.signature)


@given(
    orig=st.text("0123456789", min_size=1, max_size=15),
    dests=st.lists(st.text("0123456789", min_size=1, max_size=15), min_size=1, max_size=3),
    attest=st.sampled_from(list(Attestation)),
    origid=st.text(min_size=1, max_size=40),
    iat=st.integers(0, 2**40),
)
def test_payload_template_equals_canonical_json(
    lab: Lab, *, orig: str, dests: list[str], attest: Attestation, origid: str, iat: int
) -> None:
    signer = Signer(lab.key(lab.sp), X5U)
    expected = canonical_json(
        {
            "attest": attest.value,
            "dest": {"tn": sorted(dests)},
            "iat": iat,
            "orig": {"tn": orig},
            "origid": origid,
        }
    )
    assert signer.payload_json(orig, dests, attest, origid, iat) == expected


def test_protected_header_is_canonical(lab: Lab) -> None:
    token = Signer(lab.key(lab.sp), X5U).sign(ORIG, [DEST], Attestation.C, ORIGID)
    assert b64url_decode(token.split(".")[0]).decode() == canonical_json(
        {"alg": "ES256", "ppt": "shaken", "typ": "passport", "x5u": X5U}
    )


def test_numbers_with_plus_and_separators_are_canonicalised(lab: Lab) -> None:
    token = Signer(lab.key(lab.sp), X5U).sign(
        "+1 (215) 555-0123", ["+1-215-555-9999"], Attestation.B, ORIGID
    )
    assert decode(token).passport.orig_tn == ORIG
    assert decode(token).passport.dest_tns == (DEST,)


def test_key_material_never_shows(
    lab: Lab, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pem = lab.sp.key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    secret_line = pem.decode().splitlines()[1]
    path = tmp_path / "k.pem"
    path.write_bytes(pem)
    monkeypatch.setenv("SHAKEN_TEST_KEY", pem.decode())
    for key in (SigningKey.from_file(path), SigningKey.from_env("SHAKEN_TEST_KEY")):
        for text in (repr(key), str(key), repr(Signer(key, X5U))):
            assert secret_line not in text
            assert "sha256:" in text
        with pytest.raises(TypeError):
            pickle.dumps(key)


def test_bad_keys_are_named_without_their_content(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "bad.pem"
    path.write_text("-----BEGIN PRIVATE KEY-----\nSECRETSECRET\n-----END PRIVATE KEY-----\n")
    with pytest.raises(ShakenError) as info:
        SigningKey.from_file(path)
    assert info.value.code is ShakenErrorCode.KEY_INVALID
    assert str(path) in str(info.value)
    assert "SECRETSECRET" not in str(info.value)
    monkeypatch.delenv("NOPE_KEY", raising=False)
    with pytest.raises(ShakenError):
        SigningKey.from_env("NOPE_KEY")
    with pytest.raises(ShakenError):
        SigningKey.from_file(tmp_path / "missing.pem")


def test_x5u_with_header_delimiters_is_refused(lab: Lab) -> None:
    with pytest.raises(ShakenError):
        Signer(lab.key(lab.sp), "https://x.example/a>;ppt=evil")


def test_div_identity_is_a_canonical_rfc8946_passport(lab: Lab) -> None:
    signer = Signer(lab.key(lab.sp), X5U, clock=lambda: 1_700_000_000.0)
    value = signer.div_identity("+1 215 555 0123", ["12155557777"], "1-215-555-9999")
    header = parse_identity(value)
    assert (header.info, header.alg, header.ppt) == (X5U, "ES256", "div")
    head, payload, _ = header.token.split(".")
    assert b64url_decode(head).decode() == canonical_json(
        {"alg": "ES256", "ppt": "div", "typ": "passport", "x5u": X5U}
    )
    assert b64url_decode(payload).decode() == (
        '{"dest":{"tn":["12155557777"]},"div":{"tn":"12155559999"},"iat":1700000000,'
        '"orig":{"tn":"12155550123"}}'
    )
    decoded = decode(header.token)
    assert decoded.passport.ppt == "div"
    assert decoded.passport.attest is None
    assert es256_verify(lab.sp.key.public_key(), decoded.signing_input, decoded.signature)


def test_logs_of_signers_keys_and_key_errors_hold_no_key_material(
    lab: Lab, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    pem = lab.sp.key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    encrypted = lab.sp.key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(b"right password"),
    )
    secrets = [line for line in pem.decode().splitlines() if "-----" not in line]
    secrets += [line for line in encrypted.decode().splitlines() if "-----" not in line]
    scalar = lab.sp.key.private_numbers().private_value
    secrets += [str(scalar), f"{scalar:x}", f"{scalar:X}"]
    logger = logging.getLogger("callwarden.test.shaken")
    broken = pem.decode().splitlines()
    broken[2] = broken[2][::-1]  # a damaged line in the middle of the key
    monkeypatch.setenv("SHAKEN_BROKEN_KEY", "\n".join(broken))
    with caplog.at_level(logging.DEBUG):
        key = SigningKey.from_pem(pem)
        signer = Signer(key, X5U)
        logger.info("signer %s, key %r, attributes %s", signer, key, vars(signer))
        attempts: list[Callable[[], SigningKey]] = [
            lambda: SigningKey.from_env("SHAKEN_BROKEN_KEY"),
            lambda: SigningKey.from_pem(encrypted, password=b"wrong password"),
            lambda: SigningKey.from_pem(encrypted),
        ]
        for attempt in attempts:
            try:
                attempt()
            except ShakenError:
                logger.exception("loading the signing key failed")
    assert caplog.text.count("loading the signing key failed") == len(attempts)
    assert "key-invalid" in caplog.text
    for secret in secrets:
        assert secret not in caplog.text
