"""callwarden: robocall mitigation for voice service providers.

The public surface is small and re-exported here; everything else is private to its
module. See README.md for the tour and docs/ for the data contracts.
"""

from callwarden.errors import (
    CallwardenError,
    ConfigError,
    InputError,
    StoreError,
)

__version__ = "0.1.0"

__all__ = [
    "CallwardenError",
    "ConfigError",
    "InputError",
    "StoreError",
    "__version__",
]
