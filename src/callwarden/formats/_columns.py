"""Vectorised field checks shared by the columnar readers: each takes an Arrow column as
read (text from CSV, or already typed from Parquet) and returns the typed column plus a
mask of the rows whose value is not acceptable."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

UTC_MICROS = pa.timestamp("us", tz="UTC")
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)

# What Arrow's own ISO 8601 cast reads; anything else goes through datetime.fromisoformat.
_ISO_WITH_OFFSET = r"^\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d(\.\d{1,6})?)?(Z|[+-]\d\d(:?\d\d)?)$"
_ENDS_WITH_OFFSET = re.compile(r"\d:\d\d(?::\d\d(?:\.\d+)?)?\s*(?:Z|[+-]\d\d(?::?\d\d)?)\s*$")
_ISO_WITHOUT_OFFSET = r"^\d{4}-\d\d-\d\d([T ]\d\d:\d\d(:\d\d(\.\d{1,6})?)?)?$"


def as_numpy_bool(values: pa.Array | pa.ChunkedArray) -> np.ndarray:
    return np.asarray(values.fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)


def parse_iso_timestamp(text: str) -> datetime | None:
    """One ISO 8601 timestamp as an aware UTC datetime; no offset means UTC (formats.md)."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _cast_subset(
    values: pa.Array, mask: np.ndarray, target: pa.DataType
) -> tuple[np.ndarray, np.ndarray] | None:
    """(positions, microseconds) of ``values[mask]`` cast by Arrow, None if any fails."""
    positions = np.flatnonzero(mask)
    if not len(positions):
        return positions, np.empty(0, np.int64)
    try:
        cast = pc.cast(values.take(pa.array(positions, pa.int64())), target)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None
    micros = cast.cast(pa.int64()).to_numpy(zero_copy_only=False)
    return positions, np.asarray(micros, dtype=np.int64)


def timestamps(values: pa.Array) -> tuple[pa.Array, np.ndarray]:
    """(timestamp[us, UTC] column, bad-row mask). Text is ISO 8601, no offset = UTC."""
    size = len(values)
    if pa.types.is_timestamp(values.type):
        typed = values.cast(UTC_MICROS)  # naive = UTC (formats.md); aware: same instant
        return typed, ~as_numpy_bool(pc.is_valid(typed))
    if pa.types.is_date(values.type):
        typed = values.cast(pa.timestamp("us")).cast(UTC_MICROS)
        return typed, ~as_numpy_bool(pc.is_valid(typed))
    text = values if pa.types.is_string(values.type) else values.cast(pa.string())
    # Files write one format throughout: try the whole column in one cast first, with or
    # without an offset as its first value says (a cast that fails late costs as much as
    # one that succeeds). Each cast admits only its own kind, so the order changes nothing.
    targets = [pa.timestamp("us"), UTC_MICROS]
    given = text.drop_null()
    if len(given) and _ENDS_WITH_OFFSET.search(str(given[0].as_py())):
        targets.reverse()
    for target in targets:
        try:
            cast = pc.cast(text, target)
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            continue
        # Arrow stores instants as UTC: declaring a naive column UTC is a metadata change.
        cast = cast.cast(UTC_MICROS)
        return cast, ~as_numpy_bool(pc.is_valid(cast))
    micros = np.zeros(size, np.int64)
    parsed = np.zeros(size, bool)
    pending = as_numpy_bool(pc.is_valid(text))
    for pattern, target in (
        (_ISO_WITH_OFFSET, UTC_MICROS),
        (_ISO_WITHOUT_OFFSET, pa.timestamp("us")),
    ):
        mask = pending & as_numpy_bool(pc.match_substring_regex(text, pattern))
        done = _cast_subset(text, mask, target)
        if done is None:
            continue  # one impossible date (month 13) in the subset: the slow path sorts it out
        positions, subset_micros = done
        micros[positions] = subset_micros
        parsed[positions] = True
        pending &= ~mask
    for position in np.flatnonzero(pending):
        moment = parse_iso_timestamp(str(text[int(position)].as_py()))
        if moment is not None:
            micros[position] = (moment - _EPOCH) // _MICROSECOND
            parsed[position] = True
    column = pa.array(micros, type=UTC_MICROS, mask=~parsed)
    return column, ~parsed


def integers(
    values: pa.Array, *, low: int, high: int, target: pa.DataType
) -> tuple[pa.Array, np.ndarray]:
    """(integer column of ``target``, bad-row mask): whole numbers in [low, high] only."""
    if pa.types.is_integer(values.type):
        wide = values.cast(pa.int64())
    elif pa.types.is_floating(values.type):
        whole = as_numpy_bool(pc.equal(values, pc.floor(values)))
        wide = pc.if_else(pa.array(whole), values, None).cast(pa.int64(), safe=False)
    else:
        text = values if pa.types.is_string(values.type) else values.cast(pa.string())
        try:  # the common case: every value a plain integer
            wide = pc.cast(text, pa.int64())
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            wide = None
        if wide is not None and wide.null_count == 0:
            bounds = pc.min_max(wide)
            if len(wide) == 0 or (bounds["min"].as_py() >= low and bounds["max"].as_py() <= high):
                return wide.cast(target), np.zeros(len(wide), bool)
        # At most 18 digits so the int64 cast cannot overflow; the range check follows.
        digits = as_numpy_bool(pc.match_substring_regex(text, r"^[+-]?\d{1,18}$"))
        wide = pc.if_else(pa.array(digits), text, None).cast(pa.int64())
    in_range = as_numpy_bool(pc.and_(pc.greater_equal(wide, low), pc.less_equal(wide, high)))
    typed = pc.if_else(pa.array(in_range), wide, pa.scalar(low, pa.int64())).cast(target)
    return typed, ~in_range


def text(values: pa.Array) -> pa.Array:
    """A text column stripped of surrounding whitespace, empty becoming null."""
    if not pa.types.is_string(values.type):
        values = values.cast(pa.string())
    stripped = pc.utf8_trim_whitespace(values)
    return pc.if_else(pc.equal(stripped, ""), pa.scalar(None, pa.string()), stripped)


def empty(values: pa.Array) -> np.ndarray:
    """Mask of null or empty entries of a column produced by :func:`text`."""
    return ~as_numpy_bool(pc.is_valid(values))
