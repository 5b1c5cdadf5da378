"""The ``callwarden`` command. Thin: each command parses its options, resolves
:class:`~callwarden.config.Settings` and calls one service; no logic lives here.

Commands are grouped by capability, one module each, registered on :data:`app` at import.
A command module imports its services inside the command function: `callwarden --help`
builds every command, and should not pay for DuckDB, Arrow, SQLAlchemy or phonenumbers'
geodata (tests/cli/test_startup.py keeps it so).
"""

from __future__ import annotations

import typer

app = typer.Typer(
    name="callwarden",
    help="Robocall mitigation for voice service providers.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Registration happens on import; the order is the order of `callwarden --help`.
from callwarden.cli import analyze as _analyze  # noqa: E402
from callwarden.cli import demo as _demo  # noqa: E402
from callwarden.cli import ingest as _ingest  # noqa: E402
from callwarden.cli import load as _load  # noqa: E402
from callwarden.cli import shaken as _shaken  # noqa: E402
from callwarden.cli import synth as _synth  # noqa: E402

__all__ = ["app", "main"]
_registered = (_analyze, _demo, _ingest, _load, _synth, _shaken)


def main() -> None:
    app()
