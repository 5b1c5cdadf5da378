"""The call detail record (CDR) as callwarden holds it after reading (formats.md section 1).

Readers turn provider files into Arrow record batches of :data:`CDR_SCHEMA`; the call
store keeps exactly these columns (plus the ``day`` partition key); detectors query
them. Columns derived while reading (``caller_class``) are computed once, at ingest,
because they are needed on every analysis pass.
"""

from __future__ import annotations

import pyarrow as pa

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
