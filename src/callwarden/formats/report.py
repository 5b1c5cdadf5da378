"""How readers report bad rows: every one named with file, line and reason, none dropped
silently, and the good rows around it still delivered (DEVELOPERS.md rule 3)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

#: A report keeps this many row errors in memory; the rest are counted, not kept, so a
#: file that is wrong on every one of its 100 million lines cannot exhaust memory.
MAX_KEPT_ERRORS = 10_000


@dataclass(frozen=True)
class RowError:
    """One rejected row. ``line`` is the 1-based physical line in a text file (the header
    is line 1) or the 1-based row number in a Parquet file."""

    source: str
    line: int
    reason: str
    column: str | None = None
    value: str | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}"
        what = f" column {self.column!r}" if self.column else ""
        got = f" (got {self.value!r})" if self.value is not None else ""
        return f"{where}:{what} {self.reason}{got}"


@dataclass
class ReadReport:
    """What one reader did with one input."""

    source: str
    rows_read: int = 0
    rows_accepted: int = 0
    errors: list[RowError] = field(default_factory=list)
    errors_total: int = 0
    reasons: Counter[str] = field(default_factory=Counter)

    def reject(self, error: RowError) -> None:
        self.errors_total += 1
        self.reasons[error.reason] += 1
        if len(self.errors) < MAX_KEPT_ERRORS:
            self.errors.append(error)

    def in_line_order(self, since: int) -> None:
        """Sort the errors kept from position ``since`` on by line. A block reader finds
        a block's malformed rows before it checks the values of the others."""
        self.errors[since:] = sorted(self.errors[since:], key=lambda error: error.line)

    @property
    def rows_rejected(self) -> int:
        return self.errors_total

    def summary(self) -> str:
        text = (
            f"{self.source}: {self.rows_read:,} rows read, {self.rows_accepted:,} accepted, "
            f"{self.rows_rejected:,} rejected"
        )
        if self.reasons:
            top = ", ".join(f"{reason} x{count:,}" for reason, count in self.reasons.most_common(5))
            text += f" ({top})"
        return text
