"""Readers for the files a voice provider already has (docs/formats.md).

Every reader is lenient about form (column order, header case, BOM, gzip) and strict about
meaning: each bad row becomes a :class:`RowError` in the :class:`ReadReport` with its file,
line and reason, and the good rows around it still come out. A file that cannot be used
at all (missing required column, unreadable) raises :class:`callwarden.errors.InputError`;
readers are generators, so that happens at the first ``next()``.

The files that can hold millions of rows also have a batch reader beside the record one
(``read_consent_batches``, ``read_numbers_batches``, ``read_dno_batches``): Arrow record
batches of ``CONSENT_SCHEMA``, ``NUMBERS_SCHEMA`` and ``DNO_SCHEMA``, each row with its
``line``, for loaders that need no Python object per row.
"""

from callwarden.formats.cdr import cdr_files, read_cdrs
from callwarden.formats.customers import (
    CONSENT_SCHEMA,
    NUMBERS_SCHEMA,
    read_consent,
    read_consent_batches,
    read_customers,
    read_numbers,
    read_numbers_batches,
)
from callwarden.formats.lists import DNO_SCHEMA, read_dno, read_dno_batches, read_rmd
from callwarden.formats.notices import read_notice, read_traceback_requests
from callwarden.formats.report import ReadReport, RowError
from callwarden.formats.thresholds import read_thresholds

__all__ = [
    "CONSENT_SCHEMA",
    "DNO_SCHEMA",
    "NUMBERS_SCHEMA",
    "ReadReport",
    "RowError",
    "cdr_files",
    "read_cdrs",
    "read_consent",
    "read_consent_batches",
    "read_customers",
    "read_dno",
    "read_dno_batches",
    "read_notice",
    "read_numbers",
    "read_numbers_batches",
    "read_rmd",
    "read_thresholds",
    "read_traceback_requests",
]
