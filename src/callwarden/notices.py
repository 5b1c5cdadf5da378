"""Notices from regulators and traceback requests: the calls they name.

An FCC Enforcement Bureau notice under 47 CFR 64.1200(k)(4) lists the calls in its
Attachment A; a traceback request (Industry Traceback Group, law enforcement) names one
call. Numbers may be redacted in the notice; they are then None.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class NoticeCall:
    """One row of a notice's Attachment A (columns as in formats.md section 4)."""

    customer: str
    itg_notified_at: datetime | None
    call_time: datetime
    caller_id: str | None  # E.164, None when [REDACTED]
    called_number: str | None
    description: str | None
    violation: str | None


@dataclass(frozen=True)
class TracebackRequest:
    request_id: str | None
    call_time: datetime
    caller_id: str
    called_number: str
    campaign: str | None = None
