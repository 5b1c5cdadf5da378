"""TNAuthList (RFC 8226 section 9, ATIS-1000080): which numbers a SHAKEN certificate may
sign for, as a small strict DER encoder and decoder.

The ASN.1 module of RFC 8226 uses EXPLICIT tags::

    TNAuthorizationList ::= SEQUENCE SIZE (1..MAX) OF TNEntry
    TNEntry ::= CHOICE {
      spc   [0] ServiceProviderCode,
      range [1] TelephoneNumberRange,
      one   [2] TelephoneNumber }
    ServiceProviderCode ::= IA5String
    TelephoneNumberRange ::= SEQUENCE { start TelephoneNumber, count INTEGER (2..MAX), ... }
    TelephoneNumber ::= IA5String (SIZE (1..15)) (FROM ("0123456789#*"))

The decoder accepts DER only (definite, minimal lengths, no trailing bytes): the value
comes from an untrusted certificate.
"""

from __future__ import annotations

from dataclasses import dataclass

from cryptography import x509

from callwarden.shaken.errors import ShakenError, ShakenErrorCode

#: id-pe-TNAuthList (RFC 8226 section 9)
TN_AUTH_LIST_OID = x509.ObjectIdentifier("1.3.6.1.5.5.7.1.26")

_SEQUENCE = 0x30
_INTEGER = 0x02
_IA5STRING = 0x16
_SPC_TAG = 0xA0
_RANGE_TAG = 0xA1
_ONE_TAG = 0xA2
_TN_CHARS = frozenset("0123456789#*")
MAX_SPC_LENGTH = 64  # far above real OCN-style codes (4 characters), bounds parsing


@dataclass(frozen=True, slots=True)
class ServiceProviderCode:
    code: str


@dataclass(frozen=True, slots=True)
class TelephoneNumber:
    tn: str


@dataclass(frozen=True, slots=True)
class TelephoneNumberRange:
    start: str
    count: int

    def covers(self, tn: str) -> bool:
        # A range runs over numbers of the start's length (RFC 8226 section 9).
        if len(tn) != len(self.start) or not tn.isdigit() or not self.start.isdigit():
            return False
        offset = int(tn) - int(self.start)
        return 0 <= offset < self.count


TnEntry = ServiceProviderCode | TelephoneNumber | TelephoneNumberRange


@dataclass(frozen=True, slots=True)
class TnAuthList:
    entries: tuple[TnEntry, ...]

    @property
    def spcs(self) -> tuple[str, ...]:
        return tuple(e.code for e in self.entries if isinstance(e, ServiceProviderCode))

    def covers_tn(self, tn: str) -> bool:
        """True when a TN or range entry lists ``tn`` (canonical digits)."""
        for entry in self.entries:
            if isinstance(entry, TelephoneNumber) and entry.tn == tn:
                return True
            if isinstance(entry, TelephoneNumberRange) and entry.covers(tn):
                return True
        return False


def _malformed(message: str) -> ShakenError:
    return ShakenError(ShakenErrorCode.TNAUTHLIST_MALFORMED, message)


# ---------------------------------------------------------------- encoding


def _length(n: int) -> bytes:
    if n < 0x80:
        return bytes([n])
    body = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(body)]) + body


def _tlv(tag: int, body: bytes) -> bytes:
    return bytes([tag]) + _length(len(body)) + body


def _ia5(text: str) -> bytes:
    return _tlv(_IA5STRING, text.encode("ascii"))


def _integer(value: int) -> bytes:
    body = value.to_bytes(value.bit_length() // 8 + 1, "big", signed=True)
    return _tlv(_INTEGER, body)


def _check_tn(tn: str) -> None:
    if not 1 <= len(tn) <= 15 or not _TN_CHARS.issuperset(tn):
        raise _malformed(f"TelephoneNumber must be 1-15 of 0-9#*: {tn!r}")


def encode_tn_auth_list(tn_auth_list: TnAuthList) -> bytes:
    """DER of a TNAuthorizationList (the extnValue contents)."""
    if not tn_auth_list.entries:
        raise _malformed("a TNAuthList has at least one entry")
    body = b""
    for entry in tn_auth_list.entries:
        if isinstance(entry, ServiceProviderCode):
            if not entry.code or len(entry.code) > MAX_SPC_LENGTH or not entry.code.isascii():
                raise _malformed(f"bad service provider code {entry.code!r}")
            body += _tlv(_SPC_TAG, _ia5(entry.code))
        elif isinstance(entry, TelephoneNumberRange):
            _check_tn(entry.start)
            if entry.count < 2:
                raise _malformed(f"range count must be >= 2: {entry.count}")
            body += _tlv(_RANGE_TAG, _tlv(_SEQUENCE, _ia5(entry.start) + _integer(entry.count)))
        else:
            _check_tn(entry.tn)
            body += _tlv(_ONE_TAG, _ia5(entry.tn))
    return _tlv(_SEQUENCE, body)


# ---------------------------------------------------------------- decoding


def _read_tlv(data: bytes, pos: int, where: str) -> tuple[int, bytes, int]:
    """(tag, body, next position); DER rules on the length."""
    if pos + 2 > len(data):
        raise _malformed(f"{where}: truncated at byte {pos}")
    tag = data[pos]
    first = data[pos + 1]
    pos += 2
    if first < 0x80:
        length = first
    else:
        count = first & 0x7F
        if count == 0:
            raise _malformed(f"{where}: indefinite length is not DER")
        if count > 3 or pos + count > len(data):
            raise _malformed(f"{where}: length field of {count} bytes")
        length = int.from_bytes(data[pos : pos + count], "big")
        if length < 0x80 or data[pos] == 0:
            raise _malformed(f"{where}: non-minimal length encoding")
        pos += count
    end = pos + length
    if end > len(data):
        raise _malformed(f"{where}: length {length} runs past the end ({len(data) - pos} left)")
    return tag, data[pos:end], end


def _read_ia5(data: bytes, where: str) -> str:
    tag, body, end = _read_tlv(data, 0, where)
    if tag != _IA5STRING:
        raise _malformed(f"{where}: expected IA5String (0x16), got tag 0x{tag:02x}")
    if end != len(data):
        raise _malformed(f"{where}: {len(data) - end} trailing bytes")
    if any(b > 0x7F for b in body):
        raise _malformed(f"{where}: IA5String with non-ASCII bytes")
    return body.decode("ascii")


def _read_tn(data: bytes, where: str) -> str:
    tn = _read_ia5(data, where)
    _check_tn(tn)
    return tn


def decode_tn_auth_list(data: bytes) -> TnAuthList:
    """Parse the DER TNAuthorizationList, naming the byte and entry that is wrong.

    A bare IA5String (as some early implementations wrote) is refused: it is not the
    structure RFC 8226 defines.
    """
    tag, body, end = _read_tlv(data, 0, "TNAuthList")
    if tag != _SEQUENCE:
        raise _malformed(
            f"TNAuthList must be a SEQUENCE (0x30), got tag 0x{tag:02x}"
            + (" (a bare IA5String)" if tag == _IA5STRING else "")
        )
    if end != len(data):
        raise _malformed(f"TNAuthList: {len(data) - end} trailing bytes")
    entries: list[TnEntry] = []
    pos = 0
    while pos < len(body):
        where = f"TNAuthList entry {len(entries) + 1}"
        entry_tag, entry_body, pos = _read_tlv(body, pos, where)
        if entry_tag == _SPC_TAG:
            code = _read_ia5(entry_body, f"{where} (spc)")
            if not code or len(code) > MAX_SPC_LENGTH:
                raise _malformed(f"{where}: service provider code {code!r}")
            entries.append(ServiceProviderCode(code))
        elif entry_tag == _ONE_TAG:
            entries.append(TelephoneNumber(_read_tn(entry_body, f"{where} (one)")))
        elif entry_tag == _RANGE_TAG:
            seq_tag, seq, seq_end = _read_tlv(entry_body, 0, f"{where} (range)")
            if seq_tag != _SEQUENCE or seq_end != len(entry_body):
                raise _malformed(f"{where}: range is not one SEQUENCE")
            _start_tag, _start_body, after_start = _read_tlv(seq, 0, f"{where} (range start)")
            start = _read_tn(seq[:after_start], f"{where} (range start)")
            int_tag, int_body, _ = _read_tlv(seq, after_start, f"{where} (range count)")
            if int_tag != _INTEGER or not int_body:
                raise _malformed(f"{where}: range count is not an INTEGER")
            if len(int_body) > 1 and (
                (int_body[0] == 0 and int_body[1] < 0x80)
                or (int_body[0] == 0xFF and int_body[1] >= 0x80)
            ):
                raise _malformed(f"{where}: non-minimal INTEGER")
            count = int.from_bytes(int_body, "big", signed=True)
            if count < 2:
                raise _malformed(f"{where}: range count must be >= 2, got {count}")
            # The range type is extensible ("..."): later fields are allowed and ignored.
            entries.append(TelephoneNumberRange(start=start, count=count))
        else:
            raise _malformed(f"{where}: unknown choice tag 0x{entry_tag:02x}")
    if not entries:
        raise _malformed("TNAuthList is an empty SEQUENCE")
    return TnAuthList(tuple(entries))


def tn_auth_list_of(certificate: x509.Certificate) -> TnAuthList:
    """The certificate's TNAuthList extension, decoded; errors name what is missing."""
    try:
        extension = certificate.extensions.get_extension_for_oid(TN_AUTH_LIST_OID)
    except x509.ExtensionNotFound:
        raise ShakenError(
            ShakenErrorCode.TNAUTHLIST_MISSING,
            f"certificate {certificate.subject.rfc4514_string()!r} has no TNAuthList",
        ) from None
    value = extension.value
    if not isinstance(value, x509.UnrecognizedExtension):
        raise _malformed(f"unexpected TNAuthList value type {type(value).__name__}")
    return decode_tn_auth_list(value.value)


def tn_auth_list_extension(tn_auth_list: TnAuthList) -> x509.UnrecognizedExtension:
    """The extension object for a certificate builder."""
    return x509.UnrecognizedExtension(TN_AUTH_LIST_OID, encode_tn_auth_list(tn_auth_list))
