"""PASSporT: the signed token of STIR (RFC 8225), with the SHAKEN extension (RFC 8588:
``attest``, ``origid``) and the diversion extension (RFC 8946: ``ppt`` "div").

Pure code, no I/O. :class:`Passport` is the meaning of a token; :func:`encode` turns it
into the full form ``header.payload.signature``; :func:`decode` checks a received token's
structure and claims and returns a :class:`DecodedToken` whose ``signing_input`` is the
exact bytes the peer signed (a signature covers bytes as sent, never a re-serialisation).
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from cryptography.hazmat.primitives.asymmetric import ec

from callwarden.shaken.errors import ShakenError, ShakenErrorCode
from callwarden.shaken.jws import ES256, b64url_decode, b64url_encode, es256_sign

PPT_SHAKEN = "shaken"
PPT_DIV = "div"
TYP_PASSPORT = "passport"
SUPPORTED_PPT = frozenset({PPT_SHAKEN, PPT_DIV})

# RFC 8225 section 5.2.1 / RFC 8224 section 8.3: a canonical TN is digits only (after
# removing visual separators and the leading "+"); '#' and '*' are allowed dial chars.
_TN_CHARS = frozenset("0123456789#*")


class Attestation(StrEnum):
    """RFC 8588 section 4 / ATIS-1000074 section 5.2.3."""

    #: full: the provider knows the customer and the customer may use the number
    A = "A"
    #: partial: the provider knows the customer, not its right to use the number
    B = "B"
    #: gateway: the provider only knows where it received the call
    C = "C"


def canonical_json(value: object) -> str:
    """RFC 8225 section 9: keys in lexicographic order at every level, no whitespace,
    no line breaks; UTF-8 text (non-ASCII is not escaped)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def canonical_tn(number: str) -> str:
    """The RFC 8224 section 8.3 form of a TN: visual separators and '+' removed.

    Raises a CLAIM_INVALID error when what is left is not a telephone number.
    """
    if number.isascii() and number.isdigit() and len(number) <= 15:
        return number  # already canonical: the common case, kept cheap
    digits = "".join(ch for ch in number if ch not in "+-.() ")
    if not digits or not _TN_CHARS.issuperset(digits) or len(digits) > 15:
        raise ShakenError(ShakenErrorCode.CLAIM_INVALID, f"not a telephone number: {number!r}")
    return digits


@dataclass(frozen=True, slots=True)
class Passport:
    """What a PASSporT asserts. TNs are kept in canonical form (digits)."""

    x5u: str
    iat: int
    orig_tn: str
    dest_tns: tuple[str, ...] = ()
    dest_uris: tuple[str, ...] = ()
    ppt: str | None = PPT_SHAKEN
    attest: Attestation | None = None
    origid: str | None = None
    #: RFC 8946 section 3: the number the call was diverted from ("div" claim)
    div_tn: str | None = None
    #: claims this code does not interpret, kept so a re-encoding loses nothing
    other_claims: tuple[tuple[str, Any], ...] = field(default=(), compare=False)

    def header(self) -> dict[str, str]:
        header = {"alg": ES256, "typ": TYP_PASSPORT, "x5u": self.x5u}
        if self.ppt is not None:
            header["ppt"] = self.ppt
        return header

    def claims(self) -> dict[str, Any]:
        # Deterministic form (RFC 8225 section 9): dest values in lexicographic order, so
        # the same call always serialises to the same bytes.
        dest: dict[str, list[str]] = {}
        if self.dest_tns:
            dest["tn"] = sorted(self.dest_tns)
        if self.dest_uris:
            dest["uri"] = sorted(self.dest_uris)
        claims: dict[str, Any] = dict(self.other_claims)
        claims.update({"dest": dest, "iat": self.iat, "orig": {"tn": self.orig_tn}})
        if self.attest is not None:
            claims["attest"] = self.attest.value
        if self.origid is not None:
            claims["origid"] = self.origid
        if self.div_tn is not None:
            claims["div"] = {"tn": self.div_tn}
        return claims


def encode(passport: Passport, private_key: ec.EllipticCurvePrivateKey) -> str:
    """The full form ``header.payload.signature`` (RFC 8225 section 6), canonical JSON."""
    validate(passport)
    signing_input = (
        b64url_encode(canonical_json(passport.header()).encode())
        + "."
        + b64url_encode(canonical_json(passport.claims()).encode())
    )
    signature = es256_sign(private_key, signing_input.encode("ascii"))
    return f"{signing_input}.{b64url_encode(signature)}"


def compact(token: str) -> str:
    """The compact form (RFC 8225 section 7): the payload is left out, the receiver
    rebuilds it from the SIP request."""
    header, _payload, signature = token.split(".")
    return f"{header}..{signature}"


def validate(passport: Passport) -> None:
    """The claim rules of RFC 8225 section 5, RFC 8588 section 6 and RFC 8946 section 3."""
    if not passport.dest_tns and not passport.dest_uris:
        raise ShakenError(ShakenErrorCode.CLAIM_MISSING, "dest has neither tn nor uri")
    if passport.ppt is not None and passport.ppt not in SUPPORTED_PPT:
        raise ShakenError(ShakenErrorCode.PPT_UNSUPPORTED, f"ppt {passport.ppt!r} not supported")
    if passport.ppt == PPT_SHAKEN:
        if passport.attest is None:
            raise ShakenError(ShakenErrorCode.CLAIM_MISSING, "shaken PASSporT without attest")
        if not passport.origid:
            raise ShakenError(ShakenErrorCode.CLAIM_MISSING, "shaken PASSporT without origid")
    if passport.ppt == PPT_DIV and passport.div_tn is None:
        raise ShakenError(ShakenErrorCode.CLAIM_MISSING, "div PASSporT without div claim")


@dataclass(frozen=True, slots=True)
class DecodedToken:
    """A structurally valid received token; the signature is not checked yet."""

    signing_input: bytes
    signature: bytes
    header: dict[str, Any]
    passport: Passport
    is_compact: bool = False


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # Two parsers disagreeing on which duplicate wins is how signed content gets
    # smuggled (RFC 7515 section 4: duplicate header names MUST be rejected).
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        dupes = [k for k, _ in pairs if k in seen or seen.add(k)]  # type: ignore[func-returns-value]
        raise ShakenError(ShakenErrorCode.PASSPORT_MALFORMED, f"duplicate JSON key(s) {dupes}")
    return result


def _reject_constant(name: str) -> Any:
    raise ShakenError(ShakenErrorCode.PASSPORT_MALFORMED, f"JSON constant {name} not allowed")


# One decoder for every token: json.loads with arguments builds a new one per call.
_DECODER = json.JSONDecoder(object_pairs_hook=_no_duplicate_keys, parse_constant=_reject_constant)


def _load_object(data: bytes, what: str) -> dict[str, Any]:
    try:
        value = _DECODER.decode(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ShakenError(
            ShakenErrorCode.PASSPORT_MALFORMED, f"{what} is not JSON: {error}"
        ) from None
    if not isinstance(value, dict):
        raise ShakenError(
            ShakenErrorCode.PASSPORT_MALFORMED, f"{what} is not a JSON object: {value!r}"
        )
    return value


def decode(
    token: str,
    *,
    compact_claims: Passport | Callable[[dict[str, Any]], Passport] | None = None,
) -> DecodedToken:
    """Split, base64url-decode and check a token's header and claims.

    A compact-form token (``header..signature``) needs ``compact_claims``: the PASSporT
    the receiver rebuilt from the SIP request (RFC 8224 section 6.2.2), or a function
    that rebuilds it from the token's (checked) protected header.
    """
    parts = token.split(".")
    if len(parts) != 3 or not parts[0] or not parts[2]:
        raise ShakenError(
            ShakenErrorCode.PASSPORT_MALFORMED,
            f"a PASSporT has three dot-separated parts, got {len(parts)}",
        )
    header_b64, payload_b64, signature_b64 = parts
    header = _decode_header(header_b64)
    if payload_b64:
        payload = b64url_decode(payload_b64, what="PASSporT payload")
        passport = _canonical_shaken(header, payload) or passport_from_json(
            header, _load_object(payload, "payload")
        )
        is_compact = False
    else:
        if compact_claims is None:
            raise ShakenError(
                ShakenErrorCode.PASSPORT_MALFORMED,
                "compact-form PASSporT and no SIP request claims to rebuild it from",
            )
        passport = compact_claims(header) if callable(compact_claims) else compact_claims
        validate(passport)
        payload_b64 = b64url_encode(canonical_json(passport.claims()).encode())
        is_compact = True
    signature = b64url_decode(signature_b64, what="PASSporT signature")
    if len(signature) != 64:
        raise ShakenError(
            ShakenErrorCode.SIGNATURE_INVALID,
            f"an ES256 signature is 64 bytes (R || S), got {len(signature)}",
        )
    return DecodedToken(
        signing_input=f"{header_b64}.{payload_b64}".encode("ascii"),
        signature=signature,
        header=header,
        passport=passport,
        is_compact=is_compact,
    )


@functools.lru_cache(maxsize=1024)
def _decode_header(header_b64: str) -> dict[str, Any]:
    """A checked protected header. Every token from one signer carries the same header,
    so decoding it once per distinct value saves work on every call; callers must
    treat the returned dict as read-only."""
    header = _load_object(b64url_decode(header_b64, what="PASSporT header"), "PASSporT header")
    check_header(header)
    return header


def check_header(header: dict[str, Any]) -> None:
    """RFC 8225 section 4 and RFC 7515 section 4.1.11: ES256 only, typ passport, no
    critical extension we do not understand."""
    alg = header.get("alg")
    if alg != ES256:
        raise ShakenError(ShakenErrorCode.ALG_UNSUPPORTED, f"alg {alg!r} refused: only ES256")
    if header.get("typ") != TYP_PASSPORT:
        raise ShakenError(
            ShakenErrorCode.TYP_INVALID, f"typ must be 'passport', got {header.get('typ')!r}"
        )
    x5u = header.get("x5u")
    if not isinstance(x5u, str) or not x5u:
        raise ShakenError(ShakenErrorCode.CLAIM_MISSING, "header has no x5u")
    ppt = header.get("ppt")
    if ppt is not None and ppt not in SUPPORTED_PPT:
        raise ShakenError(ShakenErrorCode.PPT_UNSUPPORTED, f"ppt {ppt!r} not supported")
    crit = header.get("crit")
    if crit is not None:
        raise ShakenError(ShakenErrorCode.PASSPORT_MALFORMED, f"crit {crit!r} not understood")


def _tn_object(claims: dict[str, Any], name: str) -> dict[str, Any]:
    value = claims.get(name)
    if value is None:
        raise ShakenError(ShakenErrorCode.CLAIM_MISSING, f"claim {name!r} missing")
    if not isinstance(value, dict):
        raise ShakenError(
            ShakenErrorCode.CLAIM_INVALID,
            f'claim {name!r} must be an object like {{"tn": ...}}, got {value!r}',
        )
    return value


def _tn_string(value: Any, where: str) -> str:
    if type(value) is str and value.isascii() and value.isdigit() and len(value) <= 15:
        return value  # canonical already: the hot path
    if not isinstance(value, str):
        raise ShakenError(ShakenErrorCode.CLAIM_INVALID, f"{where} must be a string: {value!r}")
    try:
        return canonical_tn(value)
    except ShakenError as error:
        raise ShakenError(ShakenErrorCode.CLAIM_INVALID, f"{where}: {error.detail}") from None


def _string_list(value: Any, where: str) -> list[Any]:
    # RFC 8225 section 5.2.1: dest values are arrays. Some peers send one bare string;
    # the signature covers what they sent, so reading it as a one-element list is safe.
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not value:
        raise ShakenError(
            ShakenErrorCode.CLAIM_INVALID, f"{where} must be a non-empty array: {value!r}"
        )
    return value


_ATTESTATIONS = {a.value: a for a in Attestation}
_KNOWN_CLAIMS = frozenset({"iat", "orig", "dest", "attest", "origid", "div"})


# The canonical form (RFC 8225 section 9) of the usual SHAKEN payload: one dest TN,
# canonical TNs, an origid without JSON escapes. Every value is pinned to a form whose
# JSON meaning is unambiguous (no escapes, no duplicates possible, one number syntax),
# so a match means exactly what passport_from_json would read; everything else,
# including any other key order or spacing, takes the general path.
_CANONICAL_SHAKEN = re.compile(
    rb'\{"attest":"([ABC])","dest":\{"tn":\["([0-9]{1,15})"\]\},"iat":(0|[1-9][0-9]{0,11}),'
    rb'"orig":\{"tn":"([0-9]{1,15})"\},"origid":"([A-Za-z0-9._:-]{1,128})"\}'
)


def _canonical_shaken(header: dict[str, Any], payload: bytes) -> Passport | None:
    """The PASSporT of a canonical single-destination SHAKEN payload, without a JSON
    parse; None when the payload has any other form."""
    if header.get("ppt") != PPT_SHAKEN:
        return None
    match = _CANONICAL_SHAKEN.fullmatch(payload)
    if match is None:
        return None
    attest, dest, iat, orig, origid = match.groups()
    return Passport(
        x5u=header["x5u"],
        iat=int(iat),
        orig_tn=orig.decode("ascii"),
        dest_tns=(dest.decode("ascii"),),
        ppt=PPT_SHAKEN,
        attest=_ATTESTATIONS[attest.decode("ascii")],
        origid=origid.decode("ascii"),
    )


def passport_from_json(header: dict[str, Any], claims: dict[str, Any]) -> Passport:
    """Build a :class:`Passport` from decoded JSON, naming the claim that is wrong."""
    iat = claims.get("iat")
    if iat is None:
        raise ShakenError(ShakenErrorCode.CLAIM_MISSING, "claim 'iat' missing")
    # Some peers send iat as a string of digits; accept that, nothing looser.
    if isinstance(iat, str) and iat.isascii() and iat.isdigit():
        iat = int(iat)
    if isinstance(iat, bool) or not isinstance(iat, int) or iat < 0:
        raise ShakenError(ShakenErrorCode.CLAIM_INVALID, f"iat must be a NumericDate: {iat!r}")

    orig = _tn_object(claims, "orig")
    if "tn" not in orig:
        raise ShakenError(ShakenErrorCode.CLAIM_INVALID, f"orig has no tn: {orig!r}")
    orig_tn = _tn_string(orig["tn"], "orig.tn")

    dest = _tn_object(claims, "dest")
    dest_tns = (
        tuple(_tn_string(tn, "dest.tn") for tn in _string_list(dest.get("tn", []), "dest.tn"))
        if "tn" in dest
        else ()
    )
    dest_uris: tuple[str, ...] = ()
    if "uri" in dest:
        uris = _string_list(dest["uri"], "dest.uri")
        if not all(isinstance(uri, str) for uri in uris):
            raise ShakenError(ShakenErrorCode.CLAIM_INVALID, f"dest.uri: {uris!r}")
        dest_uris = tuple(uris)
    if not dest_tns and not dest_uris:
        raise ShakenError(ShakenErrorCode.CLAIM_MISSING, "dest has neither tn nor uri")

    ppt = header.get("ppt")
    attest: Attestation | None = None
    if "attest" in claims:
        attest = _ATTESTATIONS.get(claims["attest"]) if type(claims["attest"]) is str else None
        if attest is None:
            raise ShakenError(
                ShakenErrorCode.ATTEST_INVALID, f"attest must be A, B or C: {claims['attest']!r}"
            )
    origid = claims.get("origid")
    if origid is not None and (not isinstance(origid, str) or not origid):
        raise ShakenError(ShakenErrorCode.CLAIM_INVALID, f"origid: {origid!r}")
    div_tn: str | None = None
    if "div" in claims:
        div = _tn_object(claims, "div")
        if "tn" not in div:
            raise ShakenError(ShakenErrorCode.CLAIM_INVALID, f"div has no tn: {div!r}")
        div_tn = _tn_string(div["tn"], "div.tn")

    extra = claims.keys() - _KNOWN_CLAIMS
    passport = Passport(
        x5u=header["x5u"],
        iat=iat,
        orig_tn=orig_tn,
        dest_tns=dest_tns,
        dest_uris=dest_uris,
        ppt=ppt,
        attest=attest,
        origid=origid,
        div_tn=div_tn,
        other_claims=tuple(sorted((k, claims[k]) for k in extra)) if extra else (),
    )
    validate(passport)
    return passport


def shaken_passport(
    *,
    x5u: str,
    iat: int,
    orig_tn: str,
    dest_tns: Sequence[str],
    attest: Attestation,
    origid: str,
) -> Passport:
    """A SHAKEN PASSporT with its TNs canonicalised (RFC 8588 section 6)."""
    return Passport(
        x5u=x5u,
        iat=iat,
        orig_tn=canonical_tn(orig_tn),
        dest_tns=tuple(canonical_tn(tn) for tn in dest_tns),
        ppt=PPT_SHAKEN,
        attest=attest,
        origid=origid,
    )


def div_passport(
    *, x5u: str, iat: int, orig_tn: str, dest_tns: Sequence[str], div_tn: str
) -> Passport:
    """A "div" PASSporT (RFC 8946 section 3) for a call being retargeted: ``orig`` is the
    original caller, ``dest`` the new target, ``div`` the number the call was diverted
    from. It carries no attest or origid: those belong to the original SHAKEN PASSporT."""
    return Passport(
        x5u=x5u,
        iat=iat,
        orig_tn=canonical_tn(orig_tn),
        dest_tns=tuple(canonical_tn(tn) for tn in dest_tns),
        ppt=PPT_DIV,
        div_tn=canonical_tn(div_tn),
    )
