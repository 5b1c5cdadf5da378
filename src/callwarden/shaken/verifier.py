"""The verification service (RFC 8224 section 6.2, ATIS-1000074 section 5.3): decide
whether a received Identity header vouches for the call, and say why when it does not.

The order of checks puts cheap, local ones first (header syntax, PASSporT claims, iat,
numbers) and the expensive ones (certificate retrieval and path, ECDSA) after, so junk is
refused without a network fetch or a signature operation. Replay is recorded only after
the signature verifies: otherwise anyone could poison the cache with forged tokens.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, Protocol

from cryptography import x509

from callwarden.numbers import normalise
from callwarden.shaken.certificates import (
    TrustStore,
    ValidatedCredential,
    crl_urls,
    load_certificates,
    validate_chain,
)
from callwarden.shaken.errors import ShakenError, ShakenErrorCode, rejection_for
from callwarden.shaken.identity import parse_identity
from callwarden.shaken.jws import ES256, es256_replay_key, es256_verify
from callwarden.shaken.passport import (
    PPT_DIV,
    PPT_SHAKEN,
    Attestation,
    DecodedToken,
    Passport,
    decode,
)


class Verstat(StrEnum):
    """The verification status of 3GPP TS 24.229 section 7.2A.20 / ATIS-1000074."""

    PASSED = "TN-Validation-Passed"
    FAILED = "TN-Validation-Failed"
    NO_VALIDATION = "No-TN-Validation"


class CertificateSource(Protocol):
    """Where certificates named by an x5u come from (the network, a local file)."""

    def certificates(self, url: str) -> list[x509.Certificate]:
        """Leaf first, then any intermediates. Raises ShakenError (436 family)."""
        ...


class CrlSource(Protocol):
    def crl(self, url: str) -> x509.CertificateRevocationList:
        """Raises ShakenError (CRL_UNAVAILABLE / CRL_INVALID)."""
        ...


@dataclass
class StaticCertificates:
    """Certificates given up front, by x5u URL (the CLI's ``--cert``, tests, a lab)."""

    by_url: Mapping[str, bytes]
    fallback: bytes | None = None

    def certificates(self, url: str) -> list[x509.Certificate]:
        data = self.by_url.get(url, self.fallback)
        if data is None:
            raise ShakenError(ShakenErrorCode.X5U_FETCH_FAILED, f"no certificate known for {url}")
        return load_certificates(data, source=url)


@dataclass
class StaticCrls:
    crls: Sequence[x509.CertificateRevocationList]

    def crl(self, url: str) -> x509.CertificateRevocationList:
        raise ShakenError(ShakenErrorCode.CRL_UNAVAILABLE, f"CRL {url} not fetched (static)")


class ReplayCache:
    """PASSporTs seen recently, keyed by signature (RFC 8224 section 12.1: replay).

    A token can pass the freshness check for at most 2 x window after it arrives (iat up
    to ``window`` in the future), so entries live that long; arrival order is expiry
    order, so purging from the front is exact. Memory is bounded by ``capacity``: past
    it the oldest entries go first (size it to peak calls/s x 2 x window).
    """

    def __init__(self, window_seconds: float, capacity: int = 200_000) -> None:
        self._ttl = 2 * window_seconds
        self._capacity = capacity
        self._seen: OrderedDict[bytes, float] = OrderedDict()

    def __len__(self) -> int:
        return len(self._seen)

    def check_and_record(self, key: bytes, now: float) -> bool:
        """True if ``key`` was already seen within its lifetime; records it otherwise."""
        seen = self._seen
        while seen:
            oldest_key, expires = next(iter(seen.items()))
            if expires > now:
                break
            del seen[oldest_key]
        if key in seen:
            return True
        if len(seen) >= self._capacity:
            seen.popitem(last=False)
        seen[key] = now + self._ttl
        return False


@dataclass(frozen=True)
class VerifierPolicy:
    #: RFC 8224 section 6.2.2 recommends 60 s; applied both to past and future iat
    freshness_seconds: int = 60
    #: check CRLs named by CRL Distribution Points (needs a CrlSource) or given up front
    check_crls: bool = True
    #: fail when a certificate's issuer published no CRL we could read
    require_crl: bool = False
    #: re-check a validated certificate path at least this often
    credential_cache_seconds: float = 300.0
    credential_cache_size: int = 4096
    #: refuse PASSporTs whose ppt is not "shaken" (base or div ones are otherwise accepted)
    require_shaken: bool = True


@dataclass(frozen=True)
class Verdict:
    verstat: Verstat
    code: ShakenErrorCode | None = None
    message: str = ""
    passport: Passport | None = None
    credential_subject: str | None = None
    spcs: tuple[str, ...] = field(default=())
    #: the verified "div" PASSporTs of a retargeted call, in order (verify_diverted)
    diversions: tuple[Passport, ...] = field(default=())

    @property
    def passed(self) -> bool:
        return self.verstat is Verstat.PASSED

    @property
    def sip_status(self) -> int | None:
        return None if self.code is None else rejection_for(self.code).status

    @property
    def sip_phrase(self) -> str | None:
        return None if self.code is None else rejection_for(self.code).phrase

    @property
    def reason_header(self) -> str | None:
        if self.code is None:
            return None
        return rejection_for(self.code).reason_header(self.code, self.message)

    def to_json(self) -> dict[str, Any]:
        passport = self.passport
        return {
            "verstat": self.verstat.value,
            "passed": self.passed,
            "code": None if self.code is None else self.code.value,
            "message": self.message,
            "sip_status": self.sip_status,
            "sip_reason": self.reason_header,
            "attest": None
            if passport is None or passport.attest is None
            else passport.attest.value,
            "origid": None if passport is None else passport.origid,
            "orig_tn": None if passport is None else passport.orig_tn,
            "dest_tns": None if passport is None else list(passport.dest_tns),
            "iat": None if passport is None else passport.iat,
            "x5u": None if passport is None else passport.x5u,
            "certificate": self.credential_subject,
            "spcs": list(self.spcs),
            "diverted_from": [p.div_tn for p in self.diversions],
        }


def _number_keys(number: str | None, *, from_passport: bool = False) -> set[str]:
    """The forms under which a number matches: its E.164 (callwarden.numbers.normalise,
    so a national "2155550123", a tel/sip URI and "+1 215..." agree) and its canonical
    digit string (RFC 8224 section 8.3) for numbers normalise cannot place."""
    if not number:
        return set()
    keys: set[str] = set()
    # A PASSporT TN is E.164 without the "+" (RFC 8224 section 8.3).
    e164 = normalise("+" + number if from_passport else number)
    if e164:
        keys.add(e164)
    digits = number.removeprefix("+")
    if digits.isascii() and digits.isdigit():
        keys.add(digits)
    return keys


def _number_matches(passport_tn: str, presented: tuple[str | None, ...]) -> bool:
    """Whether a PASSporT TN names one of the numbers the SIP request presents."""
    for number in presented:
        # Hot path: the request carries the same digits, with or without "+".
        if number is not None and number.removeprefix("+") == passport_tn:
            return True
    wanted = _number_keys(passport_tn, from_passport=True)
    return any(wanted & _number_keys(number) for number in presented)


def _request_tn(number: str | None, what: str) -> str:
    e164 = normalise(number) if number else None
    if e164 is None:
        raise ShakenError(
            ShakenErrorCode.CLAIM_MISSING,
            f"compact PASSporT: the request has no usable {what} number ({number!r})",
        )
    return e164.removeprefix("+")


def _rebuild_compact(
    header: dict[str, Any], orig: str | None, dest: str | None, date: int | None
) -> Passport:
    """The claims of a compact-form PASSporT, from the SIP request (RFC 8224 s. 6.2.2).

    Only base claims can be rebuilt: a SHAKEN PASSporT's attest and origid are not in the
    request, so a compact SHAKEN token ends in CLAIM_MISSING.
    """
    if date is None:
        raise ShakenError(
            ShakenErrorCode.CLAIM_MISSING,
            "compact PASSporT: iat comes from the request's Date header, which is absent",
        )
    return Passport(
        x5u=header["x5u"],
        iat=date,
        orig_tn=_request_tn(orig, "calling"),
        dest_tns=(_request_tn(dest, "called"),),
        ppt=header.get("ppt"),
    )


def _fail(code: ShakenErrorCode, message: str, passport: Passport | None = None) -> Verdict:
    verstat = Verstat.NO_VALIDATION if code is ShakenErrorCode.IDENTITY_MISSING else Verstat.FAILED
    return Verdict(verstat=verstat, code=code, message=message, passport=passport)


class Verifier:
    """Verifies Identity headers against a trust store; keeps validated certificates and
    recently seen PASSporTs in memory."""

    def __init__(
        self,
        trust: TrustStore,
        certificates: CertificateSource,
        *,
        policy: VerifierPolicy | None = None,
        crls: CrlSource | None = None,
        static_crls: Sequence[x509.CertificateRevocationList] = (),
        replay: ReplayCache | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.trust = trust
        self.policy = policy or VerifierPolicy()
        self._certificates = certificates
        self._crl_source = crls
        self._static_crls = tuple(static_crls)
        self._replay = replay or ReplayCache(self.policy.freshness_seconds)
        self._clock = clock
        self._credentials: OrderedDict[str, tuple[float, ValidatedCredential | ShakenError]] = (
            OrderedDict()
        )

    def verify(
        self,
        identity: str | None,
        *,
        from_tn: str | None,
        to_tn: str | None,
        pai_tn: str | None = None,
        request_uri_tn: str | None = None,
        date: int | None = None,
    ) -> Verdict:
        """Verify one Identity header value for a call From/PAI -> To/Request-URI.

        ``date`` is the request's Date header as a POSIX time: a compact-form PASSporT
        takes its ``iat`` from it (RFC 8224 section 4.1).
        """
        try:
            return self._verify(
                identity,
                from_tn=from_tn,
                to_tn=to_tn,
                pai_tn=pai_tn,
                request_uri_tn=request_uri_tn,
                date=date,
            )
        except ShakenError as error:
            return _fail(error.code, error.detail)

    def _verify(
        self,
        identity: str | None,
        *,
        from_tn: str | None,
        to_tn: str | None,
        pai_tn: str | None,
        request_uri_tn: str | None,
        date: int | None = None,
    ) -> Verdict:
        if identity is None or not identity.strip():
            return _fail(ShakenErrorCode.IDENTITY_MISSING, "no Identity header")
        ppt = PPT_SHAKEN if self.policy.require_shaken else None
        return self._verify_one(
            identity,
            origins=(pai_tn, from_tn),
            destinations=(to_tn, request_uri_tn),
            date=date,
            ppt=ppt,
        )

    def _verify_one(
        self,
        identity: str,
        *,
        origins: tuple[str | None, str | None],
        destinations: tuple[str | None, ...],
        date: int | None,
        ppt: str | None,
        dest_names: str = "To nor Request-URI",
    ) -> Verdict:
        """Every check of one Identity header value. ``origins`` are (PAI, From) and
        ``destinations`` the numbers a dest TN may name; ``ppt`` the PASSporT type
        required (None: any supported one)."""
        header = parse_identity(identity)
        if header.alg is not None and header.alg != ES256:
            return _fail(ShakenErrorCode.ALG_UNSUPPORTED, f"alg={header.alg}: only ES256")
        decoded = decode(
            header.token,
            compact_claims=lambda protected: _rebuild_compact(
                protected,
                origins[0] or origins[1],
                next((tn for tn in destinations if tn), None),
                date,
            ),
        )
        passport = decoded.passport
        if header.ppt is not None and header.ppt != (passport.ppt or ""):
            return _fail(
                ShakenErrorCode.PARAMETER_MISMATCH,
                f"ppt={header.ppt} in the header, {passport.ppt!r} in the PASSporT",
                passport,
            )
        if ppt is not None and passport.ppt != ppt:
            return _fail(
                ShakenErrorCode.PPT_UNSUPPORTED,
                f"ppt {passport.ppt!r}: a {ppt!r} PASSporT is required here",
                passport,
            )
        if header.info != passport.x5u:
            # ATIS-1000074 section 5.3.1: info and x5u must name the same certificate.
            return _fail(
                ShakenErrorCode.PARAMETER_MISMATCH,
                f"info <{header.info}> differs from x5u {passport.x5u}",
                passport,
            )
        now = self._clock()
        age = now - passport.iat
        window = self.policy.freshness_seconds
        if age > window:
            return _fail(
                ShakenErrorCode.IAT_STALE, f"iat is {age:.0f} s old (limit {window} s)", passport
            )
        if -age > window:
            return _fail(
                ShakenErrorCode.IAT_FUTURE,
                f"iat is {-age:.0f} s in the future (limit {window} s)",
                passport,
            )
        if not _number_matches(passport.orig_tn, origins):
            return _fail(
                ShakenErrorCode.ORIG_MISMATCH,
                f"orig.tn {passport.orig_tn} matches neither P-Asserted-Identity nor From "
                f"({origins[0]!r}, {origins[1]!r})",
                passport,
            )
        if not any(_number_matches(tn, destinations) for tn in passport.dest_tns):
            return _fail(
                ShakenErrorCode.DEST_MISMATCH,
                f"dest.tn {list(passport.dest_tns)} matches neither {dest_names} "
                f"({', '.join(repr(d) for d in destinations)})",
                passport,
            )
        return self._check_credential_and_signature(decoded, now)

    def verify_diverted(
        self,
        identities: Sequence[str],
        *,
        from_tn: str | None,
        to_tn: str | None,
        pai_tn: str | None = None,
        request_uri_tn: str | None = None,
        date: int | None = None,
    ) -> Verdict:
        """Verify a retargeted call: the original SHAKEN PASSporT first, then one "div"
        PASSporT per diversion, in order (RFC 8946 section 4.2).

        Each token passes every check :meth:`verify` makes; the chain must also hold
        together: each "div" PASSporT keeps the original ``orig``, its ``div`` names a
        ``dest`` of the PASSporT before it, and only the last one's ``dest`` must be the
        To or Request-URI number. The verdict is the original PASSporT's (its attestation)
        or the first failure.
        """
        try:
            return self._verify_diverted(
                identities,
                origins=(pai_tn, from_tn),
                destinations=(to_tn, request_uri_tn),
                date=date,
            )
        except ShakenError as error:
            return _fail(error.code, error.detail)

    def _verify_diverted(
        self,
        identities: Sequence[str],
        *,
        origins: tuple[str | None, str | None],
        destinations: tuple[str | None, str | None],
        date: int | None,
    ) -> Verdict:
        values = [value for value in identities if value and value.strip()]
        if not values:
            return _fail(ShakenErrorCode.IDENTITY_MISSING, "no Identity header")
        # Structure first, signatures after: each token's dest is checked against the
        # next token's div, so every div must be read before anything is verified.
        diversions: list[Passport] = []
        for position, value in enumerate(values[1:], start=2):
            try:
                diversion = decode(parse_identity(value).token).passport
            except ShakenError as error:
                return _fail(error.code, f"Identity {position} of {len(values)}: {error.detail}")
            diversions.append(diversion)
            if diversion.ppt != PPT_DIV:
                return _fail(
                    ShakenErrorCode.PPT_UNSUPPORTED,
                    f"Identity {position} of {len(values)}: ppt {diversion.ppt!r}, "
                    "a 'div' PASSporT is required after the first",
                    diversion,
                )
        verdicts: list[Verdict] = []
        for position, value in enumerate(values):
            ppt = PPT_SHAKEN if position == 0 else PPT_DIV
            if position + 1 < len(values):
                div_tn = diversions[position].div_tn
                allowed: tuple[str | None, ...] = (div_tn,)
                names = f"the div of Identity {position + 2}"
            else:
                allowed, names = destinations, "To nor Request-URI"
            try:
                verdict = self._verify_one(
                    value,
                    origins=origins,
                    destinations=allowed,
                    date=date,
                    ppt=ppt,
                    dest_names=names,
                )
            except ShakenError as error:
                verdict = _fail(error.code, error.detail)
            if not verdict.passed:
                code = verdict.code or ShakenErrorCode.IDENTITY_MALFORMED
                if code is ShakenErrorCode.DEST_MISMATCH and position + 1 < len(values):
                    code = ShakenErrorCode.DIV_MISMATCH
                return _fail(
                    code,
                    f"Identity {position + 1} of {len(values)}: {verdict.message}",
                    verdict.passport,
                )
            verdicts.append(verdict)
        original = verdicts[0]
        assert original.passport is not None  # a passed verdict carries its PASSporT
        for position, verdict in enumerate(verdicts[1:], start=2):
            # RFC 8946 section 3: a "div" PASSporT keeps the orig of the call it diverts.
            if verdict.passport is not None and verdict.passport.orig_tn != (
                original.passport.orig_tn
            ):
                return _fail(
                    ShakenErrorCode.DIV_MISMATCH,
                    f"Identity {position} of {len(values)}: orig.tn "
                    f"{verdict.passport.orig_tn} differs from the original's "
                    f"{original.passport.orig_tn}",
                    verdict.passport,
                )
        return Verdict(
            verstat=Verstat.PASSED,
            passport=original.passport,
            credential_subject=original.credential_subject,
            spcs=original.spcs,
            diversions=tuple(v.passport for v in verdicts[1:] if v.passport is not None),
        )

    def _check_credential_and_signature(self, decoded: DecodedToken, now: float) -> Verdict:
        passport = decoded.passport
        try:
            credential = self.credential(passport.x5u, now)
        except ShakenError as error:
            return _fail(error.code, error.detail, passport)
        if not es256_verify(credential.public_key, decoded.signing_input, decoded.signature):
            return _fail(
                ShakenErrorCode.SIGNATURE_INVALID,
                "signature does not verify with the x5u certificate",
                passport,
            )
        tn_auth = credential.tn_auth_list
        spcs = credential.spcs
        # RFC 8226 section 9 / ATIS-1000080: an SPC entry authorises the provider for its
        # numbers (which ones is the number-portability database's business, not the
        # certificate's); TN and range entries must list the number signed for: the
        # calling number, or for a "div" PASSporT the number the call was diverted from,
        # which the retargeting provider holds (RFC 8946 section 4.2).
        if passport.ppt == PPT_DIV and passport.div_tn is not None:
            covered, what = passport.div_tn, "div.tn"
        else:
            covered, what = passport.orig_tn, "orig.tn"
        if not spcs and not tn_auth.covers_tn(covered):
            return _fail(
                ShakenErrorCode.TN_NOT_AUTHORISED,
                f"certificate TNAuthList does not cover {what} {covered}",
                passport,
            )
        if self._replay.check_and_record(es256_replay_key(decoded.signature), now):
            return _fail(
                ShakenErrorCode.REPLAYED,
                f"this PASSporT was already seen within {2 * self.policy.freshness_seconds} s",
                passport,
            )
        return Verdict(
            verstat=Verstat.PASSED,
            passport=passport,
            credential_subject=credential.subject,
            spcs=spcs,
        )

    def credential(self, x5u: str, now: float | None = None) -> ValidatedCredential:
        """The validated certificate behind ``x5u``, from the cache when still fresh.

        Failures are cached too, for a short time, so a bad x5u cannot make every call
        pay for a fetch and a path validation.
        """
        moment = self._clock() if now is None else now
        cached = self._credentials.get(x5u)
        if cached is not None and cached[0] > moment:
            self._credentials.move_to_end(x5u)
            result = cached[1]
            if isinstance(result, ShakenError):
                raise result
            return result
        try:
            result = self._validate(x5u, moment)
            expires = min(
                moment + self.policy.credential_cache_seconds, result.not_after.timestamp()
            )
        except ShakenError as error:
            result = error
            expires = moment + min(30.0, self.policy.credential_cache_seconds)
        self._credentials[x5u] = (expires, result)
        self._credentials.move_to_end(x5u)
        while len(self._credentials) > self.policy.credential_cache_size:
            self._credentials.popitem(last=False)
        if isinstance(result, ShakenError):
            raise result
        return result

    def _validate(self, x5u: str, now: float) -> ValidatedCredential:
        certificates = self._certificates.certificates(x5u)
        leaf, intermediates = certificates[0], certificates[1:]
        crls = list(self._static_crls)
        if self.policy.check_crls and self._crl_source is not None:
            for certificate in certificates:
                for url in crl_urls(certificate):
                    try:
                        crls.append(self._crl_source.crl(url))
                    except ShakenError:
                        if self.policy.require_crl:
                            raise
        return validate_chain(
            leaf,
            intermediates,
            self.trust,
            at=datetime.fromtimestamp(now, UTC),
            crls=crls if self.policy.check_crls else (),
            require_crl=self.policy.require_crl,
        )


def verify_attestation(verdict: Verdict) -> Attestation | None:
    """The attestation a passed verdict vouches for (None when it did not pass)."""
    if not verdict.passed or verdict.passport is None:
        return None
    return verdict.passport.attest
