"""A synthetic voice provider: customers, upstream carriers, their calls, and labels.

The demo data of ``callwarden demo`` and the test bed of the robocall detectors:
legitimate senders made as hard to tell apart from robocallers as real ones, and six
labelled illegal campaigns (see docs/formats.md section 6).
"""

from callwarden.synth.labels import LABEL_COLUMNS
from callwarden.synth.network import CALLS_PER_DAY_AT_SCALE_1
from callwarden.synth.service import (
    DEFAULT_START,
    SynthOptions,
    SynthResult,
    synthesize,
)

__all__ = [
    "CALLS_PER_DAY_AT_SCALE_1",
    "DEFAULT_START",
    "LABEL_COLUMNS",
    "SynthOptions",
    "SynthResult",
    "synthesize",
]
