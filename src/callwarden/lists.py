"""Lists a provider checks traffic against: Do-Not-Originate numbers and the FCC's
Robocall Mitigation Database (RMD)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class DnoEntry:
    """A number that never originates calls (inbound-only, unassigned, or the holder asked):
    a call presenting it as caller ID is spoofed and may be blocked (47 CFR 64.1200(k)(1))."""

    number: str  # E.164, or as presented when it does not normalise
    reason: str | None = None


@dataclass(frozen=True)
class RmdFiling:
    """One provider's certification in the Robocall Mitigation Database. Providers may not
    accept traffic directly from a provider absent from it (47 CFR 64.6305(g))."""

    frn: str
    business_name: str
    implementation: str | None = None
    last_updated: datetime | None = None
