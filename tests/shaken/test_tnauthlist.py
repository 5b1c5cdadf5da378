from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from callwarden.shaken.errors import ShakenError, ShakenErrorCode
from callwarden.shaken.tnauthlist import (
    ServiceProviderCode,
    TelephoneNumber,
    TelephoneNumberRange,
    TnAuthList,
    decode_tn_auth_list,
    encode_tn_auth_list,
    tn_auth_list_of,
)

from .conftest import ORIG, Lab


def test_spc_encoding_matches_the_atis_1000080_example() -> None:
    # ATIS-1000080 shows SPC "709J" as SEQUENCE { [0] EXPLICIT IA5String "709J" }.
    encoded = encode_tn_auth_list(TnAuthList((ServiceProviderCode("709J"),)))
    assert encoded.hex() == "3008a0061604373039" + "4a"


def test_range_and_single_tn_encoding() -> None:
    value = TnAuthList((TelephoneNumberRange("12155550100", 100), TelephoneNumber("12155550000")))
    encoded = encode_tn_auth_list(value)
    assert encoded.startswith(bytes.fromhex("30"))
    assert bytes.fromhex("a1123010160b") + b"12155550100" + bytes.fromhex("020164") in encoded
    assert decode_tn_auth_list(encoded) == value


def test_bare_ia5string_is_refused() -> None:
    with pytest.raises(ShakenError) as info:
        decode_tn_auth_list(bytes.fromhex("1604") + b"709J")
    assert info.value.code is ShakenErrorCode.TNAUTHLIST_MALFORMED
    assert "bare IA5String" in str(info.value)


@pytest.mark.parametrize(
    "der",
    [
        "3000",  # empty list
        "3080a0061604373039",  # indefinite length
        "300aa0061604373039",  # length past the end
        "3008a0061604373039" + "4a00",  # trailing byte
        "3008a3061604373039" + "4a",  # unknown choice
        "3008a0060c04373039" + "4a",  # UTF8String instead of IA5String
        "30810aa0061604373039" + "4a",  # non-minimal length
        "300aa1083006160131020101",  # range count 1
        "3009a2071605313233417a",  # TN with letters
    ],
)
def test_malformed_der_is_refused(der: str) -> None:
    with pytest.raises(ShakenError) as info:
        decode_tn_auth_list(bytes.fromhex(der))
    assert info.value.code is ShakenErrorCode.TNAUTHLIST_MALFORMED


def test_range_coverage() -> None:
    entry = TelephoneNumberRange("12155550100", 100)
    assert entry.covers("12155550100")
    assert entry.covers("12155550199")
    assert not entry.covers("12155550200")
    assert not entry.covers("1215555010")  # shorter number is not in the range


def test_certificate_extension_is_read(lab: Lab) -> None:
    assert tn_auth_list_of(lab.sp.certificate).spcs == ("709J",)
    assert tn_auth_list_of(lab.tn_only.certificate).covers_tn(ORIG)
    with pytest.raises(ShakenError) as info:
        tn_auth_list_of(lab.ca.certificate)
    assert info.value.code is ShakenErrorCode.TNAUTHLIST_MISSING


_tn = st.text("0123456789", min_size=1, max_size=15)
_entry = st.one_of(
    st.builds(
        ServiceProviderCode,
        st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=1, max_size=64),
    ),
    st.builds(TelephoneNumber, _tn),
    st.builds(TelephoneNumberRange, _tn, st.integers(2, 10**12)),
)


@given(st.lists(_entry, min_size=1, max_size=8))
def test_encode_decode_round_trip(entries: list[ServiceProviderCode]) -> None:
    value = TnAuthList(tuple(entries))
    assert decode_tn_auth_list(encode_tn_auth_list(value)) == value


@given(st.binary(max_size=200))
def test_decoder_never_crashes(data: bytes) -> None:
    codes = set()
    try:
        decode_tn_auth_list(data)
    except ShakenError as error:
        codes.add(error.code)
    assert codes <= {ShakenErrorCode.TNAUTHLIST_MALFORMED}
