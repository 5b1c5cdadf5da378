from __future__ import annotations

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from callwarden.shaken.errors import ShakenError, ShakenErrorCode
from callwarden.shaken.identity import build_identity, parse_identity, split_identity_values

TOKEN = "eyJhbGciOiJFUzI1NiJ9.eyJpYXQiOjF9.c2lnbmF0dXJl"
INFO = "https://cert.example.org/passport.pem"


def test_build_then_parse_round_trips() -> None:
    value = build_identity(TOKEN, INFO)
    assert value == f"{TOKEN};info=<{INFO}>;alg=ES256;ppt=shaken"
    parsed = parse_identity(value)
    assert (parsed.token, parsed.info, parsed.alg, parsed.ppt) == (TOKEN, INFO, "ES256", "shaken")
    assert parsed.render() == value


@pytest.mark.parametrize(
    "value",
    [
        f"Identity: {TOKEN};info=<{INFO}>;alg=ES256;ppt=shaken",
        f'{TOKEN} ; ppt="shaken" ; alg = ES256 ; info = <{INFO}>',
        f"{TOKEN};info={INFO};alg=ES256;ppt=shaken",
        f"  {TOKEN};INFO=<{INFO}>;Alg=ES256;PPT=shaken  ",
        f"{TOKEN};info=<{INFO}>;ppt=shaken",
        f'{TOKEN};info="<{INFO}>";alg="ES256";ppt="shaken"',
        f'{TOKEN} ;\tinfo = "<{INFO}>" ;ppt=shaken',
        f"{TOKEN};ppt=shaken;alg=ES256;info=<{INFO}>",
    ],
)
def test_what_real_peers_send_is_accepted(value: str) -> None:
    parsed = parse_identity(value)
    assert parsed.token == TOKEN
    assert parsed.info == INFO
    assert parsed.ppt == "shaken"


def test_info_may_contain_semicolons_inside_brackets() -> None:
    parsed = parse_identity(f"{TOKEN};info=<https://x.example/c.pem;v=1>;alg=ES256")
    assert parsed.info == "https://x.example/c.pem;v=1"


def test_extension_parameters_are_kept() -> None:
    parsed = parse_identity(f"{TOKEN};info=<{INFO}>;alg=ES256;ppt=shaken;foo=bar")
    assert parsed.extensions == (("foo", "bar"),)


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("", ShakenErrorCode.IDENTITY_MISSING),
        (f"{TOKEN};alg=ES256", ShakenErrorCode.INFO_MISSING),
        (f"{TOKEN};info=<not a uri>", ShakenErrorCode.INFO_MISSING),
        (f"not-a-token;info=<{INFO}>", ShakenErrorCode.IDENTITY_MALFORMED),
        (f"a.b.c.d;info=<{INFO}>", ShakenErrorCode.IDENTITY_MALFORMED),
        (f"{TOKEN};info=<{INFO}>;alg=ES256;alg=none", ShakenErrorCode.IDENTITY_MALFORMED),
        (f"{TOKEN};info=<{INFO}", ShakenErrorCode.IDENTITY_MALFORMED),
        (f"{TOKEN};info=<{INFO}>;;alg=ES256", ShakenErrorCode.IDENTITY_MALFORMED),
        (f"{TOKEN};info=<{INFO}>;justaname", ShakenErrorCode.IDENTITY_MALFORMED),
        (f"{TOKEN}+;info=<{INFO}>", ShakenErrorCode.IDENTITY_MALFORMED),
    ],
)
def test_malformed_headers_are_refused_with_their_cause(value: str, code: ShakenErrorCode) -> None:
    with pytest.raises(ShakenError) as info:
        parse_identity(value)
    assert info.value.code is code


def test_oversized_header_is_refused() -> None:
    with pytest.raises(ShakenError) as info:
        parse_identity(TOKEN + "A" * 10_000 + f";info=<{INFO}>")
    assert info.value.code is ShakenErrorCode.IDENTITY_MALFORMED


def test_folded_values_split_on_commas_outside_brackets() -> None:
    one = f"{TOKEN};info=<https://a.example/x,y.pem>;alg=ES256"
    two = f"{TOKEN};info=<{INFO}>;ppt=shaken"
    assert split_identity_values(f"{one}, {two}") == [one, two]


@given(st.text(max_size=400))
def test_parser_never_crashes(value: str) -> None:
    with contextlib.suppress(ShakenError):
        parse_identity(value)


@given(
    st.permutations(["info=<https://c.example/p.pem>", "alg=ES256", "ppt=shaken"]),
    st.sampled_from(["", " ", "  "]),
)
def test_parameter_order_and_spacing_do_not_matter(params: list[str], space: str) -> None:
    parsed = parse_identity(TOKEN + "".join(f"{space};{space}{p}" for p in params))
    assert (parsed.info, parsed.alg, parsed.ppt) == ("https://c.example/p.pem", "ES256", "shaken")
