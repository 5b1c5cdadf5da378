"""The call detail record (CDR) as callwarden holds it after reading (formats.md section 1).

Readers turn provider files into Arrow record batches of :data:`CDR_SCHEMA`; the call
store keeps these columns and the numbers' digits (:data:`STORED_CDR_SCHEMA`, plus the
``day`` partition key); detectors query them. Columns derived while reading
(``caller_class``, the digits) are computed once, at ingest, because they are needed on
every analysis pass.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyarrow as pa
import pyarrow.compute as pc

#: Columns a CDR file must carry (formats.md section 1). ``customer_id`` and
#: ``upstream_provider`` are "one of these two" and checked per row.
REQUIRED_COLUMNS: tuple[str, ...] = (
    "call_id",
    "start_time",
    "duration_s",
    "sip_code",
    "caller_id",
    "called_number",
)

#: Optional text columns, kept as given (stripped; empty becomes null).
OPTIONAL_TEXT_COLUMNS: tuple[str, ...] = (
    "customer_id",
    "upstream_provider",
    "sub_account",
    "downstream_provider",
    "origid",
    "source_ip",
)

ATTESTATION_VALUES: frozenset[str] = frozenset({"A", "B", "C"})

CDR_SCHEMA = pa.schema(
    [
        pa.field("call_id", pa.string(), nullable=False),
        pa.field("start_time", pa.timestamp("us", tz="UTC"), nullable=False),
        pa.field("duration_s", pa.int32(), nullable=False),
        pa.field("sip_code", pa.int16(), nullable=False),
        # E.164 when it normalises, else exactly as presented (it is evidence).
        pa.field("caller_id", pa.string(), nullable=False),
        # callwarden.numbers.NumberClass value of the calling number.
        pa.field("caller_class", pa.string(), nullable=False),
        pa.field("called_number", pa.string(), nullable=False),
        pa.field("customer_id", pa.string()),
        pa.field("upstream_provider", pa.string()),
        pa.field("sub_account", pa.string()),
        pa.field("downstream_provider", pa.string()),
        pa.field("attestation", pa.string()),
        pa.field("origid", pa.string()),
        pa.field("source_ip", pa.string()),
    ]
)

CDR_COLUMNS: tuple[str, ...] = tuple(CDR_SCHEMA.names)

#: Columns whose values repeat from call to call (accounts, carriers, classes): the ones
#: worth dictionary-encoding in Parquet. Call ids and numbers are nearly unique: building
#: a dictionary for them only to abandon it is most of the cost of writing a file.
REPEATING_CDR_COLUMNS: tuple[str, ...] = (
    "caller_class",
    "customer_id",
    "upstream_provider",
    "sub_account",
    "downstream_provider",
    "attestation",
    "origid",
    "source_ip",
)

#: Columns whose Parquet min/max statistics serve a query: time windows skip row groups by
#: start_time (files are sorted by it), the numbers cost little. A string column's
#: statistics cost much to write and prune nothing in files sorted by time.
STATISTICS_CDR_COLUMNS: tuple[str, ...] = ("start_time", "duration_s", "sip_code")

#: Columns the call store adds to CDR_SCHEMA (derived, like ``caller_class``, once at
#: ingest): each number's E.164 digits as an integer, null when it is not E.164. The
#: analysis counts, groups and joins numbers a hundred million times a run; on 8-byte
#: integers that costs about half what it costs on the strings (benchmarks/bench_analyze).
#: Files without them (an older store, a provider's own Parquet of CDR_SCHEMA) are read
#: with the digits computed per scan instead (:func:`number_digits_sql`), to the same values.
NUMBER_DIGITS_COLUMNS: dict[str, str] = {
    "caller_id": "caller_digits",
    "called_number": "called_digits",
}

STORED_CDR_SCHEMA = pa.schema(
    [*CDR_SCHEMA, *(pa.field(name, pa.int64()) for name in NUMBER_DIGITS_COLUMNS.values())]
)

#: E.164 (ITU-T E.164 section 6): a '+', a country code that never starts with 0, at most
#: fifteen digits in all; at most 999,999,999,999,999, well inside an int64.
_E164_PATTERN = r"\+[1-9][0-9]{0,14}"


def number_digits(numbers: pa.Array | pa.ChunkedArray) -> pa.Array:
    """Each number's E.164 digits as an int64 (``+12025550123`` -> 12025550123); null
    where the number is not E.164 or is null. Equal row for row to
    :func:`number_digits_sql`."""
    text = numbers.cast(pa.string())
    digits = pc.utf8_slice_codeunits(text, 1)
    # _E164_PATTERN without a regular expression (twice as fast, at ingest: a hundred
    # million numbers a day): '+', then 1-15 ASCII digits, the first not 0
    e164 = pc.and_(
        pc.and_(pc.starts_with(text, "+"), pc.ascii_is_decimal(digits)),
        pc.and_(pc.less_equal(pc.utf8_length(digits), 15), pc.invert(pc.starts_with(digits, "0"))),
    )
    return pc.cast(pc.if_else(e164, digits, pa.scalar(None, pa.string())), pa.int64())


def number_digits_sql(column: str) -> str:
    """SQL (DuckDB) of :func:`number_digits` over a text column."""
    return (
        f"(case when regexp_full_match({column}, '{_E164_PATTERN}') "
        f"then cast(substring({column}, 2) as bigint) end)"
    )


def with_number_digits(batch: pa.RecordBatch) -> pa.RecordBatch:
    """A batch of CDR_SCHEMA as STORED_CDR_SCHEMA (its numbers' digits added)."""
    arrays = [batch.column(name) for name in CDR_COLUMNS]
    arrays += [number_digits(batch.column(number)) for number in NUMBER_DIGITS_COLUMNS]
    return pa.RecordBatch.from_arrays(arrays, schema=STORED_CDR_SCHEMA)


def computed_digits_sql(names: Iterable[str] = NUMBER_DIGITS_COLUMNS.values()) -> list[str]:
    """``<expression> as <name>`` computing each of the digits columns ``names`` from its
    number's text (:func:`number_digits_sql`), for a relation that lacks them."""
    number_of = {digits: number for number, digits in NUMBER_DIGITS_COLUMNS.items()}
    return [f"{number_digits_sql(number_of[name])} as {name}" for name in names]


def cdr_select_sql(files_with_digits: int, files: int) -> str:
    """The select list that reads STORED_CDR_SCHEMA from Parquet files of CDR_SCHEMA of
    which ``files_with_digits`` of ``files`` carry the digits columns: read where every
    file has them, computed where none does, and either per row where some do (DuckDB's
    ``union_by_name`` gives the others nulls)."""
    if files_with_digits >= files:
        digits = list(NUMBER_DIGITS_COLUMNS.values())
    elif files_with_digits == 0:
        digits = computed_digits_sql()
    else:
        digits = [
            f"coalesce({name}, {number_digits_sql(number)}) as {name}"
            for number, name in NUMBER_DIGITS_COLUMNS.items()
        ]
    return ", ".join([*CDR_COLUMNS, *digits])
