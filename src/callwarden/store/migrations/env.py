"""Alembic environment for callwarden's relational store.

callwarden runs migrations itself (:func:`callwarden.store.relational.open_database`),
on a connection it opened and holds in a transaction, so this file never builds an
engine and never reads an ``alembic.ini``: the connection arrives in
``config.attributes["connection"]``.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from callwarden.store.relational_models import VERSION_TABLE, Base


def run_migrations(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        version_table=VERSION_TABLE,
        # SQLite alters a table by rebuilding it; batch mode does that for later migrations.
        render_as_batch=connection.dialect.name == "sqlite",
        # Both dialects roll DDL back (callwarden emits BEGIN itself on SQLite), so a
        # migration interrupted half-way leaves the previous schema, not half of the next.
        transactional_ddl=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def _connection_from_caller() -> Connection:
    connection = context.config.attributes.get("connection")
    if not isinstance(connection, Connection):
        raise RuntimeError(
            "callwarden migrations run through callwarden.store.relational.open_database "
            "(or migrate()), which passes an open connection"
        )
    return connection


if context.is_offline_mode():
    raise RuntimeError("callwarden migrations run online only, on an open connection")
run_migrations(_connection_from_caller())
