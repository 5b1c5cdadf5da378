"""Telephone numbers: normalise what a switch presents to E.164 and say what kind of number it is.

Domain code, no I/O. Built on ``phonenumbers`` (Google's libphonenumber metadata), with the
North American Numbering Plan (NANP) rules the robocall detectors care about made explicit.

Decisions (formats.md section "Phone numbers"):

* **NANP is home.** Country code 1 covers the US, Canada and the Caribbean NANP members;
  all of them are NANP numbers, classified by the NANP rules below and never
  ``INTERNATIONAL``. A provider dialling Toronto or Kingston crosses no international
  gateway, and an invalid Jamaican NXX is as suspicious as an invalid US one.
* **NANP shape** (ATIS-0300115 / the NANP administration's numbering rules): ten
  national digits NPA-NXX-XXXX, NPA and NXX each starting 2-9, neither an N11 service code.
  Ten digits whose NPA and NXX start with 2-9 normalise to E.164 even when the NPA is
  unallocated or an N11 code (so the same bad number groups together), but are classified
  ``INVALID_NANP``. Digit strings of the wrong length or with a leading 0/1 in NPA or NXX
  do not normalise (kept as presented by the readers) and are ``INVALID_NANP`` too.
* **Fictional**: NXX 555 with line 0100-0199 is reserved for fiction in every NPA; it is
  checked right after the shape, so ``+1 800 555 0123`` is fictional, not toll-free.
* **Allocated / toll-free / premium** follow phonenumbers' own metadata patterns for the
  25 NANP regions: toll-free 8XX, premium 900, and any other type pattern means ``VALID``
  (fixed, mobile, personal 5XX, ...). A shaped number matching none of them is in an
  unallocated NPA or exchange: ``INVALID_NANP``.
* **Anonymous**: an empty presentation, the privacy words switches put in From / PAI
  (``anonymous``, ``restricted``, ``private``, ``withheld``, ``unavailable``, ``unknown``,
  ``blocked``, ``no caller id``, GR-30-CORE's ``P`` and ``O``; RFC 3323 section 4.1.1.3
  ``sip:anonymous@anonymous.invalid``) and all-zero digit strings (``0000000000``), which
  switches send when they have no number to present. An anonymous presentation does not
  normalise.
* **International**: a number outside country code 1 that phonenumbers holds valid for
  its country normalises to E.164 and is ``INTERNATIONAL``; anything else (garbage text,
  an invalid foreign number) is ``UNPARSEABLE`` and does not normalise.
* **A foreign number without its +**: twelve to fifteen bare digits led by 2-9 are too
  long for any NANP number (ten digits, eleven with its 1) and as long as most E.164
  numbers abroad (ITU-T E.164 section 6: up to 15 digits with the country code). A switch
  that keeps the nature of address (ISUP's "international number") apart from the digits
  writes a caller in London as ``442079460000``. Such a string that phonenumbers holds
  valid with the + is that number, ``INTERNATIONAL``; otherwise it is ``INVALID_NANP``
  as before. Eleven digits are not read so: a NANP number with a digit too many is as
  likely there as a short foreign one, and it is no number.

The vectorised :func:`normalise_and_classify` gives exactly what the scalar functions give
(a property test holds it to that); it is the path every CDR goes through, so it classifies
clean NANP input with Arrow compute kernels and calls phonenumbers only for the rest,
once per distinct value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

import numpy as np
import phonenumbers
import pyarrow as pa
import pyarrow.compute as pc
from phonenumbers import timezone as phone_timezone


class NumberClass(StrEnum):
    VALID = "valid"
    INVALID_NANP = "invalid_nanp"
    FICTIONAL = "fictional"
    TOLL_FREE = "toll_free"
    PREMIUM = "premium"
    INTERNATIONAL = "international"
    ANONYMOUS = "anonymous"
    UNPARSEABLE = "unparseable"


@dataclass(frozen=True)
class NumberInfo:
    presented: str
    e164: str | None
    number_class: NumberClass
    time_zones: tuple[str, ...]


_NANP_REGIONS: tuple[str, ...] = tuple(phonenumbers.COUNTRY_CODE_TO_REGION_CODE[1])

#: Words switches put in the user part or display name instead of a number (lower case).
_ANONYMOUS_WORDS: frozenset[str] = frozenset(
    {
        "anonymous",
        "restricted",
        "private",
        "withheld",
        "unavailable",
        "unknown",
        "blocked",
        "no caller id",
        "nocallerid",
        "no_caller_id",
        "anonymous caller",
        "out of area",
        "unknown caller",
        "private number",
        "caller id blocked",
        # Telcordia GR-30-CORE "reason for absence of number": P = private, O = out of area.
        "p",
        "o",
    }
)


def _nanp_pattern(*types: str) -> str:
    """The union of phonenumbers' national-number patterns of ``types`` over all NANP regions."""
    parts: list[str] = []
    for region in _NANP_REGIONS:
        metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
        if metadata is None:
            continue
        for kind in types:
            desc = getattr(metadata, kind, None)
            pattern = getattr(desc, "national_number_pattern", None)
            if pattern and pattern not in parts:
                parts.append(pattern)
    return "|".join(f"(?:{part})" for part in parts) or "(?!)"


_ALL_TYPES = (
    "fixed_line",
    "mobile",
    "toll_free",
    "premium_rate",
    "shared_cost",
    "personal_number",
    "voip",
    "pager",
    "uan",
    "voicemail",
)

# Each pattern is matched against the ten national digits only (anchored on both ends);
# the same text runs in Python's ``re`` (scalar) and RE2 (Arrow kernels, vectorised),
# and uses only the syntax both share.
_SHAPE = r"^[2-9]\d\d[2-9]\d{6}$"
_N11 = r"^(?:[2-9]11|\d{3}[2-9]11)"
_FICTIONAL = r"^\d{3}55501\d\d$"
_TOLL_FREE = f"^(?:{_nanp_pattern('toll_free')})$"
_PREMIUM = f"^(?:{_nanp_pattern('premium_rate')})$"
_ALLOCATED = f"^(?:{_nanp_pattern(*_ALL_TYPES)})$"

# re.ASCII: RE2's \\d is ASCII only, and so must Python's be for the two paths to agree.
_SHAPE_RE = re.compile(_SHAPE, re.ASCII)
_N11_RE = re.compile(_N11, re.ASCII)
_FICTIONAL_RE = re.compile(_FICTIONAL, re.ASCII)
_TOLL_FREE_RE = re.compile(_TOLL_FREE, re.ASCII)
_PREMIUM_RE = re.compile(_PREMIUM, re.ASCII)
_ALLOCATED_RE = re.compile(_ALLOCATED, re.ASCII)

#: A presentation that is already clean NANP digits: optional +1 or 1, then ten digits.
_CLEAN_NANP = r"^(?:\+1|1)?\d{10}$"
_CLEAN_NANP_RE = re.compile(_CLEAN_NANP, re.ASCII)

#: RFC 3966 section 3 visual separators, plus the spaces people type.
_VISUAL_SEPARATORS_RE = re.compile(r"[\s\-.()/]")
_DIGITS_RE = re.compile(r"\+?\d+", re.ASCII)
_INTERNATIONAL_PREFIX = "011"  # NANP international dialling prefix
#: bare digits too long for NANP: a foreign number whose switch dropped its + (see above)
_PLUS_DROPPED_RE = re.compile(r"^[2-9]\d{11,14}$", re.ASCII)


def _classify_nanp_national(national: str) -> NumberClass:
    """Class of ten NANP national digits (shape already known to be ten digits)."""
    if not _SHAPE_RE.fullmatch(national) or _N11_RE.match(national):
        return NumberClass.INVALID_NANP
    if _FICTIONAL_RE.fullmatch(national):
        return NumberClass.FICTIONAL
    if _TOLL_FREE_RE.fullmatch(national):
        return NumberClass.TOLL_FREE
    if _PREMIUM_RE.fullmatch(national):
        return NumberClass.PREMIUM
    if _ALLOCATED_RE.fullmatch(national):
        return NumberClass.VALID
    return NumberClass.INVALID_NANP


def _nanp_result(national: str) -> tuple[str | None, NumberClass]:
    if national.strip("0") == "":
        return None, NumberClass.ANONYMOUS
    number_class = _classify_nanp_national(national)
    if _SHAPE_RE.fullmatch(national):
        return "+1" + national, number_class
    return None, number_class


def _strip_uri(text: str) -> str:
    """The number part of a SIP/tel URI or a name-addr (RFC 3261 section 20.10, RFC 3966)."""
    if "<" in text and ">" in text:
        text = text[text.index("<") + 1 : text.rindex(">")]
    lowered = text.lower()
    for scheme in ("tel:", "sips:", "sip:"):
        if lowered.startswith(scheme):
            text = text[len(scheme) :]
            break
    # sip:user@host;params and tel:number;params: the user part / number comes first.
    return text.split("@", 1)[0].split(";", 1)[0]


#: Longer presentations are never numbers worth caching (and could fill memory on purpose).
_CACHED_LENGTH = 64


def _analyse(raw: str, default_region: str = "US") -> tuple[str | None, NumberClass]:
    """(E.164 or None, class) of one presentation. Bounded cache: traffic repeats numbers."""
    if len(raw) <= _CACHED_LENGTH:
        return _analyse_cached(raw, default_region)
    return _analyse_uncached(raw, default_region)


@lru_cache(maxsize=131_072)
def _analyse_cached(raw: str, default_region: str) -> tuple[str | None, NumberClass]:
    return _analyse_uncached(raw, default_region)


def _analyse_uncached(raw: str, default_region: str) -> tuple[str | None, NumberClass]:
    text = raw.strip()
    if not text or text.lower() in _ANONYMOUS_WORDS:
        return None, NumberClass.ANONYMOUS
    home_is_nanp = default_region.upper() in _NANP_REGIONS
    if _CLEAN_NANP_RE.fullmatch(text) and (home_is_nanp or text.startswith("+1")):
        return _nanp_result(text[-10:])
    body = _strip_uri(text).strip()
    if not body or body.lower() in _ANONYMOUS_WORDS:
        return None, NumberClass.ANONYMOUS
    compact = _VISUAL_SEPARATORS_RE.sub("", body)
    if _DIGITS_RE.fullmatch(compact):
        digits = compact.lstrip("+")
        if digits.strip("0") == "":
            return None, NumberClass.ANONYMOUS
        if _CLEAN_NANP_RE.fullmatch(compact) and (home_is_nanp or compact.startswith("+1")):
            return _nanp_result(compact[-10:])
        if compact.startswith("+1") or (
            home_is_nanp
            and not compact.startswith("+")
            and not compact.startswith(_INTERNATIONAL_PREFIX)
        ):
            # a foreign number without its + (led by 2-9: never country code 1)
            if home_is_nanp and _PLUS_DROPPED_RE.fullmatch(compact):
                e164 = _valid_e164(_parsed("+" + compact, default_region))
                if e164 is not None:
                    return e164, NumberClass.INTERNATIONAL
            # NANP digits of the wrong length, or a leading 0/1 where NPA or NXX must start.
            return None, NumberClass.INVALID_NANP
    parsed = _parsed(compact, default_region)
    if parsed is None:
        return None, NumberClass.UNPARSEABLE
    if parsed.country_code == 1:
        national = phonenumbers.national_significant_number(parsed)
        if len(national) == 10:
            return _nanp_result(national)
        return None, NumberClass.INVALID_NANP
    e164 = _valid_e164(parsed)
    if e164 is not None:
        return e164, NumberClass.INTERNATIONAL
    return None, NumberClass.UNPARSEABLE


def _parsed(text: str, default_region: str) -> phonenumbers.PhoneNumber | None:
    """``text`` as phonenumbers reads it, None when it cannot."""
    try:
        return phonenumbers.parse(text, default_region)
    except phonenumbers.NumberParseException:
        return None


def _valid_e164(parsed: phonenumbers.PhoneNumber | None) -> str | None:
    """The E.164 form of a parsed number phonenumbers holds valid, None otherwise."""
    if parsed is None or not phonenumbers.is_valid_number(parsed):
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def normalise(raw: str, default_region: str = "US") -> str | None:
    """E.164 form of ``raw`` (``+12025550123``), or None when it is not a usable number.

    Accepts ``+12025550123``, ``12025550123``, ``2025550123``, ``(202) 555-0123``,
    ``tel:+1-202-555-0123``, ``sip:+12025550123@host;user=phone``, name-addrs and stray
    whitespace. Bare national digits are read in ``default_region``.
    """
    return _analyse(raw, default_region)[0]


def classify(raw: str) -> NumberClass:
    """The :class:`NumberClass` of a presented number. Never raises."""
    return _analyse(raw)[1]


def time_zones(e164: str) -> tuple[str, ...]:
    """IANA time zones the number may be in, from phonenumbers' geographic data.

    Calling-hours checks (47 CFR 64.1200(c)(1): no telephone solicitation before 8 a.m. or
    after 9 p.m. local time at the called party's location) must hold in every zone
    returned; an empty tuple means the location is unknown.
    """
    try:
        parsed = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return ()
    zones = phone_timezone.time_zones_for_number(parsed)
    return tuple(zone for zone in zones if zone != phone_timezone.UNKNOWN_TIMEZONE)


def npa_nxx(e164: str) -> str | None:
    """First six national digits (area code + exchange) of a NANP E.164 number, else None.

    Neighbour spoofing presents a caller ID sharing the callee's NPA-NXX.
    """
    if len(e164) == 12 and e164.startswith("+1") and e164[2:].isdigit():
        return e164[2:8]
    return None


#: NANP members whose numbers are dialled at domestic rates from the US and Canada: the two
#: countries and the US territories. Every other member (Jamaica, the Dominican Republic,
#: Grenada, ...) is a foreign country inside country code 1.
_DOMESTIC_NANP_REGIONS = frozenset({"US", "CA", "PR", "VI", "GU", "AS", "MP"})
#: the NANP's premium-rate area code
_PREMIUM_NANP_AREA_CODE = "900"


@lru_cache(maxsize=1)
def costly_callback_area_codes() -> frozenset[str]:
    """The NANP area codes a callee in the US or Canada pays extra to call back: those of
    NANP members that are foreign countries (phonenumbers' region of each area code), and
    the premium-rate 900.

    A one-ring scam lives on the callbacks it provokes: the missed call's number charges
    the callee, as an international or premium-rate call, and pays the scammer a share
    (FCC 20-171, implementing TRACED Act section 12; the FCC's consumer warnings name the
    Caribbean codes 268, 284, 473, 649, 664, 767, 809, 829, 849 and 876). A number outside
    country code 1 costs as much; see :func:`callback_is_costly`."""
    costly = {_PREMIUM_NANP_AREA_CODE}
    for area_code in range(200, 1000):
        region = phonenumbers.region_code_for_number(
            phonenumbers.parse(f"+1{area_code}2345678", None)
        )
        if region is not None and region not in _DOMESTIC_NANP_REGIONS:
            costly.add(str(area_code))
    return frozenset(costly)


def callback_is_costly(e164: str) -> bool:
    """Whether calling ``e164`` back from the US or Canada costs the callee more than a
    domestic call: a number outside country code 1, or in one of
    :func:`costly_callback_area_codes`. The rule the analysis' scans write in SQL
    (``callwarden.traffic.features.costly_callback_sql``)."""
    if not e164.startswith("+"):
        return False
    if not e164.startswith("+1"):
        return True
    return e164[2:5] in costly_callback_area_codes()


def inspect(raw: str) -> NumberInfo:
    e164, number_class = _analyse(raw)
    zones = time_zones(e164) if e164 is not None else ()
    return NumberInfo(presented=raw, e164=e164, number_class=number_class, time_zones=zones)


# --- vectorised -------------------------------------------------------------------------

_CLASS_VALUES: tuple[str, ...] = tuple(member.value for member in NumberClass)
_CLASS_CODE: dict[NumberClass, int] = {member: code for code, member in enumerate(NumberClass)}
_CLASS_DICTIONARY = pa.array(_CLASS_VALUES, pa.string())


def _match(values: pa.Array, pattern: str) -> np.ndarray:
    matched = pc.match_substring_regex(values, pattern)
    return np.asarray(matched.fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)


#: Clean NANP input whose shape is right: optional +1 or 1, NPA and NXX starting 2-9.
_SHAPED_CLEAN_NANP = r"^(?:\+1|1)?[2-9]\d\d[2-9]\d{6}$"


def _take(values: pa.Array, positions: np.ndarray) -> pa.Array:
    return values.take(pa.array(positions, pa.int64()))


def _scalar_fallback(
    values: pa.Array,
    positions: np.ndarray,
    output: pa.Array,
    codes: np.ndarray | None,
    *,
    keep_presented: bool = True,
) -> pa.Array:
    """Run the scalar path on ``values[positions]`` and write the results into ``output``:
    E.164, else the value as presented (or null without ``keep_presented``)."""
    if not len(positions):
        return output
    replaced: list[str | None] = []
    for offset, value in enumerate(_take(values, positions).to_pylist()):
        e164, number_class = _analyse(value)
        replaced.append(e164 if e164 is not None or not keep_presented else value)
        if codes is not None:
            codes[positions[offset]] = _CLASS_CODE[number_class]
    mask = np.zeros(len(values), bool)
    mask[positions] = True
    return pc.replace_with_mask(output, pa.array(mask), pa.array(replaced, pa.string()))


def _classify_distinct(distinct: pa.Array) -> tuple[pa.Array, np.ndarray]:
    """(E.164-or-as-presented, class codes) for an array of distinct, non-null strings.

    Same rules, same order as :func:`_classify_nanp_national`; the NPA/NXX/line tests
    are arithmetic on the digits, the metadata patterns run as RE2 kernels.
    """
    codes = np.full(len(distinct), -1, dtype=np.int8)
    shaped = _match(distinct, _SHAPED_CLEAN_NANP)
    positions = np.flatnonzero(shaped)
    output: pa.Array = distinct
    if len(positions):
        national = pc.utf8_slice_codeunits(_take(distinct, positions), -10)
        digits = np.asarray(national.cast(pa.int64()).to_numpy(), dtype=np.int64)
        npa, nxx, line = digits // 10**7, digits // 10**4 % 1000, digits % 10**4
        sub = np.full(len(positions), _CLASS_CODE[NumberClass.INVALID_NANP], np.int8)
        # Later assignments take precedence: lowest-precedence rule first.
        sub[_match(national, _ALLOCATED)] = _CLASS_CODE[NumberClass.VALID]
        sub[_match(national, _PREMIUM)] = _CLASS_CODE[NumberClass.PREMIUM]
        sub[_match(national, _TOLL_FREE)] = _CLASS_CODE[NumberClass.TOLL_FREE]
        sub[(nxx == 555) & (line >= 100) & (line <= 199)] = _CLASS_CODE[NumberClass.FICTIONAL]
        sub[(npa % 100 == 11) | (nxx % 100 == 11)] = _CLASS_CODE[NumberClass.INVALID_NANP]
        codes[positions] = sub
        normalised = pc.binary_join_element_wise("+1", national, "")
        output = pc.replace_with_mask(distinct, pa.array(shaped), normalised)
    output = _scalar_fallback(distinct, np.flatnonzero(~shaped), output, codes)
    return output, codes


def _as_string_array(values: pa.Array | pa.ChunkedArray) -> pa.Array:
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks() if values.num_chunks else pa.array([], pa.string())
    if not pa.types.is_string(values.type):
        values = values.cast(pa.string())
    return values


def normalise_column(
    values: pa.Array | pa.ChunkedArray, *, keep_presented: bool = True
) -> pa.StringArray:
    """E.164 where a value normalises, else the value as presented; nulls stay null.
    Without ``keep_presented`` a value that does not normalise becomes null: equal row
    for row to :func:`normalise`.

    For columns that need no class (the called number): no dictionary pass, because such
    columns are mostly distinct; already-E.164 NANP values are left as they are.
    """
    values = _as_string_array(values)
    shaped = _match(values, _SHAPED_CLEAN_NANP)
    lengths = np.asarray(pc.binary_length(values).fill_null(0).to_numpy(), dtype=np.int64)
    output: pa.Array = values
    # Ten bare digits, the common switch form: prefix the whole column once, keep where due.
    ten_digits = shaped & (lengths == 10)
    if ten_digits.any():
        prefixed = pc.binary_join_element_wise("+1", values, "")
        output = pc.if_else(pa.array(ten_digits), prefixed, values)
    # 1 + ten digits: rarer, sliced one by one. +1 + ten digits is already E.164.
    positions = np.flatnonzero(shaped & (lengths == 11))
    if len(positions):
        national = pc.utf8_slice_codeunits(_take(values, positions), -10)
        normalised = pc.binary_join_element_wise("+1", national, "")
        mask = np.zeros(len(values), bool)
        mask[positions] = True
        output = pc.replace_with_mask(output, pa.array(mask), normalised)
    others = ~shaped & np.asarray(pc.is_valid(values).to_numpy(zero_copy_only=False), bool)
    return _scalar_fallback(
        values, np.flatnonzero(others), output, None, keep_presented=keep_presented
    )


def normalise_and_classify(
    values: pa.Array | pa.ChunkedArray,
) -> tuple[pa.StringArray, pa.StringArray]:
    """(E.164 where it normalises else the value as presented, NumberClass value) per row.

    Equal row for row to ``normalise``/``classify`` with the US default region. Nulls stay
    null in the first array and are ``anonymous`` in the second (nothing was presented).
    Works once per distinct value (the column is dictionary-encoded first).
    """
    encoded = _as_string_array(values).dictionary_encode()
    indices = encoded.indices
    distinct_out, codes = _classify_distinct(encoded.dictionary)
    presented = distinct_out.take(indices)
    class_indices = pa.array(codes, pa.int8()).take(indices)
    class_indices = class_indices.fill_null(_CLASS_CODE[NumberClass.ANONYMOUS])
    classes = _CLASS_DICTIONARY.take(class_indices)
    return presented, classes
