"""Fixtures shared by the whole suite.

Real servers, not mocks: ``postgres_url`` creates a throw-away database on the local
PostgreSQL server (design.md, "Real peers"). Off CI a missing server skips those
tests with the reason; on CI (CI=true) it fails them, because CI must exercise them.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest

ON_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
POSTGRES_ADMIN_URL = os.environ.get(
    "CALLWARDEN_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


def require(condition: bool, reason: str) -> None:
    """Skip (developer machine) or fail (CI) when a real peer is missing."""
    if condition:
        return
    if ON_CI:
        pytest.fail(f"CI must run this test, but: {reason}")
    pytest.skip(reason)


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database, dropped afterwards."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text("select 1"))
    except Exception as error:  # any connection failure means: no server here
        admin.dispose()
        require(False, f"PostgreSQL not reachable at {POSTGRES_ADMIN_URL}: {error}")
    name = f"callwarden_test_{uuid.uuid4().hex[:12]}"
    with admin.connect() as connection:
        connection.execute(text(f'create database "{name}"'))
    try:
        yield make_url(POSTGRES_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'drop database if exists "{name}" with (force)'))
        admin.dispose()
