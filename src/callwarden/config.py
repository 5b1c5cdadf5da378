"""Where callwarden keeps its data, from the environment or explicit arguments.

Embedded defaults need no server: a SQLite file and a DuckDB/Parquet call store under
one data directory. Production points ``CALLWARDEN_DATABASE_URL`` at PostgreSQL.
Secrets (database passwords in URLs, signing keys) are never printed: use
:func:`redact_url` before a URL reaches a log line.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_HOME = Path("callwarden-data")
#: the relational store's SQLite file under HOME when no database URL is configured
SQLITE_FILE_NAME = "callwarden.db"


@dataclass(frozen=True)
class Settings:
    """The locations every entrypoint resolves before calling a service."""

    home: Path
    database_url: str

    @property
    def call_store_dir(self) -> Path:
        return self.home / "calls"

    @property
    def default_sqlite_path(self) -> Path:
        """Where the relational store lives when no database URL is configured."""
        return self.home / SQLITE_FILE_NAME

    @classmethod
    def from_env(cls, home: Path | None = None, database_url: str | None = None) -> Settings:
        resolved_home = home or Path(os.environ.get("CALLWARDEN_HOME", DEFAULT_HOME))
        url = database_url or os.environ.get("CALLWARDEN_DATABASE_URL")
        if not url:
            url = f"sqlite:///{(resolved_home / SQLITE_FILE_NAME).as_posix()}"
        return cls(home=resolved_home, database_url=url)


def redact_url(url: str) -> str:
    """The URL with any password replaced, safe for logs and error messages."""
    # Imported here: every command imports this module, and SQLAlchemy costs a large part
    # of a second to import, which `callwarden --help` should not pay.
    from sqlalchemy.engine import make_url  # noqa: PLC0415

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # a malformed URL must not leak through the error path either
        return "<unparseable database URL>"
