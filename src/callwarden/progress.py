"""Progress reporting for long jobs (imports, synthesis, analysis, benchmarks).

Services accept any :class:`Progress`; entrypoints pass a terminal bar
(:func:`callwarden.cli.console_progress`) and tests pass nothing.
"""

from __future__ import annotations

from typing import Protocol


class Progress(Protocol):
    """Receives work done as it happens. Totals may be unknown (None)."""

    def start(self, description: str, total: float | None = None) -> None: ...

    def advance(self, amount: float = 1, *, rows: int = 0) -> None: ...

    def finish(self) -> None: ...


class NoProgress:
    """The silent default."""

    def start(self, description: str, total: float | None = None) -> None:
        pass

    def advance(self, amount: float = 1, *, rows: int = 0) -> None:
        pass

    def finish(self) -> None:
        pass
