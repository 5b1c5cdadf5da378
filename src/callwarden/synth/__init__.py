"""A synthetic voice provider: customers, upstream carriers, their calls, and labels.

The demo data of ``callwarden demo`` and the test bed of the robocall detectors:
legitimate senders made as hard to tell apart from robocallers as real ones, and six
labelled illegal campaigns (see docs/formats.md section 6).

The names below load their modules on first use (PEP 562): the generator pulls in
NumPy, Arrow and phonenumbers' geographic data, and ``callwarden synth --help`` needs
only :data:`DEFAULT_START`.
"""

from __future__ import annotations

import importlib
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from callwarden.synth.labels import LABEL_COLUMNS
    from callwarden.synth.network import CALLS_PER_DAY_AT_SCALE_1
    from callwarden.synth.service import SynthOptions, SynthResult, synthesize

#: First day of a synthetic network unless told otherwise.
DEFAULT_START = date(2022, 8, 1)

_LAZY = {
    "CALLS_PER_DAY_AT_SCALE_1": "callwarden.synth.network",
    "LABEL_COLUMNS": "callwarden.synth.labels",
    "SynthOptions": "callwarden.synth.service",
    "SynthResult": "callwarden.synth.service",
    "synthesize": "callwarden.synth.service",
}

__all__ = [
    "CALLS_PER_DAY_AT_SCALE_1",
    "DEFAULT_START",
    "LABEL_COLUMNS",
    "SynthOptions",
    "SynthResult",
    "synthesize",
]


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(_LAZY[name]), name)
