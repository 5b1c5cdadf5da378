"""Turning generated calls and the cast into the files of docs/formats.md.

Text columns are built straight into Arrow buffers (fixed-width digits for E.164 numbers
and hex call ids), so a day of a million calls becomes a table without a Python string
per row. Every file is written to a hidden temporary name and renamed into place, so a
crash or a kill mid-run never leaves a half-written file under its final name.
"""

from __future__ import annotations

import csv
import gzip
import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import BinaryIO, Literal

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from callwarden.calls import CDR_SCHEMA, REPEATING_CDR_COLUMNS, STATISTICS_CDR_COLUMNS
from callwarden.synth.network import (
    FORM_ANONYMOUS,
    FORM_E164,
    FORM_ELEVEN_DIGITS,
    FORM_INTERNATIONAL,
    FORM_NATIONAL,
    FORM_RAW_DIGITS,
    NOT_REVOKED,
    TERMINATING_WIRELESS,
    TERMINATING_WIRELINE,
    Network,
)
from callwarden.synth.traffic import SECONDS_PER_DAY, DayCalls

FileFormat = Literal["parquet", "csv"]

#: The columns a provider's CDR file carries (formats.md section 1): the call store's
#: schema without what callwarden derives at ingest.
CDR_FILE_SCHEMA = pa.schema([f for f in CDR_SCHEMA if f.name != "caller_class"])
DOWNSTREAM = (*TERMINATING_WIRELESS, *TERMINATING_WIRELINE)
_HEX = np.frombuffer(b"0123456789abcdef", dtype=np.uint8)
#: Rows of ASCII digits for every 2-, 3- and 4-digit value: formatting by table lookup.
_DIGITS = {
    width: np.array(
        [[ord(c) for c in f"{value:0{width}d}"] for value in range(10**width)], dtype=np.uint8
    )
    for width in (2, 3, 4)
}


def fixed_width_strings(chars: npt.NDArray[np.uint8]) -> pa.StringArray:
    """An Arrow string array from an (n, width) array of ASCII bytes, without copies per row."""
    count, width = chars.shape
    offsets = np.arange(count + 1, dtype=np.int32) * width
    data = np.ascontiguousarray(chars).tobytes()
    return pa.StringArray.from_buffers(count, pa.py_buffer(offsets.tobytes()), pa.py_buffer(data))


def e164_strings(national: npt.NDArray[np.int64]) -> pa.StringArray:
    """``+1`` and the ten digits of each national number (0 <= n < 10**10)."""
    chars = np.empty((national.size, 12), dtype=np.uint8)
    chars[:, 0] = ord("+")
    chars[:, 1] = ord("1")
    chars[:, 2:5] = _DIGITS[3][national // 10_000_000]
    chars[:, 5:8] = _DIGITS[3][(national // 10_000) % 1000]
    chars[:, 8:12] = _DIGITS[4][national % 10_000]
    return fixed_width_strings(chars)


def iso_times_of_day(day: date, ms_of_day: npt.NDArray[np.int64]) -> pa.StringArray:
    """``YYYY-MM-DDTHH:MM:SS.mmmZ`` for times within one UTC day (ISO 8601, formats.md)."""
    chars = np.empty((ms_of_day.size, 24), dtype=np.uint8)
    chars[:, :11] = np.frombuffer(f"{day.isoformat()}T".encode(), dtype=np.uint8)
    seconds = ms_of_day // 1000
    chars[:, 11:13] = _DIGITS[2][seconds // 3600]
    chars[:, 13] = ord(":")
    chars[:, 14:16] = _DIGITS[2][(seconds // 60) % 60]
    chars[:, 16] = ord(":")
    chars[:, 17:19] = _DIGITS[2][seconds % 60]
    chars[:, 19] = ord(".")
    chars[:, 20:23] = _DIGITS[3][ms_of_day % 1000]
    chars[:, 23] = ord("Z")
    return fixed_width_strings(chars)


def iso_day_times(days: npt.NDArray[np.int64], suffix: str) -> pa.Array:
    """``YYYY-MM-DD`` + ``suffix`` for day numbers since the epoch, formatting each distinct
    day once (consent dates repeat a lot)."""
    distinct, position = np.unique(days, return_inverse=True)
    texts = [
        f"{np.datetime64(int(value), 'D').astype(object).isoformat()}{suffix}"
        for value in distinct.tolist()
    ]
    return pc.take(pa.array(texts, pa.string()), pa.array(position.astype(np.int64)))


def hex_ids(rng: np.random.Generator, count: int) -> pa.StringArray:
    """Random 128-bit ids in hex, the shape of an SBC's Call-ID."""
    raw = np.frombuffer(rng.bytes(count * 16), dtype=np.uint8).reshape(count, 16)
    chars = np.empty((count, 32), dtype=np.uint8)
    chars[:, 0::2] = _HEX[raw >> 4]
    chars[:, 1::2] = _HEX[raw & 0x0F]
    return fixed_width_strings(chars)


def present_caller(number: int, form: int) -> str:
    """The text a switch shows for a caller ID in one of the non-E.164 forms."""
    if form == FORM_NATIONAL:
        text = f"{number:010d}"
        return f"({text[:3]}) {text[3:6]}-{text[6:]}"
    if form == FORM_ELEVEN_DIGITS:
        return f"1{number:010d}"
    if form == FORM_ANONYMOUS:
        return "anonymous"
    if form in (FORM_RAW_DIGITS, FORM_INTERNATIONAL):
        return f"+1{number}" if form == FORM_RAW_DIGITS else f"+{number}"
    return f"+1{number:010d}"


def caller_strings(caller: npt.NDArray[np.int64], form: npt.NDArray[np.uint8]) -> pa.Array:
    base = e164_strings(np.where(form == FORM_E164, caller, 0))
    special = form != FORM_E164
    if not special.any():
        return base
    texts = [
        present_caller(int(n), int(f))
        for n, f in zip(caller[special].tolist(), form[special].tolist(), strict=True)
    ]
    return pc.replace_with_mask(base, pa.array(special), pa.array(texts, pa.string()))


def day_table(calls: DayCalls, network: Network, rng: np.random.Generator) -> pa.Table:
    """One day's CDRs as an Arrow table of :data:`CDR_FILE_SCHEMA`."""
    senders = network.senders
    sender = pa.array(calls.sender)

    def per_sender(values: Sequence[str | None]) -> pa.Array:
        return pc.take(pa.array(values, pa.string()), sender)

    signed = calls.attestation != 0
    origid_per_sender = pa.array([network.origids[s.origid] for s in senders], pa.string())
    origid = pc.if_else(pa.array(signed), pc.take(origid_per_sender, sender), None)
    attestation = pc.take(
        pa.array([None, "A", "B", "C"], pa.string()), pa.array(calls.attestation.astype(np.int8))
    )
    ips = pa.array([*network.ips, None], pa.string())
    trunk = np.where(calls.trunk < 0, len(network.ips), calls.trunk)
    columns = {
        "call_id": hex_ids(rng, len(calls)),
        "start_time": pa.array(calls.start_us, pa.timestamp("us", tz="UTC")),
        "duration_s": pa.array(calls.duration_s, pa.int32()),
        "sip_code": pa.array(calls.sip_code, pa.int16()),
        "caller_id": caller_strings(calls.caller, calls.caller_form),
        "called_number": e164_strings(calls.callee),
        "customer_id": per_sender([s.customer_id for s in senders]),
        "upstream_provider": per_sender([s.upstream_provider for s in senders]),
        "sub_account": per_sender([s.sub_account for s in senders]),
        "downstream_provider": pc.take(pa.array(DOWNSTREAM), pa.array(calls.downstream)),
        "attestation": attestation,
        "origid": origid,
        "source_ip": pc.take(ips, pa.array(trunk)),
    }
    return pa.Table.from_arrays([columns[f.name] for f in CDR_FILE_SCHEMA], schema=CDR_FILE_SCHEMA)


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary sibling of ``path`` that replaces it only when the block succeeds."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    try:
        yield partial
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def _open_csv_target(target: Path, compressed: bool) -> BinaryIO:
    raw = target.open("wb")
    if not compressed:
        return raw
    # mtime=0 and no file name in the header: the same rows give the same bytes.
    return gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=3, mtime=0)  # type: ignore[return-value]


def write_cdr_day(table: pa.Table, out_dir: Path, day: date, file_format: FileFormat) -> Path:
    folder = out_dir / "cdrs"
    if file_format == "parquet":
        path = folder / f"{day.isoformat()}.parquet"
        with atomic_path(path) as partial:
            pq.write_table(
                table,
                partial,
                compression="zstd",
                compression_level=1,
                # the call store's encoding (callwarden.calls): dictionaries and min/max
                # statistics only where they serve
                use_dictionary=[c for c in REPEATING_CDR_COLUMNS if c in table.column_names],
                write_statistics=list(STATISTICS_CDR_COLUMNS),
            )
        return path
    path = folder / f"{day.isoformat()}.csv.gz"
    micros = pc.cast(table["start_time"], pa.int64()).to_numpy()
    ms_of_day = (micros // 1000) % (SECONDS_PER_DAY * 1000)
    column = table.schema.get_field_index("start_time")
    table = table.set_column(column, "start_time", iso_times_of_day(day, ms_of_day))
    with atomic_path(path) as partial:
        stream = _open_csv_target(partial, compressed=True)
        try:
            pacsv.write_csv(table, stream, pacsv.WriteOptions(quoting_style="needed"))
        finally:
            stream.close()
    return path


def write_rows(path: Path, header: Sequence[str], rows: Iterable[dict[str, str]]) -> Path:
    with atomic_path(path) as partial, partial.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(header), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


def write_text(path: Path, text: str) -> Path:
    with atomic_path(path) as partial:
        partial.write_text(text, encoding="utf-8")
    return path


def write_tables_csv(path: Path, tables: Iterable[pa.Table]) -> Path:
    """One CSV from tables of the same schema, streamed (one header, bounded memory)."""
    options = pacsv.WriteOptions(quoting_style="needed")
    with atomic_path(path) as partial, partial.open("wb") as handle:
        writer: pacsv.CSVWriter | None = None
        for table in tables:
            if writer is None:
                writer = pacsv.CSVWriter(handle, table.schema, write_options=options)
            writer.write_table(table)
        if writer is not None:
            writer.close()
    return path


#: Consent records are formatted and written this many at a time.
CONSENT_CHUNK_ROWS = 500_000


def consent_tables(network: Network, chunk_rows: int = CONSENT_CHUNK_ROWS) -> Iterator[pa.Table]:
    """consent.csv (formats.md section 3), one row per record, in chunks."""
    numbers = network.consent_number
    holder = np.empty(numbers.size, dtype=np.int32)
    kind = np.empty(numbers.size, dtype=np.int8)
    kinds = ["prior_express", "prior_express_written"]
    for first, last, _, consent_type, index in network.consent_batches:
        holder[first:last] = index
        kind[first:last] = kinds.index(consent_type.value)
    holders = pa.array(network.consent_holder)
    start_day = (network.start - date(1970, 1, 1)).days
    for begin in range(0, max(numbers.size, 1), chunk_rows):
        part = slice(begin, begin + chunk_rows)
        obtained = iso_day_times(
            start_day + network.consent_obtained_day[part].astype(np.int64), "T13:00:00Z"
        )
        revoked_day = network.consent_revoked_day[part]
        revoked_mask = revoked_day != NOT_REVOKED
        revoked = iso_day_times(
            start_day + np.where(revoked_mask, revoked_day, 0).astype(np.int64), "T16:00:00Z"
        )
        evidence = pc.binary_join_element_wise(
            "optin-", pc.cast(pa.array(network.consent_evidence[part]), pa.string()), ""
        )
        yield pa.table(
            {
                "called_number": e164_strings(numbers[part]),
                "customer_id": pc.take(holders, pa.array(holder[part])),
                "consent_type": pc.take(pa.array(kinds), pa.array(kind[part])),
                "obtained_at": obtained,
                "revoked_at": pc.if_else(pa.array(revoked_mask), revoked, None),
                "evidence": evidence,
            }
        )
