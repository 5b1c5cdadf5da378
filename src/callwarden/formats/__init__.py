"""Readers for the files a voice provider already has (docs/formats.md).

Every reader is lenient about form (column order, header case, BOM, gzip) and strict about
meaning: each bad row becomes a :class:`RowError` in the :class:`ReadReport` with its file,
line and reason, and the good rows around it still come out. A file that cannot be used
at all (missing required column, unreadable) raises :class:`callwarden.errors.InputError`;
readers are generators, so that happens at the first ``next()``.
"""

from callwarden.formats.cdr import cdr_files, read_cdrs
from callwarden.formats.customers import read_consent, read_customers, read_numbers
from callwarden.formats.lists import read_dno, read_rmd
from callwarden.formats.notices import read_notice, read_traceback_requests
from callwarden.formats.report import ReadReport, RowError

__all__ = [
    "ReadReport",
    "RowError",
    "cdr_files",
    "read_cdrs",
    "read_consent",
    "read_customers",
    "read_dno",
    "read_notice",
    "read_numbers",
    "read_rmd",
    "read_traceback_requests",
]
