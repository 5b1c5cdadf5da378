"""Command: ``callwarden synth``, a synthetic provider network with labelled campaigns."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from callwarden.cli import app
from callwarden.cli._console import ConsoleProgress, clean_errors, out
from callwarden.errors import InputError
from callwarden.synth import DEFAULT_START


@app.command(
    "synth",
    short_help="Write a synthetic provider network with labelled illegal campaigns.",
)
def synth_command(
    out_dir: Annotated[Path, typer.Argument(help="Directory to write into (created if missing).")],
    *,
    days: Annotated[int, typer.Option(help="Days of traffic, one CDR file per day.")] = 7,
    scale: Annotated[
        float, typer.Option(help="Traffic volume: 1 is about 1,000,000 call attempts a day.")
    ] = 0.1,
    seed: Annotated[int, typer.Option(help="Random seed: same arguments, same bytes.")] = 1,
    start: Annotated[
        str, typer.Option(help="First day (UTC), YYYY-MM-DD.")
    ] = DEFAULT_START.isoformat(),
    file_format: Annotated[
        str, typer.Option("--format", help="CDR file format: parquet or csv (.csv.gz).")
    ] = "parquet",
) -> None:
    """Write a synthetic provider's CDRs, customers, numbers, consent, DNO and RMD lists,
    and labels.csv: the ground truth of which senders run illegal robocall campaigns."""
    from callwarden.synth import SynthOptions, synthesize

    with clean_errors():
        try:
            first_day = date.fromisoformat(start)
        except ValueError:
            raise InputError(f"--start must be a date like 2022-08-01 (got {start!r})") from None
        options = SynthOptions(
            out_dir=out_dir,
            days=days,
            scale=scale,
            seed=seed,
            start=first_day,
            file_format=file_format,  # type: ignore[arg-type]  # checked by SynthOptions
        )
        progress = ConsoleProgress()
        result = synthesize(options, progress)
        progress.finish()
    out.print(
        f"wrote {result.rows:,} CDRs over {len(result.rows_per_day)} days "
        f"({result.illegal_rows:,} from illegal campaigns) and {result.labels:,} labels "
        f"to {result.out_dir}"
    )
