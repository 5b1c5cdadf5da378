"""``callwarden --help`` stays fast: building the command line loads no service.

Each command imports its services when it runs. A module-level import of one of them
in any command module would bring DuckDB, SQLAlchemy or phonenumbers' geographic data
back into every ``callwarden`` start (seconds, not milliseconds); on a failure,
``python -X importtime -c "import callwarden.cli"`` shows which import chain did it.
Checked in a fresh interpreter, since this one has them all loaded.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

#: Modules that cost a large part of a second each and that no ``--help`` needs.
HEAVY = ("duckdb", "sqlalchemy", "phonenumbers.geodata", "pyarrow", "alembic")


def modules_loaded_by(code: str) -> set[str]:
    probe = f"import sys\n{code}\nimport json\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def test_importing_the_cli_loads_no_heavy_module() -> None:
    loaded = modules_loaded_by("import callwarden.cli")
    assert "callwarden.cli.load" in loaded  # the probe did build the commands
    assert sorted(name for name in HEAVY if name in loaded) == []


@pytest.mark.parametrize(
    "command", ["", "load", "ingest", "synth", "demo", "analyze", "shaken sign", "shaken verify"]
)
def test_help_loads_no_heavy_module(command: str) -> None:
    arguments = [*command.split(), "--help"]
    code = (
        "from callwarden.cli import app\n"
        "try:\n"
        f"    app({arguments!r})\n"
        "except SystemExit as exit_:\n"
        "    assert exit_.code == 0, exit_.code\n"
    )
    loaded = modules_loaded_by(code)
    assert sorted(name for name in HEAVY if name in loaded) == []
