"""Adapters that keep callwarden's data: the relational store and the call store.

Defaults that commands show in their ``--help`` live here rather than in the adapter
modules, so that the CLI can show them without importing DuckDB, Arrow or SQLAlchemy.
"""

#: Rows gathered before one call-store commit. Bigger chunks mean fewer files and fewer
#: anti-joins; smaller ones mean less memory and less work redone after a kill.
DEFAULT_COMMIT_ROWS = 1_000_000
