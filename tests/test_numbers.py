from __future__ import annotations

import phonenumbers
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from callwarden.numbers import (
    NumberClass,
    callback_is_costly,
    classify,
    costly_callback_area_codes,
    inspect,
    normalise,
    normalise_and_classify,
    normalise_column,
    npa_nxx,
    time_zones,
)

PRESENTED_FORMS = (
    "+12025550123",
    "12025550123",
    "2025550123",
    "(202) 555-0123",
    "tel:+1-202-555-0123",
    "sip:+12025550123@sbc.example.net;user=phone",
    "  202.555.0123\t",
    '"Jane" <sip:+12025550123@example.net>',
)


@pytest.mark.parametrize("raw", PRESENTED_FORMS)
def test_every_documented_form_normalises_to_e164(raw: str) -> None:
    assert normalise(raw) == "+12025550123"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("+12127363100", NumberClass.VALID),
        ("+14165550199", NumberClass.FICTIONAL),
        ("+12025550199", NumberClass.FICTIONAL),
        ("+12025550200", NumberClass.VALID),
        ("+18005550100", NumberClass.FICTIONAL),
        ("+18006427676", NumberClass.TOLL_FREE),
        ("+18886427676", NumberClass.TOLL_FREE),
        ("+19005551234", NumberClass.PREMIUM),
        ("+14165551234", NumberClass.VALID),  # Canada is NANP
        ("+18765551234", NumberClass.VALID),  # Jamaica is NANP
        ("+442079460000", NumberClass.INTERNATIONAL),
        ("011 44 20 7946 0000", NumberClass.INTERNATIONAL),
        ("+12129110123", NumberClass.INVALID_NANP),  # N11 exchange
        ("+14115551234", NumberClass.INVALID_NANP),  # N11 area code
        ("+10125551234", NumberClass.INVALID_NANP),  # NPA starts with 0
        ("+12021551234", NumberClass.INVALID_NANP),  # NXX starts with 1
        ("+19995551234", NumberClass.INVALID_NANP),  # unallocated NPA
        ("202555012", NumberClass.INVALID_NANP),  # too short
        ("+120255501234", NumberClass.INVALID_NANP),  # too long
        ("120255501234", NumberClass.INVALID_NANP),  # too long, led by the NANP's 1
        # a foreign number whose switch dropped its +: too long for NANP, valid abroad
        ("442079460000", NumberClass.INTERNATIONAL),
        ("919812345678", NumberClass.INTERNATIONAL),
        ("20255501234", NumberClass.INVALID_NANP),  # eleven digits: NANP with one too many
        ("999999999999", NumberClass.INVALID_NANP),  # too long, and valid nowhere
        ("", NumberClass.ANONYMOUS),
        ("anonymous", NumberClass.ANONYMOUS),
        ("Restricted", NumberClass.ANONYMOUS),
        ("PRIVATE", NumberClass.ANONYMOUS),
        ("P", NumberClass.ANONYMOUS),
        ("O", NumberClass.ANONYMOUS),
        ("0000000000", NumberClass.ANONYMOUS),
        ("sip:anonymous@anonymous.invalid", NumberClass.ANONYMOUS),
        ("hello world", NumberClass.UNPARSEABLE),
        ("+4412", NumberClass.UNPARSEABLE),
    ],
)
def test_classify(raw: str, expected: NumberClass) -> None:
    assert classify(raw) is expected


def test_invalid_but_well_shaped_numbers_normalise_and_bad_shapes_do_not() -> None:
    assert normalise("+1 999 555 1234") == "+19995551234"
    assert normalise("+10125551234") is None
    assert normalise("202555012") is None
    assert normalise("anonymous") is None
    assert normalise("garbage") is None
    assert normalise("44 20 7946 0000") == "+442079460000"
    assert normalise("999999999999") is None


def test_default_region_reads_bare_national_digits() -> None:
    assert normalise("020 7946 0000", default_region="GB") == "+442079460000"
    assert normalise("2025550123", default_region="CA") == "+12025550123"


def test_inspect_time_zones_and_npa_nxx() -> None:
    info = inspect("(212) 736-3100")
    assert info.e164 == "+12127363100"
    assert info.number_class is NumberClass.VALID
    assert info.time_zones == ("America/New_York",)
    assert time_zones("+13105550000") == ("America/Los_Angeles",)
    assert time_zones("not a number") == ()
    assert npa_nxx("+12127363100") == "212736"
    assert npa_nxx("+442079460000") is None
    assert inspect("anonymous").time_zones == ()


def test_vectorised_column_with_every_kind_of_value() -> None:
    values = [*PRESENTED_FORMS, "+19005551234", "anonymous", "", None, "+12129110123", "x"]
    presented, classes = normalise_and_classify(pa.array(values))
    assert presented.to_pylist() == [
        *(["+12025550123"] * len(PRESENTED_FORMS)),
        "+19005551234",
        "anonymous",
        "",
        None,
        "+12129110123",
        "x",
    ]
    assert classes.to_pylist() == [
        *(["fictional"] * len(PRESENTED_FORMS)),
        "premium",
        "anonymous",
        "anonymous",
        "anonymous",
        "invalid_nanp",
        "unparseable",
    ]


def test_vectorised_accepts_chunked_and_empty_columns() -> None:
    chunked = pa.chunked_array([["2025550123"], ["+18005551234"]])
    presented, classes = normalise_and_classify(chunked)
    assert presented.to_pylist() == ["+12025550123", "+18005551234"]
    assert classes.to_pylist() == ["fictional", "toll_free"]
    presented, classes = normalise_and_classify(pa.array([], pa.string()))
    assert len(presented) == 0
    assert len(classes) == 0


# --- properties -------------------------------------------------------------------------

nanp_national = st.from_regex(r"\A[2-9][0-9]{2}[2-9][0-9]{6}\Z")
any_digits = st.from_regex(r"\A\+?[0-9]{0,16}\Z")
phone_like = st.one_of(
    nanp_national,
    nanp_national.map(lambda n: f"+1{n}"),
    nanp_national.map(lambda n: f"1{n}"),
    any_digits,
    st.text(alphabet="0123456789+-() .tel:sip@;=abc", max_size=30),
    st.text(max_size=30),
    st.sampled_from(["anonymous", "Restricted", "", "0000000000", "+442079460000", "442079460000"]),
)


@settings(max_examples=400, deadline=None)
@given(phone_like)
def test_classify_never_raises_and_normalise_is_idempotent(raw: str) -> None:
    number_class = classify(raw)
    assert isinstance(number_class, NumberClass)
    e164 = normalise(raw)
    if e164 is not None:
        assert e164.startswith("+")
        assert normalise(e164) == e164
        assert classify(e164) is number_class


def _forms(national: str) -> list[str]:
    npa, nxx, line = national[:3], national[3:6], national[6:]
    return [
        f"+1{national}",
        f"1{national}",
        national,
        f"({npa}) {nxx}-{line}",
        f"tel:+1-{npa}-{nxx}-{line}",
        f"sip:+1{national}@example.net;user=phone",
        f" {npa}.{nxx}.{line} ",
    ]


@settings(max_examples=200, deadline=None)
@given(nanp_national)
def test_every_form_of_a_number_normalises_to_the_same_e164(national: str) -> None:
    results = {normalise(form) for form in _forms(national)}
    assert results == {f"+1{national}"}
    assert len({classify(form) for form in _forms(national)}) == 1


@settings(max_examples=200, deadline=None)
@given(nanp_national)
def test_nanp_validity_agrees_with_phonenumbers(national: str) -> None:
    """Our pattern-based NANP check is phonenumbers' own metadata: it must agree with it."""
    number_class = classify(f"+1{national}")
    parsed = phonenumbers.parse(f"+1{national}")
    if number_class in {NumberClass.VALID, NumberClass.TOLL_FREE, NumberClass.PREMIUM}:
        assert phonenumbers.is_valid_number(parsed)
    elif number_class is NumberClass.INVALID_NANP and not (
        national[1:3] == "11" or national[4:6] == "11"
    ):
        assert not phonenumbers.is_valid_number(parsed)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.none(), phone_like), max_size=40))
def test_vectorised_equals_scalar(values: list[str | None]) -> None:
    presented, classes = normalise_and_classify(pa.array(values, pa.string()))
    for value, got_presented, got_class in zip(
        values, presented.to_pylist(), classes.to_pylist(), strict=True
    ):
        if value is None:
            assert got_presented is None
            assert got_class == NumberClass.ANONYMOUS.value
            continue
        expected = normalise(value)
        assert got_presented == (expected if expected is not None else value)
        assert got_class == classify(value).value


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.none(), phone_like), max_size=40))
def test_normalise_column_equals_scalar_normalise(values: list[str | None]) -> None:
    got = normalise_column(pa.array(values, pa.string())).to_pylist()
    expected = [None if v is None else (normalise(v) or v) for v in values]
    assert got == expected
    strict = normalise_column(pa.array(values, pa.string()), keep_presented=False).to_pylist()
    assert strict == [None if v is None else normalise(v) for v in values]


def test_long_presentations_are_classified_but_not_cached() -> None:
    long_text = "x" * 10_000 + "2025550123"
    assert classify(long_text) is NumberClass.UNPARSEABLE
    assert normalise(" " * 500 + "2025550123") == "+12025550123"


def test_callbacks_cost_extra_abroad_in_foreign_nanp_countries_and_at_900() -> None:
    """A one-ring scam's numbers charge the callee who calls back: the FCC's warnings name
    the Caribbean codes; US territories and Canada are domestic calls."""
    codes = costly_callback_area_codes()
    assert {"268", "284", "473", "649", "664", "767", "809", "829", "849", "876"} <= codes
    assert "900" in codes
    assert not {"212", "416", "787", "939", "340", "671", "684", "670"} & codes
    assert callback_is_costly("+18765550123")
    assert callback_is_costly("+447700900123")
    assert not callback_is_costly("+12125550123")
    assert not callback_is_costly("+14165550123")
    assert not callback_is_costly("anonymous")
