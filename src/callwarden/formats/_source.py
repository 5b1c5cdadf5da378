"""Opening provider files: gzip detection, byte-order marks, header names.

Lenient about form (formats.md): a ``.gz`` suffix or the gzip magic bytes mean gzip, a
UTF-8 byte-order mark is skipped, header names match case-insensitively with spaces and
hyphens read as underscores (``Business Name`` is ``business_name``).
"""

from __future__ import annotations

import csv
import gzip
import io
import re
from collections.abc import Collection
from pathlib import Path
from typing import IO, cast

from callwarden.errors import InputError

GZIP_MAGIC = b"\x1f\x8b"
PARQUET_MAGIC = b"PAR1"
BOM = b"\xef\xbb\xbf"

_NAME_SEPARATORS = re.compile(r"[\s\-]+")


def source_name(path: Path) -> str:
    return str(path)


def leading_bytes(path: Path, count: int = 4) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(count)
    except OSError as error:
        raise InputError(f"cannot read file: {error.strerror or error}", source=str(path)) from None


def is_gzip(path: Path) -> bool:
    return path.suffix.lower() == ".gz" or leading_bytes(path, 2) == GZIP_MAGIC


def is_parquet(path: Path) -> bool:
    return path.suffix.lower() == ".parquet" or leading_bytes(path, 4) == PARQUET_MAGIC


def open_binary(path: Path) -> IO[bytes]:
    """The file's bytes, gunzipped when it is gzip."""
    try:
        if is_gzip(path):
            return cast(IO[bytes], gzip.open(path, "rb"))
        return path.open("rb")
    except OSError as error:
        raise InputError(f"cannot open file: {error.strerror or error}", source=str(path)) from None


def open_text(path: Path) -> IO[str]:
    """The file as text, BOM skipped. Undecodable bytes become U+FFFD so that the row
    holding them is rejected by its own validation instead of the whole file failing."""
    return io.TextIOWrapper(open_binary(path), encoding="utf-8-sig", errors="replace", newline="")


def header_key(name: str) -> str:
    """How a header name is matched: case-insensitive, spaces and hyphens as underscores."""
    return _NAME_SEPARATORS.sub("_", name.strip().strip("\ufeff").strip().lower())


def sniff_delimiter(header_line: str) -> str:
    """Comma, unless the header has tabs and no commas (a TSV export) or only semicolons."""
    if "\t" in header_line and "," not in header_line:
        return "\t"
    if ";" in header_line and "," not in header_line:
        return ";"
    return ","


def read_header(path: Path) -> tuple[list[str], str]:
    """(header keys, delimiter) of a delimited text file; InputError when there is none."""
    with open_text(path) as handle:
        try:
            first = handle.readline()
        except (OSError, EOFError, gzip.BadGzipFile) as error:
            raise InputError(f"cannot read header: {error}", source=str(path)) from None
    if not first.strip():
        raise InputError("empty file or blank header line (line 1)", source=str(path))
    delimiter = sniff_delimiter(first)
    names = next(csv.reader([first.rstrip("\r\n")], delimiter=delimiter))
    return [header_key(name) for name in names], delimiter


def column_positions(
    path: Path,
    names: list[str],
    required: tuple[str, ...],
    known: Collection[str] | None = None,
) -> dict[str, int]:
    """Header key -> position; InputError naming any missing required column, or a column
    the reader uses (all of them unless ``known`` says which) that appears twice."""
    positions: dict[str, int] = {}
    for position, name in enumerate(names):
        if not name:
            continue
        if name in positions:
            if known is not None and name not in known:
                continue  # an ignored column may repeat
            raise InputError(f"column {name!r} appears twice in the header", source=str(path))
        positions[name] = position
    missing = [name for name in required if name not in positions]
    if missing:
        raise InputError(
            f"missing required column(s) {', '.join(missing)} (header has: {', '.join(names)})",
            source=str(path),
        )
    return positions
