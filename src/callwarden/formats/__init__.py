"""Readers for the files a voice provider already has (docs/formats.md).

Every reader is lenient about form (column order, header case, BOM, gzip) and strict about
meaning: each bad row becomes a :class:`RowError` in the :class:`ReadReport` with its file,
line and reason, and the good rows around it still come out.
"""

from callwarden.formats.cdr import read_cdrs
from callwarden.formats.report import ReadReport, RowError

__all__ = ["ReadReport", "RowError", "read_cdrs"]
