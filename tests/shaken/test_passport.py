from __future__ import annotations

import base64
import contextlib
import json
from collections.abc import Mapping

import pytest
from hypothesis import given
from hypothesis import strategies as st

from callwarden.shaken.errors import ShakenError, ShakenErrorCode
from callwarden.shaken.jws import b64url_decode, b64url_encode, es256_verify
from callwarden.shaken.passport import (
    Attestation,
    Passport,
    canonical_json,
    canonical_tn,
    compact,
    decode,
    encode,
    shaken_passport,
)

from .conftest import DEST, ORIG, ORIGID, X5U, Lab


def _token(
    header: Mapping[str, object], claims: Mapping[str, object], sig: bytes = b"\0" * 64
) -> str:
    return ".".join(
        [
            b64url_encode(json.dumps(header).encode()),
            b64url_encode(json.dumps(claims).encode()),
            b64url_encode(sig),
        ]
    )


HEADER = {"alg": "ES256", "ppt": "shaken", "typ": "passport", "x5u": X5U}
CLAIMS = {
    "attest": "A",
    "dest": {"tn": [DEST]},
    "iat": 1443208345,
    "orig": {"tn": ORIG},
    "origid": ORIGID,
}


def test_canonical_json_orders_keys_at_every_level_without_whitespace() -> None:
    value = {"orig": {"tn": "1"}, "dest": {"uri": ["x"], "tn": ["2"]}, "attest": "A"}
    assert (
        canonical_json(value) == '{"attest":"A","dest":{"tn":["2"],"uri":["x"]},"orig":{"tn":"1"}}'
    )


def test_encode_is_canonical_and_verifies(lab: Lab) -> None:
    passport = shaken_passport(
        x5u=X5U,
        iat=1443208345,
        orig_tn="+1 215-555-0123",
        dest_tns=[DEST],
        attest=Attestation.A,
        origid=ORIGID,
    )
    token = encode(passport, lab.sp.key)
    header_b64, payload_b64, sig_b64 = token.split(".")
    assert b64url_decode(header_b64) == (
        b'{"alg":"ES256","ppt":"shaken","typ":"passport","x5u":"https://cert.example.org/passport.pem"}'
    )
    assert b64url_decode(payload_b64).decode() == (
        f'{{"attest":"A","dest":{{"tn":["{DEST}"]}},"iat":1443208345,'
        f'"orig":{{"tn":"{ORIG}"}},"origid":"{ORIGID}"}}'
    )
    assert es256_verify(
        lab.sp.key.public_key(), f"{header_b64}.{payload_b64}".encode(), b64url_decode(sig_b64)
    )
    decoded = decode(token)
    assert decoded.passport == passport


def test_compact_form_is_rebuilt_from_the_request(lab: Lab) -> None:
    passport = shaken_passport(
        x5u=X5U, iat=100, orig_tn=ORIG, dest_tns=[DEST], attest=Attestation.B, origid=ORIGID
    )
    token = encode(passport, lab.sp.key)
    short = compact(token)
    assert short.split(".")[1] == ""
    decoded = decode(short, compact_claims=passport)
    assert decoded.is_compact
    assert es256_verify(lab.sp.key.public_key(), decoded.signing_input, decoded.signature)
    with pytest.raises(ShakenError) as info:
        decode(short)
    assert info.value.code is ShakenErrorCode.PASSPORT_MALFORMED


def test_div_passport_round_trip(lab: Lab) -> None:
    passport = Passport(
        x5u=X5U, iat=5, orig_tn=ORIG, dest_tns=(DEST,), ppt="div", div_tn="12155550000"
    )
    decoded = decode(encode(passport, lab.sp.key))
    assert decoded.passport.div_tn == "12155550000"
    assert decoded.passport.ppt == "div"
    payload = b64url_decode(decoded.signing_input.decode().split(".")[1])
    assert b'"div":{"tn":"12155550000"}' in payload


@pytest.mark.parametrize("alg", ["none", "HS256", "RS256", "ES384", None])
def test_every_alg_but_es256_is_refused(alg: str | None) -> None:
    header = dict(HEADER, alg=alg)
    with pytest.raises(ShakenError) as info:
        decode(_token(header, CLAIMS))
    assert info.value.code is ShakenErrorCode.ALG_UNSUPPORTED


@pytest.mark.parametrize(
    ("claims", "code"),
    [
        (dict(CLAIMS, orig=ORIG), ShakenErrorCode.CLAIM_INVALID),
        (dict(CLAIMS, dest=DEST), ShakenErrorCode.CLAIM_INVALID),
        (dict(CLAIMS, attest="D"), ShakenErrorCode.ATTEST_INVALID),
        ({k: v for k, v in CLAIMS.items() if k != "origid"}, ShakenErrorCode.CLAIM_MISSING),
        ({k: v for k, v in CLAIMS.items() if k != "iat"}, ShakenErrorCode.CLAIM_MISSING),
        (dict(CLAIMS, iat="soon"), ShakenErrorCode.CLAIM_INVALID),
        (dict(CLAIMS, iat=True), ShakenErrorCode.CLAIM_INVALID),
        (dict(CLAIMS, orig={"tn": "12x5"}), ShakenErrorCode.CLAIM_INVALID),
        (dict(CLAIMS, dest={}), ShakenErrorCode.CLAIM_MISSING),
    ],
)
def test_bad_claims_are_named(claims: dict[str, object], code: ShakenErrorCode) -> None:
    with pytest.raises(ShakenError) as info:
        decode(_token(HEADER, claims))
    assert info.value.code is code


def test_iat_as_string_and_dest_tn_as_string_are_tolerated() -> None:
    decoded = decode(_token(HEADER, dict(CLAIMS, iat="1443208345", dest={"tn": DEST})))
    assert decoded.passport.iat == 1443208345
    assert decoded.passport.dest_tns == (DEST,)


def test_duplicate_json_keys_are_refused() -> None:
    payload = (
        b'{"attest":"A","attest":"C","dest":{"tn":["1"]},"iat":1,"orig":{"tn":"2"},"origid":"x"}'
    )
    token = ".".join(
        [
            b64url_encode(canonical_json(HEADER).encode()),
            b64url_encode(payload),
            b64url_encode(b"\0" * 64),
        ]
    )
    with pytest.raises(ShakenError) as info:
        decode(token)
    assert info.value.code is ShakenErrorCode.PASSPORT_MALFORMED
    assert "attest" in str(info.value)


def test_typ_and_ppt_and_crit_are_checked() -> None:
    cases: list[tuple[dict[str, object], ShakenErrorCode]] = [
        (dict(HEADER, typ="JWT"), ShakenErrorCode.TYP_INVALID),
        (dict(HEADER, ppt="rph"), ShakenErrorCode.PPT_UNSUPPORTED),
        (dict(HEADER, crit=["x"]), ShakenErrorCode.PASSPORT_MALFORMED),
        ({k: v for k, v in HEADER.items() if k != "x5u"}, ShakenErrorCode.CLAIM_MISSING),
    ]
    for header, code in cases:
        with pytest.raises(ShakenError) as info:
            decode(_token(header, CLAIMS))
        assert info.value.code is code, header


def test_padding_and_foreign_characters_in_base64url_are_refused() -> None:
    good = _token(HEADER, CLAIMS)
    head, payload, sig = good.split(".")
    for bad in (
        f"{head}=.{payload}.{sig}",
        f"{head}.{payload}.{sig[:-2]}+/",
        f"{head}.{payload}.{sig[:10]}",
    ):
        with pytest.raises(ShakenError):
            decode(bad)


def test_signature_must_be_64_bytes() -> None:
    with pytest.raises(ShakenError) as info:
        decode(_token(HEADER, CLAIMS, sig=b"\1" * 70))
    assert info.value.code is ShakenErrorCode.SIGNATURE_INVALID


@given(st.text(max_size=300))
def test_decode_never_crashes_on_arbitrary_text(text: str) -> None:
    with contextlib.suppress(ShakenError):
        decode(text)


@given(st.binary(max_size=200), st.binary(max_size=200))
def test_decode_never_crashes_on_arbitrary_json_parts(header: bytes, payload: bytes) -> None:
    token = ".".join(
        [base64.urlsafe_b64encode(header).rstrip(b"=").decode(), b64url_encode(payload), "AA"]
    )
    with contextlib.suppress(ShakenError):
        decode(token)


@given(st.from_regex(r"\+?[0-9]{1,3}[ .-]?[0-9]{3}[ .-]?[0-9]{4}", fullmatch=True))
def test_canonical_tn_keeps_only_digits(number: str) -> None:
    assert canonical_tn(number) == "".join(ch for ch in number if ch.isdigit())


# RFC 8588 section 6 example, as corrected by erratum 6656: the RFC printed "iat" as the
# string "1443208345" (and dropped two commas); RFC 8225 section 5.1.1 makes it a number.
RFC8588_X5U = "https://cert.example.org/passport.cer"
RFC8588_HEADER = (
    '{"alg":"ES256","ppt":"shaken","typ":"passport","x5u":"https://cert.example.org/passport.cer"}'
)
RFC8588_PAYLOAD = (
    '{"attest":"A","dest":{"tn":["12155550131"]},"iat":1443208345,'
    '"orig":{"tn":"12155550121"},"origid":"123e4567-e89b-12d3-a456-426655440000"}'
)


def test_rfc8588_example_serialises_canonically(lab: Lab) -> None:
    from callwarden.shaken.signer import Signer, SigningKey

    passport = shaken_passport(
        x5u=RFC8588_X5U,
        iat=1443208345,
        orig_tn="12155550121",
        dest_tns=["12155550131"],
        attest=Attestation.A,
        origid="123e4567-e89b-12d3-a456-426655440000",
    )
    assert canonical_json(passport.header()) == RFC8588_HEADER
    assert canonical_json(passport.claims()) == RFC8588_PAYLOAD
    token = Signer(SigningKey(lab.sp.key), RFC8588_X5U).sign(
        "12155550121", ["12155550131"], Attestation.A, "123e4567-e89b-12d3-a456-426655440000",
        iat=1443208345,
    )  # fmt: skip
    head, payload, _ = token.split(".")
    assert b64url_decode(head).decode() == RFC8588_HEADER
    assert b64url_decode(payload).decode() == RFC8588_PAYLOAD
    assert decode(token).passport == passport


def test_rfc8588_example_as_printed_with_string_iat_is_read() -> None:
    # Peers copied the uncorrected example: a digit-string iat is read as the number.
    printed = RFC8588_PAYLOAD.replace('"iat":1443208345', '"iat":"1443208345"')
    token = ".".join(
        [b64url_encode(RFC8588_HEADER.encode()), b64url_encode(printed.encode()), "A" * 86]
    )
    passport = decode(token).passport
    assert passport.iat == 1443208345
    assert passport.orig_tn == "12155550121"
    assert passport.attest is Attestation.A


def test_rfc8225_canonical_example() -> None:
    # RFC 8225 section 9's example, with the closing brace of "dest" that the draft text
    # lost; the base PASSporT (no ppt) header of its section 4 example.
    passport = Passport(
        x5u=RFC8588_X5U,
        iat=1443208345,
        orig_tn="12155551212",
        dest_uris=("sip:alice@example.com",),
        ppt=None,
    )
    assert canonical_json(passport.claims()) == (
        '{"dest":{"uri":["sip:alice@example.com"]},"iat":1443208345,"orig":{"tn":"12155551212"}}'
    )
    assert canonical_json(passport.header()) == (
        '{"alg":"ES256","typ":"passport","x5u":"https://cert.example.org/passport.cer"}'
    )


def test_dest_values_are_written_in_lexicographic_order(lab: Lab) -> None:
    passport = shaken_passport(
        x5u=X5U, iat=1, orig_tn=ORIG, dest_tns=["13", "12", "2"], attest=Attestation.C, origid="o"
    )
    assert canonical_json(passport.claims()["dest"]) == '{"tn":["12","13","2"]}'


_digits = st.text("0123456789", min_size=1, max_size=15)


@given(
    attest=st.sampled_from(list(Attestation)),
    dest=_digits,
    orig=_digits,
    iat=st.integers(0, 2**45),
    origid=st.text(min_size=1, max_size=130),
)
def test_canonical_fast_path_reads_what_the_json_path_reads(
    attest: Attestation, dest: str, orig: str, iat: int, origid: str
) -> None:
    # decode() reads the canonical single-dest payload with a regular expression; the
    # result must be exactly the general JSON reader's, for every payload it accepts.
    from callwarden.shaken.passport import _canonical_shaken, passport_from_json

    claims = {"attest": attest.value, "dest": {"tn": [dest]}, "iat": iat, "orig": {"tn": orig}}
    claims["origid"] = origid
    payload = canonical_json(claims).encode()
    fast = _canonical_shaken(HEADER, payload)
    general = passport_from_json(HEADER, json.loads(payload))
    if fast is not None:
        assert fast == general
    token = _token(HEADER, claims).split(".")
    token[1] = b64url_encode(payload)
    assert decode(".".join(token)).passport == general


def test_fast_path_leaves_other_forms_to_the_json_reader() -> None:
    from callwarden.shaken.passport import _canonical_shaken

    canonical = canonical_json(CLAIMS).encode()
    assert _canonical_shaken(HEADER, canonical) is not None
    for other in (
        canonical.replace(b'"attest":"A",', b'"attest":"A" ,'),  # spacing
        canonical.replace(b'"iat":1443208345', b'"iat":"1443208345"'),  # string iat
        canonical.replace(b'"origid":"', b'"origid":"\\u0041'),  # escape
        canonical.replace(b'"attest":"A"', b'"attest":"D"'),
    ):
        assert _canonical_shaken(HEADER, other) is None
    assert _canonical_shaken(dict(HEADER, ppt="div"), canonical) is None
    with pytest.raises(ShakenError) as info:
        decode(_token(HEADER, dict(CLAIMS, attest="D")))
    assert info.value.code is ShakenErrorCode.ATTEST_INVALID
