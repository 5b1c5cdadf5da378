"""The exceptions callwarden raises, in one hierarchy.

Catch :class:`CallwardenError` to handle anything callwarden reports deliberately; an
exception of another type is a bug.
"""


class CallwardenError(Exception):
    """Base of every error callwarden raises on purpose."""


class ConfigError(CallwardenError):
    """A setting is missing or malformed (a URL, a path, a key)."""


class InputError(CallwardenError):
    """A whole input cannot be used: wrong file type, missing required column, unreadable.

    A single bad row is not an exception: readers report it as a
    :class:`callwarden.formats.RowError` and go on with the good rows.
    """

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)


class StoreError(CallwardenError):
    """The call store or the relational store cannot do what was asked."""


class ResourceError(CallwardenError):
    """The machine cannot give a job what it needs: memory, disk for spilling."""
