"""The SIP Identity header field (RFC 8224 section 4.1), built and parsed.

Grammar (RFC 8224 section 4.1)::

    Identity = "Identity" HCOLON signed-identity-digest SEMI ident-info
               *( SEMI ident-info-params )
    ident-info = "info" EQUAL ident-info-uri
    ident-info-uri = LAQUOT absoluteURI RAQUOT
    ident-info-params = ident-info-alg / ident-type / ident-info-extension

Tolerant of what real peers send: parameters in any order, whitespace around ``;`` and
``=``, quoted values, ``info`` with or without angle brackets, the header name included
or not. Strict where it matters: the token's alphabet and shape, a single value per
parameter, an absolute URI in ``info``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from callwarden.shaken.errors import ShakenError, ShakenErrorCode
from callwarden.shaken.jws import ES256

_TOKEN = re.compile(r"[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+")
_PARAM_NAME = re.compile(r"[A-Za-z0-9!%*_+`'~.-]+")
_ABSOLUTE_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"]+")
_HEADER_NAME = re.compile(r"\s*identity\s*:", re.IGNORECASE)
MAX_HEADER_LENGTH = 8192


@dataclass(frozen=True, slots=True)
class IdentityHeader:
    token: str
    info: str
    alg: str | None = ES256
    ppt: str | None = None
    extensions: tuple[tuple[str, str], ...] = ()

    def render(self) -> str:
        """The header value, in the parameter order SHAKEN peers expect."""
        parts = [self.token, f"info=<{self.info}>"]
        if self.alg is not None:
            parts.append(f"alg={self.alg}")
        if self.ppt is not None:
            parts.append(f"ppt={self.ppt}")
        parts.extend(f"{name}={value}" for name, value in self.extensions)
        return ";".join(parts)


def build_identity(token: str, info: str, *, ppt: str | None = "shaken") -> str:
    """``token;info=<info>;alg=ES256;ppt=shaken`` (ATIS-1000074 section 5.3.1)."""
    return IdentityHeader(token=token, info=info, alg=ES256, ppt=ppt).render()


def _malformed(message: str) -> ShakenError:
    return ShakenError(ShakenErrorCode.IDENTITY_MALFORMED, message)


def _split_params(text: str) -> list[str]:
    """Split on ';' outside <...> and "..." (a URI may itself contain ';')."""
    if "<" not in text and '"' not in text:
        return text.split(";")
    pieces: list[str] = []
    current: list[str] = []
    in_angle = in_quote = False
    i = 0
    while i < len(text):
        ch = text[i]
        if in_quote:
            if ch == "\\" and i + 1 < len(text):
                current.append(text[i : i + 2])
                i += 2
                continue
            in_quote = ch != '"'
        elif in_angle:
            in_angle = ch != ">"
        elif ch == '"':
            in_quote = True
        elif ch == "<":
            in_angle = True
        elif ch == ";":
            pieces.append("".join(current))
            current = []
            i += 1
            continue
        current.append(ch)
        i += 1
    if in_quote or in_angle:
        raise _malformed(f"unterminated {'quote' if in_quote else '<'} in {text!r}")
    pieces.append("".join(current))
    return pieces


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return re.sub(r"\\(.)", r"\1", value[1:-1])
    return value


def split_identity_values(value: str) -> list[str]:
    """Several Identity values folded into one header line (RFC 3261 section 7.3.1),
    split on commas outside <...> and quotes."""
    values: list[str] = []
    current: list[str] = []
    in_angle = in_quote = False
    for ch in value:
        if ch == '"' and not in_angle:
            in_quote = not in_quote
        elif ch == "<" and not in_quote:
            in_angle = True
        elif ch == ">" and not in_quote:
            in_angle = False
        elif ch == "," and not in_angle and not in_quote:
            values.append("".join(current).strip())
            current = []
            continue
        current.append(ch)
    values.append("".join(current).strip())
    return [v for v in values if v]


# The layout SHAKEN signers (ATIS-1000074, secsipid, callwarden) emit; anything else
# takes the general path below, which accepts the same headers and more.
_COMMON_LAYOUT = re.compile(
    r"([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)"
    r";info=<([A-Za-z][A-Za-z0-9+.-]*:[^\s<>\";]+)>;alg=(ES256);ppt=([A-Za-z0-9]+)"
)


def parse_identity(value: str) -> IdentityHeader:
    """Parse one Identity header value (with or without ``Identity:`` in front)."""
    common = _COMMON_LAYOUT.fullmatch(value)
    if common is not None and len(value) <= MAX_HEADER_LENGTH:
        token, info, alg, ppt = common.groups()
        return IdentityHeader(token=token, info=info, alg=alg, ppt=ppt)
    if len(value) > MAX_HEADER_LENGTH:
        raise _malformed(f"Identity header is {len(value)} characters, limit {MAX_HEADER_LENGTH}")
    text = value.strip()
    name = _HEADER_NAME.match(text)
    if name:
        text = text[name.end() :].strip()
    if not text:
        raise ShakenError(ShakenErrorCode.IDENTITY_MISSING, "Identity header is empty")
    # The token's alphabet has no ';', so the first ';' ends it; only the short
    # parameter part needs the quote-aware scan.
    token, _, params_text = text.partition(";")
    token = token.strip()
    pieces = [token, *_split_params(params_text)] if params_text else [token]
    if not _TOKEN.fullmatch(token):
        shown = token if len(token) <= 60 else token[:60] + "..."
        raise _malformed(f"not a PASSporT (header.payload.signature in base64url): {shown!r}")
    params: dict[str, str] = {}
    extensions: list[tuple[str, str]] = []
    for position, piece in enumerate(pieces[1:], start=1):
        if not piece.strip():
            raise _malformed(f"empty parameter at position {position}")
        raw_name, eq, raw_value = piece.partition("=")
        param = raw_name.strip().lower()
        if not eq or not _PARAM_NAME.fullmatch(param):
            raise _malformed(f"parameter {piece.strip()!r} is not name=value")
        param_value = _unquote(raw_value.strip())
        if param in params:
            raise _malformed(f"parameter {param!r} given twice")
        params[param] = param_value
        if param not in {"info", "alg", "ppt"}:
            extensions.append((param, param_value))
    info = params.get("info")
    if info is None:
        raise ShakenError(ShakenErrorCode.INFO_MISSING, "Identity header has no info parameter")
    if info.startswith("<") and info.endswith(">"):
        info = info[1:-1].strip()
    if not _ABSOLUTE_URI.fullmatch(info):
        raise ShakenError(ShakenErrorCode.INFO_MISSING, f"info is not an absolute URI: {info!r}")
    return IdentityHeader(
        token=token,
        info=info,
        alg=params.get("alg"),
        ppt=params.get("ppt"),
        extensions=tuple(extensions),
    )
