from __future__ import annotations

import json

import pytest

from callwarden.shaken.certificates import TrustStore
from callwarden.shaken.errors import ShakenErrorCode
from callwarden.shaken.identity import build_identity
from callwarden.shaken.jws import b64url_encode
from callwarden.shaken.lab_pki import Issued
from callwarden.shaken.passport import Attestation, canonical_json
from callwarden.shaken.signer import Signer
from callwarden.shaken.verifier import (
    ReplayCache,
    StaticCertificates,
    Verifier,
    VerifierPolicy,
    Verstat,
)

from .conftest import DEST, ORIG, ORIGID, X5U, Lab

NOW = 1_800_000_000.0


class Clock:
    def __init__(self, now: float = NOW) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def _verifier(lab: Lab, leaf: Issued | None = None, **kwargs: object) -> Verifier:
    certificates = StaticCertificates({X5U: lab.chain(leaf or lab.sp)})
    trust = kwargs.pop("trust", TrustStore((lab.root.certificate,)))
    return Verifier(
        trust,  # type: ignore[arg-type]
        certificates,
        static_crls=[lab.crl],
        clock=kwargs.pop("clock", Clock(lab.now.timestamp())),  # type: ignore[arg-type]
        **kwargs,  # type: ignore[arg-type]
    )


def _identity(
    lab: Lab, leaf: Issued | None = None, *, iat: float | None = None, orig: str = ORIG
) -> str:
    signer = Signer(lab.key(leaf or lab.sp), X5U, clock=lab.now.timestamp)
    return signer.identity(
        orig, [DEST], Attestation.A, ORIGID, iat=None if iat is None else int(iat)
    )


def test_good_call_passes(lab: Lab) -> None:
    verdict = _verifier(lab).verify(_identity(lab), from_tn="+1 215 555 0123", to_tn=DEST)
    assert verdict.verstat is Verstat.PASSED, verdict.message
    assert verdict.code is None
    assert verdict.sip_status is None
    assert verdict.passport is not None
    assert verdict.passport.attest is Attestation.A
    body = verdict.to_json()
    assert body["verstat"] == "TN-Validation-Passed"
    assert body["spcs"] == ["709J"]
    json.dumps(body)


def test_pai_and_request_uri_are_accepted_as_orig_and_dest(lab: Lab) -> None:
    verdict = _verifier(lab).verify(
        _identity(lab), from_tn="anonymous", to_tn="12000000000", pai_tn=ORIG, request_uri_tn=DEST
    )
    assert verdict.passed, verdict.message


def test_missing_identity_is_428_no_validation(lab: Lab) -> None:
    verdict = _verifier(lab).verify(None, from_tn=ORIG, to_tn=DEST)
    assert verdict.verstat is Verstat.NO_VALIDATION
    assert verdict.sip_status == 428
    assert verdict.code is ShakenErrorCode.IDENTITY_MISSING


def _assert_fails(verdict: object, code: ShakenErrorCode, status: int) -> None:
    from callwarden.shaken.verifier import Verdict

    assert isinstance(verdict, Verdict)
    assert verdict.code is code, verdict.message
    assert verdict.verstat is Verstat.FAILED
    assert verdict.sip_status == status
    assert verdict.reason_header is not None
    assert verdict.reason_header.startswith(f"SIP;cause={status};text=")
    assert code.value in verdict.reason_header


def test_tampered_signature(lab: Lab) -> None:
    identity = _identity(lab)
    token, rest = identity.split(";", 1)
    head, payload, sig = token.split(".")
    flipped = sig[:10] + ("A" if sig[10] != "A" else "B") + sig[11:]
    verdict = _verifier(lab).verify(f"{head}.{payload}.{flipped};{rest}", from_tn=ORIG, to_tn=DEST)
    _assert_fails(verdict, ShakenErrorCode.SIGNATURE_INVALID, 438)


def test_tampered_payload(lab: Lab) -> None:
    identity = _identity(lab)
    token, rest = identity.split(";", 1)
    head, _payload, sig = token.split(".")
    claims = {
        "attest": "A",
        "dest": {"tn": [DEST]},
        "iat": int(lab.now.timestamp()),
        "orig": {"tn": "12155550199"},
        "origid": ORIGID,
    }
    forged = f"{head}.{b64url_encode(canonical_json(claims).encode())}.{sig};{rest}"
    verdict = _verifier(lab).verify(forged, from_tn="12155550199", to_tn=DEST)
    _assert_fails(verdict, ShakenErrorCode.SIGNATURE_INVALID, 438)


def test_stale_and_future_iat_are_403(lab: Lab) -> None:
    now = lab.now.timestamp()
    verdict = _verifier(lab).verify(_identity(lab, iat=now - 61), from_tn=ORIG, to_tn=DEST)
    _assert_fails(verdict, ShakenErrorCode.IAT_STALE, 403)
    verdict = _verifier(lab).verify(_identity(lab, iat=now + 61), from_tn=ORIG, to_tn=DEST)
    _assert_fails(verdict, ShakenErrorCode.IAT_FUTURE, 403)
    relaxed = _verifier(lab, policy=VerifierPolicy(freshness_seconds=120))
    assert relaxed.verify(_identity(lab, iat=now - 61), from_tn=ORIG, to_tn=DEST).passed


def test_wrong_root_is_437(lab: Lab) -> None:
    verifier = _verifier(lab, trust=TrustStore((lab.other_root.certificate,)))
    _assert_fails(
        verifier.verify(_identity(lab), from_tn=ORIG, to_tn=DEST),
        ShakenErrorCode.CERT_UNTRUSTED,
        437,
    )


def test_revoked_certificate_is_437(lab: Lab) -> None:
    verdict = _verifier(lab, lab.revoked).verify(
        _identity(lab, lab.revoked), from_tn=ORIG, to_tn=DEST
    )
    _assert_fails(verdict, ShakenErrorCode.CERT_REVOKED, 437)


def test_orig_and_dest_mismatch_are_438(lab: Lab) -> None:
    verifier = _verifier(lab)
    _assert_fails(
        verifier.verify(_identity(lab), from_tn="12155550999", to_tn=DEST),
        ShakenErrorCode.ORIG_MISMATCH,
        438,
    )
    _assert_fails(
        verifier.verify(_identity(lab), from_tn=ORIG, to_tn="12155550000"),
        ShakenErrorCode.DEST_MISMATCH,
        438,
    )


def test_tnauthlist_must_cover_the_number_when_it_lists_numbers(lab: Lab) -> None:
    verifier = _verifier(lab, lab.tn_only)
    assert verifier.verify(_identity(lab, lab.tn_only), from_tn=ORIG, to_tn=DEST).passed
    other = _identity(lab, lab.tn_only, orig="12155550124")
    _assert_fails(
        verifier.verify(other, from_tn="12155550124", to_tn=DEST),
        ShakenErrorCode.TN_NOT_AUTHORISED,
        437,
    )


def test_replay_within_the_window_is_refused(lab: Lab) -> None:
    verifier = _verifier(lab)
    identity = _identity(lab)
    assert verifier.verify(identity, from_tn=ORIG, to_tn=DEST).passed
    _assert_fails(
        verifier.verify(identity, from_tn=ORIG, to_tn=DEST), ShakenErrorCode.REPLAYED, 438
    )


def test_unknown_x5u_is_436(lab: Lab) -> None:
    verifier = Verifier(
        TrustStore((lab.root.certificate,)),
        StaticCertificates({}),
        clock=Clock(lab.now.timestamp()),
    )
    _assert_fails(
        verifier.verify(_identity(lab), from_tn=ORIG, to_tn=DEST),
        ShakenErrorCode.X5U_FETCH_FAILED,
        436,
    )


def test_info_must_match_x5u(lab: Lab) -> None:
    token = _identity(lab).split(";", 1)[0]
    verdict = _verifier(lab).verify(
        build_identity(token, "https://elsewhere.example/c.pem"), from_tn=ORIG, to_tn=DEST
    )
    _assert_fails(verdict, ShakenErrorCode.PARAMETER_MISMATCH, 438)


def test_identity_alg_parameter_other_than_es256_is_refused(lab: Lab) -> None:
    identity = _identity(lab).replace("alg=ES256", "alg=none")
    _assert_fails(
        _verifier(lab).verify(identity, from_tn=ORIG, to_tn=DEST),
        ShakenErrorCode.ALG_UNSUPPORTED,
        438,
    )


def test_malformed_header_is_438(lab: Lab) -> None:
    verdict = _verifier(lab).verify("garbage;info=<https://x.example/c>", from_tn=ORIG, to_tn=DEST)
    _assert_fails(verdict, ShakenErrorCode.IDENTITY_MALFORMED, 438)


def test_validated_credential_is_cached_and_failures_briefly(lab: Lab) -> None:
    calls: list[str] = []

    class Counting(StaticCertificates):
        def certificates(self, url: str):  # type: ignore[no-untyped-def]
            calls.append(url)
            return super().certificates(url)

    clock = Clock(lab.now.timestamp())
    verifier = Verifier(
        TrustStore((lab.root.certificate,)), Counting({X5U: lab.chain(lab.sp)}), clock=clock
    )
    for _ in range(3):
        verifier.credential(X5U)
    assert calls == [X5U]
    clock.now += 301
    verifier.credential(X5U)
    assert calls == [X5U, X5U]


def test_replay_cache_is_bounded_and_expires() -> None:
    cache = ReplayCache(window_seconds=60, capacity=3)
    for i in range(5):
        assert not cache.check_and_record(bytes([i]), now=0)
    assert len(cache) == 3
    assert cache.check_and_record(bytes([4]), now=1)
    assert not cache.check_and_record(bytes([4]), now=121)  # expired after 2 x window
    assert len(cache) == 1


@pytest.mark.parametrize("ppt_param", ["ppt=div", "ppt=other"])
def test_ppt_parameter_must_match_the_passport(lab: Lab, ppt_param: str) -> None:
    identity = _identity(lab).replace("ppt=shaken", ppt_param)
    _assert_fails(
        _verifier(lab).verify(identity, from_tn=ORIG, to_tn=DEST),
        ShakenErrorCode.PARAMETER_MISMATCH,
        438,
    )


@pytest.mark.parametrize(
    ("from_tn", "to_tn"),
    [
        ("2155550123", "2155559999"),
        ("sip:+12155550123@carrier.example;user=phone", "<tel:+1-215-555-9999>"),
        ("+1 (215) 555-0123", "12155559999"),
    ],
)
def test_numbers_compare_as_e164(lab: Lab, from_tn: str, to_tn: str) -> None:
    verdict = _verifier(lab).verify(_identity(lab), from_tn=from_tn, to_tn=to_tn)
    assert verdict.passed, verdict.message


def _compact_identity(lab: Lab, ppt: str | None) -> str:
    from callwarden.shaken.passport import Passport, compact, encode

    passport = Passport(
        x5u=X5U,
        iat=int(lab.now.timestamp()),
        orig_tn=ORIG,
        dest_tns=(DEST,),
        ppt=ppt,
        attest=Attestation.A if ppt else None,
        origid=ORIGID if ppt else None,
    )
    token = compact(encode(passport, lab.sp.key))
    return build_identity(token, X5U, ppt=ppt)


def test_compact_form_is_rebuilt_from_the_request(lab: Lab) -> None:
    verifier = _verifier(lab, policy=VerifierPolicy(require_shaken=False))
    identity = _compact_identity(lab, None)
    date = int(lab.now.timestamp())
    verdict = verifier.verify(identity, from_tn=f"sip:+{ORIG}@example.net", to_tn=DEST, date=date)
    assert verdict.passed, verdict.message
    # The Date header is part of what was signed: another second breaks the signature.
    other = _verifier(lab, policy=VerifierPolicy(require_shaken=False))
    verdict = other.verify(identity, from_tn=ORIG, to_tn=DEST, date=date + 1)
    assert verdict.code is ShakenErrorCode.SIGNATURE_INVALID
    verdict = other.verify(identity, from_tn=ORIG, to_tn=DEST)
    assert verdict.code is ShakenErrorCode.CLAIM_MISSING
    assert "Date" in verdict.message


def test_compact_shaken_passport_cannot_be_rebuilt(lab: Lab) -> None:
    identity = _compact_identity(lab, "shaken")
    verdict = _verifier(lab).verify(
        identity, from_tn=ORIG, to_tn=DEST, date=int(lab.now.timestamp())
    )
    assert verdict.code is ShakenErrorCode.CLAIM_MISSING
    assert verdict.sip_status == 438


# A diverted call (RFC 8946): ORIG calls DEST; DEST's provider forwards it to NEW_TARGET
# and adds a "div" PASSporT signed with a certificate for DEST, the number it holds.
NEW_TARGET = "12155557777"
DIV_X5U = "https://certs.forwarder.example/div.pem"


def _diversion_verifier(lab: Lab, forwarder: Issued, **kwargs: object) -> Verifier:
    certificates = StaticCertificates({X5U: lab.chain(lab.sp), DIV_X5U: lab.chain(forwarder)})
    return Verifier(
        TrustStore((lab.root.certificate,)),
        certificates,
        static_crls=[lab.crl],
        clock=Clock(lab.now.timestamp()),
        **kwargs,  # type: ignore[arg-type]
    )


@pytest.fixture(scope="module")
def forwarder(lab: Lab) -> Issued:
    from callwarden.shaken.lab_pki import make_sp_certificate
    from callwarden.shaken.tnauthlist import TelephoneNumber, TnAuthList

    return make_sp_certificate(lab.ca, TnAuthList((TelephoneNumber(DEST),)), now=lab.now)


def _div(lab: Lab, leaf: Issued, *, orig: str = ORIG, div: str = DEST) -> str:
    signer = Signer(lab.key(leaf), DIV_X5U, clock=lab.now.timestamp)
    return signer.div_identity(orig, [NEW_TARGET], div)


def test_diverted_call_verifies_as_a_chain(lab: Lab, forwarder: Issued) -> None:
    verifier = _diversion_verifier(lab, forwarder)
    verdict = verifier.verify_diverted(
        [_identity(lab), _div(lab, forwarder)],
        from_tn=ORIG,
        to_tn=DEST,  # To keeps the original target; the Request-URI is the new one
        request_uri_tn=NEW_TARGET,
    )
    assert verdict.passed, verdict.message
    assert verdict.passport is not None
    assert verdict.passport.attest is Attestation.A  # the original's attestation
    assert [p.div_tn for p in verdict.diversions] == [DEST]
    assert verdict.to_json()["diverted_from"] == [DEST]


def test_div_that_does_not_continue_the_chain_is_438(lab: Lab, forwarder: Issued) -> None:
    verdict = _diversion_verifier(lab, forwarder).verify_diverted(
        [_identity(lab), _div(lab, forwarder, div="12155550000")],
        from_tn=ORIG,
        to_tn=NEW_TARGET,
    )
    _assert_fails(verdict, ShakenErrorCode.DIV_MISMATCH, 438)
    assert "Identity 1 of 2" in verdict.message


def test_div_with_another_orig_is_438(lab: Lab, forwarder: Issued) -> None:
    # Both origs match a request number (PAI and From), but a div must keep the original.
    verdict = _diversion_verifier(lab, forwarder).verify_diverted(
        [_identity(lab), _div(lab, forwarder, orig="12155550124")],
        from_tn="12155550124",
        pai_tn=ORIG,
        to_tn=NEW_TARGET,
    )
    _assert_fails(verdict, ShakenErrorCode.DIV_MISMATCH, 438)
    assert "orig.tn" in verdict.message


def test_div_signer_must_hold_the_diverting_number(lab: Lab) -> None:
    # lab.tn_only lists ORIG, not DEST: it cannot vouch for diverting DEST's calls.
    verdict = _diversion_verifier(lab, lab.tn_only).verify_diverted(
        [_identity(lab), _div(lab, lab.tn_only)], from_tn=ORIG, to_tn=NEW_TARGET
    )
    _assert_fails(verdict, ShakenErrorCode.TN_NOT_AUTHORISED, 437)
    assert "div.tn" in verdict.message


def test_last_div_dest_must_be_the_request_target(lab: Lab, forwarder: Issued) -> None:
    verdict = _diversion_verifier(lab, forwarder).verify_diverted(
        [_identity(lab), _div(lab, forwarder)], from_tn=ORIG, to_tn="12155550000"
    )
    _assert_fails(verdict, ShakenErrorCode.DEST_MISMATCH, 438)


def test_only_div_passports_may_follow_the_original(lab: Lab, forwarder: Issued) -> None:
    verdict = _diversion_verifier(lab, forwarder).verify_diverted(
        [_identity(lab), _identity(lab)], from_tn=ORIG, to_tn=DEST
    )
    _assert_fails(verdict, ShakenErrorCode.PPT_UNSUPPORTED, 438)
    verdict = _diversion_verifier(lab, forwarder).verify_diverted([], from_tn=ORIG, to_tn=DEST)
    assert verdict.sip_status == 428


def test_a_lone_div_passport_needs_policy_and_the_diverting_number(
    lab: Lab, forwarder: Issued
) -> None:
    div = _div(lab, forwarder)
    strict = _diversion_verifier(lab, forwarder)
    _assert_fails(
        strict.verify(div, from_tn=ORIG, to_tn=NEW_TARGET), ShakenErrorCode.PPT_UNSUPPORTED, 438
    )
    relaxed = _diversion_verifier(lab, forwarder, policy=VerifierPolicy(require_shaken=False))
    assert relaxed.verify(div, from_tn=ORIG, to_tn=NEW_TARGET).passed


def test_hmac_downgrade_with_es256_in_the_identity_parameter_is_refused(lab: Lab) -> None:
    # The classic JWS attack: sign with HS256 using the public certificate as the HMAC
    # secret and hope the verifier trusts the token's own "alg". The Identity parameter
    # says ES256; the protected header decides, and only ES256 exists (RFC 8225 s. 4).
    import hashlib
    import hmac

    from cryptography.hazmat.primitives.serialization import Encoding

    header = {"alg": "HS256", "ppt": "shaken", "typ": "passport", "x5u": X5U}
    claims = {
        "attest": "A",
        "dest": {"tn": [DEST]},
        "iat": int(lab.now.timestamp()),
        "orig": {"tn": ORIG},
        "origid": ORIGID,
    }
    signing_input = ".".join(
        b64url_encode(canonical_json(part).encode()) for part in (header, claims)
    )
    secret = lab.sp.certificate.public_bytes(Encoding.PEM)
    mac = hmac.new(secret, signing_input.encode(), hashlib.sha256).digest()
    identity = build_identity(f"{signing_input}.{b64url_encode(mac)}", X5U)
    assert ";alg=ES256;" in identity
    _assert_fails(
        _verifier(lab).verify(identity, from_tn=ORIG, to_tn=DEST),
        ShakenErrorCode.ALG_UNSUPPORTED,
        438,
    )


def test_peer_token_with_string_iat_verifies(lab: Lab) -> None:
    # RFC 8588's example as first printed had "iat" as a string; peers copied it. The
    # signature covers the bytes as sent, so tolerating the string costs nothing.
    from callwarden.shaken.jws import es256_sign

    header = {"alg": "ES256", "ppt": "shaken", "typ": "passport", "x5u": X5U}
    payload = (
        f'{{"attest":"A","dest":{{"tn":["{DEST}"]}},"iat":"{int(lab.now.timestamp())}",'
        f'"orig":{{"tn":"{ORIG}"}},"origid":"{ORIGID}"}}'
    )
    signing_input = (
        f"{b64url_encode(canonical_json(header).encode())}.{b64url_encode(payload.encode())}"
    )
    signature = es256_sign(lab.sp.key, signing_input.encode())
    identity = f"{signing_input}.{b64url_encode(signature)};ppt=shaken ; info=<{X5U}>"
    verdict = _verifier(lab).verify(identity, from_tn=ORIG, to_tn=DEST)
    assert verdict.passed, verdict.message
    assert verdict.passport is not None
    assert verdict.passport.iat == int(lab.now.timestamp())


def test_malleated_signature_is_still_a_replay(lab: Lab) -> None:
    # (r, n - s) verifies whenever (r, s) does: a replayer could re-sign nothing and
    # still present a "new" token. Both forms must count as the same PASSporT.
    from callwarden.shaken.jws import P256_ORDER, b64url_decode

    verifier = _verifier(lab)
    identity = _identity(lab)
    token, rest = identity.split(";", 1)
    head, payload, sig = token.split(".")
    raw = b64url_decode(sig)
    flipped = raw[:32] + (P256_ORDER - int.from_bytes(raw[32:], "big")).to_bytes(32, "big")
    twin = f"{head}.{payload}.{b64url_encode(flipped)};{rest}"
    fresh = _verifier(lab)
    assert fresh.verify(twin, from_tn=ORIG, to_tn=DEST).passed  # the twin is valid alone
    assert verifier.verify(identity, from_tn=ORIG, to_tn=DEST).passed
    _assert_fails(verifier.verify(twin, from_tn=ORIG, to_tn=DEST), ShakenErrorCode.REPLAYED, 438)


def test_malformed_div_is_named_by_its_position(lab: Lab, forwarder: Issued) -> None:
    verdict = _diversion_verifier(lab, forwarder).verify_diverted(
        [_identity(lab), "garbage;info=<https://x.example/c>"], from_tn=ORIG, to_tn=DEST
    )
    _assert_fails(verdict, ShakenErrorCode.IDENTITY_MALFORMED, 438)
    assert verdict.message.startswith("Identity 2 of 2:")
