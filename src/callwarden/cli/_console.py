"""Terminal helpers shared by the commands: the progress bar and error exits."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import typer
from rich.console import Console

from callwarden.errors import CallwardenError

if TYPE_CHECKING:
    from rich.progress import TaskID

console = Console(stderr=True)
out = Console()


class ConsoleProgress:
    """A rich progress bar with a live rows/s figure; implements callwarden.progress.Progress."""

    def __init__(self) -> None:
        # Only commands that run build a bar: `--help` need not import rich.progress.
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self._bar = Progress(
            SpinnerColumn(),
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=console,
            transient=False,
            # Off a terminal (CI, pipes) a bar is noise: print a line at start and end.
            disable=not console.is_terminal,
        )
        self._task: TaskID | None = None
        self._rows = 0
        self._t0 = 0.0

    def start(self, description: str, total: float | None = None) -> None:
        self.finish()
        self._bar.start()
        self._rows = 0
        self._t0 = time.perf_counter()
        self._task = self._bar.add_task(description, total=total, rate="")
        if self._bar.disable:
            console.print(f"{description} ...")

    def advance(self, amount: float = 1, *, rows: int = 0) -> None:
        if self._task is None:
            return
        self._rows += rows
        elapsed = max(time.perf_counter() - self._t0, 1e-9)
        rate = f"{self._rows / elapsed:,.0f} rows/s" if self._rows else ""
        self._bar.update(self._task, advance=amount, rate=rate)

    def finish(self) -> None:
        if self._task is None:
            return
        elapsed = time.perf_counter() - self._t0
        if self._bar.disable and self._rows:
            rate = self._rows / max(elapsed, 1e-9)
            console.print(f"  {self._rows:,} rows in {elapsed:.1f} s ({rate:,.0f} rows/s)")
        self._bar.stop()
        self._task = None


@contextmanager
def clean_errors() -> Iterator[None]:
    """Turn a deliberate callwarden error into one clear line and exit status 2."""
    try:
        yield
    except CallwardenError as error:
        console.print(f"[red]error:[/red] {error}")
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        console.print("interrupted")
        sys.exit(130)
